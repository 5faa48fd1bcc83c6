//! The comparison of articles on the seeds (three reports of one shooting) and on small synthetic
//! stories: the points issue 6 names are found with every article's words, the arithmetic is
//! shown as consistent, and nothing absurd is flagged as a conflict.
#![cfg(not(target_arch = "wasm32"))]

use dateline::compare::{Comparison, Verdict};
use dateline::{analyze, Analysis, DocumentInput};
use std::path::Path;

const SEEDS: [&str; 3] = ["000_9e564b1e3b2a1e75.txt", "003_ad26fecc2024d8bc.txt", "004_51a7731db1c5ae50.txt"];

fn seeds() -> Analysis {
    seeds_dated(None)
}

/// The seeds with a creation time for the articles whose text gives none (as the reader gives it
/// in the page or with `--dct`).
fn seeds_dated(dct: Option<&str>) -> Analysis {
    let inputs: Vec<DocumentInput> = SEEDS
        .iter()
        .map(|name| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds").join(name);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("{} is missing ({e}): the shared seeds must sit beside the repo", path.display())
            });
            DocumentInput { dct: dct.map(str::to_string), ..DocumentInput::new(*name, text) }
        })
        .collect();
    analyze(&inputs).expect("the seeds analyse")
}

fn story(texts: &[&str]) -> Analysis {
    let inputs: Vec<DocumentInput> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| DocumentInput::new(format!("a{i}"), format!("Monday, December 19 2016 20:43 EET\n\n{t}")))
        .collect();
    analyze(&inputs).expect("analyses")
}

fn of_kind<'a>(a: &'a Analysis, kind: &str) -> Vec<&'a Comparison> {
    a.comparisons.iter().filter(|c| c.kind == kind).collect()
}

/// The comparison of `kind` whose claims include these words.
fn with_words<'a>(a: &'a Analysis, kind: &str, words: &str) -> &'a Comparison {
    of_kind(a, kind).into_iter().find(|c| c.claims.iter().any(|cl| cl.text.contains(words))).unwrap_or_else(|| {
        panic!(
            "no {kind} comparison with {words:?}; comparisons: {:#?}",
            a.comparisons.iter().map(|c| (&c.topic, c.status)).collect::<Vec<_>>()
        )
    })
}

fn documents(c: &Comparison) -> Vec<&str> {
    let mut d: Vec<&str> = c.claims.iter().map(|cl| cl.document.as_str()).collect();
    d.dedup();
    d
}

#[test]
fn seeds_shots_are_consistent_with_both_sides_words() {
    let a = seeds();
    let shots = with_words(&a, "count", "at least eight shots");
    assert_eq!(shots.status, Verdict::Consistent, "{}", shots.explanation);
    for words in ["at least once", "11 bullets", "at least eight shots", "several shots"] {
        assert!(shots.claims.iter().any(|c| c.text == words), "the shots comparison shows {words:?}");
    }
    assert_eq!(documents(shots), ["d1", "d2", "d3"]);
    let eleven = shots.claims.iter().find(|c| c.text == "11 bullets").unwrap();
    assert_eq!((eleven.value.unwrap().min, eleven.value.unwrap().max), (Some(11.0), Some(11.0)));
    let eight = shots.claims.iter().find(|c| c.text == "at least eight shots").unwrap();
    assert_eq!((eight.value.unwrap().min, eight.value.unwrap().max), (Some(8.0), None));
    assert!(shots.explanation.contains("overlap"), "{}", shots.explanation);
    assert_eq!(shots.rule, "count_same_thing");
    // Each claim's words are a slice of its document, inside its sentence.
    for c in &shots.claims {
        let doc = a.documents.iter().find(|d| d.id == c.document).unwrap();
        let utf16: Vec<u16> = doc.text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&utf16[c.span[0]..c.span[1]]).unwrap(), c.text);
        assert!(c.sentence[0] <= c.span[0] && c.span[1] <= c.sentence[1]);
    }
}

