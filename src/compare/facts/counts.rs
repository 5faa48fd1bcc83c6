//! Counts: "at least eight shots", "hit by 11 bullets", "shot him at least once", "three other
//! people were wounded", "several shots were fired" — a number (or a vague quantifier) with its
//! hedge as an interval, the unit it counts and the happening it counts it for.
//!
//! Rules (ids as in [`Count::rule`]):
//! - `count_number`: [hedge] number [adjective] unit-noun — "at least eight shots", "11 bullets".
//! - `count_quantifier`: vague quantifier [adjective] unit-noun — "several shots" [3, ∞).
//! - `count_times`: [hedge] once / twice / N times after a verb that counts a unit class — "shot
//!   him at least once" (shots, [1, ∞)).
//!
//! A count is kept only when its sentence holds a happening it can be about: an event whose base
//! form `counted.tsv` lists for the unit class ("injured" for people, "fired" for shots), asserted
//! (not negated, hypothetical or future). Counts of the same unit class and the same `what`
//! ("shots fired", "people injured") are one point across articles (rule `count_same_thing`),
//! split where their happenings cannot be the same one (two different story events, two times
//! that cannot meet, see [`super::dates::may_meet`]): only counts of one happening are weighed
//! against each other.

use super::lexicon::{lexicon, HedgeKind};
use super::{clusters, judge, Doc, Index, Judge, Weighed};
use crate::compare::{Comparison, Interval, Story};
use crate::events::{words, Event, Word};
use crate::DocumentAnalysis;
use std::ops::Range;

/// A count stated in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    /// Byte range of the words (hedge, number, unit).
    pub bytes: Range<usize>,
    /// The value as an interval.
    pub value: Interval,
    /// The value for display ("8 or more", "several (3 or more)").
    pub reading: String,
    /// The unit class (`shots`, `people`).
    pub class: &'static str,
    /// What happened to what is counted (`fired`, `injured`).
    pub what: &'static str,
    /// The event it is counted for (`v12`).
    pub event: String,
    /// The rule that found it: `count_number`, `count_quantifier` or `count_times`.
    pub rule: &'static str,
}

/// A number or quantifier read at some word: its interval, its reading, the words after it.
struct Quantity {
    value: Interval,
    reading: String,
    next: usize,
    rule: &'static str,
}

/// The counts of one document, in text order.
pub fn extract(doc: &DocumentAnalysis) -> Vec<Count> {
    let text = doc.text.as_str();
    // The asserted events something can be counted for, grouped by sentence (events are in text
    // order): only their sentences are read.
    let counted = &lexicon().counted;
    let mut sentences: Vec<(Range<usize>, Vec<&Event>)> = Vec::new();
    let countable = |e: &&Event| counted.iter().any(|c| c.lemma == e.lemma);
    for e in doc.events.iter().filter(|e| e.positive && !e.hypothetical && !e.future).filter(countable) {
        match sentences.last_mut() {
            Some((s, list)) if *s == e.sentence_bytes => list.push(e),
            _ => sentences.push((e.sentence_bytes.clone(), vec![e])),
        }
    }
    let mut out = Vec::new();
    for (sentence, events) in &sentences {
        let Some(ws) = text.get(sentence.clone()).map(|_| words(text, sentence.clone())) else { continue };
        let mut i = 0;
        while i < ws.len() {
            match read_count(text, &ws, i, events) {
                // A number the time stage reads as a date ("in 2015 people …", "December 19
                // people …") counts nothing.
                Some((count, _)) if dated(&doc.timexes, &count.bytes) => i += 1,
                Some((count, next)) => {
                    out.push(count);
                    i = next;
                }
                None => i += 1,
            }
        }
    }
    // In text order already: sentences in order, words in order.
    out
}

/// Does a time expression overlap these bytes?
fn dated(timexes: &[crate::Timex], bytes: &Range<usize>) -> bool {
    let i = timexes.partition_point(|t| t.bytes.end <= bytes.start);
    timexes.get(i).is_some_and(|t| t.bytes.start < bytes.end)
}

