//! typst-pdf's errors for a PDF standard (`PDF/UA-1 error: missing alt text`, …) turned
//! into plain messages that name the letter key to fix and point at the file that sets it.
//!
//! Images are recognised by their bytes: the error's span leads to the image in the laid-out
//! document, whose data is compared with the files the letter uses (logo, signatures, body
//! images); an image that is none of them is the template's own.

use std::ops::Range;

use typst::diag::SourceDiagnostic;
use typst::layout::FrameItem;
use typst::syntax::{DiagSpan, DiagSpanKind, Source};
use typst::visualize::ImageKind;
use typst_layout::PagedDocument;

use crate::diagnostic::{Diagnostic, SourceText};
use crate::typeset::frames::{Step, visit_pages};
use crate::typeset::world::MAIN_ID;
use crate::typeset::{Prepared, Typeset, compile, templates};

/// Explains one error typst-pdf raised while exporting `letter`, typeset as `typeset`.
pub fn explain(error: &SourceDiagnostic, prepared: &Prepared, typeset: &Typeset) -> Diagnostic {
    let (document, files) = (&typeset.document, typeset.files.as_slice());
    let (standards, detail) = match error.message.split_once(" error: ") {
        Some((standards, detail)) => (standards, detail),
        None => ("the PDF standard", error.message.as_str()),
    };
    let image = image_data_at(document, error.span).map(|data| which_image(prepared, files, &data));
    match (detail, image) {
        ("missing alt text", Some(image)) => missing_alt_text(prepared, &image, standards),
        (_, Some(image)) => {
            let message = format!("{}: {detail} ({standards})", image.describe(prepared));
            with_hints(image.locate(prepared, error.span, files, Diagnostic::error(message)), error)
        }
        ("missing document title", _) => Diagnostic::error(format!(
            "the PDF has no title, which {standards} requires"
        ))
        .in_file(&prepared.letter.source.file)
        .hint("the title is the letter's `subject` (else \"Letter to\" and the first addressee); give the letter a `subject`")
        .hint("a custom template must pass it on: `set document(title: data.title)`"),
        ("missing document language", _) => Diagnostic::error(format!(
            "the PDF has no language, which {standards} requires"
        ))
        .in_file(&prepared.letter.source.file)
        .hint("set `lang` in the letter or in missive.toml, e.g. `lang = \"en\"`")
        .hint("a custom template must pass it on: `set text(lang: data.lang.language)`"),
        ("missing document date" | "document date is missing", _) => Diagnostic::error(format!(
            "the PDF has no date, which {standards} requires"
        ))
        .in_file(&prepared.letter.source.file)
        .hint("the letter's `date` is the PDF's date; a custom template must not `set document(date: none)`"),
        _ => {
            let message = if error.message.contains(" error: ") {
                format!("the PDF does not meet {standards}: {detail}")
            } else {
                format!("PDF export failed: {detail}")
            };
            with_hints(locate_span(prepared, error.span, files, Diagnostic::error(message)), error)
        }
    }
}

/// A PDF/UA error about an image without alternative text, naming the key that gives it.
fn missing_alt_text(prepared: &Prepared, image: &LetterImage, standards: &str) -> Diagnostic {
    let diagnostic = match image {
        LetterImage::Logo(path) => Diagnostic::error(format!(
            "the letterhead logo `{}` has no `logo_alt`, the alternative text {standards} requires",
            path.trim_start_matches('/')
        ))
        .hint("add `logo_alt = \"…\"` to the `[letterhead]` table that sets `logo`: a short description such as the organisation's name followed by \"logo\""),
        LetterImage::Signature(index) => {
            let name = &prepared.data.signatories[*index].name;
            Diagnostic::error(format!(
                "the signature of {name} has an empty `signatories[{}].signature_alt`, the alternative text {standards} requires",
                index + 1
            ))
            .hint(format!("write a description in `signature_alt`, or remove the key to use \"Signature of {name}\""))
        }
        LetterImage::Body(path) => Diagnostic::error(format!(
            "the image `{}` in the body has no description (alternative text), which {standards} requires",
            path.trim_start_matches('/')
        ))
        .hint("write the description between the brackets: `![What the image shows](path)`"),
        LetterImage::Template(_) => Diagnostic::error(format!(
            "an image the template places has no alternative text, which {standards} requires"
        ))
        .hint("give the template's `image(…)` call an `alt:` argument"),
    };
    image.locate(prepared, DiagSpan::detached(), &[], diagnostic)
}

/// Which of the letter's images an image is.
enum LetterImage {
    /// The letterhead logo (project path).
    Logo(String),
    /// The signature of the signatory with this index.
    Signature(usize),
    /// An image of the body (project path).
    Body(String),
    /// An image the template places on its own (project path when it is a file).
    Template(Option<String>),
}

