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

use super::lexicon::{lexicon, lookup, HolidayDate};
use regex::{CaptureLocations, Regex};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// One rule of the grammar.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable id, reported on every timex the rule produces.
    pub id: &'static str,
    /// A kind of word every match contains: the rule only runs on sentences that have one.
    pub anchor: Anchor,
    /// The pattern, with placeholders.
    pub pattern: &'static str,
}

/// Kinds of words that time expressions are built around. A quick scan marks which kinds each
/// sentence holds, and a rule runs only on the sentences that hold its anchor: most sentences
/// have no month, weekday or time unit, and the regexes never see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Anchor {
    /// A token with a digit ("2016", "20:43", "1990s").
    Digit = 1,
    /// A month name or abbreviation.
    Month = 2,
    /// A weekday name or abbreviation.
    Weekday = 4,
    /// A time unit ("years", "quarter", "weekend").
    Unit = 8,
    /// A season.
    Season = 16,
    /// The last word of a vague reference ("now", "recently", "future").
    Reference = 32,
    /// The last word of a recurrence ("daily", "year" in "every year").
    Set = 64,
    /// "today", "tonight", "yesterday", "tomorrow".
    DayWord = 128,
    /// "morning", "afternoon", "evening", "night".
    PartOfDay = 256,
    /// "noon", "midday", "midnight".
    ClockWord = 512,
    /// A number that can be a year, 1000–2099, or a decade ("1990s").
    Year = 1024,
    /// A number followed by a colon and a digit ("20:43").
    Clock = 2048,
    /// "quarter", "quarters", "half", and "period" ("the latest period" of a results story).
    Quarter = 4096,
    /// "ago", "earlier": a span counted back.
    Ago = 8192,
    /// "weekend", "weekends".
    Weekend = 16384,
    /// A holiday's distinctive word ("Christmas", "Thanksgiving"; `lexicon/holidays.tsv`).
    Holiday = 1 << 15,
    /// "century" (a second anchor, see [`SECOND_ANCHORS`]).
    Century = 1 << 16,
    /// "year" itself.
    YearWord = 1 << 17,
    /// "next".
    Next = 1 << 18,
    /// A word pointing back to a period named before ("same", "previous", "that").
    Anaphor = 1 << 19,
    /// A word of a shift (`lexicon/shifts.tsv`: "last", "this", "coming").
    Shift = 1 << 20,
    /// A word opening a span ("past", "first", "recent").
    Span = 1 << 21,
    /// A frequency word ("once", "twice", "times").
    Frequency = 1 << 22,
    /// "for", "within", "in", "over": the prepositions before a bare plural unit.
    Preposition = 1 << 23,
    /// "a.m." or "pm" glued to a number ("3pm", "10:30pm") or one white-space character after one
    /// ("3 p.m.").
    AmPm = 1 << 24,
    /// A time unit right after a hyphen ("62-year-old").
    HyphenUnit = 1 << 25,
    /// "over" ("over the years").
    Over = 1 << 26,
    /// "half" ("two and a half years").
    Half = 1 << 27,
    /// "½", or a number ending in 1 followed by "/2" ("3 1/2 years", "31/2 years").
    Fraction = 1 << 28,
    /// "ahead" ("the weeks ahead").
    Ahead = 1 << 29,
    /// "before", "after", "leading" ("the days before").
    Around = 1 << 30,
    /// "long" ("a week-long strike").
    Long = 1 << 31,
    /// "to", "or" ("two to three weeks").
    ToOr = 1 << 32,
    /// "every", "each".
    Every = 1 << 33,
    /// The distinctive word of an edge of a period (`lexicon/modifiers.tsv`: "early", "mid", the
    /// "end" of "the end of").
    Edge = 1 << 34,
    /// A decade's number: "1990s", "1990's".
    Decade = 1 << 35,
    /// A year right before a dash ("2009-2013", "2016-12-19").
    YearDash = 1 << 36,
    /// A number right before a slash ("12/19/2016").
    Slash = 1 << 37,
    /// A weekday or part of the day in the plural ("Mondays", "nights").
    Plural = 1 << 38,
    /// A second month name in the sentence ("March and May").
    SecondMonth = 1 << 39,
    /// A second year number in the sentence ("1998 and 1999").
    SecondYear = 1 << 40,
    /// "later", "beyond", "after" ("1994 or later").
    OrLater = 1 << 41,
    /// A number right before a dot and a digit ("19.12.2016").
    Dot = 1 << 42,
    /// "fiscal".
    Fiscal = 1 << 43,
    /// The first word of a spoken year followed by a second word a spoken year can have
    /// (see [`SPOKEN_TEENS`]): "nineteen [ninety]", "two [thousand]".
    Spoken = 1 << 44,
    /// A time unit in the plural ("weeks").
    UnitPlural = 1 << 45,
    /// The first word of a recurrence (`lexicon/sets.tsv`: "every", "daily").
    SetWord = 1 << 46,
    /// "ended", "ending" ("the year ended").
    Ended = 1 << 47,
    /// "week".
    Week = 1 << 48,
    /// An ordinal of a quarter: "first" to "fourth", "1st" to "4th".
    Ordinal = 1 << 49,
    /// The first word of a holiday's name ("new" of "New Year's Day"; `lexicon/holidays.tsv`).
    HolidayName = 1 << 50,
    /// "previous", "preceding", "following".
    Sequel = 1 << 51,
    /// A month name right after a word of [`MONTH_MODIFIERS`] ("the [October] slaying").
    ModifiedMonth = 1 << 52,
    /// A year right after a word of [`YEAR_MODIFIERS`] or a possessive's "s" ("its [1988]
    /// recapitalization", "the company's [1989] results").
    ModifiedYear = 1 << 53,
    /// A month name right after a word of [`MONTH_CONTEXTS`] ("since [March]").
    MonthInContext = 1 << 54,
    /// A year right after a word of [`YEAR_CONTEXTS`] ("in [1990]").
    YearInContext = 1 << 55,
    /// "to" or "or" right after a number ("12 [to] 18 months", "two [or] three weeks").
    RangeWord = 1 << 56,
    /// A month name right after a number, or after "of" after a number ("19 [December]", "the
    /// 19th of [December]").
    MonthAfterDay = 1 << 57,
    /// A time unit or a period right after a word of [`PERIOD_OPENERS`] ("the [year]", "for
    /// [years]", "the comparable [period]").
    OpenedPeriod = 1 << 58,
    /// A time unit right after a word pointing back ([`Anchor::Anaphor`], "next"): "that
    /// [year]", "the next [day]".
    AnaphoricUnit = 1 << 59,
    /// "ago" or "earlier" right after "year-" ("year-[ago]").
    YearAgo = 1 << 60,
    /// "half" right after "first", "second", "last" or "latter", or "quarters" right after "two"
    /// ("the first [half]", "the last two [quarters]").
    HalfOfYear = 1 << 61,
    /// A time unit right after a count ("40 [years]", "two [years]", "a [week]") or a word of
    /// [`UNIT_KINDS`] ("two more [years]"): what every plain duration spells out.
    CountedUnit = 1 << 62,
    /// A month name followed by a list of days ("April [24 and 25]", "May [3, 4] or 5"), for the
    /// `day_in_list` rule.
    DayInList = 1 << 63,
}

/// Rules that also need words of other kinds, each one a word every match of the rule spells out
/// (a rule may be listed more than once): the rule runs only on sentences holding its anchor and
/// all of these (the many sentences with a bare "year" or "day" skip them).
const SECOND_ANCHORS: &[(&str, Anchor)] = &[
    ("century", Anchor::Century),
    ("year_end", Anchor::YearWord),
    ("year_ended", Anchor::YearWord),
    ("the_year", Anchor::YearWord),
    ("the_next_day", Anchor::Next),
    ("anaphoric_period", Anchor::Anaphor),
    ("anaphoric_weekday", Anchor::Anaphor),
    ("relative_period", Anchor::Shift),
    ("vague_duration", Anchor::Span),
    ("set_frequency", Anchor::Frequency),
    ("bare_duration", Anchor::Preposition),
    ("clock_12", Anchor::AmPm),
    ("duration_adjective", Anchor::HyphenUnit),
    ("over_the_units", Anchor::Over),
    ("duration_and_a_half", Anchor::Half),
    ("count_and_a_half", Anchor::Half),
    ("half_a_unit", Anchor::Half),
    ("duration_half", Anchor::Fraction),
    ("units_ahead", Anchor::Ahead),
    ("units_around", Anchor::Around),
    ("duration_long", Anchor::Long),
    ("duration_range", Anchor::RangeWord),
    ("set_month", Anchor::Every),
    ("set_weekday", Anchor::Every),
    ("edge_month", Anchor::Edge),
    ("edge_year", Anchor::Edge),
    ("decade", Anchor::Decade),
    ("iso_datetime", Anchor::YearDash),
    ("iso_date", Anchor::YearDash),
    ("year_range_start", Anchor::YearDash),
    ("year_range_end", Anchor::YearDash),
    ("numeric_date_slash", Anchor::Slash),
    ("numeric_date_slash_short", Anchor::Slash),
    ("month_day_year", Anchor::Year),
    ("day_month_year", Anchor::Year),
    ("month_year", Anchor::Year),
    ("year_period", Anchor::Year),
    ("weekday_part_of_day", Anchor::PartOfDay),
    ("plural_weekday", Anchor::Plural),
    ("relative_weekday", Anchor::Shift),
    ("month_in_list", Anchor::SecondMonth),
    ("year_in_list", Anchor::SecondYear),
    ("month_relative_year", Anchor::YearWord),
    ("month_relative_year", Anchor::Shift),
    ("year_or_later", Anchor::OrLater),
    ("numeric_date", Anchor::Dot),
    ("the_year_named", Anchor::YearWord),
    ("fiscal_year", Anchor::Fiscal),
    ("spoken_year", Anchor::Spoken),
    ("latest_period", Anchor::Shift),
    ("relative_month", Anchor::Shift),
    ("day_month", Anchor::MonthAfterDay),
    ("month_modifier", Anchor::ModifiedMonth),
    ("year_modifier", Anchor::ModifiedYear),
    ("month_in_context", Anchor::MonthInContext),
    ("year_in_context", Anchor::YearInContext),
    ("day_word_part_of_day", Anchor::PartOfDay),
    ("the_year", Anchor::OpenedPeriod),
    ("the_quarter", Anchor::OpenedPeriod),
    ("the_week", Anchor::OpenedPeriod),
    ("units_around", Anchor::OpenedPeriod),
    ("units_ahead", Anchor::OpenedPeriod),
    ("year_ended", Anchor::OpenedPeriod),
    ("bare_duration", Anchor::OpenedPeriod),
    ("over_the_units", Anchor::OpenedPeriod),
    ("period_a_year_before", Anchor::OpenedPeriod),
    ("latest_period", Anchor::OpenedPeriod),
    ("anaphoric_period", Anchor::AnaphoricUnit),
    ("the_next_day", Anchor::AnaphoricUnit),
    ("year_ago_adjective", Anchor::YearAgo),
    ("half_year", Anchor::HalfOfYear),
    ("month_day", Anchor::Digit),
    ("day_in_list", Anchor::Digit),
    ("bare_duration", Anchor::UnitPlural),
    ("vague_duration", Anchor::UnitPlural),
    ("units_ahead", Anchor::UnitPlural),
    ("over_the_units", Anchor::UnitPlural),
    ("set", Anchor::SetWord),
    ("year_ended", Anchor::Ended),
    ("year_end", Anchor::Edge),
    ("the_week", Anchor::Week),
    ("week_of_date", Anchor::Week),
    ("period_a_year_before", Anchor::YearWord),
    ("last_years_period", Anchor::YearWord),
    ("quarter", Anchor::Ordinal),
    ("quarter_adjective", Anchor::Ordinal),
    ("quarter_of_year", Anchor::Ordinal),
    ("holiday", Anchor::HolidayName),
    ("anaphoric_weekday", Anchor::Sequel),
    ("edge_part_of_day", Anchor::Edge),
    ("this_part_of_day", Anchor::Shift),
    ("last_night", Anchor::Shift),
    ("last_years_period", Anchor::Shift),
    ("day_month_year", Anchor::MonthAfterDay),
    ("day_in_list", Anchor::DayInList),
    ("duration", Anchor::CountedUnit),
    ("ago", Anchor::CountedUnit),
    ("duration_and_a_half", Anchor::CountedUnit),
];

/// The words before a month name that modifies a noun ("the [October] slaying"): the
/// `month_modifier` rule's pattern spells them out, and [`anchors_in`] looks for them before
/// each month name.
const MONTH_MODIFIERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "this"];

/// The words before a year that modifies a noun ("the [1996] Olympic bombing"), for the
/// `year_modifier` rule as [`MONTH_MODIFIERS`] are for `month_modifier` (its pattern also takes
/// a possessive: "the company's [1989] results").
const YEAR_MODIFIERS: &[&str] =
    &["the", "a", "an", "its", "his", "her", "their", "our", "that", "this", "both", "into", "due", "whose"];

/// The words before a month name in context ("since [March]"), for the `month_in_context` rule.
const MONTH_CONTEXTS: &[&str] = &[
    "in", "since", "until", "till", "by", "during", "from", "through", "between", "before", "after", "of", "to", "for",
];

