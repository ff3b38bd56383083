//! A letter with `recipients`: its list read once ([`Recipients::of`]), its fields checked
//! against the list's columns where a copy fills them (the front matter's texts, the
//! body's text), and each data row one [`LetterCopy`], which fills the parsed
//! front matter ([`LetterCopy::apply`]) and the body's text ([`LetterCopy::fill`]) with the row's
//! values.
//!
//! How the addressees combine: a letter without `[[to]]` is addressed to the row's `name`
//! and address; a letter with `[[to]]` tables keeps them, filled with the row's fields
//! (`name = "{{name}}"`), so that a fixed second addressee can stand beside the row's.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::fields;
use super::front_matter::{Addressee, FrontMatter};
use super::recipients::{self, List, Row};
use super::source::LetterSource;
use super::toml_input;
use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::letter::assets;
use crate::paths::display_path;

/// The kinds of list file.
pub const LIST_EXTENSIONS: &[&str] = &["csv", "tsv", "xlsx"];

/// A letter's list of recipients, read and checked against its fields.
#[derive(Debug, Clone)]
pub struct Recipients {
    /// The list.
    pub list: Arc<List>,
    /// Its project path (`/letters/members.csv`), which archival PDFs attach.
    pub project_path: String,
    /// The list file on disk.
    pub path: std::path::PathBuf,
}

impl Recipients {
    /// The list `front` names, read, with every field of the letter checked against its
    /// columns: those of the front matter's texts a copy fills, and those in `body_filled`,
    /// the ranges of the body (relative to it) where a copy fills fields (its text and
    /// inline code, as the Markdown conversion finds them). `None` for a letter without
    /// `recipients`.
    pub fn of(
        source: &LetterSource,
        front: &FrontMatter,
        (dir, root): (&std::path::Path, &std::path::Path),
        body_filled: &[Range<usize>],
    ) -> Result<Option<Self>, Diagnostics> {
        let Some(written) = &front.recipients else {
            return Ok(None);
        };
        let (path, sheet) = split_sheet(written.get_ref());
        let at = source.front.start + written.span().start..source.front.start + written.span().end;
        let project_path = assets::resolve(root, dir, path, LIST_EXTENSIONS)
            .map_err(|cause| vec![cause.error("recipients: ").at(&source.file, at.clone())])?;
        let file = root.join(project_path.trim_start_matches('/'));
        let list = recipients::read(&file, &display_path(&file), sheet)?;
        let body = body_filled
            .iter()
            .map(|r| source.body.start + r.start..source.body.start + r.end);
        let problems: Diagnostics = filled_front(source, front)
            .into_iter()
            .chain(body)
            .flat_map(|range| fields::check(&source.file, range, &list.columns, &list.file.name))
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Some(Self {
            list: Arc::new(list),
            project_path,
            path: file,
        }))
    }

    /// Each row's copy, in order.
    pub fn copies(&self) -> impl Iterator<Item = LetterCopy> + '_ {
        (0..self.list.rows.len()).map(|index| LetterCopy {
            recipients: self.clone(),
            index,
        })
    }

    /// Each row's copy with its file name without extension, the one `render` and `batch`
    /// both give it ([`LetterCopy::file_stem`], numbers as wide as the list's count);
    /// a copy whose name an earlier row has (without regard to case) gets the error
    /// instead, naming its file with `extension`.
    pub fn named_copies(&self, extension: &str) -> Vec<(LetterCopy, Result<String, Diagnostic>)> {
        let width = self.list.rows.len().to_string().len().max(2);
        let mut taken: HashMap<String, usize> = HashMap::new();
        self.copies()
            .map(|copy| {
                let stem = copy.file_stem(width);
                let named = match taken.get(&stem.to_lowercase()) {
                    Some(other) => Err(copy.name_taken(&format!("{stem}.{extension}"), *other)),
                    None => {
                        taken.insert(stem.to_lowercase(), copy.row().number);
                        Ok(stem)
                    }
                };
                (copy, named)
            })
            .collect()
    }
}

/// `list.xlsx#Sheet name` split into the file and the sheet (only after `.xlsx`).
fn split_sheet(written: &str) -> (&str, Option<&str>) {
    match written.split_once('#') {
        Some((path, sheet)) if path.to_ascii_lowercase().ends_with(".xlsx") => (path, Some(sheet)),
        _ => (written, None),
    }
}

/// One personal copy: a row of the list.
#[derive(Debug, Clone)]
pub struct LetterCopy {
    /// The list it belongs to.
    pub recipients: Recipients,
    index: usize,
}

impl LetterCopy {
    /// The index of its row among the list's data rows.
    pub fn index(&self) -> usize {
        self.index
    }

    /// Its row.
    pub fn row(&self) -> &Row {
        &self.recipients.list.rows[self.index]
    }

    /// `text` with the row's values in place of its fields.
    pub fn fill(&self, text: &str) -> String {
        let list = &self.recipients.list;
        fields::fill(text, |name| list.field(self.row(), name))
    }

    /// The problems of the row that stop this copy.
    pub fn problems(&self) -> Diagnostics {
        self.recipients.list.row_problems(self.row())
    }

    /// The letter's front matter for this copy: every string filled, addressed to the row
    /// (unless the letter has `[[to]]`), with the row's `salutation` if it has one.
    pub fn apply(&self, mut front: FrontMatter) -> FrontMatter {
        let list = &self.recipients.list;
        fill_front(&mut front, &|text| self.fill(text));
        if front.to.is_empty() {
            front.to.push(Addressee {
                name: list
                    .meaning(self.row(), "name")
                    .unwrap_or_default()
                    .to_string(),
                address: list.address(self.row()),
            });
        }
        if let Some(salutation) = list.meaning(self.row(), "salutation") {
            front.salutation = Some(salutation.to_string());
        }
        front
    }

