//! PolNeAR attribution scoring: dateline's quotes and sources against the gold attribution
//! relations (brat standoff: `T` spans of kind `Source`, `Cue`, `Content`; `E` relations tying
//! them together).
//!
//! Two figures sets, reported apart:
//! - **direct quotes**: gold attributions whose content holds a double quotation mark, against
//!   dateline's quotes (the words inside the marks); beside them the naive line, every stretch
//!   between two double quotation marks, scored the same way.
//! - **all attributions** (indirect too): every gold attribution against dateline's quotes and
//!   sources together (a source's content is the words it is cited for).
//!
//! *Content overlap*: precision is the share of system contents that overlap some gold content,
//! recall the share of gold contents that some system content overlaps (several quotes may fall
//! in one gold content: "“…,” she said. “…”"). The *speaker accuracy* is, over the system
//! contents that overlap a gold one, the share whose speaker's words overlap the `Source` span
//! of the gold content they overlap most (both absent counts as right).
//!
//! Offsets in the `.ann` files count characters (code points); they are turned into byte
//! ranges of the text. A text with several annotation files is scored against the first, in
//! name order.
//!
//! ```
//! use dateline::eval::polnear;
//! let text = "“We will win,” Smith said. Officials said the vote was fair.";
//! let ann = "T1\tContent 0 14\t“We will win,”\nT2\tSource 15 20\tSmith\nT3\tCue 21 25\tsaid\nE1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n\
//!            T4\tSource 27 36\tOfficials\nT5\tCue 37 41\tsaid\nT6\tContent 42 60\tthe vote was fair.\nE2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n";
//! let score = polnear::score_document("a", text, ann).unwrap();
//! assert_eq!((score.direct.gold, score.direct.matched, score.direct.speaker_right), (1, 1, 1));
//! assert_eq!(score.naive.matched, 1);
//! assert_eq!((score.all.gold, score.all.matched), (2, 2));
//! ```

use super::Prf;
use crate::{attribution, entity, text};
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

/// An attribution as character-free byte ranges: content and, if any, source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The attributed words (fragments joined from the first start to the last end).
    pub content: Range<usize>,
    /// Who they are attributed to.
    pub source: Option<Range<usize>>,
}

/// Counts for one set of attributions; they add up over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Gold attributions.
    pub gold: usize,
    /// System attributions.
    pub system: usize,
    /// Gold contents that a system content overlaps.
    pub matched: usize,
    /// System contents that overlap a gold content.
    pub system_matched: usize,
    /// Of those, the ones whose speaker is right.
    pub speaker_right: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.matched += o.matched;
        self.system_matched += o.system_matched;
        self.speaker_right += o.speaker_right;
    }

    /// Content overlap P/R/F1.
    pub fn content(&self) -> Prf {
        let precision = super::percent(self.system_matched, self.system);
        let recall = super::percent(self.matched, self.gold);
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Prf { precision, recall, f1 }
    }

    /// Speaker accuracy over the system contents that overlap a gold one, in percent.
    pub fn speaker_accuracy(&self) -> f64 {
        super::percent(self.speaker_right, self.system_matched)
    }
}

/// One document's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DocumentScore {
    /// Direct quotes.
    pub direct: Counts,
    /// The naive line on direct quotes: every stretch between double quotation marks.
    pub naive: Counts,
    /// All attributions.
    pub all: Counts,
}

/// An annotation file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnError(pub String);

impl std::fmt::Display for AnnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad brat annotation: {}", self.0)
    }
}

/// The gold attributions of a brat `.ann` file over `text`.
pub fn read_gold(text: &str, ann: &str) -> Result<Vec<Attribution>, AnnError> {
    let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(text.len());
    let at = |c: &str| -> Result<usize, AnnError> {
        let i: usize = c.parse().map_err(|_| AnnError(format!("offset {c:?}")))?;
        byte_of.get(i).copied().ok_or_else(|| AnnError(format!("offset {i} beyond the text")))
    };
    let mut spans: HashMap<&str, Range<usize>> = HashMap::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let mut cols = line.split('\t');
        let (Some(id), Some(kind_offsets)) = (cols.next(), cols.next()) else { continue };
        let Some((_, offsets)) = kind_offsets.split_once(' ') else { continue };
        let (mut start, mut end) = (usize::MAX, 0);
        for fragment in offsets.split(';') {
            let (s, e) = fragment.split_once(' ').ok_or_else(|| AnnError(format!("span {fragment:?}")))?;
            start = start.min(at(s)?);
            end = end.max(at(e)?);
        }
        spans.insert(id, start..end);
    }
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let roles: HashMap<&str, &str> = line
            .split('\t')
            .nth(1)
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|r| r.split_once(':'))
            .map(|(role, id)| (role.trim_end_matches(char::is_numeric), id))
            .collect();
        let Some(content) = roles.get("Content").and_then(|id| spans.get(id)) else { continue };
        let source = roles.get("Source").and_then(|id| spans.get(id)).cloned();
        out.push(Attribution { content: content.clone(), source });
    }
    out.sort_by_key(|a| a.content.start);
    Ok(out)
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Every stretch between two double quotation marks (paired in order, per text).
pub fn naive_quotes(text: &str) -> Vec<Range<usize>> {
    let marks: Vec<usize> = text.char_indices().filter(|(_, c)| is_double_quote(*c)).map(|(i, _)| i).collect();
    marks
        .chunks(2)
        .filter(|p| p.len() == 2)
        .map(|p| p[0] + text[p[0]..].chars().next().map_or(1, char::len_utf8)..p[1])
        .collect()
}

