//! Event-to-time anchoring accuracy on MEANTIME's `TLINK`s.
//!
//! Gold: each `EVENT_MENTION` in sentences 0–[`meantime::LAST_SCORED_SENTENCE`] (MEANTIME
//! annotates those completely) that a `TLINK` ties to a time: to a `TIMEX3` of the text by an
//! inclusion relation (`IS_INCLUDED`, `INCLUDES`, `SIMULTANEOUS`, `BEGINS`, `ENDS`,
//! `BEGUN_BY`, `ENDED_BY`, `DURING`), or to the creation time (`BEFORE`, `AFTER`, or an
//! inclusion: on the creation day). A link to the creation time's `TIMEX3` is read from the
//! event's side whichever way it points. An event may have several acceptable anchors.
//!
//! System: the event of [`crate::analyze`] (run on the rebuilt text with the gold creation time
//! as authoritative `dct`) whose trigger starts in the gold event's first token. Its answer is
//! the time expression its time rests on (a time expression on the creation time's tokens counts
//! as the creation day), else what its anchor says of the creation time (`creation_time`: on
//! the day, and `news_day` without a time expression, whose time is the creation day; a
//! `news_day` on an earlier story day the lede names, "Friday", counts as before it, since no
//! TLINK of the event's sentence can tie it to the lede's time expression;
//! `before_creation`, `after_creation`),
//! else nothing.
//!
//! Figures: *found* = gold-anchored events the system has; *accuracy* = correct answers over
//! found; *anchored recall* = correct answers over all gold-anchored events.

use super::meantime::{self, read_gold};
use crate::events::AnchorKind;
use crate::text::timeml::decode;
use crate::{analyze, DocumentInput};
use serde::Serialize;
use std::collections::HashMap;

/// An anchor, gold or system.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Answer {
    /// A time expression of the text, as token indices.
    Timex(Vec<usize>),
    /// On the creation day.
    OnCreation,
    /// Before the creation time.
    BeforeCreation,
    /// After it.
    AfterCreation,
}

/// Counts over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Gold events with an anchor.
    pub gold: usize,
    /// Of those, found by the system.
    pub found: usize,
    /// Of those, anchored as the gold says.
    pub correct: usize,
    /// Gold events anchored to a time expression of the text (the rest: to the creation time).
    pub gold_to_timex: usize,
    /// Of those, found and correct.
    pub correct_to_timex: usize,
}

impl Counts {
    /// Correct over found, in percent.
    pub fn accuracy(&self) -> f64 {
        super::percent(self.correct, self.found)
    }

    /// Correct over gold, in percent.
    pub fn anchored_recall(&self) -> f64 {
        super::percent(self.correct, self.gold)
    }

    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.correct += o.correct;
        self.gold_to_timex += o.gold_to_timex;
        self.correct_to_timex += o.correct_to_timex;
    }
}

/// A markable: its kind, attributes and tokens.
struct Markable {
    tokens: Vec<String>,
    creation_time: bool,
    event: bool,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(decode(&tag[at..at + end]))
}

