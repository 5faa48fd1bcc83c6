//! The events stage's word lists (`src/events/lexicon/`), read once.

use crate::text::data_lines;
use foldhash::fast::FixedState;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How a verb form reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The base form ("shoot"): present after a subject, or an infinitive after "to"/"will".
    Base,
    /// Third person singular present ("shoots").
    Third,
    /// The simple past ("shot" as in "he shot").
    Past,
    /// The past participle ("shot" as in "was shot").
    Participle,
    /// The "-ing" form.
    Gerund,
}

/// A verb of the list.
#[derive(Debug, Clone)]
pub struct Verb {
    /// The base form.
    pub lemma: &'static str,
    /// Its happening class.
    pub class: &'static str,
}

/// What the look-back before a verbal trigger reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuxRole {
    /// "will", "shall".
    Future,
    /// "has", "have".
    Perfect,
    /// "had".
    PastPerfect,
    /// "was", "were", "did".
    Past,
    /// "is", "are", "does".
    Present,
    /// Adverbs and fillers passed over.
    Skip,
}

/// The kinds of cue near a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// It did not happen ("did not", "never", "denied").
    Negation,
    /// It will happen ("will").
    Future,
    /// It is planned ("is to", "set to", "plans to").
    Scheduled,
    /// Someone else says so ("reportedly", "according to", a reporting verb, quotation marks).
    Reported,
    /// It might happen ("may", "could", "if").
    Hypothetical,
}

/// Where a cue counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueScope {
    /// Within the three words before the trigger, in its clause.
    Before,
    /// Anywhere in the trigger's clause.
    Clause,
    /// Anywhere in its sentence.
    Sentence,
}

/// A cue phrase and where it counts.
#[derive(Debug, Clone)]
pub struct CuePhrase {
    /// What it says.
    pub kind: CueKind,
    /// Its lower-case words.
    pub words: Vec<&'static str>,
    /// Where it counts.
    pub scope: CueScope,
}

/// How a class of happening is merged and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Class {
    /// Mentions of the class at one time are one happening.
    pub merges: bool,
    /// On the timeline: always (`Some(true)`), only when a time expression dates it
    /// (`Some(false)`), never (`None`).
    pub timeline: Option<bool>,
}

/// A word table: each word's codes, found by hashing. One non-generic type for every list keeps
/// the wasm build small (a map per value type costs kilobytes there).
#[derive(Debug)]
pub struct Table {
    /// The codes, grouped by word.
    codes: Vec<u32>,
    /// Word → its codes' range in `codes`.
    index: HashMap<&'static str, (u32, u32), FixedState>,
}

