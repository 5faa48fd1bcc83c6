//! The time grammar: rules that find time expressions and read their parts, unresolved.
//!
//! A rule is an id and a pattern; patterns are written with placeholders (`{month}`, `{day}`,
//! `{year}`, …) that expand to named groups built from the word lists in `lexicon/`. Whatever
//! groups a match has are read into a [`Point`] by one generic reader, so a new rule is one
//! line here and its examples in `examples.tsv` beside this file. A pattern with a `t` group
//! needs context around the expression (a latent match, as in Duckling): only `t` is the
//! expression.
//!
//! After matching, overlapping candidates are settled longest-first and adjacent ones that
//! complete each other ("December 19 2016" + "20:43 EET") are merged (chrono's refiners).

use super::lexicon::lexicon;
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::OnceLock;

/// One rule of the grammar.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable id, reported on every timex the rule produces.
    pub id: &'static str,
    /// The pattern, with placeholders.
    pub pattern: &'static str,
}

/// The rules, most specific first (on equal length the earlier rule wins).
pub const RULES: &[Rule] = &[
    Rule {
        id: "iso_datetime",
        pattern: r"{year}-{month_num}-{day_num}[T ]{hour24}:{minute}(?::[0-5][0-9])?",
    },
    Rule {
        id: "iso_date",
        pattern: r"{year}-{month_num}-{day_num}",
    },
    Rule {
        id: "month_day_year",
        pattern: r"(?:{weekday_any}\.?,?{sp})?{month}\.?{sp}{day},?{sp}{year}",
    },
    Rule {
        id: "day_month_year",
        pattern: r"(?:{weekday_any}\.?,?{sp})?{day}{sp}(?:of{sp})?{month}\.?,?{sp}{year}",
    },
    Rule {
        id: "month_year",
        pattern: r"{month}\.?,?{sp}{year}",
    },
    Rule {
        id: "month_day",
        pattern: r"(?:{weekday_any}\.?,?{sp})?{month}\.?{sp}{day}",
    },
    Rule {
        id: "day_month",
        pattern: r"(?:{weekday_any}\.?,?{sp})?{day}{sp}(?:of{sp})?{month}",
    },
    Rule {
        id: "year_in_context",
        pattern: r"(?i:in|since|by|until|till|from|during|before|after|through|to|of|between|and|early|late|mid-|summer|spring|autumn|fall|winter){sp}?(?P<t>{year})",
    },
    Rule {
        id: "clock_24",
        pattern: r"{hour24}:{minute}(?:{sp}{zone})?",
    },
    Rule {
        id: "clock_12",
        pattern: r"{hour12}(?::{minute})?{sp_opt}{ampm}(?:{sp}{zone})?",
    },
    Rule {
        id: "weekday_part_of_day",
        pattern: r"{weekday}{sp}{part_of_day}",
    },
    Rule {
        id: "weekday",
        pattern: r"{weekday}",
    },
    Rule {
        id: "day_word_part_of_day",
        pattern: r"(?P<day_word>(?i:yesterday|tomorrow|today)){sp}{part_of_day}",
    },
    Rule {
        id: "this_part_of_day",
        pattern: r"(?i:this){sp}{part_of_day}",
    },
    Rule {
        id: "last_night",
        pattern: r"(?i:last){sp}(?P<last_night>(?i:night))",
    },
    Rule {
        id: "day_word",
        pattern: r"(?P<day_word>(?i:today|tonight|yesterday|tomorrow))",
    },
];

/// What a time expression says, before it is resolved against any reference time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Point {
    /// Stated year.
    pub year: Option<i32>,
    /// Stated month, 1…12.
    pub month: Option<u8>,
    /// Stated day of the month, 1…31 (not yet checked against the month).
    pub day: Option<u8>,
    /// Stated weekday, ISO (Monday = 1).
    pub weekday: Option<u8>,
    /// Days from the reference date ("yesterday" = -1).
    pub day_offset: Option<i32>,
    /// Clock hour, 0…24.
    pub hour: Option<u8>,
    /// Clock minute.
    pub minute: Option<u8>,
    /// UTC offset of a stated zone, in minutes.
    pub zone: Option<i32>,
    /// TIMEX3 part-of-day code (`MO`, `AF`, `EV`, `NI`).
    pub part_of_day: Option<&'static str>,
}

impl Point {
    /// Says something about the day (or coarser).
    pub fn has_date(&self) -> bool {
        self.year.is_some()
            || self.month.is_some()
            || self.day.is_some()
            || self.weekday.is_some()
            || self.day_offset.is_some()
    }

    /// Says something about the time of day.
    pub fn has_clock(&self) -> bool {
        self.hour.is_some() || self.part_of_day.is_some()
    }

    /// A weekday and nothing else.
    fn is_bare_weekday(&self) -> bool {
        self.weekday.is_some()
            && Point {
                weekday: None,
                ..self.clone()
            } == Point::default()
    }

