//! MEANTIME TIMEX3 scoring: dateline's time expressions against a NewsReader CAT XML document.
//!
//! A MEANTIME document is tokenised text plus stand-off markables: `<token t_id sentence
//! number>word</token>` elements, then `TIMEX3` markables (`type`, `value`,
//! `functionInDocument`) whose `<token_anchor t_id/>` children name the tokens they cover.
//! [`read_gold`] rebuilds a plain text from the tokens (one space between tokens, a newline
//! between sentences) and records each token's byte range in it. The system side is
//! [`crate::analyze`] run on that text with the gold creation time as an authoritative `dct`;
//! each system timex becomes the set of tokens its bytes touch.
//!
//! What is scored:
//! - only sentences 0–[`LAST_SCORED_SENTENCE`] (the title, the dateline and the first sentences),
//!   on both sides: MEANTIME annotates only those completely, later sentences are sparse (see
//!   `../shared/data/README.md`). An expression belongs to the sentence of its first token.
//! - not the creation time: the `TIMEX3` with `functionInDocument="CREATION_TIME"` (the Wikinews
//!   dateline, sentence 1) is left out of the gold, and system timexes that touch its tokens are
//!   left out of the system side, as TempEval leaves the `DCT` out of `<TEXT>`. Two documents
//!   mark no creation time; there the `TIMEX3` that is the whole of sentence 1 (the dateline)
//!   serves.
//! - not the empty `TIMEX3` (no token anchors): they have no text.
//!
//! The metrics mirror [`super::tempeval`]'s on tokens instead of characters: *strict* counts
//! identical token sets, *relaxed* any shared token (each side matched at most once: identical
//! sets first, then the largest overlap); *type F1* and *value F1* count relaxed matches whose
//! type (value) is also right. The report is a [`tempeval::Report`], so the table and the error
//! listing read the same; counts add up over documents (micro-averages).
//!
//! ```
//! use dateline::eval::meantime;
//!
//! let doc = r#"<Document doc_id="1" lang="en">
//! <token t_id="1" sentence="0" number="0">Bombs</token>
//! <token t_id="2" sentence="0" number="1">exploded</token>
//! <token t_id="3" sentence="1" number="2">August</token>
//! <token t_id="4" sentence="1" number="3">7</token>
//! <token t_id="5" sentence="1" number="4">,</token>
//! <token t_id="6" sentence="1" number="5">1998</token>
//! <token t_id="7" sentence="2" number="6">They</token>
//! <token t_id="8" sentence="2" number="7">exploded</token>
//! <token t_id="9" sentence="2" number="8">yesterday</token>
//! <Markables>
//! <TIMEX3 m_id="1" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">
//! <token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
//! </TIMEX3>
//! <TIMEX3 m_id="2" type="DATE" value="1998-08-06" functionInDocument="NONE"><token_anchor t_id="9"/></TIMEX3>
//! </Markables></Document>"#;
//! let gold = meantime::read_gold(doc).unwrap();
//! assert_eq!(gold.text, "Bombs exploded\nAugust 7 , 1998\nThey exploded yesterday");
//! assert_eq!(gold.dct.as_deref(), Some("1998-08-07"));
//! let score = meantime::score_document("a.xml", doc).unwrap();
//! assert_eq!((score.counts.gold, score.counts.strict_matches, score.counts.value_correct), (1, 1, 1));
//! ```

use super::tempeval::{self, compare, Counts, DocumentScore, Extent, Figures, Mention};
use crate::text::timeml::decode;
use crate::{analyze, DocumentInput};
use std::collections::HashMap;
use std::ops::Range;

/// The last sentence number scored: MEANTIME annotates sentences 0 to 5 of each article
/// completely (title, dateline, first sentences) and later ones only sparsely.
pub const LAST_SCORED_SENTENCE: usize = 5;

/// One line saying what is scored, for the reports.
pub const SCOPE: &str = "sentences 0-5 only (MEANTIME annotates the title and first sentences completely, \
                         later ones sparsely); the creation time (dateline) left out";

