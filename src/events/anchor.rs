//! Anchoring events in time, most specific evidence first:
//!
//! 1. a range in the clause ("from June 2001 to December 2006"), else the time expression in
//!    the trigger's clause, else the nearest one in its sentence (`range`, `clause`,
//!    `sentence`); a time expression dates one verb: the one before it in its clause ("fought
//!    cancer in 2004 and took six months off in early 2009"), the one of its own clause when
//!    it has one, the one below a "that" or "to" between it and the event ("expected that the
//!    plane will arrive on November 11"); between an article and a noun it dates the noun
//!    ("violated the 1991 agreement");
//! 2. an offset from another event ("the attack comes one day before … talks": the talks are a
//!    day after the attack), or from the date named last in the sentence or the one before ("in
//!    1984 … One year later he was fired": 1985) (`offset`);
//! 3. another mention of the same happening that has a time ("the killing" after "shot … Monday
//!    evening"; classes that merge only) (`happening`);
//! 4. the narrative reference time: for a past-tense verb (not a past perfect, which is before
//!    it) in a sentence that carries the story on ("He …", "Then …":
//!    `lexicon/narrative_openings.txt`), the last date the sentence before named, in the same
//!    paragraph ("He graduated in 1992. He then joined …") (`narrative`);
//! 5. news convention, only with a creation time and marked `inferred`: a reporting act ("said",
//!    "announced") outside quotation marks, or an event of the lede (headline and first full
//!    sentence) that is no one's account, in the simple past or present perfect (not "had …"),
//!    or a verb in the simple past that is no one's account, not after a sentence of its
//!    paragraph naming an earlier date (a reporting act in the present perfect, "has said", even
//!    then), or a present-tense verb of the headline ("Apple unveils iPhone 4"), took place on the
//!    news day: the day the lede or the sentence after it names in the
//!    week up to the creation day ("Yesterday, … Jobs unveiled", "announced Friday"; the event
//!    then names that time expression; a date alone on its line is the dateline, not the story's
//!    day), else the creation day (`news_day`);
//! 6. the tense against the creation time: a present-tense verb happens on the creation day
//!    (`creation_time`); a past one at some time before it (`before_creation`, no start: never a
//!    made-up date); a future one after it (`after_creation`, no end).
//!
//! 7. a verb with no tense of its own ("-ing", "to …") left without a time takes the bounded time
//!    of the finite verb before it in its sentence, and a noun left without a time that of the
//!    finite verb whose object it is (right before it in its clause, a few words apart, no
//!    preposition between: "has made its maiden flight"), unless that verb is future or a plan
//!    ("unveiled the device by walking onto the stage") (`governor`, `via` that verb, `inferred`).
//!
//! Only classes of one happening (`merges` in `lexicon/classes.tsv`: attack, death, meeting…)
//! take another mention's time (`happening`); the same word of another class is as often another
//! happening (each "said" is its own).
//!
//! Births worked out from ages keep the one or two years they allow (`age`).

use super::{Event, Tense, TriggerKind};
use crate::text::Segmented;
use crate::time::calendar::{add_days, date, iso};
use crate::time::range::TimeRange;
use crate::time::{Moment, Timex, TimexType};
use crate::timeline::{interval, Granularity};
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

/// What an event's time was worked out from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorKind {
    /// A range of two time expressions in the clause.
    Range,
    /// A time expression in the trigger's clause.
    Clause,
    /// The nearest time expression in its sentence.
    Sentence,
    /// A duration before or after another event ("one day before"), or after the date named
    /// last ("in 1984 … One year later").
    Offset,
    /// Another mention of the same happening.
    Happening,
    /// The last date named earlier in the paragraph.
    Narrative,
    /// A present-tense verb: the creation day.
    CreationTime,
    /// News convention, inferred (`inferred: true`): a reporting act ("said", "announced") in the
    /// simple past or present perfect, such an event of the article's lede, or a verb in the
    /// simple past that is no one's account, that no time expression dates took place on the
    /// news day (the day the lede names in the week up to the creation day, else the creation
    /// day).
    NewsDay,
    /// A past-tense verb with nothing else: some time before the creation time.
    BeforeCreation,
    /// A verb with no tense of its own ("walking", "to unveil") or a noun ("made its maiden
    /// flight") and nothing else: the bounded time of the finite verb before it in its sentence
    /// (for a noun, the verb whose object it is), unless that one is future or a plan.
    Governor,
    /// A future verb with nothing else: some time after the creation time.
    AfterCreation,
    /// A birth from an age and the year it held in.
    Age,
}

