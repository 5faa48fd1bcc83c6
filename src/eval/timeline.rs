//! SemEval-2015 Task 4 ("TimeLine: cross-document event ordering"), track A: for each target
//! entity, the events it takes part in across a set of articles, each with its date.
//!
//! Gold timelines are text files: the entity's name on the first line, then one line per event
//! `order<TAB>date<TAB>mention<TAB>mention…`, a mention being `docid-sentence-word` (the word of
//! the event's trigger; several words joined by `_`) and a date `YYYY-MM-DD` with `XX` for what
//! is unknown (`XXXX-XX-XX`: undated), or a prefix (`1968`).
//!
//! The system side: each article's tokens (NewsReader CAT XML, rebuilt into text by
//! [`meantime::read_gold`]) are analysed by [`crate::analyze`] with the document's creation
//! time (its `TIMEX3` with `functionInDocument="CREATION_TIME"`, which the task gives); an event
//! takes part in the entity's timeline when its sentence holds a mention, found by the entity
//! stage, of a document entity one of whose names is the target's ([`aliases`]: the full name,
//! its words of three or more characters holding a digit such as "A380", and a person's
//! surname; compared by name key), so that "Boeing" inside the name "Boeing 787 Dreamliner" is
//! no mention of Boeing, and the entity stage's surnames and role references ("the
//! ambassador") count; when the entity stage finds no such entity in the document (names it
//! does not read as names, such as "iPod"), when its sentence names the entity as a string
//! ([`aliases`], or the full name's words side by side in any order, or in order with one more
//! word among them: "3G iPhone", "iTunes Music Store"); or
//! when it follows such a sentence and opens with a pronoun or "The company" ([`continues`]). In
//! a sentence holding such a mention, an event is on the timeline when at most [`NEAR_WORDS`]
//! words stand between its trigger and a mention. A person is also followed by pronoun: in a
//! sentence naming them or the one after it, an event as near to "he", "she", "his" or "her"
//! is on their timeline ([`refers_to_person`]). A statement or general verb whose clause names
//! other entities and not the target is theirs, on no timeline of the target ([`OTHERS_OWN`]).
//! Negated and hypothetical events ("did not sign", "may sell") are on no timeline, as they are
//! off the analysis's own. Its date is its time at day precision, `XX` where the time is coarser, `XXXX-XX-XX` when it
//! has no bounded time.
//!
//! The metric (this project's; the official scorer measures temporal awareness over ordering
//! graphs, which this does not):
//! - **event P/R/F1**: (entity, document, sentence, first word of the trigger) tuples, words
//!   compared in lower case;
//! - **dated-event P/R/F1**: the same tuples with the date, which must be equal.
//!
//! Counts add up over all timelines (micro-averages). The order column is not scored.

use super::meantime;
use super::Prf;
use crate::entity::{names::key, Entity, Kind};
use crate::text::Span;
use crate::{analyze, DocumentInput};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// One gold or system item: (entity, document, sentence, word).
pub type Item = (String, String, usize, String);

/// A gold timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimeline {
    /// The target entity's name.
    pub entity: String,
    /// Each mention with its date.
    pub mentions: Vec<(Item, String)>,
}

/// Read a gold timeline file; `None` when it is not one (no entity line, or a line that is not
/// `order<TAB>date<TAB>mention…`).
pub fn read_timeline(text: &str) -> Option<GoldTimeline> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let entity = lines.next()?.trim().to_string();
    let mut mentions = Vec::new();
    for line in lines {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < 3 || cols[0].parse::<u32>().is_err() {
            return None;
        }
        let date = normalize_date(cols[1])?;
        for m in &cols[2..] {
            let mut parts = m.splitn(3, '-');
            let (doc, sentence, word) = (parts.next()?, parts.next()?.parse().ok()?, parts.next()?);
            let first = word.split('_').next().unwrap_or(word).to_lowercase();
            mentions.push(((entity.clone(), doc.to_string(), sentence, first), date.clone()));
        }
    }
    Some(GoldTimeline { entity, mentions })
}

impl GoldTimeline {
    /// The timeline with the target named as the task's list of target entities names it, when
    /// one of `listed` is the file's name (`file_stem`, lower case, words joined by `_`): the
    /// list is what the task hands a system, and a timeline file's first line may misspell it
    /// (`United States Air Froce` in `united_states_air_force.txt`). Unchanged otherwise.
    pub fn named_as_listed(mut self, file_stem: &str, listed: &[String]) -> GoldTimeline {
        let stem = |name: &str| name.split_whitespace().collect::<Vec<_>>().join("_").to_lowercase();
        if let Some(name) = listed.iter().find(|n| stem(n) == file_stem.to_lowercase() && **n != self.entity) {
            self.entity = name.clone();
            for ((entity, ..), _) in &mut self.mentions {
                entity.clone_from(name);
            }
        }
        self
    }
}

