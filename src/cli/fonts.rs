//! `missive fonts`: the fonts missive can use, one face a line on standard output.

use super::args::FontArgs;
use super::{Failure, Outcome};
use crate::paths::display_path;
use crate::term::{out, report};
use crate::typeset::fonts::{FontOrigin, faces};

/// Runs `missive fonts`.
pub(super) fn run(args: FontArgs) -> Outcome {
    let faces = faces(&args.font_paths).map_err(|problems| {
        report(&problems);
        Failure::Failed
    })?;
    for face in faces {
        let info = face.font.info();
        let origin = match &face.origin {
            FontOrigin::Bundled(name) => format!("bundled ({name})"),
            FontOrigin::File(path) => display_path(path),
        };
        let variant = info.variant;
        out(format_args!(
            "{}\t{:?} {:?} {}\t{origin}\n",
            info.family, variant.style, variant.weight, variant.stretch
        ));
    }
    Ok(())
}
