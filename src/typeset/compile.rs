//! Compiling a letter's project with Typst, and turning Typst's diagnostics into ours:
//! positions in the generated `main.typ` are mapped back to the letter's line and column
//! (exactly inside raw-Typst fences, at the element otherwise); template errors point at
//! the template. Links to labels are then pointed at their labels ([`crate::typeset::links`]), and
//! the laid-out pages checked for characters no font has and for text off the page
//! ([`crate::typeset::layout_check`]).

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic, Warned};
use typst::syntax::{DiagSpan, FileId, RootedPath, VirtualPath, VirtualRoot};
use typst::text::Lang;
use typst_layout::PagedDocument;

use super::prepared::Prepared;
use super::project::Project;
use super::templates;
use super::world::{LetterWorld, MAIN_ID};
use super::{layout_check, links};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::letter::Template;

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
    prepared: &Prepared,
    project: &Project,
) -> Result<Compiled, Diagnostics> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    let mut mapper = Mapper {
        world,
        prepared,
        project,
        generated: None,
        texts: HashMap::new(),
    };
    let mut mapped: Diagnostics = warnings.iter().map(|w| mapper.convert(w)).collect();
    let output = output.and_then(|document| {
        let lang = &prepared.data.lang;
        links::resolve(
            document,
            lang.language.parse().unwrap_or(Lang::ENGLISH),
            lang.region.as_deref().and_then(|r| r.parse().ok()),
        )
    });
    match output {
        Ok(document) => {
            mapped.extend(missing_glyphs(&document, prepared));
            for problem in layout_check::check(&document) {
                let warning = Diagnostic::warning(problem.message).hint(problem.hint);
                mapped.push(mapper.locate(warning, problem.span.into()));
            }
            Ok(Compiled {
                document,
                warnings: mapped,
            })
        }
        Err(errors) => {
            let mut all: Diagnostics = errors.iter().map(|e| mapper.convert(e)).collect();
            all.extend(mapped);
            Err(all)
        }
    }
}

/// A warning naming the characters no font could draw (they would print as blank boxes),
/// pointing at the first one's occurrence in the letter or its house file.
fn missing_glyphs(document: &PagedDocument, prepared: &Prepared) -> Diagnostics {
    let missing = layout_check::missing_glyphs(document);
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
    let files = std::iter::once(&prepared.letter.source.file)
        .chain(prepared.letter.house.as_ref().map(|h| &h.file));
    vec![match files
        .into_iter()
        .find_map(|f| f.text.find(first).map(|i| (f, i)))
    {
        Some((file, offset)) => warning.at(file, offset..offset + first.len_utf8()),
        None => warning.in_file(&prepared.letter.source.file),
    }]
}

/// What a position in the project stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// Raw Typst the letter's writer typed (a ```` ```{=typst} ```` fence): exact.
    Typed,
    /// Markup missive generated for an element of the letter's body: its first line.
    Converted,
    /// The generated frame of `main.typ` (template import, data, endnote list).
    Generated,
    /// A template or other file under the root, or a built-in template.
    File,
}

/// Converts Typst diagnostics, remembering the texts it has named.
struct Mapper<'a> {
    world: &'a LetterWorld<'a>,
    prepared: &'a Prepared,
    project: &'a Project,
    generated: Option<Arc<SourceText>>,
    texts: HashMap<FileId, Arc<SourceText>>,
}

