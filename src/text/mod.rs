//! The document model: offsets, sentences, a language guess, and TimeML input.
//!
//! Stages work on byte ranges of the text; everything that leaves the crate carries
//! [`Span`]s in UTF-16 code units (what JavaScript's `String.prototype.slice` takes), made by
//! [`Segmented::span`].

pub mod language;
pub mod timeml;

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// `[start, end)` in UTF-16 code units of a document's text.
pub type Span = [usize; 2];

/// A text cut into sentences, with the byte → UTF-16 offset table.
#[derive(Debug, Clone)]
pub struct Segmented<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Sentence byte ranges, in order, covering every non-blank stretch of the text.
    pub sentences: Vec<Range<usize>>,
    /// Stretches of sentences written in another language than English (merged when adjacent).
    pub foreign: Vec<Range<usize>>,
    /// `utf16[b]` = UTF-16 offset of byte `b` (valid at char boundaries; length `text.len() + 1`);
    /// empty for an ASCII text, whose UTF-16 offsets are its byte offsets.
    utf16: Vec<u32>,
}

impl<'a> Segmented<'a> {
    /// The UTF-16 span of a byte range.
    pub fn span(&self, bytes: Range<usize>) -> Span {
        if self.utf16.is_empty() {
            return [bytes.start, bytes.end];
        }
        [self.utf16[bytes.start] as usize, self.utf16[bytes.end] as usize]
    }

    /// Does byte `at` lie in a stretch of another language?
    pub fn is_foreign(&self, at: usize) -> bool {
        let i = self.foreign.partition_point(|r| r.end <= at);
        self.foreign.get(i).is_some_and(|r| r.start <= at)
    }

    /// The byte range of the sentence holding byte `at` (or an empty range there if none does).
    pub fn sentence_of(&self, at: usize) -> Range<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        match self.sentences.get(i) {
            Some(s) if s.start <= at => s.clone(),
            _ => at..at,
        }
    }

    /// The byte range of the last sentence that ends at or before byte `at`, if any.
    pub fn sentence_before(&self, at: usize) -> Option<Range<usize>> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        i.checked_sub(1).map(|i| self.sentences[i].clone())
    }
}

/// Cut `text` into sentences and build its offset table.
///
/// A line break always ends a sentence (news headlines, datelines and paragraphs stand on
/// lines of their own); inside a line, `.`, `!` or `?` (with closing quotes or brackets) followed
/// by a space ends one unless the word before is a known abbreviation ("Dec.", "Mr.") or an
/// initial, or the next word starts in lower case.
pub fn segment(text: &str) -> Segmented<'_> {
    // An ASCII text (most news wire) needs no table: its offsets are the same in both.
    let utf16 = if text.is_ascii() { Vec::new() } else { utf16_offsets(text) };
    let mut sentences = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut sentences);
        line_start += line.len();
    }
    let mut foreign: Vec<Range<usize>> = Vec::new();
    for s in sentences.iter().filter(|s| language::is_foreign_sentence(&text[(*s).clone()])) {
        match foreign.last_mut() {
            Some(last) if text[last.end..s.start].trim().is_empty() => last.end = s.end,
            _ => foreign.push(s.clone()),
        }
    }
    Segmented { text, sentences, foreign, utf16 }
}

