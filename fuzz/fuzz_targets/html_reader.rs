//! Fuzzes the web-page reader: any bytes, read with the encoding detected (and, when the
//! first byte is odd, with an encoding given as `--encoding` would), must be read into a
//! document that satisfies the model's invariants, or refused; never a panic or a hang.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use missive::testing::import::html;

fuzz_target!(|data: &[u8]| {
    let given = match data.first() {
        Some(b) if b % 2 == 1 => Some(
            [
                encoding_rs::WINDOWS_1252,
                encoding_rs::UTF_16LE,
                encoding_rs::SHIFT_JIS,
            ][usize::from(*b) % 3],
        ),
        _ => None,
    };
    if let Ok(document) = html::read(data, given) {
        common::model::check(&document);
    }
});
