//! The incremental manifest kept in the output folder: per job (a letter, or one personal
//! copy of a letter with `recipients`), the key of the inputs its outputs were made from
//! (see [`super::fingerprint`]), the files Typst read for it, each output written (its
//! format's key and files), and what an archive's index shows of the letter. A record is
//! only added after its outputs are in place and is removed before the job is rendered
//! again, so a run stopped at any point leaves a manifest that never vouches for a file it
//! did not see written.
//!
//! Each shard writes its own file (`.missive-manifest.2-of-8.json`), so shards sharing an
//! output folder never overwrite each other's records; reading merges every manifest in
//! the folder, the most recently written record of a job winning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::shard::Shard;
use crate::export::{Format, output};
use crate::pipeline::Summary;

/// Version of the manifest's layout; manifests of another version are ignored (their
/// letters are rendered again). 2: several outputs per job, copies, the index's summary.
const FORMAT: u32 = 2;
const PREFIX: &str = ".missive-manifest";

/// What the manifest knows about one job's outputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Key of the inputs the outputs were made from.
    pub key: String,
    /// Project paths of the files Typst read under the letter's root (templates, images).
    pub files: Vec<String>,
    /// Number of pages.
    pub pages: usize,
    /// When it was last written, in milliseconds since 1970.
    pub written: u64,
    /// The outputs written, by file extension (`pdf`, `html`).
    pub outputs: BTreeMap<String, OutputRecord>,
    /// What the archive's index shows of the letter (or copy).
    pub summary: Summary,
}

/// One output of a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputRecord {
    /// Its format (a web page and a page's `<article>` alone share `html`).
    pub format: Format,
    /// Its key (see `fingerprint::output`).
    pub key: String,
    /// Its files, relative to the output folder (`/`-separated), with their sizes: files
    /// are not synced to disk, so one emptied by a power cut is made again.
    pub files: Vec<(String, u64)>,
    /// The project path of the house's page template it was made with, if any.
    pub template: Option<String>,
}

impl Record {
    /// The current time in the unit of [`Record::written`].
    pub fn now() -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64)
    }
}

/// Records by job: a letter's path (relative to the archive, `/`-separated), or for a
/// personal copy that path, `#` and the copy's name (see `super::tasks`).
pub type Records = BTreeMap<String, Record>;

#[derive(Serialize, Deserialize)]
struct File {
    format: u32,
    missive: String,
    letters: Records,
}

/// The name of the manifest a run with `shard` writes.
pub fn file_name(shard: Option<Shard>) -> String {
    match shard {
        None => format!("{PREFIX}.json"),
        Some(shard) => format!("{PREFIX}.{}-of-{}.json", shard.index, shard.count),
    }
}

fn manifest_files(out: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            (name.starts_with(PREFIX) && name.ends_with(".json")).then(|| out.join(name))
        })
        .collect();
    files.sort();
    files
}

/// Reads every manifest in `out`. A manifest that cannot be read or is of another version
/// is skipped with a warning: it only costs re-rendering.
pub fn load(out: &Path) -> (Records, Vec<String>) {
    let mut records = Records::new();
    let mut warnings = Vec::new();
    for path in manifest_files(out) {
        let parsed = std::fs::read(&path)
            .map_err(|err| err.to_string())
            .and_then(|bytes| {
                serde_json::from_slice::<File>(&bytes).map_err(|err| err.to_string())
            });
        match parsed {
            Ok(file) if file.format == FORMAT => {
                for (letter, record) in file.letters {
                    match records.get(&letter) {
                        Some(known) if known.written >= record.written => {}
                        _ => {
                            records.insert(letter, record);
                        }
                    }
                }
            }
            Ok(file) => warnings.push(format!(
                "{} has manifest format {} (this missive reads {FORMAT}); its letters are rendered again",
                path.display(),
                file.format
            )),
            Err(err) => warnings.push(format!(
                "cannot read {} ({err}); its letters are rendered again",
                path.display()
            )),
        }
    }
    (records, warnings)
}

/// Writes the manifest of a run with `shard` atomically. An unsharded run has seen every
/// record, so it also removes the shards' manifests, which it supersedes.
pub fn save(out: &Path, shard: Option<Shard>, records: &Records) -> std::io::Result<()> {
    let file = File {
        format: FORMAT,
        missive: env!("CARGO_PKG_VERSION").into(),
        letters: records.clone(),
    };
    let bytes = serde_json::to_vec(&file).map_err(std::io::Error::other)?;
    let own = out.join(file_name(shard));
    output::write_atomic(&own, &bytes)?;
    if shard.is_none() {
        for path in manifest_files(out) {
            if path != own {
                std::fs::remove_file(&path)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(key: &str, written: u64) -> Record {
        Record {
            key: key.into(),
            files: vec!["/t.typ".into()],
            pages: 1,
            written,
            outputs: BTreeMap::from([(
                "pdf".into(),
                OutputRecord {
                    format: Format::Pdf,
                    key: "k".into(),
                    files: vec![("a.pdf".into(), 10)],
                    template: None,
                },
            )]),
            summary: Summary::default(),
        }
    }

    #[test]
    fn merges_shards_newest_first_and_unsharded_save_supersedes_them() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let one = Shard { index: 1, count: 2 };
        let two = Shard { index: 2, count: 2 };
        save(
            out,
            Some(one),
            &Records::from([("a.md".into(), record("old", 1))]),
        )
        .unwrap();
        save(
            out,
            Some(two),
            &Records::from([
                ("a.md".into(), record("new", 2)),
                ("b.md".into(), record("b", 1)),
            ]),
        )
        .unwrap();
        let (records, warnings) = load(out);
        assert!(warnings.is_empty());
        assert_eq!(records["a.md"].key, "new");
        assert_eq!(records.len(), 2);
        save(out, None, &records).unwrap();
        assert_eq!(manifest_files(out), [out.join(file_name(None))]);
        assert_eq!(load(out).0, records);
    }

    #[test]
    fn a_damaged_manifest_is_skipped_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(file_name(None)), "{ not json").unwrap();
        let (records, warnings) = load(dir.path());
        assert!(records.is_empty());
        assert!(warnings[0].contains("rendered again"), "{warnings:?}");
    }
}
