//! The web edition: a letter as one self-contained, accessible HTML page (or only its
//! `<article>`, for pasting into a CMS), written from the same data as the PDF — the
//! template's data ([`crate::typeset::schema`]) and the body's tree — by a minijinja
//! template with HTML autoescape. No script, no request: the styles are inline and the
//! logo and images are `data:` addresses. Signature images are left out unless the
//! house asks for them (`[web] signatures = true`): a scanned signature on a public page
//! helps forgers.

pub mod body;

use std::path::PathBuf;

use base64::Engine as _;
use minijinja::{Environment, Value, context};

use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::letter::Letter;
use crate::paths::{display_path, io_reason};
use crate::typeset::Prepared;

/// The built-in page template.
pub const TEMPLATE: &str = include_str!("../../../templates/web.html");

/// The name the built-in template is known by (and ejected as).
pub const TEMPLATE_NAME: &str = "web.html";

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
    };
    let (name, source) = template(prepared)?;
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_template_owned(name.clone(), source)
        .and_then(|()| env.get_template(&name)?.render(data))
        .map(String::into_bytes)
        .map_err(|err| vec![template_error(&err)])
}

/// The page template's name (as shown in its errors) and text: the house's `[web]
/// template`, which must be a file inside the house folder, or the built-in one.
fn template(prepared: &Prepared) -> Result<(String, String), Diagnostics> {
    let house = prepared.letter.house.as_ref();
    let Some((house, written)) = house.and_then(|h| Some((h, h.config.web.template.as_ref()?)))
    else {
        return Ok((TEMPLATE_NAME.to_string(), TEMPLATE.to_string()));
    };
    let path = house.dir.join(written.get_ref().trim_start_matches('/'));
    let inside = path
        .canonicalize()
        .ok()
        .filter(|p| p.starts_with(&house.dir));
    let text = inside.as_ref().map(|p| (p, std::fs::read_to_string(p)));
    match text {
        Some((path, Ok(text))) => Ok((display_path(path), text)),
        failed => {
            let why = match failed {
                Some((_, Err(err))) => format!("cannot be read: {}", io_reason(&err)),
                _ => "is not a file inside the house folder".to_string(),
            };
            let diagnostic = Diagnostic::error(
                codes::TEMPLATE_ERROR,
                format!("the web page template `{}` {why}", written.get_ref()),
            )
            .at(&house.file, written.span())
            .hint(
                "give a path relative to missive.toml (`missive template eject` writes `web.html`)",
            );
            Err(vec![diagnostic])
        }
    }
}

/// The house's own page template (canonical, inside the house folder), if it names one
/// that exists: a file the page depends on, which `watch` watches.
pub fn template_file(letter: &Letter) -> Option<PathBuf> {
    let house = letter.house.as_ref()?;
    let written = house.config.web.template.as_ref()?;
    let path = house.dir.join(written.get_ref().trim_start_matches('/'));
    path.canonicalize()
        .ok()
        .filter(|p| p.starts_with(&house.dir))
}

/// A template's error, at its file and line.
fn template_error(err: &minijinja::Error) -> Diagnostic {
    let place = match (err.name(), err.line()) {
        (Some(name), Some(line)) => format!("{name}:{line}: "),
        (Some(name), None) => format!("{name}: "),
        _ => String::new(),
    };
    let detail = err.detail().map(|d| format!(": {d}")).unwrap_or_default();
    Diagnostic::error(
        codes::TEMPLATE_ERROR,
        format!("{place}the web page template failed: {}{detail}", err.kind()),
    )
    .hint("fix the template at that line (`missive template eject` writes the built-in one to start from)")
}

/// A project file as a `data:` address, if it was read and is an image a page can show.
fn data_address(path: &str, files: &[(String, Vec<u8>)]) -> Option<String> {
    let (_, bytes) = files.iter().find(|(p, _)| p == path)?;
    let extension = path.rsplit('.').next()?.to_ascii_lowercase();
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
