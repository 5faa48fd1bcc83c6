//! Entities: the people, organizations (news outlets and agencies among them) and places of an
//! article, each with every mention, the names it goes by and the roles the text gives it.
//!
//! ```text
//! words ──runs of capitalized words──▶ candidates ──type (gazetteer, title, context)──▶ named mentions
//!        ──merge (name keys, a surname joins the person named before)──▶ entities (+ unnamed roles)
//! ```
//!
//! Names are found from capitalization and context, backed by small gazetteers
//! (`lexicon/*.txt`); a name's words are scanned with `char` methods, so "Çavuşoğlu" or
//! "Zürich" are words like any other. Capitals that say nothing — a sentence's first word, a
//! headline in title case, an all-caps banner — only count when the name is known: from the
//! gazetteer or from the article's own body. Every mention says which rule found it.
//!
//! ```
//! use dateline::{entity, text::segment};
//! let doc = segment("Russia's ambassador to Turkey Andrei Karlov was shot. Mr Karlov died.");
//! let found = entity::extract(&doc);
//! let karlov = found.entities.iter().find(|e| e.name == "Andrei Karlov").unwrap();
//! assert_eq!(karlov.mentions.len(), 2);
//! assert_eq!(karlov.roles, ["Russia's ambassador to Turkey"]);
//! ```

pub(crate) mod lexicon;
pub mod names;

use crate::text::{Segmented, Span};
use lexicon::{FastMap, FastSet, Known, Title};
use serde::Serialize;
use std::borrow::Cow;
use std::iter::once;
use std::ops::Range;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person, named or known by a role ("the gunman").
    Person,
    /// An organization; news outlets and agencies carry `media: true`.
    Organization,
    /// A country, city, region.
    Place,
    /// A capitalized name nothing else says more about.
    Other,
}

/// One mention of an entity in the text. It borrows its words from the text and names its
/// entity by position, so that making one allocates nothing (a document has thousands).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention<'a> {
    /// UTF-16 span of the name (titles and a possessive `'s` left out).
    pub span: Span,
    /// The words, as written.
    pub text: &'a str,
    /// The entity's index in [`Entities::entities`] (the entity `e1` is 0).
    pub entity: usize,
    /// The entity's kind.
    pub kind: Kind,
    /// The rule that found or typed this mention.
    pub rule: &'static str,
    /// Byte range in the text.
    #[serde(skip)]
    pub bytes: Range<usize>,
}

/// A person, organization or place, with every mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// `e1`, `e2`, … in order of first mention.
    pub id: String,
    /// Person, organization, place or other.
    pub kind: Kind,
    /// A news outlet or agency.
    pub media: bool,
    /// False for a person known only by a role ("the gunman").
    pub named: bool,
    /// The name shown: the most frequent of its longest forms.
    pub name: String,
    /// Every other form it goes by in the text.
    pub aliases: Vec<String>,
    /// The spans of all its mentions, in text order.
    pub mentions: Vec<Span>,
    /// Roles and titles the text gives it ("Russia's ambassador to Turkey", "Foreign Secretary").
    pub roles: Vec<String>,
    /// The rule that typed it (that of its first typed mention).
    pub rule: &'static str,
    /// The name key ([`names::key`]) of its name, for matching across documents.
    pub key: String,
}

/// What the entity stage found in one document, whose text its mentions borrow.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities<'a> {
    /// The entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Every mention, in text order (what later stages look up: speakers, event participants).
    pub mentions: Vec<Mention<'a>>,
}

impl<'a> Entities<'a> {
    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The entity a mention belongs to.
    pub fn entity_of(&self, mention: &Mention<'_>) -> &Entity {
        &self.entities[mention.entity]
    }

    /// The mentions lying inside the byte range `bytes`, in text order.
    pub fn mentions_in(&self, bytes: Range<usize>) -> impl Iterator<Item = &Mention<'a>> {
        let first = self.mentions.partition_point(|m| m.bytes.start < bytes.start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.bytes.start < bytes.end)
            .filter(move |m| m.bytes.end <= bytes.end)
    }

    /// The last mention of a person that ends at or before byte `at`.
    pub fn person_before(&self, at: usize) -> Option<&Mention<'a>> {
        let end = self.mentions.partition_point(|m| m.bytes.end <= at);
        self.mentions[..end].iter().rev().find(|m| m.kind == Kind::Person)
    }
}

/// A word of the text.
#[derive(Debug, Clone)]
struct Word<'a> {
    bytes: Range<usize>,
    /// End of the word without a possessive `'s`.
    name_end: usize,
    possessive: bool,
    /// Starts with an upper-case letter.
    cap: bool,
    /// All letters upper case, at least two of them.
    caps: bool,
    /// Lower case (borrowed from the text when it already is).
    lower: Cow<'a, str>,
    /// First word of a sentence, or right after a colon, an opening quote or a bracket.
    initial: bool,
    sentence: usize,
}

impl Word<'_> {
    /// The word in lower case without a final dot, as titles, common and organization words are
    /// looked up. (A word ends in one dot at most: a dot joins a word only before a letter or
    /// as the stop of an initial, "U.S.".)
    fn bare(&self) -> &str {
        self.lower.strip_suffix('.').unwrap_or(&self.lower)
    }
}

/// The character starting at byte `at` of `text` and its length in bytes (ASCII without
/// decoding: most of a news text is ASCII).
pub(crate) fn char_at(text: &str, at: usize) -> (char, usize) {
    match text.as_bytes()[at] {
        b if b.is_ascii() => (char::from(b), 1),
        _ => {
            let c = text[at..].chars().next().unwrap_or_default();
            (c, c.len_utf8())
        }
    }
}

