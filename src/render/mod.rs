//! Rendering: turns the planned pages into bytes. Markdown is rendered once per report,
//! pages are rendered and minified in parallel, and the Atom feeds, the sitemap, robots.txt
//! and the theme's static files join them. Nothing is written here; `output` does that.

mod cache;
mod context;
mod dates;
mod feeds;
mod i18n;
mod markdown;
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
use crate::error::{Error, Result};
use crate::plan::{self, Page, Plan};
use crate::site::Site;

use cache::PageContext;
pub use cache::RenderCache;
use context::Views;
use dates::DateFormats;
pub use i18n::{Arg, Strings};
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

/// The rendered site.
#[derive(Debug)]
pub struct Rendered {
    /// Every file, in plan order, then sitemap, robots.txt and static files.
    pub files: Vec<OutputFile>,
    /// Problems that did not stop rendering (e.g. a missing UI string).
    pub warnings: Vec<Diagnostic>,
    /// HTML pages rendered; the others were unchanged and taken from the cache.
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

/// Renders every planned page and the site's other files.
pub fn render(site: &Site, plan: &Plan, theme: &Theme) -> Result<Rendered> {
    render_cached(site, plan, theme, &mut RenderCache::default())
}

/// Renders the site, taking from `cache` every page whose context did not change since the
/// build that filled it, and leaving this build's pages there for the next.
pub fn render_cached(
    site: &Site,
    plan: &Plan,
    theme: &Theme,
    cache: &mut RenderCache,
) -> Result<Rendered> {
    cache.begin(environment(site, theme));
    let cache = &*cache;
    let strings = Arc::new(Strings::load(theme, &site.config).map_err(Error::Invalid)?);
    let templates =
        Templates::load(theme, Arc::clone(&strings), globals(site)).map_err(Error::Invalid)?;
    let dates = DateFormats::new(&site.config);
    let bodies: Vec<String> = site
        .reports
        .par_iter()
        .map(|report| markdown::to_html(&report.body))
        .collect();
    let views = Views {
        site,
        plan,
        bodies: &bodies,
        dates: &dates,
        strings: &strings,
    };
    let rendered = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::result::Result<OutputFile, Diagnostic>> = plan
        .pages
        .par_iter()
        .map(|page| {
            let (file, fresh) = render_page(&views, &templates, page, cache)?;
            if fresh {
                rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Ok(file)
        })
        .collect();

    let not_found = plan
        .not_found
        .par_iter()
        .map(|page| render_not_found(&views, &templates, page));
    let results: Vec<std::result::Result<OutputFile, Diagnostic>> =
        results.into_par_iter().chain(not_found).collect();
    let mut files = Vec::with_capacity(results.len() + 8);
    let mut problems = Vec::new();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(deduplicate(problems)));
    }
    files.extend(feeds::feeds(site, plan, &bodies));
    files.push(sitemap::sitemap(site, plan));
    files.push(sitemap::robots(site));
    for (path, file) in theme.static_files() {
        files.push(OutputFile {
            path: path.to_owned(),
            bytes: file.bytes.to_vec(),
        });
    }
    Ok(Rendered {
        files,
        warnings: strings.warnings(),
        pages_rendered: rendered.into_inner(),
    })
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

/// Renders and minifies one page, or takes it from the cache when its context is the same;
/// says whether it was rendered.
fn render_page(
    views: &Views<'_>,
    templates: &Templates,
    page: &Page,
    cache: &RenderCache,
) -> std::result::Result<(OutputFile, bool), Diagnostic> {
    let site = views.site;
    let lang = page.lang.as_ref().unwrap_or(&site.config.default_language);
    let language = views.language(lang);
    let mut context = PageContext::new();
    let template = pages::fill(views, page, lang, &language, &mut context);
    context.insert("lang", lang.as_str());
    context.insert("language", &language);
    context.insert("template", template);
    let path = format!("{}index.html", page.path);
    let fingerprint = context.fingerprint();
    if let Some(bytes) = fingerprint.and_then(|fingerprint| cache.get(&path, fingerprint)) {
        return Ok((OutputFile { path, bytes }, false));
    }
    let html = templates.render(template, context.context())?;
    let bytes = finish(html, views.site.config.output.minify);
    if let Some(fingerprint) = fingerprint {
        cache.put(&path, fingerprint, &bytes);
    }
    Ok((OutputFile { path, bytes }, true))
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
        bytes: finish(html, views.site.config.output.minify),
    })
}

/// The page's bytes: minified unless `output.minify` is off (handy when writing a theme).
fn finish(html: String, minify: bool) -> Vec<u8> {
    if !minify {
        return html.into_bytes();
    }
    let cfg = minify_html::Cfg {
        minify_css: true,
        minify_js: true,
        keep_html_and_head_opening_tags: true,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html.as_bytes(), &cfg)
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
