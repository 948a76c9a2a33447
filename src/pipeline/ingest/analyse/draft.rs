//! A report as the analysis of a seed found it: what grouping compares and writing puts in
//! its content file.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::lang::LangCode;
use crate::pipeline::ingest::analyse::dates::PartialDate;
use crate::pipeline::ingest::analyse::metadata::Anchors;

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