/// When an event happened, as far as the text tells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventTime {
    /// The time expression it rests on (`t3`), if any.
    pub timex: Option<String>,
    /// For a range, the time expression that ends it.
    pub until: Option<String>,
    /// The TIMEX3 value it rests on (`2016-12-19TEV`; `2001-06/2006-12` for a range), if any.
    pub value: Option<String>,
    /// First instant, an ISO 8601 prefix at `granularity`; `null` when unknown (before the
    /// creation time).
    pub start: Option<String>,
    /// Last instant, inclusive; `null` when open (after the creation time).
    pub end: Option<String>,
    /// How precise the bounds are; `null` for open intervals.
    pub granularity: Option<Granularity>,
    /// How it was worked out.
    pub anchor: AnchorKind,
    /// The event it was worked out from (`happening`, `offset`).
    pub via: Option<String>,
    /// Read from news convention (`news_day`) or from the verb it depends on (`governor`) rather
    /// than stated: less sure than a time the words give, drawn as such, and no article's claim
    /// in the comparisons.
    pub inferred: bool,
}

impl EventTime {
    /// Both ends known: it can be drawn.
    pub fn bounded(&self) -> bool {
        self.start.is_some() && self.end.is_some()
    }

    fn at(timex: &Timex, anchor: AnchorKind) -> Option<EventTime> {
        let (start, end, granularity) = calendar(timex)?;
        Some(EventTime {
            timex: Some(timex.id.clone()),
            until: None,
            value: Some(timex.value.clone()),
            start: Some(start),
            end: Some(end),
            granularity: Some(granularity),
            anchor,
            via: None,
            inferred: false,
        })
    }
}

/// The interval of a DATE or TIME expression that is a point on the calendar.
fn calendar(t: &Timex) -> Option<(String, String, Granularity)> {
    matches!(t.kind, TimexType::Date | TimexType::Time).then(|| interval(&t.value)).flatten()
}

