//! Notes as web pages write them: a short marker (`1`, `[1]`, `(1)`, `*`), often raised,
//! that links to `#fragment`; the fragment names the note: an item of a list at the end
//! (pandoc, Markdown CMSs: `<li id="fn1">`), a `<div id="ftn1">` whose anchor `_ftn1`
//! links back (Word's "Save as web page"), or an `<aside>`/`<section>` note. A note's
//! element and the list or section of notes around it are not body text.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::Html;

use super::dom::{self, Handle};

/// The notes a page links to.
#[derive(Debug, Default)]
pub struct Linked {
    /// Marker links (the `<a>`), to the element holding their note.
    pub markers: HashMap<NodeId, NodeId>,
    /// Elements that belong to notes and are not body text: notes, their lists and
    /// sections, and the heading over them.
    pub consumed: HashSet<NodeId>,
    /// Back links inside notes ("↩", the note's own number) to leave out of its text.
    pub back_links: HashSet<NodeId>,
    /// The heading over the notes, if one was left out.
    pub heading: Option<String>,
}

/// Finds the notes that marker links in `root` point to.
pub fn find(page: &Html, root: Handle) -> Linked {
    let targets = dom::targets(page);
    let mut linked = Linked::default();
    for anchor in root.descendants().filter(|n| dom::name(n) == "a") {
        if anchor
            .ancestors()
            .any(|a| linked.consumed.contains(&a.id()))
        {
            continue;
        }
        let Some(fragment) = dom::attr(&anchor, "href").and_then(|h| h.strip_prefix('#')) else {
            continue;
        };
        let label = dom::text(&anchor);
        if !is_marker(label.trim()) {
            continue;
        }
        let Some(target) = targets.get(fragment).and_then(|id| page.tree.get(*id)) else {
            continue;
        };
        // A link to an earlier point of the text, or inside the letter's own paragraph, is
        // not a note: a note stands after its marker, in a block of its own.
        if target.id() == anchor.id() || target.ancestors().any(|a| a.id() == anchor.id()) {
            continue;
        }
        let Some(note) = note_element(target, &anchor) else {
            continue;
        };
        // A note stands after its marker, outside the marker's own paragraph. (Nodes are
        // numbered as the parser creates them: in the order of the page's text.)
        if note.id() <= anchor.id() || anchor.ancestors().any(|a| a.id() == note.id()) {
            continue;
        }
        linked.markers.insert(anchor.id(), note.id());
        linked.consumed.insert(note.id());
        for inside in note.descendants().filter(|n| dom::name(n) == "a") {
            if is_back_link(&inside, &anchor)
                || (inside.id() == target.id() && is_marker(dom::text(&inside).trim()))
            {
                linked.back_links.insert(inside.id());
            }
        }
    }
    consume_containers(page, &mut linked);
    linked
}

/// A note marker's text: a number (`1`, `[1]`, `(1)`, `1.`), a roman numeral or a letter
/// (`iv`, `a`), or a symbol (`*`, `†`).
pub fn is_marker(text: &str) -> bool {
    let inner = text
        .trim_start_matches(['[', '(', '{'])
        .trim_end_matches([']', ')', '}', '.']);
    let chars = inner.chars().count();
    if inner.is_empty() || chars > 4 {
        return false;
    }
    inner.chars().all(|c| c.is_numeric())
        || inner.chars().all(|c| "ivxlc".contains(c))
        || (chars == 1 && inner.chars().all(|c| c.is_ascii_lowercase()))
        || inner.chars().all(|c| "*†‡§¶#".contains(c))
}

/// The element that holds the note a marker's target names: the list item, or the block
/// marked as a note (`role="doc-footnote"`, Word's `mso-element:footnote`, an `id` like
/// `ftn1`, `fn3`, `note-2`), or the block around an inline target.
fn note_element<'a>(target: Handle<'a>, marker: &Handle) -> Option<Handle<'a>> {
    let near: Vec<Handle> = std::iter::once(target)
        .chain(target.ancestors())
        .filter(|n| dom::element(n).is_some())
        .take(5)
        .collect();
    if let Some(item) = near.iter().find(|n| dom::name(n) == "li") {
        return Some(*item);
    }
    if let Some(marked) = near.iter().find(|n| marks_a_note(n)) {
        return Some(*marked);
    }
    let inline = !dom::is_block(dom::name(&target));
    let back = is_back_link(&target, marker);
    let block = if inline {
        near.iter().find(|n| dom::is_block(dom::name(n))).copied()?
    } else {
        target
    };
    // An inline target that does not link back, or a block that does not start with the
    // marker, is an ordinary anchor, not a note.
    let starts_with_marker = dom::text(&block)
        .trim_start()
        .starts_with(dom::text(marker).trim());
    (back || starts_with_marker).then_some(block)
}

/// An element that declares itself one note.
fn marks_a_note(node: &Handle) -> bool {
    let role = dom::attr(node, "role").unwrap_or_default();
    let style = dom::attr(node, "style")
        .unwrap_or_default()
        .replace(' ', "");
    if matches!(role, "doc-footnote" | "doc-endnote")
        || style.contains("mso-element:footnote")
        || style.contains("mso-element:endnote")
    {
        return !style.contains("-list");
    }
    let id = dom::attr(node, "id")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let word = id
        .trim_start_matches('_')
        .trim_end_matches(|c: char| c.is_ascii_digit());
    let word = word.trim_end_matches(['-', '_', ':']);
    word.len() < id.len()
        && matches!(
            word,
            "ftn"
                | "edn"
                | "fn"
                | "footnote"
                | "endnote"
                | "note"
                | "n"
                | "en"
                | "sdfootnote"
                | "sdendnote"
        )
        && id.ends_with(|c: char| c.is_ascii_digit())
}

