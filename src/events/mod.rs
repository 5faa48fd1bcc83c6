//! Events: what happened, read from verbal and nominal triggers ("shot", "was killed", "will
//! meet", "the assassination", "talks"), with the polarity the words around them give
//! (negated, future, scheduled, reported, hypothetical), a time from [`anchor`], and a short
//! label from the clause.
//!
//! The word lists are data (`src/events/lexicon/`); every rule family has its positive and
//! negative examples in `src/events/examples.tsv`. [`extract`] is a pure function of the text,
//! its resolved time expressions and ages, the creation time, and a [`Context`] that later stages
//! fill: participants come from entity mentions and certainty and source from attribution.
//! Until those stages exist, [`crate::analyze`] passes an empty [`Context`], so every event's
//! `participants` is empty and its `certainty` and `attributed_to` are `null`.

pub mod anchor;
pub mod lexicon;

pub use anchor::{AnchorKind, EventTime};
pub use lexicon::CueKind;

use crate::text::{Segmented, Span};
use crate::time::age::Age;
use crate::time::range::TimeRange;
use crate::time::{Moment, Timex};
use lexicon::{lexicon, AuxRole, CueScope, Form};
use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

/// An entity taking part in something, as a later stage (entities) will hand it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Byte range of the mention in the document text.
    pub bytes: Range<usize>,
    /// The entity's id (`e1`).
    pub entity: String,
    /// The entity's kind.
    pub kind: crate::entity::Kind,
}

pub use crate::attribution::Certainty;

/// What the attribution stage says about one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Byte range of the sentence.
    pub sentence: Range<usize>,
    /// Its certainty.
    pub certainty: Certainty,
    /// The id of the source it is attributed to (`s1`), if any.
    pub source: Option<String>,
}

/// What earlier stages know that events take in: the entity stage's mentions and the
/// attribution stage's per-sentence certainty and source ([`crate::analyze`] fills it).
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// Entity mentions, in text order; those in an event's clause become its participants.
    pub participants: &'a [Participant],
    /// Per-sentence certainty and source, in text order.
    pub attributions: &'a [Attribution],
}

/// Verbal or nominal trigger, or a birth implied by an age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    /// A verb ("shot", "will meet").
    Verbal,
    /// A noun naming a happening ("the assassination", "talks").
    Nominal,
    /// A birth worked out from an age ("in 1976 aged 22").
    Age,
}

/// The tense the words around a verbal trigger give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tense {
    /// "shot", "was shot", "had shot".
    Past,
    /// "has been shot": done, recently.
    Perfect,
    /// "comes", "is holding".
    Present,
    /// "will meet", "is to meet".
    Future,
    /// Nouns, and verbs that say nothing of time alone ("-ing" forms, infinitives).
    None,
}

/// A word near the trigger that changes how it reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cue {
    /// What it says.
    pub kind: CueKind,
    /// The words, as written (or `“…”` for quotation marks).
    pub text: String,
}

/// One event mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// `v1`, `v2`, … in text order.
    pub id: String,
    /// UTF-16 span of the trigger.
    pub span: Span,
    /// The trigger, as written.
    pub trigger: String,
    /// The trigger's base form ("shoot" for "shot").
    pub lemma: String,
    /// The kind of happening (`attack`, `death`, `meeting`, `career`, `statement`, …): mentions
    /// of one happening share it.
    pub class: &'static str,
    /// Verbal, nominal, or age.
    pub kind: TriggerKind,
    /// UTF-16 span of its sentence.
    pub sentence: Span,
    /// Tense.
    pub tense: Tense,
    /// `false` when negated ("did not survive", "denied attacking").
    pub positive: bool,
    /// Will happen or is planned ("will meet", "is to meet", "plans to").
    pub future: bool,
    /// Someone else says so ("reportedly", "according to", a reporting verb, a quotation).
    pub reported: bool,
    /// Might happen ("may", "could").
    pub hypothetical: bool,
    /// The words that set `positive`, `future`, `reported`, `hypothetical`.
    pub cues: Vec<Cue>,
    /// When, and how that was worked out; `null` when nothing is known.
    pub time: Option<EventTime>,
    /// A few words from the clause ("Karlov shot at art gallery").
    pub label: String,
    /// Entity ids in its clause (from [`Context::participants`]; empty until the entity stage
    /// exists).
    pub participants: Vec<String>,
    /// From [`Context::attributions`]; `null` until the attribution stage exists.
    pub certainty: Option<Certainty>,
    /// The source it is attributed to (from [`Context::attributions`]); `null` until then.
    pub attributed_to: Option<String>,
    /// Its auxiliary is "had" ("had announced"): a past before another past, never the news
    /// day's ([`anchor`]'s `news_day` rule).
    #[serde(skip)]
    pub past_perfect: bool,
    /// The rule that found it (`verb`, `noun`, `past_ed` for an unlisted "-ed" verb,
    /// `age_arithmetic`).
    pub rule: &'static str,
    /// Byte range of the trigger.
    #[serde(skip)]
    pub bytes: Range<usize>,
    /// Byte range of the sentence.
    #[serde(skip)]
    pub sentence_bytes: Range<usize>,
    /// Byte range of the clause.
    #[serde(skip)]
    pub clause_bytes: Range<usize>,
}

