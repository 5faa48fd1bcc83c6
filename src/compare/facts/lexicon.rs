//! The comparison's word lists (`src/compare/lexicon/`), read once.

use crate::entity::lexicon::{FastMap, FastSet};
use crate::text::data_lines;
use std::sync::OnceLock;

/// How a word before a number bounds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeKind {
    /// "at least 8": [8, ∞).
    AtLeast,
    /// "more than 100": [101, ∞).
    MoreThan,
    /// "up to 20": [0, 20].
    AtMost,
    /// "fewer than 5": [0, 4].
    FewerThan,
    /// "about 30": 30 ± 10 % (at least ± 1).
    About,
    /// "nearly 30": 30 − 10 % (at least 1) up to 30.
    Nearly,
}

/// One row of `counted.tsv`.
#[derive(Debug, Clone, Copy)]
pub struct Counted {
    /// The unit class counted.
    pub class: &'static str,
    /// The event lemma it is counted for.
    pub lemma: &'static str,
    /// What is compared ("fired", "injured").
    pub what: &'static str,
    /// "N times" with this verb counts this class.
    pub times: bool,
}

/// The word lists.
#[derive(Debug)]
pub struct Lexicon {
    /// Hedge phrases (as word lists) and their kind.
    pub hedges: Vec<(Vec<&'static str>, HedgeKind)>,
    /// Vague quantifiers (as word lists), least and greatest value.
    pub quantifiers: Vec<(Vec<&'static str>, u32, Option<u32>)>,
    /// Unit noun → unit class.
    pub units: FastMap<&'static str, &'static str>,
    /// Which happenings each unit class is counted for.
    pub counted: Vec<Counted>,
    /// Words allowed between a number and its noun.
    pub adjectives: FastSet<&'static str>,
    /// Stance word → (axis, side).
    pub stances: FastMap<&'static str, (&'static str, &'static str)>,
    /// Words that undo a stance word after them.
    pub negations: FastSet<&'static str>,
    /// Number words with their value (the time stage's `numbers.tsv`, "a" and "an" left out:
    /// "a shot" is not a count).
    pub numbers: FastMap<&'static str, u32>,
    /// The first words of the hedges and quantifiers: a word that is none of them starts no count
    /// unless it is a number.
    pub openers: FastSet<&'static str>,
    /// Words saying a step came after those told before it (`sequence.txt`).
    pub sequence: FastSet<&'static str>,
    /// Words after a trigger that end the stretch where its place is looked for (`place_stops.txt`).
    pub place_stops: FastSet<&'static str>,
    /// Demonym → the place it names (the entity stage's `demonyms.tsv`; those naming no one place,
    /// "Arab", "Western", left out): "Turkish" → "Turkey".
    pub demonyms: FastMap<&'static str, &'static str>,
}

fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data_lines(file).map(|l| l.split('\t').map(str::trim).collect())
}

/// The word lists, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let hedges: Vec<(Vec<&'static str>, HedgeKind)> = rows(include_str!("../lexicon/hedges.tsv"))
            .map(|r| {
                let kind = match r[1] {
                    "at_least" => HedgeKind::AtLeast,
                    "more_than" => HedgeKind::MoreThan,
                    "at_most" => HedgeKind::AtMost,
                    "fewer_than" => HedgeKind::FewerThan,
                    "about" => HedgeKind::About,
                    "nearly" => HedgeKind::Nearly,
                    other => panic!("hedges.tsv: unknown kind {other}"),
                };
                (r[0].split_whitespace().collect(), kind)
            })
            .collect();
        let quantifiers: Vec<(Vec<&'static str>, u32, Option<u32>)> = rows(include_str!("../lexicon/quantifiers.tsv"))
            .map(|r| {
                let min = r[1].parse().expect("quantifiers.tsv: least value");
                (r[0].split_whitespace().collect(), min, r[2].parse().ok())
            })
            .collect();
        let openers = hedges.iter().map(|(w, _)| w[0]).chain(quantifiers.iter().map(|(w, _, _)| w[0])).collect();
        Lexicon {
            hedges,
            quantifiers,
            openers,
            numbers: crate::time::lexicon::lexicon()
                .numbers
                .iter()
                .filter(|(w, _)| *w != "a" && *w != "an")
                .filter_map(|(w, n)| Some((*w, (*n)?)))
                .collect(),
            units: rows(include_str!("../lexicon/units.tsv")).map(|r| (r[0], r[1])).collect(),
            counted: rows(include_str!("../lexicon/counted.tsv"))
                .map(|r| Counted { class: r[0], lemma: r[1], what: r[2], times: r[3] == "yes" })
                .collect(),
            adjectives: data_lines(include_str!("../lexicon/adjectives.txt")).collect(),
            stances: rows(include_str!("../lexicon/stances.tsv")).map(|r| (r[2], (r[0], r[1]))).collect(),
            negations: data_lines(include_str!("../lexicon/negations.txt")).collect(),
            sequence: data_lines(include_str!("../lexicon/sequence.txt")).collect(),
            place_stops: data_lines(include_str!("../lexicon/place_stops.txt")).collect(),
            demonyms: rows(include_str!("../../entity/lexicon/demonyms.tsv"))
                .filter_map(|r| Some((r[0], *r.get(1)?)))
                .collect(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_agree() {
        let l = lexicon();
        assert_eq!(l.units.get("bullets"), Some(&"shots"));
        // Every class a verb counts is a class some noun has.
        for c in &l.counted {
            assert!(l.units.values().any(|v| *v == c.class), "counted.tsv: no noun of class {}", c.class);
        }
        assert_eq!(l.stances.get("accidentally"), Some(&("intent", "accidental")));
        assert_eq!(l.demonyms.get("Turkish"), Some(&"Turkey"));
        assert!(l.sequence.contains("then"));
    }
}