/// A link inside a note back to its marker: to the marker's `id` or `name` (or its
/// raised wrapper's), or an arrow.
fn is_back_link(link: &Handle, marker: &Handle) -> bool {
    let Some(fragment) = dom::attr(link, "href").and_then(|h| h.strip_prefix('#')) else {
        return false;
    };
    let mut names: Vec<&str> = Vec::new();
    for node in std::iter::once(*marker).chain(marker.ancestors().take(2)) {
        names.extend(dom::attr(&node, "id"));
        names.extend(dom::attr(&node, "name"));
    }
    let text = dom::text(link);
    names.contains(&fragment) || matches!(text.trim(), "↩" | "↩︎" | "↑" | "^" | "⤴" | "back")
}

/// Marks the lists and sections that hold nothing but notes, and the heading just before
/// them ("Notes", "Endnotes"), as consumed.
fn consume_containers(page: &Html, linked: &mut Linked) {
    let notes: Vec<NodeId> = linked.consumed.iter().copied().collect();
    // Notes of one list share their containers: each parent is weighed once.
    let mut weighed = HashSet::new();
    for id in notes {
        let Some(note) = page.tree.get(id) else {
            continue;
        };
        let mut container = note;
        while let Some(parent) = container.parent() {
            if !weighed.insert(parent.id()) {
                break;
            }
            if dom::element(&parent).is_none()
                || matches!(dom::name(&parent), "body" | "main" | "article")
            {
                break;
            }
            let other_text: usize = parent
                .children()
                .filter(|c| {
                    c.id() != container.id()
                        && !linked.consumed.contains(&c.id())
                        && !is_rule_or_heading(c)
                })
                .map(|c| dom::text_len(&c))
                .sum();
            if other_text > 0 {
                break;
            }
            container = parent;
        }
        if container.id() != note.id() {
            for child in container.children() {
                if is_heading_of_notes(&child) {
                    linked
                        .heading
                        .get_or_insert_with(|| dom::text(&child).trim().to_string());
                }
            }
            linked.consumed.insert(container.id());
        }
        // The heading just before the list or section of notes.
        if let Some(previous) = container
            .prev_siblings()
            .find(|s| dom::element(s).is_some() || dom::text_len(s) > 0)
            .filter(is_rule_or_heading)
        {
            if is_heading_of_notes(&previous) {
                linked
                    .heading
                    .get_or_insert_with(|| dom::text(&previous).trim().to_string());
            }
            linked.consumed.insert(previous.id());
        }
    }
}

/// A rule (`<hr>`) or a heading over the notes: what separates notes from the letter.
fn is_rule_or_heading(node: &Handle) -> bool {
    dom::name(node) == "hr" || is_heading_of_notes(node)
}

/// "Notes", "Endnotes", "Notas", "ملاحظات" … alone in a heading or paragraph.
fn is_heading_of_notes(node: &Handle) -> bool {
    if !matches!(
        dom::name(node),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "strong" | "b"
    ) {
        return false;
    }
    let text = dom::text(node);
    let block =
        crate::import::document::Block::Paragraph(vec![crate::import::document::Inline::Text(
            text,
        )]);
    crate::import::document::loose_notes::is_notes_heading(&block)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linked(html: &str) -> (Html, Linked) {
        let page = Html::parse_document(html);
        let linked = {
            let root = page.tree.root();
            find(&page, root)
        };
        (page, linked)
    }

    fn consumed_names(page: &Html, linked: &Linked) -> Vec<String> {
        let mut names: Vec<String> = linked
            .consumed
            .iter()
            .filter_map(|id| page.tree.get(*id))
            .map(|n| dom::name(&n).to_string())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn pandoc_style_list_of_notes() {
        let (page, linked) = linked(concat!(
            "<p>Text<a href=\"#fn1\" id=\"fnref1\" class=\"footnote-ref\"><sup>1</sup></a> and <a href=\"#top\">top</a>.</p>",
            "<section class=\"footnotes\"><hr><ol><li id=\"fn1\"><p>Source. <a href=\"#fnref1\" class=\"footnote-back\">↩︎</a></p></li></ol></section>",
        ));
        assert_eq!(linked.markers.len(), 1);
        assert_eq!(linked.back_links.len(), 1);
        assert_eq!(consumed_names(&page, &linked), ["li", "section"]);
    }

    #[test]
    fn word_html_notes_link_back() {
        let (page, linked) = linked(concat!(
            "<p class=MsoNormal>Claim.<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\">[1]</a></p>",
            "<div style='mso-element:footnote-list'><br clear=all><hr><div style='mso-element:footnote' id=ftn1>",
            "<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href=\"#_ftnref1\" name=\"_ftn1\">[1]</a> Report, 2020.</p></div></div>",
        ));
        assert_eq!(linked.markers.len(), 1);
        assert_eq!(linked.back_links.len(), 1);
        assert!(consumed_names(&page, &linked).contains(&"div".to_string()));
    }

    #[test]
    fn links_to_ordinary_anchors_are_not_notes() {
        let (_, linked) =
            linked("<p>See <a href=\"#s2\">2</a>.</p><h2 id=s2>Section two</h2><p>Text</p>");
        assert!(linked.markers.is_empty());
    }

    #[test]
    fn markers() {
        for text in ["1", "[12]", "(3)", "iv", "*", "†", "٣"] {
            assert!(is_marker(text), "{text}");
        }
        for text in ["", "top", "Section 2", "12345"] {
            assert!(!is_marker(text), "{text}");
        }
    }
}
