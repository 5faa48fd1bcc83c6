//! One timeline for the whole analysis: every dated event and expression placed on a real time
//! axis.
//!
//! Events with a bounded time make the entries: mentions of one happening (the same class of
//! happening, e.g. "shot dead", "the killing", "the assassination", at the same time, in any of
//! the articles, or mentions in one sentence at one time) are one entry listing all of them,
//! labelled from its clearest mention. Negated events, reporting verbs, and general verbs dated
//! only by their tense stay off (`src/events/lexicon/classes.tsv`). The calendar values of DATE and TIME expressions that
//! no event rests on are entries too, with no events, so nothing dated is lost. Values that
//! are not calendar points (`XXXX-…`, durations) stay off the axis. Each entry belongs to a
//! group: `background` (before the story day), `story` (the story day, or a period holding it)
//! or `scheduled` (after it).

use crate::events::AnchorKind;
use crate::time::lexicon::lexicon;
use crate::DocumentAnalysis;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How precise an entry is; it decides how wide the entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Ten years (`199` is the 1990s).
    Decade,
    /// A calendar year.
    Year,
    /// A season (`2016-SU`), drawn over its months.
    Season,
    /// A quarter (`2016-Q3`).
    Quarter,
    /// A calendar month.
    Month,
    /// An ISO week (`2016-W51`), Monday to Sunday, or its weekend.
    Week,
    /// A day.
    Day,
    /// Morning, afternoon, evening or night of a day.
    PartOfDay,
    /// A clock time.
    Minute,
}

impl Granularity {
    /// The name the JSON uses (`part_of_day`).
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Decade => "decade",
            Granularity::Year => "year",
            Granularity::Season => "season",
            Granularity::Quarter => "quarter",
            Granularity::Month => "month",
            Granularity::Week => "week",
            Granularity::Day => "day",
            Granularity::PartOfDay => "part_of_day",
            Granularity::Minute => "minute",
        }
    }
}

/// A reference to one time expression of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimexRef {
    /// Document id (`d1`).
    pub document: String,
    /// Timex id within it (`t3`).
    pub timex: String,
}

/// A reference to one event of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRef {
    /// Document id (`d1`).
    pub document: String,
    /// Event id within it (`v3`).
    pub event: String,
}

/// Where an entry stands against the story day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Before the story day.
    Background,
    /// On the story day, or a period that holds it.
    Story,
    /// After the story day.
    Scheduled,
}

impl Group {
    /// The name the JSON uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Background => "background",
            Group::Story => "story",
            Group::Scheduled => "scheduled",
        }
    }
}

/// One place on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// First instant, as an ISO 8601 prefix at the entry's granularity (`1976`, `2013-07`,
    /// `2016-12-19`, `2016-12-19T18:00`).
    pub start: String,
    /// Last instant, same form, inclusive (`2016-12-19T21:59` for an evening).
    pub end: String,
    /// How precise the entry is.
    pub granularity: Granularity,
    /// A short label: the beginning of the first sentence that mentions it.
    pub label: String,
    /// The TIMEX3 value shared by its expressions.
    pub value: String,
    /// Every expression with this value (for an event entry: those its events rest on).
    pub timexes: Vec<TimexRef>,
    /// The event mentions merged into this entry; empty for a bare date.
    pub events: Vec<EventRef>,
    /// The kind of happening (`attack`, `meeting`, …), or `null` for a bare date.
    pub class: Option<&'static str>,
    /// Background, story day, or scheduled.
    pub group: Group,
    /// True when no mention states it flatly: every one is reported, hypothetical or future.
    pub uncertain: bool,
    /// True when every mention's time is read from news convention rather than stated
    /// (`news_day`): the page draws it as inferred.
    pub inferred: bool,
}

/// The longest label, in characters.
const LABEL_CHARS: usize = 100;

