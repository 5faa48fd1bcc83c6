//! When the aligned happenings took place: the times each article gives one story event.
//!
//! Rule `event_time` (one comparison per story event that two or more articles mention with a
//! time both ends of which are known): each article's time is an interval of ISO 8601 prefixes
//! (`2016-12-19`, `2013-07`); two times are disjoint when, cut to the coarser of the two
//! precisions, one ends before the other starts ("2007" and "2013-07" are; "2016" and
//! "2016-12-19" are not). Disjoint times of one happening are a `conflict`, equal ones `agree`,
//! others `consistent`. Two times of one day given to the hour that miss each other by at most
//! three hours ("this afternoon" 12:00–17:59 and "Monday evening" 18:00–21:59) are `consistent`,
//! not a conflict: the bounds of the parts of the day are a convention, and articles written in
//! different time zones name the same moment differently (16:05 in London is 19:05 in Ankara).
//! Two times that cannot meet but were joined through a third article's mention, coarser ("2005-06-13"
//! and "2005-04" through "2005") or undated, are left unsaid: one story event spanning them is
//! more likely two happenings of one kind (two orders) than one happening dated twice; so are two
//! times that cannot meet when one article's own mentions of the happening already cannot
//! ("in 2006 over a US$ 10 billion contract" and "in 2003", joined as one contract, against
//! "since July 24, 2003" in another article). The claim's words are the time expression the
//! event rests on, or its trigger when the time was worked out otherwise.

use super::{and_list, certainty_note, distinct, Doc, Index, Weighed};
use crate::compare::{Comparison, Story, Verdict};

/// Do two ISO-prefix intervals share an instant, compared at the coarser precision?
pub fn overlaps(a: (&str, &str), b: (&str, &str)) -> bool {
    let n = a.0.len().min(a.1.len()).min(b.0.len()).min(b.1.len());
    let cut = |x: &str| x.get(..n).unwrap_or(x).to_string();
    !(cut(a.1) < cut(b.0) || cut(b.1) < cut(a.0))
}

/// How far apart two times of one day may be and still be one moment told in two time zones or
/// with other bounds for the parts of the day, in minutes.
const NEAR_MINUTES: u32 = 180;

/// The minutes from the end of the earlier time to the start of the later, when both times lie
/// in one day and are given to the minute (`2016-12-19T17:59`); `None` otherwise or when they
/// overlap.
pub fn gap_minutes(a: (&str, &str), b: (&str, &str)) -> Option<u32> {
    fn minute(x: &str) -> Option<(&str, u32)> {
        let (day, clock) = x.split_once('T')?;
        let (h, m) = clock.get(..5)?.split_once(':')?;
        Some((day, h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?))
    }
    let (a0, a1, b0, b1) = (minute(a.0)?, minute(a.1)?, minute(b.0)?, minute(b.1)?);
    if [a1.0, b0.0, b1.0].iter().any(|d| *d != a0.0) {
        return None;
    }
    if a1.1 < b0.1 {
        Some(b0.1 - a1.1)
    } else if b1.1 < a0.1 {
        Some(a0.1 - b1.1)
    } else {
        None
    }
}