/// One token of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Its `t_id`.
    pub id: String,
    /// Its sentence number (`sentence`; 0 is the title).
    pub sentence: usize,
    /// Byte range in the rebuilt text.
    pub bytes: Range<usize>,
}

/// A time expression as a set of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenMention {
    /// Indices into the document's tokens, ascending, never empty.
    pub tokens: Vec<usize>,
    /// The sentence of its first token.
    pub sentence: usize,
    /// Its text, type and value; `bytes` runs from its first token's start to its last token's
    /// end in the rebuilt text.
    pub mention: Mention,
}

/// What a MEANTIME document holds for scoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDocument {
    /// The text rebuilt from the tokens: one space between tokens, a newline between sentences.
    pub text: String,
    /// The tokens, in document order.
    pub tokens: Vec<Token>,
    /// The creation time's value, if the document has one.
    pub dct: Option<String>,
    /// The creation time's tokens (indices into `tokens`; empty when it has none).
    pub dct_tokens: Vec<usize>,
    /// Every non-empty `TIMEX3` but the creation time, in text order, all sentences.
    pub timexes: Vec<TokenMention>,
}

impl GoldDocument {
    /// The gold timexes that are scored: those in sentences up to [`LAST_SCORED_SENTENCE`].
    pub fn scored_timexes(&self) -> Vec<TokenMention> {
        self.timexes.iter().filter(|t| t.sentence <= LAST_SCORED_SENTENCE).cloned().collect()
    }

    /// The tokens (indices, ascending) that `bytes` of the rebuilt text touch.
    pub fn tokens_of(&self, bytes: Range<usize>) -> Vec<usize> {
        tokens_of(&self.tokens, bytes)
    }

    /// A token set as a mention: the text between its first and last token.
    fn token_mention(&self, tokens: Vec<usize>, kind: String, value: String) -> Option<TokenMention> {
        let (first, last) = (&self.tokens[*tokens.first()?], &self.tokens[*tokens.last()?]);
        let bytes = first.bytes.start..last.bytes.end;
        Some(TokenMention {
            sentence: first.sentence,
            mention: Mention { text: self.text[bytes.clone()].to_string(), bytes, kind, value },
            tokens,
        })
    }
}

/// The tokens (indices, ascending) whose byte ranges share at least a byte with `bytes`.
pub fn tokens_of(tokens: &[Token], bytes: Range<usize>) -> Vec<usize> {
    let first = tokens.partition_point(|t| t.bytes.end <= bytes.start);
    (first..tokens.len()).take_while(|&i| tokens[i].bytes.start < bytes.end).collect()
}

/// A gold document that cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoldError {
    /// No `<token>` element.
    NoTokens,
    /// The markup is broken; the message says where.
    Malformed(String),
    /// The creation time's value is not a date dateline can read.
    BadCreationTime(String),
}

impl std::fmt::Display for GoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GoldError::NoTokens => write!(f, "no <token> element"),
            GoldError::Malformed(why) => write!(f, "malformed CAT XML: {why}"),
            GoldError::BadCreationTime(v) => write!(f, "unreadable creation time value {v:?}"),
        }
    }
}

impl std::error::Error for GoldError {}

/// A `TIMEX3` markable as read, before it is split into creation time and in-text timexes.
struct RawTimex {
    kind: String,
    value: String,
    creation_time: bool,
    tokens: Vec<usize>,
}

