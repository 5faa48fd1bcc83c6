//! One timeline for the whole analysis: every dated expression placed on a real time axis.
//!
//! Until events exist, entries are the calendar values of the documents' DATE and TIME
//! expressions; the same value found in several places (or several articles) is one entry that
//! lists all of them. Values that are not calendar points (`XXXX-…`, durations) stay off the
//! axis.

use crate::time::lexicon::lexicon;
use crate::DocumentAnalysis;
use serde::Serialize;

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

/// A reference to one time expression of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimexRef {
    /// Document id (`d1`).
    pub document: String,
    /// Timex id within it (`t3`).
    pub timex: String,
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
    /// Every expression with this value.
    pub timexes: Vec<TimexRef>,
}

/// The longest label, in characters.
const LABEL_CHARS: usize = 100;

/// Assemble the timeline of all documents, ordered by start (then by granularity, coarse first).
pub fn assemble(documents: &[DocumentAnalysis]) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for doc in documents {
        for t in &doc.timexes {
            let Some((start, end, granularity)) = interval(&t.value) else {
                continue;
            };
            let at = TimexRef { document: doc.id.clone(), timex: t.id.clone() };
            match entries.iter_mut().find(|e| e.value == t.value) {
                Some(e) => e.timexes.push(at),
                None => entries.push(Entry {
                    start,
                    end,
                    granularity,
                    label: label(&doc.text[t.sentence_bytes.clone()]),
                    value: t.value.clone(),
                    timexes: vec![at],
                }),
            }
        }
    }
    entries.sort_by(|a, b| a.start.cmp(&b.start).then(a.granularity.cmp(&b.granularity)));
    entries
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
                let week: i8 = w[1..].parse().ok()?;
                let monday =
                    jiff::civil::ISOWeekDate::new(year.parse().ok()?, week, jiff::civil::Weekday::Monday).ok()?.date();
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
        let a = crate::DocumentInput::new("a", "He arrived on December 19, 2016. He had joined in 1976.");
        let b = crate::DocumentInput::new("b", "The attack came on 19 December 2016.");
        let analysis = crate::analyze(&[a, b]).unwrap();
        let starts: Vec<&str> = analysis.timeline.iter().map(|e| e.start.as_str()).collect();
        assert_eq!(starts, ["1976", "2016-12-19"]);
        assert_eq!(analysis.timeline[1].timexes.len(), 2);
        assert_eq!(analysis.timeline[0].label, "He had joined in 1976.");
    }
}
