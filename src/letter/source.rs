//! Reading a letter file and splitting its `+++` TOML front matter from the Markdown body.
//!
//! Offsets are kept relative to the file's text (after a UTF-8 BOM, which is dropped), so
//! every later diagnostic can point at the line and column the writer sees in an editor.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::paths::io_reason;

/// A letter file split into its two parts.
#[derive(Debug, Clone)]
pub struct LetterSource {
    /// Where the letter was read from.
    pub path: PathBuf,
    /// The file's text, for diagnostics.
    pub file: Arc<SourceText>,
    /// Byte range of the TOML between the `+++` lines.
    pub front: Range<usize>,
    /// Byte range of the Markdown body after the closing `+++`.
    pub body: Range<usize>,
}

impl LetterSource {
    /// The TOML front matter.
    pub fn front_text(&self) -> &str {
        &self.file.text[self.front.clone()]
    }

    /// The Markdown body.
    pub fn body_text(&self) -> &str {
        &self.file.text[self.body.clone()]
    }

    /// The byte range of the `n`-th (from 0) `[[name]]` header line of the front matter.
    pub fn table_header(&self, name: &str, n: usize) -> Option<Range<usize>> {
        let header = format!("[[{name}]]");
        let mut offset = 0;
        let mut found = Vec::new();
        for line in self.front_text().split_inclusive('\n') {
            if line.trim() == header {
                let start = self.front.start + offset + (line.len() - line.trim_start().len());
                found.push(start..start + header.len());
            }
            offset += line.len();
        }
        found.into_iter().nth(n)
    }
}

/// Reads a letter from disk and splits it.
pub fn read(path: &Path) -> Result<LetterSource, Diagnostics> {
    let name = path.display().to_string();
    let text = read_text(path, &name, "")?;
    split(path.to_path_buf(), SourceText::new(name, text))
}

/// Reads a text file as [`decode`] accepts it. Messages call it `name`, after `what` it
/// is (`"house file"`, or nothing for a letter).
pub fn read_text(path: &Path, name: &str, what: &str) -> Result<String, Diagnostics> {
    let bytes = std::fs::read(path).map_err(|err| {
        let what = if what.is_empty() {
            String::new()
        } else {
            format!("{what} ")
        };
        vec![Diagnostic::error(format!(
            "cannot read {what}{name}: {}",
            io_reason(&err)
        ))]
    })?;
    decode(name, bytes)
}

/// Turns the file's bytes into text: UTF-8 only, BOM dropped, no NUL bytes.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Diagnostics> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        let file = SourceText::new(name, String::from_utf8_lossy(&bytes[..2]).into_owned());
        return Err(vec![
            Diagnostic::error(format!("{name} is UTF-16 text; missive reads UTF-8"))
                .at(&file, 0..file.text.len())
                .hint(
                    "save the file as UTF-8 (most editors offer it under \"Save as… / Encoding\")",
                ),
        ]);
    }
    let mut text = String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let byte = err.as_bytes()[offset];
        // The text as far as it can be shown: invalid bytes become U+FFFD, and the
        // valid part before the first one keeps its offsets.
        let file = SourceText::new(name, String::from_utf8_lossy(err.as_bytes()).into_owned());
        let (line, column) = file.line_column(offset);
        vec![
            Diagnostic::error(format!(
                "{name} is not valid UTF-8: invalid byte 0x{byte:02x} at byte offset {offset} (line {line}, column {column})"
            ))
            .at(&file, offset..offset + '\u{fffd}'.len_utf8())
            .hint("save the file as UTF-8 (most editors offer it under \"Save as… / Encoding\"); a letter from an old archive may be Latin-1 or Windows-1252"),
        ]
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    if let Some(offset) = text.find('\0') {
        let file = SourceText::new(name, text.clone());
        return Err(vec![
            Diagnostic::error("the letter contains a NUL byte")
                .at(&file, offset..offset + 1)
                .hint("a letter is plain text; remove the NUL byte (the file may be binary or damaged)"),
        ]);
    }
    Ok(text)
}

