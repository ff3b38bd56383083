//! Fuzzes what missive does with a letter's text before Typst runs: decoding, splitting
//! the front matter, parsing it, converting the Markdown body to Typst markup, and
//! printing diagnostics. Besides "no panic", it checks that:
//!
//! - the split's ranges are in order, on character boundaries, inside the text;
//! - every diagnostic prints, in both forms, whatever its range;
//! - a body without errors converts to markup (body and endnotes) that Typst parses
//!   without a single error, with its source marks in order and inside the text;
//! - every string literal in the markup, unescaped as Typst reads it, escapes back to
//!   exactly itself (the escaping is Typst's own reading, inverted);
//! - every piece of the writer's text reaches the markup inside a string literal, where
//!   it cannot be code (raw-Typst fences are neutralised first, as they are Typst by
//!   design).

#![no_main]

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use codespan_reporting::term::termcolor::NoColor;
use libfuzzer_sys::fuzz_target;
use missive::testing::{
    Body, Fragment, FrontMatter, Mark, Style, convert, decode, spaces_for_tabs, split, str_literal,
};
use missive::{Diagnostic, SourceText};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use typst_syntax::ast::{AstNode, Str};
use typst_syntax::{SyntaxKind, SyntaxNode};

fuzz_target!(|data: &[u8]| {
    let text = match decode("fuzz.md", data.to_vec()) {
        Ok(text) => text,
        Err(problems) => return print_all(&problems),
    };
    let file = SourceText::new("fuzz.md", text);
    let letter = match split(PathBuf::from("fuzz.md"), file.clone()) {
        Ok(letter) => letter,
        Err(problems) => return print_all(&problems),
    };
    let len = file.text.len();
    assert!(letter.front.start <= letter.front.end && letter.front.end <= letter.body.start);
    assert!(letter.body.start <= letter.body.end && letter.body.end == len);
    for offset in [letter.front.start, letter.front.end, letter.body.start] {
        assert!(file.text.is_char_boundary(offset));
    }

    let fragment = Fragment {
        file: &file,
        range: letter.front.clone(),
        what: "front matter",
    };
    if let Err(problems) = fragment.parse::<FrontMatter>() {
        print_all(&problems);
    }

    // Raw-Typst fences are Typst by design; as code blocks they are text like the rest.
    let body_text = letter.body_text().replace("{=typst}", "{=typsx}");
    let body = convert(
        &body_text,
        Style::new(None, true),
        &|path: &str| Ok(format!("/{path}")),
        None,
    );
    for problem in &body.problems {
        assert!(problem.range.start <= problem.range.end && problem.range.end <= body_text.len());
        let start = letter.body.start + problem.range.start;
        let end = letter.body.start + problem.range.end;
        print_all(&[Diagnostic::error(problem.code, &problem.message).at(&file, start..end)]);
    }
    if body.problems.iter().any(|p| p.is_error) {
        return;
    }
    let mut literals = Vec::new();
    check_markup(&body.markup, &body.marks, body_text.len(), &mut literals);
    for note in &body.notes {
        check_markup(&note.markup, &note.marks, body_text.len(), &mut literals);
    }
    let all = literals.join("\u{0}");
    for piece in shown_text(&body_text, &body) {
        assert!(
            all.contains(&piece),
            "text {piece:?} is not in any string literal of {:?}",
            body.markup
        );
    }
});

/// Prints diagnostics both ways; only panics matter.
fn print_all(problems: &[Diagnostic]) {
    for problem in problems {
        let _ = problem.to_string();
        let _ = problem.emit(&mut NoColor::new(Vec::new()));
    }
}

/// Asserts that converted markup parses cleanly and is well marked; collects its strings.
fn check_markup(markup: &str, marks: &[Mark], source_len: usize, literals: &mut Vec<String>) {
    let root = typst_syntax::parse(markup);
    let (errors, _) = root.errors_and_warnings();
    assert!(errors.is_empty(), "{errors:?} in {markup:?}");
    for pair in marks.windows(2) {
        assert!(pair[0].markup < pair[1].markup, "marks out of order");
    }
    for mark in marks {
        assert!(mark.markup < markup.len() && mark.source <= source_len);
    }
    collect_strings(&root, literals);
}

/// Every string literal of a tree, after checking that it escapes back to itself.
fn collect_strings(node: &SyntaxNode, out: &mut Vec<String>) {
    if node.kind() == SyntaxKind::Str {
        let value = Str::from_untyped(node)
            .expect("a Str node")
            .get()
            .to_string();
        assert_eq!(&str_literal(&value), node.leaf_text().as_str());
        out.push(value);
    }
    for child in node.children() {
        collect_strings(child, out);
    }
}

/// The writer's text pieces that the letter shows: every text, code and HTML event,
/// except in footnote definitions that are never referenced or repeat a label (missive
/// leaves those out), with tabs as the converter turns them into spaces.
fn shown_text(body: &str, converted: &Body) -> Vec<String> {
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES;
    let events: Vec<Event> = Parser::new_ext(body, options).collect();
    let referenced: HashSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::FootnoteReference(label) => Some(label.to_string()),
            _ => None,
        })
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut kept: Vec<bool> = Vec::new();
    let mut in_code = 0usize;
    let mut pieces = Vec::new();
    for event in &events {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let count = seen.entry(label.to_string()).or_default();
                *count += 1;
                kept.push(*count == 1 && referenced.contains(label.as_ref()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                kept.pop();
            }
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code -= 1,
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text)
                if kept.iter().all(|k| *k) =>
            {
                let text = if in_code > 0 || matches!(event, Event::Code(_)) {
                    text.to_string()
                } else {
                    spaces_for_tabs(text)
                };
                let text = text.trim();
                if !text.is_empty() {
                    pieces.push(text.to_string());
                }
            }
            _ => {}
        }
    }
    // Sanity: the converter keeps exactly the referenced notes.
    assert_eq!(converted.notes.len(), referenced.len());
    pieces
}
