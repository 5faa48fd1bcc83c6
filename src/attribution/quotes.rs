//! Quotation marks: the stretches of direct speech in a text, in straight and curly double
//! quotes, «guillemets» and „low-high“ quotes. A quote may run over several paragraphs (each
//! paragraph reopens it, the last one closes it); a mark that cannot close or open what is
//! around it is left alone, so one stray mark never turns the rest of the text inside out. Marks
//! inside a markup tag pasted with the text (`<tweet author="…">`) are its attribute values, not
//! quotation marks.

use std::ops::Range;

/// A quoted stretch, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// The words inside the marks.
    pub inner: Range<usize>,
    /// With the marks.
    pub outer: Range<usize>,
    /// How it was closed: `quote_marks`, `mixed_marks` (opened by a mark of one family, closed
    /// by one of another: "…,” said X), `across_paragraphs`, or `unclosed` (recovered at the
    /// paragraph's end).
    pub rule: &'static str,
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '″')
}

/// The bytes that can start a character [`find`] reads: '"', '<', '>', a line break, and the
/// lead bytes of the other marks' UTF-8 (`0xC2` for « and », `0xE2` for “ ” „ ‟ ″).
const SIGNIFICANT: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let bytes = [b'"', b'<', b'>', b'\n', 0xC2, 0xE2];
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// Marks close only quotes their own family opened: straight with straight, curly with curly
/// (either way round: writers mix “ and ”), guillemets with guillemets.
fn family(c: char) -> u8 {
    match c {
        '"' | '″' => 0,
        '«' | '»' => 2,
        _ => 1,
    }
}

