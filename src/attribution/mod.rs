//! Attribution: who said what, on whose authority, and how sure.
//!
//! ```text
//! text ──quotes::find──▶ quoted stretches ──speaker (cue after, a name after, a dash credit,
//!        cue before, "according to", a credit closing the sentence, continuation, the sentence
//!        before, the clause's subject)──▶ Quotes
//! sentences ──cue verbs outside quotes──▶ Sources (who a claim leans on, and the claim)
//! sentences ──hedges (lexicon/hedges.tsv)──▶ Hedges, and each sentence's Certainty
//! ```
//!
//! A speaker is the entity the cue's subject names: a name, a pronoun (resolved to the nearest
//! person before it, outside quotes), or a role ("the gunman"). When the words name no entity
//! but a kind of source ("a witness", "Turkish media"), they are kept as `speaker_text` with no
//! entity; when nothing names a speaker, the speaker is `null`: never a guess dressed as fact.
//! Every quote, source and certainty says which rule made it.
//!
//! ```
//! use dateline::{attribution, entity, text::segment};
//! let doc = segment("“We regard this as a terrorist act,” Maria Zakharova said. The gunman was reportedly a policeman.");
//! let entities = entity::extract(&doc);
//! let found = attribution::extract(&doc, &entities);
//! assert_eq!(found.quotes[0].text, "We regard this as a terrorist act,");
//! assert_eq!(found.quotes[0].speaker_text.as_deref(), Some("Maria Zakharova"));
//! assert_eq!(found.certainty[1].value, attribution::Certainty::Probable);
//! ```

mod lexicon;
pub mod quotes;
mod words;

pub use lexicon::Certainty;

use crate::entity::lexicon::{FastMap, FastSet};
use crate::entity::{Entities, Kind};
use crate::text::{data_lines, Segmented, Span};
use serde::Serialize;
use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;
use std::sync::OnceLock;
use words::{Tokens, Word};

/// A direct quote and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// `q1`, `q2`, … in text order.
    pub id: String,
    /// UTF-16 span of the quoted words (inside the marks).
    pub span: Span,
    /// The quoted words.
    pub text: String,
    /// The speaker's entity id, when the words naming the speaker name an entity.
    pub speaker: Option<String>,
    /// The words naming the speaker ("Zakharova", "she", "A witness"), if any.
    pub speaker_text: Option<String>,
    /// Their UTF-16 span.
    pub speaker_span: Option<Span>,
    /// The cue ("said", "told", "shouted", "according to"), if any.
    pub cue: Option<String>,
    /// How the speaker was found: `cue_after`, `cue_inverted`, `cue_before`, `dash_credit`,
    /// `transcript_label`, `sentence_subject`, `according_to`, `continuation`, `name_after`,
    /// `clause_subject`, `reported_speaker`, `cue_final`, `previous_sentence`, or `none`.
    pub rule: &'static str,
    /// How the marks were read: `quote_marks`, `mixed_marks`, `across_paragraphs`, `unclosed`.
    pub marks: &'static str,
    /// Byte range of the quoted words.
    #[serde(skip)]
    pub bytes: Range<usize>,
    /// Byte range of the speaker's words.
    #[serde(skip)]
    pub speaker_bytes: Option<Range<usize>>,
}

/// A source a claim is attributed to, without quotation marks ("the Hurriyet newspaper
/// reported", "according to Haaretz", "Officials said the attack was planned").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// `s1`, `s2`, … in text order.
    pub id: String,
    /// The words naming the source.
    pub name: String,
    /// Their UTF-16 span.
    pub span: Span,
    /// The cue ("reported", "said", "according to").
    pub cue: String,
    /// The entity the words name, if any.
    pub entity: Option<String>,
    /// The source is a news outlet or agency.
    pub media: bool,
    /// The sentence the source supports.
    pub sentence: Span,
    /// What it is cited for (the attributed words).
    pub content: Span,
    /// The rule: `according_to`, `subject_cue`, `inverted_cue`, `told_media`.
    pub rule: &'static str,
    /// Byte range of the name.
    #[serde(skip)]
    pub bytes: Range<usize>,
    /// Byte range of the content.
    #[serde(skip)]
    pub content_bytes: Range<usize>,
}

/// A hedge word or phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hedge {
    /// UTF-16 span of the words.
    pub span: Span,
    /// The words, as written.
    pub text: String,
    /// The sentence it hedges.
    pub scope: Span,
    /// The certainty it gives.
    pub certainty: Certainty,
    /// Its rule (`hedge_adverb`, `passive_report`, `appearance`, `unverified`, `denial`, …).
    pub rule: &'static str,
    /// Byte range of the words.
    #[serde(skip)]
    pub bytes: Range<usize>,
}

/// How sure one sentence is, and on whose authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentenceCertainty {
    /// The sentence.
    pub sentence: Span,
    /// Its certainty: the weakest its hedges give, `certain` without any.
    pub value: Certainty,
    /// The hedges' words, in text order.
    pub cues: Vec<String>,
    /// The rule of the hedge that set the value; `attributed` or `no_hedge` without hedges.
    pub rule: &'static str,
    /// The first source cited in the sentence, if any.
    pub source: Option<String>,
    /// The sentence holds a source or an attributed quote (otherwise its claims are unsourced).
    pub sourced: bool,
    /// Byte range of the sentence.
    #[serde(skip)]
    pub bytes: Range<usize>,
}

/// What the attribution stage found in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attributions {
    /// Direct quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Sources cited without quotation marks, in text order.
    pub sources: Vec<Source>,
    /// Hedges, in text order.
    pub hedges: Vec<Hedge>,
    /// One per sentence, in order.
    pub certainty: Vec<SentenceCertainty>,
}

impl Attributions {
    /// The certainty of the sentence holding byte `at` (for events and claims in it).
    pub fn sentence_at(&self, at: usize) -> Option<&SentenceCertainty> {
        let i = self.certainty.partition_point(|s| s.bytes.end <= at);
        self.certainty.get(i).filter(|s| s.bytes.start <= at)
    }
}

/// Only spaces between two positions.
fn spaced(text: &str, a: usize, b: usize) -> bool {
    a <= b && text[a..b].chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// Is `words` "he", "she" or "they", in any case? (Compared in ASCII without a lower-case copy:
/// no character beyond ASCII has one of their letters as its lower case.)
fn is_pronoun(words: &str) -> bool {
    ["he", "she", "they"].iter().any(|p| words.eq_ignore_ascii_case(p))
}

fn np_words() -> &'static FastMap<&'static str, &'static str> {
    static WORDS: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        data_lines(include_str!("lexicon/np_words.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, k)| (w.trim(), k.trim()))
            .collect()
    })
}

