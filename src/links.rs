//! Links to labels, resolved after layout instead of by Typst.
//!
//! Typst resolves `link(<label>)` by introspection: the first layout pass cannot know where
//! the label is, so every paragraph holding such a link (each endnote marker, each note's
//! number) is laid out again in a second pass. That was about a fifth of a letter's time.
//! Under missive the generated `main.typ` turns each link to a label into a link to the
//! address [`PREFIX`]`label` (only when missive's [`INPUT`] is set, so an emitted project
//! compiled by the stock Typst CLI resolves its links itself), and [`resolve`] points the
//! laid-out links at the labelled elements, exactly as Typst would have: same destination,
//! same alternative text ("Page 3").

use typst::diag::{SourceDiagnostic, SourceResult};
use typst::ecow::{EcoString, EcoVec, eco_format};
use typst::foundations::NativeElement;
use typst::foundations::{Label, Repr};
use typst::introspection::{DocumentPosition, Introspector, Location, Tag};
use typst::layout::{Frame, FrameItem, PageElem};
use typst::model::{Destination, LinkElem, LinkMarker, LinkTarget};
use typst::syntax::Span;
use typst::text::{Lang, LocalName, Region};
use typst::utils::PicoStr;
use typst_layout::{Page, PagedDocument};

/// Address prefix of a link to a label, waiting for [`resolve`].
pub const PREFIX: &str = "missive-label:";

/// The `sys.inputs` key (with value [`INPUT_VALUE`]) that makes `main.typ` defer links to
/// labels to missive.
pub const INPUT: &str = "missive-links";
/// See [`INPUT`].
pub const INPUT_VALUE: &str = "after-layout";

/// The show rule `main.typ` starts with.
pub fn show_rule() -> String {
    format!(
        "#show link: it => if type(it.dest) == label and sys.inputs.at(\"{INPUT}\", default: none) == \"{INPUT_VALUE}\" {{ link(\"{PREFIX}\" + str(it.dest), it.body) }} else {{ it }}"
    )
}

/// Points every deferred link of `document` at its label, with the alternative text
/// Typst gives a link to a location (the word for "page" in `lang`, and the page number).
/// A label that is missing or used twice is an error at the link, as in Typst.
pub fn resolve(
    document: PagedDocument,
    lang: Lang,
    region: Option<Region>,
) -> SourceResult<PagedDocument> {
    let mut resolver = Resolver {
        introspector: document.introspector().as_ref(),
        page_word: PageElem::local_name(lang, region),
        errors: EcoVec::new(),
    };
    let mut pages: EcoVec<Page> = EcoVec::new();
    let mut changed = false;
    for page in document.pages() {
        let mut page = page.clone();
        if let Some(frame) = resolver.frame(&page.frame) {
            page.frame = frame;
            changed = true;
        }
        pages.push(page);
    }
    if !resolver.errors.is_empty() {
        return Err(resolver.errors);
    }
    if !changed {
        return Ok(document);
    }
    let info = typst::model::Document::info(&document).clone();
    Ok(PagedDocument::new(pages, info))
}

struct Resolver<'a> {
    introspector: &'a dyn Introspector,
    page_word: &'static str,
    errors: EcoVec<SourceDiagnostic>,
}

impl Resolver<'_> {
    /// The frame with its deferred links resolved, or `None` if it has none. Only the
    /// frames on the way to a link are copied.
    fn frame(&mut self, frame: &Frame) -> Option<Frame> {
        let mut replaced: Vec<(usize, FrameItem)> = Vec::new();
        for (index, (_, item)) in frame.items().enumerate() {
            let new = match item {
                FrameItem::Group(group) => self.frame(&group.frame).map(|inner| {
                    let mut group = group.clone();
                    group.frame = inner;
                    FrameItem::Group(group)
                }),
                FrameItem::Link(Destination::Url(url), size) => label_of(url)
                    .and_then(|label| self.target(label).ok())
                    .map(|target| FrameItem::Link(Destination::Location(target), *size)),
                FrameItem::Tag(Tag::Start(content, flags)) => {
                    content.to_packed::<LinkMarker>().and_then(|marker| {
                        let label = label_of(marker.alt.as_deref()?)?;
                        let alt = match self.target(label) {
                            Ok(target) => self.alt_text(target),
                            Err(message) => {
                                self.error(label, content.span(), message);
                                return None;
                            }
                        };
                        let mut content = content.clone();
                        content.to_packed_mut::<LinkMarker>()?.alt = Some(alt);
                        Some(FrameItem::Tag(Tag::Start(content, *flags)))
                    })
                }
                _ => None,
            };
            if let Some(new) = new {
                replaced.push((index, new));
            }
        }
        if replaced.is_empty() {
            return None;
        }
        let mut frame = frame.clone();
        let mut replaced = replaced.into_iter().peekable();
        let mut index = 0;
        frame.retain(|item| {
            if let Some((_, new)) = replaced.next_if(|(at, _)| *at == index) {
                *item = new;
            }
            index += 1;
            true
        });
        Some(frame)
    }

    /// Where a label is, or Typst's message for a missing or ambiguous label.
    fn target(&self, label: Label) -> Result<Location, EcoString> {
        let element = self.introspector.query_label(label)?;
        element
            .location()
            .ok_or_else(|| eco_format!("label `{}` has no location", label.repr()))
    }

    /// Reports a link to a label that is missing or used twice at the `link(..)` call that
    /// names the label (the deferred link's own span is the rule in `main.typ`).
    fn error(&mut self, label: Label, fallback: Span, message: EcoString) {
        let mut spans: Vec<Span> = self
            .introspector
            .query(&LinkElem::ELEM.select())
            .iter()
            .filter_map(|link| link.to_packed::<LinkElem>())
            .filter(|link| link.dest == LinkTarget::Label(label))
            .map(|link| link.span())
            .collect();
        if spans.is_empty() {
            spans.push(fallback);
        }
        for span in spans {
            if !self.errors.iter().any(|e| e.span == span.into()) {
                self.errors
                    .push(SourceDiagnostic::error(span, message.clone()));
            }
        }
    }

    /// "Page 3": the alternative text Typst gives a link to a location.
    fn alt_text(&self, target: Location) -> EcoString {
        match self.introspector.position(target) {
            Some(DocumentPosition::Paged(position)) => {
                eco_format!("{} {}", self.page_word, position.page)
            }
            _ => EcoString::from(self.page_word),
        }
    }
}

/// The label a deferred link's address names.
fn label_of(url: &str) -> Option<Label> {
    Label::new(PicoStr::intern(url.strip_prefix(PREFIX)?))
}