#[test]
fn seeds_with_a_creation_time_keep_every_shot_and_no_false_alarm_on_the_hour() {
    let a = seeds_dated(Some("2016-12-19"));
    // "this afternoon" (a London paper) and "Monday evening" (an American one) meet within the
    // hour, and the counts of one shooting dated so stay one point.
    let shots = with_words(&a, "count", "at least eight shots");
    assert_eq!(shots.status, Verdict::Consistent, "{}", shots.explanation);
    assert_eq!(documents(shots), ["d1", "d2", "d3"], "{}", shots.explanation);
    let when = with_words(&a, "date", "Monday evening");
    assert_eq!(when.status, Verdict::Consistent, "{}", when.explanation);
    assert!(when.claims.iter().any(|c| c.text == "this afternoon"), "{:#?}", when.claims);
    assert!(when.explanation.contains("time zones"), "{}", when.explanation);
    assert!(a.comparisons.iter().filter(|c| c.status == Verdict::Conflict).count() <= 2);
}

#[test]
fn times_of_one_day_far_apart_conflict_and_near_ones_do_not() {
    let a = story(&["Andrey Karlov was shot on Monday evening.", "Andrey Karlov was shot this morning."]);
    let when = with_words(&a, "date", "Monday evening");
    assert_eq!(when.status, Verdict::Conflict, "{}", when.explanation);
    let a = story(&["Andrey Karlov was shot on Monday evening.", "Andrey Karlov was shot this afternoon."]);
    let when = with_words(&a, "date", "Monday evening");
    assert_eq!(when.status, Verdict::Consistent, "{}", when.explanation);
}

#[test]
fn seeds_injured_people_agree_in_number() {
    let a = seeds();
    let hurt = with_words(&a, "count", "three other people");
    assert_ne!(hurt.status, Verdict::Conflict, "{}", hurt.explanation);
    assert!(hurt.claims.iter().any(|c| c.text == "At least three others" || c.text == "at least three others"));
}

#[test]
fn seeds_ages_are_consistent_by_arithmetic() {
    let a = seeds();
    let karlov = with_words(&a, "age", "aged 22");
    assert!(karlov.topic.contains("Karlov"), "{}", karlov.topic);
    assert_eq!(karlov.status, Verdict::Consistent, "{}", karlov.explanation);
    assert!(karlov.claims.iter().any(|c| c.text == "62" && c.document == "d2"));
    assert!(karlov.claims.iter().all(|c| c.reading.contains("1953–1954")), "born 1953–1954 by both");
    let gunman = with_words(&a, "age", "born in 1994");
    assert!(gunman.topic.contains("Altıntaş"), "{}", gunman.topic);
    assert_eq!(gunman.status, Verdict::Consistent, "{}", gunman.explanation);
    assert!(gunman.claims.iter().any(|c| c.text == "22" && c.document == "d2"));
    assert!(gunman.explanation.contains("1994 fits"), "{}", gunman.explanation);
}

#[test]
fn seeds_spokeswoman_accounts_conflict() {
    let a = seeds();
    let zakharova = with_words(&a, "quote", "We regard this as a terrorist act");
    assert_eq!(zakharova.status, Verdict::Conflict, "{}", zakharova.explanation);
    assert!(zakharova.topic.contains("Zakharova"));
    assert!(zakharova.claims.iter().any(|c| c.document == "d3" && c.text.contains("firing chaotically")));
    assert!(zakharova.explanation.contains("not from meaning"), "the explanation says how it was judged");
    assert_eq!(zakharova.rule, "quote_stance_words");
}

#[test]
fn seeds_only_in_and_same_words() {
    let a = seeds();
    // The gunman's words in two articles (named in one, "the gunman" in the other).
    let same = a
        .comparisons
        .iter()
        .find(|c| c.rule == "quote_same_words" && c.claims.iter().all(|cl| cl.text.contains("We die in Aleppo")))
        .expect("the gunman's words in two articles");
    assert_eq!(same.status, Verdict::Agree);
    assert_eq!(documents(same), ["d1", "d2"]);
    // What one article alone says.
    let johnson = a.comparisons.iter().find(|c| c.topic.contains("Boris Johnson")).expect("Johnson's words");
    assert_eq!(johnson.status, Verdict::OnlyIn);
    assert_eq!(documents(johnson), ["d1"]);
    let only: Vec<&Comparison> = a.comparisons.iter().filter(|c| c.status == Verdict::OnlyIn).collect();
    assert!(only.iter().all(|c| documents(c).len() == 1));
}

