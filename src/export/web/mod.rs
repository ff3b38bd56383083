//! The web edition: a letter as one self-contained, accessible HTML page (or only its
//! `<article>`, for pasting into a CMS), written from the same data as the PDF — the
//! template's data ([`crate::typeset::schema`]) and the body's tree — by a minijinja
//! template with HTML autoescape. No script, no request: the styles are inline and the
//! logo and images are `data:` addresses. Signature images are left out unless the
//! house asks for them (`[web] signatures = true`): a scanned signature on a public page
//! helps forgers.

pub mod body;
mod fonts;
pub mod index;
pub mod template;

use std::path::PathBuf;

use base64::Engine as _;
use minijinja::{Value, context};

use crate::diagnostic::Diagnostics;
use crate::letter::Letter;
use crate::letter::house::House;
use crate::typeset::Prepared;
use template::Builtin;

/// The built-in page template, ejected as `web.html`; a house's own in `[web] template`.
pub const PAGE: Builtin = Builtin {
    name: "web.html",
    text: include_str!("../../../templates/web.html"),
    key: "template",
    what: "web page",
};

/// The built-in archive index template, ejected as `index.html`; a house's own in
/// `[web] index_template`.
pub const INDEX: Builtin = Builtin {
    name: "index.html",
    text: include_str!("../../../templates/index.html"),
    key: "index_template",
    what: "index page",
};

/// The letter's web page, its images taken from `files` (project paths and bytes of the
/// files read while typesetting); only the `<article>` with `fragment`.
pub fn page(
    prepared: &Prepared,
    files: &[(String, Vec<u8>)],
    fragment: bool,
) -> Result<Vec<u8>, Diagnostics> {
    let image = |path: &str| data_address(path, files);
    let tree = &prepared.body.tree;
    let notes: Vec<Value> = (tree.notes.iter().enumerate())
        .map(|(i, content)| {
            let html = body::note(i + 1, content, &image);
            context! { number => i + 1, html => Value::from_safe_string(html) }
        })
        .collect();
    let logo = (prepared.data.letterhead.logo.as_deref()).and_then(image);
    // Signature images only where the house asks for them.
    let house_web = prepared.letter.house.as_ref().map(|h| &h.config.web);
    let with_signatures = house_web.and_then(|web| web.signatures) == Some(true);
    let signatures: Vec<Option<String>> = (prepared.data.signatories.iter())
        .map(|s| {
            s.signature
                .as_deref()
                .filter(|_| with_signatures)
                .and_then(image)
        })
        .collect();
    let data = context! {
        letter => Value::from_serialize(&prepared.data),
        body => Value::from_safe_string(body::blocks(&tree.nodes, &image)),
        notes => notes,
        logo => logo,
        signatures => signatures,
        fragment => fragment,
        fonts => fonts::stacks(),
    };
    let house = prepared.letter.house.as_ref();
    let written = house.and_then(|h| h.config.web.template.as_ref());
    let source = template::source(&PAGE, house, written)?;
    template::render(&PAGE, source, data)
}

/// The house's own page template (canonical, inside the house folder), if it names one
/// that exists: a file the page depends on, which `watch` watches.
pub fn template_file(letter: &Letter) -> Option<PathBuf> {
    let house = letter.house.as_ref()?;
    template::house_file(house, house.config.web.template.as_ref()?)
}

/// A project file as a `data:` address, if it was read and is an image a page can show.
fn data_address(path: &str, files: &[(String, Vec<u8>)]) -> Option<String> {
    let (_, bytes) = files.iter().find(|(p, _)| p == path)?;
    image_address(path, bytes)
}

/// The house's logo as a `data:` address, if it names an image inside its folder that
/// can be read (for the pages that are not a letter's, such as the archive index).
fn house_image(house: &House) -> Option<String> {
    let written = house.config.letterhead.logo.as_ref()?;
    let bytes = std::fs::read(template::house_file(house, written)?).ok()?;
    image_address(written.get_ref(), &bytes)
}

/// An image's bytes as a `data:` address, its type from its name's extension; `None`
/// if it is not an image a page can show.
fn image_address(name: &str, bytes: &[u8]) -> Option<String> {
    let extension = name.rsplit('.').next()?.to_ascii_lowercase();
    let mime = match extension.as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => return None,
    };
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    Some(format!("data:{mime};base64,{encoded}"))
}
