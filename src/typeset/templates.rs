//! The built-in templates, embedded from `templates/`, and the choice of template a
//! letter makes (a built-in name or a `.typ` file under its root).

/// Project folder where the built-in template files are served.
pub const BUILTIN_DIR: &str = "/missive";

/// A built-in template.
#[derive(Debug)]
pub struct Builtin {
    /// Its name in `template = "…"`.
    pub name: &'static str,
    /// Its entry file among [`FILES`].
    pub entry: &'static str,
    /// One line for listings.
    pub description: &'static str,
}

/// The built-in templates.
pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "house",
        entry: "house.typ",
        description: "letterhead, addressees, body, signatures in columns, endnotes",
    },
    Builtin {
        name: "coalition",
        entry: "coalition.typ",
        description: "the house layout with co-signers in three balanced columns",
    },
];

/// Every file of the built-in templates, as (file name, text).
pub const FILES: &[(&str, &str)] = &[
    ("house.typ", include_str!("../../templates/house.typ")),
    (
        "coalition.typ",
        include_str!("../../templates/coalition.typ"),
    ),
];

/// The template a letter uses.
#[derive(Debug, Clone)]
pub enum Template {
    /// A built-in template.
    Builtin(&'static Builtin),
    /// A template file under the letter's root, as a project path.
    File(String),
}

impl Template {
    /// The project path of the template's entry file, which `main.typ` imports.
    pub fn entry_path(&self) -> String {
        match self {
            Template::Builtin(builtin) => format!("{BUILTIN_DIR}/{}", builtin.entry),
            Template::File(path) => path.clone(),
        }
    }
}

/// The built-in template called `name`.
pub fn builtin(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}

/// Whether a `template` value is a path rather than a built-in name.
pub fn is_path(value: &str) -> bool {
    value.ends_with(".typ") || value.contains('/')
}

/// The text of a built-in template file, by project path (`/missive/house.typ`).
pub fn builtin_file(project_path: &str) -> Option<&'static str> {
    let name = project_path.strip_prefix(BUILTIN_DIR)?.strip_prefix('/')?;
    FILES
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, text)| *text)
}

/// Writes the built-in template files into `dir`, refusing to overwrite any file.
pub fn eject(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>, String> {
    let paths: Vec<std::path::PathBuf> = FILES.iter().map(|(name, _)| dir.join(name)).collect();
    if let Some(existing) = paths.iter().find(|p| p.exists()) {
        return Err(format!(
            "{} already exists; eject never overwrites a file",
            existing.display()
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (path, (_, text)) in paths.iter().zip(FILES) {
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(paths)
}
