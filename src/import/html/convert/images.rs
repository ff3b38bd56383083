//! Images of a page: their bytes when the page carries them (a `data:` address, a part
//! of a saved MHTML page), else their address as written; tracking pixels left out.

use base64::Engine as _;

use super::Converter;
use crate::import::document::{self, Dropped, Image, ImageData, ImageSource};
use crate::import::html::dom::{self, Handle};

/// Largest image decoded from a `data:` address.
const MAX_DATA_IMAGE: usize = 16 << 20;

impl Converter<'_> {
    /// An image: its bytes when the page carries them (`data:`), else its address.
    pub(super) fn image(&mut self, node: &Handle) -> Option<Image> {
        let alt = dom::attr(node, "alt")
            .unwrap_or_default()
            .trim()
            .to_string();
        let src = ["src", "data-src", "data-lazy-src"]
            .iter()
            .find_map(|a| dom::attr(node, a))
            .map(str::trim)
            .filter(|s| !s.is_empty())?;
        if let Some(data) = src.strip_prefix("data:") {
            let (meta, payload) = data.split_once(',')?;
            if !meta.ends_with(";base64") || payload.len() > MAX_DATA_IMAGE * 4 / 3 + 4 {
                self.document.dropped.push(Dropped::new(
                    if alt.is_empty() { "image" } else { &alt },
                    "an image written into the page that is not base64 or too large",
                ));
                return None;
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(payload.trim())
                .ok()?;
            let name = format!("image {} of the page", self.document.images.len() + 1);
            return Some(self.embed(&name, bytes, alt));
        }
        let resolved = self.base.as_ref().and_then(|b| b.join(src).ok());
        let carried = self.resources.and_then(|r| {
            r.get(src)
                .or_else(|| resolved.as_ref().and_then(|u| r.get(u.as_str())))
        });
        if let Some(bytes) = carried {
            return Some(self.embed(src, bytes.clone(), alt));
        }
        // A relative address stays as written: a saved page keeps its images in a folder
        // beside it, not at the site's address.
        Some(Image {
            alt,
            source: ImageSource::External(src.to_string()),
        })
    }

    /// An image whose bytes the page carries.
    pub(super) fn embed(&mut self, name: &str, bytes: Vec<u8>, alt: String) -> Image {
        let index = self.document.images.len();
        self.document.images.push(ImageData {
            name: name.to_string(),
            extension: document::image_extension(name, &bytes),
            bytes,
        });
        Image {
            alt,
            source: ImageSource::Embedded(index),
        }
    }
}
