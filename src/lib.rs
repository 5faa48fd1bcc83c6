//! # dateline
//!
//! A news-article analyzer that runs in the reader's browser (WebAssembly) and on the command
//! line. This crate is the pure core: it takes article texts and returns plain, serializable data.
//! It never reads the clock and does no I/O; `wasm.rs` and `main.rs` are the only edges.
//!
//! The pipeline (see `ARCHITECTURE.md`):
//!
//! ```text
//! text::segment → time::creation + time::extract → time::resolve ─┐
//!              └→ entity::extract → attribution::extract ──────────┴→ events::extract → timeline::assemble
//! ```
//!
//! ```
//! use dateline::{analyze, DocumentInput};
//!
//! let doc = DocumentInput::new("a.txt", "Monday, December 19 2016 20:43 EET\n\nHe joined in 1976.");
//! let analysis = analyze(&[doc]).unwrap();
//! let d = &analysis.documents[0];
//! assert_eq!(d.creation_time.value.as_deref(), Some("2016-12-19T20:43+02:00"));
//! assert!(d.timexes.iter().any(|t| t.value == "1976"));
//! ```

#![warn(missing_docs)]

pub mod attribution;
pub mod compare;
pub mod entity;
pub mod eval;
pub mod events;
pub mod export;
pub mod incremental;
pub mod text;
pub mod time;
pub mod timeline;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

use serde::{Deserialize, Serialize};

pub use incremental::Incremental;
pub use text::Span;
pub use time::{CreationTime, Timex};
pub use timeline::Entry;

/// The schema name every analysis carries; bumped only when a field is renamed or removed.
pub const SCHEMA: &str = "dateline/1";

/// The crate version, as the page and the CLI report it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One article handed to [`analyze`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub struct DocumentInput {
    /// A display name (file name or panel title).
    #[serde(default)]
    pub name: String,
    /// The article's plain text.
    pub text: String,
    /// Creation time from outside (`YYYY-MM-DD` or `YYYY-MM-DDThh:mm`): used when the text has
    /// no dateline of its own.
    #[serde(default)]
    pub dct: Option<String>,
    /// When true, `dct` wins over a dateline found in the text (the reader corrected it, or a
    /// TimeML document's `DCT` is authoritative).
    #[serde(default)]
    pub dct_overrides_text: bool,
}

impl DocumentInput {
    /// A document with no creation time given from outside.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        DocumentInput { name: name.into(), text: text.into(), ..Default::default() }
    }
}

/// The request the page sends across the wasm boundary.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Request {
    /// The articles of one analysis.
    pub documents: Vec<DocumentInput>,
}

/// Everything dateline found in one analysis (schema `dateline/1`, see `docs/CONTRACT.md`).
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The crate version that produced it.
    pub version: &'static str,
    /// One entry per input document, in input order.
    pub documents: Vec<DocumentAnalysis>,
    /// The story's timeline across all documents, ordered by start.
    pub timeline: Vec<Entry>,
    /// The people, places and happenings the documents share.
    pub story: compare::Story,
    /// What the documents say on the same points, compared: conflicts first.
    pub comparisons: Vec<compare::Comparison>,
    /// Problems worth the reader's attention; the analysis still went on.
    pub warnings: Vec<Warning>,
}

/// What was found in one document. Spans are UTF-16 code units of `text`.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentAnalysis {
    /// `d1`, `d2`, … in input order.
    pub id: String,
    /// The input name.
    pub name: String,
    /// A coarse language guess for the whole text (`en` or `und`).
    pub language: &'static str,
    /// Where the document's creation time came from, and its value.
    pub creation_time: CreationTime,
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Time expressions, in text order.
    pub timexes: Vec<Timex>,
    /// Ages and births ("aged 22", "Karlov, 62,", "born in 1994"), with the birth years they imply.
    pub ages: Vec<time::age::Age>,
    /// Ranges: pairs of timexes that bound one stretch of time ("from June 2001 to December 2006").
    pub ranges: Vec<time::range::TimeRange>,
    /// Event mentions, in text order, with their times, participants, certainty and source.
    pub events: Vec<events::Event>,
    /// People, organizations and places, with their mentions, names and roles.
    pub entities: Vec<entity::Entity>,
    /// Direct quotes with their speakers and cues.
    pub quotes: Vec<attribution::Quote>,
    /// Sources the article cites without quotation marks, each with the claim it supports.
    pub sources: Vec<attribution::Source>,
    /// Hedges ("reportedly", "allegedly", "yet to be verified"), with the sentence they hedge.
    pub hedges: Vec<attribution::Hedge>,
    /// Each sentence's certainty, the hedges that set it and the source it leans on.
    pub certainty: Vec<attribution::SentenceCertainty>,
    /// The analysed text itself (not serialized: the caller has it).
    #[serde(skip)]
    pub text: String,
}

