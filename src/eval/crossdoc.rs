//! Cross-document coreference on MEANTIME: do dateline's story entities and story events
//! ([`crate::compare`]) group the mentions of a topic's articles as MEANTIME's cross-document
//! instances do?
//!
//! Each topic directory (`corpus_airbus`, `corpus_apple`: 30 articles each) is analysed as one
//! multi-document analysis, as a reader would paste the articles together: [`crate::analyze`] on
//! the texts [`super::meantime::read_gold`] rebuilds, each with its gold creation time.
//!
//! **Gold.** An `ENTITY_MENTION` or `EVENT_MENTION` belongs to the instance its `REFERS_TO`
//! points at; the instance's `instance_id` is shared across the topic's documents. An instance
//! with no `instance_id` (MEANTIME links some only within their document) is a cluster of that
//! document alone. Mentions no `REFERS_TO` links are left out. Scored mentions:
//! - only those whose first token is in sentences 0–[`LAST_SCORED_SENTENCE`] (MEANTIME annotates
//!   only those completely), on both sides;
//! - entities: named mentions (`syntactic_type="NAM"`) of people, organizations and places
//!   (`ent_type` PER, ORG, LOC) — what dateline's entity stage finds (it finds no common-noun
//!   or pronoun mentions, and types products and sums of money as nothing it scores); on the
//!   system side every mention of a named person, organization or place;
//! - events: every `EVENT_MENTION`; on the system side every event mention.
//!
//! **Mapping.** In each document, system mentions are aligned one to one with gold mentions by
//! tokens, as [`super::names`] does: identical token sets first, then the largest overlaps. A
//! system mention that overlaps a gold mention outside the scored set (a pronoun, a product, a
//! later sentence) is dropped from the system side: it is neither right nor wrong here.
//!
//! **Metric.** B³ (Bagga & Baldwin 1998) over the topic's mentions, with twinless mentions
//! treated as the CoNLL-2012 reference scorer does (Pradhan et al. 2014, "Scoring coreference
//! partitions of predicted mentions"): a gold mention with no system twin adds 0 to recall, a
//! system mention with no gold twin adds 0 to precision and still counts in the size of its
//! system cluster. So missing or spurious mentions cost as much as wrong joins. Topics are
//! scored apart (a cluster never spans topics); the overall row pools the mentions of all
//! topics. The *mentions* row gives mention detection alone (matched over system, over gold);
//! the *matched* row gives B³ over matched mentions only (both sides restricted to the
//! aligned pairs), the grouping quality whatever was missed.
//!
//! ```
//! use dateline::eval::crossdoc::b_cubed;
//! // Gold clusters {a, b}, {c}; the system joins a, b and c.
//! let gold = [Some("A"), Some("A"), Some("C")];
//! let system = [Some("X"), Some("X"), Some("X")];
//! let prf = b_cubed(&gold, &system);
//! assert!((prf.precision - 100.0 * 5.0 / 9.0).abs() < 1e-9);
//! assert!((prf.recall - 100.0).abs() < 1e-9);
//! ```

use super::meantime::{read_gold, GoldDocument, GoldError, LAST_SCORED_SENTENCE};
use super::names::{align, attribute, blocks, elements, NamedMention};
use super::{CorpusError, Prf};
use crate::entity::Kind;
use crate::{analyze, DocumentInput};
use serde::Serialize;
use std::collections::HashMap;

/// Entities or events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// Named mentions of people, organizations and places.
    Entities,
    /// Event mentions.
    Events,
}

/// One scored mention: its document, tokens and cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoredMention {
    /// Index of its document in the topic.
    pub document: usize,
    /// The mention as a token set, with its words and context.
    pub mention: NamedMention,
    /// Gold: the instance id; system: the story entity or event id (or the document's own id
    /// for a mention no story entity or event holds).
    pub cluster: String,
}

/// A gold mention and its system twin; one side `None` for a twinless mention.
pub type Pair = (Option<ScoredMention>, Option<ScoredMention>);

