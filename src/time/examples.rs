//! Runs the example table `examples.tsv` against the grammar and resolution.

use super::{extract, resolve, Moment};
use crate::text::segment;

const EXAMPLES: &str = include_str!("examples.tsv");

struct Example<'a> {
    line: usize,
    kind: &'a str,
    dct: Option<Moment>,
    text: String,
    /// Every bracketed expression with its type, value and rule (`;`-separated in the columns).
    expected: Vec<(String, &'a str, &'a str, &'a str)>,
}

fn examples() -> Vec<Example<'static>> {
    EXAMPLES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            let marked = cols[2];
            let text = marked.replace(['[', ']'], "");
            let mut expected = Vec::new();
            let (mut kinds, mut values, mut rules) = (
                cols.get(3).unwrap_or(&"").split(';'),
                cols.get(4).unwrap_or(&"").split(';'),
                cols.get(5).unwrap_or(&"").split(';'),
            );
            let mut rest = marked;
            while let Some(open) = rest.find('[') {
                let close = rest.find(']').expect("closing bracket");
                let row = (kinds.next(), values.next(), rules.next());
                let (Some(kind), Some(value), Some(rule)) = row else { panic!("line {}: a column per bracket", i + 1) };
                expected.push((rest[open + 1..close].to_string(), kind.trim(), value.trim(), rule.trim()));
                rest = &rest[close + 1..];
            }
            Example {
                line: i + 1,
                kind: cols[0],
                dct: (cols[1] != "-").then(|| Moment::parse(cols[1]).expect("example creation time")),
                text,
                expected,
            }
        })
        .collect()
}

#[test]
fn every_example_holds() {
    let mut failures = Vec::new();
    for ex in examples() {
        let doc = segment(&ex.text);
        let resolved = resolve(&doc, extract(&doc), ex.dct.as_ref());
        let got: Vec<_> = resolved
            .timexes
            .iter()
            .map(|t| (t.text.clone(), t.kind.as_str(), t.value.as_str(), t.rule.as_str()))
            .collect();
        let expected: Vec<_> = ex.expected.iter().map(|(t, k, v, r)| (t.clone(), *k, *v, *r)).collect();
        let ok = match ex.kind {
            "positive" | "latent" => !expected.is_empty() && got == expected,
            "negative" => expected.is_empty() && got.is_empty(),
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "line {} ({}): {:?}\n   expected {:?}\n   got      {:?}",
                ex.line, ex.kind, ex.text, ex.expected, got
            ));
        }
    }
    assert!(failures.is_empty(), "{} example(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_example_holds_its_rules_anchor() {
    for ex in examples() {
        for (text, _, _, rules) in &ex.expected {
            for rule in rules.split('+') {
                // A merged expression needs each part's anchor somewhere in the whole; a latent
                // one ("April 24 and [25]") may have it in its context, which the rule reads too.
                assert!(
                    super::grammar::anchored(rule, text, &ex.text)
                        || super::grammar::anchored(rule, &ex.text, &ex.text),
                    "line {}: {text:?} has no anchor word for {rule}",
                    ex.line
                );
            }
        }
    }
}

#[test]
fn every_rule_has_an_example() {
    let missing = super::grammar::rules_without_examples(EXAMPLES);
    assert!(missing.is_empty(), "rules without a positive example: {missing:?}");
}

#[test]
fn impossible_dates_are_flagged_not_normalized() {
    let doc = segment("It was signed on February 30, 2016 and on April 31.");
    let r = resolve(&doc, extract(&doc), None);
    assert!(r.timexes.is_empty(), "{:?}", r.timexes);
    assert_eq!(r.problems.len(), 2);
    assert!(r.problems.iter().all(|p| p.code == "impossible_date"));
}

#[test]
fn weekday_that_contradicts_the_date_is_flagged() {
    let doc = segment("Tuesday, December 19 2016");
    let r = resolve(&doc, extract(&doc), None);
    assert_eq!(r.timexes[0].value, "2016-12-19");
    assert_eq!(r.problems[0].code, "weekday_mismatch");
}
