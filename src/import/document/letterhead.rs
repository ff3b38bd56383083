//! The letterhead in a Word template's page header and footer: the organisation's name,
//! its address lines and its contacts (telephone, e-mail, web), mapped to the
//! `[letterhead]` keys where they are recognisable. Page numbers are set aside; what fits
//! no key is returned for the report.

use crate::import::lines::fold;

/// The letterhead read from header and footer texts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Letterhead {
    /// The organisation's name: the first line of the header that is neither an address
    /// nor a contact.
    pub organization: Option<String>,
    /// Address lines.
    pub address: Vec<String>,
    /// Telephone, fax, e-mail and web lines.
    pub contacts: Vec<String>,
    /// Page numbers and running titles ("Page 2 of 3"), not letterhead.
    pub page_lines: Vec<String>,
}

impl Letterhead {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.organization.is_none() && self.address.is_empty() && self.contacts.is_empty()
    }
}

/// Reads a letterhead from the paragraphs of the page header and footer.
pub fn recognise(header: &[String], footer: &[String]) -> Letterhead {
    let mut found = Letterhead::default();
    let mut seen = Vec::<String>::new();
    for (part, texts) in [(Part::Header, header), (Part::Footer, footer)] {
        for piece in texts.iter().flat_map(|t| pieces(t)) {
            // The same header often stands on the first page and on the others.
            if seen.contains(&piece) {
                continue;
            }
            seen.push(piece.clone());
            if is_page_line(&piece) {
                found.page_lines.push(piece);
            } else if is_contact(&piece) {
                found.contacts.push(piece);
            } else if (part == Part::Header || header.is_empty())
                && found.organization.is_none()
                && found.address.is_empty()
                && !is_address(&piece)
            {
                // The organisation's name heads the header, or the footer of a document
                // without a header.
                found.organization = Some(piece);
            } else {
                found.address.push(piece);
            }
        }
    }
    found
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Header,
    Footer,
}

/// The lines of a header paragraph: split at line breaks, tabs and the separators that
/// letterheads set between items on one line (`|`, `·`, `•`).
fn pieces(text: &str) -> Vec<String> {
    text.split(['\n', '\t', '|', '·', '•', '●', '◦'])
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .map(|p| {
            p.trim_matches(|c: char| c == ',' || c == ';')
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// "Page 2 of 3", "2", "- 2 -", "2/3", "Página 2 de 3", "صفحة ٢".
fn is_page_line(text: &str) -> bool {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || "-–—/".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let numeric = |w: &&str| w.chars().all(|c| c.is_numeric());
    let page_word = |w: &&str| {
        [
            "page",
            "pagina",
            "seite",
            "p.",
            "pg",
            "of",
            "de",
            "sur",
            "von",
            "صفحة",
            "من",
            "стр.",
            "страница",
            "из",
            "第",
            "页",
        ]
        .contains(w)
    };
    !words.is_empty()
        && words.len() <= 5
        && words.iter().any(numeric)
        && words.iter().all(|w| numeric(w) || page_word(w))
}

/// Telephone, fax, e-mail and web lines.
fn is_contact(text: &str) -> bool {
    let folded = fold(text);
    if folded.contains('@') || folded.contains("www.") || folded.contains("://") {
        return true;
    }
    let labels = [
        "tel",
        "tel.",
        "tel:",
        "phone",
        "telephone",
        "fax",
        "mobile",
        "mob",
        "t",
        "t:",
        "f",
        "f:",
        "e",
        "e:",
        "m:",
        "email",
        "e-mail",
        "web",
        "website",
        "telefono",
        "telefax",
        "هاتف",
        "فاكس",
        "الهاتف",
        "тел",
        "тел.",
        "телефон",
        "факс",
        "电话",
        "传真",
    ];
    let first = folded
        .split(|c: char| c.is_whitespace() || c == ':')
        .next()
        .unwrap_or("");
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let phone_like = digits >= 7
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-./".contains(c));
    (labels.contains(&first) && digits >= 5) || phone_like
}

/// A line that looks like part of a postal address: a number next to words (a street
/// number, a postcode), or a word that names a street or a post box.
fn is_address(text: &str) -> bool {
    let folded = fold(text);
    let has_digit = text.chars().any(|c| c.is_numeric());
    let has_letter = text.chars().any(char::is_alphabetic);
    let street_words = [
        "street",
        "st.",
        "avenue",
        "ave",
        "road",
        "rd",
        "lane",
        "square",
        "suite",
        "floor",
        "building",
        "p.o.",
        "po box",
        "box",
        "rue",
        "boulevard",
        "place",
        "chemin",
        "route",
        "calle",
        "avenida",
        "plaza",
        "apartado",
        "strasse",
        "straße",
        "شارع",
        "ص.ب",
        "ул.",
        "улица",
        "路",
        "号",
        "街",
    ];
    let words: Vec<&str> = folded.split_whitespace().collect();
    (has_digit && has_letter)
        || words
            .iter()
            .any(|w| street_words.contains(&w.trim_end_matches(',')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_letterhead_maps_to_keys() {
        let header = vec![
            "Coastal Rights Watch".to_string(),
            "14 Harbour Street\nPort Elizabeth 6001".to_string(),
        ];
        let footer = vec![
            "Tel +27 41 555 0199 | info@coastalrights.example | www.coastalrights.example"
                .to_string(),
            "Page 1 of 2".to_string(),
        ];
        let found = recognise(&header, &footer);
        assert_eq!(found.organization.as_deref(), Some("Coastal Rights Watch"));
        assert_eq!(found.address, ["14 Harbour Street", "Port Elizabeth 6001"]);
        assert_eq!(
            found.contacts,
            [
                "Tel +27 41 555 0199",
                "info@coastalrights.example",
                "www.coastalrights.example"
            ]
        );
        assert_eq!(found.page_lines, ["Page 1 of 2"]);
    }

    #[test]
    fn a_footer_alone_names_the_organisation() {
        let footer = vec!["Réseau Droits · 5 rue des Lilas · 75011 Paris".to_string()];
        let found = recognise(&[], &footer);
        assert_eq!(found.organization.as_deref(), Some("Réseau Droits"));
        assert_eq!(found.address, ["5 rue des Lilas", "75011 Paris"]);
    }

    #[test]
    fn page_numbers_are_not_letterhead() {
        for line in [
            "2",
            "- 2 -",
            "Page 2",
            "2/3",
            "Página 2 de 3",
            "صفحة 2 من 3",
        ] {
            assert!(is_page_line(line), "{line}");
        }
        for line in ["Geneva 1211", "Office 2"] {
            assert!(!is_page_line(line), "{line}");
        }
    }

    #[test]
    fn repeated_headers_count_once() {
        let header = vec!["Org".to_string(), "Org".to_string()];
        assert_eq!(recognise(&header, &[]).address, Vec::<String>::new());
    }
}
