//! The plain-text corpus (`tests/import/text/`): letters written for these tests in the
//! shapes real ones take when saved as text — a web page saved or copied as text
//! (breadcrumbs of every separator style, headlines, bylines, teasers, share and sign-up
//! lines, related links), a mailing-list message, text extracted from a PDF (page
//! numbers, running headers, letterhead columns, notes whose superscripts were lost),
//! coalition letters signed by organisations, dispatch lines. Each `NAME.txt` has a
//! `NAME.txt.expect.toml`: the parts import must recognise, the lines it must drop as
//! chrome, leave unplaced, or write into the source. The test `text_recognition_table`
//! prints the share of parts recognised (bench/import.sh shows it with the Word and web
//! corpora) and fails listing every part that differs.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::recognition::{self, PARTS};
use missive::testing::import::{ImportRules, Read, TextBlock, convert_text, read_text};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectation {
    letter: Letter,
    /// Pieces of lines that must be dropped as chrome (each found in one dropped line).
    #[serde(default)]
    dropped: Vec<String>,
    /// Pieces of lines that must be left unplaced (kept as comments, in the report).
    #[serde(default)]
    unplaced: Vec<String>,
    /// Pieces of text the letter source must hold.
    #[serde(default)]
    in_source: Vec<String>,
}

/// The letter's parts; an empty string or list is "none".
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Letter {
    date: String,
    place: String,
    reference: String,
    subject: String,
    salutation: String,
    closing: String,
    to: Vec<String>,
    signatories: Vec<String>,
    cosigners: Vec<String>,
    cc: Vec<String>,
    enclosures: Vec<String>,
    postscript: String,
    delivery: String,
    paragraphs: usize,
    headings: Vec<String>,
    list_items: usize,
    notes: usize,
}

