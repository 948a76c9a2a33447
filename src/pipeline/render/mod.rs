//! Rendering: turns the planned pages into bytes and hands each file to a [`Sink`] as soon
//! as it is made, so the site is never held in memory whole. Pages are rendered and
//! minified in parallel; each report's Markdown is rendered for its page (and for the feeds
//! it is in), and the Atom feeds, the sitemap, robots.txt and the theme's static files join
//! them. What exists and where it goes is the plan's; nothing is written here (`output`
//! does that).

mod cache;
mod context;
mod dates;
mod feeds;
mod fingerprint;
mod i18n;
mod markdown;
mod minify;
mod pages;
mod sitemap;
mod structured;
mod templates;
pub mod theme;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::diagnostics::{Error, Result};
use crate::model::site::Site;
use crate::pipeline::plan::{self, Page, Plan, SITEMAP_PATH};

pub use cache::RenderCache;
use context::Views;
use dates::DateFormats;
use fingerprint::Keys;
pub use i18n::{Arg, Strings};
pub use minify::page as minify_page;
use minify::{MAX_HTML_DEPTH, Minify};
use templates::Templates;
pub use theme::Theme;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Its path below the output folder, with `/` separators (`en/index.html`).
    pub path: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// Where rendered files go, one at a time and from several threads at once (a staging
/// folder, a served folder, memory: see `output`).
pub trait Sink: Sync {
    /// Takes one finished file.
    fn put(&self, file: OutputFile) -> Result<()>;
}

/// What rendering made.
#[derive(Debug)]
pub struct Rendered {
    /// The path of every file of the site, in plan order, then feeds, sitemap, robots.txt
    /// and static files; also those the cache kept and never handed to the sink.
    pub paths: Vec<String>,
    /// Problems that did not stop rendering (e.g. a missing UI string).
    pub warnings: Vec<Diagnostic>,
    /// HTML pages rendered; the others were unchanged and kept from the previous build.
    pub pages_rendered: usize,
}

/// Site-wide values every template sees as `site`.
#[derive(Serialize)]
struct SiteGlobals<'a> {
    base_url: &'a str,
    base_path: &'a str,
    title: &'a str,
    default_language: &'a str,
    stylesheet: String,
    /// The feed of all languages' reports.
    feed_url: String,
    languages: Vec<LanguageEntry<'a>>,
}

#[derive(Serialize)]
struct LanguageEntry<'a> {
    code: &'a str,
    name: &'a str,
    title: &'a str,
    dir: &'static str,
    home_url: String,
}

/// Renders every planned page and the site's other files into `sink`.
pub fn render(site: &Site, plan: &Plan, theme: &Theme, sink: &dyn Sink) -> Result<Rendered> {
    render_with(site, plan, theme, None, sink)
}

/// Renders the site into `sink`, leaving out every page, feed and sitemap the output folder
/// holds as this build would make it (`cache` says which), and noting this build's in the
/// cache for [`RenderCache::commit`] once the files are in place.
pub fn render_cached(
    site: &Site,
    plan: &Plan,
    theme: &Theme,
    cache: &mut RenderCache,
    sink: &dyn Sink,
) -> Result<Rendered> {
    cache.begin(environment(site, theme));
    let keys = Keys::new(site, plan);
    let pages: Vec<u64> = plan.pages.par_iter().map(|page| keys.page(page)).collect();
    let mut others: Vec<(String, u64)> = plan
        .feeds
        .iter()
        .map(|feed| (feed.path.clone(), keys.feed(&feed.entries)))
        .collect();
    others.push((SITEMAP_PATH.to_owned(), keys.sitemap()));
    let known = Known {
        cache,
        pages: &pages,
        others: &others,
    };
    let rendered = render_with(site, plan, theme, Some(known), sink)?;
    cache.record(plan, &pages, others);
    Ok(rendered)
}

/// What the cache knows, and this build's fingerprints: one per planned page, then one per
/// feed and the sitemap's.
#[derive(Clone, Copy)]
struct Known<'a> {
    cache: &'a RenderCache,
    pages: &'a [u64],
    others: &'a [(String, u64)],
}

impl Known<'_> {
    /// Whether the output folder holds the file of `path` as this build would make it.
    fn has(&self, path: &str) -> bool {
        self.others
            .iter()
            .any(|(other, key)| other == path && self.cache.is_current(path, *key))
    }
}

