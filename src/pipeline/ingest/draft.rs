//! The types that carry a report from analysis to grouping to writing.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::lang::LangCode;
use crate::pipeline::ingest::dates::PartialDate;
use crate::pipeline::ingest::metadata::Anchors;

/// The kinds of raw report ingest reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SeedKind {
    /// Text copied from a web page or a PDF (`.txt`): cleaned and structured.
    Text,
    /// A report written in Markdown (`.md`): kept as its author wrote it.
    Markdown,
    /// A saved web page (`.html`): its main text is extracted, then cleaned.
    Html,
}

impl SeedKind {
    /// The kind of a file, from its extension.
    pub(crate) fn of(path: &std::path::Path) -> Option<SeedKind> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(SeedKind::Text),
            "md" | "markdown" => Some(SeedKind::Markdown),
            "html" | "htm" => Some(SeedKind::Html),
            _ => None,
        }
    }
}

/// A raw report read from `seeds/`.
#[derive(Debug, Clone)]
pub(crate) struct Seed {
    /// Path relative to the site root, with `/` separators (`seeds/x.txt`).
    pub(crate) path: String,
    /// Its text, decoded.
    pub(crate) text: String,
    /// What kind of file it is.
    pub(crate) kind: SeedKind,
}

/// One report as ingest understood it: one language part of one seed.
#[derive(Debug, Clone)]
pub(crate) struct ReportDraft {
    /// Index of its seed.
    pub(crate) seed: usize,
    /// Which part of the seed (0 for the first language found).
    pub(crate) part: usize,
    /// Its language.
    pub(crate) lang: LangCode,
    /// Its title.
    pub(crate) title: String,
    /// When it was published, if a date badge says so.
    pub(crate) published: Option<NaiveDate>,
    /// When its event took place, as far as the text says.
    pub(crate) event_date: Option<PartialDate>,
    /// Where (canonical name).
    pub(crate) place: Option<String>,
    /// Taxonomy terms found or given (`sectors`, `countries`, `organisations`, `tags`).
    pub(crate) terms: BTreeMap<String, Vec<String>>,
    /// Meta description.
    pub(crate) summary: Option<String>,
    /// Publisher from a "Source:" label or the author's front matter.
    pub(crate) publisher: Option<String>,
    /// Where the original was published, if the author said.
    pub(crate) source_url: Option<String>,
    /// The author's translation key, if given.
    pub(crate) translation_key: Option<String>,
    /// The cleaned body as Markdown.
    pub(crate) markdown: String,
    /// What grouping compares.
    pub(crate) anchors: Anchors,
    /// The number of parts of its seed (more than one: the parts are translations).
    pub(crate) parts_in_seed: usize,
}

/// A group of reports about one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EventDraft {
    /// Folder name and URL segment.
    pub(crate) id: String,
    /// When, if known with its year.
    pub(crate) date: Option<NaiveDate>,
    /// Where.
    pub(crate) place: Option<String>,
    /// Name per language.
    pub(crate) names: BTreeMap<LangCode, String>,
    /// Indices of its reports.
    pub(crate) members: Vec<usize>,
}
