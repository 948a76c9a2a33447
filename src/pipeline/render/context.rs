//! What templates see: small views of the site model for one page, borrowing from the
//! model rather than copying it, and nothing of other pages. The fields are documented for
//! theme authors in docs/templates.md.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::config::LanguageConfig;
use crate::model::lang::LangCode;
use crate::model::site::{EventIndex, ReportIndex, Site, Source};
use crate::pipeline::plan::{self, Item, ListPage, Page, PageKind, Plan, Section};
use crate::pipeline::render::dates::DateFormats;
use crate::pipeline::render::i18n::{Arg, Strings};

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

    /// A list page's title: its name, and on pages after the first where it is in the list.
    pub(crate) fn list_title(&self, page: &Page, lang: &LangCode, name: &str) -> String {
        match &page.list {
            Some(list) if list.number > 1 => {
                let status = self.text(
                    lang,
                    "pagination-status",
                    &[
                        ("page", Arg::Number(list.number as f64)),
                        ("pages", Arg::Number(list.count as f64)),
                    ],
                );
                format!("{name} · {status}")
            }
            _ => name.to_owned(),
        }
    }

    /// The events a list page lists, as cards.
    pub(crate) fn listed_events(&self, page: &Page, lang: &LangCode) -> Vec<EventSummary<'a>> {
        Self::listed(page, |item| match item {
            Item::Event(event) => Some(self.event_summary(*event, lang)),
            _ => None,
        })
    }

    /// The reports a list page lists.
    pub(crate) fn listed_reports(&self, page: &Page, lang: &LangCode) -> Vec<ReportSummary<'a>> {
        Self::listed(page, |item| match item {
            Item::Report(report) => Some(self.report_summary(*report, lang)),
            _ => None,
        })
    }

    /// The terms a taxonomy page lists.
    pub(crate) fn listed_terms(&self, page: &Page, lang: &LangCode) -> Vec<TermLink<'a>> {
        Self::listed(page, |item| match item {
            Item::Term(term) => Some(self.term_link(*term, lang)),
            _ => None,
        })
    }

    /// The years an archive page lists.
    pub(crate) fn listed_years(&self, page: &Page, lang: &LangCode) -> Vec<YearLink> {
        Self::listed(page, |item| match item {
            Item::Year { year, events } => Some(YearLink {
                year: *year,
                url: self.url(&plan::year_path(lang, *year)),
                event_count: *events,
            }),
            _ => None,
        })
    }

    /// The views of a list page's items of one kind (`view` picks and makes them).
    fn listed<T>(page: &Page, view: impl FnMut(&Item) -> Option<T>) -> Vec<T> {
        page.list
            .iter()
            .flat_map(|list| list.items.iter())
            .filter_map(view)
            .collect()
    }

    /// A term as seen from a page in `lang`: its name there and its page, if it has one.
    pub(crate) fn term_link(&self, term: usize, lang: &LangCode) -> TermLink<'a> {
        let model = &self.plan.terms[term];
        let used = model.languages.get(lang);
        TermLink {
            name: used
                .or_else(|| model.languages.values().next())
                .map_or(model.slug.as_str(), |used| used.name.as_str()),
            url: used.map(|_| self.url(&plan::term_path(self.site, model, lang))),
            report_count: used.map_or(0, |used| used.reports.len()),
        }
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

    /// An event in a list on a page in `lang`.
    fn event_summary(&self, event: EventIndex, lang: &LangCode) -> EventSummary<'a> {
        let model = &self.site.events[event];
        EventSummary {
            name: self.site.event_name(event, lang),
            url: self.url(&plan::event_path(self.site, event, lang)),
            date: Self::iso(model.date),
            date_long: self.long(lang, model.date),
            place: model.place.as_deref(),
            report_count: model.reports.len(),
            languages: self
                .site
                .event_languages(event)
                .into_iter()
                .map(LangCode::as_str)
                .collect(),
        }
    }

    /// The `event` view of an event page in `lang`.
    pub(crate) fn event(&self, event: EventIndex, lang: &LangCode) -> EventView<'a> {
        let model = &self.site.events[event];
        let (reports, other_reports): (Vec<_>, Vec<_>) = model
            .reports
            .iter()
            .map(|&report| self.report_summary(report, lang))
            .partition(|summary| summary.lang == lang.as_str());
        EventView {
            name: self.site.event_name(event, lang),
            date: Self::iso(model.date),
            date_long: self.long(lang, model.date),
            place: model.place.as_deref(),
            reports,
            other_reports,
        }
    }

    /// A report in a list shown on a page in `page_lang` (dates in the reader's language).
    fn report_summary(&self, report: ReportIndex, page_lang: &LangCode) -> ReportSummary<'a> {
        let model = &self.site.reports[report];
        ReportSummary {
            title: &model.title,
            url: self.url(&plan::report_path(self.site, report)),
            lang: model.lang.as_str(),
            lang_name: &self.language_config(&model.lang).name,
            date: Self::iso(model.date),
            date_long: self.long(page_lang, model.date),
            summary: model.summary.as_deref(),
        }
    }

    /// The `report` view of a report page, with its body as HTML.
    pub(crate) fn report(
        &self,
        report: ReportIndex,
        page: &Page,
        content: String,
    ) -> ReportView<'a> {
        let model = &self.site.reports[report];
        let lang = &model.lang;
        let event = &self.site.events[model.event];
        let translations = self.plan.groups[page.group]
            .members
            .iter()
            .filter_map(|member| match member.kind {
                PageKind::Report(other) if other != report => {
                    Some(self.report_summary(other, lang))
                }
                _ => None,
            })
            .collect();
        ReportView {
            title: &model.title,
            date: Self::iso(model.date),
            date_long: self.long(lang, model.date),
            summary: model.summary.as_deref(),
            content,
            source: &model.source,
            event: EventLink {
                name: self.site.event_name(model.event, lang),
                url: self.url(&plan::event_path(self.site, model.event, lang)),
                date: Self::iso(event.date),
                date_long: self.long(lang, event.date),
                place: event.place.as_deref(),
            },
            terms: self.term_lists(report),
            translations,
        }
    }
}

impl<'a> Views<'a> {
    /// A report's terms, per configured taxonomy, linked to their pages.
    fn term_lists(&self, report: ReportIndex) -> Vec<TermList<'a>> {
        let model = &self.site.reports[report];
        self.site
            .config
            .taxonomies
            .iter()
            .enumerate()
            .filter_map(|(taxonomy, name)| {
                let terms: Vec<TermLink<'a>> = model
                    .terms
                    .get(name)?
                    .iter()
                    .filter_map(|written| self.plan.term_of(taxonomy, written))
                    .map(|term| self.term_link(term, &model.lang))
                    .collect();
                (!terms.is_empty()).then_some(TermList {
                    taxonomy: name,
                    terms,
                })
            })
            .collect()
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