/// A word of a sentence: its bytes and its lower-case form (borrowed from the text when it
/// already is).
#[derive(Debug, Clone)]
pub(crate) struct Word<'a> {
    pub bytes: Range<usize>,
    pub lower: Cow<'a, str>,
}

/// The words of `range` in `text`: runs of letters and digits, with inner apostrophes and
/// hyphens kept ("didn't", "off-duty", "he'll").
pub(crate) fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text[range.clone()].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joiner = matches!(c, '\'' | '’' | '-');
        let inner = joiner && start.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(b) = start.take() {
            out.push(word(text, range.start + b..range.start + i));
        }
    }
    if let Some(b) = start {
        out.push(word(text, range.start + b..range.end));
    }
    out
}

fn word(text: &str, bytes: Range<usize>) -> Word<'_> {
    let written = &text[bytes.clone()];
    // Most words are lower-case ASCII already: no allocation, no Unicode case tables.
    let lower = if !written.is_ascii() {
        Cow::Owned(written.to_lowercase().replace('’', "'"))
    } else if written.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(written.to_ascii_lowercase())
    } else {
        Cow::Borrowed(written)
    };
    Word { bytes, lower }
}

/// The clause holding byte `at` within `sentence`: cut at `,`, `;`, `:`, dashes, brackets and
/// quotation marks.
pub(crate) fn clause_of(text: &str, sentence: &Range<usize>, at: usize) -> Range<usize> {
    let is_cut = |c: char| matches!(c, ',' | ';' | ':' | '–' | '—' | '(' | ')' | '“' | '”' | '"');
    let s = &text[sentence.clone()];
    let rel = at - sentence.start;
    let start = s[..rel].rfind(is_cut).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[rel..].find(is_cut).map_or(s.len(), |i| rel + i);
    sentence.start + start..sentence.start + end
}

/// Find the events of a document and anchor them in time. `timexes`, `ranges` and `ages` are the
/// time stage's output for the same text; `dct` its creation time.
pub fn extract(
    doc: &Segmented<'_>,
    timexes: &[Timex],
    ranges: &[TimeRange],
    ages: &[Age],
    dct: Option<&Moment>,
    context: Context<'_>,
) -> Vec<Event> {
    let mut events = Vec::new();
    for sentence in &doc.sentences {
        triggers(doc, sentence, timexes, &mut events);
    }
    // Triggers come in text order; each birth goes in at its place (no sort of whole events:
    // cheaper, and smaller in the wasm build).
    for age in ages {
        if let Some(e) = birth(doc, age) {
            let at = events.partition_point(|v: &Event| v.bytes.start <= e.bytes.start);
            events.insert(at, e);
        }
    }
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("v{}", i + 1);
        if e.kind == TriggerKind::Age {
            e.label = label(doc.text, e, timexes, &[]);
        }
        // Both lists are in text order: look up by position, not by scanning.
        let first = context.participants.partition_point(|p| p.bytes.start < e.clause_bytes.start);
        e.participants = context.participants[first..]
            .iter()
            .take_while(|p| p.bytes.start < e.clause_bytes.end)
            .filter(|p| p.bytes.end <= e.clause_bytes.end)
            .map(|p| p.entity.clone())
            .collect();
        let at = context.attributions.partition_point(|a| a.sentence.end <= e.bytes.start);
        if let Some(a) = context.attributions.get(at).filter(|a| a.sentence.contains(&e.bytes.start)) {
            e.certainty = Some(a.certainty);
            e.attributed_to = a.source.clone();
        }
    }
    anchor::anchor(doc, &mut events, timexes, ranges, ages, dct);
    events
}

