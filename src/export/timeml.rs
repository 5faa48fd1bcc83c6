//! TimeML output that the TempEval-3 tools can score: the text unchanged, character for
//! character, with inline `TIMEX3` and `EVENT` tags carrying only TimeML attributes (`rule` and
//! `anchor` stay in the JSON), then a `MAKEINSTANCE` per event and a `TLINK` anchoring each
//! dated event to its time expression or to the creation time (`t0`).

use crate::events::{AnchorKind, Event, Tense, TriggerKind};
use crate::text::timeml::TimemlDocument;
use crate::DocumentAnalysis;

/// Escape text for XML character data.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The events that get an `EVENT` tag: words of the text (not births worked out from ages)
/// that overlap no time expression.
fn tagged_events(doc: &DocumentAnalysis) -> Vec<&Event> {
    doc.events
        .iter()
        .filter(|e| e.kind != TriggerKind::Age)
        .filter(|e| !doc.timexes.iter().any(|t| t.bytes.start < e.bytes.end && e.bytes.start < t.bytes.end))
        .collect()
}

/// The TimeML `eid` of an event (`v3` → `e3`).
fn eid(e: &Event) -> String {
    format!("e{}", &e.id[1..])
}

/// The TimeML event class.
fn event_class(e: &Event) -> &'static str {
    match e.class {
        "statement" => "REPORTING",
        "start" | "end" => "ASPECTUAL",
        _ => "OCCURRENCE",
    }
}