/// Give each event its time (see the module doc for the order).
pub fn anchor(
    doc: &Segmented<'_>,
    events: &mut [Event],
    timexes: &[Timex],
    ranges: &[TimeRange],
    ages: &[crate::time::age::Age],
    dct: Option<&Moment>,
) {
    let text = doc.text;
    let ranges = range_times(ranges, timexes);
    let taken = taken_by_verb(text, events, timexes);
    let verbs: Vec<usize> = events.iter().filter(|e| e.kind == TriggerKind::Verbal).map(|e| e.bytes.start).collect();
    // 1. Explicit: a range, the clause, the sentence.
    for e in events.iter_mut() {
        if e.kind == TriggerKind::Age {
            e.time = ages.iter().find(|a| a.bytes == e.bytes).and_then(|a| {
                let [first, last] = a.born?;
                Some(EventTime {
                    timex: a.anchor.clone().filter(|x| x.starts_with('t')),
                    until: None,
                    value: Some(if first == last { format!("{first:04}") } else { format!("{first:04}/{last:04}") }),
                    start: Some(format!("{first:04}")),
                    end: Some(format!("{last:04}")),
                    granularity: Some(Granularity::Year),
                    anchor: AnchorKind::Age,
                    via: None,
                    inferred: false,
                })
            });
            continue;
        }
        if let Some(r) = ranges.iter().find(|r| e.clause_bytes.contains(&r.at)) {
            e.time = Some(r.time.clone());
            continue;
        }
        let near = |scope: &Range<usize>| {
            // Timexes are in text order: only those from the scope's start on can be inside it.
            // One that starts in the scope is in it: a date may run past its clause's comma
            // ("since July 24, 2003").
            let first = timexes.partition_point(|t| t.bytes.start < scope.start);
            timexes[first..]
                .iter()
                .zip(&taken[first..])
                .take_while(|(t, _)| t.bytes.start < scope.end)
                .filter(|&(t, &taken)| match taken {
                    Taken::Free => true,
                    Taken::ByVerbBefore if t.bytes.end <= e.bytes.start => false,
                    _ => e.clause_bytes.contains(&t.bytes.start),
                })
                .map(|(t, _)| t)
                .filter(|t| {
                    scope.contains(&t.bytes.start)
                        && calendar(t).is_some()
                        && governs(text, t, e)
                        && !subordinate(text, &verbs, e, t)
                })
                .min_by_key(|t| distance(&t.bytes, &e.bytes))
        };
        e.time = near(&e.clause_bytes)
            .and_then(|t| EventTime::at(t, AnchorKind::Clause))
            .or_else(|| near(&e.sentence_bytes).and_then(|t| EventTime::at(t, AnchorKind::Sentence)));
    }
    // 2. Offsets: "One year later <events>" from the date named last; "<event> comes one day
    // before <events>" from that event, once it has its time.
    let offsets = offsets(text, timexes);
    let mut offset_targets = vec![None; events.len()];
    for o in offsets.iter().filter(|o| o.from_date) {
        let sentence = doc.sentence_of(o.at);
        if sentence.is_empty() {
            continue;
        }
        let previous = doc.sentence_before(sentence.start).map_or(sentence.start, |s| s.start);
        let from = paragraph_start(text, sentence.start).max(previous);
        let upto = timexes.partition_point(|t| t.bytes.end <= o.at);
        let Some(base) = timexes[..upto]
            .iter()
            .rev()
            .take_while(|t| t.bytes.start >= from)
            .filter(|t| !standalone(text, t))
            .find_map(|t| EventTime::at(t, AnchorKind::Offset))
        else {
            continue;
        };
        for e in events.iter_mut().filter(|e| e.sentence_bytes == sentence && e.bytes.start >= o.after) {
            if e.time.is_none() {
                e.time = shifted(&base, o.shift, o.unit).map(|time| EventTime { timex: base.timex.clone(), ..time });
            }
        }
    }
    for o in offsets.iter().filter(|o| !o.from_date) {
        let reference = events.iter().rposition(|e| e.sentence_bytes.contains(&o.at) && e.bytes.end <= o.at);
        for (k, e) in events.iter().enumerate() {
            if e.sentence_bytes.contains(&o.at) && e.bytes.start >= o.after && e.time.is_none() {
                offset_targets[k] = reference.map(|r| (r, o.shift, o.unit));
            }
        }
    }
    // 3. The same happening mentioned elsewhere with a time.
    let explicit: Vec<(usize, &'static str)> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.time.as_ref().is_some_and(|t| matches!(t.anchor, AnchorKind::Clause | AnchorKind::Sentence)))
        .map(|(k, e)| (k, e.class))
        .collect();
    // By class, in text order: only mentions of the same class can be the same happening.
    let mut explicit_by_class: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for &(k, class) in &explicit {
        explicit_by_class.entry(class).or_default().push(k);
    }
    for k in 0..events.len() {
        let e = &events[k];
        // Only a class of one happening (attack, death, meeting…: `merges` in `classes.tsv`) takes
        // another mention's time: the same word of another class is as often another happening
        // ("said" twice is two sayings; "delivered" the first plane, then "deliveries" to come).
        let merges = super::lexicon::lexicon().class(e.class).merges;
        if e.time.is_some() || offset_targets[k].is_some() || e.tense == Tense::Future || !merges {
            continue;
        }
        let candidates = explicit_by_class.get(e.class).map_or(&[][..], Vec::as_slice);
        if let Some(&source) = candidates.iter().find(|j| events[**j].tense != Tense::Future) {
            let mut time = events[source].time.clone().expect("explicit events have a time");
            time.anchor = AnchorKind::Happening;
            time.via = Some(events[source].id.clone());
            events[k].time = Some(time);
        }
    }
    // Offsets now that their reference events may have a time.
    for (k, target) in offset_targets.iter().enumerate() {
        let Some((r, shift, unit)) = *target else { continue };
        let Some(base) = events[r].time.clone().filter(EventTime::bounded) else { continue };
        if let Some(mut time) = shifted(&base, shift, unit) {
            time.via = Some(events[r].id.clone());
            events[k].time = Some(time);
        }
    }
    // 4. Narrative reference time, 5. news convention, 6. tense against the creation time.
    let lede = lede_end(doc);
    // The story's day may be named in the lede or in the sentence after it (none without a lede).
    let story_reach =
        if lede == 0 { 0 } else { doc.sentences.iter().find(|s| s.start >= lede).map_or(lede, |s| s.end) };
    let story = dct.and_then(|dct| story_day(text, timexes, story_reach, dct));
    for e in events.iter_mut().filter(|e| e.time.is_none() && e.kind == TriggerKind::Verbal) {
        // A sentence that carries the story on from the one before ("He then …").
        let continued = {
            let first = text[e.sentence_bytes.clone()].split_whitespace().next().unwrap_or("");
            super::lexicon::lexicon().narrative_openings.contains(first)
        };
        if e.tense == Tense::Past && !e.past_perfect && continued {
            // The sentence before, in the same paragraph.
            let previous = doc.sentence_before(e.sentence_bytes.start).map_or(0, |s| s.start);
            let paragraph = paragraph_start(text, e.sentence_bytes.start).max(previous);
            let upto = timexes.partition_point(|t| t.bytes.end <= e.sentence_bytes.start);
            let named = timexes[..upto]
                .iter()
                .rev()
                .take_while(|t| t.bytes.start >= paragraph)
                .find(|t| calendar(t).is_some() && !standalone(text, t));
            if let Some(t) = named {
                e.time = EventTime::at(t, AnchorKind::Narrative);
                continue;
            }
        }
        let Some(dct) = dct else { continue };
        let day = iso(dct.date);
        let open = |start: Option<String>, end: Option<String>, anchor| EventTime {
            timex: None,
            until: None,
            value: None,
            start,
            end,
            granularity: None,
            anchor,
            via: None,
            inferred: false,
        };
        let whole_day = |day: String, timex, anchor, inferred| EventTime {
            timex,
            until: None,
            value: Some(day.clone()),
            start: Some(day.clone()),
            end: Some(day),
            granularity: Some(Granularity::Day),
            anchor,
            via: None,
            inferred,
        };
        let (news, timex) = story.as_ref().map_or((day.clone(), None), |(d, t)| (d.clone(), Some(t.id.clone())));
        if news_day(doc, e, lede, timexes, [&day, &news]) {
            e.time = Some(whole_day(news, timex, AnchorKind::NewsDay, true));
            continue;
        }
        e.time = match e.tense {
            Tense::Past | Tense::Perfect => Some(open(None, Some(day), AnchorKind::BeforeCreation)),
            Tense::Future => Some(open(Some(day), None, AnchorKind::AfterCreation)),
            Tense::Present => Some(whole_day(day, None, AnchorKind::CreationTime, false)),
            Tense::None => None,
        };
    }
    // 7. A verb with no tense of its own ("-ing", "to …") and no time: the time of the finite
    // verb before it in its sentence ("unveiled the device by walking onto the stage"); a noun
    // with no time: the time of the finite verb it is the object of ("made its maiden flight").
    for k in 0..events.len() {
        let e = &events[k];
        if e.time.is_some() || e.future || e.hypothetical {
            continue;
        }
        let finite = |o: &&Event| o.kind == TriggerKind::Verbal && o.tense != Tense::None;
        let governor = match e.kind {
            TriggerKind::Verbal if e.tense == Tense::None => {
                events[..k].iter().rev().take_while(|o| o.sentence_bytes == e.sentence_bytes).find(finite)
            }
            TriggerKind::Nominal => k
                .checked_sub(1)
                .map(|j| &events[j])
                .filter(finite)
                .filter(|g| g.clause_bytes == e.clause_bytes && object(text, g, e)),
            _ => None,
        };
        let Some(g) = governor else { continue };
        if g.tense == Tense::Future || g.future || g.class == "plan" {
            continue;
        }
        let Some(mut time) = g.time.clone().filter(EventTime::bounded) else { continue };
        time.anchor = AnchorKind::Governor;
        time.inferred = true;
        time.via = Some(g.id.clone());
        events[k].time = Some(time);
    }
}

/// The most words between a verb and the noun it governs as object ("made its maiden flight").
const OBJECT_WORDS: usize = 3;

/// Is the noun `e` the object of the verb `g` just before it: at most [`OBJECT_WORDS`] words
/// between them, no punctuation and none of them a preposition or conjunction
/// (`lexicon/object_breaks.txt`): "made its maiden flight", not "spoke after the attack"?
fn object(text: &str, g: &Event, e: &Event) -> bool {
    let breaks = &super::lexicon::lexicon().object_breaks;
    let between = text.get(g.bytes.end..e.bytes.start).unwrap_or("");
    let mut n = 0;
    between.split_whitespace().all(|w| {
        n += 1;
        // Lists are lower case; most words already are (no allocation then).
        let listed = if w.bytes().any(|b| b.is_ascii_uppercase()) {
            breaks.contains(&w.to_ascii_lowercase())
        } else {
            breaks.contains(w)
        };
        n <= OBJECT_WORDS && w.chars().all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')) && !listed
    })
}

/// Where the article's lede ends: after the first full sentence (three words or more, ending
/// with `.`, `!` or `?`), so that the headline and a dateline above it belong to it too; `0`
/// when there is none.
fn lede_end(doc: &Segmented<'_>) -> usize {
    doc.sentences
        .iter()
        .find(|s| {
            let t = doc.text[(*s).clone()].trim_end().trim_end_matches(['"', '”', '’', '\'', ')']);
            t.ends_with(['.', '!', '?']) && t.split_whitespace().count() >= 3
        })
        .map_or(0, |s| s.end)
}

/// How many days before the creation day the lede may date the story ([`story_day`]).
const STORY_DAYS: i32 = 7;

/// The story's day: the first day the text up to `reach` (the lede, headline and first full
/// sentence, and the sentence after it; a date alone on its line, the article's dateline, aside)
/// names that falls in the week up to the creation day ("Yesterday, … Jobs unveiled iPhone 4",
/// "Apple announced Friday …", "Boeing have unveiled their new 787 … . Sunday was chosen as its
/// date"), with its time expression; `None` when it names none or names the creation day itself,
/// and the news day is the creation day. (Reaching the sentence after the lede took MEANTIME
/// anchoring from 65.86 to 67.87 and SemEval corpus_1's dated-event F1 from 24.77 to 26.10;
/// reaching two or three sentences after it changed nothing more.)
fn story_day<'t>(text: &str, timexes: &'t [Timex], reach: usize, dct: &Moment) -> Option<(String, &'t Timex)> {
    let earliest = iso(add_days(dct.date, -STORY_DAYS)?);
    let created = iso(dct.date);
    timexes
        .iter()
        .take_while(|t| t.bytes.end <= reach)
        .filter(|t| !standalone(text, t))
        .find_map(|t| {
            let (start, end, _) = calendar(t)?;
            let day = start.get(..10)?;
            (end.get(..10) == Some(day) && day >= earliest.as_str() && day <= created.as_str())
                .then(|| (day.to_string(), t))
        })
        .filter(|(day, _)| *day != created)
}