/// dateline's attributions of `text`: its quotes (direct) and its sources.
pub fn system(text: &str) -> (Vec<Attribution>, Vec<Attribution>) {
    let doc = text::segment(text);
    let found = attribution::extract(&doc, &entity::extract(&doc));
    let quotes: Vec<Attribution> = found
        .quotes
        .iter()
        .map(|q| Attribution { content: q.bytes.clone(), source: q.speaker_bytes.clone() })
        .collect();
    let mut all = quotes.clone();
    all.extend(
        found.sources.iter().map(|s| Attribution { content: s.content_bytes.clone(), source: Some(s.bytes.clone()) }),
    );
    all.sort_by_key(|a| a.content.start);
    (quotes, all)
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Count the contents that overlap and the speakers that are right.
fn compare(gold: &[Attribution], system: &[Attribution]) -> Counts {
    let mut counts = Counts { gold: gold.len(), system: system.len(), ..Counts::default() };
    counts.matched = gold.iter().filter(|g| system.iter().any(|s| overlap(&g.content, &s.content) > 0)).count();
    for s in system {
        let best =
            gold.iter().map(|g| (overlap(&g.content, &s.content), g)).filter(|(n, _)| *n > 0).max_by_key(|(n, _)| *n);
        let Some((_, g)) = best else { continue };
        counts.system_matched += 1;
        let right = match (&g.source, &s.source) {
            (Some(g), Some(s)) => overlap(g, s) > 0,
            (None, None) => true,
            _ => false,
        };
        counts.speaker_right += usize::from(right);
    }
    counts
}

/// Score one document: its text and its `.ann` annotation.
pub fn score_document(_name: &str, text: &str, ann: &str) -> Result<DocumentScore, AnnError> {
    let gold = read_gold(text, ann)?;
    let direct_gold: Vec<Attribution> =
        gold.iter().filter(|a| text[a.content.clone()].contains(is_double_quote)).cloned().collect();
    let (quotes, all) = system(text);
    let naive: Vec<Attribution> =
        naive_quotes(text).into_iter().map(|content| Attribution { content, source: None }).collect();
    Ok(DocumentScore {
        direct: compare(&direct_gold, &quotes),
        naive: compare(&direct_gold, &naive),
        all: compare(&gold, &all),
    })
}

/// A direct quote matched to a gold one whose speaker is wrong (for the `--misses` listing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerMiss {
    /// The quoted words.
    pub quote: String,
    /// dateline's speaker words, if any.
    pub speaker: Option<String>,
    /// The rule that gave dateline's speaker.
    pub rule: &'static str,
    /// The gold `Source` words, if any.
    pub gold: Option<String>,
}

/// The matched direct quotes of one document whose speaker does not overlap the gold source.
pub fn speaker_misses(text: &str, ann: &str) -> Result<Vec<SpeakerMiss>, AnnError> {
    let gold: Vec<Attribution> =
        read_gold(text, ann)?.into_iter().filter(|a| text[a.content.clone()].contains(is_double_quote)).collect();
    let doc = text::segment(text);
    let found = attribution::extract(&doc, &entity::extract(&doc));
    let mut out = Vec::new();
    for q in &found.quotes {
        let best =
            gold.iter().map(|g| (overlap(&g.content, &q.bytes), g)).filter(|(n, _)| *n > 0).max_by_key(|(n, _)| *n);
        let Some((_, g)) = best else { continue };
        let right = match (&g.source, &q.speaker_bytes) {
            (Some(g), Some(s)) => overlap(g, s) > 0,
            (None, None) => true,
            _ => false,
        };
        if !right {
            out.push(SpeakerMiss {
                quote: q.text.clone(),
                speaker: q.speaker_text.clone(),
                rule: q.rule,
                gold: g.source.clone().map(|r| text[r].to_string()),
            });
        }
    }
    Ok(out)
}

/// The scores of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// The counts over all documents.
    pub total: DocumentScore,
}

impl Report {
    /// A plain-text table of the figures.
    pub fn table(&self) -> String {
        let row = |name: &str, c: &Counts, speakers: bool| {
            let p = c.content();
            let acc = if speakers { format!("{:.2}", c.speaker_accuracy()) } else { "—".to_string() };
            format!(
                "| {name} | {} | {} | {:.2} | {:.2} | {:.2} | {acc} |\n",
                c.gold, c.system, p.precision, p.recall, p.f1
            )
        };
        let t = &self.total;
        format!(
            "{} documents\n\n| attributions | gold | system | content P | content R | content F1 | speaker accuracy |\n|---|---:|---:|---:|---:|---:|---:|\n{}{}{}",
            self.documents,
            row("direct quotes: dateline", &t.direct, true),
            row("direct quotes: naive (every span between double quotes)", &t.naive, false),
            row("all (direct and indirect): dateline", &t.all, true),
        )
    }
}

/// Score every `(name, text, ann)` triple.
pub fn score_corpus<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
) -> Result<Report, super::CorpusError<AnnError>> {
    let mut report = Report::default();
    for (name, text, ann) in files {
        let score = score_document(name, text, ann)
            .map_err(|error| super::CorpusError { document: name.to_string(), error })?;
        report.documents += 1;
        report.total.direct.add(&score.direct);
        report.total.naive.add(&score.naive);
        report.total.all.add(&score.all);
    }
    Ok(report)
}
