//! The encoding of an archived text or web page. Old archives are not all UTF-8: a page
//! saved in 2009 may be Windows-1252 (declared, or not), a text exported on Windows may be
//! UTF-16 with a byte-order mark. The encoding is taken, in order, from a byte-order mark,
//! from `--encoding`, from the page's own declaration, from the bytes being valid UTF-8,
//! and last from statistical detection (chardetng, the detector Firefox uses); the text
//! is decoded with encoding_rs. The letter source is always written as UTF-8, and the
//! report says which encoding was assumed and why.

use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from bytes, and how its encoding was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: &'static Encoding,
    /// Why that encoding.
    pub how: How,
    /// How many malformed byte sequences became U+FFFD.
    pub replaced: usize,
}

/// Why an encoding was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// The file starts with a byte-order mark.
    ByteOrderMark,
    /// `--encoding` named it.
    Given,
    /// The file declares it (a page's `<meta charset>`), with the label as written.
    Declared(String),
    /// The bytes are valid UTF-8.
    ValidUtf8,
    /// Detected from its bytes; `declared` is a declaration that the bytes contradict.
    Detected {
        /// A declared encoding the bytes are not valid in.
        contradicted: Option<String>,
    },
    /// UTF-16 without a byte-order mark, recognised by its zero bytes.
    ZeroBytes,
}

impl fmt::Display for Decoded {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.encoding.name())?;
        match &self.how {
            How::ByteOrderMark => write!(f, " (from its byte-order mark)"),
            How::Given => write!(f, " (given with --encoding)"),
            How::Declared(label) => write!(f, " (declared by the file: charset={label})"),
            How::ValidUtf8 => write!(f, " (its bytes are valid UTF-8)"),
            How::Detected { contradicted: None } => {
                write!(
                    f,
                    " (detected: the file does not say; pass --encoding if wrong)"
                )
            }
            How::Detected {
                contradicted: Some(label),
            } => write!(
                f,
                " (detected: the file declares {label}, but its bytes are not valid {label}; pass --encoding if wrong)"
            ),
            How::ZeroBytes => write!(f, " (no byte-order mark; recognised by its zero bytes)"),
        }?;
        if self.replaced > 0 {
            write!(
                f,
                "; {} malformed byte sequence(s) replaced by �",
                self.replaced
            )?;
        }
        Ok(())
    }
}

/// The encoding named by `--encoding` (any WHATWG label: `windows-1252`, `latin1`,
/// `utf-16le`, `shift_jis`, `koi8-r` …).
pub fn by_name(name: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(name.trim().as_bytes()).ok_or_else(|| {
        format!(
            "unknown encoding {name:?}: use a name such as utf-8, windows-1252, iso-8859-1, utf-16le, windows-1256, koi8-r, gb18030"
        )
    })
}

/// Decodes `bytes`: `given` is `--encoding`, `declared` what the file itself declares
/// (the label as written and the encoding it names).
pub fn decode(
    bytes: &[u8],
    given: Option<&'static Encoding>,
    declared: Option<(&str, &'static Encoding)>,
) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom..], encoding, How::ByteOrderMark);
    }
    if let Some(encoding) = given {
        return finish(bytes, encoding, How::Given);
    }
    // Zero bytes never stand in text: they are the high halves of UTF-16 code units.
    if let Some(encoding) = utf16_by_zero_bytes(bytes) {
        return finish(bytes, encoding, How::ZeroBytes);
    }
    let mut contradicted = None;
    if let Some((label, encoding)) = declared {
        // A page that declares UTF-16 but has no byte-order mark is read as ASCII-based
        // text, as browsers do (its declaration was read as ASCII after all).
        let encoding = if encoding == UTF_16LE || encoding == UTF_16BE {
            UTF_8
        } else {
            encoding
        };
        let valid = encoding != UTF_8 || std::str::from_utf8(bytes).is_ok();
        if valid {
            return finish(bytes, encoding, How::Declared(label.to_string()));
        }
        contradicted = Some(label.to_string());
    }
    if contradicted.is_none() && std::str::from_utf8(bytes).is_ok() {
        return finish(bytes, UTF_8, How::ValidUtf8);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Allow);
    finish(bytes, encoding, How::Detected { contradicted })
}

