//! The site model: events and the reports that cover them, as loaded from `content/`.
//! Every ordering here is deterministic (dates, configured language order, slugs), never
//! hash order, so two builds of the same content give the same bytes.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::config::Config;
use crate::model::lang::LangCode;

/// Everything the renderer needs: configuration, events and reports.
#[derive(Debug)]
pub struct Site {
    /// The validated `site.yaml`.
    pub config: Config,
    /// Events, newest first, undated last, then by id.
    pub events: Vec<Event>,
    /// Reports; each names its event by index into `events`.
    pub reports: Vec<Report>,
}

/// Index of an event in [`Site::events`].
pub type EventIndex = usize;
/// Index of a report in [`Site::reports`].
pub type ReportIndex = usize;

/// One event: the facts kept once in its `_event.yaml`, and its reports.
#[derive(Debug)]
pub struct Event {
    /// What its folder and `_event.yaml` say (shared with the content cache of a `serve`
    /// session, so a rebuild does not copy 9,000 reports to assemble the site again).
    pub facts: Arc<EventFacts>,
    /// Its reports, in configured language order, then by slug.
    pub reports: Vec<ReportIndex>,
}

/// What an event folder says about its event.
#[derive(Debug, Clone)]
pub struct EventFacts {
    /// The folder name, used in URLs.
    pub id: String,
    /// When it took place, if known. Unknown stays unknown.
    pub date: Option<NaiveDate>,
    /// Where it took place (canonical English name), if known.
    pub place: Option<String>,
    /// Its name per language.
    pub names: BTreeMap<LangCode, String>,
    /// The `_event.yaml` it was read from, if there is one.
    pub path: Option<PathBuf>,
    /// A hash of the event's id and `_event.yaml`: whatever changes in its facts changes it.
    pub digest: u64,
}

/// One report in one language: what its file says, and the event it belongs to.
#[derive(Debug, Clone)]
pub struct Report {
    /// The event it covers.
    pub event: EventIndex,
    /// What its file says (shared with the content cache of a `serve` session).
    pub file: Arc<ReportFile>,
}

/// What a report file says.
#[derive(Debug, Clone)]
pub struct ReportFile {
    /// The URL slug (file name without language and extension, unless front matter sets one).
    pub slug: String,
    /// Its language.
    pub lang: LangCode,
    /// Its title.
    pub title: String,
    /// The id of the event it covers: its folder's, unless front matter says `event:`.
    pub event_id: String,
    /// When it was published, if known.
    pub date: Option<NaiveDate>,
    /// A sentence or two for lists and meta descriptions.
    pub summary: Option<String>,
    /// Where it came from.
    pub source: Source,
    /// Taxonomy name → terms, as written (display form).
    pub terms: BTreeMap<String, Vec<String>>,
    /// Reports with the same key are translations of each other.
    pub translation_key: String,
    /// Drafts are published only with `--drafts`.
    pub draft: bool,
    /// The Markdown body.
    pub body: String,
    /// The file it was read from, relative to the site root.
    pub path: PathBuf,
    /// A hash of that file and its place: whatever changes in the report changes it, so a
    /// rebuild can tell which pages to render again without comparing bodies.
    pub digest: u64,
}

// An event or a report is its facts plus where the site put it: reading one reads its facts.
impl std::ops::Deref for Event {
    type Target = EventFacts;

    fn deref(&self) -> &EventFacts {
        &self.facts
    }
}

impl std::ops::Deref for Report {
    type Target = ReportFile;

    fn deref(&self) -> &ReportFile {
        &self.file
    }
}

/// Where a report came from.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The seed file ingest made it from, relative to the site root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Who published the original text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where the original text was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Source {
    /// True when nothing is known about the source.
    pub fn is_empty(&self) -> bool {
        self.file.is_none() && self.publisher.is_none() && self.url.is_none()
    }
}

impl Site {
    /// The event's name in `lang`, else in the default language, else any.
    pub fn event_name(&self, event: EventIndex, lang: &LangCode) -> &str {
        let event = &self.events[event];
        event
            .names
            .get(lang)
            .or_else(|| event.names.get(&self.config.default_language))
            .or_else(|| event.names.values().next())
            .map_or(event.id.as_str(), String::as_str)
    }

    /// The event's reports in one language.
    pub fn reports_in(
        &self,
        event: EventIndex,
        lang: &LangCode,
    ) -> impl Iterator<Item = ReportIndex> + '_ {
        let lang = *lang;
        self.events[event]
            .reports
            .iter()
            .copied()
            .filter(move |&report| self.reports[report].lang == lang)
    }

    /// How many events of unknown date have reports in `lang`.
    pub fn undated_events(&self, lang: &LangCode) -> usize {
        (0..self.events.len())
            .filter(|&event| self.events[event].date.is_none())
            .filter(|&event| self.reports_in(event, lang).next().is_some())
            .count()
    }

    /// The languages an event has reports in, in configured order.
    pub fn event_languages(&self, event: EventIndex) -> Vec<&LangCode> {
        let mut languages: Vec<&LangCode> = Vec::new();
        for &report in &self.events[event].reports {
            let lang = &self.reports[report].lang;
            if !languages.contains(&lang) {
                languages.push(lang);
            }
        }
        languages.sort_by_key(|lang| self.config.language_rank(lang));
        languages
    }
}
