//! Which pages exist: the root chooser, a home per language, an event page per event and
//! language it has reports in, a page per report, taxonomy indexes and term pages, the
//! archive and its years (each only in languages that have something to list), their
//! language groups, and each language's menu; and the "page not found" pages.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::model::config::{Config, XDefault};
use crate::model::lang::LangCode;
use crate::model::site::{ReportIndex, Site};
use crate::pipeline::plan::pages::{
    Alternate, Group, Item, ListPage, MenuEntry, NotFoundPage, Page, PageKind, Section,
};
use crate::pipeline::plan::terms::{self, Term, TermIndex, TermLookup};
use crate::pipeline::plan::urls::{
    archive_path, event_path, home_path, list_page_path, not_found_path, report_path,
    taxonomy_path, term_path, year_path,
};

/// The pages of a site and what planning them found on the way.
pub(super) struct Planned {
    pub(super) pages: Vec<Page>,
    pub(super) groups: Vec<Group>,
    pub(super) terms: Vec<Term>,
    pub(super) term_lookup: TermLookup,
    pub(super) menus: BTreeMap<LangCode, Vec<MenuEntry>>,
}

/// Plans the HTML pages of a site.
pub(super) fn pages(site: &Site) -> Planned {
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
    Planned {
        pages,
        groups,
        terms,
        term_lookup,
        menus,
    }
}

/// The "page not found" pages: the default language's at the root, then one per language.
pub(super) fn not_found_pages(config: &Config) -> Vec<NotFoundPage> {
    std::iter::once(NotFoundPage {
        lang: config.default_language,
        path: not_found_path(None),
    })
    .chain(config.languages.iter().map(|language| NotFoundPage {
        lang: language.code,
        path: not_found_path(Some(&language.code)),
    }))
    .collect()
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
