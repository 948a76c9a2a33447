//! What templates see: small views of the site model for one page, borrowing from the
//! model rather than copying it, and nothing of other pages. The fields are documented for
//! theme authors in docs/templates.md.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::config::LanguageConfig;
use crate::model::lang::LangCode;
use crate::model::site::{Site, Source};
use crate::pipeline::plan::{self, ListPage, Page, PageKind, Plan, Section};
use crate::pipeline::render::dates::DateFormats;
use crate::pipeline::render::i18n::{Arg, Strings};

mod items;

/// Shared by every page's context builder: the model, the plan, dates and UI strings.
pub(crate) struct Views<'a> {
    pub(crate) site: &'a Site,
    pub(crate) plan: &'a Plan,
    pub(crate) dates: &'a DateFormats,
    pub(crate) strings: &'a Strings,
}

/// Facts about the page every template gets as `page`.
#[derive(Serialize)]
pub(crate) struct PageView<'a> {
    kind: &'static str,
    title: &'a str,
    description: String,
    url: String,
    permalink: String,
    alternates: Vec<AlternateView<'a>>,
    x_default: String,
    switcher: Vec<SwitcherEntry<'a>>,
    menu: Vec<MenuItem>,
    pagination: Option<Pagination>,
}

/// A section in the page language's menu.
#[derive(Serialize)]
struct MenuItem {
    /// The UI string naming it.
    key: String,
    url: String,
    /// `page` when this is the page, `true` when the page is inside the section.
    current: Option<&'static str>,
}

/// Where a list page is in its list.
#[derive(Serialize)]
struct Pagination {
    number: usize,
    count: usize,
    /// The newer page (number − 1), if any.
    previous_url: Option<String>,
    /// The older page (number + 1), if any.
    next_url: Option<String>,
}

#[derive(Serialize)]
struct AlternateView<'a> {
    lang: &'a str,
    permalink: String,
}

#[derive(Serialize)]
struct SwitcherEntry<'a> {
    lang: &'a str,
    name: &'a str,
    url: String,
    current: bool,
    /// False when this page has no version in that language and the link goes to its home.
    available: bool,
}

/// The page's language, as `language`.
#[derive(Serialize)]
pub(crate) struct LanguageView<'a> {
    code: &'a str,
    name: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    dir: &'static str,
    home_url: String,
    feed_url: String,
    /// The locale as Open Graph writes it (`en_GB`), when it names a region (Open Graph
    /// wants language and territory).
    og_locale: Option<String>,
}

/// An event in a list (`events` on a home page).
#[derive(Serialize)]
pub(crate) struct EventSummary<'a> {
    name: &'a str,
    url: String,
    date: Option<String>,
    date_long: Option<String>,
    place: Option<&'a str>,
    report_count: usize,
    languages: Vec<&'a str>,
}

/// The event of an event page (`event`).
#[derive(Serialize)]
pub(crate) struct EventView<'a> {
    name: &'a str,
    date: Option<String>,
    date_long: Option<String>,
    place: Option<&'a str>,
    reports: Vec<ReportSummary<'a>>,
    other_reports: Vec<ReportSummary<'a>>,
}

/// A report in a list.
#[derive(Serialize)]
pub(crate) struct ReportSummary<'a> {
    title: &'a str,
    url: String,
    lang: &'a str,
    lang_name: &'a str,
    date: Option<String>,
    date_long: Option<String>,
    summary: Option<&'a str>,
}

/// The report of a report page (`report`).
#[derive(Serialize)]
pub(crate) struct ReportView<'a> {
    title: &'a str,
    date: Option<String>,
    date_long: Option<String>,
    summary: Option<&'a str>,
    /// The body as HTML (each report's body shows on its own page only).
    content: String,
    source: &'a Source,
    event: EventLink<'a>,
    terms: Vec<TermList<'a>>,
    translations: Vec<ReportSummary<'a>>,
}

#[derive(Serialize)]
struct EventLink<'a> {
    name: &'a str,
    url: String,
    date: Option<String>,
    date_long: Option<String>,
    place: Option<&'a str>,
}

#[derive(Serialize)]
struct TermList<'a> {
    taxonomy: &'a str,
    terms: Vec<TermLink<'a>>,
}

/// A term in a report's footer or a taxonomy index.
#[derive(Serialize)]
pub(crate) struct TermLink<'a> {
    name: &'a str,
    /// Its page in the page's language, when it has one there.
    url: Option<String>,
    /// Its reports in the page's language.
    report_count: usize,
}

/// A year on an archive page.
#[derive(Serialize)]
pub(crate) struct YearLink {
    year: i32,
    url: String,
    event_count: usize,
}