/// The document's text with a `TIMEX3` tag around each time expression (ids `t1`…; `t0` is the
/// creation time) and an `EVENT` tag around each event trigger (ids `e1`…).
pub fn tagged_text(doc: &DocumentAnalysis) -> String {
    let text = &doc.text;
    let mut out = String::with_capacity(text.len() + doc.timexes.len() * 80 + doc.events.len() * 40);
    // Time expressions and events each come in text order and never overlap (see
    // `tagged_events`): merged, not sorted.
    let mut tags: Vec<(std::ops::Range<usize>, String, &'static str)> = Vec::new();
    let mut events = tagged_events(doc).into_iter().peekable();
    let event_tag =
        |e: &Event| (e.bytes.clone(), format!("<EVENT eid=\"{}\" class=\"{}\">", eid(e), event_class(e)), "</EVENT>");
    for t in &doc.timexes {
        while let Some(e) = events.next_if(|e| e.bytes.start < t.bytes.start) {
            tags.push(event_tag(e));
        }
        let mut open = format!("<TIMEX3 tid=\"{}\" type=\"{}\" value=\"{}\"", t.id, t.kind.as_str(), escape(&t.value));
        if let Some(m) = t.modifier {
            open.push_str(&format!(" mod=\"{m}\""));
        }
        if let Some(q) = t.quant {
            out.push_str(&format!(" quant=\"{q}\""));
        }
        if let Some(f) = &t.freq {
            out.push_str(&format!(" freq=\"{}\"", escape(f)));
        }
        let anchored = t.anchor.is_some();
        open.push_str(&format!(" temporalFunction=\"{anchored}\" functionInDocument=\"NONE\""));
        match t.anchor.as_deref() {
            Some("creation_time") => open.push_str(" anchorTimeID=\"t0\""),
            Some(id) => open.push_str(&format!(" anchorTimeID=\"{id}\"")),
            None => {}
        }
        open.push('>');
        tags.push((t.bytes.clone(), open, "</TIMEX3>"));
    }
    tags.extend(events.map(event_tag));
    let mut at = 0;
    for (bytes, open, close) in tags {
        out.push_str(&escape(&text[at..bytes.start]));
        out.push_str(&open);
        out.push_str(&escape(&text[bytes.clone()]));
        out.push_str(close);
        at = bytes.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// One `MAKEINSTANCE` per tagged event, then the `TLINK`s anchoring dated events: to their time
/// expression (`IS_INCLUDED`, or `BEGUN_BY` and `ENDED_BY` for a range) or to the creation time
/// `t0` (`IS_INCLUDED` on the creation day, `BEFORE` or `AFTER` it), when `has_dct`.
pub fn links(doc: &DocumentAnalysis, has_dct: bool) -> String {
    let mut out = String::new();
    let mut lid = 0;
    let mut link = |out: &mut String, e: &Event, rel: &str, time: &str| {
        lid += 1;
        out.push_str(&format!(
            "<TLINK lid=\"l{lid}\" relType=\"{rel}\" eventInstanceID=\"ei{}\" relatedToTime=\"{time}\"/>\n",
            &e.id[1..]
        ));
    };
    let events = tagged_events(doc);
    for e in &events {
        let tense = match e.tense {
            Tense::Past | Tense::Perfect => "PAST",
            Tense::Present => "PRESENT",
            Tense::Future => "FUTURE",
            Tense::None => "NONE",
        };
        let aspect = if e.tense == Tense::Perfect { "PERFECTIVE" } else { "NONE" };
        let pos = if e.kind == TriggerKind::Verbal { "VERB" } else { "NOUN" };
        let polarity = if e.positive { "POS" } else { "NEG" };
        out.push_str(&format!(
            "<MAKEINSTANCE eventID=\"{}\" eiid=\"ei{}\" tense=\"{tense}\" aspect=\"{aspect}\" polarity=\"{polarity}\" pos=\"{pos}\"/>\n",
            eid(e),
            &e.id[1..]
        ));
    }
    for e in &events {
        let Some(time) = &e.time else { continue };
        match (time.anchor, &time.timex, &time.until) {
            (AnchorKind::Range, Some(a), Some(b)) => {
                link(&mut out, e, "BEGUN_BY", a);
                link(&mut out, e, "ENDED_BY", b);
            }
            (_, Some(t), _) if time.anchor != AnchorKind::Age => link(&mut out, e, "IS_INCLUDED", t),
            (AnchorKind::CreationTime | AnchorKind::NewsDay, None, _) if has_dct => {
                link(&mut out, e, "IS_INCLUDED", "t0")
            }
            (AnchorKind::BeforeCreation, None, _) if has_dct => link(&mut out, e, "BEFORE", "t0"),
            (AnchorKind::AfterCreation, None, _) if has_dct => link(&mut out, e, "AFTER", "t0"),
            _ => {}
        }
    }
    out
}

/// Re-emit a TimeML input with our `TIMEX3` tags in place of whatever its `TEXT` held. The head
/// (everything up to `<TEXT>`) is kept verbatim; what followed `</TEXT>` (gold links that point at
/// ids which no longer exist) is replaced by our own instances and links.
pub fn rewrite(input: &TimemlDocument, doc: &DocumentAnalysis) -> String {
    format!("{}{}</TEXT>\n\n{}\n</TimeML>\n", input.head, tagged_text(doc), links(doc, input.dct.is_some()))
}

/// A new TimeML document for a plain-text input, with its creation time as `DCT` when known.
pub fn document(doc: &DocumentAnalysis) -> String {
    let mut out = String::from("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n");
    out.push_str(&format!("<DOCID>{}</DOCID>\n\n", escape(&doc.name)));
    if let Some(value) = &doc.creation_time.value {
        let (kind, timex_value) = match value.get(..16).filter(|_| value.len() >= 16) {
            Some(minute) => ("TIME", minute),
            None => ("DATE", value.as_str()),
        };
        out.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"{kind}\" value=\"{timex_value}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{}</TIMEX3></DCT>\n\n",
            escape(value)
        ));
    }
    out.push_str("<TEXT>");
    out.push_str(&tagged_text(doc));
    out.push_str("</TEXT>\n\n");
    out.push_str(&links(doc, doc.creation_time.value.is_some()));
    out.push_str("\n</TimeML>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::timeml::{character_data, parse};
    use crate::{analyze, DocumentInput};

    #[test]
    fn text_survives_character_for_character() {
        let text = "A & B <met> on \"Dec. 19, 2016\" at 20:43 EET — 😀 in 1976.";
        let mut input = DocumentInput::new("x & y", text);
        input.dct = Some("2016-12-20".into());
        let a = analyze(&[input]).unwrap();
        let xml = document(&a.documents[0]);
        let reparsed = parse(&xml).unwrap();
        assert_eq!(reparsed.text, text);
        assert_eq!(reparsed.dct.as_deref(), Some("2016-12-20"));
        assert!(xml.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2016-12-19\""), "{xml}");
        assert!(!xml.contains("rule="));
    }

    #[test]
    fn events_are_tagged_and_anchored() {
        let text =
            "He became ambassador in July 2013. He served from June 2001 to December 2006.\n\nKarlov had been shot.";
        let mut input = DocumentInput::new("x", text);
        input.dct = Some("2016-12-19".into());
        let a = analyze(&[input]).unwrap();
        let xml = document(&a.documents[0]);
        assert_eq!(parse(&xml).unwrap().text, text);
        for expected in [
            "<EVENT eid=\"e1\" class=\"OCCURRENCE\">became</EVENT>",
            "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\"",
            "relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"",
            "relType=\"BEGUN_BY\" eventInstanceID=\"ei2\" relatedToTime=\"t2\"",
            "relType=\"ENDED_BY\" eventInstanceID=\"ei2\" relatedToTime=\"t3\"",
            "relType=\"BEFORE\" eventInstanceID=\"ei3\" relatedToTime=\"t0\"",
        ] {
            assert!(xml.contains(expected), "{expected} in {xml}");
        }
    }

    #[test]
    fn rewrite_replaces_gold_tags() {
        let src = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">x</TIMEX3></DCT>\n<TEXT>On <TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1998-01-07\">Wednesday</TIMEX3> they met.</TEXT>\n<TLINK lid=\"l1\" timeID=\"t9\"/>\n</TimeML>\n";
        let parsed = parse(src).unwrap();
        let mut input = DocumentInput::new("x", parsed.text.clone());
        input.dct = parsed.dct.clone();
        input.dct_overrides_text = true;
        let a = analyze(&[input]).unwrap();
        let out = rewrite(&parsed, &a.documents[0]);
        assert!(out.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\" temporalFunction=\"true\" functionInDocument=\"NONE\" anchorTimeID=\"t0\">Wednesday</TIMEX3>"), "{out}");
        assert!(!out.contains("timeID=\"t9\""), "gold links dropped");
        assert!(out.contains("<EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT>"), "{out}");
        assert!(
            out.contains("<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>"),
            "{out}"
        );
        let start = out.find("<TEXT>").unwrap() + 6;
        let end = out.find("</TEXT>").unwrap();
        assert_eq!(character_data(&out[start..end]), parsed.text);
    }
}