/// The target entities of a task's list file (`list_target_entities_corpus_1.txt`): one name a
/// line.
pub fn read_target_list(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (with `X`s) padded to `YYYY-MM-DD`; a date of nothing but
/// `X`s and dashes (the gold has one `XXX-XX-XX`) is undated.
pub fn normalize_date(date: &str) -> Option<String> {
    if !date.is_empty() && date.bytes().all(|b| b == b'X' || b == b'-') {
        return Some("XXXX-XX-XX".into());
    }
    let parts: Vec<&str> = date.split('-').collect();
    let ok = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit() || b == b'X');
    if parts.is_empty() || parts.len() > 3 || !ok(parts[0], 4) || !parts[1..].iter().all(|p| ok(p, 2)) {
        return None;
    }
    let get = |i: usize, n: usize| parts.get(i).map_or_else(|| "X".repeat(n), |p| p.to_string());
    Some(format!("{}-{}-{}", get(0, 4), get(1, 2), get(2, 2)))
}

/// An event's time as a SemEval date: day precision where known, `XX` beyond the precision,
/// `XXXX-XX-XX` when unbounded.
pub fn event_date(start: Option<&str>, end: Option<&str>) -> String {
    let (Some(start), Some(end)) = (start, end) else { return "XXXX-XX-XX".into() };
    let day = |s: &str| s.split('T').next().unwrap_or(s).to_string();
    let (s, e) = (day(start), day(end));
    if let Some(month) = week_month(&s, &e) {
        return month;
    }
    // The common prefix, cut at a year/month/day boundary.
    let mut keep = 0;
    for n in [4, 7, 10] {
        if s.len() >= n && e.len() >= n && s[..n] == e[..n] {
            keep = n;
        }
    }
    normalize_date(if keep == 0 { "XXXX" } else { &s[..keep] }).unwrap_or_else(|| "XXXX-XX-XX".into())
}

/// A seven-day span ("this week") that runs across two months as a SemEval date: the month
/// holding most of its days, the one of its middle day (as ISO 8601 gives a week to the year
/// holding its Thursday). The gold dates "filed a lawsuit … this week", written on Tuesday 28
/// March 2006, `2006-03-XX`; without this, the common prefix of 2006-03-27 and 2006-04-02 is
/// the year alone.
fn week_month(start: &str, end: &str) -> Option<String> {
    use crate::time::calendar::{add_days, Moment};
    let (s, e) = (Moment::parse(start)?.date, Moment::parse(end)?.date);
    if e.days_since(s) != 6 || s.month() == e.month() {
        return None;
    }
    let middle = add_days(s, 3)?;
    Some(format!("{:04}-{:02}-XX", middle.year(), middle.month()))
}

/// The strings that name an entity in a sentence: its full name; its words of three or more
/// characters that hold a digit ("A380", "787"); and the last word of a two-word name of
/// capitalised alphabetic words not in the generic list ("Jobs" for "Steve Jobs").
pub fn aliases(entity: &str) -> Vec<String> {
    const GENERIC: &[&str] = &["airlines", "store", "corps", "force", "inc", "group", "company"];
    let mut out = vec![entity.to_string()];
    let words: Vec<&str> = entity.split_whitespace().collect();
    for w in &words {
        if w.len() >= 3 && w.chars().any(|c| c.is_ascii_digit()) {
            out.push(w.to_string());
        }
    }
    if words.len() == 2
        && words.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        && !GENERIC.contains(&words[1].to_lowercase().as_str())
    {
        out.push(words[1].to_string());
    }
    out.dedup();
    out
}

