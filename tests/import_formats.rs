//! The import corpus: Word files (`tests/import/word/`) made by pandoc, LibreOffice,
//! python-docx and by hand for Word's own quirks, and web pages (`tests/import/web/`) in
//! the shapes of WordPress, Drupal, news sites, static-site generators and Word's "Save
//! as web page", in six languages. Each was written for these tests by the scripts in
//! `tests/import/make/`, which also wrote `NAME.expect.toml`: what its reader must put in
//! the document model. Every document is read and every expectation checked; the test
//! lists all that differ.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::recognition::{self, PARTS};
use missive::testing::import::ImportRules;
use missive::testing::import::format::{self, Format};
use missive::testing::import::{Block, Document, Inline, letterhead, markdown, parts};
use missive::testing::import::{docx, html};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expectation {
    document: Expected,
    letter: ExpectedLetter,
}

/// What the letter's parts must be once recognised.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedLetter {
    date: String,
    place: String,
    reference: String,
    subject: String,
    salutation: String,
    closing: String,
    to: Vec<String>,
    signatories: Vec<String>,
    cc: Vec<String>,
    enclosures: Vec<String>,
    postscript: String,
    paragraphs: usize,
    headings: Vec<String>,
    list_items: usize,
    notes: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    headings: Vec<String>,
    list_items: Vec<String>,
    quotes: usize,
    tables: usize,
    notes: Vec<String>,
    links: Vec<String>,
    in_order: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    dropped: Vec<String>,
    #[serde(default)]
    notices: Vec<String>,
    encoding: Option<String>,
    header: Option<Vec<String>>,
    footer: Option<Vec<String>>,
    letterhead: Option<ExpectedLetterhead>,
    #[serde(default)]
    images: Vec<String>,
    published: Option<String>,
    title: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedLetterhead {
    organization: String,
    #[serde(default)]
    address: Vec<String>,
    #[serde(default)]
    contacts: Vec<String>,
}

fn corpus(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import")
        .join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".expect.toml"))
        .collect();
    files.sort();
    files
}

/// Text as compared: white space collapsed, typographic quotes and no-break spaces made
/// plain (pandoc and word processors make quotes curly).
fn normal(text: &str) -> String {
    text.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of inline runs without note references.
fn text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Emphasis(i)
            | Inline::Strong(i)
            | Inline::Underline(i)
            | Inline::Superscript(i)
            | Inline::Link { content: i, .. } => out.push_str(&text(i)),
            Inline::LineBreak => out.push('\n'),
            Inline::NoteRef(_) | Inline::Image(_) => {}
        }
    }
    out
}

fn blocks_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(content) | Block::Heading { content, .. } => {
                out.push_str(&text(content));
            }
            Block::List(list) => list.items.iter().for_each(|i| blocks_text(i, out)),
            Block::Table(table) => table
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .for_each(|c| blocks_text(c, out)),
            Block::Quote(inner) => blocks_text(inner, out),
            Block::BlankLine => {}
        }
        out.push('\n');
    }
}

/// Everything the model says, for one visit: headings, list items, quotes, tables,
/// links and images of the body.
#[derive(Default)]
struct Seen {
    headings: Vec<String>,
    list_items: Vec<String>,
    quotes: usize,
    tables: usize,
    links: Vec<String>,
    images: Vec<String>,
}

fn visit(blocks: &[Block], seen: &mut Seen) {
    for block in blocks {
        match block {
            Block::Paragraph(content) => visit_inlines(content, seen),
            Block::Heading { content, .. } => {
                seen.headings.push(normal(&text(content)));
                visit_inlines(content, seen);
            }
            Block::List(list) => {
                for item in &list.items {
                    let first = item.iter().find_map(|b| match b {
                        Block::Paragraph(c) => Some(normal(&text(c))),
                        _ => None,
                    });
                    seen.list_items.extend(first);
                    visit(item, seen);
                }
            }
            Block::Table(table) => {
                seen.tables += 1;
                for cell in table.rows.iter().flat_map(|r| &r.cells) {
                    visit(cell, seen);
                }
            }
            Block::Quote(inner) => {
                seen.quotes += 1;
                visit(inner, seen);
            }
            Block::BlankLine => {}
        }
    }
}

