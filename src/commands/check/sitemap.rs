//! The sitemap and robots.txt. `sitemap.xml` must be a sitemaps.org `urlset` whose every
//! `<loc>` is a full URL under base_url, of a file the built site has, listed once; a page
//! listed is not `noindex` and is listed under its canonical URL, with the language
//! versions (`xhtml:link`) its head lists; and every page with a canonical URL of its own
//! is listed. `robots.txt` must name the sitemap.

use std::collections::BTreeSet;
use std::path::Path;

use roxmltree::{Document, Node};
use rustc_hash::FxHashMap;

use super::OTHER_BASE_URL;
use super::findings::Finding;
use super::scan::Output;
use super::urls::{FileId, Resolver, Target};
use crate::diagnostics::Diagnostic;
use crate::diagnostics::{Error, Result};
use crate::model::config::BaseUrl;
use crate::pipeline::plan::{ROBOTS_PATH, SITEMAP_PATH};

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";
/// The sitemaps.org protocol's limits for one sitemap file.
const MAX_URLS: usize = 50_000;
const MAX_BYTES: usize = 50 * 1024 * 1024;

const REBUILD: &str = "rebuild the site (`newsroom build`)";

/// What the sitemap check found, and how many URLs the sitemap lists.
#[derive(Debug, Default)]
pub(super) struct Sitemap {
    pub(super) findings: Vec<Finding>,
    pub(super) urls: usize,
}

/// Checks `sitemap.xml` and `robots.txt` of the output in `site_dir`.
pub(super) fn check(site_dir: &Path, output: &Output, base: &BaseUrl) -> Result<Sitemap> {
    let mut result = Sitemap {
        findings: robots(site_dir, base)?,
        urls: 0,
    };
    let Some(text) = read(site_dir, SITEMAP_PATH, &mut result.findings)? else {
        return Ok(result);
    };
    let document = match Document::parse(&text) {
        Ok(document) => document,
        Err(error) => {
            let position = error.pos();
            result.findings.push(Finding::at(
                SITEMAP_PATH,
                offset_of(&text, position.row, position.col),
                Diagnostic::error(format!("sitemap.xml is not well-formed XML: {error}"))
                    .hint(REBUILD),
            ));
            return Ok(result);
        }
    };
    let checker = SitemapCheck {
        output,
        base,
        resolver: Resolver::new(base, &output.files),
    };
    let urlset = document.root_element();
    if !urlset.has_tag_name((SITEMAP_NS, "urlset")) {
        result.findings.push(Finding::at(
            SITEMAP_PATH,
            urlset.range().start,
            Diagnostic::error(format!(
                "the sitemap's root is not a `urlset` in the sitemaps.org namespace ({SITEMAP_NS})"
            ))
            .hint(REBUILD),
        ));
        return Ok(result);
    }
    let mut listed = FxHashMap::default();
    for url in urlset
        .children()
        .filter(|node| node.has_tag_name((SITEMAP_NS, "url")))
    {
        result.urls += 1;
        result.findings.extend(checker.url(url, &mut listed));
    }
    result.findings.extend(limits(text.len(), result.urls));
    result.findings.extend(checker.unlisted(&listed));
    Ok(result)
}

/// The text of a file of the output; a missing one is a finding.
fn read(site_dir: &Path, name: &str, findings: &mut Vec<Finding>) -> Result<Option<String>> {
    let path = site_dir.join(name);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            findings.push(Finding::in_file(
                name,
                Diagnostic::error(format!("the built site has no {name}")).hint(REBUILD),
            ));
            Ok(None)
        }
        Err(error) => Err(Error::io(&path, error)),
    }
}

/// The byte offset of a 1-based row and column (in characters) of `text`.
fn offset_of(text: &str, row: u32, col: u32) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(row.saturating_sub(1) as usize)
        .map(str::len)
        .sum();
    let column = text[line_start..]
        .char_indices()
        .nth(col.saturating_sub(1) as usize)
        .map_or(0, |(index, _)| index);
    line_start + column
}