/// The UTF-16 offset of every byte of `text` and of its end (see [`Segmented`]). A character's
/// bytes all get the offset of its first one; a 4-byte character takes two UTF-16 units, any
/// other one. Runs of ASCII, most of a text, are one unit a byte.
fn utf16_offsets(text: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    let mut utf16 = Vec::with_capacity(text.len() + 1);
    let (mut i, mut unit) = (0, 0u32);
    while i < bytes.len() {
        let run = ascii_run(&bytes[i..]);
        utf16.extend(unit..unit + run as u32);
        (i, unit) = (i + run, unit + run as u32);
        if let Some(c) = text[i..].chars().next() {
            utf16.extend(std::iter::repeat(unit).take(c.len_utf8()));
            (i, unit) = (i + c.len_utf8(), unit + c.len_utf16() as u32);
        }
    }
    utf16.push(unit);
    utf16
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    // The first non-blank character at or after `from`: where a sentence starts.
    let first_word = |from: usize| line[from..].find(|c: char| !c.is_whitespace()).map(|j| from + j);
    let mut sentence_start = None::<usize>;
    // `from`: where the text after the last sentence end starts; `scan`: where to look on.
    let (mut from, mut scan) = (0, 0);
    // Only the bytes that can open a sentence end are looked at: '.', '!', '?' and the first byte
    // of '…' (and of other characters, skipped).
    while let Some(i) = next_end_byte(bytes, scan) {
        let Some(ch) = line[i..].chars().next().filter(|c| matches!(c, '.' | '!' | '?' | '…')) else {
            scan = i + 1;
            continue;
        };
        if sentence_start.is_none() {
            sentence_start = first_word(from);
        }
        // Swallow closing quotes and brackets.
        let mut stop = i + ch.len_utf8();
        for c in line[stop..].chars() {
            if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '.' | '!' | '?') {
                stop += c.len_utf8();
            } else {
                break;
            }
        }
        let rest = &line[stop..];
        let next = rest.trim_start();
        let spaced = rest.len() != next.len();
        let next_char = next.chars().next();
        let ends =
            spaced && next_char.is_some_and(|c| !c.is_lowercase()) && !(ch == '.' && is_abbreviation(&line[..i]));
        if let (true, Some(s)) = (ends, sentence_start) {
            out.push(start + s..start + stop);
            sentence_start = None;
        }
        (from, scan) = (stop, stop);
    }
    if let Some(s) = sentence_start.or_else(|| first_word(from)) {
        let trimmed = line.trim_end();
        out.push(start + s..start + trimmed.len());
    }
}

/// How many bytes `bytes` starts with are ASCII: eight at a time, then one at a time.
fn ascii_run(bytes: &[u8]) -> usize {
    let whole =
        bytes.chunks_exact(8).take_while(|c| u64::from_le_bytes((*c).try_into().unwrap()) & HIGH_BITS == 0).count();
    let n = whole * 8;
    n + bytes[n..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - n)
}

/// The first byte at or after `from` that may open a sentence end: '.', '!', '?' or 0xE2, the
/// first byte of '…' (and of other characters). Eight bytes at a time are turned away with
/// [`holds_byte`] while none of them is '.', '!', '?' or beyond ASCII (one test of the high
/// bits for all of those, 0xE2 among them), which is most of a text; the others are read a
/// byte at a time.
fn next_end_byte(bytes: &[u8], from: usize) -> Option<usize> {
    let is_end = |b: &u8| matches!(b, b'.' | b'!' | b'?' | 0xE2);
    let mut at = from;
    for chunk in bytes[from..].chunks_exact(8) {
        let c = u64::from_le_bytes(chunk.try_into().unwrap());
        if holds_byte(c, b'.') || holds_byte(c, b'!') || holds_byte(c, b'?') || c & HIGH_BITS != 0 {
            if let Some(i) = chunk.iter().position(is_end) {
                return Some(at + i);
            }
        }
        at += 8;
    }
    bytes[at..].iter().position(is_end).map(|i| at + i)
}

/// The high bit of each of eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Does one of the eight bytes of `chunk` equal `byte`? (Bytes equal to `byte` become zero; a
/// zero byte is the only one whose high bit is set after subtracting one from every byte and
/// masking out those whose own high bit was set. A borrow can flag a byte after a zero one, but
/// only when there is a zero byte, so the answer is exact.)
fn holds_byte(chunk: u64, byte: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = chunk ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGH_BITS != 0
}

