//! Cross-document events: mentions of the same happening, in one article and across several.
//!
//! First each article's mentions are grouped, then the groups of different articles:
//!
//! | rule | joins | example |
//! |---|---|---|
//! | `same_class_and_time` | mentions of one class of happening that merges (attack, death, meeting… `events/lexicon/classes.tsv`) whose times overlap, in one article or two | "shot" (evening) / "the assassination" (the same day) |
//! | `same_word` | in one article, mentions of one word (or of a noun and its verb: "delivered" / "deliveries"), both stated as happening, neither future while the other is not, times not apart | "Boeing wins …" (headline) / "Boeing won …" |
//! | `class_and_participants` | across articles, one merging class, a participant in common (a story entity) and the same day | "Karlov shot" at 12:00 / "shot" in the evening |
//! | `same_word_and_participants` | across articles, one word, a participant in common and overlapping days | "delivered the first A380 to Singapore Airlines" twice |
//!
//! Left apart: negated mentions, reporting and general verbs ("said", "made": one word, many
//! happenings), and mentions whose times are known and apart. Two articles that date one
//! happening differently (the same day, different hours) stay one story event, so the
//! comparison can show the disagreement. Look-ups go through hash maps keyed by article and
//! word or class; only groups sharing a key are compared.

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
    let mut story_of: HashMap<(&str, &str), usize> = HashMap::new();
    for (x, e) in entities.iter().enumerate() {
        for m in &e.members {
            story_of.insert((m.document.as_str(), m.entity.as_str()), x);
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
    let mut by_class: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    let mut by_stem: HashMap<(usize, String, bool), Vec<usize>> = HashMap::new();
    for (i, (d, e)) in all.iter().enumerate() {
        if merges(e) && interval(e).is_some() {
            join_first_compatible(
                &mut sets,
                by_class.entry((*d, e.class)).or_default(),
                i,
                &all,
                "same_class_and_time",
            );
        }
        if by_word(e) {
            let same = by_stem.entry((*d, stem(&e.lemma), e.future)).or_default();
            join_first_compatible(&mut sets, same, i, &all, "same_word");
        }
    }

    // Across articles, group against group, within buckets of one class or one word.
    let mut groups: HashMap<usize, Group> = HashMap::new();
    for (i, (d, e)) in all.iter().enumerate() {
        let root = sets.find(i);
        let g = groups.entry(root).or_insert_with(|| Group { document: *d, ..Group::default() });
        if let Some((s, end)) = interval(e).filter(|_| joinable(e)) {
            g.times.push((s.to_string(), end.to_string()));
        }
        if merges(e) {
            g.keys.push((true, e.class.to_string()));
        }
        if by_word(e) {
            g.keys.push((false, stem(&e.lemma)));
        }
        let doc = documents[*d].id.as_str();
        g.participants.extend(e.participants.iter().filter_map(|p| story_of.get(&(doc, p.as_str())).copied()));
    }
    let mut roots: Vec<usize> = groups.keys().copied().collect();
    roots.sort_unstable();
    let mut buckets: HashMap<(bool, String), Vec<usize>> = HashMap::new();
    for &r in &roots {
        let g = groups.get_mut(&r).expect("a group per root");
        g.keys.sort_unstable();
        g.keys.dedup();
        g.times.sort_unstable();
        g.times.dedup();
        g.participants.sort_unstable();
        g.participants.dedup();
        if !g.times.is_empty() {
            for k in &g.keys {
                buckets.entry(k.clone()).or_default().push(r);
            }
        }
    }
    // Classes first: their rules say more than a shared word.
    let mut keys: Vec<&(bool, String)> = buckets.keys().collect();
    keys.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for key in keys {
        let members = &buckets[key];
        for (a, &ra) in members.iter().enumerate() {
            for &rb in &members[a + 1..] {
                let (ga, gb) = (&groups[&ra], &groups[&rb]);
                if ga.document == gb.document {
                    continue;
                }
                let shared = ga.participants.iter().any(|p| gb.participants.binary_search(p).is_ok());
                let times = |day: usize| {
                    ga.times.iter().any(|x| gb.times.iter().any(|y| overlap((&x.0, &x.1), (&y.0, &y.1), day)))
                };
                let rule = match (key.0, shared) {
                    (true, _) if times(usize::MAX) => Some("same_class_and_time"),
                    (true, true) if times(DAY) => Some("class_and_participants"),
                    (false, true) if times(DAY) => Some("same_word_and_participants"),
                    _ => None,
                };
                if let Some(rule) = rule {
                    sets.join(rb, ra, rule);
                }
            }
        }
    }
    sets.story(&all, documents)
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
    document: usize,
    /// Its mentions' bounded times.
    times: Vec<(String, String)>,
    /// (by class, class) and (by word, stem): the buckets it goes in.
    keys: Vec<(bool, String)>,
    /// Story entities among its participants, sorted.
    participants: Vec<usize>,
}

/// An event's bounded time, first and last instant.
fn interval(e: &Event) -> Option<(&str, &str)> {
    let t = e.time.as_ref()?;
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

/// Union–find over mention indices; each set remembers its first member, and each member the
/// rule that brought it in.
struct Joins {
    parent: Vec<usize>,
    first: Vec<usize>,
    via: Vec<Option<&'static str>>,
}

impl Joins {
    fn new(n: usize) -> Self {
        Joins { parent: (0..n).collect(), first: (0..n).collect(), via: vec![None; n] }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize, rule: &'static str) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (keep, later) = if self.first[ra] < self.first[rb] { (ra, rb) } else { (rb, ra) };
        self.via[self.first[later]] = Some(rule);
        self.parent[later] = keep;
    }

    /// Story events for the sets of more than one mention, in order of first mention.
    fn story(mut self, all: &[(usize, &Event)], documents: &[DocumentAnalysis]) -> Vec<StoryEvent> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut group_of: HashMap<usize, usize> = HashMap::new();
        for i in 0..all.len() {
            let root = self.find(i);
            let g = *group_of.entry(root).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i);
        }
        groups
            .into_iter()
            .filter(|members| members.len() > 1)
            .enumerate()
            .map(|(n, members)| {
                let rules: Vec<&'static str> = members
                    .iter()
                    .enumerate()
                    .map(|(k, &i)| if k == 0 { "first" } else { self.via[i].unwrap_or("same_word") })
                    .collect();
                // The label of the first mention that has a time, else the first's.
                let shown =
                    members.iter().map(|&i| all[i].1).find(|e| interval(e).is_some()).unwrap_or(all[members[0]].1);
                StoryEvent {
                    id: format!("y{}", n + 1),
                    label: shown.label.clone(),
                    class: all[members[0]].1.class,
                    members: members
                        .iter()
                        .map(|&i| EventRef { document: documents[all[i].0].id.clone(), event: all[i].1.id.clone() })
                        .collect(),
                    rule: rules[1],
                    rules,
                }
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "event_examples.rs"]
mod examples;
