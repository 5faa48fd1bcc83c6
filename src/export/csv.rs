//! The timeline as CSV for spreadsheets: one row per entry. Every cell that a spreadsheet could
//! read as a formula (beginning with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed
//! with `'`, so pasted text never runs as a formula; cells holding a comma, a quote or a line
//! break are quoted (RFC 4180).

use super::first_sentence;
use crate::Analysis;

/// The column names, in order.
pub const HEADER: [&str; 10] =
    ["start", "end", "granularity", "group", "label", "class", "uncertain", "value", "mentions", "sentence"];

/// One cell, safe against formula injection and quoted when needed.
pub fn cell(value: &str) -> String {
    let mut v = value.to_string();
    if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.insert(0, '\'');
    }
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// The timeline of `analysis` as CSV, header first, lines ending in CRLF.
pub fn timeline(analysis: &Analysis) -> String {
    let mut out = HEADER.join(",") + "\r\n";
    for e in &analysis.timeline {
        let mentions: Vec<String> = e
            .events
            .iter()
            .map(|r| format!("{}/{}", r.document, r.event))
            .chain(e.timexes.iter().map(|r| format!("{}/{}", r.document, r.timex)))
            .collect();
        let row = [
            e.start.clone(),
            e.end.clone(),
            e.granularity.as_str().to_string(),
            e.group.as_str().to_string(),
            e.label.clone(),
            e.class.unwrap_or("").to_string(),
            e.uncertain.to_string(),
            e.value.clone(),
            mentions.join(" "),
            first_sentence(analysis, e).unwrap_or_default(),
        ];
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_examples() {
        let table = [
            ("plain", "plain"),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("a, b", "\"a, b\""),
            ("line\nbreak", "\"line\nbreak\""),
            ("2016-12-19", "2016-12-19"),
            ("", ""),
        ];
        for (input, expected) in table {
            assert_eq!(cell(input), expected, "{input:?}");
        }
    }

    #[test]
    fn rows_follow_the_timeline() {
        let mut doc =
            crate::DocumentInput::new("a", "=cmd|' /C calc'!A0 was shot on 19 December 2016. He joined in 1976.");
        doc.dct = Some("2016-12-20".into());
        let analysis = crate::analyze(&[doc]).unwrap();
        let csv = timeline(&analysis);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], HEADER.join(","));
        assert_eq!(lines.len(), analysis.timeline.len() + 1);
        assert!(lines[1].starts_with("1976,1976,year,background,"), "{}", lines[1]);
        assert!(csv.contains(",'=cmd|' /C calc'!A0 was shot on 19 December 2016.\r\n"), "{csv}");
    }
}
