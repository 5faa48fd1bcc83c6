//! Careers: the steps of a person's working life an article tells ("entered the diplomatic
//! service in 1976", "ambassador to North Korea from June 2001 to December 2006", "before moving
//! to Ankara in 2007", "He was then appointed to the role of ambassador to Turkey"), and when each
//! article has the person come to a country.
//!
//! A *step* is an asserted event of a career, appointment or movement class. Rules (ids as in
//! [`Step::rule`], joined by `+`):
//! - who: `person_in_sentence`, the first person the step's sentence names before its trigger
//!   ("Mr. Karlov, who started his career …, before moving to Ankara"); `biography_run`, for a
//!   sentence naming no person ("He went on to …", "The career diplomat … entered"), the person
//!   of a step or a mention at most two sentences before.
//! - when: `after_previous_step`, for a step whose clause says it came next (`then`, `later`,
//!   "went on": `sequence.txt`) and whose time no expression of its own clause or sentence gives,
//!   from the latest end of the person's steps told before it, open-ended ("He was then appointed
//!   …" after "director from January 2009 to July 2013": July 2013 or later); else `own_time`,
//!   the event's bounded time.
//! - where: the first place the step's clause names after its trigger ("moving to Ankara",
//!   "ambassador to Turkey"), read as its country where the story places it in one
//!   (`place_in_country`: "Ankara, Turkey", "the Turkish capital Ankara").
//!
//! Across articles (rule `arrival_time`), for one story person and one country, each article's
//! earliest step there is its arrival. Arrivals whose times meet are `consistent` (`agree` when
//! they read the same). Arrivals that do not meet are a `conflict` only when the article telling
//! the later one has the person in a dated post in between that names no place in that country
//! ("served as its director from January 2009 to July 2013"): the two accounts of those years
//! cannot both hold. Otherwise they are `consistent`, since an earlier stay and a later post can
//! both be true. A point told by one article alone is not listed.

use super::{and_list, certainty_note, dates, distinct, Doc, StoryIndex, Weighed};
use crate::compare::{Comparison, Interval, Verdict};
use crate::entity::Kind;
use crate::events::Event;
use std::ops::Range;

/// Classes of happening that are steps of a career.
const STEP_CLASSES: &[&str] = &["career", "appointment", "movement"];

/// Classes of happening that hold a post for a time (a movement does not).
const POST_CLASSES: &[&str] = &["career", "appointment"];

/// One step of a person's career in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Step<'a> {
    /// The event.
    pub event: &'a Event,
    /// The person's entity id in the document.
    pub person: String,
    /// The place the step is at (entity id) and the bytes of its mention.
    pub place: Option<(String, Range<usize>)>,
    /// First instant, an ISO 8601 prefix.
    pub start: String,
    /// Last instant, `None` when open-ended ("July 2013 or later").
    pub end: Option<String>,
    /// The words shown: trigger through place and time expression, within the clause.
    pub words: Range<usize>,
    /// Who and when, e.g. `person_in_sentence+own_time`.
    pub rule: String,
}

impl Step<'_> {
    /// The step's time as a closed pair of ISO prefixes (an open end reads as far in the future).
    fn interval(&self) -> (&str, &str) {
        (&self.start, self.end.as_deref().unwrap_or("9999"))
    }

    /// "2007", "2001-06 to 2006-12", "2013-07 or later".
    fn reading(&self) -> String {
        match &self.end {
            None => format!("{} or later", self.start),
            Some(end) if *end == self.start => end.clone(),
            Some(end) => format!("{} to {end}", self.start),
        }
    }
}

