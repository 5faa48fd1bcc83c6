//! TempEval-3 TIMEX3 scoring: dateline's time expressions against a gold TimeML document.
//!
//! The gold side is read from the document itself: [`read_gold`] recovers the raw text (the
//! character data of `<TEXT>`, as [`timeml::parse`] gives it) and the in-text `TIMEX3` spans as
//! byte ranges into that text. The system side is [`crate::analyze`] run on the same text with
//! the gold `DCT` as an authoritative creation time.
//!
//! The metrics are TempEval-3's (see `../shared/data/README.md`): *strict* counts identical
//! spans, *relaxed* any overlap (each gold and system expression matched at most once, greedily);
//! *type F1* and *value F1* count as true positives only relaxed matches whose type (value) is
//! also right. Counts add up over documents, so corpus figures are micro-averaged.
//!
//! ```
//! use dateline::eval::tempeval;
//!
//! let doc = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07">1998-08-07</TIMEX3></DCT>
//! <TEXT>Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.</TEXT></TimeML>"#;
//! let score = tempeval::score_document("a.tml", doc).unwrap();
//! assert_eq!((score.counts.gold, score.counts.strict_matches, score.counts.value_correct), (1, 1, 1));
//! ```

use super::{context, percent, Prf};
use crate::text::timeml;
use crate::{analyze, DocumentInput};
use serde::Serialize;
use std::fmt::Write as _;
use std::ops::{AddAssign, Range};

/// A time expression on either side of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Byte range in the document's raw text.
    #[serde(skip)]
    pub bytes: Range<usize>,
    /// The words, as written.
    pub text: String,
    /// TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`).
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// What a gold TimeML document holds for scoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDocument {
    /// The raw text: `<TEXT>`'s character data, tags dropped and entities decoded.
    pub text: String,
    /// The creation time (the `DCT`'s `TIMEX3` value), if any.
    pub dct: Option<String>,
    /// The in-text `TIMEX3`, in text order.
    pub timexes: Vec<Mention>,
}

/// A gold document that cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoldError {
    /// No `<TEXT>…</TEXT>` element.
    NoText,
    /// The markup inside `<TEXT>` is broken; the message says where.
    Malformed(String),
    /// The `DCT` value is not a date dateline can read.
    BadCreationTime(String),
}

impl std::fmt::Display for GoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GoldError::NoText => write!(f, "no <TEXT> element"),
            GoldError::Malformed(why) => write!(f, "malformed TimeML: {why}"),
            GoldError::BadCreationTime(v) => write!(f, "unreadable DCT value {v:?}"),
        }
    }
}

impl std::error::Error for GoldError {}

/// Read the raw text, creation time and gold `TIMEX3` spans of a TimeML document.
///
/// Empty (`<TIMEX3 …/>`) timexes have no text and are left out.
pub fn read_gold(timeml_doc: &str) -> Result<GoldDocument, GoldError> {
    let doc = timeml::parse(timeml_doc).ok_or(GoldError::NoText)?;
    let open = doc.head.len();
    let close = open + timeml_doc[open..].find("</TEXT>").ok_or(GoldError::NoText)?;
    let timexes = scan_timexes(&timeml_doc[open..close], &doc.text)?;
    Ok(GoldDocument { text: doc.text, dct: doc.dct, timexes })
}