/// B³ and mention figures for one layer of one topic (or of all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Sums {
    /// Gold mentions.
    pub gold: usize,
    /// System mentions.
    pub system: usize,
    /// Aligned pairs.
    pub matched: usize,
    /// Sum over system mentions of the B³ precision share.
    pub precision_sum: f64,
    /// Sum over gold mentions of the B³ recall share.
    pub recall_sum: f64,
    /// Sums over matched mentions only (precision and recall shares).
    pub matched_precision_sum: f64,
    /// Recall share over matched mentions only.
    pub matched_recall_sum: f64,
    /// Gold clusters holding mentions of more than one document.
    pub cross_document_gold: usize,
    /// System clusters holding mentions of more than one document.
    pub cross_document_system: usize,
}

impl Sums {
    fn add(&mut self, o: &Sums) {
        self.gold += o.gold;
        self.system += o.system;
        self.matched += o.matched;
        self.precision_sum += o.precision_sum;
        self.recall_sum += o.recall_sum;
        self.matched_precision_sum += o.matched_precision_sum;
        self.matched_recall_sum += o.matched_recall_sum;
        self.cross_document_gold += o.cross_document_gold;
        self.cross_document_system += o.cross_document_system;
    }

    /// B³ precision, recall and F1 (percent), twinless mentions counted.
    pub fn b_cubed(&self) -> Prf {
        prf(ratio(self.precision_sum, self.system), ratio(self.recall_sum, self.gold))
    }

    /// B³ over the matched mentions only.
    pub fn matched_b_cubed(&self) -> Prf {
        prf(ratio(self.matched_precision_sum, self.matched), ratio(self.matched_recall_sum, self.matched))
    }

    /// Mention detection: matched over system, matched over gold.
    pub fn mentions(&self) -> Prf {
        Prf::new(self.matched, self.system, self.gold)
    }
}

fn ratio(sum: f64, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        100.0 * sum / n as f64
    }
}

fn prf(precision: f64, recall: f64) -> Prf {
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Prf { precision, recall, f1 }
}

/// B³ precision, recall and F1 (percent) of one aligned mention list: `gold[i]` and `system[i]`
/// are the clusters of mention `i` on each side, `None` where that side lacks it (a twinless
/// mention). Shares are averaged over the mentions each side has.
pub fn b_cubed<G: AsRef<str>, S: AsRef<str>>(gold: &[Option<G>], system: &[Option<S>]) -> Prf {
    let s = sums(gold, system);
    let n_system = system.iter().filter(|c| c.is_some()).count();
    let n_gold = gold.iter().filter(|c| c.is_some()).count();
    prf(ratio(s.0, n_system), ratio(s.1, n_gold))
}

/// (precision sum over system mentions, recall sum over gold mentions).
fn sums<G: AsRef<str>, S: AsRef<str>>(gold: &[Option<G>], system: &[Option<S>]) -> (f64, f64) {
    let mut gold_size: HashMap<&str, usize> = HashMap::new();
    let mut system_size: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(&str, &str), usize> = HashMap::new();
    for (g, s) in gold.iter().zip(system) {
        if let Some(g) = g {
            *gold_size.entry(g.as_ref()).or_default() += 1;
        }
        if let Some(s) = s {
            *system_size.entry(s.as_ref()).or_default() += 1;
        }
        if let (Some(g), Some(s)) = (g, s) {
            *both.entry((g.as_ref(), s.as_ref())).or_default() += 1;
        }
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (g, s) in gold.iter().zip(system) {
        if let (Some(g), Some(s)) = (g, s) {
            let shared = both[&(g.as_ref(), s.as_ref())] as f64;
            precision += shared / system_size[s.as_ref()] as f64;
            recall += shared / gold_size[g.as_ref()] as f64;
        }
    }
    (precision, recall)
}

/// One topic's mentions and figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicScore {
    /// The topic's name (its directory).
    pub name: String,
    /// Its documents' names, in the order analysed.
    pub documents: Vec<String>,
    /// Entity figures.
    pub entities: Sums,
    /// Event figures.
    pub events: Sums,
    /// Entity mentions, aligned: (gold, system), one side `None` for a twinless mention.
    #[serde(skip)]
    pub entity_mentions: Vec<Pair>,
    /// Event mentions, aligned likewise.
    #[serde(skip)]
    pub event_mentions: Vec<Pair>,
}

/// A gold mention with its cluster, before scoping.
struct GoldMention {
    tokens: Vec<usize>,
    syntactic_type: String,
    kind: String,
    cluster: String,
    event: bool,
}

