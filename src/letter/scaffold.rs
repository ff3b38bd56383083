//! The text of a new letter (`missive new`): every front-matter key, the optional ones
//! commented out, that renders as it is.

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
    fn the_scaffold_shows_every_front_matter_key() {
        let text = letter_text("2026-03-02", false);
        let mut out = Vec::new();
        missing(&text, FrontMatter::KEYS, "", &mut out);
        assert!(out.is_empty(), "`missive new` leaves out {out:?}");
    }
}