/// Assemble the timeline of all documents, ordered by start (then by granularity, coarse first).
pub fn assemble(documents: &[DocumentAnalysis]) -> Vec<Entry> {
    let story_day = story_day(documents);
    let mut entries: Vec<Entry> = Vec::new();
    // Beside each entry: its mentions as (document, event index), and the best one so far
    // (verbal and flatly stated, document, event index).
    let mut members: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut best: Vec<(bool, usize, usize)> = Vec::new();
    // Entries by their interval: only entries with the same start and end can be one happening.
    let mut by_interval: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (d, doc) in documents.iter().enumerate() {
        for (k, e) in doc.events.iter().enumerate() {
            // A verb dated only by the verb it depends on (`governor`) is part of that one's entry.
            let Some(time) = e.time.as_ref().filter(|t| t.bounded() && t.anchor != AnchorKind::Governor) else {
                continue;
            };
            let class = crate::events::lexicon::lexicon().class(e.class);
            let dated = !matches!(time.anchor, AnchorKind::CreationTime | AnchorKind::NewsDay | AnchorKind::Happening);
            if !e.positive || class.timeline.is_none() || (class.timeline == Some(false) && !dated) {
                continue;
            }
            let (start, end) = (time.start.clone().unwrap_or_default(), time.end.clone().unwrap_or_default());
            let granularity = time.granularity.unwrap_or(Granularity::Day);
            let flat = !(e.reported || e.hypothetical || e.future);
            let clear = flat && e.kind != crate::events::TriggerKind::Nominal;
            let at = EventRef { document: doc.id.clone(), event: e.id.clone() };
            let timexes: Vec<TimexRef> = [&time.timex, &time.until]
                .into_iter()
                .flatten()
                .map(|t| TimexRef { document: doc.id.clone(), timex: t.clone() })
                .collect();
            let same = |i: &usize| {
                entries[*i].class.is_some()
                    && members[*i].iter().any(|&(od, ok)| {
                        let o = &documents[od].events[ok];
                        let same_sentence = od == d && o.sentence_bytes == e.sentence_bytes;
                        (same_sentence && !class.merges) || (o.class == e.class && (class.merges || o.lemma == e.lemma))
                    })
            };
            let key = (start, end);
            match by_interval.get(&key).and_then(|ix| ix.iter().find(|i| same(i)).copied()) {
                Some(i) => {
                    let x = &mut entries[i];
                    x.events.push(at);
                    members[i].push((d, k));
                    for t in timexes {
                        if !x.timexes.contains(&t) {
                            x.timexes.push(t);
                        }
                    }
                    x.uncertain &= !flat;
                    x.inferred &= time.inferred;
                    if clear && !best[i].0 {
                        best[i] = (true, d, k);
                    }
                }
                None => {
                    by_interval.entry(key.clone()).or_default().push(entries.len());
                    let (start, end) = key;
                    entries.push(Entry {
                        group: group(&start, &end, story_day.as_deref()),
                        start,
                        end,
                        granularity,
                        label: String::new(),
                        value: time.value.clone().unwrap_or_default(),
                        timexes,
                        events: vec![at],
                        class: Some(e.class),
                        uncertain: !flat,
                        inferred: time.inferred,
                    });
                    members.push(vec![(d, k)]);
                    best.push((clear, d, k));
                }
            }
        }
    }
    for (x, &(_, d, k)) in entries.iter_mut().zip(&best) {
        x.label = documents[d].events[k].label.clone();
    }
    // Dates that no event rests on.
    let used: HashSet<(String, String)> =
        entries.iter().flat_map(|e| &e.timexes).map(|t| (t.document.clone(), t.timex.clone())).collect();
    let mut bare: HashMap<String, usize> = HashMap::new();
    for (d, doc) in documents.iter().enumerate() {
        for t in &doc.timexes {
            let Some((start, end, granularity)) = interval(&t.value) else {
                continue;
            };
            // Used by an event, or its sentence already has an event entry at this time.
            let covered = used.contains(&(doc.id.clone(), t.id.clone()))
                || by_interval.get(&(start.clone(), end.clone())).is_some_and(|ix| {
                    ix.iter().any(|&i| {
                        members[i].iter().any(|&(od, ok)| od == d && doc.events[ok].sentence_bytes == t.sentence_bytes)
                    })
                });
            if covered {
                continue;
            }
            let at = TimexRef { document: doc.id.clone(), timex: t.id.clone() };
            match bare.get(&t.value) {
                Some(&i) => entries[i].timexes.push(at),
                None => {
                    bare.insert(t.value.clone(), entries.len());
                    entries.push(Entry {
                        group: group(&start, &end, story_day.as_deref()),
                        start,
                        end,
                        granularity,
                        label: label(&doc.text[t.sentence_bytes.clone()]),
                        value: t.value.clone(),
                        timexes: vec![at],
                        events: Vec::new(),
                        class: None,
                        uncertain: false,
                        inferred: false,
                    })
                }
            }
        }
    }
    entries.sort_by(|a, b| a.start.cmp(&b.start).then(a.granularity.cmp(&b.granularity)));
    entries
}

