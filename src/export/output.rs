//! Writing output files atomically: a temporary file in the same folder, renamed over the
//! target once complete, so a failure never leaves a partial file and an older one stays.
//!
//! Files are not synced to disk (no `fsync`), like the Typst CLI's output: the waits cost a
//! batch more than the rare case is worth (figures in `docs/batch.md`). After a power cut,
//! a PDF written just before may be empty; `missive batch` notices (its manifest records
//! each PDF's size) and renders it again.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::format::Format;
use crate::diagnostic::Diagnostics;
use crate::paths::{cannot_write, folder_of};

/// Writes `bytes` to `path` atomically, creating its folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new()
        .prefix(".missive-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    file.persist(path).map_err(|err| err.error)?;
    Ok(())
}

/// [`write_atomic`] for an output of a letter, failing with a diagnostic that names it.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), Diagnostics> {
    write_atomic(path, bytes).map_err(|err| vec![cannot_write(path, &err)])
}

/// Output file names: the target itself for PDF, `NAME-N.ext` for each page of PNG or
/// SVG, a one-page letter's too (`NAME-1.png`, as `--help` says: one scheme, so that a
/// preview's name does not depend on the letter's length).
pub fn page_paths(target: &Path, format: Format, count: usize) -> Vec<PathBuf> {
    let target = target.with_extension(format.extension());
    if !format.is_paged() {
        return vec![target];
    }
    let stem = target
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    (1..=count)
        .map(|n| target.with_file_name(format!("{stem}-{n}.{}", format.extension())))
        .collect()
}
