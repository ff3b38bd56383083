//! `word/styles.xml`: what each paragraph style means for the letter (title, heading of a
//! level, quotation, list) and what each character style does (bold, italic, hidden …),
//! through `w:basedOn` chains. Headings are known by their built-in name (`w:name` is
//! "heading 1" in every language Word runs in), by names that other programs localise
//! ("Titre 1", "Überschrift 1", "Заголовок 1", "عنوان 1"), and by an outline level.

use std::collections::HashMap;

use roxmltree::Node;

use super::xml::{self, attr, child, child_val, toggle};

/// What a paragraph style makes of its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Running text.
    Body,
    /// The document's title.
    Title,
    /// A heading of level 1 to 9.
    Heading(u8),
    /// A block quotation.
    Quote,
}

/// Run formatting; `None` where a style or run says nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Format {
    /// Bold.
    pub bold: Option<bool>,
    /// Italic.
    pub italic: Option<bool>,
    /// Underlined.
    pub underline: Option<bool>,
    /// Raised.
    pub superscript: Option<bool>,
    /// Hidden (`w:vanish`).
    pub hidden: Option<bool>,
    /// Size in half-points.
    pub size: Option<u32>,
}

impl Format {
    /// Reads `w:rPr`.
    pub fn read(props: Node) -> Format {
        let underline = child_val(props, "u")
            .map(|v| v != "none")
            .or_else(|| xml::child(props, "u").map(|_| true));
        Format {
            bold: toggle(props, "b").or_else(|| toggle(props, "bCs")),
            italic: toggle(props, "i").or_else(|| toggle(props, "iCs")),
            underline,
            superscript: child_val(props, "vertAlign").map(|v| v == "superscript"),
            hidden: toggle(props, "vanish"),
            size: child_val(props, "sz").and_then(|v| v.parse().ok()),
        }
    }

    /// This formatting, with what it leaves unsaid taken from `under`.
    pub fn over(self, under: Format) -> Format {
        Format {
            bold: self.bold.or(under.bold),
            italic: self.italic.or(under.italic),
            underline: self.underline.or(under.underline),
            superscript: self.superscript.or(under.superscript),
            hidden: self.hidden.or(under.hidden),
            size: self.size.or(under.size),
        }
    }
}

/// One style as written.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbering: Option<(String, u8)>,
    format: Format,
}

/// The styles of a document.
#[derive(Debug, Clone, Default)]
pub struct Styles {
    styles: HashMap<String, Style>,
    /// The default paragraph style's id.
    default_paragraph: Option<String>,
    /// The size of body text in half-points (Word's default 11 pt when unsaid).
    pub body_size: u32,
    /// The document's default language (`w:lang` of the default run properties).
    pub lang: Option<String>,
}

/// Longest `w:basedOn` chain followed (a loop in a damaged file ends there).
const MAX_CHAIN: usize = 16;

impl Styles {
    /// The styles of a document without `word/styles.xml`: Word's defaults.
    pub fn none() -> Styles {
        Styles {
            body_size: 22,
            ..Styles::default()
        }
    }

    /// Reads `word/styles.xml`.
    pub fn read(root: Node) -> Styles {
        let mut styles = Styles::none();
        let defaults = child(root, "docDefaults")
            .and_then(|d| child(d, "rPrDefault"))
            .and_then(|d| child(d, "rPr"));
        if let Some(props) = defaults {
            if let Some(size) = child_val(props, "sz").and_then(|v| v.parse().ok()) {
                styles.body_size = size;
            }
            styles.lang = child(props, "lang")
                .and_then(|l| attr(l, "val"))
                .map(str::to_string);
        }
        for style in xml::children(root, "style") {
            let Some(id) = attr(style, "styleId") else {
                continue;
            };
            let props = child(style, "pPr");
            let numbering = props.and_then(|p| child(p, "numPr")).map(|n| {
                (
                    child_val(n, "numId").unwrap_or("0").to_string(),
                    child_val(n, "ilvl")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0),
                )
            });
            let parsed = Style {
                name: child_val(style, "name").unwrap_or(id).to_string(),
                based_on: child_val(style, "basedOn").map(str::to_string),
                outline: props
                    .and_then(|p| child_val(p, "outlineLvl"))
                    .and_then(|v| v.parse().ok()),
                numbering,
                format: child(style, "rPr").map(Format::read).unwrap_or_default(),
            };
            if attr(style, "type") == Some("paragraph")
                && attr(style, "default").is_some_and(|d| d == "1" || d == "true")
            {
                styles.default_paragraph = Some(id.to_string());
                if let Some(size) = parsed.format.size {
                    styles.body_size = size;
                }
            }
            styles.styles.insert(id.to_string(), parsed);
        }
        styles
    }

    /// The style and those it is based on, nearest first.
    fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = &'s Style> + 's {
        let start = id.or(self.default_paragraph.as_deref());
        std::iter::successors(start.and_then(|id| self.styles.get(id)), |s| {
            s.based_on.as_deref().and_then(|b| self.styles.get(b))
        })
        .take(MAX_CHAIN)
    }

    /// What a paragraph style makes of its paragraphs.
    pub fn role(&self, id: Option<&str>) -> Role {
        for style in self.chain(id) {
            if let Some(role) = role_by_name(&style.name) {
                return role;
            }
            match style.outline {
                Some(level @ 0..=8) => return Role::Heading(level + 1),
                Some(_) => return Role::Body,
                None => {}
            }
        }
        role_by_name_id(id).unwrap_or(Role::Body)
    }

    /// The numbering (`numId`, level) a paragraph style gives its paragraphs.
    pub fn numbering(&self, id: Option<&str>) -> Option<(String, u8)> {
        self.chain(id).find_map(|s| s.numbering.clone())
    }

    /// The formatting a character style gives its runs.
    pub fn format(&self, id: Option<&str>) -> Format {
        match id {
            Some(id) => self
                .chain(Some(id))
                .fold(Format::default(), |f, s| f.over(s.format)),
            None => Format::default(),
        }
    }

    /// The `numId` a numbering style stands for (the target of `w:numStyleLink`).
    pub fn numbering_style(&self, style_id: &str) -> Option<String> {
        self.styles
            .get(style_id)
            .and_then(|s| s.numbering.as_ref())
            .map(|(num, _)| num.clone())
    }
}

