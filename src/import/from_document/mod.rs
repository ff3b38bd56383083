//! The letter source of a Word file or a web page. The document's parts are found by the
//! text importer's recognisers ([`parts`](crate::import::document::parts)); the front
//! matter is written as for a text letter, with the language and the letterhead that the
//! document gives; the body is written from the document's own blocks, keeping their
//! structure, with its notes as footnotes and its images written beside the source.

mod images;
mod report;

use std::collections::HashMap;
use std::path::Path;

use super::document::{Block, Document, Inline, Note, letterhead, markdown, parts};
use super::failure::Failure;
use super::job::Imported;
use super::writer::{self, Extras, Letterhead};
use crate::i18n::Lang;
use crate::letter::house::ImportRules;

/// Where a document comes from, for its images.
pub struct Origin<'a> {
    /// The stem of the letter source's name: images are written as `STEM-image-1.png`.
    pub stem: &'a str,
    /// The folder of the file read (a saved page's images are beside it).
    pub folder: &'a Path,
}

/// Turns a document into a letter source, with `rules` for the site's chrome.
pub fn convert(
    document: &Document,
    rules: &ImportRules,
    origin: &Origin,
) -> Result<Imported, Failure> {
    let placed = parts::place(document, rules);
    if placed.lines.iter().all(|l| l.is_blank()) {
        return Err(Failure::OnlyChrome { unit: "paragraph" });
    }
    let body: Vec<Block> = placed
        .body
        .clone()
        .filter(|i| !placed.chrome_blocks.contains(i))
        .map(|i| document.blocks[i].clone())
        .collect();
    let (body, notes, unused) = notes_of(body, &document.notes);
    let (images, mut files) = images::place(&body, document, origin.stem, origin.folder);
    let path = |image: &super::document::Image| {
        images
            .iter()
            .find(|p| p.image == *image)
            .and_then(|p| p.file.clone().ok())
    };
    let markdown = markdown::write(&body, &notes, &path);
    let head = letterhead::recognise(&document.header, &document.footer);
    let logo = images::logo(document, origin.stem);
    let letterhead = (!head.is_empty() || logo.is_some()).then(|| Letterhead {
        organization: head.organization.as_deref(),
        logo: logo.as_ref().map(|(_, name, _)| name.as_str()),
        logo_alt: logo
            .as_ref()
            .map(|(image, _, _)| image.alt.as_str())
            .filter(|a| !a.is_empty()),
        address: head.address.iter().map(String::as_str).collect(),
        contacts: head.contacts.iter().map(String::as_str).collect(),
    });
    let lang = document
        .metadata
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .filter(Lang::is_supported)
        .map(|l| l.tag());
    let extras = Extras {
        lang: lang.as_deref(),
        letterhead,
    };
    let at = report::Locator::new(document, &placed);
    let unplaced = at.unplaced();
    let source = writer::compose(&unplaced, &placed.letter, &extras, &markdown)?;
    let report = report::report(report::Facts {
        document,
        placed: &placed,
        at: &at,
        body: &body,
        notes: &notes,
        unused,
        images: &images,
        letterhead: &head,
        logo: logo.as_ref().map(|(_, name, _)| name.as_str()),
        lang: extras.lang,
        unplaced,
    });
    if let Some((_, name, bytes)) = logo {
        files.push((name, bytes));
    }
    Ok(Imported {
        source,
        report,
        files,
    })
}

/// The body with its note references renumbered in the order the body makes them, the
/// notes in that order, and how many notes the body never references (a note on the
/// date or the signature, left out).
fn notes_of(mut body: Vec<Block>, all: &[Note]) -> (Vec<Block>, Vec<Note>, usize) {
    let mut order: HashMap<usize, usize> = HashMap::new();
    let mut notes = Vec::new();
    for block in &mut body {
        renumber(block, all, &mut order, &mut notes);
    }
    let unused = all.len() - notes.len();
    (body, notes, unused)
}

fn renumber(
    block: &mut Block,
    all: &[Note],
    order: &mut HashMap<usize, usize>,
    notes: &mut Vec<Note>,
) {
    match block {
        Block::Paragraph(content) | Block::Heading { content, .. } => {
            renumber_runs(content, all, order, notes);
        }
        _ => {
            for inner in block.inner_mut() {
                renumber(inner, all, order, notes);
            }
        }
    }
}

fn renumber_runs(
    runs: &mut [Inline],
    all: &[Note],
    order: &mut HashMap<usize, usize>,
    notes: &mut Vec<Note>,
) {
    for run in runs {
        match run {
            Inline::NoteRef(n) => {
                let next = notes.len();
                let index = *order.entry(*n).or_insert(next);
                if index == next
                    && let Some(note) = all.get(*n)
                {
                    notes.push(note.clone());
                }
                *n = index;
            }
            Inline::Emphasis(inner)
            | Inline::Strong(inner)
            | Inline::Underline(inner)
            | Inline::Superscript(inner)
            | Inline::Link { content: inner, .. } => renumber_runs(inner, all, order, notes),
            _ => {}
        }
    }
}
