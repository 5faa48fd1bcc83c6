//! When the aligned happenings took place: the times each article gives one story event.
//!
//! Rule `event_time` (one comparison per story event that two or more articles mention with a
//! time both ends of which are known): each article's time is an interval of ISO 8601 prefixes
//! (`2016-12-19`, `2013-07`); two times are disjoint when, cut to the coarser of the two
//! precisions, one ends before the other starts ("2007" and "2013-07" are; "2016" and
//! "2016-12-19" are not). Disjoint times of one happening are a `conflict`, equal ones `agree`,
//! others `consistent`. The claim's words are the time expression the event rests on, or its
//! trigger when the time was worked out otherwise.

use super::{and_list, certainty_note, distinct, Doc, Weighed};
use crate::compare::{Comparison, Story, Verdict};
use std::collections::HashMap;

/// Do two ISO-prefix intervals share an instant, compared at the coarser precision?
pub fn overlaps(a: (&str, &str), b: (&str, &str)) -> bool {
    let n = a.0.len().min(a.1.len()).min(b.0.len()).min(b.1.len());
    let cut = |x: &str| x.get(..n).unwrap_or(x).to_string();
    !(cut(a.1) < cut(b.0) || cut(b.1) < cut(a.0))
}

/// "2016-12-19", "2001-06 to 2006-12".
fn reading(start: &str, end: &str) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start} to {end}")
    }
}

/// Compare the times the documents give each story event.
pub fn compare(docs: &[Doc<'_>], story: &Story) -> Vec<Comparison> {
    let index: HashMap<&str, &Doc<'_>> = docs.iter().map(|d| (d.analysis.id.as_str(), d)).collect();
    let events: HashMap<(&str, &str), &crate::events::Event> = docs
        .iter()
        .flat_map(|d| d.analysis.events.iter().map(move |e| ((d.analysis.id.as_str(), e.id.as_str()), e)))
        .collect();
    let timexes: HashMap<(&str, &str), &crate::Timex> = docs
        .iter()
        .flat_map(|d| d.analysis.timexes.iter().map(move |t| ((d.analysis.id.as_str(), t.id.as_str()), t)))
        .collect();
    let mut out = Vec::new();
    for event in &story.events {
        let mut claims: Vec<Weighed<(String, String)>> = Vec::new();
        for m in &event.members {
            let Some(doc) = index.get(m.document.as_str()) else { continue };
            let a = doc.analysis;
            let Some(e) = events.get(&(m.document.as_str(), m.event.as_str())) else { continue };
            let Some(t) = e.time.as_ref() else { continue };
            let (Some(start), Some(end)) = (t.start.clone(), t.end.clone()) else { continue };
            let words = t
                .timex
                .as_ref()
                .and_then(|id| timexes.get(&(a.id.as_str(), id.as_str())))
                .map_or(e.bytes.clone(), |x| x.bytes.clone());
            let reading = reading(&start, &end);
            let claim = doc.claim(&words, None, reading.clone());
            if claims.iter().any(|c| c.claim.document == claim.document && c.claim.span == claim.span) {
                continue; // several mentions resting on one time expression: one claim
            }
            claims.push(Weighed {
                claim,
                value: crate::compare::Interval { min: None, max: None },
                statement: reading,
                about: (start, end),
            });
        }
        let documents = distinct(claims.iter().map(|c| c.claim.document.as_str()));
        if documents.len() < 2 {
            continue;
        }
        let clash = claims.iter().enumerate().find_map(|(i, a)| {
            claims[i + 1..]
                .iter()
                .find(|b| {
                    a.claim.document != b.claim.document
                        && !overlaps((&a.about.0, &a.about.1), (&b.about.0, &b.about.1))
                })
                .map(|b| (a, b))
        });
        let statements = distinct(claims.iter().map(|c| c.statement.as_str()));
        let note = certainty_note(&claims);
        let (status, explanation) = match clash {
            Some((a, b)) => (
                Verdict::Conflict,
                format!(
                    "“{}” is dated {} in {} and {} in {}: the times do not meet{note}.",
                    event.label, a.claim.reading, a.claim.document, b.claim.reading, b.claim.document
                ),
            ),
            None if statements.len() == 1 => {
                (Verdict::Agree, format!("{} all date it {}{note}.", and_list(&documents), statements[0]))
            }
            None => (Verdict::Consistent, format!("{} overlap{note}.", and_list(&statements))),
        };
        out.push(Comparison {
            id: String::new(),
            topic: format!("when: {}", event.label),
            kind: "date",
            status,
            explanation,
            claims: claims.into_iter().map(|c| c.claim).collect(),
            about: Some(event.id.clone()),
            rule: "event_time",
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::overlaps;

    #[test]
    fn iso_prefix_overlap_examples() {
        // (a, b, overlap?)
        let table = [
            (("2016-12-19", "2016-12-19"), ("2016-12-19", "2016-12-19"), true),
            (("2016", "2016"), ("2016-12-19", "2016-12-19"), true),
            (("2001-06", "2006-12"), ("2005", "2005"), true),
            (("2016-12-19T18:00", "2016-12-19T21:59"), ("2016-12-19", "2016-12-19"), true),
            // negative: disjoint
            (("2007", "2007"), ("2013-07", "2013-07"), false),
            (("2016-12-18", "2016-12-18"), ("2016-12-19", "2016-12-19"), false),
            (("2009-01", "2013-07"), ("2014", "2016"), false),
        ];
        for (a, b, expected) in table {
            assert_eq!(overlaps(a, b), expected, "{a:?} {b:?}");
            assert_eq!(overlaps(b, a), expected, "{b:?} {a:?} (symmetric)");
        }
    }
}