fn finish(bytes: &[u8], encoding: &'static Encoding, how: How) -> Decoded {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length(bytes.len())
            .unwrap_or(bytes.len()),
    );
    let mut replaced = 0;
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => text.reserve(rest.len() * 3 + 16),
            encoding_rs::DecoderResult::Malformed(_, _) => {
                replaced += 1;
                text.push('\u{fffd}');
            }
        }
    }
    Decoded {
        text,
        encoding,
        how,
        replaced,
    }
}

/// UTF-16 without a byte-order mark: text in Latin script has a zero byte in every other
/// position (first for big-endian, second for little-endian).
fn utf16_by_zero_bytes(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let mostly = |n: usize| n * 10 >= pairs * 6;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(zero_odd) && rarely(zero_even) {
        Some(UTF_16LE)
    } else if mostly(zero_even) && rarely(zero_odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{WINDOWS_1252, WINDOWS_1256};

    #[test]
    fn a_byte_order_mark_wins() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Très bien".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let decoded = decode(&bytes, Some(WINDOWS_1252), Some(("utf-8", UTF_8)));
        assert_eq!(decoded.text, "Très bien");
        assert_eq!(decoded.how, How::ByteOrderMark);
        assert_eq!(decoded.to_string(), "UTF-16LE (from its byte-order mark)");
    }

    #[test]
    fn given_then_declared_then_utf8() {
        let latin = b"d\xe9tention";
        assert_eq!(decode(latin, Some(WINDOWS_1252), None).text, "détention");
        let declared = decode(latin, None, Some(("iso-8859-1", WINDOWS_1252)));
        assert_eq!(declared.text, "détention");
        assert_eq!(
            declared.to_string(),
            "windows-1252 (declared by the file: charset=iso-8859-1)"
        );
        let utf8 = decode("détention".as_bytes(), None, None);
        assert_eq!(
            (utf8.text.as_str(), utf8.how),
            ("détention", How::ValidUtf8)
        );
    }

    #[test]
    fn a_declaration_the_bytes_contradict_is_detected_past() {
        let text = "Nous demandons la libération immédiate des détenus arrêtés en février et l'accès à leurs avocats.";
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        let decoded = decode(&bytes, None, Some(("utf-8", UTF_8)));
        assert_eq!(decoded.text, text);
        assert_eq!(
            decoded.how,
            How::Detected {
                contradicted: Some("utf-8".into())
            }
        );
    }

    #[test]
    fn undeclared_legacy_text_is_detected() {
        let text = "نطالب بالإفراج الفوري عن جميع المحتجزين وضمان حقهم في الاستعانة بمحام";
        let (bytes, _, _) = WINDOWS_1256.encode(text);
        let decoded = decode(&bytes, None, None);
        assert_eq!(decoded.encoding, WINDOWS_1256);
        assert_eq!(decoded.text, text);
    }

    #[test]
    fn utf16_without_a_mark_is_seen_in_its_zero_bytes() {
        let bytes: Vec<u8> = "Dear Minister, we write"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let decoded = decode(&bytes, None, None);
        assert_eq!(
            (decoded.encoding, decoded.text.as_str()),
            (UTF_16BE, "Dear Minister, we write")
        );
    }

    #[test]
    fn malformed_bytes_are_counted() {
        let decoded = decode(b"ok \xff\xfe?", Some(UTF_8), None);
        assert_eq!(decoded.replaced, 2);
        assert!(decoded.to_string().contains("2 malformed"), "{decoded}");
    }

    #[test]
    fn names_are_whatwg_labels() {
        assert_eq!(by_name("latin1").unwrap(), WINDOWS_1252);
        assert_eq!(by_name(" UTF-8 ").unwrap(), UTF_8);
        assert!(by_name("klingon").unwrap_err().contains("unknown encoding"));
    }
}
