//! Writing an analysis out: the `dateline/1` JSON, TimeML, TimelineJS3 JSON and CSV.

pub mod csv;
pub mod timeline_js;
pub mod timeml;

use crate::timeline::Entry;
use crate::Analysis;

/// The analysis as pretty-printed `dateline/1` JSON.
pub fn json(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(analysis).expect("an analysis always serializes")
}

/// The analysis as `json`, or any format of [`written`].
pub fn to_format(analysis: &Analysis, format: &str) -> Result<String, String> {
    match format {
        "json" => Ok(json(analysis)),
        other => written(analysis, other),
    }
}

/// The formats the page asks the core for: `timeml` (the first document; an empty analysis has
/// none), `timelinejs`, `csv`. (The page writes JSON itself, so the wasm build carries no JSON
/// serializer.)
pub fn written(analysis: &Analysis, format: &str) -> Result<String, String> {
    match format {
        "timeml" => analysis.documents.first().map(timeml::document).ok_or_else(|| "no document to export".to_string()),
        "timelinejs" => Ok(timeline_js::timeline(analysis)),
        "csv" => Ok(csv::timeline(analysis)),
        other => Err(format!("unknown export format {other:?}: expected json, timeml, timelinejs or csv")),
    }
}

/// The sentence of an entry's first mention (event, else time expression), trimmed.
pub(crate) fn first_sentence(analysis: &Analysis, entry: &Entry) -> Option<String> {
    let of = |document: &str| analysis.documents.iter().find(|d| d.id == document);
    let from_event = entry.events.first().and_then(|r| {
        let doc = of(&r.document)?;
        let e = doc.events.iter().find(|e| e.id == r.event)?;
        Some(doc.text[e.sentence_bytes.clone()].trim().to_string())
    });
    from_event.or_else(|| {
        let r = entry.timexes.first()?;
        let doc = of(&r.document)?;
        let t = doc.timexes.iter().find(|t| t.id == r.timex)?;
        Some(doc.text[t.sentence_bytes.clone()].trim().to_string())
    })
}
