//! `missive fonts`: the fonts missive can use, one face a line on standard output (the
//! bundled ones, `--font-path` ones, and the house's own when run in a house folder);
//! and the environment of fonts every typesetting command builds from `--font-path`.

use super::args::FontArgs;
use super::exit::{Failure, Outcome};
use crate::diagnostic::Diagnostics;
use crate::letter::house;
use crate::paths::display_path;
use crate::term::{out, report};
use crate::typeset::fonts::{FontOrigin, HouseFonts, faces};
use crate::typeset::world::Environment;

/// Runs `missive fonts`.
pub(super) fn run(args: FontArgs) -> Outcome {
    let failed = |problems: Diagnostics| {
        report(&problems);
        Failure::Failed
    };
    let mut faces = faces(&args.font_paths).map_err(failed)?;
    let here = std::env::current_dir().and_then(|dir| dir.canonicalize());
    if let Ok(here) = here
        && let Some(house) = house::find(&here).map_err(failed)?
        && let Some(dir) = &house.fonts
    {
        faces.extend(HouseFonts::read(dir, &house.dir).map_err(failed)?.faces);
    }
    for face in faces {
        let info = face.font.info();
        let origin = match &face.origin {
            FontOrigin::Bundled(name) => format!("bundled ({name})"),
            FontOrigin::File(path) => display_path(path),
            FontOrigin::House(path) => format!("house ({})", display_path(path)),
        };
        let variant = info.variant;
        out(format_args!(
            "{}\t{:?} {:?} {}\t{origin}\n",
            info.family, variant.style, variant.weight, variant.stretch
        ));
    }
    Ok(())
}

/// The environment every letter of a command is typeset in: the bundled fonts and
/// those under `--font-path`.
pub(super) fn environment(fonts: &FontArgs) -> Result<Environment, Failure> {
    Environment::with_fonts(&fonts.font_paths).map_err(|problems| {
        report(&problems);
        Failure::Failed
    })
}
