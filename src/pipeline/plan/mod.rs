//! The plan: which pages the site has, at which URL, what each list page lists, and which
//! pages are language versions of each other (the hreflang groups). Rendering follows the
//! plan and decides nothing about what exists, so "no page points at a page that does not
//! exist" is settled here.

mod terms;

use std::cmp::Reverse;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::model::config::XDefault;
use crate::model::lang::LangCode;
use crate::model::site::{EventIndex, ReportIndex, Site};

use terms::TermLookup;
pub use terms::{Term, TermInLanguage, TermIndex};

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
    /// The term of each form a report writes.
    term_lookup: TermLookup,
    /// Each language's sections, in menu order: its home, its taxonomies, its archive. Only
    /// sections with a page in that language are listed.
    pub menus: BTreeMap<LangCode, Vec<MenuEntry>>,
}

/// A page a static host serves for any URL it has no file for. It is no language version
/// of anything: it has no group, no canonical URL, and is not in the sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFoundPage {
    /// Its language.
    pub lang: LangCode,
    /// Its file below the site root (`404.html`, `de/404.html`).
    pub path: String,
}

/// One HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// What the page shows.
    pub kind: PageKind,
    /// Its language; `None` for the language chooser at the root.
    pub lang: Option<LangCode>,
    /// Its path below the site root, ending in `/` (empty for the root).
    pub path: String,
    /// Its language group in [`Plan::groups`].
    pub group: usize,
    /// For a page of a list (home, taxonomy, term, archive, year): what it lists.
    pub list: Option<ListPage>,
}

/// What a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `/`: lets a reader pick a language; the `x-default` of every group.
    Root,
    /// `/<lang>/`: the events covered in this language, newest first.
    Home,
    /// `/<lang>/events/<id>/`: one event, as covered in this language.
    Event(EventIndex),
    /// `/<lang>/reports/<slug>/`: one report.
    Report(ReportIndex),
    /// `/<lang>/<taxonomy>/`: the taxonomy's terms used in this language (index into
    /// `config.taxonomies`).
    Taxonomy(usize),
    /// `/<lang>/<taxonomy>/<term>/`: the reports in this language filed under a term.
    Term(TermIndex),
    /// `/<lang>/archive/`: the years with events covered in this language.
    Archive,
    /// `/<lang>/archive/<year>/`: the events of one year covered in this language.
    Year(i32),
}

/// One page of a list, and where it is in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPage {
    /// What this page lists.
    pub items: Vec<Item>,
    /// Its number, from 1.
    pub number: usize,
    /// How many pages the list has.
    pub count: usize,
    /// The path of the list's first page; page `n` is at [`list_page_path`].
    pub first_path: String,
}

/// An entry of a list page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// An event with a page in the list's language.
    Event(EventIndex),
    /// A report.
    Report(ReportIndex),
    /// A term with reports in the list's language.
    Term(TermIndex),
    /// A year and how many events it has in the list's language.
    Year {
        /// The year.
        year: i32,
        /// Its events in the list's language.
        events: usize,
    },
}

/// A section in a language's menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuEntry {
    /// Which section.
    pub section: Section,
    /// The path of its first page.
    pub path: String,
}

/// The sections a language can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The home: latest events.
    Latest,
    /// A taxonomy's index (index into `config.taxonomies`).
    Taxonomy(usize),
    /// The archive by year.
    Archive,
}

/// Pages that are language versions of one another. Every member lists every member,
/// itself included, plus `x-default`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The members, in configured language order.
    pub members: Vec<Alternate>,
    /// The path of the `x-default` page.
    pub x_default: String,
}

/// One language version in a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate {
    /// Its language.
    pub lang: LangCode,
    /// Its path below the site root.
    pub path: String,
    /// What that version shows, so a page can describe its other versions.
    pub kind: PageKind,
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

/// Plans the pages of a site.
pub fn plan(site: &Site) -> Plan {
    // The pages before the taxonomies' do not need the terms: both are made at once (at
    // 90,000 reports each takes a tenth of a second, otherwise on one core alone).
    let ((terms, term_lookup), (pages, groups)) = rayon::join(
        || terms::collect(site),
        || {
            let mut planner = Planner {
                site,
                terms: &[],
                pages: Vec::new(),
                groups: Vec::new(),
            };
            planner.root_and_homes();
            planner.events();
            planner.reports();
            (planner.pages, planner.groups)
        },
    );
    let mut planner = Planner {
        site,
        terms: &terms,
        pages,
        groups,
    };
    planner.taxonomies();
    planner.archives();
    let menus = menus(site, &planner.pages);
    let Planner { pages, groups, .. } = planner;
    let config = &site.config;
    let not_found = std::iter::once(NotFoundPage {
        lang: config.default_language,
        path: "404.html".to_owned(),
    })
    .chain(config.languages.iter().map(|language| NotFoundPage {
        lang: language.code,
        path: format!("{}/404.html", language.code),
    }))
    .collect();
    Plan {
        pages,
        groups,
        not_found,
        terms,
        term_lookup,
        menus,
    }
}

