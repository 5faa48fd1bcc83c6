//! Runs the example table `examples.tsv` against the entity stage.

use super::{extract, Kind};
use crate::text::segment;
use std::collections::HashMap;

const EXAMPLES: &str = include_str!("examples.tsv");

/// One bracketed mention: its text, kind and group.
type Expected = (String, String, Option<String>);

fn parse(marked: &str) -> (String, Vec<(usize, Expected)>) {
    let mut text = String::new();
    let mut expected = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find(']').expect("closing bracket") + open;
        let mut parts = rest[open + 1..close].split('|');
        let words = parts.next().expect("words").to_string();
        let kind = parts.next().expect("kind").to_string();
        let group = parts.next().map(str::to_string);
        expected.push((text.len(), (words.clone(), kind, group)));
        text.push_str(&words);
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, expected)
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Person => "person",
        Kind::Organization => "organization",
        Kind::Place => "place",
        Kind::Other => "other",
    }
}

#[test]
fn entity_examples() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in EXAMPLES.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')) {
        count += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        let (kind, marked) = (cols[0], cols[1].replace("\\n", "\n"));
        let (text, expected) = parse(&marked);
        let doc = segment(&text);
        let found = extract(&doc);
        let got: Vec<(usize, String, &str, String)> = found
            .mentions
            .iter()
            .map(|m| (m.bytes.start, m.text.to_string(), kind_name(m.kind), found.entity_of(m).id.clone()))
            .collect();
        let want: Vec<(usize, String, &str)> =
            expected.iter().map(|(at, (w, k, _))| (*at, w.clone(), k.as_str())).collect();
        let got_plain: Vec<(usize, String, &str)> = got.iter().map(|(a, w, k, _)| (*a, w.clone(), *k)).collect();
        if kind == "negative" && !got.is_empty() || kind == "positive" && got_plain != want {
            failures.push(format!("line {}: {text:?}\n  want {want:?}\n  got  {got:?}", n + 1));
            continue;
        }
        // Same group ⇔ same entity.
        let mut group_entity: HashMap<&str, &str> = HashMap::new();
        for ((_, (_, _, group)), (_, _, _, entity)) in expected.iter().zip(&got) {
            if let Some(g) = group {
                if let Some(prev) = group_entity.insert(g, entity) {
                    if prev != entity {
                        failures.push(format!("line {}: group {g} split over {prev} and {entity}", n + 1));
                    }
                }
            }
        }
        let mut entity_group: HashMap<&str, &str> = HashMap::new();
        for (g, e) in &group_entity {
            if let Some(other) = entity_group.insert(e, g) {
                failures.push(format!("line {}: groups {g} and {other} merged into {e}", n + 1));
            }
        }
        for role in cols.get(2).map(|c| c.split(';').collect::<Vec<_>>()).unwrap_or_default() {
            let Some((g, role)) = role.split_once('=') else { continue };
            let entity = group_entity.get(g).and_then(|e| found.get(e));
            if !entity.is_some_and(|e| e.roles.iter().any(|r| r == role)) {
                failures.push(format!("line {}: group {g} lacks role {role:?}: {:?}", n + 1, entity.map(|e| &e.roles)));
            }
        }
    }
    assert!(count > 20, "the table is read");
    assert!(failures.is_empty(), "{} failing examples:\n{}", failures.len(), failures.join("\n"));
}
