//! `cargo bench`: the cost of each pipeline stage on real news text (the TempEval-3 TBAQ-cleaned
//! texts with their tags stripped, and the three seed articles), read from `../shared`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::text::{segment, timeml};
use dateline::{analyze, attribution, compare, entity, time, timeline, times, DocumentInput};
use std::path::{Path, PathBuf};

fn corpus() -> Vec<DocumentInput> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let tbaq = shared.join("data/tempeval3/TBAQ-cleaned");
    let mut files: Vec<PathBuf> = ["AQUAINT", "TimeBank"]
        .iter()
        .flat_map(|d| {
            std::fs::read_dir(tbaq.join(d))
                .unwrap_or_else(|e| panic!("benchmark corpus missing at {}: {e}", tbaq.display()))
        })
        .map(|e| e.expect("directory entry").path())
        .collect();
    files.sort();
    let mut docs: Vec<DocumentInput> = files
        .iter()
        .map(|p| {
            let xml = std::fs::read_to_string(p).expect("readable corpus file");
            let t = timeml::parse(&xml).expect("TimeML with a TEXT element");
            DocumentInput { name: p.display().to_string(), text: t.text, dct: t.dct, dct_overrides_text: true }
        })
        .collect();
    for seed in ["000_9e564b1e3b2a1e75.txt", "003_ad26fecc2024d8bc.txt", "004_51a7731db1c5ae50.txt"] {
        let p = shared.join("seeds").join(seed);
        docs.push(DocumentInput::new(
            seed,
            std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("seed missing at {}: {e}", p.display())),
        ));
    }
    docs
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("segment", |b| b.iter(|| docs.iter().map(|d| segment(&d.text).sentences.len()).sum::<usize>()));
    g.bench_function("time::extract", |b| {
        let segmented: Vec<_> = docs.iter().map(|d| segment(&d.text)).collect();
        b.iter(|| segmented.iter().map(|s| time::extract(s).len()).sum::<usize>())
    });
    g.bench_function("time::resolve", |b| {
        let dct = time::Moment::parse("2016-12-19");
        let prepared: Vec<_> = docs.iter().map(|d| (segment(&d.text), time::extract(&segment(&d.text)))).collect();
        b.iter(|| prepared.iter().map(|(s, c)| time::resolve(s, c.clone(), dct.as_ref()).timexes.len()).sum::<usize>())
    });
    // The whole time stage as a caller gets it: segment, extract and resolve, per document.
    g.bench_function("times", |b| {
        b.iter(|| times(&docs).expect("corpus times").documents.iter().map(|d| d.timexes.len()).sum::<usize>())
    });
    g.bench_function("entity::extract", |b| {
        let segmented: Vec<_> = docs.iter().map(|d| segment(&d.text)).collect();
        b.iter(|| segmented.iter().map(|s| entity::extract(s).mentions.len()).sum::<usize>())
    });
    g.bench_function("attribution::extract", |b| {
        let prepared: Vec<_> = docs
            .iter()
            .map(|d| {
                let s = segment(&d.text);
                let e = entity::extract(&s);
                (s, e)
            })
            .collect();
        b.iter(|| prepared.iter().map(|(s, e)| attribution::extract(s, e).certainty.len()).sum::<usize>())
    });
    g.bench_function("timeline::assemble", |b| {
        let analysis = analyze(&docs).expect("corpus analyses");
        b.iter(|| timeline::assemble(&analysis.documents).len())
    });
    g.bench_function("compare::compare", |b| {
        let analysis = analyze(&docs).expect("corpus analyses");
        b.iter(|| compare::compare(&analysis.documents).comparisons.len())
    });
    g.bench_function("compare::compare, ten 5,000-word articles", |b| {
        // The corpus texts run together into ten articles of about 5,000 words each.
        let mut ten: Vec<DocumentInput> = Vec::new();
        let mut words = 0;
        for d in &docs {
            if ten.is_empty() || words >= 5_000 {
                if ten.len() == 10 {
                    break;
                }
                ten.push(DocumentInput { name: format!("a{}", ten.len()), dct: d.dct.clone(), ..Default::default() });
                words = 0;
            }
            let article = ten.last_mut().expect("one article");
            article.text.push_str(&d.text);
            article.text.push_str("\n\n");
            words += d.text.split_whitespace().count();
        }
        let analysis = analyze(&ten).expect("articles analyse");
        b.iter(|| compare::compare(&analysis.documents).comparisons.len())
    });
    g.bench_function("analyze (all stages)", |b| b.iter(|| analyze(&docs).expect("corpus analyses").timeline.len()));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