/// Walk the markup of `<TEXT>`, counting decoded characters between tags, and record where each
/// `TIMEX3` starts and ends in `text` (the same markup's character data).
fn scan_timexes(xml: &str, text: &str) -> Result<Vec<Mention>, GoldError> {
    let malformed = |why: String| GoldError::Malformed(why);
    let mut timexes = Vec::new();
    let mut offset = 0;
    let mut open: Option<(usize, &str)> = None;
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        offset += timeml::decode(&rest[..lt]).len();
        let gt = lt + rest[lt..].find('>').ok_or_else(|| malformed(format!("unclosed tag at text offset {offset}")))?;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if let Some(attributes) =
            tag.strip_prefix("TIMEX3").filter(|a| a.is_empty() || a.starts_with(char::is_whitespace))
        {
            if attributes.trim_end().ends_with('/') {
                continue;
            }
            if open.is_some() {
                return Err(malformed(format!("TIMEX3 inside TIMEX3 at text offset {offset}")));
            }
            open = Some((offset, attributes));
        } else if tag.trim_end() == "/TIMEX3" {
            let (start, attributes) =
                open.take().ok_or_else(|| malformed(format!("</TIMEX3> without TIMEX3 at text offset {offset}")))?;
            let required = |name: &str| {
                attribute(attributes, name)
                    .ok_or_else(|| malformed(format!("TIMEX3 at text offset {start} has no {name} attribute")))
            };
            timexes.push(Mention {
                text: text
                    .get(start..offset)
                    .ok_or_else(|| malformed("TIMEX3 offsets outside the text".into()))?
                    .to_string(),
                bytes: start..offset,
                kind: required("type")?,
                value: required("value")?,
            });
        }
    }
    offset += timeml::decode(rest).len();
    if let Some((start, _)) = open {
        return Err(malformed(format!("TIMEX3 at text offset {start} is never closed")));
    }
    if offset != text.len() {
        return Err(malformed(format!("the text is {} bytes but the markup holds {offset}", text.len())));
    }
    Ok(timexes)
}

/// The decoded value of attribute `name` in a start tag's attribute list (`a="1" b='2'`).
fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes;
    loop {
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|&c| c == '"' || c == '\'')?;
        let end = 1 + after[1..].find(quote)?;
        if key == name {
            return Some(timeml::decode(&after[1..end]));
        }
        rest = &after[end + 1..];
    }
}

/// The counts every figure is computed from; they add up over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Documents scored.
    pub documents: usize,
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// Matches with identical spans.
    pub strict_matches: usize,
    /// Matches with overlapping spans (strict ones included).
    pub relaxed_matches: usize,
    /// Relaxed matches whose type is right.
    pub type_correct: usize,
    /// Relaxed matches whose value is right.
    pub value_correct: usize,
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.documents += o.documents;
        self.gold += o.gold;
        self.system += o.system;
        self.strict_matches += o.strict_matches;
        self.relaxed_matches += o.relaxed_matches;
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
    }
}

impl Counts {
    /// Exact-span precision, recall and F1.
    pub fn strict(&self) -> Prf {
        Prf::new(self.strict_matches, self.system, self.gold)
    }

    /// Overlapping-span precision, recall and F1.
    pub fn relaxed(&self) -> Prf {
        Prf::new(self.relaxed_matches, self.system, self.gold)
    }

    /// F1 counting relaxed matches with the right type.
    pub fn type_f1(&self) -> f64 {
        Prf::new(self.type_correct, self.system, self.gold).f1
    }

    /// F1 counting relaxed matches with the right value.
    pub fn value_f1(&self) -> f64 {
        Prf::new(self.value_correct, self.system, self.gold).f1
    }

    /// Share of relaxed matches with the right type, in percent.
    pub fn type_accuracy(&self) -> f64 {
        percent(self.type_correct, self.relaxed_matches)
    }

    /// Share of relaxed matches with the right value, in percent.
    pub fn value_accuracy(&self) -> f64 {
        percent(self.value_correct, self.relaxed_matches)
    }

    /// The figures of these counts under a name, rounded to two decimals.
    pub fn figures(&self, name: &str) -> Figures {
        let prf = |p: Prf| Prf { precision: round2(p.precision), recall: round2(p.recall), f1: round2(p.f1) };
        Figures {
            name: name.to_string(),
            counts: *self,
            strict: prf(self.strict()),
            relaxed: prf(self.relaxed()),
            type_f1: round2(self.type_f1()),
            value_f1: round2(self.value_f1()),
            type_accuracy: round2(self.type_accuracy()),
            value_accuracy: round2(self.value_accuracy()),
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// One row of the report: a sub-corpus or the whole, with its counts and figures (percent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Sub-corpus name, or `overall`.
    pub name: String,
    /// The counts behind the figures.
    #[serde(flatten)]
    pub counts: Counts,
    /// Strict P/R/F1.
    pub strict: Prf,
    /// Relaxed P/R/F1.
    pub relaxed: Prf,
    /// Type F1.
    pub type_f1: f64,
    /// Value F1.
    pub value_f1: f64,
    /// Type accuracy over relaxed matches.
    pub type_accuracy: f64,
    /// Value accuracy over relaxed matches.
    pub value_accuracy: f64,
}

/// What went wrong with one expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MistakeKind {
    /// A gold timex that no system timex overlaps.
    Missed,
    /// A system timex that overlaps no gold timex.
    Spurious,
    /// A relaxed match whose spans differ.
    Extent,
    /// A relaxed match with the wrong type.
    WrongType,
    /// A relaxed match with the wrong value.
    WrongValue,
}

impl MistakeKind {
    /// Every kind, in listing order.
    pub const ALL: [MistakeKind; 5] = [
        MistakeKind::Missed,
        MistakeKind::Spurious,
        MistakeKind::Extent,
        MistakeKind::WrongType,
        MistakeKind::WrongValue,
    ];

