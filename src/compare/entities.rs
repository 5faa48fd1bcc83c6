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

use super::joins::Joins;
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
    // One map type for every look-up below (each map type costs kilobytes in the wasm build).
    let mut index = Index::new();
    let kind = |e: &Entity| match e.kind {
        Kind::Person => "p",
        Kind::Organization => "o",
        Kind::Place => "l",
        Kind::Other => "x",
    };

    // Same name key, same kind; then the same once a legal ending is left out.
    let name_keys = |e: &Entity| -> Vec<String> {
        std::iter::once(&e.name).chain(&e.aliases).map(|n| names::key(n)).filter(|k| !k.is_empty()).collect()
    };
    for (i, (_, e)) in all.iter().enumerate().filter(|(_, (_, e))| e.named) {
        for k in name_keys(e) {
            let same = index.entry(key(&["name", kind(e), &k])).or_default();
            if let Some(&j) = same.first() {
                sets.join(i, j, "same_name");
            }
            same.push(i);
            index.entry(key(&["bare", kind(e), &k])).or_default().push(i);
        }
    }
    for (i, (_, e)) in all.iter().enumerate().filter(|(_, (_, e))| e.named) {
        for k in name_keys(e) {
            if let Some(&j) = without_suffix(&k).and_then(|s| index.get(&key(&["bare", kind(e), s]))?.first()) {
                sets.join(i, j, "legal_suffix");
            }
        }
    }

    // A person named by a surname alone joins the one person in the story whose full name ends
    // with it.
    for (i, (_, e)) in all.iter().enumerate() {
        if e.kind == Kind::Person && e.named && e.name.split_whitespace().count() > 1 {
            if let Some(last) = names::word_keys(&e.name).pop() {
                index.entry(key(&["surname", &last])).or_default().push(i);
            }
        }
    }
    for (i, (_, e)) in all.iter().enumerate() {
        if e.kind != Kind::Person || !e.named || e.name.split_whitespace().count() != 1 {
            continue;
        }
        if let Some(root) = index.get(&key(&["surname", &e.key])).and_then(|full| sets.unique_root(full)) {
            sets.join(i, root, "surname");
        }
    }

    // In one article, an organization named by the first words of one longer organization name.
    let org = |e: &Entity| e.kind == Kind::Organization && e.named;
    for (i, (d, e)) in all.iter().enumerate().filter(|(_, (_, e))| org(e)) {
        let keys = names::word_keys(&e.name);
        for n in 1..keys.len() {
            index.entry(key(&["start", &d.to_string(), &keys[..n].join(" ")])).or_default().push(i);
        }
    }
    // The short name may be one story entity already (same name across articles): it joins only
    // if every article points it at the same longer name ("Apple" beside "Apple Computer" in one
    // article and beside "Apple Corps" in another joins neither).
    let mut pointed: Vec<Option<usize>> = vec![None; all.len()];
    let mut agreed: Vec<Option<usize>> = vec![None; all.len()]; // by the short name's set
    let mut conflicting = vec![false; all.len()];
    for (i, (d, e)) in all.iter().enumerate().filter(|(_, (_, e))| org(e)) {
        let Some(longer) = index.get(&key(&["start", &d.to_string(), &e.key])) else { continue };
        let own = sets.find(i);
        if let Some(root) = sets.unique_root(longer).filter(|&r| r != own) {
            pointed[i] = Some(root);
            match agreed[own] {
                Some(r) if r != root => conflicting[own] = true,
                _ => agreed[own] = Some(root),
            }
        }
    }
    let owners: Vec<usize> = (0..all.len()).map(|i| sets.find(i)).collect();
    for i in 0..all.len() {
        if let Some(root) = pointed[i].filter(|_| !conflicting[owners[i]]) {
            sets.join(i, root, "name_start");
        }
    }

    // Acronyms defined in brackets: "Singapore Airlines (SIA)".
    for (i, (d, e)) in all.iter().enumerate().filter(|(_, (_, e))| e.named) {
        index.entry(key(&["in", &d.to_string(), &e.key])).or_default().push(i);
    }
    for (d, doc) in documents.iter().enumerate() {
        for (name, acronym) in defined_acronyms(doc) {
            let find = |k: &str| index.get(&key(&["in", &d.to_string(), k])).and_then(|v| v.first().copied());
            if let (Some(i), Some(j)) = (find(&acronym).filter(|&i| is_acronym(&all[i].1.name)), find(&name)) {
                sets.join(i, j, "acronym_defined");
            }
        }
    }

    // Acronyms spelled by the initials of one name in the story.
    for (i, (_, e)) in all.iter().enumerate() {
        if e.named && e.kind != Kind::Person {
            for a in acronyms(&e.name) {
                index.entry(key(&["initials", &a])).or_default().push(i);
            }
        }
    }
    for (i, (_, e)) in all.iter().enumerate() {
        if !e.named || e.kind == Kind::Person || !is_acronym(&e.name) {
            continue;
        }
        if let Some(root) = index.get(&key(&["initials", &e.key])).and_then(|spelled| sets.unique_root(spelled)) {
            sets.join(i, root, "acronym");
        }
    }

    // Unnamed people: one role class across articles, then the one named person holding it.
    let mut class_of: Vec<Option<String>> = vec![None; all.len()];
    for (i, (_, e)) in all.iter().enumerate() {
        if e.kind == Kind::Person && !e.named {
            if let Some(class) = role_word(e).map(|w| role_class(&w)) {
                let same = index.entry(key(&["unnamed", &class])).or_default();
                if let Some(&j) = same.first() {
                    sets.join(i, j, "same_role");
                }
                same.push(i);
                class_of[i] = Some(class);
            }
        }
    }
    for (i, (_, e)) in all.iter().enumerate() {
        if e.kind == Kind::Person && e.named {
            for role in &e.roles {
                for w in role.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                    let class = role_class(&w.to_lowercase());
                    if index.contains_key(&key(&["unnamed", &class])) {
                        index.entry(key(&["holder", &class])).or_default().push(i);
                    }
                }
            }
        }
    }
    for (i, class) in class_of.iter().enumerate() {
        let Some(class) = class else { continue };
        let first = index.get(&key(&["unnamed", class])).and_then(|v| v.first().copied());
        if first == Some(i) {
            if let Some(root) = index.get(&key(&["holder", class])).and_then(|h| sets.unique_root(h)) {
                sets.join(i, root, "role");
            }
        }
    }

    story(sets, &all, documents)
}

