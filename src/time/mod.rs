//! Time expressions: found by the [`grammar`], resolved against the document's creation time,
//! and normalized to TIMEX3 values.
//!
//! Extract first, resolve later: [`extract`] reads what each expression says (a
//! [`grammar::Point`] with only the stated parts), [`resolve`] fills the rest from the reference
//! time and writes the TIMEX3 value. The engine never reads the clock.

pub mod calendar;
pub mod creation;
pub mod grammar;
pub mod lexicon;

pub use calendar::Moment;
pub use creation::CreationTime;
pub use grammar::{Candidate, Point};

use crate::text::{Segmented, Span};
use serde::Serialize;
use std::ops::Range;

/// The four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("December 19", "July 2013", "1976").
    Date,
    /// A time of day ("20:43 EET", "Monday evening").
    Time,
    /// A length of time ("two years").
    Duration,
    /// A recurrence ("every Monday").
    Set,
}

impl TimexType {
    /// The TimeML spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A resolved time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// `t1`, `t2`, … in text order.
    pub id: String,
    /// UTF-16 span in the document text.
    pub span: Span,
    /// The words, as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`2016-12-19`, `2013-07`, `XXXX-WXX-1`, `2016-12-19TEV`).
    pub value: String,
    /// TIMEX3 `mod` (`START`, `APPROX`, …), if any.
    #[serde(rename = "mod")]
    pub modifier: Option<&'static str>,
    /// What the value was resolved against: `creation_time`, or `null` when the expression was
    /// complete on its own or nothing could anchor it.
    pub anchor: Option<&'static str>,
    /// The grammar rule(s) that found it.
    pub rule: String,
    /// UTF-16 span of the sentence it stands in.
    pub sentence: Span,
    /// Byte range in the document text (for the exporters).
    #[serde(skip)]
    pub bytes: Range<usize>,
    /// Byte range of its sentence.
    #[serde(skip)]
    pub sentence_bytes: Range<usize>,
}

/// Something wrong with an expression the text states, e.g. an impossible date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Warning code: `impossible_date`, `weekday_mismatch`.
    pub code: &'static str,
    /// One human sentence.
    pub message: String,
    /// Where.
    pub bytes: Range<usize>,
}

/// The output of [`resolve`].
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Time expressions with values.
    pub timexes: Vec<Timex>,
    /// Expressions that could not be given a value, and inconsistencies.
    pub problems: Vec<Problem>,
}

/// Find the time expressions of a text, unresolved.
pub fn extract(doc: &Segmented<'_>) -> Vec<Candidate> {
    grammar::extract(doc.text)
}

/// Give each candidate its TIMEX3 type and value, resolving what it leaves open against the
/// creation time `dct` (if there is none, relative parts stay `X`).
pub fn resolve(doc: &Segmented<'_>, candidates: Vec<Candidate>, dct: Option<&Moment>) -> Resolved {
    let mut out = Resolved::default();
    for c in candidates {
        let written = &doc.text[c.bytes.clone()];
        match normalize(&c.point, dct) {
            Ok(n) => {
                if let Some(message) = n.weekday_mismatch {
                    out.problems.push(Problem {
                        code: "weekday_mismatch",
                        message: format!("“{written}”: {message}"),
                        bytes: c.bytes.clone(),
                    });
                }
                let kind = if c.point.has_clock() {
                    TimexType::Time
                } else {
                    TimexType::Date
                };
                out.timexes.push(Timex {
                    id: format!("t{}", out.timexes.len() + 1),
                    span: doc.span(c.bytes.clone()),
                    text: written.to_string(),
                    kind,
                    value: n.value,
                    modifier: None,
                    anchor: n.anchored.then_some("creation_time"),
                    rule: c.rule,
                    sentence: doc.span(doc.sentence_of(c.bytes.start)),
                    sentence_bytes: doc.sentence_of(c.bytes.start),
                    bytes: c.bytes,
                });
            }
            Err(why) => out.problems.push(Problem {
                code: "impossible_date",
                message: format!("“{written}” is not a real date ({why}); it was left out."),
                bytes: c.bytes,
            }),
        }
    }
    out
}

struct Normalized {
    value: String,
    anchored: bool,
    weekday_mismatch: Option<String>,
}

/// The TIMEX3 value of a point, or why it has none.
fn normalize(p: &Point, dct: Option<&Moment>) -> Result<Normalized, String> {
    let mut anchored = false;
    let mut weekday_mismatch = None;
    let impossible = |m: u8, d: u8| format!("{} has no day {d}", month_name(m));
    let mut value = match (p.year, p.month, p.day) {
        (Some(y), Some(m), Some(d)) => {
            let date = calendar::date(y, m, d).ok_or_else(|| impossible(m, d))?;
            if let Some(w) = p.weekday.filter(|&w| w != calendar::iso_weekday(date)) {
                weekday_mismatch = Some(format!(
                    "{} was a {}, not a {}",
                    calendar::iso(date),
                    calendar::weekday_name(calendar::iso_weekday(date)),
                    calendar::weekday_name(w)
                ));
            }
            calendar::iso(date)
        }
        (None, Some(m), Some(d)) => {
            // Check against a leap year: only days no year has are impossible here.
            calendar::date(2000, m, d).ok_or_else(|| impossible(m, d))?;
            match dct {
                Some(dct) => {
                    anchored = true;
                    let year = nearest_year(dct, m);
                    let date = calendar::date(year, m, d)
                        .ok_or_else(|| format!("{year} has no {} {d}", month_name(m)))?;
                    calendar::iso(date)
                }
                None => format!("XXXX-{m:02}-{d:02}"),
            }
        }
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), None, None) => format!("{y:04}"),
        _ => match (p.day_offset, p.weekday, dct) {
            (Some(offset), _, Some(dct)) => {
                anchored = true;
                calendar::iso(
                    calendar::add_days(dct.date, offset).ok_or("out of the calendar's range")?,
                )
            }
            (None, Some(w), Some(dct)) => {
                anchored = true;
                calendar::iso(
                    calendar::weekday_on_or_before(dct.date, w)
                        .ok_or("out of the calendar's range")?,
                )
            }
            (None, Some(w), None) => format!("XXXX-WXX-{w}"),
            (_, _, Some(dct)) if p.has_clock() => {
                anchored = true;
                calendar::iso(dct.date)
            }
            _ => "XXXX-XX-XX".to_string(),
        },
    };
    match (p.hour, p.minute, p.part_of_day) {
        (Some(h), m, _) => value.push_str(&format!("T{h:02}:{:02}", m.unwrap_or(0))),
        (None, _, Some(code)) => {
            value.push('T');
            value.push_str(code);
        }
        _ => {}
    }
    Ok(Normalized {
        value,
        anchored,
        weekday_mismatch,
    })
}

/// The year of the occurrence of `month` nearest to the reference date (within six months).
fn nearest_year(dct: &Moment, month: u8) -> i32 {
    let year = dct.date.year() as i32;
    let diff = month as i32 - dct.date.month() as i32;
    if diff > 6 {
        year - 1
    } else if diff < -6 {
        year + 1
    } else {
        year
    }
}

fn month_name(m: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

#[cfg(test)]
mod examples;
