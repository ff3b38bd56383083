//! The images of an imported letter, written beside its source: those a Word file or a
//! saved page carries, and those a saved page keeps in a folder beside it. Images on the
//! web are never fetched, and formats Typst cannot place (EMF, WMF, TIFF, BMP) are left
//! out; the report says so.

use std::path::{Component, Path};

use crate::import::document::{Block, Document, Image, ImageSource, Inline};
use crate::letter::assets::IMAGE_EXTENSIONS;

/// An image of the letter and where it went.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The image as the document has it.
    pub image: Image,
    /// The file written beside the letter source, or why there is none.
    pub file: Result<String, String>,
}

/// The images of `blocks`, in order, each given a file beside the source (`STEM-image-1.png`)
/// when its bytes are to be had; and the files to write.
pub fn place(
    blocks: &[Block],
    document: &Document,
    stem: &str,
    source_dir: &Path,
) -> (Vec<Placed>, Vec<(String, Vec<u8>)>) {
    let mut images = Vec::new();
    for block in blocks {
        collect(block, &mut images);
    }
    let mut placed: Vec<Placed> = Vec::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for image in images {
        if let Some(done) = placed.iter().find(|p| p.image.source == image.source) {
            placed.push(Placed {
                image,
                file: done.file.clone(),
            });
            continue;
        }
        let file = bytes(&image, document, source_dir).and_then(|(extension, bytes)| {
            if !IMAGE_EXTENSIONS.contains(&extension.as_str()) {
                return Err(format!(
                    "an image in {extension} format, which a letter cannot show"
                ));
            }
            let name = format!("{stem}-image-{}.{extension}", files.len() + 1);
            files.push((name.clone(), bytes));
            Ok(name)
        });
        placed.push(Placed { image, file });
    }
    (placed, files)
}

/// The first image of a page header (a letterhead's logo) as a file beside the source.
pub fn logo(document: &Document, stem: &str) -> Option<(Image, String, Vec<u8>)> {
    document.header_images.iter().find_map(|image| {
        let (extension, bytes) = bytes(image, document, Path::new(".")).ok()?;
        IMAGE_EXTENSIONS
            .contains(&extension.as_str())
            .then(|| (image.clone(), format!("{stem}-logo.{extension}"), bytes))
    })
}

/// An image's file extension and bytes, or why they cannot be had.
fn bytes(
    image: &Image,
    document: &Document,
    source_dir: &Path,
) -> Result<(String, Vec<u8>), String> {
    match &image.source {
        ImageSource::Embedded(index) => document
            .images
            .get(*index)
            .map(|data| (data.extension.clone(), data.bytes.clone()))
            .ok_or_else(|| "an image the file does not contain".to_string()),
        ImageSource::External(address) if address.contains("://") || address.starts_with("//") => {
            Err(format!("an image on the web ({address}), never fetched"))
        }
        ImageSource::External(path) => beside(path, source_dir),
    }
}

/// An image a saved page keeps beside it (`Letter_files/logo.png`): read when the path
/// stays inside the page's folder.
fn beside(path: &str, source_dir: &Path) -> Result<(String, Vec<u8>), String> {
    let path = percent_encoding::percent_decode_str(path.split(['?', '#']).next().unwrap_or(path))
        .decode_utf8_lossy()
        .into_owned();
    let relative = Path::new(&path);
    let inside = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !inside {
        return Err(format!(
            "an image outside the page's folder ({path}), not read"
        ));
    }
    let full = source_dir.join(relative);
    let bytes = std::fs::read(&full)
        .map_err(|_| format!("an image the page names but that is not beside it ({path})"))?;
    Ok((
        crate::import::document::image_extension(&path, &bytes),
        bytes,
    ))
}

fn collect(block: &Block, out: &mut Vec<Image>) {
    match block {
        Block::Paragraph(content) | Block::Heading { content, .. } => inlines(content, out),
        Block::List(list) => list.items.iter().flatten().for_each(|b| collect(b, out)),
        Block::Table(table) => table
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .flatten()
            .for_each(|b| collect(b, out)),
        Block::Quote(blocks) => blocks.iter().for_each(|b| collect(b, out)),
        Block::BlankLine => {}
    }
}

fn inlines(runs: &[Inline], out: &mut Vec<Image>) {
    for run in runs {
        match run {
            Inline::Image(image) => out.push(image.clone()),
            Inline::Emphasis(inner)
            | Inline::Strong(inner)
            | Inline::Underline(inner)
            | Inline::Superscript(inner)
            | Inline::Link { content: inner, .. } => inlines(inner, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::document::ImageData;

    fn image(source: ImageSource) -> Block {
        Block::Paragraph(vec![Inline::Image(Image {
            alt: "x".into(),
            source,
        })])
    }

    #[test]
    fn carried_images_are_written_and_others_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("Letter_files")).unwrap();
        std::fs::write(
            dir.path().join("Letter_files/seal.png"),
            b"\x89PNG\r\n\x1a\nrest",
        )
        .unwrap();
        let document = Document {
            images: vec![
                ImageData {
                    name: "word/media/image1.png".into(),
                    extension: "png".into(),
                    bytes: b"png".to_vec(),
                },
                ImageData {
                    name: "word/media/image2.emf".into(),
                    extension: "emf".into(),
                    bytes: b"emf".to_vec(),
                },
            ],
            ..Document::default()
        };
        let blocks = vec![
            image(ImageSource::Embedded(0)),
            image(ImageSource::Embedded(0)),
            image(ImageSource::Embedded(1)),
            image(ImageSource::External("https://example.org/a.png".into())),
            image(ImageSource::External("Letter_files/seal.png".into())),
            image(ImageSource::External("../../etc/passwd".into())),
        ];
        let (placed, files) = place(&blocks, &document, "letter", dir.path());
        let results: Vec<String> = placed
            .iter()
            .map(|p| p.file.clone().unwrap_or_else(|e| e))
            .collect();
        assert_eq!(results[0], "letter-image-1.png");
        assert_eq!(results[1], "letter-image-1.png");
        assert!(results[2].contains("emf format"), "{}", results[2]);
        assert!(results[3].contains("never fetched"), "{}", results[3]);
        assert_eq!(results[4], "letter-image-2.png");
        assert!(
            results[5].contains("outside the page's folder"),
            "{}",
            results[5]
        );
        assert_eq!(files.len(), 2);
    }
}