    fn heading(self) -> &'static str {
        match self {
            MistakeKind::Missed => "missed (gold timexes that no system timex overlaps)",
            MistakeKind::Spurious => "spurious (system timexes that overlap no gold timex)",
            MistakeKind::Extent => "extent (relaxed matches whose spans differ)",
            MistakeKind::WrongType => "wrong type (relaxed matches)",
            MistakeKind::WrongValue => "wrong value (relaxed matches)",
        }
    }
}

/// One scoring error, with what each side said and the text around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mistake {
    /// What kind of error.
    pub kind: MistakeKind,
    /// The gold timex, if one is involved.
    pub gold: Option<Mention>,
    /// The system timex, if one is involved.
    pub system: Option<Mention>,
    /// The text around it on one line, the expression in `[brackets]` (the gold one when both).
    pub context: String,
}

/// The score of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentScore {
    /// The document's path relative to the corpus directory, `/`-separated.
    pub name: String,
    /// Its counts (`documents` is 1).
    pub counts: Counts,
    /// Its errors, in text order.
    pub mistakes: Vec<Mistake>,
}

impl DocumentScore {
    /// The sub-corpus: the first directory of the name, or `.` for a top-level file.
    pub fn subcorpus(&self) -> &str {
        self.name.split_once('/').map_or(".", |(first, _)| first)
    }
}

/// Score one gold TimeML document: analyse its raw text with its `DCT` as the creation time and
/// compare the timexes found with the gold ones.
pub fn score_document(name: &str, timeml_doc: &str) -> Result<DocumentScore, GoldError> {
    let gold = read_gold(timeml_doc)?;
    let input = DocumentInput {
        name: name.to_string(),
        text: gold.text.clone(),
        dct: gold.dct.clone(),
        dct_overrides_text: true,
    };
    let analysis = analyze(&[input]).map_err(|_| GoldError::BadCreationTime(gold.dct.clone().unwrap_or_default()))?;
    let system: Vec<Mention> = analysis.documents[0]
        .timexes
        .iter()
        .map(|t| Mention {
            bytes: t.bytes.clone(),
            text: t.text.clone(),
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
        })
        .collect();
    Ok(compare(name, &gold.text, &gold.timexes, &system))
}

/// What the scorer needs of a timex on either side: its mention, how two extents compare, and
/// where it stands. TempEval compares character spans ([`Mention`]); MEANTIME compares tokens.
pub trait Extent {
    /// The timex as reported.
    fn mention(&self) -> &Mention;
    /// Exactly the same extent (a strict match).
    fn same_extent(&self, other: &Self) -> bool;
    /// How much the two extents share (0: no relaxed match).
    fn overlap(&self, other: &Self) -> usize;
    /// A position to order mistakes by.
    fn position(&self) -> usize;
}

impl Extent for Mention {
    fn mention(&self) -> &Mention {
        self
    }

    fn same_extent(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }

    fn overlap(&self, other: &Self) -> usize {
        self.bytes.end.min(other.bytes.end).saturating_sub(self.bytes.start.max(other.bytes.start))
    }

    fn position(&self) -> usize {
        self.bytes.start
    }
}

