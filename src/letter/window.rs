//! Window envelopes: where on the first page the addressee's block must stand to show
//! through the envelope's window, and where the sheet is folded (`window = "din-b"`).
//! All lengths are millimetres from the top left corner of the page.
//!
//! The published geometry (sources in docs/templates.md):
//! - DIN 5008, forms A and B (A4 in DL and C5/6 window envelopes of DIN 680): the address
//!   field is 85 × 45 mm, 20 mm from the left edge, 27 mm (form A) or 45 mm (form B)
//!   from the top; its upper 17.7 mm hold the return address and dispatch notes, the
//!   lower 27.3 mm the address, set 5 mm in. Fold marks at 87 and 192 mm (A) or 105 and
//!   210 mm (B); the punch mark at 148.5 mm.
//! - The US No. 10 window envelope (4⅛ × 9½ in, window 1⅛ × 4½ in, ⅞ in from the left
//!   and ½ in from the bottom): a US Letter sheet folded in thirds and resting on the
//!   envelope's bottom shows 2.042 in to 3.167 in from its top through the window, and,
//!   however it slides sideways, ⅞ in to 4⅜ in from its left edge. The address keeps ⅛ in
//!   clear of the window's edges (USPS). Folds at a third and two thirds of the sheet.

use serde::Serialize;

use super::front_matter::Paper;

/// A window envelope's geometry on the first page, in millimetres.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Window {
    /// `din-a`, `din-b`, `us-10`, or `custom` for a rectangle of the writer's.
    pub name: &'static str,
    /// Left edge of the window's area on the page.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Height of the zone at the top for the return address and dispatch line (0: they
    /// stand right above the address).
    pub zone: f64,
    /// How far the text keeps from the area's edges.
    pub inset: f64,
    /// Fold marks, from the top of the page.
    pub folds: Vec<f64>,
    /// The punch mark (A4), from the top of the page.
    pub punch: Option<f64>,
}

const INCH: f64 = 25.4;
/// The middle of an A4 sheet, where a two-hole punch is centred.
const A4_PUNCH: f64 = 148.5;

/// The presets, by name.
pub const PRESETS: &[&str] = &["din-a", "din-b", "us-10"];

/// The geometry of a preset, with the paper it is made for.
fn preset(name: &str) -> Option<(Window, Paper)> {
    let din = |name, top, folds: [f64; 2]| Window {
        name,
        left: 20.0,
        top,
        width: 85.0,
        height: 45.0,
        zone: 17.7,
        inset: 5.0,
        folds: folds.to_vec(),
        punch: Some(A4_PUNCH),
    };
    let us_10 = Window {
        name: "us-10",
        left: 0.875 * INCH,
        top: 2.042 * INCH,
        width: 3.5 * INCH,
        height: 1.125 * INCH,
        zone: 0.0,
        inset: 0.125 * INCH,
        folds: thirds(Paper::UsLetter),
        punch: None,
    };
    match name {
        "din-a" => Some((din("din-a", 27.0, [87.0, 192.0]), Paper::A4)),
        "din-b" => Some((din("din-b", 45.0, [105.0, 210.0]), Paper::A4)),
        "us-10" => Some((us_10, Paper::UsLetter)),
        _ => None,
    }
}

/// Page size in millimetres.
fn page_size(paper: Paper) -> (f64, f64) {
    match paper {
        Paper::A4 => (210.0, 297.0),
        Paper::UsLetter => (8.5 * INCH, 11.0 * INCH),
    }
}

/// Folds of a sheet in thirds.
fn thirds(paper: Paper) -> Vec<f64> {
    let (_, height) = page_size(paper);
    vec![height / 3.0, height * 2.0 / 3.0]
}

fn paper_name(paper: Paper) -> &'static str {
    match paper {
        Paper::A4 => "A4",
        Paper::UsLetter => "US Letter",
    }
}

/// A problem with a `window` value: what is wrong, and how to fix it.
pub type Problem = (String, String);

/// The window a `window` value describes, on `paper`.
pub fn parse(value: &toml::Value, paper: Paper) -> Result<Window, Problem> {
    match value {
        toml::Value::String(name) => {
            let Some((window, made_for)) = preset(name) else {
                let names: Vec<String> = PRESETS.iter().map(|p| format!("`{p}`")).collect();
                return Err((
                    format!("unknown window envelope `{name}`"),
                    format!(
                        "use one of {}, or a table with `left`, `top`, `width` and `height`",
                        names.join(", ")
                    ),
                ));
            };
            if made_for != paper {
                return Err((
                    format!(
                        "window `{name}` is for {} paper, and this letter is on {}",
                        paper_name(made_for),
                        paper_name(paper)
                    ),
                    format!(
                        "set `paper = \"{}\"`, or choose a window for {}",
                        made_for.typst_name(),
                        paper_name(paper)
                    ),
                ));
            }
            Ok(window)
        }
        toml::Value::Table(table) => rectangle(table, paper),
        _ => Err((
            "`window` must be the name of an envelope or a table".into(),
            "write e.g. `window = \"din-b\"`, or `window = { left = \"20mm\", top = \"45mm\", \
             width = \"85mm\", height = \"45mm\" }`"
                .into(),
        )),
    }
}

