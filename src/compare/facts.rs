//! Facts the articles state about the story's entities and happenings, compared across articles.
//!
//! ```text
//! each document ──counts::extract──▶ Count  (what is counted, for which happening, as an interval)
//!               ──ages::extract────▶ Stated age or birth, tied to a person (birth years)
//!               ──quotes::extract──▶ Words of a speaker (quotes and reported speech)
//! story events ──dates::compare──▶ the time each article gives one happening
//! story people ──roles::compare──▶ the titles each article gives one person
//!               ──careers::compare──▶ when each article has a person come to a country
//! story events ──places::compare──▶ the place each article gives one happening
//! facts on one point (same key) across documents ──judge──▶ Comparison (conflict / consistent /
//!                                                           agree / only_in)
//! ```
//!
//! Facts are extracted per document by pure functions of its [`DocumentAnalysis`]; only the
//! grouping across documents needs the [`Story`] (which person a document's entity is). Every
//! comparison says which rule made it. Precision first: two claims are only compared when they
//! are about the same thing (the same unit class and happening, the same story person, the same
//! speaker), and a vague word is read widely, so a conflict means no reading of the words agrees.

pub mod ages;
pub mod careers;
pub mod counts;
pub mod dates;
#[cfg(test)]
mod examples;
pub mod lexicon;
pub mod places;
pub mod quotes;
pub mod roles;

use super::{Claim, Comparison, Interval, Story, Verdict};
use crate::attribution::Certainty;
use crate::{DocumentAnalysis, Span};
use std::collections::HashMap;
use std::ops::Range;

/// The comparisons of the documents' facts, in no particular order.
pub fn compare(documents: &[DocumentAnalysis], story: &Story) -> Vec<Comparison> {
    let docs: Vec<Doc<'_>> = documents.iter().map(Doc::new).collect();
    let people = StoryIndex::new(story);
    let mut out = counts::compare(&docs, story);
    out.extend(ages::compare(&docs, &people));
    out.extend(quotes::compare(&docs, &people));
    out.extend(dates::compare(&docs, story));
    out.extend(roles::compare(&docs, &people));
    out.extend(careers::compare(&docs, &people));
    out.extend(places::compare(&docs, story, &people));
    out
}

/// A document with the look-ups the fact extractors share: byte ↔ UTF-16 offsets, sentence byte
/// ranges and their certainty.
pub struct Doc<'a> {
    /// The analysis.
    pub analysis: &'a DocumentAnalysis,
    /// `utf16[b]`: UTF-16 offset of byte `b` (length `text.len() + 1`); empty for an ASCII text,
    /// where the two are the same.
    utf16: Vec<u32>,
    /// Sentence byte ranges, in order.
    pub sentences: Vec<Range<usize>>,
    /// Each sentence's certainty.
    certainty: Vec<Certainty>,
}

impl<'a> Doc<'a> {
    /// Build the look-ups of one document.
    pub fn new(analysis: &'a DocumentAnalysis) -> Self {
        let text = analysis.text.as_str();
        let mut utf16 = Vec::new();
        if !text.is_ascii() {
            utf16.reserve(text.len() + 1);
            let mut unit = 0u32;
            for ch in text.chars() {
                utf16.extend(std::iter::repeat(unit).take(ch.len_utf8()));
                unit += ch.len_utf16() as u32;
            }
            utf16.push(unit);
        }
        let mut doc = Doc { analysis, utf16, sentences: Vec::new(), certainty: Vec::new() };
        doc.sentences = analysis.sentences.iter().map(|s| doc.bytes(*s)).collect();
        // One certainty per sentence, in the order of the sentences.
        doc.certainty = analysis
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                analysis.certainty.get(i).filter(|c| c.sentence == *s).map_or(Certainty::Certain, |c| c.value)
            })
            .collect();
        doc
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        &self.analysis.text
    }

    /// The UTF-16 span of a byte range.
    pub fn span(&self, bytes: &Range<usize>) -> Span {
        if self.utf16.is_empty() {
            let len = self.analysis.text.len();
            return [bytes.start.min(len), bytes.end.min(len)];
        }
        let at = |b: usize| self.utf16.get(b).copied().unwrap_or(0) as usize;
        [at(bytes.start), at(bytes.end)]
    }

    /// The byte range of a UTF-16 span (clamped to the text, on character boundaries).
    pub fn bytes(&self, span: Span) -> Range<usize> {
        let text = &self.analysis.text;
        if self.utf16.is_empty() {
            let start = span[0].min(text.len());
            return start..span[1].min(text.len()).max(start);
        }
        let at = |u: usize| {
            let b = self.utf16.partition_point(|&x| (x as usize) < u).min(self.analysis.text.len());
            (b..=self.analysis.text.len()).find(|&b| self.analysis.text.is_char_boundary(b)).unwrap_or(b)
        };
        let start = at(span[0]);
        start..at(span[1]).max(start)
    }

    /// The index of the sentence holding byte `at`.
    pub fn sentence_index(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).filter(|s| s.start <= at).map(|_| i)
    }

    /// A claim on the words at `bytes`.
    pub fn claim(&self, bytes: &Range<usize>, value: Option<Interval>, reading: String) -> Claim {
        // The sentences holding the words (a quote may run over several).
        let sentence = self.sentence_index(bytes.start);
        let first = sentence.map_or(bytes.start, |i| self.sentences[i].start.min(bytes.start));
        let last = self
            .sentence_index(bytes.end.saturating_sub(1).max(bytes.start))
            .map_or(bytes.end, |i| self.sentences[i].end.max(bytes.end));
        let sentence_bytes = first..last;
        Claim {
            document: self.analysis.id.clone(),
            span: self.span(bytes),
            text: self.text().get(bytes.clone()).unwrap_or_default().to_string(),
            sentence: self.span(&sentence_bytes),
            value,
            reading,
            certainty: sentence.map_or(Certainty::Certain, |i| self.certainty[i]),
        }
    }
}

