//! newsroom: a static site generator for multilingual cluster newsrooms.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! seeds/ ──ingest──▶ content/ ──content::load──▶ Site ──plan──▶ Plan ──render──▶ files ──output──▶ public/
//! ```
//!
//! The layers, from the bottom (each uses only those below it): [`diagnostics`] (problems
//! as values, with file, line and column), `util` (small helpers no stage owns), [`model`]
//! (the data every stage shares: `site.yaml`, languages, the loaded site), [`pipeline`] (the
//! stages, each with one entry function) and [`commands`] (what `newsroom build`, `serve`
//! and `check` do with the stages). `docs/architecture.md` describes each module.

pub mod commands;
pub mod diagnostics;
pub mod model;
pub mod pipeline;
mod util;

pub use diagnostics::{Error, Result};
