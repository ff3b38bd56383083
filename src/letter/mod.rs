//! A letter read, merged with its house and checked: everything `missive check` checks
//! before Typst runs, except the conversion of the body (in [`crate::typeset`]). No
//! Typst code is written here and nothing is laid out.
//!
//! [`read`] collects every problem it can before giving up: a letter that reads and
//! parses becomes a [`Merged`] with its problems so far, the body's problems are added to
//! them, and [`Merged::finish`] makes it a [`Letter`] if none of them is an error.

pub mod assets;
pub mod copies;
pub mod fields;
pub mod front_matter;
pub mod house;
pub mod json_schema;
pub mod keys;
pub mod limits;
mod merge;
pub mod recipients;
pub mod scaffold;
pub mod source;
pub mod standards;
pub mod toml_input;
pub mod window;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::diagnostic::{Cause, Diagnostic, Diagnostics, codes, has_errors};
use crate::i18n::Lang;
use crate::paths;
use assets::IMAGE_EXTENSIONS;
use copies::LetterCopy;
use front_matter::{FrontMatter, Letterhead, Paper};
use house::House;
use merge::Checker;
pub use merge::Template;
use source::LetterSource;
use toml_input::Fragment;
use window::Window;

/// A checked letter, its body not yet converted.
#[derive(Debug)]
pub struct Letter {
    /// The source file, split.
    pub source: LetterSource,
    /// The letter's folder (canonical).
    pub dir: PathBuf,
    /// The folder all of the letter's files must lie in (the house folder, canonical).
    pub root: PathBuf,
    /// The house the letter belongs to, if any.
    pub house: Option<House>,
    /// The front matter as written.
    pub front: FrontMatter,
    /// The letter's date.
    pub date: NaiveDate,
    /// Its language.
    pub lang: Lang,
    /// Its paper size (the letter's, else the house's, else A4).
    pub paper: Paper,
    /// Its closing (the letter's, else the house's).
    pub closing: Option<String>,
    /// Whether its punctuation is set typographically (`smart_punctuation`: the
    /// letter's, else the house's, else on).
    pub smart_punctuation: bool,
    /// The window envelope it is posted in (the letter's `window`, else the house's).
    pub window: Option<Window>,
    /// The return address line in the window (the letter's, else the house's).
    pub return_address: Option<String>,
    /// The letterhead: the letter's keys over the house's, the logo a project path.
    pub letterhead: Letterhead,
    /// The project path of each signatory's signature image, in order.
    pub signatures: Vec<Option<String>>,
    /// The template that typesets it.
    pub template: Template,
    /// The personal copy it is, for a letter with `recipients`.
    pub copy: Option<LetterCopy>,
    /// Warnings found while checking.
    pub warnings: Diagnostics,
}

impl Letter {
    /// Why the letter cannot go out as final (`missive check --final`): it says
    /// `draft = true`.
    pub fn draft_problem(&self) -> Option<Diagnostic> {
        let draft = self.front.draft.as_ref().filter(|d| *d.get_ref())?;
        let offset = self.source.front.start;
        let span = draft.span();
        Some(
            Diagnostic::error(
                codes::DRAFT_NOT_FINAL,
                "the letter is a draft (`draft = true`)",
            )
            .at(&self.source.file, offset + span.start..offset + span.end)
            .hint("remove `draft = true` (or set it to `false`) when the letter is final"),
        )
    }
}

/// A letter read and merged with its house, with the problems found so far.
#[derive(Debug)]
pub struct Merged {
    /// The source file, split.
    pub source: LetterSource,
    /// Every problem found so far; add the body's before [`Merged::finish`].
    pub problems: Diagnostics,
    dir: PathBuf,
    root: PathBuf,
    house: Option<House>,
    front: FrontMatter,
    date: Option<NaiveDate>,
    lang: Option<Lang>,
    template: Option<Template>,
    paper: Paper,
    closing: Option<String>,
    smart_punctuation: bool,
    window: Option<Window>,
    return_address: Option<String>,
    letterhead: Letterhead,
    signatures: Vec<Option<String>>,
    copy: Option<LetterCopy>,
}