/// A count starting at word `i`, and the word after it.
fn read_count(text: &str, ws: &[Word], i: usize, events: &[&Event]) -> Option<(Count, usize)> {
    let l = lexicon();
    let first = ws[i].lower.as_ref();
    let opens = |w: &str| matches!(w, "once" | "twice" | "thrice") || l.openers.contains(w);
    if !opens(first) && !first.starts_with(|c: char| c.is_ascii_digit()) && cardinal(first).is_none() {
        return None;
    }
    let (hedge, at) =
        match l.hedges.iter().filter(|(phrase, _)| starts_with(text, ws, i, phrase)).max_by_key(|(p, _)| p.len()) {
            Some((phrase, kind)) => (Some((*kind, phrase.join(" "))), i + phrase.len()),
            None => (None, i),
        };
    if hedge.is_some() && !joined(text, ws, at) {
        return None;
    }
    let start = ws[i].bytes.start;
    let frequency = match ws.get(at)?.lower.as_ref() {
        "once" => Some(1),
        "twice" => Some(2),
        "thrice" => Some(3),
        _ => None,
    };
    let quantity = match frequency {
        Some(n) => {
            let value = hedged(hedge.as_ref().map(|h| h.0), n);
            let reading = reading(hedge.as_ref().map(|h| h.1.as_str()), &text[ws[at].bytes.clone()], &value);
            Quantity { value, reading, next: at + 1, rule: "count_times" }
        }
        None => number(text, ws, at, hedge.as_ref()).or_else(|| quantifier(text, ws, at, hedge.is_some()))?,
    };
    // "once", "twice", "N times", "multiple times" after a verb that counts a unit class.
    let times_word = ws.get(quantity.next).is_some_and(|w| w.lower == "times") && joined(text, ws, quantity.next);
    if frequency.is_some() || times_word {
        let next = if times_word { quantity.next + 1 } else { quantity.next };
        let (event, counted) = events
            .iter()
            .filter(|e| e.bytes.end <= start && start - e.bytes.end <= 40)
            .filter(|e| !text[e.bytes.end..start].contains([',', ';', ':', '.', '“', '”', '"']))
            .filter_map(|e| l.counted.iter().find(|c| c.times && c.lemma == e.lemma).map(|c| (e, c)))
            .max_by_key(|(e, _)| e.bytes.start)?;
        let count = Count {
            bytes: start..ws[next - 1].bytes.end,
            value: quantity.value,
            reading: quantity.reading,
            class: counted.class,
            what: counted.what,
            event: event.id.clone(),
            rule: "count_times",
        };
        return Some((count, next));
    }
    let mut unit_at = quantity.next;
    if ws.get(unit_at).is_some_and(|w| l.adjectives.contains(w.lower.as_ref())) && joined(text, ws, unit_at) {
        unit_at += 1;
    }
    let unit = ws.get(unit_at).filter(|_| joined(text, ws, unit_at))?;
    let class = *l.units.get(unit.lower.as_ref())?;
    let (event, counted) = events
        .iter()
        .filter_map(|e| l.counted.iter().find(|c| c.class == class && c.lemma == e.lemma).map(|c| (e, c)))
        .min_by_key(|(e, _)| e.bytes.start.abs_diff(start))?;
    let count = Count {
        bytes: start..unit.bytes.end,
        value: quantity.value,
        reading: quantity.reading,
        class,
        what: counted.what,
        event: event.id.clone(),
        rule: quantity.rule,
    };
    Some((count, unit_at + 1))
}

/// A vague quantifier at word `at` ("several", "a few"); never after a hedge.
fn quantifier(text: &str, ws: &[Word], at: usize, hedged: bool) -> Option<Quantity> {
    if hedged {
        return None;
    }
    let (phrase, min, max) = lexicon()
        .quantifiers
        .iter()
        .filter(|(phrase, _, _)| starts_with(text, ws, at, phrase))
        .max_by_key(|(p, _, _)| p.len())?;
    let value = Interval { min: Some(f64::from(*min)), max: max.map(f64::from) };
    Some(Quantity {
        value,
        reading: format!("{} ({})", phrase.join(" "), value.reading()),
        next: at + phrase.len(),
        rule: "count_quantifier",
    })
}

/// Do the words from `i` on spell `phrase`, with only spaces between them?
fn starts_with(text: &str, ws: &[Word], i: usize, phrase: &[&str]) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(k, p)| ws.get(i + k).is_some_and(|w| w.lower == *p) && (k == 0 || joined(text, ws, i + k)))
}

