//! What the commands do with the pipeline's stages: [`build`] runs them in order (and again,
//! incrementally, in a session), [`serve`] rebuilds and serves the site while files change,
//! [`check`] reads a built site back. `newsroom ingest` is the ingest stage alone. Parsing
//! arguments and printing are the binary's (`cli.rs`).

pub mod build;
pub mod check;
pub mod serve;