fn function_words() -> &'static FastSet<&'static str> {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| data_lines(include_str!("../text/lexicon/english_common.txt")).collect())
}

/// The speaker's words read backwards from a cue starting at `cue_start`, no further back than
/// `floor`: "the gunman [reportedly] shouted", "Russian Foreign Ministry spokeswoman Maria
/// Zakharova told", "he [also] said".
fn subject_before(t: &Tokens<'_>, floor: usize, cue_start: usize) -> Option<Range<usize>> {
    let text = t.text;
    let lex = lexicon::get();
    let ws = t.words(floor..cue_start);
    let mut j = ws.len();
    let mut right = cue_start;
    while j > 0 && lex.skip.contains(ws[j - 1].lower.as_ref()) && spaced(text, ws[j - 1].bytes.end, right) {
        right = ws[j - 1].bytes.start;
        j -= 1;
    }
    let end_word = j;
    let mut edge = right;
    while j > 0 {
        let w = &ws[j - 1];
        if !spaced(text, w.bytes.end, edge) || w.bytes.end == edge {
            break;
        }
        match np_words().get(w.lower.as_ref()) {
            Some(_) => {
                j -= 1;
                break;
            }
            None if function_words().contains(w.lower.as_ref()) || lex.cues.contains_key(w.lower.as_ref()) => break,
            None => {}
        }
        if w.lower.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        j -= 1;
        edge = w.bytes.start;
        if end_word - j >= 7 {
            break;
        }
    }
    if j == end_word {
        return None;
    }
    let np = ws[j].bytes.start..ws[end_word - 1].bytes.end;
    // "Witnesses at the scene", "The Mayor of Ankara": a noun before a prepositional phrase.
    match j.checked_sub(1).map(|p| &ws[p]) {
        Some(p) if PREPOSITIONS.contains(&p.lower.as_ref()) && spaced(text, p.bytes.end, np.start) => {
            match subject_before(t, floor, p.bytes.start) {
                Some(head) if !np_words().contains_key(&text[head.clone()].to_lowercase().as_str()) => {
                    Some(head.start..np.end)
                }
                _ => Some(np),
            }
        }
        _ => Some(np),
    }
}

/// For a pronoun subject right after another cue, that cue's subject when it names a person or
/// an organization: "Clinton says she hopes … “…”" is Clinton's account, as the reader is shown.
fn outer_subject(t: &Tokens<'_>, floor: usize, np: &Range<usize>, entities: &Entities) -> Option<Range<usize>> {
    let text = t.text;
    if !is_pronoun(&text[np.clone()]) {
        return None;
    }
    let before = t.words(floor..np.start);
    let cue = before.last().filter(|c| lexicon::get().cues.contains_key(c.lower.as_ref()))?;
    let outer = subject_before(t, floor, cue.bytes.start)?;
    entities
        .mentions_in(head_of(t, &outer))
        .any(|m| matches!(m.kind, Kind::Person | Kind::Organization))
        .then_some(outer)
}

/// Prepositions that may join a speaker's head noun to what qualifies it.
const PREPOSITIONS: &[&str] = &["at", "in", "from", "of", "on", "near", "for", "with"];

/// The head of a speaker's words: up to the first preposition ("Witnesses" of "Witnesses at
/// the scene").
fn head_of(t: &Tokens<'_>, np: &Range<usize>) -> Range<usize> {
    let text = t.text;
    let ws = t.words(np.clone());
    match ws.iter().skip(1).find(|w| PREPOSITIONS.contains(&w.lower.as_ref())) {
        Some(p) => np.start..text[np.start..p.bytes.start].trim_end().len() + np.start,
        None => np.clone(),
    }
}

/// The source's words after a cue ("said Zakharova", "according to an AP photographer"): up to
/// punctuation or a function word.
fn object_after(t: &Tokens<'_>, from: usize, ceiling: usize) -> Option<Range<usize>> {
    let text = t.text;
    let ws = t.words(from..ceiling);
    let mut edge = from;
    let mut end = None;
    for (n, w) in ws.iter().enumerate() {
        // "said Rep. G.K. Butterfield": a period after an abbreviation or an initial goes on.
        let abbreviated = n > 0 && text[edge..w.bytes.start] == *". " && crate::text::is_abbreviation(&text[..edge]);
        if !(spaced(text, edge, w.bytes.start) || abbreviated) || n >= 8 {
            break;
        }
        let is_det = np_words().get(w.lower.as_ref()) == Some(&"determiner");
        if !is_det && function_words().contains(w.lower.as_ref())
            || n > 0 && lexicon::get().cues.contains_key(w.lower.as_ref())
        {
            break;
        }
        end = Some(w.bytes.end);
        edge = w.bytes.end;
    }
    let start = ws.first()?.bytes.start;
    end.filter(|&e| e > start).map(|e| start..e)
}

/// Who the words `np` name: an entity mentioned in them (a person first), or for a pronoun
/// the nearest person before them outside quotes. `None` when the words are not a plausible
/// source at all. A capitalized word alone that the entity stage did not type is a plausible
/// speaker of a quote (`lone_name`: "“…,” Obama said") but not a source cited without quotation
/// marks, where it is as often the subject of what is reported.
fn resolve(
    t: &Tokens<'_>,
    np: &Range<usize>,
    entities: &Entities,
    quoted: &[Range<usize>],
    lone_name: bool,
) -> Option<Option<String>> {
    let text = t.text;
    let np = &head_of(t, np);
    let mentions: Vec<_> = entities.mentions_in(np.clone()).collect();
    if let Some(m) = mentions.iter().rev().find(|m| m.kind == Kind::Person).or(mentions.last()) {
        return Some(Some(entities.entity_of(m).id.clone()));
    }
    let ws = t.words(np.clone());
    let last = ws.last()?;
    if ws.len() == 1 && matches!(last.lower.as_ref(), "he" | "she") {
        let person = entities
            .mentions
            .iter()
            .rev()
            .filter(|m| m.bytes.end <= np.start && m.kind == Kind::Person)
            .find(|m| !within(quoted, m.bytes.start));
        return Some(person.map(|m| entities.entity_of(m).id.clone()));
    }
    let capitalized = text[last.bytes.clone()].starts_with(char::is_uppercase) && (ws.len() > 1 || lone_name);
    let determined = ws.len() >= 2 && np_words().get(ws[0].lower.as_ref()) == Some(&"determiner");
    let plausible = lexicon::get().source_nouns.contains(last.lower.as_ref())
        || matches!(last.lower.as_ref(), "they" | "we" | "i" | "it")
        || capitalized
        || determined;
    plausible.then_some(None)
}