fn visit_inlines(inlines: &[Inline], seen: &mut Seen) {
    for inline in inlines {
        match inline {
            Inline::Link { url, content } => {
                seen.links.push(url.clone());
                visit_inlines(content, seen);
            }
            Inline::Emphasis(i)
            | Inline::Strong(i)
            | Inline::Underline(i)
            | Inline::Superscript(i) => visit_inlines(i, seen),
            Inline::Image(image) => seen.images.push(image.alt.clone()),
            _ => {}
        }
    }
}

fn compare(
    out: &mut Vec<String>,
    what: &str,
    got: &dyn std::fmt::Debug,
    want: &dyn std::fmt::Debug,
) {
    let (got, want) = (format!("{got:?}"), format!("{want:?}"));
    if got != want {
        out.push(format!("{what}: got {got}\n      want {want}"));
    }
}

/// What differs between a document and its expectation, one line each.
fn differences(document: &Document, expected: &Expected) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = Seen::default();
    visit(&document.blocks, &mut seen);
    let normalised = |v: &[String]| v.iter().map(|s| normal(s)).collect::<Vec<_>>();
    compare(
        &mut out,
        "headings",
        &seen.headings,
        &normalised(&expected.headings),
    );
    compare(
        &mut out,
        "list items",
        &seen.list_items,
        &normalised(&expected.list_items),
    );
    compare(&mut out, "quotes", &seen.quotes, &expected.quotes);
    compare(&mut out, "tables", &seen.tables, &expected.tables);
    compare(&mut out, "links", &seen.links, &expected.links);
    compare(&mut out, "images", &seen.images, &expected.images);
    let notes: Vec<String> = document
        .notes
        .iter()
        .map(|n| {
            let mut t = String::new();
            blocks_text(&n.blocks, &mut t);
            normal(&t)
        })
        .collect();
    compare(&mut out, "notes", &notes, &normalised(&expected.notes));

    let mut body = String::new();
    blocks_text(&document.blocks, &mut body);
    let body = normal(&body);
    let mut at = 0;
    for line in &expected.in_order {
        let line = normal(line);
        match body[at..].find(&line) {
            Some(found) => at += found + line.len(),
            None => {
                let anywhere = if body.contains(&line) {
                    " (found earlier)"
                } else {
                    ""
                };
                out.push(format!("in order: {line:?} not found{anywhere}"));
            }
        }
    }
    let everything = format!("{body}\n{}", notes.join("\n"));
    for absent in &expected.absent {
        if everything.contains(&normal(absent)) {
            out.push(format!("absent: {absent:?} is in the document"));
        }
    }
    for dropped in &expected.dropped {
        if !document
            .dropped
            .iter()
            .any(|d| d.reason.contains(dropped.as_str()) || d.what.contains(dropped.as_str()))
        {
            out.push(format!("dropped: nothing mentions {dropped:?}"));
        }
    }
    for notice in &expected.notices {
        if !document.notices.iter().any(|n| n.contains(notice.as_str())) {
            out.push(format!("notices: none mentions {notice:?}"));
        }
    }
    if let Some(encoding) = &expected.encoding
        && !document
            .metadata
            .encoding
            .as_deref()
            .is_some_and(|e| e.contains(encoding.as_str()))
    {
        out.push(format!(
            "encoding: {:?}, want {encoding:?}",
            document.metadata.encoding
        ));
    }
    if let Some(published) = &expected.published {
        compare(
            &mut out,
            "published",
            &document.metadata.published,
            &Some(published),
        );
    }
    if let Some(title) = &expected.title {
        compare(&mut out, "title", &document.metadata.title, &Some(title));
    }
    if let Some(header) = &expected.header {
        compare(&mut out, "header", &document.header, header);
    }
    if let Some(footer) = &expected.footer {
        compare(&mut out, "footer", &document.footer, footer);
    }
    if let Some(want) = &expected.letterhead {
        let found = letterhead::recognise(&document.header, &document.footer);
        compare(
            &mut out,
            "letterhead organization",
            &found.organization.as_deref(),
            &Some(want.organization.as_str()),
        );
        compare(
            &mut out,
            "letterhead address",
            &found.address,
            &want.address,
        );
        compare(
            &mut out,
            "letterhead contacts",
            &found.contacts,
            &want.contacts,
        );
    }
    out
}