/// The role a style's name gives it, in the languages Word and LibreOffice write names
/// in.
fn role_by_name(name: &str) -> Option<Role> {
    let name = name.trim().to_lowercase();
    const TITLES: &[&str] = &[
        "title",
        "titre",
        "título",
        "titulo",
        "titel",
        "titolo",
        "название",
        "заголовок",
        "标题",
        "العنوان",
        "عنوان",
    ];
    const HEADINGS: &[&str] = &[
        "heading",
        "titre",
        "título",
        "titulo",
        "überschrift",
        "titolo",
        "kop",
        "nagłówek",
        "заголовок",
        "标题",
        "عنوان",
        "encabezado",
    ];
    const QUOTES: &[&str] = &[
        "quote",
        "intense quote",
        "block text",
        "quotations",
        "quotation",
        "citation",
        "cita",
        "citação",
        "zitat",
        "цитата",
        "引用",
        "اقتباس",
    ];
    if TITLES.contains(&name.as_str()) {
        return Some(Role::Title);
    }
    if QUOTES.contains(&name.as_str()) {
        return Some(Role::Quote);
    }
    let (word, number) = name.rsplit_once(' ')?;
    let level: u8 = number.parse().ok()?;
    (HEADINGS.contains(&word) && (1..=9).contains(&level)).then_some(Role::Heading(level))
}

/// The role a style id implies when its name says nothing (`Heading2`, `Titre1`).
fn role_by_name_id(id: Option<&str>) -> Option<Role> {
    let id = id?;
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits != 1 {
        return None;
    }
    let (word, level) = id.split_at(id.len() - 1);
    let spaced = format!("{word} {level}");
    role_by_name(&spaced).filter(|r| matches!(r, Role::Heading(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn styles(body: &str) -> Styles {
        let text = format!("<w:styles {NS}>{body}</w:styles>");
        let doc = xml::parse("word/styles.xml", &text).unwrap();
        Styles::read(doc.root_element())
    }

    #[test]
    fn headings_by_name_in_several_languages_and_by_outline() {
        let s = styles(concat!(
            "<w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/></w:style>",
            "<w:style w:type=\"paragraph\" w:styleId=\"Titre2\"><w:name w:val=\"Titre 2\"/></w:style>",
            "<w:style w:type=\"paragraph\" w:styleId=\"Z3\"><w:name w:val=\"Заголовок 3\"/></w:style>",
            "<w:style w:type=\"paragraph\" w:styleId=\"Own\"><w:name w:val=\"My Section\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>",
            "<w:style w:type=\"paragraph\" w:styleId=\"Derived\"><w:name w:val=\"Derived\"/><w:basedOn w:val=\"Own\"/></w:style>",
            "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>",
            "<w:style w:type=\"paragraph\" w:styleId=\"Q\"><w:name w:val=\"Intense Quote\"/></w:style>",
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"Custom\"/></w:style>",
            "<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:name w:val=\"Loop\"/><w:basedOn w:val=\"Loop\"/></w:style>",
        ));
        assert_eq!(s.role(Some("berschrift1")), Role::Heading(1));
        assert_eq!(s.role(Some("Titre2")), Role::Heading(2));
        assert_eq!(s.role(Some("Z3")), Role::Heading(3));
        assert_eq!(s.role(Some("Own")), Role::Heading(2));
        assert_eq!(s.role(Some("Derived")), Role::Heading(2));
        assert_eq!(s.role(Some("Title")), Role::Title);
        assert_eq!(s.role(Some("Q")), Role::Quote);
        assert_eq!(s.role(Some("Heading3")), Role::Heading(3));
        assert_eq!(s.role(Some("Loop")), Role::Body);
        assert_eq!(s.role(Some("Missing")), Role::Body);
    }

    #[test]
    fn character_styles_and_defaults() {
        let s = styles(concat!(
            "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"24\"/><w:lang w:val=\"fr-FR\"/></w:rPr></w:rPrDefault></w:docDefaults>",
            "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:name w:val=\"Strong\"/><w:rPr><w:b/></w:rPr></w:style>",
            "<w:style w:type=\"character\" w:styleId=\"StrongItalic\"><w:basedOn w:val=\"Strong\"/><w:rPr><w:i/></w:rPr></w:style>",
        ));
        assert_eq!(s.body_size, 24);
        assert_eq!(s.lang.as_deref(), Some("fr-FR"));
        let f = s.format(Some("StrongItalic"));
        assert_eq!((f.bold, f.italic), (Some(true), Some(true)));
    }
}
