//! Writing output files atomically: a temporary file in the same folder, renamed over the
//! target once complete, so a failure never leaves a partial file and an older one stays.
//!
//! Files are not synced to disk (no `fsync`), like the Typst CLI's output: syncing each PDF
//! cost a batch ~5 % of its time in waits. After a power cut, a PDF written just before
//! may be empty; `missive batch` notices (its manifest records each PDF's size) and
//! renders it again.

use std::io::Write as _;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::letter::source::io_reason;
use crate::paths::display_path;

/// Writes `bytes` to `path` atomically, creating its folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
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
    write_atomic(path, bytes).map_err(|err| {
        vec![
            Diagnostic::error(format!(
                "cannot write {}: {}",
                display_path(path),
                io_reason(&err)
            ))
            .hint(
                "check that the output folder can be created and written, and the disk is not full",
            ),
        ]
    })
}