/// What differs between the Markdown written for a document and what missive reads back
/// from it: every note a footnote, no problem, and every heading and list item's text
/// found in the markup.
fn markdown_differences(document: &Document) -> Vec<String> {
    let written = markdown::write(&document.blocks, &document.notes, &|_| None);
    let style = missive::testing::Style::new(None, false);
    let body = missive::testing::convert(&written, style, &|p: &str| Ok(p.to_string()), None);
    let mut out: Vec<String> = body
        .problems
        .iter()
        .map(|p| format!("markdown: {} in {written:?}", p.message))
        .collect();
    let referenced = document.notes.len();
    if body.notes.len() != referenced {
        out.push(format!(
            "markdown: {} footnotes read back, {referenced} notes written",
            body.notes.len()
        ));
    }
    out
}

/// Reads every document of a corpus folder and checks it; panics listing all that differ.
fn check_corpus(folder: &str, read: fn(&[u8]) -> Result<Document, String>) {
    let files = corpus(folder);
    let mut report = String::new();
    for file in &files {
        let expect_path = PathBuf::from(format!("{}.expect.toml", file.display()));
        let expectation: Expectation = toml::from_str(
            &std::fs::read_to_string(&expect_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let name = file.file_name().unwrap().to_string_lossy();
        let bytes = std::fs::read(file).unwrap();
        let want = if folder == "word" {
            Format::Word
        } else {
            Format::Web
        };
        if format::recognise(&bytes) != Ok(want) {
            let _ = writeln!(
                report,
                "{name}: recognised as {:?}",
                format::recognise(&bytes)
            );
        }
        match read(&bytes) {
            Ok(document) => {
                let mut problems = differences(&document, &expectation.document);
                problems.extend(markdown_differences(&document));
                if !problems.is_empty() {
                    let _ = writeln!(report, "{name}:");
                    for problem in problems {
                        let _ = writeln!(report, "    {problem}");
                    }
                    if std::env::var_os("MISSIVE_SHOW_MODEL").is_some() {
                        let _ = writeln!(report, "{document:#?}");
                    }
                }
            }
            Err(refusal) => {
                let _ = writeln!(report, "{name}: refused: {refusal}");
            }
        }
    }
    assert!(report.is_empty(), "{report}");
    assert!(
        files.len() >= 12,
        "{folder}: only {} documents",
        files.len()
    );
}

#[test]
fn text_letters_are_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(
                format::recognise(&bytes),
                Ok(Format::Text),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn word_corpus() {
    check_corpus("word", |bytes| docx::read(bytes).map_err(|r| r.reason));
}

#[test]
fn web_corpus() {
    check_corpus("web", |bytes| html::read(bytes, None).map_err(|r| r.reason));
}

/// For one document: which of [`PARTS`] were recognised as expected, and what differed.
fn recognised(document: &Document, want: &ExpectedLetter) -> ([bool; 15], Vec<String>) {
    let placed = parts::place(document, &ImportRules::default());
    let letter = &placed.letter;
    let body: Vec<&Block> = placed
        .body
        .clone()
        .filter(|i| !placed.chrome_blocks.contains(i))
        .map(|i| &document.blocks[i])
        .collect();
    let mut seen = Seen::default();
    visit(
        &body.iter().map(|b| (*b).clone()).collect::<Vec<_>>(),
        &mut seen,
    );
    // Paragraphs of text (a paragraph holding only an image is a figure).
    let paragraphs = body
        .iter()
        .filter(|b| match b {
            Block::Paragraph(content) => !normal(&text(content)).is_empty(),
            Block::Quote(_) => true,
            _ => false,
        })
        .count();
    let signoff = &letter.signoff;
    let list = |items: Vec<String>| format!("{items:?}");
    let one = |item: Option<&str>| format!("{:?}", item.map(normal));
    let got = [
        format!(
            "{:?}",
            letter.date.as_ref().map(|d| d.value.date.to_string())
        ),
        one(letter.date.as_ref().and_then(|d| d.value.place.as_deref())),
        list(letter.to.iter().map(|t| normal(&t.value.name)).collect()),
        one(letter.reference.as_ref().map(|r| r.value.as_str())),
        one(letter.subject.as_ref().map(|s| s.value.as_str())),
        one(letter.salutation.as_ref().map(|s| s.value.as_str())),
        paragraphs.to_string(),
        list(seen.headings),
        seen.list_items.len().to_string(),
        document.notes.len().to_string(),
        one(signoff.closing.as_ref().map(|c| c.value.as_str())),
        list(
            signoff
                .signatories
                .iter()
                .map(|s| normal(&s.value.name))
                .collect(),
        ),
        list(signoff.cc.iter().map(|c| normal(&c.value)).collect()),
        list(
            signoff
                .enclosures
                .iter()
                .map(|e| normal(&e.value))
                .collect(),
        ),
        one(signoff.postscript.as_ref().map(|p| p.value.as_str())),
    ];
    let some = |s: &str| one(Some(s).filter(|s| !s.is_empty()));
    let all = |items: &[String]| list(items.iter().map(|i| normal(i)).collect());
    let expected = [
        format!("{:?}", Some(&want.date)),
        some(&want.place),
        all(&want.to),
        some(&want.reference),
        some(&want.subject),
        some(&want.salutation),
        want.paragraphs.to_string(),
        all(&want.headings),
        want.list_items.to_string(),
        want.notes.to_string(),
        some(&want.closing),
        all(&want.signatories),
        all(&want.cc),
        all(&want.enclosures),
        some(&want.postscript),
    ];
    let mut ok = [false; 15];
    let mut misses = Vec::new();
    for i in 0..PARTS.len() {
        ok[i] = got[i] == expected[i];
        if !ok[i] {
            misses.push(format!("{}: got {} want {}", PARTS[i], got[i], expected[i]));
        }
    }
    (ok, misses)
}

/// Prints, per format, the share of the corpus's letter parts that are recognised as
/// their expectation says (the table of the closing note), and holds each share
/// at least at the floor it has reached.
#[test]
fn recognition_table() {
    let floors = [("word", 0.99), ("web", 0.99)];
    let mut table = recognition::header(&PARTS);
    let mut details = String::new();
    let mut failures = Vec::new();
    for (folder, floor) in floors {
        let read: fn(&[u8]) -> Option<Document> = if folder == "word" {
            |b| docx::read(b).ok()
        } else {
            |b| html::read(b, None).ok()
        };
        let files = corpus(folder);
        let mut counts = [0usize; 15];
        for file in &files {
            let expectation: Expectation = toml::from_str(
                &std::fs::read_to_string(format!("{}.expect.toml", file.display())).unwrap(),
            )
            .unwrap();
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            let Some(document) = read(&std::fs::read(file).unwrap()) else {
                let _ = writeln!(details, "{name}: not read");
                continue;
            };
            let (ok, misses) = recognised(&document, &expectation.letter);
            for (count, ok) in counts.iter_mut().zip(ok) {
                *count += usize::from(ok);
            }
            if !misses.is_empty() {
                let _ = writeln!(details, "{name}:\n    {}", misses.join("\n    "));
            }
        }
        let (row, all) = recognition::row(folder, files.len(), &counts);
        table.push_str(&row);
        if all < floor {
            failures.push(format!(
                "{folder}: {:.1}% is below its floor {:.1}%",
                100.0 * all,
                100.0 * floor
            ));
        }
    }
    println!("{table}\n{details}");
    assert!(failures.is_empty(), "{failures:?}\n{table}\n{details}");
}
