//! Parsing a page with html5ever into scraper's tree, in chunks, watching how deep the
//! tree grows. html5ever mends broken markup as browsers do, but some of its steps walk
//! the stack of open elements, so a page of 100 000 nested `<div>`s (600 KB) takes it a
//! minute: parsing stops, and the page is refused, as soon as the tree is deeper than
//! [`MAX_DEPTH`], whatever follows.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

use crate::import::limits::MAX_DEPTH;

/// How much text the parser is given at a time.
const CHUNK: usize = 16 << 10;

/// Parses a page; Err(depth reached) when its elements nest deeper than [`MAX_DEPTH`].
pub fn parse(text: &str) -> Result<Html, usize> {
    let deepest = Rc::new(Cell::new(0));
    let sink = DepthSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        depths: RefCell::new(HashMap::new()),
        deepest: Rc::clone(&deepest),
    };
    let mut parser = html5ever::parse_document(sink, Default::default());
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        if deepest.get() > MAX_DEPTH {
            return Err(deepest.get());
        }
    }
    let page = parser.finish();
    if deepest.get() > MAX_DEPTH {
        return Err(deepest.get());
    }
    Ok(page)
}

/// scraper's tree sink, recording the depth of every node it places.
struct DepthSink {
    inner: HtmlTreeSink,
    depths: RefCell<HashMap<NodeId, usize>>,
    deepest: Rc<Cell<usize>>,
}

impl DepthSink {
    fn place(&self, parent: &NodeId, child: &NodeOrText<NodeId>) {
        if let NodeOrText::AppendNode(child) = child {
            let mut depths = self.depths.borrow_mut();
            let depth = depths.get(parent).copied().unwrap_or(0) + 1;
            depths.insert(*child, depth);
            if depth > self.deepest.get() {
                self.deepest.set(depth);
            }
        }
    }

    fn parent_of(&self, node: &NodeId) -> Option<NodeId> {
        let html = self.inner.0.borrow();
        html.tree.get(*node)?.parent().map(|p| p.id())
    }
}

impl TreeSink for DepthSink {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.place(parent, &child);
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let parent = self.parent_of(element).unwrap_or(*prev_element);
        self.place(&parent, &child);
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        if let Some(parent) = self.parent_of(sibling) {
            self.place(&parent, &new_node);
        }
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_scraper() {
        let text = "<!doctype html><title>T</title><p>One<b>two</p><table><tr><td>x</table>";
        let ours = parse(text).unwrap();
        assert_eq!(ours.html(), Html::parse_document(text).html());
    }

    #[test]
    fn deep_pages_stop_early() {
        let depth = 20_000;
        let text = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let reached = parse(&text).unwrap_err();
        assert!(reached > MAX_DEPTH);
        // Stopped within a chunk of the limit, not after parsing 20 000 levels.
        assert!(reached < MAX_DEPTH + CHUNK / 5, "{reached}");
    }
}
