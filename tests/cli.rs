//! The command line, end to end: the seed article, TimeML in and out, and every error path.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn shared(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    assert!(p.exists(), "{} is missing: the shared seeds and gold corpora must sit beside the repo", p.display());
    p
}

fn dateline(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dateline binary runs");
    let mut input = child.stdin.take().unwrap();
    // A process that fails before reading its input closes the pipe early: not an error here.
    let _ = input.write_all(stdin.unwrap_or_default());
    drop(input);
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn seed_article_gets_its_dateline_and_dates() {
    let seed = shared("seeds/004_51a7731db1c5ae50.txt");
    let a = json(&dateline(&["analyze", seed.to_str().unwrap()], None));
    assert_eq!(a["schema"], "dateline/1");
    let doc = &a["documents"][0];
    assert_eq!(doc["creation_time"]["source"], "text");
    assert!(doc["creation_time"]["value"].as_str().unwrap().starts_with("2016-12-19"));
    let values: Vec<&str> = doc["timexes"].as_array().unwrap().iter().map(|t| t["value"].as_str().unwrap()).collect();
    for expected in ["1976", "2013-07", "2016-12-19"] {
        assert!(values.contains(&expected), "{expected} missing from {values:?}");
    }
    let december = doc["timexes"].as_array().unwrap().iter().find(|t| t["text"] == "December 19").expect("December 19");
    assert_eq!(december["anchor"], "creation_time");
    assert!(a["warnings"].as_array().unwrap().is_empty(), "{}", a["warnings"]);
}

#[test]
fn several_files_are_several_documents_and_stdin_is_dash() {
    let seeds = ["seeds/000_9e564b1e3b2a1e75.txt", "seeds/003_ad26fecc2024d8bc.txt"].map(shared);
    let out = dateline(
        &["analyze", "--dct", "2016-12-19", seeds[0].to_str().unwrap(), seeds[1].to_str().unwrap(), "-"],
        Some(b"He left on Monday."),
    );
    let a = json(&out);
    let docs = a["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[2]["name"], "stdin");
    assert_eq!(docs[2]["creation_time"]["source"], "given");
    assert_eq!(docs[2]["timexes"][0]["value"], "2016-12-19");
    // "Monday evening" in the second seed resolves against the given date.
    assert!(docs[1]["timexes"].as_array().unwrap().iter().any(|t| t["value"] == "2016-12-19TEV"));
}

#[test]
fn turkish_lines_are_flagged_and_yield_no_english_dates() {
    let seed = shared("seeds/000_9e564b1e3b2a1e75.txt");
    let a = json(&dateline(&["analyze", seed.to_str().unwrap()], None));
    let text = std::fs::read_to_string(&seed).unwrap();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let foreign: Vec<&serde_json::Value> =
        a["warnings"].as_array().unwrap().iter().filter(|w| w["code"] == "not_english").collect();
    assert_eq!(foreign.len(), 1, "{}", a["warnings"]);
    let span = &foreign[0]["span"];
    let (s, e) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
    let stretch = String::from_utf16(&utf16[s..e]).unwrap();
    assert!(stretch.starts_with("Saldırıyı") && stretch.ends_with("mezunu."), "{stretch}");
    for t in a["documents"][0]["timexes"].as_array().unwrap() {
        let start = t["span"][0].as_u64().unwrap() as usize;
        assert!(!(s..e).contains(&start), "timex {} inside the Turkish lines", t["text"]);
    }
    // The English sentence after it still gives its year.
    assert!(a["documents"][0]["timexes"].as_array().unwrap().iter().any(|t| t["value"] == "1994"));
}

#[test]
fn ages_in_two_seeds_imply_the_same_birth_years() {
    let seeds = ["seeds/000_9e564b1e3b2a1e75.txt", "seeds/003_ad26fecc2024d8bc.txt"].map(shared);
    let a = json(&dateline(
        &["analyze", "--dct", "2016-12-19", seeds[0].to_str().unwrap(), seeds[1].to_str().unwrap()],
        None,
    ));
    let born = |doc: usize, text: &str| {
        let ages = a["documents"][doc]["ages"].as_array().unwrap();
        let age = ages.iter().find(|x| x["text"] == text).unwrap_or_else(|| panic!("{text} not found in {ages:?}"));
        (age["born"][0].as_i64().unwrap(), age["born"][1].as_i64().unwrap())
    };
    // "in 1976 aged 22" and "Andrey Karlov, 62," (December 2016): born 1953 or 1954, both.
    assert_eq!(born(0, "aged 22"), (1953, 1954));
    assert_eq!(born(1, "62"), (1953, 1954));
    assert_eq!(born(0, "born in 1994"), (1994, 1994));
}

#[test]
fn no_creation_time_is_a_warning_not_an_error() {
    let a = json(&dateline(&["analyze", "-"], Some(b"He left on Monday.")));
    assert_eq!(a["warnings"][0]["code"], "no_creation_time");
    assert_eq!(a["documents"][0]["timexes"][0]["value"], "XXXX-WXX-1");
}

#[test]
fn timeml_in_timeml_out_keeps_every_character() {
    let gold = shared("data/tempeval3/TBAQ-cleaned/AQUAINT/APW19980807.0261.tml");
    let out = dateline(&["analyze", "--format", "timeml", gold.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = String::from_utf8(out.stdout).unwrap();
    let input = dateline::text::timeml::parse(&std::fs::read_to_string(&gold).unwrap()).unwrap();
    let output = dateline::text::timeml::parse(&written).unwrap();
    assert_eq!(output.text, input.text, "text changed");
    assert_eq!(output.dct.as_deref(), Some("1998-08-07"));
    assert!(written.contains("value=\"1998-08-07\""), "Friday resolves against the DCT");
    assert!(!written.contains("origin=\"USER\""), "gold links are replaced by ours");
    assert!(written.contains("<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\""), "our events are instantiated");
}

#[test]
fn plain_text_to_timeml_takes_the_dct_from_the_dateline() {
    let seed = shared("seeds/004_51a7731db1c5ae50.txt");
    let out = dateline(&["analyze", "--format", "timeml", seed.to_str().unwrap()], None);
    let written = String::from_utf8(out.stdout).unwrap();
    assert!(
        written.contains("<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"2016-12-19T20:43\""),
        "{}",
        &written[..400]
    );
    let text = std::fs::read_to_string(&seed).unwrap();
    assert_eq!(dateline::text::timeml::parse(&written).unwrap().text, text);
}

#[test]
fn the_seeds_timeline_in_every_format() {
    let seeds: Vec<String> = ["000_9e564b1e3b2a1e75.txt", "003_ad26fecc2024d8bc.txt", "004_51a7731db1c5ae50.txt"]
        .iter()
        .map(|f| shared(&format!("seeds/{f}")).to_str().unwrap().to_string())
        .collect();
    let args = |format: &'static str| {
        let mut a = vec!["analyze", "--dct", "2016-12-19", "--format", format];
        a.extend(seeds.iter().map(String::as_str));
        a
    };
    let out = dateline(&args("json"), None);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let timeline = v["timeline"].as_array().unwrap();
    let has = |start: &str, end: &str, words: &[&str]| {
        timeline.iter().any(|e| {
            let label = e["label"].as_str().unwrap().to_lowercase();
            e["start"] == start
                && e["end"] == end
                && !e["events"].as_array().unwrap().is_empty()
                && words.iter().all(|w| label.contains(w))
        })
    };
    assert!(has("1976", "1976", &["entered", "diplomatic service"]), "1976 entered the diplomatic service");
    assert!(has("2001-06", "2006-12", &["ambassador", "north korea"]), "ambassador to North Korea");
    assert!(has("2013-07", "2013-07", &["became ambassador"]), "ambassador in July 2013");
    assert!(has("2016-12-19T18:00", "2016-12-19T21:59", &["shot"]), "the evening shooting");
    assert!(has("2016-12-20", "2016-12-20", &["talks"]), "the talks in Moscow");
    let talks =
        timeline.iter().find(|e| e["start"] == "2016-12-20" && e["label"].as_str().unwrap().contains("talks")).unwrap();
    assert_eq!(talks["group"], "scheduled");
    // Every event entry leads back to its sentence.
    for e in timeline.iter().filter(|e| !e["events"].as_array().unwrap().is_empty()) {
        let r = &e["events"][0];
        let doc = v["documents"].as_array().unwrap().iter().find(|d| d["id"] == r["document"]).unwrap();
        let event = doc["events"].as_array().unwrap().iter().find(|x| x["id"] == r["event"]).unwrap();
        assert_eq!(event["sentence"].as_array().unwrap().len(), 2);
    }

    let csv = String::from_utf8(dateline(&args("csv"), None).stdout).unwrap();
    assert_eq!(csv.lines().count(), timeline.len() + 1);
    let js: serde_json::Value = serde_json::from_slice(&dateline(&args("timelinejs"), None).stdout).unwrap();
    assert_eq!(js["events"].as_array().unwrap().len(), timeline.len());
}

#[test]
fn errors_are_one_line_and_a_failure_exit() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, [0x66, 0x6f, 0xff, 0xfe, 0x00]).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["analyze", "/nonexistent/file.txt"], "cannot read /nonexistent/file.txt"),
        (&["analyze", "--dct", "19/12/2016", "-"], "bad --dct"),
        (&["analyze", "--dct", "2016-02-30", "-"], "bad --dct"),
        (&["analyze", binary.to_str().unwrap()], "not valid UTF-8"),
        (&["analyze", empty.to_str().unwrap()], "is empty"),
        (&["analyze", "--format", "timeml", "-", "-"], "exactly one file"),
    ];
    for (args, expected) in cases {
        let out = dateline(args, Some(b"December 19, 2016"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: one line, got {stderr}");
        assert!(out.stdout.is_empty());
    }
    std::fs::remove_dir_all(dir).ok();
}
