//! Nesting numbered and bulleted paragraphs into lists. Word and Word-made web pages
//! write a list as a run of paragraphs, each with its list and level; the model nests
//! them: a deeper item opens a list inside the item before it, a different list or kind
//! at the same level starts a new list.

use super::model::{Block, List, ListKind};

/// A paragraph that is an item of a list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    /// Which list it belongs to (Word's `numId`; `mso-list` name): items of different
    /// lists are different lists even when they follow each other.
    pub list: String,
    /// Its level, from 0.
    pub level: u8,
    /// How its list is marked.
    pub kind: ListKind,
    /// Its number (the first item's is the list's start).
    pub number: u32,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// Nests a run of consecutive items into lists.
pub fn nest(items: Vec<ListItem>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open: Vec<(u8, String, List)> = Vec::new();
    for item in items {
        while let Some((level, list, current)) = open.last() {
            let deeper = *level > item.level;
            let other = *level == item.level && (*list != item.list || current.kind != item.kind);
            if !(deeper || other) {
                break;
            }
            close(&mut open, &mut out);
        }
        if open.last().is_none_or(|(level, _, _)| *level < item.level) {
            open.push((
                item.level,
                item.list.clone(),
                List {
                    kind: item.kind,
                    start: item.number,
                    items: Vec::new(),
                },
            ));
        }
        if let Some((_, _, list)) = open.last_mut() {
            list.items.push(item.blocks);
        }
    }
    while !open.is_empty() {
        close(&mut open, &mut out);
    }
    out
}

/// Closes the innermost open list into the last item of its parent, or the output.
fn close(open: &mut Vec<(u8, String, List)>, out: &mut Vec<Block>) {
    let Some((_, _, list)) = open.pop() else {
        return;
    };
    match open
        .last_mut()
        .and_then(|(_, _, parent)| parent.items.last_mut())
    {
        Some(item) => item.push(Block::List(list)),
        None => out.push(Block::List(list)),
    }
}

/// An item's number in its list's style: `3`, `c`, `C`, `iii`, `III`; bullets have none.
pub fn label(kind: ListKind, n: u32) -> String {
    match kind {
        ListKind::Bullet => "•".to_string(),
        ListKind::Decimal => n.to_string(),
        ListKind::LowerLetter => letters(n),
        ListKind::UpperLetter => letters(n).to_uppercase(),
        ListKind::LowerRoman => roman(n),
        ListKind::UpperRoman => roman(n).to_uppercase(),
    }
}

/// a … z, then aa, bb … as Word writes them.
fn letters(n: u32) -> String {
    let n = n.max(1) - 1;
    let letter = char::from(b'a' + (n % 26) as u8);
    std::iter::repeat_n(letter, (n / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::document::model::Inline;

    fn item(list: &str, level: u8, kind: ListKind, number: u32, text: &str) -> ListItem {
        ListItem {
            list: list.into(),
            level,
            kind,
            number,
            blocks: vec![Block::Paragraph(vec![Inline::Text(text.into())])],
        }
    }

    #[test]
    fn levels_nest_and_other_lists_start_anew() {
        let blocks = nest(vec![
            item("1", 0, ListKind::Decimal, 3, "three"),
            item("1", 1, ListKind::LowerLetter, 1, "a"),
            item("1", 1, ListKind::LowerLetter, 2, "b"),
            item("1", 0, ListKind::Decimal, 4, "four"),
            item("2", 0, ListKind::Bullet, 1, "other"),
        ]);
        assert_eq!(blocks.len(), 2);
        let Block::List(first) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!((first.start, first.items.len()), (3, 2));
        let Block::List(inner) = &first.items[0][1] else {
            panic!("{first:?}")
        };
        assert_eq!((inner.kind, inner.items.len()), (ListKind::LowerLetter, 2));
        let Block::List(second) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(second.kind, ListKind::Bullet);
    }

    #[test]
    fn an_item_deeper_than_any_open_list_opens_one() {
        let blocks = nest(vec![item("1", 2, ListKind::Bullet, 1, "deep")]);
        assert!(matches!(&blocks[..], [Block::List(l)] if l.items.len() == 1));
    }

    #[test]
    fn number_styles() {
        assert_eq!(label(ListKind::UpperRoman, 14), "XIV");
        assert_eq!(label(ListKind::LowerLetter, 28), "bb");
        assert_eq!(label(ListKind::UpperLetter, 3), "C");
    }
}
