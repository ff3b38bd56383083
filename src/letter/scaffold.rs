//! The text of a new letter (`missive new`) and of a new house file (`missive init`):
//! every key, the optional ones commented out, that renders as it is.

use super::json_schema::HOUSE_SCHEMA_FILE;

/// The text of a new `missive.toml`, for the organisation `organization`; its first line
/// points TOML language servers at the schema file `missive init` writes beside it.
pub fn house_text(organization: &str) -> String {
    let organization = toml::Value::String(organization.to_string());
    format!(
        r##"#:schema ./{HOUSE_SCHEMA_FILE}
# The house style of every letter in this folder and below it. Plain keys come first:
# every key after a [table] header belongs to that table. A letter can override any key.
lang = "en"                     # en, en-GB, es, fr, ar, ru, zh (any BCP 47 tag)
closing = "Sincerely,"
paper = "a4"                    # or "us-letter"
# template = "house"            # "coalition", or a path to a .typ file (`missive template eject`)
# pdf_standard = "a-3b,ua-1"    # archival and accessible PDFs, as `--pdf-standard` takes them
# raw_typst = false             # refuse ```{{=typst}} fences in this house's letters
# smart_punctuation = false     # keep quotes, dashes and French spaces as typed
# fonts = "fonts"               # the house's own font files (a fonts/ folder is used anyway)
# window = "din-a"              # posted letters: "din-b", "us-10", or {{ left, top, width, height }}
# return_address = "Organisation · Street · City"   # one line above the address in the window

# [limits]                      # each letter's budgets (`--timeout`, `--memory` win)
# timeout = "60s"               # s or m; "0" for none
# memory = "2G"                 # K, M or G; "0" for none

[letterhead]
organization = {organization}
address = ["Street and number", "Postcode and city", "Country"]
contacts = ["Telephone", "E-mail or website"]
# logo = "logo.svg"             # SVG, PNG or JPEG, relative to this file
# logo_alt = "Logo of …"        # required for accessible (PDF/UA) output
# accent = "#0b5394"
# sidebar = ["Board of directors", "…"]

# [labels]                      # the house's own words for the template's labels,
# page = "Page {{page}} of {{total}}"  # whatever the letter's language (English shown)
# notes = "Notes"
# cc = "cc: "
# enclosures = "Enclosures: "
# subject = "Re: "
# reference = "Our ref.: "
# cosigners = "Co-signed by"
# postscript = "P.S. "
# place_date = "{{place}}, {{date}}"
# draft = "DRAFT"

# [import]                      # site chrome `missive import` drops (docs/import.md)
# drop_lines = ["Share on *"]
# drop_before = ["You are here: *"]
# drop_after = ["Related articles"]

# [web]                         # the web edition (`--format html`, docs/web.md)
# template = "templates/web.html"   # the page template (`missive template eject` writes it)
# index_template = "templates/index.html"   # the archive index's (`batch --format html`)
# signatures = true             # show signature images on the page (off: helps forgers)
"##
    )
}

/// The text of a new letter dated `date`; `has_house` leaves the letterhead to the house.
pub fn letter_text(date: &str, has_house: bool) -> String {
    let letterhead = if has_house {
        "# The house's missive.toml gives the letterhead; override any of its keys here:\n\
         # [letterhead]\n\
         # organization = \"…\"\n"
    } else {
        "# No missive.toml was found above this letter, so it carries its own letterhead.\n\
         # Put these keys in a missive.toml to share them with every letter below it.\n\
         [letterhead]\n\
         organization = \"Name of the organisation\"\n\
         address = [\"Street and number\", \"Postcode and city\", \"Country\"]\n\
         contacts = [\"Telephone\", \"E-mail or website\"]\n\
         # logo = \"logo.svg\"          # SVG, PNG or JPEG, relative to this file\n\
         # logo_alt = \"Logo of …\"     # required for accessible (PDF/UA) output\n\
         # accent = \"#0b5394\"\n\
         # sidebar = [\"Board of directors\", \"…\"]\n"
    };
    format!(
        r#"+++
# Plain keys come first: every key after a [table] or [[table]] header belongs to it.
date = {date}
place = "City"
subject = "Subject of the letter"
salutation = "Dear Minister,"
# closing = "Sincerely,"        # default from missive.toml
# lang = "en"                   # en, en-GB, es, fr, ar, ru, zh
# reference = "Our reference"
# paper = "a4"                  # or "us-letter"
# template = "house"            # "coalition", or a path to a .typ file
# smart_punctuation = false     # keep straight quotes and -- as typed (default: “ ” – …)
# delivery = "By e-mail and fax"  # a dispatch line above the addressees
# draft = true                  # DRAFT on every page; `missive check --final` refuses it
# window = "din-b"              # posted in a window envelope: "din-a", "din-b" (A4), "us-10"
# return_address = "Sender · Street · City"   # one small line above the address in the window
# cc = ["Name of a person receiving a copy"]
# enclosures = ["Title of an enclosed document"]
# postscript = "A short P.S."
# recipients = "members.csv"    # one personal copy per row; {{name}} in the text (docs/copies.md)

[[to]]
name = "Name of the addressee"
address = ["Title", "Institution", "Street and number", "City and country"]

[[signatories]]
name = "Your name"
title = "Your title"
# organization = "Only if it differs from the letterhead"
# signature = "signatures/you.png"   # image of the signature, relative to this file
# signature_alt = "Signature of …"   # its description (default: "Signature of NAME")

# [[cosigners]]                 # for sign-on letters, one table per co-signer
# name = "Organisation"
# detail = "Country"

{letterhead}+++

Write the letter here, in Markdown. A footnote marker like this one[^source] becomes a
numbered endnote after the signatures.

## A section heading

Paragraphs are separated by blank lines. *Emphasis*, **strong text**, [links](https://example.org),
lists and block quotes work as in any Markdown.

[^source]: Author, "Title of the source," Publisher, date, <https://example.org/source>.
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::front_matter::FrontMatter;
    use crate::letter::house::HouseConfig;
    use crate::letter::keys::{Key, Shape, Table};

    /// Every key of `keys` (below `prefix`) that the scaffold does not show.
    fn missing(text: &str, keys: &[Key], prefix: &str, out: &mut Vec<String>) {
        for Key(name, shape) in keys {
            let shown = match shape {
                Shape::Value => format!("{name} = "),
                Shape::Table(_) => format!("[{name}]"),
                Shape::Tables(_) => format!("[[{name}]]"),
            };
            if !text.lines().any(|line| {
                let line = line.trim_start_matches(['#', ' ']);
                line.starts_with(&shown)
            }) {
                out.push(format!("{prefix}{name}"));
            }
            if let Shape::Table(inner) | Shape::Tables(inner) = shape {
                missing(text, inner, &format!("{prefix}{name}."), out);
            }
        }
    }

    #[test]
    fn the_house_file_shows_every_key_and_reads_as_a_house() {
        let text = house_text("Rights \"Watch\"");
        let mut out = Vec::new();
        missing(&text, HouseConfig::KEYS, "", &mut out);
        assert!(out.is_empty(), "`missive init` leaves out {out:?}");
        let config: HouseConfig = toml::from_str(&text).unwrap();
        assert_eq!(
            config.letterhead.organization.as_deref(),
            Some("Rights \"Watch\"")
        );
    }

    #[test]
    fn the_scaffold_shows_every_front_matter_key() {
        let text = letter_text("2026-03-02", false);
        let mut out = Vec::new();
        missing(&text, FrontMatter::KEYS, "", &mut out);
        assert!(out.is_empty(), "`missive new` leaves out {out:?}");
    }
}
