//! hreflang and canonical URLs: a page with a canonical URL lists its language versions
//! with `<link rel=alternate hreflang>`. The list must hold the page itself, under its
//! canonical URL and in the language of its `<html lang>`; each language once, as a valid
//! language tag; an `x-default`; only pages the built site has; and every version it names
//! must name it back, in the same language.

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::OTHER_BASE_URL;
use super::findings::Finding;
use super::scan::{Alternate, Link, Output, Page};
use super::urls::{FileId, Target};
use crate::diagnostics::Diagnostic;
use crate::model::config::BaseUrl;

/// What the hreflang check found, and how many distinct language groups the site has.
#[derive(Debug, Default)]
pub(super) struct Hreflang {
    pub(super) findings: Vec<Finding>,
    pub(super) groups: usize,
}

/// What identifies a language group: its members' languages and URLs, sorted.
type GroupKey = Vec<(String, String)>;

const REBUILD: &str = "rebuild the site (`newsroom build`); language versions are written from one plan and always agree";

/// Checks every page's canonical URL and language versions.
pub(super) fn check(output: &Output, base: &BaseUrl) -> Hreflang {
    let incoming = incoming(output);
    let checked: Vec<(Vec<Finding>, Option<GroupKey>)> = output
        .pages
        .par_iter()
        .enumerate()
        .map(|(file, page)| {
            let checker = PageCheck {
                output,
                file,
                page,
                base,
                path: output.files.path(file),
            };
            let mut findings = checker.canonical();
            findings.extend(checker.alternates());
            findings.extend(checker.named_by(&incoming[file]));
            (findings, group_key(page))
        })
        .collect();
    let mut groups = FxHashSet::default();
    let mut findings = Vec::new();
    for (mut found, key) in checked {
        findings.append(&mut found);
        groups.extend(key);
    }
    Hreflang {
        findings,
        groups: groups.len(),
    }
}

/// For each page, the pages that name it as a language version: (page, index of the
/// alternate in that page).
fn incoming(output: &Output) -> Vec<Vec<(FileId, usize)>> {
    let mut incoming = vec![Vec::new(); output.pages.len()];
    for (from, page) in output.pages.iter().enumerate() {
        for (index, alternate) in page.alternates.iter().enumerate() {
            if let Some(to) = language_version(alternate)
                && to != from
                && let Some(names) = incoming.get_mut(to)
            {
                names.push((from, index));
            }
        }
    }
    incoming
}

/// The file an alternate names as a language version (`x-default` is none).
fn language_version(alternate: &Alternate) -> Option<FileId> {
    if alternate.is_x_default() {
        None
    } else {
        alternate.link.target.file()
    }
}

/// The key of the group a page lists, if it lists one.
fn group_key(page: &Page) -> Option<GroupKey> {
    if page.alternates.is_empty() {
        return None;
    }
    let mut key: GroupKey = page
        .alternates
        .iter()
        .map(|a| (a.hreflang.to_ascii_lowercase(), a.link.href.clone()))
        .collect();
    key.sort();
    Some(key)
}

/// The languages a page gives itself in its own list.
fn own_languages(page: &Page, file: FileId) -> impl Iterator<Item = &str> {
    page.alternates
        .iter()
        .filter(move |alternate| language_version(alternate) == Some(file))
        .map(|alternate| alternate.hreflang.as_str())
}

/// A valid `hreflang` value: `x-default` or a BCP 47 language tag written with `-`.
fn is_valid_hreflang(value: &str) -> bool {
    value.eq_ignore_ascii_case("x-default")
        || (!value.contains('_')
            && unic_langid::LanguageIdentifier::from_bytes(value.as_bytes()).is_ok())
}

struct PageCheck<'a> {
    output: &'a Output,
    file: FileId,
    page: &'a Page,
    base: &'a BaseUrl,
    path: &'a str,
}

