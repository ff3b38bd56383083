//! The body's tree written as HTML: every text escaped, so nothing a writer typed becomes
//! an element or an attribute; endnote markers and notes linked both ways (DPUB-ARIA
//! `doc-noteref`, `doc-endnotes`, `doc-backlink`).

use crate::typeset::markdown::tree::{Align, Kind, Node};

/// What the body's images are shown from: their `data:` addresses by project path.
pub type ImageSource<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// The body's blocks as HTML.
pub fn blocks(nodes: &[Node], image: &ImageSource) -> String {
    let mut writer = Writer {
        out: String::new(),
        image,
    };
    writer.nodes(nodes);
    writer.out
}

/// An endnote's content as HTML, with a link back to its first marker after its last
/// paragraph, named `back` for assistive technology ("Back to the text", in the
/// letter's language: the arrow alone says nothing when read aloud).
pub fn note(number: usize, content: &[Node], image: &ImageSource, back: &str) -> String {
    let mut html = blocks(content, image);
    let link = format!(
        " <a href=\"#note-ref-{number}\" role=\"doc-backlink\" aria-label=\"{}\">↩</a>",
        escape(back)
    );
    match html.rfind("</p>") {
        Some(end) if html[end..].trim() == "</p>" => html.insert_str(end, &link),
        _ => html.push_str(&format!("<p>{}</p>", link.trim_start())),
    }
    html
}

struct Writer<'a> {
    out: String,
    image: &'a ImageSource<'a>,
}

impl Writer<'_> {
    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            self.node(node);
        }
    }

    fn node(&mut self, node: &Node) {
        match &node.kind {
            Kind::Paragraph => self.element("p", node),
            // The letter's subject is the page's <h1>: body headings start one below.
            Kind::Heading(level) => self.element(&format!("h{}", level + 1), node),
            Kind::Quote => self.element("blockquote", node),
            Kind::CodeBlock { text, .. } => {
                self.out.push_str("<pre><code>");
                self.out.push_str(&escape(text.trim_end_matches('\n')));
                self.out.push_str("</code></pre>\n");
            }
            // Raw Typst means something only to Typst: the page shows what it says.
            Kind::RawTypst(lines) => {
                let text: String = lines.iter().map(|(_, l)| l.as_str()).collect();
                self.out.push_str("<pre class=\"typst\"><code>");
                self.out.push_str(&escape(text.trim_end_matches('\n')));
                self.out.push_str("</code></pre>\n");
            }
            Kind::List(None) => self.element("ul", node),
            Kind::List(Some(1)) => self.element("ol", node),
            Kind::List(Some(start)) => self.element(&format!("ol start=\"{start}\""), node),
            Kind::Item => self.element("li", node),
            Kind::Table(alignments) => self.table(node, alignments),
            Kind::TableHead | Kind::TableRow | Kind::TableCell => self.nodes(&node.children),
            Kind::Rule => self.out.push_str("<hr>\n"),
            Kind::Group => self.element("div", node),
            Kind::Emphasis => self.element("em", node),
            Kind::Strong => self.element("strong", node),
            Kind::Strikethrough => self.element("s", node),
            Kind::Superscript => self.element("sup", node),
            Kind::Subscript => self.element("sub", node),
            Kind::Link(url) => self.element(&format!("a href=\"{}\"", escape(url)), node),
            Kind::Image { path, alt } => match (self.image)(path) {
                Some(src) => self.out.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\">",
                    escape(&src),
                    escape(alt)
                )),
                None => self.out.push_str(&escape(alt)),
            },
            Kind::Text(text) => self.out.push_str(&escape(text)),
            Kind::Code(code) => {
                self.out.push_str("<code>");
                self.out.push_str(&escape(code));
                self.out.push_str("</code>");
            }
            Kind::NoteRef { number, first } => {
                // Only the first marker of a note gets the id its back link points to.
                let id = if *first {
                    format!(" id=\"note-ref-{number}\"")
                } else {
                    String::new()
                };
                self.out.push_str(&format!(
                    "<sup class=\"note-ref\"><a href=\"#note-{number}\"{id} role=\"doc-noteref\">{number}</a></sup>"
                ));
            }
            Kind::LineBreak => self.out.push_str("<br>\n"),
        }
    }

    /// `<open>` children `</name>`, where `open` is the tag's name and attributes.
    fn element(&mut self, open: &str, node: &Node) {
        let name = open.split(' ').next().unwrap_or(open);
        self.out.push('<');
        self.out.push_str(open);
        self.out.push('>');
        if matches!(node.kind, Kind::List(_) | Kind::Quote | Kind::Group) {
            self.out.push('\n');
        }
        self.nodes(&node.children);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        if is_block(&node.kind) {
            self.out.push('\n');
        }
    }

    fn table(&mut self, node: &Node, alignments: &[Align]) {
        self.out.push_str("<table>\n");
        let (head, rows): (Vec<&Node>, Vec<&Node>) =
            (node.children.iter()).partition(|part| part.kind == Kind::TableHead);
        for part in head {
            self.out.push_str("<thead>");
            self.row(part, "th", alignments);
            self.out.push_str("</thead>\n");
        }
        if !rows.is_empty() {
            self.out.push_str("<tbody>\n");
            for row in rows {
                self.row(row, "td", alignments);
            }
            self.out.push_str("</tbody>\n");
        }
        self.out.push_str("</table>\n");
    }

    fn row(&mut self, row: &Node, cell: &str, alignments: &[Align]) {
        self.out.push_str("<tr>");
        for (column, c) in row.children.iter().enumerate() {
            let align = match alignments.get(column) {
                Some(Align::Center) => " class=\"center\"",
                Some(Align::Right) => " class=\"right\"",
                _ => "",
            };
            self.out.push_str(&format!("<{cell}{align}>"));
            self.nodes(&c.children);
            self.out.push_str(&format!("</{cell}>"));
        }
        self.out.push_str("</tr>\n");
    }
}

