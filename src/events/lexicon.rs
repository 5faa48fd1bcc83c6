//! The events stage's word lists (`src/events/lexicon/`), read once.

use crate::text::data_lines;
use std::collections::HashMap;
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

/// All lists.
#[derive(Debug)]
pub struct Lexicon {
    /// Verb form (lower case) → the verb and how the form reads.
    pub verb_forms: HashMap<&'static str, Vec<(usize, Form)>>,
    /// The verbs.
    pub verbs: Vec<Verb>,
    /// Noun (lower case, singular or plural; may hold a space) → its class.
    pub nouns: HashMap<&'static str, &'static str>,
    /// The longest noun, in words.
    pub longest_noun: usize,
    /// Verb forms never read as triggers.
    pub not_triggers: Vec<&'static str>,
    /// Sentence openings that carry the story on from the sentence before.
    pub narrative_openings: Vec<&'static str>,
    /// Lower-case "-ed" words that are not past verbs.
    pub not_past: Vec<&'static str>,
    /// Words after which a noun reading wins.
    pub determiners: Vec<&'static str>,
    /// Tense words.
    pub auxiliaries: HashMap<&'static str, AuxRole>,
    /// Negation, future, scheduled, reported and hypothetical cues.
    pub cues: Vec<CuePhrase>,
    /// Class name → how it merges and shows.
    pub classes: HashMap<&'static str, Class>,
}

impl Lexicon {
    /// A class's settings; an unknown class neither merges nor shows.
    pub fn class(&self, name: &str) -> Class {
        self.classes.get(name).copied().unwrap_or(Class { merges: false, timeline: None })
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
    let mut verb_forms: HashMap<&'static str, Vec<(usize, Form)>> = HashMap::new();
    for line in data_lines(include_str!("lexicon/verbs.tsv")) {
        let c = columns(line);
        assert_eq!(c.len(), 6, "verbs.tsv: six columns in {line:?}");
        let i = verbs.len();
        verbs.push(Verb { lemma: c[0], class: c[1] });
        let forms = [
            (c[0], Form::Base),
            (c[2], Form::Third),
            (c[3], Form::Past),
            (c[4], Form::Participle),
            (c[5], Form::Gerund),
        ];
        for (word, form) in forms {
            verb_forms.entry(word).or_default().push((i, form));
        }
    }
    let mut nouns = HashMap::new();
    for line in data_lines(include_str!("lexicon/nouns.tsv")) {
        let c = columns(line);
        assert_eq!(c.len(), 3, "nouns.tsv: three columns in {line:?}");
        nouns.insert(c[0], c[1]);
        if c[2] != "-" {
            nouns.insert(c[2], c[1]);
        }
    }
    let longest_noun = nouns.keys().map(|n| n.split(' ').count()).max().unwrap_or(1);
    let auxiliaries = data_lines(include_str!("lexicon/auxiliaries.tsv"))
        .map(|line| {
            let c = columns(line);
            let role = match c.get(1).copied() {
                Some("future") => AuxRole::Future,
                Some("perfect") => AuxRole::Perfect,
                Some("past_perfect") => AuxRole::PastPerfect,
                Some("past") => AuxRole::Past,
                Some("present") => AuxRole::Present,
                Some("skip") => AuxRole::Skip,
                other => panic!("auxiliaries.tsv: unknown role {other:?}"),
            };
            (c[0], role)
        })
        .collect();
    let cues = data_lines(include_str!("lexicon/cues.tsv"))
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
    Lexicon {
        classes,
        verb_forms,
        verbs,
        nouns,
        longest_noun,
        not_triggers: data_lines(include_str!("lexicon/not_triggers.txt")).collect(),
        narrative_openings: data_lines(include_str!("lexicon/narrative_openings.txt")).collect(),
        not_past: data_lines(include_str!("lexicon/not_past.txt")).collect(),
        determiners: data_lines(include_str!("lexicon/determiners.txt")).collect(),
        auxiliaries,
        cues,
    }
}