/// The triggers of one sentence, labelled.
fn triggers(doc: &Segmented<'_>, sentence: &Range<usize>, timexes: &[Timex], out: &mut Vec<Event>) {
    let lx = lexicon();
    let text = doc.text;
    let ws = words(text, sentence.clone());
    let hits = cue_hits(&ws);
    let mut phrase = String::new();
    let mut i = 0;
    while i < ws.len() {
        // Multi-word nouns first ("gun fight").
        let mut found = None;
        if lx.noun_starts.contains(&ws[i].lower) {
            for n in (2..=lx.longest_noun.min(ws.len() - i)).rev() {
                phrase.clear();
                for (k, w) in ws[i..i + n].iter().enumerate() {
                    if k > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(&w.lower);
                }
                if let Some(class) = lx.noun(&phrase) {
                    found = Some((n, Reading::Noun(class)));
                    break;
                }
            }
        }
        let w = &ws[i];
        // A capitalised word inside a sentence is a name ("State Media"), not a trigger.
        let capitalised = i > 0 && text[w.bytes.clone()].starts_with(char::is_uppercase);
        if found.is_none() && !capitalised {
            let prev = i.checked_sub(1).map(|p| ws[p].lower.as_ref());
            let after_determiner =
                prev.is_some_and(|p| lx.determiners.contains(p) || p.ends_with("'s") || p.ends_with("s'"));
            let noun = lx.noun(&w.lower);
            let mut forms = lx.verb_forms(&w.lower);
            // After a determiner or a number an "-s" form is a plural noun ("the delays", "five
            // orders", "dropped calls" aside): it is a trigger only if the noun is one. "that"
            // is left out, being a relative pronoun too ("a store that sells music").
            let third = forms.iter().any(|f| f.1 == Form::Third);
            if third && (prev.is_some_and(|p| p != "that" && after_determiner) || i > 0 && is_count(text, &ws, i - 1)) {
                forms.retain(|f| f.1 != Form::Third);
            }
            let verb = Some(forms).filter(|f| !f.is_empty() && !lx.not_triggers.contains(&w.lower));
            let no_verb = verb.is_none();
            found = match (noun, verb) {
                (Some(class), _) if after_determiner || no_verb => Some((1, Reading::Noun(class))),
                (_, Some(forms)) => Some((1, Reading::Verb(forms))),
                (Some(class), None) => Some((1, Reading::Noun(class))),
                // Right after a determiner an "-ed" word is an adjective ("the crowded gallery").
                (None, None) if past_ed(&text[w.bytes.clone()]) && !after_determiner => Some((1, Reading::PastEd)),
                (None, None) => None,
            };
        }
        let Some((n, reading)) = found else {
            i += 1;
            continue;
        };
        let bytes = ws[i].bytes.start..ws[i + n - 1].bytes.end;
        let clause = clause_of(text, sentence, bytes.start);
        let (lemma, class, kind, tense, rule) = match reading {
            Reading::Noun(class) => (
                ws[i..i + n].iter().map(|w| w.lower.as_ref()).collect::<Vec<_>>().join(" "),
                class,
                TriggerKind::Nominal,
                Tense::None,
                "noun",
            ),
            Reading::PastEd => {
                let tense = tense(&ws, i, &[Form::Past, Form::Participle], &clause);
                (ws[i].lower.to_string(), "general", TriggerKind::Verbal, tense, "past_ed")
            }
            Reading::Verb(forms) => {
                let verb = &lx.verbs[forms[0].0];
                let tense = tense(&ws, i, &forms.iter().map(|f| f.1).collect::<Vec<_>>(), &clause);
                (verb.lemma.to_string(), verb.class, TriggerKind::Verbal, tense, "verb")
            }
        };
        let mut event = Event::mention(doc, bytes, sentence.clone(), clause, (lemma, class, kind, tense, rule));
        event.past_perfect =
            kind == TriggerKind::Verbal && auxiliary(&ws, i, &event.clause_bytes) == Some(AuxRole::PastPerfect);
        polarity(text, &ws, &hits, i, &mut event);
        event.label = label(text, &event, timexes, &ws);
        out.push(event);
        i += n;
    }
    reported_speech(text, out, sentence);
}