/// The words before a year in context ("in [1990]", "summer [1990]"), for the `year_in_context`
/// rule.
const YEAR_CONTEXTS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "through", "to", "of", "between", "and",
    "for", "summer", "spring", "autumn", "fall", "winter",
];

/// The number words that open a range of counts ("two to three weeks"), for the
/// `duration_range` rule.
const RANGE_LOW_WORDS: &[&str] =
    &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/// The words that may stand between a count and its unit ("two [more] years"), for the
/// `duration` rule.
const UNIT_KINDS: &[&str] =
    &["more", "additional", "extra", "further", "trading", "business", "working", "straight", "consecutive"];

/// The words right before the unit or period of the rules that open one with an article, an
/// adjective or a preposition: "the [year]", "the fiscal [year]" (`the_year`, `year_ended`),
/// "the [quarter]", "the [week]", "the [days] before", "the [weeks] ahead", "for [years]", "in
/// [years]", "over the [years]" (`bare_duration`, `over_the_units`), "the comparable
/// [period]", "the most recent [period]".
const PERIOD_OPENERS: &[&str] = &[
    "the",
    "current",
    "latest",
    "fiscal",
    "full",
    "for",
    "within",
    "in",
    "over",
    "corresponding",
    "comparable",
    "same",
    "recent",
];

/// The teens and the tens of a spoken year ("nineteen [seventeen]", "nineteen [ninety]-six"; see
/// [`spoken_year_pattern`]): with "o", "oh" ("nineteen [oh] five") and "thousand" ("two
/// [thousand] and five"), the words that can follow its first word. [`anchors_in`] marks the
/// first word [`Anchor::Spoken`] only when one of them comes right after it.
const SPOKEN_TEENS: &[&str] =
    &["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
/// See [`SPOKEN_TEENS`].
const SPOKEN_TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// The words of the clock-word rule (it has no word list of its own).
const CLOCK_WORDS: &[&str] = &["noon", "midday", "midnight"];

/// Ordinal words of centuries, first to twenty-first (index + 1 is the century).
const CENTURY_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
];

/// The words of the narrower anchors that single out a few [`Anchor::Unit`] rules, so that those
/// rules skip the many sentences that only say "year" or "day".
const NARROW_ANCHOR_WORDS: &[(Anchor, &[&str])] = &[
    (Anchor::Quarter, &["quarter", "quarters", "period", "half"]),
    (Anchor::Ago, &["ago", "earlier"]),
    (Anchor::Weekend, &["weekend", "weekends"]),
    // The first word of a spoken year (see `spoken_year_pattern`).
    (Anchor::Year, &["eighteen", "nineteen", "twenty", "two"]),
    // Second anchors (`SECOND_ANCHORS`): the words their rules' patterns spell out.
    (Anchor::Century, &["century"]),
    (Anchor::YearWord, &["year"]),
    (Anchor::Next, &["next"]),
    (Anchor::Anaphor, &["following", "previous", "preceding", "same", "that"]),
    (Anchor::Span, &["past", "last", "next", "first", "coming", "previous", "final", "following", "recent"]),
    (Anchor::Frequency, &["once", "twice", "thrice", "times"]),
    (Anchor::Preposition, &["for", "within", "in", "over"]),
    (Anchor::Over, &["over"]),
    (Anchor::Half, &["half"]),
    (Anchor::Ahead, &["ahead"]),
    (Anchor::Around, &["before", "after", "leading"]),
    (Anchor::Long, &["long"]),
    (Anchor::ToOr, &["to", "or"]),
    (Anchor::Every, &["every", "each"]),
    (Anchor::OrLater, &["later", "beyond", "after"]),
    (Anchor::Fiscal, &["fiscal"]),
    (Anchor::Ended, &["ended", "ending"]),
    (Anchor::Week, &["week"]),
    // "1st" to "4th" are read with the numbers.
    (Anchor::Ordinal, &["first", "second", "third", "fourth"]),
    (Anchor::Sequel, &["previous", "preceding", "following"]),
];

