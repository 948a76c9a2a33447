//! The planned pages: what each shows, its language and path, what a list page lists, the
//! language groups (hreflang), and each language's menu sections.

use crate::model::lang::LangCode;
use crate::model::site::{EventIndex, ReportIndex};
use crate::pipeline::plan::terms::TermIndex;
use crate::pipeline::plan::urls;

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
    /// Its language group in [`Plan::groups`](super::Plan::groups).
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
    /// The path of the list's first page; page `n` is at [`list_page_path`](super::list_page_path).
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

impl Page {
    /// The file it is written to, below the output folder.
    pub fn file(&self) -> String {
        urls::page_file(&self.path)
    }
}
