//! A coarse language guess: is this text English?
//!
//! Counts how many of a text's words are common English function words; news English runs at
//! 35–50 %, other languages in Latin script well under 10 %.

use std::sync::OnceLock;

/// `"en"` when the text reads as English, `"und"` (undetermined) otherwise or when it is too
/// short to tell.
pub fn guess(text: &str) -> &'static str {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(2000)
        .map(str::to_lowercase)
        .collect();
    if words.len() < 3 {
        return if words.iter().any(|w| is_common_english(w)) { "en" } else { "und" };
    }
    let common = words.iter().filter(|w| is_common_english(w)).count();
    if common * 100 >= words.len() * 15 {
        "en"
    } else {
        "und"
    }
}

fn is_common_english(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            let mut v: Vec<_> = super::data_lines(include_str!("lexicon/english_common.txt")).collect();
            v.sort_unstable();
            v
        })
        .binary_search(&word)
        .is_ok()
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
}