/// The rules, most specific first (on equal length the earlier rule wins).
pub const RULES: &[Rule] = &[
    Rule {
        id: "iso_datetime",
        anchor: Anchor::Year,
        pattern: r"{year}-{month_num}-{day_num}[T ]{hour24}:{minute}(?::[0-5][0-9])?",
    },
    Rule { id: "iso_date", anchor: Anchor::Year, pattern: r"{year}-{month_num}-{day_num}" },
    // Day first with dots (European); with slashes the larger number tells, else month first.
    Rule {
        id: "numeric_date",
        anchor: Anchor::Year,
        pattern: r"(?P<day>0?[1-9]|[12][0-9]|3[01])\.(?P<month>0?[1-9]|1[0-2])\.{year}",
    },
    Rule { id: "numeric_date_slash", anchor: Anchor::Year, pattern: r"(?P<n1>[0-3]?[0-9])/(?P<n2>[0-3]?[0-9])/{year}" },
    // "7/8/07": the year in two figures, read as POSIX `%y` reads it (69–99 the 1900s, 00–68 the
    // 2000s).
    Rule {
        id: "numeric_date_slash_short",
        anchor: Anchor::Digit,
        pattern: r"(?P<n1>[0-3]?[0-9])/(?P<n2>[0-3]?[0-9])/(?P<year2>[0-9]{2})",
    },
    Rule {
        id: "month_day_year",
        anchor: Anchor::Month,
        pattern: r"(?:{weekday_any}\.?,?{sp})?{month}\.?{sp}{day}(?:{sp_opt},)?{sp}{year}",
    },
    Rule {
        id: "day_month_year",
        anchor: Anchor::Month,
        pattern: r"(?:{weekday_any}\.?,?{sp})?{day}{sp}(?:of{sp})?{month}\.?,?{sp}{year}",
    },
    Rule { id: "month_year", anchor: Anchor::Month, pattern: r"{edge_opt}{month}\.?,?{sp}{year}" },
    Rule { id: "month_day", anchor: Anchor::Month, pattern: r"(?:{weekday_any}\.?,?{sp})?{month}\.?{sp}{day}" },
    Rule { id: "day_month", anchor: Anchor::Month, pattern: r"(?:{weekday_any}\.?,?{sp})?{day}{sp}(?:of{sp})?{month}" },
    Rule { id: "relative_month", anchor: Anchor::Month, pattern: r"{shift}{sp}{month_full}" },
    Rule {
        id: "month_relative_year",
        anchor: Anchor::Month,
        pattern: r"{month_full}{sp}(?P<year_shift>(?i:last|this|next)){sp}(?i:year)",
    },
    Rule { id: "edge_month", anchor: Anchor::Month, pattern: r"{edge}{month_full}" },
    // The second month of a pair or range: "between March and May", "June or July".
    Rule {
        id: "month_in_list",
        anchor: Anchor::Month,
        pattern: r"(?:{month_full_plain})(?:,|{sp}(?i:and|or|to|through|until))(?:{sp}(?i:and|or))?{sp}(?P<t>{month_full})",
    },
    // The day after a month's first day in a list: "on April 24 and [25]", "May 3, [4] or 5".
    Rule {
        id: "day_in_list",
        anchor: Anchor::Month,
        pattern: r"{month}\.?{sp}(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:,|{sp}(?i:and|or|to|through))(?:{sp}(?i:and|or))?{sp}(?P<t>{day})",
    },
    // A month name modifying a noun: "the [October] slaying", "a [June] agreement".
    Rule { id: "month_modifier", anchor: Anchor::Month, pattern: r"(?i:{month_modifiers}){sp}(?P<t>{month_full})" },
    Rule { id: "month_in_context", anchor: Anchor::Month, pattern: r"(?i:{month_contexts}){sp}(?P<t>{month_full})" },
    Rule { id: "year_in_context", anchor: Anchor::Year, pattern: r"(?i:{year_contexts}){sp}(?P<t>{year})" },
    // A year as a modifier ("the 1996 Olympic bombing", "its 1988 recapitalization", "the
    // company's 1989 results"), unless a plural noun follows: "the 1990 votes" is a count.
    Rule {
        id: "year_modifier",
        anchor: Anchor::Year,
        pattern: r"(?:(?i:{year_modifiers})|[A-Za-z]+(?u-i:['’])s){sp}(?P<t>{year})",
    },
    // The next years of a list: "in 1994, 1995 and 1997".
    Rule {
        id: "year_in_list",
        anchor: Anchor::Year,
        pattern: r"(?:1[0-9]{3}|20[0-9]{2})(?:,|{sp}(?i:and|or|to|through))(?:{sp}(?i:and|or))?{sp}(?P<t>{year})",
    },
    Rule {
        id: "year_range_start",
        anchor: Anchor::Year,
        pattern: r"(?P<t>{year})(?u-i:[–—-]){sp_opt}(?:1[0-9]{3}|20[0-9]{2})",
    },
    Rule {
        id: "year_range_end",
        anchor: Anchor::Year,
        pattern: r"(?:1[0-9]{3}|20[0-9]{2})(?u-i:[–—-]){sp_opt}(?P<t>{year})",
    },
    Rule { id: "edge_year", anchor: Anchor::Year, pattern: r"{edge}{year}" },
    Rule { id: "fiscal_year", anchor: Anchor::Year, pattern: r"(?i:fiscal){sp}{year}" },
    // An open end: "1994 or later", "1990 and beyond" (ON_OR_AFTER).
    Rule {
        id: "year_or_later",
        anchor: Anchor::Year,
        pattern: r"{year}{sp}(?P<on_or_after>(?i:or{sp}later|and{sp}beyond|or{sp}after))",
    },
    Rule { id: "decade", anchor: Anchor::Year, pattern: r"(?:(?i:the){sp})?{edge_opt}{decade}0'?s" },
    Rule {
        id: "quarter",
        anchor: Anchor::Quarter,
        pattern: r"(?:(?i:the){sp})?(?:(?i:fiscal)(?:{sp}|-))?{ordinal}{sp}(?i:quarter)(?:{sp}(?i:of){sp}(?:(?i:fiscal){sp})?{year})?",
    },
    // The adjective leaves the article to its noun: "the [third-quarter] loss".
    Rule {
        id: "quarter_adjective",
        anchor: Anchor::Quarter,
        pattern: r"(?:(?i:fiscal)(?:{sp}|-))?{ordinal}-(?i:quarter)",
    },
    Rule { id: "relative_season", anchor: Anchor::Season, pattern: r"{shift}{sp}{season}" },
    Rule {
        id: "season_year",
        anchor: Anchor::Season,
        pattern: r"(?:(?i:the){sp})?{season}{sp}(?:(?i:of){sp})?(?:{year}|{spoken_year})",
    },
    // A season named with "the" after a preposition: "well into [the summer]", "the low levels
    // of [the early summer]" go to the season nearest the reference time, as a bare month does.
    // The preposition keeps out "the fall" of prices or of a regime (see `guarded`).
    Rule {
        id: "the_season",
        anchor: Anchor::Season,
        pattern: r"(?i:in|during|over|into|through|until|till|since|by|before|after|of){sp}(?P<t>(?i:the){sp}{edge_opt}{season})",
    },
    Rule { id: "holiday", anchor: Anchor::Holiday, pattern: r"(?:{shift}{sp})?{holiday}(?:,?{sp}{year})?" },
    // Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand and five".
    Rule { id: "spoken_year", anchor: Anchor::Year, pattern: r"(?:{month_full}{sp})?{spoken_year}" },
    // "the 20th century" → 19, "the nineteenth century" → 18.
    Rule {
        id: "century",
        anchor: Anchor::Unit,
        pattern: r"(?:(?i:the){sp})?{edge_opt}(?P<century>[12]?[0-9](?i:st|nd|rd|th)|(?i:{century_words})){sp}(?i:century)",
    },
    // The quarter of a named or relative year: "the 1988 third quarter", "last year's fourth
    // quarter", "the year-ago third quarter".
    Rule {
        id: "quarter_of_year",
        anchor: Anchor::Quarter,
        pattern: r"(?:(?i:the|its){sp})?(?:{year}|(?P<year_shift>(?i:this|last|next)){sp}(?i:year)['’]s|(?P<ago>(?i:year-ago|year-earlier))){sp}{ordinal}[- ](?i:quarter)",
    },
    // "year-end", "year end", "year's end": the end of the reference year.
    Rule { id: "year_end", anchor: Anchor::Unit, pattern: r"(?P<year_end>(?i:year)(?:-|{sp}|['’]s{sp})(?i:end))" },
    Rule {
        id: "the_year_named",
        anchor: Anchor::Year,
        pattern: r"(?i:the){sp}(?i:year){sp}(?:{year}|{spoken_year_or_2000})",
    },
    // Anchored to the date the text last named ("He joined in 1995. The following year …").
    Rule {
        id: "anaphoric_period",
        anchor: Anchor::Unit,
        pattern: r"{edge_opt}(?:(?i:the){sp})?(?P<anaphor>(?i:following|previous|preceding|same|that(?:{sp}same)?)){sp}(?P<period>(?i:day|week|month|year))",
    },
    Rule {
        id: "the_next_day",
        anchor: Anchor::Unit,
        pattern: r"(?i:the){sp}(?P<anaphor>(?i:next)){sp}(?P<period>(?i:day))",
    },
    Rule {
        id: "relative_period",
        anchor: Anchor::Unit,
        pattern: r"{edge_opt}(?:(?i:the){sp})?{shift}{sp}{period}{or_so}",
    },
    Rule { id: "the_weekend", anchor: Anchor::Weekend, pattern: r"(?i:the){sp}(?P<weekend>(?i:weekend))" },
    // "For the week, the index dropped 3.8%", "the week's most active session": a week of the
    // reference year that the text does not name.
    Rule { id: "the_week", anchor: Anchor::Unit, pattern: r"(?i:the){sp}(?P<the_week>(?i:week))" },
    // "the week of March 6": the ISO week holding that day.
    Rule {
        id: "week_of_date",
        anchor: Anchor::Month,
        pattern: r"(?i:the){sp}(?P<week_of>(?i:week)){sp}(?i:of){sp}{month}\.?{sp}{day}(?:(?:{sp_opt},)?{sp}{year})?",
    },
    // In results stories "the quarter" is the one just reported.
    Rule {
        id: "the_quarter",
        anchor: Anchor::Quarter,
        pattern: r"(?i:the){sp}(?P<period>(?i:quarter))(?P<last_reported>)",
    },
    // Halves of a year: "the first half of 1990", "the second half", "the last half of 1989",
    // "the first two quarters of 1990", "the second half of the year", "the first half of last
    // year".
    Rule {
        id: "half_year",
        anchor: Anchor::Quarter,
        pattern: r"(?:(?i:the){sp})?(?:(?P<half_ordinal>(?i:first|second|last|latter))(?:{sp}|-)(?i:half)|(?P<first_two>(?i:first)){sp}(?i:two){sp}(?i:quarters)|(?P<last_two>(?i:last)){sp}(?i:two){sp}(?i:quarters))(?:{sp}(?i:of){sp}(?:(?:(?i:fiscal){sp})?{year}|(?i:the){sp}(?i:year)|(?P<year_shift>(?i:this|last|next)){sp}(?i:year)))?",
    },
    // "the 1988 quarter", "the 1989 period": the quarter being reported, in another year.
    Rule {
        id: "year_period",
        anchor: Anchor::Quarter,
        pattern: r"(?i:the){sp}{year}{sp}(?P<year_period>(?i:quarter|period))",
    },
    // "the quarter a year ago", "the corresponding period last year", "last year's quarter": the
    // period being reported, a year before.
    Rule {
        id: "period_a_year_before",
        anchor: Anchor::Quarter,
        pattern: r"(?i:the){sp}(?:(?i:corresponding|comparable|same){sp})?(?i:quarter|period){sp}(?P<year_before>(?i:a){sp}(?i:year){sp}(?i:ago|earlier)|(?i:last){sp}(?i:year))",
    },
    Rule {
        id: "last_years_period",
        anchor: Anchor::Quarter,
        pattern: r"(?P<year_before>(?i:last){sp}(?i:year)['’]s){sp}(?i:quarter|period)",
    },
    // "the latest period" of a results story is the quarter just reported.
    Rule {
        id: "latest_period",
        anchor: Anchor::Quarter,
        pattern: r"(?i:the){sp}(?i:latest|most{sp}recent){sp}(?P<quarter_period>(?i:period))",
    },
    // Results stories: "the year" is the current one; "year-earlier" and "year-ago" mean a year ago.
    // Results stories: "for the year ended June 30" is a year's length, not the calendar year.
    Rule {
        id: "year_ended",
        anchor: Anchor::Unit,
        pattern: r"(?P<t>(?i:the){sp}(?:(?i:fiscal|full){sp})?(?P<unit>(?i:year))(?P<single>)){sp}(?i:ended|ending)",
    },
    // "the year", "the fiscal year", "the full year", "the current fiscal year" (the reference
    // year) and "the latest fiscal year" (the one before) in results stories.
    Rule {
        id: "the_year",
        anchor: Anchor::Unit,
        pattern: r"{edge_opt}(?i:the){sp}(?:(?P<shift>(?i:current|latest)){sp})?(?:(?i:fiscal|full){sp})?(?P<period>(?i:year))",
    },
    Rule {
        id: "year_ago_adjective",
        anchor: Anchor::Ago,
        pattern: r"(?:(?i:the){sp}(?:(?i:comparable|same){sp})?)?(?P<unit>(?i:year))-(?P<ago>(?i:earlier|ago))(?:{sp}(?i:quarter|period|(?:six|nine){sp}months))?",
    },
    Rule {
        id: "ago",
        anchor: Anchor::Ago,
        pattern: r"{quantity_opt}{count}{sp}{unit}{or_so}{sp}(?P<ago>(?i:ago|earlier))",
    },
    Rule {
        id: "duration",
        anchor: Anchor::Unit,
        pattern: r"{quantity_opt}(?:(?i:the){sp})?(?:{span}{sp})?{count}{sp}(?:{unit_kind}{sp})?{unit}{or_so}",
    },
    Rule { id: "duration_adjective", anchor: Anchor::Unit, pattern: r"{count_number}-{unit_singular}" },
    // A range of counts is one vague length: "two to three weeks", "the next 12 to 18 months".
    Rule {
        id: "duration_range",
        anchor: Anchor::Unit,
        pattern: r"{quantity_opt}(?:(?i:the){sp})?(?:{span}{sp})?(?P<range_low>[0-9]{1,4}|(?i:{range_low_words})){sp}(?i:to|or){sp}{count}{sp}{unit}",
    },
    // A count and a half: "5 1/2 hours", "2½ years", "a minute and a half".
    Rule {
        id: "duration_half",
        anchor: Anchor::Unit,
        pattern: r"{quantity_opt}{count}{sp_opt}(?P<half>1/2|½){sp}{unit}",
    },
    Rule {
        id: "duration_and_a_half",
        anchor: Anchor::Unit,
        pattern: r"{quantity_opt}{count}{sp}{unit}{sp}(?P<half>(?i:and{sp}a{sp}half)){ago_opt}",
    },
    // "two and a half years", "one and a half hours ago".
    Rule {
        id: "count_and_a_half",
        anchor: Anchor::Unit,
        pattern: r"{quantity_opt}{count}{sp}(?P<half>(?i:and{sp}a{sp}half)){sp}{unit}{ago_opt}",
    },
    // Half of one unit: "half an hour", "half a century ago", "a half hour", "a [half-hour]
    // meeting" (an adjective leaves the article out, as "a [two-hour] meeting" does).
    Rule {
        id: "half_a_unit",
        anchor: Anchor::Unit,
        pattern: r"{quantity_opt}(?:(?:(?i:a|the){sp})?(?P<half_only>(?i:half))(?:{sp}(?i:an?))?{sp}|(?P<half_adjective>(?i:half))-){unit_singular}{ago_opt}",
    },
    // Vague references (`lexicon/references.tsv`); before the vague lengths, so that "recent
    // years" is PAST_REF rather than PXY.
    Rule { id: "reference", anchor: Anchor::Reference, pattern: r"{reference}" },
    Rule { id: "vague_duration", anchor: Anchor::Unit, pattern: r"(?:(?i:the){sp})?{span}{sp}{unit_plural}" },
    // "a [day-long] meeting", "a [two-week-long] strike", "the [decades-long] battle".
    Rule { id: "duration_long", anchor: Anchor::Unit, pattern: r"(?:{count_number}-)?{unit}-(?P<long>(?i:long))" },
    // "the weeks ahead": a vague length from now on.
    Rule { id: "units_ahead", anchor: Anchor::Unit, pattern: r"(?i:the){sp}{unit_plural}{sp}(?i:ahead)" },
    // "in the [weeks] before the shooting", "the [days] after his death": vague days around the
    // event the text narrates, so the month of the date it last named. The article stays out,
    // as the annotators left it.
    Rule {
        id: "units_around",
        anchor: Anchor::Unit,
        pattern: r"(?i:the){sp}(?P<t>(?P<around>(?i:days|weeks))){sp}(?i:before|after|leading{sp}up{sp}to)",
    },
    // "for years", "within weeks", "the first time in years", "in the years that followed": a
    // bare plural unit after "for", "within", "in" or "over" is a vague length; the preposition
    // (and the article after "in") is not part of it.
    Rule {
        id: "bare_duration",
        anchor: Anchor::Unit,
        pattern: r"(?:(?i:for|within)|(?i:in|over)(?:{sp}(?i:the))?){sp}(?P<t>{unit_plural})",
    },
    // "over [the years]": the article belongs to the span.
    Rule { id: "over_the_units", anchor: Anchor::Unit, pattern: r"(?i:over){sp}(?P<t>(?i:the){sp}{unit_plural})" },
    Rule { id: "set", anchor: Anchor::Set, pattern: r"{set}" },
    // "twice a week", "three times a year", "once per month".
    Rule {
        id: "set_frequency",
        anchor: Anchor::Unit,
        pattern: r"(?P<freq>(?i:once|twice|thrice)|{count_number}{sp}(?i:times)){sp}(?i:a|an|per|each|every){sp}{unit_singular}",
    },
    Rule { id: "set_month", anchor: Anchor::Month, pattern: r"(?P<every>(?i:every|each)){sp}{month_full}" },
    Rule { id: "set_weekday", anchor: Anchor::Weekday, pattern: r"(?P<every>(?i:every|each)){sp}{weekday}" },
    // A weekday in the plural recurs: "on Mondays", "on Tuesday nights".
    Rule {
        id: "plural_weekday",
        anchor: Anchor::Weekday,
        pattern: r"{weekday}(?:(?P<plural>s)|{sp}{part_of_day}(?P<plural_part>s))",
    },
    Rule { id: "clock_24", anchor: Anchor::Clock, pattern: r"{quantity_opt}{hour24}:{minute}(?:{sp}{zone})?" },
    Rule {
        id: "clock_12",
        anchor: Anchor::Digit,
        pattern: r"{quantity_opt}{hour12}(?::{minute})?{sp_opt}{ampm}(?:{sp}{zone})?",
    },
    // "down 4.5% from the previous Friday", "the following Monday": counted from the date the
    // text last named, not from the creation time.
    Rule {
        id: "anaphoric_weekday",
        anchor: Anchor::Weekday,
        pattern: r"(?i:the){sp}(?P<weekday_anaphor>(?i:previous|preceding|following)){sp}{weekday}",
    },
    Rule { id: "relative_weekday", anchor: Anchor::Weekday, pattern: r"(?:(?i:the){sp})?{shift}{sp}{weekday}" },
    Rule { id: "clock_word", anchor: Anchor::ClockWord, pattern: r"{clock_word}" },
    Rule { id: "weekday_part_of_day", anchor: Anchor::Weekday, pattern: r"{weekday}{sp}{part_of_day}" },
    Rule { id: "weekday", anchor: Anchor::Weekday, pattern: r"{edge_opt}{weekday}" },
    Rule {
        id: "day_word_part_of_day",
        anchor: Anchor::DayWord,
        pattern: r"(?P<day_word>(?i:yesterday|tomorrow|today)){sp}{part_of_day}",
    },
    Rule { id: "this_part_of_day", anchor: Anchor::PartOfDay, pattern: r"(?i:this){sp}{part_of_day}" },
    // "mid-afternoon yesterday", "by mid afternoon", "late evening": a part of an edge of the day.
    Rule {
        id: "edge_part_of_day",
        anchor: Anchor::PartOfDay,
        pattern: r"{edge}{part_of_day}(?:{sp}(?P<day_word>(?i:yesterday|today|tomorrow)))?",
    },
    Rule { id: "last_night", anchor: Anchor::PartOfDay, pattern: r"(?i:last){sp}(?P<last_night>(?i:night))" },
    Rule {
        id: "day_word",
        anchor: Anchor::DayWord,
        pattern: r"{edge_opt}(?P<day_word>(?i:today|tonight|yesterday|tomorrow))",
    },
];

/// Rules that read digits only, and so hold in any language.
pub const NUMERIC_RULES: &[&str] = &[
    "iso_datetime",
    "iso_date",
    "numeric_date",
    "numeric_date_slash",
    "numeric_date_slash_short",
    "clock_24",
    "year_range_start",
    "year_range_end",
];