impl Merged {
    /// The house the letter belongs to, if any.
    pub fn house(&self) -> Option<&House> {
        self.house.as_ref()
    }

    /// Resolves an image path written in the body to a project path.
    pub fn resolve_image(&self, written: &str) -> Result<String, Cause> {
        assets::resolve(&self.root, &self.dir, written, IMAGE_EXTENSIONS)
    }

    /// The letter's language (`None` if its `lang` was refused) and whether its
    /// punctuation is set typographically: what the conversion of its body needs.
    pub fn text_style(&self) -> (Option<&Lang>, bool) {
        (self.lang.as_ref(), self.smart_punctuation)
    }

    /// The personal copy the letter is read as, if it is one.
    pub fn copy(&self) -> Option<&LetterCopy> {
        self.copy.as_ref()
    }

    /// The checked letter, or every problem if one of them is an error.
    pub fn finish(self) -> Result<Letter, Diagnostics> {
        let problems = self.problems;
        let (Some(date), Some(lang), Some(template)) = (self.date, self.lang, self.template) else {
            return Err(problems);
        };
        if has_errors(&problems) {
            return Err(problems);
        }
        Ok(Letter {
            source: self.source,
            dir: self.dir,
            root: self.root,
            house: self.house,
            front: self.front,
            date,
            lang,
            paper: self.paper,
            closing: self.closing,
            smart_punctuation: self.smart_punctuation,
            window: self.window,
            return_address: self.return_address,
            letterhead: self.letterhead,
            signatures: self.signatures,
            copy: self.copy,
            warnings: problems,
            template,
        })
    }
}

/// A letter file read and its front matter parsed, before any check.
pub struct Parsed {
    /// The source file, split.
    pub source: LetterSource,
    /// The letter's folder (canonical).
    pub dir: PathBuf,
    /// The folder all of its files must lie in.
    pub root: PathBuf,
    house: Option<House>,
    /// The front matter as written.
    pub front: FrontMatter,
}

/// Reads the letter at `path`, finds its house and parses its front matter.
pub fn parse(path: &Path) -> Result<Parsed, Diagnostics> {
    let source = source::read(path)?;
    let dir = paths::canonical_folder_of(path)?;
    let house = house::find(&dir)?;
    let root = house
        .as_ref()
        .map_or_else(|| dir.clone(), |h| h.dir.clone());
    let fragment = Fragment {
        file: &source.file,
        range: source.front.clone(),
        what: "front matter",
    };
    let front = fragment.parse::<FrontMatter>()?.without_blank_texts();
    Ok(Parsed {
        source,
        dir,
        root,
        house,
        front,
    })
}