/// A problem found while analysing; never fatal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// A stable machine-readable code such as `no_creation_time`.
    pub code: &'static str,
    /// One human sentence.
    pub message: String,
    /// The document it concerns (`d1`…), if any.
    pub document: Option<String>,
    /// The span it concerns, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Bad input that stops an analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A creation time given from outside could not be read.
    BadCreationTime(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::BadCreationTime(s) => {
                write!(f, "bad creation time {s:?}: expected YYYY-MM-DD or YYYY-MM-DDThh:mm")
            }
        }
    }
}

impl std::error::Error for Error {}

/// Analyse one or more articles of one story.
///
/// Returns an error only for bad input from the caller (an unreadable `dct`); problems in the
/// texts themselves become [`Warning`]s.
pub fn analyze(inputs: &[DocumentInput]) -> Result<Analysis, Error> {
    let analysed = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| analyze_document(&format!("d{}", i + 1), input))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(combine(analysed))
}

/// The time expressions of one or more articles, and nothing else: the time stage alone, for
/// callers that want dates and times without the people, quotes, events and comparison
/// ([`analyze`] gives the same timexes, ranges and ages within its documents).
///
/// Returns an error only for an unreadable `dct`, like [`analyze`].
pub fn times(inputs: &[DocumentInput]) -> Result<Times, Error> {
    let mut documents = Vec::with_capacity(inputs.len());
    let mut warnings = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let mut id = String::from("d");
        time::calendar::push_decimal(&mut id, i + 1);
        let stage = time_stage(&id, input)?;
        warnings.extend(stage.warnings);
        documents.push(DocumentTimes {
            creation_time: stage.creation.output(&stage.segmented),
            id,
            name: input.name.clone(),
            timexes: stage.timexes,
            ranges: stage.ranges,
            ages: stage.ages,
        });
    }
    Ok(Times { schema: TIMES_SCHEMA, version: VERSION, documents, warnings })
}

/// The schema name of [`times`]'s output.
pub const TIMES_SCHEMA: &str = "dateline-times/1";

/// What [`times`] found: per document, the same fields as in a [`DocumentAnalysis`].
#[derive(Debug, Clone, Serialize)]
pub struct Times {
    /// Always [`TIMES_SCHEMA`].
    pub schema: &'static str,
    /// The crate version that produced it.
    pub version: &'static str,
    /// One entry per input document, in input order.
    pub documents: Vec<DocumentTimes>,
    /// Problems worth the reader's attention (`no_creation_time`, `not_english`, impossible dates).
    pub warnings: Vec<Warning>,
}

/// The time stage's findings in one document (the fields of the same name in [`DocumentAnalysis`]).
#[derive(Debug, Clone, Serialize)]
pub struct DocumentTimes {
    /// `d1`, `d2`, … in input order.
    pub id: String,
    /// The input name.
    pub name: String,
    /// Where the document's creation time came from, and its value.
    pub creation_time: CreationTime,
    /// Time expressions, in text order.
    pub timexes: Vec<Timex>,
    /// Ranges: pairs of timexes that bound one stretch of time.
    pub ranges: Vec<time::range::TimeRange>,
    /// Ages and births, with the birth years they imply.
    pub ages: Vec<time::age::Age>,
}

/// One document's analysis and its warnings, as [`analyze_document`] returns them.
pub type Analysed = (DocumentAnalysis, Vec<Warning>);

/// Put documents analysed one by one into one analysis: the timeline and the comparison across
/// them. Each document's id (and its warnings' document) is set from its position (`d1`, `d2`…),
/// so a caller may keep documents analysed earlier and combine them again after one changes.
pub fn combine(analysed: Vec<Analysed>) -> Analysis {
    let mut warnings = Vec::new();
    let mut documents = Vec::with_capacity(analysed.len());
    for (i, (mut doc, doc_warnings)) in analysed.into_iter().enumerate() {
        let id = format!("d{}", i + 1);
        warnings.extend(doc_warnings.into_iter().map(|w| Warning { document: w.document.map(|_| id.clone()), ..w }));
        doc.id = id;
        documents.push(doc);
    }
    let timeline = timeline::assemble(&documents);
    let compare::Compared { story, comparisons } = compare::compare(&documents);
    Analysis { schema: SCHEMA, version: VERSION, documents, timeline, story, comparisons, warnings }
}

/// The time stage of one document: its sentences, creation time, time expressions, ranges and
/// ages, with the warnings found on the way. The first part of [`analyze_document`], and all of
/// [`times`].
struct TimeStage<'a> {
    segmented: text::Segmented<'a>,
    creation: time::creation::Creation,
    timexes: Vec<Timex>,
    ranges: Vec<time::range::TimeRange>,
    ages: Vec<time::age::Age>,
    warnings: Vec<Warning>,
}