/// The gold entity and event mentions of one document, with their clusters.
fn gold_mentions(xml: &str, gold: &GoldDocument, document: &str) -> Vec<GoldMention> {
    let index: HashMap<&str, usize> = gold.tokens.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    // Instance m_id → (cluster, type).
    let mut instances: HashMap<String, (String, String)> = HashMap::new();
    for open in ["<ENTITY ", "<EVENT "] {
        for tag in elements(xml, open) {
            let Some(id) = attribute(tag, "m_id") else { continue };
            let cluster = attribute(tag, "instance_id").unwrap_or_else(|| format!("{document}#{id}"));
            let kind = attribute(tag, "ent_type").or_else(|| attribute(tag, "class")).unwrap_or_default();
            instances.insert(id, (cluster, kind));
        }
    }
    let mut refers: HashMap<String, &(String, String)> = HashMap::new();
    for block in blocks(xml, "<REFERS_TO", "</REFERS_TO>") {
        let target = block.find("<target").and_then(|t| attribute(&block[t..], "m_id"));
        let Some(instance) = target.and_then(|t| instances.get(&t)) else { continue };
        for source in elements(block, "<source") {
            if let Some(id) = attribute(source, "m_id") {
                refers.insert(id, instance);
            }
        }
    }
    let mut out = Vec::new();
    for (open, close, event) in
        [("<ENTITY_MENTION", "</ENTITY_MENTION>", false), ("<EVENT_MENTION", "</EVENT_MENTION>", true)]
    {
        for block in blocks(xml, open, close) {
            let head = &block[..block.find('>').unwrap_or(block.len())];
            let Some((cluster, kind)) = attribute(head, "m_id").and_then(|id| refers.get(&id).copied()) else {
                continue;
            };
            let mut tokens: Vec<usize> = elements(block, "<token_anchor")
                .filter_map(|t| attribute(t, "t_id"))
                .filter_map(|id| index.get(id.as_str()).copied())
                .collect();
            tokens.sort_unstable();
            tokens.dedup();
            if tokens.is_empty() {
                continue;
            }
            out.push(GoldMention {
                tokens,
                syntactic_type: attribute(head, "syntactic_type").unwrap_or_default(),
                kind: kind.clone(),
                cluster: cluster.clone(),
                event,
            });
        }
    }
    out
}

/// Is this gold mention scored in `layer`?
fn scored(m: &GoldMention, layer: Layer) -> bool {
    match layer {
        Layer::Entities => !m.event && m.syntactic_type == "NAM" && matches!(m.kind.as_str(), "PER" | "ORG" | "LOC"),
        Layer::Events => m.event,
    }
}

fn mention(gold: &GoldDocument, tokens: Vec<usize>, kind: &'static str) -> NamedMention {
    let (a, b) = (&gold.tokens[tokens[0]], &gold.tokens[*tokens.last().expect("non-empty")]);
    let bytes = a.bytes.start..b.bytes.end;
    NamedMention {
        text: gold.text[bytes.clone()].to_string(),
        context: super::context(&gold.text, bytes),
        tokens,
        kind,
    }
}

/// Byte offset of each UTF-16 offset of `text` that starts a character (and of its end).
fn utf16_to_bytes(text: &str) -> HashMap<usize, usize> {
    let mut map = HashMap::with_capacity(text.len() + 1);
    let mut unit = 0;
    for (b, c) in text.char_indices() {
        map.insert(unit, b);
        unit += c.len_utf16();
    }
    map.insert(unit, text.len());
    map
}

