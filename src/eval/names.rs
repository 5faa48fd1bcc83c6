//! MEANTIME named mentions: dateline's people, organizations and places against the gold
//! `ENTITY_MENTION`s with `syntactic_type="NAM"` whose entity (through `REFERS_TO`) is of type
//! `PER`, `ORG` or `LOC`.
//!
//! Both sides are token sets over the text [`super::meantime::read_gold`] rebuilds; only
//! sentences 0–[`LAST_SCORED_SENTENCE`] count (MEANTIME annotates only those completely). The
//! system side is every mention of a `person`, `organization` or `place` entity (not `other`,
//! not unnamed roles such as "the gunman" nor references such as "the ambassador"). Matches are
//! one to one: identical token sets first (*exact*), then the largest overlaps over all pairs
//! (*overlap*); a match is *typed* when PER/ORG/LOC agrees with person/organization/place.
//!
//! ```
//! use dateline::eval::names;
//! let doc = r#"<Document doc_id="1">
//! <token t_id="1" sentence="0" number="0">Boeing</token>
//! <token t_id="2" sentence="0" number="1">hires</token>
//! <token t_id="3" sentence="0" number="2">John</token>
//! <token t_id="4" sentence="0" number="3">Smith</token>
//! <token t_id="5" sentence="0" number="4">in</token>
//! <token t_id="6" sentence="0" number="5">Seattle</token>
//! <Markables>
//! <ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
//! <ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
//! <ENTITY_MENTION m_id="3" syntactic_type="NAM"><token_anchor t_id="6"/></ENTITY_MENTION>
//! <ENTITY m_id="10" ent_type="ORG"/><ENTITY m_id="11" ent_type="PER"/><ENTITY m_id="12" ent_type="LOC"/>
//! </Markables><Relations>
//! <REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>
//! <REFERS_TO r_id="2"><source m_id="2"/><target m_id="11"/></REFERS_TO>
//! <REFERS_TO r_id="3"><source m_id="3"/><target m_id="12"/></REFERS_TO>
//! </Relations></Document>"#;
//! let counts = names::score_document("a.xml", doc).unwrap().counts;
//! assert_eq!((counts.gold, counts.system, counts.overlap_typed), (3, 3, 3));
//! ```

use super::meantime::{read_gold, GoldDocument, GoldError, LAST_SCORED_SENTENCE};
use super::Prf;
use crate::entity::Kind;
use serde::Serialize;
use std::collections::HashMap;

/// A named mention as a token set, with its type (`PER`, `ORG`, `LOC`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedMention {
    /// Token indices, ascending.
    pub tokens: Vec<usize>,
    /// `PER`, `ORG` or `LOC`.
    pub kind: &'static str,
    /// The words.
    pub text: String,
    /// The words with some context, the mention in brackets.
    pub context: String,
}

/// Counts behind the figures; they add up over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Documents scored.
    pub documents: usize,
    /// Gold named mentions.
    pub gold: usize,
    /// System mentions.
    pub system: usize,
    /// Matches with identical token sets.
    pub exact: usize,
    /// Exact matches of the right type.
    pub exact_typed: usize,
    /// Matches sharing a token (exact ones included).
    pub overlap: usize,
    /// Overlap matches of the right type.
    pub overlap_typed: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.documents += o.documents;
        self.gold += o.gold;
        self.system += o.system;
        self.exact += o.exact;
        self.exact_typed += o.exact_typed;
        self.overlap += o.overlap;
        self.overlap_typed += o.overlap_typed;
    }

    /// P/R/F1 for untyped exact, typed exact, untyped overlap, typed overlap.
    pub fn figures(&self) -> [(&'static str, Prf); 4] {
        let f = |tp| Prf::new(tp, self.system, self.gold);
        [
            ("exact", f(self.exact)),
            ("exact typed", f(self.exact_typed)),
            ("overlap", f(self.overlap)),
            ("overlap typed", f(self.overlap_typed)),
        ]
    }
}