/// What a time expression says, before anything is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// A point or period of the calendar, given by its parts ("December 19", "Monday evening").
    Point(Point),
    /// A period counted from the reference time by `shift` units: "last year" (`Y`, -1), "this
    /// week" (`W`, 0), "the weekend" (`WE`, 0), "next quarter" (`Q`, +1).
    Relative {
        /// TIMEX3 unit letter (`Y`, `M`, `W`, `WE`, `Q`, `E`).
        unit: &'static str,
        /// How many units from the reference period.
        shift: i32,
    },
    /// A period counted from the date the text last named: "the following year" (`Y`, +1),
    /// "that day" (`D`, 0), "the previous month" (`M`, -1).
    Anaphoric {
        /// TIMEX3 unit letter (`Y`, `M`, `W`, `D`).
        unit: &'static str,
        /// How many units from the named date's period.
        shift: i32,
    },
    /// So many units before the reference time ("two years ago"); `count` is `None` when vague.
    Ago {
        /// The count, if stated exactly.
        count: Option<u32>,
        /// TIMEX3 unit letter(s).
        unit: &'static str,
    },
    /// A length of time ("40 years", "several minutes", "5 1/2 hours").
    Duration {
        /// The count, if stated exactly.
        count: Option<u32>,
        /// TIMEX3 unit letter(s); `TH` is hours.
        unit: &'static str,
        /// Plus half a unit ("2 1/2 years", "a minute and a half").
        half: bool,
    },
    /// `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`.
    Reference(&'static str),
    /// A quarter of a year; the year is the reference year's unless stated.
    Quarter {
        /// 1…4.
        n: u8,
        /// Stated year.
        year: Option<i32>,
        /// "last year's" (-1), "next year's" (+1): counted from the reference year.
        year_shift: Option<i32>,
        /// "the year-ago third quarter": a year before the quarter it would otherwise be.
        year_ago: bool,
    },
    /// A half of a year ("the first half of 1990" → `1990-H1`); the reference year's unless stated.
    Half {
        /// 1 or 2.
        n: u8,
        /// Stated year.
        year: Option<i32>,
        /// "of last year" (-1), "of next year" (+1): counted from the reference year.
        year_shift: Option<i32>,
    },
    /// The period a results story reports, in another year: "the 1988 quarter", "the 1988
    /// period" (the same quarter as the one last named, in 1988).
    SamePeriodIn(i32),
    /// A season: of a stated year, or `shift` seasons from the reference one.
    Season {
        /// TIMEX3 code (`SP`, `SU`, `FA`, `WI`).
        code: &'static str,
        /// Its last month, to tell whether this year's is over.
        last_month: u8,
        /// Stated year.
        year: Option<i32>,
        /// "last" (-1), "this" (0), "next" (+1).
        shift: Option<i32>,
    },
    /// The ISO week holding a day: "the week of March 6" (`2000-W10`).
    WeekOf(Point),
    /// "the weekend": the one just past on a Monday to Thursday, else the week's own.
    RecentWeekend,
    /// "the week" of a market report ("for the week", "the week's most active session"): a week
    /// of the reference year, which one unsaid (`1989-WXX`).
    UnnamedWeek,
    /// A decade, by its first three digits (199 for the 1990s).
    Decade(i32),
    /// A century, by its first two digits (19 for the 20th century).
    Century(i32),
    /// A recurrence: its TIMEX3 value (`P1W`, `XXXX-WXX-1`), and TimeML's `freq` ("twice a week"
    /// → `2X`) and `quant` ("every Monday" → `EVERY`).
    Set {
        /// TIMEX3 value.
        value: String,
        /// How many times per period, as TimeML writes it (`2X`).
        freq: Option<String>,
        /// `EVERY` for "every"/"each".
        quant: Option<&'static str>,
    },
    /// A holiday ("Christmas Day", "last Thanksgiving"), of a stated year or the nearest one.
    Holiday {
        /// When it falls.
        when: HolidayDate,
        /// Stated year.
        year: Option<i32>,
        /// "last" (-1), "this" (0), "next" (+1).
        shift: Option<i32>,
    },
}

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
    /// "last" (-1), "this" (0), "next" (+1) before a weekday or month name.
    pub shift: Option<i32>,
    /// The year counted from the reference year: "June last year" (-1).
    pub year_shift: Option<i32>,
    /// The `shift` counts from the date the text last named ("the previous Friday"), when there
    /// is one, rather than from the reference time.
    pub anaphoric: bool,
}

impl Point {
    /// Says something about the day (or coarser).
    pub fn has_date(&self) -> bool {
        self.year_shift.is_some()
            || self.year.is_some()
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
        self.weekday.is_some() && Point { weekday: None, ..self.clone() } == Point::default()
    }

    /// Fill what `self` leaves open from `other`, if the two do not overlap.
    fn merged(&self, other: &Point) -> Option<Point> {
        let date_and_clock = |d: &Point, c: &Point| d.has_date() && !d.has_clock() && c.has_clock() && !c.has_date();
        let weekday_and_date = |w: &Point, d: &Point| w.is_bare_weekday() && d.day.is_some() && d.weekday.is_none();
        if !(date_and_clock(self, other) || date_and_clock(other, self) || weekday_and_date(self, other)) {
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
            shift: self.shift.or(other.shift),
            year_shift: self.year_shift.or(other.year_shift),
            // A merged point ("5 p.m. the previous Friday") is resolved as a whole, from the
            // reference time.
            anaphoric: false,
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
    pub reading: Reading,
    /// TIMEX3 `mod` from a modifier word ("about", "early").
    pub modifier: Option<&'static str>,
}

struct Compiled {
    rule: Rule,
    /// The anchor kinds a sentence must hold for the rule to run: its anchor and its second ones.
    needs: u64,
    regex: Regex,
    /// The name of each capture group, by index (looked up once here, not per match).
    names: Vec<Option<String>>,
}

/// The groups of one match that took part in it, by name: each with its text and where it
/// starts in the haystack.
struct Groups<'h>(Vec<(&'static str, Group<'h>)>);

/// What one group matched.
#[derive(Clone, Copy)]
struct Group<'h> {
    text: &'h str,
    start: usize,
}

impl<'h> Group<'h> {
    fn as_str(&self) -> &'h str {
        self.text
    }

    fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

impl<'h> Groups<'h> {
    fn of(c: &'static Compiled, locations: &CaptureLocations, haystack: &'h str) -> Self {
        let found = c.names.iter().enumerate().filter_map(|(i, n)| {
            let (start, end) = locations.get(i)?;
            Some((n.as_deref()?, Group { text: &haystack[start..end], start }))
        });
        Groups(found.collect())
    }

    /// The match of the group `name`, if it took part.
    fn get(&self, name: &str) -> Option<Group<'h>> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
    }
}

fn compiled() -> &'static [Compiled] {
    static GRAMMAR: OnceLock<Vec<Compiled>> = OnceLock::new();
    GRAMMAR.get_or_init(|| {
        RULES
            .iter()
            .map(|&rule| {
                let regex = Regex::new(&expand(rule.pattern)).unwrap_or_else(|e| panic!("rule {}: {e}", rule.id));
                let names = regex.capture_names().map(|n| n.map(str::to_string)).collect();
                Compiled { rule, needs: needs(&rule), regex, names }
            })
            .collect()
    })
}

/// The rules (their indexes in [`RULES`], in order) of each anchor kind that some rule has.
fn rules_by_anchor() -> &'static [(u64, Vec<usize>)] {
    static GROUPS: OnceLock<Vec<(u64, Vec<usize>)>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<(u64, Vec<usize>)> = Vec::new();
        for (order, rule) in RULES.iter().enumerate() {
            match groups.iter_mut().find(|(anchor, _)| *anchor == rule.anchor as u64) {
                Some((_, orders)) => orders.push(order),
                None => groups.push((rule.anchor as u64, vec![order])),
            }
        }
        groups
    })
}

/// The anchor kinds a rule needs, as a bit set: its anchor and its second anchors.
fn needs(rule: &Rule) -> u64 {
    SECOND_ANCHORS.iter().filter(|s| s.0 == rule.id).fold(rule.anchor as u64, |needs, s| needs | s.1 as u64)
}

/// Expand the placeholders of a rule pattern into regex syntax.
fn expand(pattern: &str) -> String {
    let lex = lexicon();
    // White space, usable inside the ASCII-only case-insensitive groups too.
    let sp = r"(?u-i:[ \t\u{a0}]+)";
    let alternatives = |words: Vec<String>| prefix_tree(words, sp);
    let cased = |words: Vec<&str>| alternatives(words.iter().flat_map(|w| [w.to_string(), w.to_uppercase()]).collect());
    // Lower-cased, so that the tree has one branch per letter whatever the case it is written in.
    let any_case =
        |words: Vec<&str>| format!("(?i:{})", alternatives(words.iter().map(|w| w.to_ascii_lowercase()).collect()));
    let months = cased(lex.months.iter().map(|m| m.0).collect());
    let months_full = cased(lex.months.iter().filter(|m| m.0 == super::month_name(m.1)).map(|m| m.0).collect());
    let weekdays = cased(lex.weekdays.iter().filter(|w| w.2).map(|w| w.0).collect());
    let weekdays_any = cased(lex.weekdays.iter().map(|w| w.0).collect());
    let zones = alternatives(lex.zones.iter().map(|z| z.0.to_string()).collect());
    let parts = any_case(lex.parts_of_day.iter().map(|p| p.word).collect());
    let tens = "(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?i:one|two|three|four|five|six|seven|eight|nine))?";
    let count_words = any_case(lex.numbers.iter().map(|n| n.0).collect());
    let number_words =
        any_case(lex.numbers.iter().filter(|n| n.1.is_some() && !matches!(n.0, "a" | "an")).map(|n| n.0).collect());
    let units = any_case(lex.units.iter().map(|u| u.0).collect());
    let units_singular = any_case(lex.units.iter().filter(|u| u.2).map(|u| u.0).collect());
    let units_plural = any_case(lex.units.iter().filter(|u| !u.2).map(|u| u.0).collect());
    let periods = any_case(
        lex.units
            .iter()
            .filter(|u| u.2 && matches!(u.1, "Y" | "M" | "W" | "WE" | "Q" | "E" | "C"))
            .map(|u| u.0)
            .collect(),
    );
    let quantity = any_case(lex.modifiers.iter().filter(|m| m.2).map(|m| m.0).collect());
    let edge = any_case(lex.modifiers.iter().filter(|m| !m.2).map(|m| m.0).collect());
    let shifts = any_case(lex.shifts.iter().map(|s| s.0).collect());
    let references = any_case(lex.references.iter().map(|r| r.0).collect());
    let sets = any_case(lex.sets.iter().map(|s| s.0).collect());
    let seasons = any_case(lex.seasons.iter().map(|s| s.0).collect());
    // Holiday names hold dots and apostrophes ("St. Patrick's Day"); either apostrophe matches.
    let holidays = cased(lex.holidays.iter().map(|h| h.0).collect()).replace('.', r"\.").replace('\'', "['’]");
    let edge_group = format!("(?P<edge>{edge})(?:-|{sp})");
    [
        ("{sp_opt}", r"(?u-i:[ \t\u{a0}]?)".to_string()),
        ("{month_modifiers}", MONTH_MODIFIERS.join("|")),
        ("{year_modifiers}", YEAR_MODIFIERS.join("|")),
        ("{month_contexts}", MONTH_CONTEXTS.join("|")),
        ("{year_contexts}", YEAR_CONTEXTS.join("|")),
        ("{range_low_words}", RANGE_LOW_WORDS.join("|")),
        ("{sp}", sp.to_string()),
        ("{year}", r"(?P<year>1[0-9]{3}|20[0-9]{2})".to_string()),
        ("{spoken_year}", spoken_year_pattern(false)),
        ("{or_so}", "(?:{sp}(?P<or_so>(?i:or{sp}so)))?".replace("{sp}", sp)),
        ("{century_words}", CENTURY_WORDS.join("|")),
        ("{spoken_year_or_2000}", spoken_year_pattern(true)),
        ("{holiday}", format!("(?P<holiday>{holidays})")),
        ("{decade}", r"(?P<decade>1[0-9]{2}|20[0-9])".to_string()),
        ("{month_num}", r"(?P<month>0[1-9]|1[0-2])".to_string()),
        ("{day_num}", r"(?P<day>0[1-9]|[12][0-9]|3[01])".to_string()),
        ("{month}", format!("(?P<month>{months})")),
        ("{month_full}", format!("(?P<month>{months_full})")),
        ("{month_full_plain}", format!("(?:{months_full})")),
        ("{day}", r"(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?".to_string()),
        ("{weekday_any}", format!("(?P<weekday>{weekdays_any})")),
        ("{weekday}", format!("(?P<weekday>{weekdays})")),
        ("{hour24}", r"(?P<hour>[01]?[0-9]|2[0-4])".to_string()),
        ("{hour12}", r"(?P<hour12>1[0-2]|0?[1-9])".to_string()),
        ("{minute}", r"(?P<minute>[0-5][0-9])".to_string()),
        ("{ampm}", r"(?P<ampm>[aApP]\.[mM]\.|[aApP][mM])".to_string()),
        ("{zone}", format!("(?P<zone>{zones})")),
        ("{part_of_day}", format!("(?P<part_of_day>{parts})")),
        ("{count}", format!("(?P<count>[0-9]{{1,4}}|{tens}|{count_words})")),
        ("{count_number}", format!("(?P<count>[0-9]{{1,4}}|{tens}|{number_words})")),
        ("{unit}", format!("(?P<unit>{units})")),
        ("{unit_singular}", format!("(?P<unit>{units_singular})")),
        ("{unit_plural}", format!("(?P<unit>{units_plural})")),
        ("{period}", format!("(?P<period>{periods})")),
        ("{quantity_opt}", format!("(?:(?P<quantity>{quantity}){sp})?")),
        ("{ago_opt}", "(?:{sp}(?P<ago>(?i:ago|earlier)))?".replace("{sp}", sp)),
        ("{edge_opt}", format!("(?:{edge_group})?")),
        ("{edge}", edge_group.clone()),
        ("{shift}", format!("(?P<shift>{shifts})")),
        ("{unit_kind}", format!("(?i:{})", UNIT_KINDS.join("|"))),
        ("{span}", "(?P<span>(?i:past|last|next|first|coming|previous|final|following|recent))".to_string()),
        ("{ordinal}", "(?P<ordinal>(?i:first|second|third|fourth|1st|2nd|3rd|4th))".to_string()),
        ("{reference}", format!("(?P<reference>{references})")),
        ("{set}", format!("(?P<set>{sets})")),
        ("{season}", format!("(?P<season>{seasons})")),
        ("{clock_word}", format!("(?P<clock_word>{})", any_case(CLOCK_WORDS.to_vec()))),
    ]
    .iter()
    .fold(pattern.to_string(), |p, (name, regex)| p.replace(name, regex))
    // ASCII case folding needs no Unicode tables in the wasm; every word here is ASCII.
    .replace("(?i:", "(?i-u:")
}

