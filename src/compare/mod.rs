//! Several articles of one story, lined up: the same people, places and happenings across the
//! documents (the *story*), and the facts they state about them compared (the *comparisons*).
//!
//! The stage runs after the timeline, on the finished documents, and is a pure function of them:
//!
//! ```text
//! documents ──entities::align──▶ StoryEntity (one per person/organization/place across articles)
//!           ──events::align────▶ StoryEvent (one per happening across articles)
//!           ──facts::compare───▶ Comparison (agree / consistent / conflict / only_in, with every
//!                                 article's words)
//! ```

pub mod entities;
pub mod events;
pub mod facts;
mod joins;

use crate::attribution::Certainty;
use crate::timeline::EventRef;
use crate::{DocumentAnalysis, Span};
use serde::Serialize;

/// What the documents share: entities and happenings identified across articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Story {
    /// One per person, organization or place, across all documents.
    pub entities: Vec<StoryEntity>,
    /// One per happening, across all documents.
    pub events: Vec<StoryEvent>,
}

/// A reference to one entity of one document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct EntityRef {
    /// Document id (`d1`).
    pub document: String,
    /// Entity id within it (`e3`).
    pub entity: String,
}

/// One person, organization or place as all the articles name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryEntity {
    /// `x1`, `x2`, … in order of first appearance (document order, then mention order).
    pub id: String,
    /// `person`, `organization`, `place` or `other`.
    pub kind: crate::entity::Kind,
    /// The name shown: the fullest name any article gives.
    pub name: String,
    /// The document entities it joins, in document order.
    pub members: Vec<EntityRef>,
    /// The rule that joined them (`same_name`, `surname`, …; `single` for one member): the
    /// second member's.
    pub rule: &'static str,
    /// For each member, the rule that brought it in (`first` for the first member); see
    /// [`entities`].
    pub rules: Vec<&'static str>,
}

/// One happening as all the articles mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryEvent {
    /// `y1`, `y2`, … in order of first appearance.
    pub id: String,
    /// A short label, from the clearest mention.
    pub label: String,
    /// The kind of happening (`attack`, `death`, …).
    pub class: &'static str,
    /// The document events it joins, in document order.
    pub members: Vec<EventRef>,
    /// The rule that joined them: the second member's.
    pub rule: &'static str,
    /// For each member, the rule that brought it in (`first` for the first member); see
    /// [`events`].
    pub rules: Vec<&'static str>,
}

/// How the articles' claims on one point relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Incompatible values ("three shots" and "eight shots").
    Conflict,
    /// Different words, compatible values ("at least eight" and "11"; "62" and "aged 22 in 1976").
    Consistent,
    /// The same value.
    Agree,
    /// Only one article says it.
    OnlyIn,
}

/// A bounded or half-open range of numbers: a count ("at least eight": min 8, max null), an age
/// or a year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// Least value, `null` when unbounded.
    pub min: Option<f64>,
    /// Greatest value, `null` when unbounded.
    pub max: Option<f64>,
}

/// One article's words on a compared point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Document id (`d1`).
    pub document: String,
    /// UTF-16 span of the words.
    pub span: Span,
    /// The words, as written.
    pub text: String,
    /// UTF-16 span of the sentence holding them.
    pub sentence: Span,
    /// The value the words state, when it is a number or a range of numbers.
    pub value: Option<Interval>,
    /// The value in a few words for display ("8 or more", "born 1953–1954", "2016-12-19").
    pub reading: String,
    /// How sure the article is of it (from the attribution stage).
    pub certainty: Certainty,
}

/// One point the articles are compared on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// `c1`, `c2`, … conflicts first.
    pub id: String,
    /// What is compared, in a few words ("shots fired", "Andrey Karlov's age").
    pub topic: String,
    /// The kind of fact: `count`, `age`, `date`, `place`, `role`, `quote`, `career`.
    pub kind: &'static str,
    /// Agree, consistent, conflict or only in one article.
    pub status: Verdict,
    /// The verdict in one sentence ("8 or more and 11 overlap").
    pub explanation: String,
    /// Every article's words on it, in document order.
    pub claims: Vec<Claim>,
    /// The story entity or event it is about, if any (`x1`, `y3`).
    pub about: Option<String>,
    /// The rule that made it.
    pub rule: &'static str,
}

/// The comparison stage's output.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Compared {
    /// Entities and happenings across the documents.
    pub story: Story,
    /// The compared facts, conflicts first, then consistent, agree, only in one.
    pub comparisons: Vec<Comparison>,
}

/// Line up the documents of one analysis and compare what they say.
pub fn compare(documents: &[DocumentAnalysis]) -> Compared {
    let entities = entities::align(documents);
    let events = events::align(documents, &entities);
    let story = Story { entities, events };
    let mut comparisons = facts::compare(documents, &story);
    comparisons.sort_by_key(|c| c.status);
    for (i, c) in comparisons.iter_mut().enumerate() {
        c.id = format!("c{}", i + 1);
    }
    Compared { story, comparisons }
}
