//! Property: whatever text a writer puts in the front matter or the body comes out
//! literally in the laid-out letter and is never run as Typst. Literally means with its
//! punctuation set (smart punctuation is on by default): straight quotes become
//! quotation marks, `--` a dash, and so on, exactly as `typography::plain` sets them;
//! what the writer escaped in the body stays as typed.
//!
//! Each case writes a letter, checks and typesets it in-process with one shared
//! [`Environment`] (no PDF export: the text is read from the laid-out frames), so that
//! thousands of cases run in CI time. `PROPTEST_CASES` sets the number of cases of each
//! property (default 5,000 each for the two about shown text, 10,000 in all).
//!
//! The text is drawn from Latin, Greek, Cyrillic, CJK, emoji, general punctuation,
//! every printable ASCII character, and pieces of Typst, Markdown and template syntax
//! (`#read(…)`, `{date}`, `$x$`, `<label>`, …). It leaves out what the frames cannot
//! give back as written: right-to-left scripts (their lines are reordered for display),
//! invisible format characters, and combining marks (a cluster whose mark comes from a
//! fallback font is split into two runs that both carry the cluster's text). White space
//! is compared loosely, since line breaking moves it. A file `secret.txt` sits in the letter's folder: its
//! content must never appear, and no file may be read at all.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use missive::Environment;
use missive::testing::{self, Style, prepare};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use typst::layout::{Frame, FrameItem};

/// What `secret.txt` holds; it must never show up in a letter.
const SECRET: &str = "SECRET-CONTENT-0451";

/// Pieces of syntax that would do something if they were ever read as code or markup.
const TOKENS: &[&str] = &[
    "#read(\"secret.txt\")",
    "#include \"secret.txt\"",
    "#image(\"/etc/passwd\")",
    "#eval(\"1+1\")",
    "#let x = 1",
    "#{",
    "#[",
    "$x^2$",
    "@label",
    "<label>",
    "// comment",
    "/* block */",
    "\\",
    "\"",
    "{date}",
    "{place}",
    "{page}",
    "{total}",
    "```{=typst}",
    "[^1]",
    "*strong*",
    "_em_",
    "~",
    "---",
    "= Heading",
    "- item",
    "1. item",
    "> quote",
    "| a | b |",
    "&amp;",
    "<b>html</b>",
    "\u{1F600}",
];

/// The fonts and library every case shares.
fn env() -> &'static Environment {
    static ENV: OnceLock<Environment> = OnceLock::new();
    ENV.get_or_init(|| Environment::with_fonts(&[]).expect("bundled fonts load"))
}

/// A character from the scripts the property covers.
fn letter_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => 0x20u32..0x7f,
        2 => 0xc0u32..0x100,
        1 => 0x391u32..0x3ca,
        1 => 0x410u32..0x450,
        1 => 0x4e00u32..0x4f00,
        1 => 0x3041u32..0x3097,
        1 => 0x2010u32..0x2028,
        1 => 0x1f600u32..0x1f650,
    ]
    .prop_map(|code| char::from_u32(code).expect("ranges hold only scalar values"))
}

/// Text made of characters, syntax pieces and white space.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::collection::vec(letter_char(), 1..12)
            .prop_map(|chars| chars.into_iter().collect::<String>()),
        2 => proptest::sample::select(TOKENS).prop_map(str::to_string),
        1 => proptest::sample::select(&[" ", "  ", "\t", "\n"][..]).prop_map(str::to_string),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

/// `text` as the Markdown that shows it literally: ASCII punctuation escaped with `\`,
/// line breaks inside one paragraph, no indentation that would make a code block.
fn markdown_escaped(text: &str) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        if !out.is_empty() {
            out.push('\n');
        }
        for c in line.trim_start_matches([' ', '\t']).chars() {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// `text` as Markdown in which only the straight quotes are left unescaped (and no
/// hyphen or full stop is left, so that no dash or ellipsis is made of escaped ones).
fn markdown_with_quotes(text: &str) -> (String, String) {
    let text: String = text
        .chars()
        .map(|c| if matches!(c, '-' | '.') { 'x' } else { c })
        .collect();
    let mut escaped = markdown_escaped(&text);
    escaped = escaped.replace("\\\"", "\"").replace("\\'", "'");
    (text, escaped)
}

/// What smart punctuation makes of `text` in an English letter.
fn punctuated(text: &str) -> String {
    testing::plain(Style::new(None, true), text)
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// Text with all white space (and the soft hyphens line breaking adds) removed.
fn solid(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect()
}

/// The text of the laid-out letter, in frame order.
fn frame_text(frame: &Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => frame_text(&group.frame, out),
            FrameItem::Text(text) => out.push_str(&text.text),
            _ => {}
        }
    }
}

