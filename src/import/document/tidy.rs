//! Tidying what a reader produced into the form the writer can rely on: white space
//! collapsed and trimmed at the edges of paragraphs and lines, spaces moved out of
//! formatting (`**Dear **` → `**Dear** `), adjacent runs of the same formatting joined
//! (Word splits runs mid-word), empty formatting, paragraphs, items and lists removed.

use super::{Block, Document, Inline};

/// Tidies every block and note of a document.
pub fn tidy(document: &mut Document) {
    document.blocks = tidy_blocks(std::mem::take(&mut document.blocks));
    for note in &mut document.notes {
        note.blocks = tidy_blocks(std::mem::take(&mut note.blocks));
        note.blocks.retain(|b| !matches!(b, Block::BlankLine));
    }
}

/// Tidies blocks, dropping those left without content. Empty paragraphs become blank
/// lines, one where several follow each other, none at the edges.
pub fn tidy_blocks(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            // Two line breaks in a row end a paragraph (`<br><br>` between paragraphs).
            Block::Paragraph(content) => {
                let paragraphs = split_at_blank_lines(tidy_inlines(content));
                for (i, paragraph) in paragraphs.into_iter().enumerate() {
                    if i > 0 || is_blank(&paragraph) {
                        out.push(Block::BlankLine);
                    }
                    if !is_blank(&paragraph) {
                        out.push(Block::Paragraph(paragraph));
                    }
                }
            }
            other => out.extend(tidy_block(other)),
        }
    }
    let mut previous_blank = true;
    out.retain(|b| {
        let blank = matches!(b, Block::BlankLine);
        let keep = !(blank && previous_blank);
        previous_blank = blank;
        keep
    });
    if matches!(out.last(), Some(Block::BlankLine)) {
        out.pop();
    }
    out
}

/// Splits tidy runs where two line breaks follow each other.
fn split_at_blank_lines(content: Vec<Inline>) -> Vec<Vec<Inline>> {
    let mut out = vec![Vec::new()];
    let mut previous_break = false;
    for inline in content {
        let is_break = matches!(inline, Inline::LineBreak);
        if is_break && previous_break {
            if let Some(last) = out.last_mut() {
                last.pop();
            }
            out.push(Vec::new());
            previous_break = false;
            continue;
        }
        previous_break = is_break;
        if let Some(last) = out.last_mut()
            && !(is_break && last.is_empty())
        {
            last.push(inline);
        }
    }
    for paragraph in &mut out {
        while matches!(paragraph.last(), Some(Inline::LineBreak)) {
            paragraph.pop();
        }
    }
    out
}

fn tidy_block(block: Block) -> Option<Block> {
    match block {
        Block::Paragraph(content) => {
            let content = tidy_inlines(content);
            (!is_blank(&content)).then_some(Block::Paragraph(content))
        }
        Block::Heading {
            level,
            number,
            content,
        } => {
            let mut content = tidy_inlines(content);
            let mut previous_break = false;
            content.retain(|inline| {
                let is_break = matches!(inline, Inline::LineBreak);
                let keep = !(is_break && previous_break);
                previous_break = is_break;
                keep
            });
            (!is_blank(&content)).then_some(Block::Heading {
                level,
                number,
                content,
            })
        }
        Block::List(mut list) => {
            list.items = list
                .items
                .into_iter()
                .map(tidy_blocks)
                .filter(|item| !item.is_empty())
                .collect();
            (!list.items.is_empty()).then_some(Block::List(list))
        }
        Block::Table(mut table) => {
            for row in &mut table.rows {
                row.cells = std::mem::take(&mut row.cells)
                    .into_iter()
                    .map(tidy_blocks)
                    .collect();
            }
            table
                .rows
                .retain(|row| row.cells.iter().any(|cell| !cell.is_empty()));
            (!table.rows.is_empty()).then_some(Block::Table(table))
        }
        Block::Quote(blocks) => {
            let blocks = tidy_blocks(blocks);
            (!blocks.is_empty()).then_some(Block::Quote(blocks))
        }
        Block::BlankLine => Some(Block::BlankLine),
    }
}

/// Whether inline runs show nothing: only white space (no-break spaces included, as in a
/// web page's `<p>&nbsp;</p>`) and line breaks.
pub fn is_blank(inlines: &[Inline]) -> bool {
    inlines.iter().all(|inline| match inline {
        Inline::Text(text) => text.chars().all(char::is_whitespace),
        Inline::LineBreak => true,
        Inline::NoteRef(_) | Inline::Image(_) => false,
        Inline::Emphasis(inner)
        | Inline::Strong(inner)
        | Inline::Underline(inner)
        | Inline::Superscript(inner)
        | Inline::Link { content: inner, .. } => is_blank(inner),
    })
}

/// Tidies the inline runs of one paragraph.
pub fn tidy_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out = runs(inlines);
    trim_lines(&mut out);
    out
}

