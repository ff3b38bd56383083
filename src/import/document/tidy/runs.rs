//! Tidying a paragraph's runs: white space collapsed and trimmed at the edges of the
//! paragraph and of its lines, spaces moved out of formatting, adjacent runs of the same
//! formatting joined (Word splits runs mid-word), empty formatting removed.

use crate::import::document::model::Inline;

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
}
