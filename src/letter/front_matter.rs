//! The keys of a letter's front matter (product sheet, "The letter source"), as written.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::keys::{Field, Shape, toml_table};

toml_table! {
    /// A letter's front matter exactly as the writer gave it; checked later by `letter`.
    #[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[schemars(title = "A missive letter's front matter (the TOML between `+++` lines)")]
    pub struct FrontMatter {
        /// Date of the letter (a TOML date).
        #[schemars(schema_with = "date_schema")]
        pub date: Option<Spanned<Datetime>>,
        /// Where the letter is written.
        pub place: Option<String>,
        /// BCP 47 language tag.
        #[schemars(with = "Option<String>")]
        pub lang: Option<Spanned<String>>,
        /// The sender's reference.
        pub reference: Option<String>,
        /// Subject line.
        pub subject: Option<String>,
        /// "Dear …,".
        pub salutation: Option<String>,
        /// "Sincerely,".
        pub closing: Option<String>,
        /// Addressees.
        #[serde(default)]
        pub to: Vec<Addressee>,
        /// Who signs.
        #[serde(default)]
        pub signatories: Vec<Signatory>,
        /// Co-signing organisations.
        #[serde(default)]
        pub cosigners: Vec<Cosigner>,
        /// Copies.
        #[serde(default)]
        pub cc: Vec<String>,
        /// Enclosures.
        #[serde(default)]
        pub enclosures: Vec<String>,
        /// P.S.
        pub postscript: Option<String>,
        /// Built-in template name or path to a `.typ` file.
        #[schemars(with = "Option<String>")]
        pub template: Option<Spanned<String>>,
        /// Paper size.
        pub paper: Option<Paper>,
        /// Typographic quotes, dashes, ellipses and French spacing (default on).
        pub smart_punctuation: Option<bool>,
        /// How the letter is sent ("By e-mail and fax"), shown above the addressees.
        pub delivery: Option<String>,
        /// A draft: marked so on every page, refused by `missive check --final`.
        #[schemars(with = "Option<bool>")]
        pub draft: Option<Spanned<bool>>,
        /// The window envelope the letter is posted in: `din-a`, `din-b`, `us-10`, or a
        /// table with `left`, `top`, `width`, `height` (`letter::window`).
        #[schemars(with = "Option<serde_json::Value>")]
        pub window: Option<Spanned<toml::Value>>,
        /// One line of the sender's address, in small type above the addressee in the window.
        pub return_address: Option<String>,
        /// A list of recipients (`.csv`, `.tsv`, `.xlsx`, or `list.xlsx#Sheet`) under the
        /// root: one personal copy per row, `{{column}}` its values (`letter::copies`).
        #[schemars(with = "Option<String>")]
        pub recipients: Option<Spanned<String>>,
        /// Overrides of the house letterhead.
        #[serde(default)]
        pub letterhead: Letterhead,
    }
}

impl FrontMatter {
    /// The front matter with its blank one-line texts (`subject = ""`, or only spaces)
    /// absent, as a writer means them: an empty subject is no subject (so the document
    /// takes the "Letter to …" title, never none), an empty place or reference none.
    pub fn without_blank_texts(mut self) -> Self {
        for text in [
            &mut self.place,
            &mut self.reference,
            &mut self.subject,
            &mut self.salutation,
            &mut self.postscript,
        ] {
            if text.as_deref().is_some_and(|t| t.trim().is_empty()) {
                *text = None;
            }
        }
        self
    }
}

toml_table! {
    /// One addressee.
    #[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Addressee {
        /// Name and honorific.
        #[serde(default)]
        pub name: String,
        /// Address lines.
        #[serde(default)]
        pub address: Vec<String>,
    }
}

toml_table! {
    /// One person who signs.
    #[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Signatory {
        /// Full name.
        #[serde(default)]
        pub name: String,
        /// Job title.
        pub title: Option<String>,
        /// Organisation, when it differs from the letterhead's.
        pub organization: Option<String>,
        /// Signature image, relative to the letter.
        #[schemars(with = "Option<String>")]
        pub signature: Option<Spanned<String>>,
        /// Alternative text of the signature image (default: "Signature of NAME" in the letter's language).
        pub signature_alt: Option<String>,
    }
}

toml_table! {
    /// One co-signing organisation of a coalition letter.
    #[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Cosigner {
        /// Organisation or person.
        #[serde(default)]
        pub name: String,
        /// Country, city or other detail.
        pub detail: Option<String>,
    }
}

toml_table! {
    /// The organisation's letterhead; every key optional so that a letter can override one.
    #[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct Letterhead {
        /// Organisation name.
        pub organization: Option<String>,
        /// Logo image (SVG, PNG, JPEG), relative to the file that names it.
        #[schemars(with = "Option<String>")]
        pub logo: Option<Spanned<String>>,
        /// Alternative text of the logo.
        pub logo_alt: Option<String>,
        /// Postal address lines.
        pub address: Option<Vec<String>>,
        /// Telephone, e-mail, web lines.
        pub contacts: Option<Vec<String>>,
        /// Accent colour, `#rrggbb` (or `#rgb`).
        #[schemars(with = "Option<String>", regex(pattern = r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"))]
        pub accent: Option<Spanned<String>>,
        /// Lines of a side column on the first page (e.g. a board list).
        pub sidebar: Option<Vec<String>>,
    }
}

impl Letterhead {
    /// This letterhead with every key it lacks taken from `base`.
    pub fn over(self, base: Letterhead) -> Letterhead {
        Letterhead {
            organization: self.organization.or(base.organization),
            logo: self.logo.or(base.logo),
            logo_alt: self.logo_alt.or(base.logo_alt),
            address: self.address.or(base.address),
            contacts: self.contacts.or(base.contacts),
            accent: self.accent.or(base.accent),
            sidebar: self.sidebar.or(base.sidebar),
        }
    }
}

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    UsLetter,
}

/// A TOML date, as a TOML language server sees it: a string in date format.
fn date_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "format": "date",
        "description": "Date of the letter, a bare TOML date such as 2026-03-02 (no quotes, no time)."
    })
}

impl Field for Paper {
    const SHAPE: Shape = Shape::Value;
}

impl Paper {
    /// Typst's name of the paper size.
    pub fn typst_name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::UsLetter => "us-letter",
        }
    }
}
