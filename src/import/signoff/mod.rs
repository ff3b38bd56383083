//! The end of a letter, before the endnotes: the closing ("Sincerely,", "Veuillez agréer
//! …"), the blocks of the people who sign (grouped by [`people`]), then copies,
//! enclosures and postscript.

use std::ops::Range;

use super::body::{self, Block};
use super::closings::{
    Tail, is_closing, is_closing_formula, is_short_closing, is_signatories_label, tail_label,
    trailing_formula,
};
use super::found::{Found, Span};
use super::lines::{self, Line, ends_sentence, join_wrapped};
use super::people::{self, Signatory};

/// The sign-off of a letter.
#[derive(Debug, Default)]
pub struct SignOff {
    /// Index of the line where the body ends (the sign-off's first line or the end).
    pub start: usize,
    /// "Sincerely,".
    pub closing: Option<Found<String>>,
    /// Who signs.
    pub signatories: Vec<Found<Signatory>>,
    /// Organisations that co-sign beside the people who sign ("Also signed by: …").
    pub cosigners: Vec<Found<String>>,
    /// The line above the co-signers ("Also signed by:"); the template has its own label.
    pub cosigners_heading: Option<Line>,
    /// Copies.
    pub cc: Vec<Found<String>>,
    /// Enclosures.
    pub enclosures: Vec<Found<String>>,
    /// P.S.
    pub postscript: Option<Found<String>>,
    /// Lines after the closing that are neither signatures nor labelled.
    pub unplaced: Vec<Line>,
}

/// Reads the sign-off at the end of `lines[from..end]`. A closing line anchors it: what
/// follows is read forwards (people, then copies, enclosures, P.S.; anything else is not
/// placed). Without a closing, it is read backwards from the end while blocks look like
/// signatures.
pub fn recognise(lines: &[Line], from: usize, end: usize) -> SignOff {
    let mut blocks: Vec<Range<usize>> = lines::blocks(&lines[from..end])
        .into_iter()
        .map(|b| b.start + from..b.end + from)
        .collect();
    let mut out = SignOff {
        start: end,
        ..SignOff::default()
    };
    let anchor = blocks
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, b)| closing_in(lines, b).map(|c| (i, c)));
    let (people, tail) = match anchor {
        Some((i, closing)) => {
            let after = blocks.split_off(i + 1);
            let block = blocks.pop().unwrap_or(0..0);
            let mut rest = None;
            match closing {
                Closing::FirstLine => {
                    let first = &lines[block.start];
                    out.closing = Some(Found {
                        value: first.text.clone(),
                        span: Span::line(first),
                    });
                    rest = (block.len() > 1).then(|| block.start + 1..block.end);
                }
                Closing::LastLine => {
                    let last = &lines[block.end - 1];
                    out.closing = Some(Found {
                        value: last.text.clone(),
                        span: Span::line(last),
                    });
                    blocks.push(block.start..block.end - 1);
                }
                Closing::Formula => {
                    out.closing = Some(Found {
                        value: block_text(&lines[block.clone()]),
                        span: Span::of(&lines[block]),
                    });
                }
            }
            forwards(lines, rest.into_iter().chain(after), &mut out)
        }
        None => backwards(lines, &mut blocks, &mut out),
    };
    out.signatories = people::signatories(lines, &people);
    for range in tail {
        read_tail(lines, range, &mut out);
    }
    out.start = blocks.last().map_or(from, |b| b.end);
    out
}

/// Where a block holds the closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closing {
    /// "Sincerely," alone or above the signatures.
    FirstLine,
    /// "Sincerely," as the last line of the last paragraph.
    LastLine,
    /// A whole-sentence closing ("Veuillez agréer …").
    Formula,
}

fn closing_in(lines: &[Line], block: &Range<usize>) -> Option<Closing> {
    if is_closing(&lines[block.start].text) {
        Some(Closing::FirstLine)
    } else if is_closing(&lines[block.end - 1].text) {
        Some(Closing::LastLine)
    } else {
        is_closing_formula(&block_text(&lines[block.clone()])).then_some(Closing::Formula)
    }
}

/// Blocks after the closing: people, then labelled copies, enclosures, P.S.; the rest
/// is not placed. Returns the people's blocks and the labelled ranges.
fn forwards(
    lines: &[Line],
    after: impl Iterator<Item = Range<usize>>,
    out: &mut SignOff,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (mut people, mut tail) = (Vec::new(), Vec::new());
    let mut signing = true;
    for block in after {
        let label = &lines[block.start];
        if signing && is_signatories_label(&label.text) {
            // Organisations listed after the people who sign co-sign; without people,
            // they sign.
            let rest = block.start + 1..block.end;
            if people.is_empty() {
                out.unplaced.push(label.clone());
                people.extend((!rest.is_empty()).then_some(rest));
            } else {
                out.cosigners_heading = Some(label.clone());
                cosign(lines, rest, out);
            }
            continue;
        }
        let listed = tail_label(&label.text).is_none() && is_signature_block(&lines[block.clone()]);
        if signing && out.cosigners_heading.is_some() && listed {
            cosign(lines, block, out);
            continue;
        }
        if let Some(at) = block
            .clone()
            .find(|&i| tail_label(&lines[i].text).is_some())
        {
            if at > block.start && signing {
                people.push(block.start..at);
            } else if at > block.start {
                out.unplaced.extend(lines[block.start..at].iter().cloned());
            }
            tail.push(at..block.end);
            signing = false;
        } else if signing && is_signature_block(&lines[block.clone()]) {
            people.push(block);
        } else if !signing && tail_label(&lines[block.start].text).is_some() {
            tail.push(block);
        } else {
            out.unplaced.extend(lines[block].iter().cloned());
            signing = false;
        }
    }
    (people, tail)
}

