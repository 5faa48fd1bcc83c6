//! PolNeAR attribution scores on the dev split, with floors a little under today's figures so
//! that a regression of the quote or attribution finder fails here. See `src/eval/polnear.rs`
//! for what is scored; the corpus is read from `../shared/data/polnear/data/dev` beside the
//! repository and never copied into it. `cargo test --test polnear -- --nocapture` prints the
//! table; `dateline eval polnear ../shared/data/polnear/data/dev` reproduces it.

use dateline::eval::polnear;
use std::path::Path;

#[test]
fn attributions_stay_above_their_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/polnear/data/dev");
    assert!(
        dir.join("text").is_dir() && dir.join("attributions").is_dir(),
        "the gold corpus must be beside the repository: {} is missing or incomplete",
        dir.display()
    );
    let read = |sub: &str, ext: &str| -> Vec<(String, String)> {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(sub))
            .unwrap_or_else(|e| panic!("cannot read {sub}: {e}"))
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| {
                let name = p.file_stem().expect("file name").to_string_lossy().to_string();
                (name, std::fs::read_to_string(p).expect("readable corpus file"))
            })
            .collect()
    };
    let texts = read("text", "txt");
    let anns = read("attributions", "ann");
    let triples: Vec<(&str, &str, &str)> = texts
        .iter()
        .map(|(name, text)| {
            let (_, ann) = anns
                .iter()
                .find(|(a, _)| a.rsplit_once('_').is_some_and(|(stem, _)| stem == name))
                .unwrap_or_else(|| panic!("no annotation for {name}"));
            (name.as_str(), text.as_str(), ann.as_str())
        })
        .collect();
    let report = polnear::score_corpus(triples).expect("every document scores");
    println!("{}", report.table());
    assert_eq!(report.documents, 84, "the whole dev split");
    let t = report.total;
    let checks = [
        // (what, measured, floor)
        ("direct quotes content F1 (the target: 97)", t.direct.content().f1, 97.0),
        ("direct quotes content F1 over the naive line", t.direct.content().f1 - t.naive.content().f1, 1.0),
        ("direct quotes speaker accuracy (the target: 85)", t.direct.speaker_accuracy(), 85.5),
        ("all attributions content F1", t.all.content().f1, 67.5),
        ("all attributions speaker accuracy (the target: 75)", t.all.speaker_accuracy(), 80.5),
    ];
    let failures: Vec<String> = checks
        .iter()
        .filter(|(_, got, floor)| got < floor)
        .map(|(what, got, floor)| format!("{what} {got:.2} < floor {floor:.2}"))
        .collect();
    assert!(failures.is_empty(), "attribution regression:\n{}", failures.join("\n"));
}
