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
}

impl Format {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}
