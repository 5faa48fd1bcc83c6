//! Time expressions: found by the [`grammar`], resolved against the document's creation time,
//! and normalized to TIMEX3 values.
//!
//! Extract first, resolve later: [`extract`] reads what each expression says (a
//! [`grammar::Point`] with only the stated parts), [`resolve`] fills the rest from the reference
//! time and writes the TIMEX3 value. The engine never reads the clock.

pub mod age;
pub mod calendar;
pub mod creation;
pub mod grammar;
pub mod lexicon;
pub mod range;

pub use calendar::Moment;
pub use creation::CreationTime;
pub use grammar::{Candidate, Point, Reading};

use crate::text::{Segmented, Span};
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

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

    /// A point or period of the calendar (DATE or TIME), as opposed to a length or a recurrence.
    pub fn is_point(self) -> bool {
        matches!(self, TimexType::Date | TimexType::Time)
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
    /// TimeML `freq` of a SET ("twice a week" → `2X`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    /// TimeML `quant` of a SET ("every Monday" → `EVERY`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quant: Option<&'static str>,
    /// What the value was resolved against: `creation_time`, the id of an earlier timex (the
    /// period "a year ago" compares with), or `null` when the expression was complete on its own
    /// or nothing could anchor it.
    pub anchor: Option<String>,
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
///
/// In stretches of another language only the numeric rules count (`2016-12-19`, `19.12.2016`,
/// `20:43`): English words there would be coincidences.
pub fn extract(doc: &Segmented<'_>) -> Vec<Candidate> {
    let mut candidates = grammar::extract(doc.text, &doc.sentences);
    candidates.retain(|c| grammar::NUMERIC_RULES.contains(&c.rule.as_str()) || !doc.is_foreign(c.bytes.start));
    candidates
}

/// Give each candidate its TIMEX3 type and value, resolving what it leaves open against the
/// creation time `dct` (if there is none, relative parts stay `X`).
pub fn resolve(doc: &Segmented<'_>, candidates: Vec<Candidate>, dct: Option<&Moment>) -> Resolved {
    let mut out = Resolved::default();
    // The last period a results story named, a quarter or (after "the nine months") a year:
    // "a year ago" is the same period a year before.
    let mut last_period: Option<(String, i32, Option<u8>)> = None;
    // The last calendar date the text named (the index of its timex in `out.timexes`): "the
    // following year" counts from it.
    let mut last_date: Option<usize> = None;
    // The length of the last span a results story reported ("the nine months" → `P9M`): "the
    // year-earlier period" is as long.
    let mut last_span: Option<String> = None;
    for c in candidates {
        let written = &doc.text[c.bytes.clone()];
        let sentence = doc.sentence_of(c.bytes.start);
        let before = &doc.text[sentence.start.min(c.bytes.start)..c.bytes.start];
        let after = &doc.text[c.bytes.end..];
        let ahead = if tense_governs(&c.reading, after) { clause_looks_ahead(before) } else { prospective(before) }
            && !goes_on_in_past(after);
        let after_a_year = out.timexes.last().is_some_and(|t| t.value.len() == 4);
        let same_span = match (&c.reading, &last_period, &last_span) {
            (Reading::Ago { count: Some(1), unit: "Y" }, Some((id, _, None)), Some(span))
                if names_a_period(written) =>
            {
                Some((id.clone(), span.clone()))
            }
            _ => None,
        };
        let compared = match (&c.reading, &last_period) {
            _ if same_span.is_some() => None,
            (Reading::Ago { count: Some(1), unit: "Y" }, Some((id, year, q))) => Some((id.clone(), year - 1, *q)),
            (Reading::Relative { unit: "Y", shift: -1 }, Some((id, year, q @ Some(_))))
                if !after_a_year && compares(before) =>
            {
                Some((id.clone(), year - 1, *q))
            }
            _ => None,
        };
        // Its timex id and value.
        let last_named = last_date.map(|i| (&out.timexes[i].id, &out.timexes[i].value));
        let normalized = match (same_span, compared, &c.reading, last_named) {
            (Some((id, span)), ..) => Ok(Normalized::new(TimexType::Duration, span, false).anchored_to(id)),
            (_, None, Reading::SamePeriodIn(year), _) => {
                let value = match &last_period {
                    Some((_, _, Some(q))) => format!("{year:04}-Q{q}"),
                    _ => format!("{year:04}"),
                };
                let n = Normalized::new(TimexType::Date, value, false);
                Ok(match &last_period {
                    Some((id, _, Some(_))) => n.anchored_to(id.clone()),
                    _ => n,
                })
            }
            (_, Some((id, year, q)), _, _) => {
                let value = match q {
                    Some(q) => format!("{year:04}-Q{q}"),
                    None => format!("{year:04}"),
                };
                Ok(Normalized::new(TimexType::Date, value, false).anchored_to(id))
            }
            (_, None, Reading::Anaphoric { unit, shift }, Some((id, value))) => {
                match anaphoric_value(value, unit, *shift) {
                    Some(v) => Ok(Normalized::new(TimexType::Date, v, false).anchored_to(id.clone())),
                    None => Ok(Normalized::new(TimexType::Date, unknown_period(unit).to_string(), false)),
                }
            }
            (_, None, Reading::Anaphoric { unit, .. }, None) => {
                Ok(Normalized::new(TimexType::Date, unknown_period(unit).to_string(), false))
            }
            // "Three days earlier" counts back from the date named in its sentence or the one
            // before ("joined on 12 May 2015. Three days earlier …"); "ago" always from now.
            (_, None, Reading::Ago { count: Some(n), unit }, Some((id, value)))
                if last_date.is_some_and(|i| earlier_from(doc, &out.timexes[i], written, sentence.start)) =>
            {
                match anaphoric_value(value, unit, -(*n as i32)) {
                    Some(v) => Ok(Normalized::new(TimexType::Date, v, false).anchored_to(id.clone())),
                    None => normalize(&c.reading, dct, ahead),
                }
            }
            (_, None, Reading::Point(p), Some((id, value))) if p.anaphoric => match anaphoric_weekday(value, p) {
                Some(v) => Ok(Normalized::new(TimexType::Date, v, false).anchored_to(id.clone())),
                None => normalize(&c.reading, dct, ahead),
            },
            // A clock time with no day ("was shot at [10 p.m.]") falls on the day the story
            // last named, the narrative's reference time, when that is a day.
            (_, None, Reading::Point(p), Some((id, value))) if p.hour.is_some() && !p.has_date() => {
                match value.get(..10).and_then(Moment::parse) {
                    Some(day) => normalize_point(p, Some(&day), ahead).map(|n| n.anchored_to(id.clone())),
                    None => normalize(&c.reading, dct, ahead),
                }
            }
            (_, None, reading, _) => normalize(reading, dct, ahead),
        };
        match normalized {
            Ok(n) => {
                let mut id = String::from("t");
                calendar::push_decimal(&mut id, out.timexes.len() + 1);
                if n.value.len() >= 4
                    && n.value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                    && !n.value.contains('Q')
                {
                    last_date = Some(out.timexes.len());
                }
                // The compared period itself ("a year ago", "the 1988 quarter" → 1988-Q3) is not
                // a new reference.
                let mirrored = matches!(c.reading, Reading::Ago { .. } | Reading::SamePeriodIn(_));
                if let (Some((year, q)), false) = (quarter_of(&n.value), mirrored) {
                    last_period = Some((id.clone(), year, Some(q)));
                    last_span = None;
                } else if let (Reading::Duration { count: Some(6..=11), unit: "M", half: false }, Some(d)) =
                    (&c.reading, dct)
                {
                    // "the nine months" of this year: compared with the year before.
                    last_period = Some((id.clone(), d.date.year(), None));
                    last_span = Some(n.value.clone());
                }
                if let Some(message) = n.weekday_mismatch {
                    out.problems.push(Problem {
                        code: "weekday_mismatch",
                        message: format!("“{written}”: {message}"),
                        bytes: c.bytes.clone(),
                    });
                }
                let (freq, quant) = match &c.reading {
                    Reading::Set { freq, quant, .. } => (freq.clone(), *quant),
                    _ => (None, None),
                };
                out.timexes.push(Timex {
                    id,
                    freq,
                    quant,
                    span: doc.span(c.bytes.clone()),
                    text: written.to_string(),
                    kind: n.kind,
                    value: n.value,
                    modifier: c.modifier,
                    anchor: n.anchor.or_else(|| n.anchored.then(|| "creation_time".to_string())),
                    rule: c.rule,
                    sentence: doc.span(sentence.clone()),
                    sentence_bytes: sentence,
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

/// Does the clause before a time expression look ahead ("will meet on", "set to resume", or a
/// deadline: "by February", "until Tuesday")? Only the last few words of the same clause count:
/// a cue further away rarely governs it, and a past cue among them ("had been due to expire")
/// puts the plan in the past.
fn prospective(before: &str) -> bool {
    let clause = clause_before(before);
    let words = last_words(&clause, 6);
    let deadline = words.last().is_some_and(|last| lexicon::lexicon().deadline_cues.contains(last));
    (deadline || holds_cue(&words, future_cues())) && !holds_cue(&words, past_cues())
}

/// The last `n` words of `text` (all of them if it has fewer), in order, split at white space
/// as `str::split_whitespace` splits it. An ASCII text (nearly every clause) is read back by its
/// bytes, several times faster than decoding it back: its white space is one byte, tab to
/// carriage return or space.
fn last_words(text: &str, n: usize) -> Vec<&str> {
    let mut words: Vec<&str> = if text.is_ascii() {
        let bytes = text.as_bytes();
        let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
        let mut words = Vec::with_capacity(n);
        let mut end = bytes.len();
        while words.len() < n {
            let Some(last) = bytes[..end].iter().rposition(|b| !space(b)) else { break };
            let start = bytes[..last].iter().rposition(space).map_or(0, |i| i + 1);
            words.push(&text[start..=last]);
            end = start;
        }
        words
    } else {
        text.split_whitespace().rev().take(n).collect()
    };
    words.reverse();
    words
}

/// Do `words` hold one of `cues` (as [`future_cues`] and [`past_cues`] write them)?
fn holds_cue(words: &[&str], cues: &Cues) -> bool {
    let words_at =
        |i: usize| cues.by_first.get(words[i]).is_some_and(|l| l.iter().any(|cue| words[i..].starts_with(cue)));
    // Every clitic holds an apostrophe.
    let clitic = |w: &&str| w.contains('\'') && cues.clitics.iter().any(|c| w.contains(c));
    (0..words.len()).any(words_at) || words.iter().any(clitic)
}

/// Does a year-ago expression name a period of its own ("the year-earlier period", "the
/// year-ago nine months"), rather than a point ("a year earlier")?
fn names_a_period(written: &str) -> bool {
    let lower = written.to_ascii_lowercase();
    lower.ends_with("period") || lower.ends_with("months")
}

/// Is "last year" the term of a comparison ("compared with a loss of $3 million [last year]",
/// "a 13% increase from [last year]'s $1.55 billion")? In a results story that names a quarter,
/// it is then that quarter a year before.
fn compares(before: &str) -> bool {
    let clause = clause_before(before);
    let last = clause.split_whitespace().next_back().unwrap_or("");
    matches!(last, "from" | "with" | "than" | "versus" | "vs.") || clause.contains("compared")
}

/// Does the sentence go on in the past right after a time expression that the words before
/// made a plan or a deadline ("a vigil planned for [Saturday] was cancelled", "until
/// [Thursday], they had not named him")? A past word of `clause_tense.tsv` among the next four
/// words puts the plan in the past, unless a future cue stands there too ("and were planning
/// to drive").
fn goes_on_in_past(after: &str) -> bool {
    let end = after.find(['.', ';', '?', '!']).unwrap_or(after.len());
    let lowered: String = after[..end]
        .chars()
        .map(|c| if c.is_alphabetic() || c == '\'' { c.to_ascii_lowercase() } else { ' ' })
        .collect();
    let words: Vec<&str> = lowered.split_whitespace().take(4).collect();
    let past = words.iter().any(|w| clause_cues().tense.get(w) == Some(&false));
    past && !holds_cue(&words, future_cues())
}

/// The clause a time expression closes, lower-cased: the words after the last comma, semicolon,
/// colon or quotation mark before it.
fn clause_before(before: &str) -> String {
    // Searched back by bytes: '“' is E2 80 9C, and 0x9C only ends it after E2 80.
    let bytes = before.as_bytes();
    let mut end = bytes.len();
    let start = loop {
        match bytes[..end].iter().rposition(|&b| matches!(b, b',' | b';' | b':' | b'"' | 0x9C)) {
            None => break 0,
            Some(i) if bytes[i] != 0x9C || bytes[..i].ends_with(&[0xE2, 0x80]) => break i + 1,
            Some(i) => end = i,
        }
    };
    before[start..].to_lowercase()
}

/// A month, a day of a month or a weekday with no year ("in [January]", "[Feb. 1]", "on
/// [Thursday]"): the tense of its clause decides which one it is. Not a weekday in the
/// possessive ("get around [Wednesday]'s ruling"): it names the day of a thing, not of the
/// clause's verb.
fn tense_governs(reading: &Reading, after: &str) -> bool {
    let possessive = after.starts_with("'s") || after.starts_with("’s");
    match reading {
        Reading::Point(p) if p.year.is_some() || p.year_shift.is_some() => false,
        Reading::Point(p) if p.month.is_some() => true,
        Reading::Point(p) => p.weekday.is_some() && p.shift.is_none() && !possessive,
        _ => false,
    }
}

/// Does the clause before a month or weekday look ahead? Its date follows the verb that
/// governs it, which may stand well before it ("will be named commander … for a
/// mission in [December]"): reading back through the clause, the nearest future cue or tense
/// word (`lexicon/clause_tense.tsv`, and the past cues) decides ("would be paid … in
/// [January]" ahead, "since he was rescued … in late [November]" back); with neither, a
/// deadline word right before it ("by [February]") looks ahead.
fn clause_looks_ahead(before: &str) -> bool {
    let clause = clause_before(before);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let lex = lexicon::lexicon();
    let cues = clause_cues();
    for end in (0..words.len()).rev() {
        if let Some(&ahead) = cues.tense.get(words[end]) {
            return ahead;
        }
        if lex.past_cues.contains(&words[end]) {
            return false;
        }
        // Future cues ending here ("will", "set to", "as soon as"); "'ll" at the end of its word.
        // Only the cues whose last word this is, and the clitics, can; the first of them in the
        // lexicon's order that does counts.
        let start_of = |cue: &[&str]| match cue {
            [apostrophe] if apostrophe.starts_with('\'') => words[end].ends_with(apostrophe).then_some(end),
            _ => (end + 1 >= cue.len() && words[end + 1 - cue.len()..=end] == cue[..]).then(|| end + 1 - cue.len()),
        };
        let ending_here = cues.by_last.get(words[end]).map_or(&[][..], Vec::as_slice);
        let cue_start = ending_here
            .iter()
            .chain(&cues.clitics)
            .filter_map(|&i| start_of(&cues.future[i]).map(|start| (i, start)))
            .min()
            .map(|(_, start)| start);
        if let Some(start) = cue_start {
            // "had planned to", "had been due to": the plan lies in the past.
            return !words[start.saturating_sub(2)..start].iter().any(|w| lex.past_cues.contains(w));
        }
    }
    words.last().is_some_and(|last| lex.deadline_cues.contains(last))
}

/// The words [`clause_looks_ahead`] reads.
struct ClauseCues {
    /// Each tense word of `clause_tense.tsv` with whether it looks ahead (the first row of a
    /// word counts).
    tense: HashMap<&'static str, bool, foldhash::fast::FixedState>,
    /// Each future cue split into its words, in the lexicon's order.
    future: Vec<Vec<&'static str>>,
    /// By last word, the future cues (indexes into `future`, in order) that end with it.
    by_last: HashMap<&'static str, Vec<usize>, foldhash::fast::FixedState>,
    /// The future cues that are one clitic ("'ll"), which ends a word rather than being one.
    clitics: Vec<usize>,
}

/// The words [`clause_looks_ahead`] and [`goes_on_in_past`] read, built once.
fn clause_cues() -> &'static ClauseCues {
    static CUES: OnceLock<ClauseCues> = OnceLock::new();
    CUES.get_or_init(|| {
        let lex = lexicon::lexicon();
        let mut tense = HashMap::default();
        for &(word, ahead) in &lex.clause_tense {
            tense.entry(word).or_insert(ahead);
        }
        let future: Vec<Vec<&str>> = lex.future_cues.iter().map(|cue| cue.split_whitespace().collect()).collect();
        let (mut by_last, mut clitics) = (HashMap::<_, Vec<usize>, _>::default(), Vec::new());
        for (i, cue) in future.iter().enumerate() {
            match cue.as_slice() {
                [apostrophe] if apostrophe.starts_with('\'') => clitics.push(i),
                [.., last] => by_last.entry(*last).or_default().push(i),
                [] => {}
            }
        }
        ClauseCues { tense, future, by_last, clitics }
    })
}

/// Cues as [`holds_cue`] looks for them.
#[derive(Default)]
struct Cues {
    /// Cues of whole words, one after another ("set to"), by their first word.
    by_first: HashMap<&'static str, Vec<Vec<&'static str>>, foldhash::fast::FixedState>,
    /// Clitics ("'ll", each starting with an apostrophe), which attach to the word before: found
    /// anywhere in a word.
    clitics: Vec<&'static str>,
}

impl Cues {
    fn new(list: &[&'static str]) -> Self {
        let mut cues = Cues::default();
        for &cue in list {
            if cue.starts_with('\'') {
                cues.clitics.push(cue);
            } else {
                let words: Vec<&str> = cue.split(' ').collect();
                cues.by_first.entry(words[0]).or_default().push(words);
            }
        }
        cues
    }
}

/// The past cues as [`prospective`] looks for them: whole words.
fn past_cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| Cues::new(&lexicon::lexicon().past_cues))
}

/// The future cues as [`prospective`] looks for them: whole words, except clitics ("'ll"),
/// which attach to the word before.
fn future_cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| Cues::new(&lexicon::lexicon().future_cues))
}

struct Normalized {
    kind: TimexType,
    value: String,
    /// Resolved against the creation time.
    anchored: bool,
    /// Resolved against another timex (its id).
    anchor: Option<String>,
    weekday_mismatch: Option<String>,
}

impl Normalized {
    fn new(kind: TimexType, value: String, anchored: bool) -> Self {
        Normalized { kind, value, anchored, anchor: None, weekday_mismatch: None }
    }

    fn anchored_to(self, id: String) -> Self {
        Normalized { anchor: Some(id), ..self }
    }
}

/// The year and quarter of a `YYYY-Qn` value.
fn quarter_of(value: &str) -> Option<(i32, u8)> {
    let (year, q) = value.split_once("-Q")?;
    Some((year.parse().ok()?, q.parse().ok().filter(|q| (1..=4).contains(q))?))
}

/// The TIMEX3 type and value of a reading, or why it has none.
fn normalize(reading: &Reading, dct: Option<&Moment>, ahead: bool) -> Result<Normalized, String> {
    use TimexType::*;
    let date = dct.map(|d| d.date);
    Ok(match *reading {
        Reading::Point(ref p) => return normalize_point(p, dct, ahead),
        Reading::Reference(v) => Normalized::new(Date, v.to_string(), false),
        Reading::Set { ref value, .. } => Normalized::new(Set, value.clone(), false),
        Reading::Decade(d) => Normalized::new(Date, d.to_string(), false),
        Reading::Half { n, year: Some(y), .. } => Normalized::new(Date, format!("{y:04}-H{n}"), false),
        Reading::Half { n, year: None, year_shift } => match date {
            Some(d) => Normalized::new(Date, format!("{:04}-H{n}", d.year() + year_shift.unwrap_or(0)), true),
            None => Normalized::new(Date, format!("XXXX-H{n}"), false),
        },
        // Resolved in `resolve`, which knows the quarter named before.
        Reading::SamePeriodIn(y) => Normalized::new(Date, format!("{y:04}"), false),
        Reading::Century(c) => Normalized::new(Date, format!("{c:02}"), false),
        Reading::Holiday { when, year, shift } => return holiday_value(when, year, shift, dct, ahead),
        Reading::Season { code, year: Some(y), .. } => Normalized::new(Date, format!("{y:04}-{code}"), false),
        Reading::Season { code, last_month, year: None, shift } => match dct {
            Some(dct) => {
                let d = dct.date;
                let (year, month) = (d.year(), d.month());
                let y = match shift {
                    // The most recent one that is over.
                    Some(s) if s < 0 => year - i32::from(last_month >= month),
                    Some(0) => year,
                    Some(_) => year + i32::from(last_month < month),
                    // "the summer": the nearest one, as a bare month (from its first month).
                    None => month_year(dct, (last_month + 9) % 12 + 1, ahead),
                };
                Normalized::new(Date, format!("{y:04}-{code}"), true)
            }
            None => Normalized::new(Date, format!("XXXX-{code}"), false),
        },
        Reading::Duration { count, unit, half } => Normalized::new(Duration, duration_value(count, unit, half), false),
        Reading::Quarter { n, year: Some(y), .. } => Normalized::new(Date, format!("{y:04}-Q{n}"), false),
        Reading::Quarter { n, year: None, year_shift: Some(shift), .. } => match date {
            Some(d) => Normalized::new(Date, format!("{:04}-Q{n}", d.year() + shift), true),
            None => Normalized::new(Date, format!("XXXX-Q{n}"), false),
        },
        Reading::Quarter { n, year: None, year_shift: None, year_ago } => match date {
            // The quarter being reported is normally the one just closed: a later number than
            // the current quarter's is last year's.
            Some(d) => {
                let current = (d.month() - 1) / 3 + 1;
                let y = d.year() - i32::from(n > current) - i32::from(year_ago);
                Normalized::new(Date, format!("{y:04}-Q{n}"), true)
            }
            None => Normalized::new(Date, format!("XXXX-Q{n}"), false),
        },
        Reading::WeekOf(ref p) => {
            let day = normalize_point(p, dct, ahead)?;
            let value = match Moment::parse(&day.value) {
                Some(m) => {
                    let (year, week) = m.date.iso_week();
                    format!("{year:04}-W{week:02}")
                }
                None => unknown_period("W").to_string(),
            };
            Normalized { value, ..day }
        }
        Reading::UnnamedWeek => match date {
            Some(d) => Normalized::new(Date, format!("{:04}-WXX", d.year()), true),
            None => Normalized::new(Date, unknown_period("W").to_string(), false),
        },
        Reading::RecentWeekend => match date {
            Some(d) => {
                let shift = if calendar::iso_weekday(d) <= 4 { -1 } else { 0 };
                Normalized::new(Date, relative_value(d, "WE", shift).ok_or("out of the calendar's range")?, true)
            }
            None => Normalized::new(Date, unknown_period("WE").to_string(), false),
        },
        // Resolved in `resolve`, which knows the dates named before.
        Reading::Anaphoric { unit, .. } => Normalized::new(Date, unknown_period(unit).to_string(), false),
        Reading::Relative { unit, shift } => match date {
            Some(d) => {
                Normalized::new(Date, relative_value(d, unit, shift).ok_or("out of the calendar's range")?, true)
            }
            None => Normalized::new(Date, unknown_period(unit).to_string(), false),
        },
        Reading::Ago { count: None, .. } => Normalized::new(Date, "PAST_REF".to_string(), false),
        Reading::Ago { count: Some(n), unit } => match date {
            // "a decade ago" is a year, not a decade.
            Some(d) if matches!(unit, "E" | "C") => {
                let years = if unit == "E" { 10 } else { 100 } * n as i32;
                Normalized::new(Date, format!("{:04}", d.year() - years), true)
            }
            Some(d) => {
                Normalized::new(Date, relative_value(d, unit, -(n as i32)).ok_or("out of the calendar's range")?, true)
            }
            None => Normalized::new(Date, unknown_period(unit).to_string(), false),
        },
    })
}

/// `P2Y`, `PT3H`, `PXM` (`PXY` for some decades, `P20Y` for two); with half a unit more, `P2Y6M`, `PT5H30M`, `P1DT12H`, `P15Y` (a
/// decade and a half), else ISO 8601's decimal fraction (`P2.5W`).
fn duration_value(count: Option<u32>, unit: &str, half: bool) -> String {
    let Some(n) = count.filter(|_| half) else {
        // Some decades are some years to the annotators ("decades-long" → PXY, in TimeBank,
        // AQUAINT and MEANTIME alike).
        let unit = if count.is_none() && unit == "E" { "Y" } else { unit };
        // Two or more decades are counted in years ("two decades" → P20Y, "four decades" →
        // P40Y); one stays a decade ("about a decade" → P1E).
        if let (Some(n @ 2..), "E") = (count, unit) {
            return format!("P{}Y", u64::from(n) * 10);
        }
        let n = count.map_or("X".to_string(), |n| n.to_string());
        return match unit.strip_prefix('T') {
            Some(clock) => format!("PT{n}{clock}"),
            None => format!("P{n}{unit}"),
        };
    };
    // Half of one unit, and decades and centuries with a half, as a whole count of the smaller
    // unit ([`grammar::halved`]): "half an hour" PT30M, "half a century" P50Y, "a decade and a
    // half" P15Y.
    if n == 0 || matches!(unit, "E" | "C") {
        if let Some((whole, smaller)) = grammar::halved(n, unit) {
            return duration_value(Some(whole), smaller, false);
        }
    }
    match unit {
        "Y" => format!("P{n}Y6M"),
        "D" => format!("P{n}DT12H"),
        "TH" => format!("PT{n}H30M"),
        "TM" => format!("PT{n}M30S"),
        _ => match unit.strip_prefix('T') {
            Some(clock) => format!("PT{n}.5{clock}"),
            None => format!("P{n}.5{unit}"),
        },
    }
}

/// The value of the period `shift` units away from the one holding `d`, at the unit's
/// granularity: year `2015`, month `2016-11`, ISO week `2016-W50`, weekend `2016-W50-WE`,
/// quarter `2016-Q3`, decade `201`, day `2016-12-18`.
fn relative_value(d: calendar::Date, unit: &str, shift: i32) -> Option<String> {
    let year = d.year();
    Some(match unit {
        "Y" => format!("{:04}", year + shift),
        "M" => {
            let months = year * 12 + d.month() as i32 - 1 + shift;
            format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
        }
        "W" | "WE" => {
            let (week_year, week) = calendar::add_days(d, shift * 7)?.iso_week();
            let suffix = if unit == "WE" { "-WE" } else { "" };
            format!("{week_year:04}-W{week:02}{suffix}")
        }
        "Q" => {
            let quarters = year * 4 + (d.month() as i32 - 1) / 3 + shift;
            format!("{:04}-Q{}", quarters.div_euclid(4), quarters.rem_euclid(4) + 1)
        }
        "E" => format!("{}", (year + shift * 10).div_euclid(10)),
        "C" => format!("{}", (year + shift * 100).div_euclid(100)),
        "D" => calendar::iso(calendar::add_days(d, shift)?),
        // Hours, minutes, seconds ago: the day they fall on.
        _ => calendar::iso(d),
    })
}

/// The value of the period `shift` units from the one of `value` (a calendar value the text
/// named): exact when `value` is precise enough (a year needs a year, a month a month, a day or
/// week a day), else with what it does give and `X`s for the rest ("that same day" after
/// "in October 1998" → `1998-10-XX`; "that month" after "in 1998" → `1998-XX`).
fn anaphoric_value(value: &str, unit: &str, shift: i32) -> Option<String> {
    let date_part = value.split('T').next()?;
    let parts: Vec<&str> = date_part.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    let month: Option<u8> = parts.get(1).and_then(|m| m.parse().ok());
    let day: Option<u8> = parts.get(2).and_then(|d| d.parse().ok());
    match (unit, month, day) {
        ("Y", _, _) => Some(format!("{:04}", year + shift)),
        ("M", Some(m), _) => relative_value(calendar::date(year, m, 1)?, "M", shift),
        ("D" | "W", Some(m), Some(d)) => relative_value(calendar::date(year, m, d)?, unit, shift),
        ("D", Some(m), None) if shift == 0 && (1..=12).contains(&m) => Some(format!("{year:04}-{m:02}-XX")),
        ("D", None, None) if shift == 0 && parts.len() == 1 => Some(format!("{year:04}-XX-XX")),
        ("M", None, None) if shift == 0 && parts.len() == 1 => Some(format!("{year:04}-XX")),
        _ => None,
    }
}

/// Does "… earlier" (`written`) count back from `named`, the last date the text named? It does
/// when that date stands in its sentence (starting at `sentence_start`) or the one before.
fn earlier_from(doc: &Segmented<'_>, named: &Timex, written: &str, sentence_start: usize) -> bool {
    let written = written.as_bytes();
    written.len() > 7
        && written[written.len() - 7..].eq_ignore_ascii_case(b"earlier")
        && named.bytes.start >= doc.sentence_before(sentence_start).map_or(sentence_start, |s| s.start)
}

/// The date of "the previous Friday" or "the following Monday" counted from `value` (a date the
/// text named), if `value` names a day.
fn anaphoric_weekday(value: &str, p: &Point) -> Option<String> {
    let from = Moment::parse(value.split('T').next()?)?.date;
    let weekday = p.weekday?;
    let date = if p.shift? < 0 {
        calendar::weekday_on_or_before(calendar::add_days(from, -1)?, weekday)
    } else {
        calendar::weekday_on_or_after(calendar::add_days(from, 1)?, weekday)
    };
    Some(calendar::iso(date?))
}

/// The value of a period that needs a reference time when there is none.
fn unknown_period(unit: &str) -> &'static str {
    match unit {
        "M" => "XXXX-XX",
        "W" => "XXXX-WXX",
        "WE" => "XXXX-WXX-WE",
        "Q" => "XXXX-QX",
        "D" | "TH" | "TM" | "TS" => "XXXX-XX-XX",
        _ => "XXXX",
    }
}

/// The TIMEX3 value of a calendar point, or why it has none.
fn normalize_point(p: &Point, dct: Option<&Moment>, ahead: bool) -> Result<Normalized, String> {
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
                    let year = month_year(dct, m, ahead);
                    let date =
                        calendar::date(year, m, d).ok_or_else(|| format!("{year} has no {} {d}", month_name(m)))?;
                    calendar::iso(date)
                }
                None => format!("XXXX-{m:02}-{d:02}"),
            }
        }
        (None, Some(m), None) if p.year_shift.is_some() => match dct {
            Some(dct) => {
                anchored = true;
                format!("{:04}-{m:02}", dct.date.year() + p.year_shift.unwrap_or(0))
            }
            None => format!("XXXX-{m:02}"),
        },
        (None, Some(m), None) => match dct {
            Some(dct) => {
                anchored = true;
                let (year, month) = (dct.date.year(), dct.date.month());
                let y = match p.shift {
                    Some(s) if s < 0 => year - i32::from(m >= month),
                    Some(s) if s > 0 => year + i32::from(m <= month),
                    Some(_) => year,
                    None => month_year(dct, m, ahead),
                };
                format!("{y:04}-{m:02}")
            }
            None => format!("XXXX-{m:02}"),
        },
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), None, None) => format!("{y:04}"),
        _ => match (p.day_offset, p.weekday, dct) {
            (Some(offset), _, Some(dct)) => {
                anchored = true;
                calendar::iso(calendar::add_days(dct.date, offset).ok_or("out of the calendar's range")?)
            }
            (None, Some(w), Some(dct)) => {
                anchored = true;
                let day = match p.shift {
                    Some(s) if s < 0 => {
                        calendar::add_days(dct.date, -1).and_then(|d| calendar::weekday_on_or_before(d, w))
                    }
                    Some(s) if s > 0 => {
                        calendar::add_days(dct.date, 1).and_then(|d| calendar::weekday_on_or_after(d, w))
                    }
                    Some(_) => calendar::add_days(dct.date, w as i32 - calendar::iso_weekday(dct.date) as i32),
                    None if ahead => calendar::weekday_on_or_after(dct.date, w),
                    None => calendar::weekday_on_or_before(dct.date, w),
                };
                calendar::iso(day.ok_or("out of the calendar's range")?)
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
        (Some(h), m, _) => {
            value.push('T');
            calendar::push_two_digits(&mut value, h);
            value.push(':');
            calendar::push_two_digits(&mut value, m.unwrap_or(0));
            // A time stated in UTC or GMT carries ISO 8601's `Z` ("[18:00 UTC]" → …T18:00Z, as
            // MEANTIME has it); other zones stay in the text only ("5 p.m. EST" → …T17:00, as
            // TimeBank has it).
            if p.zone == Some(0) {
                value.push('Z');
            }
        }
        (None, _, Some(code)) => {
            value.push('T');
            value.push_str(code);
        }
        _ => {}
    }
    let kind = if p.has_clock() { TimexType::Time } else { TimexType::Date };
    Ok(Normalized { kind, value, anchored, anchor: None, weekday_mismatch })
}

