//! Ages and births: "aged 22", "Andrey Karlov, 62,", "a 22-year-old", "62 years old", "born in
//! 1994". TimeML never tags ages as time expressions, but the timeline and the comparison of
//! articles use them: an age and the year it held in give a birth year by arithmetic ("in 1976
//! aged 22" and "62" in December 2016 both say born 1954).

use super::{Moment, Timex, TimexType};
use crate::text::{Segmented, Span};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// An age or a birth stated in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Age {
    /// UTF-16 span of the words.
    pub span: Span,
    /// The words, as written.
    pub text: String,
    /// The age in years, when one is stated.
    pub age: Option<u32>,
    /// The earliest and latest possible birth year: from a stated birth, or from the age and the
    /// year it held in (a year later if the birthday had not come yet).
    pub born: Option<[i32; 2]>,
    /// What the age held in: the id of the year named in the same sentence, `creation_time`, or
    /// `null`.
    pub anchor: Option<String>,
    /// The rule that found it.
    pub rule: &'static str,
    /// Byte range of the words in the document text.
    #[serde(skip)]
    pub bytes: std::ops::Range<usize>,
}

/// The rules: id and pattern (`age` or `year` group). No pattern reads across a line break, and
/// [`possible_lines`] tells which rules each line may hold, so each regex reads only those lines.
const RULES: &[(&str, &str)] = &[
    ("aged", r"(?i-u:aged)[ \u{a0}]+(?P<age>[0-9]{1,3})"),
    ("years_old", r"(?P<age>[0-9]{1,3})(?:-year-old|[ \u{a0}]+years?[ \u{a0}]+old)"),
    // An apposition after a name: "Andrey Karlov, 62, was …", "Altıntaş, 22," (a capitalised
    // word, letters beyond ASCII included, a comma).
    ("apposition", r"[A-Z](?:[A-Za-z'’\-]|[^\x00-\x7F])+,[ \u{a0}]+(?P<age>[1-9][0-9]?),"),
    (
        "born_in",
        r"(?i-u:born)[ \u{a0}]+(?:(?i-u:in|on)[ \u{a0}]+)?(?:[^.,;\r\n]{0,20}?[ \u{a0}])?(?P<year>1[89][0-9]{2}|20[0-9]{2})",
    ),
];

/// The lines of `text` (each with its line break) that may hold a match, with where each starts
/// and the rules (bit `i` for `RULES[i]`) it may hold a match of, from words each one's every
/// match spells out: "aged", "year-old" or "years old", ", 62,", "born". One pass over the
/// bytes, stopping only at "g", "y", "b", commas and line breaks (letters rarer than the last
/// ones of those words).
fn possible_lines(text: &str) -> Vec<(usize, &str, u8)> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    // The line being read: where it starts, and its rules so far.
    let (mut start, mut rules) = (0, 0);
    let mut from = 0;
    while let Some(offset) = bytes[from..].iter().position(|&b| STOPS[usize::from(b)]) {
        let i = from + offset;
        from = i + 1;
        let b = bytes[i];
        let after = &bytes[i + 1..];
        match b {
            b'\n' => {
                if rules != 0 {
                    lines.push((start, &text[start..=i], rules));
                }
                (start, rules) = (i + 1, 0);
            }
            b'g' | b'G' => {
                let a_before = i > start && bytes[i - 1].eq_ignore_ascii_case(&b'a');
                if a_before && after.get(..2).is_some_and(|ed| ed.eq_ignore_ascii_case(b"ed")) {
                    rules |= 1;
                }
            }
            b'y' if year_old(after) => rules |= 2,
            b'b' | b'B' if after.get(..3).is_some_and(|orn| orn.eq_ignore_ascii_case(b"orn")) => rules |= 8,
            // (What follows a comma is read no further than a line break: no space or digit.)
            b',' if number_then_comma(&bytes[i + 1..]) => rules |= 4,
            _ => {}
        }
    }
    if rules != 0 {
        lines.push((start, &text[start..], rules));
    }
    lines
}

