//! `missive import`: archived letters — Word files, saved web pages, plain text (saved
//! from web pages, e-mails, PDFs) — turned into letter sources.
//!
//! A file's format is known by its content ([`format`]). Text is decoded ([`encoding`])
//! and read line by line; Word files ([`docx`]) and web pages ([`html`]) are read into one
//! [`document`] model, whose paragraphs the same recognisers read
//! ([`from_document`]). What cannot be read at all is refused ([`refusal`], [`limits`]).
//!
//! One module per job: [`lines`] normalises the text; [`chrome`] drops the site's own
//! lines around the letter; [`structure`] finds the parts (with [`date`], [`body`],
//! [`signoff`], [`people`] and [`notes`]); [`writer`] writes TOML front matter and Markdown;
//! [`report`](mod@report) says what was recognised, dropped and left unplaced. Every line ends up
//! in the letter, in the report as dropped chrome, or — not placed — both in the report
//! and as a comment at the top of the front matter.

mod body;
mod chrome;
mod closings;
mod date;
pub mod document;
pub mod docx;
pub mod encoding;
mod escape;
mod file;
mod files;
pub mod format;
mod found;
mod from_document;
mod head;
pub mod html;
pub mod limits;
mod lines;
mod months;
mod notes;
mod people;
pub mod refusal;
mod report;
mod signoff;
mod structure;
mod writer;

use std::collections::HashSet;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::letter::house::ImportRules;
use crate::paths::display_path;
use crate::term::{report, say};
use crate::typeset::world::Environment;

pub use report::Report;

/// What `missive import` is asked to do.
#[derive(Debug)]
pub struct Options {
    /// Word files, web pages and texts, or folders of them (every such file under each).
    pub files: Vec<PathBuf>,
    /// Folder to write the letter sources into (default: next to each file).
    pub output: Option<PathBuf>,
    /// Overwrite letter sources that already exist.
    pub force: bool,
    /// The encoding of texts and pages, instead of the one they declare or is detected.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// A file turned into a letter source.
#[derive(Debug)]
pub struct Imported {
    /// The letter source (`+++` TOML front matter, Markdown body).
    pub source: String,
    /// What was recognised, dropped and not placed.
    pub report: Report,
    /// Files written beside the source (its images): name and bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Turns the text of a plain-text letter into a letter source, with `rules` for chrome.
pub fn convert(text: &str, rules: &ImportRules) -> Result<Imported, String> {
    let all = lines::split(text);
    if all.iter().all(lines::Line::is_blank) {
        return Err("the file holds no text".into());
    }
    let start = structure::letter_start(&all);
    let stripped = chrome::strip(&all, start, rules);
    if stripped.lines.iter().all(lines::Line::is_blank) {
        return Err("every line of the file was dropped as site chrome".into());
    }
    let letter = structure::recognise(&stripped.lines);
    let written = writer::write(&letter)?;
    let report = Report::new(&letter, &written, stripped.dropped);
    Ok(Imported {
        source: written.source,
        report,
        files: Vec::new(),
    })
}

/// Runs `missive import`, checking each letter it writes in `env` as `missive check`
/// does: Ok(every text imported and checked clean), Err(usage problem).
pub fn run(options: &Options, env: &Environment) -> Result<bool, String> {
    let mut targets = HashSet::new();
    let mut all_ok = true;
    for (text, target) in files::jobs(options)? {
        let outcome = if !targets.insert(target.clone()) {
            Err(vec![
                Diagnostic::error(format!(
                    "{} would be written twice in this run; skipped {}",
                    display_path(&target),
                    display_path(&text)
                ))
                .hint("import files with the same name into different folders, with -o"),
            ])
        } else {
            file::import_one(env, &text, &target, options)
        };
        match outcome {
            Ok((clean, problems)) => {
                report(&problems);
                all_ok &= clean;
            }
            Err(problems) => {
                report(&problems);
                say(format_args!(
                    "failed: {} (nothing written)",
                    display_path(&text)
                ));
                all_ok = false;
            }
        }
    }
    Ok(all_ok)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "not placed  line 4: Via electronic mail",
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
            "the file holds no text"
        );
        let all_chrome = convert("Menu\nSearch\n", &ImportRules::default()).unwrap_err();
        assert!(
            all_chrome.contains("dropped as site chrome"),
            "{all_chrome}"
        );
    }
}