/// The year of a month named without one. News narrates the past: a month up to the
/// reference month is this year's, a later one this year's only when it is near (within three
/// months) or the clause looks ahead ("payable Jan. 2", "will resume in March"), else last
/// year's ("the Oct. 23 slaying" in a May story).
/// A holiday's date: in the stated year; else the one before or after the reference date for
/// "last"/"next", the reference year's for "this", and for a bare name the year a bare month
/// would take (see [`month_year`]).
fn holiday_value(
    when: lexicon::HolidayDate,
    year: Option<i32>,
    shift: Option<i32>,
    dct: Option<&Moment>,
    ahead: bool,
) -> Result<Normalized, String> {
    let on = |y: i32| calendar::holiday(when, y).ok_or_else(|| format!("no such date in {y}"));
    let (year, anchored) = match (year, dct) {
        (Some(y), _) => (y, false),
        (None, Some(dct)) => {
            let this = dct.date.year();
            let y = match shift {
                Some(s) if s < 0 => this - i32::from(on(this)? >= dct.date),
                Some(s) if s > 0 => this + i32::from(on(this)? <= dct.date),
                Some(_) => this,
                None => month_year(dct, when.month(), ahead),
            };
            (y, true)
        }
        (None, None) => {
            let value = match when {
                lexicon::HolidayDate::Fixed { month, day, weekday: None } => format!("XXXX-{month:02}-{day:02}"),
                _ => "XXXX-XX-XX".to_string(),
            };
            return Ok(Normalized::new(TimexType::Date, value, false));
        }
    };
    Ok(Normalized::new(TimexType::Date, calendar::iso(on(year)?), anchored))
}