/// One document's score and its mistakes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentScore {
    /// Its name.
    pub name: String,
    /// Its counts.
    pub counts: Counts,
    /// Gold mentions not found (or found with another type): `(gold, system)`.
    pub mistakes: Vec<(Option<NamedMention>, Option<NamedMention>)>,
}

/// The gold named mentions of PER/ORG/LOC in the scored sentences.
pub fn gold_mentions(xml: &str, gold: &GoldDocument) -> Vec<NamedMention> {
    let index: HashMap<&str, usize> = gold.tokens.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let mut types: HashMap<String, String> = HashMap::new(); // entity m_id → type
    for tag in elements(xml, "<ENTITY ") {
        if let (Some(id), Some(kind)) = (attribute(tag, "m_id"), attribute(tag, "ent_type")) {
            types.insert(id, kind);
        }
    }
    let mut refers: HashMap<String, String> = HashMap::new(); // mention m_id → type
    for block in blocks(xml, "<REFERS_TO", "</REFERS_TO>") {
        let target = block.find("<target").and_then(|t| attribute(&block[t..], "m_id"));
        let Some(kind) = target.and_then(|t| types.get(&t)) else { continue };
        for source in elements(block, "<source") {
            if let Some(id) = attribute(source, "m_id") {
                refers.insert(id, kind.clone());
            }
        }
    }
    let mut out = Vec::new();
    for block in blocks(xml, "<ENTITY_MENTION", "</ENTITY_MENTION>") {
        let head = &block[..block.find('>').unwrap_or(block.len())];
        if attribute(head, "syntactic_type").as_deref() != Some("NAM") {
            continue;
        }
        let kind = match attribute(head, "m_id").and_then(|id| refers.get(&id)).map(String::as_str) {
            Some("PER") => "PER",
            Some("ORG") => "ORG",
            Some("LOC") => "LOC",
            _ => continue,
        };
        let mut tokens: Vec<usize> = elements(block, "<token_anchor")
            .filter_map(|t| attribute(t, "t_id"))
            .filter_map(|id| index.get(id.as_str()).copied())
            .collect();
        tokens.sort_unstable();
        tokens.dedup();
        let Some(&first) = tokens.first() else { continue };
        if gold.tokens[first].sentence > LAST_SCORED_SENTENCE {
            continue;
        }
        out.push(named(gold, tokens, kind));
    }
    out.sort_by(|a, b| a.tokens.cmp(&b.tokens));
    out
}

fn named(gold: &GoldDocument, tokens: Vec<usize>, kind: &'static str) -> NamedMention {
    let (a, b) = (&gold.tokens[tokens[0]], &gold.tokens[*tokens.last().expect("non-empty")]);
    let bytes = a.bytes.start..b.bytes.end;
    NamedMention {
        text: gold.text[bytes.clone()].to_string(),
        context: super::context(&gold.text, bytes),
        tokens,
        kind,
    }
}

/// dateline's mentions of people, organizations and places in the scored sentences (the
/// entity stage on the rebuilt text).
pub fn system_mentions(gold: &GoldDocument) -> Vec<NamedMention> {
    let segmented = crate::text::segment(&gold.text);
    let found = crate::entity::extract(&segmented);
    let mut out = Vec::new();
    for m in &found.mentions {
        let kind = match m.kind {
            Kind::Person => "PER",
            Kind::Organization => "ORG",
            Kind::Place => "LOC",
            Kind::Other => continue,
        };
        if matches!(m.rule, "unnamed_role" | "role_reference") {
            continue;
        }
        let tokens = gold.tokens_of(m.bytes.clone());
        match tokens.first() {
            Some(&t) if gold.tokens[t].sentence <= LAST_SCORED_SENTENCE => out.push(named(gold, tokens, kind)),
            _ => {}
        }
    }
    out
}

