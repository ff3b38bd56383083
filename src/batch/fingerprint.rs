//! Content hashes for the incremental manifest: a letter's key is a hash of everything
//! that shapes its PDF (the source, the house file, the files Typst read under the root,
//! the built-in templates, the fonts and missive's version), so an unchanged key means an
//! unchanged PDF and the letter can be skipped without compiling it.
//!
//! SipHash-1-3 with 128 bits (the `siphasher` crate Typst already builds on) is a fixed,
//! specified algorithm: keys stay valid across runs, machines and Rust versions, which
//! `std`'s `DefaultHasher` does not promise.

use std::hash::Hasher as _;

use siphasher::sip128::{Hasher128 as _, SipHasher13};

use crate::export::{Format, pdf, web};
use crate::letter::copies::LetterCopy;
use crate::letter::standards::{embeds_sources, name as standard_name, parse_standards};
use crate::pipeline::Standards;
use crate::typeset::templates;
use crate::typeset::world::Environment;

/// A 128-bit content hash.
pub type Hash = u128;

/// Hashes a sequence of fields; each is length-prefixed so that no two different
/// sequences feed the hasher the same bytes.
#[derive(Default)]
pub struct Fields(SipHasher13);

impl Fields {
    /// Adds one field.
    pub fn field(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.write_u64(bytes.len() as u64);
        self.0.write(bytes);
        self
    }

    /// The hash of the fields added so far.
    pub fn finish(&self) -> Hash {
        self.0.finish128().as_u128()
    }
}

/// The hash of one file's content.
pub fn content(bytes: &[u8]) -> Hash {
    Fields::default().field(bytes).finish()
}

/// The hash of a house file as it shapes a letter's PDF. A plain PDF is made from the
/// house's values, so comments, layout and the `[import]` table (read only by `missive
/// import`) are left out: editing them re-renders nothing. A PDF that carries its sources
/// (PDF/A-3, A-4f) attaches the file itself, so there its bytes count.
pub fn house(text: &str, standards: &Standards) -> Hash {
    let Ok(mut values) = text.parse::<toml::Table>() else {
        return content(text.as_bytes());
    };
    if embeds(&values, standards) {
        return content(text.as_bytes());
    }
    values.remove("import");
    Fields::default()
        .field(b"house values")
        .field(values.to_string().as_bytes())
        .finish()
}

/// Whether the PDFs of a house's letters carry their sources, with `standards`.
fn embeds(house: &toml::Table, standards: &Standards) -> bool {
    match standards {
        Standards::Given(list) => embeds_sources(list),
        Standards::House => house
            .get("pdf_standard")
            .and_then(toml::Value::as_str)
            .and_then(|list| parse_standards(list).ok())
            .is_some_and(|list| embeds_sources(&list)),
    }
}

/// Whether the PDFs of the letters of the house file `text` (`None`: no house) carry
/// their sources, with `standards`.
pub fn embeds_sources_with(text: Option<&str>, standards: &Standards) -> bool {
    let house = text.and_then(|text| text.parse::<toml::Table>().ok());
    embeds(&house.unwrap_or_default(), standards)
}

/// The hash of what one personal copy adds to its letter: the list's header (a renamed
/// column changes every copy) and the row's values, not the rest of the list, so that a
/// changed row renders only its copy again. A PDF that carries its sources attaches the
/// whole list (`list`, its bytes) and names the copy's row, so there those count too.
pub fn copy(copy: &LetterCopy, list: Option<&[u8]>) -> Hash {
    let mut fields = Fields::default();
    fields.field(b"copy");
    let columns = &copy.recipients.list.columns;
    fields.field(&(columns.len() as u64).to_le_bytes());
    for column in columns {
        fields.field(column.as_bytes());
    }
    for value in &copy.row().values {
        fields.field(value.as_bytes());
    }
    if let Some(bytes) = list {
        fields
            .field(b"list")
            .field(bytes)
            .field(&(copy.row().number as u64).to_le_bytes());
    }
    fields.finish()
}

