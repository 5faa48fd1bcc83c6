//! The attribution word lists, read from the data files in `lexicon/`.

use crate::entity::lexicon::{FastMap, FastSet};
use crate::text::data_lines;
use std::sync::OnceLock;

/// How sure a sentence is of what it states, from most to least.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Stated flatly.
    Certain,
    /// Reported, attributed, "reportedly", "is said to".
    Probable,
    /// "allegedly", "appears to", "yet to be verified".
    Possible,
    /// "denied".
    Denied,
}

/// A hedge phrase.
#[derive(Debug, Clone)]
pub struct Hedge {
    /// Lower-case phrase.
    pub phrase: &'static str,
    /// Its words, split once.
    pub words: Vec<&'static str>,
    /// The certainty it gives.
    pub certainty: Certainty,
    /// The rule id reported with it.
    pub rule: &'static str,
}

/// The lengths a word list's words have, by first byte: a test in front of the list's hash
/// look-up that turns most other words away without hashing them.
#[derive(Debug)]
pub struct Shapes([u32; 256]);

impl Shapes {
    fn new<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut shapes = Shapes([0; 256]);
        for w in words {
            if let Some((first, bit)) = Self::shape(w) {
                shapes.0[first] |= bit;
            }
        }
        shapes
    }

    /// A word's first byte, and its length as one bit (lengths from 32 bytes on share one).
    fn shape(word: &str) -> Option<(usize, u32)> {
        let first = usize::from(*word.as_bytes().first()?);
        Some((first, 1 << (word.len().min(32) - 1)))
    }

    /// May the list hold `word`? False only when no word of the list has its first byte and
    /// length.
    pub fn may_hold(&self, word: &str) -> bool {
        Self::shape(word).map_or(true, |(first, bit)| self.0[first] & bit != 0)
    }
}

/// Every list the attribution stage reads.
#[derive(Debug)]
pub struct Lexicon {
    /// Cue verb forms → class (`speech`, `report`, `belief`).
    pub cues: FastMap<&'static str, &'static str>,
    /// The shapes of the cue verb forms.
    pub cue_shapes: Shapes,
    /// Hedges, longest phrase first.
    pub hedges: Vec<Hedge>,
    /// First word of a hedge → the indices of the hedges it starts, longest first.
    pub hedges_by_first_word: FastMap<&'static str, Vec<usize>>,
    /// The shapes of the hedges' first words.
    pub hedge_shapes: Shapes,
    /// Adverbs and auxiliaries between a speaker and the cue.
    pub skip: FastSet<&'static str>,
    /// Nouns that can name a source.
    pub source_nouns: FastSet<&'static str>,
    /// Words opening a sentence before its subject → `conjunction` or `phrase`.
    pub intro: FastMap<&'static str, &'static str>,
}

/// The lists, built once.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let columns = |file: &'static str| data_lines(file).map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>());
        let cues: FastMap<&'static str, &'static str> =
            columns(include_str!("lexicon/cues.tsv")).map(|c| (c[0], c.get(1).copied().unwrap_or("speech"))).collect();
        let mut hedges: Vec<Hedge> = columns(include_str!("lexicon/hedges.tsv"))
            .map(|c| Hedge {
                phrase: c[0],
                words: c[0].split(' ').collect(),
                certainty: match c.get(1).copied() {
                    Some("denied") => Certainty::Denied,
                    Some("possible") => Certainty::Possible,
                    _ => Certainty::Probable,
                },
                rule: c.get(2).copied().unwrap_or("hedge"),
            })
            .collect();
        hedges.sort_by_key(|h| std::cmp::Reverse(h.phrase.len()));
        let mut hedges_by_first_word: FastMap<&'static str, Vec<usize>> = FastMap::default();
        for (i, h) in hedges.iter().enumerate() {
            hedges_by_first_word.entry(h.words[0]).or_default().push(i);
        }
        Lexicon {
            cue_shapes: Shapes::new(cues.keys().copied()),
            cues,
            hedge_shapes: Shapes::new(hedges_by_first_word.keys().copied()),
            hedges,
            hedges_by_first_word,
            skip: data_lines(include_str!("lexicon/skip_words.txt")).collect(),
            source_nouns: data_lines(include_str!("lexicon/source_nouns.txt")).collect(),
            intro: columns(include_str!("lexicon/intro_words.tsv"))
                .map(|c| (c[0], c.get(1).copied().unwrap_or("phrase")))
                .collect(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{get, Shapes};

    #[test]
    fn shapes_turn_away_only_words_the_list_cannot_hold() {
        let lex = get();
        // Every word of the lists passes the test in front of their look-up.
        assert!(lex.cues.keys().all(|w| lex.cue_shapes.may_hold(w)));
        assert!(lex.hedges.iter().all(|h| lex.hedge_shapes.may_hold(h.words[0])));
        // Another first byte or another length is turned away; a long word shares the last bit.
        let shapes = Shapes::new(["said", "told", "according"].into_iter());
        assert!(shapes.may_hold("said") && shapes.may_hold("sold") && shapes.may_hold("tell"));
        assert!(!shapes.may_hold("says!") && !shapes.may_hold("xaid") && !shapes.may_hold("sai"));
        assert!(Shapes::new(["a".repeat(40).as_str()].into_iter()).may_hold(&"a".repeat(33)));
        assert!(shapes.may_hold(""), "an empty word is looked up, not guessed");
    }
}
