//! The site's own parts of a page, known by structure: what an element is (`<nav>`,
//! `<footer>`, a form control), the role it declares (`role="navigation"`), whether it is
//! hidden, and the words of its class and id that sites use for their chrome ("cookie",
//! "share", "related", "breadcrumb", "sidebar" …, as WordPress, Drupal and news sites
//! write them). The text rules of `missive.toml`'s `[import]` table come after these.

use super::dom::{self, Handle};

/// Why an element is the site's and not the letter's, or None when it may be the letter's.
pub fn verdict(node: &Handle) -> Option<String> {
    let name = dom::name(node);
    if name.is_empty() {
        return None;
    }
    if let Some(reason) = by_tag(name) {
        return Some(reason.to_string());
    }
    if let Some(role) = dom::attr(node, "role").and_then(by_role) {
        return Some(role.to_string());
    }
    if is_hidden(node) {
        return Some("hidden (not shown on the page)".to_string());
    }
    by_hints(node)
}

fn by_tag(name: &str) -> Option<&'static str> {
    Some(match name {
        "nav" => "navigation (<nav>)",
        "header" => "page or article header (<header>: site name, title, byline)",
        "footer" => "page or article footer (<footer>)",
        "aside" => "sidebar (<aside>)",
        "button" | "input" | "select" | "textarea" | "label" | "option" => {
            "form control (<button>, <input> …)"
        }
        "dialog" => "dialog (<dialog>)",
        "menu" => "menu (<menu>)",
        "noscript" => "shown only when scripts are off (<noscript>)",
        _ => return None,
    })
}

fn by_role(role: &str) -> Option<&'static str> {
    Some(match role.trim().to_ascii_lowercase().as_str() {
        "navigation" => "navigation (role=navigation)",
        "banner" => "page header (role=banner)",
        "contentinfo" => "page footer (role=contentinfo)",
        "complementary" => "sidebar (role=complementary)",
        "search" => "search form (role=search)",
        "dialog" | "alertdialog" => "dialog (role=dialog)",
        "menu" | "menubar" | "toolbar" | "tablist" => "menu (role=menu)",
        _ => return None,
    })
}

/// Hidden from readers: `hidden`, `aria-hidden="true"`, an inline `display: none` or
/// `visibility: hidden`, or a screen-reader-only class (skip links, "opens in a new window").
fn is_hidden(node: &Handle) -> bool {
    if dom::attr(node, "hidden").is_some()
        || dom::attr(node, "aria-hidden").is_some_and(|v| v.trim() == "true")
    {
        return true;
    }
    let style: String = dom::attr(node, "style")
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return true;
    }
    dom::hints(node).iter().any(|h| {
        matches!(
            h.as_str(),
            "hidden"
                | "d-none"
                | "sr-only"
                | "visually-hidden"
                | "visuallyhidden"
                | "screen-reader-text"
                | "element-invisible"
                | "is-hidden"
                | "u-hidden"
        )
    })
}

/// Words in class and id names that sites give their chrome, with what they name. A
/// word matches a class or id that contains it (`sharedaddy`, `site-footer`,
/// `c-cookie-banner`), except where it must stand alone (`ad`, `tags`, `meta`).
const HINTS: &[(&str, &str)] = &[
    ("cookie", "cookie notice"),
    ("consent", "cookie notice"),
    ("gdpr", "cookie notice"),
    ("onetrust", "cookie notice"),
    ("didomi", "cookie notice"),
    ("cookiebot", "cookie notice"),
    ("usercentrics", "cookie notice"),
    ("tarteaucitron", "cookie notice"),
    ("axeptio", "cookie notice"),
    ("iubenda", "cookie notice"),
    ("breadcrumb", "breadcrumbs"),
    ("share", "share buttons"),
    ("sharing", "share buttons"),
    ("social", "social-media links"),
    ("addtoany", "share buttons"),
    ("related", "related posts"),
    ("recommended", "related posts"),
    ("more-from", "related posts"),
    ("read-next", "related posts"),
    ("newsletter", "newsletter sign-up"),
    ("subscribe", "newsletter sign-up"),
    ("signup", "newsletter sign-up"),
    ("sign-up", "newsletter sign-up"),
    ("donat", "donation appeal"),
    ("sidebar", "sidebar"),
    ("widget", "sidebar widget"),
    ("comment", "comments"),
    ("respond", "comments"),
    ("disqus", "comments"),
    ("advert", "advertisement"),
    ("ad-slot", "advertisement"),
    ("ad-unit", "advertisement"),
    ("ad-container", "advertisement"),
    ("adsbygoogle", "advertisement"),
    ("sponsor", "advertisement"),
    ("promo", "promotion"),
    ("popup", "pop-up"),
    ("modal", "pop-up"),
    ("skip-link", "skip link"),
    ("skip-to", "skip link"),
    ("pagination", "page navigation"),
    ("post-nav", "page navigation"),
    ("nav-links", "page navigation"),
    ("navbar", "navigation"),
    ("menu", "menu"),
    ("masthead", "page header"),
    ("site-header", "page header"),
    ("site-footer", "page footer"),
    ("page-footer", "page footer"),
    ("byline", "byline"),
    ("author-bio", "author box"),
    ("entry-meta", "post details"),
    ("post-meta", "post details"),
    ("article-meta", "post details"),
    ("print-only", "print-only text"),
    ("-tags", "tags"),
    ("tags-", "tags"),
    ("cat-links", "categories"),
];

