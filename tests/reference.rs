//! Reference images: every example letter is rendered to PNG and compared, page by
//! page, with the image committed under `tests/reference/`, so that a change of layout
//! nobody meant (a token, a template part, a line break) fails here. Typst's own test
//! suite works this way.
//!
//! The pages are compared at 48 dpi in grey (the 144-dpi PNG of `render --format png`,
//! averaged over 3 × 3 pixels): small enough to commit, fine enough to see one line
//! move. A page passes when at most [`MAX_CHANGED`] of its pixels differ by more than
//! [`THRESHOLD`] grey levels, which absorbs anti-aliasing noise but not a moved word.
//!
//! To change the references on purpose, run `scripts/update-references` (it sets
//! `MISSIVE_UPDATE_REFERENCES=1`), look at the new images, and commit them. On a
//! failure, the page as rendered and a picture of the differences are written to
//! `target/reference-failures/`.

mod common;

use std::path::{Path, PathBuf};

use common::{missive, repo, stderr};

/// Downsampling factor from the 144-dpi pages.
const SCALE: usize = 3;
/// Grey levels two pixels may differ by and still count as the same.
const THRESHOLD: u8 = 48;
/// Share of a page's pixels that may differ.
const MAX_CHANGED: f64 = 0.0005;

/// A grey image.
struct Grey {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

/// Every example letter, as a path relative to the repository.
fn examples() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path.strip_prefix(repo()).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(&repo().join("examples"), &mut out);
    out
}

/// The reference name of an example: `examples/house/languages/fr.md` is
/// `house-languages-fr`.
fn reference_name(example: &Path) -> String {
    let relative = example.strip_prefix("examples").unwrap().with_extension("");
    relative
        .iter()
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join("-")
}

/// Reads a PNG as grey levels (RGB averaged, alpha over white).
fn read_png(path: &Path) -> Grey {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut decoder = png::Decoder::new(file);
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let channels = info.color_type.samples();
    let (width, height) = (info.width as usize, info.height as usize);
    let pixels = buffer[..width * height * channels]
        .chunks(channels)
        .map(|px| {
            let grey = match channels {
                1 | 2 => u32::from(px[0]),
                _ => (u32::from(px[0]) + u32::from(px[1]) + u32::from(px[2])) / 3,
            };
            let alpha = if channels.is_multiple_of(2) {
                u32::from(px[channels - 1])
            } else {
                255
            };
            ((grey * alpha + 255 * (255 - alpha)) / 255) as u8
        })
        .collect();
    Grey {
        width,
        height,
        pixels,
    }
}

/// `image` averaged over blocks of [`SCALE`] × [`SCALE`] pixels.
fn downsample(image: &Grey) -> Grey {
    let (width, height) = (image.width / SCALE, image.height / SCALE);
    let mut pixels = Vec::with_capacity(width * height);
    for y in 0..height {
        for x in 0..width {
            let mut sum = 0u32;
            for dy in 0..SCALE {
                let row = (y * SCALE + dy) * image.width;
                for dx in 0..SCALE {
                    sum += u32::from(image.pixels[row + x * SCALE + dx]);
                }
            }
            pixels.push((sum / (SCALE * SCALE) as u32) as u8);
        }
    }
    Grey {
        width,
        height,
        pixels,
    }
}

fn write_png(path: &Path, image: &Grey) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut encoder = png::Encoder::new(file, image.width as u32, image.height as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&image.pixels).unwrap();
}

/// The pages of `example` as rendered now, downsampled.
fn render(example: &Path, scratch: &Path) -> Vec<Grey> {
    let out = scratch.join(reference_name(example));
    let target = format!("{}/", out.display());
    let run = missive(
        &repo(),
        &[
            "render",
            &example.to_string_lossy(),
            "--format",
            "png",
            "-o",
            &target,
        ],
    );
    assert!(
        run.status.success(),
        "{}: {}",
        example.display(),
        stderr(&run)
    );
    let stem = example.file_stem().unwrap().to_string_lossy().into_owned();
    // One page is `NAME.png`, more are `NAME-1.png`, `NAME-2.png`, …
    let single = out.join(format!("{stem}.png"));
    if single.exists() {
        return vec![downsample(&read_png(&single))];
    }
    (1..)
        .map(|page| out.join(format!("{stem}-{page}.png")))
        .take_while(|path| path.exists())
        .map(|path| downsample(&read_png(&path)))
        .collect()
}

/// How many pixels of `a` and `b` differ by more than [`THRESHOLD`], and a picture of
/// where (black on white).
fn difference(a: &Grey, b: &Grey) -> (usize, Grey) {
    let pixels: Vec<u8> = a
        .pixels
        .iter()
        .zip(&b.pixels)
        .map(|(&p, &q)| if p.abs_diff(q) > THRESHOLD { 0 } else { 255 })
        .collect();
    let changed = pixels.iter().filter(|&&p| p == 0).count();
    (
        changed,
        Grey {
            width: a.width,
            height: a.height,
            pixels,
        },
    )
}

#[test]
fn every_example_looks_like_its_reference_images() {
    let update = std::env::var_os("MISSIVE_UPDATE_REFERENCES").is_some();
    let references = repo().join("tests/reference");
    let failures_dir = repo().join("target/reference-failures");
    let scratch = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut expected_files = Vec::new();
    for example in examples() {
        let name = reference_name(&example);
        let pages = render(&example, scratch.path());
        assert!(!pages.is_empty(), "{} rendered no page", example.display());
        for (i, page) in pages.iter().enumerate() {
            let file = format!("{name}-{}.png", i + 1);
            let path = references.join(&file);
            expected_files.push(file.clone());
            if update {
                write_png(&path, page);
                continue;
            }
            if !path.exists() {
                failures.push(format!(
                    "{file}: no reference image (page {} is new)",
                    i + 1
                ));
                write_png(&failures_dir.join(&file), page);
                continue;
            }
            let reference = read_png(&path);
            if (reference.width, reference.height) != (page.width, page.height) {
                failures.push(format!("{file}: the page's size changed"));
                write_png(&failures_dir.join(&file), page);
                continue;
            }
            let (changed, picture) = difference(&reference, page);
            let share = changed as f64 / page.pixels.len() as f64;
            if share > MAX_CHANGED {
                failures.push(format!(
                    "{file}: {changed} pixels ({:.2} %) differ",
                    share * 100.0
                ));
                write_png(&failures_dir.join(&file), page);
                write_png(
                    &failures_dir.join(format!("{name}-{}-diff.png", i + 1)),
                    &picture,
                );
            }
        }
        // A page that is no longer there.
        let gone = references.join(format!("{name}-{}.png", pages.len() + 1));
        if gone.exists() && !update {
            failures.push(format!(
                "{}: the letter now has {} pages",
                gone.display(),
                pages.len()
            ));
        }
    }
    if update {
        // References of examples or pages that are gone.
        for entry in std::fs::read_dir(&references).unwrap() {
            let entry = entry.unwrap();
            let file = entry.file_name().to_string_lossy().into_owned();
            if file.ends_with(".png") && !expected_files.contains(&file) {
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
        eprintln!(
            "wrote {} reference images to {}",
            expected_files.len(),
            references.display()
        );
        return;
    }
    assert!(
        failures.is_empty(),
        "{} pages differ from their references (rendered pages in {}; if the change is \
         meant, run scripts/update-references and commit the images):\n{}",
        failures.len(),
        failures_dir.display(),
        failures.join("\n")
    );
}