impl Plan {
    /// The term a report's `written` term of `taxonomy` belongs to.
    pub fn term_of(&self, taxonomy: usize, written: &str) -> Option<TermIndex> {
        self.term_lookup.find(&self.terms, taxonomy, written)
    }
}

/// Each language's menu, from the list pages that exist in it.
fn menus(site: &Site, pages: &[Page]) -> BTreeMap<LangCode, Vec<MenuEntry>> {
    let mut menus: BTreeMap<LangCode, Vec<MenuEntry>> = BTreeMap::new();
    for page in pages {
        let section = match page.kind {
            PageKind::Home => Section::Latest,
            PageKind::Taxonomy(taxonomy) => Section::Taxonomy(taxonomy),
            PageKind::Archive => Section::Archive,
            _ => continue,
        };
        let (Some(lang), Some(list)) = (&page.lang, &page.list) else {
            continue;
        };
        if list.number == 1 {
            menus.entry(*lang).or_default().push(MenuEntry {
                section,
                path: page.path.clone(),
            });
        }
    }
    for language in &site.config.languages {
        menus.entry(language.code).or_default();
    }
    menus
}

struct Planner<'a> {
    site: &'a Site,
    terms: &'a [Term],
    pages: Vec<Page>,
    groups: Vec<Group>,
}

