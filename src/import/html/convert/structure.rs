//! Lists and tables of a page: `<ul>`/`<ol>` with their kind and start, the paragraph
//! lists Word's "Save as web page" writes (`mso-list`), data tables kept as tables and
//! layout tables read cell by cell, preformatted text.

use super::Converter;
use crate::import::document::lists::ListItem;
use crate::import::document::{self, Block, Inline, ListKind, Row, Table};
use crate::import::html::dom::{self, Handle};
use scraper::Node;

impl Converter<'_> {
    pub(super) fn list(&mut self, node: Handle) -> Block {
        let ordered = dom::name(&node) == "ol";
        let kind = if !ordered {
            ListKind::Bullet
        } else {
            match dom::attr(&node, "type") {
                Some("a") => ListKind::LowerLetter,
                Some("A") => ListKind::UpperLetter,
                Some("i") => ListKind::LowerRoman,
                Some("I") => ListKind::UpperRoman,
                _ => ListKind::Decimal,
            }
        };
        let start = dom::attr(&node, "start")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1);
        let mut items: Vec<Vec<Block>> = Vec::new();
        for child in node.children() {
            match child.value() {
                Node::Element(element) => {
                    if self.skip(&child) {
                        continue;
                    }
                    if element.name() == "li" {
                        items.push(self.blocks(child));
                    } else {
                        // A list inside a list without its item: it belongs to the last one.
                        let mut blocks = Vec::new();
                        self.block(child, &mut blocks);
                        match items.last_mut() {
                            Some(item) => item.extend(blocks),
                            None => items.push(blocks),
                        }
                    }
                }
                Node::Text(text) if !text.trim().is_empty() => {
                    items.push(vec![Block::Paragraph(vec![Inline::Text(text.to_string())])]);
                }
                _ => {}
            }
        }
        Block::List(document::List { kind, start, items })
    }

    /// A data table as a table; a layout table (one used to place the page's parts) cell
    /// by cell, in reading order.
    pub(super) fn table(&mut self, node: Handle, out: &mut Vec<Block>) {
        let rows = table_rows(node);
        let layout = dom::attr(&node, "role").is_some_and(|r| r == "presentation" || r == "none")
            || rows.iter().all(|r| table_cells(*r).len() <= 1)
            || rows.iter().flat_map(|r| table_cells(*r)).any(|c| {
                dom::text_len(&c) > 300 || c.descendants().any(|d| dom::name(&d) == "table")
            });
        if layout {
            for row in rows {
                for cell in table_cells(row) {
                    out.extend(self.blocks(cell));
                }
            }
            return;
        }
        let mut table = Table::default();
        for row in rows {
            let cells = table_cells(row);
            let header = row.parent().is_some_and(|p| dom::name(&p) == "thead")
                || cells.iter().all(|c| dom::name(c) == "th");
            let cells = cells.into_iter().map(|c| self.blocks(c)).collect();
            table.rows.push(Row { header, cells });
        }
        out.push(Block::Table(table));
    }

    /// A paragraph of a list as Word writes it in HTML: `<p style="mso-list:l0 level2
    /// lfo1">` whose first span (`mso-list:Ignore`) holds the marker.
    pub(super) fn word_list_item(&mut self, node: Handle) -> Option<ListItem> {
        let style = dom::attr(&node, "style")?
            .replace(' ', "")
            .to_ascii_lowercase();
        let list = style.split(';').find_map(|p| p.strip_prefix("mso-list:"))?;
        let (name, level) = list.split_once("level").unwrap_or((list, "1"));
        let level: u8 = level
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap_or(1);
        let marker = node.descendants().find(|d| {
            dom::attr(d, "style").is_some_and(|s| {
                s.replace(' ', "")
                    .to_ascii_lowercase()
                    .contains("mso-list:ignore")
            })
        })?;
        let label = dom::text(&marker).trim().to_string();
        let (kind, number) = marker_kind(&label);
        let mut runs = Vec::new();
        for child in node.children() {
            if child.id() == marker.id()
                || (child.descendants().any(|d| d.id() == marker.id())
                    && dom::text(&child).trim() == label)
            {
                continue;
            }
            match child.value() {
                Node::Text(text) => runs.push(Inline::Text(text.to_string())),
                Node::Element(_) if !self.skip(&child) => self.inline(child, &mut runs),
                _ => {}
            }
        }
        Some(ListItem {
            list: name
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_string(),
            level: level.saturating_sub(1),
            kind,
            number,
            blocks: vec![Block::Paragraph(runs)],
        })
    }
}

/// A Word marker's list kind and number: `·`, `o`, `§` are bullets (Symbol and Wingdings
/// glyphs), `3.` is 3, `c)` is c.
fn marker_kind(label: &str) -> (ListKind, u32) {
    let core = label.trim_end_matches(['.', ')']).trim_start_matches('(');
    if let Ok(n) = core.parse::<u32>() {
        return (ListKind::Decimal, n);
    }
    let roman =
        |s: &str| !s.is_empty() && s.chars().all(|c| "ivxlc".contains(c.to_ascii_lowercase()));
    if core.chars().count() == 1
        && let Some(c) = core.chars().next().filter(char::is_ascii_alphabetic)
        && !(c == 'i' || c == 'I')
    {
        let n = u32::from(c.to_ascii_lowercase() as u8 - b'a' + 1);
        let kind = if c.is_ascii_lowercase() {
            ListKind::LowerLetter
        } else {
            ListKind::UpperLetter
        };
        if c != 'o' {
            return (kind, n);
        }
    }
    if roman(core) && core.len() <= 5 {
        let kind = if core.chars().all(|c| c.is_ascii_lowercase()) {
            ListKind::LowerRoman
        } else {
            ListKind::UpperRoman
        };
        return (kind, 1);
    }
    (ListKind::Bullet, 1)
}

/// The rows of a table, not of tables inside it.
fn table_rows(table: Handle) -> Vec<Handle> {
    let mut rows = Vec::new();
    for child in table.children() {
        match dom::name(&child) {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => {
                rows.extend(child.children().filter(|c| dom::name(c) == "tr"));
            }
            _ => {}
        }
    }
    rows
}

fn table_cells(row: Handle) -> Vec<Handle> {
    row.children()
        .filter(|c| matches!(dom::name(c), "td" | "th"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_markers() {
        assert_eq!(marker_kind("3."), (ListKind::Decimal, 3));
        assert_eq!(marker_kind("c)"), (ListKind::LowerLetter, 3));
        assert_eq!(marker_kind("·"), (ListKind::Bullet, 1));
        assert_eq!(marker_kind("o"), (ListKind::Bullet, 1));
        assert_eq!(marker_kind("iv."), (ListKind::LowerRoman, 1));
    }
}
