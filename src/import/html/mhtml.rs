//! Web pages saved as one file: MHTML (Chrome's and Edge's "Save as MHTML", Internet
//! Explorer's and Word's "Single File Web Page" `.mht`). It is a MIME message: its first
//! HTML part is the page, the other parts its images, each named by its address. The
//! message is read with the mailparse crate (MIME structure, quoted-printable and base64
//! bodies).

use std::collections::HashMap;

use mailparse::{MailHeaderMap, ParsedMail};

use crate::import::refusal::Refusal;

/// A saved page and what it carries.
#[derive(Debug, Default)]
pub struct Archive {
    /// The page's bytes, transfer encoding removed.
    pub html: Vec<u8>,
    /// The charset its MIME part declares.
    pub charset: Option<String>,
    /// The page's address (`Content-Location`, or Chrome's `Snapshot-Content-Location`).
    pub location: Option<String>,
    /// Images and other parts, by `Content-Location` and by `cid:` address.
    pub resources: HashMap<String, Vec<u8>>,
}

/// Whether bytes are a MIME message holding a page: header lines first, among them
/// `MIME-Version` and a `Content-Type` of `multipart/related` or `text/html`.
pub fn is_mhtml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8 << 10)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start();
    let end = text
        .find("\r\n\r\n")
        .or_else(|| text.find("\n\n"))
        .unwrap_or(text.len());
    let headers = &text[..end];
    let first_is_header = headers
        .lines()
        .next()
        .and_then(|l| l.split_once(':'))
        .is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    first_is_header
        && headers.contains("mime-version:")
        && (headers.contains("multipart/related") || headers.contains("text/html"))
}

/// Opens a saved page.
pub fn open(bytes: &[u8]) -> Result<Archive, Refusal> {
    let message = mailparse::parse_mail(bytes).map_err(|err| {
        Refusal::new(
            format!("is a damaged single-file web page (MHTML): {err}"),
            "save the page again, as \"Web page, HTML only\" if you can",
        )
    })?;
    let mut archive = Archive {
        location: location(&message),
        ..Archive::default()
    };
    let mut found = false;
    let mut stack = vec![&message];
    while let Some(part) = stack.pop() {
        stack.extend(part.subparts.iter().rev());
        if !part.subparts.is_empty() {
            continue;
        }
        let Ok(body) = part.get_body_raw() else {
            continue;
        };
        if part.ctype.mimetype == "text/html" && !found {
            found = true;
            archive.html = body;
            archive.charset = part.ctype.params.get("charset").cloned();
            if let Some(location) = location(part) {
                archive.location = Some(location);
            }
            continue;
        }
        if let Some(location) = part.headers.get_first_value("Content-Location") {
            archive
                .resources
                .insert(location.trim().to_string(), body.clone());
        }
        if let Some(id) = part.headers.get_first_value("Content-ID") {
            let id = id.trim().trim_start_matches('<').trim_end_matches('>');
            archive.resources.insert(format!("cid:{id}"), body);
        }
    }
    if !found {
        return Err(Refusal::new(
            "is a MIME message without a web page in it (no text/html part)",
            "import the page itself: open the file in a browser and save it as \"Web page, HTML only\"",
        ));
    }
    Ok(archive)
}

fn location(part: &ParsedMail) -> Option<String> {
    part.headers
        .get_first_value("Snapshot-Content-Location")
        .or_else(|| part.headers.get_first_value("Content-Location"))
        .map(|l| l.trim().to_string())
        .filter(|l| l.starts_with("http://") || l.starts_with("https://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAVED: &str = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/letters/one\r\nSubject: Letter\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc\"\r\n\r\n------MultipartBoundary--abc\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://example.org/letters/one\r\n\r\n<p>Dear Minister, we write about the d=C3=A9tention.</p><img src=3D\"https://example.org/logo.png\">\r\n------MultipartBoundary--abc\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://example.org/logo.png\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc--\r\n";

    #[test]
    fn a_saved_page_and_its_image() {
        assert!(is_mhtml(SAVED.as_bytes()));
        let archive = open(SAVED.as_bytes()).unwrap();
        let html = String::from_utf8(archive.html).unwrap();
        assert!(
            html.contains("détention") && html.contains("src=\"https://example.org/logo.png\""),
            "{html}"
        );
        assert_eq!(
            archive.location.as_deref(),
            Some("https://example.org/letters/one")
        );
        assert_eq!(
            archive.resources["https://example.org/logo.png"],
            b"\x89PNG\r\n\x1a\n"
        );
    }

    #[test]
    fn pages_and_letters_are_not_mime() {
        assert!(!is_mhtml(b"<!doctype html><p>MIME-Version: 1.0</p>"));
        assert!(!is_mhtml(
            b"Dear Minister,\n\nMIME-Version: 1.0 is text/html here.\n"
        ));
        assert!(!is_mhtml(
            b"Subject: x\nMIME-Version: 1.0\nContent-Type: text/plain\n\nhi"
        ));
    }
}
