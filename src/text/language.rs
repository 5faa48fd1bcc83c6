//! A coarse language guess: is this text English?
//!
//! Counts how many of a text's words are common English function words; news English runs at
//! 35–50 %, other languages in Latin script well under 10 %.

use std::collections::HashSet;

use std::sync::OnceLock;

/// A list of function words, looked up on every word: a set hashed with a fast fixed-seed hash,
/// and in front of it, for ASCII words, the lengths its words have by first byte and by last
/// byte, so that most words are turned away without hashing.
struct WordSet {
    /// The words as bytes, so that a word lower-cased on the stack is looked up as it is.
    words: HashSet<&'static [u8], foldhash::fast::FixedState>,
    /// The ASCII words again, each packed into one integer by [`pack`]: hashing one integer is
    /// cheaper than hashing a slice, and these are the words looked up most.
    packed: HashSet<u64, foldhash::fast::FixedState>,
    /// `lengths[b]` has bit `n - 1` set when an ASCII word of `n` bytes starts with byte `b`.
    lengths: [u8; 128],
    /// `ends[b]` has bit `n - 1` set when an ASCII word of `n` bytes ends with byte `b`.
    ends: [u8; 128],
}

impl WordSet {
    fn new(words: impl Iterator<Item = &'static str>) -> Self {
        let words: HashSet<_, _> = words.map(str::as_bytes).collect();
        let (mut lengths, mut ends) = ([0u8; 128], [0u8; 128]);
        let mut packed = HashSet::default();
        for w in words.iter().filter(|w| w.is_ascii() && (1..=MAX_FUNCTION_WORD_BYTES).contains(&w.len())) {
            lengths[usize::from(w[0])] |= 1 << (w.len() - 1);
            ends[usize::from(w[w.len() - 1])] |= 1 << (w.len() - 1);
            packed.insert(pack(w));
        }
        WordSet { words, packed, lengths, ends }
    }

    /// Is the ASCII word `word` (1 to [`MAX_FUNCTION_WORD_BYTES`] letters or apostrophes, any
    /// case) in the set? Inlined, since it runs on every short word; its first and last bytes
    /// are lower-cased by setting bit 5, which lower-cases a letter and leaves an apostrophe as
    /// it is.
    #[inline(always)]
    fn contains_ascii(&self, word: &[u8]) -> bool {
        let length = 1 << (word.len() - 1);
        let (first, last) = (word[0] | 0x20, word[word.len() - 1] | 0x20);
        self.lengths[usize::from(first)] & length != 0
            && self.ends[usize::from(last)] & length != 0
            && self.packed.contains(&pack(word))
    }
}

/// An ASCII word of 1 to [`MAX_FUNCTION_WORD_BYTES`] bytes as one integer, lower-cased, its
/// first byte lowest; the bytes after its end are 0xFF, which no ASCII byte is, so words of
/// different lengths differ.
fn pack(word: &[u8]) -> u64 {
    word.iter().rev().fold(u64::MAX, |key, b| key << 8 | u64::from(b.to_ascii_lowercase()))
}

/// The share of common English function words (percent) from which a text reads as English.
const ENGLISH_SHARE: usize = 15;

/// No word in either function-word list is longer than this, in UTF-8 bytes (a test checks).
const MAX_FUNCTION_WORD_BYTES: usize = 8;

/// The fewest words a sentence needs before it is judged not English.
const FOREIGN_MIN_WORDS: usize = 5;

/// Is this sentence written in another language? It must have few English function words
/// and some positive sign of another language: common function words of the languages news
/// quotes most, or many words with letters outside ASCII. English headlines, which have few
/// function words too, show neither; short lines ("Boris Johnson") are never judged.
pub fn is_foreign_sentence(sentence: &str) -> bool {
    // First the signs of another language, which most English sentences lack entirely …
    let (mut count, mut foreign, mut accented) = (0, 0, 0);
    for (word, ascii) in words(sentence) {
        count += 1;
        accented += usize::from(!ascii);
        foreign += usize::from(in_list(word, ascii, foreign_words()));
    }
    let share = |n: usize| n * 100 / count.max(1);
    let signs = (foreign >= 2 && share(foreign) >= 15) || (accented >= 2 && share(accented) >= 25);
    if count < FOREIGN_MIN_WORDS || !signs {
        return false;
    }
    // … then whether English function words are nonetheless common enough.
    share(words(sentence).filter(|&(w, ascii)| in_list(w, ascii, english_words())).count()) < ENGLISH_SHARE
}

