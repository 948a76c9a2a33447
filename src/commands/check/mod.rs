//! `newsroom check`: the checks built into the binary, run on a built site. The site's own
//! files are read as a build reads them (`content`: `site.yaml`, every front matter); in the
//! output folder, every link must lead somewhere (`links`), every page's canonical URL and
//! hreflang language versions must agree (`hreflang`), and the sitemap and robots.txt must
//! describe the pages (`sitemap`). Each page is parsed once, in parallel (`scan`), and the
//! checks then work on what it says; problems are located by line and column at the end
//! (`findings`).

mod content;
mod findings;
mod hreflang;
mod links;
mod scan;
mod sitemap;
mod urls;

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::diagnostics::Diagnostic;
use crate::diagnostics::Result;
use crate::model::config::BaseUrl;
use findings::Finding;
use scan::Output;

/// The hint for URLs that are not under the base URL the check was given.
const OTHER_BASE_URL: &str = "if the site was built with --base-url, pass the same --base-url to `newsroom check`; otherwise rebuild the site";

/// Output file of a report page (`en/reports/x/index.html`) → the content file behind it.
type Origins = FxHashMap<String, PathBuf>;

/// What `newsroom check` found and how much it looked at.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Every problem, errors and warnings: `site.yaml` and content files first, then the
    /// output's files by path.
    pub diagnostics: Vec<Diagnostic>,
    /// HTML pages read.
    pub pages: usize,
    /// Links into the site followed (links to other sites are not).
    pub links: usize,
    /// Distinct hreflang groups: sets of pages that list each other as language versions.
    pub hreflang_groups: usize,
    /// URLs the sitemap lists.
    pub sitemap_urls: usize,
}

impl CheckReport {
    /// How many of the problems are errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many of the problems are warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Checks the site in `root` and its build in `site_dir`; `base_url` overrides `site.yaml`
/// as it does for `newsroom build`. Problems are in the report; only failing to read a file
/// is an error.
pub fn check(root: &Path, site_dir: &Path, base_url: Option<&str>) -> Result<CheckReport> {
    let content = content::check(root, base_url)?;
    let mut report = CheckReport {
        diagnostics: content.diagnostics,
        ..CheckReport::default()
    };
    // Without a valid site.yaml there is no base URL to resolve the site's links against.
    let Some(config) = content.config else {
        return Ok(report);
    };
    let shown_dir = crate::util::walk::relative(root, site_dir);
    if !site_dir.is_dir() {
        report.diagnostics.push(
            Diagnostic::error("there is no built site here")
                .in_file(&shown_dir)
                .hint("run `newsroom build` first, or pass --output with the folder the site was built into"),
        );
        return Ok(report);
    }
    let base = &config.base_url;
    let output = scan::scan(site_dir, base)?;
    report.pages = output.pages.len();
    let findings = match built_for_another_base(&output, base) {
        Some(finding) => vec![finding],
        None => {
            let links = links::check(&output, &content.origins, base);
            let hreflang = hreflang::check(&output, base);
            let sitemap = sitemap::check(site_dir, &output, base)?;
            report.links = links.checked;
            report.hreflang_groups = hreflang.groups;
            report.sitemap_urls = sitemap.urls;
            [links.findings, hreflang.findings, sitemap.findings].concat()
        }
    };
    report
        .diagnostics
        .extend(findings::locate(site_dir, &shown_dir, findings)?);
    Ok(report)
}

/// A site built for another base URL (or checked without the `--base-url` it was built
/// with) fails every check of every page; that is said once, with the remedy.
fn built_for_another_base(output: &Output, base: &BaseUrl) -> Option<Finding> {
    let mut canonicals = output
        .pages
        .iter()
        .enumerate()
        .filter_map(|(file, page)| Some((file, page.canonical.first()?)));
    let (file, first) = canonicals.clone().next()?;
    if canonicals.any(|(_, canonical)| canonical.target.file().is_some()) {
        return None;
    }
    Some(Finding::at(
        output.files.path(file),
        first.offset,
        Diagnostic::error(format!(
            "the site was built for another base URL: no canonical URL (such as `{}`) is a page under `{}`",
            first.href,
            base.as_str()
        ))
        .hint(OTHER_BASE_URL),
    ))
}