/// The key of one output of a letter whose inputs have key `inputs` (see
/// [`LetterInputs::key`]): its format, and for a web page the house's page template
/// (`template`, its hash), which only the page reads.
pub fn output(inputs: &str, format: Format, template: Option<Hash>) -> String {
    let mut fields = Fields::default();
    fields
        .field(inputs.as_bytes())
        .field(format!("{format:?}").as_bytes());
    if let Some(template) = template {
        fields
            .field(b"page template")
            .field(&template.to_le_bytes());
    }
    format!("{:032x}", fields.finish())
}

/// What every letter of a run shares: missive's and Typst's versions (as written into the
/// PDF), the PDF standards given on the command line (a house's own are in its file), the
/// built-in templates and every font face with its data.
pub fn environment(env: &Environment, standards: &Standards) -> Hash {
    let mut fields = Fields::default();
    fields.field(pdf::creator().as_bytes());
    match standards {
        Standards::Given(list) => {
            let names: Vec<&str> = list.iter().map(|s| standard_name(*s)).collect();
            fields
                .field(b"--pdf-standard")
                .field(names.join(",").as_bytes())
        }
        Standards::House => fields.field(b"house standards"),
    };
    for (name, text) in templates::FILES {
        fields.field(name.as_bytes()).field(text.as_bytes());
    }
    fields
        .field(web::PAGE.name.as_bytes())
        .field(web::PAGE.text.as_bytes());
    for face in env.faces() {
        fields
            .field(&face.font.index().to_le_bytes())
            .field(face.font.data().as_slice());
    }
    fields.finish()
}

/// The inputs of one letter, each already hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterInputs {
    /// The letter file's bytes.
    pub source: Hash,
    /// The text of its house file, if it has one.
    pub house: Option<Hash>,
    /// The files Typst read under the root (templates, images), by project path, sorted.
    pub files: Vec<(String, Hash)>,
    /// For a personal copy, what its row adds ([`copy`]).
    pub copy: Option<Hash>,
}

impl LetterInputs {
    /// The letter's key in an environment with hash `environment`, as 32 hex digits.
    pub fn key(&self, environment: Hash) -> String {
        let mut fields = Fields::default();
        fields
            .field(&environment.to_le_bytes())
            .field(&self.source.to_le_bytes());
        match self.house {
            Some(house) => fields.field(b"house").field(&house.to_le_bytes()),
            None => fields.field(b"no house"),
        };
        for (path, hash) in &self.files {
            fields.field(path.as_bytes()).field(&hash.to_le_bytes());
        }
        if let Some(copy) = self.copy {
            fields.field(b"copy").field(&copy.to_le_bytes());
        }
        format!("{:032x}", fields.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_length_prefixed() {
        let ab_c = Fields::default().field(b"ab").field(b"c").finish();
        let a_bc = Fields::default().field(b"a").field(b"bc").finish();
        assert_ne!(ab_c, a_bc);
        assert_eq!(content(b"letter"), content(b"letter"));
    }

    #[test]
    fn key_changes_with_every_input() {
        let inputs = LetterInputs {
            source: 1,
            house: Some(2),
            files: vec![("/t.typ".into(), 3)],
            copy: None,
        };
        let key = inputs.key(9);
        assert_eq!(key.len(), 32);
        assert_ne!(key, inputs.key(10));
        assert_ne!(
            key,
            LetterInputs {
                source: 4,
                ..inputs.clone()
            }
            .key(9)
        );
        assert_ne!(
            key,
            LetterInputs {
                house: None,
                ..inputs.clone()
            }
            .key(9)
        );
        assert_ne!(
            key,
            LetterInputs {
                files: vec![("/u.typ".into(), 3)],
                ..inputs.clone()
            }
            .key(9)
        );
        assert_ne!(
            key,
            LetterInputs {
                files: vec![("/t.typ".into(), 5)],
                ..inputs.clone()
            }
            .key(9)
        );
        assert_ne!(
            key,
            LetterInputs {
                copy: Some(6),
                ..inputs.clone()
            }
            .key(9)
        );
        assert_ne!(
            output(&key, Format::Pdf, None),
            output(&key, Format::Html, None)
        );
        assert_ne!(
            output(&key, Format::Html, None),
            output(&key, Format::Html, Some(1))
        );
    }
}
