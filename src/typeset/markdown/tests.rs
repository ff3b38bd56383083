//! The conversion, element by element and on hostile input.

use super::body::{MAX_NESTING, Problem};
use super::*;

fn md(text: &str) -> Body {
    let english = crate::i18n::Lang::parse("en");
    convert(
        text,
        Style::new(english.as_ref(), true),
        &|p: &str| Ok(format!("/{p}")),
        None,
    )
}

#[test]
fn text_is_always_a_string_literal() {
    let body = md("Call #read(\"/etc/passwd\") $x$ @x <x> \\ ~ // not a comment\n");
    assert_eq!(
        body.markup,
        "#\"Call #read(“/etc/passwd”) $x$ @x <x> \\\\ ~ // not a comment\"\n"
    );
    // A quote the writer escaped stays a straight quote, inside the string literal.
    let body = md("Call #read(\\\"/etc/passwd\\\")\n");
    assert_eq!(body.markup, "#\"Call #read(\\\"/etc/passwd\\\")\"\n");
}

#[test]
fn footnotes_are_numbered_by_first_reference() {
    let body = md("A[^b] B[^a] C[^b].\n\n[^a]: Note a.\n[^b]: Note b.\n");
    assert!(body.markup.contains("#note-ref(1, first: true)"));
    assert!(body.markup.contains("#note-ref(2, first: true)"));
    assert!(body.markup.contains("#note-ref(1)#"));
    let notes: Vec<&str> = body.notes.iter().map(|n| n.markup.as_str()).collect();
    assert_eq!(notes, vec!["#\"Note b.\"", "#\"Note a.\""]);
    assert!(body.problems.is_empty(), "{:?}", body.problems);
}

#[test]
fn undefined_duplicate_and_unused_footnotes() {
    let body = md("A[^x] B[^y].\n\n[^y]: one\n[^y]: two\n[^z]: unused\n");
    let messages: Vec<_> = body
        .problems
        .iter()
        .map(|p| (p.is_error, p.message.as_str()))
        .collect();
    assert!(
        messages.contains(&(true, "footnote `[^x]` is referenced but not defined")),
        "{messages:?}"
    );
    assert!(
        messages.contains(&(true, "footnote `[^y]` is defined twice")),
        "{messages:?}"
    );
    assert!(messages.contains(&(
        false,
        "footnote `[^z]` is defined but never referenced; it is left out"
    )));
}

#[test]
fn structure_becomes_typst_elements() {
    let body = md("## Access\n\n*a* **b** [l](https://x.org) `c`\n\n- one\n- two\n\n> q\n");
    assert!(body.markup.contains("#heading(level: 1)[#\"Access\"]"));
    assert!(body.markup.contains("#emph[#\"a\"]"));
    assert!(body.markup.contains("#strong[#\"b\"]"));
    assert!(body.markup.contains("#link(\"https://x.org\")[#\"l\"]"));
    assert!(body.markup.contains("#raw(\"c\")"));
    assert!(body.markup.contains("#list([#\"one\"], [#\"two\"], )"));
    assert!(
        body.markup.contains("#quote(block: true)[#\"q\"]"),
        "{}",
        body.markup
    );
}

#[test]
fn raw_typst_fence_is_passed_through_and_located() {
    let text = "Before.\n\n```{=typst}\n#box[x]\n```\n";
    let body = md(text);
    let raw: Vec<&Mark> = body.marks.iter().filter(|m| m.verbatim).collect();
    assert_eq!(raw.len(), 1);
    assert!(body.markup[raw[0].markup..].starts_with("#box[x]\n"));
    assert_eq!(&text[raw[0].source..raw[0].source + 7], "#box[x]");
    assert_eq!(body.fences, vec![9..32]);
    assert!(text[body.fences[0].clone()].starts_with("```{=typst}"));
}

#[test]
fn every_element_and_note_is_marked_with_its_source() {
    let text = "Intro *stressed*.[^n]\n\n- item\n\n[^n]: The **note**.\n";
    let body = md(text);
    let at = |markup: &str, marks: &[Mark], needle: &str| {
        let offset = markup.find(needle).unwrap();
        let index = marks.partition_point(|m| m.markup <= offset) - 1;
        marks[index].source
    };
    assert_eq!(at(&body.markup, &body.marks, "#\"Intro "), 0);
    assert_eq!(at(&body.markup, &body.marks, "#emph["), 6);
    assert_eq!(
        at(&body.markup, &body.marks, "#list("),
        text.find("- item").unwrap()
    );
    let note = &body.notes[0];
    assert_eq!(
        at(&note.markup, &note.marks, "#strong["),
        text.find("**note**").unwrap()
    );
}

