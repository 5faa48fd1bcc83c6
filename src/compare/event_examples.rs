//! Examples for the story event rules (`events.rs`), positive and negative: each row is a few
//! short articles analysed together (creation date 2016-12-19), then two triggers that must be
//! one story event (joined by the rule named) or must stay apart.

use crate::{analyze, Analysis, DocumentInput};

/// (rule expected, or `apart`; the articles; (article, trigger), (article, trigger)).
type Row<'a> = (&'a str, &'a [&'a str], (usize, &'a str), (usize, &'a str));

const ROWS: &[Row] = &[
    // Positive.
    (
        "same_class_and_time",
        &["Andrei Karlov was shot on Monday evening.", "The assassination on December 19 shocked Moscow."],
        (0, "shot"),
        (1, "assassination"),
    ),
    (
        "class_and_participants",
        &["Andrei Karlov was shot at 7 pm on Monday.", "Andrey Karlov was shot at 3 pm on Monday."],
        (0, "shot"),
        (1, "shot"),
    ),
    ("same_word", &["Boeing wins tanker deal\n\nBoeing won the contract today."], (0, "wins"), (0, "won")),
    (
        "same_word",
        &["Airbus delivered the first jet today. The deliveries went on today."],
        (0, "delivered"),
        (0, "deliveries"),
    ),
    (
        "same_word_and_participants",
        &[
            "Airbus delivered the first A380 to Singapore Airlines today.",
            "Singapore Airlines said Airbus delivered the jet today.",
        ],
        (0, "delivered"),
        (1, "delivered"),
    ),
    // Negative.
    ("apart", &["Karlov said it was late. Johnson said it was wrong."], (0, "said"), (0, "said")),
    (
        "apart",
        &["Boeing did not deliver a jet today, but Airbus delivered one today."],
        (0, "deliver"),
        (0, "delivered"),
    ),
    (
        "apart",
        &["Boeing did not deliver the jet on Monday. Boeing delivered the jet on Tuesday."],
        (0, "deliver"),
        (0, "delivered"),
    ),
    (
        "apart",
        &["Andrei Karlov was shot on December 19, 2016.", "Andrei Karlov was shot on December 25, 2016."],
        (0, "shot"),
        (1, "shot"),
    ),
    ("apart", &["Boeing delivered a jet today.", "Airbus delivered a jet today."], (0, "delivered"), (1, "delivered")),
    ("apart", &["He served as ambassador in 2001. He served as director in 1992."], (0, "served"), (0, "served")),
];

/// The story event (index) and member rule of the `k`-th event with this trigger in article `d`
/// (the first when `which` is 0, else the last).
fn find(analysis: &Analysis, (d, trigger): (usize, &str), last: bool) -> Option<(usize, &'static str)> {
    let doc = &analysis.documents[d];
    let mut matching = doc.events.iter().filter(|e| e.trigger == trigger);
    let v = if last { matching.next_back()? } else { matching.next()? };
    Some(
        analysis
            .story
            .events
            .iter()
            .enumerate()
            .find_map(|(y, s)| {
                let k = s.members.iter().position(|m| m.document == doc.id && m.event == v.id)?;
                Some((y, s.rules[k]))
            })
            .unwrap_or((usize::MAX - d * 1000 - doc.events.iter().position(|e| e.id == v.id).unwrap_or(0), "alone")),
    )
}

#[test]
fn story_event_examples() {
    let mut failures = Vec::new();
    for (n, &(rule, articles, a, b)) in ROWS.iter().enumerate() {
        let inputs: Vec<DocumentInput> = articles
            .iter()
            .enumerate()
            .map(|(i, t)| DocumentInput { dct: Some("2016-12-19".into()), ..DocumentInput::new(format!("a{i}"), *t) })
            .collect();
        let analysis = analyze(&inputs).expect("analyses");
        // The same trigger twice in one article: the first and the last.
        let (Some((ya, ra)), Some((yb, rb))) = (find(&analysis, a, false), find(&analysis, b, a == b)) else {
            failures.push(format!("row {n}: {a:?} or {b:?} not found as an event"));
            continue;
        };
        let ok = if rule == "apart" { ya != yb } else { ya == yb && (ra == rule || rb == rule) };
        if !ok {
            failures.push(format!("row {n}: want {rule} for {a:?} / {b:?}, got {ya}:{ra} / {yb}:{rb}"));
        }
    }
    assert!(failures.is_empty(), "{} failing rows:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_rule_has_an_example() {
    for rule in ["same_class_and_time", "same_word", "class_and_participants", "same_word_and_participants"] {
        assert!(ROWS.iter().any(|r| r.0 == rule), "no example for {rule}");
    }
    assert!(ROWS.iter().filter(|r| r.0 == "apart").count() >= 4, "negative examples");
}
