//! Scoring dateline against gold-annotated corpora.
//!
//! Pure functions like the rest of the crate: the caller (`dateline eval`, `tests/corpus.rs`)
//! reads the files and hands their contents in. The corpora live beside the repository in
//! `../shared/data/` and are never copied into it.

pub mod anchoring;
pub mod crossdoc;
pub mod meantime;
pub mod names;
pub mod polnear;
pub mod tempeval;
pub mod timeline;

use serde::Serialize;

/// Precision, recall and F1, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// True positives over what the system found.
    pub precision: f64,
    /// True positives over the gold annotations.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl Prf {
    /// From a count of true positives and the system's and gold's totals; a ratio with nothing
    /// to divide by is 0.
    pub fn new(true_positives: usize, system: usize, gold: usize) -> Prf {
        let precision = percent(true_positives, system);
        let recall = percent(true_positives, gold);
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Prf { precision, recall, f1 }
    }
}

/// `part / whole` in percent; 0 when `whole` is 0.
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// A gold document that could not be scored, with its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError<E> {
    /// The document's name.
    pub document: String,
    /// What is wrong with it.
    pub error: E,
}

impl<E: std::fmt::Display> std::fmt::Display for CorpusError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.document, self.error)
    }
}

impl<E: std::fmt::Debug + std::fmt::Display> std::error::Error for CorpusError<E> {}

/// About 40 bytes of text either side of `bytes`, whitespace runs as one space, the expression
/// in brackets.
pub(crate) fn context(text: &str, bytes: std::ops::Range<usize>) -> String {
    const SIDE: usize = 40;
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = floor(bytes.start.saturating_sub(SIDE));
    let to = floor((bytes.end + SIDE).min(text.len()));
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let spaced = |s: &str, left: bool| {
        let t = one_line(s);
        let gap = if left { s.ends_with(char::is_whitespace) } else { s.starts_with(char::is_whitespace) };
        match (gap && !t.is_empty(), left) {
            (true, true) => format!("{t} "),
            (true, false) => format!(" {t}"),
            _ => t,
        }
    };
    format!(
        "{}[{}]{}",
        spaced(&text[from..bytes.start], true),
        one_line(&text[bytes.clone()]),
        spaced(&text[bytes.end..to], false)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_from_counts() {
        let table = [
            ((8, 10, 16), (80.0, 50.0, 61.538461538461)),
            ((0, 0, 5), (0.0, 0.0, 0.0)),
            ((0, 3, 0), (0.0, 0.0, 0.0)),
            ((4, 4, 4), (100.0, 100.0, 100.0)),
        ];
        for ((tp, system, gold), (p, r, f)) in table {
            let prf = Prf::new(tp, system, gold);
            assert!((prf.precision - p).abs() < 1e-9, "{tp}/{system}");
            assert!((prf.recall - r).abs() < 1e-9, "{tp}/{gold}");
            assert!((prf.f1 - f).abs() < 1e-9, "{tp} {system} {gold}: {}", prf.f1);
        }
    }
}