impl LetterImage {
    /// How messages name the image.
    fn describe(&self, prepared: &Prepared) -> String {
        match self {
            LetterImage::Logo(path) => {
                format!("the letterhead logo `{}`", path.trim_start_matches('/'))
            }
            LetterImage::Signature(index) => {
                format!(
                    "the signature of {}",
                    prepared.data.signatories[*index].name
                )
            }
            LetterImage::Body(path) => {
                format!("the image `{}` in the body", path.trim_start_matches('/'))
            }
            LetterImage::Template(Some(path)) => format!(
                "the image `{}` of the template",
                path.trim_start_matches('/')
            ),
            LetterImage::Template(None) => "an image of the template".to_string(),
        }
    }

    /// Points the diagnostic at the key that names the image (or the template's call).
    fn locate(
        &self,
        prepared: &Prepared,
        span: DiagSpan,
        files: &[(String, Vec<u8>)],
        diagnostic: Diagnostic,
    ) -> Diagnostic {
        let front = &prepared.letter.front;
        let in_letter = |range: Range<usize>| {
            let start = prepared.letter.source.front.start;
            (
                prepared.letter.source.file.clone(),
                start + range.start..start + range.end,
            )
        };
        let place = match self {
            LetterImage::Logo(_) => {
                let own = front
                    .letterhead
                    .logo
                    .as_ref()
                    .map(|logo| in_letter(logo.span()));
                own.or_else(|| {
                    let house = prepared.letter.house.as_ref()?;
                    let logo = house.config.letterhead.logo.as_ref()?;
                    Some((house.file.clone(), logo.span()))
                })
            }
            LetterImage::Signature(index) => front
                .signatories
                .get(*index)
                .and_then(|s| s.signature.as_ref())
                .map(|s| in_letter(s.span())),
            LetterImage::Body(path) => {
                let name = path.rsplit('/').next().unwrap_or(path);
                prepared.letter.source.body_text().find(name).map(|at| {
                    let start = prepared.letter.source.body.start + at;
                    (
                        prepared.letter.source.file.clone(),
                        start..start + name.len(),
                    )
                })
            }
            LetterImage::Template(_) => return locate_span(prepared, span, files, diagnostic),
        };
        match place {
            Some((file, range)) => diagnostic.at(&file, range),
            None => diagnostic.in_file(&prepared.letter.source.file),
        }
    }
}

/// Identifies an image of the document by its bytes.
fn which_image(prepared: &Prepared, files: &[(String, Vec<u8>)], data: &[u8]) -> LetterImage {
    let Some((path, _)) = files.iter().find(|(_, bytes)| bytes.as_slice() == data) else {
        return LetterImage::Template(None);
    };
    if prepared.data.letterhead.logo.as_deref() == Some(path.as_str()) {
        return LetterImage::Logo(path.clone());
    }
    if let Some(index) = prepared
        .data
        .signatories
        .iter()
        .position(|s| s.signature.as_deref() == Some(path.as_str()))
    {
        return LetterImage::Signature(index);
    }
    if prepared.body.images.contains(path) {
        return LetterImage::Body(path.clone());
    }
    LetterImage::Template(Some(path.clone()))
}

/// The data of the image laid out from the element at `span`, if there is one.
fn image_data_at(document: &PagedDocument, span: DiagSpan) -> Option<Vec<u8>> {
    if span.is_detached() {
        return None;
    }
    let mut found = None;
    visit_pages(document, |_, item, _| {
        if found.is_none()
            && let FrameItem::Image(image, _, at) = item
            && DiagSpan::from(*at) == span
        {
            found = Some(match image.kind() {
                ImageKind::Raster(raster) => raster.data().as_slice().to_vec(),
                ImageKind::Svg(svg) => svg.data().as_slice().to_vec(),
                ImageKind::Pdf(_) => Vec::new(),
            });
        }
        Step::Next
    });
    found
}

/// Points the diagnostic at a span in a template file (built-in or read from the root),
/// or at the letter when the span is in the generated `main.typ` or nowhere.
fn locate_span(
    prepared: &Prepared,
    span: DiagSpan,
    files: &[(String, Vec<u8>)],
    diagnostic: Diagnostic,
) -> Diagnostic {
    let placed = span.id().filter(|id| *id != *MAIN_ID).and_then(|id| {
        let vpath = id.vpath().get_with_slash();
        let text = match templates::builtin_file(vpath) {
            Some(text) => text.to_string(),
            None => {
                let (_, bytes) = files.iter().find(|(path, _)| path == vpath)?;
                String::from_utf8(bytes.clone()).ok()?
            }
        };
        let range = match span.get() {
            DiagSpanKind::Number { num, sub_range, .. } => {
                Source::new(id, text.clone()).range(num, sub_range)?
            }
            DiagSpanKind::Range { range, .. } => range,
            DiagSpanKind::Detached => return None,
        };
        Some((
            SourceText::new(compile::file_name(&prepared.letter.root, id), text),
            range,
        ))
    });
    match placed {
        Some((file, range)) => diagnostic.at(&file, range),
        None => diagnostic.in_file(&prepared.letter.source.file),
    }
}

/// The diagnostic with typst's hints added.
fn with_hints(diagnostic: Diagnostic, error: &SourceDiagnostic) -> Diagnostic {
    error
        .hints
        .iter()
        .fold(diagnostic, |d, hint| d.hint(hint.v.to_string()))
}