/// The one map type of the module: a look-up key (see [`key`]) → entity indices.
type Index = HashMap<String, Vec<usize>>;

/// A look-up key from its parts (which never hold the separator, a control character).
fn key(parts: &[&str]) -> String {
    parts.join("\u{1}")
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

/// The story entities, in order of first member.
fn story(sets: Joins, all: &[(usize, &Entity)], documents: &[DocumentAnalysis]) -> Vec<StoryEntity> {
    sets.groups()
        .into_iter()
        .enumerate()
        .map(|(n, members)| {
            let entity = |i: usize| all[i].1;
            let named: Vec<usize> = members.iter().map(|m| m.0).filter(|&i| entity(i).named).collect();
            let shown = if named.is_empty() { members.iter().map(|m| m.0).collect() } else { named };
            let name = shown
                .iter()
                .map(|&i| &entity(i).name)
                .filter(|name| !is_acronym(name) || shown.iter().all(|&j| is_acronym(&entity(j).name)))
                .max_by_key(|name| (name.split_whitespace().count(), std::cmp::Reverse(name.len())))
                .cloned()
                .unwrap_or_default();
            // The kind most of its named members have; the first's on a tie.
            let count = |k: Kind| shown.iter().filter(|&&i| entity(i).kind == k).count();
            let mut kind = entity(shown[0]).kind;
            for &i in &shown {
                if count(entity(i).kind) > count(kind) {
                    kind = entity(i).kind;
                }
            }
            let rules: Vec<&'static str> = members.iter().map(|m| m.1).collect();
            StoryEntity {
                id: format!("x{}", n + 1),
                kind,
                name,
                members: members
                    .iter()
                    .map(|&(i, _)| EntityRef { document: documents[all[i].0].id.clone(), entity: all[i].1.id.clone() })
                    .collect(),
                rule: rules.get(1).copied().unwrap_or("single"),
                rules,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "entity_examples.rs"]
mod examples;
