//! What a file is when it is not a readable Word package, said so that the user can act:
//! encrypted, an old binary .doc, another kind of file, damaged, or a decompression bomb.

use std::io::Cursor;

use zip::result::ZipError;

use crate::import::limits::{MAX_PART_BYTES, MAX_RATIO, MAX_UNPACKED_BYTES};
use crate::import::refusal::Refusal;

/// What an OLE compound file is: an encrypted (password-protected) Word file, an old
/// binary `.doc`, or another old Office file.
pub(super) fn ole(bytes: &[u8]) -> Refusal {
    let compound = cfb::CompoundFile::open(Cursor::new(bytes));
    let has = |name: &str| compound.as_ref().is_ok_and(|c| c.exists(name));
    if has("EncryptedPackage") || has("EncryptionInfo") {
        encrypted()
    } else if has("WordDocument") {
        Refusal::new(
            "is an old binary Word document (Word 97–2003 .doc), not a .docx",
            "open it in Word or LibreOffice and save it as .docx (or run `soffice --headless --convert-to docx FILE`), then import that",
        )
    } else {
        Refusal::new(
            "is not a Word document: it is an OLE compound file (an old Office format)",
            "open it in the program that made it and save it as .docx",
        )
    }
}

pub(super) fn encrypted() -> Refusal {
    Refusal::new(
        "is encrypted (protected with a password), so its text cannot be read",
        "open it in Word with its password, remove the password (File › Info › Protect Document › Encrypt with Password, then clear it), save, and import that copy",
    )
}

pub(super) fn bomb(name: &str, size: u64, packed: u64) -> Refusal {
    Refusal::new(
        format!(
            "is refused as a decompression bomb: its part {name} unpacks from {} to more than {} (missive unpacks at most {} MiB per part and {} MiB in all, at most {MAX_RATIO} times the packed size)",
            human(packed),
            human(size.min(MAX_PART_BYTES)),
            MAX_PART_BYTES >> 20,
            MAX_UNPACKED_BYTES >> 20
        ),
        "a letter's parts are far smaller; the file was made to be hostile or is damaged",
    )
}

pub(super) fn human(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

/// What a file that is not a zip archive seems to be.
pub(super) fn not_a_zip(bytes: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if bytes.starts_with(b"%PDF") {
        "it is a PDF"
    } else if head.starts_with("{\\rtf") {
        "it is an RTF document"
    } else if head.starts_with("<!doctype html") || head.starts_with("<html") {
        "it is a web page (HTML)"
    } else if head.starts_with("<?xml") {
        "it is an XML file (perhaps Word 2003 XML or a flat .fodt), not a zip package"
    } else if bytes.is_empty() {
        "the file is empty"
    } else {
        "it is not a zip package"
    }
}

pub(super) fn zip_reason(err: &ZipError) -> String {
    match err {
        ZipError::Io(io) => io.to_string(),
        ZipError::InvalidArchive(why) => why.to_string(),
        ZipError::UnsupportedArchive(why) => format!("unsupported: {why}"),
        ZipError::CompressionMethodNotSupported(method) => {
            format!("compression method {method} is not supported")
        }
        other => other.to_string(),
    }
}