/// Alternatives of words as a regex, longest first, so "a couple of" is tried before "a"
/// (`sp` stands for each space). Written as a prefix tree ("a(?:bout|fter|n)?" for "about",
/// "after", "an", "a"), which matches as the flat list would: the words that match at one place
/// are each a prefix of the longer ones, and the tree too tries the longer first. The
/// backtracker that reads a match's groups then steps through one branch per letter rather than
/// through every word.
fn prefix_tree(mut words: Vec<String>, sp: &str) -> String {
    #[derive(Default)]
    struct Node {
        /// The next characters, in the order the (longest first) words bring them.
        next: Vec<(char, Node)>,
        /// Does a word end here?
        end: bool,
    }
    fn write(node: &Node, sp: &str, out: &mut String) {
        let group = node.next.len() > 1 || (node.end && !node.next.is_empty());
        if group {
            out.push_str("(?:");
        }
        for (i, (c, next)) in node.next.iter().enumerate() {
            if i > 0 {
                out.push('|');
            }
            match c {
                ' ' => out.push_str(sp),
                c => out.push(*c),
            }
            write(next, sp, out);
        }
        if group {
            out.push(')');
            if node.end {
                out.push('?');
            }
        }
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let mut root = Node::default();
    for word in &words {
        let mut node = &mut root;
        for c in word.chars() {
            let i = match node.next.iter().position(|(k, _)| *k == c) {
                Some(i) => i,
                None => {
                    node.next.push((c, Node::default()));
                    node.next.len() - 1
                }
            };
            node = &mut node.next[i].1;
        }
        node.end = true;
    }
    let mut out = String::new();
    write(&root, sp, &mut out);
    out
}

/// Find every time expression in `text`, unresolved, in text order, without overlaps.
/// `sentences` are where to look; no expression crosses a sentence's edge, and each rule only
/// reads the sentences that hold a word of its [`Anchor`] kind.
pub fn extract(text: &str, sentences: &[Range<usize>]) -> Vec<Candidate> {
    let rules = compiled();
    let mut found = Vec::new();
    // One set of capture slots per rule, made the first time the rule runs and reused in every
    // sentence after (each search overwrites them).
    let mut slots: Vec<Option<CaptureLocations>> = rules.iter().map(|_| None).collect();
    for sentence in sentences {
        let anchors = anchors_in(&text[sentence.clone()]);
        let present = anchors.present;
        // Only the rules whose anchor kind the sentence holds are looked at. (The order they run
        // in does not matter: what they find is sorted below, by keys no two candidates share.)
        for (anchor, orders) in rules_by_anchor() {
            if present & anchor == 0 {
                continue;
            }
            for &order in orders {
                let c = &rules[order];
                if present & c.needs == c.needs {
                    let locations = slots[order].get_or_insert_with(|| c.regex.capture_locations());
                    let last_anchor = sentence.start + anchors.last_start(c.rule.anchor);
                    find_all(text, sentence.clone(), last_anchor, order, c, locations, &mut found);
                }
            }
        }
    }
    // Longest first, then leftmost, then rule order; keep what does not overlap what is kept.
    found.sort_by_key(|(order, c)| (std::cmp::Reverse(c.bytes.len()), c.bytes.start, *order));
    let mut kept: BTreeMap<usize, Candidate> = BTreeMap::new();
    for (_, c) in found {
        // Kept candidates are disjoint: only the last one starting before `c` ends can overlap it.
        let overlaps = kept.range(..c.bytes.end).next_back().is_some_and(|(_, k)| k.bytes.end > c.bytes.start);
        if !overlaps {
            kept.insert(c.bytes.start, c);
        }
    }
    merge_adjacent(text, kept.into_values().collect())
}

/// Every match of one rule inside `window`, with word boundaries and guards checked against
/// the whole text; `locations` are the rule's capture slots. Every match holds a word of the
/// rule's anchor kind, so none starts after `last_anchor`, where the window's last such word
/// starts: once a search would start after it, the rest of the window is not read.
fn find_all(
    text: &str,
    window: Range<usize>,
    last_anchor: usize,
    order: usize,
    c: &'static Compiled,
    locations: &mut CaptureLocations,
    found: &mut Vec<(usize, Candidate)>,
) {
    let haystack = &text[..window.end];
    let mut at = window.start;
    while at <= last_anchor {
        let Some(whole) = c.regex.captures_read_at(locations, haystack, at) else { break };
        if at_word_boundaries(text, whole.range()) && !guarded(text, c.rule.id, whole.range()) {
            let groups = Groups::of(c, locations, haystack);
            let inner = groups.get("t").unwrap_or(Group { text: whole.as_str(), start: whole.start() });
            if let Some((reading, modifier)) = read(&groups) {
                found.push((order, Candidate { bytes: inner.range(), rule: c.rule.id.to_string(), reading, modifier }));
            }
            at = whole.end().max(whole.start() + 1);
        } else {
            at = whole.start() + 1;
        }
        while at < haystack.len() && !haystack.is_char_boundary(at) {
            at += 1;
        }
    }
}

/// The longest word [`anchors_in`] looks up, in bytes.
const LONGEST_ANCHOR: usize = 12;

/// What [`anchors_in`] makes of each byte (as [`TOKEN_BYTES`] gives it): an ASCII letter or
/// digit, part of a token …
const LETTER: u8 = 1;
/// … (digits told apart, since a token with one is never looked up as a word) …
const DIGIT: u8 = 2;
/// … the first byte of "½" (U+00BD), which is no token but marks a fraction, or (0) any other
/// byte, which only separates tokens.
const HALF_LEAD: u8 = 4;
/// The kind of each byte for [`anchors_in`].
const TOKEN_BYTES: [u8; 256] = {
    let mut kinds = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        kinds[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            0xC2 => HALF_LEAD,
            _ => 0,
        };
        b += 1;
    }
    kinds
};

/// What [`anchors_in`] finds in a sentence.
struct Anchors {
    /// The [`Anchor`] kinds of its words, as a bit set.
    present: u64,
    /// `last[k]`: where (in bytes from the sentence's start) the last token that marked the
    /// kind of bit `k` starts.
    last: [u32; 64],
}

impl Anchors {
    /// Mark the kinds `kinds` (a bit set) as present, at the token starting at byte `start`.
    fn mark(&mut self, kinds: u64, start: usize) {
        self.present |= kinds;
        let mut rest = kinds;
        while rest != 0 {
            self.last[rest.trailing_zeros() as usize] = start as u32;
            rest &= rest - 1;
        }
    }

    /// Where the last token of the kind `anchor` starts, in bytes from the sentence's start (0
    /// if the sentence has none).
    fn last_start(&self, anchor: Anchor) -> usize {
        self.last[(anchor as u64).trailing_zeros() as usize] as usize
    }
}

/// The [`Anchor`] kinds of the words in `sentence`, and where the last word of each kind starts.
/// Kept out of [`extract`]'s loop: inlined there, the whole time stage ran 0.6 M instructions a
/// pass slower (measured with callgrind).
#[inline(never)]
fn anchors_in(sentence: &str) -> Anchors {
    let words = anchor_words();
    let bytes = sentence.as_bytes();
    let mut anchors = Anchors { present: 0, last: [0; 64] };
    let (mut months, mut years) = (0, 0);
    let mut i = 0;
    // Tokens are runs of ASCII letters and digits, read a byte at a time through a byte table
    // (every other byte, ASCII or not, only separates them).
    while let Some(&b) = bytes.get(i) {
        match TOKEN_BYTES[usize::from(b)] {
            0 => {
                i += 1;
                continue;
            }
            HALF_LEAD => {
                if bytes.get(i + 1) == Some(&0xBD) {
                    anchors.mark(Anchor::Fraction as u64, i);
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        let start = i;
        // The kinds of the token's bytes (does it hold a digit?), and the token packed as
        // [`pack_letters`] packs a word, for the look-up of a token of letters.
        let (mut held, mut key) = (0, 0);
        while let Some(&b) = bytes.get(i) {
            let kind = TOKEN_BYTES[usize::from(b)];
            if kind & (LETTER | DIGIT) == 0 {
                break;
            }
            held |= kind;
            key = key << 5 | u64::from(b & 0x1F);
            i += 1;
        }
        let token = &bytes[start..i];
        let after = &bytes[i..];
        // The kinds this token marks.
        let mut kinds = 0;
        // "pm", "3pm", "a.m.", "3p.m.": what a 12-hour clock ends with (after a number, in the
        // token or right before it: not "team", nor the "PM" of a prime minister).
        let clock_end = match token.last() {
            Some(b'm' | b'M') => {
                let tail = &token[token.len().saturating_sub(2)..];
                tail.eq_ignore_ascii_case(b"am") || tail.eq_ignore_ascii_case(b"pm")
            }
            Some(b'a' | b'A' | b'p' | b'P') => after.starts_with(b".m") || after.starts_with(b".M"),
            _ => false,
        };
        if clock_end && (held & DIGIT != 0 || token.len() <= 2 && after_a_number(&bytes[..start])) {
            kinds |= Anchor::AmPm as u64;
        }
        if held & DIGIT != 0 {
            kinds |= Anchor::Digit as u64;
            // A year-like number, "1990s" included.
            let digits = token.strip_suffix(b"s").unwrap_or(token);
            let four_digits = digits.len() == 4 && digits.iter().all(u8::is_ascii_digit);
            let year_like = four_digits && matches!(digits, [b'1', ..] | [b'2', b'0', ..]);
            if year_like {
                kinds |= Anchor::Year as u64 | kinds_after_word(bytes, start..i, Anchor::Year as u64);
            }
            if after.first() == Some(&b':') && after.get(1).is_some_and(u8::is_ascii_digit) {
                kinds |= Anchor::Clock as u64;
            }
            // "2009-2013", "2009–2013", "2016-12-19".
            let bare = digits.len() == token.len();
            if four_digits && bare && ["-", "–", "—"].iter().any(|dash| after.starts_with(dash.as_bytes())) {
                kinds |= Anchor::YearDash as u64;
            }
            // "1990s", "1990's".
            if four_digits && digits.ends_with(b"0") && (!bare || after.starts_with(b"'s")) {
                kinds |= Anchor::Decade as u64;
            }
            if year_like && bare {
                years += 1;
                if years == 2 {
                    kinds |= Anchor::SecondYear as u64;
                }
            }
            if [b"1st", b"2nd", b"3rd", b"4th"].iter().any(|o| token.eq_ignore_ascii_case(*o)) {
                kinds |= Anchor::Ordinal as u64;
            }
            if after.first() == Some(&b'.') && after.get(1).is_some_and(u8::is_ascii_digit) {
                kinds |= Anchor::Dot as u64;
            }
            if after.first() == Some(&b'/') {
                kinds |= Anchor::Slash as u64;
                // "1/2", "31/2" (3 and a half, the space left out).
                if token.ends_with(b"1") && after.get(1) == Some(&b'2') {
                    kinds |= Anchor::Fraction as u64;
                }
            }
            anchors.mark(kinds, start);
            continue;
        }
        if token.len() > LONGEST_ANCHOR {
            anchors.mark(kinds, start);
            continue;
        }
        if let Some(word_kinds) = words.get(token, key) {
            if word_kinds & Anchor::Month as u64 != 0 {
                months += 1;
                if months == 2 {
                    kinds |= Anchor::SecondMonth as u64;
                }
            }
            kinds |= word_kinds;
            if start > 0 && bytes[start - 1] == b'-' && word_kinds & Anchor::Unit as u64 != 0 {
                kinds |= Anchor::HyphenUnit as u64;
            }
            let after_word = Anchor::Month as u64
                | Anchor::Year as u64
                | Anchor::ToOr as u64
                | Anchor::Unit as u64
                | Anchor::Quarter as u64
                | Anchor::Ago as u64;
            if word_kinds & after_word != 0 {
                kinds |= kinds_after_word(bytes, start..i, word_kinds);
            }
        }
        anchors.mark(kinds, start);
    }
    anchors
}

/// The kinds that the token `token` of `bytes` (a year, a month name, "to" or "or", a time unit,
/// a period or "ago", of the kinds `kinds`) marks by the word right before it: "the
/// [October]", "in [1990]", "12 [to] 18", "19 [December]", "the [year]", "year-[ago]"; and
/// [`Anchor::Spoken`] and [`Anchor::DayInList`], which the first word of a spoken year and a
/// month name mark by the words after them ("[nineteen] ninety-six", "[April] 24 and 25"). Kept
/// out of the loop of [`anchors_in`], which reads every byte.
#[inline(never)]
fn kinds_after_word(bytes: &[u8], token: Range<usize>, kinds: u64) -> u64 {
    let is = |kind: Anchor| kinds & kind as u64 != 0;
    // The year-like words of letters are the first words of spoken years.
    if is(Anchor::Year) && bytes[token.start].is_ascii_alphabetic() {
        return if spoken_year_goes_on(&bytes[token.end..]) { Anchor::Spoken as u64 } else { 0 };
    }
    let one_of = |word: &[u8], list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w.as_bytes()));
    let number = |word: &[u8]| word.iter().any(u8::is_ascii_digit);
    let this = &bytes[token.clone()];
    let half = is(Anchor::Quarter) && this.eq_ignore_ascii_case(b"half");
    let half_ordinals = ["first", "second", "last", "latter"];
    let mut marked = 0;
    // The word before a hyphen: "year-[ago]", "first-[half]".
    if let Some(before) = bytes[..token.start].strip_suffix(b"-") {
        let word = &before[before.iter().rposition(|b| !b.is_ascii_alphanumeric()).map_or(0, |p| p + 1)..];
        if is(Anchor::Ago) && word.eq_ignore_ascii_case(b"year") {
            marked |= Anchor::YearAgo as u64;
        }
        if half && one_of(word, &half_ordinals) {
            marked |= Anchor::HalfOfYear as u64;
        }
    }
    // Read forward: "April [24 and 25]".
    if is(Anchor::Month) && day_list_follows(&bytes[token.end..]) {
        marked |= Anchor::DayInList as u64;
    }
    let Some(before) = token_before(bytes, token.start) else { return marked };
    let word = &bytes[before.clone()];
    if is(Anchor::Year) {
        // A possessive's "s" ("the company's 1989 results") is read as a modifier too.
        if one_of(word, YEAR_MODIFIERS) || word == b"s" {
            marked |= Anchor::ModifiedYear as u64;
        }
        if one_of(word, YEAR_CONTEXTS) {
            marked |= Anchor::YearInContext as u64;
        }
    }
    if is(Anchor::Month) {
        if one_of(word, MONTH_MODIFIERS) {
            marked |= Anchor::ModifiedMonth as u64;
        }
        if one_of(word, MONTH_CONTEXTS) {
            marked |= Anchor::MonthInContext as u64;
        }
        // "19 December", "19th of December".
        if number(word) || word == b"of" && token_before(bytes, before.start).is_some_and(|t| number(&bytes[t])) {
            marked |= Anchor::MonthAfterDay as u64;
        }
    }
    if is(Anchor::ToOr) && (word.last().is_some_and(u8::is_ascii_digit) || one_of(word, RANGE_LOW_WORDS)) {
        marked |= Anchor::RangeWord as u64;
    }
    if (is(Anchor::Unit) || is(Anchor::Quarter)) && one_of(word, PERIOD_OPENERS) {
        marked |= Anchor::OpenedPeriod as u64;
    }
    if is(Anchor::Unit) && one_of(word, &["following", "previous", "preceding", "same", "that", "next"]) {
        marked |= Anchor::AnaphoricUnit as u64;
    }
    if is(Anchor::Unit) && (word.last().is_some_and(u8::is_ascii_digit) || count_ends().contains(&pack_letters(word))) {
        marked |= Anchor::CountedUnit as u64;
    }
    let quarters = is(Anchor::Quarter) && this.eq_ignore_ascii_case(b"quarters") && word.eq_ignore_ascii_case(b"two");
    if half && one_of(word, &half_ordinals) || quarters {
        marked |= Anchor::HalfOfYear as u64;
    }
    marked
}

/// The words a count or a word of [`UNIT_KINDS`] ends with (the last word of each count of
/// `lexicon/numbers.tsv`: "two", "few" of "a few", "of" of "a couple of"), packed by
/// [`pack_letters`]: [`Anchor::CountedUnit`] marks a unit right after one of them or after a
/// number.
fn count_ends() -> &'static HashSet<u64, foldhash::fast::FixedState> {
    static ENDS: OnceLock<HashSet<u64, foldhash::fast::FixedState>> = OnceLock::new();
    ENDS.get_or_init(|| {
        let counts = lexicon().numbers.iter().filter_map(|n| n.0.split_whitespace().last());
        counts.chain(UNIT_KINDS.iter().copied()).map(|w| pack_letters(w.as_bytes())).collect()
    })
}