/// News convention (`news_day`): an event that nothing else dates, told in the simple past or
/// the present perfect (not "had …", not future, hedged or hypothetical), took place on the news
/// day ([`story_day`], else the creation day) when it is a reporting act ("said", "announced":
/// class `statement`) outside quotation marks, when it stands in the lede and is not someone's
/// account, or when it is a listed verb in the simple past that is no one's account ("Jobs
/// demoed the widget"). Not in a background stretch: the sentence before it in its paragraph
/// (for a bare past verb, even across a paragraph break) names a date that ends before `days`
/// (the creation day and the news day).
fn news_day(doc: &Segmented<'_>, e: &Event, lede: usize, timexes: &[Timex], days: [&str; 2]) -> bool {
    // A headline tells the news in the present ("Apple unveils iPhone 4").
    let headline = e.tense == Tense::Present && doc.sentences.first().is_some_and(|s| *s == e.sentence_bytes);
    if !(matches!(e.tense, Tense::Past | Tense::Perfect) || headline) || e.past_perfect || e.future || e.hypothetical {
        return false;
    }
    let quoted = e.cues.iter().any(|c| c.kind == super::CueKind::Reported && c.text == "“…”");
    let reporting = e.class == "statement" && !quoted;
    let in_lede = e.sentence_bytes.end <= lede && !e.reported;
    let told = e.tense == Tense::Past && matches!(e.rule, "verb" | "past_ed") && !e.reported;
    if !(reporting || in_lede || told) {
        return false;
    }
    // A reporting act in the present perfect ("Airbus has said …") is news whatever the
    // sentence before tells.
    if reporting && e.tense == Tense::Perfect {
        return true;
    }
    // The sentence before, in the same paragraph: does it name another date?
    let text = doc.text;
    let Some(previous) = doc.sentence_before(e.sentence_bytes.start) else { return true };
    // A bare past verb is weaker evidence: the sentence before counts across a paragraph break
    // too ("He graduated in 1992.\n\nHe then joined the ministry.").
    if (reporting || in_lede) && previous.start < paragraph_start(text, e.sentence_bytes.start) {
        return true;
    }
    let first = timexes.partition_point(|t| t.bytes.start < previous.start);
    !timexes[first..]
        .iter()
        .take_while(|t| t.bytes.start < previous.end)
        .filter_map(calendar)
        .any(|(_, end, _)| days.iter().all(|day| ends_before(&end, day)))
}

