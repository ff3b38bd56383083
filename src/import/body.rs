//! The body of a letter: paragraphs (hard-wrapped lines joined), headings (short lines
//! without final punctuation between paragraphs) and list items.

use super::found::{Found, Span};
use super::lines::{self, Line, ends_sentence, join_wrapped};

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(String),
    /// A section heading.
    Heading(String),
    /// A list item.
    Item {
        /// How the item is marked.
        marker: Marker,
        /// Its text (for [`Marker::Letter`], the whole line with its label).
        text: String,
    },
}

impl Block {
    /// The block's text, to be changed in place.
    pub fn text_mut(&mut self) -> &mut String {
        let (Block::Paragraph(text) | Block::Heading(text) | Block::Item { text, .. }) = self;
        text
    }
}

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// `1.`, `1)`, `(1)`.
    Number(u32),
    /// `•`, `-`, `*`, `–` …
    Bullet,
    /// `a)`, `(b)`, `iv)`: kept as text, since Markdown has no lettered lists.
    Letter,
}

/// A list item at the start of a line: its marker and its text.
pub fn list_item(text: &str) -> Option<(Marker, &str)> {
    let (label, rest) = text.split_once(' ')?;
    let rest = rest.trim_start();
    if rest.is_empty() {
        return None;
    }
    if label.chars().count() == 1 && "•·▪◦‣-–*+●○■□➢►".contains(label) {
        return Some((Marker::Bullet, rest));
    }
    let inner = label
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .or_else(|| label.strip_suffix(')'))
        .or_else(|| {
            label
                .strip_suffix('.')
                .filter(|l| l.chars().all(|c| c.is_ascii_digit()))
        })?;
    if !inner.is_empty() && inner.len() <= 3 && inner.chars().all(|c| c.is_ascii_digit()) {
        return Some((Marker::Number(inner.parse().ok()?), rest));
    }
    let letter = inner.len() == 1 && inner.chars().all(|c| c.is_ascii_alphabetic());
    let roman = !inner.is_empty() && inner.len() <= 4 && inner.chars().all(|c| "ivxlc".contains(c));
    (letter || roman).then_some((Marker::Letter, text))
}

/// Whether a line can be a heading: short, capitalised, without final punctuation.
fn heading_like(text: &str) -> bool {
    let chars = text.chars().count();
    (2..=90).contains(&chars)
        && text.split_whitespace().count() <= 12
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && text
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ')')
        && !text.contains("://")
}

/// Whether the block's first line is a heading: alone in its block with more body after
/// it, or clearly shorter than the running text that follows it in the block.
fn is_heading(block: &[Line], more_follow: bool) -> bool {
    if !heading_like(&block[0].text) {
        return false;
    }
    let Some(next) = block.get(1) else {
        return more_follow;
    };
    let rest_width = block[1..].iter().map(Line::len).max().unwrap_or(0);
    let starts_sentence = next.text.chars().next().is_some_and(|c| !c.is_lowercase());
    list_item(&next.text).is_none() && starts_sentence && block[0].len() * 4 < rest_width * 3
}

/// Whether `line` continues the paragraph that `previous` belongs to (a hard wrap), rather
/// than starting a new one: lines over 120 characters are whole paragraphs; an indented
/// line starts one; so does a line after a short line that ends a sentence.
fn continues(previous: &Line, line: &Line, width: usize, in_item: bool) -> bool {
    if previous.len() > 120 || (!in_item && line.indent > previous.indent) {
        return false;
    }
    !(ends_sentence(&previous.text) && previous.len() * 5 < width * 3)
}

/// Reads the body's lines into blocks.
pub fn recognise(lines: &[Line]) -> Vec<Found<Block>> {
    let blocks = lines::blocks(lines);
    let mut out: Vec<Found<Block>> = Vec::new();
    for (b, range) in blocks.iter().enumerate() {
        let block = &lines[range.clone()];
        let width = block.iter().map(Line::len).max().unwrap_or(0);
        let mut current: Option<Found<Block>> = None;
        for (k, line) in block.iter().enumerate() {
            let span = Span::line(line);
            if let Some((marker, text)) = list_item(&line.text) {
                out.extend(current.take());
                current = Some(Found {
                    value: Block::Item {
                        marker,
                        text: text.to_string(),
                    },
                    span,
                });
                continue;
            }
            if k == 0 && is_heading(block, b + 1 < blocks.len()) {
                out.push(Found {
                    value: Block::Heading(line.text.clone()),
                    span,
                });
                continue;
            }
            if let Some(found) = current.as_mut() {
                let in_item = matches!(found.value, Block::Item { .. });
                if continues(&block[k - 1], line, width, in_item) {
                    join_wrapped(found.value.text_mut(), &line.text);
                    found.span.last = line.number;
                    continue;
                }
            }
            out.extend(current.take());
            current = Some(Found {
                value: Block::Paragraph(line.text.clone()),
                span,
            });
        }
        out.extend(current);
    }
    join_broken(out)
}

