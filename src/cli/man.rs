//! `missive man DIR`: one man page per command (`missive.1`, `missive-render.1`,
//! `missive-template-eject.1`, …), generated from the clap definitions (clap_mangen).

use super::args::{ManArgs, command};
use super::exit::{Failure, Outcome};
use crate::paths::{cannot_write, display_path};
use crate::term::{report, say};

/// Runs `missive man`.
pub(super) fn run(args: ManArgs) -> Outcome {
    let dir = &args.dir;
    std::fs::create_dir_all(dir)
        .and_then(|()| clap_mangen::generate_to(command(), dir))
        .map_err(|err| {
            report(&[cannot_write(dir, &err)]);
            Failure::Failed
        })?;
    say(format_args!(
        "wrote the man pages into {0}; read them with `man {0}/missive.1`",
        display_path(dir)
    ));
    Ok(())
}