/// The formatting wrapper of an inline, as a constructor, with its content.
fn wrapper(inline: &mut Inline) -> Option<&mut Vec<Inline>> {
    match inline {
        Inline::Emphasis(inner)
        | Inline::Strong(inner)
        | Inline::Underline(inner)
        | Inline::Superscript(inner)
        | Inline::Link { content: inner, .. } => Some(inner),
        _ => None,
    }
}

/// Whether two wrappers format their content the same way.
fn same_wrapper(a: &Inline, b: &Inline) -> bool {
    match (a, b) {
        (Inline::Link { url: x, .. }, Inline::Link { url: y, .. }) => x == y,
        (Inline::Link { .. }, _) | (_, Inline::Link { .. }) => false,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b) && !is_leaf(a),
    }
}

fn is_leaf(inline: &Inline) -> bool {
    matches!(
        inline,
        Inline::Text(_) | Inline::NoteRef(_) | Inline::LineBreak | Inline::Image(_)
    )
}

/// Collapses white space and joins runs, recursively.
fn runs(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        push_tidy(&mut out, inline);
    }
    out
}

/// Tidies one inline and appends it to tidy runs, joining it to what comes before.
fn push_tidy(out: &mut Vec<Inline>, mut inline: Inline) {
    if let Inline::Text(text) = &inline {
        push_text(out, text);
        return;
    }
    let same = std::mem::discriminant(&inline);
    let Some(inner) = wrapper(&mut inline) else {
        out.push(inline);
        return;
    };
    let mut content = std::mem::take(inner);
    // The same formatting inside itself adds nothing (`<b><b>x</b></b>`).
    if !matches!(inline, Inline::Link { .. }) {
        while content.iter().any(|c| std::mem::discriminant(c) == same) {
            content = content
                .into_iter()
                .flat_map(|mut child| {
                    if std::mem::discriminant(&child) == same {
                        wrapper(&mut child).map(std::mem::take).unwrap_or_default()
                    } else {
                        vec![child]
                    }
                })
                .collect();
        }
    }
    let mut content = runs(content);
    let leading = take_leading_space(&mut content);
    let trailing = take_trailing_space(&mut content);
    if leading {
        push_text(out, " ");
    }
    if !content.is_empty() {
        if let Some(inner) = wrapper(&mut inline) {
            *inner = content;
        }
        join_or_push(out, inline);
    }
    if trailing {
        push_text(out, " ");
    }
}

/// Pushes a tidy wrapper, joining it to the previous one when it formats the same way,
/// with at most a space between them (Word's runs `Hu` + `man`, or `bold` + ` ` +
/// `bold`). Both sides are tidy already, so only their edges are joined: a paragraph of
/// many runs is tidied in one pass.
fn join_or_push(out: &mut Vec<Inline>, mut inline: Inline) {
    let gap = matches!(out.last(), Some(Inline::Text(t)) if t == " ");
    let before = if gap {
        out.len().checked_sub(2)
    } else {
        out.len().checked_sub(1)
    };
    if let Some(i) = before
        && same_wrapper(&out[i], &inline)
    {
        let moved = wrapper(&mut inline).map(std::mem::take).unwrap_or_default();
        if gap {
            out.pop();
        }
        if let Some(inner) = wrapper(&mut out[i]) {
            if gap {
                push_text(inner, " ");
            }
            for piece in moved {
                match piece {
                    Inline::Text(text) => push_text(inner, &text),
                    piece if !is_leaf(&piece) => join_or_push(inner, piece),
                    piece => inner.push(piece),
                }
            }
        }
        return;
    }
    out.push(inline);
}

/// Appends text, joined to a text before it, with runs of white space collapsed to one
/// space (a run holding a tab becomes the tab) and invisible characters removed.
fn push_text(out: &mut Vec<Inline>, text: &str) {
    let mut joined = match out.last() {
        Some(Inline::Text(_)) => match out.pop() {
            Some(Inline::Text(previous)) => previous,
            _ => String::new(),
        },
        _ => String::new(),
    };
    let mut pending: Option<char> = trailing_space(&mut joined);
    for c in text.chars() {
        if matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}')
            || (c.is_control() && c != '\t' && c != '\n')
        {
            continue;
        }
        if collapsible(c) {
            pending = Some(match (pending, c) {
                (Some('\t'), _) | (_, '\t') => '\t',
                _ => ' ',
            });
            continue;
        }
        if let Some(space) = pending.take() {
            joined.push(space);
        }
        joined.push(c);
    }
    if let Some(space) = pending {
        joined.push(space);
    }
    if !joined.is_empty() {
        out.push(Inline::Text(joined));
    }
}

