//! Problems found in a letter, with the file, line and column they point at, and
//! their rendering as rustc-style reports (codespan-reporting) or one-line summaries.

use std::fmt::{self, Write as _};
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::{Error as FilesError, Files, Location, SimpleFile};
use codespan_reporting::term::{self, termcolor::WriteColor};

/// A text that diagnostics point into: a letter, a house file or a template.
#[derive(Debug)]
pub struct SourceText {
    /// The name shown to the user: a path as the user gave it, or `<built-in>/house.typ`.
    pub name: String,
    /// The full text; byte ranges in diagnostics index into it.
    pub text: String,
}

impl SourceText {
    /// Wraps a named text for sharing between diagnostics.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<Self> {
        Arc::new(Self {
            name: name.into(),
            text: text.into(),
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// Byte offset of the start of a 1-based line (the end of the text if past it).
    pub fn line_start(&self, line: usize) -> usize {
        if line <= 1 {
            return 0;
        }
        self.text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(self.text.len(), |(i, _)| i + 1)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The letter cannot be rendered.
    Error,
    /// The letter renders, but something is probably not what the writer meant.
    Warning,
}

/// One problem: what is wrong, where, and how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, as one sentence without a final full stop.
    pub message: String,
    /// The file the problem is in, if any.
    pub file: Option<Arc<SourceText>>,
    /// The byte range in `file` the problem points at, if known.
    pub range: Option<Range<usize>>,
    /// How to fix it, and further context.
    pub hints: Vec<String>,
}

impl Diagnostic {
    /// An error that points nowhere in particular.
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            range: None,
            hints: Vec::new(),
        }
    }

    /// A warning that points nowhere in particular.
    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    /// Points the diagnostic at a byte range of a file.
    pub fn at(mut self, file: &Arc<SourceText>, range: Range<usize>) -> Self {
        self.file = Some(file.clone());
        self.range = Some(range);
        self
    }

    /// Names the file without a position (for problems with the file as a whole).
    pub fn in_file(mut self, file: &Arc<SourceText>) -> Self {
        self.file = Some(file.clone());
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column` (or just `file`) of the problem, when it has a file.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(match &self.range {
            Some(range) => {
                let (line, column) = file.line_column(range.start);
                format!("{}:{line}:{column}", file.name)
            }
            None => file.name.clone(),
        })
    }

    /// Writes the rustc-style report: location, source line with a caret, hints.
    pub fn emit(&self, out: &mut dyn WriteColor) -> std::io::Result<()> {
        let report = match self.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        }
        .with_message(&self.message)
        .with_notes(self.hints.iter().map(|h| format!("help: {h}")).collect());
        let config = term::Config::default();
        match (&self.file, &self.range) {
            (Some(file), Some(range)) => {
                let excerpt = Excerpt::new(file, range.clone());
                let report = report.with_labels(vec![Label::primary((), excerpt.label.clone())]);
                term::emit(out, &config, &excerpt, &report).map_err(std::io::Error::other)
            }
            (Some(file), None) => {
                let report = report.with_message(format!("{}: {}", file.name, self.message));
                let empty = SimpleFile::new("", "");
                term::emit(out, &config, &empty, &report).map_err(std::io::Error::other)
            }
            _ => {
                let empty = SimpleFile::new("", "");
                term::emit(out, &config, &empty, &report).map_err(std::io::Error::other)
            }
        }
    }
}

/// Lines longer than this many bytes are cut around the problem when shown.
const MAX_SHOWN_LINE: usize = 160;
/// Bytes of context kept on each side of the problem in a cut line.
const CONTEXT: usize = 60;
/// A problem spanning more lines than this is shown on its first line only.
const MAX_SHOWN_LINES: usize = 4;

/// The lines a report shows, long lines cut around the problem, standing in for the
/// whole file (which may be megabytes on one line) while keeping its line numbers and
/// the problem's real line and column.
struct Excerpt<'a> {
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
    label: Range<usize>,
}

impl<'a> Excerpt<'a> {
    fn new(file: &'a SourceText, range: Range<usize>) -> Self {
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

/// The one-line form, `file:line:column: error: message (help: …)`, for logs and reports.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = self.location() {
            write!(f, "{location}: ")?;
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: {}", self.message)?;
        let mut hints = String::new();
        for hint in &self.hints {
            let _ = write!(hints, " (help: {hint})");
        }
        f.write_str(&hints)
    }
}

/// The problems of one letter; an `Err` of these holds at least one error.
pub type Diagnostics = Vec<Diagnostic>;

/// Whether any of the diagnostics is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let file = SourceText::new("a.md", "ab\nçé x\n");
        assert_eq!(file.line_column(0), (1, 1));
        assert_eq!(file.line_column(3), (2, 1));
        assert_eq!(file.line_column(7), (2, 3));
        assert_eq!(file.line_start(2), 3);
    }

    fn report(diagnostic: &Diagnostic) -> String {
        let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        diagnostic.emit(&mut out).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    }

    #[test]
    fn a_long_line_is_cut_around_the_problem_keeping_line_and_column() {
        let text = format!("+++\n{}BAD{}\n+++\n", "a".repeat(5000), "b".repeat(5000));
        let file = SourceText::new("long.md", text);
        let shown = report(&Diagnostic::error("here").at(&file, 5004..5007));
        assert!(shown.contains("┌─ long.md:2:5001"), "{shown}");
        assert!(shown.contains("2 │ …aaaa"), "{shown}");
        assert!(shown.contains("BADbbb"), "{shown}");
        let widest = shown.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest < 200, "a line of {widest} characters:\n{shown}");
        let caret = shown.lines().find(|l| l.contains('^')).unwrap();
        let above = shown.lines().find(|l| l.contains("BAD")).unwrap();
        assert_eq!(
            caret.chars().position(|c| c == '^'),
            above
                .chars()
                .collect::<String>()
                .find("BAD")
                .map(|b| above[..b].chars().count()),
            "the caret is under the problem:\n{shown}"
        );
    }

    #[test]
    fn control_characters_are_shown_as_symbols() {
        let file = SourceText::new("nul.md", "ab\0cd\u{1b}[2J\n");
        let shown = report(&Diagnostic::error("NUL").at(&file, 2..3));
        assert!(shown.contains("ab␀cd␛[2J"), "{shown}");
        assert!(!shown.contains('\0') && !shown.contains('\u{1b}'));
    }

    #[test]
    fn a_range_over_many_lines_is_shown_on_its_first() {
        let file = SourceText::new("m.md", "one\ntwo\nthree\nfour\nfive\nsix\n");
        let shown = report(&Diagnostic::error("long").at(&file, 4..25));
        assert!(shown.contains("2 │ two"), "{shown}");
        assert!(!shown.contains("five"), "{shown}");
        let empty = SourceText::new("e.md", "");
        assert!(report(&Diagnostic::error("empty").at(&empty, 0..0)).contains("e.md:1:1"));
    }

    #[test]
    fn one_line_form_names_file_line_and_column() {
        let file = SourceText::new("x/letter.md", "+++\ndate = 3\n+++\n");
        let d = Diagnostic::error("bad date")
            .at(&file, 11..12)
            .hint("write a TOML date");
        assert_eq!(
            d.to_string(),
            "x/letter.md:2:8: error: bad date (help: write a TOML date)"
        );
    }
}