/// The ASCII letters and digits, for [`words`]: one look-up instead of three range tests per byte.
const ALNUM: [bool; 256] = {
    let mut alnum = [false; 256];
    let mut b = 0;
    while b < 128 {
        alnum[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    alnum
};

/// Are all the letters of an ASCII word capitals, and at least two? (Its other bytes are digits
/// and marks.) Most words show a lower-case letter in their first two bytes, where the test
/// stops.
fn ascii_caps(word: &[u8]) -> bool {
    !word.iter().any(u8::is_ascii_lowercase) && word.iter().filter(|b| b.is_ascii_uppercase()).count() >= 2
}

/// Cut the sentences into words; `lowered` is the text with its ASCII letters in lower case.
fn words<'a>(doc: &Segmented<'a>, lowered: &'a str) -> Vec<Word<'a>> {
    let text = doc.text;
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    for (si, s) in doc.sentences.iter().enumerate() {
        let mut p = s.start;
        let mut prev_end = s.start;
        let mut first = true; // no word of the sentence read yet
        while p < s.end {
            // An ASCII byte is looked up, not decoded: most bytes between words are spaces.
            let (c, len) = match bytes[p] {
                b if b.is_ascii() && !ALNUM[usize::from(b)] => {
                    p += 1;
                    continue;
                }
                b if b.is_ascii() => (char::from(b), 1),
                _ => char_at(text, p),
            };
            let start = p;
            p += len;
            if len > 1 && !c.is_alphanumeric() {
                continue;
            }
            // (`char::is_uppercase` looks an ASCII letter up in the Unicode tables.)
            let upper = if len == 1 { c.is_ascii_uppercase() } else { c.is_uppercase() };
            let mut end = p;
            let mut segment_len = 1; // letters since the last dot
            let mut segment_upper = upper;
            let mut dotted = false;
            // Whether the word is all ASCII, noted on the way.
            let mut ascii = len == 1;
            while p < s.end {
                // A run of ASCII letters and digits, most of a text, goes without decoding, in a
                // loop that only looks the bytes up (the segment is updated once, after the run).
                let run = bytes[p..s.end].iter().position(|&b| !ALNUM[usize::from(b)]).unwrap_or(s.end - p);
                if run > 0 {
                    // As if read a letter at a time: a segment's first letter is its only one
                    // when the run is one byte long and starts the segment.
                    segment_upper = segment_upper && segment_len == 0 && run == 1;
                    segment_len += run;
                    p += run;
                    end = p;
                    if p == s.end {
                        break;
                    }
                }
                let (d, len) = char_at(text, p);
                let i = p;
                if len > 1 && d.is_alphanumeric() {
                    ascii = false; // (an ASCII letter or digit took the branch above)
                    segment_len += 1;
                    segment_upper = segment_upper && segment_len == 1;
                    p += len;
                    end = p;
                    continue;
                }
                let joins = match d {
                    '\'' | '’' | '-' | '‐' => text[i + len..].chars().next().is_some_and(char::is_alphanumeric),
                    // Capitals joined by an ampersand are one name: "AT&T", "S&P".
                    '&' => bytes[i - 1].is_ascii_uppercase() && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase),
                    '.' => {
                        segment_len == 1
                            && segment_upper
                            && (dotted || {
                                let rest = &text[i + 1..];
                                let mut r = rest.chars();
                                r.next().is_some_and(char::is_uppercase) && r.next() == Some('.')
                            })
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                p += len;
                ascii &= len == 1;
                if d == '.' {
                    dotted = true;
                    segment_len = 0;
                    segment_upper = true;
                    end = p;
                    if p < s.end {
                        let (e, len) = char_at(text, p);
                        if e.is_alphanumeric() {
                            ascii &= len == 1;
                            segment_len = 1;
                            segment_upper = e.is_uppercase();
                            p += len;
                            end = p;
                        }
                    }
                    continue;
                }
                segment_len = 0;
            }
            // A possessive: an apostrophe and one `s` end the word.
            let word_bytes = &bytes[start..end];
            let apostrophe = match word_bytes {
                [.., b'\'', b's' | b'S'] => 1,
                [.., 0xE2, 0x80, 0x99, b's' | b'S'] => '’'.len_utf8(), // U+2019 in UTF-8
                _ => 0,
            };
            let (name_end, possessive) = match apostrophe {
                0 => (end, false),
                n => (end - 1 - n, true),
            };
            let caps = if ascii {
                // (A word that opens with a lower-case letter has no need of the test.)
                !c.is_ascii_lowercase() && ascii_caps(word_bytes)
            } else {
                let (letters, upper) = letters_and_capitals(&text[start..end]);
                letters >= 2 && upper == letters
            };
            // (A gap of one space, the most common, opens nothing.)
            let spaced = start == prev_end + 1 && bytes[prev_end] == b' ';
            let initial = first || !spaced && opens_clause(&text[prev_end..start]);
            first = false;
            out.push(Word {
                bytes: start..end,
                name_end,
                possessive,
                cap: upper,
                caps,
                // An ASCII word's lower case is a slice of the lower-cased copy.
                lower: if ascii {
                    Cow::Borrowed(&lowered[start..name_end])
                } else {
                    lower_case(&text[start..name_end])
                },
                initial,
                sentence: si,
            });
            prev_end = end;
        }
    }
    out
}

/// Does the gap between two words hold a mark after which the next word is a first word (a
/// colon, an opening quote or bracket, a dash, an ellipsis)? Most gaps are a space: the bytes
/// are looked at first, the characters only when one of them may be such a mark.
fn opens_clause(gap: &str) -> bool {
    gap.bytes().any(|b| matches!(b, b':' | b'"' | b'(' | b'[') || !b.is_ascii())
        && gap.contains([':', '“', '"', '‘', '(', '[', '–', '—', '…', '„', '«'])
}

/// How many letters `s` has, and how many of them are capitals (ASCII characters read as bytes,
/// without decoding, even in a text that is not all ASCII).
fn letters_and_capitals(s: &str) -> (usize, usize) {
    // Bytes in `lo..=hi`, counted in one-byte sums over chunks of at most 255 bytes: a loop the
    // compiler turns into vector code (a `usize` count per byte it does not).
    let count_in = |bytes: &[u8], lo: u8, hi: u8| -> usize {
        bytes
            .chunks(255)
            .map(|c| c.iter().fold(0u8, |n, &b| n.wrapping_add(u8::from(b.wrapping_sub(lo) <= hi - lo))))
            .map(usize::from)
            .sum()
    };
    let count_ascii = |bytes: &[u8]| {
        let upper = count_in(bytes, b'A', b'Z');
        (upper + count_in(bytes, b'a', b'z'), upper)
    };
    let bytes = s.as_bytes();
    if bytes.is_ascii() {
        return count_ascii(bytes);
    }
    let (mut letters, mut upper) = (0, 0);
    let mut i = 0;
    while i < bytes.len() {
        // The ASCII run up to the next character beyond ASCII, at once.
        let run = bytes[i..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |n| i + n);
        let (l, u) = count_ascii(&bytes[i..run]);
        (letters, upper) = (letters + l, upper + u);
        i = run;
        if let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) {
            letters += usize::from(c.is_alphabetic());
            upper += usize::from(c.is_alphabetic() && c.is_uppercase());
            i += c.len_utf8();
        }
    }
    (letters, upper)
}

/// `word` in lower case, borrowed when it already is.
pub(crate) fn lower_case(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Is the line `line` a headline (title case without a final stop) or an all-caps banner?
/// Capitals there say nothing. `words` are the line's words.
fn is_headline(text: &str, line: Range<usize>, words: &[Word]) -> bool {
    let s = &text[line];
    let (letters, upper) = letters_and_capitals(s);
    if letters >= 6 && upper * 10 >= letters * 6 {
        return true;
    }
    let ends_with_stop = s.trim_end().ends_with(['.', '!', '?', '"', '”', '’']) && !s.trim_end().ends_with("...");
    if ends_with_stop {
        return false;
    }
    let (long, capitalized) = words
        .iter()
        .filter(|w| w.lower.chars().nth(3).is_some())
        .fold((0usize, 0usize), |(n, c), w| (n + 1, c + usize::from(w.cap)));
    long >= 2 && capitalized * 10 >= long * 6
}

/// A capitalized name before typing and merging.
#[derive(Debug, Clone)]
struct Candidate {
    /// The name's bytes.
    bytes: Range<usize>,
    /// The name's key (its words' keys joined by single spaces): a range of the document's keys,
    /// written one after another into one string rather than each into its own.
    full: Range<usize>,
    /// How many words `full` has.
    words: usize,
    kind: Option<Kind>,
    media: bool,
    rule: &'static str,
    /// Only counts if the name is known from elsewhere (headline, banner, sentence start).
    latent: bool,
    /// A role given by a title or the words before the name.
    role: Option<String>,
}

const CONNECTORS: &[&str] = &[
    "of", "for", "de", "del", "la", "le", "van", "von", "der", "den", "al", "bin", "ibn", "da", "di", "du", "and", "&",
];

/// Is `word` (lower case) one of the [`CONNECTORS`]? None is longer than three bytes, which turns
/// most words away before the list is read.
fn is_connector(word: &str) -> bool {
    word.len() <= 3 && CONNECTORS.contains(&word)
}

/// A weekday's full name (the time stage's list; not "Sun", "Wed"), in any case.
fn is_weekday(word: &str) -> bool {
    crate::time::lexicon::lexicon().weekdays.iter().any(|&(name, _, full)| full && name.eq_ignore_ascii_case(word))
}

/// Find the entities of a text.
pub fn extract<'a>(doc: &Segmented<'a>) -> Entities<'a> {
    let lex = lexicon::get();
    let text = doc.text;
    let lowered = text.to_ascii_lowercase();
    let words = words(doc, &lowered);
    // Whether each sentence's line is a headline, computed once per line.
    let mut headline = vec![false; doc.sentences.len()];
    let mut line: Option<(Range<usize>, bool)> = None;
    for (si, s) in doc.sentences.iter().enumerate() {
        let known = line.as_ref().filter(|(l, _)| l.start <= s.start && s.end <= l.end).map(|(_, h)| *h);
        headline[si] = match known {
            Some(h) => h,
            None => {
                let start = text[..s.start].rfind('\n').map_or(0, |i| i + 1);
                let end = text[s.end..].find('\n').map_or(text.len(), |i| s.end + i);
                let first = words.partition_point(|w| w.bytes.start < start);
                let last = words.partition_point(|w| w.bytes.start < end);
                let h = is_headline(text, start..end, &words[first..last]);
                line = Some((start..end, h));
                h
            }
        };
    }

    // 1. Runs of capitalized words, cut into names.
    // (About one word in four or five starts a name: sized once rather than grown.)
    let mut candidates: Vec<Candidate> = Vec::with_capacity(words.len() / 4);
    let mut key = String::new(); // the buffer each run's name keys are written to
    let mut keys = String::new(); // the candidates' keys, one after another
    let mut i = 0;
    while i < words.len() {
        if !words[i].cap {
            i += 1;
            continue;
        }
        let mut end = i + 1; // exclusive
        while end < words.len() && !words[end - 1].possessive {
            let (prev, next) = (&words[end - 1], &words[end]);
            if next.sentence != prev.sentence || !joinable_gap(text, prev, next) {
                break;
            }
            if next.cap {
                // A weekday after a name says when ("told CNN Tuesday"), unless it ends the
                // name of a day ("Black Friday").
                if is_weekday(&next.lower) && !lex.day_names.contains(prev.lower.as_ref()) {
                    break;
                }
                end += 1;
            } else if is_connector(&next.lower)
                && words
                    .get(end + 1)
                    .is_some_and(|n| n.cap && n.sentence == next.sentence && joinable_gap(text, next, n))
                && connector_allowed(&next.lower, &prev.lower, lex)
            {
                end += 2;
            } else {
                break;
            }
        }
        let unreliable = headline[words[i].sentence] || doc.is_foreign(words[i].bytes.start);
        cut_run(text, &words, i..end, unreliable, lex, &mut candidates, &mut key, &mut keys);
        i = end;
    }

    // 2. Typed names confirm latent ones; single words join the person they name.
    // (The maps below hold at most one entry per candidate: sized once, never rehashed.)
    let n = candidates.len();
    let keys = keys.as_str();
    let full = |c: &Candidate| &keys[c.full.clone()];
    let mut confirmed: FastMap<&str, (Kind, bool)> = FastMap::with_capacity_and_hasher(n, Default::default());
    for c in candidates.iter().filter(|c| !c.latent) {
        if let Some(kind) = c.kind {
            confirmed.entry(full(c)).or_insert((kind, c.media));
        }
    }
    // Two capitalized words and nothing else to go by: a person is named in full once and by
    // surname after; an organization by its full name again and again.
    let mut full_count: FastMap<&str, usize> = FastMap::with_capacity_and_hasher(n, Default::default());
    let mut single_words: FastMap<&str, ()> = FastMap::with_capacity_and_hasher(n, Default::default());
    for c in &candidates {
        *full_count.entry(full(c)).or_default() += 1;
        if c.words == 1 {
            single_words.insert(full(c), ());
        }
    }
    let retyped: Vec<Option<(Kind, &'static str)>> = candidates
        .iter()
        .map(|c| {
            if c.rule != "name_shape" {
                return None;
            }
            let last = full(c).rsplit(' ').next().unwrap_or("");
            if single_words.contains_key(last) {
                Some((Kind::Person, "surname_elsewhere"))
            } else if full_count.get(full(c)).copied().unwrap_or(0) >= 2 {
                Some((Kind::Organization, "repeated_full_name"))
            } else {
                None
            }
        })
        .collect();
    for (c, r) in candidates.iter_mut().zip(retyped) {
        if let Some((kind, rule)) = r {
            (c.kind, c.rule) = (Some(kind), rule);
        }
    }
    // (Read once the names of two words are retyped: "Lehman Brothers", named in full again and
    // again, lends "Lehman" to no person.)
    let person_words: FastMap<&str, ()> = candidates
        .iter()
        .filter(|c| !c.latent && c.kind == Some(Kind::Person) && c.words >= 2)
        .flat_map(|c| full(c).split(' ').map(|k| (k, ())))
        .collect();
    let mut kept: Vec<Candidate> = Vec::with_capacity(n);
    for mut c in candidates {
        if let Some(&(kind, media)) = confirmed.get(full(&c)) {
            if c.kind.is_none() || c.latent {
                c.kind = Some(kind);
                c.media = media;
                if c.latent {
                    c.rule = "known_elsewhere";
                }
            }
            c.latent = false;
        } else if let Some(&(kind, media)) =
            full(&c).strip_suffix('s').filter(|_| c.words == 1 && c.kind.is_none()).and_then(|k| confirmed.get(k))
        {
            // "Dreamliners" after "Dreamliner", named by the singular's key.
            (c.kind, c.media, c.rule, c.latent) = (Some(kind), media, "plural_of_known", false);
            c.full.end -= 1;
        } else if c.words == 1 && person_words.contains_key(full(&c)) {
            c.kind = Some(Kind::Person);
            c.rule = "surname";
            c.latent = false;
        } else if c.latent {
            // A headline's name may still hold a known name: "Moment Russian Ambassador Karlov".
            let words: Vec<&str> = full(&c).split(' ').collect();
            let known_words = longest_known(&words, |k| person_words.contains_key(k));
            match known_words {
                Some(k) if c.kind != Some(Kind::Place) => {
                    let offsets = word_offsets(text, &c.bytes);
                    if let (Some(first), Some(last)) = (offsets.get(k.start), offsets.get(k.end - 1)) {
                        // The known words' key is a stretch of the name's (one space between
                        // words): where it starts, and how long it is.
                        let from = c.full.start + words[..k.start].iter().map(|w| w.len() + 1).sum::<usize>();
                        let len = words[k.clone()].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
                        kept.push(Candidate {
                            bytes: first.start..last.end,
                            full: from..from + len,
                            words: k.len(),
                            kind: Some(Kind::Person),
                            media: false,
                            rule: "surname",
                            latent: false,
                            role: None,
                        });
                    }
                    continue;
                }
                _ => continue,
            }
        }
        if c.kind.is_none() {
            c.kind = Some(single_word_kind(text, &c, lex));
            c.rule = if c.kind == Some(Kind::Person) { "speaker_verb" } else { "capitalized" };
        }
        kept.push(c);
    }
    kept.sort_by_key(|c| c.bytes.start);

    // 3. Merge into entities.
    let mut builder = Builder::default();
    builder.by_key.reserve(kept.len());
    builder.entities.reserve(kept.len());
    builder.mentions.reserve(kept.len());
    let multi_first = {
        let mut order: Vec<usize> = (0..kept.len()).collect();
        order.sort_by_key(|&i| (kept[i].kind != Some(Kind::Person) || kept[i].words < 2, kept[i].bytes.start));
        order
    };
    let mut assigned: Vec<Option<usize>> = vec![None; kept.len()];
    let mut word_keys: Vec<&str> = Vec::new(); // a person's word keys, one buffer for all
    for &ci in &multi_first {
        let c = &kept[ci];
        let kind = c.kind.unwrap_or(Kind::Other);
        let target = if kind == Kind::Person {
            word_keys.clear();
            word_keys.extend(full(c).split(' '));
            builder.person_for(&word_keys, c.bytes.start, &lex.first_names)
        } else {
            builder.by_key.get(full(c)).copied()
        };
        let e = match target {
            Some(e) => e,
            None => {
                let word_keys = if kind == Kind::Person { word_keys.clone() } else { Vec::new() };
                let e = builder.new_entity(kind, c.media, true, c.rule, word_keys);
                builder.by_key.entry(full(c)).or_insert(e);
                e
            }
        };
        assigned[ci] = Some(e);
        if kind == Kind::Person {
            builder.entities[e].named_at.push(c.bytes.start);
        }
    }
    for (ci, c) in kept.iter().enumerate() {
        let Some(e) = assigned[ci] else { continue };
        builder.add_mention(e, c.bytes.clone(), c.rule);
        if let (Some(role), Some(Kind::Person)) = (&c.role, c.kind) {
            builder.add_role(e, role);
        }
    }

    // 4. Unnamed roles ("the gunman"), and the names that later identify them.
    unnamed_roles(text, &words, lex, &mut builder);
    // 5. "The ambassador" for the one person of the article titled so.
    role_references(text, &words, lex, &mut builder);
    builder.finish(doc)
}

/// May two words of one sentence belong to one name, given what lies between them?
fn joinable_gap(text: &str, prev: &Word, next: &Word) -> bool {
    let gap = &text[prev.bytes.end..next.bytes.start];
    if gap.is_empty() || gap.contains(['\n', '\r']) {
        return false;
    }
    if gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
        return true;
    }
    // An ampersand joins the words of one name: "Procter & Gamble", "Marks & Spencer".
    if gap == " & " {
        return true;
    }
    // "Mr. Karlov", "John F. Kennedy".
    let abbreviated = prev.lower.chars().count() == 1
        || matches!(
            prev.lower.as_ref(),
            "mr" | "mrs" | "ms" | "dr" | "st" | "gen" | "sen" | "rep" | "gov" | "col" | "capt" | "prof" | "jr"
        );
    abbreviated && gap.starts_with('.') && gap[1..].chars().all(|c| c == ' ' || c == '\u{a0}') && gap.len() > 1
}

fn connector_allowed(connector: &str, head: &str, lex: &lexicon::Lexicon) -> bool {
    match connector {
        "of" | "for" => {
            lex.org_words.contains_key(head)
                || matches!(
                    head,
                    "republic"
                        | "kingdom"
                        | "states"
                        | "gulf"
                        | "isle"
                        | "bay"
                        | "sea"
                        | "cape"
                        | "house"
                        | "state"
                        | "secretary"
                        | "minister"
                        | "mayor"
                        | "duke"
                        | "prince"
                        | "king"
                        | "queen"
                        | "bank"
                        | "university"
                        | "institute"
                        | "ministry"
                        | "department"
                        | "council"
                )
        }
        "and" | "&" => false,
        _ => true,
    }
}

/// The longest stretch of `keys` that are all known.
fn longest_known(keys: &[&str], known: impl Fn(&str) -> bool) -> Option<Range<usize>> {
    let mut best: Option<Range<usize>> = None;
    let mut start = 0;
    for i in 0..=keys.len() {
        if i == keys.len() || !known(keys[i]) {
            if i > start && best.as_ref().map_or(true, |b| i - start > b.len()) {
                best = Some(start..i);
            }
            start = i + 1;
        }
    }
    best
}

/// The byte ranges of the words of `bytes` (split on spaces).
fn word_offsets(text: &str, bytes: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[bytes.clone()].char_indices() {
        let at = bytes.start + i;
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(s..at);
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..bytes.end);
    }
    out
}

