//! A font cut down to the characters of one page, as a web font: the glyphs the page's
//! characters map to, with a new `cmap`, so that a browser can use it.
//!
//! The subsetting is allsorts' (`SubsetProfile::Minimal`): it subsets CFF outlines
//! (Libertinus and Biolinum are CFF) and TrueType ones and writes the `cmap` and `OS/2`
//! tables a standalone font needs; a CFF font's outlines are then the `subsetter`
//! crate's (the PDF export's), which keeps only the subroutines they call. `subsetter`
//! alone drops `cmap` and `OS/2` (a PDF maps glyphs itself), and fontations' subsetter
//! (skera) does not subset CFF. Neither keeps the layout tables (GSUB, GPOS): a page's text has no kerning or
//! ligatures in the embedded fonts, and Arabic is joined from the presentation forms its
//! letters map to (which the browser's shaper falls back on), kept here for that.

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use ttf_parser::Face;
use typst::text::Font;

/// The subset of `font` covering those of `chars` it has, as the bytes of a font file
/// and its CSS format (`opentype`, `truetype`); `None` if it has none of them or cannot
/// be subset.
pub fn subset_for(font: &Font, chars: &[char]) -> Option<(Vec<u8>, &'static str)> {
    let face = Face::parse(font.data().as_slice(), font.index()).ok()?;
    let mut glyphs: Vec<u16> = (chars.iter())
        .filter_map(|c| face.glyph_index(*c))
        .map(|glyph| glyph.0)
        .collect();
    if glyphs.is_empty() {
        return None;
    }
    glyphs.push(0);
    glyphs.sort_unstable();
    glyphs.dedup();
    let data = font.data();
    let file = ReadScope::new(data.as_slice())
        .read::<FontData<'_>>()
        .ok()?;
    let provider = file.table_provider(font.index() as usize).ok()?;
    let bytes = subset(
        &provider,
        &glyphs,
        &SubsetProfile::Minimal,
        // A Unicode cmap even where every character is Mac Roman: browsers refuse a
        // font with only a Mac Roman one.
        CmapTarget::Unicode,
    )
    .ok()?;
    if face.tables().cff.is_none() {
        return Some((bytes, "truetype"));
    }
    // allsorts keeps a CFF font's subroutines whole (26 kB of Libertinus Serif's 37 kB
    // subset of 41 glyphs); the `subsetter` crate's CFF, with only the subroutines the
    // glyphs call, is 6 kB. Its glyphs are in the same order (the sorted `glyphs`).
    let mut remapper = subsetter::GlyphRemapper::new();
    for glyph in &glyphs {
        remapper.remap(*glyph);
    }
    let small = subsetter::subset(data.as_slice(), font.index(), &remapper).ok()?;
    let cff = table(&small, b"CFF ")?;
    Some((with_table(&bytes, *b"CFF ", cff)?, "opentype"))
}

/// The table `tag` of a font file.
fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = usize::from(u16::from_be_bytes(font.get(4..6)?.try_into().ok()?));
    (0..count).find_map(|i| {
        let record = font.get(12 + 16 * i..28 + 16 * i)?;
        let at = |n: usize| u32::from_be_bytes(record[n..n + 4].try_into().unwrap()) as usize;
        (&record[..4] == tag).then(|| font.get(at(8)..at(8) + at(12)))?
    })
}

/// The font file `font` with its table `tag` replaced by `new`: the tables laid out
/// again, 4-byte aligned, with their checksums and the file's (`head`'s adjustment).
fn with_table(font: &[u8], tag: [u8; 4], new: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16::from_be_bytes(font.get(4..6)?.try_into().ok()?));
    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(count);
    for i in 0..count {
        let record = font.get(12 + 16 * i..28 + 16 * i)?;
        let name: [u8; 4] = record[..4].try_into().ok()?;
        let data = if name == tag {
            new
        } else {
            table(font, &name)?
        };
        tables.push((name, data.to_vec()));
    }
    if let Some((_, head)) = tables.iter_mut().find(|(name, _)| name == b"head") {
        head.get_mut(8..12)?.fill(0);
    }
    let mut out = font.get(..12)?.to_vec();
    let mut offset = 12 + 16 * count;
    for (name, data) in &tables {
        out.extend_from_slice(name);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    let mut head_at = None;
    for (name, data) in &tables {
        if name == b"head" {
            head_at = Some(out.len());
        }
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    let adjustment = 0xB1B0_AFBA_u32.wrapping_sub(checksum(&out));
    if let Some(at) = head_at {
        out.get_mut(at + 8..at + 12)?
            .copy_from_slice(&adjustment.to_be_bytes());
    }
    Some(out)
}

/// The OpenType checksum of a table: the sum of its big-endian 32-bit words.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}
