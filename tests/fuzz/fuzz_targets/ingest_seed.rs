//! Ingest's analysis of one raw report never panics, on any bytes, as text, Markdown or HTML,
//! and gives the same result twice.
#![no_main]

#[path = "../../it/common/fuzz.rs"]
mod fuzz;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsroom::pipeline::ingest::TextReader;

fuzz_target!(|data: &[u8]| {
    static READER: OnceLock<TextReader> = OnceLock::new();
    fuzz::ingest_seed(READER.get_or_init(TextReader::default), data);
});
