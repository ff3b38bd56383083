//! Finding the letters of an archive: every `*.md` file under it, in a stable order,
//! walked as every folder is ([`files_under`]: hidden files and folders skipped), and
//! not the output folder when it lies inside the archive. `missive.toml` files are house files, not letters,
//! nor is a Markdown file that does not open with front matter (a README, notes).

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use crate::paths::{files_under, has_extension};

/// A letter's place in the archive.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// Path relative to the archive, `/`-separated (`2021/june/minister.md`).
    pub rel: String,
}

impl Entry {
    /// The path without its extension: what the shard and the output are derived from.
    pub fn stem(&self) -> &str {
        stem(&self.rel)
    }
}

/// A path without its extension (`a/b.md` → `a/b`).
pub fn stem(rel: &str) -> &str {
    let name_start = rel.rfind('/').map_or(0, |i| i + 1);
    match rel[name_start..].rfind('.') {
        Some(dot) if dot > 0 => &rel[..name_start + dot],
        _ => rel,
    }
}

/// The Markdown files under an archive, sorted by path.
pub struct Found {
    /// The letters.
    pub letters: Vec<Entry>,
    /// The Markdown files that are not letters: they do not open with front matter.
    pub not_letters: Vec<Entry>,
}

/// Every Markdown file under `archive`, letters and not; `skip` (canonical) is not entered.
pub fn letters(archive: &Path, skip: Option<&Path>) -> io::Result<Found> {
    let files = files_under(archive, skip, |name| has_extension(name, "md"))?;
    let (letters, not_letters): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|path| opens_with_front_matter(path));
    Ok(Found {
        letters: entries(archive, &letters),
        not_letters: entries(archive, &not_letters),
    })
}

/// Whether a Markdown file is meant as a letter: its first line opens front matter,
/// `+++` (or `---`, YAML written by mistake, which then fails with its explanation). A
/// file that cannot be read counts as a letter, so that its error is reported.
fn opens_with_front_matter(path: &Path) -> bool {
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|file| file.take(512).read_to_end(&mut head));
    if read.is_err() {
        return true;
    }
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&head);
    let first = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let first = String::from_utf8_lossy(first);
    matches!(first.trim_end(), "+++" | "---")
}

/// The entries of `files` under `archive`, sorted by path.
fn entries(archive: &Path, files: &[PathBuf]) -> Vec<Entry> {
    let mut out: Vec<Entry> = files
        .iter()
        .map(|path| {
            let relative = path.strip_prefix(archive).unwrap_or(path);
            let parts: Vec<_> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect();
            Entry {
                rel: parts.join("/"),
            }
        })
        .collect();
    out.sort();
    out
}

/// The path of `rel` (`/`-separated) under `base`.
pub fn join(base: &Path, rel: &str) -> PathBuf {
    rel.split('/')
        .fold(base.to_path_buf(), |path, part| path.join(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(stem("a/b.md"), "a/b");
        assert_eq!(stem("a.b/c"), "a.b/c");
        assert_eq!(stem("x.y.md"), "x.y");
        assert_eq!(stem("2021/letter.MD"), "2021/letter");
    }

    #[test]
    fn finds_letters_and_skips_hidden_and_output_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "a.md",
            "b/c.md",
            "b/notes.txt",
            ".hidden/d.md",
            "b/.e.md",
            "out/f.md",
            "missive.toml",
        ] {
            let path = join(root, file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "+++\n").unwrap();
        }
        std::fs::write(root.join("README.md"), "# Our letters\n").unwrap();
        std::fs::write(root.join("b/yaml.md"), "\u{feff}---\r\ndate: 2026-01-01\n").unwrap();
        let out = root.join("out").canonicalize().unwrap();
        let found = letters(root, Some(&out)).unwrap();
        let rels = |entries: Vec<Entry>| entries.into_iter().map(|e| e.rel).collect::<Vec<_>>();
        assert_eq!(rels(found.letters), ["a.md", "b/c.md", "b/yaml.md"]);
        assert_eq!(rels(found.not_letters), ["README.md"]);
    }
}