/// The career steps of one document, in text order.
pub fn extract<'a>(doc: &Doc<'a>) -> Vec<Step<'a>> {
    let a = doc.analysis;
    let text = doc.text();
    let mentions = |kind: Kind| {
        let mut out: Vec<(Range<usize>, &str)> = a
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .flat_map(|e| e.mentions.iter().map(move |m| (doc.bytes(*m), e.id.as_str())))
            .collect();
        out.sort_by_key(|(b, _)| b.start);
        out
    };
    let (people, places) = (mentions(Kind::Person), mentions(Kind::Place));
    let sequence = &super::lexicon::lexicon().sequence;
    // The person of the last step or mention, and the sentence it was in.
    let mut current: Option<(&str, usize)> = None;
    let mut steps: Vec<Step<'a>> = Vec::new();
    let mut events = a.events.iter().filter(|e| e.positive && !e.future && !e.hypothetical).peekable();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let named = in_range(&people, sentence.clone()).next().map(|(_, id)| *id);
        while let Some(e) = events.next_if(|e| e.bytes.start < sentence.end) {
            if e.bytes.start < sentence.start || !STEP_CLASSES.contains(&e.class) {
                continue;
            }
            let before = in_range(&people, sentence.start..e.bytes.start).next().map(|(_, id)| *id);
            let (person, who) = match (before, named, current) {
                (Some(p), _, _) => (p, "person_in_sentence"),
                (None, None, Some((p, last))) if si <= last + 2 => (p, "biography_run"),
                _ => continue,
            };
            current = Some((person, si));
            let clause = e.clause_bytes.start.max(sentence.start)..e.clause_bytes.end.min(sentence.end);
            let place = in_range(&places, e.bytes.end..clause.end).next().map(|(b, id)| (id.to_string(), b.clone()));
            let time = e.time.as_ref();
            // Its own time when a time expression of its clause or sentence gives it; after the
            // steps told before it when its clause says it came next and its time was only carried
            // over from elsewhere ("He was then appointed …").
            let explicit = time.is_some_and(|t| {
                use crate::events::anchor::AnchorKind::*;
                matches!(t.anchor, Range | Clause | Sentence | Offset | Age)
            });
            let next = text
                .get(clause.clone())
                .unwrap_or_default()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| sequence.contains(w.to_lowercase().as_str()));
            let latest = steps.iter().filter(|s| s.person == person).filter_map(|s| s.end.clone()).max();
            // A time read from news convention (`inferred`) is no article's claim.
            let bounded = time.filter(|t| !t.inferred).and_then(|t| Some((t.start.clone()?, t.end.clone()?)));
            let (start, end, when, timex) = match (latest, bounded) {
                (Some(after), _) if next && !explicit => (after, None, "after_previous_step", None),
                (_, Some((start, end))) => (start, Some(end), "own_time", time.and_then(|t| t.timex.as_deref())),
                _ => continue,
            };
            // The time expressions it rests on ("from January 2009 to July 2013": both ends).
            let until = time.and_then(|t| t.until.as_deref()).filter(|_| timex.is_some());
            let timex_bytes: Vec<Range<usize>> = [timex, until]
                .into_iter()
                .flatten()
                .filter_map(|id| a.timexes.iter().find(|t| t.id == id))
                .map(|t| t.bytes.clone())
                .filter(|b| clause.start <= b.start && b.end <= clause.end)
                .collect();
            let mut words = e.bytes.clone();
            for b in place.iter().map(|p| &p.1).chain(&timex_bytes) {
                words = words.start.min(b.start)..words.end.max(b.end);
            }
            steps.push(Step {
                event: e,
                person: person.to_string(),
                place,
                start,
                end,
                words,
                rule: format!("{who}+{when}"),
            });
        }
        if let Some(p) = named {
            if current.map_or(true, |(_, s)| s != si) {
                current = Some((p, si));
            }
        }
    }
    steps
}

/// The mentions (sorted by start) lying inside `r`.
fn in_range<'l, 's>(
    list: &'l [(Range<usize>, &'s str)],
    r: Range<usize>,
) -> impl Iterator<Item = &'l (Range<usize>, &'s str)> {
    let i = list.partition_point(|(b, _)| b.start < r.start);
    list[i..].iter().take_while(move |(b, _)| b.end <= r.end)
}