/// White space that runs collapse: all but the no-break spaces.
fn collapsible(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Removes a final space or tab from `text`, returning it.
fn trailing_space(text: &mut String) -> Option<char> {
    match text.chars().next_back() {
        Some(c @ (' ' | '\t')) => {
            text.pop();
            Some(c)
        }
        _ => None,
    }
}

/// Removes leading white space from formatted content; whether there was any.
fn take_leading_space(content: &mut Vec<Inline>) -> bool {
    let Some(Inline::Text(text)) = content.first_mut() else {
        return false;
    };
    let trimmed = text.trim_start_matches(collapsible);
    if trimmed.len() == text.len() {
        return false;
    }
    *text = trimmed.to_string();
    if text.is_empty() {
        content.remove(0);
    }
    true
}

/// Removes trailing white space from formatted content; whether there was any.
fn take_trailing_space(content: &mut Vec<Inline>) -> bool {
    let Some(Inline::Text(text)) = content.last_mut() else {
        return false;
    };
    let trimmed_len = text.trim_end_matches(collapsible).len();
    if trimmed_len == text.len() {
        return false;
    }
    text.truncate(trimmed_len);
    if text.is_empty() {
        content.pop();
    }
    true
}

/// Trims white space at the start and end of the paragraph and of each of its lines, and
/// removes line breaks at its edges (doubled ones stay: they end a paragraph).
fn trim_lines(inlines: &mut Vec<Inline>) {
    let mut i = 0;
    while i < inlines.len() {
        let at_start = i == 0 || matches!(inlines[i - 1], Inline::LineBreak);
        let at_end = i + 1 == inlines.len() || matches!(inlines[i + 1], Inline::LineBreak);
        if let Inline::Text(text) = &mut inlines[i] {
            if at_start {
                *text = text.trim_start_matches(collapsible).to_string();
            }
            if at_end {
                let len = text.trim_end_matches(collapsible).len();
                text.truncate(len);
            }
            if text.is_empty() {
                inlines.remove(i);
                continue;
            }
        }
        i += 1;
    }
    while matches!(inlines.first(), Some(Inline::LineBreak)) {
        inlines.remove(0);
    }
    while matches!(inlines.last(), Some(Inline::LineBreak)) {
        inlines.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn split_runs_are_joined_and_spaces_moved_out() {
        let tidied = tidy_inlines(vec![
            text("  We "),
            Inline::Strong(vec![text("ur")]),
            Inline::Strong(vec![text("ge ")]),
            text(" you  to\n act"),
            Inline::Emphasis(vec![]),
            text(" "),
            Inline::Emphasis(vec![text(" now")]),
            text(". "),
        ]);
        assert_eq!(
            tidied,
            vec![
                text("We "),
                Inline::Strong(vec![text("urge")]),
                text(" you to act "),
                Inline::Emphasis(vec![text("now")]),
                text("."),
            ]
        );
    }

    #[test]
    fn same_formatting_across_a_space_is_one_span() {
        let tidied = tidy_inlines(vec![
            Inline::Strong(vec![text("Human")]),
            text(" "),
            Inline::Strong(vec![text("Rights")]),
        ]);
        assert_eq!(tidied, vec![Inline::Strong(vec![text("Human Rights")])]);
    }

    #[test]
    fn lines_are_trimmed() {
        let tidied = tidy_inlines(vec![
            Inline::LineBreak,
            text("Minister "),
            Inline::LineBreak,
            text(" Ministry\u{200b}\tof Justice "),
            Inline::LineBreak,
        ]);
        assert_eq!(
            tidied,
            vec![
                text("Minister"),
                Inline::LineBreak,
                text("Ministry\tof Justice")
            ]
        );
    }

    #[test]
    fn doubled_line_breaks_end_a_paragraph() {
        let blocks = tidy_blocks(vec![Block::Paragraph(vec![
            text("Dear Minister,"),
            Inline::LineBreak,
            text(" "),
            Inline::LineBreak,
            Inline::LineBreak,
            text("We write."),
            Inline::LineBreak,
            text("Second line."),
        ])]);
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![text("Dear Minister,")]),
                Block::BlankLine,
                Block::Paragraph(vec![
                    text("We write."),
                    Inline::LineBreak,
                    text("Second line.")
                ]),
            ]
        );
    }

    #[test]
    fn links_join_only_with_the_same_address() {
        let link = |url: &str, t: &str| Inline::Link {
            url: url.into(),
            content: vec![text(t)],
        };
        let tidied = tidy_inlines(vec![link("a", "x"), link("a", "y"), link("b", "z")]);
        assert_eq!(tidied, vec![link("a", "xy"), link("b", "z")]);
    }

    #[test]
    fn nested_same_formatting_is_flattened() {
        let tidied = tidy_inlines(vec![Inline::Strong(vec![
            text("a "),
            Inline::Strong(vec![text("b")]),
        ])]);
        assert_eq!(tidied, vec![Inline::Strong(vec![text("a b")])]);
    }

    #[test]
    fn empty_blocks_are_dropped() {
        let blocks = tidy_blocks(vec![
            Block::Paragraph(vec![text(" \u{a0}"), Inline::LineBreak]),
            Block::Paragraph(vec![text("  ")]),
            Block::Quote(vec![Block::Paragraph(vec![])]),
        ]);
        assert!(blocks.is_empty(), "{blocks:?}");
    }
}
