//! Roles and titles the articles give one story person ("Russia's ambassador to Turkey",
//! "Russian Ambassador"), side by side.
//!
//! Rule `role_titles`: one comparison per story person whom two or more articles give a role;
//! `agree` when every article gives the same title (case, apostrophes and a leading "the"
//! aside), else `consistent` — titles are shown, never judged against each other (a person holds
//! several titles, and "former" or a new post is not a contradiction a word list can tell).
//! A claim's words are the title where the article writes it nearest a mention of the person.

use super::{and_list, distinct, Doc, StoryIndex};
use crate::compare::{Claim, Comparison, Verdict};
use crate::entity::Kind;

/// A title folded for comparison: lower case, curly apostrophes straight, no leading "the".
fn fold(title: &str) -> String {
    let lower = title.trim().to_lowercase().replace('’', "'");
    lower.strip_prefix("the ").map(str::to_string).unwrap_or(lower)
}

/// How far from a mention a title is looked for, in bytes.
const WINDOW: usize = 400;

/// The char boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Compare the roles the documents give each story person.
pub fn compare(docs: &[Doc<'_>], story: &StoryIndex) -> Vec<Comparison> {
    let mut by_person: Vec<Vec<(Claim, String)>> = (0..story.len()).map(|_| Vec::new()).collect();
    let mut order = Vec::new();
    for doc in docs {
        let a = doc.analysis;
        for e in a.entities.iter().filter(|e| e.kind == Kind::Person && !e.roles.is_empty()) {
            let Some(person) = story.of(&a.id, &e.id) else { continue };
            let mentions: Vec<usize> = e.mentions.iter().map(|m| doc.bytes(*m).start).collect();
            // Where the title is written nearest a mention of the person: looked for around the
            // mentions only (the entity stage found it next to one), not through the whole text.
            let text = a.text.as_str();
            let nearest = |role: &str| {
                mentions
                    .iter()
                    .filter_map(|&m| {
                        let lo = floor_boundary(text, m.saturating_sub(WINDOW));
                        let hi = floor_boundary(text, (m + WINDOW).min(text.len()));
                        text[lo..hi].match_indices(role).map(|(at, _)| ((lo + at).abs_diff(m), lo + at)).min()
                    })
                    .min()
                    .map(|(_, at)| at)
            };
            for role in &e.roles {
                let Some(at) = nearest(role) else {
                    continue;
                };
                let claim = doc.claim(&(at..at + role.len()), None, role.clone());
                if by_person[person].is_empty() {
                    order.push(person);
                }
                by_person[person].push((claim, fold(role)));
            }
        }
    }
    order
        .into_iter()
        .filter_map(|person| {
            let said = std::mem::take(&mut by_person[person]);
            let documents = distinct(said.iter().map(|(c, _)| c.document.as_str()));
            if documents.len() < 2 {
                return None;
            }
            let name = story.name(person);
            let titles = distinct(said.iter().map(|(_, t)| t.as_str()));
            let (status, explanation) = if titles.len() == 1 {
                (Verdict::Agree, format!("{} call {name} {}.", and_list(&documents), said[0].0.text))
            } else {
                let shown = distinct(said.iter().map(|(c, _)| c.text.as_str()));
                (
                    Verdict::Consistent,
                    format!(
                        "{name} is {} across {}: titles are shown, not judged.",
                        and_list(&shown),
                        and_list(&documents)
                    ),
                )
            };
            Some(Comparison {
                id: String::new(),
                topic: format!("{name}'s role"),
                kind: "role",
                status,
                explanation,
                claims: said.into_iter().map(|(c, _)| c).collect(),
                about: Some(story.id(person).to_string()),
                rule: "role_titles",
            })
        })
        .collect()
}