fn month_year(dct: &Moment, month: u8, ahead: bool) -> i32 {
    let (year, current) = (dct.date.year(), dct.date.month());
    match (ahead, month.cmp(&current)) {
        (true, std::cmp::Ordering::Less) => year + 1,
        (true, _) => year,
        (false, std::cmp::Ordering::Greater) if month - current > 3 => year - 1,
        (false, _) => year,
    }
}

pub(crate) fn month_name(m: u8) -> &'static str {
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
    NAMES.get((m as usize).wrapping_sub(1)).copied().unwrap_or("?")
}

#[cfg(test)]
mod examples;

#[cfg(test)]
mod set_attributes {
    use crate::text::segment;

    /// SETs carry TimeML's `freq` and `quant`; other types carry neither.
    #[test]
    fn freq_and_quant() {
        let table: &[(&str, Option<&str>, Option<&str>)] = &[
            ("He calls twice a week.", Some("2X"), None),
            ("They meet three times a year.", Some("3X"), None),
            ("She visits every Monday.", None, Some("EVERY")),
            ("Orangemen march each July.", None, Some("EVERY")),
            ("Rates are set annually.", None, None),
            ("He stayed two weeks.", None, None),
        ];
        for (text, freq, quant) in table {
            let doc = segment(text);
            let resolved = super::resolve(&doc, super::extract(&doc), None);
            let t = resolved.timexes.first().unwrap_or_else(|| panic!("a timex in {text:?}"));
            assert_eq!((t.freq.as_deref(), t.quant), (*freq, *quant), "{text}");
        }
    }
}