/// Which story place holds which (`place_in_country`): "Ankara, Turkey" and "the Turkish capital
/// Ankara" in any article. Indices are story entities.
pub(super) fn countries(docs: &[Doc<'_>], story: &StoryIndex) -> Vec<(usize, usize)> {
    let demonyms = &super::lexicon::lexicon().demonyms;
    let mut out = Vec::new();
    for doc in docs {
        let a = doc.analysis;
        let text = doc.text();
        let id = a.id.as_str();
        let mut places: Vec<(Range<usize>, usize)> = a
            .entities
            .iter()
            .filter(|e| e.kind == Kind::Place)
            .filter_map(|e| Some((e, story.of(id, &e.id)?)))
            .flat_map(|(e, x)| e.mentions.iter().map(move |m| (doc.bytes(*m), x)))
            .collect();
        places.sort_by_key(|(b, _)| b.start);
        for pair in places.windows(2) {
            let (inner, outer) = (&pair[0], &pair[1]);
            if inner.1 != outer.1 && text.get(inner.0.end..outer.0.start) == Some(", ") {
                out.push((inner.1, outer.1));
            }
        }
        for (bytes, x) in &places {
            // "the Turkish capital Ankara": the demonym two words before the place.
            let before = text.get(..bytes.start).unwrap_or_default().trim_end();
            let Some(rest) = before.strip_suffix("capital") else { continue };
            let word = rest.trim_end().rsplit(' ').next().unwrap_or_default();
            let Some(country) = demonyms.get(word) else { continue };
            let key = crate::entity::names::key(country);
            if let Some(c) = (0..story.len()).find(|&c| crate::entity::names::key(story.name(c)) == key) {
                if c != *x {
                    out.push((*x, c));
                }
            }
        }
    }
    out
}

/// A story person and a story place (its country).
type Point = (usize, usize);

/// A step as (document index, step index in it).
type StepRef = (usize, usize);

/// A step with its story person and the story country it is at.
type Placed<'a> = (Step<'a>, Option<usize>, Option<usize>);