/// Checks and typesets the letter at `path`; returns its text and the files it read.
fn typeset(path: &Path) -> Result<(String, usize), TestCaseError> {
    let letter = prepare(path).map_err(|problems| {
        TestCaseError::fail(format!(
            "the letter was refused: {}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        ))
    })?;
    let typeset = testing::typeset(env(), &letter, &[]).map_err(|problems| {
        TestCaseError::fail(format!(
            "typesetting failed: {}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        ))
    })?;
    let mut text = String::new();
    for page in typeset.document.pages() {
        frame_text(&page.frame, &mut text);
    }
    Ok((text, typeset.files.len()))
}

/// Asserts that every value shows in `shown`, that nothing was read, no secret leaked.
fn assert_literal(
    values: &[(&str, &str)],
    shown: &str,
    files_read: usize,
) -> Result<(), TestCaseError> {
    let shown = solid(shown);
    for (name, value) in values {
        let value = solid(value);
        prop_assert!(
            shown.contains(&value),
            "{name} = {value:?} is not in the letter's text {shown:?}"
        );
    }
    prop_assert!(
        !shown.contains(SECRET),
        "secret.txt was read into the letter"
    );
    prop_assert_eq!(files_read, 0, "the letter read files");
    Ok(())
}

/// A folder with `secret.txt`, and the path of the letter written in it.
fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("secret.txt"), SECRET).unwrap();
    let path = dir.path().join("letter.md");
    (dir, path)
}

/// Cases per property: `PROPTEST_CASES`, else 5,000.
fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Typst's caches grow with every distinct letter; age them out now and then.
fn evict_now_and_then(counter: &AtomicUsize) {
    if counter.fetch_add(1, Ordering::Relaxed) % 200 == 199 {
        typst::comemo::evict(3);
    }
}

/// Names of the front-matter keys that hold shown text, in the order they are generated.
///
/// The signatory's name gets a prefix: a signatory must have a name.
const FIELDS: &[&str] = &[
    "place",
    "reference",
    "subject",
    "salutation",
    "closing",
    "postscript",
    "to.name",
    "to.address",
    "signatories.name",
    "signatories.title",
    "signatories.organization",
    "cosigners.name",
    "cosigners.detail",
    "cc",
    "enclosures",
    "letterhead.organization",
    "letterhead.address",
    "letterhead.contacts",
    "letterhead.sidebar",
];

/// The front matter with every text key set to `values` (in [`FIELDS`] order).
fn front_matter(values: &[String], template: &str) -> String {
    let mut v: Vec<String> = values.iter().map(|value| toml_string(value)).collect();
    v[8] = toml_string(&format!("Signer {}", values[8]));
    format!(
        "+++\ndate = 2026-03-02\ntemplate = \"{template}\"\nplace = {}\nreference = {}\n\
         subject = {}\nsalutation = {}\nclosing = {}\npostscript = {}\ncc = [{}]\n\
         enclosures = [{}]\n\n[[to]]\nname = {}\naddress = [{}]\n\n\
         [[signatories]]\nname = {}\ntitle = {}\norganization = {}\n\n\
         [[cosigners]]\nname = {}\ndetail = {}\n\n\
         [letterhead]\norganization = {}\naddress = [{}]\ncontacts = [{}]\nsidebar = [{}]\n\
         +++\nBody.\n",
        v[0],
        v[1],
        v[2],
        v[3],
        v[4],
        v[5],
        v[13],
        v[14],
        v[6],
        v[7],
        v[8],
        v[9],
        v[10],
        v[11],
        v[12],
        v[15],
        v[16],
        v[17],
        v[18],
    )
}

#[test]
fn front_matter_text_is_shown_literally() {
    let (_dir, path) = scratch();
    let counter = AtomicUsize::new(0);
    let mut runner = TestRunner::new(config());
    let templates = proptest::sample::select(&["house", "coalition"][..]);
    let strategy = (proptest::collection::vec(text(), FIELDS.len()), templates);
    let result = runner.run(&strategy, |(values, template)| {
        evict_now_and_then(&counter);
        std::fs::write(&path, front_matter(&values, template)).unwrap();
        let (shown, files_read) = typeset(&path)?;
        let set: Vec<String> = values.iter().map(|value| punctuated(value)).collect();
        let named: Vec<(&str, &str)> = FIELDS
            .iter()
            .copied()
            .zip(set.iter().map(String::as_str))
            .collect();
        assert_literal(&named, &shown, files_read)
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[test]
fn body_text_is_shown_literally() {
    let (_dir, path) = scratch();
    let counter = AtomicUsize::new(0);
    let mut runner = TestRunner::new(config());
    let strategy = proptest::collection::vec(text(), 1..4);
    let result = runner.run(&strategy, |paragraphs| {
        evict_now_and_then(&counter);
        let body: Vec<String> = paragraphs.iter().map(|p| markdown_escaped(p)).collect();
        let letter = format!(
            "+++\ndate = 2026-03-02\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n{}\n",
            body.join("\n\n")
        );
        std::fs::write(&path, letter).unwrap();
        let (shown, files_read) = typeset(&path)?;
        let named: Vec<(&str, &str)> = paragraphs
            .iter()
            .map(|p| ("paragraph", p.as_str()))
            .collect();
        assert_literal(&named, &shown, files_read)
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[test]
fn typed_quotes_in_the_body_become_quotation_marks() {
    // Straight quotes left unescaped among text and pieces of code: each is set as a
    // quotation mark or apostrophe, none is left straight, and nothing runs.
    let (_dir, path) = scratch();
    let counter = AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config {
        cases: config().cases / 5,
        ..config()
    });
    let strategy = proptest::collection::vec(text(), 1..4);
    let result = runner.run(&strategy, |paragraphs| {
        evict_now_and_then(&counter);
        let (texts, bodies): (Vec<String>, Vec<String>) =
            paragraphs.iter().map(|p| markdown_with_quotes(p)).unzip();
        let letter = format!(
            "+++\ndate = 2026-03-02\n[[signatories]]\nname = \"Ana Ruiz\"\n+++\n{}\n",
            bodies.join("\n\n")
        );
        std::fs::write(&path, letter).unwrap();
        let (shown, files_read) = typeset(&path)?;
        prop_assert!(
            !shown.contains(['"', '\'']),
            "a straight quote is left in {shown:?}"
        );
        let set: Vec<String> = texts.iter().map(|t| punctuated(t)).collect();
        let named: Vec<(&str, &str)> = set.iter().map(|p| ("paragraph", p.as_str())).collect();
        assert_literal(&named, &shown, files_read)
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[test]
fn checked_keys_take_any_text_without_panic() {
    // Keys whose text is checked or used, not shown: any value is either used or refused
    // with an error at its line, never a panic or an unplaced problem.
    let (_dir, path) = scratch();
    let counter = AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config {
        cases: config().cases / 5,
        ..config()
    });
    let keys = [
        "lang",
        "template",
        "signatories.signature",
        "signatories.signature_alt",
        "letterhead.accent",
        "letterhead.logo",
        "letterhead.logo_alt",
    ];
    let strategy = proptest::collection::vec(proptest::option::of(text()), keys.len());
    let result = runner.run(&strategy, |values| {
        evict_now_and_then(&counter);
        let line = |i: usize| match &values[i] {
            Some(value) => format!(
                "{} = {}\n",
                keys[i].rsplit('.').next().unwrap(),
                toml_string(value)
            ),
            None => String::new(),
        };
        let letter = format!(
            "+++\ndate = 2026-03-02\n{}{}\n[[signatories]]\nname = \"Ana Ruiz\"\n{}{}\n\
             [letterhead]\n{}{}{}+++\nBody.\n",
            line(0),
            line(1),
            line(2),
            line(3),
            line(4),
            line(5),
            line(6)
        );
        std::fs::write(&path, letter).unwrap();
        match prepare(&path) {
            Ok(letter) => {
                testing::typeset(env(), &letter, &[])
                    .map_err(|problems| TestCaseError::fail(format!("{}", problems[0])))?;
            }
            Err(problems) => {
                for problem in problems.iter().filter(|p| p.is_error()) {
                    let location = problem.location().unwrap_or_default();
                    prop_assert!(
                        location.contains("letter.md:"),
                        "an error without its line: {problem}"
                    );
                }
            }
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}
