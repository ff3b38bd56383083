//! The data a template receives (`/letter.json`), schema version 1.
//!
//! This is the contract between missive and template designers, documented in
//! `docs/templates.md`: fields may be added in a minor release; renaming or removing
//! one raises [`SCHEMA_VERSION`]. Every string is plain text: templates show it as is.

use chrono::Datelike as _;
use serde::Serialize;
use toml::Spanned;

use super::typography::{Style, plain};
use super::typst_code::spaces_for_tabs;
use crate::i18n::Labels;
use crate::letter::Letter;
use crate::letter::front_matter::Letterhead;
use crate::letter::window::Window;

/// Version of the data schema handed to templates.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything a template needs about a letter, except its body and endnotes (Typst
/// content, passed as arguments).
#[derive(Debug, Clone, Serialize)]
pub struct LetterData {
    /// Schema version, [`SCHEMA_VERSION`].
    pub schema: u32,
    /// Document title: the subject, else "Letter to …" in the letter's language.
    pub title: String,
    /// Document authors: the signatories' names.
    pub authors: Vec<String>,
    /// Language and writing direction.
    pub lang: LangData,
    /// `"a4"` or `"us-letter"`.
    pub paper: &'static str,
    /// Date of the letter.
    pub date: DateData,
    /// Where the letter is written.
    pub place: Option<String>,
    /// The sender's reference.
    pub reference: Option<String>,
    /// Subject line.
    pub subject: Option<String>,
    /// Salutation.
    pub salutation: Option<String>,
    /// Closing.
    pub closing: Option<String>,
    /// Addressees.
    pub to: Vec<AddresseeData>,
    /// Signatories.
    pub signatories: Vec<SignatoryData>,
    /// Co-signers.
    pub cosigners: Vec<CosignerData>,
    /// Copies.
    pub cc: Vec<String>,
    /// Enclosures.
    pub enclosures: Vec<String>,
    /// Postscript.
    pub postscript: Option<String>,
    /// How the letter is sent ("By e-mail and fax"), above the addressees.
    pub delivery: Option<String>,
    /// A draft: the template marks every page (`labels.draft`).
    pub draft: bool,
    /// The window envelope's geometry in millimetres, or null.
    pub window: Option<Window>,
    /// The return address line shown in the window, or null.
    pub return_address: Option<String>,
    /// Letterhead (house merged with the letter's overrides).
    pub letterhead: LetterheadData,
    /// The template's own words in the letter's language.
    pub labels: Labels,
}

impl LetterData {
    /// The data of a checked letter, as its template receives it, its text set in
    /// `style`.
    pub fn new(letter: &Letter, style: Style) -> LetterData {
        let front = &letter.front;
        let lang = &letter.lang;
        let to: Vec<AddresseeData> = front
            .to
            .iter()
            .map(|a| AddresseeData {
                name: a.name.clone(),
                address: a.address.clone(),
            })
            .collect();
        let title = front
            .subject
            .clone()
            .unwrap_or_else(|| lang.untitled(to.first().map(|a| a.name.as_str())));
        let signatories = SignatoryData::of(letter);
        let date = letter.date;
        let mut data = LetterData {
            schema: SCHEMA_VERSION,
            title,
            authors: signatories.iter().map(|s| s.name.clone()).collect(),
            lang: LangData {
                tag: lang.tag(),
                language: lang.language.clone(),
                region: lang.region.clone(),
                dir: if lang.is_rtl() { "rtl" } else { "ltr" },
            },
            paper: letter.paper.typst_name(),
            date: DateData {
                iso: date.format("%Y-%m-%d").to_string(),
                text: lang.format_date(date),
                year: date.year(),
                month: date.month(),
                day: date.day(),
            },
            place: front.place.clone(),
            reference: front.reference.clone(),
            subject: front.subject.clone(),
            salutation: front.salutation.clone(),
            closing: letter.closing.clone(),
            to,
            signatories,
            cosigners: front
                .cosigners
                .iter()
                .map(|c| CosignerData {
                    name: c.name.clone(),
                    detail: c.detail.clone(),
                })
                .collect(),
            cc: front.cc.clone(),
            enclosures: front.enclosures.clone(),
            postscript: front.postscript.clone(),
            delivery: front.delivery.clone(),
            draft: false,
            window: letter.window.clone(),
            return_address: letter.return_address.clone(),
            letterhead: LetterheadData::from(&letter.letterhead),
            labels: match &letter.house {
                Some(house) => house.config.labels.over(lang.labels()),
                None => lang.labels(),
            },
        }
        .with_spaces_for_tabs()
        .with_punctuation(style);
        if front.draft.as_ref().is_some_and(|draft| *draft.get_ref()) {
            data.mark_draft();
        }
        data
    }

    /// Makes the letter a draft (`draft = true`, or `render --draft`): marked on every
    /// page, its title "DRAFT – …" in the letter's language.
    pub fn mark_draft(&mut self) {
        if !self.draft {
            self.draft = true;
            self.title = format!("{} – {}", self.labels.draft, self.title);
        }
    }

