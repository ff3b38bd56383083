//! Deciding, without compiling, whether a letter's PDF is up to date: the key of its
//! current inputs (source, nearest house file, the files its last compile read) against
//! the key in its manifest record. House files and shared files are hashed once per run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::fingerprint::{self, Hash, LetterInputs};
use crate::letter::house;

/// The root and house a folder's letters are compiled with.
#[derive(Clone)]
struct Folder {
    root: PathBuf,
    house: Option<Hash>,
}

/// Computes current keys, remembering what it has read.
pub struct Planner {
    environment: Hash,
    folders: HashMap<PathBuf, Option<Folder>>,
    files: HashMap<PathBuf, Option<Hash>>,
}

impl Planner {
    /// A planner for an environment with hash `environment`.
    pub fn new(environment: Hash) -> Self {
        Self {
            environment,
            folders: HashMap::new(),
            files: HashMap::new(),
        }
    }

    /// The key of the letter at `source` if it still read the project files `files`, or
    /// `None` when something cannot be read (the letter is then rendered and reports it).
    pub fn current_key(&mut self, source: &Path, files: &[String]) -> Option<String> {
        let source_hash = fingerprint::content(&std::fs::read(source).ok()?);
        let dir = source
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let folder = self.folder(dir)?;
        let mut hashes = Vec::with_capacity(files.len());
        for path in files {
            let file = folder.root.join(path.trim_start_matches('/'));
            hashes.push((path.clone(), self.file(file)?));
        }
        Some(
            LetterInputs {
                source: source_hash,
                house: folder.house,
                files: hashes,
            }
            .key(self.environment),
        )
    }

    fn folder(&mut self, dir: &Path) -> Option<Folder> {
        if let Some(known) = self.folders.get(dir) {
            return known.clone();
        }
        let found = dir
            .canonicalize()
            .ok()
            .and_then(|canonical| match house::find(&canonical) {
                Ok(Some(house)) => Some(Folder {
                    root: house.dir,
                    house: Some(fingerprint::content(house.file.text.as_bytes())),
                }),
                Ok(None) => Some(Folder {
                    root: canonical,
                    house: None,
                }),
                Err(_) => None,
            });
        self.folders.insert(dir.to_path_buf(), found.clone());
        found
    }

    fn file(&mut self, path: PathBuf) -> Option<Hash> {
        *self
            .files
            .entry(path)
            .or_insert_with_key(|path| std::fs::read(path).ok().map(|b| fingerprint::content(&b)))
    }
}