/// Whether an element is a block, ended with a new line in the HTML.
fn is_block(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Paragraph | Kind::Heading(_) | Kind::Quote | Kind::List(_) | Kind::Item | Kind::Group
    )
}

/// `text` with the characters HTML gives a meaning escaped, for text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML text: shown as a replacement.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::markdown::convert;
    use crate::typeset::typography::Style;

    fn html(text: &str) -> (String, Vec<String>) {
        let english = crate::i18n::Lang::parse("en");
        let body = convert(
            text,
            Style::new(english.as_ref(), true),
            &|p: &str| Ok(format!("/{p}")),
            None,
        );
        let none = |_: &str| None;
        let notes = (body.tree.notes.iter().enumerate())
            .map(|(i, n)| note(i + 1, n, &none, "Back to the text"))
            .collect();
        (blocks(&body.tree.nodes, &none), notes)
    }

    #[test]
    fn typed_markup_stays_text() {
        let (page, _) = html(r#"<script>alert(1)</script> & <b>x</b> "q" {{ x }}"#);
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;"));
        assert!(page.contains("{{ x }}"), "{page}");
        let (page, _) = html("Use `<i>` here.");
        assert!(page.contains("<code>&lt;i&gt;</code>"), "{page}");
        let (page, _) = html("<div onclick=\"x()\">block</div>\n");
        assert!(
            page.starts_with("<p>&lt;div onclick=“x()”&gt;block"),
            "{page}"
        );
    }

    #[test]
    fn refused_links_are_text_and_kept_ones_escaped() {
        let (page, _) = html(r#"[a](javascript:alert(1)) [b](https://x.org/?a=1&b="2")"#);
        assert!(!page.contains("javascript"), "{page}");
        let kept = r#"<p>a <a href="https://x.org/?a=1&amp;b=&quot;2&quot;">b</a></p>"#;
        assert!(page.contains(kept), "{page}");
    }

    #[test]
    fn markers_and_notes_link_both_ways() {
        let (page, notes) = html("A[^x] B[^y] C[^x].\n\n[^x]: Note *x*.\n[^y]: Note y.\n");
        assert!(page.contains("<a href=\"#note-1\" id=\"note-ref-1\" role=\"doc-noteref\">1</a>"));
        assert!(page.contains("<a href=\"#note-2\" id=\"note-ref-2\" role=\"doc-noteref\">2</a>"));
        // The second marker of note 1 links to it but has no id of its own.
        assert_eq!(page.matches("id=\"note-ref-1\"").count(), 1);
        assert_eq!(page.matches("href=\"#note-1\"").count(), 2);
        assert_eq!(
            notes[0],
            "<p>Note <em>x</em>. <a href=\"#note-ref-1\" role=\"doc-backlink\" aria-label=\"Back to the text\">↩</a></p>\n"
        );
    }

    #[test]
    fn blocks_become_their_elements() {
        let (page, _) =
            html("## H\n\n#### Deep\n\n- a\n- b\n\n3. c\n\n> q\n\n| x | y |\n|:-|-:|\n| 1 | 2 |\n");
        for part in [
            "<h2>H</h2>",
            "<h4>Deep</h4>",
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>",
            "<ol start=\"3\">",
            "<blockquote>\n<p>q</p>\n</blockquote>",
            "<thead><tr><th>x</th><th class=\"right\">y</th></tr>\n</thead>",
            "<tbody>\n<tr><td>1</td><td class=\"right\">2</td></tr>\n</tbody>",
        ] {
            assert!(page.contains(part), "{part} not in {page}");
        }
    }
}
