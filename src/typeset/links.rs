//! Links to labels, resolved after layout instead of by Typst.
//!
//! Typst resolves `link(<label>)` by introspection: the first layout pass cannot know where
//! the label is, so every paragraph holding such a link (each endnote marker, each note's
//! number) is laid out again in a second pass (its cost is in `docs/batch.md`).
//! Under missive the generated `main.typ` turns each link to a label into a link to the
//! address [`PREFIX`]`label` (only when missive's [`INPUT`] is set, so an emitted project
//! compiled by the stock Typst CLI resolves its links itself), and [`resolve`] points the
//! laid-out links at the labelled elements, exactly as Typst would have: same destination,
//! same alternative text ("page 3").

use std::collections::HashMap;

use typst::diag::{SourceDiagnostic, SourceResult};
use typst::ecow::{EcoString, EcoVec, eco_format};
use typst::foundations::{Label, NativeElement, Repr};
use typst::introspection::{DocumentPosition, Introspector, Location, Tag};
use typst::layout::{FrameItem, PageElem, Transform};
use typst::model::{Destination, LinkElem, LinkMarker, LinkTarget};
use typst::syntax::Span;
use typst::text::{Lang, LocalName, Region};
use typst::utils::PicoStr;
use typst_layout::{Page, PagedDocument};

use super::frames::{self, Step};

/// Address prefix of a link to a label, waiting for [`resolve`].
pub const PREFIX: &str = "missive-label:";

/// The `sys.inputs` key (with value [`INPUT_VALUE`]) that makes `main.typ` defer links to
/// labels to missive.
pub const INPUT: &str = "missive-links";
/// See [`INPUT`].
pub const INPUT_VALUE: &str = "after-layout";

/// The show rule `main.typ` starts with, and a comment saying what it is for.
pub fn show_rule() -> String {
    format!(
        "// Under missive, links to labels are resolved after layout (one layout pass fewer);\n\
         // without missive's input, as with the stock typst CLI, Typst resolves them.\n\
         #show link: it => if type(it.dest) == label and sys.inputs.at(\"{INPUT}\", default: none) == \"{INPUT_VALUE}\" {{ link(\"{PREFIX}\" + str(it.dest), it.body) }} else {{ it }}"
    )
}

/// Points every deferred link of `document` at its label, with the alternative text
/// Typst gives a link to a location (the word for "page" in `lang`, and the page number).
/// A label that is missing or used twice is an error at the `link(..)` that names it, as
/// in Typst. An address that merely looks deferred (a letter's own link to
/// `missive-label:…`) stays as written, unless a link to that label exists.
pub fn resolve(
    document: PagedDocument,
    lang: Lang,
    region: Option<Region>,
) -> SourceResult<PagedDocument> {
    let introspector = document.introspector().as_ref();
    let mut named: HashMap<Label, Vec<Span>> = HashMap::new();
    for link in introspector.query(&LinkElem::ELEM.select()) {
        if let Some(link) = link.to_packed::<LinkElem>()
            && let LinkTarget::Label(label) = link.dest
        {
            named.entry(label).or_default().push(link.span());
        }
    }
    if named.is_empty() {
        return Ok(document);
    }
    let mut resolver = Resolver {
        introspector,
        page_word: PageElem::local_name(lang, region),
        named,
        errors: EcoVec::new(),
    };
    let mut pages: EcoVec<Page> = EcoVec::new();
    for page in document.pages() {
        let mut page = page.clone();
        let resolved =
            frames::walk(
                &page.frame,
                Transform::identity(),
                &mut |item, _| match resolver.resolved(item) {
                    Some(new) => Step::Replace(new),
                    None => Step::Next,
                },
            );
        if let Some(frame) = resolved {
            page.frame = frame;
        }
        pages.push(page);
    }
    if !resolver.errors.is_empty() {
        return Err(resolver.errors);
    }
    let info = typst::model::Document::info(&document).clone();
    Ok(PagedDocument::new(pages, info))
}

struct Resolver<'a> {
    introspector: &'a dyn Introspector,
    page_word: &'static str,
    /// Each label a `link(<label>)` names, with the spans of those calls.
    named: HashMap<Label, Vec<Span>>,
    errors: EcoVec<SourceDiagnostic>,
}

impl Resolver<'_> {
    /// The item with its deferred link resolved, or `None` if it holds none. An error
    /// (a label missing or used twice) is recorded instead.
    fn resolved(&mut self, item: &FrameItem) -> Option<FrameItem> {
        match item {
            FrameItem::Link(Destination::Url(url), size) => self
                .deferred(url)
                .and_then(|label| self.target(label).ok())
                .map(|target| FrameItem::Link(Destination::Location(target), *size)),
            FrameItem::Tag(Tag::Start(content, flags)) => {
                let marker = content.to_packed::<LinkMarker>()?;
                let label = self.deferred(marker.alt.as_deref()?)?;
                let alt = match self.target(label) {
                    Ok(target) => self.alt_text(target),
                    Err(message) => {
                        self.error(label, message);
                        return None;
                    }
                };
                let mut content = content.clone();
                content.to_packed_mut::<LinkMarker>()?.alt = Some(alt);
                Some(FrameItem::Tag(Tag::Start(content, *flags)))
            }
            _ => None,
        }
    }

    /// The label a deferred link's address names.
    fn deferred(&self, url: &str) -> Option<Label> {
        let label = Label::new(PicoStr::intern(url.strip_prefix(PREFIX)?))?;
        self.named.contains_key(&label).then_some(label)
    }

    /// Where a label is, or Typst's message for a missing or repeated label.
    fn target(&self, label: Label) -> Result<Location, EcoString> {
        let element = self.introspector.query_label(label)?;
        element
            .location()
            .ok_or_else(|| eco_format!("label `{}` has no location", label.repr()))
    }

    /// Reports `message` at each `link(..)` that names `label` (the deferred link's own
    /// span is the rule in `main.typ`), once.
    fn error(&mut self, label: Label, message: EcoString) {
        for &span in self.named.get(&label).into_iter().flatten() {
            if !self.errors.iter().any(|e| e.span == span.into()) {
                self.errors
                    .push(SourceDiagnostic::error(span, message.clone()));
            }
        }
    }

    /// "page 3": the alternative text Typst gives a link to a location.
    fn alt_text(&self, target: Location) -> EcoString {
        match self.introspector.position(target) {
            Some(DocumentPosition::Paged(position)) => {
                eco_format!("{} {}", self.page_word, position.page)
            }
            _ => EcoString::from(self.page_word),
        }
    }
}
