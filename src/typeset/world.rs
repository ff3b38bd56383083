//! The Typst `World` a letter is compiled in: the generated `/main.typ` and
//! `/letter.json`, the built-in templates under `/missive/`, and files read from the
//! letter's root folder and nowhere else. No packages, no network, no system fonts, and a
//! fixed "today" (the letter's date), so output depends only on the inputs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::SystemTime;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

use super::fonts::{self, FaceEntry, HouseFonts};
use crate::diagnostic::Diagnostics;
use crate::typeset::{links, templates};

/// Project path of the generated entry file.
pub const MAIN_PATH: &str = "/main.typ";
/// Project path of the letter's data.
pub const DATA_PATH: &str = "/letter.json";

/// The id of `/main.typ`, interned once per process (file ids are a finite global pool).
pub static MAIN_ID: LazyLock<FileId> = LazyLock::new(|| project_id(MAIN_PATH));
/// The id of `/letter.json`.
pub static DATA_ID: LazyLock<FileId> = LazyLock::new(|| project_id(DATA_PATH));

fn project_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed, valid project path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// What every letter of a run shares: the standard library (with missive's
/// `links::INPUT` in `sys.inputs`), fonts, built-in templates.
/// Build it once and compile any number of letters with it, from any number of threads.
pub struct Environment {
    library: LazyHash<Library>,
    fonts: FontStore,
    faces: Vec<FaceEntry>,
    builtins: HashMap<FileId, Source>,
    /// Houses' fonts read so far, by folder, with the stamp of their files (read again
    /// when a file changes, as under `watch`).
    houses: Mutex<HashMap<PathBuf, (Stamp, Arc<HouseBook>)>>,
    /// Typst files read from letters' roots (a house's template), parsed, by id: the last
    /// text of each, so that letters and copies share one syntax tree while it stays the
    /// same. A template parsed and hashed for every copy cost about 8 M instructions, a
    /// tenth of a copy (docs/copies.md).
    parsed: Mutex<HashMap<FileId, Source>>,
}

/// Paths, sizes and modification times of a font folder's files.
type Stamp = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// A house's fonts with the font book of the environment's and theirs (theirs last).
pub struct HouseBook {
    /// The fonts.
    pub fonts: HouseFonts,
    book: LazyHash<FontBook>,
}

impl Environment {
    /// An environment with the bundled fonts and those under `font_paths`.
    pub fn with_fonts(font_paths: &[PathBuf]) -> Result<Self, Diagnostics> {
        fonts::faces(font_paths).map(Self::new)
    }

    /// An environment with the given font faces.
    pub fn new(faces: Vec<FaceEntry>) -> Self {
        let builtins = templates::FILES
            .iter()
            .map(|(name, text)| {
                let id = project_id(&format!("{}/{name}", templates::BUILTIN_DIR));
                (id, Source::new(id, text.to_string()))
            })
            .collect();
        Self {
            library: LazyHash::new(
                Library::builder()
                    .with_inputs(Dict::from_iter([(
                        links::INPUT.into(),
                        Value::Str(links::INPUT_VALUE.into()),
                    )]))
                    .build(),
            ),
            fonts: fonts::store(&faces),
            faces,
            builtins,
            houses: Mutex::new(HashMap::new()),
            parsed: Mutex::new(HashMap::new()),
        }
    }

    /// `text` of the file `id` parsed: the source parsed before if its text was the same
    /// (the same text parses to the same tree, so the output cannot tell).
    fn parsed(&self, id: FileId, text: &str) -> Source {
        let mut parsed = self.parsed.lock().unwrap_or_else(|e| e.into_inner());
        match parsed.get(&id) {
            Some(source) if source.text() == text => source.clone(),
            _ => {
                let source = Source::new(id, text.to_string());
                parsed.insert(id, source.clone());
                source
            }
        }
    }

    /// The fonts of the house font folder `dir` under `root`, read once while they stay
    /// the same.
    pub fn house_fonts(&self, dir: &Path, root: &Path) -> Result<Arc<HouseBook>, Diagnostics> {
        let stamp: Stamp = fonts::font_files(dir)
            .unwrap_or_default()
            .into_iter()
            .map(|path| {
                let meta = std::fs::metadata(&path).ok();
                let size = meta.as_ref().map_or(0, |m| m.len());
                let modified = meta.and_then(|m| m.modified().ok());
                (path, size, modified)
            })
            .collect();
        let mut houses = self.houses.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((known, book)) = houses.get(dir)
            && *known == stamp
        {
            return Ok(book.clone());
        }
        let fonts = HouseFonts::read(dir, root)?;
        let infos = self
            .faces
            .iter()
            .chain(&fonts.faces)
            .map(|f| f.font.info().clone());
        let book = Arc::new(HouseBook {
            book: LazyHash::new(FontBook::from_infos(infos)),
            fonts,
        });
        houses.insert(dir.to_path_buf(), (stamp, book.clone()));
        Ok(book)
    }

    /// The font faces, in font-book order.
    pub fn faces(&self) -> &[FaceEntry] {
        &self.faces
    }
}