/// Read the tokens, the rebuilt text, the creation time and the gold `TIMEX3` of a CAT XML
/// document.
pub fn read_gold(xml: &str) -> Result<GoldDocument, GoldError> {
    let malformed = |why: String| GoldError::Malformed(why);
    let mut text = String::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut raw: Vec<RawTimex> = Vec::new();
    let mut open: Option<RawTimex> = None;
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        let gt = lt + rest[lt..].find('>').ok_or_else(|| malformed("unclosed tag at the end".into()))?;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        let (name, attributes) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        let self_closing = tag.ends_with('/');
        let name = name.trim_end_matches('/');
        let required = |what: &str, key: &str| {
            attribute(attributes, key).ok_or_else(|| malformed(format!("{what} without a {key} attribute: <{tag}>")))
        };
        match name {
            "token" if !self_closing => {
                let id = required("token", "t_id")?;
                let sentence: usize = required("token", "sentence")?
                    .parse()
                    .map_err(|_| malformed(format!("token {id} has a bad sentence number")))?;
                let end = rest.find("</token>").ok_or_else(|| malformed(format!("token {id} is never closed")))?;
                let word = decode(rest[..end].trim());
                rest = &rest[end + "</token>".len()..];
                if word.is_empty() {
                    return Err(malformed(format!("token {id} is empty")));
                }
                if let Some(previous) = tokens.last() {
                    text.push(if previous.sentence == sentence { ' ' } else { '\n' });
                }
                let start = text.len();
                text.push_str(&word);
                if index.insert(id.clone(), tokens.len()).is_some() {
                    return Err(malformed(format!("two tokens with t_id {id}")));
                }
                tokens.push(Token { id, sentence, bytes: start..text.len() });
            }
            "TIMEX3" => {
                if open.is_some() {
                    return Err(malformed(format!("TIMEX3 inside TIMEX3: <{tag}>")));
                }
                let timex = RawTimex {
                    kind: required("TIMEX3", "type")?,
                    value: required("TIMEX3", "value")?,
                    creation_time: attribute(attributes, "functionInDocument").as_deref() == Some("CREATION_TIME"),
                    tokens: Vec::new(),
                };
                if self_closing {
                    raw.push(timex);
                } else {
                    open = Some(timex);
                }
            }
            "/TIMEX3" => raw.push(open.take().ok_or_else(|| malformed("</TIMEX3> without TIMEX3".into()))?),
            "token_anchor" => {
                if let Some(timex) = open.as_mut() {
                    let id = required("token_anchor", "t_id")?;
                    let &i =
                        index.get(&id).ok_or_else(|| malformed(format!("TIMEX3 anchored to unknown token {id}")))?;
                    timex.tokens.push(i);
                }
            }
            _ => {}
        }
    }
    if open.is_some() {
        return Err(malformed("a TIMEX3 is never closed".into()));
    }
    if tokens.is_empty() {
        return Err(GoldError::NoTokens);
    }
    let mut gold = GoldDocument { text, tokens, dct: None, dct_tokens: Vec::new(), timexes: Vec::new() };
    for t in &mut raw {
        t.tokens.sort_unstable();
        t.tokens.dedup();
    }
    raw.retain(|t| !t.tokens.is_empty());
    let dct_at = raw.iter().position(|t| t.creation_time).or_else(|| {
        // No creation time marked: the dateline, a TIMEX3 that is the whole of sentence 1.
        let sentence_1: Vec<usize> = (0..gold.tokens.len()).filter(|&i| gold.tokens[i].sentence == 1).collect();
        raw.iter().position(|t| t.kind == "DATE" && t.tokens == sentence_1)
    });
    if let Some(at) = dct_at {
        let dct = raw.remove(at);
        gold.dct = Some(dct.value.trim().to_string());
        gold.dct_tokens = dct.tokens;
    }
    raw.sort_by_key(|t| t.tokens[0]);
    gold.timexes = raw
        .into_iter()
        .filter(|t| !t.creation_time)
        .filter_map(|t| gold.token_mention(t.tokens, t.kind, t.value))
        .collect();
    Ok(gold)
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
            return Some(decode(&after[1..end]));
        }
        rest = &after[end + 1..];
    }
}