impl Table {
    fn new(mut rows: Vec<(&'static str, u32)>) -> Self {
        rows.sort_unstable();
        let mut index = HashMap::with_capacity_and_hasher(rows.len(), FixedState::default());
        for (k, row) in rows.iter().enumerate() {
            index.entry(row.0).or_insert((k as u32, k as u32)).1 = k as u32 + 1;
        }
        Table { codes: rows.into_iter().map(|r| r.1).collect(), index }
    }

    /// Every code listed for `word`.
    pub fn all(&self, word: &str) -> &[u32] {
        self.index.get(word).map_or(&[], |&(lo, hi)| &self.codes[lo as usize..hi as usize])
    }

    /// The first code listed for `word`.
    pub fn get(&self, word: &str) -> Option<u32> {
        self.all(word).first().copied()
    }

    /// Is `word` listed?
    pub fn contains_key(&self, word: &str) -> bool {
        self.index.contains_key(word)
    }
}

const FORMS: [Form; 5] = [Form::Base, Form::Third, Form::Past, Form::Participle, Form::Gerund];
const ROLES: [AuxRole; 6] =
    [AuxRole::Future, AuxRole::Perfect, AuxRole::PastPerfect, AuxRole::Past, AuxRole::Present, AuxRole::Skip];

/// All lists.
#[derive(Debug)]
pub struct Lexicon {
    /// Verb form (lower case) → the verb and how the form reads (see [`Lexicon::verb_forms`]).
    verb_forms: Table,
    /// The verbs.
    pub verbs: Vec<Verb>,
    /// Noun (lower case, singular or plural; may hold a space) → the line of its class.
    nouns: Table,
    /// The class of each noun line.
    noun_classes: Vec<&'static str>,
    /// The longest noun, in words.
    pub longest_noun: usize,
    /// The first words of the nouns of several words ("gun" of "gun fight").
    pub noun_starts: WordList,
    /// Verb forms never read as triggers.
    pub not_triggers: WordList,
    /// Sentence openings that carry the story on from the sentence before.
    pub narrative_openings: WordList,
    /// Lower-case "-ed" words that are not past verbs.
    pub not_past: WordList,
    /// Words between a verb and a noun that keep the noun from being its object.
    pub object_breaks: WordList,
    /// Words after which a noun reading wins.
    pub determiners: WordList,
    /// Tense words → their role's index in `ROLES`.
    auxiliaries: Table,
    /// Negation, future, scheduled, reported and hypothetical cues.
    pub cues: Vec<CuePhrase>,
    /// The cues a word may start, by the word; a clitic ("n't", "'ll") under the empty word.
    cue_starts: Table,
    /// Class name → how it merges and shows.
    classes: Vec<(&'static str, Class)>,
}

/// A word list, hashed once (these are asked about nearly every word of the text).
#[derive(Debug)]
pub struct WordList(HashSet<&'static str, FixedState>);

impl WordList {
    fn new(data: &'static str) -> Self {
        WordList(data_lines(data).collect())
    }

    /// Is `word` in the list?
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

impl Lexicon {
    /// A class's settings; an unknown class neither merges nor shows.
    pub fn class(&self, name: &str) -> Class {
        self.classes.iter().find(|c| c.0 == name).map_or(Class { merges: false, timeline: None }, |c| c.1)
    }

    /// The verbs a lower-case word is a form of, with how the form reads ("shot": shoot as a
    /// past and as a participle).
    pub fn verb_forms(&self, word: &str) -> Vec<(usize, Form)> {
        self.verb_forms.all(word).iter().map(|&code| ((code >> 3) as usize, FORMS[(code & 7) as usize])).collect()
    }

    /// Is the lower-case word a form of a listed verb?
    pub fn is_verb_form(&self, word: &str) -> bool {
        self.verb_forms.contains_key(word)
    }

    /// The class of a listed noun (lower case; may hold a space).
    pub fn noun(&self, word: &str) -> Option<&'static str> {
        self.nouns.get(word).map(|line| self.noun_classes[line as usize])
    }

    /// The cues that may start at a lower-case word: those it begins, and the clitic cues when it
    /// holds an apostrophe ("didn't", "he'll").
    pub fn cues_starting(&self, word: &str) -> impl Iterator<Item = usize> + '_ {
        let clitics = if word.contains('\'') { self.cue_starts.all("") } else { &[] };
        self.cue_starts.all(word).iter().chain(clitics).map(|&k| k as usize)
    }

    /// The role of a tense word.
    pub fn auxiliary(&self, word: &str) -> Option<AuxRole> {
        self.auxiliaries.get(word).map(|i| ROLES[i as usize])
    }
}

/// The lists, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(load)
}

fn columns(line: &'static str) -> Vec<&'static str> {
    line.split('\t').map(str::trim).collect()
}

fn load() -> Lexicon {
    let mut verbs = Vec::new();
    let mut verb_forms = Vec::new();
    for line in data_lines(include_str!("lexicon/verbs.tsv")) {
        let c = columns(line);
        assert_eq!(c.len(), 6, "verbs.tsv: six columns in {line:?}");
        let i = verbs.len();
        verbs.push(Verb { lemma: c[0], class: c[1] });
        // The code keeps the verb's index and the form's place in `FORMS`.
        for (k, word) in [c[0], c[2], c[3], c[4], c[5]].into_iter().enumerate() {
            verb_forms.push((word, ((i as u32) << 3) | k as u32));
        }
    }
    let mut nouns = Vec::new();
    let mut noun_classes = Vec::new();
    for line in data_lines(include_str!("lexicon/nouns.tsv")) {
        let c = columns(line);
        assert_eq!(c.len(), 3, "nouns.tsv: three columns in {line:?}");
        let at = noun_classes.len() as u32;
        noun_classes.push(c[1]);
        nouns.push((c[0], at));
        if c[2] != "-" {
            nouns.push((c[2], at));
        }
    }
    let longest_noun = nouns.iter().map(|n| n.0.split(' ').count()).max().unwrap_or(1);
    let noun_starts = WordList(nouns.iter().filter_map(|n| n.0.split_once(' ').map(|p| p.0)).collect());
    let auxiliaries = data_lines(include_str!("lexicon/auxiliaries.tsv"))
        .map(|line| {
            let c = columns(line);
            let names = ["future", "perfect", "past_perfect", "past", "present", "skip"];
            let role = names.iter().position(|n| Some(n) == c.get(1)).expect("auxiliaries.tsv: a known role");
            (c[0], role as u32)
        })
        .collect();
    let cues: Vec<CuePhrase> = data_lines(include_str!("lexicon/cues.tsv"))
        .map(|line| {
            let c = columns(line);
            assert_eq!(c.len(), 3, "cues.tsv: three columns in {line:?}");
            let kind = match c[0] {
                "negation" => CueKind::Negation,
                "future" => CueKind::Future,
                "scheduled" => CueKind::Scheduled,
                "reported" => CueKind::Reported,
                "hypothetical" => CueKind::Hypothetical,
                other => panic!("cues.tsv: unknown kind {other:?}"),
            };
            let scope = match c[2] {
                "before" => CueScope::Before,
                "clause" => CueScope::Clause,
                "sentence" => CueScope::Sentence,
                other => panic!("cues.tsv: unknown scope {other:?}"),
            };
            CuePhrase { kind, words: c[1].split(' ').collect(), scope }
        })
        .collect();
    let classes = data_lines(include_str!("lexicon/classes.tsv"))
        .map(|line| {
            let c = columns(line);
            assert_eq!(c.len(), 3, "classes.tsv: three columns in {line:?}");
            let timeline = match c[2] {
                "yes" => Some(true),
                "dated" => Some(false),
                _ => None,
            };
            (c[0], Class { merges: c[1] == "yes", timeline })
        })
        .collect();
    let (nouns, verb_forms) = (Table::new(nouns), Table::new(verb_forms));
    let cue_starts = Table::new(
        cues.iter()
            .enumerate()
            .map(|(k, c)| (if c.words[0].contains('\'') { "" } else { c.words[0] }, k as u32))
            .collect(),
    );
    Lexicon {
        classes,
        verb_forms,
        verbs,
        nouns,
        noun_classes,
        longest_noun,
        noun_starts,
        not_triggers: WordList::new(include_str!("lexicon/not_triggers.txt")),
        narrative_openings: WordList::new(include_str!("lexicon/narrative_openings.txt")),
        not_past: WordList::new(include_str!("lexicon/not_past.txt")),
        object_breaks: WordList::new(include_str!("lexicon/object_breaks.txt")),
        determiners: WordList::new(include_str!("lexicon/determiners.txt")),
        auxiliaries: Table::new(auxiliaries),
        cues,
        cue_starts,
    }
}
