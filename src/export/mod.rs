//! Writing an analysis out: the `dateline/1` JSON and TimeML.

pub mod timeml;

use crate::Analysis;

/// The analysis as pretty-printed `dateline/1` JSON.
pub fn json(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(analysis).expect("an analysis always serializes")
}