/// A person or a body named by the first words after a quote, or by the words after one verb
/// ("“…,” Trump barked", "“…!” beamed Donald Hartley", "“…,” he went on"): the name or pronoun,
/// followed by a lower-case word.
fn name_after(text: &str, after: &[Word<'_>], entities: &Entities) -> Option<Range<usize>> {
    let person_at = |w: &Word<'_>| {
        entities
            .mentions_in(w.bytes.start..text.len())
            .next()
            .filter(|m| m.bytes.start == w.bytes.start && matches!(m.kind, Kind::Person | Kind::Organization))
            .map(|m| m.bytes.clone())
    };
    let lower_word = |w: Option<&Word<'_>>| w.is_some_and(|w| text[w.bytes.clone()].starts_with(char::is_lowercase));
    let first = after.first()?;
    if matches!(first.lower.as_ref(), "he" | "she" | "they" | "i" | "we") {
        return lower_word(after.get(1)).then(|| first.bytes.clone());
    }
    if let Some(name) = person_at(first) {
        let next = after.iter().find(|w| w.bytes.start >= name.end);
        return (lower_word(next) && spaced(text, name.end, next?.bytes.start)).then_some(name);
    }
    let second =
        after.get(1).filter(|_| lower_word(Some(first)) && !function_words().contains(first.lower.as_ref()))?;
    person_at(second).filter(|_| spaced(text, first.bytes.end, second.bytes.start))
}

/// The credit ending a sentence after a comma, for a quote the sentence's words go on from
/// (`after`: the words from the quote to the sentence's end): "…” than that of the CIA chief,
/// Zuckoff said in an interview." or "…” about inequality, said Marla Kilfoyle, a teacher." —
/// the speaker's words and the cue, after the first comma a cue follows within a few words.
/// None when a cue comes before that comma (the words after the quote are someone's report),
/// when the cue leads on to a clause ("…, he said that …"), or for the hearer of "told".
fn final_credit(t: &Tokens<'_>, after: &[Word<'_>]) -> Option<(Range<usize>, Range<usize>)> {
    let text = t.text;
    let lex = lexicon::get();
    let last = after.last()?;
    for k in 1..after.len() {
        if lex.cues.contains_key(after[k - 1].lower.as_ref()) {
            return None;
        }
        if !text[after[k - 1].bytes.end..after[k].bytes.start].contains(',') {
            continue;
        }
        let credit = &after[k..];
        let spoken = |w: &Word<'_>| matches!(lex.cues.get(w.lower.as_ref()), Some(&"speech" | &"credit"));
        let Some(c) = credit.iter().take(5).position(spoken) else {
            continue;
        };
        let cue = &credit[c];
        // The words after the cue, up to the next comma ("…, Hollande said Tuesday in Paris,
        // noting …").
        let rest = &credit[c + 1..];
        let rest = match rest.iter().position(|w| text[cue.bytes.end..w.bytes.start].contains(',')) {
            Some(n) if c > 0 => &rest[..n],
            _ => rest,
        };
        let hearer = c == 0 && (cue.lower.starts_with("tel") || cue.lower == "told");
        if hearer
            || rest.iter().any(|w| w.lower == "that")
            || text[cue.bytes.end..last.bytes.end].contains(['“', '"', ':'])
        {
            return None;
        }
        if c == 0 {
            return object_after(t, cue.bytes.end, last.bytes.end).map(|np| (np, cue.bytes.clone()));
        }
        let connected = credit[..=c].windows(2).all(|p| spaced(text, p[0].bytes.end, p[1].bytes.start));
        let mut end = c - 1;
        while end > 0 && lex.skip.contains(credit[end].lower.as_ref()) {
            end -= 1;
        }
        return (connected && rest.len() <= 6)
            .then(|| (credit[0].bytes.start..credit[end].bytes.end, cue.bytes.clone()));
    }
    None
}

/// The speaker of a sentence before a quote standing alone: for a sentence ending in a colon,
/// its clause's subject; otherwise the subject of its first speech cue, when that names a person
/// or a body or is a personal pronoun ("Clinton said the plan would fail.", not "The plan said
/// to fail." nor "Witnesses said …": a kind of source is not taken as the next quote's speaker).
fn previous_speaker(
    t: &Tokens<'_>,
    sentence: Range<usize>,
    entities: &Entities,
    quoted: &[Range<usize>],
) -> Option<Range<usize>> {
    let text = t.text;
    let lex = lexicon::get();
    if text[sentence.clone()].trim_end().ends_with(':') {
        return clause_subject(t, sentence.start, sentence.end, entities, quoted);
    }
    let ws = t.words(sentence.clone());
    let cue = ws.iter().take(12).find(|w| lex.cues.get(w.lower.as_ref()) == Some(&"speech"))?;
    let subject = subject_before(t, sentence.start, cue.bytes.start)?;
    let pronoun = is_pronoun(&text[subject.clone()]);
    let named = entities.mentions_in(head_of(t, &subject)).any(|m| matches!(m.kind, Kind::Person | Kind::Organization));
    (pronoun || named).then_some(subject)
}

/// Whether a word can open a speaker's words: a capitalized word, a pronoun or a determiner
/// ("“…” Trump said", "“…” the minister said"), not a function word or another lower-case word
/// ("“…” that Sanders can catch Clinton, said …", "“…” and Trump calling it …").
fn opens_speaker(text: &str, w: &Word<'_>) -> bool {
    text[w.bytes.clone()].starts_with(char::is_uppercase) || np_words().contains_key(w.lower.as_ref())
}

/// A lower-case word ending in a verb's "-s" ("targets", "says"), not in "-ss" or a possessive
/// ("campaign’s").
fn verb_s(lower: &str) -> bool {
    lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("’s") && !lower.ends_with("'s")
}

