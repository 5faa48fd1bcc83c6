//! Cross-document entities: the same person, organization or place in several articles (and
//! the same one under two names in one article).
//!
//! The documents' entities are joined by rules, in this order; each member of a story entity
//! says which rule brought it in (`StoryEntity::rules`):
//!
//! | rule | joins | example |
//! |---|---|---|
//! | `same_name` | two entities of one kind sharing a name key ([`names::key`]: case, diacritics, y/i) | "Andrei Karlov" / "Andrey Karlov" |
//! | `legal_suffix` | the same, once a legal ending is left out (`lexicon/org_suffixes.txt`) | "Apple Inc." / "Apple" |
//! | `surname` | a person named by one word and the one person of the story whose full name ends with it | "Çavuşoğlu" / "Mevlüt Çavuşoğlu" |
//! | `name_start` | in one article, an organization named by the first words of the one longer organization name there | "Lockheed" / "Lockheed Martin" |
//! | `acronym_defined` | a name followed by its acronym in brackets | "Singapore Airlines (SIA)" / "SIA" |
//! | `acronym` | an all-capitals name and the one name of the story whose initials it spells (small words and a legal ending left out, `lexicon/acronym_skips.txt`) | "GAO" / "Government Accountability Office" |
//! | `same_role` | unnamed people of one role class ("the gunman", "the attacker") across articles | |
//! | `role` | an unnamed person and the one named person of the story holding a role of that class | "the gunman" / Altıntaş, "the gunman" in another article |
//!
//! A rule that finds two candidates joins neither: two people sharing a first name, or "Apple"
//! beside both "Apple Computer" and "Apple Corps", stay apart. "Boeing 787" is a product the
//! entity stage names whole (kind `other`), so it never meets "Boeing" the company (kinds
//! differ). Everything is hash look-ups over names, linear in the number of entities.

use super::{EntityRef, StoryEntity};
use crate::entity::{lexicon, names, Entity, Kind};
use crate::text::data_lines;
use crate::DocumentAnalysis;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The word lists of this module.
struct Words {
    suffixes: Vec<&'static str>,
    skips: Vec<&'static str>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| Words {
        suffixes: data_lines(include_str!("lexicon/org_suffixes.txt")).collect(),
        skips: data_lines(include_str!("lexicon/acronym_skips.txt")).collect(),
    })
}

/// A name key without its legal ending ("apple inc" → "apple"), if it has one and more before it.
fn without_suffix(key: &str) -> Option<&str> {
    let (rest, last) = key.rsplit_once(' ')?;
    words().suffixes.contains(&last).then_some(rest)
}

/// The acronyms a name may go by: the initials of its words (small words left out), with and
/// without its legal ending. "Government Accountability Office" → `gao`; "European Aeronautic
/// Defence and Space Company" → `eadsc`, `eads`. Only names of two or more words.
fn acronyms(name: &str) -> Vec<String> {
    let w = words();
    let keys: Vec<String> = name.split_whitespace().filter(|x| !is_skip(x)).map(names::key).collect();
    let keys: Vec<&str> = keys.iter().map(String::as_str).filter(|k| !k.is_empty()).collect();
    if keys.len() < 2 || keys.iter().any(|k| !k.chars().next().is_some_and(char::is_alphabetic)) {
        return Vec::new();
    }
    let initials = |ks: &[&str]| ks.iter().filter_map(|k| k.chars().next()).collect::<String>();
    let mut out = vec![initials(&keys)];
    if let Some((last, rest)) = keys.split_last() {
        if w.suffixes.contains(last) && rest.len() >= 2 {
            out.push(initials(rest));
        }
    }
    out
}

/// Is `name` written as an acronym ("EADS", "U.S.", "USAF"): two to six capitals, dots allowed,
/// nothing else?
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_ascii_uppercase())
}

/// The role word of an unnamed person ("the gunman" → "gunman").
fn role_word(e: &Entity) -> Option<String> {
    e.name.split_whitespace().last().map(str::to_lowercase)
}

/// The class of a role word: its class in the entity stage's role list ("gunman" and
/// "attacker" share one), else the word itself.
fn role_class(word: &str) -> String {
    match lexicon::get().roles.get(word) {
        Some(Some(class)) => (*class).to_string(),
        _ => word.to_string(),
    }
}