    /// Fill what `self` leaves open from `other`, if the two do not overlap.
    fn merged(&self, other: &Point) -> Option<Point> {
        let date_and_clock =
            |d: &Point, c: &Point| d.has_date() && !d.has_clock() && c.has_clock() && !c.has_date();
        let weekday_and_date =
            |w: &Point, d: &Point| w.is_bare_weekday() && d.day.is_some() && d.weekday.is_none();
        if !(date_and_clock(self, other)
            || date_and_clock(other, self)
            || weekday_and_date(self, other))
        {
            return None;
        }
        Some(Point {
            year: self.year.or(other.year),
            month: self.month.or(other.month),
            day: self.day.or(other.day),
            weekday: self.weekday.or(other.weekday),
            day_offset: self.day_offset.or(other.day_offset),
            hour: self.hour.or(other.hour),
            minute: self.minute.or(other.minute),
            zone: self.zone.or(other.zone),
            part_of_day: self.part_of_day.or(other.part_of_day),
        })
    }
}

/// A time expression found in the text, not yet resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte range in the text.
    pub bytes: Range<usize>,
    /// The rule (or `rule+rule` for merged candidates).
    pub rule: String,
    /// What it says.
    pub point: Point,
}

struct Compiled {
    rule: Rule,
    regex: Regex,
}

fn compiled() -> &'static [Compiled] {
    static GRAMMAR: OnceLock<Vec<Compiled>> = OnceLock::new();
    GRAMMAR.get_or_init(|| {
        RULES
            .iter()
            .map(|&rule| Compiled {
                rule,
                regex: Regex::new(&expand(rule.pattern))
                    .unwrap_or_else(|e| panic!("rule {}: {e}", rule.id)),
            })
            .collect()
    })
}

/// Expand the placeholders of a rule pattern into regex syntax.
fn expand(pattern: &str) -> String {
    let lex = lexicon();
    let cased = |words: &mut dyn Iterator<Item = &'static str>| {
        let mut all: Vec<String> = words
            .flat_map(|w| [w.to_string(), w.to_uppercase()])
            .collect();
        all.sort_by_key(|w| std::cmp::Reverse(w.len()));
        all.dedup();
        all.join("|")
    };
    let months = cased(&mut lex.months.iter().map(|m| m.0));
    let weekdays = cased(&mut lex.weekdays.iter().filter(|w| w.2).map(|w| w.0));
    let weekdays_any = cased(&mut lex.weekdays.iter().map(|w| w.0));
    let mut zones: Vec<&str> = lex.zones.iter().map(|z| z.0).collect();
    zones.sort_by_key(|z| std::cmp::Reverse(z.len()));
    let parts: Vec<&str> = lex.parts_of_day.iter().map(|p| p.word).collect();
    let sp = r"[ \t\u{a0}]+";
    pattern
        .replace("{sp_opt}", r"[ \t\u{a0}]?")
        .replace("{sp}", sp)
        .replace("{year}", r"(?P<year>1[0-9]{3}|20[0-9]{2})")
        .replace("{month_num}", r"(?P<month>0[1-9]|1[0-2])")
        .replace("{day_num}", r"(?P<day>0[1-9]|[12][0-9]|3[01])")
        .replace("{month}", &format!("(?P<month>{months})"))
        .replace("{day}", r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?")
        .replace("{weekday_any}", &format!("(?P<weekday>{weekdays_any})"))
        .replace("{weekday}", &format!("(?P<weekday>{weekdays})"))
        .replace("{hour24}", r"(?P<hour>[01]?[0-9]|2[0-4])")
        .replace("{hour12}", r"(?P<hour12>1[0-2]|0?[1-9])")
        .replace("{minute}", r"(?P<minute>[0-5][0-9])")
        .replace("{ampm}", r"(?P<ampm>[aApP]\.[mM]\.|[aApP][mM])")
        .replace("{zone}", &format!("(?P<zone>{})", zones.join("|")))
        .replace(
            "{part_of_day}",
            &format!("(?P<part_of_day>(?i:{}))", parts.join("|")),
        )
}