/// An ASCII letter or apostrophe, part of a word (a kind of byte in [`BYTE_KINDS`]).
const WORD_BYTE: u8 = 1;
/// Any other ASCII character, which separates words.
const SEPARATOR: u8 = 0;
/// A byte of a character beyond ASCII, decoded to tell whether it is a letter.
const BEYOND_ASCII: u8 = 2;
/// The kind of each byte for [`words`].
const BYTE_KINDS: [u8; 256] = {
    let mut kinds = [BEYOND_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let letter = (b as u8).is_ascii_alphabetic() || b as u8 == b'\'';
        kinds[b] = if letter { WORD_BYTE } else { SEPARATOR };
        b += 1;
    }
    kinds
};

/// The words of `text` as bytes, each with whether it is all ASCII: runs of letters and
/// apostrophes, split at every other character. Bytes are read through [`BYTE_KINDS`], a
/// word's ASCII letters eight at a time ([`word_bytes`]), since most of the text is ASCII; only
/// other characters are decoded.
fn words(text: &str) -> impl Iterator<Item = (&[u8], bool)> {
    let bytes = text.as_bytes();
    // The character beyond ASCII at byte `i`: is it a letter, and how many bytes has it?
    let other = move |i: usize| text[i..].chars().next().map_or((false, 1), |c| (c.is_alphabetic(), c.len_utf8()));
    let mut i = 0;
    std::iter::from_fn(move || {
        // To the first letter or apostrophe.
        loop {
            match BYTE_KINDS[usize::from(*bytes.get(i)?)] {
                WORD_BYTE => break,
                SEPARATOR => i += 1,
                _ => match other(i) {
                    (true, _) => break,
                    (false, len) => i += len,
                },
            }
        }
        let (start, mut ascii) = (i, true);
        // Eight bytes at a time while all of them are ASCII letters or apostrophes. The first that
        // is not ends the word when it is ASCII (the word is then ASCII too, since the loop above
        // stops before a letter beyond ASCII and this one at it); else it is read byte by byte.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let not_word = !word_bytes(u64::from_le_bytes(chunk.try_into().unwrap())) & HIGH_BITS;
            if not_word != 0 {
                i += not_word.trailing_zeros() as usize / 8;
                if bytes[i].is_ascii() {
                    return Some((&bytes[start..i], true));
                }
                break;
            }
            i += 8;
        }
        while let Some(&b) = bytes.get(i) {
            match BYTE_KINDS[usize::from(b)] {
                WORD_BYTE => i += 1,
                SEPARATOR => break,
                _ => match other(i) {
                    (true, len) => (i, ascii) = (i + len, false),
                    (false, _) => break,
                },
            }
        }
        Some((&bytes[start..i], ascii))
    })
}

/// The high bit of each of eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `chunk` that is an ASCII letter or apostrophe ([`WORD_BYTE`]),
/// all eight bytes tested at once. Each byte's low seven bits, with bit 5 set (which lower-cases
/// a letter), lie between 'a' and 'z' for a letter and only then: adding 0x80 - 'a' sets the
/// high bit from 'a' on and adding 0x80 - '{' from past 'z' on, and no sum carries into the next
/// byte. An apostrophe's low bits XOR 0x27 are zero, the only ones to which adding 0x7F leaves
/// the high bit clear. Bytes beyond ASCII are left out.
fn word_bytes(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = chunk & !HIGH_BITS;
    let lower = low | (ONES * 0x20);
    let letters = (lower + ONES * (0x80 - u64::from(b'a'))) & !(lower + ONES * (0x80 - u64::from(b'{')));
    let apostrophes = !((low ^ (ONES * u64::from(b'\''))) + ONES * 0x7F);
    (letters | apostrophes) & !chunk & HIGH_BITS
}

/// Is `word` (all ASCII when `ascii`), lower-cased, in `list`? Function words are short, so
/// longer words need no look-up, and short ASCII ones are looked up packed into an integer.
/// (Inlined into its callers, since it runs on every word of the text.)
#[inline(always)]
fn in_list(word: &[u8], ascii: bool, list: &WordSet) -> bool {
    if word.len() > MAX_FUNCTION_WORD_BYTES {
        return false;
    }
    if word.is_empty() {
        return list.words.contains(word);
    }
    if ascii {
        list.contains_ascii(word)
    } else {
        std::str::from_utf8(word).is_ok_and(|w| list.words.contains(w.to_lowercase().as_bytes()))
    }
}

fn english_words() -> &'static WordSet {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    WORDS.get_or_init(|| WordSet::new(super::data_lines(include_str!("lexicon/english_common.txt"))))
}

fn foreign_words() -> &'static WordSet {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    WORDS.get_or_init(|| WordSet::new(super::data_lines(include_str!("lexicon/foreign_common.txt"))))
}

