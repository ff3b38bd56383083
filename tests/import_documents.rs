//! `missive import` on Word files and web pages (from the corpus in `tests/import/`), as a
//! user runs it: the letter source written, with its images and letterhead, the report,
//! the check that typesets it, the exit status, folders of mixed formats, `--encoding`,
//! and letters that are not complete.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;

/// A folder with an empty `missive.toml`, so that no house file above it takes part.
fn house() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("missive.toml"), "").expect("house file");
    dir
}

fn corpus(path: &str) -> PathBuf {
    repo().join("tests/import").join(path)
}

/// Standard output and error, as the user sees them.
fn shown(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(output)
    )
}

/// Imports `file` into `dir` and returns the output and the letter source written.
fn import(dir: &Path, file: &Path, more: &[&str]) -> (Output, String) {
    let mut args = vec![
        "import",
        file.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    let output = missive(dir, &args);
    let name = Path::new(file.file_name().unwrap()).with_extension("md");
    let source = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    (output, source)
}

/// The front matter of a letter source.
fn front(source: &str) -> toml::Table {
    let rest = source.strip_prefix("+++\n").expect("front matter first");
    let end = rest.find("\n+++\n").expect("closing +++");
    toml::from_str(&rest[..end]).unwrap_or_else(|e| panic!("{e}\n{source}"))
}

#[test]
fn a_word_file_becomes_a_letter_with_its_letterhead_images_and_notes() {
    let dir = house();
    let (output, source) = import(
        dir.path(),
        &corpus("word/word-letterhead-prisons-en.docx"),
        &[],
    );
    let report = shown(&output);
    assert!(output.status.success(), "{report}");
    assert_in_order(
        &report,
        &[
            "-> ",
            "(a Word file)",
            "date        2022-05-12  (paragraph 1)",
            "to          Hon. Thandiwe Mokoena + 3 address lines",
            "body        6 paragraphs, 2 headings, 8 list items, 1 table",
            "signatory   Nomvula Dube | Executive Director | Coastal Rights Watch",
            "notes       4 (the file's 4 footnotes, 1 with links), placed as the letter's endnotes",
            "letterhead  Coastal Rights Watch  (page header and footer)",
            "image       written as word-letterhead-prisons-en-image-1.png: Chart",
            "check       ok",
        ],
    );
    let front = front(&source);
    assert_eq!(front["reference"].as_str(), Some("CRW/2022/031"));
    assert_eq!(
        front["letterhead"]["logo"].as_str(),
        Some("word-letterhead-prisons-en-logo.png")
    );
    assert_eq!(front["letterhead"]["contacts"].as_array().unwrap().len(), 2);
    assert_in_order(
        &source,
        &[
            "## Overcrowding and access to health care",
            "![Chart: occupancy of the four remand facilities visited](word-letterhead-prisons-en-image-1.png)",
            "| Facility | Capacity | Held |",
            "- no record of medical requests, in particular:\n  - requests for tuberculosis screening;",
            "1. publish monthly occupancy figures",
            "[Judicial Inspectorate](https://inspectorate.example.org/reports)",
            "[^4]: Judicial Inspectorate for Correctional Services",
        ],
    );
    for image in [
        "word-letterhead-prisons-en-image-1.png",
        "word-letterhead-prisons-en-logo.png",
    ] {
        let bytes = std::fs::read(dir.path().join(image)).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"), "{image}");
    }
}

#[test]
fn a_draft_under_review_keeps_insertions_and_reports_what_it_left_out() {
    let dir = house();
    let (output, source) = import(
        dir.path(),
        &corpus("word/word-tracked-commissioner-en.docx"),
        &[],
    );
    let report = shown(&output);
    assert!(output.status.success(), "{report}");
    for expected in [
        "noted       tracked insertion by Anna Berg kept: \"violent\"",
        "dropped     alleged  [tracked deletion by Anna Berg (deletions are left out)]",
        "dropped     Check the figures with the legal team.  [comment by Karl Holm",
        "dropped     DRAFT – internal note, not for sending.  [hidden text",
        "[footnote that no reference in the text points to]",
    ] {
        assert!(report.contains(expected), "{expected:?} not in\n{report}");
    }
    for absent in [
        "alleged",
        "DRAFT",
        "legal team",
        "previous letters",
        "Click or tap",
    ] {
        assert!(!source.contains(absent), "{absent:?} in\n{source}");
    }
    assert!(source.contains("reports of violent pushbacks"), "{source}");
}

#[test]
fn a_web_page_keeps_its_structure_and_leaves_the_site_out() {
    let dir = house();
    let (output, source) = import(dir.path(), &corpus("web/news-commissioner-en.html"), &[]);
    let report = shown(&output);
    assert!(output.status.success(), "{report}");
    assert_in_order(
        &report,
        &[
            "(a web page)",
            "salutation  Dear Commissioner,",
            "encoding    UTF-8 (declared by the file: charset=utf-8)",
            "[newsletter sign-up (class or id \"newsletter-inline\")]",
            "[cookie notice (class or id \"onetrust-consent-sdk\")]",
            "check       ok",
        ],
    );
    for absent in [
        "Get our Europe briefing",
        "cookies",
        "Marta Jansen",
        "More on this story",
    ] {
        assert!(!source.contains(absent), "{absent:?} in\n{source}");
    }
    assert!(
        source.contains("[^2]: Treaty on the Functioning"),
        "{source}"
    );
}

#[test]
fn a_folder_of_mixed_formats_is_imported_mirrored() {
    let dir = house();
    let archive = dir.path().join("archive");
    for (from, to) in [
        ("word/pandoc-prisons-en.docx", "2022/prisons.docx"),
        ("web/utf16-detention-fr.html", "2023/fr/detention.html"),
        ("spanish_date.txt", "2021/carta.txt"),
    ] {
        let to = archive.join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(corpus(from), to).unwrap();
    }
    let out = dir.path().join("letters");
    let output = missive(dir.path(), &["import", "archive", "-o", "letters"]);
    let report = shown(&output);
    assert!(output.status.success(), "{report}");
    for written in ["2022/prisons.md", "2023/fr/detention.md", "2021/carta.md"] {
        assert!(out.join(written).is_file(), "{written} missing:\n{report}");
    }
    assert!(
        report.contains("(a Word file)")
            && report.contains("(a web page)")
            && report.contains("(text)")
    );
    assert!(
        report.contains("encoding    UTF-16LE (from its byte-order mark)"),
        "{report}"
    );
}

#[test]
fn an_incomplete_letter_is_imported_with_exit_1_and_what_is_missing() {
    let dir = house();
    let page = dir.path().join("press-release.html");
    std::fs::write(
        &page,
        "<!doctype html><html lang=en><body><main><h1>Rights groups condemn the arrests</h1>\
         <p>Eleven human rights organisations today condemned the arrest of three journalists, \
         and called for their immediate release.</p><p>The journalists were detained on Monday.</p>\
         </main></body></html>",
    )
    .unwrap();
    let (output, source) = import(dir.path(), &page, &[]);
    let report = shown(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        report.contains("not found   date, addressee, salutation, closing, signatories"),
        "{report}"
    );
    assert!(report.contains("problem(s) to fix in"), "{report}");
    assert!(
        source.contains("Eleven human rights organisations today condemned"),
        "{source}"
    );
}

#[test]
fn the_encoding_is_detected_given_and_checked() {
    let dir = house();
    let text = dir.path().join("old.txt");
    let letter = "12 mars 2019\n\nMadame la Ministre,\n\nNous vous écrivons au sujet de la détention prolongée des réfugiés, qui dépasse désormais les délais prévus.\n\nVeuillez agréer, Madame la Ministre, l'expression de notre haute considération.\n\nÉlise Durand\nPrésidente\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(letter);
    std::fs::write(&text, &bytes).unwrap();
    let (output, source) = import(dir.path(), &text, &[]);
    let report = shown(&output);
    assert!(
        report.contains("encoding    windows-1252 (detected"),
        "{report}"
    );
    assert!(source.contains("détention prolongée"), "{source}");
    let (output, _) = import(dir.path(), &text, &["--encoding", "latin1", "--force"]);
    assert!(shown(&output).contains("encoding    windows-1252 (given with --encoding)"));
    let output = missive(
        dir.path(),
        &["import", "old.txt", "--encoding", "klingon", "--force"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown encoding \"klingon\""),
        "{}",
        stderr(&output)
    );
    // A Word file has no legacy encoding: the option is not used, and import says so.
    let word = dir.path().join("draft.docx");
    std::fs::copy(corpus("word/pandoc-prisons-en.docx"), &word).unwrap();
    let (output, source) = import(dir.path(), &word, &["--encoding", "latin1"]);
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    assert!(
        shown(&output).contains(
            "warning[M1006]: draft.docx: --encoding windows-1252 is not used: a Word file has no legacy encoding"
        ),
        "{}",
        shown(&output)
    );
    assert!(source.contains("+++"), "{source}");
}

#[test]
fn a_file_is_read_as_what_it_is_whatever_its_name() {
    let dir = house();
    let misnamed = dir.path().join("letter.docx");
    std::fs::copy(corpus("web/hugo-rapporteur-en.html"), &misnamed).unwrap();
    let (output, source) = import(dir.path(), &misnamed, &[]);
    let report = shown(&output);
    assert!(report.contains("(a web page)"), "{report}");
    assert!(
        report.contains("named as a Word file, but it is a web page: read as a web page"),
        "{report}"
    );
    assert!(
        source.contains("salutation = \"Dear Mr.") && source.contains("Ferreira,"),
        "{source}"
    );
}
