//! Shared by the corpus tests: finding a corpus's files and the floor check on a report's rows.
#![allow(dead_code)] // each test crate uses its own part

use dateline::eval::tempeval::Figures;
use std::path::{Path, PathBuf};

/// Every file under `dir` (recursively) with the extension `ext`, sorted.
pub fn files_with_extension(dir: &Path, ext: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, ext, out);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, ext, &mut out);
    out.sort();
    out
}

/// Fail, naming every shortfall, when a row's strict, relaxed, type or value F1 is under its floor.
pub fn assert_floors(corpus: &str, rows: &[Figures], floors: &[(&str, [f64; 4])]) {
    let mut failures = Vec::new();
    for (name, floors) in floors {
        let row = rows.iter().find(|f| f.name == *name).unwrap_or_else(|| panic!("no {name} row in the report"));
        let measured = [row.strict.f1, row.relaxed.f1, row.type_f1, row.value_f1];
        let metrics = ["strict F1", "relaxed F1", "type F1", "value F1"];
        for ((metric, got), floor) in metrics.iter().zip(measured).zip(floors) {
            if got < *floor {
                failures.push(format!("{name} {metric} {got:.2} < floor {floor:.2}"));
            }
        }
    }
    assert!(failures.is_empty(), "{corpus} regression:\n{}", failures.join("\n"));
}