/// Strip, split and type one run of capitalized words. `headline`: the run is in a headline,
/// a banner or a stretch in another language, where capitals say little. `key`: a buffer for
/// name keys, shared by all runs (each key is written into it and read before the next);
/// `keys`: the string the candidates' keys are added to.
#[allow(clippy::too_many_arguments)]
fn cut_run(
    text: &str,
    words: &[Word],
    run: Range<usize>,
    headline: bool,
    lex: &lexicon::Lexicon,
    out: &mut Vec<Candidate>,
    key: &mut String,
    keys: &mut String,
) {
    // A word in lower case without a final dot, as titles and common words are looked up.
    let bare = |i: usize| words[i].bare();
    // The title that the run's words from `i` on start with.
    let title_at = |i: usize| lex.title_at((i..run.end).map(bare));
    let mut rest_key = String::new();
    let mut start = run.start;
    let mut title: Option<(usize, Title)> = None; // where the title words began
    let mut role_start: Option<usize> = None;
    loop {
        if start >= run.end {
            return;
        }
        let w = &words[start];
        let l = bare(start);
        if is_connector(l) && !w.cap {
            start += 1;
            continue;
        }
        span_key(text, words, start..run.end, key);
        if lex.known.contains_key(key.as_str()) {
            break;
        }
        // A known name of two or three words that starts here keeps its first word, though it
        // be a title or a common word: "General Motors Corporation", "New York Stock Exchange".
        let mut known_here = || {
            (2..=3.min(run.end - start - 1)).any(|n| {
                span_key(text, words, start..start + n, &mut rest_key);
                lex.known.contains_key(rest_key.as_str())
            })
        };
        // A title before words that end with an organization word is the organization's first
        // word: "General Dynamics Corp".
        let organization_head = || lex.org_words.contains_key(bare(run.end - 1));
        if let Some((n, kind)) = title_at(start).filter(|_| !(known_here() || organization_head())) {
            if start + n >= run.end {
                return; // a title alone: "the Prime Minister's announcement"
            }
            title = Some((start, kind));
            if kind == Title::Office {
                role_start.get_or_insert(start);
            }
            start += n;
            continue;
        }
        if title.is_some() {
            break;
        }
        // A title further on: "Presiding Judge Martin Mann", "Apple Computer CEO Steve Jobs"; not
        // one after "of" or "for", which names what the organization is of ("Department of
        // Justice").
        let later = (start + 1..run.end).find_map(|p| {
            let object = matches!(bare(p - 1), "of" | "for");
            title_at(p).filter(|&(_, k)| k == Title::Office && !object).map(|(n, _)| (p, n))
        });
        if let Some((p, n)) = later {
            cut_run(text, words, start..p, headline, lex, out, key, keys);
            if p + n >= run.end {
                return; // "the Apple Chief Executive Officer": a title, no name after it
            }
            // The role leaves out a headline's common words: "Moment Russian Ambassador Karlov".
            let from = (start..p).find(|&q| !lex.common.contains(bare(q))).unwrap_or(p);
            role_start.get_or_insert(from);
            start = p;
            continue;
        }
        let is_demonym = |p: &str| lex.demonyms.contains(p) || lex.demonyms.contains(p.trim_end_matches('s'));
        // (Split only when a hyphen may be there: most words have none.)
        let demonym = if l.bytes().any(|b| b == b'-' || b == "‐".as_bytes()[0]) {
            l.split(['-', '‐']).all(is_demonym)
        } else {
            is_demonym(l)
        };
        let organization_follows =
            || words[start + 1..run.end].iter().any(|w| lex.org_words.contains_key(w.lower.as_ref()));
        if demonym && organization_follows() && title_at(start + 1).is_none() {
            break; // part of the name: "European Aeronautic Defence … Company", "Russian Foreign Ministry"
        }
        if demonym && start + 1 < run.end {
            role_start.get_or_insert(start);
            start += 1;
            continue;
        }
        // A role noun that opens a sentence before a person's name: "Actor Tom Hanks".
        let role_opens = || {
            let head = bare(run.end - 1);
            w.initial
                && lex.roles.contains_key(l)
                && !lex.org_words.contains_key(head)
                && !lex.other_words.contains(head)
                && !lex.place_words.contains(head)
        };
        if start + 1 < run.end && role_opens() && !known_here() {
            start += 1;
            continue;
        }
        if (demonym || lex.common.contains(l)) && !known_here() {
            start += 1;
            role_start = None;
            continue;
        }
        break;
    }
    let mut end = run.end;
    while end > start && is_connector(bare(end - 1)) {
        end -= 1;
    }
    if end <= start {
        return;
    }
    // `key` still holds the key of the words `start..run.end`, unless what follows overwrites it.
    let mut key_is_name = end == run.end;
    // A known place or organization followed by a person: "Turkey Andrei Karlov"; a known
    // company followed by one or two other words names a product: "Chevrolet Volt".
    let mut product_of_maker = None; // read after the longest known name only
    if title.is_none() && end - start >= 2 {
        key_is_name = false;
        for n in (1..=3.min(end - start - 1)).rev() {
            span_key(text, words, start..start + n, key);
            let prefix = lex.known.get(key.as_str());
            if prefix.is_none() {
                continue; // (the rest is read only after a known name)
            }
            names::key_into(&text[words[start + n].bytes.clone()], &mut rest_key);
            let prefix_is_place = prefix == Some(&Known::Place);
            let rest_head = bare(end - 1);
            let rest_is_thing = lex.other_words.contains(rest_head) || lex.place_words.contains(rest_head);
            let rest_is_person = lex.first_names.contains(rest_key.as_str())
                || title_at(start + n).is_some()
                || prefix_is_place && end - start - n >= 2 && !rest_is_thing;
            let rest_is_organization = words[start + n..end].iter().any(|w| lex.org_words.contains_key(w.bare()));
            if rest_is_person && !rest_is_organization && {
                span_key(text, words, start..end, key);
                !lex.known.contains_key(key.as_str())
            } {
                cut_run(text, words, start..start + n, headline, lex, out, key, keys);
                cut_run(text, words, start + n..end, headline, lex, out, key, keys);
                return;
            }
            product_of_maker.get_or_insert_with(|| {
                prefix == Some(&Known::Company)
                    && end - start - n <= 2
                    && !(rest_is_person || rest_is_organization || rest_is_thing)
                    && !lex.known.contains_key(rest_key.as_str())
                    && (start + n..end).all(|i| !lex.common.contains(bare(i))) // not "Netflix Friday"
            });
        }
    }
    let first = &words[start];
    let last = &words[end - 1];
    let bytes = first.bytes.start..last.name_end;
    let name = &text[bytes.clone()];
    if !key_is_name {
        names::key_into(name, key);
    }
    let full = key.as_str();
    if full.is_empty() {
        return;
    }
    let n = end - start;
    // A currency's prefix ("US$ 40 billion", "HK$3m") names no place.
    if n == 1 && text[last.bytes.end..].starts_with('$') {
        return;
    }
    let role = role_start
        .filter(|_| title.is_some_and(|(_, t)| t == Title::Office))
        .map(|r| text[words[r].bytes.start..first.bytes.start].trim().to_string())
        .filter(|r| !r.is_empty());
    let role = role.or_else(|| role_before(text, words, start, lex));
    let after = text[last.bytes.end..].trim_start();
    let next_word = words.get(end).filter(|w| w.sentence == last.sentence).map(|w| w.lower.as_ref());
    let (mut kind, mut media, mut rule) = (None, false, "capitalized");
    let gazetteer = lex.known.get(full);
    // The head word: the last, or the one before "of" ("Ministry of Internal Affairs").
    let head = words[start..end]
        .iter()
        .position(|w| matches!(w.lower.as_ref(), "of" | "for"))
        .filter(|&p| p > 0)
        .map_or(&words[end - 1], |p| &words[start + p - 1]);
    let head = head.bare();
    // A digit and something else, or three digits ("737", "A380"); a digit is one byte, so the
    // digits are counted as bytes, and any other byte is another character.
    let model_number = |w: &Word| {
        let digits = w.lower.bytes().filter(u8::is_ascii_digit).count();
        digits > 0 && (digits < w.lower.len() || digits == 3)
    };
    let next_is_model = words
        .get(end)
        .is_some_and(|w| w.sentence == last.sentence && spaced(text, last.bytes.end, w.bytes.start) && model_number(w));
    // The word before, across quotation marks: "787 “Dreamliner”", "iPod Nano".
    let before = start.checked_sub(1).map(|p| &words[p]).filter(|w| {
        w.sentence == first.sentence
            && text[w.bytes.end..first.bytes.start].chars().all(|c| c.is_whitespace() || "\"'`“”‘’".contains(c))
    });
    let product_before = before.is_some_and(|w| {
        let camel = w.lower != text[w.bytes.clone()] && !text[w.bytes.clone()].starts_with(char::is_uppercase);
        model_number(w) || camel
    });
    if next_is_model || product_before || words[start..end].iter().any(model_number) {
        (kind, rule) = (Some(Kind::Other), "model_name"); // "Boeing 737", "Airbus A380"
    } else if product_of_maker == Some(true) && gazetteer.is_none() {
        (kind, rule) = (Some(Kind::Other), "product_of_maker"); // "Chevrolet Volt", "Google Maps"
    } else if matches!(next_word, Some("index" | "indexes" | "indices")) && gazetteer.is_none() {
        (kind, rule) = (Some(Kind::Other), "index_name"); // "the Hang Seng index"
    } else if let Some(k) = gazetteer {
        (kind, media, rule) = match k {
            Known::Media => (Some(Kind::Organization), true, "gazetteer_media"),
            Known::Organization | Known::Company => (Some(Kind::Organization), false, "gazetteer_organization"),
            Known::Place => (Some(Kind::Place), false, "gazetteer_place"),
        };
    } else if n >= 2 && lex.compass_words.contains(bare(start)) && {
        span_key(text, words, start + 1..end, &mut rest_key);
        lex.known.get(rest_key.as_str()) == Some(&Known::Place)
    } {
        (kind, rule) = (Some(Kind::Place), "part_of_place"); // "North Florida", "East Africa"
    } else if name.contains('&') {
        (kind, rule) = (Some(Kind::Organization), "ampersand"); // "Procter & Gamble", "AT&T"
    } else if title.is_some() {
        (kind, rule) = (Some(Kind::Person), "title");
    } else if let Some(&is_media) = lex.org_words.get(head) {
        (kind, media, rule) = (Some(Kind::Organization), is_media, "organization_word");
    } else if lex.place_words.contains(head) {
        (kind, rule) = (Some(Kind::Place), "place_word");
    } else if lex.other_words.contains(head) {
        (kind, rule) = (Some(Kind::Other), "event_or_product_word");
    } else if let Some(&is_media) = words[start..end].iter().rev().find_map(|w| lex.org_words.get(w.bare())) {
        (kind, media, rule) = (Some(Kind::Organization), is_media, "organization_word");
    } else if n >= 2 && lex.place_prefixes.contains(first.bare()) {
        (kind, rule) = (Some(Kind::Place), "place_prefix");
    } else if place_follows(after, lex) {
        (kind, rule) = (Some(Kind::Place), "place_comma_place");
    } else if matches!(
        next_word,
        Some(
            "newspaper" | "daily" | "agency" | "television" | "tv" | "website" | "broadcaster" | "channel" | "magazine"
        )
    ) {
        (kind, media, rule) = (Some(Kind::Organization), true, "media_context");
    } else if full.split(' ').next().is_some_and(|k| lex.first_names.contains(k)) && n >= 2 {
        (kind, rule) = (Some(Kind::Person), "first_name");
    } else if role.is_some() {
        (kind, rule) = (Some(Kind::Person), "role_before");
    } else if age_follows(after) {
        (kind, rule) = (Some(Kind::Person), "age_apposition");
    } else if n == 1 && first.caps && !headline {
        (kind, rule) = (Some(Kind::Organization), "acronym");
    } else if n >= 2 && words[start..end].iter().all(|w| !w.caps && w.cap) {
        (kind, rule) = (Some(Kind::Person), "name_shape");
    } else if n == 1 && place_preposition_before(text, first) {
        (kind, rule) = (Some(Kind::Place), "place_preposition");
    }
    let known = gazetteer.is_some();
    let strong_person = kind == Some(Kind::Person) && n >= 2 && matches!(rule, "title" | "first_name");
    // An all-caps first word may open a banner ("RED ALERT: ..."), unless it is an acronym
    // that a later organization word completes and no other word is in capitals ("NBC News",
    // "U.S. Senate", "NPD Group").
    let acronym_organization = rule == "organization_word"
        && words[start + 1..end].iter().all(|w| !w.caps)
        && words[start + 1..end].iter().any(|w| lex.org_words.contains_key(w.bare()));
    let latent = !known
        && (headline && !strong_person
            || (n == 1 && first.initial && kind.is_none())
            || (first.caps && n > 1 && !acronym_organization));
    let plural_acronym = n == 1 && name.ends_with('s') && name.chars().filter(|c| c.is_uppercase()).count() >= 2;
    // An organization word alone opening a sentence is a word, not a name: "Holding a rally, …".
    let organization_word_alone = n == 1 && first.initial && lex.org_words.contains_key(first.lower.as_ref());
    if n == 1
        && (lex.common.contains(first.lower.as_ref()) || plural_acronym || organization_word_alone)
        && title.is_none()
        && !known
    {
        return;
    }
    // A model is named with its number: "Boeing 787" is one product, not the maker.
    let bytes = match (rule, words.get(end)) {
        ("model_name", Some(w)) if next_is_model => {
            let bytes = bytes.start..w.bytes.end;
            names::key_into(&text[bytes.clone()], key);
            bytes
        }
        _ => bytes,
    };
    let full = keys.len()..keys.len() + key.len();
    keys.push_str(key);
    // (A key's words are parted by single spaces: counted as bytes, without a string search.)
    let words = 1 + key.bytes().filter(|&b| b == b' ').count();
    out.push(Candidate { bytes, words, full, kind, media, rule, latent, role });
}