    /// The data with tabs (and vertical tabs, form feeds) in its text turned into spaces:
    /// Typst draws them as nothing, so that `"Re:\tExports"` would read "Re:Exports".
    pub fn with_spaces_for_tabs(mut self) -> Self {
        for text in self.texts_mut() {
            *text = spaces_for_tabs(text);
        }
        for label in self.labels.each_mut() {
            *label = spaces_for_tabs(label);
        }
        self
    }

    /// The data with the punctuation of the writer's text set in `style` (quotes,
    /// dashes, French spacing, no-break spaces); missive's own labels are set already.
    fn with_punctuation(mut self, style: Style) -> Self {
        for text in self.texts_mut() {
            *text = plain(style, text);
        }
        self
    }

    /// Every piece of text the writer gave (not the labels, paths or codes).
    fn texts_mut(&mut self) -> Vec<&mut String> {
        let mut texts: Vec<&mut String> = vec![&mut self.title];
        texts.extend(&mut self.authors);
        texts.extend(
            [
                &mut self.place,
                &mut self.reference,
                &mut self.subject,
                &mut self.salutation,
                &mut self.closing,
                &mut self.postscript,
                &mut self.delivery,
                &mut self.return_address,
                &mut self.letterhead.organization,
                &mut self.letterhead.logo_alt,
            ]
            .into_iter()
            .flatten(),
        );
        for to in &mut self.to {
            texts.push(&mut to.name);
            texts.extend(&mut to.address);
        }
        for s in &mut self.signatories {
            texts.push(&mut s.name);
            texts.extend([&mut s.title, &mut s.organization].into_iter().flatten());
            texts.push(&mut s.signature_alt);
        }
        for c in &mut self.cosigners {
            texts.push(&mut c.name);
            texts.extend(&mut c.detail);
        }
        texts.extend(&mut self.cc);
        texts.extend(&mut self.enclosures);
        texts.extend(&mut self.letterhead.address);
        texts.extend(&mut self.letterhead.contacts);
        texts.extend(&mut self.letterhead.sidebar);
        texts
    }
}

/// Language of a letter.
#[derive(Debug, Clone, Serialize)]
pub struct LangData {
    /// The tag in its normal form (`en-GB`).
    pub tag: String,
    /// ISO 639 code for Typst's `text(lang:)`.
    pub language: String,
    /// ISO 3166 region for Typst's `text(region:)`, or null.
    pub region: Option<String>,
    /// `"ltr"` or `"rtl"`.
    pub dir: &'static str,
}

/// A date, as numbers and as text in the letter's language.
#[derive(Debug, Clone, Serialize)]
pub struct DateData {
    /// `2026-03-02`.
    pub iso: String,
    /// "March 2, 2026", "2 de marzo de 2026", …
    pub text: String,
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

/// An addressee.
#[derive(Debug, Clone, Serialize)]
pub struct AddresseeData {
    /// Name.
    pub name: String,
    /// Address lines.
    pub address: Vec<String>,
}

/// A signatory.
#[derive(Debug, Clone, Serialize)]
pub struct SignatoryData {
    /// Name.
    pub name: String,
    /// Title, or null.
    pub title: Option<String>,
    /// Organisation, or null.
    pub organization: Option<String>,
    /// Project path of the signature image, or null.
    pub signature: Option<String>,
    /// Alternative text of the signature image.
    pub signature_alt: String,
}

impl SignatoryData {
    /// The signatories of `letter`, in order.
    fn of(letter: &Letter) -> Vec<SignatoryData> {
        letter
            .front
            .signatories
            .iter()
            .zip(&letter.signatures)
            .map(|(s, signature)| SignatoryData {
                name: s.name.clone(),
                title: s.title.clone(),
                organization: s.organization.clone(),
                signature: signature.clone(),
                signature_alt: s
                    .signature_alt
                    .clone()
                    .unwrap_or_else(|| letter.lang.signature_alt(&s.name)),
            })
            .collect()
    }
}

/// A co-signer.
#[derive(Debug, Clone, Serialize)]
pub struct CosignerData {
    /// Name.
    pub name: String,
    /// Detail (country, city), or null.
    pub detail: Option<String>,
}

/// The letterhead.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LetterheadData {
    /// Organisation name, or null.
    pub organization: Option<String>,
    /// Project path of the logo, or null.
    pub logo: Option<String>,
    /// Alternative text of the logo, or null.
    pub logo_alt: Option<String>,
    /// Address lines.
    pub address: Vec<String>,
    /// Contact lines.
    pub contacts: Vec<String>,
    /// Accent colour `#rrggbb`, or null for the template's own.
    pub accent: Option<String>,
    /// Side-column lines on the first page.
    pub sidebar: Vec<String>,
}

impl From<&Letterhead> for LetterheadData {
    fn from(letterhead: &Letterhead) -> Self {
        let letterhead = letterhead.clone();
        LetterheadData {
            organization: letterhead.organization,
            logo: letterhead.logo.map(Spanned::into_inner),
            logo_alt: letterhead.logo_alt,
            address: letterhead.address.unwrap_or_default(),
            contacts: letterhead.contacts.unwrap_or_default(),
            accent: letterhead.accent.map(Spanned::into_inner),
            sidebar: letterhead.sidebar.unwrap_or_default(),
        }
    }
}
