//! The native command line: `dateline analyze` (JSON or TimeML out) and `dateline eval`.
//! All I/O lives here; the analysis itself is the library's.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, Subcommand, ValueEnum};
    use dateline::eval::{anchoring, crossdoc, meantime, names, polnear, tempeval, timeline};
    use dateline::text::timeml::{self, TimemlDocument};
    use dateline::{analyze, export, DocumentInput};
    use std::io::Read;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    /// dateline: time expressions, creation times and the timeline of news articles.
    #[derive(Parser)]
    #[command(name = "dateline", version, about)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Analyse one or more articles of one story (`-` reads standard input).
        Analyze {
            /// Creation time for documents whose text carries no dateline (YYYY-MM-DD or YYYY-MM-DDThh:mm).
            #[arg(long)]
            dct: Option<String>,
            /// Output format.
            #[arg(long, value_enum, default_value_t = Format::Json)]
            format: Format,
            /// Plain-text or TimeML files; `-` for standard input.
            #[arg(required = true)]
            files: Vec<String>,
        },
        /// Score dateline against a gold-annotated corpus.
        Eval {
            #[command(subcommand)]
            corpus: EvalCorpus,
        },
    }

    #[derive(Subcommand)]
    enum EvalCorpus {
        /// TempEval-3 TIMEX3 scores over every `*.tml` under DIR (e.g. TBAQ-cleaned), per
        /// sub-corpus (DIR's first directory level) and overall.
        Tempeval3 {
            /// The corpus directory.
            dir: PathBuf,
            /// Also list the first N errors of each kind (missed, spurious, extent, type, value).
            #[arg(long, value_name = "N")]
            errors: Option<usize>,
            /// Print the figures as JSON.
            #[arg(long)]
            json: bool,
        },
        /// MEANTIME TIMEX3 scores over every `*.xml` (NewsReader CAT XML) under DIR, per
        /// sub-corpus (DIR's first directory level, e.g. corpus_airbus) and overall; sentences
        /// 0-5 only, the creation time left out.
        Meantime {
            /// The corpus directory (e.g. ../shared/data/meantime).
            dir: PathBuf,
            /// Also list the first N errors of each kind (missed, spurious, extent, type, value).
            #[arg(long, value_name = "N")]
            errors: Option<usize>,
            /// Print the figures as JSON.
            #[arg(long)]
            json: bool,
            /// Write the text rebuilt from each document's tokens to OUT/NAME.txt (for running
            /// another system on exactly the scored texts), and score nothing.
            #[arg(long, value_name = "OUT")]
            dump_texts: Option<PathBuf>,
            /// Also score another system's named mentions under the same metric: a JSON object
            /// {"NAME": [[start_byte, end_byte, "PER"|"ORG"|"LOC"], …]} over the rebuilt texts.
            #[arg(long, value_name = "FILE")]
            names_from: Option<PathBuf>,
        },
        /// PolNeAR attribution scores: DIR holds `text/*.txt` and `attributions/*.ann` (e.g.
        /// ../shared/data/polnear/data/dev); direct quotes and all attributions reported apart.
        Polnear {
            /// The split directory.
            dir: PathBuf,
            /// Also list the first N matched direct quotes whose speaker is wrong.
            #[arg(long, value_name = "N")]
            misses: Option<usize>,
        },
        /// Event-to-time anchoring accuracy on MEANTIME's TLINKs (every `*.xml` under DIR,
        /// sentences 0-5), per sub-corpus and overall.
        Anchoring {
            /// The corpus directory (e.g. ../shared/data/meantime).
            dir: PathBuf,
            /// Also list the first N events of each kind of mistake (not found, wrong anchor).
            #[arg(long, value_name = "N")]
            errors: Option<usize>,
            /// Print the figures as JSON.
            #[arg(long)]
            json: bool,
        },
        /// Cross-document entity and event coreference (B³) on MEANTIME: each directory of
        /// `*.xml` CAT documents under DIR (e.g. corpus_airbus) is one topic, analysed as one
        /// multi-document analysis; sentences 0-5 only.
        Crossdoc {
            /// The corpus directory (e.g. ../shared/data/meantime), or one topic directory.
            dir: PathBuf,
            /// Also list the first N grouping mistakes per layer (joined and split clusters).
            #[arg(long, value_name = "N")]
            errors: Option<usize>,
            /// Print the figures as JSON.
            #[arg(long)]
            json: bool,
        },
        /// SemEval-2015 Task 4 timeline scores (event and dated-event P/R/F1) over every set of
        /// gold timelines under DIR: a directory of timeline files, with the track A CAT
        /// documents in a sibling directory (directories named like track B are skipped).
        Timeline {
            /// The corpus directory (e.g. ../shared/data/semeval2015-timeline).
            dir: PathBuf,
            /// Also list the first N mistakes of each kind (no event, not on the timeline, spurious, wrong date).
            #[arg(long, value_name = "N")]
            errors: Option<usize>,
            /// Print the figures as JSON.
            #[arg(long)]
            json: bool,
        },
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        /// One `dateline/1` JSON object for all files.
        Json,
        /// TimeML with inline TIMEX3 and EVENT tags and TLINKs (one file).
        Timeml,
        /// The timeline as TimelineJS3 JSON.
        Timelinejs,
        /// The timeline as CSV.
        Csv,
    }

    /// Run the command line; errors are one line on stderr and a non-zero exit.
    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        match run(cli) {
            Ok(out) => {
                print!("{out}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("dateline: error: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn run(cli: Cli) -> Result<String, String> {
        match cli.command {
            Command::Analyze { dct, format, files } => analyze_files(dct, format, &files),
            Command::Eval { corpus: EvalCorpus::Tempeval3 { dir, errors, json } } => eval_tempeval3(&dir, errors, json),
            Command::Eval { corpus: EvalCorpus::Timeline { dir, errors, json } } => eval_timeline(&dir, errors, json),
            Command::Eval { corpus: EvalCorpus::Anchoring { dir, errors, json } } => eval_anchoring(&dir, errors, json),
            Command::Eval { corpus: EvalCorpus::Crossdoc { dir, errors, json } } => eval_crossdoc(&dir, errors, json),
            Command::Eval { corpus: EvalCorpus::Meantime { dir, dump_texts: Some(out), .. } } => {
                dump_meantime(&dir, &out)
            }
            Command::Eval { corpus: EvalCorpus::Meantime { dir, errors, json, names_from, .. } } => {
                let mut out = eval_meantime(&dir, errors, json)?;
                if let Some(file) = names_from {
                    out.push_str(&eval_other_names(&dir, &file)?);
                }
                Ok(out)
            }
            Command::Eval { corpus: EvalCorpus::Polnear { dir, misses } } => eval_polnear(&dir, misses),
        }
    }

    /// Every `*.EXTENSION` file under `dir`, sorted, as (name relative to `dir`, contents).
    fn read_corpus(dir: &Path, extension: &str) -> Result<Vec<(String, String)>, String> {
        let mut paths = Vec::new();
        find_files(dir, extension, &mut paths)?;
        if paths.is_empty() {
            return Err(format!("no *.{extension} files under {}", dir.display()));
        }
        paths.sort();
        paths
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                Ok((relative_name(dir, path), text))
            })
            .collect()
    }

    fn eval_tempeval3(dir: &Path, errors: Option<usize>, json: bool) -> Result<String, String> {
        let files = read_corpus(dir, "tml")?;
        let report = tempeval::score_corpus(files).map_err(|e| e.to_string())?;
        if json {
            return Ok(report.json(errors) + "\n");
        }
        let mut out = format!("TempEval-3 TIMEX3 scores (percent) for {}\n\n{}", dir.display(), report.table());
        if let Some(n) = errors {
            out.push_str(&report.error_listing(n));
        }
        Ok(out)
    }

    fn eval_meantime(dir: &Path, errors: Option<usize>, json: bool) -> Result<String, String> {
        let files = read_corpus(dir, "xml")?;
        let report = meantime::score_corpus(files).map_err(|e| e.to_string())?;
        if json {
            return Ok(report.json(errors) + "\n");
        }
        let mut out = format!(
            "MEANTIME TIMEX3 scores (percent) for {}\nScored: {}.\n\n{}",
            dir.display(),
            meantime::SCOPE,
            report.table()
        );
        if let Some(n) = errors {
            out.push_str(&report.error_listing(n));
        }
        let names = names::score_corpus(read_corpus(dir, "xml")?).map_err(|e| e.to_string())?;
        out.push_str(&format!(
            "\nMEANTIME named mentions (ENTITY_MENTION NAM of PER/ORG/LOC), sentences 0-5, percent\n\n{}",
            names.table()
        ));
        if let Some(n) = errors {
            out.push_str(&names.error_listing(n));
        }
        Ok(out)
    }

    fn eval_anchoring(dir: &Path, errors: Option<usize>, json: bool) -> Result<String, String> {
        let files = read_corpus(dir, "xml")?;
        let report = anchoring::score_corpus(files).map_err(|e| e.to_string())?;
        if json {
            return Ok(serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n");
        }
        Ok(format!(
            "MEANTIME event-to-time anchoring for {}\nScored: events of sentences 0-5 that a TLINK ties to a time expression or to the creation time.\n\n{}{}",
            dir.display(),
            report.table(),
            errors.map(|n| report.error_listing(n)).unwrap_or_default()
        ))
    }

    fn eval_crossdoc(dir: &Path, errors: Option<usize>, json: bool) -> Result<String, String> {
        let mut paths = Vec::new();
        find_files(dir, "xml", &mut paths)?;
        if paths.is_empty() {
            return Err(format!("no *.xml files under {}", dir.display()));
        }
        paths.sort();
        // One topic per directory holding documents.
        let mut topics: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for path in paths {
            let parent = path.parent().unwrap_or(dir);
            let topic = match relative_name(dir, parent) {
                t if t.is_empty() => dir.file_name().map_or_else(|| ".".into(), |n| n.to_string_lossy().into_owned()),
                t => t,
            };
            let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let name = relative_name(dir, &path);
            match topics.iter_mut().find(|(t, _)| *t == topic) {
                Some((_, files)) => files.push((name, text)),
                None => topics.push((topic, vec![(name, text)])),
            }
        }
        let report = crossdoc::score_topics(&topics).map_err(|e| e.to_string())?;
        if json {
            return Ok(serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n");
        }
        let mut out = format!(
            "MEANTIME cross-document coreference (B³, percent) for {}\nScored: sentences 0-5; entities: named mentions (NAM) of PER/ORG/LOC; events: every event mention; each topic analysed as one multi-document analysis.\n\n{}",
            dir.display(),
            report.table()
        );
        if let Some(n) = errors {
            out.push_str(&report.error_listing(n));
        }
        Ok(out)
    }

    fn eval_timeline(dir: &Path, errors: Option<usize>, json: bool) -> Result<String, String> {
        let mut report = timeline::Report::default();
        let mut sets = Vec::new();
        find_timeline_sets(dir, &mut sets)?;
        if sets.is_empty() {
            return Err(format!("no gold timelines under {}", dir.display()));
        }
        for (name, timelines, documents) in sets {
            // The set's directory, relative to the corpus.
            let name = Path::new(&name).strip_prefix(dir).map_or(name.clone(), |p| p.display().to_string());
            let mut set = timeline::Report::default();
            timeline::score_set(&timelines, &documents, &mut set).map_err(|e| e.to_string())?;
            report.add(&name, set);
        }
        if json {
            return Ok(serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n");
        }
        let mut out = format!(
            "SemEval-2015 Task 4 timelines (percent) for {}\nScored: events by document, sentence and word; dated events with their date too.\n\n{}",
            dir.display(),
            report.table()
        );
        if let Some(n) = errors {
            out.push_str(&report.error_listing(n));
        }
        Ok(out)
    }

    /// A directory of gold timelines (its name relative to the corpus), the timelines, and the
    /// CAT documents they are read against.
    type TimelineSet = (String, Vec<timeline::GoldTimeline>, Vec<(String, String)>);

    /// Every directory under `dir` holding gold timeline files, with the CAT documents of its
    /// sibling directories (those not named like track B, the annotated copies).
    fn find_timeline_sets(dir: &Path, out: &mut Vec<TimelineSet>) -> Result<(), String> {
        let mut subdirs = Vec::new();
        let mut timelines = Vec::new();
        let listed = target_list(dir)?;
        let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?.path();
            if path.is_dir() {
                subdirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                let text =
                    std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                let stem = path.file_stem().map_or(String::new(), |s| s.to_string_lossy().into_owned());
                timelines.extend(timeline::read_timeline(&text).map(|t| t.named_as_listed(&stem, &listed)));
            }
        }
        subdirs.sort();
        if !timelines.is_empty() {
            let parent = dir.parent().ok_or_else(|| format!("{} has no parent directory", dir.display()))?;
            let mut documents = Vec::new();
            let mut siblings: Vec<PathBuf> = std::fs::read_dir(parent)
                .map_err(|e| format!("cannot read {}: {e}", parent.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir() && p != dir && !p.to_string_lossy().to_lowercase().contains("trackb"))
                .collect();
            siblings.sort();
            for sibling in siblings {
                let mut files: Vec<PathBuf> = std::fs::read_dir(&sibling)
                    .map_err(|e| format!("cannot read {}: {e}", sibling.display()))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|e| e == "xml"))
                    .collect();
                files.sort();
                for f in files {
                    let text = std::fs::read_to_string(&f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
                    documents.push((relative_name(parent, &f), text));
                }
            }
            if documents.is_empty() {
                return Err(format!("timelines in {} but no CAT documents beside them", dir.display()));
            }
            out.push((dir.display().to_string(), timelines, documents));
        }
        for sub in subdirs {
            find_timeline_sets(&sub, out)?;
        }
        Ok(())
    }

    /// The task's list of target entities beside a directory of gold timelines
    /// (`list_target_entities_*.txt` in its parent), empty when there is none.
    fn target_list(dir: &Path) -> Result<Vec<String>, String> {
        let Some(parent) = dir.parent() else { return Ok(Vec::new()) };
        let Ok(entries) = std::fs::read_dir(parent) else { return Ok(Vec::new()) };
        let mut listed = Vec::new();
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let name = path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
            if name.starts_with("list_target_entities") && name.ends_with(".txt") {
                let text =
                    std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                listed.extend(timeline::read_target_list(&text));
            }
        }
        Ok(listed)
    }

    fn dump_meantime(dir: &Path, out: &Path) -> Result<String, String> {
        let files = read_corpus(dir, "xml")?;
        let mut n = 0;
        for (name, xml) in &files {
            let gold = meantime::read_gold(xml).map_err(|e| format!("{name}: {e}"))?;
            let path = out.join(format!("{name}.txt"));
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            std::fs::write(&path, &gold.text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            n += 1;
        }
        Ok(format!("{n} rebuilt texts written under {}\n", out.display()))
    }

    fn eval_other_names(dir: &Path, file: &Path) -> Result<String, String> {
        let json = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let spans: std::collections::HashMap<String, Vec<(usize, usize, String)>> =
            serde_json::from_str(&json).map_err(|e| format!("{}: {e}", file.display()))?;
        let files = read_corpus(dir, "xml")?;
        let missing: Vec<&String> = files.iter().map(|(n, _)| n).filter(|n| !spans.contains_key(*n)).collect();
        if let Some(name) = missing.first() {
            return Err(format!("{}: no mentions for {name}", file.display()));
        }
        let report = names::score_corpus_with(files, |name, gold| names::mentions_from_spans(gold, &spans[name]))
            .map_err(|e| e.to_string())?;
        Ok(format!("\nThe same metric on {}:\n\n{}", file.display(), report.table()))
    }

    fn eval_polnear(dir: &Path, misses: Option<usize>) -> Result<String, String> {
        let texts = read_corpus(&dir.join("text"), "txt")?;
        let anns = read_corpus(&dir.join("attributions"), "ann")?;
        // `name_xxxx.ann` annotates `name.txt`; with several annotation files, the first.
        let mut triples = Vec::new();
        for (name, text) in &texts {
            let stem = name.trim_end_matches(".txt");
            let ann = anns
                .iter()
                .find(|(a, _)| a.strip_suffix(".ann").and_then(|a| a.rsplit_once('_')).is_some_and(|(s, _)| s == stem));
            let Some((_, ann)) = ann else { return Err(format!("no annotation for {name}")) };
            triples.push((name.as_str(), text.as_str(), ann.as_str()));
        }
        let report = polnear::score_corpus(triples.iter().copied()).map_err(|e| e.to_string())?;
        let mut out = format!("PolNeAR attribution scores (percent) for {}\n\n{}", dir.display(), report.table());
        if let Some(n) = misses {
            out.push_str(
                "\nDirect quotes with a wrong speaker (document | quote | dateline's speaker [rule] | gold):\n",
            );
            let mut listed = 0;
            for (name, text, ann) in triples {
                for miss in polnear::speaker_misses(text, ann).map_err(|e| format!("{name}: {e}"))? {
                    if listed == n {
                        return Ok(out);
                    }
                    listed += 1;
                    let short: String = miss.quote.chars().take(60).collect();
                    out.push_str(&format!(
                        "{name} | {short:?} | {} [{}] | {}\n",
                        miss.speaker.as_deref().unwrap_or("-"),
                        miss.rule,
                        miss.gold.as_deref().unwrap_or("-")
                    ));
                }
            }
        }
        Ok(out)
    }

    /// Every file under `dir` (recursively) with extension `ext`.
    fn find_files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?.path();
            if path.is_dir() {
                find_files(&path, ext, out)?;
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
        Ok(())
    }

    /// `path` relative to `dir`, `/`-separated.
    fn relative_name(dir: &Path, path: &Path) -> String {
        let relative = path.strip_prefix(dir).unwrap_or(path);
        relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
    }

    /// A file read and recognised: plain text, or TimeML with its parts.
    struct Input {
        document: DocumentInput,
        timeml: Option<TimemlDocument>,
    }

    fn analyze_files(dct: Option<String>, format: Format, files: &[String]) -> Result<String, String> {
        if let Some(d) = &dct {
            dateline::time::Moment::parse(d)
                .ok_or_else(|| format!("bad --dct {d:?}: expected YYYY-MM-DD or YYYY-MM-DDThh:mm"))?;
        }
        if matches!(format, Format::Timeml) && files.len() != 1 {
            return Err("--format timeml takes exactly one file".into());
        }
        let inputs = files.iter().map(|f| read_input(f, dct.as_deref())).collect::<Result<Vec<_>, _>>()?;
        let documents: Vec<DocumentInput> = inputs.iter().map(|i| i.document.clone()).collect();
        let analysis = analyze(&documents).map_err(|e| e.to_string())?;
        Ok(match format {
            Format::Json => export::json(&analysis) + "\n",
            Format::Timelinejs => export::timeline_js::timeline(&analysis) + "\n",
            Format::Csv => export::csv::timeline(&analysis),
            Format::Timeml => {
                let doc = &analysis.documents[0];
                match &inputs[0].timeml {
                    Some(t) => export::timeml::rewrite(t, doc),
                    None => export::timeml::document(doc),
                }
            }
        })
    }

    fn read_input(path: &str, dct: Option<&str>) -> Result<Input, String> {
        let bytes = if path == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
            buf
        } else {
            std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
        };
        let name = if path == "-" { "stdin".to_string() } else { file_name(path) };
        let text = String::from_utf8(bytes).map_err(|e| {
            format!("{name} is not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to())
        })?;
        if text.trim().is_empty() {
            return Err(format!("{name} is empty"));
        }
        let mut document = DocumentInput::new(name.clone(), text);
        document.dct = dct.map(str::to_string);
        let mut timeml_doc = None;
        if timeml::looks_like_timeml(&document.text) {
            let parsed = timeml::parse(&document.text)
                .ok_or_else(|| format!("{name} looks like TimeML but has no <TEXT> element"))?;
            document.text = parsed.text.clone();
            if let Some(value) = &parsed.dct {
                document.dct = Some(value.clone());
                document.dct_overrides_text = true;
            }
            timeml_doc = Some(parsed);
        }
        Ok(Input { document, timeml: timeml_doc })
    }

    fn file_name(path: &str) -> String {
        std::path::Path::new(path).file_name().map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
    }
}
