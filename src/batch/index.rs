//! The archive's `index.html`, kept by a batch that writes web pages (`--format html`):
//! one entry for every letter whose page the manifest records (every shard's manifest,
//! so the index of a sharded run lists the whole archive once the last part is done),
//! from what the manifest keeps of it (title, addressees, date, language), written by
//! [`write_index`] in the style of the archive's house, and only when its bytes change
//! (a temporary file, then a rename). A letter sent as personal copies is one entry,
//! linking to its first copy's page.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::archive;
use super::manifest::{Record, Records};
use super::tasks::letter_of;
use crate::diagnostic::{Diagnostic, Diagnostics, codes};
use crate::export::Format;
use crate::export::web::index::{IndexEntry, link, write_index};
use crate::letter::house;
use crate::paths::display_path;

/// The index's file name in the output folder.
pub const FILE: &str = "index.html";

/// Writes `out/index.html` for the pages of `records`, in the style of the house of the
/// archive's folder `archive` (canonical); whether it was written (`false`: unchanged).
pub fn write(archive: &Path, out: &Path, records: &Records) -> Result<bool, Diagnostics> {
    let index = out.join(FILE);
    if let Some(id) = (records.iter())
        .find(|(_, record)| page(record).is_some_and(|page| page == FILE))
        .map(|(id, _)| id)
    {
        return Err(vec![
            Diagnostic::error(
                codes::CANNOT_WRITE,
                format!(
                    "the archive index {} is not written: it is the page of {id}",
                    display_path(&index)
                ),
            )
            .hint("rename the letter, or write the pages into a folder of their own"),
        ]);
    }
    let house = house::find(archive)?;
    write_index(&index, &entries(&index, out, records), house.as_ref())
}

/// The entries of the pages `records` hold, one per letter.
fn entries(index: &Path, out: &Path, records: &Records) -> Vec<IndexEntry> {
    // A letter's record, or its copies' records by row.
    let mut letters: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for (id, record) in records {
        if page(record).is_some() {
            letters.entry(letter_of(id)).or_default().push(record);
        }
    }
    let mut entries = Vec::with_capacity(letters.len());
    for records in letters.values_mut() {
        records.sort_by_key(|record| record.summary.row);
        let first = records[0];
        let Some(mut entry) = entry(index, out, first) else {
            continue;
        };
        if first.summary.row.is_some() {
            entry.addressees.clear();
            entry.copies = records.len();
        }
        entries.push(entry);
    }
    entries
}

/// The entry of the page of one record; `None` if its date cannot be read (a manifest
/// written by hand).
fn entry(index: &Path, out: &Path, record: &Record) -> Option<IndexEntry> {
    let summary = &record.summary;
    let page = archive::join(out, page(record)?);
    Some(IndexEntry {
        subject: summary.title.clone(),
        addressees: summary.addressees.clone(),
        date: NaiveDate::parse_from_str(&summary.date, "%Y-%m-%d").ok()?,
        lang: summary.lang.clone(),
        dir: summary.dir.clone(),
        link: link(index, &page)?,
        copies: 0,
    })
}

/// The page a record holds (relative to the output folder): its `html` output, if that
/// is a whole page rather than an `<article>` alone.
fn page(record: &Record) -> Option<&str> {
    let output = record.outputs.get(Format::Html.extension())?;
    let (file, _) = output.files.first()?;
    (output.format == Format::Html).then_some(file.as_str())
}