/// Find the quoted stretches of `text`.
pub fn find(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None; // byte of the opening mark
    let mut across = false;
    // A quote of another family's marks open inside the open quote.
    let mut nested = false;
    // Inside `<tag …>` (from a '<' before a letter, '/' or '!' to the next '>' on the line).
    let mut in_tag = false;
    // Only quotation marks, '<', '>' and line breaks change anything: the bytes that start
    // them are looked up in a table and everything between is skipped unread.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = bytes[at..].iter().position(|&b| SIGNIFICANT[usize::from(b)]) {
        let i = at + found;
        let c = text[i..].chars().next().unwrap_or_default();
        at = i + c.len_utf8();
        let prev = text[..i].chars().next_back();
        let next = text[at..].chars().next();
        if c == '<' && next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!')) {
            in_tag = true;
        } else if c == '>' || c == '\n' {
            in_tag = false;
        }
        if in_tag && is_double(c) {
            continue;
        }
        if c == '\n' {
            // End of a paragraph: a quote still open continues only if the next paragraph
            // opens with a quotation mark.
            if let Some((start, mark)) = open {
                let rest = &text[at..];
                let opening = rest.trim_start();
                if opening.starts_with(['"', '“', '„', '«']) {
                    across = true;
                    nested = false;
                    at = text.len() - opening.len() + opening.chars().next().map_or(0, char::len_utf8);
                    continue;
                }
                let end = text[..i].trim_end().len();
                let inner = start + mark.len_utf8()..end;
                if inner.start < inner.end && end - start < 2000 {
                    out.push(Marked { inner, outer: start..end, rule: "unclosed" });
                }
                open = None;
                across = false;
            }
            continue;
        }
        if !is_double(c) {
            continue;
        }
        let space_before = prev.map_or(true, |p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':'));
        let word_after =
            next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '\'' | '‘' | '.' | '…' | '(' | '$' | '£' | '€'));
        let space_after = next.map_or(true, |n| {
            n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–')
        });
        match open {
            None => {
                // A closing-shaped mark glued to the word before it opens nothing.
                let clearly_closing = !space_before && space_after;
                if !clearly_closing || matches!(c, '“' | '„' | '«') && word_after {
                    open = Some((i, c));
                    nested = false;
                }
            }
            // A mark of another family: a quote inside the quote ("…" inside “…”) opens and
            // closes by its shape; a closing-shaped mark with no such inner quote open closes the
            // quote, as writers mix marks ("…,” said Rick Wilson; “…," he said).
            Some((start, mark)) if family(mark) != family(c) => {
                if space_before && word_after {
                    nested = true;
                } else if !space_before && space_after && !prev.is_some_and(|p| p.is_ascii_digit()) {
                    // (Not an inch mark: "a 12” pipe".)
                    if nested {
                        nested = false;
                    } else {
                        let inner = start + mark.len_utf8()..i;
                        if !text[inner.clone()].trim().is_empty() {
                            let rule = if across { "across_paragraphs" } else { "mixed_marks" };
                            out.push(Marked { inner, outer: start..i + c.len_utf8(), rule });
                        }
                        open = None;
                        across = false;
                    }
                }
            }
            Some((start, mark)) => {
                let clearly_opening = space_before && word_after && matches!(c, '“' | '„' | '«');
                if clearly_opening {
                    // The open quote lost its closing mark: recover it up to here, start anew.
                    let end = text[..i].trim_end().len();
                    if start + mark.len_utf8() < end {
                        out.push(Marked { inner: start + mark.len_utf8()..end, outer: start..end, rule: "unclosed" });
                    }
                    open = Some((i, c));
                    nested = false;
                } else {
                    let inner = start + mark.len_utf8()..i;
                    if !text[inner.clone()].trim().is_empty() {
                        let rule = if across { "across_paragraphs" } else { "quote_marks" };
                        out.push(Marked { inner, outer: start..i + c.len_utf8(), rule });
                    }
                    open = None;
                    across = false;
                }
            }
        }
    }
    if let Some((start, mark)) = open {
        let end = text.trim_end().len();
        if start + mark.len_utf8() < end && end - start < 2000 {
            out.push(Marked { inner: start + mark.len_utf8()..end, outer: start..end, rule: "unclosed" });
        }
    }
    // Trim the spaces just inside the marks.
    for m in &mut out {
        let s = &text[m.inner.clone()];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        m.inner = m.inner.start + lead..m.inner.end - trail;
    }
    out.retain(|m| m.inner.start < m.inner.end);
    out
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn quote_mark_examples() {
        // (text, the quoted words found)
        let table: &[(&str, &[&str])] = &[
            ("He said, “We die in Aleppo, you die here.”", &["We die in Aleppo, you die here."]),
            ("He shouted: \"Allahu Akbar\" and fired.", &["Allahu Akbar"]),
            ("described as “despicable” the murder", &["despicable"]),
            ("«Nous sommes là», dit-il. „Wir sind da“, sagte er.", &["Nous sommes là", "Wir sind da"]),
            ("VIDEO: ” ALLAHU AKBAR”: Russia declares", &["ALLAHU AKBAR"]),
            ("in Turkish: “We die in Aleppo, you die here“. At least three", &["We die in Aleppo, you die here"]),
            ("“First paragraph,\n\n“second paragraph.” He left.", &["First paragraph,\n\n“second paragraph."]),
            ("“Never closed\n\nNext paragraph says “fine” here.", &["Never closed", "fine"]),
            ("He is 5'11\" tall. She said \"yes\".", &["yes"]),
            ("“<b class=\"x\">Stop</b> now,” she said.", &["<b class=\"x\">Stop</b> now,"]),
            ("<tweet pic=\"pic.twitter.com/\" author=\"carl\">The blue arrow is Warren.</tweet>", &[]),
            ("<tweet tweet-id=\"783499\"><tweet/>. She said \"yes\" and left.", &["yes"]),
            ("If a <b and c > d, \"this\" holds.", &["this"]),
            ("No quotes at all, just the 1990s' fashion.", &[]),
            ("“ ”", &[]),
            ("\"There are two of us,” said Rick Wilson. \"Fine.\"", &["There are two of us,", "Fine."]),
            ("“The economy is strong,\" he said. “Yes.”", &["The economy is strong,", "Yes."]),
            ("\"He called it “a disgrace” and left,\" she said.", &["He called it “a disgrace” and left,"]),
            ("“She said \"no\" twice,” he added.", &["She said \"no\" twice,"]),
            ("\"A 12” pipe burst,\" he said.", &["A 12” pipe burst,"]),
        ];
        for (text, expected) in table {
            let got: Vec<&str> = find(text).iter().map(|m| &text[m.inner.clone()]).collect();
            assert_eq!(&got, expected, "text: {text:?}");
        }
    }
}
