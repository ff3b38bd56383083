//! The Markdown writer: literal text, structure, emphasis at its edges, images.

use super::*;
use crate::import::document::model::{ImageSource, Row};
use crate::typeset::markdown;
use crate::typeset::typst_code::str_literal;

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn para(runs: Vec<Inline>) -> Block {
    Block::Paragraph(runs)
}

fn no_images(_: &Image) -> Option<String> {
    None
}

/// The Typst markup missive makes of Markdown with `smart_punctuation = false` (the
/// writing is about Markdown; punctuation is set apart from it); images resolve to
/// themselves.
fn markup(markdown: &str) -> String {
    let english = crate::i18n::Lang::parse("en");
    let style = crate::typeset::typography::Style::new(english.as_ref(), false);
    markdown::convert(markdown, style, &|p: &str| Ok(p.to_string()), None).markup
}

#[test]
fn text_reads_literally() {
    for literal in [
        "* not a list",
        "1. not numbered",
        "# no heading",
        "a *b* _c_ [d](e) <f> | g ~h~ \\ ![i](j)",
    ] {
        let written = write(&[para(vec![text(literal)])], &[], &no_images);
        assert_eq!(
            markup(&written),
            format!("#{}\n", str_literal(literal)),
            "{written:?}"
        );
    }
}

#[test]
fn paragraphs_headings_and_lists_are_kept() {
    let blocks = vec![
        Block::Heading {
            level: 2,
            number: Some("1.".into()),
            content: vec![text("Background")],
        },
        para(vec![
            text("We "),
            Inline::Strong(vec![text("urge")]),
            text(" you"),
            Inline::NoteRef(0),
            text(" to read "),
            Inline::Link {
                url: "https://example.org/a b".into(),
                content: vec![Inline::Emphasis(vec![text("the report")])],
            },
            text("."),
        ]),
        para(vec![
            text("Ms. Jane Roe"),
            Inline::LineBreak,
            text("2. Avenue"),
        ]),
        Block::List(List {
            kind: ListKind::Decimal,
            start: 3,
            items: vec![
                vec![
                    para(vec![text("three")]),
                    Block::List(List {
                        kind: ListKind::Bullet,
                        start: 1,
                        items: vec![vec![para(vec![text("inner")])]],
                    }),
                ],
                vec![para(vec![text("four")])],
            ],
        }),
        Block::List(List {
            kind: ListKind::LowerLetter,
            start: 1,
            items: vec![vec![para(vec![text("first point")])]],
        }),
    ];
    let written = write(&blocks, &[], &no_images);
    assert_eq!(
        written,
        concat!(
            "## 1. Background\n\n",
            "We **urge** you[^1] to read [*the report*](<https://example.org/a b>).\n\n",
            "Ms. Jane Roe\\\n2\\. Avenue\n\n",
            "3. three\n   - inner\n4. four\n\n",
            "a) first point"
        )
    );
    let converted = markup(&written);
    assert!(converted.contains("#heading(level: 1)"), "{converted}");
    assert!(converted.contains("#enum(start: 3"), "{converted}");
}

#[test]
fn tables_quotes_and_notes_are_kept() {
    let cell = |t: &str| vec![para(vec![text(t)])];
    let blocks = vec![
        Block::Table(Table {
            rows: vec![
                Row {
                    header: true,
                    cells: vec![cell("Facility"), cell("Held")],
                },
                Row {
                    header: false,
                    cells: vec![cell("East | London"), cell("212")],
                },
            ],
        }),
        Block::Quote(vec![para(vec![text("One.")]), para(vec![text("Two.")])]),
    ];
    let notes = vec![Note {
        label: "1".into(),
        blocks: vec![para(vec![text("A source.")]), para(vec![text("More.")])],
    }];
    let written = write(&blocks, &notes, &no_images);
    assert_eq!(
        written,
        concat!(
            "| Facility | Held |\n| --- | --- |\n| East \\| London | 212 |\n\n",
            "> One.\n>\n> Two.\n\n",
            "[^1]: A source.\n\n    More."
        )
    );
    assert!(markup(&written).contains("#table(columns: 2"));
}

#[test]
fn emphasis_that_cannot_close_stays_text() {
    let written = write(
        &[para(vec![
            text("a"),
            Inline::Strong(vec![text("\"b\"")]),
            text("c"),
        ])],
        &[],
        &no_images,
    );
    assert_eq!(written, "a\"b\"c");
}

#[test]
fn images_are_written_only_where_placed() {
    let image = Image {
        alt: "Chart [2]".into(),
        source: ImageSource::Embedded(0),
    };
    let placed = |_: &Image| Some("letter-image-1.png".to_string());
    let written = write(&[para(vec![Inline::Image(image.clone())])], &[], &placed);
    assert_eq!(written, "![Chart \\[2\\]](letter-image-1.png)");
    assert_eq!(
        write(&[para(vec![Inline::Image(image)])], &[], &no_images),
        ""
    );
}
