//! The site's items as templates see them: events and reports, in lists and on their own
//! pages, and the terms and years that list them.

use super::{
    EventLink, EventSummary, EventView, ReportSummary, ReportView, TermLink, TermList, Views,
    YearLink,
};
use crate::model::lang::LangCode;
use crate::model::site::{EventIndex, ReportIndex};
use crate::pipeline::plan::{self, Item, Page, PageKind};
use crate::pipeline::render::i18n::Arg;

impl<'a> Views<'a> {
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
