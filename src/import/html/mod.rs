//! Reading a saved web page into the [document model](crate::import::document).
//!
//! The page's encoding comes from its byte-order mark, `--encoding`, its declaration
//! ([`charset`]) or detection; the page is parsed by html5ever (through scraper), the
//! HTML5 parser of Servo, so entities are decoded and broken markup is mended as browsers
//! do; nothing in it is ever run, and text that scripts would write is never seen. The
//! letter is found inside the page ([`content`]), the site's chrome around and inside it
//! is left out by structure ([`chrome`]), its notes are found where the page links them
//! ([`notes`]), and it is converted ([`convert`]). What was left out is recorded.

mod charset;
mod chrome;
mod content;
mod convert;
mod dom;
mod mhtml;
mod notes;
mod parse;
mod styles;

use encoding_rs::Encoding;
use scraper::Html;
use url::Url;

use crate::import::document::{self, Document, Dropped, loose_notes};
use crate::import::encoding;
use crate::import::limits::{MAX_DEPTH, MAX_PAGE_BYTES};
use crate::import::refusal::Refusal;
use dom::Handle;

/// Tags that a web page has near its start, and a text letter never has.
const PAGE_TAGS: &[&str] = &[
    "<!doctype html",
    "<html",
    "<head",
    "<body",
    "<meta",
    "<title",
    "<div",
    "<p>",
    "<p ",
    "<br",
    "<table",
    "<h1",
    "<h2",
    "<span",
    "<article",
    "<section",
    "<!--",
];

/// Whether bytes are a web page: a page saved as one MHTML file, or text whose first
/// character is `<` and whose first 4 KiB hold an HTML tag (in UTF-8, UTF-16 with a mark,
/// or any ASCII-based encoding).
pub fn is_page(bytes: &[u8]) -> bool {
    if mhtml::is_mhtml(bytes) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4 << 10)];
    let head = match Encoding::for_bom(head) {
        Some((encoding, bom)) => encoding
            .decode_without_bom_handling(&head[bom..])
            .0
            .into_owned(),
        None => String::from_utf8_lossy(head).into_owned(),
    };
    let head = head
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .to_ascii_lowercase();
    head.starts_with('<') && PAGE_TAGS.iter().any(|tag| head.contains(tag))
}

/// Reads a web page's bytes (HTML, or a page saved as one MHTML file); `given` is the
/// encoding named by `--encoding`.
pub fn read(bytes: &[u8], given: Option<&'static Encoding>) -> Result<Document, Refusal> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(Refusal::new(
            format!(
                "is refused: it is {} MiB, and missive reads web pages of at most {} MiB",
                bytes.len() >> 20,
                MAX_PAGE_BYTES >> 20
            ),
            "a saved letter page is far smaller; save the page again as \"HTML only\" (without embedded media), or save the letter's text",
        ));
    }
    if mhtml::is_mhtml(bytes) {
        let archive = mhtml::open(bytes)?;
        let declared = archive
            .charset
            .as_deref()
            .and_then(|l| Encoding::for_label(l.trim().as_bytes()).map(|e| (l.to_string(), e)));
        let mut document = read_page(&archive.html, given, declared, Some(&archive))?;
        document
            .notices
            .push("the page was read from a single-file web page (MHTML)".into());
        return Ok(document);
    }
    read_page(bytes, given, None, None)
}

