//! Runs the example table `examples.tsv` against the attribution stage.

use super::extract;
use crate::entity;
use crate::text::segment;

const EXAMPLES: &str = include_str!("examples.tsv");

#[test]
fn attribution_examples() {
    let mut failures = Vec::new();
    let mut kinds = std::collections::HashSet::new();
    for (n, line) in EXAMPLES.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (what, text, expected) = (cols[0], cols[1].replace("\\n", "\n"), cols[2].replace("\\n", "\n"));
        kinds.insert(what);
        let doc = segment(&text);
        let found = extract(&doc, &entity::extract(&doc));
        let got: Vec<String> = match what {
            "quote" => found
                .quotes
                .iter()
                .map(|q| format!("{}|{}|{}", q.text, q.speaker_text.as_deref().unwrap_or("-"), q.rule))
                .collect(),
            "source" => found
                .sources
                .iter()
                .map(|s| format!("{}|{}|{}", s.name, s.cue, &text[s.content_bytes.clone()]))
                .collect(),
            "certainty" => found
                .certainty
                .iter()
                .map(|c| {
                    let value = serde_json::to_value(c.value).expect("serializes");
                    format!("{}|{}|{}", value.as_str().unwrap_or(""), c.rule, c.cues.join(","))
                })
                .collect(),
            other => panic!("line {}: unknown kind {other}", n + 1),
        };
        let want: Vec<String> =
            if expected == "-" { Vec::new() } else { expected.split(" ;; ").map(str::to_string).collect() };
        if got != want {
            failures.push(format!("line {}: {text:?}\n  want {want:?}\n  got  {got:?}", n + 1));
        }
    }
    assert_eq!(kinds.len(), 3, "quote, source and certainty examples");
    assert!(failures.is_empty(), "{} failing examples:\n{}", failures.len(), failures.join("\n"));
}