impl<'a> Views<'a> {
    /// The root-relative URL of a site path (`/news/en/` under a sub-path).
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{}", self.site.config.base_url.path(), path)
    }

    fn iso(date: Option<NaiveDate>) -> Option<String> {
        date.map(|date| date.to_string())
    }

    fn long(&self, lang: &LangCode, date: Option<NaiveDate>) -> Option<String> {
        date.map(|date| self.dates.long(lang, date))
    }

    fn language_config(&self, lang: &LangCode) -> &'a LanguageConfig {
        self.site
            .config
            .language(lang)
            .unwrap_or(&self.site.config.languages[0])
    }

    /// The page's own language view.
    pub(crate) fn language(&self, lang: &LangCode) -> LanguageView<'a> {
        let language = self.language_config(lang);
        LanguageView {
            code: language.code.as_str(),
            name: &language.name,
            title: &language.title,
            description: language.description.as_deref(),
            dir: language.direction.as_html(),
            home_url: self.url(&plan::home_path(&language.code)),
            feed_url: self.url(&plan::feed_path(Some(&language.code))),
            og_locale: language
                .locale
                .contains('-')
                .then(|| language.locale.replace('-', "_")),
        }
    }

    /// The `page` view: URLs, alternates and the language switcher.
    pub(crate) fn page(&self, page: &'a Page, title: &'a str, description: String) -> PageView<'a> {
        let base = &self.site.config.base_url;
        let group = &self.plan.groups[page.group];
        let alternates = group
            .members
            .iter()
            .map(|member| AlternateView {
                lang: member.lang.as_str(),
                permalink: base.join(&member.path),
            })
            .collect();
        let switcher = self.switcher(page.lang.as_ref(), |lang| {
            group
                .members
                .iter()
                .find(|member| &member.lang == lang)
                .map(|member| member.path.as_str())
        });
        PageView {
            kind: match page.kind {
                PageKind::Root => "root",
                PageKind::Home => "home",
                PageKind::Event(_) => "event",
                PageKind::Report(_) => "report",
                PageKind::Taxonomy(_) => "taxonomy",
                PageKind::Term(_) => "term",
                PageKind::Archive => "archive",
                PageKind::Year(_) => "year",
            },
            title,
            description,
            url: self.url(&page.path),
            permalink: base.join(&page.path),
            alternates,
            x_default: base.join(&group.x_default),
            switcher,
            menu: self.menu(page),
            pagination: page.list.as_ref().map(|list| self.pagination(list)),
        }
    }

    /// The menu of the page's language, marking the section the page is in.
    fn menu(&self, page: &Page) -> Vec<MenuItem> {
        let Some(lang) = &page.lang else {
            return Vec::new();
        };
        let taxonomies = &self.site.config.taxonomies;
        let section = match page.kind {
            PageKind::Home => Some(Section::Latest),
            PageKind::Taxonomy(taxonomy) => Some(Section::Taxonomy(taxonomy)),
            PageKind::Term(term) => Some(Section::Taxonomy(self.plan.terms[term].taxonomy)),
            PageKind::Archive | PageKind::Year(_) => Some(Section::Archive),
            _ => None,
        };
        self.plan.menus[lang]
            .iter()
            .map(|entry| MenuItem {
                key: match entry.section {
                    Section::Latest => "nav-latest".to_owned(),
                    Section::Taxonomy(taxonomy) => format!("taxonomy-{}", taxonomies[taxonomy]),
                    Section::Archive => "nav-archive".to_owned(),
                },
                url: self.url(&entry.path),
                current: if entry.path == page.path {
                    Some("page")
                } else if section == Some(entry.section) {
                    Some("true")
                } else {
                    None
                },
            })
            .collect()
    }

    fn pagination(&self, list: &ListPage) -> Pagination {
        let url = |number: usize| self.url(&plan::list_page_path(&list.first_path, number));
        Pagination {
            number: list.number,
            count: list.count,
            previous_url: (list.number > 1).then(|| url(list.number - 1)),
            next_url: (list.number < list.count).then(|| url(list.number + 1)),
        }
    }

    /// A UI string in `lang`.
    pub(crate) fn text(&self, lang: &LangCode, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.strings.get(lang, key, args)
    }

    /// The language switcher: each language's version of the page (`version_of` gives its
    /// path), or that language's home where it has none.
    fn switcher<'v>(
        &self,
        current: Option<&LangCode>,
        version_of: impl Fn(&LangCode) -> Option<&'v str>,
    ) -> Vec<SwitcherEntry<'a>> {
        self.site
            .config
            .languages
            .iter()
            .map(|language| {
                let version = version_of(&language.code);
                let home = plan::home_path(&language.code);
                SwitcherEntry {
                    lang: language.code.as_str(),
                    name: &language.name,
                    url: self.url(version.unwrap_or(&home)),
                    current: current == Some(&language.code),
                    available: version.is_some(),
                }
            })
            .collect()
    }

    /// The `page` view of a "page not found" page: no URL of its own, no alternates; the
    /// switcher leads to each language's home.
    pub(crate) fn not_found(&self, lang: &LangCode) -> PageView<'a> {
        let switcher = self.switcher(Some(lang), |_| None);
        PageView {
            kind: "not-found",
            title: "",
            description: String::new(),
            url: String::new(),
            permalink: String::new(),
            alternates: Vec::new(),
            x_default: String::new(),
            switcher,
            menu: Vec::new(),
            pagination: None,
        }
    }
}

impl<'a> LanguageView<'a> {
    /// The site title in this language.
    pub(crate) fn title(&self) -> &'a str {
        self.title
    }

    /// The site description in this language.
    pub(crate) fn description(&self) -> Option<&'a str> {
        self.description
    }
}

impl<'a> EventSummary<'a> {
    /// The event's name.
    pub(crate) fn name(&self) -> &'a str {
        self.name
    }
}

impl<'a> ReportSummary<'a> {
    /// The report's title.
    pub(crate) fn title(&self) -> &'a str {
        self.title
    }
}

impl<'a> TermLink<'a> {
    /// The term's name.
    pub(crate) fn name(&self) -> &'a str {
        self.name
    }
}

impl YearLink {
    /// The year.
    pub(crate) fn year(&self) -> i32 {
        self.year
    }
}

impl EventView<'_> {
    /// A one-line description for meta tags: name, date and place as far as known.
    pub(crate) fn description(&self) -> String {
        let mut parts = vec![self.name.to_owned()];
        parts.extend(self.date_long.clone());
        parts.extend(self.place.map(str::to_owned));
        parts.join(" · ")
    }
}
