//! The built-in templates, embedded from `templates/`: their names, entry files and text.

use crate::letter::Template;

/// Project folder where the built-in template files are served.
pub const BUILTIN_DIR: &str = "/missive";

/// Every file of the built-in templates, as (file name, text).
pub const FILES: &[(&str, &str)] = &[
    ("house.typ", include_str!("../../templates/house.typ")),
    (
        "coalition.typ",
        include_str!("../../templates/coalition.typ"),
    ),
];

/// The built-in templates, by the name a letter gives in `template = "…"`; the entry
/// file of each is `NAME.typ` among [`FILES`].
pub const NAMES: &[&str] = &["house", "coalition"];

/// The project path of the entry file of the template a letter uses, which `main.typ`
/// imports.
pub fn entry_path(template: &Template) -> String {
    match template {
        Template::Builtin(name) => format!("{BUILTIN_DIR}/{name}.typ"),
        Template::File(path) => path.clone(),
    }
}

/// The text of a built-in template file, by project path (`/missive/house.typ`).
pub fn builtin_file(project_path: &str) -> Option<&'static str> {
    let name = project_path.strip_prefix(BUILTIN_DIR)?.strip_prefix('/')?;
    FILES
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_has_its_entry_file() {
        for name in NAMES {
            let entry = entry_path(&Template::Builtin(name));
            assert!(builtin_file(&entry).is_some(), "{entry} is not among FILES");
        }
    }
}
