//! A document's body blocks as the Markdown of a letter source, keeping their structure:
//! paragraphs with emphasis, strong text and links, line breaks, headings, nested lists
//! with their start, tables, quotations, images, and the notes as footnotes in order of
//! reference. Every text reads literally: what would be Markdown syntax is escaped.

use std::fmt::Write as _;

use super::lists;
use super::model::{Block, Image, Inline, List, ListKind, Note, Table};
use crate::import::escape::{escape, escape_line_start};

/// Where the images of the letter are: the path written for an image, or None when it
/// cannot be placed (an address on the web is never fetched).
pub type ImagePath<'a> = &'a dyn Fn(&Image) -> Option<String>;

/// The Markdown of body blocks, then the footnotes of `notes` (note `n` of the model
/// is footnote `n + 1`).
pub fn write(blocks: &[Block], notes: &[Note], images: ImagePath) -> String {
    let levels = heading_levels(blocks);
    let mut out = String::new();
    for block in blocks {
        let text = block_markdown(block, &levels, images);
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&text);
    }
    for (n, note) in notes.iter().enumerate() {
        let text = note_markdown(&note.blocks, images);
        if text.is_empty() {
            continue;
        }
        let _ = write!(out, "\n\n[^{}]: {text}", n + 1);
    }
    out
}

/// Heading levels of the body from the highest used: its first level is written `##`,
/// the next `###`, then `####` (the template's section and subsection headings).
fn heading_levels(blocks: &[Block]) -> Vec<u8> {
    let mut levels: Vec<u8> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    levels.sort_unstable();
    levels.dedup();
    levels
}