/// Does an interval ending at the ISO prefix `end` end before the day `day` (`YYYY-MM-DD`)?
fn ends_before(end: &str, day: &str) -> bool {
    let e = end.get(..end.len().min(10)).unwrap_or(end);
    day.get(..e.len()).is_some_and(|d| d > e)
}

/// The most words between a reporting verb and a time expression after it that dates the
/// reporting ("said on Thursday").
const REPORT_WORDS: usize = 2;

/// Does time expression `t` of `e`'s clause or sentence date `e`? A possessive one ("last week's
/// European Council", "Monday's attack") dates the noun phrase it opens, not the clause: it
/// governs only an event within the next three words. One after a reporting verb dates it only
/// right after it, before any "that" (`REPORT_WORDS`).
fn governs(text: &str, t: &Timex, e: &Event) -> bool {
    // A reporting verb's own time stands before it or right after it ("said on Thursday",
    // "announced Friday that"); one further on dates what was said ("said that it sold 13.7
    // million Macs last year").
    if e.class == "statement" && e.kind == TriggerKind::Verbal && t.bytes.start >= e.bytes.end {
        let mut between = text[e.bytes.end..t.bytes.start].split_whitespace();
        let near = between.clone().nth(REPORT_WORDS).is_none()
            && between.all(|w| !w.eq_ignore_ascii_case("that") && w.chars().all(char::is_alphabetic));
        if !near {
            return false;
        }
    }
    // Tokenized text may set the possessive apart ("year 's").
    let after = text[t.bytes.end..].trim_start_matches(' ');
    let possessive = after.starts_with("'s") || after.starts_with("’s");
    // Between an article and a noun a time modifies the noun ("violated the 1991 agreement"),
    // unless the noun phrase is a preposition's, which places the clause in time ("In a July 16
    // press conference, Jobs said").
    let mut before = text[..t.bytes.start].split_whitespace().rev().map(str::to_ascii_lowercase);
    let article =
        before.next().is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her"));
    let prenominal = article
        && after.starts_with(|c: char| c.is_ascii_lowercase())
        && !before.next().is_some_and(|w| super::lexicon::lexicon().object_breaks.contains(&w));
    if !possessive && !prenominal {
        return true;
    }
    e.bytes.start >= t.bytes.end && text[t.bytes.end..e.bytes.start].split_whitespace().count() <= 3
}

