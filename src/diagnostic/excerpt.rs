//! The part of a file a report shows: the lines of the problem, long lines cut around
//! it, control characters shown as symbols.

use std::ops::Range;

use codespan_reporting::files::{Error as FilesError, Files, Location};

use super::text::{SourceText, floor_char_boundary};

/// Lines longer than this many bytes are cut around the problem when shown.
const MAX_SHOWN_LINE: usize = 160;
/// Bytes of context kept on each side of the problem in a cut line.
const CONTEXT: usize = 60;
/// A problem spanning more lines than this is shown on its first line only.
const MAX_SHOWN_LINES: usize = 4;

/// The lines a report shows, long lines cut around the problem, standing in for the
/// whole file (which may be megabytes on one line) while keeping its line numbers and
/// the problem's real line and column.
pub(super) struct Excerpt<'a> {
    name: &'a str,
    /// The shown lines, joined by `\n`.
    text: String,
    /// Start of each shown line in `text`.
    starts: Vec<usize>,
    /// 0-based line of the file the first shown line is.
    first_line: usize,
    /// Where the problem starts in the file.
    location: Location,
    /// The problem's range in `text`.
    pub(super) label: Range<usize>,
}

impl<'a> Excerpt<'a> {
    pub(super) fn new(file: &'a SourceText, range: Range<usize>) -> Self {
        let full = file.text.as_str();
        let start = floor_char_boundary(full, range.start.min(full.len()));
        let mut end = floor_char_boundary(full, range.end.clamp(start, full.len()));
        let (line, column) = file.line_column(start);
        let line_start = full[..start].rfind('\n').map_or(0, |i| i + 1);
        if full[start..end].matches('\n').count() >= MAX_SHOWN_LINES {
            end = start + full[start..end].find('\n').unwrap_or(0);
        }
        let mut excerpt = Excerpt {
            name: &file.name,
            text: String::new(),
            starts: Vec::new(),
            first_line: line - 1,
            location: Location {
                line_number: line,
                column_number: column,
            },
            label: 0..0,
        };
        let mut at = line_start;
        loop {
            let line_end = full[at..].find('\n').map_or(full.len(), |i| at + i);
            let line_text = full[at..line_end].trim_end_matches('\r');
            let (from, to) = if line_text.len() <= MAX_SHOWN_LINE {
                (at, at + line_text.len())
            } else {
                let anchor = start.max(at);
                let from = floor_char_boundary(full, anchor.saturating_sub(CONTEXT).max(at));
                let reach = end.clamp(anchor, anchor + CONTEXT);
                let to = floor_char_boundary(full, (reach + CONTEXT).min(at + line_text.len()));
                (from, to)
            };
            if !excerpt.text.is_empty() || !excerpt.starts.is_empty() {
                excerpt.text.push('\n');
            }
            excerpt.starts.push(excerpt.text.len());
            if from > at {
                excerpt.text.push('…');
            }
            // Control characters are shown as their symbols (NUL as ␀), so that the
            // report never sends them to the terminal.
            let (mut label_start, mut label_end) = (None, None);
            for (i, c) in full[from..to].char_indices() {
                if from + i == start {
                    label_start = Some(excerpt.text.len());
                }
                if from + i == end {
                    label_end = Some(excerpt.text.len());
                }
                excerpt.text.push(visible(c));
            }
            let line_shown_end = excerpt.text.len();
            if to < at + line_text.len() {
                excerpt.text.push('…');
            }
            if (at..=line_end).contains(&start) {
                excerpt.label.start = label_start.unwrap_or(line_shown_end);
            }
            if (at..=line_end).contains(&end) || line_end >= full.len() {
                let shown_end = label_end.unwrap_or(line_shown_end);
                excerpt.label.end = shown_end.max(excerpt.label.start);
                break;
            }
            at = line_end + 1;
        }
        excerpt
    }
}

/// A character as a report shows it: control characters as their Unicode symbols.
fn visible(c: char) -> char {
    match u32::from(c) {
        code @ 0..=0x1f if c != '\t' => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ if c.is_control() && c != '\t' => '\u{fffd}',
        _ => c,
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, FilesError> {
        Ok(self
            .starts
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, FilesError> {
        Ok(self.first_line + line_index + 1)
    }

    fn location(&'a self, (): (), _byte_index: usize) -> Result<Location, FilesError> {
        Ok(self.location)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, FilesError> {
        let start = *self
            .starts
            .get(line_index)
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: self.starts.len().saturating_sub(1),
            })?;
        let end = self
            .starts
            .get(line_index + 1)
            .map_or(self.text.len(), |&next| next);
        Ok(start..end)
    }
}
