//! The web edition's templates: each built-in one, or the house's own (a file inside the
//! house folder named in `[web]`), rendered by minijinja with HTML autoescape; an error
//! names the template's file and line.

use std::path::PathBuf;

use minijinja::{Environment, Value};
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::letter::house::House;
use crate::paths::{display_path, io_reason};

/// A built-in template and what it makes, for its errors.
pub struct Builtin {
    /// The name it is known by, and ejected as (`web.html`).
    pub name: &'static str,
    /// Its text.
    pub text: &'static str,
    /// The `[web]` key by which a house gives its own instead.
    pub key: &'static str,
    /// What it makes ("web page", "index page").
    pub what: &'static str,
}

/// The house's own template (canonical, inside the house folder) that `written` names,
/// if it exists.
pub fn house_file(house: &House, written: &Spanned<String>) -> Option<PathBuf> {
    let path = house.dir.join(written.get_ref().trim_start_matches('/'));
    path.canonicalize()
        .ok()
        .filter(|p| p.starts_with(&house.dir))
}

/// The template's name (as shown in its errors) and text: the house's, where it names
/// one (`written`, a file inside the house folder), else the built-in one.
pub fn source(
    builtin: &Builtin,
    house: Option<&House>,
    written: Option<&Spanned<String>>,
) -> Result<(String, String), Diagnostics> {
    let (Some(house), Some(written)) = (house, written) else {
        return Ok((builtin.name.to_string(), builtin.text.to_string()));
    };
    let inside = house_file(house, written);
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
                format!(
                    "the {} template `{}` {why}",
                    builtin.what,
                    written.get_ref()
                ),
            )
            .at(&house.file, written.span())
            .hint(format!(
                "give `{}` a path relative to missive.toml (`missive template eject` writes `{}`)",
                builtin.key, builtin.name
            ));
            Err(vec![diagnostic])
        }
    }
}

/// The template `source` (named `name`) filled with `data`, autoescaped as HTML.
pub fn render(
    builtin: &Builtin,
    (name, source): (String, String),
    data: Value,
) -> Result<Vec<u8>, Diagnostics> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_template_owned(name.clone(), source)
        .and_then(|()| env.get_template(&name)?.render(data))
        .map(String::into_bytes)
        .map_err(|err| vec![error(builtin, &err)])
}

/// A template's error, at its file and line.
fn error(builtin: &Builtin, err: &minijinja::Error) -> Diagnostic {
    let place = match (err.name(), err.line()) {
        (Some(name), Some(line)) => format!("{name}:{line}: "),
        (Some(name), None) => format!("{name}: "),
        _ => String::new(),
    };
    let detail = err.detail().map(|d| format!(": {d}")).unwrap_or_default();
    Diagnostic::error(
        codes::TEMPLATE_ERROR,
        format!(
            "{place}the {} template failed: {}{detail}",
            builtin.what,
            err.kind()
        ),
    )
    .hint(format!(
        "fix the template at that line (`missive template eject` writes the built-in `{}` to start from)",
        builtin.name
    ))
}
