//! Property tests: `analyze` (and `times`, its time stage alone) returns on any text, and every
//! span it reports is a real slice of that text (UTF-16 offsets on character boundaries, the
//! claimed text equal to the slice).
#![cfg(not(target_arch = "wasm32"))]

use dateline::events::{AnchorKind, Tense};
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
        Just("fired at least eight shots ".to_string()),
        Just("three other people were injured ".to_string()),
        Just("shot him twice ".to_string()),
        Just("several ".to_string()),
        Just("aged 22 ".to_string()),
        Just("born in 1994 ".to_string()),
        Just("Altıntaş, 22, ".to_string()),
        Just("terrorist ".to_string()),
        Just("accidentally ".to_string()),
        Just("not ".to_string()),
        Just("5 1/2 hours ".to_string()),
        Just("9999 decades and a half ".to_string()),
        Just("½ ".to_string()),
        Just("decades-long ".to_string()),
        Just("the weeks before ".to_string()),
        Just("the 1988 quarter ".to_string()),
        Just("the week's ".to_string()),
        Just("the quarter a year ago ".to_string()),
        Just("last year's quarter ".to_string()),
        Just("the year-earlier nine months ".to_string()),
        Just("today's youth ".to_string()),
        Just("8.5% annually ".to_string()),
        Just("was cancelled ".to_string()),
        Just("the last half of 1989 ".to_string()),
        Just("April 24 and 25 ".to_string()),
        Just("on Tuesday nights ".to_string()),
        Just("\"This Week\" ".to_string()),
        Just("mid-afternoon yesterday ".to_string()),
        Just("two more weeks ".to_string()),
        Just("post-1959 ".to_string()),
        Just("well into the early summer ".to_string()),
        Just("until ".to_string()),
        Just("by February ".to_string()),
        Just("had planned to ".to_string()),
        Just("would ".to_string()),
        Just("as soon as ".to_string()),
        Just("Wednesday's ".to_string()),
        Just("that same day ".to_string()),
        Just("the then current ".to_string()),
        Just("!” Trump barked ".to_string()),
        Just("Hours later, ".to_string()),
        Just("when a man ".to_string()),
        Just("said the attacker chanted ".to_string()),
        Just("VIDEO: ".to_string()),
        Just("She says ".to_string()),
        Just("Airbus has announced ".to_string()),
        Just("by introducing ".to_string()),
        Just(",” said Rick Wilson, ".to_string()),
        Just("\n\n-Michelle Marks, ".to_string()),
        Just("According to Limbaugh, ".to_string()),
        Just("Said Ellis: ".to_string()),
        Just("” it read. ".to_string()),
        Just("a 12” pipe ".to_string()),
        Just("made the following comment:\n\n".to_string()),
        "[0-9:/.\\- ]{1,12}",
        "[A-Za-z ]{1,20}",
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(text: &str, dct: Option<&str>) {
    let mut input = DocumentInput::new("p", text);
    input.dct = dct.map(str::to_string);
    let analysis = analyze(std::slice::from_ref(&input)).expect("valid dct");
    let times = dateline::times(&[input]).expect("valid dct");
    assert_eq!(times.documents[0].timexes, analysis.documents[0].timexes, "times is the time stage of analyze");
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
    for e in &doc.events {
        assert_eq!(slice(e.span), e.trigger, "event trigger equals its slice");
        assert!(slice(e.sentence).contains(&e.trigger), "sentence holds its trigger");
        if let Some(t) = &e.time {
            if let (Some(s), Some(end)) = (&t.start, &t.end) {
                assert!(s <= end || s.len() != end.len(), "event interval in order: {s}..{end}");
            }
            // Only news convention and a governing verb's time are inferred; the news day is the
            // creation day, and needs one.
            let inferred = matches!(t.anchor, AnchorKind::NewsDay | AnchorKind::Governor);
            assert_eq!(t.inferred, inferred, "inferred exactly for news_day and governor: {t:?}");
            if t.anchor == AnchorKind::NewsDay {
                let day = doc.creation_time.value.as_deref().and_then(|v| v.get(..10));
                assert!(day.is_some(), "news_day needs a creation time");
                assert_eq!(t.start, t.end, "news_day is one day");
                assert!(e.tense != Tense::Future, "news_day: not future");
                match &t.timex {
                    // The creation day, or a day of the week up to it that the lede names.
                    None => assert_eq!(t.start.as_deref(), day, "news_day without a timex is the creation day"),
                    Some(id) => {
                        let x = doc.timexes.iter().find(|x| &x.id == id).expect("news_day names a timex of the text");
                        assert!(x.value.starts_with(t.start.as_deref().unwrap_or("-")), "{x:?} dates {t:?}");
                        assert!(t.start.as_deref() <= day, "the story day is not after the creation day");
                    }
                }
            }
            if t.anchor == AnchorKind::Governor {
                let via = t.via.as_deref().expect("governor names its verb");
                assert!(doc.events.iter().any(|o| o.id == via && o.sentence == e.sentence), "governor in the sentence");
            }
        }
    }
    for entry in &analysis.timeline {
        assert!(!entry.events.is_empty() || !entry.timexes.is_empty(), "an entry holds something");
        if entry.inferred {
            assert!(!entry.events.is_empty(), "only event entries are inferred");
        }
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
    for format in ["json", "timeml", "timelinejs", "csv"] {
        dateline::export::to_format(&analysis, format).expect("every format writes");
    }
    let xml = dateline::export::timeml::document(doc);
    assert_eq!(dateline::text::timeml::parse(&xml).map(|d| d.text), Some(text.to_string()));
}

/// The story of several documents refers only to what they hold: every entity in exactly one
/// story entity, every story event of two or more existing mentions, a rule for each member.
fn check_story_members(texts: &[String]) {
    let inputs: Vec<DocumentInput> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| DocumentInput {
            dct: Some("2016-12-19".into()),
            ..DocumentInput::new(format!("p{i}"), t.as_str())
        })
        .collect();
    let analysis = analyze(&inputs).expect("valid dct");
    let story = &analysis.story;
    let mut seen = std::collections::HashSet::new();
    for x in &story.entities {
        assert_eq!(x.rules.len(), x.members.len(), "a rule per member");
        for m in &x.members {
            let doc = analysis.documents.iter().find(|d| d.id == m.document).expect("member document exists");
            assert!(doc.entities.iter().any(|e| e.id == m.entity), "member entity exists");
            assert!(seen.insert((m.document.clone(), m.entity.clone())), "an entity in one story entity");
        }
    }
    let entities: usize = analysis.documents.iter().map(|d| d.entities.len()).sum();
    assert_eq!(seen.len(), entities, "every entity in a story entity");
    let mut seen = std::collections::HashSet::new();
    for y in &story.events {
        assert!(y.members.len() > 1, "a story event joins mentions");
        assert_eq!(y.rules.len(), y.members.len(), "a rule per member");
        for m in &y.members {
            let doc = analysis.documents.iter().find(|d| d.id == m.document).expect("member document exists");
            assert!(doc.events.iter().any(|e| e.id == m.event), "member event exists");
            assert!(seen.insert((m.document.clone(), m.event.clone())), "a mention in one story event");
        }
    }
}

