//! The whole pipeline behind `newsroom build`: configuration, ingest of new seeds, content,
//! plan, render and the atomic write of the output folder. Each stage is called once, in
//! order, and hands its result to the next.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Location};
use crate::diagnostics::{Error, Result};
use crate::model::config::{BaseUrl, Config};
use crate::model::site::Site;
use crate::pipeline::content::{self, Changes, ContentCache, LoadOptions};
use crate::pipeline::ingest::{self, IngestOptions, IngestSummary};
use crate::pipeline::output::{self, OutputState, WriteStats};
use crate::pipeline::plan::{self, Plan};
use crate::pipeline::render::{self, RenderCache, Rendered, Theme};

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
    /// same [`Session`].
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

/// What one build leaves for the next in a session of rebuilds (`newsroom serve --watch`):
/// the content files read, the fingerprints of the pages rendered, and what the output
/// folder holds.
#[derive(Debug, Default)]
pub struct Session {
    content: ContentCache,
    render: RenderCache,
    output: OutputState,
}

/// Runs the pipeline: ingest (optional), load, plan, render, and the atomic write of the
/// whole output folder.
pub fn build(options: &BuildOptions) -> Result<BuildSummary> {
    let (site, plan, theme, mut summary) = prepare(options, None)?;
    let staging = output::Staging::begin(&options.output_dir())?;
    let rendered = render::render(&site, &plan, &theme, &staging)?;
    summary.written = staging.commit()?;
    free_later((site, plan, theme));
    Ok(summary.rendered(rendered))
}

/// Runs the pipeline again in a session: reads only the content files that changed, renders
/// only the pages whose content changed since the session's last build and updates the
/// output folder in place, writing only changed files (what `newsroom serve --watch` does
/// on every save). `changed`, when known, names the inputs (relative to the root) that
/// changed since the session's last build; nothing else is looked at again.
pub fn rebuild(
    options: &BuildOptions,
    session: &mut Session,
    changed: Option<&[PathBuf]>,
) -> Result<BuildSummary> {
    let Session {
        content,
        render,
        output,
    } = session;
    let content_files: Option<Vec<PathBuf>> = changed.and_then(|changed| {
        changed
            .iter()
            .all(|path| path.starts_with(content::format::CONTENT_DIR))
            .then(|| changed.iter().map(|path| options.root.join(path)).collect())
    });
    let changes = match &content_files {
        Some(files) => Changes::Files(files),
        None => Changes::Unknown,
    };
    let (site, plan, theme, mut summary) = prepare(options, Some((content, changes)))?;
    let update = output::Update::begin(&options.output_dir(), output);
    let rendered = render::render_cached(&site, &plan, &theme, render, &update)?;
    summary.written = update.commit(&rendered.paths)?;
    render.commit();
    free_later((site, plan, theme));
    Ok(summary.rendered(rendered))
}

/// Frees a build's model on another thread. Freeing 9,000 reports and 20,000 planned pages
/// takes longer than rendering the few pages an edit changes, and nobody waits for it: a
/// command that ends meanwhile hands the memory back to the system whole.
fn free_later(model: (Site, Plan, Theme)) {
    // Without a thread to spare, the closure, and the model in it, are dropped right here.
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(model));
}

/// Everything before rendering: configuration, ingest, content, plan and theme, and the
/// summary as far as it is known.
fn prepare(
    options: &BuildOptions,
    cache: Option<(&mut ContentCache, Changes<'_>)>,
) -> Result<(Site, Plan, Theme, BuildSummary)> {
    let config = load_config(&options.root, options.base_url.as_deref())?;
    let mut warnings = Vec::new();
    let ingested = if options.ingest && options.root.join(ingest::SEEDS_DIR).is_dir() {
        let summary = ingest::ingest(&options.root, &config, &IngestOptions::default())?;
        warnings.extend(summary.warnings.iter().cloned());
        Some(summary)
    } else {
        None
    };
    let load_options = LoadOptions {
        drafts: options.drafts,
    };
    let loaded = match cache {
        Some((cache, changes)) => {
            content::load_cached(&options.root, config, load_options, cache, changes)?
        }
        None => content::load(&options.root, config, load_options)?,
    };
    warnings.extend(loaded.warnings);
    let site = loaded.site;
    let out_dir = options.output_dir();
    if out_dir.starts_with(options.root.join(content::format::CONTENT_DIR)) {
        return Err(Error::invalid(
            Diagnostic::error("the output folder is inside content/")
                .at(Location::file(&out_dir))
                .hint("pass another --output folder"),
        ));
    }
    let plan = plan::plan(&site);
    let theme = Theme::load(&options.root, &site.config)?;
    let summary = BuildSummary {
        ingest: ingested,
        reports: site.reports.len(),
        events: site
            .events
            .iter()
            .filter(|event| !event.reports.is_empty())
            .count(),
        pages_per_language: render::pages_per_language(&site, &plan),
        pages_rendered: 0,
        written: WriteStats::default(),
        warnings,
    };
    Ok((site, plan, theme, summary))
}

impl BuildSummary {
    /// Adds what rendering said.
    fn rendered(mut self, rendered: Rendered) -> Self {
        self.pages_rendered = rendered.pages_rendered;
        self.warnings.extend(rendered.warnings);
        self
    }
}
