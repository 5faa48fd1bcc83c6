//! The time word lists, read from the data files in `lexicon/`.

use crate::text::data_lines;
use std::sync::OnceLock;

/// A part of the day: its name, TIMEX3 code and the clock hours it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartOfDay {
    /// The word, lower case ("evening").
    pub word: &'static str,
    /// The TIMEX3 code ("EV").
    pub code: &'static str,
    /// First clock time covered, `hh:mm`.
    pub start: &'static str,
    /// Last clock time covered, `hh:mm`.
    pub end: &'static str,
}

/// Every word list the time grammar uses.
#[derive(Debug)]
pub struct Lexicon {
    /// Month names and abbreviations → 1…12.
    pub months: Vec<(&'static str, u8)>,
    /// Weekday names → ISO number; `true` for full names that stand alone.
    pub weekdays: Vec<(&'static str, u8, bool)>,
    /// Zone abbreviations → offset in minutes east of UTC.
    pub zones: Vec<(&'static str, i32)>,
    /// Parts of the day.
    pub parts_of_day: Vec<PartOfDay>,
    /// Deictic day words → day offset and implied part of day code.
    pub day_words: Vec<(&'static str, i32, Option<&'static str>)>,
    /// Count words → number, `None` for a vague count ("several").
    pub numbers: Vec<(&'static str, Option<u32>)>,
    /// Unit words → TIMEX3 unit letter(s); `true` for singular forms.
    pub units: Vec<(&'static str, &'static str, bool)>,
    /// Modifier words → TIMEX3 mod; `true` for quantity modifiers, `false` for edges.
    pub modifiers: Vec<(&'static str, &'static str, bool)>,
    /// Vague references → `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    pub references: Vec<(&'static str, &'static str)>,
    /// Recurrence words → SET value.
    pub sets: Vec<(&'static str, &'static str)>,
    /// Seasons → TIMEX3 code and last month.
    pub seasons: Vec<(&'static str, (&'static str, u8))>,
    /// Words that move a period from the reference one ("last" → -1).
    pub shifts: Vec<(&'static str, i32)>,
    /// Words that make a following weekday the coming one.
    pub future_cues: Vec<&'static str>,
    /// Words that cancel a future cue beside them: the plan lies in the past ("had been due to").
    pub past_cues: Vec<&'static str>,
    /// Words that tell the tense of a month's clause: `true` looks ahead ("would"), `false` back
    /// ("was").
    pub clause_tense: Vec<(&'static str, bool)>,
    /// Nouns that make "today's …" or "tomorrow's …" generic ("today's youth"): no timex.
    pub generic_today: Vec<&'static str>,
    /// Prepositions that, right before a date, make it a deadline to come ("by February").
    pub deadline_cues: Vec<&'static str>,
    /// Holidays → when they fall, and the word that anchors them.
    pub holidays: Vec<(&'static str, (HolidayDate, &'static str))>,
}

/// When a holiday falls in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayDate {
    /// A fixed day (`month`, `day`), or with `weekday` (ISO) the first such weekday on or after it.
    Fixed {
        /// 1…12.
        month: u8,
        /// 1…31.
        day: u8,
        /// ISO weekday, Monday = 1.
        weekday: Option<u8>,
    },
    /// So many days from Western Easter Sunday.
    Easter(i32),
}

impl HolidayDate {
    /// Parse `MM-DD`, `MM-DD wd` or `easter±N`.
    fn parse(spec: &str, weekdays: &[(&'static str, u8, bool)]) -> Option<HolidayDate> {
        if let Some(offset) = spec.strip_prefix("easter") {
            return Some(HolidayDate::Easter(offset.trim_start_matches('+').parse().ok()?));
        }
        let (date, weekday) = spec.split_once(' ').map_or((spec, None), |(d, w)| (d, Some(w)));
        let (month, day) = date.split_once('-')?;
        let weekday = match weekday {
            Some(w) => Some(lookup(&weekdays.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(), w)?),
            None => None,
        };
        Some(HolidayDate::Fixed { month: month.parse().ok()?, day: day.parse().ok()?, weekday })
    }

    /// The month it falls in (April for Easter), to choose its year like a bare month's.
    pub fn month(self) -> u8 {
        match self {
            HolidayDate::Fixed { month, .. } => month,
            HolidayDate::Easter(_) => 4,
        }
    }
}

/// The lexicon, parsed once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let weekdays: Vec<_> =
            rows(include_str!("lexicon/weekdays.tsv")).map(|r| (r[0], number(r[1]), r[2] == "full")).collect();
        Lexicon {
            holidays: rows(include_str!("lexicon/holidays.tsv"))
                .map(|r| {
                    let date = HolidayDate::parse(r[1], &weekdays).expect("holidays.tsv: MM-DD [weekday] or easter±N");
                    (r[0], (date, r[2]))
                })
                .collect(),
            months: rows(include_str!("lexicon/months.tsv")).map(|r| (r[0], number(r[1]))).collect(),
            weekdays,
            zones: rows(include_str!("lexicon/zones.tsv"))
                .map(|r| (r[0], offset_minutes(r[1]).expect("zones.tsv: offset ±hh:mm")))
                .collect(),
            parts_of_day: rows(include_str!("lexicon/parts_of_day.tsv"))
                .map(|r| PartOfDay { word: r[0], code: r[1], start: r[2], end: r[3] })
                .collect(),
            day_words: rows(include_str!("lexicon/day_words.tsv"))
                .map(|r| (r[0], r[1].parse().expect("day_words.tsv: offset"), Some(r[2]).filter(|c| *c != "-")))
                .collect(),
            numbers: rows(include_str!("lexicon/numbers.tsv")).map(|r| (r[0], r[1].parse().ok())).collect(),
            units: rows(include_str!("lexicon/units.tsv")).map(|r| (r[0], r[1], r[2] == "singular")).collect(),
            modifiers: rows(include_str!("lexicon/modifiers.tsv")).map(|r| (r[0], r[1], r[2] == "quantity")).collect(),
            references: rows(include_str!("lexicon/references.tsv")).map(|r| (r[0], r[1])).collect(),
            sets: rows(include_str!("lexicon/sets.tsv")).map(|r| (r[0], r[1])).collect(),
            shifts: rows(include_str!("lexicon/shifts.tsv"))
                .map(|r| (r[0], r[1].parse().expect("shifts.tsv: a number")))
                .collect(),
            seasons: rows(include_str!("lexicon/seasons.tsv")).map(|r| (r[0], (r[1], number(r[2])))).collect(),
            future_cues: data_lines(include_str!("lexicon/future_cues.txt")).collect(),
            past_cues: data_lines(include_str!("lexicon/past_cues.txt")).collect(),
            deadline_cues: data_lines(include_str!("lexicon/deadline_cues.txt")).collect(),
            generic_today: data_lines(include_str!("lexicon/generic_today.txt")).collect(),
            clause_tense: rows(include_str!("lexicon/clause_tense.tsv"))
                .map(|r| {
                    (
                        r[0],
                        match r[1] {
                            "future" => true,
                            "past" => false,
                            other => panic!("clause_tense.tsv: {other:?} is neither future nor past"),
                        },
                    )
                })
                .collect(),
        }
    })
}

impl Lexicon {
    /// The month number of a name or abbreviation, in any case.
    pub fn month(&self, word: &str) -> Option<u8> {
        self.months.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|&(_, n)| n)
    }

    /// The ISO weekday number of a name or abbreviation, in any case.
    pub fn weekday(&self, word: &str) -> Option<u8> {
        self.weekdays.iter().find(|(w, _, _)| w.eq_ignore_ascii_case(word)).map(|&(_, n, _)| n)
    }

    /// The UTC offset in minutes of a zone abbreviation.
    pub fn zone(&self, word: &str) -> Option<i32> {
        self.zones.iter().find(|(w, _)| *w == word).map(|&(_, m)| m)
    }

    /// A part of the day by word or by TIMEX3 code.
    pub fn part_of_day(&self, word_or_code: &str) -> Option<PartOfDay> {
        self.parts_of_day.iter().find(|p| p.word.eq_ignore_ascii_case(word_or_code) || p.code == word_or_code).copied()
    }

    /// The day offset and implied part of day of a deictic day word.
    pub fn day_word(&self, word: &str) -> Option<(i32, Option<&'static str>)> {
        self.day_words.iter().find(|(w, _, _)| w.eq_ignore_ascii_case(word)).map(|&(_, o, p)| (o, p))
    }
}

/// Look a phrase up in a two-column list, ignoring case and collapsing inner white space.
pub fn lookup<T: Copy>(list: &[(&'static str, T)], phrase: &str) -> Option<T> {
    let same_word =
        |a: &str, b: &str| a.eq_ignore_ascii_case(b) || !a.is_ascii() && a.to_lowercase() == b.to_lowercase();
    // Two first bytes that are ASCII, no white space and differ in any case start two different
    // first words: most entries are turned away by that before any splitting.
    let first = |s: &str| s.bytes().next().filter(|b| b.is_ascii() && !char::from(*b).is_whitespace());
    let phrase_first = first(phrase);
    let same = |entry: &str| {
        if let (Some(a), Some(b)) = (first(entry), phrase_first) {
            if !a.eq_ignore_ascii_case(&b) {
                return false;
            }
        }
        let (mut a, mut b) = (entry.split_whitespace(), phrase.split_whitespace());
        loop {
            match (a.next(), b.next()) {
                (None, None) => return true,
                (Some(x), Some(y)) if same_word(x, y) => {}
                _ => return false,
            }
        }
    };
    list.iter().find(|(w, _)| same(w)).map(|&(_, v)| v)
}

/// Parse `±hh:mm` into minutes east of UTC.
pub fn offset_minutes(s: &str) -> Option<i32> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = s[1..].split_once(':')?;
    Some(sign * (h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?))
}

fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data_lines(file).map(|l| l.split('\t').map(str::trim).collect())
}

fn number(s: &str) -> u8 {
    s.parse().expect("lexicon: a number column")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_loads() {
        let l = lexicon();
        assert_eq!(l.month("Sept"), Some(9));
        assert_eq!(l.month("DECEMBER"), Some(12));
        assert_eq!(l.weekday("Monday"), Some(1));
        assert_eq!(l.zone("EET"), Some(120));
        assert_eq!(l.zone("EDT"), Some(-240));
        assert_eq!(l.part_of_day("evening").map(|p| p.code), Some("EV"));
        assert_eq!(l.day_word("Yesterday"), Some((-1, None)));
        assert_eq!(l.day_word("tonight"), Some((0, Some("NI"))));
        assert_eq!(lookup(&l.numbers, "A  few"), Some(None));
        assert_eq!(lookup(&l.numbers, "twelve"), Some(Some(12)));
        assert!(l.modifiers.contains(&("more than", "MORE_THAN", true)));
        assert_eq!(lookup(&l.references, "Now"), Some("PRESENT_REF"));
        assert_eq!(lookup(&l.sets, "every  day"), Some("P1D"));
        assert!(l.units.contains(&("years", "Y", false)));
        assert!(l.future_cues.contains(&"will"));
        assert!(l.past_cues.contains(&"had"));
    }
}
