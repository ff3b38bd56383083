//! The keys a TOML table may hold, derived from the struct it is read into: a struct
//! declared with [`toml_table!`] lists its fields as [`Key`]s, each with the [`Shape`]
//! of its type, so that no key can be added to a struct and forgotten in the check.
//!
//! The check reports every unknown key at its line and column, with the known key it
//! was probably meant to be ("did you mean …?"), and keys that TOML put in a table
//! because they follow its header.

use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, codes};

/// What a key of a TOML table holds, for the unknown-key check.
#[derive(Debug)]
pub enum Shape {
    /// A plain value (string, date, array of strings, …); not looked into.
    Value,
    /// A table whose keys are listed.
    Table(&'static [Key]),
    /// An array of tables (`[[to]]`) whose keys are listed.
    Tables(&'static [Key]),
}

/// A known key and the shape of its value.
#[derive(Debug)]
pub struct Key(pub &'static str, pub Shape);

/// A struct read from a TOML table: its keys, one per field ([`toml_table!`]).
pub trait Table {
    /// The keys, in the order of the fields.
    const KEYS: &'static [Key];
}

/// The type of a field of a [`Table`]: what its key holds.
pub trait Field {
    /// The shape of the key's value.
    const SHAPE: Shape;
}

/// A type whose list is a field's type: a value (a list of strings is a value) or a
/// table (a list of tables is an array of tables).
pub trait Element {
    /// The shape of a list of it.
    const LIST: Shape;
}

macro_rules! plain_values {
    ($($ty:ty),*) => {$(
        impl Field for $ty {
            const SHAPE: Shape = Shape::Value;
        }
        impl Element for $ty {
            const LIST: Shape = Shape::Value;
        }
    )*};
}
plain_values!(String, bool, Datetime, toml::Value);

impl<T: Field> Field for Option<T> {
    const SHAPE: Shape = T::SHAPE;
}

impl<T: Field> Field for Spanned<T> {
    const SHAPE: Shape = T::SHAPE;
}

impl<T: Element> Field for Vec<T> {
    const SHAPE: Shape = T::LIST;
}

/// Declares a struct read from a TOML table, with its [`Table::KEYS`] made from its
/// fields (their names and types), so that its keys are written once. Every field is
/// `pub`; attributes and doc comments are kept as written.
macro_rules! toml_table {
    (
        $(#[$attr:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_attr:meta])*
                pub $field:ident: $ty:ty,
            )*
        }
    ) => {
        $(#[$attr])*
        pub struct $name {
            $(
                $(#[$field_attr])*
                pub $field: $ty,
            )*
        }

        impl $crate::letter::keys::Table for $name {
            const KEYS: &'static [$crate::letter::keys::Key] = &[$(
                $crate::letter::keys::Key(
                    stringify!($field),
                    <$ty as $crate::letter::keys::Field>::SHAPE,
                ),
            )*];
        }

        impl $crate::letter::keys::Field for $name {
            const SHAPE: $crate::letter::keys::Shape =
                $crate::letter::keys::Shape::Table(<$name as $crate::letter::keys::Table>::KEYS);
        }

        impl $crate::letter::keys::Element for $name {
            const LIST: $crate::letter::keys::Shape =
                $crate::letter::keys::Shape::Tables(<$name as $crate::letter::keys::Table>::KEYS);
        }
    };
}
pub(crate) use toml_table;

/// Where a table's TOML is: its file, the offset of the TOML in it, and what it is called
/// in messages ("front matter", "house file").
pub struct Origin<'a> {
    /// The whole file.
    pub file: &'a Arc<SourceText>,
    /// Where the TOML starts in it.
    pub offset: usize,
    /// What the TOML is called.
    pub what: &'a str,
}

impl Origin<'_> {
    fn at(&self, span: Range<usize>) -> Range<usize> {
        self.offset + span.start..self.offset + span.end
    }
}

/// Every key of `table` that `keys` does not know, as an error at its place.
pub fn check(origin: &Origin, table: &DeTable, keys: &[Key]) -> Diagnostics {
    let mut problems = Vec::new();
    check_table(origin, table, keys, keys, "", &mut problems);
    problems
}

fn check_table(
    origin: &Origin,
    table: &DeTable,
    schema: &[Key],
    top: &[Key],
    prefix: &str,
    out: &mut Diagnostics,
) {
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        let path = join_path(prefix, name);
        match schema.iter().find(|k| k.0 == name) {
            None => {
                let top_level = !prefix.is_empty() && top.iter().any(|k| k.0 == name);
                let code = if top_level {
                    codes::KEY_BELOW_TABLE
                } else {
                    codes::UNKNOWN_KEY
                };
                let mut diagnostic =
                    Diagnostic::error(code, format!("unknown key `{path}` in the {}", origin.what))
                        .at(origin.file, origin.at(key.span()));
                diagnostic = match nearest(name, schema) {
                    _ if top_level => diagnostic.hint(format!(
                        "`{name}` is a top-level key, but it follows a `[{}]` header, so TOML puts it in that table; \
                         move it above the first `[…]` or `[[…]]` header",
                        prefix.split('[').next().unwrap_or(prefix)
                    )),
                    Some(best) => diagnostic.hint(format!("did you mean `{}`?", join_path(prefix, best))),
                    None => diagnostic.hint(format!(
                        "known keys here: {}",
                        schema.iter().map(|k| k.0).collect::<Vec<_>>().join(", ")
                    )),
                };
                out.push(diagnostic);
            }
            Some(Key(_, Shape::Value)) => {}
            Some(Key(_, Shape::Table(keys))) => match value.get_ref() {
                DeValue::Table(inner) => check_table(origin, inner, keys, top, &path, out),
                _ => out.push(
                    Diagnostic::error(codes::WRONG_TYPE, format!("`{path}` must be a table"))
                        .at(origin.file, origin.at(value.span()))
                        .hint(format!(
                            "write it as a `[{path}]` section with its own keys"
                        )),
                ),
            },
            Some(Key(_, Shape::Tables(keys))) => match value.get_ref() {
                DeValue::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let item_path = format!("{path}[{}]", i + 1);
                        match item.get_ref() {
                            DeValue::Table(inner) => {
                                check_table(origin, inner, keys, top, &item_path, out)
                            }
                            _ => out.push(
                                Diagnostic::error(
                                    codes::WRONG_TYPE,
                                    format!("`{item_path}` must be a table"),
                                )
                                .at(origin.file, origin.at(item.span()))
                                .hint(format!("write each entry as a `[[{path}]]` section")),
                            ),
                        }
                    }
                }
                _ => out.push(
                    Diagnostic::error(
                        codes::WRONG_TYPE,
                        format!("`{path}` must be a list of tables"),
                    )
                    .at(origin.file, origin.at(value.span()))
                    .hint(format!("write each entry as a `[[{path}]]` section")),
                ),
            },
        }
    }
}

/// `prefix.name`, or `name` at the top.
pub(super) fn join_path(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

/// The known key closest to a misspelt one, if any is close enough.
fn nearest<'k>(name: &str, schema: &'k [Key]) -> Option<&'k str> {
    schema
        .iter()
        .map(|k| (strsim::jaro_winkler(&name.to_lowercase(), k.0), k.0))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, key)| key)
}
