//! The combined print file of a letter's personal copies (`render --combined`): the pages
//! of each copy's PDF, in row order, in one PDF. Each copy keeps its own page numbers
//! ("Page 1 of 2"), since each was laid out alone; with `duplex`, a copy with an odd
//! number of pages is followed by a blank page so that every copy starts on a front side.
//!
//! The file is for printing: it carries the pages and what they draw, not the copies'
//! tags, attachments or links (those live in each copy's own PDF). One copy at a time is
//! read with `lopdf`, renumbered, and what its pages reach is written out with
//! `pdf-writer` before the next is read: memory holds one copy's objects and the bytes
//! written, not every copy's objects (a thousand three-page copies held 540 MB in one
//! `lopdf` document; docs/copies.md).

use std::collections::BTreeSet;

use lopdf::{Document, Object, ObjectId};
use pdf_writer::{Name, Null, Obj, Pdf, Rect, Ref, Str};

/// One PDF of the pages of `copies` (each a whole PDF, or why it could not be read), in
/// order.
pub fn combine(
    copies: impl IntoIterator<Item = Result<Vec<u8>, String>>,
    duplex: bool,
) -> Result<Vec<u8>, String> {
    let mut pdf = Pdf::new();
    let pages_id = Ref::new(1);
    let mut next = 2;
    let mut kids = Vec::new();
    for (n, bytes) in copies.into_iter().enumerate() {
        let failed = |err: &dyn std::fmt::Display| format!("copy {}: {err}", n + 1);
        let mut copy = Document::load_mem(&bytes?).map_err(|err| failed(&err))?;
        copy.renumber_objects_with(next);
        let pages: Vec<ObjectId> = copy.get_pages().into_values().collect();
        for page in &pages {
            let dict = copy.get_object_mut(*page).and_then(Object::as_dict_mut);
            dict.map_err(|err| failed(&err))?
                .set("Parent", reference(pages_id));
        }
        for id in reached(&copy, &pages) {
            if let Ok(object) = copy.get_object(id) {
                write_indirect(&mut pdf, id, object);
            }
        }
        next = copy.max_id.max(next) + 1;
        kids.extend(pages.iter().map(|id| to_ref(*id)));
        if duplex && pages.len() % 2 == 1 {
            let media_box = pages.last().and_then(|id| media_box(&copy, *id));
            let blank = Ref::new(id_number(next));
            next += 1;
            let mut page = pdf.page(blank);
            page.parent(pages_id);
            if let Some(rect) = media_box {
                page.media_box(rect);
            }
            page.resources();
            drop(page);
            kids.push(blank);
        }
    }
    let count = i32::try_from(kids.len()).map_err(|_| "too many pages".to_string())?;
    pdf.pages(pages_id).kids(kids).count(count);
    pdf.catalog(Ref::new(id_number(next))).pages(pages_id);
    Ok(pdf.finish())
}

/// The objects of `copy` that its `pages` reach, following references but not a
/// `/Parent` (the copy's page tree, which the combined file replaces): what no page
/// draws (the catalog, tags, attachments, metadata, outline) is left behind.
fn reached(copy: &Document, pages: &[ObjectId]) -> BTreeSet<ObjectId> {
    fn references(object: &Object, out: &mut Vec<ObjectId>) {
        match object {
            Object::Reference(id) => out.push(*id),
            Object::Array(items) => items.iter().for_each(|item| references(item, out)),
            Object::Dictionary(dict) => dict
                .iter()
                .filter(|(key, _)| key.as_slice() != b"Parent")
                .for_each(|(_, value)| references(value, out)),
            Object::Stream(stream) => stream
                .dict
                .iter()
                .for_each(|(_, value)| references(value, out)),
            _ => {}
        }
    }
    let mut seen = BTreeSet::new();
    let mut stack = pages.to_vec();
    while let Some(id) = stack.pop() {
        if seen.insert(id)
            && let Ok(object) = copy.get_object(id)
        {
            references(object, &mut stack);
        }
    }
    seen
}

/// Writes `object` as the indirect object `id` (a stream with its data as it is, still
/// compressed, and its own `/Length`).
fn write_indirect(pdf: &mut Pdf, id: ObjectId, object: &Object) {
    match object {
        Object::Stream(stream) => {
            let mut out = pdf.stream(to_ref(id), &stream.content);
            for (key, value) in stream
                .dict
                .iter()
                .filter(|(k, _)| k.as_slice() != b"Length")
            {
                write(out.insert(Name(key)), value);
            }
        }
        other => write(pdf.indirect(to_ref(id)), other),
    }
}

/// Writes a direct object.
fn write(obj: Obj<'_>, object: &Object) {
    match object {
        Object::Null | Object::Stream(_) => obj.primitive(Null),
        Object::Boolean(value) => obj.primitive(*value),
        // The copies are missive's own PDFs: no integer beyond 32 bits (byte counts of a
        // few megabytes at most).
        Object::Integer(value) => obj.primitive(i32::try_from(*value).unwrap_or(i32::MAX)),
        Object::Real(value) => obj.primitive(*value),
        Object::Name(name) => obj.primitive(Name(name)),
        Object::String(bytes, _) => obj.primitive(Str(bytes)),
        Object::Array(items) => {
            let mut array = obj.array();
            for item in items {
                write(array.push(), item);
            }
        }
        Object::Dictionary(dict) => {
            let mut out = obj.dict();
            for (key, value) in dict.iter() {
                write(out.insert(Name(key)), value);
            }
        }
        Object::Reference(id) => obj.primitive(to_ref(*id)),
    }
}

/// The media box of the page `id`.
fn media_box(copy: &Document, id: ObjectId) -> Option<Rect> {
    let page = copy.get_dictionary(id).ok()?;
    let numbers: Vec<f32> = page
        .get(b"MediaBox")
        .ok()?
        .as_array()
        .ok()?
        .iter()
        .filter_map(|n| n.as_float().ok())
        .collect();
    match numbers[..] {
        [x1, y1, x2, y2] => Some(Rect::new(x1, y1, x2, y2)),
        _ => None,
    }
}

fn reference(id: Ref) -> Object {
    Object::Reference((id.get() as u32, 0))
}

fn to_ref((number, _): ObjectId) -> Ref {
    Ref::new(id_number(number))
}

/// An object number as `pdf-writer` takes it (a copy's numbers start at 2; a combined
/// file past 2³¹ objects cannot be written anyway).
fn id_number(number: u32) -> i32 {
    i32::try_from(number).unwrap_or(i32::MAX)
}