/// Does `sentence` name the entity (an alias as a whole word, case as written)?
fn names(sentence: &str, aliases: &[String]) -> bool {
    let full = aliases.first().map_or("", String::as_str);
    if variant(sentence, full) {
        return true;
    }
    aliases.iter().any(|a| {
        sentence.match_indices(a.as_str()).any(|(i, _)| {
            let before = sentence[..i].chars().next_back();
            let after = sentence[i + a.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Does `sentence` name `name` (two words or more) in a variant: its words side by side in any
/// order ("3G iPhone" for "iPhone 3G"), or in order with one more word among them ("iTunes Music
/// Store" for "iTunes store"); case folded.
fn variant(sentence: &str, name: &str) -> bool {
    let want: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    if want.len() < 2 {
        return false;
    }
    let words: Vec<String> =
        sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let side_by_side = words.windows(want.len()).any(|w| want.iter().all(|x| w.contains(x)));
    let in_order = words.windows(want.len() + 1).any(|w| {
        let mut rest = w.iter();
        w[0] == want[0] && want.iter().all(|x| rest.any(|y| y == x))
    });
    side_by_side || in_order
}

/// The entities of a document that are the target: one of their names (name or alias) has the
/// name key of one of the target's [`aliases`] ("Steve Jobs" and "Jobs" for Steve Jobs; "Airbus
/// A380" and "A380" for the aircraft, not "Airbus").
fn targets<'a>(entities: &'a [Entity], keys: &[String]) -> Vec<&'a Entity> {
    entities.iter().filter(|e| std::iter::once(&e.name).chain(&e.aliases).any(|n| keys.contains(&key(n)))).collect()
}

/// Is the span `inner` inside `outer`?
fn inside(inner: Span, outer: Span) -> bool {
    outer[0] <= inner[0] && inner[1] <= outer[1]
}

/// The most words between an event and a mention of the entity in a sentence naming it for the
/// event to be on the entity's timeline (the entity takes part in what is said near its name:
/// "Boeing unveiled the 787", not the other clauses of a long sentence).
const NEAR_WORDS: usize = 6;

/// The words of `text` (runs of letters and digits) with their UTF-16 spans, in text order and
/// lower case.
fn words(text: &str) -> Vec<(Span, String)> {
    let mut out: Vec<(Span, String)> = Vec::new();
    let mut at = 0;
    let mut in_word = false;
    for c in text.chars() {
        let alnum = c.is_alphanumeric();
        if alnum {
            if !in_word {
                out.push(([at, at], String::new()));
            }
            if let Some(w) = out.last_mut() {
                w.0[1] = at + c.len_utf16();
                w.1.extend(c.to_lowercase());
            }
        }
        in_word = alnum;
        at += c.len_utf16();
    }
    out
}

/// The event classes (`src/events/lexicon/classes.tsv`) whose event belongs to the participants of
/// its clause: a statement or a general verb in a clause that names other entities and not the
/// target is theirs ("Air India have also said that the 20 extra seats the 787 offers over a
/// similarly-sized Airbus A330 …" is not on Airbus's timeline). Other classes keep events of
/// such clauses, since their clause often holds the target only by description ("Singapore
/// Airlines will receive the aircraft"): applied to every class, the rule took corpus_1's
/// dated-event F1 from 24.30 to 22.83; to these two, 24.77 (trial 29.47 → 30.96).
const OTHERS_OWN: &[&str] = &["statement", "general"];

/// The entity stage's rules that make a person of two capitalised words by their shape alone
/// ("Wikipedia Dashboard", "Current PowerPC"): too weak to take "he" from the person named
/// before them.
const SHAPE_RULES: &[&str] = &["name_shape", "surname_elsewhere"];

/// Does `word` (lower case) refer back to a person ("he said", "his speech")? Only persons are
/// followed by pronoun (measured on the visible sets: "it" for other entities cost corpus_1 a
/// point of dated-event F1, trial unchanged; descriptions after "the", "the aircraft", "the
/// company", gained 0.02, not worth a word list of the corpus's domain).
fn refers_to_person(word: &str) -> bool {
    matches!(word, "he" | "she" | "his" | "her")
}

/// How many words stand between two UTF-16 spans (`starts`: where the words start, from
/// [`words`]).
fn words_between(starts: &[usize], a: Span, b: Span) -> usize {
    let (from, to) = if a[1] <= b[0] { (a[1], b[0]) } else { (b[1], a[0]) };
    if from >= to {
        return 0;
    }
    starts.partition_point(|&s| s < to) - starts.partition_point(|&s| s < from)
}

/// Does a sentence go on about what the one before named: a person ("He …", "She …") or anything
/// else ("It …", "The company …")?
fn continues(sentence: &str, person: bool) -> bool {
    const PERSON: &[&str] = &["He ", "She "];
    const OTHER: &[&str] =
        &["It ", "They ", "The company ", "The aircraft ", "The plane ", "The airline ", "The firm "];
    (if person { PERSON } else { OTHER }).iter().any(|o| sentence.starts_with(o))
}

/// An event's clause (UTF-16 span), the entity ids among its participants, and its class.
type EventClause = (Span, Vec<String>, &'static str);

/// Counts and figures of one run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Timelines scored.
    pub timelines: usize,
    /// Documents read.
    pub documents: usize,
    /// Gold mentions.
    pub gold: usize,
    /// System mentions.
    pub system: usize,
    /// Mentions matched by document, sentence and word.
    pub events_matched: usize,
    /// Of those, with the same date.
    pub dated_matched: usize,
    /// Event P/R/F1 (percent).
    pub events: Option<Prf>,
    /// Dated-event P/R/F1 (percent).
    pub dated_events: Option<Prf>,
    /// The same figures per set of timelines (a directory of gold files), when several were
    /// scored into this report with [`Report::add`].
    pub sets: Vec<(String, Report)>,
    /// Every mention missed, spurious or wrongly dated, for [`Report::error_listing`].
    #[serde(skip)]
    pub mistakes: Vec<Mistake>,
}

/// What went wrong with one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MistakeKind {
    /// In the gold timeline; dateline finds no event there.
    NoEvent,
    /// In the gold timeline; dateline finds the event but not on the entity's timeline.
    Missed,
    /// In dateline's timeline, not in the gold.
    Spurious,
    /// In both, with another date.
    Date,
}

/// One mention missed, spurious or wrongly dated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// Which kind of mistake.
    pub kind: MistakeKind,
    /// The mention: entity, document, sentence, word.
    pub item: Item,
    /// The gold date, when the gold has the mention.
    pub gold_date: Option<String>,
    /// Dateline's date, when it has the mention.
    pub system_date: Option<String>,
    /// The sentence's text.
    pub sentence: String,
}

impl Report {
    /// Add the counts of one set, scored alone into `set`, and keep its figures under `name`.
    pub fn add(&mut self, name: &str, set: Report) {
        self.timelines += set.timelines;
        self.documents += set.documents;
        self.gold += set.gold;
        self.system += set.system;
        self.events_matched += set.events_matched;
        self.dated_matched += set.dated_matched;
        self.events = Some(Prf::new(self.events_matched, self.system, self.gold));
        self.dated_events = Some(Prf::new(self.dated_matched, self.system, self.gold));
        self.mistakes.extend(set.mistakes.iter().cloned());
        self.sets.push((name.to_string(), set));
    }

    /// The first `n` mistakes of each kind (a gold mention dateline finds no event at, or does
    /// not put on the entity's timeline; a spurious one; a wrong date), one per line: kind,
    /// entity, document-sentence, word, gold date -> dateline's date, and the sentence.
    pub fn error_listing(&self, n: usize) -> String {
        let mut out = String::new();
        for (kind, label) in [
            (MistakeKind::NoEvent, "no event"),
            (MistakeKind::Missed, "not on the timeline"),
            (MistakeKind::Spurious, "spurious"),
            (MistakeKind::Date, "wrong date"),
        ] {
            let of_kind: Vec<&Mistake> = self.mistakes.iter().filter(|m| m.kind == kind).collect();
            out.push_str(&format!("\n{label}: {}\n", of_kind.len()));
            for m in of_kind.into_iter().take(n) {
                let (entity, doc, sentence, word) = &m.item;
                out.push_str(&format!(
                    "{label}\t{entity}\t{doc}-{sentence}\t{word}\t{} -> {}\t{}\n",
                    m.gold_date.as_deref().unwrap_or("-"),
                    m.system_date.as_deref().unwrap_or("-"),
                    m.sentence
                ));
            }
        }
        out
    }

    /// The figures as a small table (then one per set, when there are several).
    pub fn table(&self) -> String {
        let row = |name: &str, p: &Option<Prf>, tp: usize| {
            let p = p.unwrap_or(Prf { precision: 0.0, recall: 0.0, f1: 0.0 });
            format!(
                "{name:<14} {:>9.2} {:>9.2} {:>9.2} {:>8} {:>8} {:>8}\n",
                p.precision, p.recall, p.f1, tp, self.system, self.gold
            )
        };
        let mut out = format!(
            "{} timelines over {} documents\n\n{:<14} {:>9} {:>9} {:>9} {:>8} {:>8} {:>8}\n{}{}",
            self.timelines,
            self.documents,
            "",
            "precision",
            "recall",
            "F1",
            "matched",
            "system",
            "gold",
            row("events", &self.events, self.events_matched),
            row("dated events", &self.dated_events, self.dated_matched)
        );
        if self.sets.len() > 1 {
            for (name, set) in &self.sets {
                out.push_str(&format!("\n{name}: {}", set.table()));
            }
        }
        out
    }
}

/// Why a corpus could not be scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimelineError {
    /// No gold timeline files.
    NoTimelines,
    /// A document could not be read.
    Document(String, String),
}

impl std::fmt::Display for TimelineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimelineError::NoTimelines => write!(f, "no gold timelines found"),
            TimelineError::Document(name, why) => write!(f, "{name}: {why}"),
        }
    }
}

