//! Where the aligned happenings took place: the place each article gives one story event.
//!
//! Rule `event_place`: a mention's place is a place named right after "in" or "at" (with at most
//! three words between: "in the Turkish capital Ankara") in the words after its trigger, read up
//! to the first comma, dash, quotation mark or bracket, or a word that starts another clause or
//! another thing ("was", "for", "after", "that" …: `place_stops.txt`), so "killed in Ankara" and
//! "shot dead by an off-duty police officer at an art gallery Monday evening in Ankara" give
//! Ankara, and "the shooting was retaliation for the crisis in Aleppo" gives nothing. A city
//! stands inside its country where an article says so ("Ankara, Turkey"); an article naming both
//! keeps the city.
//!
//! Mentions inside a quote are left out: they are someone's words ("We die in Aleppo"), not the
//! article's account. Across articles, for one story event: articles that give it one place each `agree` when it is
//! the same place and are `consistent` when one place holds the other (Ankara and Turkey).
//! Different places are not judged (a clause's place may be another happening's), nor is an
//! article that gives one happening two places.

use super::careers::countries;
use super::{and_list, certainty_note, distinct, Doc, Index, StoryIndex, Weighed};
use crate::compare::{Comparison, Interval, Story, Verdict};
use crate::entity::Kind;
use crate::events::Event;
use std::ops::Range;

/// The place right after a mention's trigger and the words naming it ("in Ankara"), as a place
/// entity id of the document.
pub fn place_of<'a>(doc: &Doc<'a>, places: &[(Range<usize>, &'a str)], e: &Event) -> Option<(&'a str, Range<usize>)> {
    let text = doc.text();
    let stops = &super::lexicon::lexicon().place_stops;
    let end = e.sentence_bytes.end.min(text.len());
    let mut at = e.bytes.end;
    let mut words = 0;
    while at < end && words < 16 {
        let rest = &text[at..end];
        let gap = rest.len() - rest.trim_start().len();
        let word_start = at + gap;
        let word_len =
            text[word_start..end].find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'));
        let word_end = word_start + word_len.unwrap_or(end - word_start);
        if word_end == word_start {
            return None; // punctuation: the clause goes no further
        }
        let word = text[word_start..word_end].to_lowercase();
        if stops.contains(word.as_str()) {
            return None;
        }
        if word == "in" || word == "at" {
            let i = places.partition_point(|(b, _)| b.start < word_end);
            let (bytes, id) = places.get(i)?;
            let between = text.get(word_end..bytes.start)?;
            let near = between.split_whitespace().count() <= 3 && !between.contains([',', ';', '(', '"', '“', '”']);
            if near && bytes.end <= end {
                return Some((id, word_start..bytes.end));
            }
        }
        at = word_end;
        words += 1;
    }
    None
}

/// Compare the places the documents give each story event.
pub fn compare(docs: &[Doc<'_>], story: &Story, people: &StoryIndex) -> Vec<Comparison> {
    let within = countries(docs, people);
    let holds = |outer: usize, inner: usize| within.iter().any(|&(i, o)| i == inner && o == outer);
    let index: Index<'_> = docs.iter().enumerate().map(|(i, d)| ((d.analysis.id.as_str(), ""), i)).collect();
    let mut events = Index::new();
    let mut places: Vec<Vec<(Range<usize>, &str)>> = Vec::new();
    for d in docs {
        let a = d.analysis;
        events.extend(a.events.iter().enumerate().map(|(i, e)| ((a.id.as_str(), e.id.as_str()), i)));
        let mut list: Vec<(Range<usize>, &str)> = a
            .entities
            .iter()
            .filter(|e| e.kind == Kind::Place)
            .flat_map(|e| e.mentions.iter().map(move |m| (d.bytes(*m), e.id.as_str())))
            .collect();
        list.sort_by_key(|(b, _)| b.start);
        places.push(list);
    }
    let mut out = Vec::new();
    for event in story.events.iter() {
        // Each document's places for the happening: (document, story place, words).
        let mut found: Vec<(usize, usize, Range<usize>)> = Vec::new();
        for m in &event.members {
            let Some(&d) = index.get(&(m.document.as_str(), "")) else { continue };
            let Some(&e) = events.get(&(m.document.as_str(), m.event.as_str())) else { continue };
            let a = docs[d].analysis;
            let e = &a.events[e];
            // Words inside a quote are someone's, not the article's account ("We die in Aleppo").
            let quoted = a.quotes.iter().any(|q| q.bytes.start <= e.bytes.start && e.bytes.end <= q.bytes.end);
            if !e.positive || quoted {
                continue;
            }
            let Some((place, words)) = place_of(&docs[d], &places[d], e) else { continue };
            let Some(x) = people.of(&m.document, place) else { continue };
            if !found.iter().any(|f| f.0 == d && f.1 == x) {
                found.push((d, x, words));
            }
        }
        // One place per document: the most precise, when the others hold it.
        let mut per_doc: Vec<(usize, usize, Range<usize>)> = Vec::new();
        for d in 0..docs.len() {
            let mine: Vec<&(usize, usize, Range<usize>)> = found.iter().filter(|f| f.0 == d).collect();
            let inner = mine.iter().find(|f| mine.iter().all(|g| g.1 == f.1 || holds(g.1, f.1)));
            if let Some(f) = inner {
                per_doc.push((*f).clone());
            }
        }
        if per_doc.len() < 2 {
            continue;
        }
        let same = per_doc.iter().all(|f| f.1 == per_doc[0].1);
        let nested = per_doc.iter().all(|f| per_doc.iter().all(|g| f.1 == g.1 || holds(f.1, g.1) || holds(g.1, f.1)));
        if !same && !nested {
            continue;
        }
        let claims: Vec<Weighed<()>> = per_doc
            .iter()
            .map(|(d, x, words)| Weighed {
                claim: docs[*d].claim(words, None, people.name(*x).to_string()),
                value: Interval { min: None, max: None },
                statement: people.name(*x).to_string(),
                about: (),
            })
            .collect();
        let documents: Vec<&str> = claims.iter().map(|c| c.claim.document.as_str()).collect();
        let note = certainty_note(&claims);
        let (status, explanation) = if same {
            (Verdict::Agree, format!("{} all place it in {}{note}.", and_list(&documents), people.name(per_doc[0].1)))
        } else {
            let uniq = distinct(claims.iter().map(|c| c.statement.as_str()));
            (
                Verdict::Consistent,
                format!("{} hold one another: one place, named more or less precisely{note}.", and_list(&uniq)),
            )
        };
        out.push(Comparison {
            id: String::new(),
            topic: format!("where: {}", event.label),
            kind: "place",
            status,
            explanation,
            claims: claims.into_iter().map(|c| c.claim).collect(),
            about: Some(event.id.clone()),
            rule: "event_place",
        });
    }
    out
}
