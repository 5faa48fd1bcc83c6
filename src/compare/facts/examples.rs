//! Runs the example table `examples.tsv` against the fact extractors.

use super::{ages, careers, counts, places, quotes, Doc};
use crate::{analyze, DocumentInput};

const EXAMPLES: &str = include_str!("examples.tsv");

/// A dateline, so ages anchor to the creation time.
const DATELINE: &str = "Monday, December 19 2016 20:43 EET\n\n";

fn found(family: &str, text: &str) -> Vec<String> {
    let analysis = analyze(&[DocumentInput::new("example", format!("{DATELINE}{text}"))]).expect("analysis");
    let doc = Doc::new(&analysis.documents[0]);
    let a = doc.analysis;
    match family {
        "count" => counts::extract(a)
            .into_iter()
            .map(|c| {
                let end = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
                format!("{} {} {}..{} {}", c.class, c.what, end(c.value.min), end(c.value.max), c.rule)
            })
            .collect(),
        "age" => ages::extract(&doc, None)
            .into_iter()
            .map(|p| {
                let name = a.entities.iter().find(|e| e.id == p.entity).map_or("?", |e| e.name.as_str());
                format!("{name} {}-{} {}", p.born[0], p.born[1], p.rule)
            })
            .collect(),
        "stance" => quotes::extract(&doc)
            .into_iter()
            .filter(|s| s.how == "quote")
            .flat_map(|s| s.stances.into_iter().map(|(axis, side, word)| format!("{axis} {side} {word}")))
            .collect(),
        "step" => careers::extract(&doc)
            .into_iter()
            .map(|s| {
                let name = |id: &str| a.entities.iter().find(|e| e.id == id).map_or("?", |e| e.name.as_str());
                let place = s.place.as_ref().map_or("-", |(p, _)| name(p));
                let end = s.end.as_deref().unwrap_or("");
                format!("{} {} {place} {}..{end} {}", name(&s.person), s.event.trigger, s.start, s.rule)
            })
            .collect(),
        "place" => {
            let doc = &doc;
            let mut list: Vec<(std::ops::Range<usize>, &str)> = a
                .entities
                .iter()
                .filter(|e| e.kind == crate::entity::Kind::Place)
                .flat_map(|e| e.mentions.iter().map(move |m| (doc.bytes(*m), e.id.as_str())))
                .collect();
            list.sort_by_key(|(b, _)| b.start);
            a.events
                .iter()
                .filter_map(|e| places::place_of(doc, &list, e).map(|(_, w)| format!("{}: {}", e.trigger, &a.text[w])))
                .collect()
        }
        other => panic!("examples.tsv: unknown family {other}"),
    }
}

#[test]
fn fact_examples() {
    let mut failures = Vec::new();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for line in EXAMPLES.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (family, kind, text) = (cols[0], cols[1], cols[2]);
        let expected: Vec<String> = match (kind, cols.get(3)) {
            ("positive", Some(e)) => e.split(" ; ").map(str::to_string).collect(),
            ("negative", None) => Vec::new(),
            _ => panic!("examples.tsv: bad row {line:?}"),
        };
        seen.push((family, kind));
        let got = found(family, text);
        if got != expected {
            failures.push(format!("{family} {kind}: {text:?}\n  expected {expected:?}\n  found    {got:?}"));
        }
    }
    // Every family has positive and negative examples.
    for family in ["count", "age", "stance", "step", "place"] {
        for kind in ["positive", "negative"] {
            assert!(seen.contains(&(family, kind)), "examples.tsv: no {kind} example for {family}");
        }
    }
    assert!(failures.is_empty(), "{} example(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_count_rule_has_an_example() {
    for rule in ["count_number", "count_quantifier", "count_times"] {
        assert!(
            EXAMPLES.lines().any(|l| l.starts_with("count\tpositive") && l.ends_with(rule)),
            "no example for {rule}"
        );
    }
    for rule in ["person_before", "previous_sentence_person"] {
        assert!(EXAMPLES.lines().any(|l| l.starts_with("age\tpositive") && l.ends_with(rule)), "no example for {rule}");
    }
    for rule in ["person_in_sentence", "biography_run", "own_time", "after_previous_step"] {
        assert!(EXAMPLES.lines().any(|l| l.starts_with("step\tpositive") && l.contains(rule)), "no example for {rule}");
    }
}
