//! The document creation time: from a dateline in the text, from outside, or unknown.
//!
//! A dateline is a complete date (day, month and year, perhaps a clock time and zone) near the
//! top of the text, standing on a line that holds little else: "Monday, December 19 2016 20:43
//! EET", "Published 8:43 PM ET, Mon December 19, 2016", "December 19, 2016 |". A date inside a
//! headline sentence is not a dateline.

use super::{calendar, grammar::Candidate, Moment};
use crate::text::{Segmented, Span};
use serde::Serialize;
use std::ops::Range;

/// How many non-blank lines from the top a dateline may stand on.
const DATELINE_LINES: usize = 4;
/// How many words besides the date its line may hold ("Published", "Updated:", "By", …).
const DATELINE_EXTRA_WORDS: usize = 4;

/// The creation time as reported in the analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreationTime {
    /// ISO 8601 (`2016-12-19T20:43+02:00`), or `null` when unknown.
    pub value: Option<String>,
    /// `text` (a dateline), `given` (from outside), or `none`.
    pub source: &'static str,
    /// The dateline's UTF-16 span when `source` is `text`.
    pub span: Option<Span>,
}

/// The creation time chosen for a document, before output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Creation {
    /// The moment, if known.
    pub moment: Option<Moment>,
    /// `text`, `given` or `none`.
    pub source: &'static str,
    /// The dateline's byte range, when read from the text.
    pub bytes: Option<Range<usize>>,
}

impl Creation {
    /// The output form.
    pub fn output(&self, doc: &Segmented<'_>) -> CreationTime {
        CreationTime {
            value: self.moment.map(|m| m.to_iso()),
            source: self.source,
            span: self.bytes.clone().map(|b| doc.span(b)),
        }
    }
}

/// Choose the creation time: a `given` one that overrides the text, else the text's dateline,
/// else a `given` default, else none.
pub fn choose(doc: &Segmented<'_>, candidates: &[Candidate], given: Option<Moment>, given_overrides: bool) -> Creation {
    let given_creation = given.map(|m| Creation { moment: Some(m), source: "given", bytes: None });
    if given_overrides {
        if let Some(g) = given_creation {
            return g;
        }
    }
    dateline(doc.text, candidates, given).or(given_creation).unwrap_or(Creation {
        moment: None,
        source: "none",
        bytes: None,
    })
}

/// The dateline of a text, if it has one. A wire-service dateline ("ANKARA, Dec 19 (Reuters) -")
/// may leave out the year: it is then taken from `given`, the nearest such date to it, and
/// without `given` the dateline cannot be read.
pub fn dateline(text: &str, candidates: &[Candidate], given: Option<Moment>) -> Option<Creation> {
    let mut line_start = 0;
    let lines = text.split_inclusive('\n').map(|line| {
        let range = line_start..line_start + line.len();
        line_start += line.len();
        range
    });
    for line in lines.filter(|r| !text[r.clone()].trim().is_empty()).take(DATELINE_LINES) {
        let found = candidates.iter().find(|c| line.start <= c.bytes.start && c.bytes.end <= line.end);
        let Some(c) = found else { continue };
        let super::Reading::Point(p) = &c.reading else { continue };
        let (Some(m), Some(d)) = (p.month, p.day) else { continue };
        let (before, after) = (&text[line.start..c.bytes.start], &text[c.bytes.end..line.end]);
        let wire = is_wire_dateline(before, after);
        let extra = before.split_whitespace().chain(after.split_whitespace());
        if !wire && extra.filter(|w| w.chars().any(char::is_alphanumeric)).count() > DATELINE_EXTRA_WORDS {
            continue;
        }
        let year = match (p.year, given) {
            (Some(y), _) => y,
            (None, Some(g)) if wire => {
                let near = g.date.year();
                [near - 1, near, near + 1]
                    .into_iter()
                    .filter_map(|y| calendar::date(y, m, d).map(|date| (y, date.days_since(g.date).abs())))
                    .min_by_key(|&(_, distance)| distance)?
                    .0
            }
            _ => continue,
        };
        let date = calendar::date(year, m, d)?;
        let clock = p.hour.filter(|h| *h < 24).map(|h| (h, p.minute.unwrap_or(0)));
        let offset = clock.and(p.zone);
        return Some(Creation {
            moment: Some(Moment { date, clock, offset }),
            source: "text",
            bytes: Some(c.bytes.clone()),
        });
    }
    None
}

/// "ANKARA, " before the date and "(Reuters) -" or "-" after it: an upper-case place, a comma,
/// the date, perhaps the agency in brackets, then a dash.
fn is_wire_dateline(before: &str, after: &str) -> bool {
    let Some(place) = before.trim_end().strip_suffix(',') else { return false };
    let first = place.split([',', ' ']).next().unwrap_or("");
    let upper_place = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    let mut rest = after.trim_start();
    if rest.starts_with('(') {
        match rest.find(')') {
            Some(close) => rest = rest[close + 1..].trim_start(),
            None => return false,
        }
    }
    upper_place && rest.starts_with(['-', '—', '–', '_'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn creation(text: &str) -> Option<String> {
        let doc = segment(text);
        let candidates = super::super::extract(&doc);
        dateline(text, &candidates, Moment::parse("2016-12-01")).and_then(|c| c.moment).map(|m| m.to_iso())
    }

    #[test]
    fn dateline_examples() {
        // (text, expected creation time)
        let table: &[(&str, Option<&str>)] = &[
            ("Monday, December 19 2016 20:43 EET\nRussian ambassador killed", Some("2016-12-19T20:43+02:00")),
            ("Published 8:43 PM ET, Mon December 19, 2016\n\nText.", Some("2016-12-19T20:43-05:00")),
            ("December 19, 2016 |\nHeadline", Some("2016-12-19")),
            ("Updated: 19/12/2016 10:32\nHeadline", Some("2016-12-19T10:32")),
            // A wire dateline takes its year from the given time (here 2016-12-01).
            ("ANKARA, Dec 19 (Reuters) - Russia's ambassador to Turkey was shot dead on Monday.", Some("2016-12-19")),
            ("NAIROBI, Kenya (AP) _ Bombs exploded.\nWASHINGTON, Jan. 3 - Talks resumed.", Some("2017-01-03")),
            // negative: a date in a sentence's opening words is not a wire dateline
            ("Russia's ambassador, Dec 19, was shot dead in Ankara on that day.", None),
            ("Headline\nBy Jane Doe\n2016-12-19\nBody.", Some("2016-12-19")),
            // negative: a date inside a headline sentence is not a dateline
            ("Ambassador who arrived on July 15, 2013 was shot at a gallery in Ankara\nBody.", None),
            // negative: too far down
            ("a\nb\nc\nd\ne\nDecember 19, 2016", None),
            // negative: an impossible date
            ("February 30, 2016\nBody.", None),
            ("", None),
        ];
        for (text, expected) in table {
            assert_eq!(creation(text).as_deref(), *expected, "{text:?}");
        }
    }

    #[test]
    fn given_time_overrides_only_when_asked() {
        let text = "December 19, 2016\nBody.";
        let doc = segment(text);
        let c = super::super::extract(&doc);
        let given = Moment::parse("2020-01-01");
        assert_eq!(choose(&doc, &c, given, false).source, "text");
        assert_eq!(choose(&doc, &c, given, true).source, "given");
        let plain = segment("Body only.");
        assert_eq!(choose(&plain, &[], given, false).source, "given");
        assert_eq!(choose(&plain, &[], None, false).source, "none");
    }
}