impl Planner<'_> {
    fn add_group(&mut self, mut members: Vec<Alternate>) -> usize {
        members.sort_by_key(|member| self.site.config.language_rank(&member.lang));
        let x_default = match &self.site.config.x_default {
            XDefault::Root => String::new(),
            XDefault::Language(lang) => members
                .iter()
                .find(|member| &member.lang == lang)
                .map(|member| member.path.clone())
                .unwrap_or_default(),
        };
        self.groups.push(Group { members, x_default });
        self.groups.len() - 1
    }

    /// Adds single pages that are language versions of each other, as one group.
    fn add_versions(&mut self, kind: PageKind, versions: Vec<(LangCode, String)>) {
        let members = versions
            .iter()
            .map(|(lang, path)| Alternate {
                lang: *lang,
                path: path.clone(),
                kind,
            })
            .collect();
        let group = self.add_group(members);
        for (lang, path) in versions {
            self.pages.push(Page {
                kind,
                lang: Some(lang),
                path,
                group,
                list: None,
            });
        }
    }

    /// Adds a list in several languages, paginated. Page `n` of each language's list is a
    /// version of page `n` in the others; returns the group of the first pages.
    fn add_list(
        &mut self,
        kind: PageKind,
        lists: Vec<(LangCode, String, Vec<Item>)>,
    ) -> Option<usize> {
        let page_size = self.site.config.output.page_size;
        let paged: Vec<(LangCode, String, Vec<Vec<Item>>)> = lists
            .into_iter()
            .map(|(lang, first_path, items)| {
                let mut chunks: Vec<Vec<Item>> =
                    items.chunks(page_size).map(<[Item]>::to_vec).collect();
                if chunks.is_empty() {
                    chunks.push(Vec::new());
                }
                (lang, first_path, chunks)
            })
            .collect();
        let most_pages = paged.iter().map(|(_, _, chunks)| chunks.len()).max()?;
        let mut first_group = None;
        for number in 1..=most_pages {
            let in_list: Vec<&(LangCode, String, Vec<Vec<Item>>)> = paged
                .iter()
                .filter(|(_, _, chunks)| chunks.len() >= number)
                .collect();
            let members = in_list
                .iter()
                .map(|(lang, first_path, _)| Alternate {
                    lang: *lang,
                    path: list_page_path(first_path, number),
                    kind,
                })
                .collect();
            let group = self.add_group(members);
            first_group.get_or_insert(group);
            for (lang, first_path, chunks) in in_list {
                self.pages.push(Page {
                    kind,
                    lang: Some(*lang),
                    path: list_page_path(first_path, number),
                    group,
                    list: Some(ListPage {
                        items: chunks[number - 1].clone(),
                        number,
                        count: chunks.len(),
                        first_path: first_path.clone(),
                    }),
                });
            }
        }
        first_group
    }

    fn languages(&self) -> Vec<LangCode> {
        self.site
            .config
            .languages
            .iter()
            .map(|language| language.code)
            .collect()
    }

    /// The root chooser and the homes' first pages form one group; the root is its
    /// `x-default`. Every language has a home, even before it has events.
    fn root_and_homes(&mut self) {
        let root_at = self.pages.len();
        self.pages.push(Page {
            kind: PageKind::Root,
            lang: None,
            path: String::new(),
            group: 0,
            list: None,
        });
        let lists = self
            .languages()
            .into_iter()
            .map(|lang| {
                let events = (0..self.site.events.len())
                    .filter(|&event| self.site.reports_in(event, &lang).next().is_some())
                    .map(Item::Event)
                    .collect();
                (lang, home_path(&lang), events)
            })
            .collect();
        if let Some(group) = self.add_list(PageKind::Home, lists) {
            self.pages[root_at].group = group;
        }
    }

    /// One page per event and language it has a report in.
    fn events(&mut self) {
        for event in 0..self.site.events.len() {
            let versions: Vec<(LangCode, String)> = self
                .site
                .event_languages(event)
                .into_iter()
                .map(|lang| (*lang, event_path(self.site, event, lang)))
                .collect();
            if !versions.is_empty() {
                self.add_versions(PageKind::Event(event), versions);
            }
        }
    }

    /// One page per report; translations (same `translation_key`) share a group.
    fn reports(&mut self) {
        // Translations in the order their first report comes (groups are known by index).
        let mut slot_of_key: FxHashMap<&str, usize> = FxHashMap::default();
        let mut translations: Vec<Vec<ReportIndex>> = Vec::new();
        for (index, report) in self.site.reports.iter().enumerate() {
            let slot = *slot_of_key
                .entry(report.translation_key.as_str())
                .or_insert_with(|| {
                    translations.push(Vec::new());
                    translations.len() - 1
                });
            translations[slot].push(index);
        }
        let paths: Vec<String> = (0..self.site.reports.len())
            .map(|report| report_path(self.site, report))
            .collect();
        let mut group_of = vec![0; self.site.reports.len()];
        for members in &translations {
            let alternates = members
                .iter()
                .map(|&report| Alternate {
                    lang: self.site.reports[report].lang,
                    path: paths[report].clone(),
                    kind: PageKind::Report(report),
                })
                .collect();
            let group = self.add_group(alternates);
            for &report in members {
                group_of[report] = group;
            }
        }
        for ((report, group), path) in group_of.into_iter().enumerate().zip(paths) {
            self.pages.push(Page {
                kind: PageKind::Report(report),
                lang: Some(self.site.reports[report].lang),
                path,
                group,
                list: None,
            });
        }
    }

    /// Per taxonomy, an index of its terms in each language that uses any, and a page per
    /// term and language.
    fn taxonomies(&mut self) {
        let terms = self.terms;
        for taxonomy in 0..self.site.config.taxonomies.len() {
            let in_taxonomy: Vec<TermIndex> = (0..terms.len())
                .filter(|&term| terms[term].taxonomy == taxonomy)
                .collect();
            let lists = self
                .languages()
                .into_iter()
                .filter_map(|lang| {
                    let mut used: Vec<TermIndex> = in_taxonomy
                        .iter()
                        .copied()
                        .filter(|&term| terms[term].languages.contains_key(&lang))
                        .collect();
                    if used.is_empty() {
                        return None;
                    }
                    used.sort_by_cached_key(|&term| {
                        terms[term].languages[&lang].name.to_lowercase()
                    });
                    let path = taxonomy_path(self.site, taxonomy, &lang);
                    Some((lang, path, used.into_iter().map(Item::Term).collect()))
                })
                .collect();
            self.add_list(PageKind::Taxonomy(taxonomy), lists);
            for &term in &in_taxonomy {
                let lists = self.term_lists(&terms[term]);
                self.add_list(PageKind::Term(term), lists);
            }
        }
    }

    fn term_lists(&self, term: &Term) -> Vec<(LangCode, String, Vec<Item>)> {
        let mut lists: Vec<(LangCode, String, Vec<Item>)> = term
            .languages
            .iter()
            .filter(|(lang, _)| self.site.config.language(lang).is_some())
            .map(|(lang, used)| {
                let items = used.reports.iter().copied().map(Item::Report).collect();
                (*lang, term_path(self.site, term, lang), items)
            })
            .collect();
        lists.sort_by_key(|(lang, _, _)| self.site.config.language_rank(lang));
        lists
    }

    /// Per language with dated events: an archive of years, and a page per year.
    fn archives(&mut self) {
        let mut years: BTreeMap<Reverse<i32>, Vec<(LangCode, Vec<Item>)>> = BTreeMap::new();
        let mut indexes = Vec::new();
        for lang in self.languages() {
            let mut by_year: BTreeMap<Reverse<i32>, Vec<Item>> = BTreeMap::new();
            for event in 0..self.site.events.len() {
                let Some(date) = self.site.events[event].date else {
                    continue;
                };
                if self.site.reports_in(event, &lang).next().is_some() {
                    let year = chrono::Datelike::year(&date);
                    by_year
                        .entry(Reverse(year))
                        .or_default()
                        .push(Item::Event(event));
                }
            }
            if by_year.is_empty() {
                continue;
            }
            let index = by_year
                .iter()
                .map(|(Reverse(year), events)| Item::Year {
                    year: *year,
                    events: events.len(),
                })
                .collect();
            indexes.push((lang, archive_path(&lang), index));
            for (year, events) in by_year {
                years.entry(year).or_default().push((lang, events));
            }
        }
        self.add_list(PageKind::Archive, indexes);
        for (Reverse(year), lists) in years {
            let lists = lists
                .into_iter()
                .map(|(lang, events)| {
                    let path = year_path(&lang, year);
                    (lang, path, events)
                })
                .collect();
            self.add_list(PageKind::Year(year), lists);
        }
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