/// Does `after`, the bytes after the first word of a spoken year, go on with a hyphen or white
/// space (as a pattern's `{sp}` reads it) and a second word of a spoken year (see
/// [`SPOKEN_TEENS`])?
fn spoken_year_goes_on(after: &[u8]) -> bool {
    let Some(rest) = after.strip_prefix(b"-").or_else(|| after_spaces(after)) else { return false };
    let word = token_at(rest).0;
    let one_of = |list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w.as_bytes()));
    one_of(SPOKEN_TEENS) || one_of(SPOKEN_TENS) || one_of(&["o", "oh", "thousand"])
}

/// Does `after`, the bytes after a month name, hold a list of days as the `day_in_list` rule
/// reads it: a dot maybe, white space, a token that opens with a digit, then a comma or white
/// space and "and", "or", "to" or "through", white space and "and" or "or" maybe, white space
/// and a digit ("April 24 and 25", "May 3, 4 or 5")?
fn day_list_follows(after: &[u8]) -> bool {
    let one_of = |word: &[u8], list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w.as_bytes()));
    let Some(rest) = after_spaces(after.strip_prefix(b".").unwrap_or(after)) else { return false };
    let (day, rest) = token_at(rest);
    if !day.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let rest = match rest.strip_prefix(b",") {
        Some(rest) => rest,
        None => match after_spaces(rest).map(token_at) {
            Some((word, rest)) if one_of(word, &["and", "or", "to", "through"]) => rest,
            _ => return false,
        },
    };
    let Some(rest) = after_spaces(rest) else { return false };
    let rest = match token_at(rest) {
        (word, after_word) if one_of(word, &["and", "or"]) => match after_spaces(after_word) {
            Some(rest) => rest,
            None => return false,
        },
        _ => rest,
    };
    rest.first().is_some_and(u8::is_ascii_digit)
}

/// What follows the white space (spaces, tabs and no-break spaces, as a pattern's `{sp}` reads
/// it) at the start of `bytes`, if there is any.
fn after_spaces(bytes: &[u8]) -> Option<&[u8]> {
    let mut rest = bytes;
    while let [b' ' | b'\t', more @ ..] | [0xC2, 0xA0, more @ ..] = rest {
        rest = more;
    }
    (rest.len() < bytes.len()).then_some(rest)
}

/// The token (a run of ASCII letters and digits, maybe empty) at the start of `bytes`, and the
/// bytes after it.
fn token_at(bytes: &[u8]) -> (&[u8], &[u8]) {
    bytes.split_at(bytes.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len()))
}

/// Do `before`, the bytes before a token, end with a digit and one white-space character (as a
/// pattern's `{sp_opt}` reads it: a space, a tab or a no-break space), as before the "pm" of "3
/// pm"?
fn after_a_number(before: &[u8]) -> bool {
    matches!(before, [.., d, b' ' | b'\t'] | [.., d, 0xC2, 0xA0] if d.is_ascii_digit())
}

/// The token (a run of ASCII letters and digits, maybe empty) that ends right before the white
/// space before byte `start` of `bytes`, if there is such white space as a pattern's `{sp}`
/// reads it: spaces, tabs and no-break spaces.
fn token_before(bytes: &[u8], start: usize) -> Option<Range<usize>> {
    let mut end = start;
    loop {
        match bytes[..end] {
            [.., b' ' | b'\t'] => end -= 1,
            [.., 0xC2, 0xA0] => end -= 2,
            _ => break,
        }
    }
    let begin = bytes[..end].iter().rposition(|b| !b.is_ascii_alphanumeric()).map_or(0, |p| p + 1);
    (end < start).then_some(begin..end)
}

/// Anchor words, packed by [`pack_letters`], to the kinds they stand for; hashed with a fast
/// fixed-seed hash (looked up on every word of the text, and one integer hashes faster than a
/// slice). In front of it, the lengths its words have by first letter, so that most words are
/// turned away without hashing.
struct AnchorWords {
    kinds: HashMap<u64, u64, foldhash::fast::FixedState>,
    /// `lengths[l]` has bit `n - 1` set when a word of `n` letters starts with letter `l` (as
    /// [`pack_letters`] numbers letters).
    lengths: [u16; 32],
}

impl AnchorWords {
    /// The kinds of the anchor word `word`, 1 to [`LONGEST_ANCHOR`] ASCII letters in any case,
    /// which [`pack_letters`] packs into `key`.
    fn get(&self, word: &[u8], key: u64) -> Option<u64> {
        if self.lengths[usize::from(word[0] & 0x1F)] & (1 << (word.len() - 1)) == 0 {
            return None;
        }
        self.kinds.get(&key).copied()
    }
}

/// A word of up to [`LONGEST_ANCHOR`] ASCII letters as one integer, whatever its case: five bits
/// a letter (its byte's low five bits, 1 to 26 for both cases), its first letter highest. No
/// letter is 0, so words of different lengths differ too.
fn pack_letters(word: &[u8]) -> u64 {
    word.iter().fold(0, |key, &b| key << 5 | u64::from(b & 0x1F))
}

/// Every anchor word with the kinds it stands for (all of them are ASCII letters, as the tokens
/// looked up are, and no longer than [`LONGEST_ANCHOR`]; a test checks).
fn anchor_words() -> &'static AnchorWords {
    static WORDS: OnceLock<AnchorWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = AnchorWords { kinds: HashMap::default(), lengths: [0; 32] };
        let readable =
            |w: &String| (1..=LONGEST_ANCHOR).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_alphabetic());
        for (word, kinds) in anchor_word_kinds().into_iter().filter(|(w, _)| readable(w)) {
            let word = word.as_bytes();
            words.lengths[usize::from(word[0] & 0x1F)] |= 1 << (word.len() - 1);
            words.kinds.insert(pack_letters(word), kinds);
        }
        words
    })
}