/// Group the documents' entities into story entities, in order of first appearance.
pub fn align(documents: &[DocumentAnalysis]) -> Vec<StoryEntity> {
    let all: Vec<(usize, &Entity)> =
        documents.iter().enumerate().flat_map(|(d, doc)| doc.entities.iter().map(move |e| (d, e))).collect();
    let mut sets = Joins::new(all.len());

    // Same name key (or the same once a legal ending is left out), same kind.
    let mut by_key: HashMap<(Kind, String), (usize, &'static str)> = HashMap::new();
    for (i, (_, e)) in all.iter().enumerate().filter(|(_, (_, e))| e.named) {
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            let k = names::key(name);
            if k.is_empty() {
                continue;
            }
            let short = without_suffix(&k).map(str::to_string);
            for (k, rule) in std::iter::once((k, "same_name")).chain(short.map(|s| (s, "legal_suffix"))) {
                match by_key.get(&(e.kind, k.clone())) {
                    Some(&(j, other)) => sets.join(i, j, if other == "same_name" { rule } else { other }),
                    None => {
                        by_key.insert((e.kind, k), (i, rule));
                    }
                }
            }
        }
    }

    // A person named by a surname alone joins the one person in the story whose full name ends
    // with it.
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, e)) in all.iter().enumerate() {
        if e.kind == Kind::Person && e.named && e.name.split_whitespace().count() > 1 {
            if let Some(last) = names::word_keys(&e.name).pop() {
                surnames.entry(last).or_default().push(i);
            }
        }
    }
    for (i, (_, e)) in all.iter().enumerate() {
        if e.kind != Kind::Person || !e.named || e.name.split_whitespace().count() != 1 {
            continue;
        }
        if let Some(full) = surnames.get(&names::key(&e.name)) {
            if let Some(root) = sets.unique_root(full) {
                sets.join(i, root, "surname");
            }
        }
    }

    // In one article, an organization named by the first words of one longer organization name.
    let mut starts: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    for (i, (d, e)) in all.iter().enumerate() {
        if e.kind == Kind::Organization && e.named {
            let keys = names::word_keys(&e.name);
            for n in 1..keys.len() {
                starts.entry((*d, keys[..n].join(" "))).or_default().push(i);
            }
        }
    }
    // The short name is one story entity already (same name across articles): it joins only if
    // every article points it at the same longer name ("Apple" beside "Apple Computer" in one
    // article and beside "Apple Corps" in another joins neither).
    let mut pointed: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for (i, (d, e)) in all.iter().enumerate() {
        if e.kind != Kind::Organization || !e.named {
            continue;
        }
        if let Some(longer) = starts.get(&(*d, names::key(&e.name))) {
            if let Some(root) = sets.unique_root(longer).filter(|&r| r != sets.find(i)) {
                pointed.entry(sets.find(i)).or_default().push((i, root));
            }
        }
    }
    let mut shorts: Vec<(&usize, &Vec<(usize, usize)>)> = pointed.iter().collect();
    shorts.sort_unstable();
    for (_, joins) in shorts {
        if joins.iter().all(|&(_, root)| root == joins[0].1) {
            for &(i, root) in joins {
                sets.join(i, root, "name_start");
            }
        }
    }

    // Acronyms defined in brackets: "Singapore Airlines (SIA)".
    let mut named_in: HashMap<(usize, &str), usize> = HashMap::new();
    for (i, (d, e)) in all.iter().enumerate().filter(|(_, (_, e))| e.named) {
        named_in.entry((*d, e.key.as_str())).or_insert(i);
    }
    for (d, doc) in documents.iter().enumerate() {
        for (name, acronym) in defined_acronyms(doc) {
            let find = |key: &str| named_in.get(&(d, key)).copied();
            if let (Some(i), Some(j)) = (find(&acronym).filter(|&i| is_acronym(&all[i].1.name)), find(&name)) {
                sets.join(i, j, "acronym_defined");
            }
        }
    }

    // Acronyms spelled by the initials of one name in the story.
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, e)) in all.iter().enumerate() {
        if e.named && e.kind != Kind::Person {
            for a in acronyms(&e.name) {
                by_initials.entry(a).or_default().push(i);
            }
        }
    }
    for (i, (_, e)) in all.iter().enumerate() {
        if !e.named || e.kind == Kind::Person || !is_acronym(&e.name) {
            continue;
        }
        if let Some(spelled) = by_initials.get(&names::key(&e.name)) {
            if let Some(root) = sets.unique_root(spelled) {
                sets.join(i, root, "acronym");
            }
        }
    }

    // Unnamed people: one role class across articles, then the one named person holding it.
    let mut unnamed: HashMap<String, usize> = HashMap::new();
    for (i, (_, e)) in all.iter().enumerate() {
        if e.kind == Kind::Person && !e.named {
            if let Some(w) = role_word(e) {
                match unnamed.get(&role_class(&w)) {
                    Some(&j) => sets.join(i, j, "same_role"),
                    None => {
                        unnamed.insert(role_class(&w), i);
                    }
                }
            }
        }
    }
    let mut holders: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, e)) in all.iter().enumerate() {
        if e.kind == Kind::Person && e.named {
            for role in &e.roles {
                for w in role.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                    let class = role_class(&w.to_lowercase());
                    if unnamed.contains_key(&class) {
                        holders.entry(class).or_default().push(i);
                    }
                }
            }
        }
    }
    let mut classes: Vec<(&String, &usize)> = unnamed.iter().collect();
    classes.sort_by_key(|(_, &i)| i);
    for (class, &i) in classes {
        if let Some(root) = holders.get(class).and_then(|h| sets.unique_root(h)) {
            sets.join(i, root, "role");
        }
    }

    sets.story(&all, documents)
}

