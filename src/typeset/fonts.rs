//! Fonts: the bundled open-licence faces embedded in the binary (`fonts/`), plus any
//! found under `--font-path` folders, plus a house's own (`fonts/` beside its
//! `missive.toml`), which only its letters see. No system font is ever used, so a letter
//! renders the same everywhere.

use std::path::{Path, PathBuf};

use typst::foundations::Bytes;
use typst::text::{Font, FontInfo};
use typst_kit::fonts::FontStore;

use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::paths::{files_under, has_extension};

/// The bundled font files, as (file name, bytes).
const BUNDLED: &[(&str, &[u8])] = &[
    (
        "LibertinusSerif-Regular.otf",
        include_bytes!("../../fonts/LibertinusSerif-Regular.otf"),
    ),
    (
        "LibertinusSerif-Italic.otf",
        include_bytes!("../../fonts/LibertinusSerif-Italic.otf"),
    ),
    (
        "LibertinusSerif-Bold.otf",
        include_bytes!("../../fonts/LibertinusSerif-Bold.otf"),
    ),
    (
        "LibertinusSerif-BoldItalic.otf",
        include_bytes!("../../fonts/LibertinusSerif-BoldItalic.otf"),
    ),
    (
        "LibertinusSerif-Semibold.otf",
        include_bytes!("../../fonts/LibertinusSerif-Semibold.otf"),
    ),
    (
        "LinBiolinum_R.otf",
        include_bytes!("../../fonts/LinBiolinum_R.otf"),
    ),
    (
        "LinBiolinum_RB.otf",
        include_bytes!("../../fonts/LinBiolinum_RB.otf"),
    ),
    (
        "LinBiolinum_RI.otf",
        include_bytes!("../../fonts/LinBiolinum_RI.otf"),
    ),
    (
        "NotoNaskhArabic-Regular.ttf",
        include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf"),
    ),
    (
        "NotoNaskhArabic-Bold.ttf",
        include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf"),
    ),
    (
        "wqy-microhei.ttc",
        include_bytes!("../../fonts/wqy-microhei.ttc"),
    ),
    (
        "DejaVuSansMono.ttf",
        include_bytes!("../../fonts/DejaVuSansMono.ttf"),
    ),
];

/// A font face and where it came from.
#[derive(Debug, Clone)]
pub struct FaceEntry {
    /// The face.
    pub font: Font,
    /// Bundled file name, or the path it was loaded from.
    pub origin: FontOrigin,
}

/// Where a face came from.
#[derive(Debug, Clone)]
pub enum FontOrigin {
    /// Embedded in missive (file name in `fonts/`).
    Bundled(&'static str),
    /// Found under a `--font-path` folder.
    File(PathBuf),
    /// A house's own, from its font folder.
    House(PathBuf),
}

/// A house's own fonts: the files of its font folder, as files of the letter's root
/// (so that they count among the files a letter reads: the batch manifest's inputs, an
/// archival PDF's sources), and their faces.
#[derive(Debug)]
pub struct HouseFonts {
    /// Project paths and bytes of the font files, sorted by path.
    pub files: Vec<(String, Bytes)>,
    /// The faces, in file order.
    pub faces: Vec<FaceEntry>,
}

impl HouseFonts {
    /// The fonts in `dir`, a folder under `root` (both canonical).
    pub fn read(dir: &Path, root: &Path) -> Result<HouseFonts, Diagnostics> {
        let cannot =
            |path: &Path, err: std::io::Error| {
                vec![
                Diagnostic::error(codes::CANNOT_READ_FONT, format!(
                    "cannot read the house's font {}: {err}",
                    crate::paths::display_path(path)
                ))
                .hint(
                    "the house's fonts are the .ttf, .otf, .ttc and .otc files of its font folder",
                ),
            ]
            };
        let mut files = Vec::new();
        let mut faces = Vec::new();
        for path in font_files(dir).map_err(|err| cannot(dir, err))? {
            let data = Bytes::new(std::fs::read(&path).map_err(|err| cannot(&path, err))?);
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let project = format!("/{}", relative.to_string_lossy().replace('\\', "/"));
            for font in Font::iter(data.clone()) {
                faces.push(FaceEntry {
                    font,
                    origin: FontOrigin::House(path.clone()),
                });
            }
            files.push((project, data));
        }
        Ok(HouseFonts { files, faces })
    }
}

/// Every face missive may use: bundled first, then `--font-path` ones, in a fixed order.
pub fn faces(font_paths: &[PathBuf]) -> Result<Vec<FaceEntry>, Diagnostics> {
    let mut faces: Vec<FaceEntry> = BUNDLED
        .iter()
        .flat_map(|(name, data)| {
            Font::iter(Bytes::new(*data)).map(|font| FaceEntry {
                font,
                origin: FontOrigin::Bundled(name),
            })
        })
        .collect();
    for dir in font_paths {
        let files = font_files(dir).map_err(|err| {
            vec![
                Diagnostic::error(
                    codes::FONT_FOLDER,
                    format!("cannot read font folder {}: {err}", dir.display()),
                )
                .hint("--font-path takes a folder holding .ttf, .otf, .ttc or .otc files"),
            ]
        })?;
        for path in files {
            let Ok(data) = std::fs::read(&path) else {
                continue;
            };
            for font in Font::iter(Bytes::new(data)) {
                faces.push(FaceEntry {
                    font,
                    origin: FontOrigin::File(path.clone()),
                });
            }
        }
    }
    Ok(faces)
}

/// A font store for typesetting, from the given faces.
pub fn store(faces: &[FaceEntry]) -> FontStore {
    let mut store = FontStore::new();
    for face in faces {
        let info: FontInfo = face.font.info().clone();
        store.push((face.font.clone(), info));
    }
    store
}

/// The font files under a folder, sorted by path.
pub fn font_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    files_under(dir, None, |name| {
        ["ttf", "otf", "ttc", "otc"]
            .iter()
            .any(|extension| has_extension(name, extension))
    })
}
