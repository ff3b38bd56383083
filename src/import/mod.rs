//! `missive import`: plain-text letters (saved from web pages, e-mails, PDFs) turned into
//! letter sources.
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
mod escape;
mod found;
mod head;
mod lines;
mod notes;
mod people;
mod report;
mod signoff;
mod structure;
mod writer;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::export::output::write_atomic;
use crate::letter::house::{self, ImportRules};
use crate::letter::source::read_text;
use crate::paths::{
    already_exists, cannot_write, display_path, files_under, folder_of, has_extension,
};
use crate::pipeline::{self, Standards};
use crate::term::{out, report, say};
use crate::typeset::world::Environment;

pub use report::Report;

/// What `missive import` is asked to do.
#[derive(Debug)]
pub struct Options {
    /// Plain-text letters, or folders of them (every `.txt` file under each).
    pub texts: Vec<PathBuf>,
    /// Folder to write the letter sources into (default: next to each text).
    pub output: Option<PathBuf>,
    /// Overwrite letter sources that already exist.
    pub force: bool,
}

/// A text turned into a letter source.
#[derive(Debug)]
pub struct Imported {
    /// The letter source (`+++` TOML front matter, Markdown body).
    pub source: String,
    /// What was recognised, dropped and not placed.
    pub report: Report,
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
    })
}

/// Runs `missive import`, checking each letter it writes in `env` as `missive check`
/// does: Ok(every text imported and checked clean), Err(usage problem).
pub fn run(options: &Options, env: &Environment) -> Result<bool, String> {
    let mut targets = HashSet::new();
    let mut all_ok = true;
    for (text, target) in jobs(options)? {
        let outcome = if !targets.insert(target.clone()) {
            Err(vec![
                Diagnostic::error(format!(
                    "{} would be written twice in this run; skipped {}",
                    display_path(&target),
                    display_path(&text)
                ))
                .hint("import texts with the same name into different folders"),
            ])
        } else {
            import_one(env, &text, &target, options.force)
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

/// Each text to import and the letter source it becomes.
fn jobs(options: &Options) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    if let Some(out) = &options.output
        && (out.is_file() || out.extension().is_some_and(|e| e == "md"))
    {
        return Err(format!(
            "-o names the folder to write into, not a file: {} (each letter is named after its text)",
            display_path(out)
        ));
    }
    let mut jobs = Vec::new();
    for text in &options.texts {
        if !text.is_dir() {
            let target = match &options.output {
                Some(out) => out.join(text.file_name().unwrap_or_default()),
                None => text.clone(),
            };
            jobs.push((text.clone(), target.with_extension("md")));
            continue;
        }
        let found = files_under(text, None, |name| has_extension(name, "txt"))
            .map_err(|err| format!("cannot list {}: {err}", display_path(text)))?;
        if found.is_empty() {
            return Err(format!("no .txt files under {}", display_path(text)));
        }
        let out = options.output.as_deref().unwrap_or(text);
        jobs.extend(found.into_iter().map(|file| {
            let target = out
                .join(file.strip_prefix(text).unwrap_or(&file))
                .with_extension("md");
            (file, target)
        }));
    }
    Ok(jobs)
}

/// Imports one text and prints its report; Ok(whether the written letter checks clean,
/// and what `missive check` says about it).
fn import_one(
    env: &Environment,
    text: &Path,
    target: &Path,
    force: bool,
) -> Result<(bool, Diagnostics), Diagnostics> {
    let name = display_path(text);
    let content = read_text(text, &name, "")?;
    if target.exists() && !force {
        return Err(vec![already_exists(target)]);
    }
    let dir = folder_of(target);
    let cannot_write = |err: std::io::Error| vec![cannot_write(target, &err)];
    std::fs::create_dir_all(dir).map_err(cannot_write)?;
    let house = house::find(&dir.canonicalize().map_err(cannot_write)?)?;
    let rules = house.map(|h| h.config.import).unwrap_or_default();
    let imported = convert(&content, &rules)
        .map_err(|reason| vec![Diagnostic::error(format!("{name}: {reason}"))])?;
    write_atomic(target, imported.source.as_bytes()).map_err(cannot_write)?;

    out(format_args!(
        "{name} -> {}
",
        display_path(target)
    ));
    out(format_args!("{}", imported.report));
    Ok(
        match pipeline::check(env, target, &Standards::House, false) {
            Ok(checked) => {
                out(format_args!(
                    "  {:<11} ok
",
                    "check"
                ));
                (true, checked.warnings())
            }
            Err(problems) => {
                out(format_args!(
                    "  {:<11} {} problem(s) to fix in {}
",
                    "check",
                    problems.len(),
                    display_path(target)
                ));
                (false, problems)
            }
        },
    )
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
