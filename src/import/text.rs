//! A plain-text letter turned into a letter source: its lines normalised, the site's
//! chrome dropped, its parts recognised, the source written.

use super::chrome::Dropped;
use super::failure::Failure;
use super::job::Imported;
use super::report::Report;
use super::structure::Recognised;
use super::{chrome, furniture, lines, structure, writer};
use crate::letter::house::ImportRules;

/// A plain-text letter as read: its parts, and the lines dropped as chrome.
#[derive(Debug)]
pub struct Read {
    /// The parts recognised.
    pub letter: Recognised,
    /// What was dropped, with the rule that dropped it.
    pub dropped: Vec<Dropped>,
}

/// Reads the parts of a plain-text letter, with `rules` for chrome.
pub fn read(text: &str, rules: &ImportRules) -> Result<Read, Failure> {
    let all = lines::split(text);
    if all.iter().all(lines::Line::is_blank) {
        return Err(Failure::Empty);
    }
    let (all, mut dropped) = furniture::strip(&all);
    let start = structure::letter_start(&all);
    let stripped = chrome::strip(&all, start, rules);
    if stripped.lines.iter().all(lines::Line::is_blank) {
        return Err(Failure::OnlyChrome { unit: "line" });
    }
    dropped.extend(stripped.dropped);
    dropped.sort_by_key(|d| d.line.number);
    Ok(Read {
        letter: structure::recognise(&stripped.lines),
        dropped,
    })
}

/// Turns the text of a plain-text letter into a letter source, with `rules` for chrome.
pub fn convert(text: &str, rules: &ImportRules) -> Result<Imported, Failure> {
    let Read { letter, dropped } = read(text, rules)?;
    let written = writer::write(&letter)?;
    let report = Report::new(&letter, &written, dropped);
    Ok(Imported {
        source: written.source,
        report,
        files: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::date;

    /// A letter that fits badly: letterhead and delivery lines, lettered points, a closing
    /// run into the signature, a stray line, a note without text, a missing note, junk after.
    const MESSY: &str = "ACME Rights Group\nFreedom House Lane 5\n\nVia electronic mail\n\n3 April 2019\n\nOur ref: AR/19/7\n\nMs. Dana Whitfield\nCommissioner for Refugees\n\nRe: Returns to the northern border\n\nDear Commissioner Whitfield,\n\nWe welcome the decision announced yesterday[1] but remain concerned.[2]\n\n(a) First lettered point stays as written.\n(b) Second lettered point.\n\nBackground\nFamilies returned in March described being separated at the crossing[3] and\nheld overnight without food.[4]\n\nThank you,\nMarguerite Olsson\nProtection Officer\nRefugee Support Alliance\nUnexpected trailing remark\ncc: Board of Trustees; Legal team\n\n[1] Press statement, 2 April 2019.\n[2]\n[4] Interview notes, March 2019.\n\nComments closed\nNewsletter signup form here\n";

    const TEXTS: &[&str] = &[
        include_str!("../../tests/import/web_one_signatory.txt"),
        include_str!("../../tests/import/coalition_three_signatories.txt"),
        include_str!("../../tests/import/spanish_date.txt"),
        include_str!("../../tests/import/french_date.txt"),
        MESSY,
    ];

    /// Every line is in the letter source or named in the report: each word of five
    /// letters or more of it (after a `Label:`) is found there. Date lines are rewritten.
    #[test]
    fn every_line_is_accounted_for() {
        for text in TEXTS {
            let imported = convert(text, &ImportRules::default()).unwrap();
            let report = imported.report.to_string();
            let written = format!("{}\n{report}", imported.source).to_lowercase();
            for line in lines::split(text).iter().filter(|l| !l.is_blank()) {
                if report.contains(&format!("line {}:", line.number))
                    || date::recognise(&line.text).is_some()
                {
                    continue;
                }
                let words = match line.text.split_once(':') {
                    Some((label, rest)) if label.split_whitespace().count() <= 3 => rest,
                    _ => &line.text,
                };
                for word in words
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().count() >= 5)
                {
                    assert!(
                        written.contains(&word.to_lowercase()),
                        "{word:?} of line {} {:?} is lost:\n{}\n{report}",
                        line.number,
                        line.text,
                        imported.source
                    );
                }
            }
        }
    }

    #[test]
    fn a_messy_letter_reports_what_does_not_fit() {
        let imported = convert(MESSY, &ImportRules::default()).unwrap();
        let report = imported.report.to_string();
        for expected in [
            "reference   AR/19/7",
            "subject     Returns to the northern border",
            "closing     Thank you,",
            "signatory   Marguerite Olsson | Protection Officer, Unexpected trailing remark | Refugee Su…",
            "cc          Board of Trustees",
            "cc          Legal team",
            "heading     Background",
            "endnotes    3 ([1] to [4], 0 with links)",
            "markers without an endnote, kept as text: [3]",
            "endnotes without text, left out (their markers are kept as text): [2]",
            "not placed  line 1: ACME Rights Group",
            "delivery    Via electronic mail  (line 4)",
            "not placed  line 38: Newsletter signup form here",
        ] {
            assert!(report.contains(expected), "{expected:?} not in\n{report}");
        }
        let source = &imported.source;
        assert!(
            source.contains(
                "\n(a) First lettered point stays as written.\n\n(b) Second lettered point.\n"
            ),
            "{source}"
        );
        assert!(
            source.contains("concerned.\\[2\\]") && source.contains("crossing\\[3\\] and"),
            "{source}"
        );
        assert!(
            source.contains("[^1]: Press statement") && !source.contains("[^2]:"),
            "{source}"
        );
    }

    #[test]
    fn empty_and_all_chrome_texts_are_errors() {
        assert_eq!(
            convert(" \n\n", &ImportRules::default()).unwrap_err(),
            Failure::Empty
        );
        assert_eq!(
            convert("Menu\nSearch\n", &ImportRules::default()).unwrap_err(),
            Failure::OnlyChrome { unit: "line" }
        );
    }
}
