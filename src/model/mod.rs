//! The model every stage shares: the site's configuration (`site.yaml`), the languages
//! newsroom knows, and the loaded site (events and their reports). Data only; no stage's
//! logic lives here.

pub mod config;
pub mod lang;
pub mod site;
