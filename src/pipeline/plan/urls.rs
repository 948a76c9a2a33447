//! The URL scheme: the path of every kind of page below the site root, the file each page
//! is written to, and where the feeds, the sitemap, robots.txt and the "page not found"
//! pages go. Rendering (templates' links, feeds, the sitemap), `check` and `serve` ask here.
//! The fixed segments (`events`, `reports`, `archive`, `page`) are `site.yaml`'s reserved
//! names (`config::RESERVED_SECTIONS`), so no taxonomy takes them.

use crate::model::lang::LangCode;
use crate::model::site::{EventIndex, ReportIndex, Site};
use crate::pipeline::plan::terms::Term;

/// The file a page is written to in its folder: static hosts serve a folder's address
/// (`/en/reports/x/`) from it.
pub const INDEX_FILE: &str = "index.html";
/// The "page not found" page's file: static hosts serve it for any address they have no
/// file for.
pub const NOT_FOUND_FILE: &str = "404.html";
/// Where the sitemap is, below the site root.
pub const SITEMAP_PATH: &str = "sitemap.xml";
/// Where robots.txt is, below the site root (where crawlers look for it).
pub const ROBOTS_PATH: &str = "robots.txt";

/// The file of the page at `path` (a folder ending in `/`, or empty for the root), below
/// the output folder: `en/reports/x/` → `en/reports/x/index.html`.
pub fn page_file(path: &str) -> String {
    [path, INDEX_FILE].concat()
}

/// The "page not found" page of a language (`de/404.html`), or the site's (`None`,
/// `404.html`).
pub fn not_found_path(lang: Option<&LangCode>) -> String {
    match lang {
        Some(lang) => format!("{lang}/{NOT_FOUND_FILE}"),
        None => NOT_FOUND_FILE.to_owned(),
    }
}

/// The path of a language's home.
pub fn home_path(lang: &LangCode) -> String {
    [lang.as_str(), "/"].concat()
}

/// The path of the Atom feed of one language's reports, or of all languages' (`None`).
pub fn feed_path(lang: Option<&LangCode>) -> String {
    match lang {
        Some(lang) => format!("{lang}/atom.xml"),
        None => "atom.xml".to_owned(),
    }
}

/// The path of an event page in a language.
pub fn event_path(site: &Site, event: EventIndex, lang: &LangCode) -> String {
    // Paths are joined, not formatted: a plan makes tens of thousands.
    [lang.as_str(), "/events/", &site.events[event].id, "/"].concat()
}

/// The path of a report page.
pub fn report_path(site: &Site, report: ReportIndex) -> String {
    let report = &site.reports[report];
    [report.lang.as_str(), "/reports/", &report.slug, "/"].concat()
}

/// The path of a taxonomy's index in a language.
pub fn taxonomy_path(site: &Site, taxonomy: usize, lang: &LangCode) -> String {
    [lang.as_str(), "/", &site.config.taxonomies[taxonomy], "/"].concat()
}

/// The path of a term's page in a language.
pub fn term_path(site: &Site, term: &Term, lang: &LangCode) -> String {
    let taxonomy = &site.config.taxonomies[term.taxonomy];
    [lang.as_str(), "/", taxonomy, "/", &term.slug, "/"].concat()
}

/// The path of a language's archive.
pub fn archive_path(lang: &LangCode) -> String {
    [lang.as_str(), "/archive/"].concat()
}

/// The path of one year of a language's archive.
pub fn year_path(lang: &LangCode, year: i32) -> String {
    format!("{lang}/archive/{year}/")
}

/// The path of page `number` of a list whose first page is at `first_path`.
pub fn list_page_path(first_path: &str, number: usize) -> String {
    if number <= 1 {
        first_path.to_owned()
    } else {
        format!("{first_path}page/{number}/")
    }
}
