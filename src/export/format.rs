//! The output formats.

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// One PDF for the letter.
    Pdf,
    /// One PNG per page (144 dpi), for previews.
    Png,
    /// One SVG per page, for previews.
    Svg,
    /// One self-contained web page for the letter.
    Html,
    /// Only the letter's `<article>`, for pasting into a CMS (`--html-fragment`).
    HtmlFragment,
}

impl Format {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Html | Format::HtmlFragment => "html",
        }
    }

    /// Whether the format writes one file per page.
    pub fn is_paged(self) -> bool {
        matches!(self, Format::Png | Format::Svg)
    }

    /// Whether the format is a web page, written from the letter's data rather than its
    /// laid-out pages.
    pub fn is_web(self) -> bool {
        matches!(self, Format::Html | Format::HtmlFragment)
    }
}