/// Every anchor word, lower case, with the kinds it stands for.
fn anchor_word_kinds() -> HashMap<String, u64> {
    let lex = lexicon();
    let last_word = |phrase: &str| phrase.split_whitespace().last().unwrap_or("").to_string();
    let lists: [(Anchor, Vec<String>); 16] = [
        (Anchor::Month, lex.months.iter().map(|m| m.0.to_string()).collect()),
        // Full names also in the plural ("on Mondays").
        (
            Anchor::Weekday,
            lex.weekdays
                .iter()
                .flat_map(|w| [Some(w.0.to_string()), w.2.then(|| format!("{}s", w.0))])
                .flatten()
                .collect(),
        ),
        (Anchor::Unit, lex.units.iter().map(|u| u.0.to_string()).collect()),
        (Anchor::UnitPlural, lex.units.iter().filter(|u| !u.2).map(|u| u.0.to_string()).collect()),
        // The first word of each recurrence ("every" of "every year").
        (Anchor::SetWord, lex.sets.iter().filter_map(|s| s.0.split_whitespace().next()).map(str::to_string).collect()),
        (Anchor::Season, lex.seasons.iter().map(|s| s.0.to_string()).collect()),
        (Anchor::Reference, lex.references.iter().map(|r| last_word(r.0)).collect()),
        (Anchor::Set, lex.sets.iter().map(|s| last_word(s.0)).collect()),
        (Anchor::DayWord, lex.day_words.iter().map(|d| d.0.to_string()).collect()),
        (Anchor::PartOfDay, lex.parts_of_day.iter().map(|p| p.word.to_string()).collect()),
        (Anchor::ClockWord, CLOCK_WORDS.iter().map(|w| w.to_string()).collect()),
        (Anchor::Holiday, lex.holidays.iter().map(|h| h.1 .1.to_string()).collect()),
        // The first word of the name short enough to be read ("st" of "St. Patrick's Day",
        // "women" of "International Women's Day").
        (
            Anchor::HolidayName,
            lex.holidays
                .iter()
                .filter_map(|h| {
                    h.0.split(|c: char| !c.is_ascii_alphanumeric()).find(|w| !w.is_empty() && w.len() <= LONGEST_ANCHOR)
                })
                .map(str::to_string)
                .collect(),
        ),
        (Anchor::Shift, lex.shifts.iter().flat_map(|s| s.0.split_whitespace()).map(str::to_string).collect()),
        (
            Anchor::Plural,
            lex.weekdays
                .iter()
                .filter(|w| w.2)
                .map(|w| w.0)
                .chain(lex.parts_of_day.iter().map(|p| p.word))
                .map(|w| format!("{w}s"))
                .collect(),
        ),
        // The longest word of each edge phrase ("end" of "the end of").
        (
            Anchor::Edge,
            lex.modifiers
                .iter()
                .filter(|m| !m.2)
                .filter_map(|m| m.0.split_whitespace().max_by_key(|w| w.len()))
                .map(str::to_string)
                .collect(),
        ),
    ];
    let narrow = NARROW_ANCHOR_WORDS.iter().map(|(kind, list)| (*kind, list.iter().map(|w| w.to_string()).collect()));
    let mut words = HashMap::new();
    for (kind, list) in lists.into_iter().chain(narrow) {
        for word in list {
            *words.entry(word.to_lowercase()).or_default() |= kind as u64;
        }
    }
    words
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
                    .split([' ', ',', '\u{a0}'])
                    .all(|w| w.is_empty() || w.eq_ignore_ascii_case("at") || w.eq_ignore_ascii_case("on"));
            if let (true, Reading::Point(a), Reading::Point(b)) = (joinable, &prev.reading, &c.reading) {
                if let Some(point) = a.merged(b) {
                    prev.bytes.end = c.bytes.end;
                    prev.rule = format!("{}+{}", prev.rule, c.rule);
                    prev.reading = Reading::Point(point);
                    prev.modifier = prev.modifier.or(c.modifier);
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// No letter or digit may touch the match on either side, and a match opening with a digit is
/// not the tail of a number written with separators ("000 days" of "9,000,000 days").
fn at_word_boundaries(text: &str, range: Range<usize>) -> bool {
    let mut back = text[..range.start].chars().rev();
    let before = back.next();
    let after = text[range.end..].chars().next();
    let in_number = text[range.start..].starts_with(|c: char| c.is_ascii_digit())
        && matches!(before, Some(',' | '.'))
        && back.next().is_some_and(|c| c.is_ascii_digit());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) && !in_number
}

/// Guards against numbers that only look like times: a clock followed by more digits
/// ("9:15 35", a score or a list of numbers), a clock glued to a period and digit (a version
/// or decimal), a year followed by a percent sign or decimal part; and against ages, which
/// TimeML never tags ("22 years old", "a 62-year-old diplomat").
fn guarded(text: &str, rule: &str, range: Range<usize>) -> bool {
    let after = &text[range.end..];
    let before = &text[..range.start];
    let digit_follows = after.trim_start_matches([' ', '\u{a0}']).starts_with(|c: char| c.is_ascii_digit());
    let joined_number = after.starts_with(['.', ',', ':', '/', '%'])
        && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with('%')
        || before.ends_with(['.', ':', '/', '-', '$', '£', '€']) && !before.ends_with("mid-");
    let age = after.starts_with("-old") || after.starts_with(" old") || after.starts_with("-olds");
    // The word after the match, over spaces: "of" in "the fall of the regime".
    let next = after.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    // "post-1959" and "pre-war" take a hyphen; "to post last year's loss" is the verb.
    let matched = text[range.clone()].as_bytes();
    let verb_post =
        [&b"post "[..], b"pre "].iter().any(|p| matched.len() > p.len() && matched[..p.len()].eq_ignore_ascii_case(p));
    if verb_post || quoted_title(before, &text[range.clone()]) {
        return true;
    }
    match rule {
        "clock_24" => digit_follows || joined_number,
        // "at least the first two quarters [of 1990]" is half of a named year: the length leaves
        // the expression to the half-year rule ("the first nine months of 1997" stays a length).
        "duration" | "duration_adjective" => {
            let m = text[range.clone()].as_bytes();
            let half = rule == "duration"
                && of_a_year(after)
                && m.len() >= 12
                && m[m.len() - 12..].eq_ignore_ascii_case(b"two quarters");
            joined_number || age || is_rate(before, &text[range]) || half
        }
        // "April 24 and 25 people": a count, unless a small word or punctuation follows.
        "day_in_list" => {
            let next = after.strip_prefix(' ').unwrap_or("").split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            next.starts_with(char::is_lowercase)
                && !matches!(next, "in" | "at" | "on" | "and" | "or" | "to" | "of" | "for" | "with" | "when" | "the")
        }
        // "the [October] slaying": a lower-case word (the noun) follows, and not a verb form
        // of a name ("the March for Life" has "for").
        "month_modifier" => {
            let next = after.strip_prefix(' ').unwrap_or("x").split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            next.is_empty()
                || !next.starts_with(char::is_lowercase)
                || matches!(next, "for" | "of" | "and" | "or" | "to")
        }
        // "in May's garden": a bare month name with a possessive is more often a person.
        "month_in_context" => after.starts_with("'s") || after.starts_with("’s"),
        "decade" | "the_year" => after.starts_with('-'),
        // "in the fall of the regime", "the fall in prices", "the spring of a trap": a season
        // word as a common noun. A season of a year ("the fall of 1989") is a longer match.
        "the_season" => matches!(next, "of" | "in" | "from" | "to") || after.starts_with('-'),
        // "current-account deficit", "the current of the river": the noun or a compound.
        "reference" if text[range.clone()].eq_ignore_ascii_case("current") => {
            after.starts_with('-') || matches!(next, "of" | "account" | "accounts" | "flowing")
        }
        // "the now-cancelled deal", "the now-defunct airline": part of an adjective.
        "reference" if text[range.clone()].eq_ignore_ascii_case("now") => after.starts_with('-'),
        // "USA [Today]", "VOA [Today]", "High [Noon]": a capitalised day or clock word after a
        // capitalised word is part of a name ("said Today" is not: the verb is lower case).
        "day_word" | "clock_word" => {
            let word = &text[range.clone()];
            let previous = before.split_whitespace().next_back().unwrap_or("");
            let previous = previous.trim_start_matches(['`', '\'', '"', '“', '‘']);
            let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
            let name = capitalised(word)
                && capitalised(previous)
                && !before.trim_end().ends_with(['.', '!', '?', '"', '“', '\'', '`', ':', '('])
                && !matches!(previous, "On" | "By" | "Until" | "Since" | "From" | "And" | "But");
            name || rule == "clock_word" && previous.eq_ignore_ascii_case("high") || generic_day(word, after)
        }
        // "the first half of the cake" (or of the century) is no half of a year.
        "half_year" => after.trim_start().starts_with("of "),
        "set" => joined_number || is_rate_adverb(before, &text[range.clone()]),
        // "last year's period of growth" is no quarter of a results story.
        "last_years_period" | "period_a_year_before" => next == "of",
        // "the week of March 6" is that date's week, "the week before the vote" another one's.
        "the_week" => matches!(next, "of" | "before" | "after" | "following" | "earlier" | "later"),
        // "the months ahead of schedule" is no length of time.
        "units_ahead" => after.trim_start().starts_with("of "),
        // "Theresa May and May Smith": a month after a capitalised word is a surname.
        "month_in_list" => {
            let previous = before.split_whitespace().next_back().unwrap_or("");
            previous.starts_with(char::is_uppercase)
                && !matches!(previous, "In" | "By" | "Between" | "From" | "Since" | "Until" | "During" | "Through")
        }
        // "for years of service", "for days on end" is still a length, "for years-old debts" not.
        "bare_duration" | "over_the_units" => {
            after.starts_with('-') || matches!(next, "of" | "ago" | "old" | "earlier" | "later" | "before" | "after")
        }
        "year_modifier" => next.len() > 2 && next.ends_with('s') && next.starts_with(char::is_lowercase),
        _ => joined_number,
    }
}

/// "today's youth", "in today's world", "tomorrow's children": the present (or coming) age,
/// not a day (`lexicon/generic_today.txt`).
fn generic_day(word: &str, after: &str) -> bool {
    let Some(rest) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s ")) else { return false };
    let noun = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    (word.eq_ignore_ascii_case("today") || word.eq_ignore_ascii_case("tomorrow"))
        && lexicon().generic_today.iter().any(|g| g.eq_ignore_ascii_case(noun))
}

/// Does the text after a match go on with "of" and a year ("… of 1990")?
fn of_a_year(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(" of ") else { return false };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4 && !rest[4..].starts_with(|c: char| c.is_alphanumeric())
}

/// Is the match the start of a quoted title ("[This Week] With David Brinkley", ''[60 Minutes]'')?
/// It is when a quote opens right before it and its last word is a time unit written with a
/// capital, as titles are and time units in running text are not.
fn quoted_title(before: &str, matched: &str) -> bool {
    let last = matched.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    before.ends_with(['"', '“', '\'', '‘', '`'])
        && last.starts_with(|c: char| c.is_ascii_uppercase())
        && last[1..].bytes().all(|b| b.is_ascii_lowercase())
        && unit_letter(last).is_some()
}

/// Is a one-unit span a rate ("$2 million a year", "four flights a week", "24 hours a day")?
/// It is when "a"/"an" follows an amount, directly or after one noun, and no preposition.
fn is_rate(before: &str, matched: &str) -> bool {
    let lower = matched.to_ascii_lowercase();
    (lower.starts_with("a ") || lower.starts_with("an ")) && after_an_amount(before)
}

/// Does `before` end with an amount, directly or followed by one plural noun ("$2 million",
/// "10,000 units")? Not across the end of a sentence or clause: "in 2015. A day later" and
/// "sold 40, a week after" hold no rate.
fn after_an_amount(before: &str) -> bool {
    if before.trim_end().ends_with(['.', '!', '?', ',', ';', ':']) {
        return false;
    }
    let words: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    match words.as_slice() {
        [last, ..] if amount(last) => true,
        [noun, number] => amount(number) && noun.ends_with('s') && noun.chars().all(char::is_alphabetic),
        _ => false,
    }
}

/// Is a word an amount ("$2", "8.5%", "10,000", "million", "three")?
fn amount(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    w.bytes().any(|b| b.is_ascii_digit())
        || matches!(w.as_str(), "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen")
        || lookup(&lexicon().numbers, &w).flatten().is_some_and(|n| n > 1)
}

/// Is a recurrence adverb a rate ("10,000 units annually", "to rise 8.5% annually")? It is when
/// it follows an amount, directly or after one noun: TimeBank leaves such rates untagged, as it
/// does "$2 million a year".
fn is_rate_adverb(before: &str, matched: &str) -> bool {
    matched.to_ascii_lowercase().ends_with("ly") && after_an_amount(before)
}

/// Read the named groups of a match; `None` if a part is out of range.
fn read(caps: &Groups<'_>) -> Option<(Reading, Option<&'static str>)> {
    let lex = lexicon();
    let group = |name| caps.get(name).map(|m| m.as_str());
    let modifier = match (group("quantity"), group("edge"), group("or_so")) {
        (Some(q), _, _) => lookup_modifier(q),
        (None, Some(e), _) => lookup_modifier(e),
        (None, None, Some(_)) => Some("APPROX"), // "the next year or so"
        _ if group("on_or_after").is_some() => Some("ON_OR_AFTER"),
        _ => None,
    };
    let reading = if let Some(r) = group("reference") {
        Reading::Reference(lookup(&lex.references, r)?)
    } else if let Some(s) = group("set") {
        let every = s
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("every") || w.eq_ignore_ascii_case("each"));
        Reading::Set { value: lookup(&lex.sets, s)?.to_string(), freq: None, quant: every.then_some("EVERY") }
    } else if let Some(f) = group("freq") {
        let times = match f.to_ascii_lowercase().as_str() {
            "once" => 1,
            "twice" => 2,
            "thrice" => 3,
            _ => count(group("count")?)??,
        };
        let unit = unit_letter(group("unit")?)?;
        let value = match unit.strip_prefix('T') {
            Some(clock) => format!("PT1{clock}"),
            None => format!("P1{unit}"),
        };
        Reading::Set { value, freq: Some(format!("{times}X")), quant: None }
    } else if let (true, Some(w)) = (group("plural").or(group("plural_part")).is_some(), group("weekday")) {
        let part = match group("part_of_day") {
            Some(p) => format!("T{}", lex.part_of_day(p)?.code),
            None => String::new(),
        };
        Reading::Set { value: format!("XXXX-WXX-{}{part}", lex.weekday(w)?), freq: None, quant: None }
    } else if let (Some(_), Some(w)) = (group("every"), group("weekday")) {
        Reading::Set { value: format!("XXXX-WXX-{}", lex.weekday(w)?), freq: None, quant: Some("EVERY") }
    } else if let (Some(_), Some(m)) = (group("every"), group("month")) {
        Reading::Set { value: format!("XXXX-{:02}", lex.month(m)?), freq: None, quant: Some("EVERY") }
    } else if let Some(season) = group("season") {
        let (code, last_month) = lookup(&lex.seasons, season)?;
        let shift = match group("shift") {
            Some(s) => Some(lookup(&lex.shifts, s)?),
            None => None,
        };
        Reading::Season { code, last_month, year: year_of(caps), shift }
    } else if let Some(h) = group("holiday") {
        let shift = match group("shift") {
            Some(s) => Some(lookup(&lex.shifts, s)?),
            None => None,
        };
        Reading::Holiday { when: lookup(&lex.holidays, &h.replace('’', "'"))?.0, year: year_of(caps), shift }
    } else if group("weekend").is_some() {
        Reading::RecentWeekend
    } else if group("the_week").is_some() {
        Reading::UnnamedWeek
    } else if group("week_of").is_some() {
        Reading::WeekOf(read_point(caps)?)
    } else if let Some(c) = group("century") {
        let c = c.to_ascii_lowercase();
        let n = match CENTURY_WORDS.iter().position(|w| *w == c) {
            Some(i) => i as i32 + 1,
            None => c.trim_end_matches(char::is_alphabetic).parse().ok()?,
        };
        Reading::Century(n.checked_sub(1).filter(|n| *n >= 0)?)
    } else if group("year_end").is_some() {
        return Some((Reading::Relative { unit: "Y", shift: 0 }, Some("END")));
    } else if let Some(d) = group("decade") {
        Reading::Decade(d.parse().ok()?)
    } else if let Some(o) = group("ordinal") {
        let n = match o.to_ascii_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            _ => 4,
        };
        Reading::Quarter {
            n,
            year: year_of(caps),
            year_shift: year_shift(group("year_shift"))?,
            year_ago: group("ago").is_some(),
        }
    } else if let (Some(anaphor), Some(period)) = (group("anaphor"), group("period")) {
        let anaphor = anaphor.to_ascii_lowercase();
        let shift = match anaphor.as_str() {
            "following" | "next" => 1,
            "previous" | "preceding" => -1,
            _ => 0,
        };
        Reading::Anaphoric { unit: unit_letter(period)?, shift }
    } else if let Some(o) = group("half_ordinal") {
        let n = if o.eq_ignore_ascii_case("first") { 1 } else { 2 };
        Reading::Half { n, year: year_of(caps), year_shift: year_shift(group("year_shift"))? }
    } else if group("first_two").is_some() || group("last_two").is_some() {
        let n = if group("first_two").is_some() { 1 } else { 2 };
        Reading::Half { n, year: year_of(caps), year_shift: None }
    } else if group("year_before").is_some() {
        Reading::Ago { count: Some(1), unit: "Y" }
    } else if group("year_period").is_some() {
        Reading::SamePeriodIn(year_of(caps)?)
    } else if group("quarter_period").is_some() {
        Reading::Relative { unit: "Q", shift: -1 }
    } else if group("around").is_some() {
        Reading::Anaphoric { unit: "M", shift: 0 }
    } else if let Some(period) = group("period") {
        let shift = match (group("shift"), group("last_reported")) {
            (Some(s), _) => lookup(&lex.shifts, s)?,
            (None, Some(_)) => -1, // "the quarter"
            (None, None) => 0,
        };
        let unit = unit_letter(period)?;
        // "the past decade" is the ten years up to the reference time, not the decade before
        // it: a length (P10Y, "the past century" P100Y), as AQUAINT and MEANTIME have it.
        let past = group("shift").is_some_and(|s| s.eq_ignore_ascii_case("past"));
        match unit {
            "E" | "C" if past => {
                Reading::Duration { count: Some(if unit == "E" { 10 } else { 100 }), unit: "Y", half: false }
            }
            _ => Reading::Relative { unit, shift },
        }
    } else if let Some(unit) = group("unit") {
        let unit = unit_letter(unit)?;
        let half_of_one = group("half_only").or(group("half_adjective")).is_some();
        let half = half_of_one || group("half").is_some();
        let count = match (group("count"), group("ago").or(group("single"))) {
            _ if half_of_one => Some(0),
            (Some(_), _) if group("range_low").is_some() => None,
            (Some(c), _) => count(c)?,
            (None, Some(_)) => Some(1), // "year-ago"
            // "day-long" is one day, "decades-long" some decades.
            (None, None) if group("long").is_some() => group("unit").filter(|u| is_singular(u)).map(|_| 1),
            (None, None) => None,
        };
        // "recent years", "the last few months", "the coming weeks" are vague lengths (PXY, PXM,
        // PXW), as the TimeML guidelines have them.
        match group("ago") {
            // "two and a half years ago" is thirty months ago.
            Some(_) if half => {
                let (count, unit) = halved(count?, unit)?;
                Reading::Ago { count: Some(count), unit }
            }
            Some(_) => Reading::Ago { count, unit },
            None => Reading::Duration { count, unit, half },
        }
    } else {
        Reading::Point(read_point(caps)?)
    };
    Some((reading, modifier))
}

