//! The site's own files: `site.yaml` and every content file, read the way `newsroom build`
//! reads them, so every problem a build would stop at is reported here too; and which
//! content file each report page was made from (as the plan places it), so a link problem
//! on that page can name it.

use std::path::Path;

use super::Origins;
use crate::commands::build;
use crate::diagnostics::Diagnostic;
use crate::diagnostics::{Error, Result};
use crate::model::config::Config;
use crate::model::site::Site;
use crate::pipeline::content::{self, LoadOptions};
use crate::pipeline::plan::{self, PageKind};

/// What reading the site's own files found.
#[derive(Debug, Default)]
pub(super) struct Content {
    /// The configuration, unless `site.yaml` has problems.
    pub(super) config: Option<Config>,
    /// The problems of `site.yaml` and content files, and the warnings a build would print.
    pub(super) diagnostics: Vec<Diagnostic>,
    /// The content file behind each report page.
    pub(super) origins: Origins,
}

/// Reads `site.yaml` (with `base_url` overridden if asked) and `content/` under `root`.
pub(super) fn check(root: &Path, base_url: Option<&str>) -> Result<Content> {
    let config = match build::load_config(root, base_url) {
        Ok(config) => config,
        Err(Error::Invalid(problems)) => {
            return Ok(Content {
                diagnostics: problems,
                ..Content::default()
            });
        }
        Err(error) => return Err(error),
    };
    let mut found = Content {
        config: Some(config.clone()),
        ..Content::default()
    };
    match content::load(root, config, LoadOptions::default()) {
        Ok(loaded) => {
            found.origins = origins(&loaded.site);
            found.diagnostics = loaded.warnings;
        }
        Err(Error::Invalid(problems)) => found.diagnostics = problems,
        Err(error) => return Err(error),
    }
    Ok(found)
}

/// Each report page's file below the output folder → the content file it was made from.
fn origins(site: &Site) -> Origins {
    plan::plan(site)
        .pages
        .iter()
        .filter_map(|page| match page.kind {
            PageKind::Report(report) => Some((page.file(), site.reports[report].path.clone())),
            _ => None,
        })
        .collect()
}
