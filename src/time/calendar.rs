//! Calendar facts through `chrono`'s civil dates: valid dates, weekdays, ISO weeks, day
//! arithmetic, and the [`Moment`] a document was written at. The rest of the crate sees only this
//! module's [`Date`], so the calendar library is one file's business. `chrono` without its default
//! features brings civil dates alone; a date-time library with time zones and parsers costs the
//! page's wasm about 40 KB gzipped more for the same few facts.

use super::lexicon::HolidayDate;
use chrono::{Datelike, NaiveDate, Weekday};

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(NaiveDate);

impl Date {
    /// The year (`2016`).
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.0.day() as u8
    }

    /// The ISO week-numbering year and week of this day (`2016-12-19` is in 2016's week 51).
    pub fn iso_week(self) -> (i32, u8) {
        let w = self.0.iso_week();
        (w.year(), w.week() as u8)
    }

    /// Days from `other` to this day (negative when `other` is later).
    pub fn days_since(self, other: Date) -> i64 {
        self.0.signed_duration_since(other.0).num_days()
    }
}

/// A valid calendar date, if `year-month-day` is one ("February 30" is not) and the year has at
/// most four digits, as TIMEX3 values write it.
pub fn date(year: i32, month: u8, day: u8) -> Option<Date> {
    NaiveDate::from_ymd_opt(year, month.into(), day.into()).filter(|_| year.abs() <= 9999).map(Date)
}

/// The Monday of ISO week `week` of ISO year `year`, if the year has such a week.
pub fn iso_week_monday(year: i32, week: u8) -> Option<Date> {
    NaiveDate::from_isoywd_opt(year, week.into(), Weekday::Mon).map(Date)
}

/// ISO weekday number of a date (Monday = 1).
pub fn iso_weekday(d: Date) -> u8 {
    d.0.weekday().number_from_monday() as u8
}

/// `d` moved by `days`.
pub fn add_days(d: Date, days: i32) -> Option<Date> {
    d.0.checked_add_signed(chrono::TimeDelta::try_days(days.into())?).map(Date)
}

/// The most recent date on or before `d` that falls on ISO weekday `weekday`.
pub fn weekday_on_or_before(d: Date, weekday: u8) -> Option<Date> {
    let back = (iso_weekday(d) as i32 - weekday as i32).rem_euclid(7);
    add_days(d, -back)
}

/// The first date on or after `d` that falls on ISO weekday `weekday`.
pub fn weekday_on_or_after(d: Date, weekday: u8) -> Option<Date> {
    let ahead = (weekday as i32 - iso_weekday(d) as i32).rem_euclid(7);
    add_days(d, ahead)
}

/// Western (Gregorian) Easter Sunday of `year`, by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher).
pub fn easter(year: i32) -> Option<Date> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u8, day as u8)
}

/// The date of a holiday in `year`.
pub fn holiday(when: HolidayDate, year: i32) -> Option<Date> {
    match when {
        HolidayDate::Fixed { month, day, weekday: None } => date(year, month, day),
        HolidayDate::Fixed { month, day, weekday: Some(w) } => weekday_on_or_after(date(year, month, day)?, w),
        HolidayDate::Easter(offset) => add_days(easter(year)?, offset),
    }
}

/// Formats `YYYY-MM-DD`.
pub fn iso(d: Date) -> String {
    let mut out = String::with_capacity(10);
    match u32::try_from(d.year()) {
        Ok(year @ ..=9999) => {
            push_two_digits(&mut out, (year / 100) as u8);
            push_two_digits(&mut out, (year % 100) as u8);
        }
        _ => out.push_str(&format!("{:04}", d.year())),
    }
    out.push('-');
    push_two_digits(&mut out, d.month());
    out.push('-');
    push_two_digits(&mut out, d.day());
    out
}

/// Append `n` (under 100) as two digits, as `{:02}` writes it. Values are written a timex at a
/// time, and the formatting machinery costs far more than these few digits.
pub(crate) fn push_two_digits(out: &mut String, n: u8) {
    out.push(char::from(b'0' + n / 10));
    out.push(char::from(b'0' + n % 10));
}

/// Append `n` in decimal, as `{}` writes it (see [`push_two_digits`]).
pub(crate) fn push_decimal(out: &mut String, n: usize) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// The name of an ISO weekday number.
pub fn weekday_name(n: u8) -> &'static str {
    const NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    n.checked_sub(1).and_then(|i| NAMES.get(i as usize)).copied().unwrap_or("?")
}

/// The time a document was written: a date, perhaps a clock time and a UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The calendar date.
    pub date: Date,
    /// Hour and minute, if known.
    pub clock: Option<(u8, u8)>,
    /// Minutes east of UTC, if known.
    pub offset: Option<i32>,
}

impl Moment {
    /// Read `YYYY-MM-DD`, optionally followed by `Thh:mm`, seconds and a `Z`/`±hh:mm` offset
    /// (a space may stand for the `T`). `None` if it is not a valid date and time.
    pub fn parse(s: &str) -> Option<Moment> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
        };
        let date = date(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Some(Moment { date, clock: None, offset: None });
        }
        let rest = rest.strip_prefix(['T', ' '])?;
        if rest.len() < 5 || rest.as_bytes()[2] != b':' {
            return None;
        }
        let (h, m) = (num(11..13)?, num(14..16)?);
        if h > 23 || m > 59 {
            return None;
        }
        let mut tail = &rest[5..];
        if let Some(sec) = tail.strip_prefix(':') {
            let digits = sec.bytes().take_while(|c| c.is_ascii_digit() || *c == b'.').count();
            if digits < 2 {
                return None;
            }
            tail = &sec[digits..];
        }
        let offset = match tail {
            "" => None,
            "Z" => Some(0),
            _ => Some(super::lexicon::offset_minutes(tail)?),
        };
        Some(Moment { date, clock: Some((h as u8, m as u8)), offset })
    }

    /// ISO 8601: `2016-12-19`, `2016-12-19T20:43`, `2016-12-19T20:43+02:00`.
    pub fn to_iso(&self) -> String {
        let mut s = iso(self.date);
        if let Some((h, m)) = self.clock {
            s.push('T');
            push_two_digits(&mut s, h);
            s.push(':');
            push_two_digits(&mut s, m);
            if let Some(off) = self.offset {
                let sign = if off < 0 { '-' } else { '+' };
                s.push_str(&format!("{sign}{:02}:{:02}", off.abs() / 60, off.abs() % 60));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moment_examples() {
        let table = [
            ("2016-12-19", Some("2016-12-19")),
            ("2016-12-19T20:43", Some("2016-12-19T20:43")),
            ("2016-12-19T20:43+02:00", Some("2016-12-19T20:43+02:00")),
            ("2016-12-19 20:43:10Z", Some("2016-12-19T20:43+00:00")),
            ("2016-02-30", None),
            ("2016-12-19T25:00", None),
            ("19/12/2016", None),
            ("2016-12-1", None),
            ("yesterday", None),
            ("2016-12-19T20:43+2", None),
        ];
        for (input, expected) in table {
            assert_eq!(Moment::parse(input).map(|m| m.to_iso()).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn weekday_arithmetic() {
        let monday = date(2016, 12, 19).unwrap();
        assert_eq!(iso_weekday(monday), 1);
        assert_eq!(weekday_on_or_before(monday, 1), Some(monday));
        assert_eq!(weekday_on_or_before(monday, 5).map(iso).as_deref(), Some("2016-12-16"));
        assert_eq!(weekday_name(7), "Sunday");
        assert!(date(2016, 2, 29).is_some());
        assert!(date(2015, 2, 29).is_none());
    }
}