/// Compare gold and system timexes of one text (`text` serves the error contexts).
pub fn compare<T: Extent>(name: &str, text: &str, gold: &[T], system: &[T]) -> DocumentScore {
    let pairs = align(gold, system);
    let mut counts = Counts { documents: 1, gold: gold.len(), system: system.len(), ..Counts::default() };
    let mut mistakes: Vec<(usize, Mistake)> = Vec::new();
    let mut note = |kind, g: Option<&T>, s: Option<&T>| {
        let at = g.or(s).expect("a mistake involves a timex");
        let context = context(text, at.mention().bytes.clone());
        let (gold, system) = (g.map(|g| g.mention().clone()), s.map(|s| s.mention().clone()));
        mistakes.push((at.position(), Mistake { kind, gold, system, context }));
    };
    let mut gold_matched = vec![false; gold.len()];
    let mut system_matched = vec![false; system.len()];
    for &(gi, si) in &pairs {
        let (g, s) = (&gold[gi], &system[si]);
        gold_matched[gi] = true;
        system_matched[si] = true;
        counts.relaxed_matches += 1;
        if g.same_extent(s) {
            counts.strict_matches += 1;
        } else {
            note(MistakeKind::Extent, Some(g), Some(s));
        }
        if g.mention().kind == s.mention().kind {
            counts.type_correct += 1;
        } else {
            note(MistakeKind::WrongType, Some(g), Some(s));
        }
        if g.mention().value.trim() == s.mention().value.trim() {
            counts.value_correct += 1;
        } else {
            note(MistakeKind::WrongValue, Some(g), Some(s));
        }
    }
    for (g, _) in gold.iter().zip(&gold_matched).filter(|(_, &m)| !m) {
        note(MistakeKind::Missed, Some(g), None);
    }
    for (s, _) in system.iter().zip(&system_matched).filter(|(_, &m)| !m) {
        note(MistakeKind::Spurious, None, Some(s));
    }
    mistakes.sort_by_key(|(at, _)| *at);
    DocumentScore { name: name.to_string(), counts, mistakes: mistakes.into_iter().map(|(_, m)| m).collect() }
}

