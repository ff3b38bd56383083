//! Deciding, without compiling, whether a letter's PDF is up to date: the key of its
//! current inputs (source, nearest house file, the files its last compile read) against
//! the key in its manifest record. House files and shared files are hashed once per run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::archive::{self, Entry};
use super::fingerprint::{self, Hash, LetterInputs};
use super::manifest::{Record, Records};
use super::options::Options;
use super::outcome::letter_report;
use super::report::{LetterReport, Status};
use crate::letter::house;
use crate::paths::folder_of;
use crate::pipeline::Standards;
use crate::typeset::fonts::font_files;

/// What a run does with its letters.
pub struct Plan {
    /// The reports of the letters already decided (skipped as up to date), by index.
    pub reports: Vec<Option<LetterReport>>,
    /// The indices of the letters to render, in path order.
    pub queue: Vec<usize>,
    /// The records of the letters to render, taken out of the manifest until their new
    /// PDF is in place (a failed letter gets its record back: its PDF is still that one).
    pub previous: HashMap<String, Record>,
}

/// Decides which of `letters` are up to date: their record's key is that of their
/// current inputs, and their PDF is there with the recorded size.
pub fn plan(args: &Options, environment: Hash, letters: &[Entry], records: &mut Records) -> Plan {
    let mut planner = Planner::new(environment, &args.standards);
    let mut plan = Plan {
        reports: vec![None; letters.len()],
        queue: Vec::new(),
        previous: HashMap::new(),
    };
    for (index, entry) in letters.iter().enumerate() {
        let source = archive::join(&args.archive, &entry.rel);
        let target = archive::join(&args.out, &entry.output());
        let current = records.get(&entry.rel).filter(|record| {
            !args.force
                && std::fs::metadata(&target).is_ok_and(|meta| meta.len() == record.size)
                && planner.current_key(&source, &record.files).as_deref()
                    == Some(record.key.as_str())
        });
        match current {
            Some(record) => {
                plan.reports[index] = Some(letter_report(
                    entry,
                    Status::Skipped,
                    0.0,
                    Some(record.pages),
                ));
            }
            None => {
                plan.queue.push(index);
                if let Some(old) = records.remove(&entry.rel) {
                    plan.previous.insert(entry.rel.clone(), old);
                }
            }
        }
    }
    plan
}

/// The root and house a folder's letters are compiled with.
#[derive(Clone)]
struct Folder {
    root: PathBuf,
    house: Option<Hash>,
    /// Project paths of the house's font files: a letter reads them all, so one it did
    /// not read is new, and the letter must be rendered again.
    fonts: Vec<String>,
}

/// Computes current keys, remembering what it has read.
pub struct Planner<'a> {
    environment: Hash,
    standards: &'a Standards,
    folders: HashMap<PathBuf, Option<Folder>>,
    files: HashMap<PathBuf, Option<Hash>>,
}

/// The project paths of a house's font files.
fn house_fonts(house: &house::House) -> Vec<String> {
    let Some(dir) = &house.fonts else {
        return Vec::new();
    };
    font_files(dir)
        .unwrap_or_default()
        .iter()
        .filter_map(|path| path.strip_prefix(&house.dir).ok())
        .map(|relative| format!("/{}", relative.to_string_lossy().replace('\\', "/")))
        .collect()
}

impl<'a> Planner<'a> {
    /// A planner for an environment with hash `environment`, rendering to `standards`.
    pub fn new(environment: Hash, standards: &'a Standards) -> Self {
        Self {
            environment,
            standards,
            folders: HashMap::new(),
            files: HashMap::new(),
        }
    }

    /// The key of the letter at `source` if it still read the project files `files`, or
    /// `None` when something cannot be read (the letter is then rendered and reports it).
    pub fn current_key(&mut self, source: &Path, files: &[String]) -> Option<String> {
        let source_hash = fingerprint::content(&std::fs::read(source).ok()?);
        let dir = folder_of(source);
        let folder = self.folder(dir)?;
        if folder.fonts.iter().any(|font| !files.contains(font)) {
            return None;
        }
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
                    fonts: house_fonts(&house),
                    root: house.dir,
                    house: Some(fingerprint::house(&house.file.text, self.standards)),
                }),
                Ok(None) => Some(Folder {
                    root: canonical,
                    house: None,
                    fonts: Vec::new(),
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