/// The columns of the text row: the parts every format's table counts, then the two only
/// text has so far, then "chrome": the file's chrome dropped, its unplaced lines left
/// unplaced and its source texts written, as the expectation lists them.
const COLUMNS: [&str; 18] = {
    let mut columns = [""; 18];
    let mut i = 0;
    while i < PARTS.len() {
        columns[i] = PARTS[i];
        i += 1;
    }
    columns[15] = "cosigners";
    columns[16] = "delivery";
    columns[17] = "chrome";
    columns
};

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/text");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// Text as compared: white space collapsed, typographic apostrophes made plain.
fn normal(text: &str) -> String {
    text.replace(['’', '‘'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn one(value: Option<&str>) -> String {
    normal(value.unwrap_or(""))
}

fn list<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    format!("{:?}", values.into_iter().map(normal).collect::<Vec<_>>())
}

/// What was read, part by part, in [`PARTS`] order.
fn got(read: &Read) -> [String; 17] {
    let letter = &read.letter;
    let signoff = &letter.signoff;
    let date = letter.date.as_ref().map(|d| &d.value);
    let count = |f: fn(&TextBlock) -> bool| {
        letter
            .body
            .iter()
            .filter(|b| f(&b.value))
            .count()
            .to_string()
    };
    [
        date.map(|d| d.date.to_string()).unwrap_or_default(),
        one(date.and_then(|d| d.place.as_deref())),
        list(letter.to.iter().map(|t| t.value.name.as_str())),
        one(letter.reference.as_ref().map(|r| r.value.as_str())),
        one(letter.subject.as_ref().map(|s| s.value.as_str())),
        one(letter.salutation.as_ref().map(|s| s.value.as_str())),
        count(|b| matches!(b, TextBlock::Paragraph(_))),
        list(letter.body.iter().filter_map(|b| match &b.value {
            TextBlock::Heading(text) => Some(text.as_str()),
            _ => None,
        })),
        count(|b| matches!(b, TextBlock::Item { .. })),
        letter
            .notes
            .iter()
            .filter(|n| !n.text.is_empty())
            .count()
            .to_string(),
        one(signoff.closing.as_ref().map(|c| c.value.as_str())),
        list(signoff.signatories.iter().map(|s| s.value.name.as_str())),
        list(signoff.cc.iter().map(|c| c.value.as_str())),
        list(signoff.enclosures.iter().map(|e| e.value.as_str())),
        one(signoff.postscript.as_ref().map(|p| p.value.as_str())),
        list(signoff.cosigners.iter().map(|c| c.value.as_str())),
        one(letter.delivery.as_ref().map(|d| d.value.as_str())),
    ]
}

fn expected(want: &Letter) -> [String; 17] {
    let all = |items: &[String]| list(items.iter().map(String::as_str));
    [
        want.date.clone(),
        normal(&want.place),
        all(&want.to),
        normal(&want.reference),
        normal(&want.subject),
        normal(&want.salutation),
        want.paragraphs.to_string(),
        all(&want.headings),
        want.list_items.to_string(),
        want.notes.to_string(),
        normal(&want.closing),
        all(&want.signatories),
        all(&want.cc),
        all(&want.enclosures),
        normal(&want.postscript),
        all(&want.cosigners),
        normal(&want.delivery),
    ]
}

/// The lines, dropped or unplaced, and the source that each expectation's pieces must be in.
fn placement_misses(text: &str, read: &Read, want: &Expectation) -> Vec<String> {
    let mut misses = Vec::new();
    let dropped: Vec<&str> = read.dropped.iter().map(|d| d.line.text.as_str()).collect();
    let unplaced: Vec<&str> = read
        .letter
        .unplaced
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    for (kind, pieces, lines) in [
        ("dropped", &want.dropped, &dropped),
        ("unplaced", &want.unplaced, &unplaced),
    ] {
        for piece in pieces {
            if !lines.iter().any(|l| l.contains(piece.as_str())) {
                misses.push(format!("not {kind}: {piece:?} (the {kind}: {lines:?})"));
            }
        }
    }
    if !want.in_source.is_empty() {
        let source = convert_text(text, &ImportRules::default())
            .map(|i| normal(&i.source))
            .unwrap_or_default();
        for piece in &want.in_source {
            if !source.contains(&normal(piece)) {
                misses.push(format!("not in the source: {piece:?}"));
            }
        }
    }
    misses
}

/// Prints the share of parts recognised over the text corpus, and fails listing every
/// part, dropped line, unplaced line and source text that differs from its expectation.
#[test]
fn text_recognition_table() {
    let files = corpus();
    let mut counts = [0usize; 18];
    let mut details = String::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let expect = format!("{}.expect.toml", file.display());
        let want: Expectation = toml::from_str(&std::fs::read_to_string(&expect).unwrap())
            .unwrap_or_else(|e| panic!("{expect}: {e}"));
        let text = std::fs::read_to_string(file).unwrap();
        let read = match read_text(&text, &ImportRules::default()) {
            Ok(read) => read,
            Err(err) => {
                let _ = writeln!(details, "{name}: not read: {err}");
                continue;
            }
        };
        let (got, expected) = (got(&read), expected(&want.letter));
        let mut misses = Vec::new();
        for (i, part) in COLUMNS[..17].iter().enumerate() {
            if got[i] == expected[i] {
                counts[i] += 1;
            } else {
                misses.push(format!("{part}: got {} want {}", got[i], expected[i]));
            }
        }
        let placement = placement_misses(&text, &read, &want);
        counts[17] += usize::from(placement.is_empty());
        misses.extend(placement);
        if !misses.is_empty() {
            let _ = writeln!(details, "{name}:\n    {}", misses.join("\n    "));
        }
    }
    let n = files.len();
    let table = format!(
        "{}{}",
        recognition::header(&COLUMNS),
        recognition::row("text", n, &counts).0
    );
    println!("{table}\n{details}");
    assert!(n >= 12, "only {n} texts");
    assert!(details.is_empty(), "{table}\n{details}");
}

/// The whole corpus through `missive import`: every letter is written, checks clean as
/// `missive check` does (laid out with the house template), and keeps the parts only the
/// text importer writes: `delivery` and `[[cosigners]]`.
#[test]
fn the_corpus_imports_and_checks_clean() {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("missive.toml"), "").unwrap();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/text");
    let output = common::missive(
        out.path(),
        &[
            "import",
            folder.to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
        ],
    );
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        common::stderr(&output)
    );
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert_eq!(
        report.matches("  check       ok").count(),
        corpus().len(),
        "{report}"
    );
    let front = |name: &str| -> toml::Table {
        let source = std::fs::read_to_string(out.path().join(name)).unwrap();
        let toml = source.split("+++").nth(1).unwrap();
        toml::from_str(toml).unwrap_or_else(|e| panic!("{name}: {e}\n{source}"))
    };
    let embassy = front("dispatch-embassy-en.md");
    assert_eq!(
        embassy["delivery"].as_str(),
        Some("Via facsimile: +32 2 555 01 99; By email: embassy@eastland.example")
    );
    let cosigned = front("cosigners-en.md");
    let cosigners = cosigned["cosigners"].as_array().unwrap();
    assert_eq!(cosigners.len(), 4);
    assert_eq!(
        cosigners[0]["name"].as_str(),
        Some("Eastland Human Rights Defenders")
    );
    assert!(report.contains("  dropped     line 2: Home > News > Open letters > Detention of journalists  [built-in breadcrumb]"), "{report}");
    assert!(
        report.contains("[built-in page number]")
            && report.contains("[built-in running header at a page break]"),
        "{report}"
    );
}

/// Hostile shapes of text, large: thousands of page breaks with the same running header,
/// and of repeated lead paragraphs before a late date. The recognisers count with
/// maps, not by comparing every pair, so this reads in linear work (a quadratic pass
/// would not end in the test's time).
#[test]
fn many_page_breaks_and_repeated_leads_read_in_linear_work() {
    let mut text = String::new();
    let n = 5_000;
    for _ in 0..n {
        text.push_str("The same lead paragraph of the page, repeated again and again here.\n\n");
    }
    text.push_str("4 June 2021\n\nDear Minister,\n\n");
    for page in 1..=n {
        text.push_str(&format!(
            "We write about the detention of reporters.\n\n- {} -\nOrg – Letter, 4 June 2021\n\n",
            page % 999 + 1
        ));
    }
    text.push_str("Sincerely,\n\nAna Ruiz\nDirector\n");
    let read = read_text(&text, &ImportRules::default()).unwrap();
    let why = |rule: &str| {
        read.dropped
            .iter()
            .filter(|d| d.rule.contains(rule))
            .count()
    };
    assert_eq!(why("page number"), n);
    assert_eq!(why("running header"), n);
    assert_eq!(why("lead paragraph the page repeats"), n);
    assert_eq!(read.letter.signoff.signatories[0].value.name, "Ana Ruiz");
}
