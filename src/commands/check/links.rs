//! Links: every `href` and `src` of every page that leads into the site must reach a file
//! of the output, and a fragment must name an id of the page it leads to. Links to other
//! sites are not followed; links to the site's host outside its base path are pointed out.
//! Canonical and hreflang links are the hreflang check's.

use rayon::prelude::*;

use super::Origins;
use super::findings::Finding;
use super::scan::{Link, Output, Page};
use super::urls::{FileId, Target, is_relative};
use crate::diagnostics::Diagnostic;
use crate::model::config::BaseUrl;
use crate::pipeline::plan::NOT_FOUND_FILE;

/// What the link check found, and how many links into the site it followed.
#[derive(Debug, Default)]
pub(super) struct Links {
    pub(super) findings: Vec<Finding>,
    pub(super) checked: usize,
}

/// Checks the links of every page.
pub(super) fn check(output: &Output, origins: &Origins, base: &BaseUrl) -> Links {
    output
        .pages
        .par_iter()
        .enumerate()
        .map(|(file, page)| {
            let checker = PageLinks {
                output,
                file,
                page,
                base,
                fix: fix_hint(output.files.path(file), origins),
            };
            checker.check()
        })
        .reduce(Links::default, |mut all, mut one| {
            all.findings.append(&mut one.findings);
            all.checked += one.checked;
            all
        })
}

/// What to do about a wrong link on a page: it may come from a report's text.
fn fix_hint(page_file: &str, origins: &Origins) -> String {
    match origins.get(page_file) {
        Some(content) => format!(
            "if the link is in the text of {}, fix it there; otherwise rebuild the site (`newsroom build`)",
            content.display()
        ),
        None => "rebuild the site (`newsroom build`); if the link stays wrong, fix the template or content file that writes it".to_owned(),
    }
}

struct PageLinks<'a> {
    output: &'a Output,
    file: FileId,
    page: &'a Page,
    base: &'a BaseUrl,
    fix: String,
}