/// Score one MEANTIME document.
pub fn score_document(xml: &str) -> Result<(Counts, Vec<Mistake>), meantime::GoldError> {
    let gold = read_gold(xml)?;
    let index: HashMap<&str, usize> = gold.tokens.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    // Markables and links, read with a small scanner.
    let mut markables: HashMap<String, Markable> = HashMap::new();
    let mut links: Vec<(String, String, String)> = Vec::new();
    let mut open: Option<(String, Markable)> = None;
    let mut link: Option<(String, Option<String>, Option<String>)> = None;
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        let Some(gt) = rest[lt..].find('>').map(|g| lt + g) else { break };
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        match name {
            "EVENT_MENTION" | "TIMEX3" if !tag.starts_with('/') => {
                let Some(id) = attribute(tag, "m_id") else { continue };
                let m = Markable {
                    tokens: Vec::new(),
                    creation_time: attribute(tag, "functionInDocument").as_deref() == Some("CREATION_TIME"),
                    event: name == "EVENT_MENTION",
                };
                if tag.ends_with('/') {
                    markables.insert(id, m);
                } else {
                    open = Some((id, m));
                }
            }
            "token_anchor" => {
                if let (Some((_, m)), Some(t)) = (open.as_mut(), attribute(tag, "t_id")) {
                    m.tokens.push(t);
                }
            }
            "TLINK" if !tag.starts_with('/') => link = attribute(tag, "reltype").map(|r| (r, None, None)),
            "source" | "target" => {
                if let (Some(l), Some(id)) = (link.as_mut(), attribute(tag, "m_id")) {
                    if name == "source" {
                        l.1 = Some(id);
                    } else {
                        l.2 = Some(id);
                    }
                }
            }
            _ if tag.starts_with('/') => {
                if matches!(&tag[1..], "EVENT_MENTION" | "TIMEX3") {
                    if let Some((id, m)) = open.take() {
                        markables.insert(id, m);
                    }
                } else if &tag[1..] == "TLINK" {
                    if let Some((r, Some(s), Some(t))) = link.take() {
                        links.push((r, s, t));
                    }
                }
            }
            _ => {}
        }
    }
    let tokens_of =
        |m: &Markable| -> Vec<usize> { m.tokens.iter().filter_map(|t| index.get(t.as_str()).copied()).collect() };
    // Gold anchors per event.
    let mut anchors: HashMap<&str, Vec<Answer>> = HashMap::new();
    const INCLUSION: &[&str] =
        &["IS_INCLUDED", "INCLUDES", "SIMULTANEOUS", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY", "DURING"];
    for (rel, source, target) in &links {
        let (Some(s), Some(t)) = (markables.get(source), markables.get(target)) else { continue };
        let (event, timex, event_first) = match (s.event, t.event) {
            (true, false) => (source.as_str(), t, true),
            (false, true) => (target.as_str(), s, false),
            _ => continue,
        };
        let answer = if timex.creation_time {
            match (rel.as_str(), event_first) {
                ("BEFORE" | "IBEFORE", true) | ("AFTER" | "IAFTER", false) => Answer::BeforeCreation,
                ("AFTER" | "IAFTER", true) | ("BEFORE" | "IBEFORE", false) => Answer::AfterCreation,
                (r, _) if INCLUSION.contains(&r) => Answer::OnCreation,
                _ => continue,
            }
        } else if INCLUSION.contains(&rel.as_str()) {
            let tokens = tokens_of(timex);
            if tokens.is_empty() {
                continue;
            }
            Answer::Timex(tokens)
        } else {
            continue;
        };
        anchors.entry(event).or_default().push(answer);
    }
    let analysis = analyze(&[DocumentInput {
        name: "meantime".into(),
        text: gold.text.clone(),
        dct: gold.dct.clone(),
        dct_overrides_text: gold.dct.is_some(),
    }])
    .map_err(|e| meantime::GoldError::Malformed(e.to_string()))?;
    let doc = &analysis.documents[0];
    let mut counts = Counts::default();
    let mut mistakes = Vec::new();
    let words = |tokens: &[usize]| {
        tokens.iter().map(|&i| &gold.text[gold.tokens[i].bytes.clone()]).collect::<Vec<_>>().join(" ")
    };
    let show = |a: &Answer| match a {
        Answer::Timex(tokens) => format!("\"{}\"", words(tokens)),
        Answer::OnCreation => "on the creation day".to_string(),
        Answer::BeforeCreation => "before the creation time".to_string(),
        Answer::AfterCreation => "after the creation time".to_string(),
    };
    // In text order, so that the mistakes list the same way on every run.
    let mut anchors: Vec<_> = anchors.into_iter().collect();
    anchors.sort_by_key(|(event, _)| markables.get(*event).and_then(|m| tokens_of(m).into_iter().min()));
    for (event, answers) in &anchors {
        let Some(m) = markables.get(*event) else { continue };
        let tokens = tokens_of(m);
        let Some(&first) = tokens.iter().min() else { continue };
        if gold.tokens[first].sentence > meantime::LAST_SCORED_SENTENCE {
            continue;
        }
        let to_timex = answers.iter().any(|a| matches!(a, Answer::Timex(_)));
        counts.gold += 1;
        counts.gold_to_timex += usize::from(to_timex);
        let bytes = &gold.tokens[first].bytes;
        // Written out only for a mistake: the sentence is a walk over the document's tokens.
        let mistake = |system| Mistake {
            word: words(&tokens),
            gold: answers.iter().map(show).collect::<Vec<_>>().join(" or "),
            system,
            sentence: gold
                .tokens
                .iter()
                .filter(|t| t.sentence == gold.tokens[first].sentence)
                .map(|t| &gold.text[t.bytes.clone()])
                .collect::<Vec<_>>()
                .join(" "),
        };
        let Some(e) = doc.events.iter().find(|e| bytes.contains(&e.bytes.start)) else {
            mistakes.push(mistake(None));
            continue;
        };
        counts.found += 1;
        let answer = e.time.as_ref().and_then(|time| match (&time.timex, time.anchor) {
            // The news day of a story day the lede names ("announced Friday"): an inference from
            // another sentence, which no TLINK of this one ties it to; it says the event took
            // place on that day, before the creation day.
            (Some(_), AnchorKind::NewsDay) => Some(match (&time.start, &gold.dct) {
                (Some(start), Some(dct)) if start.get(..10) < dct.get(..10) => Answer::BeforeCreation,
                _ => Answer::OnCreation,
            }),
            (Some(id), _) => {
                let t = doc.timexes.iter().find(|t| &t.id == id)?;
                let tokens = gold.tokens_of(t.bytes.clone());
                if tokens.iter().any(|i| gold.dct_tokens.contains(i)) {
                    Some(Answer::OnCreation)
                } else {
                    Some(Answer::Timex(tokens))
                }
            }
            (None, AnchorKind::CreationTime) => Some(Answer::OnCreation),
            (None, AnchorKind::BeforeCreation) => Some(Answer::BeforeCreation),
            (None, AnchorKind::NewsDay) => Some(Answer::OnCreation),
            (None, AnchorKind::AfterCreation) => Some(Answer::AfterCreation),
            _ => None,
        });
        let correct = answer.as_ref().is_some_and(|a| {
            answers.iter().any(|g| match (g, a) {
                (Answer::Timex(x), Answer::Timex(y)) => x.iter().any(|i| y.contains(i)),
                (g, a) => g == a,
            })
        });
        if correct {
            counts.correct += 1;
            counts.correct_to_timex += usize::from(to_timex);
        } else {
            // The anchor's name as the JSON output writes it ("news_day").
            let rule = e.time.as_ref().and_then(|t| serde_json::to_value(t.anchor).ok());
            let rule = rule.as_ref().and_then(|v| v.as_str()).unwrap_or("no time");
            let system = format!("{} ({rule})", answer.as_ref().map_or_else(|| "nothing".to_string(), show));
            mistakes.push(mistake(Some(system)));
        }
    }
    Ok((counts, mistakes))
}

