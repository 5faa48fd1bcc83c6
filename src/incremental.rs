//! Analyses that remember their documents, for a page that re-analyses on every edit: after an
//! edit to one article of ten, only that article goes through the per-document stages again;
//! the timeline and the comparison are made anew over all of them (they span the articles), and
//! the JSON of each unchanged document is reused as it was written.

use crate::{analyze_document, compare, timeline, DocumentAnalysis, DocumentInput, Error, Warning};
use serde::Serialize;
use serde_json::value::RawValue;
use std::collections::HashMap;

/// An analyzer that keeps the documents of its latest call (so memory follows what the reader has
/// open) and writes the analysis as JSON.
///
/// ```
/// use dateline::{DocumentInput, Incremental};
///
/// let mut analyzer = Incremental::default();
/// let a = DocumentInput::new("a", "On December 19, 2016 the talks began.");
/// let b = DocumentInput::new("b", "The talks ended on December 20, 2016.");
/// analyzer.analyze_json(&[a.clone(), b]).unwrap();
/// assert_eq!(analyzer.reused(), 0);
/// let edited = DocumentInput::new("b", "The talks ended on December 21, 2016.");
/// let json = analyzer.analyze_json(&[a.clone(), edited.clone()]).unwrap();
/// assert_eq!(analyzer.reused(), 1, "the unchanged article is not analysed again");
/// assert_eq!(json, serde_json::to_string(&dateline::analyze(&[a, edited]).unwrap()).unwrap());
/// ```
#[derive(Debug, Default)]
pub struct Incremental {
    kept: HashMap<DocumentInput, Kept>,
    reused: usize,
}

/// One document as analysed, with its JSON once written (for the id it had then).
#[derive(Debug)]
struct Kept {
    doc: DocumentAnalysis,
    warnings: Vec<Warning>,
    json: Option<Box<RawValue>>,
}

/// [`crate::Analysis`] as written, field for field, with each document's JSON already written.
#[derive(Serialize)]
struct Written<'a> {
    schema: &'static str,
    version: &'static str,
    documents: Vec<&'a RawValue>,
    timeline: &'a [timeline::Entry],
    story: &'a compare::Story,
    comparisons: &'a [compare::Comparison],
    warnings: &'a [Warning],
}

impl Incremental {
    /// The analysis of `inputs` as JSON, the same text as `serde_json::to_string(&analyze(inputs))`,
    /// reusing every document unchanged since the previous call (same name, text and creation
    /// time; its position may change). Errors as [`crate::analyze`] does.
    pub fn analyze_json(&mut self, inputs: &[DocumentInput]) -> Result<String, Error> {
        let mut previous = std::mem::take(&mut self.kept);
        self.reused = 0;
        let mut documents = Vec::with_capacity(inputs.len());
        let mut written = Vec::with_capacity(inputs.len());
        let mut warnings = Vec::new();
        for (i, input) in inputs.iter().enumerate() {
            let id = format!("d{}", i + 1);
            let mut k = match previous.remove(input) {
                Some(k) => {
                    self.reused += 1;
                    k
                }
                None => {
                    let (doc, warnings) = analyze_document(&id, input)?;
                    Kept { doc, warnings, json: None }
                }
            };
            if k.doc.id != id {
                k.json = None;
                k.doc.id.clone_from(&id);
                for w in &mut k.warnings {
                    w.document = w.document.as_ref().map(|_| id.clone());
                }
            }
            warnings.extend(k.warnings.iter().cloned());
            documents.push(k.doc);
            written.push((k.warnings, k.json));
        }
        // The stages across documents read the documents side by side.
        let timeline = timeline::assemble(&documents);
        let compare::Compared { story, comparisons } = compare::compare(&documents);
        let json = serde_json::to_string(&Written {
            schema: crate::SCHEMA,
            version: crate::VERSION,
            documents: documents
                .iter()
                .zip(&mut written)
                .map(|(doc, (_, json))| &**json.get_or_insert_with(|| raw(doc)))
                .collect(),
            timeline: &timeline,
            story: &story,
            comparisons: &comparisons,
            warnings: &warnings,
        })
        .expect("an analysis always serializes");
        self.kept = inputs
            .iter()
            .cloned()
            .zip(documents.into_iter().zip(written).map(|(doc, (warnings, json))| Kept { doc, warnings, json }))
            .collect();
        Ok(json)
    }

    /// How many documents the last call reused instead of analysing them again.
    pub fn reused(&self) -> usize {
        self.reused
    }
}

/// One document's JSON.
fn raw(doc: &DocumentAnalysis) -> Box<RawValue> {
    serde_json::value::to_raw_value(doc).expect("an analysis always serializes")
}

/// Keeps [`Written`] in step with [`crate::Analysis`]: a field added to one and not the other fails here.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_is_the_analysis_field_for_field() {
        let inputs = [
            DocumentInput::new("a", "Monday, December 19 2016\n\nAndrey Karlov, 62, was shot at least eight times."),
            DocumentInput::new("b", "Karlov was hit by 11 bullets on Monday, officials said."),
        ];
        let expected = serde_json::to_string(&crate::analyze(&inputs).unwrap()).unwrap();
        let mut analyzer = Incremental::default();
        assert_eq!(analyzer.analyze_json(&inputs).unwrap(), expected);
        // Reused, and reordered: ids follow the new positions.
        let swapped = [inputs[1].clone(), inputs[0].clone()];
        let expected = serde_json::to_string(&crate::analyze(&swapped).unwrap()).unwrap();
        assert_eq!(analyzer.analyze_json(&swapped).unwrap(), expected);
        assert_eq!(analyzer.reused(), 2);
    }

    #[test]
    fn a_bad_creation_time_is_an_error_and_the_next_call_works() {
        let good = DocumentInput::new("a", "On December 19, 2016 it began.");
        let bad = DocumentInput { dct: Some("19/12/2016".into()), ..DocumentInput::new("b", "x") };
        let mut analyzer = Incremental::default();
        assert!(analyzer.analyze_json(&[good.clone(), bad]).is_err());
        assert!(analyzer.analyze_json(&[good]).is_ok());
    }
}