/// May two times be of one moment: they overlap, or they are near times of one day (see
/// [`gap_minutes`]).
pub fn may_meet(a: (&str, &str), b: (&str, &str)) -> bool {
    overlaps(a, b) || gap_minutes(a, b).is_some_and(|g| g <= NEAR_MINUTES)
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
    let index: Index<'_> = docs.iter().enumerate().map(|(i, d)| ((d.analysis.id.as_str(), ""), i)).collect();
    let mut events = Index::new();
    let mut timexes = Index::new();
    for d in docs {
        let id = d.analysis.id.as_str();
        events.extend(d.analysis.events.iter().enumerate().map(|(i, e)| ((id, e.id.as_str()), i)));
        timexes.extend(d.analysis.timexes.iter().enumerate().map(|(i, t)| ((id, t.id.as_str()), i)));
    }
    let mut out = Vec::new();
    for event in &story.events {
        let mut claims: Vec<Weighed<(String, String)>> = Vec::new();
        // Documents with a mention of it that has no bounded time.
        let mut untimed: Vec<&str> = Vec::new();
        for m in &event.members {
            let Some(&d) = index.get(&(m.document.as_str(), "")) else { continue };
            let doc = &docs[d];
            let a = doc.analysis;
            let Some(&e) = events.get(&(m.document.as_str(), m.event.as_str())) else { continue };
            let e = &a.events[e];
            // A time read from news convention (`inferred`) is no article's claim.
            let stated = e.time.as_ref().filter(|t| !t.inferred);
            let Some((start, end)) = stated.and_then(|t| Some((t.start.clone()?, t.end.clone()?))) else {
                untimed.push(m.document.as_str());
                continue;
            };
            let t = e.time.as_ref().expect("bounded");
            let words = t
                .timex
                .as_ref()
                .and_then(|id| timexes.get(&(a.id.as_str(), id.as_str())))
                .map(|&i| &a.timexes[i])
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
        // The first pair of two articles' times that miss each other, and the first that cannot meet.
        let pair = |fits: fn((&str, &str), (&str, &str)) -> bool| {
            claims.iter().enumerate().find_map(|(i, a)| {
                claims[i + 1..]
                    .iter()
                    .find(|b| {
                        a.claim.document != b.claim.document
                            && !fits((&a.about.0, &a.about.1), (&b.about.0, &b.about.1))
                    })
                    .map(|b| (a, b))
            })
        };
        let clash = pair(may_meet);
        let near = pair(overlaps);
        // Two times that cannot meet, joined only through a coarser third ("2005-06-13" and
        // "2005-04" through "2005"), are likelier two happenings of one kind than one dated
        // twice: nothing is said of them.
        if let Some((a, b)) = clash {
            let (x, y) = ((a.about.0.as_str(), a.about.1.as_str()), (b.about.0.as_str(), b.about.1.as_str()));
            let bridged =
                claims.iter().any(|c| overlaps((&c.about.0, &c.about.1), x) && overlaps((&c.about.0, &c.about.1), y))
                    || untimed.iter().any(|d| *d != a.claim.document && *d != b.claim.document);
            // An article whose own mentions of it cannot meet tells of two happenings, not one.
            let split = claims.iter().enumerate().any(|(i, c)| {
                claims[i + 1..].iter().any(|d| {
                    c.claim.document == d.claim.document
                        && !may_meet((&c.about.0, &c.about.1), (&d.about.0, &d.about.1))
                })
            });
            if bridged || split {
                continue;
            }
        }
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
            None if near.is_some() => {
                let (a, b) = near.expect("checked");
                let gap = gap_minutes((&a.about.0, &a.about.1), (&b.about.0, &b.about.1)).unwrap_or(0);
                (
                    Verdict::Consistent,
                    format!(
                        "“{}” ({}) and “{}” ({}) miss each other by {} on {}: near times of one day, which \
                         articles in different time zones or with other bounds for the parts of the day \
                         may both give{note}.",
                        a.claim.text,
                        a.claim.document,
                        b.claim.text,
                        b.claim.document,
                        duration(gap),
                        a.about.0.get(..10).unwrap_or_default()
                    ),
                )
            }
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

/// "1 minute", "2 hours", "1 hour 30 minutes".
fn duration(minutes: u32) -> String {
    let unit = |n: u32, one: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") };
    match (minutes / 60, minutes % 60) {
        (0, m) => unit(m, "minute"),
        (h, 0) => unit(h, "hour"),
        (h, m) => format!("{} {}", unit(h, "hour"), unit(m, "minute")),
    }
}

#[cfg(test)]
mod tests {
    use super::{duration, gap_minutes, may_meet, overlaps};

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

    #[test]
    fn near_times_of_one_day_examples() {
        // (a, b, gap in minutes, may meet?)
        let table = [
            (("2016-12-19T12:00", "2016-12-19T17:59"), ("2016-12-19T18:00", "2016-12-19T21:59"), Some(1), true),
            (("2016-12-19T06:00", "2016-12-19T11:59"), ("2016-12-19T14:00", "2016-12-19T14:00"), Some(121), true),
            (("2016-12-19T12:00", "2016-12-19T17:59"), ("2016-12-19T12:00", "2016-12-19T17:59"), None, true),
            // negative: far apart in one day, another day, or not given to the minute
            (("2016-12-19T06:00", "2016-12-19T11:59"), ("2016-12-19T18:00", "2016-12-19T21:59"), Some(361), false),
            (("2016-12-18T18:00", "2016-12-18T21:59"), ("2016-12-19T00:00", "2016-12-19T01:00"), None, false),
            (("2016-12-18", "2016-12-18"), ("2016-12-19", "2016-12-19"), None, false),
        ];
        for (a, b, gap, meet) in table {
            assert_eq!(gap_minutes(a, b), gap, "{a:?} {b:?}");
            assert_eq!(gap_minutes(b, a), gap, "{b:?} {a:?} (symmetric)");
            assert_eq!(may_meet(a, b), meet, "{a:?} {b:?}");
        }
        assert_eq!(duration(1), "1 minute");
        assert_eq!(duration(121), "2 hours 1 minute");
        assert_eq!(duration(180), "3 hours");
    }
}
