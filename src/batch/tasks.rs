//! A run's jobs: a letter is one job, and a letter with `recipients` one job per row of
//! its list, a personal copy named as `missive render` names it
//! ([`Recipients::named_copies`]) in a folder named after the letter:
//! `2021/minister.md` → `OUT/2021/minister/03-dr-aicha-benali.pdf`. A copy's manifest
//! key is the letter's path, `#` and that name, so a row whose name stays keeps its
//! record when rows around it change.
//!
//! Only the letters whose text names `recipients` are parsed here; the others go to the
//! workers as they are (a letter that names it in a way this does not see fails there
//! with its explanation, M0412).

use std::collections::HashSet;
use std::path::Path;

use super::archive::{self, Entry};
use crate::diagnostic::Diagnostics;
use crate::export::Format;
use crate::letter::copies::{LetterCopy, Recipients};
use crate::paths::display_path;
use crate::pipeline;

/// One job of a run: a letter, or one personal copy of a letter with `recipients`.
#[derive(Debug, Clone)]
pub struct Task {
    /// The letter's index among the run's letters.
    pub letter: usize,
    /// Its manifest key: the letter's path, or `path#name` for a copy.
    pub id: String,
    /// Its outputs' path without extension, relative to the output folder
    /// (`2021/minister`, or `2021/minister/03-dr-aicha-benali` for a copy).
    pub base: String,
    /// The copy, for a letter with `recipients`.
    pub copy: Option<LetterCopy>,
}

impl Task {
    /// The path of its output in `format`, relative to the output folder.
    pub fn output(&self, format: Format) -> String {
        format!("{}.{}", self.base, format.extension())
    }

    /// The job as progress lines show it: its letter (of `letters`, under `archive`), and
    /// its row for a copy (`letters/bill.md row 3`, as `render` shows a copy).
    pub fn shown(&self, archive: &Path, letters: &[Entry]) -> String {
        let source = display_path(&archive::join(archive, &letters[self.letter].rel));
        match self.row() {
            Some((row, _)) => format!("{source} row {row}"),
            None => source,
        }
    }

    /// The copy's row number and name, for a copy.
    pub fn row(&self) -> Option<(usize, &str)> {
        let copy = self.copy.as_ref()?;
        let name = self.base.rsplit('/').next().unwrap_or_default();
        Some((copy.row().number, name))
    }
}

/// A job that fails before it is typeset: a letter whose list cannot be read or does not
/// fit its fields, or a copy whose name an earlier row has.
#[derive(Debug)]
pub struct Failed {
    /// The letter's index among the run's letters.
    pub letter: usize,
    /// The copy's row number, for a copy.
    pub row: Option<usize>,
    /// Its problems.
    pub problems: Diagnostics,
}

/// The jobs of a run, in the letters' order and each letter's copies in row order.
#[derive(Debug, Default)]
pub struct Tasks {
    /// The jobs to plan.
    pub tasks: Vec<Task>,
    /// The jobs that failed already.
    pub failed: Vec<Failed>,
}

/// The manifest keys a run keeps: those of its jobs, and those of the copies of a letter
/// whose list failed (their outputs are still those of the last list read).
pub struct Known<'a> {
    ids: HashSet<&'a str>,
    kept: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    /// The keys `tasks` (of `letters`) keep.
    pub fn new(tasks: &'a Tasks, letters: &'a [Entry]) -> Self {
        Self {
            ids: tasks.tasks.iter().map(|task| task.id.as_str()).collect(),
            kept: (tasks.failed.iter())
                .filter(|failed| failed.row.is_none())
                .map(|failed| letters[failed.letter].rel.as_str())
                .collect(),
        }
    }

    /// Whether the record of `id` is kept.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id) || self.kept.contains(letter_of(id))
    }
}

/// The jobs of `letters` (under `archive`); a copy's name is shown with `extension`.
pub fn tasks(archive: &Path, letters: &[Entry], extension: &str) -> Tasks {
    let mut out = Tasks::default();
    for (letter, entry) in letters.iter().enumerate() {
        let source = archive::join(archive, &entry.rel);
        let recipients = match recipients_of(&source) {
            Ok(Some(recipients)) => recipients,
            Ok(None) => {
                out.tasks.push(Task {
                    letter,
                    id: entry.rel.clone(),
                    base: entry.stem().to_string(),
                    copy: None,
                });
                continue;
            }
            Err(problems) => {
                out.failed.push(Failed {
                    letter,
                    row: None,
                    problems,
                });
                continue;
            }
        };
        for (copy, named) in recipients.named_copies(extension) {
            match named {
                Ok(name) => out.tasks.push(Task {
                    letter,
                    id: format!("{}#{name}", entry.rel),
                    base: format!("{}/{name}", entry.stem()),
                    copy: Some(copy),
                }),
                Err(taken) => out.failed.push(Failed {
                    letter,
                    row: Some(copy.row().number),
                    problems: vec![taken],
                }),
            }
        }
    }
    out
}

/// The list of the letter at `source`, read and checked against its fields; only a
/// letter whose text names `recipients` is parsed. One that cannot be read is left to
/// its worker, which reports it.
fn recipients_of(source: &Path) -> Result<Option<Recipients>, Diagnostics> {
    let Ok(text) = std::fs::read(source) else {
        return Ok(None);
    };
    if !text.windows(10).any(|w| w == b"recipients") {
        return Ok(None);
    }
    pipeline::recipients(source)
}

/// The letter a manifest key belongs to: the key up to its first `.md#` (letters' paths
/// end in `.md`), else the key itself.
pub fn letter_of(id: &str) -> &str {
    let lower = id.to_ascii_lowercase();
    match lower.find(".md#") {
        Some(at) => &id[..at + 3],
        None => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_their_letter() {
        assert_eq!(letter_of("2021/a.md"), "2021/a.md");
        assert_eq!(letter_of("2021/a.MD#03-x.md#y"), "2021/a.MD");
        assert_eq!(letter_of("b/x.y.md#01-ana"), "b/x.y.md");
    }
}
