//! Cross-document entities: the same person, organization or place in several articles.
//!
//! Two document entities of one kind are one story entity when a name of one has the same name key
//! ([`crate::entity::names::key`]: case, diacritics and y/i folded) as a name of the other, or,
//! for people, when one is known by a surname alone that is the last word of the other's only
//! full name in the story.

use super::{EntityRef, StoryEntity};
use crate::entity::{names, Entity, Kind};
use crate::DocumentAnalysis;
use std::collections::HashMap;

/// Group the documents' entities into story entities, in order of first appearance.
pub fn align(documents: &[DocumentAnalysis]) -> Vec<StoryEntity> {
    let all: Vec<(usize, &Entity)> =
        documents.iter().enumerate().flat_map(|(d, doc)| doc.entities.iter().map(move |e| (d, e))).collect();
    let mut sets = DisjointSets::new(all.len());
    let mut rules: Vec<&'static str> = vec!["single"; all.len()];
    // Same name key, same kind.
    let mut by_key: HashMap<(Kind, String), usize> = HashMap::new();
    for (i, (_, e)) in all.iter().enumerate() {
        if !e.named {
            continue;
        }
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            let k = names::key(name);
            if k.is_empty() {
                continue;
            }
            match by_key.get(&(e.kind, k.clone())) {
                Some(&j) => {
                    if sets.union(i, j) {
                        rules[sets.find(i)] = "same_name";
                    }
                }
                None => {
                    by_key.insert((e.kind, k), i);
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
        let Some(full) = surnames.get(&names::key(&e.name)) else { continue };
        let roots: Vec<usize> = {
            let mut r: Vec<usize> = full.iter().map(|&j| sets.find(j)).collect();
            r.sort_unstable();
            r.dedup();
            r
        };
        if let [root] = roots[..] {
            if sets.union(i, root) {
                rules[sets.find(i)] = "surname";
            }
        }
    }

    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for i in 0..all.len() {
        let root = sets.find(i);
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
            let first = all[members[0]].1;
            let name = members
                .iter()
                .map(|&i| &all[i].1.name)
                .max_by_key(|name| (name.split_whitespace().count(), std::cmp::Reverse(name.len())))
                .cloned()
                .unwrap_or_default();
            let rule = if members.len() == 1 { "single" } else { rules[sets.find(members[0])] };
            StoryEntity {
                id: format!("x{}", n + 1),
                kind: first.kind,
                name,
                members: members
                    .iter()
                    .map(|&i| EntityRef { document: documents[all[i].0].id.clone(), entity: all[i].1.id.clone() })
                    .collect(),
                rule,
            }
        })
        .collect()
}

/// Union–find over indices, with path halving.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets { parent: (0..n).collect() }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Join the sets of `a` and `b`; false when they were one already.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi] = lo;
        true
    }
}
