//! Any bytes, read as lossy UTF-8, analyse without panicking, and every span the analysis reports
//! is a true slice of the text in UTF-16 code units (on character boundaries, equal to the text it
//! claims). The first byte picks the creation time given from outside; a 0x1E byte starts another
//! document, so the comparison across documents is fuzzed too (its claims are true slices of their
//! documents, inside their sentences).
#![no_main]

use dateline::{analyze, DocumentInput};
use libfuzzer_sys::fuzz_target;

const DCTS: [Option<&str>; 4] = [None, Some("2016-12-19"), Some("2016-12-19T20:43"), Some("1999-02-28")];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let texts: Vec<String> =
        rest.split(|&b| b == 0x1e).take(5).map(|t| String::from_utf8_lossy(t).into_owned()).collect();
    let inputs: Vec<DocumentInput> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut input = DocumentInput::new(format!("fuzz{i}"), t.as_str());
            input.dct = DCTS[(usize::from(first) + i) % DCTS.len()].map(str::to_string);
            input.dct_overrides_text = first & 0x80 != 0;
            input
        })
        .collect();
    let analysis = analyze(&inputs).expect("the given creation times are valid");
    for c in &analysis.comparisons {
        for claim in &c.claims {
            let doc = analysis.documents.iter().find(|d| d.id == claim.document).expect("a claim names a document");
            let utf16: Vec<u16> = doc.text.encode_utf16().collect();
            let [s, e] = claim.span;
            assert!(s <= e && e <= utf16.len(), "claim span {s}..{e} outside {} units", utf16.len());
            assert_eq!(String::from_utf16(&utf16[s..e]).expect("on character boundaries"), claim.text);
            assert!(claim.sentence[0] <= s && e <= claim.sentence[1] && claim.sentence[1] <= utf16.len());
        }
    }
    let text = &texts[0];

    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice = |[s, e]: [usize; 2]| -> String {
        assert!(s <= e && e <= utf16.len(), "span {s}..{e} outside {} units", utf16.len());
        String::from_utf16(&utf16[s..e]).expect("span on character boundaries")
    };
    let doc = &analysis.documents[0];
    for t in &doc.timexes {
        assert_eq!(slice(t.span), t.text);
        assert!(slice(t.sentence).contains(&t.text));
    }
    for a in &doc.ages {
        assert_eq!(slice(a.span), a.text);
    }
    for s in &doc.sentences {
        slice(*s);
    }
    if let Some(span) = doc.creation_time.span {
        slice(span);
    }
    for w in analysis.warnings.iter().filter_map(|w| w.span) {
        slice(w);
    }
});