/// The system's timexes for a gold document, as token sets, in text order: [`crate::analyze`] on
/// the rebuilt text with the gold creation time overriding any dateline. All sentences, the
/// creation time's tokens included (see [`score_document`] for what is scored).
pub fn system_timexes(name: &str, gold: &GoldDocument) -> Result<Vec<TokenMention>, GoldError> {
    let input = DocumentInput {
        name: name.to_string(),
        text: gold.text.clone(),
        dct: gold.dct.clone(),
        dct_overrides_text: true,
    };
    let analysis = analyze(&[input]).map_err(|_| GoldError::BadCreationTime(gold.dct.clone().unwrap_or_default()))?;
    Ok(analysis.documents[0]
        .timexes
        .iter()
        .filter_map(|t| {
            let mut m =
                gold.token_mention(gold.tokens_of(t.bytes.clone()), t.kind.as_str().to_string(), t.value.clone())?;
            m.mention.text = t.text.clone();
            Some(m)
        })
        .collect())
}

/// Score one MEANTIME document: analyse its rebuilt text with its creation time and compare the
/// timexes found with the gold ones, in sentences 0–[`LAST_SCORED_SENTENCE`] only and leaving the
/// creation time out on both sides.
pub fn score_document(name: &str, xml: &str) -> Result<DocumentScore, GoldError> {
    let gold = read_gold(xml)?;
    let system: Vec<TokenMention> = system_timexes(name, &gold)?
        .into_iter()
        .filter(|t| t.sentence <= LAST_SCORED_SENTENCE)
        .filter(|t| !t.tokens.iter().any(|i| gold.dct_tokens.contains(i)))
        .collect();
    Ok(compare(name, &gold.text, &gold.scored_timexes(), &system))
}

impl Extent for TokenMention {
    fn mention(&self) -> &Mention {
        &self.mention
    }

    fn same_extent(&self, other: &Self) -> bool {
        self.tokens == other.tokens
    }

    /// Tokens in common (token lists are sorted).
    fn overlap(&self, other: &Self) -> usize {
        other.tokens.iter().filter(|i| self.tokens.binary_search(i).is_ok()).count()
    }

    fn position(&self) -> usize {
        self.tokens.first().copied().unwrap_or(0)
    }
}

/// A CAT XML document that could not be scored, with its name.
pub type CorpusError = super::CorpusError<GoldError>;

/// The scores of a MEANTIME corpus, document by document: a [`tempeval::Report`] (same table,
/// same error listing) whose JSON names the metric and the scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The per-document scores.
    pub scores: tempeval::Report,
}

/// Score a corpus given as `(name, CAT XML)` pairs; names are paths relative to the corpus
/// directory with `/` separators, their first directory naming the sub-corpus
/// (`corpus_airbus`, `corpus_apple`).
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
    Ok(Report { scores: tempeval::Report { documents } })
}

impl Report {
    /// The counts over every document.
    pub fn total(&self) -> Counts {
        self.scores.total()
    }

    /// The rows of the report: each sub-corpus (when there is more than one), then `overall`.
    pub fn figures(&self) -> Vec<Figures> {
        self.scores.figures()
    }

    /// The figures as a plain-text table (percentages), as `eval tempeval3` prints them.
    pub fn table(&self) -> String {
        self.scores.table()
    }

    /// The first `n` errors of each kind, one per line.
    pub fn error_listing(&self, n: usize) -> String {
        self.scores.error_listing(n)
    }

    /// The figures as pretty-printed JSON; with `errors`, the first that many errors of each kind
    /// too.
    pub fn json(&self, errors: Option<usize>) -> String {
        self.scores.json_as("meantime-timex3", Some(SCOPE), errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::tempeval::{align, MistakeKind};

    /// A CAT XML document from sentences of space-separated tokens and `TIMEX3` markables given
    /// as (type, value, functionInDocument, token ids); token ids count from 1 across sentences.
    fn cat(sentences: &[&str], timexes: &[(&str, &str, &str, &[usize])]) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" ?><Document doc_id=\"1\" doc_name=\"x\" lang=\"en\" url=\"http://x\">\n",
        );
        let mut id = 0;
        for (s, sentence) in sentences.iter().enumerate() {
            for word in sentence.split(' ') {
                id += 1;
                out += &format!("<token number=\"{}\" sentence=\"{s}\" t_id=\"{id}\">{word}</token>\n", id - 1);
            }
        }
        out += "<Markables>\n<ENTITY_MENTION m_id=\"90\" syntactic_type=\"NAM\">\n<token_anchor t_id=\"1\"/>\n</ENTITY_MENTION>\n";
        for (m, (kind, value, function, ids)) in timexes.iter().enumerate() {
            out += &format!(
                "<TIMEX3 anchorTimeID=\"\" beginPoint=\"\" comment=\"\" endPoint=\"\" functionInDocument=\"{function}\" m_id=\"{m}\" type=\"{kind}\" value=\"{value}\">\n"
            );
            for i in *ids {
                out += &format!("<token_anchor t_id=\"{i}\"/>\n");
            }
            out += "</TIMEX3>\n";
        }
        out += "<TIMEX3 TAG_DESCRIPTOR=\"2058\" anchorTimeID=\"\" functionInDocument=\"NONE\" m_id=\"99\" type=\"DATE\" value=\"2058\"/>\n";
        out + "</Markables>\n<Relations>\n</Relations>\n</Document>\n"
    }