enum Reading {
    Noun(&'static str),
    Verb(Vec<(usize, Form)>),
    /// An unlisted lower-case "-ed" word: a past verb or participle ("renamed").
    PastEd,
}

/// Is word `k` of `ws` a count: a count word ("five", "several"), or digits ("230") not after
/// a name, which would make them a model ("Boeing 787 makes")?
fn is_count(text: &str, ws: &[Word<'_>], k: usize) -> bool {
    let word = &ws[k].lower;
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return k == 0 || !text[ws[k - 1].bytes.clone()].starts_with(char::is_uppercase);
    }
    crate::time::lexicon::lookup(&crate::time::lexicon::lexicon().numbers, word).is_some()
}

/// Is `word` an unlisted lower-case "-ed" word that reads as a past verb?
fn past_ed(word: &str) -> bool {
    word.len() >= 5
        && word.ends_with("ed")
        && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !lexicon().not_past.contains(word)
}

/// The auxiliary before the verb at word `i` in its clause ("been" and "be" skipped; a clitic
/// counts as its auxiliary: "he'll" as "'ll", "they've" as "'ve"), and whether "to" stands right
/// before the verb.
fn auxiliary_and_to(ws: &[Word], i: usize, clause: &Range<usize>) -> (Option<AuxRole>, bool) {
    let lx = lexicon();
    let mut k = i;
    let mut to_before = false;
    while k > 0 && ws[k - 1].bytes.start >= clause.start {
        k -= 1;
        let w = ws[k].lower.as_ref();
        if w == "to" && k + 1 == i {
            to_before = true;
            continue;
        }
        let clitic = w.find('\'').and_then(|a| lx.auxiliary(&w[a..]));
        match clitic.or_else(|| lx.auxiliary(w)) {
            Some(AuxRole::Skip) => continue,
            Some(role) => return (Some(role), to_before),
            None => break,
        }
    }
    (None, to_before)
}

/// The auxiliary before the verb at word `i` in its clause (see [`auxiliary_and_to`]).
fn auxiliary(ws: &[Word], i: usize, clause: &Range<usize>) -> Option<AuxRole> {
    auxiliary_and_to(ws, i, clause).0
}

/// The tense of the verb at word `i`, from the auxiliaries before it in its clause.
fn tense(ws: &[Word], i: usize, forms: &[Form], clause: &Range<usize>) -> Tense {
    let (aux, to_before) = auxiliary_and_to(ws, i, clause);
    if to_before {
        // "is to meet", "set to meet", "plans to": the cues say future; alone an infinitive
        // takes the time of its governing verb, which the anchoring reads from the clause.
        return match aux {
            Some(AuxRole::Present | AuxRole::Past) => Tense::Future,
            _ => Tense::None,
        };
    }
    let has = |f: Form| forms.contains(&f);
    match aux {
        Some(AuxRole::Future) => Tense::Future,
        Some(AuxRole::Perfect) => Tense::Perfect,
        Some(AuxRole::PastPerfect | AuxRole::Past) => Tense::Past,
        Some(AuxRole::Present) if has(Form::Gerund) => Tense::Present,
        Some(AuxRole::Present) if has(Form::Participle) => Tense::Present,
        Some(AuxRole::Present) => Tense::Present,
        _ if has(Form::Past) || has(Form::Participle) => Tense::Past,
        _ if has(Form::Third) || has(Form::Base) => Tense::Present,
        _ => Tense::None,
    }
}

/// Where each cue of `cues.tsv` stands in a sentence: for each cue, the indexes of the words it
/// starts at, in order.
fn cue_hits(ws: &[Word]) -> Vec<Vec<usize>> {
    let lx = lexicon();
    let fits =
        |w: &str, cue: &str| w == cue || (cue.starts_with(['\'', 'n']) && cue.contains('\'') && w.ends_with(cue));
    let mut hits = vec![Vec::new(); lx.cues.len()];
    for k in 0..ws.len() {
        for c in lx.cues_starting(&ws[k].lower) {
            let cue = &lx.cues[c];
            let n = cue.words.len();
            if k + n <= ws.len() && (0..n).all(|j| fits(&ws[k + j].lower, cue.words[j])) {
                hits[c].push(k);
            }
        }
    }
    hits
}

/// The cues of `cues.tsv` around the trigger at word `i` (before it, in its clause, or in its
/// sentence), and quotation marks around it. `hits` is the sentence's [`cue_hits`].
fn polarity(text: &str, ws: &[Word], hits: &[Vec<usize>], i: usize, e: &mut Event) {
    let in_clause = |k: usize| ws[k].bytes.start >= e.clause_bytes.start && ws[k].bytes.end <= e.clause_bytes.end;
    for (cue, at) in lexicon().cues.iter().zip(hits) {
        let n = cue.words.len();
        let hit = at.iter().copied().find(|&k| match cue.scope {
            CueScope::Before => in_clause(k) && k < i && k + 4 > i && k + n <= i,
            CueScope::Clause => in_clause(k),
            CueScope::Sentence => true,
        });
        if let Some(k) = hit {
            if e.cues.iter().any(|c| c.kind == cue.kind) {
                continue;
            }
            let words = text[ws[k].bytes.start..ws[k + n - 1].bytes.end].to_string();
            match cue.kind {
                CueKind::Negation => e.positive = false,
                CueKind::Future | CueKind::Scheduled => {
                    e.future = true;
                    e.tense = Tense::Future;
                }
                CueKind::Reported => e.reported = true,
                CueKind::Hypothetical => e.hypothetical = true,
            }
            e.cues.push(Cue { kind: cue.kind, text: words });
        }
    }
    if e.tense == Tense::Future && !e.cues.iter().any(|c| matches!(c.kind, CueKind::Future | CueKind::Scheduled)) {
        e.future = true;
    }
    // Inside quotation marks: someone's words. A sentence may begin inside a quote the sentence
    // before opened ("… now. It is great," said Jobs): a first straight mark that closes (after a
    // word or a comma, not after a space) leaves the words after it outside.
    let before_text = &text[e.sentence_bytes.start..e.bytes.start];
    let opens = before_text.matches(['“', '"']).count();
    let closes = before_text.matches('”').count();
    let straight = before_text.matches('"').count();
    let quoted =
        if straight > 0 { (straight - usize::from(closes_first(before_text))) % 2 == 1 } else { opens > closes };
    if quoted && !e.reported {
        e.reported = true;
        e.cues.push(Cue { kind: CueKind::Reported, text: "“…”".into() });
    }
}

/// Whether the first straight quotation mark of a sentence closes a quote opened before it: the
/// mark follows a word or punctuation rather than a space or the sentence's start.
fn closes_first(sentence_start: &str) -> bool {
    sentence_start
        .find('"')
        .and_then(|at| sentence_start[..at].chars().next_back())
        .is_some_and(|before| !before.is_whitespace() && !matches!(before, '(' | '[' | '—' | '–' | '-'))
}

/// In a sentence with a reporting verb ("said", "reported"), the other events are someone's
/// account: those after it ("said the gunman was killed"), and those before it in an earlier
/// clause when it is finite ("We love them, said Jobs"). What its own subject did before it in
/// its clause ("Jobs welcomed everyone and announced that …") or before a participle ("unveiled
/// the products, saying …") is the writer's account, and so is a clause after it that sets the
/// scene of the report ([`sets_scene`]).
///
/// (Measured on SemEval-2015 Task 4: marking the scene's events as reported took the news-day
/// date from them, and with it from the participles they govern; dated-event F1 29.90 → 30.56,
/// MEANTIME anchoring unchanged.)
fn reported_speech(text: &str, events: &mut [Event], sentence: &Range<usize>) {
    let in_sentence: Vec<usize> = (0..events.len()).filter(|&k| events[k].sentence_bytes == *sentence).collect();
    let Some(&speech) =
        in_sentence.iter().find(|&&k| events[k].class == "statement" && events[k].kind == TriggerKind::Verbal)
    else {
        return;
    };
    let cue = text[events[speech].bytes.clone()].to_string();
    let (at, clause, finite) =
        (events[speech].bytes.start, events[speech].clause_bytes.clone(), events[speech].tense != Tense::None);
    for &k in &in_sentence {
        let e = &mut events[k];
        let told_before = e.bytes.start < at && (!finite || e.clause_bytes == clause);
        if k != speech
            && e.class != "statement"
            && !e.reported
            && !told_before
            && !sets_scene(text, at, &e.clause_bytes)
        {
            e.reported = true;
            e.cues.push(Cue { kind: CueKind::Reported, text: cue.clone() });
        }
    }
}

/// Words that open a clause setting the scene of what comes before ("announced it at a
/// conference, where he …", "…, while introducing the phone, …").
const SCENE_OPENERS: &[&str] = &["where", "when", "while"];

/// Does the clause `clause`, after a reporting verb ending at byte `at`, set the scene of the
/// report rather than tell its content? It opens with one of [`SCENE_OPENERS`], and no "that"
/// or quotation mark stands between the verb and it ("said that, when it landed, …" is content).
fn sets_scene(text: &str, at: usize, clause: &Range<usize>) -> bool {
    if clause.start <= at {
        return false;
    }
    let opener = text[clause.clone()].split_whitespace().next().unwrap_or("");
    let between = &text[at..clause.start];
    SCENE_OPENERS.iter().any(|w| opener.eq_ignore_ascii_case(w))
        && !between.contains(['"', '“', '”'])
        && !between.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case("that"))
}

