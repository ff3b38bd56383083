//! The one walk over laid-out frames: every item of a page, depth first and in order,
//! with where it sits on the page. The checks of the laid-out letter (characters no
//! font has, text off the page), the fonts an emitted project needs, the image a PDF
//! error is about, and the resolution of links to labels all walk with it.

use typst::layout::{Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

/// What the walk does after visiting an item.
pub enum Step {
    /// Goes on, into the item's frame if it is a group.
    Next,
    /// Goes on, but not into this group's frame.
    Skip,
    /// Puts this item in the visited one's place.
    Replace(FrameItem),
}

/// An item and where it sits: its position in its frame, and the transform from that
/// frame to the page.
#[derive(Clone, Copy)]
pub struct Place {
    /// The item's position in its frame.
    pub pos: Point,
    /// From the frame's coordinates to the page's.
    pub ts: Transform,
}

/// Visits every item of `frame` (which sits at `ts` on the page) and returns the frame
/// with the items `visit` replaced, or `None` if it replaced none. Only the frames on
/// the way to a replaced item are copied.
pub fn walk(
    frame: &Frame,
    ts: Transform,
    visit: &mut impl FnMut(&FrameItem, Place) -> Step,
) -> Option<Frame> {
    let mut replaced: Vec<(usize, FrameItem)> = Vec::new();
    for (index, (pos, item)) in frame.items().enumerate() {
        let new = match visit(item, Place { pos: *pos, ts }) {
            Step::Replace(new) => Some(new),
            Step::Skip => None,
            Step::Next => match item {
                FrameItem::Group(group) => {
                    let inner_ts = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(group.transform);
                    walk(&group.frame, inner_ts, visit).map(|inner| {
                        let mut group = group.clone();
                        group.frame = inner;
                        FrameItem::Group(group)
                    })
                }
                _ => None,
            },
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

/// Visits every item of every page of `document`, with the page's index (from 0).
/// Replacements are ignored: this walk only looks.
pub fn visit_pages(
    document: &PagedDocument,
    mut visit: impl FnMut(usize, &FrameItem, Place) -> Step,
) {
    for (index, page) in document.pages().iter().enumerate() {
        walk(
            &page.frame,
            Transform::identity(),
            &mut |item, place| match visit(index, item, place) {
                Step::Replace(_) => Step::Next,
                step => step,
            },
        );
    }
}