/// Several documents analysed together: the comparison holds together — every claim's words are
/// a slice of its document inside its sentence, every reference names a real document, entity,
/// event or story item, conflicts come first and every comparison is explained.
fn check_story(texts: &[String], dcts: &[Option<&str>]) {
    let inputs: Vec<DocumentInput> = texts
        .iter()
        .zip(dcts.iter().cycle())
        .enumerate()
        .map(|(i, (t, dct))| {
            let mut input = DocumentInput::new(format!("p{i}"), t.as_str());
            input.dct = dct.map(str::to_string);
            input
        })
        .collect();
    let analysis = analyze(&inputs).expect("valid dct");
    let slice = |document: &str, [s, e]: [usize; 2]| -> String {
        let doc = analysis.documents.iter().find(|d| d.id == document).expect("a claim names a document");
        let utf16: Vec<u16> = doc.text.encode_utf16().collect();
        assert!(s <= e && e <= utf16.len(), "span {s}..{e} outside text of {} units", utf16.len());
        String::from_utf16(&utf16[s..e]).expect("span on character boundaries")
    };
    let story = &analysis.story;
    for e in &story.entities {
        for m in &e.members {
            let doc = analysis.documents.iter().find(|d| d.id == m.document).expect("member document");
            assert!(doc.entities.iter().any(|x| x.id == m.entity), "a story entity joins real entities");
        }
    }
    for e in &story.events {
        for m in &e.members {
            let doc = analysis.documents.iter().find(|d| d.id == m.document).expect("member document");
            assert!(doc.events.iter().any(|x| x.id == m.event), "a story event joins real events");
        }
    }
    let order: Vec<_> = analysis.comparisons.iter().map(|c| c.status).collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "conflicts first");
    for (i, c) in analysis.comparisons.iter().enumerate() {
        assert_eq!(c.id, format!("c{}", i + 1));
        assert!(!c.claims.is_empty() && !c.explanation.is_empty() && !c.rule.is_empty() && !c.topic.is_empty());
        if let Some(about) = &c.about {
            assert!(
                story.entities.iter().any(|e| &e.id == about) || story.events.iter().any(|e| &e.id == about),
                "about names a story item"
            );
        }
        for claim in &c.claims {
            assert_eq!(slice(&claim.document, claim.span), claim.text, "claim text equals its slice");
            assert!(claim.sentence[0] <= claim.span[0] && claim.span[1] <= claim.sentence[1], "claim in its sentence");
            slice(&claim.document, claim.sentence);
            if let Some(v) = claim.value {
                assert!(v.min.zip(v.max).map_or(true, |(a, b)| a <= b), "interval in order");
            }
        }
    }
    let _ = dateline::export::json(&analysis);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn several_documents_compare_with_true_claims(texts in prop::collection::vec(nasty_text(), 1..5)) {
        check_story(&texts, &[Some("2016-12-19"), None, Some("2015-01-01T10:00")]);
        check_story_members(&texts);
    }

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