#[cfg(test)]
mod clauses {
    /// The clause starts after the last separator, '“' included and other characters ending in
    /// byte 0x9C ("Ŝ") not.
    #[test]
    fn clause_before_cuts_at_the_last_separator() {
        let table = [
            ("He said, “It will Happen", "it will happen"),
            ("a: b; c, d \"E", "e"),
            ("no separator Here", "no separator here"),
            ("ŜAR, then Ŝ", " then ŝ"),
            ("", ""),
            ("ends with a comma,", ""),
        ];
        for (before, clause) in table {
            assert_eq!(super::clause_before(before), clause, "{before:?}");
            let split = before.rsplit([',', ';', ':', '“', '"']).next().unwrap_or("").to_lowercase();
            assert_eq!(split, clause, "{before:?}");
        }
    }

    /// Read back by bytes or not, the last words are those of `split_whitespace`.
    #[test]
    fn last_words_split_as_split_whitespace_splits() {
        let every_ascii: String = (0..128u8).map(char::from).collect();
        let texts = ["", " ", "will be  named\tcommander\n", " a\u{b}b\u{c}c\rd\u{1c}e ", &every_ascii, "a\u{a0}b é c"];
        for text in texts {
            for n in 0..8 {
                let mut expected: Vec<&str> = text.split_whitespace().rev().take(n).collect();
                expected.reverse();
                assert_eq!(super::last_words(text, n), expected, "{text:?} {n}");
            }
        }
    }
}
