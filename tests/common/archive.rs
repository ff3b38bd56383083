//! A scratch folder for `missive batch` tests: an archive `arch/`, output folders, the
//! report and the manifest.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt as _;
use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

use super::missive;

/// A work folder with an archive `arch/` and an output folder `out/`.
pub struct Work {
    pub dir: tempfile::TempDir,
}

impl Work {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Runs `missive batch arch --out out --report report.json EXTRA…`; returns the
    /// output and the report.
    pub fn batch(&self, extra: &[&str]) -> (Output, Value) {
        self.batch_to("out", extra)
    }

    /// [`Work::batch`] into the output folder `out`.
    pub fn batch_to(&self, out: &str, extra: &[&str]) -> (Output, Value) {
        let mut args = vec!["batch", "arch", "--out", out, "--report", "report.json"];
        args.extend_from_slice(extra);
        let output = missive(self.dir.path(), &args);
        let report = std::fs::read(self.path("report.json")).expect("a report is written");
        (output, serde_json::from_slice(&report).unwrap())
    }

    /// (inode, mtime in ns) of a file, to tell whether it was written again.
    pub fn stamp(&self, rel: &str) -> (u64, i64) {
        let meta = std::fs::metadata(self.path(rel)).unwrap();
        (meta.ino(), meta.mtime() * 1_000_000_000 + meta.mtime_nsec())
    }

    /// The records of the manifest in `out/`, by job.
    pub fn manifest(&self) -> BTreeMap<String, Value> {
        let bytes = std::fs::read(self.path("out/.missive-manifest.json")).unwrap();
        let manifest: Value = serde_json::from_slice(&bytes).unwrap();
        serde_json::from_value(manifest["letters"].clone()).unwrap()
    }
}
