//! Property tests: `analyze` returns on any text, and every span it reports is a real slice of
//! that text (UTF-16 offsets on character boundaries, the claimed text equal to the slice).
#![cfg(not(target_arch = "wasm32"))]

use dateline::{analyze, DocumentInput};
use proptest::prelude::*;

/// Text drawn from every Unicode plane, with the characters that break naive code over-weighted.
fn nasty_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        any::<char>().prop_map(String::from),
        Just("\u{0}".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{202e}".to_string()),
        Just("😀".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("December 19, 2016 ".to_string()),
        Just("Monday evening ".to_string()),
        Just("20:43 EET ".to_string()),
        Just("in 1976 ".to_string()),
        Just("February 30 ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("«".to_string()),
        Just(" said ".to_string()),
        Just("according to ".to_string()),
        Just("Mr Çavuşoğlu ".to_string()),
        Just("Andrey Karlov, 62, ".to_string()),
        Just("the gunman ".to_string()),
        Just("reportedly ".to_string()),
        Just("U.S. ".to_string()),
        "[0-9:/.\\- ]{1,12}",
        "[A-Za-z ]{1,20}",
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(text: &str, dct: Option<&str>) {
    let mut input = DocumentInput::new("p", text);
    input.dct = dct.map(str::to_string);
    let analysis = analyze(&[input]).expect("valid dct");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice = |[s, e]: [usize; 2]| -> String {
        assert!(s <= e && e <= utf16.len(), "span {s}..{e} outside text of {} units", utf16.len());
        String::from_utf16(&utf16[s..e]).expect("span on character boundaries")
    };
    let doc = &analysis.documents[0];
    for t in &doc.timexes {
        assert_eq!(slice(t.span), t.text, "timex text equals its slice");
        let sentence = slice(t.sentence);
        assert!(sentence.contains(&t.text), "sentence holds its timex");
    }
    for s in &doc.sentences {
        slice(*s);
    }
    for a in &doc.ages {
        assert_eq!(slice(a.span), a.text, "age text equals its slice");
    }
    for e in &doc.entities {
        assert!(!e.mentions.is_empty(), "an entity has mentions");
        for m in &e.mentions {
            assert!(!slice(*m).is_empty(), "a mention is a non-empty slice");
        }
    }
    for q in &doc.quotes {
        assert_eq!(slice(q.span), q.text, "quote text equals its slice");
        if let Some(span) = q.speaker_span {
            assert_eq!(Some(slice(span)), q.speaker_text, "speaker text equals its slice");
        }
        if let Some(id) = &q.speaker {
            assert!(doc.entities.iter().any(|e| &e.id == id), "a speaker is an entity");
        }
    }
    for src in &doc.sources {
        assert_eq!(slice(src.span), src.name, "source name equals its slice");
        slice(src.content);
        slice(src.sentence);
    }
    for h in &doc.hedges {
        assert_eq!(slice(h.span), h.text, "hedge text equals its slice");
        assert!(slice(h.scope).contains(&h.text), "the hedged sentence holds its hedge");
    }
    assert_eq!(doc.certainty.len(), doc.sentences.len(), "a certainty per sentence");
    if let Some(span) = doc.creation_time.span {
        slice(span);
    }
    for w in &analysis.warnings {
        if let Some(span) = w.span {
            slice(span);
        }
    }
    // The exporters accept whatever the analysis holds.
    let _ = dateline::export::json(&analysis);
    let xml = dateline::export::timeml::document(doc);
    assert_eq!(dateline::text::timeml::parse(&xml).map(|d| d.text), Some(text.to_string()));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_text_analyses_with_true_spans(text in nasty_text()) {
        check(&text, Some("2016-12-19"));
        check(&text, None);
    }

    #[test]
    fn arbitrary_strings_analyse(text in any::<String>()) {
        check(&text, Some("2016-12-19T20:43+02:00"));
    }
}

#[test]
fn huge_line_and_only_combining_marks() {
    check(&"a".repeat(200_000), None);
    check(&"\u{301}".repeat(10_000), Some("2016-12-19"));
    check(&"9:15 ".repeat(20_000), Some("2016-12-19"));
    check(&"December 19, 2016 ".repeat(5_000), None);
}