/// Joins a paragraph that a page break (or a stray blank line) split in two: one that
/// ends without punctuation (or a short line taken for a heading), followed by one that
/// starts in lower case.
fn join_broken(blocks: Vec<Found<Block>>) -> Vec<Found<Block>> {
    let mut out: Vec<Found<Block>> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if let (Some(previous), Block::Paragraph(next)) = (out.last_mut(), &block.value)
            && let Block::Paragraph(text) | Block::Heading(text) = &mut previous.value
            && text
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
            && next.chars().next().is_some_and(char::is_lowercase)
        {
            join_wrapped(text, next);
            // A short line before it looked like a heading; it was the paragraph's start.
            previous.value = Block::Paragraph(std::mem::take(text));
            previous.span.last = block.span.last;
            continue;
        }
        out.push(block);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn blocks(text: &str) -> Vec<Block> {
        recognise(&split(text))
            .into_iter()
            .map(|f| f.value)
            .collect()
    }

    fn para(text: &str) -> Block {
        Block::Paragraph(text.into())
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined_and_headings_found() {
        let text = "We write to ask the ministry to review the detention of\nthe journalists held since March.\n\nBackground\n\nIn 2023 the authorities arrested eleven reporters in the\ncapital. Their families were not told where they were held.\nNone has seen a lawyer.\n";
        assert_eq!(
            blocks(text),
            [
                para(
                    "We write to ask the ministry to review the detention of the journalists held since March."
                ),
                Block::Heading("Background".into()),
                para(
                    "In 2023 the authorities arrested eleven reporters in the capital. Their families were not told where they were held. None has seen a lawyer."
                ),
            ]
        );
    }

    #[test]
    fn unwrapped_lines_and_short_sentence_ends_start_paragraphs() {
        let long = "A".repeat(130);
        let text = format!(
            "{long}\n{long}\nShort end.\nNext paragraph starts here and runs on to the end.\n"
        );
        assert_eq!(blocks(&text).len(), 4);
    }

    #[test]
    fn heading_on_the_first_line_of_a_block() {
        let text = "Access to counsel\nThe detainees have not been allowed to see their lawyers for\nmore than two weeks.\n";
        assert_eq!(
            blocks(text),
            [
                Block::Heading("Access to counsel".into()),
                para(
                    "The detainees have not been allowed to see their lawyers for more than two weeks."
                ),
            ]
        );
    }

    #[test]
    fn list_items_with_wrapped_lines() {
        let text = "We ask you to:\n\n1. release the reporters held without\n   charge;\n2) allow visits;\n\n• one\n- two\n\na) lettered stays text\n";
        assert_eq!(
            blocks(text),
            [
                para("We ask you to:"),
                Block::Item {
                    marker: Marker::Number(1),
                    text: "release the reporters held without charge;".into()
                },
                Block::Item {
                    marker: Marker::Number(2),
                    text: "allow visits;".into()
                },
                Block::Item {
                    marker: Marker::Bullet,
                    text: "one".into()
                },
                Block::Item {
                    marker: Marker::Bullet,
                    text: "two".into()
                },
                Block::Item {
                    marker: Marker::Letter,
                    text: "a) lettered stays text".into()
                },
            ]
        );
    }

    #[test]
    fn a_paragraph_split_by_a_page_break_is_joined() {
        assert_eq!(
            blocks(
                "We also ask that the government be invited to\n\n\npublish the orders.\n\nNext one.\n"
            ),
            [
                para("We also ask that the government be invited to publish the orders."),
                para("Next one.")
            ]
        );
    }

    #[test]
    fn a_last_short_line_is_not_a_heading() {
        assert_eq!(
            blocks("Text here.\n\nThank you for your attention\n")[1],
            para("Thank you for your attention")
        );
    }
}