/// The name key of the words `range`, written into `out`.
fn span_key(text: &str, words: &[Word], range: Range<usize>, out: &mut String) {
    names::key_into(&text[words[range.start].bytes.start..words[range.end - 1].name_end], out);
}

/// Only spaces between two positions.
fn spaced(text: &str, a: usize, b: usize) -> bool {
    a < b && text[a..b].chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// ", California" or ", Turkey" right after a name: the name is a place in that place.
fn place_follows(after: &str, lex: &lexicon::Lexicon) -> bool {
    let Some(rest) = after.strip_prefix(',') else { return false };
    let rest = rest.trim_start();
    let name = &rest[..rest.find(|c: char| !(c.is_alphabetic() || c == ' ')).unwrap_or(rest.len())];
    // Where its first three words end: the name's first one, two or three words (a key does not
    // depend on how many spaces part them).
    let mut ends = name
        .split(' ')
        .scan(0, |start, w| {
            let end = *start + w.len();
            *start = end + 1;
            Some((end, w.is_empty()))
        })
        .filter(|&(_, empty)| !empty)
        .map(|(end, _)| end)
        .take(3);
    let mut key = String::new();
    ends.any(|end| {
        names::key_into(&name[..end], &mut key);
        lex.known.get(key.as_str()) == Some(&Known::Place)
    })
}

/// ", 62," right after a name.
fn age_follows(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(',') else { return false };
    let rest = rest.trim_start();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && rest[digits..].starts_with([',', ')'])
}

/// "in Ankara", "near Aleppo".
fn place_preposition_before(text: &str, word: &Word) -> bool {
    let before = text[..word.bytes.start].trim_end();
    let prev = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    before.len() + 1 == word.bytes.start && matches!(prev, "in" | "near" | "outside" | "across" | "throughout")
}

/// The kind of a lone capitalized word that nothing typed: a person when a speech verb follows.
fn single_word_kind(text: &str, c: &Candidate, _lex: &lexicon::Lexicon) -> Kind {
    let after = text[c.bytes.end..].trim_start();
    let next = &after[..after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len())];
    if matches!(next, "said" | "says" | "told" | "added" | "shouted" | "wrote" | "tweeted" | "explained" | "insisted") {
        Kind::Person
    } else {
        Kind::Organization
    }
}

