//! `word/numbering.xml`: whether a numbered paragraph is a bullet or a numbered item (and
//! in which style), at which level, and the number Word shows for it. Numbers are counted
//! as Word counts them: per abstract list, continuing across interruptions, restarting
//! where a `w:num` overrides its start, lower levels reset when a higher one advances.

use std::collections::HashMap;

use roxmltree::Node;

use super::styles::Styles;
use super::xml::{self, attr, child, child_val};
use crate::import::document::ListKind;
use crate::import::document::lists::label as format_number;

/// Levels Word numbers (0 to 8).
const LEVELS: usize = 9;

/// One level of a list definition.
#[derive(Debug, Clone)]
struct Level {
    /// None for `w:numFmt="none"` (no marker at all).
    kind: Option<ListKind>,
    start: u32,
    /// `w:lvlText`, e.g. `%1.` or `%1.%2`.
    text: String,
}

#[derive(Debug, Clone)]
struct Num {
    abstract_id: String,
    /// Start overrides by level.
    starts: HashMap<u8, u32>,
}

/// The list definitions of a document and the counters of its numbered paragraphs.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    /// Counters per abstract list: the number last given at each level (0: not begun).
    counters: HashMap<String, [u32; LEVELS]>,
    /// `numId`s whose start overrides have been applied.
    restarted: Vec<String>,
}

/// A numbered paragraph's place in its list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The `w:num` it belongs to: items of different `numId`s are different lists.
    pub list: String,
    /// Its level, 0 to 8.
    pub level: u8,
    /// How its list is marked.
    pub kind: ListKind,
    /// Its number at its level.
    pub number: u32,
    /// The label Word shows (`2.1.`, `b)`, `•`).
    pub label: String,
}

impl Numbering {
    /// Reads `word/numbering.xml`; `styles` resolve `w:numStyleLink`.
    pub fn read(root: Node, styles: &Styles) -> Numbering {
        let mut numbering = Numbering::default();
        let mut links: Vec<(String, String)> = Vec::new();
        for definition in xml::children(root, "abstractNum") {
            let Some(id) = attr(definition, "abstractNumId") else {
                continue;
            };
            if let Some(style) = child_val(definition, "numStyleLink") {
                links.push((id.to_string(), style.to_string()));
            }
            let mut levels: Vec<Level> = (0..LEVELS)
                .map(|_| Level {
                    kind: Some(ListKind::Decimal),
                    start: 1,
                    text: String::new(),
                })
                .collect();
            for level in xml::children(definition, "lvl") {
                let Some(index) = attr(level, "ilvl")
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|i| *i < LEVELS)
                else {
                    continue;
                };
                levels[index] = Level {
                    kind: kind(child_val(level, "numFmt").unwrap_or("decimal")),
                    start: child_val(level, "start")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                    text: child_val(level, "lvlText").unwrap_or_default().to_string(),
                };
            }
            numbering.abstracts.insert(id.to_string(), levels);
        }
        for num in xml::children(root, "num") {
            let (Some(id), Some(abstract_id)) =
                (attr(num, "numId"), child_val(num, "abstractNumId"))
            else {
                continue;
            };
            let starts = xml::children(num, "lvlOverride")
                .filter_map(|o| {
                    let level = attr(o, "ilvl")?.parse().ok()?;
                    let start = child(o, "startOverride")
                        .and_then(|s| attr(s, "val"))
                        .and_then(|v| v.parse().ok())?;
                    Some((level, start))
                })
                .collect();
            numbering.nums.insert(
                id.to_string(),
                Num {
                    abstract_id: abstract_id.to_string(),
                    starts,
                },
            );
        }
        // A definition that only links to a numbering style takes that style's levels.
        for (id, style) in links {
            let target = styles
                .numbering_style(&style)
                .and_then(|num| numbering.nums.get(&num))
                .map(|n| n.abstract_id.clone())
                .filter(|a| *a != id);
            if let Some(levels) = target.and_then(|a| numbering.abstracts.get(&a).cloned()) {
                numbering.abstracts.insert(id, levels);
            }
        }
        numbering
    }

    /// Counts a paragraph of list `num_id` at `level`: its item, or None when the list
    /// does not exist, is `numId` 0 (numbering removed) or has no marker at that level.
    pub fn next(&mut self, num_id: &str, level: u8) -> Option<Item> {
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        let index = usize::from(level).min(LEVELS - 1);
        let counters = self
            .counters
            .entry(num.abstract_id.clone())
            .or_insert([0; LEVELS]);
        if !self.restarted.iter().any(|r| r == num_id) {
            self.restarted.push(num_id.to_string());
            for (&at, &start) in &num.starts {
                if let Some(counter) = counters.get_mut(usize::from(at)) {
                    *counter = start.saturating_sub(1);
                }
            }
        }
        let start = num
            .starts
            .get(&level)
            .copied()
            .unwrap_or(levels[index].start);
        counters[index] = if counters[index] == 0 {
            start.max(1)
        } else {
            counters[index] + 1
        };
        for lower in &mut counters[index + 1..] {
            *lower = 0;
        }
        let kind = levels[index].kind?;
        let label = label(&levels[index].text, levels, counters);
        Some(Item {
            list: num_id.to_string(),
            level: index as u8,
            kind,
            number: counters[index],
            label,
        })
    }
}

/// The list kind of a `w:numFmt`; None for `none`.
fn kind(format: &str) -> Option<ListKind> {
    Some(match format {
        "none" => return None,
        "bullet" => ListKind::Bullet,
        "lowerLetter" => ListKind::LowerLetter,
        "upperLetter" => ListKind::UpperLetter,
        "lowerRoman" => ListKind::LowerRoman,
        "upperRoman" => ListKind::UpperRoman,
        _ => ListKind::Decimal,
    })
}

/// The label for `%1.%2`-style level text, each `%n` the counter of level n in its style.
fn label(text: &str, levels: &[Level], counters: &[u32; LEVELS]) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek().and_then(|d| d.to_digit(10))) {
            ('%', Some(n @ 1..=9)) => {
                chars.next();
                let index = n as usize - 1;
                let kind = levels[index].kind.unwrap_or(ListKind::Decimal);
                out.push_str(&format_number(kind, counters[index].max(1)));
            }
            _ => out.push(c),
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn numbering(body: &str) -> Numbering {
        let text = format!("<w:numbering {NS}>{body}</w:numbering>");
        let doc = xml::parse("word/numbering.xml", &text).unwrap();
        Numbering::read(doc.root_element(), &Styles::default())
    }

    const OUTLINE: &str = concat!(
        "<w:abstractNum w:abstractNumId=\"0\">",
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>",
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1.%2)\"/></w:lvl>",
        "</w:abstractNum>",
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{f0b7}\"/></w:lvl></w:abstractNum>",
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>",
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>",
        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
    );

    #[test]
    fn counters_nest_continue_and_restart() {
        let mut n = numbering(OUTLINE);
        let labels: Vec<String> = [
            ("1", 0),
            ("1", 1),
            ("1", 1),
            ("1", 0),
            ("1", 1),
            ("3", 0),
            ("3", 0),
        ]
        .iter()
        .map(|(id, level)| n.next(id, *level).unwrap().label)
        .collect();
        assert_eq!(labels, ["1.", "1.a)", "1.b)", "2.", "2.a)", "1.", "2."]);
        let bullet = n.next("2", 0).unwrap();
        assert_eq!(bullet.kind, ListKind::Bullet);
        assert!(n.next("0", 0).is_none());
        assert!(n.next("9", 0).is_none());
    }
}