impl Mapper<'_> {
    fn convert(&mut self, diagnostic: &SourceDiagnostic) -> Diagnostic {
        let message = diagnostic.message.to_string();
        let mut out = match diagnostic.severity {
            TypstSeverity::Error => Diagnostic::error(message),
            TypstSeverity::Warning => Diagnostic::warning(message),
        };
        let origin = self.origin(diagnostic.span);
        if origin == Some(Origin::Generated)
            && let Some(missing) = self.missing_template_export(diagnostic)
        {
            return missing;
        }
        let root = self.prepared.letter.root.display();
        if origin == Some(Origin::Converted) && diagnostic.message.contains("depth exceeded") {
            out = out.hint(
                "lists, block quotes or emphasis are nested too deeply here for the template; use fewer levels",
            );
        } else {
            for hint in &diagnostic.hints {
                let hint = hint.v.as_str();
                if hint.contains("--root") {
                    continue;
                }
                out = out.hint(if hint.contains("outside of the project sandbox") {
                    format!("a letter can read only files inside its root folder {root}")
                } else {
                    hint.to_string()
                });
            }
        }
        if diagnostic
            .message
            .contains("outside the letter's root folder")
        {
            out = out.hint(format!(
                "a letter can read only files inside its root folder {root}; links that lead out of it are refused"
            ));
        }
        if diagnostic.message.starts_with("file not found") {
            out = out.hint(format!(
                "paths are relative to the file that names them; a path starting with `/` starts at the letter's root folder {root}"
            ));
        }
        for trace in &diagnostic.trace {
            out = out.hint(match self.location_of(trace.span.into()) {
                Some(location) => format!("{} at {location}", trace.v),
                None => trace.v.to_string(),
            });
        }
        self.locate(out, diagnostic.span)
    }

    /// Points a diagnostic at the file and range a span stands for, or names the letter.
    fn locate(&mut self, diagnostic: Diagnostic, span: DiagSpan) -> Diagnostic {
        match (span.id(), self.world.range(span)) {
            (Some(id), Some(range)) => {
                let (file, range, _) = self.place(id, range);
                diagnostic.at(&file, range)
            }
            _ => diagnostic.in_file(&self.prepared.letter.source.file),
        }
    }

    fn origin(&mut self, span: DiagSpan) -> Option<Origin> {
        let id = span.id()?;
        let range = self.world.range(span)?;
        Some(self.place(id, range).2)
    }

    /// `file:line:column` for a trace point, unless it is in the generated frame.
    fn location_of(&mut self, span: DiagSpan) -> Option<String> {
        let id = span.id()?;
        let range = self.world.range(span)?;
        let (file, range, origin) = self.place(id, range);
        if origin == Origin::Generated {
            return None;
        }
        let (line, column) = file.line_column(range.start);
        Some(format!("{}:{line}:{column}", file.name))
    }

    /// "unresolved import" of `letter` or `note-ref` from a custom template.
    fn missing_template_export(&mut self, diagnostic: &SourceDiagnostic) -> Option<Diagnostic> {
        if diagnostic.message != "unresolved import" {
            return None;
        }
        let Template::File(path) = &self.prepared.letter.template else {
            return None;
        };
        let range = self.world.range(diagnostic.span)?;
        let name = self.project.main.get(range)?;
        let vpath = VirtualPath::new(path).ok()?;
        let id = RootedPath::new(VirtualRoot::Project, vpath).intern();
        let (file, _, _) = self.place(id, 0..0);
        Some(
            Diagnostic::error(format!(
                "the template {} does not define `{name}`",
                file.name
            ))
            .at(&file, 0..0)
            .hint("a template defines `letter(data, notes: (), body)` and `note-ref(n, first: false)`; see docs/templates.md"),
        )
    }

    /// The file, range and origin a position in the project stands for.
    fn place(
        &mut self,
        id: FileId,
        range: Range<usize>,
    ) -> (Arc<SourceText>, Range<usize>, Origin) {
        if id == *MAIN_ID {
            let letter = &self.prepared.letter;
            if let Some(mark) = self.project.source_of(range.start) {
                let body = &letter.source.body;
                let start = (body.start + mark.source).min(body.end);
                let text = &letter.source.file.text;
                let line_end = text[start..]
                    .find(['\n', '\r'])
                    .map_or(text.len(), |i| start + i);
                let (end, origin) = if mark.verbatim {
                    ((start + range.len()).min(line_end), Origin::Typed)
                } else {
                    (line_end, Origin::Converted)
                };
                return (letter.source.file.clone(), start..end, origin);
            }
            let generated = self.generated.get_or_insert_with(|| {
                SourceText::new(
                    format!("main.typ (generated from {})", letter.source.file.name),
                    self.project.main.clone(),
                )
            });
            return (generated.clone(), range, Origin::Generated);
        }
        let file = match self.texts.get(&id) {
            Some(file) => file.clone(),
            None => {
                let name = file_name(&self.prepared.letter.root, id);
                let file = SourceText::new(name, self.world.text_of(id).unwrap_or_default());
                self.texts.insert(id, file.clone());
                file
            }
        };
        (file, range, Origin::File)
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
        VirtualRoot::Project => {
            crate::paths::display_path(&root.join(vpath.trim_start_matches('/')))
        }
    }
}
