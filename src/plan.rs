//! The plan: which pages the site has, at which URL, and which pages are language versions
//! of each other (the hreflang groups). Rendering follows the plan and decides nothing about
//! what exists, so "no page points at a page that does not exist" is settled here.

use std::collections::BTreeMap;

use crate::lang::LangCode;
use crate::site::{EventIndex, ReportIndex, Site};

/// Every page of the site and its language groups.
#[derive(Debug)]
pub struct Plan {
    /// Pages in a stable order: root, then per language home, event and report pages.
    pub pages: Vec<Page>,
    /// Language groups; a page names its group by index.
    pub groups: Vec<Group>,
    /// "Page not found" pages: the default language's at the root, then one per language.
    pub not_found: Vec<NotFoundPage>,
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
    format!("{lang}/")
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
    format!("{lang}/events/{}/", site.events[event].id)
}

/// The path of a report page.
pub fn report_path(site: &Site, report: ReportIndex) -> String {
    let report = &site.reports[report];
    format!("{}/reports/{}/", report.lang, report.slug)
}

/// Plans the pages of a site.
pub fn plan(site: &Site) -> Plan {
    let mut planner = Planner {
        site,
        pages: Vec::new(),
        groups: Vec::new(),
    };
    planner.root_and_homes();
    planner.events();
    planner.reports();
    let config = &site.config;
    let not_found = std::iter::once(NotFoundPage {
        lang: config.default_language.clone(),
        path: "404.html".to_owned(),
    })
    .chain(config.languages.iter().map(|language| NotFoundPage {
        lang: language.code.clone(),
        path: format!("{}/404.html", language.code),
    }))
    .collect();
    Plan {
        pages: planner.pages,
        groups: planner.groups,
        not_found,
    }
}

struct Planner<'a> {
    site: &'a Site,
    pages: Vec<Page>,
    groups: Vec<Group>,
}

impl Planner<'_> {
    fn add_group(&mut self, mut members: Vec<Alternate>) -> usize {
        members.sort_by_key(|member| self.site.config.language_rank(&member.lang));
        self.groups.push(Group {
            members,
            x_default: String::new(),
        });
        self.groups.len() - 1
    }

    /// The root chooser and the homes form one group; the root is its `x-default`.
    fn root_and_homes(&mut self) {
        let languages: Vec<LangCode> = self
            .site
            .config
            .languages
            .iter()
            .map(|l| l.code.clone())
            .collect();
        let members = languages
            .iter()
            .map(|lang| Alternate {
                lang: lang.clone(),
                path: home_path(lang),
                kind: PageKind::Home,
            })
            .collect();
        let group = self.add_group(members);
        self.pages.push(Page {
            kind: PageKind::Root,
            lang: None,
            path: String::new(),
            group,
        });
        for lang in languages {
            self.pages.push(Page {
                kind: PageKind::Home,
                path: home_path(&lang),
                lang: Some(lang),
                group,
            });
        }
    }

    /// One page per event and language it has a report in.
    fn events(&mut self) {
        for event in 0..self.site.events.len() {
            let languages: Vec<LangCode> = self
                .site
                .event_languages(event)
                .into_iter()
                .cloned()
                .collect();
            if languages.is_empty() {
                continue;
            }
            let members = languages
                .iter()
                .map(|lang| Alternate {
                    lang: lang.clone(),
                    path: event_path(self.site, event, lang),
                    kind: PageKind::Event(event),
                })
                .collect();
            let group = self.add_group(members);
            for lang in languages {
                self.pages.push(Page {
                    kind: PageKind::Event(event),
                    path: event_path(self.site, event, &lang),
                    lang: Some(lang),
                    group,
                });
            }
        }
    }

    /// One page per report; translations (same `translation_key`) share a group.
    fn reports(&mut self) {
        let mut by_key: BTreeMap<&str, Vec<ReportIndex>> = BTreeMap::new();
        for (index, report) in self.site.reports.iter().enumerate() {
            by_key
                .entry(report.translation_key.as_str())
                .or_default()
                .push(index);
        }
        let mut group_of = vec![0; self.site.reports.len()];
        for members in by_key.values() {
            let alternates = members
                .iter()
                .map(|&report| Alternate {
                    lang: self.site.reports[report].lang.clone(),
                    path: report_path(self.site, report),
                    kind: PageKind::Report(report),
                })
                .collect();
            let group = self.add_group(alternates);
            for &report in members {
                group_of[report] = group;
            }
        }
        for (report, group) in group_of.into_iter().enumerate() {
            self.pages.push(Page {
                kind: PageKind::Report(report),
                lang: Some(self.site.reports[report].lang.clone()),
                path: report_path(self.site, report),
                group,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::site::{Event, Report, Source};
    use std::path::{Path, PathBuf};

    fn lang(code: &str) -> LangCode {
        LangCode::parse(code).unwrap()
    }

    fn report(slug: &str, code: &str, event: usize, key: &str) -> Report {
        Report {
            slug: slug.into(),
            lang: lang(code),
            title: slug.into(),
            event,
            date: None,
            summary: None,
            source: Source::default(),
            terms: Default::default(),
            translation_key: key.into(),
            draft: false,
            body: String::new(),
            path: PathBuf::new(),
        }
    }

    fn site() -> Site {
        let config = Config::parse(
            Path::new("site.yaml"),
            "base_url: https://x.org/\ntitle: T\nlanguages: [{code: en}, {code: de}, {code: pl}]\n",
        )
        .unwrap();
        let event = |id: &str, reports: Vec<usize>| Event {
            id: id.into(),
            date: None,
            place: None,
            names: Default::default(),
            reports,
            path: None,
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
}