/// `"en"` when the text reads as English, `"und"` (undetermined) otherwise or when it is too
/// short to tell.
pub fn guess(text: &str) -> &'static str {
    let words: Vec<(&[u8], bool)> = words(text).take(2000).collect();
    let common = words.iter().filter(|&&(w, ascii)| in_list(w, ascii, english_words())).count();
    let english = if words.len() < 3 { common > 0 } else { common * 100 >= words.len() * ENGLISH_SHARE };
    if english {
        "en"
    } else {
        "und"
    }
}

#[cfg(test)]
mod tests {
    use super::guess;

    #[test]
    fn language_examples() {
        let table = [
            ("Russia's ambassador to Turkey was shot dead at an art gallery in Ankara.", "en"),
            ("The talks will resume on Monday.", "en"),
            ("Rus Büyükelçisi Andrey Karlov, Ankara'da düzenlenen bir sergide silahlı saldırıya uğradı.", "und"),
            ("", "und"),
            ("12345 67890", "und"),
        ];
        for (text, expected) in table {
            assert_eq!(guess(text), expected, "{text}");
        }
    }

    #[test]
    fn function_words_fit_the_length_cut() {
        for list in [include_str!("lexicon/english_common.txt"), include_str!("lexicon/foreign_common.txt")] {
            for word in crate::text::data_lines(list) {
                assert!(word.len() <= super::MAX_FUNCTION_WORD_BYTES, "{word} is longer than the cut");
            }
        }
    }

    #[test]
    fn every_listed_word_is_found_in_any_case() {
        for (file, list) in [
            (include_str!("lexicon/english_common.txt"), super::english_words()),
            (include_str!("lexicon/foreign_common.txt"), super::foreign_words()),
        ] {
            for word in crate::text::data_lines(file) {
                assert!(super::in_list(word.as_bytes(), word.is_ascii(), list), "{word}");
                let upper = word.to_uppercase();
                assert!(super::in_list(upper.as_bytes(), upper.is_ascii(), list), "{word} in upper case");
            }
            for other in ["", "x", "zzz", "Ankara", "presidential"] {
                assert!(!super::in_list(other.as_bytes(), true, list), "{other}");
            }
        }
    }

    #[test]
    fn eight_bytes_tested_as_the_byte_table_tests_each() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut chunk = [b'a', b'.', 0xC3, b'\'', b'Z', b' ', 0xFF, b'0'];
                chunk[lane] = b;
                let mask = super::word_bytes(u64::from_le_bytes(chunk));
                for (i, byte) in chunk.iter().enumerate() {
                    let word = super::BYTE_KINDS[usize::from(*byte)] == super::WORD_BYTE;
                    assert_eq!(mask >> (8 * i + 7) & 1 == 1, word, "byte {byte:#x} in lane {i}");
                }
            }
        }
    }

    #[test]
    fn words_split_at_everything_but_letters_and_apostrophes() {
        let long = "Internationalization's counterrevolutionaries, ‘quoted’ ÇAVUŞOĞLU's abcdefgh12345678 end";
        for text in ["", "  ", "Ankara'da düzenlenen — “quoted” 😀x end.", "Çavuşoğlu's 22-year-old", "a’b ½ ǅx", long]
        {
            let split: Vec<&str> =
                text.split(|c: char| !c.is_alphabetic() && c != '\'').filter(|w| !w.is_empty()).collect();
            let words: Vec<(&str, bool)> =
                super::words(text).map(|(w, ascii)| (std::str::from_utf8(w).unwrap(), ascii)).collect();
            assert_eq!(words.iter().map(|w| w.0).collect::<Vec<_>>(), split, "{text:?}");
            assert!(words.iter().all(|&(w, ascii)| ascii == w.is_ascii()), "{text:?}");
        }
    }

    #[test]
    fn foreign_sentence_examples() {
        let table = [
            ("Suikastçının kimlik bilgisi şöyle; 1994 doğumlu Mevlüt Mert Altıntaş, Aydın Söke, 2014 İzmir Rüştü Ünsal Polis Okulu mezunu.", true),
            ("Saldırıyı gerçekleştiren kişinin eski Özel Harekatçı Mert Altıntaş olduğu belirlendi", true),
            ("The documents state he was born in 1994.", false),
            ("Boris Johnson", false),
            ("View image on Twitter", false),
            ("WARNING – GRAPHIC CONTENT: New video of shooting", false),
            ("Gunman’s police ID circulates online", false),
            ("Prime Minister Theresa May (Photo: PA)", false),
            ("Le président a déclaré que la situation était grave", true),
            ("Published 8:43 PM ET, Mon December 19, 2016", false),
        ];
        for (sentence, expected) in table {
            assert_eq!(super::is_foreign_sentence(sentence), expected, "{sentence}");
        }
    }
}