/// Another system's mentions as `(start, end, type)`: byte ranges of the text
/// [`read_gold`] rebuilds, type `PER`, `ORG` or `LOC` (others are left out), in the scored
/// sentences only — the same treatment as dateline's own.
pub fn mentions_from_spans(gold: &GoldDocument, spans: &[(usize, usize, String)]) -> Vec<NamedMention> {
    let mut out = Vec::new();
    for (start, end, kind) in spans {
        let kind = match kind.as_str() {
            "PER" => "PER",
            "ORG" => "ORG",
            "LOC" => "LOC",
            _ => continue,
        };
        if start >= end || *end > gold.text.len() {
            continue;
        }
        let tokens = gold.tokens_of(*start..*end);
        match tokens.first() {
            Some(&t) if gold.tokens[t].sentence <= LAST_SCORED_SENTENCE => out.push(named(gold, tokens, kind)),
            _ => {}
        }
    }
    out
}

/// Score one MEANTIME document.
pub fn score_document(name: &str, xml: &str) -> Result<DocumentScore, GoldError> {
    score_document_with(name, xml, system_mentions)
}

/// Score one MEANTIME document against the mentions `system` finds in it (another system's, for
/// a comparison under the same metric).
pub fn score_document_with(
    name: &str,
    xml: &str,
    system: impl Fn(&GoldDocument) -> Vec<NamedMention>,
) -> Result<DocumentScore, GoldError> {
    let gold_doc = read_gold(xml)?;
    let gold = gold_mentions(xml, &gold_doc);
    let system = system(&gold_doc);
    let mut counts = Counts { documents: 1, gold: gold.len(), system: system.len(), ..Counts::default() };
    let (exact, overlap) = align(&gold, &system, false);
    counts.exact = exact;
    let typed = align(&gold, &system, true);
    counts.exact_typed = typed.0;
    counts.overlap_typed = typed.1.iter().filter(|m| m.is_some()).count();
    counts.overlap = overlap.iter().filter(|m| m.is_some()).count();
    // Mistakes, from the untyped alignment: missed, spurious, and matched with another type.
    let mut mistakes = Vec::new();
    let mut taken = vec![false; system.len()];
    for (gi, g) in gold.iter().enumerate() {
        match overlap[gi] {
            Some(si) => {
                taken[si] = true;
                if system[si].kind != g.kind && typed.1[gi].is_none() {
                    mistakes.push((Some(g.clone()), Some(system[si].clone())));
                }
            }
            None => mistakes.push((Some(g.clone()), None)),
        }
    }
    for (si, s) in system.iter().enumerate() {
        if !taken[si] {
            mistakes.push((None, Some(s.clone())));
        }
    }
    Ok(DocumentScore { name: name.to_string(), counts, mistakes })
}

/// One-to-one alignment of gold and system mentions (of the same type when `typed`):
/// identical token sets first, then the largest overlaps over all pairs. Returns the number of identical pairs
/// and, for each gold mention, its system match.
pub(crate) fn align(gold: &[NamedMention], system: &[NamedMention], typed: bool) -> (usize, Vec<Option<usize>>) {
    let fits = |g: &NamedMention, s: &NamedMention| !typed || g.kind == s.kind;
    let mut taken = vec![false; system.len()];
    let mut matched = vec![None; gold.len()];
    let mut exact = 0;
    for (gi, g) in gold.iter().enumerate() {
        if let Some(si) =
            (0..system.len()).find(|&si| !taken[si] && fits(g, &system[si]) && system[si].tokens == g.tokens)
        {
            taken[si] = true;
            matched[gi] = Some(si);
            exact += 1;
        }
    }
    // Then the largest overlaps first, over all pairs.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate().filter(|(gi, _)| matched[*gi].is_none()) {
        for (si, s) in system.iter().enumerate().filter(|(si, s)| !taken[*si] && fits(g, s)) {
            let shared = s.tokens.iter().filter(|t| g.tokens.binary_search(t).is_ok()).count();
            if shared > 0 {
                pairs.push((shared, gi, si));
            }
        }
    }
    pairs.sort_by_key(|&(n, gi, si)| (std::cmp::Reverse(n), gi, si));
    for (_, gi, si) in pairs {
        if matched[gi].is_none() && !taken[si] {
            taken[si] = true;
            matched[gi] = Some(si);
        }
    }
    (exact, matched)
}

