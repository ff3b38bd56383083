//! Fuzzes the Word reader on whole files: any bytes (zips, OLE files, damaged packages)
//! are read into a document that satisfies the model's invariants, or refused with a
//! reason; never a panic, a hang or an unbounded allocation.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use missive::testing::import::docx;

fuzz_target!(|data: &[u8]| {
    match docx::read(data) {
        Ok(document) => common::model::check(&document),
        Err(refusal) => assert!(!refusal.reason.is_empty()),
    }
});
