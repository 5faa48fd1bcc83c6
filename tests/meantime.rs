//! MEANTIME TIMEX3 scores on the English Wikinews corpus (corpus_airbus, corpus_apple), with
//! floors a little under today's figures so that a regression of the time grammar fails here.
//!
//! Only sentences 0-5 of each article are scored (MEANTIME annotates the title and first
//! sentences completely, later ones sparsely) and the creation time (the dateline) is left out:
//! see `src/eval/meantime.rs`. The corpus is read from `../shared/data/meantime` beside the
//! repository and never copied into it. `cargo test --test meantime -- --nocapture` prints the
//! table; `dateline eval meantime ../shared/data/meantime --errors N` lists the errors behind it.

mod common;

use dateline::eval::meantime::{self, LAST_SCORED_SENTENCE};
use std::path::{Path, PathBuf};

/// (row, [strict F1, relaxed F1, type F1, value F1]): about 2 points under the figures measured
/// when the floor was last set (one timex is worth 0.7 to 1.6 points here). Raise them when the
/// grammar improves.
const FLOORS: [(&str, [f64; 4]); 3] = [
    // measured 82.64 / 90.91 / 87.60 / 82.64
    ("corpus_airbus", [80.6, 88.9, 85.6, 80.6]),
    // measured 88.46 / 93.59 / 87.18 / 80.77
    ("corpus_apple", [86.4, 91.5, 85.1, 78.7]),
    // measured 85.92 / 92.42 / 87.36 / 81.59
    ("overall", [83.9, 90.4, 85.3, 79.5]),
];

fn corpus_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/meantime");
    assert!(
        dir.join("corpus_airbus").is_dir() && dir.join("corpus_apple").is_dir(),
        "the gold corpora must be beside the repository: {} is missing or incomplete (expected \
         ../shared/data/meantime/corpus_airbus and corpus_apple)",
        dir.display()
    );
    dir
}

/// Every `*.xml` under the corpus as (name relative to it, contents), sorted by name.
fn corpus() -> (PathBuf, Vec<(String, String)>) {
    let dir = corpus_dir();
    let paths = common::files_with_extension(&dir, "xml");
    let files = paths
        .iter()
        .map(|path| {
            let name = path
                .strip_prefix(&dir)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (name, text)
        })
        .collect();
    (dir, files)
}

#[test]
fn meantime_timex_scores_stay_above_their_floors() {
    let (dir, files) = corpus();
    let report = meantime::score_corpus(files.iter().map(|(n, t)| (n, t))).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "MEANTIME TIMEX3 scores (percent) for {}\nScored: {}.\n\n{}",
        dir.display(),
        meantime::SCOPE,
        report.table()
    );

    // The gold reader finds every document and every non-empty in-text TIMEX3: 217 TIMEX3, 14 of
    // them empty, 60 creation times (58 marked CREATION_TIME, 2 unmarked datelines).
    let total = report.total();
    assert_eq!((total.documents, total.gold), (60, 143));
    let per: Vec<_> = report.scores.subcorpora().into_iter().map(|(n, c)| (n, c.documents, c.gold)).collect();
    assert_eq!(per, [("corpus_airbus".to_string(), 30, 62), ("corpus_apple".to_string(), 30, 81)]);

    common::assert_floors("MEANTIME", &report.figures(), &FLOORS);
}

/// What the gold holds and what the scope leaves out, read document by document.
#[test]
fn meantime_gold_and_scope() {
    let (_, files) = corpus();
    let (mut creation_times, mut gold_all, mut gold_scored, mut system_all, mut system_late) = (0, 0, 0, 0, 0);
    for (name, xml) in &files {
        let gold = meantime::read_gold(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        // every article has a creation time, on its dateline (sentence 1)
        let dct = gold.dct.as_deref().unwrap_or_else(|| panic!("{name}: no creation time"));
        assert!(dct.len() == 10 && gold.dct_tokens.iter().all(|&i| gold.tokens[i].sentence == 1), "{name}: {dct}");
        creation_times += 1;
        gold_all += gold.timexes.len();
        gold_scored += gold.scored_timexes().len();
        let system = meantime::system_timexes(name, &gold).unwrap_or_else(|e| panic!("{name}: {e}"));
        system_all += system.len();
        system_late += system.iter().filter(|t| t.sentence > LAST_SCORED_SENTENCE).count();
    }
    eprintln!(
        "MEANTIME: {} documents, {creation_times} creation times; gold timexes {gold_all} ({gold_scored} in sentences \
         0-{LAST_SCORED_SENTENCE}); system timexes {system_all} ({system_late} after sentence {LAST_SCORED_SENTENCE}, \
         not scored)",
        files.len()
    );
    assert_eq!((files.len(), creation_times, gold_all, gold_scored), (60, 60, 143, 143));
    // The restriction matters on the system side: much of what it finds lies in the sentences
    // MEANTIME leaves unannotated (55% when this was written).
    assert!(system_late > system_all / 3, "{system_late} of {system_all}");
}