#[test]
fn seeds_no_wall_of_conflicts() {
    let a = seeds();
    let conflicts: Vec<&Comparison> = a.comparisons.iter().filter(|c| c.status == Verdict::Conflict).collect();
    assert!(
        conflicts.len() <= 2,
        "at most the spokeswoman's accounts and one more: {:#?}",
        conflicts.iter().map(|c| (&c.topic, &c.explanation)).collect::<Vec<_>>()
    );
    // Conflicts first, ids in order, every comparison explained and ruled.
    let order: Vec<Verdict> = a.comparisons.iter().map(|c| c.status).collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "conflicts first: {order:?}");
    for (i, c) in a.comparisons.iter().enumerate() {
        assert_eq!(c.id, format!("c{}", i + 1));
        assert!(!c.explanation.is_empty() && !c.rule.is_empty() && !c.claims.is_empty());
    }
}

#[test]
fn flat_three_shots_conflicts_with_at_least_eight() {
    let a = story(&[
        "The gunman fired three shots at the ambassador.",
        "The gunman fired at least eight shots at the ambassador.",
    ]);
    let shots = with_words(&a, "count", "three shots");
    assert_eq!(shots.status, Verdict::Conflict, "{}", shots.explanation);
    assert!(shots.explanation.contains("in d1") && shots.explanation.contains("in d2"), "{}", shots.explanation);
}

#[test]
fn hedged_counts_overlap_and_same_counts_agree() {
    let a = story(&["Police said 11 bullets hit the ambassador.", "He was hit by at least eight shots."]);
    assert_eq!(with_words(&a, "count", "11 bullets").status, Verdict::Consistent);
    let a = story(&["Three people were injured in the attack.", "Three people were injured, police said."]);
    assert_eq!(with_words(&a, "count", "Three people").status, Verdict::Agree);
}

#[test]
fn counts_of_different_things_are_not_compared() {
    // Shots against people, killed against injured: never one point.
    let a = story(&["The gunman fired three shots.", "Eight people were injured."]);
    assert!(of_kind(&a, "count").iter().all(|c| c.status == Verdict::OnlyIn));
    let a = story(&["Two people were killed.", "Eight people were injured."]);
    assert!(a.comparisons.iter().all(|c| c.status != Verdict::Conflict));
    // Counts of two happenings at disjoint times are two points, never "overlapping" values.
    let a = story(&["Two people were killed on December 1.", "Eight people were killed on December 18."]);
    let killed = of_kind(&a, "count");
    assert_eq!(killed.len(), 2, "{:#?}", a.comparisons);
    assert!(killed.iter().all(|c| c.status == Verdict::OnlyIn));
    // A count with no happening of its kind in its sentence is not a fact to compare.
    let a = story(&["Five people attended the exhibition.", "Eight people attended the exhibition."]);
    assert!(of_kind(&a, "count").is_empty());
}

#[test]
fn same_speaker_same_words_agree_and_opposite_words_conflict() {
    let a = story(&[
        "“We regard this as a terrorist act,” Maria Zakharova said.",
        "“We regard this as a terrorist act,” Zakharova told reporters.",
    ]);
    assert_eq!(with_words(&a, "quote", "terrorist act").status, Verdict::Agree);
    assert!(a.comparisons.iter().all(|c| c.status != Verdict::Conflict));
    let a = story(&[
        "“We regard this as a terrorist act,” Maria Zakharova said.",
        "“The ambassador was shot accidentally,” Maria Zakharova said.",
    ]);
    assert_eq!(with_words(&a, "quote", "accidentally").status, Verdict::Conflict);
    // A negated stance word takes no side.
    let a = story(&[
        "“We regard this as a terrorist act,” Maria Zakharova said.",
        "“This was no accident,” Maria Zakharova said.",
    ]);
    assert!(a.comparisons.iter().all(|c| c.status != Verdict::Conflict), "{:#?}", a.comparisons);
}

#[test]
fn ages_conflict_only_when_disjoint() {
    let a = story(&["Ambassador Andrey Karlov, 62, was shot.", "Ambassador Andrey Karlov, 45, was shot."]);
    let age = with_words(&a, "age", "62");
    assert_eq!(age.status, Verdict::Conflict, "{}", age.explanation);
    let a = story(&["Ambassador Andrey Karlov, 62, was shot.", "Ambassador Andrey Karlov, 62, was shot."]);
    assert_eq!(with_words(&a, "age", "62").status, Verdict::Agree);
}

