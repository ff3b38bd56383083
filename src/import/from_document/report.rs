//! The report on a Word file or web page: the parts recognised and the paragraphs they
//! were read from, the body's shape, the notes, the letterhead, the images, what the
//! reader and the chrome rules left out, what the reader noticed, and what fits no part.

use super::images::Placed as PlacedImage;
use crate::import::document::letterhead::Letterhead;
use crate::import::document::parts::Placed;
use crate::import::document::{Block, Document, ListKind, Note};
use crate::import::found::Span;
use crate::import::report::{self, Parts, Report};

/// Names where a part was read: the paragraphs of the document (counted without its blank
/// lines), as the layout's lines map back to them.
pub struct Locator<'a> {
    placed: &'a Placed,
    /// For each top-level block, its paragraph number.
    numbers: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// The locator of a document's placed parts.
    pub fn new(document: &Document, placed: &'a Placed) -> Locator<'a> {
        let mut count = 0;
        let numbers = document
            .blocks
            .iter()
            .map(|b| {
                if !matches!(b, Block::BlankLine) {
                    count += 1;
                }
                count
            })
            .collect();
        Locator { placed, numbers }
    }

    /// "paragraph 3", "paragraphs 3-5".
    pub fn at(&self, span: Span) -> String {
        let blocks = self.placed.blocks_of(span);
        self.blocks(blocks.start, blocks.end)
    }

    fn blocks(&self, start: usize, end: usize) -> String {
        let first = self.numbers.get(start).copied().unwrap_or(0);
        let last = end
            .checked_sub(1)
            .and_then(|e| self.numbers.get(e))
            .copied()
            .unwrap_or(first);
        if first == last {
            format!("paragraph {first}")
        } else {
            format!("paragraphs {first}-{last}")
        }
    }

    /// The text that fits no part, one entry per paragraph, and a notes list the text
    /// recognisers found but the document did not have as notes.
    pub fn unplaced(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let letter = &self.placed.letter;
        let note_lines = letter
            .notes
            .iter()
            .flat_map(|n| n.lines.0..=n.lines.1)
            .filter_map(|number| self.placed.lines.get(number - 1));
        for line in letter.unplaced.iter().chain(note_lines) {
            let at = self.at(Span::line(line));
            match out.last_mut() {
                Some((last, text)) if *last == at => {
                    text.push('\n');
                    text.push_str(&line.text);
                }
                _ => out.push((at, line.text.clone())),
            }
        }
        out
    }
}

/// What the report is made from.
pub struct Facts<'a> {
    pub document: &'a Document,
    pub placed: &'a Placed,
    pub at: &'a Locator<'a>,
    /// The body blocks written.
    pub body: &'a [Block],
    /// The notes written, in order.
    pub notes: &'a [Note],
    /// Notes the body does not reference.
    pub unused: usize,
    pub images: &'a [PlacedImage],
    pub letterhead: &'a Letterhead,
    pub logo: Option<&'a str>,
    pub lang: Option<&'a str>,
    pub unplaced: Vec<(String, String)>,
}

/// The report on a document.
pub fn report(facts: Facts) -> Report {
    let Facts {
        document,
        placed,
        at,
        body,
        ..
    } = facts;
    let letter = &placed.letter;
    let locate = |span: Span| at.at(span);
    let mut found: Parts = Vec::new();
    let mut missing = Vec::new();
    report::head(letter, &locate, &mut found, &mut missing);
    if let Some(lang) = facts
        .lang
        .filter(|_| letter.date.as_ref().is_none_or(|d| d.value.lang.is_none()))
    {
        found.push(("lang", format!("{lang} (declared by the file)"), None));
    }
    let span = (!placed.body.is_empty()).then(|| at.blocks(placed.body.start, placed.body.end));
    found.push(("body", summary(body), span));
    for block in body {
        if let Block::Heading {
            number, content, ..
        } = block
        {
            let number = number.as_ref().map(|n| format!("{n} ")).unwrap_or_default();
            let text = crate::import::document::plain_text(content);
            found.push(("heading", format!("{number}{text}"), None));
        }
    }
    report::signoff(letter, &locate, &mut found, &mut missing);
    if !facts.notes.is_empty() {
        let links = facts
            .notes
            .iter()
            .filter(|n| crate::import::document::blocks_text(&n.blocks).contains("://"))
            .count();
        found.push(("notes", notes_summary(facts.notes, links), None));
    }
    letterhead_parts(facts.letterhead, facts.logo, &mut found);
    let notices = notices(facts.unused);
    let dropped = dropped(document, placed, at, facts.images, &mut found);
    Report {
        found,
        missing,
        notices,
        noted: document.notices.clone(),
        encoding: document.metadata.encoding.clone(),
        dropped,
        unplaced: facts.unplaced,
    }
}