/// Reads a page's HTML; `transport` is the charset the container declares (an MHTML
/// part's), which comes before the page's own declaration, as an HTTP header would.
fn read_page(
    bytes: &[u8],
    given: Option<&'static Encoding>,
    transport: Option<(String, &'static Encoding)>,
    archive: Option<&mhtml::Archive>,
) -> Result<Document, Refusal> {
    let declared = transport.or_else(|| charset::declared(bytes));
    let decoded = encoding::decode(
        bytes,
        given,
        declared.as_ref().map(|(label, e)| (label.as_str(), *e)),
    );
    let page = parse::parse(&decoded.text).map_err(|_| {
        Refusal::new(
            format!("is refused: its elements nest more than {MAX_DEPTH} deep"),
            "real pages nest under 100 deep; the file was made to be hostile or is damaged",
        )
    })?;
    let mut document = Document::default();
    document.metadata.encoding = Some(decoded.to_string());
    read_metadata(&page, &mut document);
    let base = base_address(&page).or_else(|| {
        archive
            .and_then(|a| a.location.as_deref())
            .and_then(|l| Url::parse(l).ok())
    });
    document.metadata.address = base.as_ref().map(Url::to_string);
    let Some(body) = dom::body(&page) else {
        return Err(frameset(&page));
    };
    let (root, how) = content::root(body);
    let linked = notes::find(&page, root);
    let mut converter = convert::Converter::new(&page, &linked, base, &mut document);
    converter.resources = archive.map(|a| &a.resources);
    let blocks = converter.blocks(root);
    let scripts = converter.scripts + count_scripts_outside(&page, root);
    outside(root, &linked, &mut converter);
    document.blocks = blocks;
    document
        .notices
        .push(format!("the letter was read from {how}"));
    if scripts > 0 {
        document.notices.push(format!(
            "{scripts} script(s) ignored: nothing in the page is run, and text a script would write is not read"
        ));
    }
    if let Some(heading) = &linked.heading {
        document
            .dropped
            .push(Dropped::new(heading, loose_notes::NOTES_HEADING));
    }
    document::tidy(&mut document);
    loose_notes::link(&mut document);
    Ok(document)
}

/// Records what lies outside the letter's element: each branch beside the path from the
/// page's body down to it, with its chrome reason or as outside the letter.
fn outside(root: Handle, linked: &notes::Linked, converter: &mut convert::Converter) {
    let path: Vec<Handle> = std::iter::once(root)
        .chain(root.ancestors().take_while(|a| dom::name(a) != "html"))
        .collect();
    for window in path.windows(2).rev() {
        let (on_path, parent) = (window[0], window[1]);
        for sibling in parent.children() {
            if sibling.id() == on_path.id()
                || linked.consumed.contains(&sibling.id())
                || dom::is_code(dom::name(&sibling))
            {
                continue;
            }
            let reason = chrome::verdict(&sibling)
                .unwrap_or_else(|| format!("outside the letter ({})", describe(&sibling)));
            converter.drop(&sibling, &reason);
        }
    }
}

/// A page without a body is a frameset: its text is in the pages of its frames.
fn frameset(page: &Html) -> Refusal {
    let frames: Vec<&str> = page
        .tree
        .root()
        .descendants()
        .filter(|n| dom::name(n) == "frame")
        .filter_map(|n| dom::attr(&n, "src"))
        .collect();
    Refusal::new(
        format!(
            "is a frameset: its text is in the pages of its frames ({})",
            if frames.is_empty() {
                "none named".to_string()
            } else {
                frames.join(", ")
            }
        ),
        "import the frame that holds the letter, saved as its own page",
    )
}

/// `<div class="x">`, or "text" for a bare text node.
fn describe(node: &Handle) -> String {
    match dom::element(node) {
        Some(element) => match element.attr("class").or(element.attr("id")) {
            Some(hint) => format!("<{} {}>", element.name(), document::excerpt(hint, 30)),
            None => format!("<{}>", element.name()),
        },
        None => "text".to_string(),
    }
}

fn count_scripts_outside(page: &Html, root: Handle) -> usize {
    page.tree
        .root()
        .descendants()
        .filter(|n| dom::name(n) == "script")
        .filter(|n| !n.ancestors().any(|a| a.id() == root.id()))
        .count()
}

/// The page's address: `<base href>`, its canonical link, or `og:url` (absolute ones).
fn base_address(page: &Html) -> Option<Url> {
    let elements = || {
        page.tree
            .root()
            .descendants()
            .filter(|n| dom::element(n).is_some())
    };
    let base = elements()
        .find(|n| dom::name(n) == "base")
        .and_then(|n| dom::attr(&n, "href"));
    let canonical = || {
        elements()
            .find(|n| {
                dom::name(n) == "link"
                    && dom::attr(n, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
            })
            .and_then(|n| dom::attr(&n, "href"))
    };
    let og = || meta_content(page, "og:url");
    [base, canonical(), og().as_deref()]
        .into_iter()
        .flatten()
        .find_map(|href| Url::parse(href.trim()).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// `content` of `<meta property=NAME>` or `<meta name=NAME>`.
fn meta_content(page: &Html, name: &str) -> Option<String> {
    page.tree
        .root()
        .descendants()
        .filter(|n| dom::name(n) == "meta")
        .find(|n| {
            dom::attr(n, "property")
                .or_else(|| dom::attr(n, "name"))
                .is_some_and(|p| p.eq_ignore_ascii_case(name))
        })
        .and_then(|n| dom::attr(&n, "content"))
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
}

/// Title, language, author and publication date: from the page's article data
/// (JSON-LD, as news sites write it), its `<meta>` elements, `<title>` and `<html lang>`.
fn read_metadata(page: &Html, document: &mut Document) {
    let metadata = &mut document.metadata;
    let root = page.tree.root();
    metadata.lang = root
        .descendants()
        .find(|n| dom::name(n) == "html")
        .and_then(|n| dom::attr(&n, "lang").or_else(|| dom::attr(&n, "xml:lang")))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    for node in root.descendants().filter(|n| {
        dom::name(n) == "script"
            && dom::attr(n, "type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
    }) {
        let text: String = node
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text)
            && let Some(article) = find_article(&value)
        {
            let field = |name: &str| article.get(name).and_then(string_of);
            metadata.title = metadata.title.take().or_else(|| field("headline"));
            metadata.published = metadata.published.take().or_else(|| field("datePublished"));
            metadata.author = metadata.author.take().or_else(|| field("author"));
            if metadata.lang.is_none() {
                metadata.lang = field("inLanguage");
            }
        }
    }
    metadata.title = metadata
        .title
        .take()
        .or_else(|| meta_content(page, "og:title"))
        .or_else(|| {
            root.descendants()
                .find(|n| dom::name(n) == "title")
                .map(|n| {
                    dom::text(&n)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .filter(|t| !t.is_empty())
        });
    metadata.published = metadata
        .published
        .take()
        .or_else(|| meta_content(page, "article:published_time"));
    metadata.author = metadata
        .author
        .take()
        .or_else(|| meta_content(page, "author"));
}

/// The first object of an article type in JSON-LD (an object, a list, or an `@graph`).
fn find_article(value: &serde_json::Value) -> Option<&serde_json::Map<String, serde_json::Value>> {
    const TYPES: &[&str] = &[
        "Article",
        "NewsArticle",
        "BlogPosting",
        "Report",
        "ScholarlyArticle",
        "OpinionNewsArticle",
    ];
    let mut stack = vec![value];
    let mut seen = 0;
    while let Some(value) = stack.pop() {
        seen += 1;
        if seen > 10_000 {
            return None;
        }
        match value {
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(map) => {
                let typed = match map.get("@type") {
                    Some(serde_json::Value::String(t)) => TYPES.contains(&t.as_str()),
                    Some(serde_json::Value::Array(ts)) => ts
                        .iter()
                        .any(|t| t.as_str().is_some_and(|t| TYPES.contains(&t))),
                    _ => false,
                };
                if typed {
                    return Some(map);
                }
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
            }
            _ => {}
        }
    }
    None
}

/// A JSON-LD value as text: a string, a `name`, or the first of a list.
fn string_of(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        serde_json::Value::Object(map) => map.get("name").and_then(string_of),
        serde_json::Value::Array(items) => items.first().and_then(string_of),
        _ => None,
    }
}
