//! The plan: which pages, feeds and files the site has and where each goes, what each list
//! page lists, and which pages are language versions of each other (the hreflang groups).
//! Rendering follows the plan and decides nothing about what exists or where, so "no page
//! points at a page that does not exist" is settled here; `check` and `serve` ask the URL
//! scheme here too.
//!
//! - `urls`: the URL scheme: every page kind's path, the file a page is written to, and the
//!   paths of feeds, the sitemap, robots.txt and the "page not found" pages;
//! - `pages`: the planned page types; `planner`: which pages exist;
//! - `terms`: taxonomy terms across languages; `feeds`: which feeds exist and what they show.

mod feeds;
mod pages;
mod planner;
mod terms;
mod urls;

use std::collections::BTreeMap;

use crate::model::lang::LangCode;
use crate::model::site::Site;

pub use feeds::{Feed, FeedEntry};
pub use pages::{
    Alternate, Group, Item, ListPage, MenuEntry, NotFoundPage, Page, PageKind, Section,
};
use terms::TermLookup;
pub use terms::{Term, TermInLanguage, TermIndex};
pub use urls::{
    INDEX_FILE, NOT_FOUND_FILE, ROBOTS_PATH, SITEMAP_PATH, archive_path, event_path, feed_path,
    home_path, list_page_path, not_found_path, page_file, report_path, taxonomy_path, term_path,
    year_path,
};

/// Every page of the site and its language groups.
#[derive(Debug)]
pub struct Plan {
    /// Pages in a stable order: root, homes, events, reports, taxonomies, archives.
    pub pages: Vec<Page>,
    /// Language groups; a page names its group by index.
    pub groups: Vec<Group>,
    /// "Page not found" pages: the default language's at the root, then one per language.
    pub not_found: Vec<NotFoundPage>,
    /// Taxonomy terms that have pages.
    pub terms: Vec<Term>,
    /// The Atom feeds and what each shows.
    pub feeds: Vec<Feed>,
    /// The term of each form a report writes.
    term_lookup: TermLookup,
    /// Each language's sections, in menu order: its home, its taxonomies, its archive. Only
    /// sections with a page in that language are listed.
    pub menus: BTreeMap<LangCode, Vec<MenuEntry>>,
}

/// Plans the pages, feeds and files of a site.
pub fn plan(site: &Site) -> Plan {
    let planner::Planned {
        pages,
        groups,
        terms,
        term_lookup,
        menus,
    } = planner::pages(site);
    let feeds = feeds::select(site, &pages);
    Plan {
        not_found: planner::not_found_pages(&site.config),
        pages,
        groups,
        terms,
        term_lookup,
        menus,
        feeds,
    }
}