/// Score one topic: `files` are its `(name, CAT XML)` documents.
pub fn score_topic<N: AsRef<str>, T: AsRef<str>>(
    topic: &str,
    files: &[(N, T)],
) -> Result<TopicScore, CorpusError<GoldError>> {
    let mut golds = Vec::new();
    for (name, xml) in files {
        let gold =
            read_gold(xml.as_ref()).map_err(|error| CorpusError { document: name.as_ref().to_string(), error })?;
        golds.push(gold);
    }
    let inputs: Vec<DocumentInput> = files
        .iter()
        .zip(&golds)
        .map(|((name, _), gold)| DocumentInput {
            name: name.as_ref().to_string(),
            text: gold.text.clone(),
            dct: gold.dct.clone(),
            dct_overrides_text: true,
        })
        .collect();
    let analysis = analyze(&inputs).map_err(|_| CorpusError {
        document: topic.to_string(),
        error: GoldError::BadCreationTime(inputs.iter().filter_map(|i| i.dct.clone()).collect::<Vec<_>>().join(" ")),
    })?;
    let mut entity_cluster: HashMap<(&str, &str), &str> = HashMap::new();
    for x in &analysis.story.entities {
        for m in &x.members {
            entity_cluster.insert((m.document.as_str(), m.entity.as_str()), x.id.as_str());
        }
    }
    let mut event_cluster: HashMap<(&str, &str), &str> = HashMap::new();
    for y in &analysis.story.events {
        for m in &y.members {
            event_cluster.insert((m.document.as_str(), m.event.as_str()), y.id.as_str());
        }
    }
    let mut score = TopicScore {
        name: topic.to_string(),
        documents: files.iter().map(|(n, _)| n.as_ref().to_string()).collect(),
        entities: Sums::default(),
        events: Sums::default(),
        entity_mentions: Vec::new(),
        event_mentions: Vec::new(),
    };
    for (d, ((_, xml), gold)) in files.iter().zip(&golds).enumerate() {
        let doc = &analysis.documents[d];
        let all_gold = gold_mentions(xml.as_ref(), gold, &doc.id);
        let in_scope = |tokens: &[usize]| gold.tokens[tokens[0]].sentence <= LAST_SCORED_SENTENCE;
        let to_bytes = utf16_to_bytes(&gold.text);
        // System entity mentions: named people, organizations, places.
        let mut entity_system: Vec<(NamedMention, String)> = Vec::new();
        for e in doc.entities.iter().filter(|e| e.named && e.kind != Kind::Other) {
            let cluster = entity_cluster
                .get(&(doc.id.as_str(), e.id.as_str()))
                .map_or_else(|| format!("{}#{}", doc.id, e.id), |x| x.to_string());
            for span in &e.mentions {
                let (Some(&a), Some(&b)) = (to_bytes.get(&span[0]), to_bytes.get(&span[1])) else { continue };
                let tokens = gold.tokens_of(a..b);
                if tokens.is_empty() {
                    continue;
                }
                entity_system.push((mention(gold, tokens, ""), cluster.clone()));
            }
        }
        let event_system: Vec<(NamedMention, String)> = doc
            .events
            .iter()
            .filter_map(|v| {
                let tokens = gold.tokens_of(v.bytes.clone());
                (!tokens.is_empty()).then(|| {
                    let cluster = event_cluster
                        .get(&(doc.id.as_str(), v.id.as_str()))
                        .map_or_else(|| format!("{}#{}", doc.id, v.id), |y| y.to_string());
                    (mention(gold, tokens, ""), cluster)
                })
            })
            .collect();
        for (layer, system, out) in [
            (Layer::Entities, entity_system, &mut score.entity_mentions),
            (Layer::Events, event_system, &mut score.event_mentions),
        ] {
            let gold_side: Vec<(NamedMention, String)> = all_gold
                .iter()
                .filter(|m| scored(m, layer) && in_scope(&m.tokens))
                .map(|m| (mention(gold, m.tokens.clone(), ""), m.cluster.clone()))
                .collect();
            // Unscored gold mentions of the same layer: system mentions on them are dropped.
            let unscored: Vec<NamedMention> = all_gold
                .iter()
                .filter(|m| m.event == (layer == Layer::Events) && !(scored(m, layer) && in_scope(&m.tokens)))
                .map(|m| mention(gold, m.tokens.clone(), ""))
                .collect();
            let gold_only: Vec<NamedMention> = gold_side.iter().map(|m| m.0.clone()).collect();
            let system_only: Vec<NamedMention> = system.iter().map(|m| m.0.clone()).collect();
            let (_, matched) = align(&gold_only, &system_only, false);
            let mut taken = vec![false; system.len()];
            for (gi, (g, cluster)) in gold_side.iter().enumerate() {
                let twin = matched[gi].map(|si| {
                    taken[si] = true;
                    ScoredMention { document: d, mention: system[si].0.clone(), cluster: system[si].1.clone() }
                });
                out.push((Some(ScoredMention { document: d, mention: g.clone(), cluster: cluster.clone() }), twin));
            }
            // Twinless system mentions: scored unless outside the scope (a later sentence, or on
            // an unscored gold mention).
            let (_, on_unscored) = align(&system_only, &unscored, false);
            for (si, (s, cluster)) in system.iter().enumerate() {
                if taken[si] || !in_scope(&s.tokens) || on_unscored[si].is_some() {
                    continue;
                }
                out.push((None, Some(ScoredMention { document: d, mention: s.clone(), cluster: cluster.clone() })));
            }
        }
    }
    score.entities = sums_of(&score.entity_mentions);
    score.events = sums_of(&score.event_mentions);
    Ok(score)
}

