//! Paths to files a letter uses (images, templates), checked against the letter's root:
//! relative to the file that names them (or, starting with `/`, to the root: the house
//! folder), inside the root, present, of a known kind.
//! A checked path is returned as a Typst project path (`/signatures/ruiz.png`).

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};

use typst::visualize::{ExchangeFormat, ImageFormat, RasterFormat, VectorFormat};

/// Image formats Typst can place.
pub const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "svg", "webp", "pdf"];

/// Resolves `written`, relative to `base` (a folder under `root`), to a project path.
///
/// `root` and `base` must be canonical. `extensions` lists the accepted kinds of file.
pub fn resolve(
    root: &Path,
    base: &Path,
    written: &str,
    extensions: &[&str],
) -> Result<String, String> {
    let trimmed = written.trim();
    if trimmed.is_empty() {
        return Err("path is empty".into());
    }
    if trimmed.contains("://") {
        return Err(format!(
            "`{written}` is a web address; missive reads only local files (no network)"
        ));
    }
    if trimmed.contains('\\') {
        return Err(format!(
            "`{written}` contains a backslash; write paths with forward slashes"
        ));
    }
    // Typst's convention: a path starting with `/` starts at the root (the house folder).
    let from_root = trimmed.starts_with('/');
    let relative = Path::new(trimmed.trim_start_matches('/'));
    if relative.has_root()
        || relative
            .components()
            .any(|c| matches!(c, Component::Prefix(_)))
    {
        return Err(format!(
            "`{written}` is an absolute path; write it relative to the file that names it, inside {}",
            root.display()
        ));
    }
    let joined = normalize(&if from_root {
        root.join(relative)
    } else {
        base.join(relative)
    });
    let outside = || {
        format!(
            "`{written}` is outside the letter's root folder {} and cannot be read",
            root.display()
        )
    };
    if !joined.starts_with(root) {
        return Err(outside());
    }
    let canonical = joined
        .canonicalize()
        .map_err(|_| missing(written, root, &joined))?;
    if !canonical.starts_with(root) {
        return Err(outside());
    }
    if !canonical.is_file() {
        return Err(format!("`{written}` is not a file"));
    }
    let extension = canonical
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !extensions.contains(&extension.as_str()) {
        return Err(format!(
            "`{written}` is not a supported file (expected {})",
            extensions
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if let Some(problem) = image_content_problem(&canonical, &extension, written) {
        return Err(problem);
    }
    project_path(root, &joined).ok_or_else(outside)
}

/// Why `written`, looked for at `joined`, cannot be found: a path from the root (`/…`)
/// that names a real file on the disk is explained, as the writer meant the disk's root.
fn missing(written: &str, root: &Path, joined: &Path) -> String {
    let trimmed = written.trim();
    match trimmed.starts_with('/') {
        true if Path::new(trimmed).is_file() => format!(
            "`{written}` is read from the root folder {}, not from the disk's root: a path starting with `/` starts at the folder of missive.toml (as in Typst); copy the file into that folder",
            root.display()
        ),
        true => format!(
            "`{written}` does not exist in the root folder (a path starting with `/` starts at the folder of missive.toml; looked for {})",
            joined.display()
        ),
        false => format!(
            "`{written}` does not exist (looked for {})",
            joined.display()
        ),
    }
}

/// Whether an image file's content is not what its extension says (a renamed file, a web
/// page saved under an image's name, an empty or damaged file), judged from its first
/// bytes as Typst judges them. `None` for files that are not images or look right.
fn image_content_problem(path: &Path, extension: &str, written: &str) -> Option<String> {
    let expected: ImageFormat = match extension {
        "png" => ExchangeFormat::Png.into(),
        "jpg" | "jpeg" => ExchangeFormat::Jpg.into(),
        "gif" => ExchangeFormat::Gif.into(),
        "webp" => ExchangeFormat::Webp.into(),
        "svg" => VectorFormat::Svg.into(),
        "pdf" => VectorFormat::Pdf.into(),
        _ => return None,
    };
    let mut head = Vec::with_capacity(2048);
    let read = std::fs::File::open(path).and_then(|file| file.take(2048).read_to_end(&mut head));
    if let Err(err) = read {
        return Some(format!("`{written}` cannot be read: {err}"));
    }
    match ImageFormat::detect(&head) {
        Some(found) if found == expected => None,
        Some(found) => Some(format!(
            "`{written}` holds an image in {} format but its name ends in `.{extension}`; rename it to match its content",
            format_name(found)
        )),
        None if head.is_empty() => Some(format!(
            "`{written}` is an empty file, not an image; copy the image again"
        )),
        None => Some(format!(
            "`{written}` is not an image in {} format, nor in any format missive reads (the file may be damaged, or a web page saved under an image's name); export the image again",
            format_name(expected)
        )),
    }
}

/// The usual name of an image format.
fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Raster(RasterFormat::Exchange(ExchangeFormat::Png)) => "PNG",
        ImageFormat::Raster(RasterFormat::Exchange(ExchangeFormat::Jpg)) => "JPEG",
        ImageFormat::Raster(RasterFormat::Exchange(ExchangeFormat::Gif)) => "GIF",
        ImageFormat::Raster(RasterFormat::Exchange(ExchangeFormat::Webp)) => "WebP",
        ImageFormat::Raster(_) => "raw pixel",
        ImageFormat::Vector(VectorFormat::Svg) => "SVG",
        ImageFormat::Vector(VectorFormat::Pdf) => "PDF",
    }
}

/// The project path (`/a/b.png`) of a file under `root`.
pub fn project_path(root: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(root).ok()?;
    let mut out = String::new();
    for component in relative.components() {
        out.push('/');
        out.push_str(component.as_os_str().to_str()?);
    }
    Some(out)
}

/// Removes `.` and `..` components without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_inside_and_refuses_outside_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("letters/2026")).unwrap();
        std::fs::create_dir_all(root.join("img")).unwrap();
        std::fs::write(root.join("img/logo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
        let base = root.join("letters/2026");
        let ok = resolve(&root, &base, "../../img/logo.png", IMAGE_EXTENSIONS);
        assert_eq!(ok.unwrap(), "/img/logo.png");
        let up = resolve(&root, &base, "../../../etc/passwd", IMAGE_EXTENSIONS).unwrap_err();
        assert!(up.contains("outside"), "{up}");
        let from_root = resolve(&root, &base, "/img/logo.png", IMAGE_EXTENSIONS);
        assert_eq!(from_root.unwrap(), "/img/logo.png");
        let abs = resolve(&root, &base, "/etc/passwd", IMAGE_EXTENSIONS).unwrap_err();
        assert!(abs.contains("not from the disk's root"), "{abs}");
        let gone = resolve(&root, &base, "/img/gone.png", IMAGE_EXTENSIONS).unwrap_err();
        assert!(gone.contains("does not exist in the root folder"), "{gone}");
        let up = resolve(&root, &base, "/../etc/passwd", IMAGE_EXTENSIONS).unwrap_err();
        assert!(up.contains("outside"), "{up}");
        let missing = resolve(&root, &base, "nope.png", IMAGE_EXTENSIONS).unwrap_err();
        assert!(missing.contains("does not exist"), "{missing}");
        std::fs::write(root.join("img/notes.txt"), b"x").unwrap();
        let kind = resolve(&root, &root, "img/notes.txt", IMAGE_EXTENSIONS).unwrap_err();
        assert!(kind.contains("not a supported"), "{kind}");
    }

    #[test]
    fn image_content_must_match_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        std::fs::write(root.join("drawn.png"), svg).unwrap();
        std::fs::write(root.join("page.png"), b"<html>Not found</html>").unwrap();
        std::fs::write(root.join("empty.jpg"), b"").unwrap();
        std::fs::write(root.join("drawn.svg"), svg).unwrap();
        let check = |name: &str| resolve(&root, &root, name, IMAGE_EXTENSIONS);
        let renamed = check("drawn.png").unwrap_err();
        assert!(
            renamed.contains("holds an image in SVG format"),
            "{renamed}"
        );
        let page = check("page.png").unwrap_err();
        assert!(page.contains("is not an image in PNG format"), "{page}");
        let empty = check("empty.jpg").unwrap_err();
        assert!(empty.contains("empty file"), "{empty}");
        assert_eq!(check("drawn.svg").unwrap(), "/drawn.svg");
    }
}
