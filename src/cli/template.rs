//! `missive template eject`: the built-in templates (Typst, and the web page's) written
//! out for an organisation to customise.

use std::path::Path;

use super::args::EjectArgs;
use super::exit::{Failure, Outcome};
use crate::diagnostic::Diagnostic;
use crate::export::output::write_atomic;
use crate::export::web;
use crate::letter::house::HOUSE_FILE;
use crate::paths::{already_exists, cannot_write, display_path};
use crate::term::{report, say};
use crate::typeset::templates::FILES;

/// Runs `missive template eject`; no file is overwritten without `--force`.
pub(super) fn eject(args: EjectArgs) -> Outcome {
    let files: Vec<(&str, &str)> = (FILES.iter().copied())
        .chain([web::PAGE, web::INDEX].map(|t| (t.name, t.text)))
        .collect();
    let paths: Vec<_> = files.iter().map(|(name, _)| args.dir.join(name)).collect();
    if !args.force.force {
        let existing: Vec<Diagnostic> = paths
            .iter()
            .filter(|p| p.exists())
            .map(|p| already_exists(p))
            .collect();
        if !existing.is_empty() {
            report(&existing);
            return Err(Failure::Failed);
        }
    }
    for (path, (_, text)) in paths.iter().zip(&files) {
        write_atomic(path, text.as_bytes()).map_err(|err| {
            report(&[cannot_write(path, &err)]);
            Failure::Failed
        })?;
    }
    for path in &paths {
        say(format_args!("wrote {}", display_path(path)));
    }
    say(format_args!("{}", how_to_use(&args.dir, &paths[0])));
    for builtin in [web::PAGE, web::INDEX] {
        say(format_args!(
            "the {}'s template: `[web] {} = \"…/{}\"` in missive.toml (a path relative to it)",
            builtin.what, builtin.key, builtin.name
        ));
    }
    Ok(())
}

/// How letters name the ejected `file` (in `dir`), as they must write it: from the house
/// folder (`/templates/house.typ`) when a `missive.toml` is above `dir`, since an absolute
/// path is refused; else relative to a letter in the working folder.
fn how_to_use(dir: &Path, file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let house = canonical.ancestors().find(|a| a.join(HOUSE_FILE).is_file());
    match house.and_then(|h| Some((h, canonical.strip_prefix(h).ok()?))) {
        Some((house, inside)) => {
            let parts: Vec<String> = inside
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let path = parts
                .iter()
                .map(String::as_str)
                .chain([name.as_str()])
                .collect::<Vec<_>>()
                .join("/");
            format!(
                "use one with `template = \"/{path}\"` in {} or in any letter under it (a path starting with `/` starts at the house folder)",
                display_path(&house.join(HOUSE_FILE))
            )
        }
        None => format!(
            "use one with `template = \"{}\"` in a letter in the working folder (a path is relative to the letter that names it; under a missive.toml, one starting with `/` starts at its folder)",
            display_path(file).replace('\\', "/")
        ),
    }
}
