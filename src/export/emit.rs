//! `--emit-typst DIR`: the complete Typst project a letter was compiled from, so that
//! `typst compile --root DIR --font-path DIR/fonts --ignore-system-fonts DIR/main.typ`
//! gives the same document with the stock Typst CLI.

use std::collections::BTreeMap;
use std::path::Path;

use typst::layout::FrameItem;
use typst::text::Font;

use crate::typeset::Typeset;
use crate::typeset::fonts::FontOrigin;
use crate::typeset::frames::{Step, visit_pages};
use crate::typeset::templates;
use crate::typeset::world::{DATA_PATH, Environment, MAIN_PATH};

/// Writes the project of a typeset letter into `dir`.
pub fn emit(dir: &Path, typeset: &Typeset, env: &Environment) -> std::io::Result<()> {
    write(dir, MAIN_PATH, typeset.project.main.as_bytes())?;
    write(dir, DATA_PATH, &typeset.project.data)?;
    for (name, text) in templates::FILES {
        write(
            dir,
            &format!("{}/{name}", templates::BUILTIN_DIR),
            text.as_bytes(),
        )?;
    }
    for (path, bytes) in &typeset.files {
        write(dir, path, bytes)?;
    }
    for (name, bytes) in used_font_files(typeset, env) {
        write(dir, &format!("/fonts/{name}"), &bytes)?;
    }
    Ok(())
}

/// The font files (whole collections for `.ttc`) the document uses, by file name.
fn used_font_files(typeset: &Typeset, env: &Environment) -> BTreeMap<String, Vec<u8>> {
    let mut used: Vec<Font> = Vec::new();
    visit_pages(&typeset.document, |_, item, _| {
        if let FrameItem::Text(text) = item
            && !used.contains(text.font.font())
        {
            used.push(text.font.font().clone());
        }
        Step::Next
    });
    let mut files = BTreeMap::new();
    for face in env.faces() {
        if !used.contains(&face.font) {
            continue;
        }
        let name = match &face.origin {
            FontOrigin::Bundled(name) => (*name).to_string(),
            FontOrigin::File(path) | FontOrigin::House(path) => path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        };
        files
            .entry(name)
            .or_insert_with(|| face.font.data().as_slice().to_vec());
    }
    files
}

fn write(dir: &Path, project_path: &str, bytes: &[u8]) -> std::io::Result<()> {
    let path = dir.join(project_path.trim_start_matches('/'));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}