/// A gold-anchored event the system misses or anchors otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// The event's words.
    pub word: String,
    /// The gold anchors, as text ("\"Monday\" or on the creation day").
    pub gold: String,
    /// The system's anchor and the rule that made it; `None` when it has no such event.
    pub system: Option<String>,
    /// The sentence, tokens joined by spaces.
    pub sentence: String,
}

/// Per sub-corpus (first directory level) and overall.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// (name, counts), the last row `overall`.
    pub rows: Vec<(String, Counts)>,
    /// Every miss and wrong anchor, in corpus order, with its document.
    #[serde(skip)]
    pub mistakes: Vec<(String, Mistake)>,
}

impl Report {
    /// The figures as a table.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<16} {:>6} {:>6} {:>8} {:>9} {:>9} {:>12}\n",
            "", "gold", "found", "correct", "accuracy", "recall", "to a timex"
        );
        for (name, c) in &self.rows {
            out.push_str(&format!(
                "{name:<16} {:>6} {:>6} {:>8} {:>9.2} {:>9.2} {:>6}/{:<5}\n",
                c.gold,
                c.found,
                c.correct,
                c.accuracy(),
                c.anchored_recall(),
                c.correct_to_timex,
                c.gold_to_timex
            ));
        }
        out
    }

    /// The first `n` events not found and the first `n` anchored otherwise than the gold, one a
    /// line: document, word, gold anchors, the system's (with its rule), sentence.
    pub fn error_listing(&self, n: usize) -> String {
        let mut out = String::new();
        for (found, label) in [(false, "not found"), (true, "wrong anchor")] {
            let of_kind: Vec<_> = self.mistakes.iter().filter(|(_, m)| m.system.is_some() == found).collect();
            out.push_str(&format!("\n{label}: {}\n", of_kind.len()));
            for (doc, m) in of_kind.into_iter().take(n) {
                out.push_str(&format!(
                    "{label}\t{doc}\t{}\t{} -> {}\t{}\n",
                    m.word,
                    m.gold,
                    m.system.as_deref().unwrap_or("-"),
                    m.sentence
                ));
            }
        }
        out
    }
}