    /// The copy's file name without extension: the row's `file` (made safe), else its
    /// number, zero-padded to `width`, and its name (`03-dr-aicha-benali`).
    pub fn file_stem(&self, width: usize) -> String {
        let list = &self.recipients.list;
        if let Some(file) = list
            .meaning(self.row(), "file")
            .map(safe_file_name)
            .filter(|f| !f.is_empty())
        {
            return file;
        }
        let name = list.meaning(self.row(), "name").unwrap_or_default();
        format!("{:0width$}-{}", self.row().number, slug(name))
    }

    /// The error of this copy's file name being another's (row `other`'s).
    fn name_taken(&self, file: &str, other: usize) -> Diagnostic {
        let list = &self.recipients.list;
        let column = list.column("file").unwrap_or(0);
        list.problem_at(
            self.row(),
            column,
            Diagnostic::error(
                codes::COPY_NAME_TAKEN,
                format!("row {} would be written to {file}, as row {other} is", self.row().number),
            )
            .hint("give each row its own `file`, or leave the column empty to name copies by row and name"),
        )
    }
}

/// The error of reading a letter with `recipients` as one letter (where a command renders
/// letters, not copies).
pub fn needs_copy(source: &LetterSource, front: &FrontMatter) -> Diagnostic {
    let span = front.recipients.as_ref().map_or(0..0, |r| r.span());
    Diagnostic::error(
        codes::BAD_LIST,
        "a letter with `recipients` is rendered as personal copies, one per row",
    )
    .at(&source.file, source.front.start + span.start..source.front.start + span.end)
    .hint("render or check it with `missive render` / `missive check`, which write and check each copy")
}

/// The ranges in the letter's file of the front matter's strings that [`fill_front`]
/// fills: a field in a comment, a key or a path is no field, and is not checked.
fn filled_front(source: &LetterSource, front: &FrontMatter) -> Vec<Range<usize>> {
    let filled = RefCell::new(HashSet::new());
    fill_front(&mut front.clone(), &|text| {
        filled.borrow_mut().insert(text.to_string());
        text.to_string()
    });
    let filled = filled.into_inner();
    toml_input::string_values(source.front_text())
        .into_iter()
        .filter(|(_, value)| filled.contains(value))
        .map(|(range, _)| source.front.start + range.start..source.front.start + range.end)
        .collect()
}

/// Fills every text of the front matter the letter shows (not paths, dates or names of
/// templates) with `fill`.
fn fill_front(front: &mut FrontMatter, fill: &dyn Fn(&str) -> String) {
    let one = |text: &mut Option<String>| {
        if let Some(t) = text {
            *t = fill(t);
        }
    };
    let all = |texts: &mut Vec<String>| texts.iter_mut().for_each(|t| *t = fill(t));
    for text in [
        &mut front.place,
        &mut front.reference,
        &mut front.subject,
        &mut front.salutation,
        &mut front.closing,
        &mut front.postscript,
        &mut front.delivery,
        &mut front.return_address,
        &mut front.letterhead.organization,
        &mut front.letterhead.logo_alt,
    ] {
        one(text);
    }
    for to in &mut front.to {
        to.name = fill(&to.name);
        all(&mut to.address);
    }
    for signatory in &mut front.signatories {
        signatory.name = fill(&signatory.name);
        one(&mut signatory.title);
        one(&mut signatory.organization);
        one(&mut signatory.signature_alt);
    }
    for cosigner in &mut front.cosigners {
        cosigner.name = fill(&cosigner.name);
        one(&mut cosigner.detail);
    }
    all(&mut front.cc);
    all(&mut front.enclosures);
    let letterhead = &mut front.letterhead;
    for lines in [
        &mut letterhead.address,
        &mut letterhead.contacts,
        &mut letterhead.sidebar,
    ]
    .into_iter()
    .flatten()
    {
        all(lines);
    }
}

/// A name as a file name: lower case, Latin letters without accents, words joined by `-`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A lower-case Latin letter without its accent (`ï` → `i`); other letters as they are.
fn fold(c: char) -> char {
    const FOLDS: &[(&str, char)] = &[
        ("àáâãäåāăą", 'a'),
        ("çćčĉ", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ğĝ", 'g'),
        ("ìíîïīĭįı", 'i'),
        ("ľĺłļ", 'l'),
        ("ñńňņ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕřŗ", 'r'),
        ("śšşŝș", 's'),
        ("ťţț", 't'),
        ("ùúûüūŭůűų", 'u'),
        ("ýÿ", 'y'),
        ("źžż", 'z'),
    ];
    FOLDS
        .iter()
        .find(|(from, _)| from.contains(c))
        .map_or(c, |(_, to)| *to)
}

/// A `file` cell as a file name: no folders, no extension, no characters file systems
/// refuse.
fn safe_file_name(written: &str) -> String {
    let stem = written.strip_suffix(".pdf").unwrap_or(written);
    let cleaned: String = stem
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    cleaned
        .trim_matches(|c: char| c == '.' || c.is_whitespace())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_file_names() {
        assert_eq!(slug("Dr. Aïcha Benali"), "dr-aicha-benali");
        assert_eq!(
            slug("  Ole-Gunnar  Berg-Halvorsen "),
            "ole-gunnar-berg-halvorsen"
        );
        assert_eq!(safe_file_name("../../etc/passwd"), "-..-etc-passwd");
        assert_eq!(safe_file_name("berg.pdf"), "berg");
    }

    #[test]
    fn only_workbooks_name_sheets() {
        assert_eq!(
            split_sheet("list.xlsx#Members A"),
            ("list.xlsx", Some("Members A"))
        );
        assert_eq!(split_sheet("a#b.csv"), ("a#b.csv", None));
    }
}
