//! Scoring dateline against gold-annotated corpora.
//!
//! Pure functions like the rest of the crate: the caller (`dateline eval`, `tests/corpus.rs`)
//! reads the files and hands their contents in. The corpora live beside the repository in
//! `../shared/data/` and are never copied into it.

pub mod meantime;
pub mod tempeval;

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