/// The bytes [`possible_lines`] stops at: "g", "b" (in either case), "y", commas and line breaks.
const STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    stops[b'g' as usize] = true;
    stops[b'G' as usize] = true;
    stops[b'y' as usize] = true;
    stops[b'b' as usize] = true;
    stops[b'B' as usize] = true;
    stops[b',' as usize] = true;
    stops[b'\n' as usize] = true;
    stops
};

/// Does `after` (what follows a "y") go on "ear-old", or "ear" or "ears", spaces and "old"?
fn year_old(after: &[u8]) -> bool {
    let Some(rest) = after.strip_prefix(b"ear") else { return false };
    if rest.starts_with(b"-old") {
        return true;
    }
    let mut rest = rest.strip_prefix(b"s").unwrap_or(rest);
    let mut spaced = false;
    while let Some(tail) = rest.strip_prefix(b" ").or_else(|| rest.strip_prefix("\u{a0}".as_bytes())) {
        rest = tail;
        spaced = true;
    }
    spaced && rest.starts_with(b"old")
}

/// Does `rest` (what follows a comma) start with spaces, a number 1–99 and a comma (" 62,")?
fn number_then_comma(rest: &[u8]) -> bool {
    let mut rest = rest;
    let mut spaced = false;
    loop {
        match rest {
            [b' ', tail @ ..] | [0xC2, 0xA0, tail @ ..] => {
                rest = tail;
                spaced = true;
            }
            [b'1'..=b'9', b',', ..] | [b'1'..=b'9', b'0'..=b'9', b',', ..] => return spaced,
            _ => return false,
        }
    }
}