/// Words that open a clause inside another: a verb after one of them is that clause's.
const SUBORDINATORS: &[&str] = &["that", "which", "who", "when", "where", "whether", "if", "to"];

/// Is time expression `t`, after event `e`, in a clause below `e`'s, with a verb of its own
/// there ("It is expected that the plane will arrive on November 11", "will display the
/// aircraft they intend to launch in November 2006")? Then it dates that verb, not `e`.
/// `verbs` are the starts of the verbal triggers, in text order.
fn subordinate(text: &str, verbs: &[usize], e: &Event, t: &Timex) -> bool {
    if t.bytes.start < e.bytes.end {
        return false;
    }
    let between = &text[e.bytes.end..t.bytes.start];
    let mut words = between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let Some(word) = words.find(|w| SUBORDINATORS.iter().any(|s| s.eq_ignore_ascii_case(w))) else { return false };
    // `word` borrows from `between`: its offset in the text.
    let start = e.bytes.end + (word.as_ptr() as usize - between.as_ptr() as usize);
    let first = verbs.partition_point(|&v| v < start);
    verbs.get(first).is_some_and(|&v| v < t.bytes.start)
}

/// Whether a verb of its own clause takes a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Taken {
    /// No verb in its clause, or only verbs after it in the sentence's first clause: the time
    /// can date the sentence ("On Monday, police said").
    Free,
    /// Only a verb after it in its clause, not the sentence's first: it dates its clause, not
    /// the others of its sentence ("…, begun two years ago, has been pushed back").
    ByClause,
    /// A verb before it in its clause: it dates that verb, not the events after it ("fought
    /// cancer in 2004 and took six months off in early 2009": "in 2004" is the fighting's).
    ByVerbBefore,
}