/// One-to-one matching of gold and system timexes, as `(gold, system)` index pairs: identical
/// extents first, then each remaining gold timex (in order) takes the unmatched system timex that
/// overlaps it most (the earliest on a tie).
pub fn align<T: Extent>(gold: &[T], system: &[T]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut taken = vec![false; system.len()];
    let mut gold_done = vec![false; gold.len()];
    for (gi, g) in gold.iter().enumerate() {
        if let Some(si) = (0..system.len()).find(|&si| !taken[si] && system[si].same_extent(g)) {
            taken[si] = true;
            gold_done[gi] = true;
            pairs.push((gi, si));
        }
    }
    for (gi, g) in gold.iter().enumerate().filter(|&(gi, _)| !gold_done[gi]) {
        let best = (0..system.len())
            .filter(|&si| !taken[si])
            .map(|si| (g.overlap(&system[si]), si))
            .filter(|&(o, _)| o > 0)
            .max_by_key(|&(o, si)| (o, std::cmp::Reverse(si)));
        if let Some((_, si)) = best {
            taken[si] = true;
            pairs.push((gi, si));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// A TimeML document that could not be scored, with its name.
pub type CorpusError = super::CorpusError<GoldError>;

/// The scores of a corpus, document by document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Every document, in the order given.
    pub documents: Vec<DocumentScore>,
}

/// Score a corpus given as `(name, TimeML)` pairs; names are paths relative to the corpus
/// directory with `/` separators, their first directory naming the sub-corpus.
pub fn score_corpus<N, T>(files: impl IntoIterator<Item = (N, T)>) -> Result<Report, CorpusError>
where
    N: AsRef<str>,
    T: AsRef<str>,
{
    let documents = files
        .into_iter()
        .map(|(name, doc)| {
            score_document(name.as_ref(), doc.as_ref())
                .map_err(|error| CorpusError { document: name.as_ref().to_string(), error })
        })
        .collect::<Result<_, _>>()?;
    Ok(Report { documents })
}

impl Report {
    /// The counts over every document.
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        for d in &self.documents {
            total += d.counts;
        }
        total
    }

    /// The counts per sub-corpus, in order of first appearance.
    pub fn subcorpora(&self) -> Vec<(String, Counts)> {
        let mut out: Vec<(String, Counts)> = Vec::new();
        for d in &self.documents {
            let name = d.subcorpus();
            match out.iter_mut().find(|(n, _)| n == name) {
                Some((_, c)) => *c += d.counts,
                None => out.push((name.to_string(), d.counts)),
            }
        }
        out
    }

    /// The rows of the report: each sub-corpus (when there is more than one), then `overall`.
    pub fn figures(&self) -> Vec<Figures> {
        let subcorpora = self.subcorpora();
        let mut rows: Vec<Figures> =
            if subcorpora.len() > 1 { subcorpora.iter().map(|(n, c)| c.figures(n)).collect() } else { Vec::new() };
        rows.push(self.total().figures("overall"));
        rows
    }

    /// The figures as a plain-text table (percentages).
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<12} {:>5} {:>6} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10} {:>8} {:>8}\n",
            "corpus",
            "docs",
            "gold",
            "system",
            "strict P",
            "strict R",
            "strict F1",
            "relaxed P",
            "relaxed R",
            "relaxed F1",
            "type F1",
            "value F1"
        );
        for f in self.figures() {
            let c = f.counts;
            let _ = writeln!(
                out,
                "{:<12} {:>5} {:>6} {:>6} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>10.2} {:>8.2} {:>8.2}",
                f.name,
                c.documents,
                c.gold,
                c.system,
                f.strict.precision,
                f.strict.recall,
                f.strict.f1,
                f.relaxed.precision,
                f.relaxed.recall,
                f.relaxed.f1,
                f.type_f1,
                f.value_f1
            );
        }
        out
    }

    /// Every error of one kind, with its document's name, in document and text order.
    pub fn mistakes(&self, kind: MistakeKind) -> impl Iterator<Item = (&str, &Mistake)> {
        self.documents
            .iter()
            .flat_map(move |d| d.mistakes.iter().filter(move |m| m.kind == kind).map(move |m| (d.name.as_str(), m)))
    }

    /// The first `n` errors of each kind, one per line.
    pub fn error_listing(&self, n: usize) -> String {
        let mut out = String::new();
        for kind in MistakeKind::ALL {
            let total = self.mistakes(kind).count();
            let _ = writeln!(
                out,
                "\n{}: {total}{}",
                kind.heading(),
                if total > n { format!(", first {n}") } else { String::new() }
            );
            for (document, m) in self.mistakes(kind).take(n) {
                let side = |who: &str, t: &Mention| format!("{who} {:?} {} {}", t.text, t.kind, t.value);
                let what = match (&m.gold, &m.system) {
                    (Some(g), Some(s)) => format!("{} | {}", side("gold", g), side("system", s)),
                    (Some(g), None) => side("gold", g),
                    (None, Some(s)) => side("system", s),
                    (None, None) => String::new(),
                };
                let _ = writeln!(out, "  {document}: {what} | {}", m.context);
            }
        }
        out
    }

    /// The figures as pretty-printed JSON; with `errors`, the first that many errors of each kind
    /// too.
    pub fn json(&self, errors: Option<usize>) -> String {
        self.json_as("tempeval3-timex3", None, errors)
    }

    /// [`Report::json`] under another metric name, with the scope scored when it is partial.
    pub fn json_as(&self, metric: &'static str, scope: Option<&'static str>, errors: Option<usize>) -> String {
        #[derive(Serialize)]
        struct Listed<'a> {
            document: &'a str,
            #[serde(flatten)]
            mistake: &'a Mistake,
        }
        #[derive(Serialize)]
        struct Out<'a> {
            metric: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            scope: Option<&'static str>,
            figures: Vec<Figures>,
            #[serde(skip_serializing_if = "Option::is_none")]
            errors: Option<Vec<Listed<'a>>>,
        }
        let errors = errors.map(|n| {
            MistakeKind::ALL
                .into_iter()
                .flat_map(|kind| self.mistakes(kind).take(n))
                .map(|(document, mistake)| Listed { document, mistake })
                .collect()
        });
        let out = Out { metric, scope, figures: self.figures(), errors };
        serde_json::to_string_pretty(&out).expect("figures always serialize")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeml(dct: &str, body: &str) -> String {
        format!(
            "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{dct}\" functionInDocument=\"CREATION_TIME\">{dct}</TIMEX3></DCT>\n<TEXT>\n{body}\n</TEXT>\n<TLINK lid=\"l1\" timeID=\"t1\" relatedToTime=\"t0\"/>\n</TimeML>\n"
        )
    }

    fn mention(bytes: Range<usize>, kind: &str, value: &str) -> Mention {
        Mention { bytes, text: String::new(), kind: kind.into(), value: value.into() }
    }

    #[test]
    fn reads_gold_spans_into_the_raw_text() {
        let doc = timeml(
            "1998-01-08",
            "AT&amp;T <EVENT eid=\"e1\">said</EVENT> on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">Wednesday</TIMEX3> it had &lt;<TIMEX3 tid='t2' type='DURATION' value='P2Y' mod=\"APPROX\">two years</TIMEX3>&gt;.",
        );
        let gold = read_gold(&doc).unwrap();
        assert_eq!(gold.text, timeml::parse(&doc).unwrap().text);
        assert_eq!(gold.text, "\nAT&T said on Wednesday it had <two years>.\n");
        assert_eq!(gold.dct.as_deref(), Some("1998-01-08"));
        let found: Vec<_> = gold
            .timexes
            .iter()
            .map(|t| (&gold.text[t.bytes.clone()], t.text.as_str(), t.kind.as_str(), t.value.as_str()))
            .collect();
        assert_eq!(
            found,
            [("Wednesday", "Wednesday", "DATE", "1998-01-07"), ("two years", "two years", "DURATION", "P2Y")]
        );
    }

    #[test]
    fn broken_gold_is_an_error() {
        let table = [
            ("<TimeML>no text</TimeML>".to_string(), "no <TEXT> element"),
            (timeml("1998-01-08", "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998\">1998 ends"), "never closed"),
            (timeml("1998-01-08", "<TIMEX3 tid=\"t1\" value=\"1998\">1998</TIMEX3>"), "no type attribute"),
            (timeml("1998-01-08", "ends</TIMEX3>"), "without TIMEX3"),
        ];
        for (doc, expected) in table {
            let error = read_gold(&doc).unwrap_err().to_string();
            assert!(error.contains(expected), "{error:?} lacks {expected:?}");
        }
        let bad_dct = timeml("1998-13-45", "Nothing.");
        assert_eq!(score_document("a", &bad_dct).unwrap_err(), GoldError::BadCreationTime("1998-13-45".into()));
    }

    /// Hand-written gold against what the grammar finds in it: (case, body, expected counts as
    /// gold, system, strict, relaxed, type right, value right, then the mistakes' kinds).
    #[test]
    fn scores_documents() {
        use MistakeKind::*;
        let t = |kind: &str, value: &str, text: &str| {
            format!("<TIMEX3 tid=\"t1\" type=\"{kind}\" value=\"{value}\">{text}</TIMEX3>")
        };
        let table: [(&str, String, [usize; 6], &[MistakeKind]); 6] = [
            ("exact match", format!("Bombs exploded {}.", t("DATE", "1998-08-07", "Friday")), [1, 1, 1, 1, 1, 1], &[]),
            (
                "overlap",
                format!("Bombs {}, killing dozens.", t("DATE", "1998-08-07", "exploded Friday")),
                [1, 1, 0, 1, 1, 1],
                &[Extent],
            ),
            (
                "miss",
                format!("He will call {}.", t("DATE", "FUTURE_REF", "whenever he likes")),
                [1, 0, 0, 0, 0, 0],
                &[Missed],
            ),
            ("spurious", "He has lived there since 2007.".to_string(), [0, 1, 0, 0, 0, 0], &[Spurious]),
            (
                "wrong value",
                format!("Bombs exploded {}.", t("DATE", "1998-07-31", "Friday")),
                [1, 1, 1, 1, 1, 0],
                &[WrongValue],
            ),
            (
                "wrong type",
                format!("Bombs exploded {}.", t("TIME", "1998-08-07", "Friday")),
                [1, 1, 1, 1, 0, 1],
                &[WrongType],
            ),
        ];
        for (case, body, [gold, system, strict, relaxed, type_correct, value_correct], kinds) in table {
            let score = score_document(case, &timeml("1998-08-07", &body)).unwrap();
            let expected = Counts {
                documents: 1,
                gold,
                system,
                strict_matches: strict,
                relaxed_matches: relaxed,
                type_correct,
                value_correct,
            };
            assert_eq!(score.counts, expected, "{case}: {:?}", score.mistakes);
            let found: Vec<_> = score.mistakes.iter().map(|m| m.kind).collect();
            assert_eq!(found, kinds, "{case}");
        }
    }

    #[test]
    fn alignment_is_one_to_one_and_prefers_exact_spans() {
        type Spans = &'static [(usize, usize)];
        // (gold spans, system spans, expected (gold, system) index pairs)
        let table: [(Spans, Spans, Spans); 5] = [
            (&[(0, 5)], &[(0, 5)], &[(0, 0)]),
            // one system span over two gold ones matches only the first
            (&[(0, 5), (6, 10)], &[(0, 10)], &[(0, 0)]),
            // the exact span wins over an earlier overlap
            (&[(3, 8)], &[(0, 4), (3, 8)], &[(0, 1)]),
            // the larger overlap wins
            (&[(0, 10)], &[(0, 2), (4, 10)], &[(0, 1)]),
            // touching is not overlapping
            (&[(0, 5)], &[(5, 9)], &[]),
        ];
        let mentions =
            |spans: Spans| -> Vec<Mention> { spans.iter().map(|&(a, b)| mention(a..b, "DATE", "1")).collect() };
        for (gold, system, expected) in table {
            let (g, s) = (mentions(gold), mentions(system));
            assert_eq!(align(&g, &s), expected, "{gold:?} vs {system:?}");
        }
    }

    #[test]
    fn counts_sum_over_a_corpus_by_subcorpus() {
        let gold = vec![mention(0..4, "DATE", "1998"), mention(10..14, "DATE", "1999")];
        let system = vec![mention(0..4, "DATE", "1998"), mention(10..16, "TIME", "1999")];
        let text = "1998 and, 1999 or 2000.";
        let report = Report {
            documents: vec![
                compare("TimeBank/a.tml", text, &gold, &system),
                compare("AQUAINT/b.tml", text, &gold, &system[..1]),
                compare("TimeBank/c.tml", text, &gold[..1], &system),
            ],
        };
        let names: Vec<_> = report.subcorpora().into_iter().map(|(n, c)| (n, c.gold)).collect();
        assert_eq!(names, [("TimeBank".to_string(), 3), ("AQUAINT".to_string(), 2)]);
        let total = report.total();
        assert_eq!(
            total,
            Counts {
                documents: 3,
                gold: 5,
                system: 5,
                strict_matches: 3,
                relaxed_matches: 4,
                type_correct: 3,
                value_correct: 4
            }
        );
        let all = total.figures("overall");
        assert_eq!((all.strict.f1, all.relaxed.f1, all.type_f1, all.value_f1), (60.0, 80.0, 60.0, 80.0));
        assert_eq!(all.type_accuracy, 75.0);
        assert_eq!(report.figures().len(), 3);
        let table = report.table();
        assert!(table.lines().last().unwrap().starts_with("overall"), "{table}");
        assert!(table.contains("   60.00"), "{table}");
        let listing = report.error_listing(1);
        assert!(listing.contains("AQUAINT/b.tml: gold \"\" DATE 1999 | 1998 and, [1999] or 2000."), "{listing}");
        assert!(listing.contains("spurious (system timexes that overlap no gold timex): 1\n"), "{listing}");
        let json: serde_json::Value = serde_json::from_str(&report.json(Some(1))).unwrap();
        assert_eq!(json["figures"][2]["name"], "overall");
        assert_eq!(json["figures"][2]["strict"]["f1"], 60.0);
        assert_eq!(json["figures"][2]["strict_matches"], 3);
        assert_eq!(json["errors"][0]["kind"], "missed");
    }

    #[test]
    fn context_brackets_the_expression_on_one_line() {
        let text = "He left\n\n on   Friday  night, and came back much, much later than planned.";
        let at = text.find("Friday").unwrap();
        assert_eq!(context(text, at..at + 6), "He left on [Friday] night, and came back much, much later");
    }
}
