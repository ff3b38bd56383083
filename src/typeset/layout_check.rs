//! A check of the laid-out letter that Typst does not make: text that runs off the page
//! (a word or web address too long for a line, a block too tall for a page).

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::syntax::Span;
use typst_layout::PagedDocument;

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
    let mut walk = Walk::default();
    for (index, page) in document.pages().iter().enumerate() {
        walk.page = index + 1;
        walk.size = (page.frame.width(), page.frame.height());
        walk.reported = [false; 4];
        walk.frame(&page.frame, Transform::identity());
    }
    walk.overflows
}

#[derive(Default)]
struct Walk {
    page: usize,
    size: (Abs, Abs),
    /// Whether an overflow past the left, right, top, bottom edge was reported on this page.
    reported: [bool; 4],
    overflows: Vec<LayoutProblem>,
}

impl Walk {
    fn frame(&mut self, frame: &Frame, ts: Transform) {
        for (pos, item) in frame.items() {
            match item {
                // Clipped content is cut on purpose: not looked into.
                FrameItem::Group(group) if group.clip.is_none() => {
                    let ts = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(group.transform);
                    self.frame(&group.frame, ts);
                }
                FrameItem::Text(text) => {
                    let span = text
                        .glyphs
                        .iter()
                        .map(|g| g.span.0)
                        .find(|s| !s.is_detached())
                        .unwrap_or_else(Span::detached);
                    let start = pos.transform(ts);
                    let end = Point::new(pos.x + text.width(), pos.y).transform(ts);
                    self.placed(start, end, span);
                }
                _ => {}
            }
        }
    }

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
                    self.page
                ),
                hint: hint.into(),
            });
        }
    }
}
