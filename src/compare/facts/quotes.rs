//! The words attributed to a speaker — direct quotes and reported speech ("Zakharova described
//! the shooting as a terror attack") — compared across articles.
//!
//! Rules (ids as in [`Comparison::rule`]):
//! - `quote_same_words`: the same quoted words (three words or more, case and punctuation aside)
//!   in several articles: `agree`.
//! - `quote_stance_words`: one story person's words in two articles take opposite sides of an
//!   axis of `stances.tsv` ("terrorist act" / "firing chaotically" on intent), neither side
//!   negated just before: `conflict`. There is no model of meaning here: only words that take a
//!   side on their own count, and the explanation says so.
//! - `quote_speaker_words`: a story person quoted in several articles with no such opposition:
//!   `consistent` (different words, nothing found against each other), or `agree`
//!   (`quote_same_words`) when every article gives the same words.
//! - `quote_only_in`: a person quoted in one article alone: `only_in`.

use super::lexicon::lexicon;
use super::{and_list, distinct, Doc, Index, StoryIndex};
use crate::compare::{Claim, Comparison, Verdict};
use crate::entity::Kind;
use crate::events::words;
use std::ops::Range;

/// Words attributed to a speaker in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// Byte range of the words (the quote, or the reported claim).
    pub bytes: Range<usize>,
    /// The speaker's entity id.
    pub speaker: Option<String>,
    /// `quote` (in quotation marks) or `reported` (a claim the speaker is cited for).
    pub how: &'static str,
    /// Lower-case words, for matching the same words across articles.
    pub key: String,
    /// Stance words: axis, side, the word as written.
    pub stances: Vec<(&'static str, &'static str, String)>,
}

/// The words attributed to speakers in one document: the quotes, then the reported claims, each
/// in text order.
pub fn extract(doc: &Doc<'_>) -> Vec<Said> {
    let a = doc.analysis;
    let text = doc.text();
    let mut out: Vec<Said> = a.quotes.iter().map(|q| said(text, q.bytes.clone(), q.speaker.clone(), "quote")).collect();
    out.extend(
        a.sources
            .iter()
            .filter(|s| s.entity.is_some() && !s.media && !s.content_bytes.is_empty())
            .map(|s| said(text, s.content_bytes.clone(), s.entity.clone(), "reported")),
    );
    out
}

fn said(text: &str, bytes: Range<usize>, speaker: Option<String>, how: &'static str) -> Said {
    let l = lexicon();
    let ws = if text.get(bytes.clone()).is_some() { words(text, bytes.clone()) } else { Vec::new() };
    let key = ws.iter().map(|w| w.lower.as_ref()).collect::<Vec<_>>().join(" ");
    let stances = ws
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let (axis, side) = l.stances.get(w.lower.as_ref())?;
            let negated = ws[i.saturating_sub(4)..i]
                .iter()
                .any(|n| l.negations.contains(n.lower.as_ref()) || n.lower.ends_with("n't"));
            (!negated).then(|| (*axis, *side, text[w.bytes.clone()].to_string()))
        })
        .collect();
    Said { bytes, speaker, how, key, stances }
}