/// Why a page is missing.
enum Failure {
    /// Its template failed (reported with the others).
    Template(Diagnostic),
    /// The sink could not take it (stops the build).
    Output(Error),
}

fn render_with(
    site: &Site,
    plan: &Plan,
    theme: &Theme,
    known: Option<Known<'_>>,
    sink: &dyn Sink,
) -> Result<Rendered> {
    let strings = Arc::new(Strings::load(theme, &site.config).map_err(Error::Invalid)?);
    let templates = Templates::load(
        theme,
        Arc::clone(&strings),
        globals(site),
        site.config.output.minify,
    )
    .map_err(Error::Invalid)?;
    let dates = DateFormats::new(&site.config);
    let views = Views {
        site,
        plan,
        dates: &dates,
        strings: &strings,
    };
    let render_pages = || -> Vec<std::result::Result<bool, Failure>> {
        plan.pages
            .par_iter()
            // Small pieces of work, so that no core waits at the end while the other renders
            // the rest of a long run of pages alone.
            .with_max_len(256)
            .enumerate()
            .map(|(index, page)| {
                if let Some(known) = known
                    && known.cache.is_current(&page.path, known.pages[index])
                {
                    return Ok(false);
                }
                let file = render_page(&views, &templates, page).map_err(Failure::Template)?;
                sink.put(file).map_err(Failure::Output)?;
                Ok(true)
            })
            .collect()
    };
    // Feeds and the sitemap are made while the pages render (one thread's worth of work
    // that would otherwise wait for them), and only where the cache has no current version.
    let make_others = || {
        let unknown = |path: &str| known.is_none_or(|known| !known.has(path));
        let stale_feeds: Vec<&plan::Feed> = plan
            .feeds
            .iter()
            .filter(|feed| unknown(&feed.path))
            .collect();
        let mut generated = feeds::write(site, plan, &stale_feeds);
        if unknown(SITEMAP_PATH) {
            generated.push(sitemap::sitemap(site, plan));
        }
        generated
    };
    let (outcomes, generated) = rayon::join(render_pages, make_others);
    let not_found: Vec<std::result::Result<bool, Failure>> = plan
        .not_found
        .par_iter()
        .map(|page| {
            let file = render_not_found(&views, &templates, page).map_err(Failure::Template)?;
            sink.put(file).map_err(Failure::Output)?;
            Ok(true)
        })
        .collect();
    let mut problems = Vec::new();
    let pages_rendered = settle(outcomes, &mut problems)?;
    settle(not_found, &mut problems)?;
    if !problems.is_empty() {
        return Err(Error::Invalid(deduplicate(problems)));
    }
    let always: Vec<OutputFile> = std::iter::once(sitemap::robots(site))
        .chain(
            theme
                .static_files()
                .into_iter()
                .map(|(path, file)| OutputFile {
                    path: path.to_owned(),
                    bytes: file.bytes.to_vec(),
                }),
        )
        .collect();
    let mut paths: Vec<String> = plan.pages.iter().map(Page::file).collect();
    paths.extend(plan.not_found.iter().map(|page| page.path.clone()));
    paths.extend(plan.feeds.iter().map(|feed| feed.path.clone()));
    paths.push(SITEMAP_PATH.to_owned());
    paths.extend(always.iter().map(|file| file.path.clone()));
    for file in generated.into_iter().chain(always) {
        sink.put(file)?;
    }
    Ok(Rendered {
        paths,
        warnings: strings.warnings(),
        pages_rendered,
    })
}

/// How many pages were rendered; template problems join `problems`, and the first output
/// error is the build's.
fn settle(
    outcomes: Vec<std::result::Result<bool, Failure>>,
    problems: &mut Vec<Diagnostic>,
) -> Result<usize> {
    let mut rendered = 0;
    for outcome in outcomes {
        match outcome {
            Ok(fresh) => rendered += usize::from(fresh),
            Err(Failure::Template(problem)) => problems.push(problem),
            Err(Failure::Output(error)) => return Err(error),
        }
    }
    Ok(rendered)
}

/// What every page depends on besides its own context: the configuration (languages, base
/// URL, output options) and every file of the theme.
fn environment(site: &Site, theme: &Theme) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    std::hash::Hasher::write(&mut hasher, format!("{:?}", site.config).as_bytes());
    theme.fingerprint(&mut hasher);
    std::hash::Hasher::finish(&hasher)
}

