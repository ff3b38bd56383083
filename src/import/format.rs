//! What an archived file is, known by its content and not by its name: a Word file (a
//! zip package, or an OLE file that the Word reader explains), a web page (HTML markup,
//! or a page saved as one MHTML file), or text. Files that are none of these (a PDF, an
//! RTF document, an image, other binary data) are refused with what they are.

use crate::import::document::image_extension;
use crate::import::html;
use crate::import::refusal::Refusal;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Word file (`.docx`, `.docm`), or a file the Word reader explains (encrypted, `.doc`).
    Word,
    /// A web page (`.html`, `.htm`, `.mhtml`, `.mht`).
    Web,
    /// Plain text.
    Text,
}

impl Format {
    /// Its name in reports ("a Word file").
    pub fn name(self) -> &'static str {
        match self {
            Format::Word => "a Word file",
            Format::Web => "a web page",
            Format::Text => "text",
        }
    }

    /// The format that a file name's extension promises, if any.
    pub fn by_extension(name: &str) -> Option<Format> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match extension.as_str() {
            "docx" | "docm" | "dotx" | "dotm" => Format::Word,
            "html" | "htm" | "xhtml" | "mhtml" | "mht" => Format::Web,
            "txt" | "text" | "eml" => Format::Text,
            _ => return None,
        })
    }
}

/// The signature of an OLE compound file (encrypted Word, Word 97–2003).
const OLE: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// Recognises a file's format from its bytes.
pub fn recognise(bytes: &[u8]) -> Result<Format, Refusal> {
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(OLE)
    {
        return Ok(Format::Word);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(Refusal::new(
            "is a PDF; missive imports Word files, web pages and text",
            "save the letter's text from the PDF (in a PDF reader: File › Save as Text, or `pdftotext -layout FILE`) and import that; for a PDF that missive made, `missive extract` recovers its source",
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(Refusal::new(
            "is an RTF document; missive imports Word files, web pages and text",
            "open it in Word or LibreOffice and save it as .docx, then import that",
        ));
    }
    if html::is_page(bytes) {
        return Ok(Format::Web);
    }
    if is_binary(bytes) {
        let kind = image_extension("", &bytes[..bytes.len().min(64)]);
        let what = if kind == "bin" {
            "is not text: it holds binary data".to_string()
        } else {
            format!("is an image ({kind}), not text")
        };
        return Err(Refusal::new(
            what,
            "import the letter as a Word file, a web page or text; a scanned letter must first be turned into text (OCR)",
        ));
    }
    Ok(Format::Text)
}

/// Whether bytes are binary: control bytes other than white space in the first 8 KiB,
/// unless the text is UTF-16 (whose zero bytes are half its characters).
fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8 << 10)];
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return false;
    }
    let zeros = head.iter().filter(|b| **b == 0).count();
    let utf16 = zeros * 3 >= head.len() && zeros * 3 <= head.len() * 2;
    let controls = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    !utf16 && controls > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        assert_eq!(recognise(b"PK\x03\x04rest"), Ok(Format::Word));
        assert_eq!(
            recognise(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
            Ok(Format::Word)
        );
        assert_eq!(recognise(b"  <!DOCTYPE html><p>x"), Ok(Format::Web));
        assert_eq!(recognise(b"<div>Dear Minister,</div>"), Ok(Format::Web));
        assert_eq!(
            recognise(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n"),
            Ok(Format::Web)
        );
        assert_eq!(
            recognise("June 4, 2021\n\nDear Minister,\n".as_bytes()),
            Ok(Format::Text)
        );
        assert_eq!(recognise(b"<Name> wrote:\nDear all"), Ok(Format::Text));
        let utf16: Vec<u8> = "Dear Minister"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(recognise(&utf16), Ok(Format::Text));
    }

    #[test]
    fn other_files_say_what_they_are() {
        assert!(
            recognise(b"%PDF-1.7")
                .unwrap_err()
                .reason
                .starts_with("is a PDF")
        );
        assert!(
            recognise(b"{\\rtf1\\ansi")
                .unwrap_err()
                .reason
                .starts_with("is an RTF")
        );
        assert_eq!(
            recognise(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
                .unwrap_err()
                .reason,
            "is an image (png), not text"
        );
        assert!(
            recognise(b"\x7fELF\x02\x01\x01\0\0")
                .unwrap_err()
                .reason
                .contains("binary")
        );
    }

    #[test]
    fn extensions_promise_formats() {
        assert_eq!(Format::by_extension("a/B.DOCX"), Some(Format::Word));
        assert_eq!(Format::by_extension("page.mht"), Some(Format::Web));
        assert_eq!(Format::by_extension("letter.txt"), Some(Format::Text));
        assert_eq!(Format::by_extension("scan.pdf"), None);
    }
}