/// Score every `(name, contents)` MEANTIME document; rows per first path component.
pub fn score_corpus(
    files: impl IntoIterator<Item = (String, String)>,
) -> Result<Report, super::CorpusError<meantime::GoldError>> {
    let mut rows: Vec<(String, Counts)> = Vec::new();
    let mut overall = Counts::default();
    let mut all_mistakes = Vec::new();
    for (name, xml) in files {
        let (counts, mistakes) =
            score_document(&xml).map_err(|error| super::CorpusError { document: name.clone(), error })?;
        all_mistakes.extend(mistakes.into_iter().map(|m| (name.clone(), m)));
        let group = name.split('/').next().unwrap_or(&name).to_string();
        match rows.iter_mut().find(|(g, _)| *g == group) {
            Some((_, c)) => c.add(counts),
            None => rows.push((group, counts)),
        }
        overall.add(counts);
    }
    rows.push(("overall".into(), overall));
    Ok(Report { rows, mistakes: all_mistakes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_document_scores() {
        let xml = r#"<Document doc_id="1">
<token t_id="1" sentence="0" number="0">Airbus</token><token t_id="2" sentence="0" number="1">delivered</token>
<token t_id="3" sentence="0" number="2">jets</token>
<token t_id="4" sentence="1" number="3">March</token><token t_id="5" sentence="1" number="4">1</token>
<token t_id="6" sentence="1" number="5">,</token><token t_id="7" sentence="1" number="6">2008</token>
<token t_id="8" sentence="2" number="7">Boeing</token><token t_id="9" sentence="2" number="8">unveiled</token>
<token t_id="10" sentence="2" number="9">a</token><token t_id="11" sentence="2" number="10">plane</token>
<token t_id="12" sentence="2" number="11">in</token><token t_id="13" sentence="2" number="12">2007</token>
<token t_id="14" sentence="3" number="13">It</token><token t_id="15" sentence="3" number="14">flew</token>
<Markables>
<EVENT_MENTION m_id="20"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="21"><token_anchor t_id="9"/></EVENT_MENTION>
<EVENT_MENTION m_id="22"><token_anchor t_id="15"/></EVENT_MENTION>
<TIMEX3 m_id="30" type="DATE" value="2008-03-01" functionInDocument="CREATION_TIME"><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/></TIMEX3>
<TIMEX3 m_id="31" type="DATE" value="2007" functionInDocument="NONE"><token_anchor t_id="13"/></TIMEX3>
</Markables>
<Relations>
<TLINK r_id="1" reltype="INCLUDES"><source m_id="30"/><target m_id="20"/></TLINK>
<TLINK r_id="2" reltype="IS_INCLUDED"><source m_id="21"/><target m_id="31"/></TLINK>
<TLINK r_id="3" reltype="BEFORE"><source m_id="22"/><target m_id="30"/></TLINK>
</Relations></Document>"#;
        let (c, mistakes) = score_document(xml).unwrap();
        assert!(mistakes.is_empty(), "{mistakes:?}");
        // "delivered" (a simple past nothing dates) is on the news day, the creation day here:
        // right; "unveiled" rests on "2007": right; "flew" is before the creation time (after a
        // sentence naming 2007 it is no news day, and "It" does not carry the 2007 narrative
        // on): right.
        assert_eq!((c.gold, c.found, c.correct), (3, 3, 3), "{c:?}");
        assert_eq!((c.gold_to_timex, c.correct_to_timex), (1, 1));
    }
}