#[test]
fn nesting_past_the_limit_is_one_error_at_its_line() {
    let deep: String = (0..100)
        .map(|i| format!("{}- l\n", "  ".repeat(i)))
        .collect();
    let body = md(&deep);
    let errors: Vec<&Problem> = body.problems.iter().filter(|p| p.is_error).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.contains("nested more than 32 levels"));
    let line = deep[..errors[0].range.start].matches('\n').count() + 1;
    assert_eq!(line, MAX_NESTING + 1);
    let ok: String = (0..MAX_NESTING)
        .map(|i| format!("{}- l\n", "  ".repeat(i)))
        .collect();
    assert!(md(&ok).problems.is_empty());
}

#[test]
fn markers_in_code_are_not_references() {
    let text =
        "\tindented [^a] code\n\nA `span [^b]` here.\n\n```\nfenced [^c]\n```\n\nText [^d].\n";
    let body = md(text);
    let labels: Vec<&str> = body.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        labels,
        vec!["footnote `[^d]` is referenced but not defined"],
        "{labels:?}"
    );
}

#[test]
fn many_footnote_markers_stay_linear() {
    // 100,000 undefined references: a quadratic scan would take minutes.
    let text = "[^x] ".repeat(100_000);
    let body = md(&text);
    assert_eq!(body.problems.len(), 100_000);
    // Unclosed markers with a `]` far away.
    let text = format!("{}]", "[^".repeat(200_000));
    assert!(md(&text).problems.is_empty());
}

#[test]
fn the_tree_holds_blocks_inlines_notes_and_their_ranges() {
    use super::tree::{Kind, Node};
    let text = "Say \"hi\"[^a] *now*.\n\n- one\n\n[^a]: A **note**.\n";
    let body = md(text);
    let tree = &body.tree;
    assert_eq!(tree.nodes.len(), 2, "{tree:?}");
    let paragraph = &tree.nodes[0];
    assert_eq!(paragraph.kind, Kind::Paragraph);
    let kinds: Vec<&Kind> = paragraph.children.iter().map(|n| &n.kind).collect();
    // The text's punctuation is set in the tree, so every writer shows the same words.
    assert_eq!(kinds[0], &Kind::Text("Say “hi”".into()));
    assert_eq!(
        kinds[1],
        &Kind::NoteRef {
            number: 1,
            first: true
        }
    );
    assert_eq!(kinds[3], &Kind::Emphasis);
    assert_eq!(paragraph.children[0].range, 0..8);
    assert_eq!(&text[paragraph.children[3].range.clone()], "*now*");
    let list = &tree.nodes[1];
    assert_eq!(list.kind, Kind::List(None));
    assert_eq!(list.children[0].kind, Kind::Item);
    assert_eq!(tree.notes.len(), 1);
    let note: &Node = &tree.notes[0][0];
    assert_eq!(note.kind, Kind::Paragraph);
    assert_eq!(note.children[1].kind, Kind::Strong);
}

#[test]
fn fields_are_filled_in_text_and_inline_code_only() {
    let text = "A {{x}} *b {{y}}* `{{z}}`.[^1]\n\n```\n{{block}}\n```\n\n[^1]: {{n}}\n";
    let filled: Vec<&str> = filled_ranges(text)
        .into_iter()
        .map(|range| &text[range])
        .collect();
    let joined = filled.join("|");
    for field in ["{{x}}", "{{y}}", "`{{z}}`", "{{n}}"] {
        assert!(joined.contains(field), "{field} in {joined}");
    }
    assert!(!joined.contains("{{block}}"), "{joined}");
}

#[test]
fn copies_reuse_a_parse_only_while_their_images_resolve_the_same() {
    let text = "![Seal](seal.png) To {{x}}.\n";
    let fill = |t: &str| t.replace("{{x}}", "X");
    let style = Style::new(None, true);
    let convert_in = |folder: &'static str| {
        let resolve = move |p: &str| Ok(format!("/{folder}/{p}"));
        convert(text, style, &resolve, Some(&fill))
    };
    assert_eq!(convert_in("a").images, vec!["/a/seal.png"]);
    assert_eq!(convert_in("a").images, vec!["/a/seal.png"]);
    let moved = convert_in("b");
    assert_eq!(moved.images, vec!["/b/seal.png"]);
    assert!(moved.markup.contains("To X."), "{}", moved.markup);
}
