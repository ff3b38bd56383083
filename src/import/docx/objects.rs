//! What a run holds besides text: drawings and VML pictures (images with their
//! description, read once from the package), text boxes (their paragraphs placed after
//! the paragraph), charts, diagrams and embedded objects (left out and recorded), and
//! symbol-font characters.

use roxmltree::Node;

use super::reader::Reader;
use super::xml::{attr, descendants_named, rel_attr};
use crate::import::document::{self, Dropped, Image, ImageData, ImageSource, Inline};

impl Reader<'_> {
    /// `w:sym`: a character from a symbol font. Characters in the fonts' private range
    /// have no meaning without the font and are left out.
    pub(super) fn symbol(&mut self, node: Node, pieces: &mut Vec<Inline>) {
        let code = attr(node, "char").and_then(|c| u32::from_str_radix(c, 16).ok());
        match code.and_then(char::from_u32) {
            Some(c) if !(0xe000..=0xf8ff).contains(&(c as u32)) => {
                pieces.push(Inline::Text(c.to_string()));
            }
            _ => self.document.dropped.push(Dropped::new(
                attr(node, "font").unwrap_or("symbol"),
                "a symbol-font character with no Unicode meaning",
            )),
        }
    }

    /// A drawing, VML picture or embedded object: its image (with its description), the
    /// paragraphs of its text boxes (placed after the paragraph), or a record of what is
    /// left out (charts, diagrams, embedded files).
    pub(super) fn object(&mut self, node: Node, pieces: &mut Vec<Inline>) {
        let boxes: Vec<Node> = descendants_named(node, "txbxContent")
            .filter(|b| {
                !b.ancestors()
                    .skip(1)
                    .take_while(|a| *a != node)
                    .any(|a| a.tag_name().name() == "txbxContent")
            })
            .collect();
        for text_box in boxes {
            let blocks = self.isolated_blocks(text_box);
            self.floating.extend(blocks);
        }
        let alt = descendants_named(node, "docPr")
            .next()
            .and_then(|d| d.attribute("descr").or(d.attribute("title")))
            .or_else(|| descendants_named(node, "shape").find_map(|s| s.attribute("alt")))
            .or_else(|| {
                descendants_named(node, "imagedata").find_map(|i| {
                    i.attributes()
                        .find(|a| a.name() == "title")
                        .map(|a| a.value())
                })
            })
            .unwrap_or_default()
            .trim()
            .to_string();
        let blip = descendants_named(node, "blip").next();
        let reference = blip
            .and_then(|b| rel_attr(b, "embed").or(rel_attr(b, "link")))
            .or_else(|| descendants_named(node, "imagedata").find_map(|i| rel_attr(i, "id")));
        if node.tag_name().name() == "object" {
            self.document.dropped.push(Dropped::new(
                if alt.is_empty() {
                    "embedded object"
                } else {
                    &alt
                },
                "an embedded object (OLE: a spreadsheet, a file) is not read",
            ));
            return;
        }
        if let Some(id) = reference {
            if let Some(image) = self.image(id, alt) {
                pieces.push(Inline::Image(image));
            }
        } else if descendants_named(node, "graphicData").any(|g| {
            g.attribute("uri")
                .is_some_and(|u| u.contains("chart") || u.contains("diagram"))
        }) {
            self.document.dropped.push(Dropped::new(
                if alt.is_empty() { "chart" } else { &alt },
                "a chart or SmartArt diagram (only pictures are read)",
            ));
        }
    }

    /// The image a relationship points to: read once from the package, or an address.
    pub(super) fn image(&mut self, id: &str, alt: String) -> Option<Image> {
        let rel = self.rels.get(id)?.clone();
        if rel.external {
            return Some(Image {
                alt,
                source: ImageSource::External(rel.target),
            });
        }
        if let Some(&index) = self.images.get(&rel.target) {
            return Some(Image {
                alt,
                source: ImageSource::Embedded(index),
            });
        }
        let bytes = match self.package.read(&rel.target) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                self.document.dropped.push(Dropped::new(
                    &rel.target,
                    "an image the file references but does not contain",
                ));
                return None;
            }
            Err(refusal) => {
                self.refusal.get_or_insert(refusal);
                return None;
            }
        };
        let index = self.document.images.len();
        self.document.images.push(ImageData {
            extension: document::image_extension(&rel.target, &bytes),
            name: rel.target.clone(),
            bytes,
        });
        self.images.insert(rel.target, index);
        Some(Image {
            alt,
            source: ImageSource::Embedded(index),
        })
    }
}
