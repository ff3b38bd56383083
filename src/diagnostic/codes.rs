//! The stable code of every kind of diagnostic (`M0203`), grouped by the step of the
//! letter's way that finds it. A diagnostic cannot be made without one
//! ([`Diagnostic::error`](super::Diagnostic::error) takes it first).
//!
//! To add a kind: add a line below, in its group, with the next free number, and a
//! section `### M…: title` with an explanation and an example to `docs/diagnostics.md`
//! (`missive explain` prints that section; a test fails on a code without one). Codes
//! are never renumbered or reused: scripts and editors match on them.

use std::fmt;

/// The stable code of a kind of diagnostic, e.g. `M0203` (an unknown key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Code(&'static str);

impl Code {
    /// The code as shown: `M0203`.
    pub fn id(self) -> &'static str {
        self.0
    }

    /// The code written `id` (`M0203`), if missive has it.
    pub fn from_id(id: &str) -> Option<Code> {
        ALL.iter().copied().find(|code| code.0 == id)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Declares the codes as constants and lists them in [`ALL`].
macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $id:literal,)*) => {
        $($(#[$doc])* pub const $name: Code = Code($id);)*
        /// Every code, in the order of `docs/diagnostics.md`.
        pub const ALL: &[Code] = &[$($name),*];
    };
}

codes! {
    // M01: reading the letter file.
    /// A file cannot be read (missing, a folder, no permission).
    CANNOT_READ = "M0101",
    /// The file is UTF-16 text.
    UTF16 = "M0102",
    /// The file is not valid UTF-8.
    NOT_UTF8 = "M0103",
    /// The file holds a NUL byte.
    NUL_BYTE = "M0104",
    /// The letter is empty or white space only.
    EMPTY_LETTER = "M0105",
    /// The front matter is YAML (`---`).
    YAML_FRONT_MATTER = "M0106",
    /// The letter does not start with `+++`.
    NO_FRONT_MATTER = "M0107",
    /// The front matter has no closing `+++`.
    UNCLOSED_FRONT_MATTER = "M0108",

    // M02: the TOML of the front matter and of the house file.
    /// TOML syntax error.
    TOML_SYNTAX = "M0201",
    /// A key given twice in one table.
    DUPLICATE_KEY = "M0202",
    /// A key missive does not know.
    UNKNOWN_KEY = "M0203",
    /// A top-level key below a `[table]` header.
    KEY_BELOW_TABLE = "M0204",
    /// A value of the wrong type.
    WRONG_TYPE = "M0205",
    /// A value that is not one of those allowed.
    UNKNOWN_VALUE = "M0206",
    /// A date written in quotes.
    QUOTED_DATE = "M0207",

    // M03: the house file.
    /// `pdf_standard` in `missive.toml` is not a list of standards.
    HOUSE_PDF_STANDARD = "M0301",
    /// A `[limits]` value of `missive.toml` is not a duration or a size.
    BAD_LIMIT = "M0302",
    /// `fonts` in `missive.toml` is not a folder inside the house folder.
    HOUSE_FONTS = "M0303",

    // M04: the letter's values, checked over the house's.
    /// The letter has no `date`.
    NO_DATE = "M0401",
    /// `date` has a time of day.
    DATE_WITH_TIME = "M0402",
    /// `lang` is not a language tag.
    BAD_LANG = "M0403",
    /// A language missive has no words for (warning).
    UNSUPPORTED_LANG = "M0404",
    /// `template` names no built-in template.
    UNKNOWN_TEMPLATE = "M0405",
    /// No `[[signatories]]`.
    NO_SIGNATORIES = "M0406",
    /// A signatory without a name.
    SIGNATORY_WITHOUT_NAME = "M0407",
    /// `accent` is not a colour.
    BAD_ACCENT = "M0408",
    /// A letterhead logo without `logo_alt` (warning).
    LOGO_WITHOUT_ALT = "M0409",
    /// A draft checked with `--final`.
    DRAFT_NOT_FINAL = "M0410",
    /// A `window` that is no envelope missive knows or does not fit the paper.
    BAD_WINDOW = "M0411",
    /// A list of recipients that cannot be read, or has no `name` column.
    BAD_LIST = "M0412",
    /// A field `{{…}}` that names no column of the list of recipients.
    UNKNOWN_FIELD = "M0413",
    /// A row of the list of recipients without a required value.
    ROW_WITHOUT_VALUE = "M0414",
    /// A cell of a workbook that holds a spreadsheet error.
    BAD_CELL = "M0415",
    /// Two copies that would be written to the same file.
    COPY_NAME_TAKEN = "M0416",

    // M05: files a letter names (images, templates) and reads.
    /// An empty path.
    EMPTY_PATH = "M0501",
    /// A web address where a file is expected.
    WEB_ADDRESS = "M0502",
    /// A path with a backslash.
    BACKSLASH_PATH = "M0503",
    /// An absolute path.
    ABSOLUTE_PATH = "M0504",
    /// A path outside the letter's root folder.
    OUTSIDE_ROOT = "M0505",
    /// A file that does not exist.
    MISSING_FILE = "M0506",
    /// A path that is not a file.
    NOT_A_FILE = "M0507",
    /// A kind of file missive does not use there.
    UNSUPPORTED_FILE = "M0508",
    /// An image whose content is another format than its name says.
    MISNAMED_IMAGE = "M0509",
    /// An image file that is empty or damaged.
    DAMAGED_IMAGE = "M0510",
    /// A house font file that cannot be read.
    CANNOT_READ_FONT = "M0511",

    // M06: the Markdown body.
    /// A footnote marker without a definition.
    FOOTNOTE_UNDEFINED = "M0601",
    /// A footnote defined twice.
    FOOTNOTE_TWICE = "M0602",
    /// A footnote defined but never referenced (warning).
    FOOTNOTE_UNUSED = "M0603",
    /// The body nested too deeply.
    NESTED_TOO_DEEP = "M0604",
    /// A raw-Typst fence in a house that refuses raw Typst.
    RAW_TYPST_REFUSED = "M0605",
    /// A link whose address is not http, https, mailto, tel or in-page (warning).
    LINK_REFUSED = "M0606",

    // M07: templates and typesetting (Typst).
    /// A template or fence imports a Typst package.
    PACKAGE_IMPORT = "M0701",
    /// An error or warning in a raw-Typst fence.
    TYPST_IN_FENCE = "M0702",
    /// An error or warning in a template.
    TEMPLATE_ERROR = "M0703",
    /// Typst cannot lay out a part of the body.
    TYPST_IN_BODY = "M0704",
    /// An error in the generated `main.typ` (a bug).
    GENERATED_CODE = "M0705",
    /// A custom template lacks `letter` or `note-ref`.
    TEMPLATE_INCOMPLETE = "M0706",
    /// Text runs off the page (warning).
    TEXT_OFF_PAGE = "M0707",
    /// Characters no font has (warning).
    MISSING_GLYPHS = "M0708",
    /// Typst is asked to read a file outside the letter's root folder.
    READ_OUTSIDE_ROOT = "M0709",
    /// A letter exceeded its time or memory budget.
    BUDGET_EXCEEDED = "M0710",

    // M08: PDF export and PDF standards.
    /// PDF standards that cannot be combined.
    STANDARDS_CONFLICT = "M0801",
    /// An image without alternative text under PDF/UA.
    NO_ALT_TEXT = "M0802",
    /// The PDF has no title a standard requires.
    NO_PDF_TITLE = "M0803",
    /// The PDF has no language a standard requires.
    NO_PDF_LANGUAGE = "M0804",
    /// The PDF has no date a standard requires.
    NO_PDF_DATE = "M0805",
    /// Another PDF export error.
    PDF_EXPORT = "M0806",
    /// A source cannot be embedded in an archival PDF.
    CANNOT_EMBED = "M0807",
    /// The PDF does not meet a standard it was asked to meet.
    STANDARD_NOT_MET = "M0808",

    // M09: batch.
    /// Typesetting a letter crashed (a bug).
    TYPESETTING_CRASHED = "M0901",
    /// The batch manifest cannot be read (warning).
    MANIFEST_UNREADABLE = "M0902",
    /// An orphaned PDF cannot be removed (warning).
    CANNOT_PRUNE = "M0903",
    /// A worker process cannot be started, or stopped answering.
    WORKER_FAILED = "M0904",

    // M10: import.
    /// The text to import holds no text.
    IMPORT_EMPTY = "M1001",
    /// Every line of the text is site chrome.
    IMPORT_ONLY_CHROME = "M1002",
    /// Two texts would be imported into the same letter.
    IMPORT_SAME_TARGET = "M1003",
    /// The imported letter's front matter cannot be written.
    IMPORT_CANNOT_WRITE_TOML = "M1004",
    /// A file `import` refuses to read (too large, not a letter's format, unsafe).
    IMPORT_REFUSED = "M1005",
    /// `--encoding` given for a Word file, which has no legacy encoding (warning).
    IMPORT_ENCODING_UNUSED = "M1006",

    // M11: commands, output files and folders.
    /// The command cannot be carried out as asked (exit status 2).
    USAGE = "M1101",
    /// A file or folder cannot be written.
    CANNOT_WRITE = "M1102",
    /// A file that would be overwritten.
    ALREADY_EXISTS = "M1103",
    /// A folder cannot be opened.
    CANNOT_OPEN_FOLDER = "M1104",
    /// A `--font-path` folder cannot be read.
    FONT_FOLDER = "M1105",
    /// A PDF cannot be read, or carries no sources (`extract`).
    PDF_UNREADABLE = "M1106",
    /// An embedded file with an unsafe name (`extract`).
    UNSAFE_EMBEDDED_NAME = "M1107",
    /// Files cannot be watched (`watch`).
    CANNOT_WATCH = "M1108",
    /// A folder `init` would fill is not empty.
    FOLDER_NOT_EMPTY = "M1109",
}