/// The day the story happens: the creation date most documents share, else the day most
/// event mentions fall on.
pub fn story_day(documents: &[DocumentAnalysis]) -> Option<String> {
    fn count(days: &mut Vec<(String, usize)>, day: &str) {
        match days.iter_mut().find(|(d, _)| d == day) {
            Some((_, n)) => *n += 1,
            None => days.push((day.to_string(), 1)),
        }
    }
    let mut days: Vec<(String, usize)> = Vec::new();
    for doc in documents {
        if let Some(day) = doc.creation_time.value.as_deref().and_then(|v| v.get(..10)) {
            count(&mut days, day);
        }
    }
    if days.is_empty() {
        for e in documents.iter().flat_map(|d| &d.events) {
            if let Some(day) = e.time.as_ref().and_then(|t| t.start.as_deref()).and_then(|s| s.get(..10)) {
                count(&mut days, day);
            }
        }
    }
    // The first of the most frequent.
    let most = days.iter().map(|(_, n)| *n).max()?;
    days.into_iter().find(|(_, n)| *n == most).map(|(d, _)| d)
}

/// Background, story day or scheduled, comparing ISO prefixes at the coarser precision.
pub fn group(start: &str, end: &str, story_day: Option<&str>) -> Group {
    let Some(day) = story_day else { return Group::Story };
    let cut = |a: &str, b: &str| {
        let n = a.len().min(b.len()).min(10);
        (a[..n].to_string(), b[..n].to_string())
    };
    let (end, d) = cut(end, day);
    if end < d {
        return Group::Background;
    }
    let (start, d) = cut(start, day);
    if start > d {
        Group::Scheduled
    } else {
        Group::Story
    }
}

/// The inclusive interval and granularity of a calendar TIMEX3 value; `None` for values that
/// are not points on the calendar.
pub fn interval(value: &str) -> Option<(String, String, Granularity)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (date, time) = value.split_once('T').unwrap_or((value, ""));
    let parts: Vec<&str> = date.split('-').collect();
    if parts[0].len() == 3 && parts.len() == 1 && digits(parts[0]) {
        let d = parts[0];
        return Some((format!("{d}0"), format!("{d}9"), Granularity::Decade));
    }
    if parts[0].len() != 4 || !digits(parts[0]) {
        return None;
    }
    let year = parts[0];
    let point = |g| Some((value.to_string(), value.to_string(), g));
    if !parts[1..].iter().all(|p| digits(p)) {
        return match (parts.len(), parts[1]) {
            (2, q) if q.len() == 2 && q.starts_with('Q') => {
                let n: u8 = q[1..].parse().ok().filter(|n| (1..=4).contains(n))?;
                Some((format!("{year}-{:02}", n * 3 - 2), format!("{year}-{:02}", n * 3), Granularity::Quarter))
            }
            (2 | 3, w) if w.len() == 3 && w.starts_with('W') && digits(&w[1..]) => {
                let week: u8 = w[1..].parse().ok()?;
                let monday = crate::time::calendar::iso_week_monday(year.parse().ok()?, week)?;
                let weekend = parts.get(2) == Some(&"WE");
                if parts.len() == 3 && !weekend {
                    return None;
                }
                let (first, last) = if weekend { (5, 6) } else { (0, 6) };
                let day = |n: i32| crate::time::calendar::add_days(monday, n).map(crate::time::calendar::iso);
                Some((day(first)?, day(last)?, Granularity::Week))
            }
            (2, season) => {
                let (first, last) = match season {
                    "SP" => (3, 5),
                    "SU" => (6, 8),
                    "FA" => (9, 11),
                    "WI" => (12, 14),
                    _ => return None,
                };
                let month = |m: u8| {
                    let y: i32 = year.parse().unwrap_or(0) + i32::from(m > 12);
                    format!("{y:04}-{:02}", (m - 1) % 12 + 1)
                };
                Some((month(first), month(last), Granularity::Season))
            }
            _ => None,
        };
    }
    match (parts.len(), time) {
        (1, "") => point(Granularity::Year),
        (2, "") => point(Granularity::Month),
        (3, "") => point(Granularity::Day),
        // TIMEX3 writes midnight at the end of a day as T24:00; the axis wants the next day's 00:00.
        (3, "24:00") => {
            let (y, m, d) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
            let next = crate::time::calendar::add_days(crate::time::calendar::date(y, m, d)?, 1)?;
            let at = format!("{}T00:00", crate::time::calendar::iso(next));
            Some((at.clone(), at, Granularity::Minute))
        }
        (3, t) if t.len() == 5 && t.as_bytes()[2] == b':' => point(Granularity::Minute),
        (3, code) => {
            let part = lexicon().part_of_day(code)?;
            Some((format!("{date}T{}", part.start), format!("{date}T{}", part.end), Granularity::PartOfDay))
        }
        _ => None,
    }
}

