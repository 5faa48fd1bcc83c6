//! The timeline as TimelineJS3 JSON, so a newsroom can publish it: one slide per entry with
//! `start_date` and `end_date` as partial dates (`{year, month?, day?, hour?, minute?}`, only
//! the parts the entry's precision has), `display_date` when the precision is partial, the
//! entry's group, and the sentence as the slide text. TimelineJS renders slide text as HTML, so
//! every text is escaped.

use super::first_sentence;
use crate::timeline::{Entry, Granularity};
use crate::Analysis;

/// Escape text for HTML: the TimeML escaping, and the apostrophe too.
pub fn escape_html(s: &str) -> String {
    super::timeml::escape(s).replace('\'', "&#39;")
}

/// A JSON string literal.
fn string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// An ISO prefix (`2016`, `2016-12`, `2016-12-19`, `2016-12-19T18:00`) as a TimelineJS date
/// object: only the parts the prefix has.
pub fn date(prefix: &str) -> String {
    let mut parts = Vec::new();
    let (day, time) = prefix.split_once('T').unwrap_or((prefix, ""));
    for (key, part) in ["year", "month", "day"].iter().zip(day.split('-')) {
        if let Ok(n) = part.parse::<i64>() {
            parts.push(format!("\"{key}\": {n}"));
        }
    }
    for (key, part) in ["hour", "minute"].iter().zip(time.split(':').filter(|s| !s.is_empty())) {
        if let Ok(n) = part.parse::<i64>() {
            parts.push(format!("\"{key}\": {n}"));
        }
    }
    format!("{{{}}}", parts.join(", "))
}

/// How a partial date reads ("1976", "July 2013", "19 December 2016, 18:00–21:59"); `None`
/// when the date is a whole day or a minute (TimelineJS shows those itself).
fn display(e: &Entry) -> Option<String> {
    let month = |p: &str| p.get(5..7).and_then(|m| m.parse::<u8>().ok()).map(crate::time::month_name);
    let one = |p: &str| match p.len() {
        4 => p.to_string(),
        7 => format!("{} {}", month(p).unwrap_or(""), &p[..4]),
        _ => p.to_string(),
    };
    match e.granularity {
        Granularity::Day | Granularity::Minute if e.start == e.end => None,
        Granularity::PartOfDay => {
            let day: u32 = e.start.get(8..10)?.parse().ok()?;
            Some(format!("{day} {} {}, {}–{}", month(&e.start)?, &e.start[..4], e.start.get(11..)?, e.end.get(11..)?))
        }
        _ if e.start == e.end => Some(one(&e.start)),
        _ => Some(format!("{} – {}", one(&e.start), one(&e.end))),
    }
}

/// The timeline of `analysis` as a TimelineJS3 JSON document.
pub fn timeline(analysis: &Analysis) -> String {
    let slides: Vec<String> = analysis
        .timeline
        .iter()
        .map(|e| {
            let mut fields = vec![format!("\"start_date\": {}", date(&e.start))];
            if e.end != e.start {
                fields.push(format!("\"end_date\": {}", date(&e.end)));
            }
            fields.push(format!(
                "\"text\": {{\"headline\": {}, \"text\": {}}}",
                string(&escape_html(&e.label)),
                string(&escape_html(&first_sentence(analysis, e).unwrap_or_default()))
            ));
            fields.push(format!("\"group\": {}", string(e.group.as_str())));
            if let Some(d) = display(e) {
                fields.push(format!("\"display_date\": {}", string(&escape_html(&d))));
            }
            format!("    {{\n      {}\n    }}", fields.join(",\n      "))
        })
        .collect();
    let title = analysis.documents.first().map(|d| d.name.as_str()).unwrap_or_default();
    format!(
        "{{\n  \"title\": {{\"text\": {{\"headline\": {}, \"text\": \"\"}}}},\n  \"events\": [\n{}\n  ]\n}}",
        string(&escape_html(title)),
        slides.join(",\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn date_examples() {
        let table = [
            ("1976", json!({"year": 1976})),
            ("2013-07", json!({"year": 2013, "month": 7})),
            ("2016-12-19", json!({"year": 2016, "month": 12, "day": 19})),
            ("2016-12-19T18:00", json!({"year": 2016, "month": 12, "day": 19, "hour": 18, "minute": 0})),
        ];
        for (prefix, expected) in table {
            assert_eq!(serde_json::from_str::<Value>(&date(prefix)).unwrap(), expected, "{prefix}");
        }
        let tricky = "quote \" back \\ tab \t bell \u{7} é";
        assert_eq!(serde_json::from_str::<String>(&string(tricky)).unwrap(), tricky);
    }

    #[test]
    fn slides_carry_partial_dates_groups_and_escaped_text() {
        let mut doc = crate::DocumentInput::new(
            "<b>a</b>",
            "He became ambassador in July 2013. <script>x</script> was shot on Monday evening.",
        );
        doc.dct = Some("2016-12-19".into());
        let analysis = crate::analyze(&[doc]).unwrap();
        let v: Value = serde_json::from_str(&timeline(&analysis)).unwrap();
        let events = v["events"].as_array().unwrap();
        assert_eq!(events.len(), analysis.timeline.len());
        let july = &events[0];
        assert_eq!(july["start_date"], json!({"year": 2013, "month": 7}));
        assert_eq!(july["display_date"], "July 2013");
        assert_eq!(july["group"], "background");
        let evening = events.iter().find(|e| e["start_date"]["hour"] == 18).unwrap();
        assert_eq!(evening["end_date"]["hour"], 21);
        assert_eq!(evening["display_date"], "19 December 2016, 18:00–21:59");
        assert!(evening["text"]["text"].as_str().unwrap().starts_with("&lt;script&gt;"));
        assert_eq!(v["title"]["text"]["headline"], "&lt;b&gt;a&lt;/b&gt;");
    }
}
