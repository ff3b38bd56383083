//! Compiling a letter's project with Typst, and turning Typst's diagnostics into ours:
//! positions in the generated `main.typ` are mapped back to the letter where the text
//! came from the letter (raw Typst fences); template errors point at the template.

use std::path::Path;
use std::sync::Arc;

use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic, Warned};
use typst::layout::{Frame, FrameItem};
use typst::syntax::{FileId, VirtualRoot};
use typst_layout::PagedDocument;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::letter::Letter;
use crate::project::Project;
use crate::templates;
use crate::world::{LetterWorld, MAIN_ID};

/// A laid-out letter and the warnings Typst gave.
pub struct Compiled {
    /// The document.
    pub document: PagedDocument,
    /// Warnings, mapped to files.
    pub warnings: Diagnostics,
}

/// Compiles the letter's project in `world`.
pub fn compile(
    world: &LetterWorld,
    letter: &Letter,
    project: &Project,
) -> Result<Compiled, Diagnostics> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    let mapper = Mapper {
        world,
        letter,
        project,
        generated: None,
    };
    let mut mapper = mapper;
    let warnings: Diagnostics = warnings.iter().map(|w| mapper.convert(w)).collect();
    match output {
        Ok(document) => {
            let mut warnings = warnings;
            warnings.extend(missing_glyphs(&document, letter));
            Ok(Compiled { document, warnings })
        }
        Err(errors) => {
            let mut all: Diagnostics = errors.iter().map(|e| mapper.convert(e)).collect();
            all.extend(warnings);
            Err(all)
        }
    }
}

/// A warning naming the characters no font could draw (they would print as blank boxes),
/// pointing at the first one's occurrence in the letter or its house file.
fn missing_glyphs(document: &PagedDocument, letter: &Letter) -> Diagnostics {
    fn walk(frame: &Frame, missing: &mut Vec<char>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, missing),
                FrameItem::Text(text) => {
                    for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                        for c in text.text.get(glyph.range()).unwrap_or_default().chars() {
                            if !c.is_whitespace() && !missing.contains(&c) {
                                missing.push(c);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut missing = Vec::new();
    for page in document.pages() {
        walk(&page.frame, &mut missing);
    }
    let Some(&first) = missing.first() else {
        return Vec::new();
    };
    let shown: Vec<String> = missing
        .iter()
        .take(8)
        .map(|c| format!("`{c}` (U+{:04X})", *c as u32))
        .collect();
    let more = if missing.len() > 8 {
        format!(" and {} more", missing.len() - 8)
    } else {
        String::new()
    };
    let warning = Diagnostic::warning(format!(
        "no available font has {}{more}; they print as blank boxes",
        shown.join(", ")
    ))
    .hint("add a font that covers them with `--font-path DIR` (`missive fonts` lists the fonts in use)");
    let files = std::iter::once(&letter.source.file).chain(letter.house.as_ref().map(|h| &h.file));
    vec![match files
        .into_iter()
        .find_map(|f| f.text.find(first).map(|i| (f, i)))
    {
        Some((file, offset)) => warning.at(file, offset..offset + first.len_utf8()),
        None => warning.in_file(&letter.source.file),
    }]
}

/// Converts Typst diagnostics, remembering the texts it has named.
struct Mapper<'a> {
    world: &'a LetterWorld<'a>,
    letter: &'a Letter,
    project: &'a Project,
    generated: Option<Arc<SourceText>>,
}

impl Mapper<'_> {
    fn convert(&mut self, diagnostic: &SourceDiagnostic) -> Diagnostic {
        let mut out = match diagnostic.severity {
            TypstSeverity::Error => Diagnostic::error(diagnostic.message.to_string()),
            TypstSeverity::Warning => Diagnostic::warning(diagnostic.message.to_string()),
        };
        for hint in &diagnostic.hints {
            out = out.hint(hint.v.to_string());
        }
        for trace in &diagnostic.trace {
            if let Some(location) = self.location_of(trace.span.into()) {
                out = out.hint(format!("{} at {location}", trace.v));
            }
        }
        let span = diagnostic.span;
        match (span.id(), self.world.range(span)) {
            (Some(id), Some(range)) => {
                let (file, range) = self.place(id, range);
                out.at(&file, range)
            }
            _ => out.in_file(&self.letter.source.file),
        }
    }

    /// A short `file:line:column` for a trace point.
    fn location_of(&mut self, span: typst::syntax::DiagSpan) -> Option<String> {
        let id = span.id()?;
        let range = self.world.range(span)?;
        let (file, range) = self.place(id, range);
        let (line, column) = file.line_column(range.start);
        Some(format!("{}:{line}:{column}", file.name))
    }

    /// The file and range a position in the project stands for.
    fn place(
        &mut self,
        id: FileId,
        range: std::ops::Range<usize>,
    ) -> (Arc<SourceText>, std::ops::Range<usize>) {
        if id == *MAIN_ID {
            let letter = &self.letter;
            let in_body = range.start.checked_sub(self.project.body_offset);
            if let Some(offset) = in_body {
                for raw in &letter.body.raw_spans {
                    if raw.markup.contains(&offset) {
                        let start =
                            letter.source.body.start + raw.source + (offset - raw.markup.start);
                        let len = range.len().min(raw.markup.end - offset);
                        return (letter.source.file.clone(), start..start + len);
                    }
                }
            }
            let generated = self.generated.get_or_insert_with(|| {
                SourceText::new(
                    format!("main.typ (generated from {})", letter.source.file.name),
                    self.project.main.clone(),
                )
            });
            return (generated.clone(), range);
        }
        let name = file_name(&self.letter.root, id);
        let text = self.world.text_of(id).unwrap_or_default();
        (SourceText::new(name, text), range)
    }
}

/// The name diagnostics give a project file other than `main.typ`: `<built-in>/house.typ`
/// for a built-in template file, else its path on disk as the user should see it.
pub fn file_name(root: &Path, id: FileId) -> String {
    let vpath = id.vpath().get_with_slash();
    match id.root() {
        VirtualRoot::Package(spec) => format!("{spec}{vpath}"),
        VirtualRoot::Project if templates::builtin_file(vpath).is_some() => {
            format!(
                "<built-in>{}",
                vpath.trim_start_matches(templates::BUILTIN_DIR)
            )
        }
        VirtualRoot::Project => crate::display_path(&root.join(vpath.trim_start_matches('/'))),
    }
}
