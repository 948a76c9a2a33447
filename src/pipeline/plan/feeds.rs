//! Which Atom feeds the site has and what each shows: one of all languages (at
//! [`feed_path`]`(None)`) and one per language, each the newest reports first (undated
//! last), at most `output.feed_entries` of them: readers poll feeds, and a feed of every
//! report ever written grows without bound. `render` writes them.

use chrono::NaiveDate;

use crate::model::lang::LangCode;
use crate::model::site::{ReportIndex, Site};
use crate::pipeline::plan::pages::{Page, PageKind};
use crate::pipeline::plan::urls::feed_path;

/// A report in a feed: its page, and the date it is listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedEntry {
    /// The report.
    pub report: ReportIndex,
    /// Its page, in [`Plan::pages`](super::Plan::pages).
    pub page: usize,
    /// Its date, else its event's.
    pub updated: Option<NaiveDate>,
}

/// One feed and the reports it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// Its language; `None` for the feed of all languages.
    pub lang: Option<LangCode>,
    /// Its file below the site root.
    pub path: String,
    /// Its entries, newest first.
    pub entries: Vec<FeedEntry>,
}

/// Every feed of the site, with the entries it shows.
pub(super) fn select(site: &Site, pages: &[Page]) -> Vec<Feed> {
    let mut entries: Vec<FeedEntry> = pages
        .iter()
        .enumerate()
        .filter_map(|(page, planned)| match planned.kind {
            PageKind::Report(report) => Some(FeedEntry {
                report,
                page,
                updated: site.reports[report]
                    .date
                    .or(site.events[site.reports[report].event].date),
            }),
            _ => None,
        })
        .collect();
    // Newest first; undated last; then in plan order, so the bytes never vary.
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.updated.map(|date| (1, date))));
    let limit = site.config.output.feed_entries;
    let mut feeds = vec![Feed {
        lang: None,
        path: feed_path(None),
        entries: entries.iter().take(limit).copied().collect(),
    }];
    for language in &site.config.languages {
        let own = entries
            .iter()
            .filter(|entry| site.reports[entry.report].lang == language.code)
            .take(limit)
            .copied()
            .collect();
        feeds.push(Feed {
            lang: Some(language.code),
            path: feed_path(Some(&language.code)),
            entries: own,
        });
    }
    feeds
}