impl Plan {
    /// The term a report's `written` term of `taxonomy` belongs to.
    pub fn term_of(&self, taxonomy: usize, written: &str) -> Option<TermIndex> {
        self.term_lookup.find(&self.terms, taxonomy, written)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A plan with no pages, for tests elsewhere to fill.
    pub(crate) fn empty_plan() -> Plan {
        Plan {
            pages: Vec::new(),
            groups: Vec::new(),
            not_found: Vec::new(),
            terms: Vec::new(),
            term_lookup: TermLookup::default(),
            menus: BTreeMap::new(),
            feeds: Vec::new(),
        }
    }
    use crate::model::config::Config;
    use crate::model::site::{Event, EventFacts, Report, ReportFile, Source};
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    fn lang(code: &str) -> LangCode {
        LangCode::parse(code).unwrap()
    }

    fn report(slug: &str, code: &str, event: usize, key: &str) -> Report {
        let file = ReportFile {
            slug: slug.into(),
            lang: lang(code),
            title: slug.into(),
            event_id: String::new(),
            date: None,
            summary: None,
            source: Source::default(),
            terms: Default::default(),
            translation_key: key.into(),
            draft: false,
            body: String::new(),
            path: PathBuf::new(),
            digest: 0,
        };
        Report {
            event,
            file: Arc::new(file),
        }
    }

    fn site() -> Site {
        site_with("")
    }

    /// The test site, with extra `site.yaml` lines.
    fn site_with(extra: &str) -> Site {
        let config = Config::parse(
            Path::new("site.yaml"),
            &format!("base_url: https://x.org/\ntitle: T\nlanguages: [{{code: en}}, {{code: de}}, {{code: pl}}]\ntaxonomies: [sectors]\n{extra}"),
        )
        .unwrap();
        let event = |id: &str, reports: Vec<usize>| Event {
            facts: Arc::new(EventFacts {
                id: id.into(),
                date: None,
                place: None,
                names: Default::default(),
                path: None,
                digest: 0,
            }),
            reports,
        };
        Site {
            config,
            events: vec![event("a", vec![0, 1, 2]), event("b", vec![])],
            reports: vec![
                report("x", "en", 0, "k"),
                report("y", "de", 0, "k"),
                report("z", "en", 0, "z"),
            ],
        }
    }

    #[test]
    fn events_have_pages_only_in_their_languages() {
        let plan = plan(&site());
        let event_pages: Vec<&str> = plan
            .pages
            .iter()
            .filter(|page| matches!(page.kind, PageKind::Event(_)))
            .map(|page| page.path.as_str())
            .collect();
        assert_eq!(event_pages, ["en/events/a/", "de/events/a/"]);
    }

    #[test]
    fn translations_share_a_group_in_language_order() {
        let plan = plan(&site());
        let page = plan
            .pages
            .iter()
            .find(|page| page.path == "de/reports/y/")
            .unwrap();
        let members: Vec<&str> = plan.groups[page.group]
            .members
            .iter()
            .map(|m| m.path.as_str())
            .collect();
        assert_eq!(members, ["en/reports/x/", "de/reports/y/"]);
        let single = plan
            .pages
            .iter()
            .find(|page| page.path == "en/reports/z/")
            .unwrap();
        assert_eq!(plan.groups[single.group].members.len(), 1);
    }

    #[test]
    fn the_root_belongs_to_the_homes_group() {
        let plan = plan(&site());
        assert_eq!(plan.pages[0].kind, PageKind::Root);
        assert_eq!(plan.groups[plan.pages[0].group].members.len(), 3);
        assert_eq!(plan.pages[1].group, plan.pages[0].group);
    }

    fn paths_of(plan: &Plan, kind: PageKind) -> Vec<&str> {
        plan.pages
            .iter()
            .filter(|page| page.kind == kind)
            .map(|page| page.path.as_str())
            .collect()
    }

    #[test]
    fn lists_are_paginated_and_page_n_is_grouped_with_page_n() {
        let mut site = site_with("output: {page_size: 1}\n");
        site.events[1].reports = vec![3];
        site.reports.push(report("w", "en", 1, "w"));
        site.reports.push(report("v", "de", 1, "v"));
        site.events[1].reports.push(4);
        let plan = plan(&site);
        assert_eq!(
            paths_of(&plan, PageKind::Home),
            ["en/", "de/", "pl/", "en/page/2/", "de/page/2/"]
        );
        let second = plan
            .pages
            .iter()
            .find(|page| page.path == "de/page/2/")
            .unwrap();
        let list = second.list.as_ref().unwrap();
        assert_eq!((list.number, list.count), (2, 2));
        assert_eq!(list.items, [Item::Event(1)]);
        let members: Vec<&str> = plan.groups[second.group]
            .members
            .iter()
            .map(|member| member.path.as_str())
            .collect();
        assert_eq!(members, ["en/page/2/", "de/page/2/"]);
        // Polish has no events: one empty page, which is still its home.
        let polish = plan.pages.iter().find(|page| page.path == "pl/").unwrap();
        assert!(polish.list.as_ref().unwrap().items.is_empty());
    }

    #[test]
    fn a_term_is_shared_by_languages_through_its_slug_and_named_as_each_writes_it() {
        let mut site = site();
        let sectors = |terms: &[&str]| {
            BTreeMap::from([(
                "sectors".to_owned(),
                terms.iter().map(|term| (*term).to_owned()).collect(),
            )])
        };
        let mut file_terms = |report: usize, terms: &[&str]| {
            Arc::make_mut(&mut site.reports[report].file).terms = sectors(terms);
        };
        file_terms(0, &["Energy"]);
        file_terms(1, &["energy", "Wasserstoff"]);
        file_terms(2, &["energy"]);
        let plan = plan(&site);
        assert_eq!(plan.terms.len(), 2);
        let energy = plan.term_of(0, "ENERGY").unwrap();
        let term = &plan.terms[energy];
        assert_eq!(term.languages[&lang("de")].name, "energy");
        assert_eq!(term.languages[&lang("en")].reports.len(), 2);
        assert_eq!(
            paths_of(&plan, PageKind::Term(energy)),
            ["en/sectors/energy/", "de/sectors/energy/"]
        );
        assert_eq!(
            paths_of(&plan, PageKind::Taxonomy(0)),
            ["en/sectors/", "de/sectors/"]
        );
        let polish: Vec<Section> = plan.menus[&lang("pl")].iter().map(|e| e.section).collect();
        assert_eq!(polish, [Section::Latest], "no Polish report has a sector");
        assert_eq!(plan.menus[&lang("de")][1].section, Section::Taxonomy(0));
    }

    #[test]
    fn feeds_are_planned_for_all_languages_and_each_newest_first() {
        let mut site = site();
        Arc::make_mut(&mut site.reports[2].file).date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1);
        let plan = plan(&site);
        let feeds: Vec<(&str, Vec<&str>)> = plan
            .feeds
            .iter()
            .map(|feed| {
                let pages = feed
                    .entries
                    .iter()
                    .map(|entry| plan.pages[entry.page].path.as_str())
                    .collect();
                (feed.path.as_str(), pages)
            })
            .collect();
        assert_eq!(
            feeds,
            [
                (
                    "atom.xml",
                    vec!["en/reports/z/", "en/reports/x/", "de/reports/y/"]
                ),
                ("en/atom.xml", vec!["en/reports/z/", "en/reports/x/"]),
                ("de/atom.xml", vec!["de/reports/y/"]),
                ("pl/atom.xml", vec![]),
            ]
        );
    }