fn globals(site: &Site) -> Context {
    let config = &site.config;
    let base_path = config.base_url.path();
    let default = config
        .language(&config.default_language)
        .unwrap_or(&config.languages[0]);
    let globals = SiteGlobals {
        base_url: config.base_url.as_str(),
        base_path,
        title: &default.title,
        default_language: config.default_language.as_str(),
        stylesheet: format!("{base_path}style.css"),
        feed_url: format!("{base_path}{}", plan::feed_path(None)),
        languages: config
            .languages
            .iter()
            .map(|language| LanguageEntry {
                code: language.code.as_str(),
                name: &language.name,
                title: &language.title,
                dir: language.direction.as_html(),
                home_url: format!("{base_path}{}", plan::home_path(&language.code)),
            })
            .collect(),
    };
    let mut context = Context::new();
    context.insert("site", &globals);
    context
}

/// Renders and minifies one page.
fn render_page(
    views: &Views<'_>,
    templates: &Templates,
    page: &Page,
) -> std::result::Result<OutputFile, Diagnostic> {
    let site = views.site;
    let lang = page.lang.as_ref().unwrap_or(&site.config.default_language);
    let language = views.language(lang);
    let mut context = Context::new();
    let template = pages::fill(
        views,
        page,
        lang,
        &language,
        templates.minify(),
        &mut context,
    );
    context.insert("lang", lang.as_str());
    context.insert("language", &language);
    context.insert("template", template);
    let html = templates.render(template, &context)?;
    let path = page.file();
    // Markdown nesting is bounded when content is loaded, and templates are the theme's own
    // text (components recurse at most 20 levels); only raw HTML passed through from a
    // report can nest without bound.
    let unbounded = matches!(page.kind, plan::PageKind::Report(report)
        if markdown::RawHtml::for_report(&site.config, &site.reports[report]) == markdown::RawHtml::PassThrough);
    let bytes = finish(html, templates.minify(), unbounded).map_err(|depth| {
        let problem = Diagnostic::error(format!(
            "the page {path} nests HTML elements {depth} levels deep, more than the {MAX_HTML_DEPTH} it may"
        ))
        .hint("a report's raw HTML or a template nests too deeply; flatten it");
        match &page.kind {
            plan::PageKind::Report(report) => problem.in_file(&site.reports[*report].path),
            _ => problem,
        }
    })?;
    Ok(OutputFile { path, bytes })
}

/// Renders and minifies one "page not found" page.
fn render_not_found(
    views: &Views<'_>,
    templates: &Templates,
    page: &plan::NotFoundPage,
) -> std::result::Result<OutputFile, Diagnostic> {
    let mut context = Context::new();
    context.insert("page", &views.not_found(&page.lang));
    context.insert("lang", page.lang.as_str());
    context.insert("language", &views.language(&page.lang));
    let html = templates.render("404.html", &context)?;
    Ok(OutputFile {
        path: page.path.clone(),
        bytes: minified(html, templates.minify()),
    })
}

/// The page's bytes, minified if the build minifies each page whole. A page whose nesting
/// is `unbounded` by its sources is refused with its depth if it nests deeper than
/// [`MAX_HTML_DEPTH`].
fn finish(html: Vec<u8>, minify: Minify, unbounded: bool) -> std::result::Result<Vec<u8>, usize> {
    if unbounded && let Some(depth) = crate::util::text::html_nesting_beyond(&html, MAX_HTML_DEPTH)
    {
        return Err(depth);
    }
    Ok(minified(html, minify))
}

fn minified(html: Vec<u8>, minify: Minify) -> Vec<u8> {
    match minify {
        Minify::EachPage => minify_page(&html),
        Minify::Sources | Minify::Off => html,
    }
}

/// A broken template fails every page the same way: report each distinct problem once.
fn deduplicate(problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = BTreeSet::new();
    problems
        .into_iter()
        .filter(|problem| seen.insert(problem.to_string()))
        .collect()
}

/// How many HTML pages each language has, for the build summary.
pub fn pages_per_language(site: &Site, plan: &Plan) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for page in &plan.pages {
        let lang = page.lang.as_ref().unwrap_or(&site.config.default_language);
        *counts.entry(lang.to_string()).or_insert(0) += 1;
    }
    counts
}