impl std::error::Error for TimelineError {}

/// Score one set: its gold timeline files' contents and its CAT documents (file name,
/// contents; the document id is the number the file name starts with).
pub fn score_set(
    timelines: &[GoldTimeline],
    documents: &[(String, String)],
    report: &mut Report,
) -> Result<(), TimelineError> {
    if timelines.is_empty() {
        return Err(TimelineError::NoTimelines);
    }
    // Per document: (sentence number, sentence text, first word, date) of each event, and the
    // UTF-16 spans of its sentence and trigger; where the words of the text start; the entity
    // stage's entities.
    let mut analysed: HashMap<String, Vec<(usize, String, String, String)>> = HashMap::new();
    let mut spans: HashMap<String, Vec<(Span, Span)>> = HashMap::new();
    let mut clauses: HashMap<String, Vec<EventClause>> = HashMap::new();
    let mut doc_words: HashMap<String, Vec<(Span, String)>> = HashMap::new();
    let mut entities: HashMap<String, Vec<Entity>> = HashMap::new();
    // Per document, the mentions of persons typed by more than the shape of their name
    // ([`SHAPE_RULES`]), as (UTF-16 start, entity id) in text order: whom "he" or "she" most
    // likely means is the last one before it.
    let mut people: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    // Each sentence's text by (document, sentence number), for the list of mistakes.
    let mut sentences: HashMap<(String, usize), String> = HashMap::new();
    for (name, xml) in documents {
        let id: String = name.rsplit('/').next().unwrap_or(name).chars().take_while(char::is_ascii_digit).collect();
        let gold = meantime::read_gold(xml).map_err(|e| TimelineError::Document(name.clone(), e.to_string()))?;
        // The document's creation time, as the task gives it to every system (Track A).
        let analysis = analyze(&[DocumentInput {
            name: name.clone(),
            text: gold.text.clone(),
            dct: gold.dct.clone(),
            dct_overrides_text: gold.dct.is_some(),
        }])
        .map_err(|e| TimelineError::Document(name.clone(), e.to_string()))?;
        let doc = &analysis.documents[0];
        let mut events = Vec::new();
        let mut doc_clauses = Vec::new();
        let segmented = crate::text::segment(&gold.text);
        let mut sentence_spans = Vec::new();
        for e in &doc.events {
            // What did not happen or only might ("did not sell", "may sell") is on no timeline.
            if !e.positive || e.hypothetical {
                continue;
            }
            let Some(t) = gold.tokens.iter().find(|t| t.bytes.contains(&e.bytes.start)) else { continue };
            sentence_spans.push((e.sentence, e.span));
            doc_clauses.push((segmented.span(e.clause_bytes.clone()), e.participants.clone(), e.class));
            let word = gold.text[t.bytes.clone()].to_lowercase();
            let sentence = gold.text[e.sentence_bytes.clone()].to_string();
            let date = e
                .time
                .as_ref()
                .map_or_else(|| "XXXX-XX-XX".to_string(), |x| event_date(x.start.as_deref(), x.end.as_deref()));
            events.push((t.sentence, sentence, word, date));
        }
        for t in &gold.tokens {
            let at = sentences.entry((id.clone(), t.sentence)).or_default();
            if !at.is_empty() {
                at.push(' ');
            }
            at.push_str(&gold.text[t.bytes.clone()]);
        }
        spans.insert(id.clone(), sentence_spans);
        clauses.insert(id.clone(), doc_clauses);
        doc_words.insert(id.clone(), words(&gold.text));
        let mut persons: Vec<(usize, String)> = doc
            .entities
            .iter()
            .filter(|e| e.kind == Kind::Person && !SHAPE_RULES.contains(&e.rule))
            .flat_map(|e| e.mentions.iter().map(|m| (m[0], e.id.clone())))
            .collect();
        persons.sort_unstable();
        people.insert(id.clone(), persons);
        entities.insert(id.clone(), doc.entities.clone());
        analysed.insert(id, events);
        report.documents += 1;
    }
    for timeline in timelines {
        let gold: BTreeSet<Item> = timeline.mentions.iter().map(|(i, _)| i.clone()).collect();
        let gold_dated: BTreeSet<(Item, String)> = timeline.mentions.iter().cloned().collect();
        let aliases = aliases(&timeline.entity);
        let mut system: BTreeSet<Item> = BTreeSet::new();
        let mut system_dated: BTreeSet<(Item, String)> = BTreeSet::new();
        let keys: Vec<String> = aliases.iter().map(|a| key(a)).collect();
        for (doc, events) in &analysed {
            let targets = targets(&entities[doc], &keys);
            let spans = &spans[doc];
            let words = &doc_words[doc];
            let starts: Vec<usize> = words.iter().map(|w| w.0[0]).collect();
            let person = targets.iter().any(|t| t.kind == Kind::Person);
            let mentioned =
                |k: usize| targets.iter().flat_map(|t| &t.mentions).filter(move |m| inside(**m, spans[k].0));
            // The words of event k's sentence that refer back to the entity, when it is a person.
            let referring = |k: usize| {
                let (from, to) = (spans[k].0[0], spans[k].0[1]);
                let first = starts.partition_point(|&s| s < from);
                (first..starts.partition_point(|&s| s < to))
                    .filter(move |&i| person && refers_to_person(&words[i].1))
                    .map(|i| words[i].0)
            };
            // The person named last before a UTF-16 offset (see `people`).
            let persons = &people[doc];
            let last_person = |at: usize| persons[..persons.partition_point(|p| p.0 < at)].last().map(|p| p.1.as_str());
            let mut named: Vec<usize> = (0..events.len())
                .filter(
                    |&k| if targets.is_empty() { names(&events[k].1, &aliases) } else { mentioned(k).next().is_some() },
                )
                .map(|k| events[k].0)
                .collect();
            let direct = named.clone();
            // A sentence that goes on about the entity by pronoun or description ("It", "The
            // company") right after one naming it.
            let follows: Vec<usize> = events
                .iter()
                .filter(|e| named.contains(&(e.0.wrapping_sub(1))) && continues(&e.1, person))
                .map(|e| e.0)
                .collect();
            named.extend(follows);
            for (k, (sentence, _, word, date)) in events.iter().enumerate() {
                // In a sentence naming the entity, or right after one, what it takes part in
                // stands near a mention or a word referring back to it ("he", "his").
                let close = |m: &Span| words_between(&starts, *m, spans[k].1) <= NEAR_WORDS;
                let after_direct = direct.contains(&sentence.wrapping_sub(1));
                let salient = person && last_person(spans[k].0[0]).is_some_and(|id| targets.iter().any(|t| t.id == id));
                let by_reference =
                    (direct.contains(sentence) || after_direct || salient) && referring(k).any(|m| close(&m));
                let near = targets.is_empty() || !direct.contains(sentence) || mentioned(k).any(close);
                let (clause, participants, class) = &clauses[doc][k];
                let pronoun_in_clause = by_reference && referring(k).any(|m| inside(m, *clause));
                let others = OTHERS_OWN.contains(class)
                    && !participants.is_empty()
                    && !participants.iter().any(|p| targets.iter().any(|t| &t.id == p))
                    && !mentioned(k).any(|m| inside(*m, *clause))
                    && !pronoun_in_clause;
                if ((named.contains(sentence) && near) || by_reference) && !others {
                    let item = (timeline.entity.clone(), doc.clone(), *sentence, word.clone());
                    if system.insert(item.clone()) {
                        system_dated.insert((item, date.clone()));
                    }
                }
            }
        }
        report.timelines += 1;
        report.gold += gold.len();
        report.system += system.len();
        report.events_matched += gold.intersection(&system).count();
        report.dated_matched += gold_dated.intersection(&system_dated).count();
        let gold_dates: HashMap<&Item, &String> = timeline.mentions.iter().map(|(i, d)| (i, d)).collect();
        let system_dates: HashMap<&Item, &String> = system_dated.iter().map(|(i, d)| (i, d)).collect();
        for item in gold.union(&system) {
            let (g, s) = (gold_dates.get(item).copied(), system_dates.get(item).copied());
            let kind = match (g, s) {
                (Some(_), None)
                    if analysed.get(&item.1).is_some_and(|es| es.iter().any(|e| e.0 == item.2 && e.2 == item.3)) =>
                {
                    MistakeKind::Missed
                }
                (Some(_), None) => MistakeKind::NoEvent,
                (None, Some(_)) => MistakeKind::Spurious,
                (Some(_), Some(s)) if !gold_dated.contains(&(item.clone(), s.clone())) => MistakeKind::Date,
                _ => continue,
            };
            report.mistakes.push(Mistake {
                kind,
                item: item.clone(),
                gold_date: g.cloned(),
                system_date: s.cloned(),
                sentence: sentences.get(&(item.1.clone(), item.2)).cloned().unwrap_or_default(),
            });
        }
    }
    report.events = Some(Prf::new(report.events_matched, report.system, report.gold));
    report.dated_events = Some(Prf::new(report.dated_matched, report.system, report.gold));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_examples() {
        let table = [
            ((Some("2016-12-19T18:00"), Some("2016-12-19T21:59")), "2016-12-19"),
            ((Some("2013-07"), Some("2013-07")), "2013-07-XX"),
            ((Some("1976"), Some("1976")), "1976-XX-XX"),
            ((Some("2001-06"), Some("2006-12")), "XXXX-XX-XX"),
            ((Some("2016-12-12"), Some("2016-12-18")), "2016-12-XX"),
            ((None, Some("2016-12-19")), "XXXX-XX-XX"),
            // A week across two months: the month of most of its days.
            ((Some("2006-03-27"), Some("2006-04-02")), "2006-03-XX"),
            ((Some("2006-04-27"), Some("2006-05-03")), "2006-04-XX"),
            ((Some("2006-04-28"), Some("2006-05-04")), "2006-05-XX"),
            ((Some("2006-12-29"), Some("2007-01-04")), "2007-01-XX"),
            // Not a week: the common prefix.
            ((Some("2006-03-27"), Some("2006-04-03")), "2006-XX-XX"),
        ];
        for ((s, e), expected) in table {
            assert_eq!(event_date(s, e), expected, "{s:?}..{e:?}");
        }
        assert_eq!(normalize_date("1968").as_deref(), Some("1968-XX-XX"));
        assert_eq!(normalize_date("2005-01-XX").as_deref(), Some("2005-01-XX"));
        assert_eq!(normalize_date("soon"), None);
        assert_eq!(normalize_date("XXX-XX-XX").as_deref(), Some("XXXX-XX-XX"));
    }

    #[test]
    fn the_task_list_names_the_target() {
        let listed = read_target_list("Airbus\nUnited States Air Force\nUnited States Air Froce\n");
        let gold = read_timeline("United States Air Froce\n0\tXXXX-XX-XX\t1173-0-discussions\n").unwrap();
        let named = gold.clone().named_as_listed("united_states_air_force", &listed);
        assert_eq!(named.entity, "United States Air Force");
        assert_eq!(named.mentions[0].0 .0, "United States Air Force");
        // No listed name is the file's: the first line stands.
        assert_eq!(gold.clone().named_as_listed("usaf", &listed), gold);
        assert_eq!(gold.clone().named_as_listed("united_states_air_force", &[]), gold);
    }

    #[test]
    fn alias_examples() {
        let table: &[(&str, &[&str])] = &[
            ("Airbus A380", &["Airbus A380", "A380"]),
            ("Steve Jobs", &["Steve Jobs", "Jobs"]),
            ("Singapore Airlines", &["Singapore Airlines"]),
            ("iPhone 4", &["iPhone 4"]),
            ("Boeing 787 Dreamliner", &["Boeing 787 Dreamliner", "787"]),
        ];
        for (entity, expected) in table {
            assert_eq!(aliases(entity), *expected, "{entity}");
        }
        assert!(names("The A380 flew.", &aliases("Airbus A380")));
        assert!(!names("The A3800 flew.", &aliases("Airbus A380")));
        // Variants of a name of two words or more.
        assert!(names("Apple opened the iTunes Music Store.", &aliases("iTunes store")));
        assert!(names("Apple sold the 3G iPhone.", &aliases("iPhone 3G")));
        assert!(!names("The store sold iTunes gift cards.", &aliases("iTunes store")));
        assert!(!names("The iTunes software reached the store.", &aliases("iTunes store")));
    }

    #[test]
    fn words_between_spans() {
        let text = "Boeing , the US planemaker , unveiled the new 787 Dreamliner on Sunday .";
        let starts: Vec<usize> = words(text).iter().map(|w| w.0[0]).collect();
        let span = |w: &str| {
            let at = text.find(w).unwrap();
            [at, at + w.len()]
        };
        assert_eq!(words_between(&starts, span("Boeing"), span("unveiled")), 3);
        assert_eq!(words_between(&starts, span("unveiled"), span("Boeing")), 3);
        assert_eq!(words_between(&starts, span("the US"), span("US planemaker")), 0);
        assert_eq!(words_between(&starts, span("Boeing"), span("Sunday")), 9);
    }

    /// A CAT document of the given sentences (tokens split at spaces).
    /// Score one gold timeline file's text against `documents`.
    fn scored(gold: &str, documents: &[(String, String)]) -> Report {
        let mut report = Report::default();
        score_set(&[read_timeline(gold).unwrap()], documents, &mut report).unwrap();
        report
    }

    fn cat(id: &str, sentences: &[&str]) -> String {
        let mut xml = format!("<Document doc_id=\"{id}\">\n");
        let mut n = 0;
        for (s, sentence) in sentences.iter().enumerate() {
            for word in sentence.split(' ') {
                n += 1;
                xml.push_str(&format!("<token t_id=\"{n}\" sentence=\"{s}\" number=\"{}\">{word}</token>\n", n - 1));
            }
        }
        xml + "</Document>"
    }

    #[test]
    fn membership_reads_the_entity_stage() {
        // "Boeing" inside the name "Boeing 787 Dreamliner" is not Boeing; "Boeing" alone is; what
        // only might happen or did not is on no timeline.
        let xml = cat(
            "7",
            &[
                "Officials from China have agreed to purchase 60 Boeing 787 Dreamliner aircraft .",
                "Boeing said nothing more .",
                "Boeing may sell planes to China but did not sign a deal .",
            ],
        );
        let documents = [("7_Boeing.xml".to_string(), xml)];
        let report = scored("Boeing\n0\tXXXX-XX-XX\t7-1-said\n", &documents);
        assert_eq!((report.events_matched, report.system), (1, 1), "{report:?}");
        // The aircraft's timeline holds the purchase (and only what its sentence says).
        let report = scored("Boeing 787 Dreamliner\n0\tXXXX-XX-XX\t7-0-purchase\n", &documents);
        assert_eq!(report.events_matched, 1, "{report:?}");
        assert!(report.system >= 1 && report.system <= 2, "{report:?}");
    }

    #[test]
    fn a_statement_of_others_is_theirs() {
        // "said" is Air India's, in a clause that does not name Airbus; "flew" near Airbus is
        // Airbus's.
        let xml = cat("9", &["The planes of Airbus are safe , Air India said .", "Airbus flew the plane ."]);
        let documents = [("9_Airbus.xml".to_string(), xml)];
        let report = scored("Airbus\n0\tXXXX-XX-XX\t9-1-flew\n", &documents);
        let listing = report.error_listing(5);
        assert!(!listing.contains("\tsaid\t"), "{listing}");
        assert_eq!(report.events_matched, 1, "{listing}");
    }

    #[test]
    fn a_person_is_followed_by_pronoun() {
        // "he" in the sentence after one naming the person, near the event, puts it on the
        // person's timeline; an event far from the pronoun and the name does not join.
        let xml = cat(
            "8",
            &[
                "Steve Jobs unveiled the phone .",
                "The crowd cheered loudly in the big hall of the city 's old convention center when he announced the price .",
            ],
        );
        let documents = [("8_Jobs.xml".to_string(), xml)];
        let report = scored("Steve Jobs\n0\tXXXX-XX-XX\t8-0-unveiled\n1\tXXXX-XX-XX\t8-1-announced\n", &documents);
        assert_eq!((report.events_matched, report.gold), (2, 2), "{report:?}");
        assert!(!report.error_listing(5).contains("cheered"), "{}", report.error_listing(5));
    }

    #[test]
    fn a_small_set_scores() {
        let timeline =
            read_timeline("Airbus\n0\tXXXX-XX-XX\t1-0-launches\n1\t2005-01-18\t1-2-unveiled\t1-2-plans\n").unwrap();
        assert_eq!(timeline.mentions.len(), 3);
        let xml = r#"<Document doc_id="1">
<token t_id="1" sentence="0" number="0">Airbus</token><token t_id="2" sentence="0" number="1">launches</token>
<token t_id="3" sentence="0" number="2">plane</token>
<token t_id="4" sentence="1" number="3">January</token><token t_id="5" sentence="1" number="4">18</token>
<token t_id="6" sentence="1" number="5">,</token><token t_id="7" sentence="1" number="6">2005</token>
<token t_id="8" sentence="2" number="7">Airbus</token><token t_id="9" sentence="2" number="8">unveiled</token>
<token t_id="10" sentence="2" number="9">plans</token><token t_id="11" sentence="2" number="10">on</token>
<token t_id="12" sentence="2" number="11">January</token><token t_id="13" sentence="2" number="12">18</token>
</Document>"#;
        let mut report = Report::default();
        score_set(&[timeline], &[("1_Airbus.xml".into(), xml.into())], &mut report).unwrap();
        assert_eq!((report.gold, report.events_matched), (3, 3), "{report:?}");
        // "launches" (present) is dated on the creation day; "unveiled" by "January 18".
        assert_eq!(report.dated_matched, 2, "{report:?}");
        assert!(read_timeline("Airbus\nnot a timeline line\n").is_none());
        // The one mistake is listed with both dates and its sentence.
        let listing = report.error_listing(5);
        for (kind, count) in [("no event", 0), ("not on the timeline", 0), ("spurious", 0), ("wrong date", 1)] {
            assert!(listing.contains(&format!("\n{kind}: {count}\n")), "{listing}");
        }
        assert!(listing.contains("\tAirbus\t1-"), "{listing}");
    }
}