/// A role written before a name: "Russia's ambassador to Turkey Andrei Karlov", "Russian
/// Foreign Ministry spokeswoman Maria Zakharova", "the Russian ambassador to Turkey, Andrey
/// Karlov". The words must hold a role noun; they run back over capitalized words, role
/// nouns, "to"/"of" and possessives.
fn role_before(text: &str, words: &[Word], name_start: usize, lex: &lexicon::Lexicon) -> Option<String> {
    let sentence = words[name_start].sentence;
    let mut first = name_start;
    let mut has_role = false;
    let mut j = name_start;
    let mut comma_used = false;
    while j > 0 {
        let (w, next) = (&words[j - 1], &words[j]);
        if w.sentence != sentence {
            break;
        }
        let gap = &text[w.bytes.end..next.bytes.start];
        let comma = gap.trim() == "," && j == name_start && !comma_used;
        if !(gap.trim().is_empty() || comma) {
            break;
        }
        let is_role = lex.roles.contains_key(w.lower.as_ref());
        if !(w.cap || is_role || matches!(w.lower.as_ref(), "to" | "of") || w.possessive) {
            break;
        }
        if w.initial && !w.cap && !is_role {
            break;
        }
        comma_used |= comma;
        has_role |= is_role;
        first = j - 1;
        j -= 1;
        if w.initial {
            break;
        }
    }
    // The words next to the name must be a role noun (or a comma after one); a name right
    // after "of" or "to" is what the role is of, not its holder: "chief executive of Pimco".
    if !has_role || first == name_start || matches!(words[name_start - 1].lower.as_ref(), "of" | "to") {
        return None;
    }
    while first < name_start && matches!(words[first].lower.as_ref(), "to" | "of") {
        first += 1;
    }
    let role = text[words[first].bytes.start..words[name_start - 1].bytes.end].trim_end_matches(',').trim();
    let role = role.strip_prefix("The ").unwrap_or(role);
    (!role.is_empty()).then(|| role.to_string())
}