impl PageCheck<'_> {
    fn error(&self, offset: usize, message: String, hint: &str) -> Finding {
        Finding::at(self.path, offset, Diagnostic::error(message).hint(hint))
    }

    /// Where a problem with the list as a whole is shown: its first entry, or the
    /// canonical link, or the page.
    fn list_offset(&self) -> usize {
        self.page
            .alternates
            .first()
            .map(|a| &a.link)
            .or(self.page.canonical.first())
            .map_or(0, |link| link.offset)
    }

    /// One canonical URL, and it is this page.
    fn canonical(&self) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self
            .page
            .canonical
            .iter()
            .skip(1)
            .map(|extra| {
                self.error(
                    extra.offset,
                    format!(
                        "a second canonical link (`{}`); a page has one canonical URL",
                        extra.href
                    ),
                    REBUILD,
                )
            })
            .collect();
        let Some(canonical) = self.page.canonical.first() else {
            return findings;
        };
        let href = &canonical.href;
        let (message, hint) = match &canonical.target {
            Target::File { file, .. } if *file == self.file => return findings,
            Target::File { file, .. } => (
                format!(
                    "the canonical URL `{href}` is another page, `{}`",
                    self.output.files.path(*file)
                ),
                REBUILD,
            ),
            Target::Missing { .. } => (
                format!("the canonical URL `{href}` leads to no page of the built site"),
                REBUILD,
            ),
            Target::External | Target::OutsideBase => (
                format!(
                    "the canonical URL `{href}` is not on this site ({})",
                    self.base.as_str()
                ),
                OTHER_BASE_URL,
            ),
        };
        findings.push(self.error(canonical.offset, message, hint));
        findings
    }

    /// The list itself: valid, complete, each language once, this page in it.
    fn alternates(&self) -> Vec<Finding> {
        let alternates = &self.page.alternates;
        if alternates.is_empty() {
            return self
                .page
                .canonical
                .first()
                .map(|canonical| {
                    self.error(
                        canonical.offset,
                        "the page has a canonical URL but lists no language versions (`<link rel=alternate hreflang>`)".to_owned(),
                        REBUILD,
                    )
                })
                .into_iter()
                .collect();
        }
        let mut findings = Vec::new();
        let mut seen = FxHashSet::default();
        for alternate in alternates {
            findings.extend(self.entry(alternate, &mut seen));
        }
        if !alternates.iter().any(Alternate::is_x_default) {
            findings.push(self.error(
                self.list_offset(),
                "the language versions have no `x-default` (the page for readers of other languages)".to_owned(),
                REBUILD,
            ));
        }
        findings.extend(self.itself());
        findings
    }

    /// One entry of the list.
    fn entry(&self, alternate: &Alternate, seen: &mut FxHashSet<String>) -> Option<Finding> {
        let Alternate { hreflang, link } = alternate;
        let href = &link.href;
        let offset = link.offset;
        if !is_valid_hreflang(hreflang) {
            return Some(self.error(
                offset,
                format!("`hreflang={hreflang}` is not a language tag"),
                "write a BCP 47 tag such as `en`, `de` or `pt-BR`, or `x-default`",
            ));
        }
        if !seen.insert(hreflang.to_ascii_lowercase()) {
            return Some(self.error(
                offset,
                format!(
                    "`{hreflang}` is listed twice among the language versions; each language once"
                ),
                REBUILD,
            ));
        }
        let message = match &link.target {
            Target::Missing { .. } => {
                format!("the `{hreflang}` version `{href}` is not a page of the built site")
            }
            Target::File { file, .. } if self.output.page(*file).is_none() => {
                format!("the `{hreflang}` version `{href}` is not an HTML page")
            }
            target if target.is_internal() && !href.starts_with(self.base.as_str()) => format!(
                "the `{hreflang}` version `{href}` is not a full URL starting with base_url `{}`",
                self.base.as_str()
            ),
            // Versions on other sites are allowed and not followed.
            _ => return None,
        };
        Some(self.error(offset, message, REBUILD))
    }

    /// The page is in its own list, under its canonical URL and its `<html lang>`.
    fn itself(&self) -> Vec<Finding> {
        let entries: Vec<&Link> = self
            .page
            .alternates
            .iter()
            .map(|a| &a.link)
            .filter(|link| link.target.file() == Some(self.file))
            .collect();
        if entries.is_empty() {
            return vec![
                self.error(
                    self.list_offset(),
                    "the page is not among its own language versions; each version lists itself"
                        .to_owned(),
                    REBUILD,
                ),
            ];
        }
        let mut findings = Vec::new();
        if let Some(canonical) = self.page.canonical.first() {
            findings.extend(entries.iter().filter(|link| link.href != canonical.href).map(
                |link| {
                    self.error(
                        link.offset,
                        format!(
                            "the page lists itself as `{}`, but its canonical URL is `{}`; the two must be the same URL",
                            link.href, canonical.href
                        ),
                        REBUILD,
                    )
                },
            ));
        }
        findings.extend(self.html_lang());
        findings
    }

    /// `<html lang>` is the language the page gives itself (when it gives itself one: the
    /// root chooser is only the `x-default`).
    fn html_lang(&self) -> Option<Finding> {
        let own: Vec<&str> = own_languages(self.page, self.file).collect();
        let first = own.first()?;
        match &self.page.lang {
            Some((lang, _)) if own.iter().any(|o| o.eq_ignore_ascii_case(lang)) => None,
            Some((lang, offset)) => Some(self.error(
                *offset,
                format!("`<html lang={lang}>`, but the page lists itself as its `{first}` version"),
                REBUILD,
            )),
            None => Some(self.error(
                self.list_offset(),
                format!(
                    "`<html>` has no `lang`, but the page lists itself as its `{first}` version"
                ),
                REBUILD,
            )),
        }
    }

    /// Every page that names this one as a language version is named back, and in the
    /// language it gives this page.
    fn named_by(&self, names: &[(FileId, usize)]) -> Vec<Finding> {
        let own: Vec<&str> = own_languages(self.page, self.file).collect();
        let mut findings = Vec::new();
        for &(from, index) in names {
            let naming = &self.output.pages[from].alternates[index];
            let from_path = self.output.files.path(from);
            // A page that is only an `x-default` (the root chooser) is named back as that.
            let named_back = self
                .page
                .alternates
                .iter()
                .any(|alternate| alternate.link.target.file() == Some(from));
            // A page without any list was reported once already.
            if !named_back && !self.page.alternates.is_empty() {
                findings.push(self.error(
                    self.list_offset(),
                    format!(
                        "`{from_path}` lists this page as its `{}` version, but this page does not list `{from_path}` back",
                        naming.hreflang
                    ),
                    REBUILD,
                ));
            }
            if let Some(first) = own.first()
                && !own.iter().any(|o| o.eq_ignore_ascii_case(&naming.hreflang))
            {
                findings.push(Finding::at(
                    from_path,
                    naming.link.offset,
                    Diagnostic::error(format!(
                        "`{}` is listed as the `{}` version, but that page lists itself as `{first}`",
                        self.path, naming.hreflang
                    ))
                    .hint(REBUILD),
                ));
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::check::scan::tests::output;

    const BASE: &str = "https://x.org/news/";

    /// A page of a group: its canonical URL, `<html lang>` and hreflang lines.
    fn html(lang: &str, canonical: &str, versions: &[(&str, &str)]) -> String {
        let mut html = format!(
            "<!doctype html><html lang={lang}><head><link href={BASE}{canonical} rel=canonical>"
        );
        for (hreflang, path) in versions {
            html.push_str(&format!(
                "<link href={BASE}{path} hreflang={hreflang} rel=alternate>"
            ));
        }
        html
    }

    fn run(pages: &[(&str, String)]) -> (Vec<String>, usize) {
        let output = output(BASE, pages);
        let result = check(&output, &BaseUrl::parse(BASE).unwrap());
        let messages = result
            .findings
            .iter()
            .map(|f| format!("{}: {}", f.file, f.diagnostic.message))
            .collect();
        (messages, result.groups)
    }

    const GROUP: [(&str, &str); 3] = [("en", "en/a/"), ("de", "de/a/"), ("x-default", "")];

    fn good_site() -> Vec<(&'static str, String)> {
        vec![
            ("index.html", html("en", "", &[("x-default", "")])),
            ("en/a/index.html", html("en", "en/a/", &GROUP)),
            ("de/a/index.html", html("de", "de/a/", &GROUP)),
        ]
    }

    #[test]
    fn a_consistent_group_passes() {
        let (messages, groups) = run(&good_site());
        assert!(messages.is_empty(), "{messages:?}");
        assert_eq!(groups, 2);
    }

    #[test]
    fn a_missing_back_reference_is_reported_on_the_page_that_lacks_it() {
        let mut site = good_site();
        site[2].1 = html("de", "de/a/", &[("de", "de/a/"), ("x-default", "")]);
        let (messages, _) = run(&site);
        assert_eq!(
            messages,
            [
                "de/a/index.html: `en/a/index.html` lists this page as its `de` version, but this page does not list `en/a/index.html` back"
            ]
        );
    }

    #[test]
    fn a_missing_self_reference_is_reported() {
        let mut site = good_site();
        site[1].1 = html("en", "en/a/", &[("de", "de/a/"), ("x-default", "")]);
        let (messages, _) = run(&site);
        assert!(
            messages.contains(
                &"en/a/index.html: the page is not among its own language versions; each version lists itself".to_owned()
            ),
            "{messages:?}"
        );
    }

    #[test]
    fn languages_must_be_valid_single_and_agree_with_html_lang() {
        let mut site = good_site();
        site[1].1 = html(
            "fr",
            "en/a/",
            &[
                ("en", "en/a/"),
                ("de", "de/a/"),
                ("EN", "en/a/"),
                ("en_GB", "en/a/"),
                ("x-default", ""),
            ],
        );
        let (messages, _) = run(&site);
        assert_eq!(
            messages,
            [
                "en/a/index.html: `EN` is listed twice among the language versions; each language once",
                "en/a/index.html: `hreflang=en_GB` is not a language tag",
                "en/a/index.html: `<html lang=fr>`, but the page lists itself as its `en` version",
            ]
        );
    }

    #[test]
    fn alternates_and_x_default_must_exist_and_canonical_must_be_the_page() {
        let mut site = good_site();
        site[1].1 = html(
            "en",
            "de/a/",
            &[("en", "en/a/"), ("de", "de/a/"), ("pl", "pl/a/")],
        );
        let (messages, _) = run(&site);
        assert_eq!(
            messages,
            [
                "en/a/index.html: the canonical URL `https://x.org/news/de/a/` is another page, `de/a/index.html`",
                "en/a/index.html: the `pl` version `https://x.org/news/pl/a/` is not a page of the built site",
                "en/a/index.html: the language versions have no `x-default` (the page for readers of other languages)",
                "en/a/index.html: the page lists itself as `https://x.org/news/en/a/`, but its canonical URL is `https://x.org/news/de/a/`; the two must be the same URL",
            ]
        );
    }

    #[test]
    fn languages_given_to_a_page_must_be_the_ones_it_gives_itself() {
        let mut site = good_site();
        site[1].1 = html(
            "en",
            "en/a/",
            &[("en", "en/a/"), ("pl", "de/a/"), ("x-default", "")],
        );
        let (messages, _) = run(&site);
        assert!(
            messages.contains(
                &"en/a/index.html: `de/a/index.html` is listed as the `pl` version, but that page lists itself as `de`".to_owned()
            ),
            "{messages:?}"
        );
    }
}
