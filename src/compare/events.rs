//! Cross-document events: mentions of the same happening, in one article and across several.
//!
//! First each article's mentions are grouped, then the groups of different articles:
//!
//! | rule | joins | example |
//! |---|---|---|
//! | `same_class_and_time` | mentions of one class of happening that merges (attack, death, meeting… `events/lexicon/classes.tsv`) whose times overlap, in one article or two | "shot" (evening) / "the assassination" (the same day) |
//! | `same_word` | in one article, mentions of one word (or of a noun and its verb: "delivered" / "deliveries"), both stated as happening, neither future while the other is not, times not apart | "Boeing wins …" (headline) / "Boeing won …" |
//! | `class_and_participants` | across articles, one merging class, a participant in common (a story entity) and the same day, or no time at all in an article without a creation time | "Karlov shot" at 12:00 / "shot" in the evening |
//! | `same_word_and_participants` | across articles, one word, a participant in common and overlapping days | "delivered the first A380 to Singapore Airlines" twice |
//!
//! Left apart: negated mentions, reporting and general verbs ("said", "made": one word, many
//! happenings), and mentions whose times are known and apart. Two articles that date one
//! happening differently (the same day, different hours) stay one story event, so the
//! comparison can show the disagreement. Look-ups go through hash maps keyed by article and
//! word or class; only groups sharing a key are compared.

use super::joins::Joins;
use super::{StoryEntity, StoryEvent};
use crate::events::lexicon::lexicon;
use crate::events::Event;
use crate::timeline::EventRef;
use crate::DocumentAnalysis;
use std::collections::HashMap;

/// Classes whose words name many different happenings: never joined by word.
const NOT_BY_WORD: &[&str] = &["statement", "general", "plan", "career"];

