//! Cross-document events: mentions of the same happening in several articles.
//!
//! Mentions of one class of happening that merges (an attack, a death, a meeting …) at the same
//! drawn time are one story event, in one article or across several (`same_class_and_time`).

use super::{StoryEntity, StoryEvent};
use crate::events::lexicon::lexicon;
use crate::timeline::EventRef;
use crate::DocumentAnalysis;
use std::collections::HashMap;

/// Group the documents' event mentions into story events (only happenings seen more than once,
/// or in more than one article), in order of first appearance.
pub fn align(documents: &[DocumentAnalysis], _entities: &[StoryEntity]) -> Vec<StoryEvent> {
    let mut groups: Vec<(&'static str, String, Vec<(usize, usize)>)> = Vec::new();
    let mut index: HashMap<(&'static str, String, String), usize> = HashMap::new();
    for (d, doc) in documents.iter().enumerate() {
        for (k, e) in doc.events.iter().enumerate() {
            let Some(time) = e.time.as_ref().filter(|t| t.bounded()) else { continue };
            if !e.positive || !lexicon().class(e.class).merges {
                continue;
            }
            let key = (e.class, time.start.clone().unwrap_or_default(), time.end.clone().unwrap_or_default());
            let g = *index.entry(key).or_insert_with(|| {
                groups.push((e.class, e.label.clone(), Vec::new()));
                groups.len() - 1
            });
            groups[g].2.push((d, k));
        }
    }
    groups
        .into_iter()
        .filter(|(_, _, members)| members.len() > 1)
        .enumerate()
        .map(|(n, (class, label, members))| StoryEvent {
            id: format!("y{}", n + 1),
            label,
            class,
            members: members
                .iter()
                .map(|&(d, k)| EventRef { document: documents[d].id.clone(), event: documents[d].events[k].id.clone() })
                .collect(),
            rule: "same_class_and_time",
        })
        .collect()
}