/// The subject of the sentence holding a quote that no cue attributes, read from `start` (the
/// sentence's start) to `end` (the quote): past a conjunction or an introductory phrase up to
/// its comma, the person, body or pronoun opening the clause ("At a rally Friday, Trump called
/// him “a total stiff”", "She says people may not like it, but insists it is a “phony
/// attack”"), or words ending in a source noun ("The campaign’s statement then declares “…”");
/// or in a capitalized word that is no common word ("Hours later, …", "Indeed, …" are none).
/// Words inside quotation marks are passed over. `None` when the clause opens with anything
/// else ("The shooting was “a matter of concern”").
fn clause_subject(
    t: &Tokens<'_>,
    start: usize,
    end: usize,
    entities: &Entities,
    quoted: &[Range<usize>],
) -> Option<Range<usize>> {
    let text = t.text;
    let lex = lexicon::get();
    let all = t.words(start..end);
    let ws: Vec<&Word<'_>> = all.iter().filter(|w| !within(quoted, w.bytes.start)).collect();
    let mut i = 0;
    // A participle opening the sentence opens a phrase too ("Recalling that moment, David
    // Axelrod said …", "Preceded at the lectern by Joe Arpaio, Trump launched …").
    let opening = ws.first().map(|w| w.bytes.start);
    let participle = |w: &Word<'_>| {
        Some(w.bytes.start) == opening
            && (w.lower.ends_with("ing") || w.lower.ends_with("ed"))
            && entities.mentions_in(w.bytes.clone()).next().is_none()
    };
    for _ in 0..3 {
        let intro = ws.get(i).and_then(|w| lex.intro.get(w.lower.as_ref()).or(participle(w).then_some(&"phrase")));
        match intro {
            Some(&"conjunction") => i += 1,
            Some(_) => {
                let from = ws[i].bytes.end;
                let comma = from + text[from..end].find(',')?;
                i = ws.partition_point(|w| w.bytes.start < comma);
                // The year closing a date: "On July 6, 2015, Sanders made …".
                if ws.get(i).is_some_and(|w| {
                    w.lower.chars().all(|c| c.is_ascii_digit()) && text[w.bytes.end..].starts_with(',')
                }) {
                    i += 1;
                }
            }
            None => break,
        }
    }
    let first = ws.get(i)?;
    if matches!(first.lower.as_ref(), "he" | "she" | "they" | "i" | "we") {
        return Some(first.bytes.clone());
    }
    let mut last = None;
    for (j, w) in ws.iter().enumerate().skip(i).take(8) {
        if j > i && !spaced(text, ws[j - 1].bytes.end, w.bytes.start) {
            break;
        }
        let mention = entities.mentions_in(w.bytes.start..end).next().filter(|m| m.bytes.start == w.bytes.start);
        match mention {
            Some(m) if matches!(m.kind, Kind::Person | Kind::Organization) => return Some(m.bytes.clone()),
            Some(_) => break,
            None => {}
        }
        let lower = w.lower.as_ref();
        if lex.source_nouns.contains(lower) {
            last = Some(j);
            break;
        }
        let capitalized = text[w.bytes.clone()].starts_with(char::is_uppercase);
        let determiner = np_words().get(lower) == Some(&"determiner");
        let verb_like = lex.cues.contains_key(lower)
            || lex.skip.contains(lower)
            || (function_words().contains(lower) && !determiner)
            || j > i && (lower.ends_with("ed") || verb_s(lower));
        if verb_like && !capitalized {
            break;
        }
        last = Some(j);
    }
    let head = &ws[last?];
    let common = &crate::entity::lexicon::get().common;
    let name_like = |w: &Word<'_>| {
        let written = &text[w.bytes.clone()];
        written.starts_with(char::is_uppercase)
            && written.chars().any(char::is_lowercase)
            && !common.contains(w.lower.as_ref())
            && !crate::entity::lexicon::get().demonyms.contains(w.lower.as_ref())
    };
    // A capitalized word a comma follows within a word opens the sentence ("Hours later, …").
    let introductory = text[head.bytes.end..].starts_with(',')
        || ws
            .get(last? + 1)
            .is_some_and(|n| spaced(text, head.bytes.end, n.bytes.start) && text[n.bytes.end..].starts_with(','));
    let named = lex.source_nouns.contains(head.lower.as_ref()) || name_like(head) && name_like(first) && !introductory;
    named.then_some(first.bytes.start..head.bytes.end)
}

