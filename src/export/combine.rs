//! The combined print file of a letter's personal copies (`render --combined`): the pages
//! of each copy's PDF, in row order, in one PDF. Each copy keeps its own page numbers
//! ("Page 1 of 2"), since each was laid out alone; with `duplex`, a copy with an odd
//! number of pages is followed by a blank page so that every copy starts on a front side.
//!
//! The file is for printing: it carries the pages and what they draw, not the copies'
//! tags, attachments or links (those live in each copy's own PDF). Objects are moved
//! from copy to copy with `lopdf`, renumbered; what no page reaches is dropped.

use lopdf::{Dictionary, Document, Object, ObjectId, dictionary};

/// One PDF of the pages of `copies` (each a whole PDF), in order.
pub fn combine<'a>(
    copies: impl IntoIterator<Item = &'a [u8]>,
    duplex: bool,
) -> Result<Vec<u8>, String> {
    let mut combined = Document::with_version("1.7");
    let pages_id = combined.new_object_id();
    let mut kids = Vec::new();
    for (n, bytes) in copies.into_iter().enumerate() {
        let mut copy = Document::load_mem(bytes).map_err(|err| format!("copy {}: {err}", n + 1))?;
        drop_all_but_pages(&mut copy);
        copy.renumber_objects_with(combined.max_id + 1);
        let pages: Vec<ObjectId> = copy.get_pages().into_values().collect();
        let last_box = pages
            .last()
            .and_then(|id| copy.get_dictionary(*id).ok())
            .and_then(|page| page.get(b"MediaBox").ok().cloned());
        combined.max_id = combined.max_id.max(copy.max_id);
        let catalog = copy
            .trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .ok();
        for (id, object) in std::mem::take(&mut copy.objects) {
            if Some(id) != catalog && !is_pages_node(&object) {
                combined.objects.insert(id, object);
            }
        }
        for page in &pages {
            if let Ok(dict) = combined.get_object_mut(*page).and_then(Object::as_dict_mut) {
                dict.set("Parent", pages_id);
            }
            kids.push(Object::Reference(*page));
        }
        if duplex && pages.len() % 2 == 1 {
            let mut blank = dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Resources" => Dictionary::new(),
            };
            if let Some(media_box) = last_box {
                blank.set("MediaBox", media_box);
            }
            kids.push(Object::Reference(combined.add_object(blank)));
        }
    }
    let count = kids.len() as i64;
    combined.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = combined.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    combined.trailer.set("Root", catalog);
    combined.prune_objects();
    let mut out = Vec::new();
    combined.save_to(&mut out).map_err(|err| err.to_string())?;
    Ok(out)
}

/// Drops from `copy` what the print file does not carry (tags, attachments, metadata,
/// outline, named destinations), before it is moved: a combined file of a thousand copies
/// then holds a thousand copies' pages, not their trees.
fn drop_all_but_pages(copy: &mut Document) {
    if let Ok(catalog) = copy.catalog_mut() {
        for key in [
            &b"StructTreeRoot"[..],
            b"Names",
            b"Metadata",
            b"Outlines",
            b"Dests",
            b"AF",
            b"MarkInfo",
        ] {
            catalog.remove(key);
        }
    }
    copy.prune_objects();
}

/// Whether `object` is a node of a page tree (`/Type /Pages`), which the combined file
/// replaces with its own.
fn is_pages_node(object: &Object) -> bool {
    object
        .as_dict()
        .ok()
        .and_then(|d| d.get(b"Type").ok())
        .and_then(|t| t.as_name().ok())
        == Some(b"Pages".as_slice())
}
