//! The integration tests: one binary (so a `cargo test` links the crate once, not once per
//! file), one module per subject. Each runs the real `newsroom` binary or the library on
//! real files in temporary folders; fixtures live in `tests/fixtures/`, helpers in `common`.
//!
//! Run one subject with `cargo test --test it <module>::`, e.g. `cargo test --test it serve::`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

mod bad_input;
mod browser;
mod build_seeds;
mod check;
mod corpus_quality;
mod determinism;
mod editors_work;
mod explain;
mod feeds;
mod fuzz_regressions;
mod handwritten;
mod hostile_text;
mod incremental;
mod ingest_quality;
mod invalid_input;
mod killed_build;
mod layout;
mod minified_pages;
mod not_found;
mod output_hygiene;
mod properties;
mod serve;
mod serve_load;
mod short_notices;
mod site_furniture;
mod site_pages;
mod text_stages;
mod theme;
mod ui_strings;
mod web_pages;
