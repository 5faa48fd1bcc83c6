//! Ages and births tied to people: "Andrey Karlov, 62", "in 1976 aged 22", "born in 1994". The
//! time stage works out the birth years an age implies (`Age::born`); here each is tied to a
//! person and the articles' birth years for one story person are compared by arithmetic.
//!
//! Rules (ids as in [`PersonAge::rule`]):
//! - `person_before`: the nearest person mention before the age in its sentence ("Andrey
//!   Karlov, 62", "Karlov joined in 1976 aged 22").
//! - `previous_sentence_person`: when the age's sentence names no person at all ("He was born in
//!   1994", "The career diplomat … aged 22"), the last person the sentence before names.
//! - `story_creation_time`: an age with nothing to anchor it (no year in the sentence, the
//!   article undated) is taken to hold in the years of the other articles' creation times.
//!
//! Across articles (rule `age_birth_years`): the birth-year ranges of one story person are
//! compared; disjoint ranges are a conflict only when both ages were tied to the person in their
//! own sentence (`person_before`); an age tied a sentence away that misses such an age is left
//! out, since the person found a sentence away may be the wrong one.

use super::{judge, Doc, Judge, StoryIndex, Weighed};
use crate::compare::{Comparison, Interval};
use crate::entity::Kind;
use crate::time::age::Age;
use std::collections::HashMap;
use std::ops::Range;

/// An age or birth in one document, tied to a person.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonAge<'a> {
    /// The age as the time stage found it.
    pub age: &'a Age,
    /// The person's entity id in the document.
    pub entity: String,
    /// Earliest and latest birth year.
    pub born: [i32; 2],
    /// How the person was found: `person_before` or `previous_sentence_person`; with
    /// `+story_creation_time` when the birth years come from the other articles' dates.
    pub rule: &'static str,
    /// The year the age held in, when it comes from an age.
    pub held_in: Option<String>,
}

/// The ages of one document tied to people; `story_years` are the years of the other articles'
/// creation times (for ages with nothing to anchor them).
pub fn extract<'a>(doc: &Doc<'a>, story_years: Option<[i32; 2]>) -> Vec<PersonAge<'a>> {
    let a = doc.analysis;
    let mut people: Vec<(Range<usize>, &str)> = a
        .entities
        .iter()
        .filter(|e| e.kind == Kind::Person)
        .flat_map(|e| e.mentions.iter().map(move |m| (doc.bytes(*m), e.id.as_str())))
        .collect();
    people.sort_by_key(|(b, _)| b.start);
    let in_sentence = |s: &Range<usize>| {
        let from = people.partition_point(|(b, _)| b.start < s.start);
        let to = people.partition_point(|(b, _)| b.start < s.end);
        &people[from..to]
    };
    let mut out = Vec::new();
    for age in &a.ages {
        let Some(si) = doc.sentence_index(age.bytes.start) else { continue };
        let here = in_sentence(&doc.sentences[si]);
        let (entity, mut rule) = match here.iter().rev().find(|(b, _)| b.end <= age.bytes.start) {
            Some((_, e)) => (*e, "person_before"),
            None if here.is_empty() && si > 0 => match in_sentence(&doc.sentences[si - 1]).last() {
                Some((_, e)) => (*e, "previous_sentence_person"),
                None => continue,
            },
            None => continue,
        };
        let (born, held_in) = match (age.born, age.age, story_years) {
            (Some(b), _, _) => (b, age.anchor.as_ref().map(|id| held_in(doc, id))),
            (None, Some(n), Some([y0, y1])) if age.anchor.is_none() => {
                rule = if rule == "person_before" {
                    "person_before+story_creation_time"
                } else {
                    "previous_sentence_person+story_creation_time"
                };
                let n = n as i32;
                let years = if y0 == y1 { format!("{y0}") } else { format!("{y0}–{y1}") };
                ([y0 - n - 1, y1 - n], Some(format!("{years}, the other articles' date")))
            }
            _ => continue,
        };
        out.push(PersonAge { age, entity: entity.to_string(), born, rule, held_in });
    }
    out
}

/// What an anchor id names: a year of the text ("1976") or the creation time's year.
fn held_in(doc: &Doc<'_>, anchor: &str) -> String {
    let a = doc.analysis;
    let value = if anchor == "creation_time" {
        a.creation_time.value.clone()
    } else {
        a.timexes.iter().find(|t| t.id == anchor).map(|t| t.value.clone())
    };
    value.and_then(|v| v.get(..4).map(str::to_string)).unwrap_or_else(|| anchor.to_string())
}

/// "born 1953–1954 (22 in 1976)", "born 1994".
fn reading(p: &PersonAge<'_>) -> String {
    let born = if p.born[0] == p.born[1] {
        format!("born {}", p.born[0])
    } else {
        format!("born {}–{}", p.born[0], p.born[1])
    };
    match (p.age.age, &p.held_in) {
        (Some(n), Some(y)) => format!("{born} ({n} in {y})"),
        _ => born,
    }
}

/// Two ages may conflict only when both were tied to the person in their own sentence.
struct BothInSentence;

impl Judge<bool> for BothInSentence {
    fn comparable(&self, a: &bool, b: &bool) -> bool {
        *a && *b
    }
}

/// Leave out an age tied to the person a sentence away (weak) whose birth years miss those of an
/// age another document ties in its own sentence (strong): the weak tie is the likelier error.
fn drop_weak_disagreements(claims: Vec<Weighed<bool>>) -> Vec<Weighed<bool>> {
    let strong: Vec<(String, Interval)> =
        claims.iter().filter(|c| c.about).map(|c| (c.claim.document.clone(), c.value)).collect();
    claims
        .into_iter()
        .filter(|c| c.about || strong.iter().all(|(d, v)| *d == c.claim.document || v.overlaps(&c.value)))
        .collect()
}

/// The years of the documents' creation times, earliest and latest, leaving out document `skip`.
fn story_years(docs: &[Doc<'_>], skip: usize) -> Option<[i32; 2]> {
    let years: Vec<i32> = docs
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != skip)
        .filter_map(|(_, d)| d.analysis.creation_time.value.as_deref()?.get(..4)?.parse().ok())
        .collect();
    Some([*years.iter().min()?, *years.iter().max()?])
}

/// Compare the documents' ages: one comparison per story person with an age in any document.
pub fn compare(docs: &[Doc<'_>], story: &StoryIndex) -> Vec<Comparison> {
    let mut groups: HashMap<usize, Vec<Weighed<bool>>> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let id = doc.analysis.id.as_str();
        for p in extract(doc, story_years(docs, d)) {
            let Some(person) = story.of(id, &p.entity) else { continue };
            let value = Interval { min: Some(f64::from(p.born[0])), max: Some(f64::from(p.born[1])) };
            let weighed = Weighed {
                claim: doc.claim(&p.age.bytes, Some(value), reading(&p)),
                value,
                statement: reading(&p),
                about: p.rule == "person_before",
            };
            if !groups.contains_key(&person) {
                order.push(person);
            }
            groups.entry(person).or_default().push(weighed);
        }
    }
    order
        .into_iter()
        .map(|person| {
            let claims = drop_weak_disagreements(groups.remove(&person).unwrap_or_default());
            let (status, explanation) = judge(&claims, &BothInSentence);
            Comparison {
                id: String::new(),
                topic: format!("{}'s age", story.name(person)),
                kind: "age",
                status,
                explanation,
                claims: claims.into_iter().map(|c| c.claim).collect(),
                about: Some(story.id(person).to_string()),
                rule: "age_birth_years",
            }
        })
        .collect()
}
