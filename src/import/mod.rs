//! `missive import`: plain-text letters (saved from web pages, e-mails, PDFs) turned into
//! letter sources.
//!
//! One module per job: [`lines`] normalises the text; [`chrome`] drops the site's own
//! lines around the letter; [`structure`] finds the parts (with [`date`], [`body`],
//! [`signoff`], [`people`] and [`notes`]); [`writer`] writes TOML front matter and Markdown;
//! [`report`] says what was recognised, dropped and left unplaced. Every line ends up
//! in the letter, in the report as dropped chrome, or — not placed — both in the report
//! and as a comment at the top of the front matter.

mod body;
pub mod chrome;
mod date;
pub mod document;
pub mod docx;
pub mod encoding;
pub mod format;
pub mod html;
pub mod limits;
mod lines;
mod notes;
mod people;
pub mod refusal;
mod report;
mod signoff;
mod structure;
mod writer;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::{display_path, house, letter, output, source};

pub use chrome::ChromeRules;
pub use report::Report;

/// Arguments of `missive import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Plain-text letters, or folders: every `.txt` file under a folder is imported.
    #[arg(required = true, value_name = "TEXT")]
    pub texts: Vec<PathBuf>,
    /// Folder to write the letter sources into, mirroring imported folders (default: next
    /// to each text).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Overwrite letter sources that already exist.
    #[arg(long)]
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
pub fn convert(text: &str, rules: &ChromeRules) -> Result<Imported, String> {
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

/// Runs `missive import`: Ok(every text imported and checked clean), Err(usage problem).
/// `emit` prints diagnostics.
pub fn run(args: &ImportArgs, emit: &dyn Fn(&[Diagnostic])) -> Result<bool, String> {
    if let Some(out) = &args.output
        && (out.is_file() || out.extension().is_some_and(|e| e == "md"))
    {
        return Err(format!(
            "-o names the folder to write into, not a file: {} (each letter is named after its text)",
            display_path(out)
        ));
    }
    let mut jobs = Vec::new();
    for text in &args.texts {
        if text.is_dir() {
            let found = texts_under(text)
                .map_err(|err| format!("cannot list {}: {err}", display_path(text)))?;
            if found.is_empty() {
                return Err(format!("no .txt files under {}", display_path(text)));
            }
            let out = args.output.as_deref().unwrap_or(text);
            jobs.extend(found.into_iter().map(|file| {
                let target = out
                    .join(file.strip_prefix(text).unwrap_or(&file))
                    .with_extension("md");
                (file, target)
            }));
        } else {
            let target = match &args.output {
                Some(out) => out.join(text.file_name().unwrap_or_default()),
                None => text.clone(),
            };
            jobs.push((text.clone(), target.with_extension("md")));
        }
    }
    let mut targets = HashSet::new();
    let mut all_ok = true;
    for (text, target) in jobs {
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
            import_one(&text, &target, args.force)
        };
        match outcome {
            Ok((clean, problems)) => {
                emit(&problems);
                all_ok &= clean;
            }
            Err(problems) => {
                emit(&problems);
                eprintln!("failed: {} (nothing written)", display_path(&text));
                all_ok = false;
            }
        }
    }
    Ok(all_ok)
}

/// Imports one text and prints its report; Ok(whether the written letter checks clean,
/// and what `missive check` says about it).
fn import_one(text: &Path, target: &Path, force: bool) -> Result<(bool, Diagnostics), Diagnostics> {
    let name = display_path(text);
    let bytes = std::fs::read(text).map_err(|err| {
        vec![Diagnostic::error(format!(
            "cannot read {name}: {}",
            source::io_reason(&err)
        ))]
    })?;
    let content = source::decode(&name, bytes)?;
    if target.exists() && !force {
        return Err(vec![
            Diagnostic::error(format!("{} already exists", display_path(target)))
                .hint("pass --force to overwrite it, or -o to import into another folder"),
        ]);
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let cannot_write = |err: std::io::Error| {
        vec![
            Diagnostic::error(format!(
                "cannot write {}: {}",
                display_path(target),
                source::io_reason(&err)
            ))
            .hint("check that the output folder can be created and written"),
        ]
    };
    std::fs::create_dir_all(dir).map_err(cannot_write)?;
    let house = house::find(&dir.canonicalize().map_err(cannot_write)?)?;
    let rules = house.map(|h| h.config.import).unwrap_or_default();
    let imported = convert(&content, &rules)
        .map_err(|reason| vec![Diagnostic::error(format!("{name}: {reason}"))])?;
    output::write_atomic(target, imported.source.as_bytes()).map_err(cannot_write)?;

    println!("{name} -> {}", display_path(target));
    print!("{}", imported.report);
    Ok(match letter::load(target) {
        Ok(letter) => {
            println!("  {:<11} ok", "check");
            (true, letter.warnings)
        }
        Err(problems) => {
            println!(
                "  {:<11} {} problem(s) to fix in {}",
                "check",
                problems.len(),
                display_path(target)
            );
            (false, problems)
        }
    })
}

/// The `.txt` files under a folder, sorted, at any depth.
fn texts_under(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let path = entry.path();
            // Folders are entered only when they are real ones: a link cannot make a loop.
            if entry.file_type()?.is_dir() {
                folders.push(path);
            } else if path.is_file()
                && path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
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
            let imported = convert(text, &ChromeRules::default()).unwrap();
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
        let imported = convert(MESSY, &ChromeRules::default()).unwrap();
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
            convert(" \n\n", &ChromeRules::default()).unwrap_err(),
            "the file holds no text"
        );
        let all_chrome = convert("Menu\nSearch\n", &ChromeRules::default()).unwrap_err();
        assert!(
            all_chrome.contains("dropped as site chrome"),
            "{all_chrome}"
        );
    }
}
