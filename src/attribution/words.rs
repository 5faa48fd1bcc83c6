//! The words the attribution stage reads: runs of letters and digits, with inner apostrophes,
//! hyphens and periods kept ("didn't", "off-duty", "U.S"), each with its lower-case form.
//!
//! A document is read into words once ([`Tokens::new`]); the words of any byte range are then
//! a slice of that table ([`Tokens::words`]), re-read only where the range cuts a word. The
//! result is the same as reading the range alone ([`scan`]), which a test checks on every range
//! of a sample text.

use crate::entity::{char_at, lower_case};
use std::borrow::Cow;
use std::ops::Range;

/// A word: its bytes and its lower-case form (borrowed from the text when it already is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word<'a> {
    pub(super) bytes: Range<usize>,
    pub(super) lower: Cow<'a, str>,
}

/// An ASCII byte that ends a word: a space, a comma (a kind in [`BYTES`]).
const STOP: u8 = 0;
/// An ASCII letter or digit.
const ALNUM: u8 = 1;
/// An apostrophe, a hyphen or a period (inside a word when a letter or digit follows), or a
/// byte of a character beyond ASCII: read as a character.
const OTHER: u8 = 2;
/// What each byte is for [`scan`]: one look-up instead of range tests.
const BYTES: [u8; 256] = {
    let mut kinds = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        kinds[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'\'' | b'-' | b'.') {
            OTHER
        } else {
            STOP
        };
        b += 1;
    }
    kinds
};

/// The words of `range` in `text`, read from the range alone: a word starts at a letter or
/// digit, and goes on over letters, digits, and an apostrophe, hyphen or period followed by one.
/// `lowered` is `text` with its ASCII letters in lower case, which ASCII words borrow from.
pub(super) fn scan<'a>(text: &'a str, lowered: &'a str, range: Range<usize>) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(range.len() / 5);
    let bytes = text.as_bytes();
    // Where the word being read starts, and whether it is ASCII so far.
    let mut start: Option<usize> = None;
    let mut ascii = true;
    // (Inlined into the loop: as a call, making a word cost about as much as finding it.)
    #[inline(always)]
    fn word<'a>(text: &'a str, lowered: &'a str, s: usize, end: usize, ascii: bool) -> Word<'a> {
        Word { bytes: s..end, lower: if ascii { Cow::Borrowed(&lowered[s..end]) } else { lower_case(&text[s..end]) } }
    }
    let mut at = range.start;
    while at < range.end {
        match BYTES[usize::from(bytes[at])] {
            // A run of ASCII letters and digits, most of a text, goes without decoding.
            ALNUM => {
                if start.is_none() {
                    (start, ascii) = (Some(at), true);
                }
                // (One search to the run's end, without a bound test per byte.)
                at += 1 + bytes[at + 1..range.end].iter().take_while(|&&b| BYTES[usize::from(b)] == ALNUM).count();
                continue;
            }
            // Any other ASCII byte but a mark that may join a word (a space, a comma) ends one.
            STOP => {
                if let Some(s) = start.take() {
                    out.push(word(text, lowered, s, at, ascii));
                }
                at += 1;
                continue;
            }
            _ => {}
        }
        let (c, len) = char_at(text, at);
        let next = at + len;
        // A letter or digit, or a mark inside a word followed by one.
        let in_word = c.is_alphanumeric()
            || start.is_some()
                && matches!(c, '\'' | '’' | '-' | '.')
                && next < range.end
                && char_at(text, next).0.is_alphanumeric();
        if in_word {
            if start.is_none() {
                (start, ascii) = (Some(at), true);
            }
            ascii &= c.is_ascii();
        } else if let Some(s) = start.take() {
            out.push(word(text, lowered, s, at, ascii));
        }
        at = next;
    }
    if let Some(s) = start {
        out.push(word(text, lowered, s, range.end, ascii));
    }
    out
}

/// A document's words, read once.
pub(super) struct Tokens<'a> {
    /// The document's text.
    pub(super) text: &'a str,
    /// The text with its ASCII letters in lower case.
    lowered: &'a str,
    all: Vec<Word<'a>>,
}

impl<'a> Tokens<'a> {
    /// Read the words of `text`; `lowered` is `text` with its ASCII letters in lower case
    /// ([`str::to_ascii_lowercase`]), which the words' lower-case forms borrow from.
    pub(super) fn new(text: &'a str, lowered: &'a str) -> Self {
        Tokens { text, lowered, all: scan(text, lowered, 0..text.len()) }
    }

    /// The words of the byte range `range`, as [`scan`] reads them: borrowed from the table
    /// unless the range cuts a word, whose piece inside the range is then read alone.
    pub(super) fn words(&self, range: Range<usize>) -> Cow<'_, [Word<'a>]> {
        let first = self.all.partition_point(|w| w.bytes.end <= range.start);
        // Most ranges hold a few words: the end is searched for within bounds that double from
        // the start (the words are in text order), not through the rest of the document.
        let rest = &self.all[first..];
        let mut bound = 8;
        while bound < rest.len() && rest[bound].bytes.start < range.end {
            bound *= 2;
        }
        let count = rest[..bound.min(rest.len())].partition_point(|w| w.bytes.start < range.end);
        let inside = &self.all[first..first + count];
        let cut = |w: &Word<'_>| w.bytes.start < range.start || w.bytes.end > range.end;
        if !inside.first().is_some_and(cut) && !inside.last().is_some_and(cut) {
            return Cow::Borrowed(inside);
        }
        // Inside a word, reading starts afresh; the words past the cut read as in the table.
        let mut out = Vec::with_capacity(inside.len());
        for w in inside {
            if cut(w) {
                out.extend(scan(self.text, self.lowered, w.bytes.start.max(range.start)..w.bytes.end.min(range.end)));
            } else {
                out.push(w.clone());
            }
        }
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_reads_words_with_inner_marks() {
        let text = "He didn't say 'yes'. The U.S. off-duty officer, Çavuşoğlu’s aide -- 22.5%";
        let lowered = text.to_ascii_lowercase();
        let lower =
            |r: Range<usize>| scan(text, &lowered, r).into_iter().map(|w| w.lower.into_owned()).collect::<Vec<_>>();
        assert_eq!(
            lower(0..text.len()),
            ["he", "didn't", "say", "yes", "the", "u.s", "off-duty", "officer", "çavuşoğlu’s", "aide", "22.5"]
        );
        // Cut ranges: a mark at either edge starts or ends no word.
        assert_eq!(lower(6..9), ["n't"]);
        assert_eq!(lower(7..9), ["t"]);
        assert_eq!(lower(2..8), ["didn"]);
    }

    /// The table hands out, for every range of a text, exactly what reading the range alone
    /// gives: ranges starting and ending inside words, on marks, on multi-byte letters.
    #[test]
    fn table_matches_reading_each_range_alone() {
        let text = "“I’m O'Neill,” said Mr. Karlov-Smith, 62, of Zürich.\n\nThe U.S. ΣΊΣΥΦΟΣ didn't-- \
                    'x' a.b.c İstanbul's 3.5m off-duty. İİ";
        let lowered = text.to_ascii_lowercase();
        let tokens = Tokens::new(text, &lowered);
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for (n, &a) in bounds.iter().enumerate() {
            for &b in &bounds[n..] {
                assert_eq!(tokens.words(a..b).as_ref(), scan(text, &lowered, a..b).as_slice(), "range {a}..{b}");
            }
        }
    }
}