fn label(sentence: &str) -> String {
    let s = sentence.trim();
    if s.chars().count() <= LABEL_CHARS {
        return s.to_string();
    }
    let cut: String = s.chars().take(LABEL_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_examples() {
        use Granularity::*;
        let table = [
            ("1976", Some(("1976", "1976", Year))),
            ("2013-07", Some(("2013-07", "2013-07", Month))),
            ("2016-12-19", Some(("2016-12-19", "2016-12-19", Day))),
            ("2016-12-19T20:43", Some(("2016-12-19T20:43", "2016-12-19T20:43", Minute))),
            ("2016-12-19TEV", Some(("2016-12-19T18:00", "2016-12-19T21:59", PartOfDay))),
            ("2016-12-31T24:00", Some(("2017-01-01T00:00", "2017-01-01T00:00", Minute))),
            ("199", Some(("1990", "1999", Decade))),
            ("2016-Q3", Some(("2016-07", "2016-09", Quarter))),
            ("2016-SU", Some(("2016-06", "2016-08", Season))),
            ("2016-WI", Some(("2016-12", "2017-02", Season))),
            ("2016-W51", Some(("2016-12-19", "2016-12-25", Week))),
            ("2016-W51-WE", Some(("2016-12-24", "2016-12-25", Week))),
            ("2016-Q5", None),
            ("XXXX-12-19", None),
            ("XXXX-WXX-1", None),
            ("P3D", None),
            ("PRESENT_REF", None),
        ];
        for (value, expected) in table {
            let got = interval(value);
            let expected = expected.map(|(s, e, g)| (s.to_string(), e.to_string(), g));
            assert_eq!(got, expected, "{value}");
        }
    }

    #[test]
    fn same_value_across_documents_is_one_entry() {
        let a = crate::DocumentInput::new("a", "Karlov was shot on December 19, 2016. He had joined in 1976.");
        let b = crate::DocumentInput::new("b", "The shooting came on 19 December 2016.");
        let c = crate::DocumentInput::new("c", "Markets were calm on 19 December 2016.");
        let analysis = crate::analyze(&[a, b, c]).unwrap();
        let starts: Vec<&str> = analysis.timeline.iter().map(|e| e.start.as_str()).collect();
        assert_eq!(starts, ["1976", "2016-12-19", "2016-12-19"]);
        let joined = &analysis.timeline[0];
        assert_eq!((joined.label.as_str(), joined.class), ("He joined", Some("career")));
        let shot = analysis.timeline.iter().find(|e| e.class == Some("attack")).unwrap();
        assert_eq!(shot.events.len(), 2, "one happening, two articles");
        assert_eq!(shot.timexes.len(), 2);
        assert_eq!(shot.label, "Karlov shot");
        // A date no event rests on is still on the timeline, with no events.
        let bare = analysis.timeline.iter().find(|e| e.class.is_none()).unwrap();
        assert_eq!((bare.label.as_str(), bare.events.len()), ("Markets were calm on 19 December 2016.", 0));
    }

    #[test]
    fn group_examples() {
        use Group::*;
        let day = Some("2016-12-19");
        let table = [
            (("1976", "1976"), Background),
            (("2016-12-18", "2016-12-18"), Background),
            (("2016", "2016"), Story),
            (("2016-12-19T18:00", "2016-12-19T21:59"), Story),
            (("2016-12-20", "2016-12-20"), Scheduled),
            (("2017-01", "2017-01"), Scheduled),
        ];
        for ((start, end), expected) in table {
            assert_eq!(group(start, end, day), expected, "{start}..{end}");
        }
        assert_eq!(group("1976", "1976", None), Story);
        for g in [Background, Story, Scheduled] {
            assert_eq!(serde_json::to_value(g).unwrap(), g.as_str());
        }
        for g in [Granularity::Decade, Granularity::PartOfDay, Granularity::Minute] {
            assert_eq!(serde_json::to_value(g).unwrap(), g.as_str());
        }
    }
}