/// Each line of `block` (each cell of a flattened table) co-signs.
fn cosign(lines: &[Line], block: Range<usize>, out: &mut SignOff) {
    let block = &lines[block];
    let cells = people::columns(block);
    for line in cells.as_deref().unwrap_or(block) {
        out.cosigners.push(Found {
            value: line.text.clone(),
            span: Span::line(line),
        });
    }
}

/// Without a closing: labelled copies, enclosures and P.S. at the end, then blocks that
/// look like signatures, then perhaps a short closing ("On behalf of all of us,").
/// Takes them from the end of `blocks`; returns the people's blocks and labelled ranges.
fn backwards(
    lines: &[Line],
    blocks: &mut Vec<Range<usize>>,
    out: &mut SignOff,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut tail = Vec::new();
    while let Some(block) = blocks.pop() {
        match block
            .clone()
            .find(|&i| tail_label(&lines[i].text).is_some())
        {
            Some(at) => {
                tail.push(at..block.end);
                if at > block.start {
                    blocks.push(block.start..at);
                    break;
                }
            }
            None => {
                blocks.push(block);
                break;
            }
        }
    }
    let mut people = Vec::new();
    while let Some(block) = blocks.pop() {
        let label = &lines[block.start];
        let rest = block.start + 1..block.end;
        if is_signatories_label(&label.text)
            && !rest.is_empty()
            && is_signature_block(&lines[rest.clone()])
        {
            // "Signed by:" over the list, in one block: the list signs, under the label.
            people.push(rest);
            blocks.push(block.start..block.start + 1);
            break;
        }
        if !is_signature_block(&lines[block.clone()]) {
            blocks.push(block);
            break;
        }
        people.push(block);
    }
    if !people.is_empty()
        && let Some(block) = blocks.pop()
    {
        let label = block.len() == 1 && is_signatories_label(&lines[block.start].text);
        if is_short_closing(&lines[block.clone()]) || label {
            out.closing = Some(Found {
                value: lines[block.start].text.clone(),
                span: Span::of(&lines[block]),
            });
        } else {
            blocks.push(block);
        }
    }
    people.reverse();
    tail.reverse();
    (people, tail)
}

/// A closing formula that ends the last paragraph of the body, as French letters often
/// write it, when no other closing was found: taken out of the paragraph as the closing.
pub fn formula_in_last_paragraph(body: &mut [Found<Block>], out: &mut SignOff) {
    if out.closing.is_some() {
        return;
    }
    let Some(Found {
        value: Block::Paragraph(text),
        span,
    }) = body.last_mut()
    else {
        return;
    };
    if let Some(at) = trailing_formula(text) {
        out.closing = Some(Found {
            value: text[at..].to_string(),
            span: Span {
                first: span.last,
                last: span.last,
            },
        });
        text.truncate(at);
        text.truncate(text.trim_end().len());
    }
}

/// Reads what follows the endnotes: copies, enclosures, P.S.; returns the other lines.
pub fn after_notes(lines: &[Line], range: Range<usize>, out: &mut SignOff) -> Vec<Line> {
    let mut unplaced = Vec::new();
    for block in lines::blocks(&lines[range.clone()]) {
        let block = block.start + range.start..block.end + range.start;
        if tail_label(&lines[block.start].text).is_some() {
            read_tail(lines, block, out);
        } else {
            unplaced.extend(lines[block].iter().cloned());
        }
    }
    unplaced
}

/// Reads labelled lines and the lines under them (`cc:` then one copy per line).
fn read_tail(lines: &[Line], range: Range<usize>, out: &mut SignOff) {
    let mut kind = Tail::Cc;
    for line in lines[range].iter().filter(|l| !l.is_blank()) {
        let value = match tail_label(&line.text) {
            Some((label, value)) => {
                kind = label;
                value
            }
            None => line.text.as_str(),
        };
        let span = Span::line(line);
        match kind {
            Tail::Cc | Tail::Enclosure => {
                let list = if kind == Tail::Cc {
                    &mut out.cc
                } else {
                    &mut out.enclosures
                };
                for item in value.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                    list.push(Found {
                        value: item.to_string(),
                        span,
                    });
                }
            }
            Tail::Postscript => match &mut out.postscript {
                Some(ps) => {
                    join_wrapped(&mut ps.value, value);
                    ps.span.last = line.number;
                }
                None => {
                    out.postscript = Some(Found {
                        value: value.to_string(),
                        span,
                    })
                }
            },
        }
    }
}

fn block_text(block: &[Line]) -> String {
    let mut text = String::new();
    for line in block {
        join_wrapped(&mut text, &line.text);
    }
    text
}

/// Short lines that end no sentence, the first of them a name (the first cell of a
/// flattened table of names).
fn is_signature_block(block: &[Line]) -> bool {
    let cells = people::columns(block);
    let first = cells.as_ref().map_or(&block[0], |c| &c[0]);
    (1..=40).contains(&block.len())
        && people::is_name(&first.text)
        && block.iter().all(|l| {
            l.len() <= 80
                && !ends_sentence(&l.text)
                && !l.text.contains("://")
                && body::list_item(&l.text).is_none()
        })
}

#[cfg(test)]
mod tests;