/// The scores of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Every document's score, in the order given.
    pub documents: Vec<DocumentScore>,
}

impl Report {
    /// The counts over all documents.
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        for d in &self.documents {
            total.add(&d.counts);
        }
        total
    }

    /// A plain-text table of the figures.
    pub fn table(&self) -> String {
        let t = self.total();
        let mut out = format!(
            "{} documents, {} gold named mentions (PER/ORG/LOC), {} system mentions\n\n| metric | P | R | F1 |\n|---|---:|---:|---:|\n",
            t.documents, t.gold, t.system
        );
        for (name, prf) in t.figures() {
            out.push_str(&format!("| {name} | {:.2} | {:.2} | {:.2} |\n", prf.precision, prf.recall, prf.f1));
        }
        out
    }

    /// The first `n` mistakes, one per line: `missed`, `spurious` or `type`.
    pub fn error_listing(&self, n: usize) -> String {
        let mut out = String::from("\nmistakes (gold → system):\n");
        for (doc, (g, s)) in self.documents.iter().flat_map(|d| d.mistakes.iter().map(move |m| (&d.name, m))).take(n) {
            let show =
                |m: &Option<NamedMention>| m.as_ref().map_or("-".to_string(), |m| format!("{} {:?}", m.kind, m.text));
            let context = g.as_ref().or(s.as_ref()).map_or("", |m| m.context.as_str());
            let what = match (g, s) {
                (Some(_), None) => "missed",
                (None, Some(_)) => "spurious",
                _ => "type",
            };
            out.push_str(&format!("{what}\t{}\t{}\t{context}\t{doc}\n", show(g), show(s)));
        }
        out
    }
}

/// Score every `(name, CAT XML)` pair.
pub fn score_corpus<N: Into<String>, T: AsRef<str>>(
    files: impl IntoIterator<Item = (N, T)>,
) -> Result<Report, super::CorpusError<GoldError>> {
    score_corpus_with(files, |_, gold| system_mentions(gold))
}

/// Score every `(name, CAT XML)` pair against the mentions `system(name, gold)` gives.
pub fn score_corpus_with<N: Into<String>, T: AsRef<str>>(
    files: impl IntoIterator<Item = (N, T)>,
    system: impl Fn(&str, &GoldDocument) -> Vec<NamedMention>,
) -> Result<Report, super::CorpusError<GoldError>> {
    let mut documents = Vec::new();
    for (name, xml) in files {
        let name = name.into();
        match score_document_with(&name, xml.as_ref(), |gold| system(&name, gold)) {
            Ok(d) => documents.push(d),
            Err(error) => return Err(super::CorpusError { document: name, error }),
        }
    }
    Ok(Report { documents })
}

/// The `<tag …>` openings of `xml` that start with `open` (their text up to `>`).
pub(crate) fn elements<'a>(xml: &'a str, open: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    xml.match_indices(open).map(move |(i, _)| &xml[i..xml[i..].find('>').map_or(xml.len(), |e| i + e + 1)])
}

/// The `open … close` blocks of `xml`.
pub(crate) fn blocks<'a>(xml: &'a str, open: &'a str, close: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    xml.match_indices(open).filter_map(move |(i, _)| xml[i..].find(close).map(|e| &xml[i..i + e]))
}

/// The value of `name="…"` in a tag.
pub(crate) fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag
        .match_indices(name)
        .find(|(i, _)| tag[..*i].ends_with(char::is_whitespace) && tag[i + name.len()..].starts_with("=\""))?;
    let start = at.0 + name.len() + 2;
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}