/// Is the word ending at the end of `before` an abbreviation or an initial, so that a period
/// after it ends no sentence ("Mr", "Sen", "F" of "John F. Kennedy", "U.S")?
///
/// ```
/// use dateline::text::is_abbreviation;
/// assert!(is_abbreviation("said Mr"));
/// assert!(is_abbreviation("John F"));
/// assert!(!is_abbreviation("said Obama"));
/// ```
pub fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| !(c.is_alphanumeric() || c == '.')).next().unwrap_or("");
    let word = word.trim_start_matches('.');
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "John F. Kennedy"
    }
    if word.contains('.') {
        return true; // "U.S.", "a.m."
    }
    // Lower-cased on the stack when short and ASCII, as nearly every word is.
    let mut buffer = [0u8; 16];
    match buffer.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|w| abbreviations().contains(w))
        }
        _ => abbreviations().contains(word.to_lowercase().as_str()),
    }
}

/// The abbreviations list, hashed with a fast fixed-seed hash (looked up at most periods).
fn abbreviations() -> &'static HashSet<&'static str, foldhash::fast::FixedState> {
    static LIST: OnceLock<HashSet<&'static str, foldhash::fast::FixedState>> = OnceLock::new();
    LIST.get_or_init(|| data_lines(include_str!("lexicon/abbreviations.txt")).collect())
}

/// The non-comment, non-blank lines of a word-list file, trimmed.
pub fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let s = segment(text);
        s.sentences.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn sentence_examples() {
        // (input, expected sentences)
        let table: &[(&str, &[&str])] = &[
            ("He left. She stayed.", &["He left.", "She stayed."]),
            ("On Dec. 19 he spoke. Then he left.", &["On Dec. 19 he spoke.", "Then he left."]),
            ("Mr. Karlov arrived. The U.S. Embassy said so.", &["Mr. Karlov arrived.", "The U.S. Embassy said so."]),
            ("“It was a bomb.” He said it twice.", &["“It was a bomb.”", "He said it twice."]),
            ("Headline here\n\nBody starts. Ends.", &["Headline here", "Body starts.", "Ends."]),
            ("At 3 p.m. local time the talks began.", &["At 3 p.m. local time the talks began."]),
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            ("", &[]),
            ("   \n  ", &[]),
        ];
        for (input, expected) in table {
            assert_eq!(&sentences(input), expected, "input: {input:?}");
        }
    }

    #[test]
    fn utf16_offsets_of_every_byte() {
        // Each byte's offset is the UTF-16 length of the text before its character.
        let long = "A long run of ASCII letters, then é, then 😀 and more ASCII after it … the end.";
        for text in ["", "abc", "é", "a€b", "😀x", "Ankara'da düzenlenen — “quoted” 😀😀 end", long] {
            let s = segment(text);
            for (i, _) in text.char_indices() {
                let expected = text[..i].encode_utf16().count();
                let len = text[i..].chars().next().map_or(0, char::len_utf8);
                for b in i..i + len {
                    assert_eq!(s.span(b..b)[0], expected, "{text:?} byte {b}");
                }
            }
            assert_eq!(s.span(text.len()..text.len())[1], text.encode_utf16().count(), "{text:?}");
        }
    }

    #[test]
    fn sentence_end_bytes_found_from_every_byte() {
        let text = "Ankara, Dec. 19 (Reuters) — He left!  Why? Because… it was over. Then a long run without any end";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let naive = bytes[from..].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2)).map(|i| from + i);
            assert_eq!(next_end_byte(bytes, from), naive, "from {from}");
            let run = bytes[from..].iter().take_while(|b| b.is_ascii()).count();
            assert_eq!(ascii_run(&bytes[from..]), run, "from {from}");
        }
    }

    #[test]
    fn utf16_spans_count_astral_characters_twice() {
        let text = "😀 é Dec. 19";
        let s = segment(text);
        let start = text.find("Dec").unwrap();
        assert_eq!(s.span(start..text.len()), [5, 12]);
        let back: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&back[5..12]).unwrap(), "Dec. 19");
    }
}
