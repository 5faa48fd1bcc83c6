//! The example table `examples.tsv`: every rule family with positive and negative examples.

use super::*;
use crate::{analyze, DocumentInput};

fn event_of(text: &str, trigger: &str) -> Option<(Event, String)> {
    let mut input = DocumentInput::new("example", text.replace("\\n", "\n"));
    input.dct = Some("2016-12-19".into());
    let analysis = analyze(&[input]).expect("examples analyse");
    let doc = &analysis.documents[0];
    doc.events.iter().find(|e| e.trigger == trigger).map(|e| (e.clone(), doc.text.clone()))
}

#[test]
fn examples_table() {
    let mut families = std::collections::BTreeMap::<&str, (usize, usize)>::new();
    for line in crate::text::data_lines(include_str!("examples.tsv")) {
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 4, "four columns: {line:?}");
        let (family, text, trigger, expected) = (c[0], c[1], c[2], c[3]);
        let found = event_of(text, trigger);
        let negative = expected == "-" || expected == "none";
        let tally = families.entry(family).or_default();
        if negative {
            tally.1 += 1;
        } else {
            tally.0 += 1;
        }
        match family {
            "trigger" => {
                let got = found.map(|(e, _)| e.rule.to_string());
                let want = (expected != "-").then(|| expected.to_string());
                assert_eq!(got, want, "{text}");
            }
            "polarity" => {
                let (e, _) = found.unwrap_or_else(|| panic!("no trigger {trigger:?} in {text:?}"));
                let mut kinds: Vec<String> = e
                    .cues
                    .iter()
                    .map(|c| serde_json::to_value(c.kind).unwrap().as_str().unwrap().to_string())
                    .collect();
                kinds.sort();
                kinds.dedup();
                let got = if kinds.is_empty() { "none".to_string() } else { kinds.join(" ") };
                let mut want: Vec<&str> = expected.split(' ').collect();
                want.sort();
                assert_eq!(got, want.join(" "), "{text}");
                assert_eq!(e.positive, !expected.contains("negation"), "{text}");
                assert_eq!(e.reported, expected.contains("reported"), "{text}");
            }
            "tense" => {
                let (e, _) = found.unwrap_or_else(|| panic!("no trigger {trigger:?} in {text:?}"));
                assert_eq!(serde_json::to_value(e.tense).unwrap(), expected, "{text}");
            }
            "anchor" => {
                let (e, _) = found.unwrap_or_else(|| panic!("no trigger {trigger:?} in {text:?}"));
                let got = match e.time {
                    None => "-".to_string(),
                    Some(t) => format!(
                        "{} {}..{}",
                        serde_json::to_value(t.anchor).unwrap().as_str().unwrap(),
                        t.start.as_deref().unwrap_or("-"),
                        t.end.as_deref().unwrap_or("-")
                    ),
                };
                assert_eq!(got, expected, "{text}");
            }
            "label" => {
                let (e, _) = found.unwrap_or_else(|| panic!("no trigger {trigger:?} in {text:?}"));
                assert_eq!(e.label, expected, "{text}");
            }
            other => panic!("unknown family {other:?}"),
        }
    }
    // Labels are not a yes/no decision; every other family shows both sides.
    for (family, (positive, negative)) in families.into_iter().filter(|(f, _)| *f != "label") {
        assert!(positive > 0 && negative > 0, "family {family} needs positive and negative examples");
    }
}

#[test]
fn words_keep_inner_apostrophes_and_hyphens() {
    let text = "He didn't — off-duty, he'll go.";
    let ws: Vec<String> = words(text, 0..text.len()).into_iter().map(|w| w.lower.into_owned()).collect();
    assert_eq!(ws, ["he", "didn't", "off-duty", "he'll", "go"]);
}

#[test]
fn context_fills_participants_and_certainty() {
    let text = "Karlov was shot in Ankara.";
    let doc = crate::text::segment(text);
    let participants = [Participant { bytes: 0..6, entity: "e1".into(), kind: crate::entity::Kind::Person }];
    let attributions =
        [Attribution { sentence: 0..text.len(), certainty: Certainty::Probable, source: Some("s1".into()) }];
    let context = Context { participants: &participants, attributions: &attributions };
    let events = extract(&doc, &[], &[], &[], None, context);
    let shot = events.iter().find(|e| e.trigger == "shot").expect("shot");
    assert_eq!(shot.participants, ["e1"]);
    assert_eq!(shot.certainty, Some(Certainty::Probable));
    assert_eq!(shot.attributed_to.as_deref(), Some("s1"));
    assert!(shot.time.is_none(), "no creation time, no date: nothing is made up");
}

/// `news_day` needs a creation time: without one, the lede's past event keeps no time at all.
#[test]
fn news_day_needs_a_creation_time() {
    let text = "Boeing has unveiled a new version of its 777 airliner. The company said it was proud.";
    let analysis = analyze(&[DocumentInput::new("example", text)]).expect("examples analyse");
    let events = &analysis.documents[0].events;
    for trigger in ["unveiled", "said"] {
        let e = events.iter().find(|e| e.trigger == trigger).expect("the trigger is found");
        assert!(e.time.is_none(), "{trigger}: {:?}", e.time);
    }
    let mut dated = DocumentInput::new("example", text);
    dated.dct = Some("2016-12-19".into());
    let analysis = analyze(&[dated]).expect("examples analyse");
    let e = analysis.documents[0].events.iter().find(|e| e.trigger == "said").expect("the trigger is found");
    let time = e.time.as_ref().expect("a time");
    assert_eq!((time.anchor, time.inferred), (AnchorKind::NewsDay, true));
}