/// Find every time expression in `text`, unresolved, in text order, without overlaps.
pub fn extract(text: &str) -> Vec<Candidate> {
    let mut found = Vec::new();
    for (order, c) in compiled().iter().enumerate() {
        let mut at = 0;
        while at <= text.len() {
            let Some(caps) = c.regex.captures_at(text, at) else {
                break;
            };
            let whole = caps.get(0).expect("group 0");
            let inner = caps.name("t").unwrap_or(whole);
            let bounded = at_word_boundaries(text, whole.range())
                && !looks_like_number_run(text, c.rule.id, whole.range());
            if bounded {
                if let Some(point) = read(&caps) {
                    found.push((
                        order,
                        Candidate {
                            bytes: inner.range(),
                            rule: c.rule.id.to_string(),
                            point,
                        },
                    ));
                }
                at = whole.end().max(whole.start() + 1);
            } else {
                at = whole.start() + 1;
            }
            while at < text.len() && !text.is_char_boundary(at) {
                at += 1;
            }
        }
    }
    // Longest first, then leftmost, then rule order; keep what does not overlap.
    found.sort_by_key(|(order, c)| (std::cmp::Reverse(c.bytes.len()), c.bytes.start, *order));
    let mut kept: Vec<Candidate> = Vec::new();
    for (_, c) in found {
        if kept
            .iter()
            .all(|k| k.bytes.end <= c.bytes.start || c.bytes.end <= k.bytes.start)
        {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.bytes.start);
    merge_adjacent(text, kept)
}

/// Merge neighbours that complete each other: a date and a clock time ("December 19 2016 20:43
/// EET", "10 p.m. Wednesday"), a weekday and a date.
fn merge_adjacent(text: &str, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates {
        if let Some(prev) = out.last_mut() {
            let gap = &text[prev.bytes.end..c.bytes.start];
            let joinable = gap.len() <= 6
                && gap
                    .split(|ch: char| ch == ' ' || ch == ',' || ch == '\u{a0}')
                    .all(|w| {
                        w.is_empty() || w.eq_ignore_ascii_case("at") || w.eq_ignore_ascii_case("on")
                    });
            if joinable {
                if let Some(point) = prev.point.merged(&c.point) {
                    prev.bytes.end = c.bytes.end;
                    prev.rule = format!("{}+{}", prev.rule, c.rule);
                    prev.point = point;
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// No letter or digit may touch the match on either side.
fn at_word_boundaries(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Guards against numbers that only look like times: a clock followed by more digits
/// ("9:15 35", a score or a list of numbers), a clock glued to a period and digit (a version
/// or decimal), a year followed by a percent sign or decimal part.
fn looks_like_number_run(text: &str, rule: &str, range: Range<usize>) -> bool {
    let after = &text[range.end..];
    let before = &text[..range.start];
    let digit_follows = after
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(|c: char| c.is_ascii_digit());
    let joined_number = after.starts_with(['.', ',', ':', '/', '%'])
        && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with('%')
        || before.ends_with(['.', ':', '/', '-', '$', '£', '€']) && !before.ends_with("mid-");
    match rule {
        "clock_24" => digit_follows || joined_number,
        _ => joined_number,
    }
}

/// Read the named groups of a match into a [`Point`]; `None` if a part is out of range.
fn read(caps: &Captures<'_>) -> Option<Point> {
    let lex = lexicon();
    let group = |name| caps.name(name).map(|m| m.as_str());
    let mut p = Point::default();
    if let Some(y) = group("year") {
        p.year = Some(y.parse().ok()?);
    }
    if let Some(m) = group("month") {
        p.month = Some(m.parse().ok().or_else(|| lex.month(m))?);
    }
    if let Some(d) = group("day") {
        p.day = Some(d.parse().ok().filter(|d| (1..=31).contains(d))?);
    }
    if let Some(w) = group("weekday") {
        p.weekday = Some(lex.weekday(w)?);
    }
    if let Some(h) = group("hour") {
        p.hour = Some(h.parse().ok().filter(|h| *h <= 24)?);
        p.minute = Some(0);
    }
    if let Some(h) = group("hour12") {
        let h: u8 = h.parse().ok()?;
        let pm = group("ampm").is_some_and(|a| a.starts_with(['p', 'P']));
        p.hour = Some(match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        });
        p.minute = Some(0);
    }
    if let Some(m) = group("minute") {
        p.minute = Some(m.parse().ok()?);
    }
    if p.hour == Some(24) && p.minute != Some(0) {
        return None;
    }
    if let Some(z) = group("zone") {
        p.zone = lex.zone(z);
    }
    if let Some(w) = group("part_of_day") {
        p.part_of_day = Some(lex.part_of_day(w)?.code);
    }
    if let Some(w) = group("day_word") {
        let (offset, part) = lex.day_word(w)?;
        p.day_offset = Some(offset);
        p.part_of_day = p.part_of_day.or(part);
    }
    if group("last_night").is_some() {
        p.day_offset = Some(-1);
        p.part_of_day = Some("NI");
    }
    if p.part_of_day.is_some() && p.day_offset.is_none() && p.weekday.is_none() && !p.has_date() {
        p.day_offset = Some(0); // "this evening"
    }
    Some(p)
}

/// Ids of rules that no example in `examples.tsv` exercises (the coverage report).
pub fn rules_without_examples(examples: &str) -> Vec<&'static str> {
    RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| {
            !examples.lines().any(|l| {
                l.split('\t')
                    .nth(5)
                    .is_some_and(|rule| rule.split('+').any(|p| p == *id))
            })
        })
        .collect()
}