/// Compare the words attributed to speakers across the documents.
pub fn compare(docs: &[Doc<'_>], story: &StoryIndex) -> Vec<Comparison> {
    let extracted: Vec<Vec<Said>> = docs.iter().map(extract).collect();
    let mut out = same_words(docs, &extracted, story);
    if docs.len() < 2 {
        return out;
    }
    // Each story person's words, per document.
    let mut by_person: Vec<Vec<(usize, &Said)>> = (0..story.len()).map(|_| Vec::new()).collect();
    let mut order = Vec::new();
    for (d, (doc, said)) in docs.iter().zip(&extracted).enumerate() {
        let a = doc.analysis;
        let people: Index<'_> =
            a.entities.iter().filter(|x| x.kind == Kind::Person).map(|x| ((x.id.as_str(), ""), 0)).collect();
        for s in said {
            let Some(e) = s.speaker.as_deref() else { continue };
            if !people.contains_key(&(e, "")) {
                continue;
            }
            let Some(person) = story.of(&a.id, e) else { continue };
            if by_person[person].is_empty() {
                order.push(person);
            }
            by_person[person].push((d, s));
        }
    }
    for person in order {
        let said = &by_person[person];
        let mut documents: Vec<usize> = said.iter().map(|(d, _)| *d).collect();
        documents.dedup();
        let name = story.name(person);
        let about = Some(story.id(person).to_string());
        let claim = |d: usize, s: &Said, reading: String| docs[d].claim(&s.bytes, None, reading);
        if documents.len() == 1 {
            let quotes: Vec<Claim> = said
                .iter()
                .filter(|(_, s)| s.how == "quote")
                .map(|(d, s)| claim(*d, s, "quoted".to_string()))
                .collect();
            if quotes.is_empty() {
                continue;
            }
            out.push(Comparison {
                id: String::new(),
                topic: format!("{name}'s words"),
                kind: "quote",
                status: Verdict::OnlyIn,
                explanation: format!("Only {} quotes {name}.", docs[documents[0]].analysis.id),
                claims: quotes,
                about,
                rule: "quote_only_in",
            });
            continue;
        }
        match opposition(said) {
            Some((axis, first, second)) => {
                let hits = |s: &Said, side: &str| -> Vec<String> {
                    s.stances.iter().filter(|(x, y, _)| *x == axis && *y == side).map(|(_, _, w)| w.clone()).collect()
                };
                let mut claims = Vec::new();
                for (d, s) in said {
                    for side in [first, second] {
                        let words = hits(s, side);
                        if !words.is_empty() {
                            claims.push(claim(*d, s, format!("{side} ({axis}): {}", words.join(", "))));
                        }
                    }
                }
                let sides: Vec<String> = [first, second]
                    .iter()
                    .map(|side| {
                        let words: Vec<String> = said
                            .iter()
                            .filter_map(|(d, s)| {
                                let words = hits(s, side);
                                let id = &docs[*d].analysis.id;
                                (!words.is_empty()).then(|| format!("“{}” ({id})", words.join("”, “")))
                            })
                            .collect();
                        format!("{side}: {}", words.join(", "))
                    })
                    .collect();
                out.push(Comparison {
                    id: String::new(),
                    topic: format!("{name}'s account ({axis})"),
                    kind: "quote",
                    status: Verdict::Conflict,
                    explanation: format!(
                        "{name}'s words take opposite sides on {axis} — {} against {} — judged from a word list, not from meaning.",
                        sides[0], sides[1]
                    ),
                    claims,
                    about,
                    rule: "quote_stance_words",
                });
            }
            None if said.iter().all(|(_, s)| s.key == said[0].1.key) => {
                let ids: Vec<&str> = distinct(documents.iter().map(|&d| docs[d].analysis.id.as_str()));
                out.push(Comparison {
                    id: String::new(),
                    topic: format!("{name}'s words"),
                    kind: "quote",
                    status: Verdict::Agree,
                    explanation: format!("{} quote {name} in the same words.", and_list(&ids)),
                    claims: said.iter().map(|(d, s)| claim(*d, s, "the same words".to_string())).collect(),
                    about,
                    rule: "quote_same_words",
                });
            }
            None => {
                let ids: Vec<&str> = distinct(documents.iter().map(|&d| docs[d].analysis.id.as_str()));
                out.push(Comparison {
                    id: String::new(),
                    topic: format!("{name}'s words"),
                    kind: "quote",
                    status: Verdict::Consistent,
                    explanation: format!(
                        "{} quote {name}; no opposite stance words between them (the wording itself is not judged).",
                        and_list(&ids)
                    ),
                    claims: said.iter().map(|(d, s)| claim(*d, s, s.how.to_string())).collect(),
                    about,
                    rule: "quote_speaker_words",
                });
            }
        }
    }
    out
}

/// An axis on which two documents' words take opposite sides: (axis, one side, the other), in
/// the order the words come.
fn opposition(said: &[(usize, &Said)]) -> Option<(&'static str, &'static str, &'static str)> {
    // (axis, side, documents using it), in order of first use; a handful at most.
    let mut seen: Vec<(&'static str, &'static str, Vec<usize>)> = Vec::new();
    for (d, s) in said {
        for (axis, side, _) in &s.stances {
            match seen.iter_mut().find(|(a, b, _)| a == axis && b == side) {
                Some((_, _, docs)) => docs.push(*d),
                None => seen.push((axis, side, vec![*d])),
            }
        }
    }
    seen.iter().enumerate().find_map(|(i, (axis, side, docs))| {
        seen[i + 1..].iter().find_map(|(axis2, side2, docs2)| {
            let apart = docs.iter().any(|d| docs2.iter().any(|d2| d2 != d));
            (axis == axis2 && side != side2 && apart).then_some((*axis, *side, *side2))
        })
    })
}

/// The same quoted words in several documents (unless one story person says them all: that
/// person's comparison shows them).
fn same_words(docs: &[Doc<'_>], extracted: &[Vec<Said>], story: &StoryIndex) -> Vec<Comparison> {
    let mut index = Index::new();
    let mut groups: Vec<Vec<(usize, &Said)>> = Vec::new();
    for (d, said) in extracted.iter().enumerate() {
        for s in said.iter().filter(|s| s.how == "quote" && s.key.split(' ').count() >= 3) {
            let g = *index.entry((s.key.as_str(), "")).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push((d, s));
        }
    }
    groups
        .iter()
        .filter_map(|group| {
            let ids = distinct(group.iter().map(|(d, _)| docs[*d].analysis.id.as_str()));
            let person = |(d, s): &(usize, &Said)| {
                let a = docs[*d].analysis;
                s.speaker.as_deref().and_then(|e| story.of(&a.id, e))
            };
            // One person's words that are all they are quoted saying: the comparison of that
            // person's words says it already.
            if ids.len() < 2 {
                return None;
            }
            let one_person = person(&group[0]).is_some() && group.iter().all(|g| person(g) == person(&group[0]));
            let all_they_say = one_person
                && extracted.iter().enumerate().all(|(d, said)| {
                    said.iter()
                        .filter(|s| s.how == "quote" && person(&(d, *s)) == person(&group[0]))
                        .all(|s| s.key == group[0].1.key)
                });
            if all_they_say {
                return None;
            }
            let (d0, s0) = group[0];
            let words = docs[d0].text().get(s0.bytes.clone()).unwrap_or_default().trim().to_string();
            Some(Comparison {
                id: String::new(),
                topic: format!("“{words}”"),
                kind: "quote",
                status: Verdict::Agree,
                explanation: format!("{} quote the same words.", and_list(&ids)),
                claims: group
                    .iter()
                    .map(|(d, s)| docs[*d].claim(&s.bytes, None, "the same words".to_string()))
                    .collect(),
                about: None,
                rule: "quote_same_words",
            })
        })
        .collect()
}
