//! The character encoding a web page declares: `<meta charset="…">`, `<meta
//! http-equiv="Content-Type" content="text/html; charset=…">`, or an XHTML page's XML
//! declaration. The page's start is parsed with the same HTML5 parser as the page (read
//! as Windows-1252, which maps every byte, and in which every declaration is ASCII), so
//! a declaration in a comment or a script is never taken for one.

use encoding_rs::{Encoding, WINDOWS_1252};
use scraper::Node;

/// How much of the page is searched for a declaration: browsers look at the first 1024
/// bytes, but saved pages often put long scripts or comments before their `<meta>`.
const SEARCHED: usize = 64 << 10;

/// The encoding a page declares, with its label as written.
pub fn declared(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    let head = &bytes[..bytes.len().min(SEARCHED)];
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(head);
    // A page too deep to parse is refused by the reader, whatever it declares.
    let page = super::parse::parse(&text).ok()?;
    for node in page.tree.root().descendants() {
        match node.value() {
            Node::Element(element) if element.name() == "meta" => {
                let label = element.attr("charset").map(str::to_string).or_else(|| {
                    element
                        .attr("http-equiv")
                        .filter(|h| h.eq_ignore_ascii_case("content-type"))
                        .and(element.attr("content"))
                        .and_then(charset_parameter)
                });
                if let Some(found) = label.and_then(known) {
                    return Some(found);
                }
            }
            Node::Element(element) if element.name() == "body" => break,
            // `<?xml version="1.0" encoding="…"?>` becomes a comment in an HTML parser.
            Node::Comment(comment) if comment.trim_start().starts_with("?xml") => {
                if let Some(found) = attribute_value(comment, "encoding").and_then(known) {
                    return Some(found);
                }
            }
            _ => {}
        }
    }
    None
}

fn known(label: String) -> Option<(String, &'static Encoding)> {
    let label = label.trim().trim_matches(['"', '\'']).to_string();
    Encoding::for_label(label.as_bytes()).map(|e| (label, e))
}

/// `charset=…` in a Content-Type value (`text/html; charset="iso-8859-1"`).
fn charset_parameter(content: &str) -> Option<String> {
    content.split(';').find_map(|part| {
        let (name, value) = part.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().to_string())
    })
}

/// The value of `name="…"` in an XML declaration's text.
fn attribute_value(text: &str, name: &str) -> Option<String> {
    let at = text.find(name)?;
    let rest = text[at + name.len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(page: &str) -> Option<String> {
        declared(page.as_bytes()).map(|(l, e)| format!("{l}={}", e.name()))
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        assert_eq!(
            label("<!doctype html><html><head><meta charset=\"ISO-8859-1\"><title>x</title>"),
            Some("ISO-8859-1=windows-1252".into())
        );
        assert_eq!(
            label(
                "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1256\">"
            ),
            Some("windows-1256=windows-1256".into())
        );
        assert_eq!(
            label(
                "<?xml version=\"1.0\" encoding=\"koi8-r\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
            ),
            Some("koi8-r=KOI8-R".into())
        );
    }

    #[test]
    fn declarations_in_comments_scripts_or_body_do_not_count() {
        assert_eq!(label("<!-- <meta charset=\"koi8-r\"> --><p>text"), None);
        assert_eq!(
            label("<script>var s='<meta charset=\"koi8-r\">'</script>"),
            None
        );
        assert_eq!(label("<body><p>text</p><meta charset=\"koi8-r\">"), None);
        assert_eq!(label("<meta charset=\"no-such-thing\">"), None);
    }
}
