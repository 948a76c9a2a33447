//! The whole pipeline behind `newsroom build`: configuration, ingest of new seeds, content,
//! plan, render and the atomic write of the output folder. Each stage is called once, in
//! order, and hands its result to the next.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::{BaseUrl, Config};
use crate::content::{self, LoadOptions};
use crate::diagnostics::{Diagnostic, Location};
use crate::error::{Error, Result};
use crate::ingest::{self, IngestOptions, IngestSummary};
use crate::output::{self, WriteStats};
use crate::plan;
use crate::render::{self, RenderCache, Theme};

/// The output folder below the site root, unless another is given.
pub const OUTPUT_DIR: &str = "public";

/// What `newsroom build` should do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds `site.yaml`, `seeds/`, `content/`).
    pub root: PathBuf,
    /// Where to write the site; `<root>/public` by default.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of `site.yaml`.
    pub base_url: Option<String>,
    /// Publish reports marked `draft: true`.
    pub drafts: bool,
    /// Ingest `seeds/` into `content/` before rendering.
    pub ingest: bool,
}

impl BuildOptions {
    /// Options for building the site in `root` with everything at its default.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            drafts: false,
            ingest: true,
        }
    }

    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join(OUTPUT_DIR))
    }
}

/// What a build made.
#[derive(Debug)]
pub struct BuildSummary {
    /// What ingest did, if it ran.
    pub ingest: Option<IngestSummary>,
    /// Reports published.
    pub reports: usize,
    /// Events published.
    pub events: usize,
    /// HTML pages per language (the root chooser counts for the default language).
    pub pages_per_language: BTreeMap<String, usize>,
    /// HTML pages rendered; the others had not changed since the previous build of the
    /// same [`RenderCache`].
    pub pages_rendered: usize,
    /// What the write did.
    pub written: WriteStats,
    /// Every warning of every stage.
    pub warnings: Vec<Diagnostic>,
}

/// Reads `site.yaml`, applying a `--base-url` override.
pub fn load_config(root: &Path, base_url: Option<&str>) -> Result<Config> {
    let mut config = Config::load(root)?;
    if let Some(url) = base_url {
        config.base_url = BaseUrl::parse(url).map_err(|message| {
            Error::invalid(
                Diagnostic::error(message).hint("pass --base-url like https://example.org/news/"),
            )
        })?;
    }
    Ok(config)
}

/// Runs the pipeline: ingest (optional), load, plan, render, write.
pub fn build(options: &BuildOptions) -> Result<BuildSummary> {
    build_cached(options, &mut RenderCache::default())
}

/// Runs the pipeline, rendering only the pages whose content changed since the last build
/// with the same `cache` (what `newsroom serve --watch` does on every save).
pub fn build_cached(options: &BuildOptions, cache: &mut RenderCache) -> Result<BuildSummary> {
    let config = load_config(&options.root, options.base_url.as_deref())?;
    let mut warnings = Vec::new();
    let ingested = if options.ingest && options.root.join(ingest::SEEDS_DIR).is_dir() {
        let summary = ingest::ingest(&options.root, &config, &IngestOptions::default())?;
        warnings.extend(summary.warnings.iter().cloned());
        Some(summary)
    } else {
        None
    };
    let loaded = content::load(
        &options.root,
        config,
        LoadOptions {
            drafts: options.drafts,
        },
    )?;
    warnings.extend(loaded.warnings);
    let site = loaded.site;
    let plan = plan::plan(&site);
    let theme = Theme::load(&options.root, &site.config)?;
    let rendered = render::render_cached(&site, &plan, &theme, cache)?;
    warnings.extend(rendered.warnings);
    let out_dir = options.output_dir();
    if out_dir.starts_with(options.root.join(content::CONTENT_DIR)) {
        return Err(Error::invalid(
            Diagnostic::error("the output folder is inside content/")
                .at(Location::file(&out_dir))
                .hint("pass another --output folder"),
        ));
    }
    let written = output::write_site(&out_dir, &rendered.files)?;
    Ok(BuildSummary {
        ingest: ingested,
        reports: site.reports.len(),
        events: site
            .events
            .iter()
            .filter(|event| !event.reports.is_empty())
            .count(),
        pages_per_language: render::pages_per_language(&site, &plan),
        pages_rendered: rendered.pages_rendered,
        written,
        warnings,
    })
}
