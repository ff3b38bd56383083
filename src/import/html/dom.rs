//! Small questions about the parsed page: an element's name, its class and id words, its
//! text, whether it is a block, and the elements that `#fragment` links can point to.

use std::collections::{HashMap, HashSet};

use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};

/// A node of the page.
pub type Handle<'a> = NodeRef<'a, Node>;

/// The element of a node.
pub fn element<'a>(node: &Handle<'a>) -> Option<&'a Element> {
    node.value().as_element()
}

/// The element's tag name (lower case), or "" for other nodes.
pub fn name<'a>(node: &Handle<'a>) -> &'a str {
    element(node).map_or("", Element::name)
}

/// The page's `<body>`; none in a frameset page.
pub fn body(page: &Html) -> Option<Handle<'_>> {
    page.tree.root().descendants().find(|n| name(n) == "body")
}

/// An attribute of the node's element.
pub fn attr<'a>(node: &Handle<'a>, name: &str) -> Option<&'a str> {
    element(node).and_then(|e| e.attr(name))
}

/// The words of the element's `class` and `id`, lower case.
pub fn hints(node: &Handle) -> Vec<String> {
    let Some(element) = element(node) else {
        return Vec::new();
    };
    element
        .attr("class")
        .into_iter()
        .chain(element.attr("id"))
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
}

/// Elements that are never text: their content is code, style or a form's machinery.
pub fn is_code(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "svg"
            | "audio"
            | "video"
            | "source"
            | "track"
            | "map"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "base"
    )
}

/// Elements that start a block of their own.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "caption"
    )
}

/// The elements that have a block element among their descendants (a link around
/// paragraphs), found in one pass: each block marks its ancestors up to one already
/// marked.
pub fn with_blocks_inside(page: &Html) -> HashSet<NodeId> {
    let mut marked = HashSet::new();
    for node in page.tree.root().descendants() {
        if !is_block(name(&node)) || is_code(name(&node)) {
            continue;
        }
        for ancestor in node.ancestors() {
            if !marked.insert(ancestor.id()) {
                break;
            }
        }
    }
    marked
}

/// The text of a node and its descendants, without code, as the page shows it (white
/// space not yet collapsed).
pub fn text(node: &Handle) -> String {
    let mut out = String::new();
    let mut stack = vec![*node];
    while let Some(current) = stack.pop() {
        match current.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) if is_code(e.name()) => {}
            Node::Element(e) if matches!(e.name(), "br" | "p" | "div" | "li" | "td") => {
                out.push(' ');
                push_children(&current, &mut stack);
            }
            _ => push_children(&current, &mut stack),
        }
    }
    out
}

fn push_children<'a>(node: &Handle<'a>, stack: &mut Vec<Handle<'a>>) {
    let children: Vec<Handle> = node.children().collect();
    stack.extend(children.into_iter().rev());
}

/// Characters of text under a node that are not white space.
pub fn text_len(node: &Handle) -> usize {
    text(node).chars().filter(|c| !c.is_whitespace()).count()
}

/// Elements by the names a `#fragment` link can point to: `id`, and `name` of anchors.
pub fn targets(page: &Html) -> HashMap<String, NodeId> {
    let mut out = HashMap::new();
    for node in page.tree.root().descendants() {
        let Some(element) = element(&node) else {
            continue;
        };
        if let Some(id) = element.attr("id") {
            out.entry(id.to_string()).or_insert(node.id());
        }
        if element.name() == "a"
            && let Some(name) = element.attr("name")
        {
            out.entry(name.to_string()).or_insert(node.id());
        }
    }
    out
}

/// Tracking pixels: images of 1 by 1 (or 0) pixels.
pub fn is_tracking_image(node: &Handle) -> bool {
    let tiny = |a: &str| {
        attr(node, a).is_some_and(|v| {
            v.trim()
                .trim_end_matches("px")
                .parse::<u32>()
                .is_ok_and(|n| n <= 1)
        })
    };
    tiny("width") || tiny("height")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_skips_code_and_separates_blocks() {
        let page = Html::parse_document(
            "<p>One<script>document.write('never')</script></p><p>Two<br>three</p>",
        );
        let body = body(&page).unwrap();
        let text = text(&body);
        assert_eq!(
            text.split_whitespace().collect::<Vec<_>>(),
            ["One", "Two", "three"]
        );
    }

    #[test]
    fn targets_by_id_and_anchor_name() {
        let page = Html::parse_document("<p id=a>x</p><a name=_ftn1>[1]</a><span name=no>y</span>");
        let targets = targets(&page);
        assert!(targets.contains_key("a") && targets.contains_key("_ftn1"));
        assert!(!targets.contains_key("no"));
    }
}
