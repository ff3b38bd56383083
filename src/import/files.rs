//! The files a run of `missive import` reads and the letter sources they become: the
//! files named, and under each folder named every Word file, web page and text at any
//! depth, mirrored into the output folder. The folder a browser saves beside a page
//! (`Letter_files/` next to `Letter.html`) holds the page's parts, not letters: it is
//! skipped.

use std::path::{Path, PathBuf};

use super::job::Options;
use crate::paths::{display_path, files_under, has_extension};

/// The extensions of the files a folder is searched for (their formats are then known by
/// their content).
pub const EXTENSIONS: &[&str] = &[
    "docx", "docm", "html", "htm", "xhtml", "mhtml", "mht", "txt",
];

/// Each file to import and the letter source it becomes.
pub fn jobs(options: &Options) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    if let Some(out) = &options.output
        && (out.is_file() || out.extension().is_some_and(|e| e == "md"))
    {
        return Err(format!(
            "-o names the folder to write into, not a file: {} (each letter is named after its file)",
            display_path(out)
        ));
    }
    let mut jobs = Vec::new();
    for file in &options.files {
        if !file.is_dir() {
            let target = match &options.output {
                Some(out) => out.join(file.file_name().unwrap_or_default()),
                None => file.clone(),
            };
            jobs.push((file.clone(), target.with_extension("md")));
            continue;
        }
        let wanted = |name: &str| EXTENSIONS.iter().any(|e| has_extension(name, e));
        let found: Vec<PathBuf> = files_under(file, None, wanted)
            .map_err(|err| format!("cannot list {}: {err}", display_path(file)))?
            .into_iter()
            .filter(|f| !in_saved_page_folder(file, f))
            .collect();
        if found.is_empty() {
            return Err(format!(
                "no Word files, web pages or texts (.{}) under {}",
                EXTENSIONS.join(", ."),
                display_path(file)
            ));
        }
        let out = options.output.as_deref().unwrap_or(file);
        jobs.extend(found.into_iter().map(|found| {
            let target = out
                .join(found.strip_prefix(file).unwrap_or(&found))
                .with_extension("md");
            (found, target)
        }));
    }
    Ok(jobs)
}

/// Whether a file lies in the folder a browser saved beside a page: a folder below `root`
/// named `NAME_files` with a page `NAME.html` or `NAME.htm` beside it.
fn in_saved_page_folder(root: &Path, file: &Path) -> bool {
    file.ancestors()
        .skip(1)
        .take_while(|a| *a != root && a.starts_with(root))
        .any(|folder| {
            let Some(name) = folder.file_name().and_then(|n| n.to_str()) else {
                return false;
            };
            let Some(stem) = name.strip_suffix("_files") else {
                return false;
            };
            let beside = folder.parent().unwrap_or(root);
            ["html", "htm"]
                .iter()
                .any(|e| beside.join(format!("{stem}.{e}")).is_file())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_searched_for_every_format_but_saved_pages_parts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "a.docx",
            "b/c.html",
            "b/c_files/frame.html",
            "b/c_files/style.css",
            "d.txt",
            "e.pdf",
            "f_files/x.html",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let options = Options {
            files: vec![root.to_path_buf()],
            output: Some(root.join("out")),
            force: false,
            encoding: None,
        };
        let found: Vec<String> = jobs(&options)
            .unwrap()
            .into_iter()
            .map(|(f, t)| {
                format!(
                    "{} -> {}",
                    f.strip_prefix(root).unwrap().display(),
                    t.strip_prefix(root).unwrap().display()
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                "a.docx -> out/a.md",
                "b/c.html -> out/b/c.md",
                "d.txt -> out/d.md",
                "f_files/x.html -> out/f_files/x.md"
            ]
        );
    }
}