impl PageLinks<'_> {
    fn check(&self) -> Links {
        let path = self.output.files.path(self.file);
        // The plan's "page not found" pages, which hosts serve at any address.
        let served_anywhere = path.rsplit('/').next() == Some(NOT_FOUND_FILE);
        let mut found = Links::default();
        for link in &self.page.links {
            found.checked += usize::from(link.target.is_internal());
            if served_anywhere && is_relative(&link.href) {
                found.findings.push(self.relative_in_not_found(link));
            }
            if let Some(diagnostic) = self.problem(link) {
                found
                    .findings
                    .push(Finding::at(path, link.offset, diagnostic));
            }
        }
        found
    }

    fn problem(&self, link: &Link) -> Option<Diagnostic> {
        let href = &link.href;
        match &link.target {
            Target::External => None,
            Target::OutsideBase => Some(
                Diagnostic::warning(format!(
                    "`{href}` leads outside the site's base path `{}`; it was not checked",
                    self.base.path()
                ))
                .hint(format!(
                    "links to this site's pages start with `{}`",
                    self.base.path()
                )),
            ),
            Target::Missing { path } => Some(
                Diagnostic::error(format!(
                    "broken link to `{href}`: the built site has nothing at `{}{path}`",
                    self.base.path()
                ))
                .hint(self.fix.clone()),
            ),
            Target::File {
                file,
                fragment: Some(fragment),
            } => self.missing_id(href, *file, fragment),
            Target::File { fragment: None, .. } => None,
        }
    }

    /// A fragment must name an element of the page it leads to. `#` and `#top` lead to the
    /// top of any page, and text fragments (`#:~:text=`) to words, not ids.
    fn missing_id(&self, href: &str, file: FileId, fragment: &str) -> Option<Diagnostic> {
        let target = self.output.page(file)?;
        if fragment.is_empty()
            || fragment.starts_with(":~:")
            || target.ids.contains(fragment)
            || fragment.eq_ignore_ascii_case("top")
        {
            return None;
        }
        let on = if file == self.file {
            "this page".to_owned()
        } else {
            format!("`{}`", self.output.files.path(file))
        };
        Some(
            Diagnostic::error(format!(
                "broken link to `{href}`: {on} has no element with id `{fragment}`"
            ))
            .hint(self.fix.clone()),
        )
    }

    /// A page-not-found page is served at any address that has no file, so a relative
    /// link in it leads somewhere else at every address.
    fn relative_in_not_found(&self, link: &Link) -> Finding {
        Finding::at(
            self.output.files.path(self.file),
            link.offset,
            Diagnostic::error(format!(
                "`{}` is relative, but this page-not-found page is served at any address, where the link leads elsewhere",
                link.href
            ))
            .hint(format!(
                "rebuild the site (`newsroom build`); links in 404 pages start with `{}`",
                self.base.path()
            )),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::check::scan::tests::page;
    use crate::commands::check::urls::Files;

    fn output(base: &str, pages: &[(&str, &str)], others: &[&str]) -> Output {
        let paths: Vec<&str> = pages
            .iter()
            .map(|(path, _)| *path)
            .chain(others.iter().copied())
            .collect();
        Output {
            files: Files::new(paths.iter().map(|p| (*p).to_owned()).collect()),
            pages: pages
                .iter()
                .map(|(path, html)| page(base, &paths, path, html))
                .collect(),
        }
    }

    fn messages(links: &Links) -> Vec<String> {
        links
            .findings
            .iter()
            .map(|f| format!("{}: {}", f.file, f.diagnostic.message))
            .collect()
    }

    #[test]
    fn a_link_to_a_missing_page_and_a_fragment_to_a_missing_id_are_errors() {
        let base = BaseUrl::parse("https://x.org/").unwrap();
        let output = output(
            base.as_str(),
            &[
                (
                    "en/index.html",
                    "<a href=#main>skip</a><main id=main><a href=reports/a/#intro>a</a>\
                     <a href=reports/a/#gone>a</a><a href=/en/reports/b/>b</a><a href=https://y.org/>y</a>",
                ),
                (
                    "en/reports/a/index.html",
                    "<h2 id=intro>Intro</h2><a href=#top>top</a>",
                ),
            ],
            &["style.css"],
        );
        let links = check(&output, &Origins::default(), &base);
        assert_eq!(links.checked, 5);
        assert_eq!(
            messages(&links),
            [
                "en/index.html: broken link to `reports/a/#gone`: `en/reports/a/index.html` has no element with id `gone`",
                "en/index.html: broken link to `/en/reports/b/`: the built site has nothing at `/en/reports/b/`",
            ]
        );
        let error = &links.findings[0];
        assert!(error.diagnostic.is_error());
        assert_eq!(
            error.offset,
            Some("<a href=#main>skip</a><main id=main><a href=reports/a/#intro>a</a>".len())
        );
    }

    #[test]
    fn a_sub_path_site_links_under_its_base_path() {
        let base = BaseUrl::parse("https://x.org/news/").unwrap();
        let output = output(
            base.as_str(),
            &[(
                "en/index.html",
                "<link href=/news/style.css rel=stylesheet><a href=/news/>home</a><a href=/en/>wrong</a>",
            )],
            &["index.html", "style.css"],
        );
        let links = check(&output, &Origins::default(), &base);
        assert_eq!(links.checked, 2);
        assert_eq!(links.findings.len(), 1);
        let warning = &links.findings[0].diagnostic;
        assert!(!warning.is_error());
        assert!(
            warning
                .message
                .contains("outside the site's base path `/news/`")
        );
    }

    #[test]
    fn a_not_found_page_must_not_link_relatively() {
        let base = BaseUrl::parse("https://x.org/").unwrap();
        let output = output(
            base.as_str(),
            &[("404.html", "<a href=/en/>home</a><a href=en/>home</a>")],
            &["en/index.html"],
        );
        let links = check(&output, &Origins::default(), &base);
        assert_eq!(
            messages(&links),
            [
                "404.html: `en/` is relative, but this page-not-found page is served at any address, where the link leads elsewhere"
            ]
        );
    }

    #[test]
    fn the_hint_names_the_content_file_of_a_report_page() {
        let base = BaseUrl::parse("https://x.org/").unwrap();
        let output = output(
            base.as_str(),
            &[("en/reports/a/index.html", "<a href=/gone/>x</a>")],
            &[],
        );
        let origins: Origins = [(
            "en/reports/a/index.html".to_owned(),
            "content/e/a.en.md".into(),
        )]
        .into_iter()
        .collect();
        let links = check(&output, &origins, &base);
        let hint = links.findings[0].diagnostic.hint.clone().unwrap();
        assert!(hint.contains("content/e/a.en.md"), "{hint}");
    }
}