/// Words that count only as a whole class or id.
const WHOLE_HINTS: &[(&str, &str)] = &[
    ("ad", "advertisement"),
    ("ads", "advertisement"),
    ("tags", "tags"),
    ("tag-list", "tags"),
    ("meta", "post details"),
    ("toolbar", "menu"),
    ("banner", "banner"),
    ("header", "page header"),
    ("footer", "page footer"),
    ("nav", "navigation"),
];

/// Words that mark an element as the content itself, even when another word of its
/// class looks like chrome (`"entry-content has-sidebar"`).
const CONTENT_HINTS: &[&str] = &[
    "content",
    "article",
    "entry",
    "post-body",
    "main",
    "body",
    "rich-text",
    "story",
    "letter",
];

/// What chrome a class or id word names, if any.
fn chrome_hint(hint: &str) -> Option<&'static str> {
    HINTS
        .iter()
        .find(|(word, _)| hint.contains(word))
        .or_else(|| WHOLE_HINTS.iter().find(|(word, _)| hint == *word))
        .map(|(_, what)| *what)
}

fn by_hints(node: &Handle) -> Option<String> {
    let hints = dom::hints(node);
    // "entry-content" is content; "sidebar-content" and "comment-content" are not.
    let content =
        |h: &String| CONTENT_HINTS.iter().any(|c| h.contains(c)) && chrome_hint(h).is_none();
    if hints.iter().any(content) {
        return None;
    }
    hints
        .iter()
        .find_map(|hint| chrome_hint(hint).map(|what| format!("{what} (class or id \"{hint}\")")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn verdicts(html: &str) -> Vec<Option<String>> {
        let page = Html::parse_fragment(html);
        page.tree
            .root()
            .descendants()
            .filter(|n| dom::name(n) == "div" || dom::name(n) == "nav" || dom::name(n) == "span")
            .map(|n| verdict(&n))
            .collect()
    }

    #[test]
    fn chrome_by_tag_role_hidden_and_hints() {
        let found = verdicts(concat!(
            "<nav>x</nav>",
            "<div role=navigation>x</div>",
            "<div style='display: none'>x</div>",
            "<div class='c-cookie-banner js-x'>x</div>",
            "<div id=sharedaddy>x</div>",
            "<div class='ad'>x</div>",
            "<div class='entry-content has-sidebar'>x</div>",
            "<div class='shadow'>x</div>",
            "<div class='sidebar-content'>x</div>",
            "<span class=screen-reader-text>x</span>",
        ));
        let reasons: Vec<&str> = found.iter().map(|v| v.as_deref().unwrap_or("-")).collect();
        assert_eq!(reasons[0], "navigation (<nav>)");
        assert_eq!(reasons[1], "navigation (role=navigation)");
        assert_eq!(reasons[2], "hidden (not shown on the page)");
        assert!(reasons[3].starts_with("cookie notice"), "{}", reasons[3]);
        assert!(reasons[4].starts_with("share buttons"), "{}", reasons[4]);
        assert!(reasons[5].starts_with("advertisement"), "{}", reasons[5]);
        assert_eq!(reasons[6], "-");
        assert_eq!(reasons[7], "-");
        assert!(reasons[8].starts_with("sidebar"), "{}", reasons[8]);
        assert_eq!(reasons[9], "hidden (not shown on the page)");
    }
}
