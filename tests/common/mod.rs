//! Shared by the corpus tests: the floor check on a report's rows.

use dateline::eval::tempeval::Figures;

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
