//! The state of reading one Word package: its styles, numbering and relationships, the
//! notes waiting for their references, the fields open, the paragraph's pending changes,
//! and the document being built.

use std::collections::{BTreeSet, HashMap};

use roxmltree::Node;

use super::numbering::Numbering;
use super::package::{Package, Relationships};
use super::styles::Styles;
use super::xml;
use crate::import::document::{self, Block, Document, Dropped, Inline};
use crate::import::refusal::Refusal;

/// Footnotes or endnotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum NoteKind {
    Footnote,
    Endnote,
}

impl NoteKind {
    pub(super) fn relationship(self) -> &'static str {
        match self {
            NoteKind::Footnote => "footnotes",
            NoteKind::Endnote => "endnotes",
        }
    }

    pub(super) fn word(self) -> &'static str {
        match self {
            NoteKind::Footnote => "footnote",
            NoteKind::Endnote => "endnote",
        }
    }
}

/// A field being read (`w:fldChar` begin … separate … end).
#[derive(Debug)]
pub(super) struct Field {
    /// Its instruction (`HYPERLINK "https://…"`, `DATE \@ "d MMMM yyyy"`).
    pub(super) instruction: String,
    /// Whether its result has begun (after `separate`).
    pub(super) in_result: bool,
    /// Where its result began: the paragraph's serial number, the depth of the run list,
    /// and the index in it.
    pub(super) result_at: Option<(usize, usize, usize)>,
    /// Whether its result is left out (a table of contents).
    pub(super) dropped: bool,
}

/// Reads the parts of one package into one document.
pub(super) struct Reader<'b> {
    pub(super) package: Package<'b>,
    pub(super) styles: Styles,
    pub(super) numbering: Numbering,
    /// Relationships of the part being read.
    pub(super) rels: Relationships,
    /// Notes read from their parts, by kind and id, until referenced.
    pub(super) notes: HashMap<(NoteKind, String), Vec<Block>>,
    /// How many notes of each kind have been referenced (to label them).
    pub(super) referenced: HashMap<NoteKind, usize>,
    /// Whether a note's own text is being read (references inside notes are ignored).
    pub(super) in_note: bool,
    /// Images already read, by part name.
    pub(super) images: HashMap<String, usize>,
    /// Fields open, outermost first.
    pub(super) fields: Vec<Field>,
    /// Field types shown as their last result, for the notice.
    pub(super) fields_shown: BTreeSet<String>,
    /// Runs of a paragraph whose mark was deleted: they join the next paragraph.
    pub(super) merge: Vec<Inline>,
    /// Blocks of text boxes met in the current paragraph, placed after it.
    pub(super) floating: Vec<Block>,
    /// Tracked changes of the current paragraph, for the report.
    pub(super) changes: Vec<Change>,
    /// Hidden text of the current paragraph, for the report.
    pub(super) hidden: String,
    /// Set by a note reference with a custom mark: the mark's text follows and is skipped.
    pub(super) skip_mark: bool,
    /// Counts paragraphs, so a field's result is wrapped only within its own paragraph.
    pub(super) paragraph_serial: usize,
    /// Depth of nested run lists within a paragraph.
    pub(super) depth: usize,
    /// Paragraphs read as headings from their font size.
    pub(super) sized_headings: usize,
    /// The first refusal met inside the reader (an image that is a decompression bomb).
    pub(super) refusal: Option<Refusal>,
    /// What has been read.
    pub(super) document: Document,
}

impl<'b> Reader<'b> {
    pub(super) fn new(package: Package<'b>, styles: Styles, numbering: Numbering) -> Reader<'b> {
        Reader {
            package,
            styles,
            numbering,
            rels: Relationships::new(),
            notes: HashMap::new(),
            referenced: HashMap::new(),
            in_note: false,
            images: HashMap::new(),
            fields: Vec::new(),
            fields_shown: BTreeSet::new(),
            merge: Vec::new(),
            floating: Vec::new(),
            changes: Vec::new(),
            hidden: String::new(),
            skip_mark: false,
            paragraph_serial: 0,
            depth: 0,
            sized_headings: 0,
            refusal: None,
            document: Document::default(),
        }
    }

    /// Reads `w:footnotes` or `w:endnotes`: every note but the separators, kept until the
    /// body references it.
    pub(super) fn read_notes(&mut self, kind: NoteKind, root: Node, rels: Relationships) {
        self.rels = rels;
        self.in_note = true;
        for note in root.children().filter(|n| xml::is(*n, kind.word())) {
            let Some(id) = xml::attr(note, "id") else {
                continue;
            };
            if matches!(
                xml::attr(note, "type"),
                Some("separator" | "continuationSeparator" | "continuationNotice")
            ) {
                continue;
            }
            let blocks = self.blocks(note);
            self.notes.insert((kind, id.to_string()), blocks);
        }
        self.in_note = false;
        self.fields.clear();
    }

    /// Records the notes no reference in the body points to (their reference was deleted).
    pub(super) fn unreferenced_notes(&mut self) {
        let mut left: Vec<_> = self.notes.drain().collect();
        left.sort_by(|a, b| a.0.1.cmp(&b.0.1));
        for ((kind, _), blocks) in left {
            let text = document::blocks_text(&blocks);
            if !text.trim().is_empty() {
                self.document.dropped.push(Dropped::new(
                    &text,
                    format!("{} that no reference in the text points to", kind.word()),
                ));
            }
        }
    }

    /// The document read, with its notices.
    pub(super) fn finish(mut self) -> Document {
        if !self.fields_shown.is_empty() {
            let kinds: Vec<&str> = self.fields_shown.iter().map(String::as_str).collect();
            self.document.notices.push(format!(
                "fields shown as the result Word last saved: {}",
                kinds.join(", ")
            ));
        }
        if self.sized_headings > 0 {
            self.document.notices.push(format!(
                "{} paragraph(s) read as headings from their larger type (no heading style)",
                self.sized_headings
            ));
        }
        self.document
    }
}

/// A tracked change being gathered for the report: inserted (kept) or deleted (dropped),
/// its author, its text.
pub(super) struct Change {
    pub(super) inserted: bool,
    pub(super) author: String,
    pub(super) text: String,
}

/// What the runs of a paragraph looked like, to tell a heading made by direct formatting
/// (Google Docs, or a writer who enlarged the text instead of choosing a style).
#[derive(Debug, Default)]
pub(super) struct Looks {
    /// Characters of visible text.
    pub chars: usize,
    /// The smallest type size of that text, in half-points.
    pub smallest: Option<u32>,
}