/// "the gunman", "the attacker": one unnamed person per role class; "identified as X" names it.
fn unnamed_roles(text: &str, words: &[Word], lex: &lexicon::Lexicon, b: &mut Builder) {
    let mut by_class: FastMap<&'static str, usize> = FastMap::default();
    for (i, w) in words.iter().enumerate() {
        // The determiner first: it rules out most words without a look-up.
        let Some(det) = i.checked_sub(1).map(|p| &words[p]).filter(|p| p.sentence == w.sentence) else { continue };
        if !matches!(det.lower.as_ref(), "the" | "a" | "an" | "this") {
            continue;
        }
        let Some(Some(class)) = lex.roles.get(w.lower.as_ref()) else { continue };
        if text[det.bytes.end..w.bytes.start].trim() != "" {
            continue;
        }
        let bytes = det.bytes.start..w.name_end;
        if b.mentions.iter().any(|m| m.1.start < bytes.end && bytes.start < m.1.end) {
            continue;
        }
        let e = match by_class.get(class) {
            Some(&e) => e,
            None => {
                // Named in the same sentence: "The gunman, whom … identified as Mevlüt Mert Altıntaş".
                let sentence_end = words
                    .iter()
                    .rposition(|x| x.sentence == w.sentence)
                    .map(|k| words[k].bytes.end)
                    .unwrap_or(w.bytes.end);
                let named = identified_as(text, w.bytes.end..sentence_end, b);
                let e = match named {
                    Some(e) => e,
                    None => b.new_entity(Kind::Person, false, false, "unnamed_role", Vec::new()),
                };
                if b.entities[e].named {
                    b.add_role(e, &w.lower);
                } else {
                    b.entities[e].name = format!("the {}", w.lower);
                }
                by_class.insert(class, e);
                e
            }
        };
        b.add_mention(e, bytes, "unnamed_role");
    }
}

