//! Checks of the laid-out letter that Typst does not make: text that runs off the page
//! (a word or web address too long for a line, a block too tall for a page), and
//! characters that no font has.

use typst::layout::{Abs, FrameItem, Point};
use typst::syntax::Span;
use typst_layout::PagedDocument;

use super::frames::{Place, Step, visit_pages};

/// How far (in points) text may reach past a page edge before it counts as running off it.
const TOLERANCE_PT: f64 = 1.0;

/// A problem found in the laid-out pages, at the Typst source that produced it.
#[derive(Debug)]
pub struct LayoutProblem {
    /// Where the text came from (may be detached).
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Finds text off the page edges: the first run of text per page and edge.
pub fn check(document: &PagedDocument) -> Vec<LayoutProblem> {
    let pages = document.pages();
    let mut edges = Edges {
        page: usize::MAX,
        size: (Abs::zero(), Abs::zero()),
        reported: [false; 4],
        overflows: Vec::new(),
    };
    visit_pages(document, |index, item, place| {
        if index != edges.page {
            let frame = &pages[index].frame;
            edges.page = index;
            edges.size = (frame.width(), frame.height());
            edges.reported = [false; 4];
        }
        match item {
            // Clipped content is cut on purpose: not looked into.
            FrameItem::Group(group) if group.clip.is_some() => Step::Skip,
            FrameItem::Text(text) => {
                let span = text
                    .glyphs
                    .iter()
                    .map(|g| g.span.0)
                    .find(|s| !s.is_detached())
                    .unwrap_or_else(Span::detached);
                let Place { pos, ts } = place;
                let start = pos.transform(ts);
                let end = Point::new(pos.x + text.width(), pos.y).transform(ts);
                edges.placed(start, end, span);
                Step::Next
            }
            _ => Step::Next,
        }
    });
    edges.overflows
}

/// The characters of the laid-out text that no font could draw (they print as blank
/// boxes), in the order they first appear.
pub fn missing_glyphs(document: &PagedDocument) -> Vec<char> {
    let mut missing = Vec::new();
    visit_pages(document, |_, item, _| {
        if let FrameItem::Text(text) = item {
            for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                for c in text.text.get(glyph.range()).unwrap_or_default().chars() {
                    if !c.is_whitespace() && !missing.contains(&c) {
                        missing.push(c);
                    }
                }
            }
        }
        Step::Next
    });
    missing
}

/// What the off-page check knows of the page it is on.
struct Edges {
    /// Index of the page.
    page: usize,
    size: (Abs, Abs),
    /// Whether an overflow past the left, right, top, bottom edge was reported on this page.
    reported: [bool; 4],
    overflows: Vec<LayoutProblem>,
}

impl Edges {
    /// Checks a run of text from `start` to `end` (baseline points on the page).
    fn placed(&mut self, start: Point, end: Point, span: Span) {
        let (width, height) = self.size;
        let tolerance = Abs::pt(TOLERANCE_PT);
        let (left, right) = (start.x.min(end.x), start.x.max(end.x));
        let baseline = start.y.max(end.y);
        let edges = [
            (left < -tolerance, "left", -left),
            (right > width + tolerance, "right", right - width),
            (baseline < -tolerance, "top", -baseline),
            (baseline > height + tolerance, "bottom", baseline - height),
        ];
        for (i, (off, edge, by)) in edges.into_iter().enumerate() {
            if !off || self.reported[i] {
                continue;
            }
            self.reported[i] = true;
            let hint = if i < 2 {
                "a word or web address is too long for a line: shorten it, or give the link a text, e.g. `[the report](https://…)`"
            } else {
                "a block that cannot break across pages is taller than a page: split it, or shorten it"
            };
            self.overflows.push(LayoutProblem {
                span,
                message: format!(
                    "text runs {:.1} cm past the {edge} edge of page {}",
                    by.to_cm(),
                    self.page + 1
                ),
                hint: hint.into(),
            });
        }
    }
}
