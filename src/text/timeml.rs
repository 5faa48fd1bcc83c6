//! Reading TimeML documents (a `<TimeML>` root with `<DCT>` and `<TEXT>`, as in TempEval-3).
//!
//! The text of a TimeML document is the character data of its `<TEXT>` element: tags inside it
//! (gold `TIMEX3`, `EVENT`, `SIGNAL`) are dropped and the five XML entities are decoded, so
//! offsets into [`TimemlDocument::text`] are offsets into what a reader sees.

/// A TimeML document split into what comes before its text, the text, and its creation time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDocument {
    /// Everything up to and including the `<TEXT>` start tag, verbatim.
    pub head: String,
    /// The character data of `<TEXT>`, tags removed and entities decoded.
    pub text: String,
    /// The `value` of the `TIMEX3` inside `<DCT>`, if any.
    pub dct: Option<String>,
    /// The content of `<DOCID>`, if any.
    pub docid: Option<String>,
}

/// Does this input look like a TimeML document rather than plain text?
pub fn looks_like_timeml(input: &str) -> bool {
    let start = input.trim_start_matches('\u{feff}').trim_start();
    (start.starts_with("<?xml") || start.starts_with("<TimeML")) && input.contains("<TEXT>")
}

/// Split a TimeML document. `None` when it has no `<TEXT>…</TEXT>` element.
pub fn parse(input: &str) -> Option<TimemlDocument> {
    let open = input.find("<TEXT>")? + "<TEXT>".len();
    let close = open + input[open..].find("</TEXT>")?;
    let dct = element(input, "DCT").and_then(|dct| attribute(dct, "value")).map(decode);
    let docid = element(input, "DOCID").map(|s| decode(s.trim()));
    Some(TimemlDocument { head: input[..open].to_string(), text: character_data(&input[open..close]), dct, docid })
}

/// The character data of an XML fragment: tags dropped, entities decoded.
pub fn character_data(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode(&rest[..lt]));
        match rest[lt..].find('>') {
            Some(gt) => rest = &rest[lt + gt + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(&decode(rest));
    out
}

fn element<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = start + xml[start..].find(&format!("</{name}>"))?;
    Some(&xml[start..end])
}

fn attribute<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = xml.find(&key)? + key.len();
    let end = start + xml[start..].find('"')?;
    Some(&xml[start..end])
}

/// Decode the five predefined XML entities and numeric character references.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let semi = tail.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| {
            let name = &tail[1..i];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ if name.starts_with("#x") => u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32),
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            ch.map(|c| (c, i + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n<TEXT>\nOn <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">Wednesday</TIMEX3> AT&amp;T <EVENT eid=\"e1\">said</EVENT> so.\n</TEXT>\n<TLINK lid=\"l1\"/>\n</TimeML>\n";

    #[test]
    fn parses_head_text_and_dct() {
        assert!(looks_like_timeml(DOC));
        let d = parse(DOC).unwrap();
        assert!(d.head.ends_with("<TEXT>"));
        assert_eq!(d.text, "\nOn Wednesday AT&T said so.\n");
        assert_eq!(d.dct.as_deref(), Some("1998-01-08"));
        assert_eq!(d.docid.as_deref(), Some("X1"));
    }

    #[test]
    fn plain_text_is_not_timeml() {
        assert!(!looks_like_timeml("Monday, December 19 2016 <b>"));
        assert_eq!(parse("no text element"), None);
    }

    #[test]
    fn decodes_entities() {
        let table = [
            ("a &amp; b", "a & b"),
            ("&lt;x&gt;", "<x>"),
            ("&#233;&#xE9;", "éé"),
            ("AT&T", "AT&T"),
            ("&bogus;", "&bogus;"),
        ];
        for (input, expected) in table {
            assert_eq!(decode(input), expected);
        }
    }
}