/// For each time expression, which verb of its clause takes it ([`Taken`]).
fn taken_by_verb(text: &str, events: &[Event], timexes: &[Timex]) -> Vec<Taken> {
    timexes
        .iter()
        .map(|t| {
            let clause = super::clause_of(text, &t.sentence_bytes, t.bytes.start);
            // Events are in text order: look from the clause's start on.
            let first = events.partition_point(|e| e.bytes.start < clause.start);
            let mut verbs = events[first..]
                .iter()
                .take_while(|e| e.bytes.start < clause.end)
                .filter(|e| e.kind == TriggerKind::Verbal);
            match verbs.next() {
                None => Taken::Free,
                Some(v) if v.bytes.end <= t.bytes.start => Taken::ByVerbBefore,
                // The sentence's first clause sets the scene for the rest ("Today … an attacker
                // started firing, as a result of which the ambassador was wounded").
                Some(_) if clause.start == t.sentence_bytes.start => Taken::Free,
                Some(_) => Taken::ByClause,
            }
        })
        .collect()
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// A date alone on its line is a dateline: it dates the article, not the narrative.
fn standalone(text: &str, t: &Timex) -> bool {
    text[t.sentence_bytes.clone()].trim().len() <= t.bytes.len() + 6
}

/// Where the paragraph holding byte `at` begins (after the last blank line).
fn paragraph_start(text: &str, at: usize) -> usize {
    text[..at].rfind("\n\n").map_or(0, |i| i + 2)
}

/// A range of the time stage ([`crate::time::range`]) as an event time, kept at the point where
/// it starts: a range governs the clause it stands in.
struct RangeTime {
    at: usize,
    time: EventTime,
}

fn range_times(ranges: &[TimeRange], timexes: &[Timex]) -> Vec<RangeTime> {
    let by_id = |id: &str| timexes.iter().find(|t| t.id == id);
    ranges
        .iter()
        .filter_map(|r| {
            let (a, b) = (by_id(&r.start)?, by_id(&r.end)?);
            let (Some((start, _, ga)), Some((_, end, gb))) = (calendar(a), calendar(b)) else { return None };
            (start <= end).then(|| RangeTime {
                at: a.bytes.start,
                time: EventTime {
                    timex: Some(a.id.clone()),
                    until: Some(b.id.clone()),
                    value: Some(format!("{}/{}", a.value, b.value)),
                    start: Some(start),
                    end: Some(end),
                    granularity: Some(ga.min(gb)),
                    anchor: AnchorKind::Range,
                    via: None,
                    inferred: false,
                },
            })
        })
        .collect()
}

/// A duration that places the events after it from a reference: an event before it in its
/// sentence ("one day before"), or the date last named ("One year later"; "three days earlier"
/// is the time stage's, a date of its own).
struct Offset {
    /// Where the duration starts.
    at: usize,
    /// Where the events it places begin (after "before", "after" or "later").
    after: usize,
    /// Signed count: positive when the later events come after the reference.
    shift: i32,
    unit: char,
    /// "later": the reference is the date named last before it, in its sentence or the one
    /// before in its paragraph; else the event before it in its sentence.
    from_date: bool,
}

/// "one day before", "a year after", "two years later": a duration followed by "before",
/// "after" or "later" (not "later than", a comparison).
fn offsets(text: &str, timexes: &[Timex]) -> Vec<Offset> {
    timexes
        .iter()
        .filter(|t| t.kind == TimexType::Duration)
        .filter_map(|t| {
            let v = t.value.strip_prefix('P')?;
            let unit = v.chars().last()?;
            let n: i32 = v[..v.len() - 1].parse().ok()?;
            if !matches!(unit, 'D' | 'W' | 'M' | 'Y') {
                return None;
            }
            let rest = &text[t.bytes.end..];
            let trimmed = rest.trim_start();
            let word: String = trimmed.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
            let (shift, from_date) = match word.as_str() {
                "before" => (n, false),
                "after" => (-n, false),
                "later" => (n, true),
                _ => return None,
            };
            let after = t.bytes.end + (rest.len() - trimmed.len()) + word.len();
            if from_date && text[after..].trim_start().starts_with("than") {
                return None;
            }
            Some(Offset { at: t.bytes.start, after, shift, unit, from_date })
        })
        .collect()
}

/// `base` moved by `shift` units; the result is no finer than the unit.
fn shifted(base: &EventTime, shift: i32, unit: char) -> Option<EventTime> {
    let start = base.start.as_deref()?;
    let year: i32 = start.get(..4)?.parse().ok()?;
    let month: Option<u8> = start.get(5..7).and_then(|m| m.parse().ok());
    let day: Option<u8> = start.get(8..10).and_then(|d| d.parse().ok());
    let (value, granularity) = match (unit, month, day) {
        ('D' | 'W', Some(m), Some(d)) => {
            let days = if unit == 'W' { shift * 7 } else { shift };
            (iso(add_days(date(year, m, d)?, days)?), Granularity::Day)
        }
        ('M', Some(m), _) | ('D' | 'W', Some(m), None) if unit == 'M' => {
            let months = year * 12 + i32::from(m) - 1 + shift;
            (format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1), Granularity::Month)
        }
        ('Y', _, _) => (format!("{:04}", year + shift), Granularity::Year),
        _ => return None,
    };
    Some(EventTime {
        timex: None,
        until: None,
        value: Some(value.clone()),
        start: Some(value.clone()),
        end: Some(value),
        granularity: Some(granularity),
        anchor: AnchorKind::Offset,
        via: None,
        inferred: false,
    })
}