/// Markup, spreadsheet formulas, control and bidi characters in names and texts: the JSON export is
/// valid and gives the name back as it was; in the TimeML export every `<` opens one of TimeML's own
/// tags (the rest is escaped) and the text reads back character for character.
#[test]
fn hostile_names_and_texts_are_escaped_in_exports() {
    const TAGS: [&str; 15] = [
        "?xml",
        "TimeML",
        "/TimeML",
        "DOCID",
        "/DOCID",
        "DCT",
        "/DCT",
        "TEXT",
        "/TEXT",
        "TIMEX3",
        "/TIMEX3",
        "EVENT",
        "/EVENT",
        "MAKEINSTANCE",
        "TLINK",
    ];
    let emoji = "😀".repeat(2_000);
    let hostile = [
        "<script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "</TEXT></TimeML><TEXT>",
        "<DCT><TIMEX3 tid=\"t0\" value=\"1999\">",
        "=HYPERLINK(\"http://x\",\"y\")",
        "+cmd|' /C calc'!A0",
        "&amp; &lt; &#60; ]]> <![CDATA[ x ]]> <!-- -->",
        "\u{0}\u{1}\u{1b}[31m\u{202e}\u{200f}",
        emoji.as_str(),
    ];
    for h in hostile {
        let text = format!("{h} On December 19, 2016 {h} the talks began in 1976. {h}");
        let mut input = DocumentInput::new(h, text.as_str());
        input.dct = Some("2016-12-20".to_string());
        let analysis = analyze(&[input]).expect("valid dct");
        assert!(analysis.documents[0].timexes.len() >= 2, "{h}: the dates are still found");

        let json: serde_json::Value = serde_json::from_str(&dateline::export::json(&analysis)).expect("valid JSON");
        assert_eq!(json["documents"][0]["name"].as_str(), Some(h));

        let xml = dateline::export::timeml::document(&analysis.documents[0]);
        for (at, _) in xml.match_indices('<') {
            let rest = &xml[at + 1..];
            assert!(
                TAGS.iter().any(|t| rest.starts_with(t)),
                "{h}: unescaped '<' in the TimeML before {:?}",
                rest.chars().take(20).collect::<String>()
            );
        }
        let read = dateline::text::timeml::parse(&xml).expect("a TimeML document");
        assert_eq!(read.text, text, "{h}: the text reads back unchanged");
    }
}
