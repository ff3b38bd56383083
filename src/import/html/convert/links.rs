//! Links and notes in a page's text: addresses resolved against the page's own and
//! unwrapped from redirectors, marker links read as references to their notes, notes
//! written inline (sidenotes).

use ego_tree::NodeId;
use url::Url;

use super::Converter;
use crate::import::document::{self, Block, Inline, Note};
use crate::import::html::dom::{self, Handle};

impl Converter<'_> {
    pub(super) fn anchor(&mut self, node: Handle, out: &mut Vec<Inline>) {
        if self.linked.back_links.contains(&node.id()) {
            return;
        }
        if !self.in_note
            && let Some(&note) = self.linked.markers.get(&node.id())
        {
            out.push(self.note_reference(node, note));
            return;
        }
        let content = self.inline_children(node);
        match dom::attr(&node, "href").and_then(|href| self.resolve(href)) {
            Some(url) => out.push(Inline::Link { url, content }),
            None => out.extend(content),
        }
    }

    /// A web or mail address for a link's `href`, resolved against the page's address;
    /// None for links inside the page, scripts (`javascript:`), and relative links of a
    /// page whose address is unknown.
    pub(super) fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.starts_with('#') || href.is_empty() {
            return None;
        }
        let url = Url::parse(href)
            .ok()
            .or_else(|| self.base.as_ref().and_then(|b| b.join(href).ok()))?;
        let url = unwrap_redirect(url);
        matches!(url.scheme(), "http" | "https" | "mailto" | "ftp").then(|| url.to_string())
    }

    /// The note a marker links to, read on its first reference.
    pub(super) fn note_reference(&mut self, marker: Handle, note: NodeId) -> Inline {
        if let Some(&index) = self.notes.get(&note) {
            return Inline::NoteRef(index);
        }
        let label = dom::text(&marker).trim().to_string();
        let Some(element) = marker.tree().get(note) else {
            return Inline::Text(label);
        };
        self.in_note = true;
        let mut blocks = if dom::name(&element) == "li" || dom::is_block(dom::name(&element)) {
            self.blocks(element)
        } else {
            vec![Block::Paragraph(self.inline_children(element))]
        };
        self.in_note = false;
        strip_leading_label(&mut blocks, &label);
        let blocks = document::note_blocks(blocks);
        if blocks.is_empty() {
            // A note without text is no note: the marker stays as written.
            return Inline::Text(label);
        }
        self.document.notes.push(Note { label, blocks });
        let index = self.document.notes.len() - 1;
        self.notes.insert(note, index);
        Inline::NoteRef(index)
    }

    /// A note written inline where it is referenced: `<span class="sidenote">`,
    /// `<span class="footnote">` (Tufte-style pages, some CMS footnote plug-ins).
    pub(super) fn is_inline_note(&self, node: &Handle) -> bool {
        !self.in_note
            && !dom::is_block(dom::name(node))
            && dom::hints(node)
                .iter()
                .any(|h| matches!(h.as_str(), "sidenote" | "footnote" | "inline-footnote"))
    }

    pub(super) fn inline_note(&mut self, node: Handle) -> Inline {
        self.in_note = true;
        let content = self.inline_children(node);
        self.in_note = false;
        let blocks = document::note_blocks(vec![Block::Paragraph(content)]);
        if blocks.is_empty() {
            return Inline::Text(String::new());
        }
        self.document.notes.push(Note {
            label: format!("{}", self.document.notes.len() + 1),
            blocks,
        });
        Inline::NoteRef(self.document.notes.len() - 1)
    }
}

/// The address a redirecting link leads to: Google's `google.com/url?q=` (Google Docs
/// wraps every link in it), Outlook's Safe Links, Facebook's `l.php?u=`, Proofpoint's
/// URL Defense `v3/__address__`. Other links are kept as they are.
fn unwrap_redirect(url: Url) -> Url {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let param = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| Url::parse(&v).ok())
    };
    let target = if (host == "www.google.com" || host == "google.com") && url.path() == "/url" {
        param("q").or_else(|| param("url"))
    } else if host.ends_with("safelinks.protection.outlook.com") {
        param("url")
    } else if host == "l.facebook.com" || host == "lm.facebook.com" {
        param("u")
    } else if host == "urldefense.com" && url.path().starts_with("/v3/__") {
        url.as_str()
            .split_once("/v3/__")
            .and_then(|(_, rest)| rest.split_once("__;"))
            .and_then(|(inner, _)| Url::parse(inner).ok())
    } else {
        None
    };
    target.unwrap_or(url)
}

/// Removes a note's own number from the start of its text (`1. Source` under a marker
/// `1`), which the letter's notes number anew.
fn strip_leading_label(blocks: &mut [Block], label: &str) {
    let bare = label.trim_matches(['[', ']', '(', ')', '.']);
    if bare.is_empty() {
        return;
    }
    let Some(Block::Paragraph(runs)) = blocks.first_mut() else {
        return;
    };
    let Some(Inline::Text(text)) = runs.first_mut() else {
        return;
    };
    let trimmed = text.trim_start();
    for form in [
        label.to_string(),
        format!("[{bare}]"),
        format!("{bare}."),
        format!("{bare})"),
        bare.to_string(),
    ] {
        if let Some(rest) = trimmed.strip_prefix(&form)
            && (rest.is_empty() || rest.starts_with(char::is_whitespace))
        {
            *text = rest.trim_start().to_string();
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirecting_links_lead_to_their_target() {
        for (link, target) in [
            (
                "https://www.google.com/url?q=https://example.org/a?b%3D1&sa=D&source=editors&ust=1",
                "https://example.org/a?b=1",
            ),
            (
                "https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fr&data=x",
                "https://example.org/r",
            ),
            (
                "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2F&h=AT0",
                "https://example.org/",
            ),
            (
                "https://urldefense.com/v3/__https://example.org/x__;!!abc$",
                "https://example.org/x",
            ),
            (
                "https://example.org/url?q=https://other.org",
                "https://example.org/url?q=https://other.org",
            ),
        ] {
            assert_eq!(
                unwrap_redirect(Url::parse(link).unwrap()).as_str(),
                target,
                "{link}"
            );
        }
    }

    #[test]
    fn labels_are_stripped_from_notes() {
        let mut blocks = vec![Block::Paragraph(vec![Inline::Text(
            "1. Report, 2020.".into(),
        )])];
        strip_leading_label(&mut blocks, "1");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![Inline::Text("Report, 2020.".into())])]
        );
    }
}