impl Event {
    /// A mention of `(lemma, class, kind, tense, rule)` at `bytes`, stated flatly (no cue read
    /// yet), its time, label, participants and certainty left for the later steps.
    fn mention(
        doc: &Segmented<'_>,
        bytes: Range<usize>,
        sentence: Range<usize>,
        clause: Range<usize>,
        (lemma, class, kind, tense, rule): (String, &'static str, TriggerKind, Tense, &'static str),
    ) -> Event {
        Event {
            id: String::new(),
            span: doc.span(bytes.clone()),
            trigger: doc.text[bytes.clone()].to_string(),
            lemma,
            class,
            kind,
            sentence: doc.span(sentence.clone()),
            tense,
            positive: true,
            future: tense == Tense::Future,
            reported: false,
            hypothetical: false,
            cues: Vec::new(),
            time: None,
            label: String::new(),
            participants: Vec::new(),
            certainty: None,
            attributed_to: None,
            past_perfect: false,
            rule,
            bytes,
            sentence_bytes: sentence,
            clause_bytes: clause,
        }
    }
}

/// A birth worked out from an age: "in 1976 aged 22" says born 1953 or 1954.
fn birth(doc: &Segmented<'_>, age: &Age) -> Option<Event> {
    age.born?;
    let bytes = age.bytes.clone();
    let sentence = doc.sentence_of(bytes.start);
    let clause = clause_of(doc.text, &sentence, bytes.start);
    Some(Event::mention(
        doc,
        bytes,
        sentence,
        clause,
        ("born".into(), "birth", TriggerKind::Age, Tense::Past, "age_arithmetic"),
    ))
}

