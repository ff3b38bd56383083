//! Deciding, without compiling, which outputs of each job are up to date: the key of its
//! current inputs (source, nearest house file, the files its last compile read, a copy's
//! row) against the key in its manifest record, and each requested format's output key
//! and files. House files and shared files are hashed once per run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::archive::{self, Entry};
use super::fingerprint::{self, Hash, LetterInputs};
use super::manifest::{Record, Records};
use super::options::Options;
use super::report::{LetterReport, Status};
use super::tasks::Task;
use crate::export::Format;
use crate::letter::copies::LetterCopy;
use crate::letter::house;
use crate::paths::folder_of;
use crate::pipeline::Standards;
use crate::typeset::fonts::font_files;

/// What a run does with its jobs.
pub struct Plan {
    /// The reports of the jobs already decided (skipped as up to date), by index.
    pub reports: Vec<Option<LetterReport>>,
    /// The indices of the jobs to render, in order, each with the formats it must write
    /// (those missing or stale).
    pub queue: Vec<(usize, Vec<Format>)>,
    /// The records of the jobs to render, taken out of the manifest until their new
    /// outputs are in place (a failed job gets its record back: its files are still those).
    pub previous: HashMap<String, Record>,
}

/// Decides which outputs of `tasks` are up to date: their record's key is that of their
/// current inputs, and each output is there, made in that format, with the recorded sizes.
pub fn plan(
    args: &Options,
    environment: Hash,
    (letters, tasks): (&[Entry], &[Task]),
    records: &mut Records,
) -> Plan {
    let mut planner = Planner::new(environment, &args.standards);
    let mut plan = Plan {
        reports: vec![None; tasks.len()],
        queue: Vec::new(),
        previous: HashMap::new(),
    };
    for (index, task) in tasks.iter().enumerate() {
        let source = archive::join(&args.archive, &letters[task.letter].rel);
        let stale = match records.get(&task.id) {
            Some(record) if !args.force => planner.stale(&source, task.copy.as_ref(), record, args),
            _ => args.formats.clone(),
        };
        if stale.is_empty() {
            let record = &records[&task.id];
            plan.reports[index] = Some(LetterReport {
                outputs: recorded_outputs(record, &args.formats),
                ..LetterReport::new(
                    letters,
                    task,
                    &args.formats,
                    Status::Skipped,
                    Some(record.pages),
                )
            });
            continue;
        }
        plan.queue.push((index, stale));
        if let Some(old) = records.remove(&task.id) {
            plan.previous.insert(task.id.clone(), old);
        }
    }
    plan
}

/// The files of `formats` a record holds, relative to the output folder.
pub fn recorded_outputs(record: &Record, formats: &[Format]) -> Vec<String> {
    (formats.iter())
        .filter_map(|format| record.outputs.get(format.extension()))
        .flat_map(|output| output.files.iter().map(|(file, _)| file.clone()))
        .collect()
}

/// The root and house a folder's letters are compiled with.
#[derive(Clone)]
struct Folder {
    root: PathBuf,
    house: Option<Hash>,
    /// Project paths of the house's font files: a letter reads them all, so one it did
    /// not read is new, and the letter must be rendered again.
    fonts: Vec<String>,
    /// Whether its letters' PDFs carry their sources (and a copy's, its whole list).
    embeds: bool,
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

    /// The formats of `args` whose outputs `record` does not vouch for: all if the inputs
    /// of the letter at `source` (and `copy`'s row) changed, else those missing, made in
    /// another format or with another page template, or not of the recorded size.
    pub fn stale(
        &mut self,
        source: &Path,
        copy: Option<&LetterCopy>,
        record: &Record,
        args: &Options,
    ) -> Vec<Format> {
        let Some(key) = self
            .current_key(source, &record.files, copy)
            .filter(|key| *key == record.key)
        else {
            return args.formats.clone();
        };
        let mut stale = Vec::new();
        for &format in &args.formats {
            let current = record
                .outputs
                .get(format.extension())
                .is_some_and(|output| {
                    let template = match &output.template {
                        Some(path) => self.project_file(source, path).map(Some),
                        None => Some(None),
                    };
                    template.is_some_and(|template| {
                        output.key == fingerprint::output(&key, format, template)
                    }) && output.files.iter().all(|(file, size)| {
                        std::fs::metadata(archive::join(&args.out, file))
                            .is_ok_and(|meta| meta.len() == *size)
                    })
                });
            if !current {
                stale.push(format);
            }
        }
        stale
    }

    /// The key of the letter at `source` (for `copy`'s row, for a copy) if it still read
    /// the project files `files`, or `None` when something cannot be read (the letter is
    /// then rendered and reports it).
    pub fn current_key(
        &mut self,
        source: &Path,
        files: &[String],
        copy: Option<&LetterCopy>,
    ) -> Option<String> {
        let source_hash = fingerprint::content(&std::fs::read(source).ok()?);
        let folder = self.folder(folder_of(source))?;
        if folder.fonts.iter().any(|font| !files.contains(font)) {
            return None;
        }
        let mut hashes = Vec::with_capacity(files.len());
        for path in files {
            let file = folder.root.join(path.trim_start_matches('/'));
            hashes.push((path.clone(), self.file(file)?));
        }
        let copy = match copy {
            Some(copy) if folder.embeds => Some(fingerprint::copy(
                copy,
                Some(&std::fs::read(&copy.recipients.path).ok()?),
            )),
            Some(copy) => Some(fingerprint::copy(copy, None)),
            None => None,
        };
        Some(
            LetterInputs {
                source: source_hash,
                house: folder.house,
                files: hashes,
                copy,
            }
            .key(self.environment),
        )
    }

    /// The hash of the file at project path `path` of the letter at `source`.
    fn project_file(&mut self, source: &Path, path: &str) -> Option<Hash> {
        let folder = self.folder(folder_of(source))?;
        self.file(folder.root.join(path.trim_start_matches('/')))
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
                    embeds: fingerprint::embeds_sources_with(
                        Some(&house.file.text),
                        self.standards,
                    ),
                    root: house.dir,
                    house: Some(fingerprint::house(&house.file.text, self.standards)),
                }),
                Ok(None) => Some(Folder {
                    root: canonical,
                    house: None,
                    fonts: Vec::new(),
                    embeds: fingerprint::embeds_sources_with(None, self.standards),
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