/// How many notes there are and what they were in the file: a Word file's footnotes are
/// not called endnotes, though the letter places every note after the signatures.
fn notes_summary(notes: &[Note], links: usize) -> String {
    let kind = |word: &str| {
        notes
            .iter()
            .filter(|n| n.label.starts_with(&format!("{word} ")))
            .count()
    };
    let (footnotes, endnotes) = (kind("footnote"), kind("endnote"));
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let from = match (footnotes, endnotes) {
        (0, 0) => String::new(),
        (f, 0) => format!("the file's {}, ", plural(f, "footnote")),
        (0, e) => format!("the file's {}, ", plural(e, "endnote")),
        (f, e) => format!(
            "the file's {} and {}, ",
            plural(f, "footnote"),
            plural(e, "endnote")
        ),
    };
    format!(
        "{} ({from}{links} with links), placed as the letter's endnotes",
        notes.len()
    )
}

/// Notes the body does not reference.
fn notices(unused: usize) -> Vec<String> {
    let mut notices = Vec::new();
    if unused > 0 {
        notices.push(format!(
            "{unused} note(s) referenced outside the body (on the date or the signature), left out"
        ));
    }
    notices
}

/// What was left out: lines dropped as chrome, what the reader left out, images that
/// could not be placed (those placed are reported as found).
fn dropped(
    document: &Document,
    placed: &Placed,
    at: &Locator,
    images: &[PlacedImage],
    found: &mut Parts,
) -> Vec<(Option<String>, String, String)> {
    let mut dropped: Vec<(Option<String>, String, String)> = placed
        .dropped
        .iter()
        .map(|d| {
            (
                Some(at.at(Span::line(&d.line))),
                d.line.text.clone(),
                d.rule.clone(),
            )
        })
        .collect();
    dropped.extend(
        document
            .dropped
            .iter()
            .map(|d| (None, d.what.clone(), d.reason.clone())),
    );
    for image in images {
        match &image.file {
            Ok(file) => found.push(("image", image_line(file, &image.image.alt), None)),
            Err(why) => dropped.push((None, image_alt(&image.image.alt), why.clone())),
        }
    }
    dropped
}

fn letterhead_parts(head: &Letterhead, logo: Option<&str>, found: &mut Parts) {
    let from = Some("page header and footer".to_string());
    if let Some(organization) = &head.organization {
        found.push(("letterhead", organization.clone(), from.clone()));
    }
    for line in head.address.iter().chain(&head.contacts) {
        found.push(("letterhead", line.clone(), from.clone()));
    }
    if let Some(logo) = logo {
        found.push(("letterhead", format!("logo written as {logo}"), from));
    }
}

fn image_line(file: &str, alt: &str) -> String {
    if alt.is_empty() {
        format!("written as {file} (no description: add one)")
    } else {
        format!("written as {file}: {alt}")
    }
}

fn image_alt(alt: &str) -> String {
    if alt.is_empty() {
        "image".to_string()
    } else {
        alt.to_string()
    }
}

/// "12 paragraphs, 2 headings, 5 list items, 1 table".
fn summary(body: &[Block]) -> String {
    let mut counts = [0usize; 5];
    count(body, &mut counts);
    let [paragraphs, headings, items, tables, quotes] = counts;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = vec![
        plural(paragraphs, "paragraph"),
        plural(headings, "heading"),
        plural(items, "list item"),
    ];
    if tables > 0 {
        parts.push(plural(tables, "table"));
    }
    if quotes > 0 {
        parts.push(plural(quotes, "quotation"));
    }
    parts.join(", ")
}

fn count(blocks: &[Block], counts: &mut [usize; 5]) {
    for block in blocks {
        match block {
            Block::Paragraph(_) => counts[0] += 1,
            Block::Heading { .. } => counts[1] += 1,
            Block::List(list) => {
                // Lettered points are written as paragraphs.
                let slot = if matches!(list.kind, ListKind::Bullet | ListKind::Decimal) {
                    2
                } else {
                    0
                };
                counts[slot] += list.items.len();
                for item in &list.items {
                    let nested: Vec<Block> = item
                        .iter()
                        .filter(|b| matches!(b, Block::List(_)))
                        .cloned()
                        .collect();
                    count(&nested, counts);
                }
            }
            Block::Table(_) => counts[3] += 1,
            Block::Quote(_) => counts[4] += 1,
            Block::BlankLine => {}
        }
    }
}