fn time_stage<'a>(id: &str, input: &'a DocumentInput) -> Result<TimeStage<'a>, Error> {
    let given = match input.dct.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(time::Moment::parse(s).ok_or_else(|| Error::BadCreationTime(s.to_string()))?),
    };
    let text = input.text.as_str();
    let segmented = text::segment(text);
    let mut warnings = Vec::new();
    let warn = |code, message: String, span| Warning { code, message, document: Some(id.to_string()), span };
    if text.trim().is_empty() {
        warnings.push(warn(
            "empty_document",
            format!("{} is empty: nothing to analyse.", display_name(input, id)),
            None,
        ));
    }

    for stretch in &segmented.foreign {
        let excerpt: String = text[stretch.clone()].chars().take(60).collect();
        warnings.push(warn(
            "not_english",
            format!("Not English, so only numeric dates and times were read there: “{excerpt}…”"),
            Some(segmented.span(stretch.clone())),
        ));
    }
    let candidates = time::extract(&segmented);
    let creation = time::creation::choose(&segmented, &candidates, given, input.dct_overrides_text);
    if creation.moment.is_none() && !text.trim().is_empty() {
        warnings.push(warn(
            "no_creation_time",
            format!(
                "No creation time for {}: no dateline in the text and none given; relative dates stay unresolved.",
                display_name(input, id)
            ),
            None,
        ));
    }
    let mut resolved = time::resolve(&segmented, candidates, creation.moment.as_ref());
    let ranges = time::range::link(text, &mut resolved.timexes);
    for problem in &resolved.problems {
        warnings.push(warn(problem.code, problem.message.clone(), Some(segmented.span(problem.bytes.clone()))));
    }
    let ages = time::age::extract(&segmented, &resolved.timexes, creation.moment.as_ref());
    Ok(TimeStage { segmented, creation, timexes: resolved.timexes, ranges, ages, warnings })
}

/// Analyse one document on its own, as document `id`: every stage up to its events. Returns an
/// error only for an unreadable `dct`.
pub fn analyze_document(id: &str, input: &DocumentInput) -> Result<Analysed, Error> {
    let TimeStage { segmented, creation, timexes, ranges, ages, warnings } = time_stage(id, input)?;
    let text = input.text.as_str();
    let found = entity::extract(&segmented);
    let attributed = attribution::extract(&segmented, &found);
    let participants: Vec<events::Participant> = found
        .mentions
        .iter()
        .map(|m| events::Participant { bytes: m.bytes.clone(), entity: found.entity_of(m).id.clone(), kind: m.kind })
        .collect();
    let attributions: Vec<events::Attribution> = attributed
        .certainty
        .iter()
        .map(|c| events::Attribution { sentence: c.bytes.clone(), certainty: c.value, source: c.source.clone() })
        .collect();
    let context = events::Context { participants: &participants, attributions: &attributions };
    let events = events::extract(&segmented, &timexes, &ranges, &ages, creation.moment.as_ref(), context);
    let doc = DocumentAnalysis {
        id: id.to_string(),
        name: input.name.clone(),
        language: text::language::guess(text),
        creation_time: creation.output(&segmented),
        sentences: segmented.sentences.iter().map(|s| segmented.span(s.clone())).collect(),
        ages,
        events,
        timexes,
        ranges,
        entities: found.entities,
        quotes: attributed.quotes,
        sources: attributed.sources,
        hedges: attributed.hedges,
        certainty: attributed.certainty,
        text: input.text.clone(),
    };
    Ok((doc, warnings))
}

fn display_name<'a>(input: &'a DocumentInput, id: &'a str) -> &'a str {
    if input.name.is_empty() {
        id
    } else {
        &input.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_is_the_time_stage_of_analyze() {
        let docs = [
            DocumentInput::new(
                "a",
                "Monday, December 19 2016 20:43 EET\nHe joined in 1976 aged 22 and left two years later.",
            ),
            DocumentInput::new("b", "He will meet on Tuesday."),
        ];
        let (found, full) = (times(&docs).unwrap(), analyze(&docs).unwrap());
        assert_eq!(found.documents.len(), 2);
        for (t, f) in found.documents.iter().zip(&full.documents) {
            assert_eq!(t.timexes, f.timexes);
            assert_eq!(t.ages.len(), f.ages.len());
            assert_eq!(t.creation_time, f.creation_time);
        }
        assert!(!found.documents[0].timexes.is_empty());
        assert_eq!(found.warnings.iter().map(|w| w.code).collect::<Vec<_>>(), ["no_creation_time"]);
        let bad = [DocumentInput { dct: Some("19/12/2016".into()), ..DocumentInput::new("c", "x") }];
        assert!(times(&bad).is_err());
    }
}