/// `(name key, acronym key)` for each "Name Words (ACRONYM)" of a document's text.
fn defined_acronyms(doc: &DocumentAnalysis) -> Vec<(String, String)> {
    let text = &doc.text;
    let mut out = Vec::new();
    for (open, _) in text.match_indices('(') {
        // An acronym is short: look for its closing bracket a few characters on only.
        let window = text[open..].char_indices().nth(16).map_or(text.len(), |(i, _)| open + i);
        let Some(close) = text[open..window].find(')').map(|c| open + c) else { continue };
        let inside = text[open + 1..close].trim();
        if !is_acronym(inside) {
            continue;
        }
        // The capitalized words right before the bracket, back to a lower-case word.
        let before = text[..open].trim_end();
        let mut words: Vec<&str> = Vec::new();
        for w in before.rsplit(' ') {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
            if w.is_empty() {
                break;
            }
            if w.chars().next().is_some_and(char::is_uppercase) || is_skip(w) {
                words.push(w);
            } else {
                break;
            }
            if words.len() > 8 {
                break;
            }
        }
        words.reverse();
        while words.first().is_some_and(|w| is_skip(w)) {
            words.remove(0);
        }
        // The longest run whose initials spell the acronym, or the whole run.
        let acronym = names::key(inside);
        let name = (0..words.len())
            .map(|s| words[s..].join(" "))
            .find(|n| acronyms(n).contains(&acronym))
            .unwrap_or_else(|| words.join(" "));
        if !name.is_empty() {
            out.push((names::key(&name), acronym));
        }
    }
    out
}

/// A small word an acronym leaves out.
fn is_skip(w: &str) -> bool {
    words().skips.contains(&w.to_lowercase().as_str())
}

/// Union–find over indices, with path halving; each set remembers its first member, and each
/// member the rule that brought it in.
struct Joins {
    parent: Vec<usize>,
    /// For a root: its set's smallest index.
    first: Vec<usize>,
    /// For a set's first member when another set joined it: that rule.
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

    /// Join the sets of `a` and `b` by `rule`: the later set's first member records it.
    fn join(&mut self, a: usize, b: usize, rule: &'static str) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (fa, fb) = (self.first[ra], self.first[rb]);
        let (keep, later) = if fa < fb { (ra, rb) } else { (rb, ra) };
        self.via[self.first[later]] = Some(rule);
        self.parent[later] = keep;
    }

    /// The one set all of `members` are in, if there is exactly one.
    fn unique_root(&mut self, members: &[usize]) -> Option<usize> {
        let mut roots = members.iter().map(|&m| self.find(m));
        let first = roots.next()?;
        roots.all(|r| r == first).then_some(first)
    }

    /// The story entities, in order of first member.
    fn story(mut self, all: &[(usize, &Entity)], documents: &[DocumentAnalysis]) -> Vec<StoryEntity> {
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
            .enumerate()
            .map(|(n, members)| {
                let entity = |i: usize| all[i].1;
                let named: Vec<usize> = members.iter().copied().filter(|&i| entity(i).named).collect();
                let shown = if named.is_empty() { &members } else { &named };
                let name = shown
                    .iter()
                    .map(|&i| &entity(i).name)
                    .filter(|name| !is_acronym(name) || shown.iter().all(|&j| is_acronym(&entity(j).name)))
                    .max_by_key(|name| (name.split_whitespace().count(), std::cmp::Reverse(name.len())))
                    .cloned()
                    .unwrap_or_default();
                // The kind most of its named members have; the first's on a tie.
                let kind = shown
                    .iter()
                    .map(|&i| entity(i).kind)
                    .max_by_key(|k| {
                        (
                            shown.iter().filter(|&&i| entity(i).kind == *k).count(),
                            std::cmp::Reverse(shown.iter().position(|&i| entity(i).kind == *k)),
                        )
                    })
                    .unwrap_or(entity(members[0]).kind);
                let rules: Vec<&'static str> = members
                    .iter()
                    .enumerate()
                    .map(|(k, &i)| if k == 0 { "first" } else { self.via[i].unwrap_or("same_name") })
                    .collect();
                let rule = if members.len() == 1 { "single" } else { rules[1] };
                StoryEntity {
                    id: format!("x{}", n + 1),
                    kind,
                    name,
                    members: members
                        .iter()
                        .map(|&i| EntityRef { document: documents[all[i].0].id.clone(), entity: all[i].1.id.clone() })
                        .collect(),
                    rule,
                    rules,
                }
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "entity_examples.rs"]
mod examples;
