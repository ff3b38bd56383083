//! Paths and files as the user sees them: how a path is shown, the folder of a file, the
//! reason of an I/O error in plain words, and the one message for a file that cannot be
//! written.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};

/// A path as the user should see it: relative to the working folder when inside it.
pub fn display_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf));
    match relative.as_deref() {
        Some(relative) if relative.as_os_str().is_empty() => ".".to_string(),
        Some(relative) => relative.display().to_string(),
        None => path.display().to_string(),
    }
}

/// The folder a file is in: its parent, or `.` for a bare file name.
pub fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The canonical folder of a file, or an error that names the file.
pub fn canonical_folder_of(path: &Path) -> Result<PathBuf, Diagnostics> {
    folder_of(path).canonicalize().map_err(|err| {
        vec![Diagnostic::error(format!(
            "cannot open the folder of {}: {}",
            path.display(),
            io_reason(&err)
        ))]
    })
}

/// The reason of an I/O error in plain words.
pub fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => err.to_string(),
    }
}

/// The error for a file (or folder) that could not be written.
pub fn cannot_write(path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!(
        "cannot write {}: {}",
        display_path(path),
        io_reason(err)
    ))
    .hint("check that the output folder can be created and written, and the disk is not full")
}

/// The error for a file that a command would overwrite: the same words in every command.
pub fn already_exists(path: &Path) -> Diagnostic {
    Diagnostic::error(format!("{} already exists", display_path(path)))
        .hint("pass --force to overwrite it")
}

/// The files under `dir` whose names `wanted` accepts, at any depth, sorted by path.
///
/// One policy for every folder missive reads: hidden files and folders (`.git`, editors'
/// backups) are skipped; links to files are followed, links to folders never (no
/// cycles, no leaving the tree); `skip` (canonical), if given, is not entered. An error
/// below `dir` names the folder it happened in.
pub fn files_under(
    dir: &Path,
    skip: Option<&Path>,
    wanted: impl Fn(&str) -> bool,
) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let in_folder = |err: std::io::Error| {
            if folder == dir {
                err
            } else {
                std::io::Error::new(err.kind(), format!("{}: {err}", folder.display()))
            }
        };
        for entry in std::fs::read_dir(&folder).map_err(in_folder)? {
            let entry = entry.map_err(in_folder)?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            if entry.file_type().map_err(in_folder)?.is_dir() {
                if !skip.is_some_and(|skip| path.canonicalize().is_ok_and(|c| c == skip)) {
                    folders.push(path);
                }
            } else if wanted(&name) && path.is_file() {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Whether a file name ends in `.EXTENSION`, in any case.
pub fn has_extension(name: &str, extension: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
}
