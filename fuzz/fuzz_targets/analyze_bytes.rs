//! Any bytes, read as lossy UTF-8, analyse without panicking, and every span the analysis reports
//! is a true slice of the text in UTF-16 code units (on character boundaries, equal to the text it
//! claims). The first byte picks the creation time given from outside.
#![no_main]

use dateline::{analyze, DocumentInput};
use libfuzzer_sys::fuzz_target;

const DCTS: [Option<&str>; 4] = [None, Some("2016-12-19"), Some("2016-12-19T20:43"), Some("1999-02-28")];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let mut input = DocumentInput::new("fuzz", text.as_ref());
    input.dct = DCTS[usize::from(first) % DCTS.len()].map(str::to_string);
    input.dct_overrides_text = first & 0x80 != 0;
    let analysis = analyze(&[input]).expect("the given creation times are valid");

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
