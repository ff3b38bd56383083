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
use typst::text::{FontStyle, FontVariant};

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
            FontOrigin::Bundled(name) => format!("{name} (bundled)"),
            FontOrigin::File(path) => display_path(path),
            FontOrigin::House(path) => format!("{} (house)", display_path(path)),
        };
        out(format_args!(
            "{}\t{}\t{origin}\n",
            info.family,
            face_name(info.variant)
        ));
    }
    Ok(())
}

/// A face as a person names it: `Regular`, `Bold Italic`, `Condensed Semibold`.
fn face_name(variant: FontVariant) -> String {
    let stretch = match (variant.stretch.to_ratio().get() * 1000.0).round() as u16 {
        1000 => None,
        500 => Some("Ultra Condensed".to_string()),
        625 => Some("Extra Condensed".to_string()),
        750 => Some("Condensed".to_string()),
        875 => Some("Semi Condensed".to_string()),
        1125 => Some("Semi Expanded".to_string()),
        1250 => Some("Expanded".to_string()),
        1500 => Some("Extra Expanded".to_string()),
        2000 => Some("Ultra Expanded".to_string()),
        other => Some(format!("{}% wide", f64::from(other) / 10.0)),
    };
    let weight = match variant.weight.to_number() {
        100 => "Thin".to_string(),
        200 => "Extra Light".to_string(),
        300 => "Light".to_string(),
        400 => "Regular".to_string(),
        500 => "Medium".to_string(),
        600 => "Semibold".to_string(),
        700 => "Bold".to_string(),
        800 => "Extra Bold".to_string(),
        900 => "Black".to_string(),
        other => format!("Weight {other}"),
    };
    let style = match variant.style {
        FontStyle::Normal => None,
        FontStyle::Italic => Some("Italic"),
        FontStyle::Oblique => Some("Oblique"),
    };
    // "Regular" only when nothing else names the face.
    let weight = (weight != "Regular" || (style.is_none() && stretch.is_none())).then_some(weight);
    let words: Vec<String> = [stretch, weight, style.map(String::from)]
        .into_iter()
        .flatten()
        .collect();
    words.join(" ")
}

/// The environment every letter of a command is typeset in: the bundled fonts and
/// those under `--font-path`.
pub(super) fn environment(fonts: &FontArgs) -> Result<Environment, Failure> {
    Environment::with_fonts(&fonts.font_paths).map_err(|problems| {
        report(&problems);
        Failure::Failed
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::text::{FontStretch, FontWeight};

    #[test]
    fn faces_are_named_as_people_name_them() {
        let name = |style, weight: u16, stretch: f64| {
            face_name(FontVariant::new(
                style,
                FontWeight::from_number(weight),
                FontStretch::from_ratio(typst::layout::Ratio::new(stretch)),
            ))
        };
        assert_eq!(name(FontStyle::Normal, 400, 1.0), "Regular");
        assert_eq!(name(FontStyle::Italic, 400, 1.0), "Italic");
        assert_eq!(name(FontStyle::Italic, 700, 1.0), "Bold Italic");
        assert_eq!(name(FontStyle::Normal, 600, 0.75), "Condensed Semibold");
        assert_eq!(name(FontStyle::Normal, 400, 0.75), "Condensed");
        assert_eq!(name(FontStyle::Oblique, 450, 1.0), "Weight 450 Oblique");
    }
}