/// Find a document's quotes, sources, hedges and the certainty of each sentence.
pub fn extract(doc: &Segmented<'_>, entities: &Entities) -> Attributions {
    let text = doc.text;
    let lowered = text.to_ascii_lowercase();
    let t = &Tokens::new(text, &lowered);
    let lex = lexicon::get();
    let marked = quotes::find(text);
    let quoted: Vec<Range<usize>> = marked.iter().map(|m| m.outer.clone()).collect();
    let inside_quote = |at: usize| within(&quoted, at);
    let mut used_cues: FastSet<usize> = FastSet::default();

    // Quotes and their speakers.
    let mut quotes: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(usize, Quote)> = None; // (sentence index of its end, quote)
    for (qi, m) in marked.iter().enumerate() {
        let first_sentence = doc.sentences.partition_point(|s| s.end <= m.outer.start);
        let last_sentence =
            doc.sentences.partition_point(|s| s.end < m.outer.end).min(doc.sentences.len().saturating_sub(1));
        let sentence_start = doc.sentences.get(first_sentence).map_or(m.outer.start, |s| s.start.min(m.outer.start));
        let mut sentence_end = doc.sentences.get(last_sentence).map_or(m.outer.end, |s| s.end.max(m.outer.end));
        // "“Does he not understand?” Biden said.": a question or an exclamation closing the quote
        // ends no sentence before the words crediting it.
        if sentence_end == m.outer.end && text[m.inner.clone()].trim_end().ends_with(['?', '!']) {
            if let Some(next) = doc.sentences.get(last_sentence + 1).filter(|n| spaced(text, m.outer.end, n.start)) {
                sentence_end = next.end;
            }
        }
        let floor =
            qi.checked_sub(1).map(|p| marked[p].outer.end).filter(|&e| e > sentence_start).unwrap_or(sentence_start);
        let ceiling = marked.get(qi + 1).map(|n| n.outer.start).filter(|&s| s < sentence_end).unwrap_or(sentence_end);
        let (mut speaker, mut rule, mut cue): (Option<Range<usize>>, &'static str, Option<Range<usize>>) =
            (None, "none", None);

        // 1. Right after the quote: "…,” Zakharova said" / "…,” said Zakharova".
        let after = t.words(m.outer.end..ceiling);
        let lead = &text[m.outer.end..after.first().map_or(m.outer.end, |w| w.bytes.start)];
        // A quote closed by a comma, a question or an exclamation (or by a comma after it) is
        // spoken words a credit may follow; a partial quote running on into its sentence ("…
        // signals “the beginning of the end” for the EU, said …") has a credit only if the words
        // after it open with a name, a pronoun or a determiner.
        let closed = text[m.inner.clone()].trim_end().ends_with([',', '?', '!', '—', '.']) || lead.contains(',');
        if lead.trim_matches(|c: char| c.is_whitespace() || c == ',').is_empty() {
            if let Some(k) =
                after.iter().take(16).position(|w| lex.cues.contains_key(w.lower.as_ref()) || w.lower == "according")
            {
                let w = &after[k];
                // The speaker's words may hold commas and brackets ("Quina Jones, 25, said",
                // "Mitch McConnell, R-Ky., said"), and periods after abbreviations and initials
                // ("Mr. Obama said", "Rep. Elijah E. Cummings said"), not a stop.
                let connected = (1..=k).all(|i| {
                    let gap = &text[after[i - 1].bytes.end..after[i].bytes.start];
                    gap.chars().all(|c| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '.' | '\'' | '’'))
                        && (!gap.contains(". ") || crate::text::is_abbreviation(&text[..after[i - 1].bytes.end]))
                });
                if w.lower == "according" {
                    // Left to step 3: a cue right before the quote wins over it.
                } else if k == 0 {
                    speaker = object_after(t, w.bytes.end, ceiling);
                    (rule, cue) = ("cue_inverted", Some(w.bytes.clone()));
                } else if connected && (closed || opens_speaker(text, &after[0])) {
                    let mut last = k - 1;
                    while last > 0 && lex.skip.contains(after[last].lower.as_ref()) {
                        last -= 1;
                    }
                    speaker = Some(after[0].bytes.start..after[last].bytes.end);
                    (rule, cue) = ("cue_after", Some(w.bytes.clone()));
                }
            }
        }
        // Whether the speaker's words resolve, asked after every step: the last answer is kept.
        let checked: Cell<Option<(usize, usize, bool)>> = Cell::new(None);
        let speaker_ok = |s: &Option<Range<usize>>| {
            let Some(r) = s else { return false };
            match checked.get() {
                Some((start, end, ok)) if (start, end) == (r.start, r.end) => ok,
                _ => {
                    let ok = resolve(t, r, entities, &quoted, true).is_some();
                    checked.set(Some((r.start, r.end, ok)));
                    ok
                }
            }
        };
        // A cue after the quote whose words name no one ("“vote your conscience” and said he …")
        // attributes nothing: the steps below may still find the speaker.
        if !speaker_ok(&speaker) {
            (speaker, rule, cue) = (None, "none", None);
        }
        // A speaker named right after a spoken quote, whatever the verb: "“Go back to
        // Univision,” Trump barked", "“This is fantastic!” beamed Donald Hartley".
        if !speaker_ok(&speaker) && lead.trim_matches(|c: char| c.is_whitespace() || c == ',').is_empty() {
            let spoken = text[m.inner.clone()].trim_end().ends_with([',', '?', '!', '—']);
            if let Some(r) = spoken.then(|| name_after(text, &after, entities)).flatten() {
                (speaker, rule, cue) = (Some(r), "name_after", None);
            }
        }
        // A credit line after a dash: "“…” ― Carla Sanchez", "“…” — Krystal Correa “…”".
        if !speaker_ok(&speaker) {
            // Up to the end of the line or the next quote, within a few words: the credit may
            // stand past the sentence's end ("“… a bully.” ― Carla Sanchez").
            let mut reach = (m.outer.end + 120).min(text.len());
            while !text.is_char_boundary(reach) {
                reach -= 1;
            }
            // Or on the next line, a paragraph of its own ("“…”\n\n- Bernie Sanders.").
            let reached = &text[m.outer.end..reach];
            let below = reached.trim_start_matches(|c: char| c.is_whitespace() || c == '.');
            let next_line = reached[..reached.len() - below.len()].contains('\n');
            let line_start = if next_line { reach - below.len() } else { m.outer.end };
            let line_end = text[line_start..reach].find('\n').map_or(reach, |i| line_start + i);
            let ceiling = marked.get(qi + 1).map_or(line_end, |n| n.outer.start.min(line_end));
            let rest = &text[line_start..ceiling.max(line_start)];
            let credit = rest.trim_start_matches([' ', '\u{a0}']);
            let dashes: &[char] = if next_line { &['―', '—', '–', '-'] } else { &['―', '—', '–'] };
            if let Some(name) = credit.strip_prefix(dashes) {
                let from = line_start + (rest.len() - name.len());
                // The capitalized words up to a comma: "-Michelle Marks, Philadelphia."
                let mut name_words: Vec<&Word<'_>> = Vec::new();
                let credit_words = t.words(from..ceiling.max(from));
                for w in credit_words.iter().take(4) {
                    let joined =
                        name_words.last().map_or(true, |p: &&Word<'_>| spaced(text, p.bytes.end, w.bytes.start));
                    if !joined || !text[w.bytes.clone()].starts_with(char::is_uppercase) {
                        break;
                    }
                    name_words.push(w);
                }
                if let (Some(first), Some(last)) = (name_words.first(), name_words.last()) {
                    if text[from..first.bytes.start].trim().is_empty() {
                        (speaker, rule, cue) = (Some(first.bytes.start..last.bytes.end), "dash_credit", None);
                    }
                }
            }
        }
        // 2. Before it: "Mrs May told MPs: “…”", "he described as “despicable”".
        if !speaker_ok(&speaker) {
            // The last cue of the clause before the quote ("told reporters:", "shouted in
            // Turkish:", "tweeted in the early morning hours that Machado was “…”"); for a
            // quote opening a paragraph, the cue of a sentence ending with a colon just before
            // ("He said:").
            let mut region = floor..m.outer.start;
            let mut reported_before = false;
            if t.words(region.clone()).is_empty() && first_sentence > 0 {
                // "He said:" or a short report ending in its cue ("Maher replied.", "Jeff Weaver,
                // Sanders’ campaign manager, said in a statement.").
                let previous = &doc.sentences[first_sentence - 1];
                let said = text[previous.clone()].trim_end();
                let tail = t.words(previous.clone());
                let ends_in_cue = said.ends_with('.')
                    && !said.ends_with(".”")
                    && tail.iter().rev().take(4).any(|w| lex.cues.contains_key(w.lower.as_ref()));
                if (said.ends_with(':') || ends_in_cue) && !within(&quoted, previous.start) {
                    region = previous.start..m.outer.start;
                    reported_before = ends_in_cue;
                }
            }
            // The last cue before the quote; in a report before it, its first ("said", not the
            // "statement" of "said in a statement").
            let cue_in = |r: Range<usize>| {
                let ws = t.words(r);
                let is_cue = |k: &usize| lex.cues.contains_key(ws[*k].lower.as_ref());
                let mut k = if reported_before { (0..ws.len()).find(is_cue) } else { (0..ws.len()).rev().find(is_cue) };
                // "said in a written statement in March that …": the verb, not the noun.
                if let Some(n) = k.filter(|&n| lex.cues.get(ws[n].lower.as_ref()) == Some(&"noun")) {
                    k = (n.saturating_sub(5)..n).rev().find(is_cue).or(k);
                }
                (ws, k)
            };
            let (mut before, mut found) = cue_in(region.clone());
            let mut floor = region.start;
            // Several quotes in one sentence share the cue before the first: "Johnson tells
            // MSNBC’s “Morning Joe” that “exactly who did it” remains …".
            if found.is_none() && floor > sentence_start {
                floor = sentence_start;
                let earlier = marked[..qi].iter().rev().take_while(|p| p.outer.start >= sentence_start).last();
                if let Some(first_quote) = earlier {
                    (before, found) = cue_in(sentence_start..first_quote.outer.start);
                }
            }
            if let Some(k) = found {
                let w = &before[k];
                let between = &before[k + 1..];
                // A full stop after the cue ends the clause, unless the cue ends a short report
                // the quote follows ("John Bolton said in a statement. “…”").
                let gap = text[w.bytes.end..m.outer.start].trim_end();
                let ends_report =
                    gap.ends_with('.') && !gap[..gap.len() - 1].contains(['.', '!', '?', ';']) && between.len() <= 4;
                let clause_ends = !reported_before && !ends_report && gap.contains(['.', '!', '?', ';']);
                // Far from the quote, with no "that" or colon between, the cue only counts for
                // a person or an organization ("Theresa May has said the shooting … is “a
                // matter of concern”", not "Russia declares … “policeman”").
                let near = between.len() <= 4
                    || between.iter().any(|b| b.lower == "that")
                    || text[w.bytes.end..m.outer.start].contains(':')
                    || lex.cues.get(w.lower.as_ref()) == Some(&"naming");
                let subject =
                    subject_before(t, floor, w.bytes.start).map(|r| outer_subject(t, floor, &r, entities).unwrap_or(r));
                let names_someone = subject.as_ref().is_some_and(|r| {
                    entities.mentions_in(head_of(t, r)).any(|m| matches!(m.kind, Kind::Person | Kind::Organization))
                        || t.words(r.clone()).iter().any(|x| matches!(x.lower.as_ref(), "he" | "she" | "they"))
                });
                if !clause_ends && (near || names_someone) {
                    cue = Some(w.bytes.clone());
                    if subject.is_some() {
                        (speaker, rule) = (subject, "cue_before");
                    } else {
                        // "Altıntaş, 22, reportedly a police officer, allegedly shouted, “…”":
                        // nothing names a subject next to the cue; the name opening the
                        // sentence is its subject, else the clause's subject a participle's cue
                        // hangs on ("Here in Columbia, Sanders stepped up his emphasis, saying,
                        // “…”").
                        let first = entities.mentions_in(floor..w.bytes.start).next();
                        let opens = first.filter(|m| t.words(floor..m.bytes.start).len() <= 1);
                        // "Said Ellis: “…”": a cue opening the sentence names the speaker after it.
                        let inverted = (k == 0 && t.words(floor..w.bytes.start).is_empty())
                            .then(|| object_after(t, w.bytes.end, m.outer.start))
                            .flatten();
                        (speaker, rule) = match (inverted, opens) {
                            (Some(r), _) => (Some(r), "cue_inverted"),
                            (None, Some(m)) => (Some(m.bytes.clone()), "sentence_subject"),
                            (None, None) => {
                                (clause_subject(t, floor, w.bytes.start, entities, &quoted), "clause_subject")
                            }
                        };
                    }
                }
            }
        }
        // A transcript's speaker label: "“PENCE: Well, look, …”".
        if !speaker_ok(&speaker) {
            let inner = &text[m.inner.clone()];
            let label: String = inner.chars().take_while(|c| c.is_uppercase() || *c == ' ' || *c == '.').collect();
            if label.chars().filter(|c| c.is_alphabetic()).count() >= 2 && inner[label.len()..].starts_with(':') {
                let r = m.inner.start..m.inner.start + label.trim_end().len();
                if entities.mentions_in(r.clone()).next().is_some() || t.words(r.clone()).len() <= 3 {
                    (speaker, rule, cue) = (Some(r), "transcript_label", None);
                }
            }
        }
        // 3. "…” according to X" further on, unless a cue before the quote had a subject
        // that names no one ("a man wearing a suit and tie shouted “…”").
        if !speaker_ok(&speaker) && cue.is_none() {
            if let Some(k) = after.windows(2).position(|p| p[0].lower == "according" && p[1].lower == "to") {
                speaker = object_after(t, after[k + 1].bytes.end, ceiling);
                (rule, cue) = ("according_to", Some(after[k].bytes.start..after[k + 1].bytes.end));
            }
        }
        // Or before it, opening the clause: "According to Limbaugh, the move reeks of “fear”".
        if !speaker_ok(&speaker) && cue.is_none() {
            // Within the clause's first three words ("But according to …"): a short look.
            let mut probe = (sentence_start + 40).min(m.outer.start);
            while !text.is_char_boundary(probe) {
                probe -= 1;
            }
            let opening = t.words(sentence_start..probe);
            let before: Vec<&Word<'_>> = opening.iter().filter(|w| !within(&quoted, w.bytes.start)).take(3).collect();
            if let Some(k) = before.windows(2).position(|p| p[0].lower == "according" && p[1].lower == "to") {
                let np = object_after(t, before[k + 1].bytes.end, m.outer.start);
                if np.as_ref().is_some_and(|r| text[r.end..m.outer.start].trim_start().starts_with(',')) {
                    speaker = np;
                    (rule, cue) = ("according_to", Some(before[k].bytes.start..before[k + 1].bytes.end));
                }
            }
        }
        // A credit closing the quote's sentence after a comma, the quote followed by more of
        // the speaker's words: "“We don't teach anything” against it in the mosque, he said."
        if !speaker_ok(&speaker) && cue.is_none() {
            if let Some((r, c)) = final_credit(t, &after) {
                if resolve(t, &r, entities, &quoted, true).is_some() {
                    (speaker, rule, cue) = (Some(r), "cue_final", Some(c));
                }
            }
        }
        // A quote inside a sentence with no cue: the sentence's subject, a name or a pronoun
        // opening it (after an introductory phrase), is the one quoted ("At a rally, Trump
        // likened the refugees to a “vicious snake”").
        if !speaker_ok(&speaker) && cue.is_none() {
            let lead = t.words(floor..m.outer.start);
            let subject = entities.mentions_in(floor..m.outer.start).next().map(|m| m.bytes.clone()).or_else(|| {
                lead.iter().find(|w| matches!(w.lower.as_ref(), "he" | "she" | "they" | "it")).map(|w| w.bytes.clone())
            });
            if let Some(r) = subject {
                let opening = &text[floor..r.start];
                let titles = t.words(floor..r.start);
                let opens = titles.iter().all(|w| text[w.bytes.clone()].starts_with(char::is_uppercase))
                    || opening.trim_end().ends_with(',');
                let person_or_body = entities
                    .mentions_in(r.clone())
                    .next()
                    .map_or(true, |m| matches!(m.kind, Kind::Person | Kind::Organization));
                if opens && person_or_body && lead.len() >= 2 && !within(&quoted, r.start) {
                    (speaker, rule) = (Some(r), "sentence_subject");
                }
            }
        }
        let mut resolved = speaker.as_ref().and_then(|r| resolve(t, r, entities, &quoted, true));
        // A cue before the quote whose subject names no plausible speaker ("a man wearing a suit
        // and tie shouted “…”"): the quote is someone's words, but not the sentence subject's.
        let unnamed_cue = resolved.is_none() && speaker.is_some() && rule == "cue_before";
        let unnamed_cue_start = cue.as_ref().map_or(m.outer.start, |c| c.start);
        if resolved.is_none() {
            speaker = None;
            cue = None;
            rule = "none";
        }
        // 4. A quote standing alone right after another quote of a known speaker.
        // A translation in brackets right after a quote: “Allahu akbar!” (“God is most great!”).
        let bracketed = qi > 0 && text[marked[qi - 1].outer.end..m.outer.start].trim() == "(";
        let alone = t.words(floor..m.outer.start).is_empty() && (after.is_empty() || bracketed);
        if resolved.is_none() && alone {
            if let Some((end_sentence, prev)) = &last_speaker {
                // The next sentence, or past a few words ending the credit that a stop cut off
                // ("said Rev. Kyev Tatum, then pastor in Ft. Worth, Texas. “…”").
                let credited = prev.speaker_bytes.as_ref().map_or(prev.bytes.end, |r| r.end.max(prev.bytes.end));
                let short_tail = m.outer.start.saturating_sub(credited) <= 200 && {
                    let tail = t.words(credited.min(m.outer.start)..m.outer.start);
                    tail.len() <= 10 && !tail.iter().any(|w| lex.cues.contains_key(w.lower.as_ref()))
                };
                if first_sentence <= end_sentence + 1 || short_tail {
                    speaker = prev.speaker_bytes.clone();
                    resolved = Some(prev.speaker.clone());
                    cue = None;
                    rule = "continuation";
                }
            }
        }
        // 4b. A quote standing alone after a sentence reporting someone's words and holding no
        // quote of its own: that sentence's speaker ("She says people should use the bathroom
        // they prefer. “It is their life.”"), or the subject of a sentence ending in a colon
        // ("He then listed the qualities a nominee needs:\n\n“…”").
        if resolved.is_none() && alone && first_sentence > 0 {
            let previous = doc.sentences[first_sentence - 1].clone();
            let unquoted = qi == 0 || marked[qi - 1].outer.end <= previous.start;
            if let Some(r) = unquoted.then(|| previous_speaker(t, previous, entities, &quoted)).flatten() {
                resolved = resolve(t, &r, entities, &quoted, true);
                if resolved.is_some() {
                    (speaker, rule, cue) = (Some(r), "previous_sentence", None);
                }
            }
        }
        // 5. A quote inside a sentence that no cue attributes: the words of its clause's subject.
        if resolved.is_none() {
            let subject = clause_subject(t, sentence_start, m.outer.start, entities, &quoted);
            // Not a label ("VIDEO: “…”"), nor past a subordinate clause holding the quote's own
            // cue ("Karlov was speaking when a man wearing a suit and tie shouted “…”").
            let label = |r: &Range<usize>| text[r.end..].starts_with(':');
            let subordinate = |r: &Range<usize>| {
                unnamed_cue
                    && t.words(r.end..unnamed_cue_start.max(r.end))
                        .iter()
                        .any(|w| lex.intro.get(w.lower.as_ref()) == Some(&"subordinator"))
            };
            if let Some(r) = subject.filter(|r| !label(r) && !subordinate(r)) {
                // "A reporter said the attacker chanted slogans, including allegedly saying that
                // … was “…”": the one reported speaking, when a cue follows right after them.
                let ws = t.words(r.end..unnamed_cue_start.max(r.end));
                let reported =
                    ws.iter().filter(|w| unnamed_cue && lex.cues.contains_key(w.lower.as_ref())).find_map(|w| {
                        let np = object_after(t, w.bytes.end, unnamed_cue_start.max(w.bytes.end))?;
                        let next = ws.iter().find(|n| n.bytes.start >= np.end)?;
                        (lex.cues.contains_key(next.lower.as_ref()) && spaced(text, np.end, next.bytes.start))
                            .then_some(np)
                    });
                let (r, by) = match reported {
                    Some(np) => (np, "reported_speaker"),
                    None => (r, "clause_subject"),
                };
                resolved = resolve(t, &r, entities, &quoted, true);
                if resolved.is_some() {
                    (speaker, rule, cue) = (Some(r), by, None);
                }
            }
        }
        if let Some(c) = &cue {
            used_cues.insert(c.start);
        }
        let quote = Quote {
            id: format!("q{}", quotes.len() + 1),
            span: doc.span(m.inner.clone()),
            text: text[m.inner.clone()].to_string(),
            speaker: resolved.clone().flatten(),
            speaker_text: speaker.as_ref().map(|r| text[r.clone()].to_string()),
            speaker_span: speaker.as_ref().map(|r| doc.span(r.clone())),
            cue: cue.as_ref().map(|r| text[r.clone()].to_string()),
            rule,
            marks: m.rule,
            bytes: m.inner.clone(),
            speaker_bytes: speaker.clone(),
        };
        // The next quote continues this speaker's words from the sentence naming them on ("“…,”
        // said Rev. Kyev Tatum, then pastor in Ft. Worth, Texas. “…”").
        // A credit line after a dash closes its own quote: "“…” ― Carla Sanchez" is no one's
        // but hers, and the next line's quote not hers.
        if let Some(r) = quote.speaker_bytes.as_ref().filter(|_| rule != "dash_credit") {
            let named = doc.sentences.partition_point(|s| s.end <= r.start);
            last_speaker = Some((last_sentence.max(named), quote.clone()));
        }
        quotes.push(quote);
    }

    // Sources cited without quotation marks.
    let mut sources: Vec<Source> = Vec::new();
    let sentence_words: Vec<Cow<[Word]>> = doc.sentences.iter().map(|s| t.words(s.clone())).collect();
    for (s, ws) in doc.sentences.iter().zip(&sentence_words) {
        for (k, w) in ws.iter().enumerate() {
            // Most words are no cue: that look-up goes first, behind the test of its shape.
            let according = w.lower == "according";
            let cue = || {
                lex.cue_shapes.may_hold(&w.lower)
                    && lex.cues.get(w.lower.as_ref()).is_some_and(|&class| class != "credit")
            };
            if !according && !cue() {
                continue;
            }
            if inside_quote(w.bytes.start) || used_cues.contains(&w.bytes.start) {
                continue;
            }
            let mut push = |np: Range<usize>, cue: Range<usize>, content: Range<usize>, rule: &'static str| {
                let Some(entity) = resolve(t, &np, entities, &quoted, false) else { return };
                let content = trim_content(text, content);
                if t.words(content.clone()).len() < 2 {
                    return;
                }
                let media = entity.as_deref().and_then(|e| entities.get(e)).is_some_and(|e| e.media);
                sources.push(Source {
                    id: String::new(),
                    name: text[np.clone()].to_string(),
                    span: doc.span(np.clone()),
                    cue: text[cue].to_string(),
                    entity,
                    media,
                    sentence: doc.span(s.clone()),
                    content: doc.span(content.clone()),
                    rule,
                    bytes: np,
                    content_bytes: content,
                });
            };
            if according {
                let Some(to) = ws.get(k + 1).filter(|t| t.lower == "to") else { continue };
                let Some(np) = object_after(t, to.bytes.end, s.end) else { continue };
                let content =
                    if text[s.start..w.bytes.start].trim().is_empty() { np.end..s.end } else { s.start..w.bytes.start };
                push(np, w.bytes.start..to.bytes.end, content, "according_to");
                continue;
            }
            if let Some(np) = subject_before(t, s.start, w.bytes.start) {
                // "told reporters that …", "told TASS that …": the hearer is skipped (and, when
                // it is an outlet, cited too).
                let mut content_start = w.bytes.end;
                if matches!(w.lower.as_ref(), "told" | "tell" | "tells" | "telling") {
                    if let Some(hearer) = object_after(t, w.bytes.end, s.end) {
                        content_start = hearer.end;
                        let media = entities.mentions_in(hearer.clone()).find(|m| entities.entity_of(m).media);
                        if let Some(media) = media {
                            let (mb, cue) = (media.bytes.clone(), w.bytes.clone());
                            let content = skip_that(t, content_start, s.end);
                            push(mb, cue, content, "told_media");
                        }
                    }
                }
                let mut content = skip_that(t, content_start, s.end);
                if text[content.clone()].trim_start().starts_with(',') || t.words(content.clone()).len() < 2 {
                    content = s.start..np.start;
                }
                push(np, w.bytes.clone(), content, "subject_cue");
            } else if text[s.start..w.bytes.start].trim_end().ends_with(',') {
                let Some(np) = object_after(t, w.bytes.end, s.end) else { continue };
                let comma = text[s.start..w.bytes.start].trim_end().len() - 1;
                push(np, w.bytes.clone(), s.start..s.start + comma, "inverted_cue");
            }
        }
    }
    sources.sort_by_key(|s| (s.bytes.start, s.content_bytes.start));
    sources.dedup_by(|a, b| a.bytes == b.bytes);
    for (i, s) in sources.iter_mut().enumerate() {
        s.id = format!("s{}", i + 1);
    }

    // Hedges and the certainty of each sentence.
    let mut hedges: Vec<Hedge> = Vec::new();
    let mut certainty = Vec::with_capacity(doc.sentences.len());
    for (s, ws) in doc.sentences.iter().zip(&sentence_words) {
        // One pass over the words: the hedges starting with each word, longest first.
        let mut found: Vec<Hedge> = Vec::new();
        for k in 0..ws.len() {
            if !lex.hedge_shapes.may_hold(&ws[k].lower) {
                continue;
            }
            let Some(candidates) = lex.hedges_by_first_word.get(ws[k].lower.as_ref()) else { continue };
            let matched = candidates.iter().map(|&i| &lex.hedges[i]).find(|h| {
                h.words.len() <= ws.len() - k
                    && h.words.iter().zip(&ws[k..]).all(|(p, w)| *p == w.lower)
                    && (1..h.words.len()).all(|i| spaced(text, ws[k + i - 1].bytes.end, ws[k + i].bytes.start))
            });
            if let Some(h) = matched {
                let n = h.words.len();
                let bytes = ws[k].bytes.start..ws[k + n - 1].bytes.end;
                if found.iter().any(|f| f.bytes.start < bytes.end && bytes.start < f.bytes.end) {
                    continue;
                }
                // A hedge word inside a name is the name's ("Theresa May", "Mrs May told MPs").
                let before = entities.mentions.partition_point(|m| m.bytes.start <= bytes.start);
                if before > 0 && entities.mentions[before - 1].bytes.end >= bytes.end {
                    continue;
                }
                found.push(Hedge {
                    span: doc.span(bytes.clone()),
                    text: text[bytes.clone()].to_string(),
                    scope: doc.span(s.clone()),
                    certainty: h.certainty,
                    rule: h.rule,
                    bytes,
                });
            }
        }
        found.sort_by_key(|h| h.bytes.start);
        let weakest = found.iter().rev().max_by_key(|h| h.certainty);
        let first_source = sources.partition_point(|src| src.bytes.start < s.start);
        let source = sources.get(first_source).filter(|src| src.bytes.end <= s.end);
        let first_quote = quotes.partition_point(|q| q.bytes.end <= s.start);
        let quoted_speaker =
            quotes[first_quote..].iter().take_while(|q| q.bytes.start < s.end).any(|q| q.speaker_bytes.is_some());
        certainty.push(SentenceCertainty {
            sentence: doc.span(s.clone()),
            value: weakest.map_or(Certainty::Certain, |h| h.certainty),
            cues: found.iter().map(|h| h.text.clone()).collect(),
            rule: weakest.map_or(if source.is_some() { "attributed" } else { "no_hedge" }, |h| h.rule),
            source: source.map(|s| s.id.clone()),
            sourced: source.is_some() || quoted_speaker,
            bytes: s.clone(),
        });
        hedges.extend(found);
    }
    Attributions { quotes, sources, hedges, certainty }
}

/// Does byte `at` lie in one of the sorted, disjoint `ranges`?
fn within(ranges: &[Range<usize>], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= at);
    ranges.get(i).is_some_and(|r| r.start <= at)
}

/// Skip a "that" opening the attributed words.
fn skip_that(t: &Tokens<'_>, from: usize, to: usize) -> Range<usize> {
    let ws = t.words(from..to);
    match ws.first() {
        Some(w) if w.lower == "that" => w.bytes.end..to,
        _ => from..to,
    }
}

/// Trim spaces, commas and a final stop from attributed words.
fn trim_content(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
    let start = r.start + (s.len() - t.len());
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
    start..start + t.len()
}

#[cfg(test)]
mod examples;