#[test]
fn one_article_has_only_only_in() {
    let a = story(&["Ambassador Andrey Karlov, 62, was shot. The gunman fired at least eight shots."]);
    assert!(!a.comparisons.is_empty());
    assert!(a.comparisons.iter().all(|c| c.status == Verdict::OnlyIn));
}

#[test]
fn one_happening_dated_alike_in_two_articles_agrees() {
    let a = story(&["The ambassador was shot on December 19.", "On December 19 the ambassador was shot in Ankara."]);
    let when = of_kind(&a, "date");
    assert_eq!(when.len(), 1, "{:#?}", a.comparisons);
    assert_eq!(when[0].status, Verdict::Agree, "{}", when[0].explanation);
    assert_eq!(documents(when[0]), ["d1", "d2"]);
    assert!(when[0].claims.iter().all(|c| c.text == "December 19" && c.reading == "2016-12-19"));
    assert!(when[0].about.as_deref().is_some_and(|y| y.starts_with('y')));
}

#[test]
fn roles_are_shown_side_by_side_never_judged() {
    let a = seeds();
    let zakharova =
        a.comparisons.iter().find(|c| c.kind == "role" && c.topic.contains("Zakharova")).expect("her titles");
    assert_eq!(zakharova.status, Verdict::Consistent);
    assert_eq!(documents(zakharova), ["d1", "d2", "d3"]);
    assert!(a.comparisons.iter().filter(|c| c.kind == "role").all(|c| c.status != Verdict::Conflict));
    let a = story(&[
        "Foreign Secretary Boris Johnson condemned the attack.",
        "Foreign Secretary Boris Johnson spoke to reporters.",
    ]);
    let johnson = a.comparisons.iter().find(|c| c.kind == "role").expect("his title");
    assert_eq!(johnson.status, Verdict::Agree, "{}", johnson.explanation);
    assert!(johnson.claims.iter().all(|c| c.text == "Foreign Secretary"));
}

#[test]
fn seeds_arrival_in_turkey_conflicts_with_both_accounts_words() {
    let a = seeds_dated(Some("2016-12-19"));
    let arrival = a.comparisons.iter().find(|c| c.rule == "arrival_time").expect("when Karlov came to Turkey");
    assert!(arrival.topic.contains("Karlov") && arrival.topic.contains("Turkey"), "{}", arrival.topic);
    assert_eq!(arrival.status, Verdict::Conflict, "{}", arrival.explanation);
    let words: Vec<(&str, &str)> = arrival.claims.iter().map(|c| (c.document.as_str(), c.text.as_str())).collect();
    assert!(words.contains(&("d3", "moving to Ankara in 2007")), "{words:?}");
    assert!(words.iter().any(|(d, w)| *d == "d1" && w.contains("ambassador to Turkey")), "{words:?}");
    assert!(words.iter().any(|(d, w)| *d == "d1" && w.contains("January 2009 to July 2013")), "{words:?}");
    assert_eq!(documents(arrival), ["d1", "d3"], "claims in document order");
}

#[test]
fn arrivals_conflict_only_when_the_later_account_fills_the_years_between() {
    let moved = "Maria Petrova joined the foreign service in 1990. She moved to the French capital Paris in 2004.";
    let post_between = "Maria Petrova joined the foreign service in 1990. She served as director of the Asia \
                        department from 2005 to 2010. She was then appointed ambassador to France.";
    let a = story(&[moved, post_between]);
    let arrival = a.comparisons.iter().find(|c| c.rule == "arrival_time").expect("when she came to France");
    assert_eq!(arrival.status, Verdict::Conflict, "{}", arrival.explanation);
    assert!(arrival.topic.contains("France"), "{}", arrival.topic);
    // No post in between: an earlier stay and a later post can both be true.
    let no_post = "Maria Petrova joined the foreign service in 1990. She was appointed ambassador to France in 2012.";
    let a = story(&[moved, no_post]);
    let arrival = a.comparisons.iter().find(|c| c.rule == "arrival_time").expect("when she came to France");
    assert_eq!(arrival.status, Verdict::Consistent, "{}", arrival.explanation);
    // The same year: agree.
    let a = story(&[moved, "Maria Petrova moved to Paris, France, in 2004."]);
    let arrival = a.comparisons.iter().find(|c| c.rule == "arrival_time").expect("when she came to France");
    assert_eq!(arrival.status, Verdict::Agree, "{}", arrival.explanation);
    // Two different people, or one article alone: nothing to compare.
    let a = story(&[moved, "Ivan Sokolov was appointed ambassador to France in 2012."]);
    assert!(a.comparisons.iter().all(|c| c.rule != "arrival_time"), "{:#?}", a.comparisons);
    let a = story(&[moved]);
    assert!(a.comparisons.iter().all(|c| c.rule != "arrival_time"));
}

