//! `missive template eject`: the built-in templates written out for an organisation to
//! customise.

use super::args::EjectArgs;
use super::exit::{Failure, Outcome};
use crate::diagnostic::Diagnostic;
use crate::export::output::write_atomic;
use crate::paths::{already_exists, cannot_write, display_path};
use crate::term::{report, say};
use crate::typeset::templates::FILES;

/// Runs `missive template eject`; no file is overwritten without `--force`.
pub(super) fn eject(args: EjectArgs) -> Outcome {
    let paths: Vec<_> = FILES.iter().map(|(name, _)| args.dir.join(name)).collect();
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
    for (path, (_, text)) in paths.iter().zip(FILES) {
        write_atomic(path, text.as_bytes()).map_err(|err| {
            report(&[cannot_write(path, &err)]);
            Failure::Failed
        })?;
    }
    for path in &paths {
        say(format_args!("wrote {}", display_path(path)));
    }
    say(format_args!(
        "use one with `template = \"{}\"` (relative to the letter or missive.toml)",
        display_path(&paths[0])
    ));
    Ok(())
}
