//! The entity word lists and gazetteers, read from the data files in `lexicon/`. Names are
//! compared by their key ([`super::names::key`]), everything else in lower case.

use super::names::key;
use crate::text::data_lines;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The hasher of the word lists and per-document maps: `foldhash`'s fixed-seed fast hash, which
/// reads a word eight or sixteen bytes at a time (FNV-1a, read a byte at a time, cost about 9 M
/// instructions a pass in the entity stage alone). Its resistance to chosen keys is not needed
/// for word lists looked up by an article's words in the reader's own browser.
type Hasher = foldhash::fast::FixedState;

/// A hash map with the word lists' fast hasher.
pub type FastMap<K, V> = HashMap<K, V, Hasher>;
/// A hash set with the word lists' fast hasher.
pub type FastSet<K> = HashSet<K, Hasher>;

/// What a gazetteer says a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// A country, city or region.
    Place,
    /// An organization.
    Organization,
    /// A company, whose name before another word may name a product.
    Company,
    /// A news outlet or agency.
    Media,
}

/// A title or honorific before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title {
    /// "Mr", "Mrs", "Dr": says "person" but is no role.
    Honorific,
    /// "President", "Foreign Secretary": a person holding an office (a role).
    Office,
}

/// Every list the entity stage reads.
#[derive(Debug)]
pub struct Lexicon {
    /// Gazetteer: name key → kind.
    pub known: FastMap<String, Known>,
    /// Demonyms, lower case.
    pub demonyms: FastSet<String>,
    /// Titles as lower-case word sequences, longest first.
    pub titles: Vec<(Vec<String>, Title)>,
    /// The first words of the titles.
    pub title_words: FastSet<String>,
    /// Organization words, lower case → makes a news outlet.
    pub org_words: FastMap<String, bool>,
    /// Role nouns, lower case → the class of unnamed roles ("perpetrator"), if any.
    pub roles: FastMap<String, Option<&'static str>>,
    /// Role nouns a definite reference may use for another ("envoy" → "ambassador").
    pub role_stands_for: FastMap<String, &'static str>,
    /// Words that may stand between "the" and a role noun in a reference ("career", "slain").
    pub role_modifiers: FastSet<&'static str>,
    /// Head words of place names ("Ocean", "Airport"), lower case.
    pub place_words: FastSet<String>,
    /// First words of place names ("San", "Fort"), lower case.
    pub place_prefixes: FastSet<String>,
    /// Words that name a part of a known place before it ("north"), lower case.
    pub compass_words: FastSet<String>,
    /// First words of days named as events ("black" for "Black Friday"), lower case.
    pub day_names: FastSet<String>,
    /// Head words of events, products and programmes ("Conference", "Store"), lower case.
    pub other_words: FastSet<String>,
    /// Given names, by key.
    pub first_names: FastSet<String>,
    /// Words that are no name on their own, lower case.
    pub common: FastSet<String>,
}

impl Lexicon {
    /// The title that `words` (lower case) start with, and how many words it takes.
    pub fn title_at<'w>(&self, words: impl Iterator<Item = &'w str> + Clone) -> Option<(usize, Title)> {
        if !self.title_words.contains(words.clone().next()?) {
            return None;
        }
        self.titles
            .iter()
            .find(|(t, _)| {
                let mut words = words.clone();
                t.iter().all(|a| words.next().is_some_and(|b| a == b))
            })
            .map(|(t, kind)| (t.len(), *kind))
    }
}

/// The lists, built once.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut known = FastMap::default();
        for (file, kind) in [
            (include_str!("lexicon/places.txt"), Known::Place),
            (include_str!("lexicon/organizations.txt"), Known::Organization),
            (include_str!("lexicon/companies.txt"), Known::Company),
            (include_str!("lexicon/media.txt"), Known::Media),
        ] {
            for name in data_lines(file) {
                known.insert(key(name), kind);
            }
        }
        let columns = |file: &'static str| data_lines(file).map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>());
        let demonyms = columns(include_str!("lexicon/demonyms.tsv")).map(|c| c[0].to_lowercase()).collect();
        let mut titles: Vec<(Vec<String>, Title)> = columns(include_str!("lexicon/titles.tsv"))
            .map(|c| {
                let kind = if c.get(1) == Some(&"honorific") { Title::Honorific } else { Title::Office };
                let words = c[0].split_whitespace().map(|w| w.trim_end_matches('.').to_lowercase()).collect();
                (words, kind)
            })
            .collect();
        titles.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        titles.dedup_by(|a, b| a.0 == b.0);
        let title_words = titles.iter().filter_map(|(t, _)| t.first().cloned()).collect();
        let org_words = columns(include_str!("lexicon/org_words.tsv"))
            .map(|c| (c[0].trim_end_matches('.').to_lowercase(), c.get(1) == Some(&"yes")))
            .collect();
        let roles = columns(include_str!("lexicon/role_nouns.tsv"))
            .map(|c| (c[0].to_lowercase(), c.get(1).copied().filter(|k| *k != "-")))
            .collect();
        let role_stands_for = columns(include_str!("lexicon/role_nouns.tsv"))
            .filter_map(|c| Some((c[0].to_lowercase(), *c.get(2)?)))
            .collect();
        let role_modifiers = data_lines(include_str!("lexicon/role_modifiers.txt")).collect();
        let first_names = data_lines(include_str!("lexicon/first_names.txt")).map(key).collect();
        let mut common: FastSet<String> =
            data_lines(include_str!("lexicon/common_words.txt")).map(str::to_lowercase).collect();
        common.extend(data_lines(include_str!("../text/lexicon/english_common.txt")).map(str::to_lowercase));
        common.extend(data_lines(include_str!("lexicon/not_names.txt")).map(str::to_lowercase));
        let lower_lines = |file: &'static str| data_lines(file).map(str::to_lowercase).collect::<FastSet<_>>();
        let place_words = lower_lines(include_str!("lexicon/place_words.txt"));
        let other_words = lower_lines(include_str!("lexicon/other_words.txt"));
        let place_prefixes = lower_lines(include_str!("lexicon/place_prefixes.txt"));
        let day_names = lower_lines(include_str!("lexicon/day_names.txt"));
        let compass_words = lower_lines(include_str!("lexicon/compass_words.txt"));
        Lexicon {
            known,
            demonyms,
            titles,
            title_words,
            org_words,
            roles,
            role_stands_for,
            role_modifiers,
            place_words,
            place_prefixes,
            day_names,
            compass_words,
            other_words,
            first_names,
            common,
        }
    })
}