/// One letter's world.
pub struct LetterWorld<'e> {
    env: &'e Environment,
    house: Option<Arc<HouseBook>>,
    root: PathBuf,
    main: Source,
    data: Bytes,
    today: Datetime,
    files: Mutex<HashMap<FileId, FileResult<Bytes>>>,
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
}

impl<'e> LetterWorld<'e> {
    /// A world for a letter: its generated entry file and data, its root, its date, and
    /// its house's fonts, if any (their files count as read from the root).
    pub fn new(
        env: &'e Environment,
        root: &Path,
        main: String,
        data: Vec<u8>,
        today: Datetime,
        house: Option<Arc<HouseBook>>,
    ) -> Self {
        let files = house
            .iter()
            .flat_map(|h| &h.fonts.files)
            .filter_map(|(path, bytes)| {
                let vpath = VirtualPath::new(path).ok()?;
                Some((
                    RootedPath::new(VirtualRoot::Project, vpath).intern(),
                    Ok(bytes.clone()),
                ))
            })
            .collect();
        Self {
            env,
            house,
            root: root.to_path_buf(),
            main: Source::new(*MAIN_ID, main),
            data: Bytes::new(data),
            today,
            files: Mutex::new(files),
            sources: Mutex::new(HashMap::new()),
        }
    }

    /// The text of a file the compiler saw (for diagnostics), by id.
    pub fn text_of(&self, id: FileId) -> Option<String> {
        if let Ok(source) = self.source(id) {
            return Some(source.text().to_string());
        }
        self.file(id)
            .ok()
            .and_then(|bytes| bytes.as_str().ok().map(str::to_string))
    }

    /// Project paths and bytes of the files read from the root so far, sorted by path.
    pub fn disk_files(&self) -> Vec<(String, Vec<u8>)> {
        let files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        let mut out: Vec<(String, Vec<u8>)> = files
            .iter()
            .filter(|(id, _)| {
                **id != *MAIN_ID
                    && **id != *DATA_ID
                    && !self.env.builtins.contains_key(id)
                    && matches!(id.root(), VirtualRoot::Project)
            })
            .filter_map(|(id, bytes)| {
                let bytes = bytes.as_ref().ok()?;
                Some((
                    id.vpath().get_with_slash().to_string(),
                    bytes.as_slice().to_vec(),
                ))
            })
            .collect();
        out.sort();
        out
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        if id == *MAIN_ID {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        if id == *DATA_ID {
            return Ok(self.data.clone());
        }
        if let Some(source) = self.env.builtins.get(&id) {
            return Ok(Bytes::from_string(source.text().to_string()));
        }
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Other(Some(
                format!(
                    "cannot import {spec}: missive works offline and does not load packages; \
                     copy the package's files into the house folder and import them by path"
                )
                .into(),
            )));
        }
        let path = id.vpath().realize(&self.root)?;
        let canonical = path
            .canonicalize()
            .map_err(|err| FileError::from_io(err, &path))?;
        if !canonical.starts_with(&self.root) {
            return Err(FileError::Other(Some(
                format!(
                    "{} is outside the letter's root folder and cannot be read",
                    path.display()
                )
                .into(),
            )));
        }
        if canonical.is_dir() {
            return Err(FileError::IsDirectory);
        }
        std::fs::read(&canonical)
            .map(Bytes::new)
            .map_err(|err| FileError::from_io(err, &path))
    }
}

impl World for LetterWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.env.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        match &self.house {
            Some(house) => &house.book,
            None => self.env.fonts.book(),
        }
    }

    fn main(&self) -> FileId {
        *MAIN_ID
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN_ID {
            return Ok(self.main.clone());
        }
        if let Some(source) = self.env.builtins.get(&id) {
            return Ok(source.clone());
        }
        let mut sources = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        sources
            .entry(id)
            .or_insert_with(|| {
                let bytes = self.file(id)?;
                let text = bytes.as_str().map_err(|_| FileError::InvalidUtf8)?;
                Ok(self.env.parsed(id, text.trim_start_matches('\u{feff}')))
            })
            .clone()
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.entry(id).or_insert_with(|| self.read(id)).clone()
    }

    fn font(&self, index: usize) -> Option<Font> {
        let shared = self.env.faces.len();
        match &self.house {
            Some(house) if index >= shared => house
                .fonts
                .faces
                .get(index - shared)
                .map(|f| f.font.clone()),
            _ => self.env.fonts.font(index),
        }
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_house_file_is_parsed_again_only_when_its_text_changes() {
        let env = Environment::new(Vec::new());
        let id = project_id("/templates/house.typ");
        let first = env.parsed(id, "#let a = 1");
        let again = env.parsed(id, "#let a = 1");
        assert!(
            std::ptr::eq(first.root(), again.root()),
            "the same text is parsed once"
        );
        // An edit (under `watch`), or another house's file at the same path.
        let edited = env.parsed(id, "#let a = 2");
        assert_eq!(edited.text(), "#let a = 2");
        assert!(!std::ptr::eq(first.root(), edited.root()));
        assert_eq!(env.parsed(id, "#let a = 1").text(), "#let a = 1");
    }
}
