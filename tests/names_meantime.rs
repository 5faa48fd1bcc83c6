//! MEANTIME named mentions (people, organizations, places) on the English Wikinews corpus, with
//! floors a little under today's figures so that a regression of the entity stage fails here.
//! See `src/eval/names.rs` for what is scored; the corpus is read from `../shared/data/meantime`
//! beside the repository and never copied into it. `cargo test --test names_meantime --
//! --nocapture` prints the table; `dateline eval meantime ../shared/data/meantime --errors N`
//! lists the errors behind it.

mod common;

use dateline::eval::names;
use std::path::Path;

/// (metric, floor F1): about 1.5 points under the figures measured when the floors were set.
const FLOORS: [(&str, f64); 4] = [
    // measured 69.11
    ("exact", 67.1),
    // measured 66.95
    ("exact typed", 64.7),
    // measured 85.96
    ("overlap", 83.9),
    // measured 81.86
    ("overlap typed", 80.3),
];

#[test]
fn named_mentions_stay_above_their_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/meantime");
    assert!(
        dir.join("corpus_airbus").is_dir() && dir.join("corpus_apple").is_dir(),
        "the gold corpora must be beside the repository: {} is missing or incomplete",
        dir.display()
    );
    let files = common::files_with_extension(&dir, "xml");
    let docs: Vec<(String, String)> = files
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).expect("readable corpus file")))
        .collect();
    let report = names::score_corpus(docs).expect("every document scores");
    println!("{}", report.table());
    let total = report.total();
    assert_eq!(total.documents, 60, "both topics, 30 documents each");
    assert!(total.gold > 400, "gold named mentions read: {}", total.gold);
    let figures = total.figures();
    let mut failures = Vec::new();
    for (metric, floor) in FLOORS {
        let (_, prf) = figures.iter().find(|(m, _)| *m == metric).expect("metric reported");
        if prf.f1 < floor {
            failures.push(format!("{metric} F1 {:.2} < floor {floor:.2}", prf.f1));
        }
    }
    assert!(failures.is_empty(), "named-mention regression:\n{}", failures.join("\n"));
}