    #[test]
    fn the_fixed_segments_of_the_url_scheme_are_reserved_for_it() {
        let mut site = site_with("output: {page_size: 1}\n");
        site.events[1].reports = vec![3];
        site.reports.push(report("w", "en", 1, "w"));
        Arc::make_mut(&mut site.events[0].facts).date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1);
        let plan = plan(&site);
        let taxonomies = &site.config.taxonomies;
        for page in &plan.pages {
            let segment = page.path.split('/').nth(1).unwrap_or_default();
            assert!(
                segment.is_empty()
                    || crate::model::config::RESERVED_SECTIONS.contains(&segment)
                    || taxonomies.iter().any(|name| name == segment),
                "{}",
                page.path
            );
        }
        let kinds: Vec<&str> = plan
            .pages
            .iter()
            .filter_map(|page| page.path.split('/').nth(1))
            .collect();
        for reserved in crate::model::config::RESERVED_SECTIONS {
            assert!(kinds.contains(&reserved), "no page under `{reserved}`");
        }
    }

    #[test]
    fn every_page_and_file_has_its_place() {
        let plan = plan(&site());
        let files: Vec<String> = plan.pages.iter().take(3).map(Page::file).collect();
        assert_eq!(files, ["index.html", "en/index.html", "de/index.html"]);
        let not_found: Vec<&str> = plan
            .not_found
            .iter()
            .map(|page| page.path.as_str())
            .collect();
        assert_eq!(
            not_found,
            ["404.html", "en/404.html", "de/404.html", "pl/404.html"]
        );
        assert_eq!((SITEMAP_PATH, ROBOTS_PATH), ("sitemap.xml", "robots.txt"));
    }

    #[test]
    fn x_default_can_point_at_a_language_version() {
        let plan = plan(&site_with("x_default: de\n"));
        let page = plan
            .pages
            .iter()
            .find(|page| page.path == "en/events/a/")
            .unwrap();
        assert_eq!(plan.groups[page.group].x_default, "de/events/a/");
        let single = plan
            .pages
            .iter()
            .find(|page| page.path == "en/reports/z/")
            .unwrap();
        assert_eq!(
            plan.groups[single.group].x_default, "",
            "no German version: the root"
        );
    }
}