/// The protocol's limits: a bigger site needs a sitemap index, which newsroom does not write.
fn limits(bytes: usize, urls: usize) -> Option<Finding> {
    (urls > MAX_URLS || bytes > MAX_BYTES).then(|| {
        Finding::in_file(
            SITEMAP_PATH,
            Diagnostic::error(format!(
                "the sitemap lists {urls} URLs in {} MB; one sitemap may hold {MAX_URLS} URLs and {} MB",
                bytes / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ))
            .hint("search engines ignore what is over the limit; the site needs a sitemap index (sitemaps.org), which newsroom does not write yet"),
        )
    })
}

/// `robots.txt` names the sitemap (`Sitemap: <base_url>sitemap.xml`).
fn robots(site_dir: &Path, base: &BaseUrl) -> Result<Vec<Finding>> {
    let mut findings = Vec::new();
    let Some(text) = read(site_dir, ROBOTS_PATH, &mut findings)? else {
        return Ok(findings);
    };
    let expected = base.join(SITEMAP_PATH);
    let mut named = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.split('#').next().unwrap_or_default();
        if let Some((field, value)) = content.split_once(':')
            && field.trim().eq_ignore_ascii_case("sitemap")
        {
            named.push((value.trim(), offset));
        }
        offset += line.len();
    }
    if named.iter().any(|(url, _)| *url == expected) {
        return Ok(findings);
    }
    let hint = format!("{REBUILD}; robots.txt should say `Sitemap: {expected}`");
    findings.push(match named.first() {
        Some((url, offset)) => Finding::at(
            ROBOTS_PATH,
            *offset,
            Diagnostic::error(format!(
                "robots.txt names the sitemap `{url}`, not `{expected}`"
            ))
            .hint(hint),
        ),
        None => Finding::in_file(
            ROBOTS_PATH,
            Diagnostic::error("robots.txt names no sitemap").hint(hint),
        ),
    });
    Ok(findings)
}

struct SitemapCheck<'a> {
    output: &'a Output,
    base: &'a BaseUrl,
    resolver: Resolver<'a>,
}

