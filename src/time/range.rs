//! Ranges: two time expressions that bound one stretch of time ("from June 2001 to December
//! 2006", "between March and May", "2009–2013", "from Monday through Friday"). TimeML tags the
//! two ends as two TIMEX3s; a range links them so the timeline can draw one interval.
//!
//! A start without its own year takes the year of an end that has one ("from January to March
//! 2009" → 2009-01): the range says so, and the creation time does not.

use super::Timex;
use serde::Serialize;

/// Two time expressions bounding one stretch of time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeRange {
    /// The id of the timex that starts it.
    pub start: String,
    /// The id of the timex that ends it.
    pub end: String,
    /// The rule that linked them.
    pub rule: &'static str,
}

/// The rules: id, the words before the start (lower case, at the end of the text before it;
/// empty for none), and the words between start and end.
const RULES: &[(&str, &[&str], &[&str])] = &[
    ("from_to", &["from"], &["to", "until", "till", "through", "thru", "-", "–", "—"]),
    ("between_and", &["between"], &["and", "-", "–"]),
    ("dash", &[""], &["-", "–", "—"]),
    ("to_through", &[""], &["through", "thru"]),
];

/// Link the ranges among `timexes` (in text order) and let year-less starts take their end's
/// year. `text` is the document's.
pub fn link(text: &str, timexes: &mut [Timex]) -> Vec<TimeRange> {
    let mut ranges = Vec::new();
    let mut i = 0;
    while i + 1 < timexes.len() {
        let (a, b) = (&timexes[i], &timexes[i + 1]);
        let rule = (a.sentence_bytes == b.sentence_bytes && a.kind == b.kind && a.kind.is_point())
            .then(|| rule_between(&text[a.sentence_bytes.start..a.bytes.start], &text[a.bytes.end..b.bytes.start]))
            .flatten();
        match rule {
            Some(rule) => {
                if let Some(value) = inherited_start(&timexes[i], &timexes[i + 1]) {
                    let end_id = timexes[i + 1].id.clone();
                    let start = &mut timexes[i];
                    start.value = value;
                    start.anchor = Some(end_id);
                }
                ranges.push(TimeRange { start: timexes[i].id.clone(), end: timexes[i + 1].id.clone(), rule });
                i += 2;
            }
            None => i += 1,
        }
    }
    ranges
}

/// The rule whose words stand before the start (`before`, the sentence up to it) and between
/// the two (`between`).
fn rule_between(before: &str, between: &str) -> Option<&'static str> {
    let between = between.trim().to_lowercase();
    let last_word = before.trim_end().rsplit(|c: char| c.is_whitespace()).next().unwrap_or("").to_lowercase();
    RULES
        .iter()
        .find(|(_, lead, joins)| {
            lead.iter().any(|l| l.is_empty() || *l == last_word) && joins.contains(&between.as_str())
        })
        .map(|(id, _, _)| *id)
}

/// The start's value with the end's year, when the start was given without one (its year came
/// from the creation time) and the end names a year: `2016-01` + end `2009-03` → `2009-01`.
/// Only month and day values move, and only when the start then still comes first.
fn inherited_start(start: &Timex, end: &Timex) -> Option<String> {
    let end_year = end.value.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    let (start_year, start_rest) = (start.value.get(..4)?, start.value.get(4..)?);
    let month_or_day = start_rest.len() == 3 || start_rest.len() == 6;
    let from_creation_time = start.anchor.as_deref() == Some("creation_time") && !start.text.contains(start_year);
    if !end.text.contains(end_year) || !from_creation_time || !month_or_day || !start_rest.starts_with('-') {
        return None;
    }
    let moved = format!("{end_year}{start_rest}");
    (moved.as_str() <= end.value.as_str()).then_some(moved)
}

#[cfg(test)]
mod tests {
    use crate::{analyze, DocumentInput};

    /// (creation time, text, expected ranges as (start text, start value, end text, rule)).
    type Row = (&'static str, &'static str, &'static [(&'static str, &'static str, &'static str, &'static str)]);

    #[test]
    fn range_examples() {
        let table: &[Row] = &[
            (
                "2016-12-19",
                "He was ambassador from June 2001 to December 2006.",
                &[("June 2001", "2001-06", "December 2006", "from_to")],
            ),
            ("2016-12-19", "He served in 2009–2013 in Moscow.", &[("2009", "2009", "2013", "dash")]),
            ("2016-12-19", "Talks ran between March and May.", &[("March", "2016-03", "May", "between_and")]),
            (
                "2016-12-19",
                "The plant closed from January to March 2009.",
                &[("January", "2009-01", "March 2009", "from_to")],
            ),
            (
                "2016-12-19",
                "Offices are shut Monday through Friday.",
                &[("Monday", "2016-12-19", "Friday", "to_through")],
            ),
            // Negative: two dates that merely follow each other, and a duration after a date.
            ("2016-12-19", "He came in 2007 and left in 2013.", &[]),
            ("2016-12-19", "On Monday, two years after the war, he spoke.", &[]),
            ("2016-12-19", "Sales rose from $3 million in 2015 to $4 million in 2016.", &[]),
        ];
        for (dct, text, expected) in table {
            let mut input = DocumentInput::new("example", *text);
            input.dct = Some(dct.to_string());
            let doc = &analyze(&[input]).expect("analysis").documents[0];
            let found: Vec<(String, String, String, &str)> = doc
                .ranges
                .iter()
                .map(|r| {
                    let t = |id: &str| doc.timexes.iter().find(|t| t.id == id).expect("range ends are timexes");
                    (t(&r.start).text.clone(), t(&r.start).value.clone(), t(&r.end).text.clone(), r.rule)
                })
                .collect();
            let want: Vec<(String, String, String, &str)> =
                expected.iter().map(|(a, v, b, r)| (a.to_string(), v.to_string(), b.to_string(), *r)).collect();
            assert_eq!(found, want, "{text}");
        }
    }
}