/// Group the documents' event mentions into story events (only happenings mentioned more than
/// once), in order of first appearance.
pub fn align(documents: &[DocumentAnalysis], entities: &[StoryEntity]) -> Vec<StoryEvent> {
    // One map type for every look-up (each map type costs kilobytes in the wasm build).
    let mut index = Index::new();
    for (x, e) in entities.iter().enumerate() {
        for m in &e.members {
            index.entry(key(&["entity", &m.document, &m.entity])).or_default().push(x);
        }
    }
    let all: Vec<(usize, &Event)> =
        documents.iter().enumerate().flat_map(|(d, doc)| doc.events.iter().map(move |e| (d, e))).collect();
    let mut sets = Joins::new(all.len());
    let joinable = |e: &Event| e.positive && lexicon().class(e.class).timeline.is_some();
    let by_word = |e: &Event| joinable(e) && !NOT_BY_WORD.contains(&e.class);
    let merges = |e: &Event| joinable(e) && lexicon().class(e.class).merges;

    // In one article: same class at an overlapping time; the same word. Each key keeps one
    // mention per distinct time, so a look-up scans the times, not the mentions.
    for (i, (d, e)) in all.iter().enumerate() {
        let d = d.to_string();
        if merges(e) && interval(e).is_some() {
            let same = index.entry(key(&["class", &d, e.class])).or_default();
            join_first_compatible(&mut sets, same, i, &all, "same_class_and_time");
        }
        if by_word(e) {
            let future = if e.future { "future" } else { "" };
            let same = index.entry(key(&["word", &d, &stem(&e.lemma), future])).or_default();
            join_first_compatible(&mut sets, same, i, &all, "same_word");
        }
    }

    // Across articles, group against group, within buckets of one class ("c" keys, first: their
    // rules say more) or one word ("w").
    let mut group_of = vec![usize::MAX; all.len()];
    let mut groups: Vec<Group> = Vec::new();
    for (i, (d, e)) in all.iter().enumerate() {
        let root = sets.find(i);
        if group_of[root] == usize::MAX {
            group_of[root] = groups.len();
            groups.push(Group { root, document: *d, ..Group::default() });
        }
        let g = &mut groups[group_of[root]];
        if let Some((s, end)) = interval(e).filter(|_| joinable(e)) {
            if !g.times.iter().any(|t| t.0 == s && t.1 == end) {
                g.times.push((s.to_string(), end.to_string()));
            }
        }
        let mut add_key = |k: String| {
            if !g.keys.contains(&k) {
                g.keys.push(k);
            }
        };
        if merges(e) {
            add_key(key(&["c", e.class]));
        }
        if by_word(e) {
            add_key(key(&["w", &stem(&e.lemma)]));
        }
        for p in &e.participants {
            for &x in index.get(&key(&["entity", &documents[*d].id, p])).into_iter().flatten() {
                if !g.participants.contains(&x) {
                    g.participants.push(x);
                }
            }
        }
    }
    let mut buckets: Vec<String> = Vec::new();
    // A group with no time of its own goes in too when its article has no creation time (so
    // nothing in it could be dated): its participants are all there is to go by.
    let undated = |g: &Group| g.times.is_empty() && documents[g.document].creation_time.value.is_none();
    for (n, g) in groups.iter().enumerate().filter(|(_, g)| !g.times.is_empty() || undated(g)) {
        for k in &g.keys {
            let bucket = index.entry(key(&["bucket", k])).or_default();
            if bucket.is_empty() {
                buckets.push(k.clone());
            }
            bucket.push(n);
        }
    }
    buckets.sort_unstable();
    for bucket in &buckets {
        let by_class = bucket.starts_with('c');
        let members = &index[&key(&["bucket", bucket])];
        for (a, &na) in members.iter().enumerate() {
            for &nb in &members[a + 1..] {
                let (ga, gb) = (&groups[na], &groups[nb]);
                if ga.document == gb.document {
                    continue;
                }
                let shared = ga.participants.iter().any(|p| gb.participants.contains(p));
                let times = |day: usize| {
                    ga.times.iter().any(|x| gb.times.iter().any(|y| overlap((&x.0, &x.1), (&y.0, &y.1), day)))
                };
                let untimed = ga.times.is_empty() || gb.times.is_empty();
                let rule = match (by_class, shared) {
                    (true, true) if untimed => Some("class_and_participants"),
                    (true, _) if times(usize::MAX) => Some("same_class_and_time"),
                    (true, true) if times(DAY) => Some("class_and_participants"),
                    (false, true) if times(DAY) => Some("same_word_and_participants"),
                    _ => None,
                };
                if let Some(rule) = rule {
                    sets.join(gb.root, ga.root, rule);
                }
            }
        }
    }
    // The entities several articles name: a mention naming them makes the clearest label.
    for e in entities {
        if e.members.iter().any(|m| m.document != e.members[0].document) {
            for m in &e.members {
                index.entry(key(&["shared", &m.document, &m.entity])).or_default();
            }
        }
    }
    story(sets, &all, documents, &index)
}

/// The one map type of the module: a look-up key (see [`key`]) → indices.
type Index = HashMap<String, Vec<usize>>;

/// A look-up key from its parts (which never hold the separator, a control character).
fn key(parts: &[&str]) -> String {
    parts.join("\u{1}")
}

/// Join mention `i` to the first of `seen` whose time is not apart from its own, and keep it
/// in `seen` when no mention there has its time.
fn join_first_compatible(
    sets: &mut Joins,
    seen: &mut Vec<usize>,
    i: usize,
    all: &[(usize, &Event)],
    rule: &'static str,
) {
    let e = all[i].1;
    if let Some(&j) = seen.iter().find(|&&j| !apart(all[j].1, e)) {
        sets.join(i, j, rule);
    }
    if !seen.iter().any(|&j| interval(all[j].1) == interval(e)) {
        seen.push(i);
    }
}

/// Length of an ISO 8601 day prefix (`2016-12-19`).
const DAY: usize = 10;

