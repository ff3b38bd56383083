//! Where a PDF's text stands on its pages: words and lines with their positions, read
//! from the glyphs the PDF shows (its text operators interpreted here with lopdf, so no
//! outside tool is needed; pdf-extract misreads the glyph widths Typst writes). Positions
//! are in PDF points, the origin at the bottom left of the page, y growing upwards.

use std::collections::HashMap;
use std::path::Path;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};
/// A word: glyphs shown one after the other with no space between them. A footnote
/// marker set close after a word is part of it.
#[derive(Debug, Clone)]
pub struct Word {
    /// The page, from 1.
    pub page: u32,
    /// Its text.
    pub text: String,
    /// Left edge of its first glyph.
    pub x0: f64,
    /// Right edge (advance) of its last glyph.
    pub x1: f64,
    /// Baseline of its largest glyphs.
    pub baseline: f64,
    /// Size of its largest glyphs.
    pub size: f64,
}

/// A line: the words of one page on one baseline, left to right.
#[derive(Debug, Clone)]
pub struct Line {
    /// The page, from 1.
    pub page: u32,
    /// The baseline.
    pub baseline: f64,
    /// The largest type size on it.
    pub size: f64,
    /// Its words, left to right.
    pub words: Vec<Word>,
}

impl Line {
    /// The words' texts joined by single spaces.
    pub fn text(&self) -> String {
        let words: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        words.join(" ")
    }

    /// Left edge of the line.
    pub fn x0(&self) -> f64 {
        self.words.first().map_or(0.0, |w| w.x0)
    }

    /// Right edge of the line.
    pub fn x1(&self) -> f64 {
        self.words.last().map_or(0.0, |w| w.x1)
    }

    /// The spaces between its words, left to right (PDF points).
    pub fn gaps(&self) -> Vec<f64> {
        self.words.windows(2).map(|w| w[1].x0 - w[0].x1).collect()
    }
}

/// The words of the PDF at `path`, page by page in the order the PDF shows them.
pub fn words(path: &Path) -> Vec<Word> {
    let doc = Document::load(path).unwrap_or_else(|e| panic!("{}: not a PDF: {e}", path.display()));
    let mut words = Vec::new();
    for (number, id) in doc.get_pages() {
        let fonts: HashMap<Vec<u8>, Font> = doc
            .get_page_fonts(id)
            .expect("the page's fonts")
            .into_iter()
            .map(|(name, dict)| (name, Font::new(&doc, dict)))
            .collect();
        let content = doc.get_page_content(id).expect("the page's content");
        let content = Content::decode(&content).expect("a content stream");
        let mut page = Page {
            number,
            fonts: &fonts,
            words: Vec::new(),
            current: None,
        };
        page.run(&content.operations);
        page.flush();
        words.extend(page.words);
    }
    words
}

/// The lines of the PDF at `path`, page by page from the top.
pub fn lines(path: &Path) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for word in words(path) {
        // A footnote marker shares its word's baseline; a line's words are within a
        // tenth of a point of each other (Typst sets them on one baseline).
        match lines
            .iter_mut()
            .find(|l| l.page == word.page && (l.baseline - word.baseline).abs() < 0.1)
        {
            Some(line) => {
                line.size = line.size.max(word.size);
                line.words.push(word);
            }
            None => lines.push(Line {
                page: word.page,
                baseline: word.baseline,
                size: word.size,
                words: vec![word],
            }),
        }
    }
    for line in &mut lines {
        line.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines.sort_by(|a, b| a.page.cmp(&b.page).then(b.baseline.total_cmp(&a.baseline)));
    lines
}

/// The first line of page `page` whose text contains `text`.
pub fn line_with<'a>(lines: &'a [Line], page: u32, text: &str) -> &'a Line {
    lines
        .iter()
        .find(|l| l.page == page && l.text().contains(text))
        .unwrap_or_else(|| panic!("no line with `{text}` on page {page}"))
}

/// The first word of page `page` that is `text`.
pub fn word<'a>(words: &'a [Word], page: u32, text: &str) -> &'a Word {
    words
        .iter()
        .find(|w| w.page == page && w.text == text)
        .unwrap_or_else(|| panic!("no word `{text}` on page {page}"))
}