/// The most words a label keeps before the trigger, and after it.
const LABEL_BEFORE: usize = 4;
const LABEL_AFTER: usize = 5;

/// A short label from the trigger's clause: a few words before it (auxiliaries, hedges and
/// leading conjunctions dropped) and a few after, stopping at a subordinator or a time
/// expression (the timeline shows the time). `sentence` holds the words of the event's sentence
/// (an age's label needs none).
fn label(text: &str, e: &Event, timexes: &[Timex], sentence: &[Word]) -> String {
    if e.kind == TriggerKind::Age {
        // "Andrey Karlov, 62," → "Karlov born (62)"; "aged 22" → "born (aged 22)".
        let before = text[e.sentence_bytes.start..e.bytes.start].trim_end().trim_end_matches(',');
        let name = before
            .rsplit(char::is_whitespace)
            .next()
            .filter(|w| w.starts_with(char::is_uppercase) && text[..e.bytes.start].trim_end().ends_with(','));
        // "born in 1994" says it all once the timeline shows the year.
        let how = if e.trigger.starts_with("born") { String::new() } else { format!(" ({})", e.trigger) };
        return match name {
            Some(n) => format!("{n} born{how}"),
            None => format!("born{how}"),
        };
    }
    let lx = lexicon();
    let skip = |w: &str| lx.auxiliary(w).is_some() || matches!(w, "that" | "who" | "which" | "as" | "when" | "while");
    let preposition = |w: &str| {
        matches!(
            w,
            "to" | "in"
                | "of"
                | "at"
                | "by"
                | "for"
                | "on"
                | "from"
                | "with"
                | "after"
                | "before"
                | "and"
                | "but"
                | "then"
        )
    };
    // No word crosses a clause cut: the clause's words are a run of the sentence's.
    let ws = &sentence[sentence.partition_point(|w| w.bytes.start < e.clause_bytes.start)
        ..sentence.partition_point(|w| w.bytes.start < e.clause_bytes.end)];
    let at = ws.iter().position(|w| w.bytes.start >= e.bytes.start).unwrap_or(0);
    // The words after the last conjunction or subordinator before the trigger; when none are
    // left, the subject before it ("Mr Karlov was rushed … but died" → "Mr Karlov died"), or
    // the sentence's opening words when the clause has no subject ("Andrey Karlov, 62, was
    // shot" → "Andrey Karlov shot"). After the trigger, the words up to a subordinator.
    let cut = |w: &str| {
        matches!(w, "and" | "but" | "then" | "or" | "when" | "while" | "who" | "which" | "because" | "as" | "if")
    };
    let from = ws[..at].iter().rposition(|w| cut(&w.lower)).map_or(0, |k| k + 1);
    // How many words open `ws` as a subject: up to three, before any auxiliary or verb.
    let subject = |ws: &[Word]| ws.iter().take_while(|w| !skip(&w.lower) && !lx.is_verb_form(&w.lower)).take(3).count();
    let mut before: Vec<&Word> = ws[from..at].iter().filter(|w| !skip(&w.lower)).collect();
    if before.is_empty() && from > 0 {
        before = ws[..subject(&ws[..from])].iter().collect();
    }
    if before.is_empty() && e.clause_bytes.start > e.sentence_bytes.start {
        let opening = &sentence[..subject(sentence)];
        if opening.iter().all(|w| w.bytes.end <= e.clause_bytes.start) {
            before = opening.iter().collect();
        }
    }
    let mut before = before.split_off(before.len().saturating_sub(LABEL_BEFORE));
    while before.first().is_some_and(|w| preposition(&w.lower)) {
        before.remove(0);
    }
    let trigger_end = ws.iter().position(|w| w.bytes.end >= e.bytes.end).unwrap_or(at);
    let mut after: Vec<&Word> = ws[(trigger_end + 1).min(ws.len())..]
        .iter()
        .take_while(|w| w.lower == "as" || !cut(&w.lower))
        .take_while(|w| {
            // Timexes are in text order: only the last one starting before the word's end can
            // overlap it.
            let i = timexes.partition_point(|t| t.bytes.start < w.bytes.end);
            !i.checked_sub(1).is_some_and(|i| w.bytes.start < timexes[i].bytes.end)
        })
        .take(LABEL_AFTER)
        .collect();
    // End on a content word: "shot at art gallery in" → "shot at art gallery".
    let dangling = |w: &str| (lx.determiners.contains(w) || preposition(w)) && !matches!(w, "after" | "before");
    while after.last().is_some_and(|w| dangling(&w.lower)) {
        after.pop();
    }
    let mut parts: Vec<&str> = before.iter().map(|w| &text[w.bytes.clone()]).collect();
    parts.push(&text[e.bytes.clone()]);
    parts.extend(after.iter().map(|w| &text[w.bytes.clone()]));
    parts.join(" ")
}

#[cfg(test)]
mod examples;