/// A window of the writer's own: a rectangle, with the paper's folds in thirds (or its
/// own `folds`).
fn rectangle(table: &toml::value::Table, paper: Paper) -> Result<Window, Problem> {
    const KEYS: [&str; 5] = ["left", "top", "width", "height", "folds"];
    if let Some(unknown) = table.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err((
            format!("unknown key `window.{unknown}`"),
            "a window table has `left`, `top`, `width`, `height` and optionally `folds`".into(),
        ));
    }
    let length = |key: &str| -> Result<f64, Problem> {
        let value = table.get(key).ok_or_else(|| {
            (
                format!("`window` has no `{key}`"),
                "give `left`, `top`, `width` and `height`, e.g. `left = \"20mm\"`".to_string(),
            )
        })?;
        millimetres(value).map_err(|hint| (format!("`window.{key}` is not a length"), hint))
    };
    let (left, top) = (length("left")?, length("top")?);
    let (width, height) = (length("width")?, length("height")?);
    let (page_width, page_height) = page_size(paper);
    let on_page = left >= 0.0 && top >= 0.0 && left + width <= page_width;
    if width <= 0.0 || height <= 0.0 || !on_page || top + height > page_height {
        return Err((
            "the window does not lie on the page".into(),
            format!(
                "keep it inside the {} page ({page_width:.1} × {page_height:.1} mm), with a \
                 width and height above zero",
                paper_name(paper)
            ),
        ));
    }
    let not_lengths = || {
        (
            "`window.folds` must be a list of lengths".to_string(),
            "write e.g. `folds = [\"99mm\", \"198mm\"]`".to_string(),
        )
    };
    let folds = match table.get("folds") {
        None => thirds(paper),
        Some(toml::Value::Array(items)) => items
            .iter()
            .map(|item| millimetres(item).map_err(|_| not_lengths()))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(not_lengths()),
    };
    Ok(Window {
        name: "custom",
        left,
        top,
        width,
        height,
        zone: 0.0,
        inset: 3.0,
        folds,
        punch: (paper == Paper::A4).then_some(A4_PUNCH),
    })
}

/// A length written with its unit (`"20mm"`, `"2cm"`, `"0.875in"`, `"30pt"`), in mm.
fn millimetres(value: &toml::Value) -> Result<f64, String> {
    let hint = || {
        "write a length with its unit, in quotes: \"20mm\", \"2cm\", \"0.875in\" or \"30pt\""
            .to_string()
    };
    let text = value.as_str().ok_or_else(hint)?.trim();
    let split = text
        .find(|c: char| c.is_ascii_alphabetic())
        .ok_or_else(hint)?;
    let number: f64 = text[..split].trim().parse().map_err(|_| hint())?;
    let factor = match &text[split..] {
        "mm" => 1.0,
        "cm" => 10.0,
        "in" => INCH,
        "pt" => INCH / 72.0,
        _ => return Err(hint()),
    };
    Some(number * factor)
        .filter(|mm| mm.is_finite())
        .ok_or_else(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(toml: &str) -> toml::Value {
        toml::from_str::<toml::Table>(&format!("window = {toml}")).unwrap()["window"].clone()
    }

    #[test]
    fn presets_have_the_published_geometry() {
        let b = parse(&value("\"din-b\""), Paper::A4).unwrap();
        assert_eq!((b.left, b.top, b.width, b.height), (20.0, 45.0, 85.0, 45.0));
        assert_eq!(
            (b.folds.clone(), b.punch),
            (vec![105.0, 210.0], Some(148.5))
        );
        let a = parse(&value("\"din-a\""), Paper::A4).unwrap();
        assert_eq!((a.top, a.folds.clone()), (27.0, vec![87.0, 192.0]));
        let us = parse(&value("\"us-10\""), Paper::UsLetter).unwrap();
        assert!((us.top - 51.87).abs() < 0.01 && (us.left - 22.225).abs() < 0.001);
        assert!((us.folds[0] - 93.133).abs() < 0.001 && us.punch.is_none());
    }

    #[test]
    fn a_preset_for_the_other_paper_is_refused() {
        let (message, hint) = parse(&value("\"us-10\""), Paper::A4).unwrap_err();
        assert_eq!(
            message,
            "window `us-10` is for US Letter paper, and this letter is on A4"
        );
        assert!(hint.contains("paper = \"us-letter\""), "{hint}");
        let (message, _) = parse(&value("\"din-c\""), Paper::A4).unwrap_err();
        assert_eq!(message, "unknown window envelope `din-c`");
    }

    #[test]
    fn a_rectangle_of_ones_own() {
        let w = parse(
            &value("{ left = \"2cm\", top = \"50mm\", width = \"3.5in\", height = \"72pt\" }"),
            Paper::A4,
        )
        .unwrap();
        assert_eq!((w.left, w.top), (20.0, 50.0));
        assert!((w.width - 88.9).abs() < 1e-9 && (w.height - 25.4).abs() < 1e-9);
        assert_eq!(w.folds, vec![99.0, 198.0]);
        let bad = |toml: &str| parse(&value(toml), Paper::A4).unwrap_err().0;
        assert_eq!(
            bad("{ left = \"20\", top = \"1mm\", width = \"1mm\", height = \"1mm\" }"),
            "`window.left` is not a length"
        );
        assert_eq!(
            bad("{ left = \"200mm\", top = \"1mm\", width = \"20mm\", height = \"1mm\" }"),
            "the window does not lie on the page"
        );
        assert_eq!(bad("{ top = \"1mm\" }"), "`window` has no `left`");
        assert_eq!(bad("{ colour = 1 }"), "unknown key `window.colour`");
        assert_eq!(
            bad("3"),
            "`window` must be the name of an envelope or a table"
        );
    }
}