/// A PDF matrix `[a b c d e f]`.
/// A PDF transformation matrix `[a b c d e f]`.
pub type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n` (PDF's row-vector convention: a point is transformed by `m × n`).
pub fn times(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// The point `(x, y)` transformed by `m`.
pub fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

fn number(object: &Object) -> f64 {
    f64::from(object.as_float().expect("a number"))
}

/// What a font tells about its glyphs: their text and their widths.
struct Font {
    /// The text of each character code (the font's `ToUnicode` map).
    text: HashMap<u32, String>,
    /// Bytes per character code: 2 for Typst's CID fonts (Identity-H).
    code_bytes: usize,
    widths: HashMap<u32, f64>,
    default_width: f64,
}

impl Font {
    fn new<'a>(doc: &'a Document, dict: &'a Dictionary) -> Self {
        let text = dict
            .get_deref(b"ToUnicode", doc)
            .and_then(Object::as_stream)
            .and_then(|s| s.get_plain_content())
            .map(|cmap| to_unicode(&String::from_utf8_lossy(&cmap)))
            .unwrap_or_default();
        let composite = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Type0");
        let mut widths = HashMap::new();
        let mut default_width = 0.0;
        let deref = |o: &'a Object| doc.dereference(o).map(|(_, o)| o).expect("an object");
        if composite {
            let descendant = dict
                .get(b"DescendantFonts")
                .map(deref)
                .and_then(Object::as_array)
                .expect("a descendant font");
            let cid = deref(&descendant[0]).as_dict().expect("a CID font");
            default_width = cid.get(b"DW").map_or(1000.0, number);
            if let Ok(w) = cid.get(b"W").map(deref).and_then(Object::as_array) {
                // `c [w1 w2 …]` or `c_first c_last w`.
                let mut i = 0;
                while i + 1 < w.len() {
                    let first = number(&w[i]) as u32;
                    if let Ok(list) = deref(&w[i + 1]).as_array() {
                        for (k, width) in list.iter().enumerate() {
                            widths.insert(first + k as u32, number(width));
                        }
                        i += 2;
                    } else {
                        for code in first..=number(&w[i + 1]) as u32 {
                            widths.insert(code, number(&w[i + 2]));
                        }
                        i += 3;
                    }
                }
            }
        } else if let Ok(w) = dict.get(b"Widths").map(deref).and_then(Object::as_array) {
            let first = dict.get(b"FirstChar").map_or(0.0, number) as u32;
            for (k, width) in w.iter().enumerate() {
                widths.insert(first + k as u32, number(width));
            }
        }
        Font {
            text,
            code_bytes: if composite { 2 } else { 1 },
            widths,
            default_width,
        }
    }
}

/// The text of each character code in a `ToUnicode` CMap (its `bfchar` and `bfrange`
/// sections, as Typst writes them).
fn to_unicode(cmap: &str) -> HashMap<u32, String> {
    let hex = |s: &str| u32::from_str_radix(s.trim_matches(['<', '>']), 16).ok();
    let utf16 = |s: &str| {
        let s = s.trim_matches(['<', '>']);
        let units: Vec<u16> = (0..s.len() / 4)
            .filter_map(|i| u16::from_str_radix(&s[4 * i..4 * i + 4], 16).ok())
            .collect();
        String::from_utf16_lossy(&units)
    };
    let mut map = HashMap::new();
    let mut section = "";
    for line in cmap.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [_, "beginbfchar"] => section = "char",
            [_, "beginbfrange"] => section = "range",
            ["endbfchar"] | ["endbfrange"] => section = "",
            [code, text] if section == "char" => {
                map.extend(hex(code).map(|c| (c, utf16(text))));
            }
            [first, last, start] if section == "range" => {
                let (Some(first), Some(last), Some(start)) = (hex(first), hex(last), hex(start))
                else {
                    continue;
                };
                for code in first..=last {
                    let text = char::from_u32(start + code - first).map(String::from);
                    map.extend(text.map(|t| (code, t)));
                }
            }
            _ => {}
        }
    }
    map
}

/// The text state of one page while its content runs.
struct Page<'a> {
    number: u32,
    fonts: &'a HashMap<Vec<u8>, Font>,
    words: Vec<Word>,
    current: Option<Word>,
}

/// Graphics and text state (PDF 32000-1, 9.3).
#[derive(Clone)]
struct State {
    ctm: Matrix,
    tm: Matrix,
    line: Matrix,
    font: Vec<u8>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    rise: f64,
    leading: f64,
}

impl Page<'_> {
    fn run(&mut self, operations: &[lopdf::content::Operation]) {
        let mut state = State {
            ctm: IDENTITY,
            tm: IDENTITY,
            line: IDENTITY,
            font: Vec::new(),
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            rise: 0.0,
            leading: 0.0,
        };
        let mut stack = Vec::new();
        for op in operations {
            let n = |i: usize| number(&op.operands[i]);
            let next_line = |s: &mut State, x: f64, y: f64| {
                s.line = times(&[1.0, 0.0, 0.0, 1.0, x, y], &s.line);
                s.tm = s.line;
            };
            match op.operator.as_str() {
                "q" => stack.push(state.clone()),
                "Q" => state = stack.pop().unwrap_or(state),
                "cm" => state.ctm = times(&[n(0), n(1), n(2), n(3), n(4), n(5)], &state.ctm),
                "BT" => {
                    state.tm = IDENTITY;
                    state.line = IDENTITY;
                }
                "Tf" => {
                    state.font = op.operands[0].as_name().expect("a font name").to_vec();
                    state.size = n(1);
                }
                "Tm" => {
                    state.line = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    state.tm = state.line;
                }
                "Td" => next_line(&mut state, n(0), n(1)),
                "TD" => {
                    state.leading = -n(1);
                    next_line(&mut state, n(0), n(1));
                }
                "T*" => {
                    let leading = state.leading;
                    next_line(&mut state, 0.0, -leading);
                }
                "TL" => state.leading = n(0),
                "Tc" => state.char_spacing = n(0),
                "Tw" => state.word_spacing = n(0),
                "Tz" => state.scale = n(0) / 100.0,
                "Ts" => state.rise = n(0),
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        let leading = state.leading;
                        next_line(&mut state, 0.0, -leading);
                    }
                    let text = op
                        .operands
                        .last()
                        .and_then(|o| o.as_str().ok())
                        .unwrap_or_default();
                    self.show(&mut state, text);
                }
                "TJ" => {
                    for item in op.operands[0].as_array().expect("a TJ array") {
                        match item.as_str() {
                            Ok(text) => self.show(&mut state, text),
                            Err(_) => {
                                let tx = -number(item) / 1000.0 * state.size * state.scale;
                                state.tm = times(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &state.tm);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Shows the glyphs of `text` in the current font, advancing the text matrix.
    fn show(&mut self, state: &mut State, text: &[u8]) {
        let Some(font) = self.fonts.get(&state.font) else {
            return;
        };
        for code in text.chunks(font.code_bytes) {
            let cid = code.iter().fold(0u32, |c, b| c * 256 + u32::from(*b));
            let width = font.widths.get(&cid).copied().unwrap_or(font.default_width) / 1000.0;
            let device = times(&state.tm, &state.ctm);
            let (x, y) = apply(&device, 0.0, state.rise);
            let (x1, _) = apply(&device, width * state.size * state.scale, state.rise);
            let size = state.size * (device[2].powi(2) + device[3].powi(2)).sqrt();
            let char = font.text.get(&cid).map_or("", String::as_str);
            self.glyph(char, x, x1, y, size);
            let mut advance = width * state.size + state.char_spacing;
            if code == [32] {
                advance += state.word_spacing;
            }
            state.tm = times(&[1.0, 0.0, 0.0, 1.0, advance * state.scale, 0.0], &state.tm);
        }
    }

    fn flush(&mut self) {
        self.words.extend(self.current.take());
    }

    /// Adds a glyph to the current word, or ends the word at a space.
    fn glyph(&mut self, char: &str, x: f64, x1: f64, y: f64, size: f64) {
        if char.is_empty() || char.chars().all(char::is_whitespace) {
            self.flush();
            return;
        }
        // A glyph continues the word when it starts where the word ends (a kern or a
        // superscript's shift apart) on about the same line.
        let continues = self.current.as_ref().is_some_and(|w| {
            (x - w.x1).abs() < 0.25 * size.max(w.size) && (y - w.baseline).abs() < size.max(w.size)
        });
        if !continues {
            self.flush();
        }
        let word = self.current.get_or_insert_with(|| Word {
            page: self.number,
            text: String::new(),
            x0: x,
            x1,
            baseline: y,
            size,
        });
        word.text.push_str(char);
        word.x0 = word.x0.min(x);
        word.x1 = word.x1.max(x1);
        if size > word.size + 0.01 {
            word.size = size;
            word.baseline = y;
        }
    }
}