/// A look-up by (document id, item id): one map type for every such index, which keeps the wasm
/// small.
pub type Index<'a> = HashMap<(&'a str, &'a str), usize>;

/// Which story entity each document entity belongs to.
pub struct StoryIndex<'a> {
    of: Index<'a>,
    story: &'a Story,
}

impl<'a> StoryIndex<'a> {
    /// Index the story's entities by (document id, entity id).
    pub fn new(story: &'a Story) -> Self {
        let mut of = Index::new();
        for (i, e) in story.entities.iter().enumerate() {
            for m in &e.members {
                of.insert((m.document.as_str(), m.entity.as_str()), i);
            }
        }
        StoryIndex { of, story }
    }

    /// How many story entities there are (indices run below it).
    pub fn len(&self) -> usize {
        self.story.entities.len()
    }

    /// Whether the story has no entities.
    pub fn is_empty(&self) -> bool {
        self.story.entities.is_empty()
    }

    /// The story entity (index) of a document's entity.
    pub fn of(&self, document: &str, entity: &str) -> Option<usize> {
        self.of.get(&(document, entity)).copied()
    }

    /// The story entity's name.
    pub fn name(&self, i: usize) -> &str {
        &self.story.entities[i].name
    }

    /// The story entity's id (`x3`).
    pub fn id(&self, i: usize) -> &str {
        &self.story.entities[i].id
    }
}

impl Interval {
    /// One value.
    pub fn exact(n: f64) -> Self {
        Interval { min: Some(n), max: Some(n) }
    }

    /// Do the two ranges share a value?
    pub fn overlaps(&self, other: &Interval) -> bool {
        let below = |max: Option<f64>, min: Option<f64>| matches!((max, min), (Some(a), Some(b)) if a < b);
        !below(self.max, other.min) && !below(other.max, self.min)
    }

    /// The values both hold, if any.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        if !self.overlaps(other) {
            return None;
        }
        let pick = |a: Option<f64>, b: Option<f64>, f: fn(f64, f64) -> f64| match (a, b) {
            (Some(a), Some(b)) => Some(f(a, b)),
            (a, b) => a.or(b),
        };
        Some(Interval { min: pick(self.min, other.min, f64::max), max: pick(self.max, other.max, f64::min) })
    }

    /// "11", "8 or more", "up to 20", "3–5", "any".
    pub fn reading(&self) -> String {
        // Counts and years are whole numbers: printed as integers, which keeps the float printer
        // out of the wasm.
        let whole = |v: Option<f64>| v.map(|v| v.round() as i64);
        match (whole(self.min), whole(self.max)) {
            (Some(a), Some(b)) if a == b => format!("{a}"),
            (Some(a), Some(b)) if a <= 0 => format!("up to {b}"),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("{a} or more"),
            (None, Some(b)) => format!("up to {b}"),
            (None, None) => "any number".to_string(),
        }
    }
}