/// "the ambassador", "the Russian ambassador", "the career diplomat", "the envoy": a definite
/// reference to the one named person of the article whose titles hold that role noun (or the one
/// it stands for, `role_nouns.tsv` column 3), rule `role_reference`. The words between "the" and
/// the noun must be words of the person's titles, demonyms of places the titles name, or
/// `role_modifiers.txt` ("the American ambassador" is not "Russia's ambassador"); a
/// noun right before a capitalized word is a title of that name, not a reference; two people
/// titled alike make every such reference ambiguous, and none is taken.
fn role_references(text: &str, words: &[Word], lex: &lexicon::Lexicon, b: &mut Builder) {
    // Role noun → the named people whose titles hold it.
    let mut holders: FastMap<String, Vec<usize>> = FastMap::default();
    for (e, d) in b.entities.iter().enumerate().filter(|(_, d)| d.named && d.kind == Kind::Person) {
        for role in &d.roles {
            for w in role.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase) {
                if lex.roles.contains_key(&w) {
                    let list = holders.entry(w).or_default();
                    if !list.contains(&e) {
                        list.push(e);
                    }
                }
            }
        }
    }
    if holders.is_empty() {
        return;
    }
    // Role noun as written → the one person it refers to (the nouns of `holders`, and those that
    // stand for them), so that each word is looked up once.
    let holder_of: FastMap<&str, usize> = lex
        .roles
        .keys()
        .filter_map(|noun| {
            let held = lex.role_stands_for.get(noun.as_str()).map_or(noun.as_str(), |n| n);
            match holders.get(held).map(Vec::as_slice) {
                Some(&[e]) => Some((noun.as_str(), e)),
                _ => None,
            }
        })
        .collect();
    // The nouns' first bytes: most words are turned away by one test, without hashing.
    let mut first_bytes = [false; 256];
    for noun in holder_of.keys() {
        if let Some(&b) = noun.as_bytes().first() {
            first_bytes[usize::from(b)] = true;
        }
    }
    for (i, w) in words.iter().enumerate() {
        let lower = w.lower.as_ref();
        if !lower.as_bytes().first().is_some_and(|&b| first_bytes[usize::from(b)]) {
            continue;
        }
        let noun = lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")).unwrap_or(lower);
        let Some(&e) = holder_of.get(noun) else { continue };
        if words.get(i + 1).is_some_and(|n| n.sentence == w.sentence && n.cap && !w.possessive) {
            continue;
        }
        let titles = b.entities[e].roles.join(" ").to_lowercase();
        let mut j = i;
        let det = loop {
            let Some(p) = j.checked_sub(1).map(|p| &words[p]) else { break None };
            if p.sentence != w.sentence || !text[p.bytes.end..words[j].bytes.start].trim().is_empty() {
                break None;
            }
            if p.lower == "the" {
                break Some(j - 1);
            }
            // A title's own word, or a demonym of a place the titles name ("Russian" for
            // "Russia's ambassador"), or a word that tells nothing of who ("career").
            let mut title_words = titles.split(|c: char| !c.is_alphanumeric());
            let fits = lex.role_modifiers.contains(p.lower.as_ref())
                || title_words.any(|t| {
                    t == p.lower || (t.len() >= 4 && lex.demonyms.contains(p.lower.as_ref()) && p.lower.starts_with(t))
                });
            if !fits || i - j >= 3 {
                break None;
            }
            j -= 1;
        };
        let Some(det) = det else { continue };
        let bytes = words[det].bytes.start..w.name_end;
        if b.mentions.iter().any(|m| m.1.start < bytes.end && bytes.start < m.1.end) {
            continue;
        }
        b.add_mention(e, bytes, "role_reference");
    }
}

