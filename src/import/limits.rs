//! How much of a hostile file import reads before refusing it. Real files sit far below
//! every limit (docs/import.md gives the figures): a 20-page Word letter's
//! `word/document.xml` is under 1 MiB and nests about 20 elements deep; a saved news page
//! is a few MiB and nests under 100 deep.

/// Largest web page or text read (bytes): a 50 MB page is refused before it is parsed.
pub const MAX_PAGE_BYTES: usize = 32 << 20;

/// Largest Word file read (bytes, as stored).
pub const MAX_DOCX_BYTES: usize = 256 << 20;

/// Most entries a Word package may list (a letter has 10 to 40; one per image more).
pub const MAX_ZIP_ENTRIES: usize = 20_000;

/// Largest part unpacked from a Word package (bytes).
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// Most bytes unpacked from one Word package in all.
pub const MAX_UNPACKED_BYTES: u64 = 256 << 20;

/// Highest ratio of unpacked to packed size for a part over [`RATIO_FLOOR`] bytes: XML
/// packs about 10:1, a decompression bomb 1000:1.
pub const MAX_RATIO: u64 = 200;

/// Parts smaller than this are never refused for their ratio.
pub const RATIO_FLOOR: u64 = 1 << 20;

/// Deepest nesting of elements in a Word part or a web page.
pub const MAX_DEPTH: usize = 512;

/// Most XML nodes in one Word part.
pub const MAX_XML_NODES: u32 = 4_000_000;