/// One claim with what the judge needs: its value, the word-level statement it makes (claims
/// stating the same thing in the same words *agree*), and whether it may be weighed against
/// another claim (two claims that may be about different happenings are never a conflict).
pub struct Weighed<K> {
    /// The claim shown.
    pub claim: Claim,
    /// Its value.
    pub value: Interval,
    /// What it states, for `agree`: claims with equal statements agree.
    pub statement: String,
    /// What it is about beyond the grouping key (the event it counts, …), for [`Judge::comparable`].
    pub about: K,
}

/// How claims on one point are judged: which pairs may conflict.
pub trait Judge<K> {
    /// May these two claims be weighed against each other?
    fn comparable(&self, a: &K, b: &K) -> bool;
}

/// Any two claims of one point may be weighed.
pub struct AllComparable;

impl<K> Judge<K> for AllComparable {
    fn comparable(&self, _: &K, _: &K) -> bool {
        true
    }
}

/// The verdict on interval claims of one point, and its one-sentence explanation: `only_in` when
/// one document alone makes them, `conflict` when two documents' values cannot meet (and the pair
/// is comparable), `agree` when every claim states the same, else `consistent`.
pub fn judge<K>(claims: &[Weighed<K>], judge: &dyn Judge<K>) -> (Verdict, String) {
    let documents = distinct(claims.iter().map(|c| c.claim.document.as_str()));
    if documents.len() < 2 {
        let readings = distinct(claims.iter().map(|c| c.claim.reading.as_str()));
        return (Verdict::OnlyIn, format!("Only {} says so: {}.", documents.join(", "), readings.join("; ")));
    }
    for (i, a) in claims.iter().enumerate() {
        for b in &claims[i + 1..] {
            if a.claim.document != b.claim.document
                && !a.value.overlaps(&b.value)
                && judge.comparable(&a.about, &b.about)
            {
                return (
                    Verdict::Conflict,
                    format!(
                        "{} in {} and {} in {} cannot both be true{}.",
                        a.claim.reading,
                        a.claim.document,
                        b.claim.reading,
                        b.claim.document,
                        certainty_note(claims)
                    ),
                );
            }
        }
    }
    let statements = distinct(claims.iter().map(|c| c.statement.as_str()));
    if statements.len() == 1 {
        return (
            Verdict::Agree,
            format!("{} all say {}{}.", documents.join(", "), claims[0].claim.reading, certainty_note(claims)),
        );
    }
    let readings = distinct(claims.iter().map(|c| c.claim.reading.as_str()));
    let common = claims.iter().skip(1).try_fold(claims[0].value, |acc, c| acc.intersect(&c.value));
    let fits = match common {
        Some(v) => format!(": {} fits them all", v.reading()),
        None => String::new(),
    };
    (Verdict::Consistent, format!("{} overlap{fits}{}.", and_list(&readings), certainty_note(claims)))
}

/// Split one point's claims into clusters whose members may all be weighed against each other
/// (greedily, in order): counts of two different happenings become two points, never one
/// "consistent" point with values that do not meet.
pub fn clusters<K>(claims: Vec<Weighed<K>>, judge: &dyn Judge<K>) -> Vec<Vec<Weighed<K>>> {
    let mut out: Vec<Vec<Weighed<K>>> = Vec::new();
    for claim in claims {
        match out.iter_mut().find(|c| c.iter().all(|other| judge.comparable(&other.about, &claim.about))) {
            Some(cluster) => cluster.push(claim),
            None => out.push(vec![claim]),
        }
    }
    out
}

/// ", stated flatly by d3 but hedged by d1" when the articles give it different certainty.
pub fn certainty_note<K>(claims: &[Weighed<K>]) -> String {
    let flat: Vec<&str> =
        distinct(claims.iter().filter(|c| c.claim.certainty == Certainty::Certain).map(|c| c.claim.document.as_str()));
    let hedged: Vec<&str> =
        distinct(claims.iter().filter(|c| c.claim.certainty != Certainty::Certain).map(|c| c.claim.document.as_str()));
    let hedged: Vec<&str> = hedged.into_iter().filter(|d| !flat.contains(d)).collect();
    if flat.is_empty() || hedged.is_empty() {
        return String::new();
    }
    format!(", stated flatly by {} but only as reported by {}", flat.join(", "), hedged.join(", "))
}

/// The distinct items, in first-seen order.
pub fn distinct<'s>(items: impl Iterator<Item = &'s str>) -> Vec<&'s str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// "a", "a and b", "a, b and c".
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
