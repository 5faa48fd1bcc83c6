//! The writers accept any analysis: the `dateline/1` JSON is valid JSON that names the document
//! as given, and the TimeML document reads back to the very same text (everything escaped).
#![no_main]

use dateline::{analyze, export, text::timeml, DocumentInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The name (up to the first newline) and the text both come from the input: both are written.
    let text = String::from_utf8_lossy(data);
    let (name, body) = text.split_once('\n').unwrap_or(("", &text));
    let mut input = DocumentInput::new(name, body);
    input.dct = Some("2016-12-19T20:43".to_string());
    let analysis = analyze(&[input]).expect("a valid creation time");

    let json: serde_json::Value = serde_json::from_str(&export::json(&analysis)).expect("valid JSON");
    assert_eq!(json["documents"][0]["name"].as_str(), Some(name));

    let doc = &analysis.documents[0];
    let xml = export::timeml::document(doc);
    let read = timeml::parse(&xml).expect("a TimeML document");
    assert_eq!(read.text, body, "TimeML keeps the text character for character");
    assert_eq!(read.docid.as_deref(), Some(name.trim()));
});
