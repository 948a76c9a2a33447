//! newsroom: a static site generator for multilingual cluster newsrooms.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! seeds/ ──ingest──▶ content/ ──content::load──▶ Site ──plan──▶ Plan ──render──▶ files ──output──▶ public/
//! ```
//!
//! [`pipeline::build`] runs all of it; each stage's entry function can be called alone.
//! [`check::check`] checks a built site.
//! `docs/architecture.md` describes each module.

mod atomic_file;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod error;
mod html;
pub mod ingest;
pub mod lang;
pub mod output;
pub mod pipeline;
pub mod plan;
pub mod render;
pub mod serve;
pub mod site;
pub mod text;
mod text_file;
mod walk;
mod yaml;

pub use error::{Error, Result};