fn sums_of(pairs: &[Pair]) -> Sums {
    let gold: Vec<Option<&str>> = pairs.iter().map(|p| p.0.as_ref().map(|m| m.cluster.as_str())).collect();
    let system: Vec<Option<&str>> = pairs.iter().map(|p| p.1.as_ref().map(|m| m.cluster.as_str())).collect();
    let (precision_sum, recall_sum) = sums(&gold, &system);
    let both: Vec<usize> = (0..pairs.len()).filter(|&i| gold[i].is_some() && system[i].is_some()).collect();
    let (mp, mr) =
        sums(&both.iter().map(|&i| gold[i]).collect::<Vec<_>>(), &both.iter().map(|&i| system[i]).collect::<Vec<_>>());
    let cross = |side: &dyn Fn(&Pair) -> Option<&ScoredMention>| {
        let mut docs: HashMap<&str, Vec<usize>> = HashMap::new();
        for m in pairs.iter().filter_map(side) {
            let d = docs.entry(m.cluster.as_str()).or_default();
            if !d.contains(&m.document) {
                d.push(m.document);
            }
        }
        docs.values().filter(|d| d.len() > 1).count()
    };
    Sums {
        gold: gold.iter().flatten().count(),
        system: system.iter().flatten().count(),
        matched: both.len(),
        precision_sum,
        recall_sum,
        matched_precision_sum: mp,
        matched_recall_sum: mr,
        cross_document_gold: cross(&|p| p.0.as_ref()),
        cross_document_system: cross(&|p| p.1.as_ref()),
    }
}

/// The scores of several topics.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// One per topic, in the order given.
    pub topics: Vec<TopicScore>,
}

impl Report {
    /// Entity and event sums over all topics.
    pub fn total(&self) -> (Sums, Sums) {
        let (mut entities, mut events) = (Sums::default(), Sums::default());
        for t in &self.topics {
            entities.add(&t.entities);
            events.add(&t.events);
        }
        (entities, events)
    }

    /// A plain-text table: per topic and overall, entities and events.
    pub fn table(&self) -> String {
        let mut out = String::from(
            "| topic | layer | gold | system | B³ P | B³ R | B³ F1 | mentions P | mentions R | matched B³ F1 | cross-doc clusters gold / system |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
        );
        let (entities, events) = self.total();
        let rows = self
            .topics
            .iter()
            .map(|t| (t.name.as_str(), t.entities, t.events))
            .chain(std::iter::once(("overall", entities, events)));
        for (name, entities, events) in rows {
            for (layer, s) in [("entities", entities), ("events", events)] {
                let (b, m, mb) = (s.b_cubed(), s.mentions(), s.matched_b_cubed());
                out.push_str(&format!(
                    "| {name} | {layer} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {} / {} |\n",
                    s.gold,
                    s.system,
                    b.precision,
                    b.recall,
                    b.f1,
                    m.precision,
                    m.recall,
                    mb.f1,
                    s.cross_document_gold,
                    s.cross_document_system
                ));
            }
        }
        out
    }