/// The id of the `n`th entity, `e` and the number: written digit by digit, as document and
/// timex ids are, since `format!` costs several times more than the rest of making an id.
fn entity_id(n: usize) -> String {
    let mut id = String::with_capacity(8);
    id.push('e');
    crate::time::calendar::push_decimal(&mut id, n);
    id
}

/// The person named by "identified as X" / "named as X" in `bytes`.
fn identified_as(text: &str, bytes: Range<usize>, b: &Builder) -> Option<usize> {
    let s = &text[bytes.clone()];
    let at = s.find("identified as ").map(|i| i + 14).or_else(|| s.find("named as ").map(|i| i + 9))?;
    let name_start = bytes.start + at;
    b.mentions.iter().find(|m| m.1.start == name_start && b.entities[m.0].kind == Kind::Person).map(|m| m.0)
}

/// Entities under construction; `'k`: the candidates' keys.
#[derive(Default)]
struct Builder<'k> {
    entities: Vec<Draft<'k>>,
    /// The named entities by the key of the name they were made for.
    by_key: FastMap<&'k str, usize>,
    /// (entity, bytes, rule), in no particular order until `finish`.
    mentions: Vec<(usize, Range<usize>, &'static str)>,
}

struct Draft<'k> {
    kind: Kind,
    media: bool,
    named: bool,
    rule: &'static str,
    /// Word keys of the name a named person was made for (empty for other kinds and unnamed
    /// people, who are never looked up by word).
    keys: Vec<&'k str>,
    /// Where a person's names were assigned to it, in the order they were (names of two words
    /// or more first, each group in text order).
    named_at: Vec<usize>,
    name: String,
    roles: Vec<String>,
}

impl<'k> Builder<'k> {
    /// A new entity; `keys`: the word keys of a named person's name (see [`Draft`]).
    fn new_entity(&mut self, kind: Kind, media: bool, named: bool, rule: &'static str, keys: Vec<&'k str>) -> usize {
        let e = self.entities.len();
        self.entities.push(Draft {
            kind,
            media,
            named,
            rule,
            keys,
            named_at: Vec::new(),
            name: String::new(),
            roles: Vec::new(),
        });
        e
    }

    /// The person a name (its word keys) at byte `at` belongs to: of those whose name has the
    /// same surname and holds the shorter name's words, or for one word, whose name holds it,
    /// the one named last before `at` ("Hillary Clinton … Bill Clinton … Clinton said" is Bill),
    /// else the first made. Names of two words or more are assigned first, so a surname alone
    /// sees every full name.
    fn person_for(&self, keys: &[&str], at: usize, first_names: &FastSet<String>) -> Option<usize> {
        // Does the name of the words `short` fit in that of the words `long`?
        fn fits_in(short: &[&str], long: &[&str]) -> bool {
            let has = |k: &str| long.contains(&k);
            if short.len() == 1 {
                has(short[0])
            } else {
                short.last() == long.last() && short.iter().all(|k| has(k))
            }
        }
        let fitting = |d: &Draft| {
            d.kind == Kind::Person
                && d.named
                && if keys.len() <= d.keys.len() { fits_in(keys, &d.keys) } else { fits_in(&d.keys, keys) }
        };
        // Only a name opening with a known first name competes by recency: "Beyond Trump" or
        // "Candidate Trump", capitals of a sentence or a headline, do not take "Trump" away.
        let last_before = |d: &Draft| {
            let first_name = d.keys.len() >= 2 && first_names.contains(d.keys[0]);
            d.named_at.iter().filter(|&&b| b < at && first_name).max().copied()
        };
        let mut found = self.entities.iter().enumerate().filter(|(_, d)| fitting(d));
        let first = found.next()?;
        let latest = once(first).chain(found).filter_map(|(e, d)| Some((last_before(d)?, e))).max();
        Some(latest.map_or(first.0, |(_, e)| e))
    }

    fn add_mention(&mut self, e: usize, bytes: Range<usize>, rule: &'static str) {
        self.mentions.push((e, bytes, rule));
    }

    fn add_role(&mut self, e: usize, role: &str) {
        let roles = &mut self.entities[e].roles;
        if !roles.iter().any(|r| r == role) {
            roles.push(role.to_string());
        }
    }

    fn finish<'a>(mut self, doc: &Segmented<'a>) -> Entities<'a> {
        let text = doc.text;
        self.mentions.sort_by_key(|m| (m.1.start, m.1.end));
        self.mentions.dedup_by(|a, b| a.1.start < b.1.end);
        // Positions (and so ids) in order of first mention.
        let mut order: Vec<usize> = Vec::with_capacity(self.entities.len());
        let mut position: Vec<Option<usize>> = vec![None; self.entities.len()];
        for m in &self.mentions {
            if position[m.0].is_none() {
                position[m.0] = Some(order.len());
                order.push(m.0);
            }
        }
        let mentions: Vec<Mention> = self
            .mentions
            .iter()
            .map(|(e, bytes, rule)| Mention {
                span: doc.span(bytes.clone()),
                text: &text[bytes.clone()],
                entity: position[*e].unwrap_or_default(),
                kind: self.entities[*e].kind,
                rule,
                bytes: bytes.clone(),
            })
            .collect();
        // Each entity's mentions, in text order: the mentions' indices, stably sorted by entity.
        let mut by_entity: Vec<usize> = (0..mentions.len()).collect();
        by_entity.sort_by_key(|&i| self.mentions[i].0);
        // Text, words (one, or two for two or more), count. A mention starts and ends with a word,
        // so any whitespace in it parts two.
        let mut forms: Vec<(&str, usize, usize)> = Vec::new();
        let mut entities = Vec::with_capacity(order.len());
        for (n, &e) in order.iter().enumerate() {
            let from = by_entity.partition_point(|&i| self.mentions[i].0 < e);
            let to = by_entity.partition_point(|&i| self.mentions[i].0 <= e);
            let own = || by_entity[from..to].iter().map(|&i| &mentions[i]);
            let d = &mut self.entities[e];
            forms.clear();
            for m in own().filter(|m| !d.named || !matches!(m.rule, "unnamed_role" | "role_reference")) {
                match forms.iter_mut().find(|f| f.0 == m.text) {
                    Some(f) => f.2 += 1,
                    None => forms.push((m.text, 1 + usize::from(m.text.contains(char::is_whitespace)), 1)),
                }
            }
            let name = if d.named {
                let longest = forms.iter().map(|f| f.1).max().unwrap_or(0);
                forms.iter().filter(|f| f.1 == longest).max_by_key(|f| f.2).map(|f| f.0.to_string()).unwrap_or_default()
            } else {
                std::mem::take(&mut d.name)
            };
            let aliases = forms.iter().filter(|f| f.0 != name).map(|f| f.0.to_string()).collect();
            entities.push(Entity {
                id: entity_id(n + 1),
                kind: d.kind,
                media: d.media,
                named: d.named,
                key: names::key(&name),
                name,
                aliases,
                mentions: own().map(|m| m.span).collect(),
                roles: std::mem::take(&mut d.roles),
                rule: d.rule,
            });
        }
        Entities { entities, mentions }
    }
}

#[cfg(test)]
mod examples;