/// What a group of one article's mentions offers for joining another's.
#[derive(Default)]
struct Group {
    /// Its set in the joins.
    root: usize,
    document: usize,
    /// Its mentions' bounded times, each once.
    times: Vec<(String, String)>,
    /// The buckets it goes in: `c` + class, `w` + word.
    keys: Vec<String>,
    /// Story entities among its participants.
    participants: Vec<usize>,
}

/// An event's bounded time, first and last instant; a time read from news convention
/// (`inferred`) joins nothing.
fn interval(e: &Event) -> Option<(&str, &str)> {
    let t = e.time.as_ref().filter(|t| !t.inferred)?;
    Some((t.start.as_deref()?, t.end.as_deref()?))
}

/// Do two intervals of ISO 8601 prefixes overlap, read at most `precision` characters deep
/// (`DAY`: only the days count)? A prefix stands for all its instants: "2016" ends after
/// "2016-12-19" starts.
fn overlap(a: (&str, &str), b: (&str, &str), precision: usize) -> bool {
    let not_after = |start: &str, end: &str| {
        let n = start.len().min(end.len()).min(precision);
        start.get(..n).unwrap_or(start) <= end.get(..n).unwrap_or(end)
    };
    not_after(a.0, b.1) && not_after(b.0, a.1)
}

/// Are two mentions' times both known and apart?
fn apart(a: &Event, b: &Event) -> bool {
    matches!((interval(a), interval(b)), (Some(x), Some(y)) if !overlap(x, y, usize::MAX))
}

/// The word a trigger is grouped by: its lemma, lower case, with a noun's ending that its verb
/// lacks cut off ("deliveries" → "delivery" → "deliver"; "purchase" stays).
fn stem(lemma: &str) -> String {
    let lower = lemma.to_lowercase();
    for ending in ["ies", "y", "ment", "ing", "s"] {
        if let Some(base) = lower.strip_suffix(ending) {
            if base.chars().count() >= 4 {
                return base.to_string();
            }
        }
    }
    lower
}

/// Story events for the sets of more than one mention, in order of first mention.
fn story(sets: Joins, all: &[(usize, &Event)], documents: &[DocumentAnalysis], index: &Index) -> Vec<StoryEvent> {
    sets.groups()
        .into_iter()
        .filter(|members| members.len() > 1)
        .enumerate()
        .map(|(n, members)| {
            let rules: Vec<&'static str> = members.iter().map(|m| m.1).collect();
            // The clearest mention's label: a verb that is not an "-ing" form (a headline's noun
            // or gerund often names the happening inside someone's statement: "Boris Johnson
            // condemns killing"), told by the article rather than inside someone's words ("We die
            // in Aleppo") or hedged ("reportedly"), dated, with the most participants that other
            // articles name too, then the most precise time; the first mention breaks ties.
            let first = all[members[0].0].1;
            let clarity = |&(i, _): &(usize, &'static str)| {
                let (d, e) = all[i];
                let verb = e.kind == crate::events::TriggerKind::Verbal && !e.trigger.ends_with("ing");
                let shared = e
                    .participants
                    .iter()
                    .filter(|p| index.contains_key(&key(&["shared", &documents[d].id, p])))
                    .count();
                let flat = !e.reported && e.certainty.map_or(true, |c| c == crate::attribution::Certainty::Certain);
                (verb, flat, interval(e).is_some(), shared, interval(e).map_or(0, |(start, _)| start.len()))
            };
            let shown = members.iter().rev().max_by_key(|m| clarity(m)).map_or(first, |m| all[m.0].1);
            StoryEvent {
                id: format!("y{}", n + 1),
                label: shown.label.clone(),
                class: first.class,
                members: members
                    .iter()
                    .map(|&(i, _)| EventRef { document: documents[all[i].0].id.clone(), event: all[i].1.id.clone() })
                    .collect(),
                rule: rules[1],
                rules,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "event_examples.rs"]
mod examples;