impl SitemapCheck<'_> {
    fn error(offset: usize, message: String) -> Finding {
        Finding::at(
            SITEMAP_PATH,
            offset,
            Diagnostic::error(message).hint(REBUILD),
        )
    }

    /// One `<url>`: its `<loc>` and its language versions. `listed` maps the files listed
    /// so far to the offset of their `<url>`.
    fn url(&self, url: Node<'_, '_>, listed: &mut FxHashMap<FileId, usize>) -> Vec<Finding> {
        let offset = url.range().start;
        let locs: Vec<Node<'_, '_>> = url
            .children()
            .filter(|node| node.has_tag_name((SITEMAP_NS, "loc")))
            .collect();
        let [loc] = locs.as_slice() else {
            return vec![Self::error(
                offset,
                format!("a `<url>` has {} `<loc>`s; it must have one", locs.len()),
            )];
        };
        let loc = loc.text().unwrap_or_default().trim();
        if !loc.starts_with(self.base.as_str()) {
            return vec![Finding::at(
                SITEMAP_PATH,
                offset,
                Diagnostic::error(format!(
                    "`{loc}` is not a full URL under base_url `{}`",
                    self.base.as_str()
                ))
                .hint(OTHER_BASE_URL),
            )];
        }
        let file = match self.resolver.resolve("", loc) {
            Target::File { file, .. } => file,
            _ => {
                return vec![Self::error(
                    offset,
                    format!("`{loc}` is not a file of the built site"),
                )];
            }
        };
        if listed.insert(file, offset).is_some() {
            return vec![Self::error(offset, format!("`{loc}` is listed twice"))];
        }
        self.page_agrees(url, loc, file)
    }

    /// A listed page is indexable, listed under its canonical URL, with its head's versions.
    fn page_agrees(&self, url: Node<'_, '_>, loc: &str, file: FileId) -> Vec<Finding> {
        let offset = url.range().start;
        // Sitemaps may list files that are not pages (a PDF); there is nothing to compare.
        let Some(page) = self.output.page(file) else {
            return Vec::new();
        };
        let mut findings = Vec::new();
        if page.noindex {
            findings.push(Self::error(
                offset,
                format!("`{loc}` is `noindex`, so search engines are told to skip it; it does not belong in the sitemap"),
            ));
        }
        if let Some(canonical) = page.canonical.first()
            && canonical.href != loc
        {
            findings.push(Self::error(
                offset,
                format!(
                    "`{loc}` is listed, but the page's canonical URL is `{}`",
                    canonical.href
                ),
            ));
        }
        let in_sitemap: BTreeSet<(String, &str)> = url
            .children()
            .filter(|node| {
                node.has_tag_name((XHTML_NS, "link")) && node.attribute("rel") == Some("alternate")
            })
            .filter_map(|node| {
                Some((
                    node.attribute("hreflang")?.to_ascii_lowercase(),
                    node.attribute("href")?,
                ))
            })
            .collect();
        let in_head: BTreeSet<(String, &str)> = page
            .alternates
            .iter()
            .map(|a| (a.hreflang.to_ascii_lowercase(), a.link.href.as_str()))
            .collect();
        if in_sitemap != in_head {
            let only = |a: &BTreeSet<(String, &str)>, b: &BTreeSet<(String, &str)>| {
                let entries: Vec<String> = a
                    .difference(b)
                    .map(|(lang, href)| format!("{lang} {href}"))
                    .collect();
                if entries.is_empty() {
                    "none".to_owned()
                } else {
                    entries.join(", ")
                }
            };
            findings.push(Self::error(
                offset,
                format!(
                    "the language versions of `{loc}` differ from the page's head: only in the sitemap: {}; only in the page: {}",
                    only(&in_sitemap, &in_head),
                    only(&in_head, &in_sitemap)
                ),
            ));
        }
        findings
    }

    /// Pages with a canonical URL of their own that the sitemap leaves out.
    fn unlisted(&self, listed: &FxHashMap<FileId, usize>) -> Vec<Finding> {
        self.output
            .pages
            .iter()
            .enumerate()
            .filter(|(file, page)| {
                !page.noindex
                    && !listed.contains_key(file)
                    && page
                        .canonical
                        .first()
                        .is_some_and(|canonical| canonical.target.file() == Some(*file))
            })
            .map(|(file, page)| {
                let url = page.canonical.first().map_or("", |c| c.href.as_str());
                Finding::in_file(
                    SITEMAP_PATH,
                    Diagnostic::error(format!(
                        "the sitemap does not list `{url}` (`{}`), a page with a canonical URL of its own",
                        self.output.files.path(file)
                    ))
                    .hint(REBUILD),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::check::scan::tests::output;

    const BASE: &str = "https://x.org/news/";

    fn page_html(canonical: &str, versions: &[(&str, &str)], noindex: bool) -> String {
        let mut html = format!("<html lang=en><link href={BASE}{canonical} rel=canonical>");
        for (lang, path) in versions {
            html.push_str(&format!(
                "<link href={BASE}{path} hreflang={lang} rel=alternate>"
            ));
        }
        if noindex {
            html.push_str("<meta content=noindex name=robots>");
        }
        html
    }

    fn sitemap(urls: &[(&str, &[(&str, &str)])]) -> String {
        let mut xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"{SITEMAP_NS}\" xmlns:xhtml=\"{XHTML_NS}\">\n"
        );
        for (loc, versions) in urls {
            xml.push_str(&format!("<url><loc>{BASE}{loc}</loc>\n"));
            for (lang, path) in *versions {
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{BASE}{path}\"/>\n"
                ));
            }
            xml.push_str("</url>\n");
        }
        xml.push_str("</urlset>\n");
        xml
    }

    const VERSIONS: &[(&str, &str)] = &[("en", "en/"), ("x-default", "")];

    /// Writes a site with `pages` and `sitemap_xml` and checks it.
    fn run(pages: &[(&str, String)], sitemap_xml: &str, robots: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SITEMAP_PATH), sitemap_xml).unwrap();
        std::fs::write(dir.path().join(ROBOTS_PATH), robots).unwrap();
        let output = output(BASE, pages);
        let result = check(dir.path(), &output, &BaseUrl::parse(BASE).unwrap()).unwrap();
        result
            .findings
            .iter()
            .map(|f| format!("{}: {}", f.file, f.diagnostic.message))
            .collect()
    }

    fn pages() -> Vec<(&'static str, String)> {
        vec![
            ("index.html", page_html("", &[("x-default", "")], false)),
            ("en/index.html", page_html("en/", VERSIONS, false)),
            (
                "404.html",
                "<html lang=en><meta content=noindex name=robots>".to_owned(),
            ),
        ]
    }

    const ROBOTS_TXT: &str = "User-agent: *\nAllow: /\n\nSitemap: https://x.org/news/sitemap.xml\n";

    #[test]
    fn a_sitemap_of_every_indexable_page_passes() {
        let xml = sitemap(&[("", &[("x-default", "")]), ("en/", VERSIONS)]);
        assert_eq!(run(&pages(), &xml, ROBOTS_TXT), Vec::<String>::new());
    }

    #[test]
    fn missing_pages_noindex_pages_unlisted_pages_and_other_versions_are_reported() {
        let xml = sitemap(&[
            ("gone/", &[]),
            ("404.html", &[]),
            ("en/", &[("en", "en/"), ("de", "de/")]),
            ("en/", VERSIONS),
        ]);
        assert_eq!(
            run(&pages(), &xml, ROBOTS_TXT),
            [
                "sitemap.xml: `https://x.org/news/gone/` is not a file of the built site",
                "sitemap.xml: `https://x.org/news/404.html` is `noindex`, so search engines are told to skip it; it does not belong in the sitemap",
                "sitemap.xml: the language versions of `https://x.org/news/en/` differ from the page's head: only in the sitemap: de https://x.org/news/de/; only in the page: x-default https://x.org/news/",
                "sitemap.xml: `https://x.org/news/en/` is listed twice",
                "sitemap.xml: the sitemap does not list `https://x.org/news/` (`index.html`), a page with a canonical URL of its own",
            ]
        );
    }

    #[test]
    fn the_namespace_base_url_and_well_formedness_are_checked() {
        let foreign = "<urlset xmlns=\"http://example.org/\"><url><loc>x</loc></url></urlset>";
        assert_eq!(
            run(&pages(), foreign, ROBOTS_TXT)[0],
            format!(
                "sitemap.xml: the sitemap's root is not a `urlset` in the sitemaps.org namespace ({SITEMAP_NS})"
            )
        );
        let other_base = sitemap(&[("", &[])]).replace(BASE, "https://x.org/");
        assert!(
            run(&pages(), &other_base, ROBOTS_TXT)[0].contains("is not a full URL under base_url")
        );
        let broken = run(&pages(), "<urlset>\n<url>\n</urlset>", ROBOTS_TXT);
        assert!(
            broken[0].starts_with("sitemap.xml: sitemap.xml is not well-formed XML"),
            "{broken:?}"
        );
    }

    #[test]
    fn robots_txt_must_name_the_sitemap() {
        let xml = sitemap(&[("", &[("x-default", "")]), ("en/", VERSIONS)]);
        assert_eq!(
            run(
                &pages(),
                &xml,
                "User-agent: *\nSitemap: https://x.org/sitemap.xml\n"
            ),
            [
                "robots.txt: robots.txt names the sitemap `https://x.org/sitemap.xml`, not `https://x.org/news/sitemap.xml`"
            ]
        );
        assert_eq!(
            run(
                &pages(),
                &xml,
                "User-agent: *\n# Sitemap: https://x.org/news/sitemap.xml\n"
            ),
            ["robots.txt: robots.txt names no sitemap"]
        );
    }

    #[test]
    fn rows_and_columns_become_offsets() {
        assert_eq!(offset_of("ab\ncdé\nf", 2, 3), 5);
        assert_eq!(offset_of("ab\ncdé\nf", 3, 1), 8);
    }
}
