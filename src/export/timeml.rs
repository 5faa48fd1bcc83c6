//! TimeML output that the TempEval-3 tools can score: the text unchanged, character for
//! character, with inline `TIMEX3` tags carrying only TimeML attributes (`rule` and `anchor`
//! stay in the JSON).

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

/// The document's text with a `TIMEX3` tag around each time expression (ids `t1`…; `t0` is the
/// creation time).
pub fn tagged_text(doc: &DocumentAnalysis) -> String {
    let text = &doc.text;
    let mut out = String::with_capacity(text.len() + doc.timexes.len() * 80);
    let mut at = 0;
    for t in &doc.timexes {
        out.push_str(&escape(&text[at..t.bytes.start]));
        out.push_str(&format!("<TIMEX3 tid=\"{}\" type=\"{}\" value=\"{}\"", t.id, t.kind.as_str(), escape(&t.value)));
        if let Some(m) = t.modifier {
            out.push_str(&format!(" mod=\"{m}\""));
        }
        if let Some(q) = t.quant {
            out.push_str(&format!(" quant=\"{q}\""));
        }
        if let Some(f) = &t.freq {
            out.push_str(&format!(" freq=\"{}\"", escape(f)));
        }
        let anchored = t.anchor.is_some();
        out.push_str(&format!(" temporalFunction=\"{anchored}\" functionInDocument=\"NONE\""));
        match t.anchor.as_deref() {
            Some("creation_time") => out.push_str(" anchorTimeID=\"t0\""),
            Some(id) => out.push_str(&format!(" anchorTimeID=\"{id}\"")),
            None => {}
        }
        out.push('>');
        out.push_str(&escape(&t.text));
        out.push_str("</TIMEX3>");
        at = t.bytes.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// Re-emit a TimeML input with our `TIMEX3` tags in place of whatever its `TEXT` held. The head
/// (everything up to `<TEXT>`) is kept verbatim; what followed `</TEXT>` (gold links that point at
/// ids which no longer exist) is dropped.
pub fn rewrite(input: &TimemlDocument, doc: &DocumentAnalysis) -> String {
    format!("{}{}</TEXT>\n\n</TimeML>\n", input.head, tagged_text(doc))
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
    out.push_str("</TEXT>\n\n</TimeML>\n");
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
    fn rewrite_replaces_gold_tags() {
        let src = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">x</TIMEX3></DCT>\n<TEXT>On <TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1998-01-07\">Wednesday</TIMEX3> they met.</TEXT>\n<TLINK lid=\"l1\" timeID=\"t9\"/>\n</TimeML>\n";
        let parsed = parse(src).unwrap();
        let mut input = DocumentInput::new("x", parsed.text.clone());
        input.dct = parsed.dct.clone();
        input.dct_overrides_text = true;
        let a = analyze(&[input]).unwrap();
        let out = rewrite(&parsed, &a.documents[0]);
        assert!(out.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\" temporalFunction=\"true\" functionInDocument=\"NONE\" anchorTimeID=\"t0\">Wednesday</TIMEX3>"), "{out}");
        assert!(!out.contains("TLINK"));
        let start = out.find("<TEXT>").unwrap() + 6;
        let end = out.find("</TEXT>").unwrap();
        assert_eq!(character_data(&out[start..end]), parsed.text);
    }
}