fn block_markdown(block: &Block, levels: &[u8], images: ImagePath) -> String {
    match block {
        Block::Paragraph(content) => line_start(inlines(content, images)),
        Block::Heading {
            level,
            number,
            content,
        } => {
            let depth = levels.iter().position(|l| l == level).unwrap_or(0).min(2) + 2;
            let mut text = String::new();
            if let Some(number) = number {
                escape(number, &mut text);
                text.push(' ');
            }
            text.push_str(&inlines(content, images).replace("\\\n", " "));
            // A heading's text cannot start a list: it needs no escaping at its start.
            format!("{} {text}", "#".repeat(depth))
        }
        Block::List(list) => list_markdown(list, levels, images),
        Block::Table(table) => table_markdown(table, images),
        Block::Quote(blocks) => {
            let inner: Vec<String> = blocks
                .iter()
                .map(|b| block_markdown(b, levels, images))
                .filter(|t| !t.is_empty())
                .collect();
            inner
                .join("\n\n")
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        ">".to_string()
                    } else {
                        format!("> {l}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
        Block::BlankLine => String::new(),
    }
}

/// A list. Numbered and bulleted lists are Markdown lists; lettered and roman ones stay
/// paragraphs with their labels (`b)`), as Markdown numbers only with digits.
fn list_markdown(list: &List, levels: &[u8], images: ImagePath) -> String {
    let mut out = Vec::new();
    for (k, item) in list.items.iter().enumerate() {
        let number = list.start as usize + k;
        let marker = match list.kind {
            ListKind::Bullet => "-".to_string(),
            ListKind::Decimal => format!("{number}."),
            kind => format!("{})", lists::label(kind, number as u32)),
        };
        let markdown = list.kind == ListKind::Bullet || list.kind == ListKind::Decimal;
        // A list inside an item follows its text directly: the list stays tight.
        let mut body = String::new();
        for block in item {
            let text = block_markdown(block, levels, images);
            if text.is_empty() {
                continue;
            }
            if !body.is_empty() {
                body.push_str(if matches!(block, Block::List(_)) {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            body.push_str(&text);
        }
        if markdown {
            let indent = " ".repeat(marker.chars().count() + 1);
            let mut lines = body.lines();
            let first = lines.next().unwrap_or("");
            let mut text = format!("{marker} {first}");
            for line in lines {
                text.push('\n');
                if !line.is_empty() {
                    text.push_str(&indent);
                    text.push_str(line);
                }
            }
            out.push(text);
        } else {
            let mut label = String::new();
            escape(&marker, &mut label);
            out.push(format!("{label} {body}"));
        }
    }
    // Items of a Markdown list follow each other; lettered points are paragraphs.
    let separator = if matches!(list.kind, ListKind::Bullet | ListKind::Decimal) {
        "\n"
    } else {
        "\n\n"
    };
    out.join(separator)
}

/// A table as a GFM pipe table (its first row the header when it has none); a table of
/// one column is its cells' paragraphs.
fn table_markdown(table: &Table, images: ImagePath) -> String {
    let columns = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let cell = |blocks: &[Block]| {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(content) | Block::Heading { content, .. } => {
                    Some(inlines(content, images).replace("\\\n", " "))
                }
                Block::BlankLine => None,
                other => Some(block_markdown(other, &[], images).replace('\n', " ")),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    if columns <= 1 {
        return table
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .map(|c| line_start(cell(c)))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
    }
    let row = |cells: &[Vec<Block>]| {
        let mut texts: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        texts.resize(columns, String::new());
        format!("| {} |", texts.join(" | "))
    };
    let mut lines = Vec::new();
    let mut rows = table.rows.iter();
    if let Some(first) = rows.next() {
        lines.push(row(&first.cells));
        lines.push(format!("|{}", " --- |".repeat(columns)));
    }
    lines.extend(rows.map(|r| row(&r.cells)));
    lines.join("\n")
}

fn note_markdown(blocks: &[Block], images: ImagePath) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .map(|b| block_markdown(b, &[], images))
        .filter(|t| !t.is_empty())
        .collect();
    // Paragraphs after a note's first continue it, indented.
    parts
        .join("\n\n")
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 || l.is_empty() {
                l.to_string()
            } else {
                format!("    {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs as Markdown.
fn inlines(runs: &[Inline], images: ImagePath) -> String {
    let mut out = String::new();
    for (i, run) in runs.iter().enumerate() {
        let next = runs.get(i + 1);
        match run {
            Inline::Text(text) => escape(text, &mut out),
            Inline::Emphasis(inner) => delimited(&mut out, "*", &inlines(inner, images), next),
            Inline::Strong(inner) => delimited(&mut out, "**", &inlines(inner, images), next),
            // Markdown has no underline or raised text: their text stays.
            Inline::Underline(inner) | Inline::Superscript(inner) => {
                out.push_str(&inlines(inner, images));
            }
            Inline::Link { url, content } => {
                let text = inlines(content, images);
                // An address shown as itself is an autolink.
                if super::model::plain_text(content) == *url && !url.contains([' ', '<', '>']) {
                    let _ = write!(out, "<{url}>");
                } else {
                    let _ = write!(out, "[{text}]({})", destination(url));
                }
            }
            Inline::NoteRef(n) => {
                let _ = write!(out, "[^{}]", n + 1);
            }
            Inline::LineBreak => out.push_str("\\\n"),
            Inline::Image(image) => {
                if let Some(path) = images(image) {
                    let mut alt = String::new();
                    escape(&image.alt, &mut alt);
                    let _ = write!(out, "![{alt}]({})", destination(&path));
                }
            }
        }
    }
    out
}

/// Emphasis or strong text, when its delimiters can open and close where they stand
/// (CommonMark's flanking rules: `a**"b"**` is not strong); else the text alone.
fn delimited(out: &mut String, delimiter: &str, inner: &str, next: Option<&Inline>) {
    let before = out.chars().next_back();
    let first = inner.chars().next();
    let last = inner.chars().next_back();
    let after = next.and_then(first_char);
    let punct = |c: Option<char>| {
        c.is_some_and(|c| c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace()))
    };
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let opens = !space(first) && (!punct(first) || space(before) || punct(before));
    let closes = !space(last) && (!punct(last) || space(after) || punct(after));
    if inner.is_empty() || !opens || !closes {
        out.push_str(inner);
        return;
    }
    out.push_str(delimiter);
    out.push_str(inner);
    out.push_str(delimiter);
}

fn first_char(inline: &Inline) -> Option<char> {
    match inline {
        Inline::Text(t) => t.chars().next(),
        Inline::Emphasis(_) | Inline::Strong(_) => Some('*'),
        Inline::Link { .. } | Inline::NoteRef(_) => Some('['),
        Inline::Image(_) => Some('!'),
        Inline::Underline(inner) | Inline::Superscript(inner) => inner.first().and_then(first_char),
        Inline::LineBreak => Some('\n'),
    }
}

/// A link destination that Markdown reads whole: in angle brackets when it holds spaces
/// or parentheses.
fn destination(url: &str) -> String {
    if url.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", url.replace('<', "%3C").replace('>', "%3E"))
    } else {
        url.to_string()
    }
}

/// Escapes what is Markdown syntax at the start of a block and of each line after a hard
/// break.
fn line_start(text: String) -> String {
    text.split("\\\n")
        .map(|line| escape_line_start(line.to_string()))
        .collect::<Vec<_>>()
        .join("\\\n")
}

#[cfg(test)]
mod tests;