/// Find the ages and births of a text; `timexes` are its resolved time expressions (for the year
/// an age held in), `dct` its creation time.
pub fn extract(doc: &Segmented<'_>, timexes: &[Timex], dct: Option<&Moment>) -> Vec<Age> {
    static COMPILED: OnceLock<Vec<(&'static str, Regex)>> = OnceLock::new();
    let rules =
        COMPILED.get_or_init(|| RULES.iter().map(|&(id, p)| (id, Regex::new(p).expect("age rule compiles"))).collect());
    let text = doc.text;
    // The lines that may hold a match, with where they start and which rules they may hold.
    let lines = possible_lines(text);
    let mut ages: Vec<(usize, Age)> = Vec::new();
    for (bit, (rule, regex)) in rules.iter().enumerate() {
        let matches = lines
            .iter()
            .filter(|(_, _, possible)| possible & 1 << bit != 0)
            .flat_map(|&(at, line, _)| regex.captures_iter(line).map(move |caps| (at, caps)));
        for (at, caps) in matches {
            // Byte ranges in the line, made ranges in the text.
            let shift = |m: regex::Match<'_>| m.start() + at..m.end() + at;
            let found = |name: &str| caps.name(name).map(shift);
            let whole = shift(caps.get(0).expect("group 0"));
            let before = text[..whole.start].chars().next_back();
            if before.is_some_and(char::is_alphanumeric) || text[whole.end..].starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            // An apposition's span is the number, not the name before it.
            let shown = if *rule == "apposition" { found("age").expect("age group") } else { whole.clone() };
            if ages.iter().any(|(start, a)| *start == shown.start || a.text.contains(&text[shown.clone()])) {
                continue;
            }
            let age = found("age").and_then(|r| text[r].parse::<u32>().ok()).filter(|a| (1..=120).contains(a));
            let stated_birth = found("year").and_then(|r| text[r].parse::<i32>().ok());
            if age.is_none() && stated_birth.is_none() {
                continue;
            }
            let (held_in, anchor) = match age {
                Some(_) => year_held(doc, timexes, whole.start, dct),
                None => (None, None),
            };
            let born = match (stated_birth, age, held_in) {
                (Some(y), _, _) => Some([y, y]),
                (None, Some(a), Some(y)) => Some([y - a as i32 - 1, y - a as i32]),
                _ => None,
            };
            ages.push((
                shown.start,
                Age {
                    span: doc.span(shown.clone()),
                    text: text[shown.clone()].to_string(),
                    age,
                    born,
                    anchor,
                    rule,
                    bytes: shown,
                },
            ));
        }
    }
    ages.sort_by_key(|(start, _)| *start);
    ages.into_iter().map(|(_, a)| a).collect()
}

/// The year an age stated at byte `at` held in: a year named in the same sentence, else the
/// creation time's.
fn year_held(doc: &Segmented<'_>, timexes: &[Timex], at: usize, dct: Option<&Moment>) -> (Option<i32>, Option<String>) {
    let sentence = doc.sentence_of(at);
    let named =
        timexes.iter().filter(|t| t.kind == TimexType::Date && sentence.contains(&t.bytes.start)).find_map(|t| {
            let year = t.value.get(..4)?.parse::<i32>().ok()?;
            Some((year, t.id.clone()))
        });
    match (named, dct) {
        (Some((year, id)), _) => (Some(year), Some(id)),
        (None, Some(dct)) => (Some(dct.date.year()), Some("creation_time".to_string())),
        (None, None) => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn ages(text: &str, dct: &str) -> Vec<(String, Option<u32>, Option<[i32; 2]>)> {
        let doc = segment(text);
        let dct = Moment::parse(dct);
        let timexes = super::super::resolve(&doc, super::super::extract(&doc), dct.as_ref()).timexes;
        extract(&doc, &timexes, dct.as_ref()).into_iter().map(|a| (a.text, a.age, a.born)).collect()
    }

    #[test]
    fn age_examples() {
        type Row = (&'static str, &'static [(&'static str, Option<u32>, Option<[i32; 2]>)]);
        let table: &[Row] = &[
            ("He entered the diplomatic service in 1976 aged 22.", &[("aged 22", Some(22), Some([1953, 1954]))]),
            ("Ambassador Andrey Karlov, 62, was shot.", &[("62", Some(62), Some([1953, 1954]))]),
            ("Altıntaş, 22, reportedly a police officer, shouted.", &[("22", Some(22), Some([1993, 1994]))]),
            ("The gunman, a 22-year-old police officer, fired.", &[("22-year-old", Some(22), Some([1993, 1994]))]),
            ("The documents state he was born in 1994.", &[("born in 1994", None, Some([1994, 1994]))]),
            ("He is 62 years old.", &[("62 years old", Some(62), Some([1953, 1954]))]),
            // negative: counts and numbers that are not ages
            ("Shares rose to 62, then fell.", &[]),
            ("It happened in 1976, when 22 people died.", &[]),
            // A birth never reads across a line break.
            ("He was born in Aydın\nin 1994 the town grew.", &[]),
            ("The 136-year-old institution closed.", &[]),
        ];
        for (text, expected) in table {
            let expected: Vec<_> = expected.iter().map(|(t, a, b)| (t.to_string(), *a, *b)).collect();
            assert_eq!(ages(text, "2016-12-19"), expected, "{text}");
        }
    }

    #[test]
    fn every_line_with_a_match_is_possible_for_its_rule() {
        let possible_rules = |line: &str| possible_lines(line).iter().fold(0, |rules, l| rules | l.2);
        let lines = [
            "He entered the diplomatic service in 1976 aged 22.",
            "Ambassador Andrey Karlov, 62, was shot.",
            "Altıntaş,\u{a0}22, reportedly a police officer, shouted.",
            "The gunman, a 22-year-old police officer, fired.",
            "He was BORN on the morning of 1994.",
            "He is 62  years old.",
            "Smith, 40, and O'Brien-Jones, 35, AGED 3",
        ];
        for (bit, (rule, pattern)) in RULES.iter().enumerate() {
            let regex = Regex::new(pattern).expect("age rule compiles");
            for line in lines.iter().filter(|l| regex.is_match(l)) {
                assert!(possible_rules(line) & 1 << bit != 0, "{rule}: {line}");
            }
        }
        assert_eq!(possible_rules("Shares rose to 62,then fell, 0 left, , x, 62 and, 100,"), 0);
        assert_eq!(possible_rules("He told the years-old gold holders, a yearly old, the boron cage"), 0);
        // Line by line: each line's rules, and only the lines that hold some.
        let text = "Karlov, 62,\nno age here\nborn in 1994";
        assert_eq!(possible_lines(text), [(0, "Karlov, 62,\n", 4), (24, "born in 1994", 8)]);
    }
}