    const TITLE: &str = "Bombs explode";
    const DATELINE: &str = "August 07 , 1998";
    const DCT: (&str, &str, &str, &[usize]) = ("DATE", "1998-08-07", "CREATION_TIME", &[3, 4, 5, 6]);

    #[test]
    fn rebuilds_the_text_and_maps_tokens_to_bytes() {
        let doc = cat(
            &[TITLE, DATELINE, "AT&amp;T said &quot; two years &quot; ."],
            &[DCT, ("DURATION", "P2Y", "NONE", &[11, 10])],
        );
        let gold = read_gold(&doc).unwrap();
        assert_eq!(gold.text, "Bombs explode\nAugust 07 , 1998\nAT&T said \" two years \" .");
        let words: Vec<_> =
            gold.tokens.iter().map(|t| (t.id.as_str(), t.sentence, &gold.text[t.bytes.clone()])).collect();
        assert_eq!(words[..3], [("1", 0, "Bombs"), ("2", 0, "explode"), ("3", 1, "August")]);
        assert_eq!(words[6..8], [("7", 2, "AT&T"), ("8", 2, "said")]);
        assert_eq!(gold.dct.as_deref(), Some("1998-08-07"));
        assert_eq!(gold.dct_tokens, [2, 3, 4, 5]);
        // the empty TIMEX3 and the creation time are left out; anchors are sorted
        let timexes: Vec<_> = gold
            .timexes
            .iter()
            .map(|t| {
                (
                    t.tokens.clone(),
                    t.sentence,
                    t.mention.text.as_str(),
                    t.mention.kind.as_str(),
                    t.mention.value.as_str(),
                )
            })
            .collect();
        assert_eq!(timexes, [(vec![9, 10], 2, "two years", "DURATION", "P2Y")]);

        // bytes → tokens: (byte range in the text, token indices touched)
        let at = |s: &str| gold.text.find(s).unwrap();
        let table: [(Range<usize>, &[usize]); 6] = [
            (at("two")..at("two") + 9, &[9, 10]),
            (at("wo")..at("wo") + 1, &[9]),
            (at(" two")..at(" two") + 1, &[]),
            (at("1998")..at("AT&T") + 2, &[5, 6]),
            (at("Bombs")..gold.text.len(), &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
            (0..0, &[]),
        ];
        for (bytes, expected) in table {
            assert_eq!(gold.tokens_of(bytes.clone()), expected, "{:?}", &gold.text[bytes]);
        }
    }

    #[test]
    fn the_dateline_stands_in_for_an_unmarked_creation_time() {
        let doc = cat(&[TITLE, DATELINE, "It rained today"], &[("DATE", "1998-08-07", "NONE", &[3, 4, 5, 6])]);
        let gold = read_gold(&doc).unwrap();
        assert_eq!(
            (gold.dct.as_deref(), gold.dct_tokens.as_slice(), gold.timexes.len()),
            (Some("1998-08-07"), &[2, 3, 4, 5][..], 0)
        );
        // part of the dateline is not the dateline
        let doc = cat(&[TITLE, DATELINE, "It rained today"], &[("DATE", "1998-08", "NONE", &[3, 6])]);
        let gold = read_gold(&doc).unwrap();
        assert_eq!((gold.dct, gold.timexes.len()), (None, 1));
    }

    #[test]
    fn broken_gold_is_an_error() {
        let timex = "<Markables><TIMEX3 m_id=\"1\" type=\"DATE\" value=\"1998\">";
        let token = "<token t_id=\"1\" sentence=\"0\" number=\"0\">1998</token>";
        let table = [
            ("<Document></Document>".to_string(), "no <token> element"),
            (format!("{token}{timex}<token_anchor t_id=\"1\"/></Markables>"), "never closed"),
            (format!("{token}{timex}<token_anchor t_id=\"7\"/></TIMEX3>"), "unknown token 7"),
            (format!("{token}<TIMEX3 m_id=\"1\" value=\"1998\"></TIMEX3>"), "without a type attribute"),
            (format!("{token}</TIMEX3>"), "without TIMEX3"),
            ("<token t_id=\"1\" number=\"0\">a</token>".to_string(), "without a sentence attribute"),
            ("<token t_id=\"1\" sentence=\"0\">a".to_string(), "token 1 is never closed"),
            (format!("{token}{token}"), "two tokens with t_id 1"),
        ];
        for (doc, expected) in table {
            let error = read_gold(&doc).unwrap_err().to_string();
            assert!(error.contains(expected), "{error:?} lacks {expected:?}");
        }
        let bad_dct = cat(&[TITLE, DATELINE], &[("DATE", "1998-13-45", "CREATION_TIME", &[3, 4, 5, 6])]);
        assert_eq!(score_document("a", &bad_dct).unwrap_err(), GoldError::BadCreationTime("1998-13-45".into()));
    }

    /// A gold timex in the table below: (type, value, indices of its words in its sentence).
    type Gold = (&'static str, &'static str, &'static [usize]);
    /// Expected counts: gold, system, strict, relaxed, type right, value right.
    type Expected = ([usize; 6], &'static [MistakeKind]);

    /// Hand-written gold against what the grammar finds in it: (case, sentence number, sentence,
    /// its TIMEX3, expected counts and mistakes). Every document has a title and a dateline (the
    /// creation time), and "It was hot ." fills the sentences between them and the one tested.
    #[test]
    fn scores_documents() {
        use MistakeKind::*;
        let friday = "Bombs exploded Friday .";
        let table: [(&str, usize, &str, &[Gold], Expected); 8] = [
            ("exact", 2, friday, &[("DATE", "1998-08-07", &[2])], ([1, 1, 1, 1, 1, 1], &[])),
            ("overlap", 2, friday, &[("DATE", "1998-08-07", &[1, 2])], ([1, 1, 0, 1, 1, 1], &[Extent])),
            (
                "miss",
                2,
                "He will call whenever he likes .",
                &[("DATE", "FUTURE_REF", &[3, 4, 5])],
                ([1, 0, 0, 0, 0, 0], &[Missed]),
            ),
            ("spurious", 2, "He has lived there since 2007 .", &[], ([0, 1, 0, 0, 0, 0], &[Spurious])),
            ("wrong value", 2, friday, &[("DATE", "1998-07-31", &[2])], ([1, 1, 1, 1, 1, 0], &[WrongValue])),
            ("wrong type", 2, friday, &[("TIME", "1998-08-07", &[2])], ([1, 1, 1, 1, 0, 1], &[WrongType])),
            // the creation time is neither gold nor system, though the grammar finds the dateline
            ("creation time only", 2, "Nothing happened .", &[], ([0, 0, 0, 0, 0, 0], &[])),
            // sentences after the fifth are not scored, on either side
            ("sentence 6", 6, friday, &[("DATE", "1998-08-07", &[2])], ([0, 0, 0, 0, 0, 0], &[])),
        ];
        for (case, at, sentence, timexes, ([gold, system, strict, relaxed, type_correct, value_correct], kinds)) in
            table
        {
            let mut sentences = vec![TITLE, DATELINE];
            sentences.resize(at, "It was hot .");
            sentences.extend([sentence, "It was hot ."]);
            let first_id = 1 + sentences[..at].iter().map(|s| s.split(' ').count()).sum::<usize>();
            let ids: Vec<Vec<usize>> = timexes.iter().map(|t| t.2.iter().map(|w| first_id + w).collect()).collect();
            let markables: Vec<(&str, &str, &str, &[usize])> = std::iter::once(DCT)
                .chain(timexes.iter().zip(&ids).map(|(&(kind, value, _), ids)| (kind, value, "NONE", ids.as_slice())))
                .collect();
            let doc = cat(&sentences, &markables);

            let read = read_gold(&doc).unwrap();
            assert_eq!(read.timexes.iter().map(|t| t.sentence).collect::<Vec<_>>(), vec![at; timexes.len()], "{case}");
            let found = system_timexes(case, &read).unwrap();
            let on_dateline = |t: &TokenMention| t.tokens.iter().any(|i| read.dct_tokens.contains(i));
            assert!(found.iter().any(on_dateline), "{case}: the grammar finds nothing on the dateline");
            if at > LAST_SCORED_SENTENCE {
                assert!(found.iter().any(|t| t.sentence == at), "{case}: the grammar finds nothing to leave out");
            }

            let score = score_document(case, &doc).unwrap();
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

    fn mention(tokens: &[usize]) -> TokenMention {
        TokenMention {
            tokens: tokens.to_vec(),
            sentence: 0,
            mention: Mention { bytes: 0..0, text: String::new(), kind: "DATE".into(), value: "1".into() },
        }
    }

    #[test]
    fn alignment_is_one_to_one_and_prefers_identical_token_sets() {
        type Sets = &'static [&'static [usize]];
        type Pairs = &'static [(usize, usize)];
        // (gold token sets, system token sets, expected (gold, system) index pairs)
        let table: [(Sets, Sets, Pairs); 5] = [
            (&[&[0, 1]], &[&[0, 1]], &[(0, 0)]),
            // one system timex over two gold ones matches only the first
            (&[&[0, 1], &[3]], &[&[0, 1, 2, 3]], &[(0, 0)]),
            // the identical set wins over an earlier overlap
            (&[&[3, 4]], &[&[2, 3], &[3, 4]], &[(0, 1)]),
            // the larger overlap wins
            (&[&[0, 1, 2, 3]], &[&[0], &[2, 3]], &[(0, 1)]),
            // neighbours share no token
            (&[&[0, 1]], &[&[2]], &[]),
        ];
        for (gold, system, expected) in table {
            let g: Vec<_> = gold.iter().map(|t| mention(t)).collect();
            let s: Vec<_> = system.iter().map(|t| mention(t)).collect();
            assert_eq!(align(&g, &s), expected, "{gold:?} vs {system:?}");
        }
    }

    #[test]
    fn corpus_report_names_metric_and_scope() {
        let doc = cat(&[TITLE, DATELINE, "Bombs exploded Friday ."], &[DCT, ("DATE", "1998-08-07", "NONE", &[9])]);
        let report = score_corpus([("corpus_a/1.xml", doc.as_str()), ("corpus_b/2.xml", doc.as_str())]).unwrap();
        assert_eq!(
            report.figures().iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
            ["corpus_a", "corpus_b", "overall"]
        );
        assert_eq!((report.total().documents, report.total().gold, report.total().strict_matches), (2, 2, 2));
        let json: serde_json::Value = serde_json::from_str(&report.json(Some(1))).unwrap();
        assert_eq!(json["metric"], "meantime-timex3");
        assert!(json["scope"].as_str().unwrap().contains("sentences 0-5"));
        assert_eq!(json["figures"][2]["strict"]["f1"], 100.0);
        let error = score_corpus([("corpus_a/bad.xml", "<Document/>")]).unwrap_err();
        assert_eq!(error.to_string(), "corpus_a/bad.xml: no <token> element");
    }
}
