//! Footnotes become endnotes: numbered in order of first reference, with the problems of
//! references and definitions that do not match.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::body::{Body, Problem};
use super::converter::{Converter, Definition, line_end};
use super::tree::{Kind, Node, Tree};
use crate::diagnostic::codes;

impl Converter<'_> {
    pub(super) fn reference(&mut self, label: &str, range: Range<usize>) {
        let next = self.numbers.len() + 1;
        let number = *self.numbers.entry(label.to_string()).or_insert(next);
        let first = number == next;
        self.references.push((label.to_string(), range));
        self.leaf(Kind::NoteRef { number, first });
        self.typographer.object();
    }

    /// The body's tree with its notes in number order, and the problems of its notes; the
    /// Typst markup is written from the tree afterwards ([`super::convert`]).
    pub(super) fn finish(mut self) -> Body {
        self.flush();
        let mut body = self.body;

        let mut first_reference: HashMap<&str, Range<usize>> = HashMap::new();
        for (label, range) in &self.references {
            first_reference
                .entry(label.as_str())
                .or_insert_with(|| range.clone());
        }
        let mut notes: Vec<(usize, Vec<Node>)> = Vec::new();
        for (label, number) in &self.numbers {
            match self.definitions.remove(label) {
                Some(definition) => notes.push((*number, definition.content)),
                None => {
                    let range = first_reference.get(label.as_str()).cloned().unwrap_or(0..0);
                    body.problems.push(Problem {
                        is_error: true,
                        code: codes::FOOTNOTE_UNDEFINED,
                        message: format!("footnote `[^{label}]` is referenced but not defined"),
                        hint: format!("add a line `[^{label}]: …` with the note's text, usually at the end of the letter"),
                        range,
                    });
                    notes.push((*number, Vec::new()));
                }
            }
        }
        notes.sort_by_key(|(n, _)| *n);
        body.tree = Tree {
            nodes: self.nodes,
            notes: notes.into_iter().map(|(_, note)| note).collect(),
        };

        let mut unused: Vec<(String, Definition)> = self.definitions.into_iter().collect();
        unused.sort_by_key(|(_, d)| d.range.start);
        for (label, definition) in unused {
            body.problems.push(Problem {
                is_error: false,
                code: codes::FOOTNOTE_UNUSED,
                message: format!(
                    "footnote `[^{label}]` is defined but never referenced; it is left out"
                ),
                hint: format!(
                    "put `[^{label}]` in the text where the note belongs, or delete the definition"
                ),
                range: label_range(self.source, &definition.range),
            });
        }
        body.problems
            .extend(undefined_in_text(self.source, &self.references, &self.code));
        body.problems.sort_by_key(|p| p.range.start);
        body
    }
}

/// `[^label]` references that CommonMark left as text because nothing defines them,
/// outside code (`code`: the ranges of code spans and blocks, in order).
///
/// One pass over the text, so that a body full of `[^` stays fast.
fn undefined_in_text(
    text: &str,
    references: &[(String, Range<usize>)],
    code: &[Range<usize>],
) -> Vec<Problem> {
    let known: HashSet<usize> = references.iter().map(|(_, r)| r.start).collect();
    let in_code = |offset: usize| {
        let next = code.partition_point(|r| r.start <= offset);
        next > 0 && code[next - 1].contains(&offset)
    };
    let mut problems = Vec::new();
    let mut search = 0;
    while let Some(found) = text[search..].find("[^") {
        let start = search + found;
        search = start + 2;
        // A label ends at `]` and holds no white space and no `[`: looking no further
        // than those keeps the scan linear however many `[^` the text has.
        let Some(close) = text[search..].find(|c: char| c == ']' || c == '[' || c.is_whitespace())
        else {
            break;
        };
        if !text[search + close..].starts_with(']') {
            continue;
        }
        let label = &text[search..search + close];
        let is_label = !label.is_empty();
        let definition = text[search + close + 1..].starts_with(':');
        if is_label && !known.contains(&start) && !definition && !in_code(start) {
            problems.push(Problem {
                is_error: true,
                code: codes::FOOTNOTE_UNDEFINED,
                message: format!("footnote `[^{label}]` is referenced but not defined"),
                hint: format!("add a line `[^{label}]: …` with the note's text, usually at the end of the letter"),
                range: start..search + close + 1,
            });
        }
    }
    problems
}

/// The `[^label]:` part of a footnote definition at `range` (its first line at most).
pub(super) fn label_range(text: &str, range: &Range<usize>) -> Range<usize> {
    let end = text[range.start..]
        .find("]:")
        .map_or(range.end, |i| range.start + i + 2);
    range.start..end.min(line_end(text, range.start))
}
