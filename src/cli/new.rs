//! `missive new`: a new letter from the scaffold, dated today.

use chrono::Local;

use super::args::NewArgs;
use super::exit::{Failure, Outcome};
use crate::export::output::write_atomic;
use crate::letter::house;
use crate::letter::scaffold::letter_text;
use crate::paths::{already_exists, cannot_write, display_path, folder_of};
use crate::term::{report, say};

/// Runs `missive new`.
pub(super) fn run(args: NewArgs) -> Outcome {
    let path = &args.path;
    if path.exists() && !args.force.force {
        report(&[already_exists(path)]);
        return Err(Failure::Failed);
    }
    let dir = folder_of(path);
    let canonical = std::fs::create_dir_all(dir).and_then(|()| dir.canonicalize());
    let canonical = canonical.map_err(|err| {
        report(&[cannot_write(path, &err)]);
        Failure::Failed
    })?;
    let has_house = house::find(&canonical).is_ok_and(|h| h.is_some());
    let date = Local::now().date_naive().format("%Y-%m-%d").to_string();
    write_atomic(path, letter_text(&date, has_house).as_bytes()).map_err(|err| {
        report(&[cannot_write(path, &err)]);
        Failure::Failed
    })?;
    say(format_args!(
        "wrote {}; fill it in and run `missive render {0}`",
        display_path(path)
    ));
    Ok(())
}
