//! Examples for the story entity rules (`entities.rs`), positive and negative: each row is a
//! few short articles analysed together, then two names that must be one story entity (joined by
//! the rule named) or must stay two.

use crate::{analyze, Analysis, DocumentInput};

/// (rule expected, or `apart`; the articles; (article, name), (article, name)).
type Row<'a> = (&'a str, &'a [&'a str], (usize, &'a str), (usize, &'a str));

const ROWS: &[Row] = &[
    // Positive.
    (
        "same_name",
        &["Andrei Karlov spoke in Ankara.", "Andrey Karlov died on Monday."],
        (0, "Andrei Karlov"),
        (1, "Andrey Karlov"),
    ),
    (
        "same_name",
        &["Mevlut Mert Altintas fired.", "Mevlüt Mert Altıntaş was 22."],
        (0, "Mevlut Mert Altintas"),
        (1, "Mevlüt Mert Altıntaş"),
    ),
    (
        "surname",
        &["Turkish Foreign Minister Mevlüt Çavuşoğlu heads to Moscow.", "Talks went on, Çavuşoğlu said."],
        (0, "Mevlüt Çavuşoğlu"),
        (1, "Çavuşoğlu"),
    ),
    (
        "legal_suffix",
        &["Shares of Apple Inc. rose.", "Analysts said Apple would grow."],
        (0, "Apple Inc"),
        (1, "Apple"),
    ),
    (
        "name_start",
        &["Lockheed Martin won the contract. A spokesman for Lockheed was pleased."],
        (0, "Lockheed Martin"),
        (0, "Lockheed"),
    ),
    (
        "acronym",
        &["The Government Accountability Office upheld the protest.", "The GAO said the rules were broken."],
        (0, "Government Accountability Office"),
        (1, "GAO"),
    ),
    (
        "acronym",
        &["The European Union met in Brussels.", "Officials of the EU agreed."],
        (0, "European Union"),
        (1, "EU"),
    ),
    (
        "acronym_defined",
        &["Singapore Airlines (SIA) took the first jet. SIA said it was pleased."],
        (0, "Singapore Airlines"),
        (0, "SIA"),
    ),
    (
        "role",
        &["The gunman fired eight shots.", "The gunman, whom the media identified as Mevlüt Mert Altıntaş, shouted."],
        (0, "the gunman"),
        (1, "Mevlüt Mert Altıntaş"),
    ),
    ("same_role", &["The gunman fired eight shots.", "The attacker shouted."], (0, "the gunman"), (1, "the attacker")),
    // Negative.
    (
        "apart",
        &["Maria Zakharova spoke on Monday.", "Maria Sharapova played on Monday."],
        (0, "Maria Zakharova"),
        (1, "Maria Sharapova"),
    ),
    ("apart", &["John Smith and Anna Smith arrived.", "No comment, Smith said."], (0, "John Smith"), (1, "Smith")),
    ("apart", &["John Smith and Anna Smith arrived.", "No comment, Smith said."], (0, "Anna Smith"), (1, "Smith")),
    (
        "apart",
        &["Apple Computer and Apple Corps settled. Apple said it was glad."],
        (0, "Apple Computer"),
        (0, "Apple Corps"),
    ),
    ("apart", &["Apple Computer and Apple Corps settled. Apple said it was glad."], (0, "Apple"), (0, "Apple Corps")),
    (
        "apart",
        &["The United States Air Force bought tankers.", "US officials agreed."],
        (0, "United States Air Force"),
        (1, "US"),
    ),
    ("apart", &["Boeing said the Boeing 787 Dreamliner flew."], (0, "Boeing"), (0, "Boeing 787")),
    (
        "apart",
        &[
            "The gunman, whom police identified as John Smith, fired.",
            "The gunman, whom police identified as Peter Jones, fired.",
            "The gunman fled.",
        ],
        (2, "the gunman"),
        (0, "John Smith"),
    ),
    (
        "apart",
        &[
            "The gunman, whom police identified as John Smith, fired.",
            "The gunman, whom police identified as Peter Jones, fired.",
            "The gunman fled.",
        ],
        (2, "the gunman"),
        (1, "Peter Jones"),
    ),
    (
        "apart",
        &["Russia's ambassador Andrei Karlov died.", "Russia condemned it."],
        (0, "Andrei Karlov"),
        (1, "Russia"),
    ),
];

/// The story entity (index) and the member's rule holding the entity named `name` in article `d`.
fn find(analysis: &Analysis, (d, name): (usize, &str)) -> Option<(usize, &'static str)> {
    let doc = &analysis.documents[d];
    let e = doc.entities.iter().find(|e| e.name == name || e.aliases.iter().any(|a| a == name))?;
    analysis.story.entities.iter().enumerate().find_map(|(x, s)| {
        let k = s.members.iter().position(|m| m.document == doc.id && m.entity == e.id)?;
        Some((x, s.rules[k]))
    })
}

#[test]
fn story_entity_examples() {
    let mut failures = Vec::new();
    for (n, &(rule, articles, a, b)) in ROWS.iter().enumerate() {
        let inputs: Vec<DocumentInput> =
            articles.iter().enumerate().map(|(i, t)| DocumentInput::new(format!("a{i}"), *t)).collect();
        let analysis = analyze(&inputs).expect("analyses");
        let (Some((xa, ra)), Some((xb, rb))) = (find(&analysis, a), find(&analysis, b)) else {
            failures.push(format!("row {n}: {a:?} or {b:?} not found as an entity"));
            continue;
        };
        let ok = if rule == "apart" { xa != xb } else { xa == xb && (ra == rule || rb == rule) };
        if !ok {
            failures.push(format!("row {n}: want {rule} for {a:?} / {b:?}, got {xa}:{ra} / {xb}:{rb}"));
        }
    }
    assert!(failures.is_empty(), "{} failing rows:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_rule_has_an_example() {
    for rule in
        ["same_name", "legal_suffix", "surname", "name_start", "acronym_defined", "acronym", "same_role", "role"]
    {
        assert!(ROWS.iter().any(|r| r.0 == rule), "no example for {rule}");
    }
    assert!(ROWS.iter().filter(|r| r.0 == "apart").count() >= 5, "negative examples");
}
