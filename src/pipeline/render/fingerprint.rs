//! What a page is made from, as one number. A page's bytes are a function of the theme and
//! configuration (the cache's environment), its place in the plan (path, language versions,
//! menu, pagination) and the parts of the model its views show; its fingerprint hashes
//! exactly those, so a rebuild renders only the pages whose fingerprint moved and computing
//! all 20,000 fingerprints takes milliseconds, without building a single template context.
//!
//! Each key below hashes what one view of `context` shows of a model entity: keep them in
//! step with the views (`tests/it/incremental.rs` compares cached and fresh builds after
//! random edits, and fails when a key misses something a page shows).

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::FxHasher;

use crate::model::lang::LangCode;
use crate::model::site::Site;
use crate::pipeline::plan::{FeedEntry, Item, Page, PageKind, Plan};

/// The keys of every model entity a page can show, computed once per build.
pub(crate) struct Keys<'a> {
    site: &'a Site,
    plan: &'a Plan,
    /// A report as lists show it: title, URL, language, date, summary.
    report_summaries: Vec<u64>,
    /// An event's own facts: id (its URLs), names, date, place.
    events: Vec<u64>,
    /// An event as lists show it: its facts, how many reports it has and in which languages.
    event_summaries: Vec<u64>,
    /// A term: its slug and, per language, its name and how many reports use it.
    terms: Vec<u64>,
    /// A language group: its members' languages and paths, and `x-default`.
    groups: Vec<u64>,
    /// A language's menu.
    menus: BTreeMap<LangCode, u64>,
}

impl<'a> Keys<'a> {
    pub(crate) fn new(site: &'a Site, plan: &'a Plan) -> Keys<'a> {
        let report_summaries = site
            .reports
            .iter()
            .map(|report| {
                hash_of(&(
                    &report.title,
                    &report.lang,
                    &report.slug,
                    report.date,
                    &report.summary,
                ))
            })
            .collect();
        let events: Vec<u64> = site
            .events
            .iter()
            .map(|event| hash_of(&event.digest))
            .collect();
        let event_summaries = site
            .events
            .iter()
            .zip(&events)
            .map(|(event, facts)| {
                let languages: Vec<_> = event
                    .reports
                    .iter()
                    .map(|&report| &site.reports[report].lang)
                    .collect();
                hash_of(&(facts, languages))
            })
            .collect();
        let terms = plan
            .terms
            .iter()
            .map(|term| {
                let uses: Vec<_> = term
                    .languages
                    .iter()
                    .map(|(lang, used)| (lang, &used.name, used.reports.len()))
                    .collect();
                hash_of(&(term.taxonomy, &term.slug, uses))
            })
            .collect();
        let groups = plan
            .groups
            .par_iter()
            .map(|group| {
                let members: Vec<_> = group
                    .members
                    .iter()
                    .map(|member| (&member.lang, &member.path))
                    .collect();
                hash_of(&(members, &group.x_default))
            })
            .collect();
        let menus = plan
            .menus
            .iter()
            .map(|(lang, menu)| {
                let paths: Vec<&str> = menu.iter().map(|entry| entry.path.as_str()).collect();
                (*lang, hash_of(&paths))
            })
            .collect();
        Keys {
            site,
            plan,
            report_summaries,
            events,
            event_summaries,
            terms,
            groups,
            menus,
        }
    }

    /// The fingerprint of a page.
    pub(crate) fn page(&self, page: &Page) -> u64 {
        let mut hasher = FxHasher::default();
        self.place(page, &mut hasher);
        let site = self.site;
        match page.kind {
            PageKind::Root | PageKind::Home | PageKind::Taxonomy(_) | PageKind::Year(_) => {}
            PageKind::Event(event) => {
                self.events[event].hash(&mut hasher);
                for &report in &site.events[event].reports {
                    self.report_summaries[report].hash(&mut hasher);
                }
            }
            PageKind::Report(report) => self.report(report, page, &mut hasher),
            PageKind::Term(term) => self.terms[term].hash(&mut hasher),
            PageKind::Archive => {
                if let Some(lang) = &page.lang {
                    site.undated_events(lang).hash(&mut hasher);
                }
            }
        }
        for item in page.list.iter().flat_map(|list| &list.items) {
            match *item {
                Item::Event(event) => self.event_summaries[event].hash(&mut hasher),
                Item::Report(report) => self.report_summaries[report].hash(&mut hasher),
                Item::Term(term) => self.terms[term].hash(&mut hasher),
                Item::Year { year, events } => (year, events).hash(&mut hasher),
            }
        }
        hasher.finish()
    }

    /// Where the page is: its kind and language, its language versions, its menu and its
    /// place in its list (its path is the cache's key, and the rest of its URLs follow from
    /// it). Model entities are hashed by key, never by index: indices move when a report is
    /// added before them.
    fn place(&self, page: &Page, hasher: &mut FxHasher) {
        std::mem::discriminant(&page.kind).hash(hasher);
        if let PageKind::Year(year) = page.kind {
            year.hash(hasher);
        }
        (&page.lang, self.groups[page.group]).hash(hasher);
        if let Some(lang) = &page.lang {
            self.menus.get(lang).hash(hasher);
        }
        if let Some(list) = &page.list {
            (list.number, list.count).hash(hasher);
        }
    }

    /// The fingerprint of a feed: its entries, each shown whole, with the date it is
    /// listed under (its event's, when it has none of its own).
    pub(crate) fn feed(&self, entries: &[FeedEntry]) -> u64 {
        let mut hasher = FxHasher::default();
        for entry in entries {
            (self.site.reports[entry.report].digest, entry.updated).hash(&mut hasher);
        }
        hasher.finish()
    }

    /// The fingerprint of the sitemap: every page's path and language versions.
    pub(crate) fn sitemap(&self) -> u64 {
        let mut hasher = FxHasher::default();
        for page in &self.plan.pages {
            (&page.path, self.groups[page.group]).hash(&mut hasher);
        }
        hasher.finish()
    }

    /// A report page shows all of the report, its event's facts, its terms and its
    /// translations as lists show them.
    fn report(&self, report: usize, page: &Page, hasher: &mut FxHasher) {
        let model = &self.site.reports[report];
        model.digest.hash(hasher);
        self.events[model.event].hash(hasher);
        for (taxonomy, name) in self.site.config.taxonomies.iter().enumerate() {
            for written in model.terms.get(name).into_iter().flatten() {
                if let Some(term) = self.plan.term_of(taxonomy, written) {
                    self.terms[term].hash(hasher);
                }
            }
        }
        for member in &self.plan.groups[page.group].members {
            if let PageKind::Report(other) = member.kind {
                self.report_summaries[other].hash(hasher);
            }
        }
    }
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}
