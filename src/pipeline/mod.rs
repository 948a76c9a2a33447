//! The stages, in the order a build runs them; each hands a typed value to the next and
//! never reaches back:
//!
//! ```text
//! seeds/ ──ingest──▶ content/ ──content::load──▶ Site ──plan──▶ Plan ──render──▶ files ──output──▶ public/
//! ```
//!
//! [`ingest`] turns raw reports into content files; [`content`] owns the content format and
//! loads `content/` into the model; [`plan`] decides which pages, feeds and files exist and
//! where; [`render`] makes their bytes; [`output`] writes them. `commands` strings them
//! together.

pub mod content;
pub mod ingest;
pub mod output;
pub mod plan;
pub mod render;
