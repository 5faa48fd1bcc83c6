//! Event-to-time anchoring accuracy on MEANTIME's TLINKs (`dateline eval anchoring`), with
//! floors a little under today's figures so that a regression of the events stage's anchoring
//! fails here. The corpus is read from `../shared/data/meantime` beside the repository and
//! never copied into it; what is scored is documented in `src/eval/anchoring.rs`.

use std::path::Path;

/// Floors for the overall row: accuracy (correct over found) and anchored recall (correct over
/// gold), in percent; about a point under the figures measured when they were set (one event
/// is worth about 0.4 points of accuracy).
const ACCURACY_FLOOR: f64 = 71.2;
const RECALL_FLOOR: f64 = 48.3;

#[test]
fn meantime_anchoring_holds_its_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/meantime");
    assert!(
        dir.join("corpus_airbus").is_dir() && dir.join("corpus_apple").is_dir(),
        "the MEANTIME corpus is missing at {}: it lives in ../shared/data beside the repository",
        dir.display()
    );
    let mut files = Vec::new();
    for sub in ["corpus_airbus", "corpus_apple"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir.join(sub)).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "xml")) {
            let name = format!("{sub}/{}", p.file_name().unwrap().to_string_lossy());
            files.push((name, std::fs::read_to_string(&p).unwrap()));
        }
    }
    assert_eq!(files.len(), 60, "30 documents per topic");
    let report = dateline::eval::anchoring::score_corpus(files).expect("the corpus reads");
    println!("{}", report.table());
    let (name, overall) = report.rows.last().expect("an overall row");
    assert_eq!(name, "overall");
    // measured 67.87 accuracy (169 of 249 found), 46.30 recall (of 365)
    assert!(overall.gold >= 300, "{overall:?}");
    assert!(overall.accuracy() >= ACCURACY_FLOOR, "anchoring accuracy {:.2} < {ACCURACY_FLOOR}", overall.accuracy());
    assert!(
        overall.anchored_recall() >= RECALL_FLOOR,
        "anchored recall {:.2} < {RECALL_FLOOR}",
        overall.anchored_recall()
    );
}
