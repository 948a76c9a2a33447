//! newsroom: a static site generator for multilingual cluster newsrooms.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! seeds/ ──ingest──▶ content/ ──content::load──▶ Site ──plan──▶ Plan ──render──▶ files ──output──▶ public/
//! ```
//!
//! The layers, from the bottom: [`model`] (the data every stage shares: `site.yaml`,
//! languages, the loaded site), [`diagnostics`] (problems as values, with file, line and
//! column), [`pipeline`] (the stages, each with one entry function) and [`commands`] (what
//! `newsroom build`, `serve` and `check` do with the stages). Small helpers shared by
//! several modules live in `util`. `docs/architecture.md` describes each module.

pub mod commands;
pub mod diagnostics;
pub mod model;
pub mod pipeline;
mod util;

pub use diagnostics::{Error, Result};