/// Splits a letter's text at its `+++` lines.
pub fn split(path: PathBuf, file: Arc<SourceText>) -> Result<LetterSource, Diagnostics> {
    let text = file.text.as_str();
    if text.trim().is_empty() {
        return Err(vec![
            Diagnostic::error("the letter is empty")
                .at(&file, 0..0)
                .hint("a letter starts with TOML front matter between `+++` lines; `missive new` writes one to start from"),
        ]);
    }
    let mut lines = Lines::new(text);
    let (first, after_first) = lines.next().unwrap_or((0..0, 0));
    let opening = text[first.clone()].trim_end();
    if opening == "---" {
        return Err(vec![
            Diagnostic::error("the front matter is YAML (`---`), but missive reads TOML between `+++` lines")
                .at(&file, first)
                .hint("write `+++` instead of `---` on the first and closing lines, and `key = \"value\"` instead of `key: value`"),
        ]);
    }
    if opening != "+++" {
        return Err(vec![
            Diagnostic::error("the letter does not start with `+++` front matter")
                .at(&file, first)
                .hint("put the letter's details (date, addressee, signatories…) in TOML between two `+++` lines at the top"),
        ]);
    }
    for (line, next) in lines {
        if text[line.clone()].trim_end() == "+++" {
            return Ok(LetterSource {
                path,
                file: file.clone(),
                front: after_first..line.start,
                body: next..text.len(),
            });
        }
    }
    Err(vec![
        Diagnostic::error("the front matter is not closed")
            .at(&file, first)
            .hint(
                "add a line with `+++` after the last front-matter key, before the letter's body",
            ),
    ])
}

/// Iterates over lines as (range without the line ending, offset of the next line).
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, pos: 0 }
    }
}

impl Iterator for Lines<'_> {
    type Item = (Range<usize>, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (len, next) = match rest.find('\n') {
            Some(i) => (i, self.pos + i + 1),
            None => (rest.len(), self.text.len()),
        };
        let mut end = self.pos + len;
        if self.text[..end].ends_with('\r') {
            end -= 1;
        }
        let range = self.pos..end;
        self.pos = next;
        Some((range, next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_str(text: &str) -> Result<LetterSource, Diagnostics> {
        split(PathBuf::from("l.md"), SourceText::new("l.md", text))
    }

    #[test]
    fn splits_front_matter_and_body_with_crlf() {
        let l = split_str("+++\r\ndate = 2026-01-02\r\n+++\r\nBody\r\n").unwrap();
        assert_eq!(l.front_text(), "date = 2026-01-02\r\n");
        assert_eq!(l.body_text(), "Body\r\n");
    }

    #[test]
    fn closing_line_without_final_newline() {
        let l = split_str("+++\na = 1\n+++").unwrap();
        assert_eq!(l.front_text(), "a = 1\n");
        assert_eq!(l.body_text(), "");
    }

    #[test]
    fn yaml_unterminated_and_missing_front_matter_are_errors() {
        let yaml = split_str("---\ndate: 2026\n---\n").unwrap_err();
        assert!(yaml[0].message.contains("YAML"));
        let open = split_str("+++\ndate = 2026-01-01\n").unwrap_err();
        assert!(open[0].message.contains("not closed"));
        let none = split_str("Dear all,\n").unwrap_err();
        assert!(none[0].message.contains("does not start"));
    }

    #[test]
    fn bom_is_dropped_and_invalid_utf8_names_the_offset() {
        assert_eq!(decode("x", b"\xef\xbb\xbf+++".to_vec()).unwrap(), "+++");
        let err = decode("x", b"ab\ncd\xff".to_vec()).unwrap_err();
        assert!(
            err[0].message.contains("byte offset 5 (line 2, column 3)"),
            "{}",
            err[0].message
        );
        assert!(decode("x", b"a\0b".to_vec()).is_err());
        assert_eq!(
            err[0].location().as_deref(),
            Some("x:2:3"),
            "the report points at the byte"
        );
        let utf16 = decode("x", b"\xff\xfe+\0+\0".to_vec()).unwrap_err();
        assert!(utf16[0].message.contains("UTF-16"), "{}", utf16[0]);
    }
}