#[test]
fn seeds_place_of_the_shooting_agrees() {
    let a = seeds_dated(Some("2016-12-19"));
    let place = a
        .comparisons
        .iter()
        .find(|c| c.rule == "event_place" && c.claims.iter().any(|cl| cl.text.contains("Ankara")))
        .expect("where the ambassador was shot");
    assert_eq!(place.status, Verdict::Agree, "{}", place.explanation);
    assert_eq!(documents(place), ["d1", "d2", "d3"]);
    assert!(a.comparisons.iter().filter(|c| c.rule == "event_place").all(|c| c.status != Verdict::Conflict));
}

#[test]
fn places_agree_nest_or_say_nothing() {
    let where_ = |a: &Analysis| a.comparisons.iter().find(|c| c.rule == "event_place").map(|c| c.status);
    let a = story(&[
        "Andrey Karlov was shot dead in Ankara on Monday.",
        "Andrey Karlov was shot dead at a gallery in Ankara on Monday.",
    ]);
    assert_eq!(where_(&a), Some(Verdict::Agree), "{:#?}", a.comparisons);
    let a = story(&[
        "Andrey Karlov was shot dead in Ankara, Turkey, on Monday.",
        "Andrey Karlov was shot dead in Turkey on Monday.",
    ]);
    assert_eq!(where_(&a), Some(Verdict::Consistent), "{:#?}", a.comparisons);
    // Two different places are not judged: nothing is said.
    let a = story(&[
        "Andrey Karlov was shot dead in Ankara on Monday.",
        "Andrey Karlov was shot dead in Istanbul on Monday.",
    ]);
    assert_eq!(where_(&a), None, "{:#?}", a.comparisons);
    // A place inside a quote is someone's words, not the article's account.
    let a = story(&[
        "Andrey Karlov was shot dead in Ankara on Monday.",
        "“Andrey Karlov was shot dead in Istanbul on Monday,” a man said.",
    ]);
    assert!(a.comparisons.iter().all(|c| c.rule != "event_place" || c.status == Verdict::Agree));
}

#[test]
fn thirty_articles_of_one_topic_show_no_false_conflict() {
    // The 30 Airbus/Boeing articles of SemEval-2015 Task 4 (`corpus_1`, track A), read from
    // `../shared/data`: they tell of many contracts, orders and flights, none contradicting
    // another; a conflict among them is a bad join (two happenings taken for one).
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/semeval2015-timeline/corpus_1/corpus_trackA_TimeML");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} is missing ({e}): the shared data must sit beside the repo", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    paths.sort();
    let inputs: Vec<DocumentInput> = paths
        .iter()
        .map(|p| {
            let xml = std::fs::read_to_string(p).expect("readable article");
            let t = dateline::text::timeml::parse(&xml).expect("TimeML with a TEXT element");
            DocumentInput {
                dct: t.dct,
                dct_overrides_text: true,
                ..DocumentInput::new(p.display().to_string(), t.text)
            }
        })
        .collect();
    assert_eq!(inputs.len(), 30);
    let a = analyze(&inputs).expect("the articles analyse");
    let conflicts: Vec<&str> =
        a.comparisons.iter().filter(|c| c.status == Verdict::Conflict).map(|c| c.explanation.as_str()).collect();
    assert!(conflicts.is_empty(), "{conflicts:#?}");
    assert!(a.comparisons.iter().any(|c| c.kind == "date" && c.status == Verdict::Agree), "dates are compared");
}