    /// Up to `n` grouping mistakes per layer: system clusters that join mentions of several gold
    /// instances (`joined`), gold instances that the system splits (`split`). Matched mentions only.
    pub fn error_listing(&self, n: usize) -> String {
        let mut out = String::new();
        for (layer, pick) in [("entities", Layer::Entities), ("events", Layer::Events)] {
            let mut lines = Vec::new();
            for t in &self.topics {
                let pairs = if pick == Layer::Entities { &t.entity_mentions } else { &t.event_mentions };
                let matched: Vec<(&ScoredMention, &ScoredMention)> =
                    pairs.iter().filter_map(|(g, s)| Some((g.as_ref()?, s.as_ref()?))).collect();
                for (what, key, other) in [("joined", 1, 0), ("split", 0, 1)] {
                    let mut groups: HashMap<&str, Vec<(&ScoredMention, &ScoredMention)>> = HashMap::new();
                    for &(g, s) in &matched {
                        let k = if key == 1 { s.cluster.as_str() } else { g.cluster.as_str() };
                        groups.entry(k).or_default().push((g, s));
                    }
                    let mut keys: Vec<&&str> = groups.keys().collect();
                    keys.sort();
                    for k in keys {
                        let members = &groups[*k];
                        let mut parts: Vec<(&str, Vec<String>)> = Vec::new();
                        for &(g, s) in members {
                            let c = if other == 1 { s.cluster.as_str() } else { g.cluster.as_str() };
                            let word = format!("{}:{}", g.document, g.mention.text);
                            match parts.iter_mut().find(|p| p.0 == c) {
                                Some(p) => p.1.push(word),
                                None => parts.push((c, vec![word])),
                            }
                        }
                        if parts.len() > 1 {
                            let shown: Vec<String> =
                                parts.iter().map(|(c, w)| format!("{c}: {}", w.join(", "))).collect();
                            lines.push(format!("{what}\t{}\t{}\t{}", t.name, k, shown.join("  |  ")));
                        }
                    }
                }
            }
            out.push_str(&format!("\n{layer}: {} grouping mistakes\n", lines.len()));
            for l in lines.into_iter().take(n) {
                out.push_str(&l);
                out.push('\n');
            }
        }
        out
    }
}

/// Score topics: each `(topic name, its (name, CAT XML) documents)`.
pub fn score_topics<N: AsRef<str>, T: AsRef<str>>(
    topics: &[(String, Vec<(N, T)>)],
) -> Result<Report, CorpusError<GoldError>> {
    let mut report = Report::default();
    for (name, files) in topics {
        report.topics.push(score_topic(name, files)?);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b_cubed_examples() {
        // (gold clusters, system clusters, precision, recall), one entry per mention.
        type Row<'a> = (&'a [Option<&'a str>], &'a [Option<&'a str>], f64, f64);
        let table: &[Row] = &[
            // Perfect.
            (&[Some("a"), Some("a"), Some("b")], &[Some("x"), Some("x"), Some("y")], 100.0, 100.0),
            // All singletons on the system side: precision perfect, recall 1/2 + 1/2 + 1 over 3.
            (&[Some("a"), Some("a"), Some("b")], &[Some("x"), Some("y"), Some("z")], 100.0, 200.0 / 3.0),
            // A twinless gold mention: recall loses it; a twinless system one: precision does.
            (&[Some("a"), None], &[None, Some("x")], 0.0, 0.0),
            (&[Some("a"), Some("b"), None], &[Some("x"), Some("y"), Some("z")], 200.0 / 3.0, 100.0),
            // A spurious mention in a system cluster dilutes its partner's precision.
            (&[Some("a"), None], &[Some("x"), Some("x")], 25.0, 100.0),
        ];
        for (gold, system, p, r) in table {
            let got = b_cubed(gold, system);
            assert!((got.precision - p).abs() < 1e-9, "{gold:?} {system:?}: precision {}", got.precision);
            assert!((got.recall - r).abs() < 1e-9, "{gold:?} {system:?}: recall {}", got.recall);
        }
    }

    #[test]
    fn gold_clusters_follow_instances() {
        let xml = r#"<Document doc_id="1">
<token t_id="1" sentence="0" number="0">Boeing</token>
<token t_id="2" sentence="0" number="1">sues</token>
<token t_id="3" sentence="0" number="2">Airbus</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="3"/></ENTITY_MENTION>
<EVENT_MENTION m_id="3"><token_anchor t_id="2"/></EVENT_MENTION>
<ENTITY m_id="10" ent_type="ORG" instance_id="ORG1"/><ENTITY m_id="11" ent_type="ORG"/>
<EVENT m_id="12" class="OTHER"/>
</Markables><Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="11"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><target m_id="12"/></REFERS_TO>
</Relations></Document>"#;
        let gold = read_gold(xml).unwrap();
        let mentions = gold_mentions(xml, &gold, "d1");
        let clusters: Vec<(&str, bool)> = mentions.iter().map(|m| (m.cluster.as_str(), m.event)).collect();
        assert_eq!(clusters, [("ORG1", false), ("d1#11", false), ("d1#12", true)]);
        let score = score_topic("t", &[("a.xml", xml)]).unwrap();
        assert_eq!((score.entities.gold, score.events.gold), (2, 1));
    }
}
