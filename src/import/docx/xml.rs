//! Parsing the XML parts of a Word package with roxmltree, which refuses a DOCTYPE (so
//! no entity declaration is ever read, let alone expanded), and capping the number of
//! nodes and the depth of nesting. Helpers to match WordprocessingML elements in both
//! the transitional and the strict namespaces.

use roxmltree::{Document, Node, ParsingOptions};

use crate::import::limits::{MAX_DEPTH, MAX_XML_NODES};
use crate::import::refusal::Refusal;

/// WordprocessingML, transitional (what Word, LibreOffice and Google Docs write) and
/// strict (ISO 29500 strict, which Word can save).
const W: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Office relationships, for `r:id` and `r:embed`.
const R: [&str; 2] = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

/// The hint for a part that is not what Word writes.
const RESAVE: &str = "the file was damaged or made by a program that does not write Word files correctly; open it in Word or LibreOffice, save it again as .docx, and import that";

/// The text of a part: UTF-8 (a byte-order mark dropped) or UTF-16 with a byte-order mark.
pub fn text(part: &str, bytes: Vec<u8>) -> Result<String, Refusal> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if !had_errors {
            return Ok(text.into_owned());
        }
    } else if let Ok(text) = String::from_utf8(bytes) {
        return Ok(text);
    }
    Err(Refusal::new(
        format!("is damaged: its part {part} is not valid UTF-8 or UTF-16 text"),
        RESAVE,
    ))
}

/// Parses a part, refusing a DOCTYPE, too many nodes and too deep a nesting.
pub fn parse<'t>(part: &str, text: &'t str) -> Result<Document<'t>, Refusal> {
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(text, options).map_err(|err| match err {
        roxmltree::Error::DtdDetected => Refusal::new(
            format!(
                "is refused: its part {part} contains a DOCTYPE declaration; Word never writes one, and missive never reads or expands the entities it could declare"
            ),
            RESAVE,
        ),
        roxmltree::Error::NodesLimitReached => Refusal::new(
            format!("is refused: its part {part} has more than {MAX_XML_NODES} XML nodes"),
            "a letter has far fewer; split the document, or save it again from Word",
        ),
        other => Refusal::new(
            format!("is damaged: its part {part} is not well-formed XML ({other})"),
            RESAVE,
        ),
    })?;
    let depth = depth(document.root());
    if depth > MAX_DEPTH {
        return Err(Refusal::new(
            format!(
                "is refused: its part {part} nests elements {depth} deep (missive reads at most {MAX_DEPTH})"
            ),
            "a letter nests about 20 deep; the file was made to be hostile or is damaged",
        ));
    }
    Ok(document)
}

/// The deepest nesting of elements under `root`, found without recursion.
fn depth(root: Node) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(root, 0usize)];
    while let Some((node, level)) = stack.pop() {
        deepest = deepest.max(level);
        if level > MAX_DEPTH {
            break;
        }
        stack.extend(
            node.children()
                .filter(Node::is_element)
                .map(|c| (c, level + 1)),
        );
    }
    deepest
}

/// Whether `node` is the WordprocessingML element `name`.
pub fn is(node: Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node
            .tag_name()
            .namespace()
            .is_some_and(|ns| W.contains(&ns))
}

/// The first child element `w:name`.
pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, name))
}

/// The child elements `w:name`.
pub fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |c| is(*c, name))
}

/// The attribute `w:name`.
pub fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    W.iter().find_map(|ns| node.attribute((*ns, name)))
}

/// The attribute `r:name` (a relationship id).
pub fn rel_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    R.iter().find_map(|ns| node.attribute((*ns, name)))
}

/// `w:val` of the child `w:name`.
pub fn child_val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| attr(c, "val"))
}

/// A toggle property (`<w:b/>`, `<w:b w:val="0"/>`): Some(on) when present.
pub fn toggle(props: Node, name: &str) -> Option<bool> {
    let element = child(props, name)?;
    Some(!matches!(
        attr(element, "val"),
        Some("0" | "false" | "off" | "none")
    ))
}

/// The descendant elements with local name `name`, in any namespace (DrawingML and VML
/// elements inside a drawing).
pub fn descendants_named<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.descendants()
        .filter(move |d| d.is_element() && d.tag_name().name() == name)
}

/// Markup compatibility: `mc:AlternateContent` offers a choice and a fallback.
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The branch of an `mc:AlternateContent` to read: its first `mc:Choice` (DrawingML, which
/// this reader understands), else its fallback (VML). None for other elements.
pub(super) fn alternate_choice<'a, 'i>(node: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    let in_mc = |n: &Node, name: &str| {
        n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(MC)
    };
    if !in_mc(&node, "AlternateContent") {
        return None;
    }
    node.children()
        .find(|c| in_mc(c, "Choice"))
        .or_else(|| node.children().find(|c| in_mc(c, "Fallback")))
}

/// The text of `w:t` elements under a node.
pub(super) fn descendant_text(node: Node) -> String {
    node.descendants()
        .filter(|n| is(*n, "t"))
        .filter_map(|n| n.text())
        .collect()
}

/// The text of a tracked deletion (`w:delText`, and `w:t` in moved-away text).
pub(super) fn deleted_text(node: Node) -> String {
    node.descendants()
        .filter(|n| is(*n, "delText") || is(*n, "t"))
        .filter_map(|n| n.text())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    #[test]
    fn doctype_and_entities_are_refused_never_expanded() {
        let text = format!(
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><w:document {NS}><w:body>&lol2;</w:body></w:document>"
        );
        let refusal = parse("word/document.xml", &text).unwrap_err();
        assert!(refusal.reason.contains("DOCTYPE"), "{refusal:?}");
        assert!(refusal.reason.contains("word/document.xml"), "{refusal:?}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!(
            "<w:document {NS}>{}{}</w:document>",
            "<w:sdt>".repeat(MAX_DEPTH + 5),
            "</w:sdt>".repeat(MAX_DEPTH + 5)
        );
        let refusal = parse("word/document.xml", &text).unwrap_err();
        assert!(refusal.reason.contains("nests elements"), "{refusal:?}");
    }

    #[test]
    fn broken_xml_names_the_part() {
        let refusal = parse("word/styles.xml", "<w:styles").unwrap_err();
        assert!(
            refusal
                .reason
                .starts_with("is damaged: its part word/styles.xml")
        );
    }

    #[test]
    fn toggles_and_namespaces() {
        let text = format!("<w:rPr {NS}><w:b/><w:i w:val=\"0\"/><x:u xmlns:x=\"other\"/></w:rPr>");
        let doc = parse("p", &text).unwrap();
        let props = doc.root_element();
        assert_eq!(toggle(props, "b"), Some(true));
        assert_eq!(toggle(props, "i"), Some(false));
        assert_eq!(toggle(props, "u"), None);
    }

    #[test]
    fn utf16_parts_are_read() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("<a/>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(text("p", bytes).unwrap(), "<a/>");
        assert!(text("p", vec![0xc3, 0x28]).is_err());
    }
}