/// Compare when the documents have each story person come to each country.
pub fn compare(docs: &[Doc<'_>], story: &StoryIndex) -> Vec<Comparison> {
    let within = countries(docs, story);
    let country = |place: usize| within.iter().find(|(inner, _)| *inner == place).map_or(place, |(_, c)| *c);
    // (person, country) → each document's steps there, and every document's steps.
    let mut points: Vec<(Point, Vec<StepRef>)> = Vec::new();
    let mut all: Vec<Vec<Placed<'_>>> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let id = doc.analysis.id.as_str();
        let steps: Vec<_> = extract(doc)
            .into_iter()
            .map(|s| {
                let person = story.of(id, &s.person);
                let at = s.place.as_ref().and_then(|(p, _)| story.of(id, p)).map(country);
                (s, person, at)
            })
            .collect();
        for (k, (_, person, at)) in steps.iter().enumerate() {
            let (Some(person), Some(at)) = (person, at) else { continue };
            let key = (*person, *at);
            match points.iter_mut().find(|(p, _)| *p == key) {
                Some((_, list)) => list.push((d, k)),
                None => points.push((key, vec![(d, k)])),
            }
        }
        all.push(steps);
    }
    let mut out = Vec::new();
    for ((person, at), list) in points {
        // Each document's arrival: its earliest step there.
        let mut arrivals: Vec<(usize, usize)> = Vec::new();
        for (d, k) in list {
            match arrivals.iter_mut().find(|(ad, _)| *ad == d) {
                Some(a) if all[d][k].0.start < all[a.0][a.1].0.start => *a = (d, k),
                Some(_) => {}
                None => arrivals.push((d, k)),
            }
        }
        if arrivals.len() < 2 {
            continue;
        }
        let step = |&(d, k): &(usize, usize)| &all[d][k].0;
        // A pair of arrivals that do not meet, the earlier first, with the later document's post
        // in between (if any).
        let mut apart = None;
        for (i, x) in arrivals.iter().enumerate() {
            for y in &arrivals[i + 1..] {
                if dates::overlaps(step(x).interval(), step(y).interval()) {
                    continue;
                }
                let (early, late) = if step(x).start < step(y).start { (*x, *y) } else { (*y, *x) };
                let (gap_start, gap_end) = (step(&early).interval().1, step(&late).start.as_str());
                let between = all[late.0].iter().position(|(s, p, place)| {
                    *p == Some(person)
                        && POST_CLASSES.contains(&s.event.class)
                        && *place != Some(at)
                        && s.end.as_deref().is_some_and(|end| dates::overlaps((&s.start, end), (gap_start, gap_end)))
                        && !dates::overlaps((&s.start, s.end.as_deref().unwrap_or("9999")), step(&early).interval())
                });
                if apart.is_none() || between.is_some() {
                    apart = Some((early, late, between));
                }
            }
        }
        let claim = |&(d, k): &(usize, usize), reading: String| docs[d].claim(&all[d][k].0.words, None, reading);
        let name = story.name(person);
        let country_name = story.name(at);
        let mut claims: Vec<Weighed<()>> = arrivals
            .iter()
            .map(|x| {
                let reading = format!("comes to {country_name}: {}", step(x).reading());
                Weighed { claim: claim(x, reading), value: none(), statement: step(x).reading(), about: () }
            })
            .collect();
        let mut order: Vec<usize> = arrivals.iter().map(|x| x.0).collect();
        let note = certainty_note(&claims);
        let shown = |x: &(usize, usize)| {
            format!("{} (“{}”)", step(x).reading(), docs[x.0].text()[step(x).words.clone()].trim())
        };
        let (status, explanation) = match apart {
            Some((early, late, Some(post))) => {
                let p = &all[late.0][post].0;
                claims.push(Weighed {
                    claim: claim(&(late.0, post), format!("another post: {}", p.reading())),
                    value: none(),
                    statement: String::new(),
                    about: (),
                });
                order.push(late.0);
                (
                    Verdict::Conflict,
                    format!(
                        "{} has {name} come to {country_name} in {}; {} has {name} in another post from {} \
                         (“{}”) and come to {country_name} only after, {}: the two accounts of those years \
                         cannot both hold{note}.",
                        docs[early.0].analysis.id,
                        shown(&early),
                        docs[late.0].analysis.id,
                        p.reading(),
                        docs[late.0].text()[p.words.clone()].trim(),
                        shown(&late),
                    ),
                )
            }
            Some((early, late, None)) => (
                Verdict::Consistent,
                format!(
                    "{} has {name} come to {country_name} in {} and {} in {}: an earlier stay and a later \
                     arrival can both be true, so this is not judged a conflict{note}.",
                    docs[early.0].analysis.id,
                    shown(&early),
                    docs[late.0].analysis.id,
                    shown(&late),
                ),
            ),
            None => {
                let statements = distinct(claims.iter().map(|c| c.statement.as_str()));
                let documents = distinct(claims.iter().map(|c| c.claim.document.as_str()));
                if statements.len() == 1 {
                    (
                        Verdict::Agree,
                        format!(
                            "{} all have {name} come to {country_name} in {}{note}.",
                            and_list(&documents),
                            statements[0]
                        ),
                    )
                } else {
                    (Verdict::Consistent, format!("{} meet{note}.", and_list(&statements)))
                }
            }
        };
        out.push(Comparison {
            id: String::new(),
            topic: format!("when {name} came to {country_name}"),
            kind: "career",
            status,
            explanation,
            claims: {
                // In document order.
                let mut claims: Vec<(usize, Weighed<()>)> = order.into_iter().zip(claims).collect();
                claims.sort_by_key(|(d, _)| *d);
                claims.into_iter().map(|(_, c)| c.claim).collect()
            },
            about: Some(story.id(person).to_string()),
            rule: "arrival_time",
        });
    }
    out
}

/// No number: career claims are compared as times.
fn none() -> Interval {
    Interval { min: None, max: None }
}
