//! A coarse language guess: is this text English?
//!
//! Counts how many of a text's words are common English function words; news English runs at
//! 35–50 %, other languages in Latin script well under 10 %.

use std::sync::OnceLock;

/// The fewest words a sentence needs before it is judged not English.
const FOREIGN_MIN_WORDS: usize = 5;

/// Is this sentence written in another language? It must have few English function words
/// and some positive sign of another language: common function words of the languages news
/// quotes most, or many words with letters outside ASCII. English headlines, which have few
/// function words too, show neither; short lines ("Boris Johnson") are never judged.
pub fn is_foreign_sentence(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < FOREIGN_MIN_WORDS || guess(sentence) == "en" {
        return false;
    }
    let share = |n: usize| n * 100 / words.len();
    let foreign_words = words.iter().filter(|w| is_common_foreign(w)).count();
    let accented = words.iter().filter(|w| !w.is_ascii()).count();
    (foreign_words >= 2 && share(foreign_words) >= 15) || (accented >= 2 && share(accented) >= 25)
}

fn is_common_foreign(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            let mut v: Vec<_> = super::data_lines(include_str!("lexicon/foreign_common.txt")).collect();
            v.sort_unstable();
            v
        })
        .binary_search(&word)
        .is_ok()
}

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