/// Reads the letter at `path` and merges it with its house; `builtins` are the names of
/// the built-in templates it may choose; `copy`, for a letter with `recipients`, the row
/// it is read for (its values fill the fields). `Err` when it cannot be read or parsed.
pub fn read(
    path: &Path,
    builtins: &[&'static str],
    copy: Option<&LetterCopy>,
) -> Result<Merged, Diagnostics> {
    let Parsed {
        source,
        dir,
        root,
        house,
        front,
    } = parse(path)?;
    let mut front = front;
    let mut copy_problems = Vec::new();
    match copy {
        Some(copy) => {
            front = copy.apply(front);
            copy_problems = copy.problems();
        }
        None if front.recipients.is_some() => {
            copy_problems.push(copies::needs_copy(&source, &front))
        }
        None => {}
    }
    let mut checker = Checker::new(&source, &dir, &root, house.as_ref());
    let date = checker.date(front.date.as_ref());
    let lang = checker.lang(front.lang.as_ref());
    let template = checker.template(front.template.as_ref(), builtins);
    let paper = front
        .paper
        .or(house.as_ref().and_then(|h| h.config.paper))
        .unwrap_or(Paper::A4);
    let closing = front
        .closing
        .clone()
        .or_else(|| house.as_ref().and_then(|h| h.config.closing.clone()));
    let smart_punctuation = front
        .smart_punctuation
        .or(house.as_ref().and_then(|h| h.config.smart_punctuation))
        .unwrap_or(true);
    let window = checker.window(front.window.as_ref(), paper);
    let return_address = front
        .return_address
        .clone()
        .or_else(|| house.as_ref().and_then(|h| h.config.return_address.clone()));
    let letterhead = checker.letterhead(&front.letterhead);
    let signatures = checker.signatories(&front.signatories);
    let mut problems = copy_problems;
    problems.extend(checker.problems);
    Ok(Merged {
        source,
        problems,
        dir,
        root,
        house,
        front,
        date,
        lang,
        template,
        paper,
        closing,
        smart_punctuation,
        window,
        return_address,
        letterhead,
        signatures,
        copy: copy.cloned(),
    })
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use serde::de::{self, Deserialize, Visitor};

    use super::front_matter::{Addressee, Cosigner, FrontMatter, Letterhead, Signatory};
    use super::house::{HouseConfig, ImportRules, LabelWords};
    use super::keys::{Key, Shape, Table};
    use super::limits::LimitsTable;

    /// A deserializer that only records the field names serde asks a struct for.
    struct FieldNames<'a>(&'a Cell<&'static [&'static str]>);

    impl<'de> de::Deserializer<'de> for FieldNames<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(fields);
            Err(de::Error::custom("fields recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }

    /// The names serde reads a struct's fields by.
    fn serde_names<T: for<'de> Deserialize<'de>>() -> Vec<&'static str> {
        let fields = Cell::new(&[][..]);
        let _ = T::deserialize(FieldNames(&fields));
        fields.get().to_vec()
    }

    fn names<T: Table>() -> Vec<&'static str> {
        T::KEYS.iter().map(|key| key.0).collect()
    }

    #[test]
    fn keys_are_the_names_serde_reads() {
        assert_eq!(names::<FrontMatter>(), serde_names::<FrontMatter>());
        assert_eq!(names::<Addressee>(), serde_names::<Addressee>());
        assert_eq!(names::<Signatory>(), serde_names::<Signatory>());
        assert_eq!(names::<Cosigner>(), serde_names::<Cosigner>());
        assert_eq!(names::<Letterhead>(), serde_names::<Letterhead>());
        assert_eq!(names::<HouseConfig>(), serde_names::<HouseConfig>());
        assert_eq!(names::<ImportRules>(), serde_names::<ImportRules>());
        assert_eq!(names::<LabelWords>(), serde_names::<LabelWords>());
        assert_eq!(names::<LimitsTable>(), serde_names::<LimitsTable>());
    }

    #[test]
    fn the_house_labels_are_the_templates_labels() {
        let labels =
            serde_json::to_value(crate::i18n::Lang::parse("en").unwrap().labels()).unwrap();
        let mut given: Vec<&str> = labels
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut keys = names::<LabelWords>();
        given.sort();
        keys.sort();
        assert_eq!(
            keys, given,
            "`[labels]` keys and the labels templates receive differ"
        );
    }

    #[test]
    fn shapes_follow_the_field_types() {
        let shape =
            |keys: &'static [Key], name: &str| &keys.iter().find(|k| k.0 == name).expect("a key").1;
        assert!(matches!(shape(FrontMatter::KEYS, "date"), Shape::Value));
        assert!(matches!(shape(FrontMatter::KEYS, "cc"), Shape::Value));
        assert!(matches!(shape(FrontMatter::KEYS, "paper"), Shape::Value));
        assert!(matches!(
            shape(FrontMatter::KEYS, "to"),
            Shape::Tables(keys) if keys.len() == Addressee::KEYS.len()
        ));
        assert!(matches!(
            shape(FrontMatter::KEYS, "letterhead"),
            Shape::Table(keys) if keys.len() == Letterhead::KEYS.len()
        ));
        assert!(matches!(
            shape(HouseConfig::KEYS, "import"),
            Shape::Table(keys) if keys.len() == ImportRules::KEYS.len()
        ));
    }
}