/// The year a match names, in figures or words.
fn year_of(caps: &Groups<'_>) -> Option<i32> {
    if let Some(yy) = caps.get("year2") {
        let yy: i32 = yy.as_str().parse().ok()?;
        return Some(if yy >= 69 { 1900 + yy } else { 2000 + yy });
    }
    match (caps.get("year"), caps.get("year_words")) {
        (Some(y), _) => y.as_str().parse().ok(),
        (None, Some(w)) => spoken_year(w.as_str()),
        (None, None) => None,
    }
}

/// The regex of a year in words: "nineteen ninety-six", "nineteen oh five", "twenty sixteen",
/// "two thousand and five". A bare "nineteen" or "two thousand" is a count, not a year, unless
/// `bare_thousand` ("the year two thousand").
fn spoken_year_pattern(bare_thousand: bool) -> String {
    let units = "one|two|three|four|five|six|seven|eight|nine";
    let teens = SPOKEN_TEENS.join("|");
    let tens = SPOKEN_TENS.join("|");
    let sep = r"(?:-|(?u-i:[ \t\u{a0}]+))";
    let two_digits = format!("(?:(?:{tens})(?:{sep}(?:{units}))?|{teens}|oh?{sep}(?:{units}))");
    let century = format!("(?:eighteen|nineteen|twenty){sep}{two_digits}");
    let tail = if bare_thousand { "?" } else { "" };
    let thousand = format!("two{sep}thousand(?:(?:{sep}and)?{sep}(?:{two_digits}|{units})){tail}");
    format!("(?P<year_words>(?i:{century}|{thousand}))")
}

/// The value of a year in words (see [`spoken_year_pattern`]).
fn spoken_year(words: &str) -> Option<i32> {
    let numbers = &lexicon().numbers;
    let parts: Vec<String> = words
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .filter(|w| !matches!(w.as_str(), "and" | "o" | "oh"))
        .collect();
    let value = |w: &String| lookup(numbers, w).flatten().map(|n| n as i32);
    let sum = |ws: &[String]| ws.iter().map(value).sum::<Option<i32>>();
    match parts.as_slice() {
        [two, thousand, rest @ ..] if two == "two" && thousand == "thousand" => Some(2000 + sum(rest)?),
        [first, rest @ ..] => Some(value(first)? * 100 + sum(rest)?),
        [] => None,
    }
}

fn read_point(caps: &Groups<'_>) -> Option<Point> {
    let lex = lexicon();
    let group = |name| caps.get(name).map(|m| m.as_str());
    let mut p = Point { year: year_of(caps), ..Point::default() };
    if caps.get("year").is_some() && p.year.is_none() {
        return None;
    }
    if let Some(m) = group("month") {
        p.month = Some(m.parse().ok().or_else(|| lex.month(m))?);
    }
    if let (Some(n1), Some(n2)) = (group("n1"), group("n2")) {
        let (n1, n2): (u8, u8) = (n1.parse().ok()?, n2.parse().ok()?);
        let (month, day) = if n1 > 12 { (n2, n1) } else { (n1, n2) };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        (p.month, p.day) = (Some(month), Some(day));
    }
    if let Some(d) = group("day") {
        p.day = Some(d.parse().ok().filter(|d| (1..=31).contains(d))?);
    }
    if let Some(w) = group("weekday") {
        p.weekday = Some(lex.weekday(w)?);
    }
    if let Some(a) = group("weekday_anaphor") {
        p.shift = Some(if a.eq_ignore_ascii_case("following") { 1 } else { -1 });
        p.anaphoric = true;
    }
    if let Some(s) = group("shift") {
        p.shift = Some(lookup(&lex.shifts, s)?);
    }
    if let Some(s) = group("year_shift") {
        p.year_shift = Some(lookup(&lex.shifts, s)?);
    }
    if let Some(w) = group("clock_word") {
        p.hour = Some(if w.eq_ignore_ascii_case("midnight") { 24 } else { 12 });
        p.minute = Some(0);
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

/// The mod of a modifier phrase ("more than", "mid-").
fn lookup_modifier(phrase: &str) -> Option<&'static str> {
    let phrase = phrase.trim_end_matches('-');
    let pairs: Vec<(&'static str, &'static str)> = lexicon().modifiers.iter().map(|m| (m.0, m.1)).collect();
    lookup(&pairs, phrase)
}

/// Is a unit word singular ("day", not "days")?
fn is_singular(word: &str) -> bool {
    lexicon().units.iter().any(|u| u.2 && u.0.eq_ignore_ascii_case(word))
}

/// The TIMEX3 unit letter of a unit word.
fn unit_letter(word: &str) -> Option<&'static str> {
    lexicon().units.iter().find(|u| u.0.eq_ignore_ascii_case(word)).map(|u| u.1)
}

/// `n` and a half units as a whole count of a smaller unit: two and a half years are 30 months
/// (`M`), half a century 50 years, half an hour 30 minutes. `None` where the smaller count is not
/// whole (half a week) or the unit has no smaller one here.
pub fn halved(n: u32, unit: &str) -> Option<(u32, &'static str)> {
    let halves = 2 * n + 1;
    Some(match unit {
        "C" => (100 * n + 50, "Y"),
        "E" => (10 * n + 5, "Y"),
        "Y" => (6 * halves, "M"),
        "D" => (12 * halves, "TH"),
        "TH" => (30 * halves, "TM"),
        "TM" => (30 * halves, "TS"),
        _ => return None,
    })
}

/// The shift of "this/last/next year": `Some(None)` when none is named, `None` when unreadable.
fn year_shift(word: Option<&str>) -> Option<Option<i32>> {
    match word {
        Some(s) => Some(Some(lookup(&lexicon().shifts, s)?)),
        None => Some(None),
    }
}

/// A count: `Some(Some(n))` exact, `Some(None)` vague ("several"), `None` unreadable.
fn count(words: &str) -> Option<Option<u32>> {
    if let Ok(n) = words.parse::<u32>() {
        return Some(Some(n));
    }
    let lex = lexicon();
    if let Some(v) = lookup(&lex.numbers, words) {
        return Some(v);
    }
    // "twenty-four", "twenty four"
    let mut total = 0;
    for part in words.split(['-', ' ']).filter(|p| !p.is_empty()) {
        total += lookup(&lex.numbers, part)??;
    }
    Some(Some(total))
}

/// Does the expression `text` hold a word of the rule's anchor kind, and its `sentence` the words of
/// every kind the rule needs (a second anchor such as the "for" of "for [weeks]" may lie outside
/// the expression)? Checked on every example, so the pre-filter never skips a sentence a rule matches.
pub fn anchored(rule_id: &str, text: &str, sentence: &str) -> bool {
    RULES.iter().find(|r| r.id == rule_id).is_some_and(|r| {
        anchors_in(text).present & r.anchor as u64 != 0 && anchors_in(sentence).present & needs(r) == needs(r)
    })
}

/// Ids of rules that no example in `examples.tsv` exercises (the coverage report).
pub fn rules_without_examples(examples: &str) -> Vec<&'static str> {
    RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| {
            !examples
                .lines()
                .any(|l| l.split('\t').nth(5).is_some_and(|rules| rules.split([';', '+']).any(|p| p.trim() == *id)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A longer anchor word, or one with other characters than ASCII letters, would never be
    /// looked up, and its rules would never run.
    #[test]
    fn every_anchor_word_can_be_read() {
        let unread: Vec<_> = anchor_word_kinds()
            .into_keys()
            .filter(|w| w.len() > LONGEST_ANCHOR || !w.bytes().all(|b| b.is_ascii_alphabetic()))
            .collect();
        assert!(unread.is_empty(), "anchor words over {LONGEST_ANCHOR} bytes or not letters: {unread:?}");
        assert_eq!(anchor_words().kinds.len(), anchor_word_kinds().len());
    }

    /// Positive and negative rows for the anchor kinds read from a word's neighbours rather than
    /// looked up: each sentence, and the kind it must (or must not) hold.
    #[test]
    fn anchor_kinds_read_from_neighbours() {
        let rows: &[(&str, Anchor, bool)] = &[
            ("from 2009-2013", Anchor::YearDash, true),
            ("from 2009–2013", Anchor::YearDash, true),
            ("on 2016-12-19", Anchor::YearDash, true),
            ("a 12-month plan", Anchor::YearDash, false),
            ("in the 1990s", Anchor::Decade, true),
            ("in the 1990's", Anchor::Decade, true),
            ("in 1990", Anchor::Decade, false),
            ("on 12/19/2016", Anchor::Slash, true),
            ("3 1/2 years", Anchor::Fraction, true),
            ("31/2 years", Anchor::Fraction, true),
            ("3½ years", Anchor::Fraction, true),
            ("1/4 of it", Anchor::Fraction, false),
            ("on 19.12.2016", Anchor::Dot, true),
            ("up 3 %", Anchor::Dot, false),
            ("March and May", Anchor::SecondMonth, true),
            ("March 3", Anchor::SecondMonth, false),
            ("1998 and 1999", Anchor::SecondYear, true),
            ("1998 and 99", Anchor::SecondYear, false),
            ("the 2nd quarter", Anchor::Ordinal, true),
            ("the 5th quarter", Anchor::Ordinal, false),
            ("on Mondays", Anchor::Plural, true),
            ("on Monday nights", Anchor::Plural, true),
            ("on Monday", Anchor::Plural, false),
            ("International Women's Day", Anchor::HolidayName, true),
            ("in nineteen ninety-six", Anchor::Spoken, true),
            ("in nineteen-ninety", Anchor::Spoken, true),
            ("in nineteen oh five", Anchor::Spoken, true),
            ("in two thousand and five", Anchor::Spoken, true),
            ("nineteen people", Anchor::Spoken, false),
            ("two years", Anchor::Spoken, false),
            ("for 40 years", Anchor::CountedUnit, true),
            ("for twenty-four hours", Anchor::CountedUnit, true),
            ("for a couple of weeks", Anchor::CountedUnit, true),
            ("two more years", Anchor::CountedUnit, true),
            ("last year", Anchor::CountedUnit, false),
            ("on April 24 and 25", Anchor::DayInList, true),
            ("May 3, 4 or 5", Anchor::DayInList, true),
            ("Dec. 3, and 4", Anchor::DayInList, true),
            ("on April 24, 1990", Anchor::DayInList, true),
            ("on April 24 in Ankara", Anchor::DayInList, false),
            ("on April 24", Anchor::DayInList, false),
            ("at 3 pm", Anchor::AmPm, true),
            ("at 3pm", Anchor::AmPm, true),
            ("at 10:30 a.m. on", Anchor::AmPm, true),
            ("at 10:30\u{a0}a.m. on", Anchor::AmPm, true),
            ("the PM said", Anchor::AmPm, false),
            ("the team", Anchor::AmPm, false),
        ];
        for (sentence, kind, holds) in rows {
            assert_eq!(anchors_in(sentence).present & *kind as u64 != 0, *holds, "{sentence:?} {kind:?}");
        }
    }
}
