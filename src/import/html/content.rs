//! Finding the letter inside a page: the element the markup says is the content (the
//! largest `<article>`, `<main>`, an `articleBody` or a CMS's body field), else the
//! element whose paragraphs carry the most text and the fewest links (text-density
//! scoring, as reader modes do it).

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::Node;

use super::chrome;
use super::dom::{self, Handle};

/// Classes that CMSs give the body of a post or page (WordPress, Drupal, news sites).
const BODY_CLASSES: &[&str] = &[
    "entry-content",
    "post-content",
    "article-body",
    "article__body",
    "article-content",
    "c-article-body",
    "field--name-body",
    "field-name-body",
    "node__content",
    "story-body",
    "post-body",
    "page-content",
    "rich-text",
];

/// The element that holds the letter, and how it was chosen (for the report).
pub fn root<'a>(body: Handle<'a>) -> (Handle<'a>, String) {
    let lengths = content_lengths(body);
    let len = |n: &Handle| lengths.get(&n.id()).copied().unwrap_or(0);
    let candidates: Vec<Handle> = body
        .descendants()
        .filter(|n| lengths.contains_key(&n.id()))
        .collect();
    let largest = |pick: &dyn Fn(&Handle) -> bool| {
        candidates
            .iter()
            .filter(|n| pick(n))
            .max_by_key(|n| len(n))
            .copied()
    };
    let main =
        largest(&|n| dom::name(n) == "main" || dom::attr(n, "role").is_some_and(|r| r == "main"));
    let whole = main.map_or(len(&body), |m| len(&m));
    if let Some(article) = largest(&|n| {
        dom::name(n) == "article"
            || dom::attr(n, "itemprop").is_some_and(|p| p == "articleBody")
            || dom::attr(n, "typeof").is_some_and(|t| t.contains("Article"))
    })
    .filter(|a| len(a) >= 200 && len(a) * 10 >= whole * 4)
    {
        return (article, format!("the page's {}", describe(&article)));
    }
    if let Some(main) = main.filter(|m| len(m) >= 200) {
        return (main, format!("the page's {}", describe(&main)));
    }
    if let Some(field) = largest(&|n| {
        dom::hints(n)
            .iter()
            .any(|h| BODY_CLASSES.contains(&h.as_str()))
    })
    .filter(|f| len(f) >= 200)
    {
        return (field, format!("the page's {}", describe(&field)));
    }
    match densest(body, &lengths) {
        Some(best) => (
            best,
            format!("{} (the most text with the fewest links)", describe(&best)),
        ),
        None => (body, "the whole page".to_string()),
    }
}

/// `<article class="post">` for the report.
fn describe(node: &Handle) -> String {
    let mut out = format!("<{}", dom::name(node));
    for attr in ["id", "class"] {
        if let Some(value) = dom::attr(node, attr) {
            let value: String = value.chars().take(40).collect();
            out.push_str(&format!(" {attr}=\"{value}\""));
        }
    }
    out.push('>');
    out
}

/// For every element outside chrome: the characters of its text outside links and
/// chrome. Elements inside chrome have no entry. Computed bottom-up without recursion.
fn content_lengths(body: Handle) -> HashMap<NodeId, usize> {
    let mut lengths = HashMap::new();
    let mut order = Vec::new();
    let mut stack = vec![(body, false)];
    while let Some((node, in_link)) = stack.pop() {
        if dom::element(&node).is_some()
            && (dom::is_code(dom::name(&node))
                || (node != body && chrome::verdict(&node).is_some()))
        {
            continue;
        }
        order.push((node, in_link));
        let link = in_link || dom::name(&node) == "a";
        stack.extend(node.children().map(|c| (c, link)));
    }
    for (node, in_link) in order.into_iter().rev() {
        let own = match node.value() {
            Node::Text(text) if !in_link => text.chars().filter(|c| !c.is_whitespace()).count(),
            _ => 0,
        };
        let children: usize = node.children().filter_map(|c| lengths.get(&c.id())).sum();
        if dom::element(&node).is_some() || own > 0 {
            lengths.insert(node.id(), own + children);
        }
    }
    lengths.retain(|id, _| {
        body.tree()
            .get(*id)
            .is_some_and(|n| dom::element(&n).is_some())
    });
    lengths
}

/// The element whose paragraphs score highest: each paragraph of 25 characters or more
/// scores 1, plus 1 per comma, plus 1 per 100 characters (at most 3); its parent gets the
/// score and its grandparent half; each total is cut by the element's share of link
/// text.
fn densest<'a>(body: Handle<'a>, lengths: &HashMap<NodeId, usize>) -> Option<Handle<'a>> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for node in body.descendants() {
        if !matches!(dom::name(&node), "p" | "td" | "pre" | "blockquote" | "dd")
            || !lengths.contains_key(&node.id())
        {
            continue;
        }
        let text = dom::text(&node);
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        if chars < 25 {
            continue;
        }
        let commas = text
            .chars()
            .filter(|c| matches!(c, ',' | '،' | '，' | '、'))
            .count();
        let score = 1.0 + commas as f64 + (chars as f64 / 100.0).min(3.0);
        let mut ancestors = node.ancestors().filter(|a| dom::element(a).is_some());
        if let Some(parent) = ancestors.next() {
            *scores.entry(parent.id()).or_default() += score;
        }
        if let Some(grandparent) = ancestors.next() {
            *scores.entry(grandparent.id()).or_default() += score / 2.0;
        }
    }
    scores
        .into_iter()
        .filter_map(|(id, score)| {
            let node = body.tree().get(id)?;
            let all = dom::text_len(&node).max(1);
            let plain = lengths.get(&id).copied().unwrap_or(0);
            let link_density = 1.0 - (plain as f64 / all as f64).min(1.0);
            Some((node, score * (1.0 - link_density)))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(node, _)| node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn chosen(html: &str) -> String {
        let page = Html::parse_document(html);
        let body = dom::body(&page).unwrap();
        root(body).1
    }

    const PARAGRAPH: &str = "<p>We write to urge you, as a matter of urgency, to release the journalists detained since March, and to allow them access to counsel and to their families.</p>";

    #[test]
    fn the_largest_article_wins_over_teaser_cards() {
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><main><article class=letter>{p}{p}{p}</article><article class=card><p>Related teaser with a few words.</p></article></main></body>",
            p = PARAGRAPH
        );
        assert_eq!(chosen(&html), "the page's <article class=\"letter\">");
    }

    #[test]
    fn without_markup_the_densest_block_wins() {
        let links = "<div class=x><a href=/a>One link here</a> <a href=/b>Another link there</a> <a href=/c>And a third link</a></div>";
        let html = format!(
            "<body><div id=top>{links}{links}</div><div id=wrap><div id=text>{p}{p}{p}</div><div>{links}</div></div></body>",
            p = PARAGRAPH
        );
        assert!(
            chosen(&html).starts_with("<div id=\"text\">"),
            "{}",
            chosen(&html)
        );
    }

    #[test]
    fn a_cms_body_field_is_used_when_there_is_no_article() {
        let html = format!(
            "<body><div class=region><div class='field field--name-body'>{p}{p}</div></div></body>",
            p = PARAGRAPH
        );
        assert!(
            chosen(&html).contains("field--name-body"),
            "{}",
            chosen(&html)
        );
    }
}