/// Is word `i` joined to the word before it by spaces alone (no comma, no full stop)?
fn joined(text: &str, ws: &[Word], i: usize) -> bool {
    i > 0
        && ws
            .get(i)
            .is_some_and(|w| text[ws[i - 1].bytes.end..w.bytes.start].chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// A number at word `at`: digits or a number word ("eight", "twenty-four").
fn number(text: &str, ws: &[Word], at: usize, hedge: Option<&(HedgeKind, String)>) -> Option<Quantity> {
    let w = ws.get(at)?;
    let n = cardinal(&w.lower)?;
    let value = hedged(hedge.map(|h| h.0), n);
    Some(Quantity {
        value,
        reading: reading(hedge.map(|h| h.1.as_str()), &text[w.bytes.clone()], &value),
        next: at + 1,
        rule: "count_number",
    })
}

/// "11" → 11, "eight" → 8, "twenty-four" → 24 (number words from the time stage's list).
fn cardinal(word: &str) -> Option<u32> {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok().filter(|&n| n < 100_000);
    }
    let numbers = &lexicon().numbers;
    word.split('-').map(|part| numbers.get(part).copied()).try_fold(0, |acc, n| n.map(|n| acc + n))
}

/// The interval a hedge gives a number.
pub fn hedged(hedge: Option<HedgeKind>, n: u32) -> Interval {
    let n = f64::from(n);
    let slack = (n * 0.1).round().max(1.0);
    match hedge {
        None => Interval::exact(n),
        Some(HedgeKind::AtLeast) => Interval { min: Some(n), max: None },
        Some(HedgeKind::MoreThan) => Interval { min: Some(n + 1.0), max: None },
        Some(HedgeKind::AtMost) => Interval { min: Some(0.0), max: Some(n) },
        Some(HedgeKind::FewerThan) => Interval { min: Some(0.0), max: Some((n - 1.0).max(0.0)) },
        Some(HedgeKind::About) => Interval { min: Some((n - slack).max(0.0)), max: Some(n + slack) },
        Some(HedgeKind::Nearly) => Interval { min: Some((n - slack).max(0.0)), max: Some(n) },
    }
}

/// "at least eight (8 or more)", "11", "about 30 (29–33)".
fn reading(hedge: Option<&str>, number: &str, value: &Interval) -> String {
    match hedge {
        None if number.bytes().all(|b| b.is_ascii_digit()) => number.to_string(),
        None => format!("{number} ({})", value.reading()),
        Some(h) => format!("{h} {number} ({})", value.reading()),
    }
}

/// What two counts' happenings are, for [`Judge::comparable`]: the story event of the counted
/// event (if any) and its time, as ISO prefixes.
#[derive(Debug, Clone)]
pub struct Happening {
    story_event: Option<String>,
    time: Option<(String, String)>,
}

struct SameHappening;

impl Judge<Happening> for SameHappening {
    fn comparable(&self, a: &Happening, b: &Happening) -> bool {
        if let (Some(x), Some(y)) = (&a.story_event, &b.story_event) {
            if x != y {
                return false;
            }
        }
        match (&a.time, &b.time) {
            (Some((s1, e1)), Some((s2, e2))) => super::dates::may_meet((s1, e1), (s2, e2)),
            _ => true,
        }
    }
}

/// A count's point: unit class and what happened.
type Key = (&'static str, &'static str);

/// Compare the documents' counts: one comparison per unit class and happening (`what`) stated in
/// any document.
pub fn compare(docs: &[Doc<'_>], story: &Story) -> Vec<Comparison> {
    let mut story_event = Index::new();
    for (i, e) in story.events.iter().enumerate() {
        for m in &e.members {
            story_event.insert((m.document.as_str(), m.event.as_str()), i);
        }
    }
    let mut groups: Vec<(Key, Vec<Weighed<Happening>>)> = Vec::new();
    for doc in docs {
        let a = doc.analysis;
        let event_of: Index<'_> =
            a.events.iter().enumerate().map(|(i, e)| ((a.id.as_str(), e.id.as_str()), i)).collect();
        for count in extract(a) {
            let event = event_of.get(&(a.id.as_str(), count.event.as_str())).map(|&i| &a.events[i]);
            let about = Happening {
                story_event: story_event
                    .get(&(a.id.as_str(), count.event.as_str()))
                    .map(|&i| story.events[i].id.clone()),
                time: event.and_then(|e| e.time.as_ref()).and_then(|t| Some((t.start.clone()?, t.end.clone()?))),
            };
            let weighed = Weighed {
                claim: doc.claim(&count.bytes, Some(count.value), count.reading.clone()),
                value: count.value,
                statement: count.value.reading(),
                about,
            };
            let key = (count.class, count.what);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, claims)) => claims.push(weighed),
                None => groups.push((key, vec![weighed])),
            }
        }
    }
    groups
        .into_iter()
        .flat_map(|((class, what), claims)| clusters(claims, &SameHappening).into_iter().map(move |c| (class, what, c)))
        .map(|(class, what, claims)| {
            let (status, explanation) = judge(&claims, &SameHappening);
            let about = claims.iter().find_map(|c| c.about.story_event.clone());
            Comparison {
                id: String::new(),
                topic: format!("{class} {what}"),
                kind: "count",
                status,
                explanation,
                claims: claims.into_iter().map(|c| c.claim).collect(),
                about,
                rule: "count_same_thing",
            }
        })
        .collect()
}
