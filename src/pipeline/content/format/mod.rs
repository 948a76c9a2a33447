//! The content format, owned here and nowhere else: where files go
//! (`content/<event-id>/_event.yaml`, `content/<event-id>/<slug>.<lang>.md`), every field of
//! a report's front matter and of `_event.yaml` with its name and type, writing them (ingest)
//! and reading them back (strictly for the build, leniently for Markdown seeds and for
//! ingest's look at edited files: see [`read`]). `docs/content.md` documents each field.
//!
//! Adding a front matter field: a member of [`FrontMatter`], its name in [`field`] and its
//! line in [`FrontMatter::fields`] (the compiler counts the fields; the tests fail until
//! the struct, the list and `docs/content.md` agree). Both readers, the writer and the
//! "unknown field" hint follow from there; what ingest fills in and what the build does
//! with the field are the feature's own work.

mod fields;
mod read;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Error, Result};
use crate::model::lang::LangCode;
use crate::model::site::Source;

pub(crate) use read::{read_event, read_report, read_report_leniently};

/// The folder of a site that holds its content.
pub const CONTENT_DIR: &str = "content";
/// The file in an event folder that holds the event's facts.
pub const EVENT_FILE: &str = "_event.yaml";
/// The extension of a report file.
const REPORT_EXTENSION: &str = "md";

/// How deeply a report's quotes and lists may nest: real reports nest two or three levels;
/// the HTML of thousands of levels overflows the stack of the minifier (and of browsers).
pub(crate) const MAX_BODY_NESTING: usize = 64;

/// The names of the front matter fields newsroom defines, for whatever points at one.
pub(crate) mod field {
    pub(crate) const TITLE: &str = "title";
    pub(crate) const LANG: &str = "lang";
    pub(crate) const EVENT: &str = "event";
    pub(crate) const DATE: &str = "date";
    pub(crate) const SUMMARY: &str = "summary";
    pub(crate) const SOURCE: &str = "source";
    pub(crate) const TRANSLATION_KEY: &str = "translation_key";
    pub(crate) const DRAFT: &str = "draft";
    pub(crate) const SLUG: &str = "slug";
}

/// Where an event's `_event.yaml` goes, relative to the site root.
pub(crate) fn event_file_path(event_id: &str) -> PathBuf {
    Path::new(CONTENT_DIR).join(event_id).join(EVENT_FILE)
}

/// Where a report goes, relative to the site root: `content/<event-id>/<slug>.<lang>.md`.
pub(crate) fn report_file_path(event_id: &str, slug: &str, lang: &LangCode) -> PathBuf {
    Path::new(CONTENT_DIR)
        .join(event_id)
        .join(format!("{slug}.{lang}.{REPORT_EXTENSION}"))
}

/// Whether a file of an event folder is a report.
pub(crate) fn is_report_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension == REPORT_EXTENSION)
}

/// The language suffix of a report file's name (`x/slug.pl.md` → `pl`); None for a report
/// without one and for other files.
pub(crate) fn report_language(path: &Path) -> Option<String> {
    is_report_file(path)
        .then(|| split_report_file_name(path).1)
        .flatten()
}

/// The translation key of a report whose front matter gives none: its event and slug, so
/// same-named files of one event are translations of each other.
pub(crate) fn default_translation_key(event_id: &str, slug: &str) -> String {
    format!("{event_id}/{slug}")
}

/// A report file's name split into its slug and language suffix: `slug.pl.md` →
/// (`slug`, Some(`pl`)); `slug.md` → (`slug`, None), a report in the default language.
pub(crate) fn split_report_file_name(path: &Path) -> (String, Option<String>) {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    match stem.rsplit_once('.') {
        Some((slug, lang)) => (slug.to_owned(), Some(lang.to_owned())),
        None => (stem, None),
    }
}

/// A report's front matter: every field newsroom defines, and the terms of the site's
/// taxonomies. Serialised in this order, each field left out when it holds nothing.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct FrontMatter {
    /// The report's title (required, not empty).
    pub(crate) title: String,
    /// Its language code; must agree with the file name's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) lang: Option<String>,
    /// The id of the event it covers, when not its folder's (an editor's pin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) event: Option<String>,
    /// When it was published.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "date_text")]
    pub(crate) date: Option<NaiveDate>,
    /// A sentence or two for lists and meta descriptions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) summary: Option<String>,
    /// Where it came from.
    #[serde(skip_serializing_if = "Source::is_empty")]
    pub(crate) source: Source,
    /// Reports with the same key are translations of each other.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) translation_key: Option<String>,
    /// Published only with `--drafts`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) draft: bool,
    /// Overrides the file name's slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) slug: Option<String>,
    /// Taxonomy name → terms, as written.
    #[serde(flatten)]
    pub(crate) terms: BTreeMap<String, Vec<String>>,
}

/// Where one field's value goes, and so how it is read.
pub(crate) enum Slot<'a> {
    /// Text that must not be empty.
    Title(&'a mut String),
    /// Text (a number is read as its text).
    Text(&'a mut Option<String>),
    /// Text, or `null` for none.
    TextOrNull(&'a mut Option<String>),
    /// A date written `YYYY-MM-DD`, or `null`.
    Date(&'a mut Option<NaiveDate>),
    /// `true` or `false`.
    Flag(&'a mut bool),
    /// The `source` map, whose `url` must be a web address.
    Source(&'a mut Source),
}

impl FrontMatter {
    /// Every field newsroom defines, by the name it is written under: the one list both
    /// readers and the "unknown field" hint follow (writing follows the struct; the tests
    /// check the two agree).
    pub(crate) fn fields(&mut self) -> [(&'static str, Slot<'_>); 9] {
        [
            (field::TITLE, Slot::Title(&mut self.title)),
            (field::LANG, Slot::Text(&mut self.lang)),
            (field::EVENT, Slot::Text(&mut self.event)),
            (field::DATE, Slot::Date(&mut self.date)),
            (field::SUMMARY, Slot::TextOrNull(&mut self.summary)),
            (field::SOURCE, Slot::Source(&mut self.source)),
            (
                field::TRANSLATION_KEY,
                Slot::Text(&mut self.translation_key),
            ),
            (field::DRAFT, Slot::Flag(&mut self.draft)),
            (field::SLUG, Slot::Text(&mut self.slug)),
        ]
    }

    /// The names of the fields newsroom defines.
    pub(crate) fn field_names() -> Vec<&'static str> {
        FrontMatter::default()
            .fields()
            .iter()
            .map(|(name, _)| *name)
            .collect()
    }

    /// The report file's text: this front matter between `---` fences, a blank line, then
    /// `body`. Through serde_yaml, never string formatting, so titles with `:` or quotes stay
    /// valid YAML.
    pub(crate) fn write(&self, body: &str) -> Result<String> {
        Ok(format!("---\n{}---\n\n{body}", to_yaml(self)?))
    }
}

/// The facts of an event, as written in `_event.yaml`.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventFile {
    /// When it took place; `null` when unknown.
    #[serde(default, serialize_with = "date_text", deserialize_with = "event_date")]
    pub(crate) date: Option<NaiveDate>,
    /// Where it took place; `null` when unknown.
    #[serde(default)]
    pub(crate) place: Option<String>,
    /// Its name per language.
    #[serde(default)]
    pub(crate) name: BTreeMap<LangCode, String>,
}

impl EventFile {
    /// The text of `_event.yaml`.
    pub(crate) fn write(&self) -> Result<String> {
        to_yaml(self)
    }
}

fn to_yaml<T: Serialize>(value: &T) -> Result<String> {
    serde_yaml::to_string(value).map_err(|error| {
        Error::invalid(Diagnostic::error(format!(
            "cannot write front matter: {error}"
        )))
    })
}

/// A date as content writes it, `YYYY-MM-DD`.
fn date_text<S: serde::Serializer>(
    date: &Option<NaiveDate>,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.collect_str(&date.format("%Y-%m-%d")),
        None => serializer.serialize_none(),
    }
}

/// `date:` of `_event.yaml`: `null` or a date as reports write them.
fn event_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    let Some(text) = Option::<String>::deserialize(deserializer)? else {
        return Ok(None);
    };
    parse_date(&text).map(Some).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "`{text}` is not a date like 2019-12-04 (YYYY-MM-DD)"
        ))
    })
}

/// A date as content writes it: `YYYY-MM-DD`, a four-digit year. chrono alone also takes
/// `+262142-12-31` or `-0001-01-01`, which no feed or sitemap can carry (RFC 3339 years have
/// four digits).
fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit());
    shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
}

/// An absolute http(s) URL: the only kind a page links to as a report's source.
fn is_web_address(url: &str) -> bool {
    let url = url.trim_start();
    let starts_with = |scheme: &str| {
        url.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    };
    starts_with("https://") || starts_with("http://")
}

/// A report file's front matter and body: `---\nYAML\n---\nbody`, the opening fence on the
/// first line. The YAML starts on the file's second line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fenced<'a> {
    /// The YAML between the fences.
    yaml: &'a str,
    /// Everything after the closing fence.
    body: &'a str,
}

/// The line (from 1) of the file `text` on which its `body`, a tail of it, starts.
pub(crate) fn body_line(text: &str, body: &str) -> usize {
    text[..text.len() - body.len()].lines().count() + 1
}

/// Splits front matter from the body; None when the file does not start with `---`.
fn split_front_matter(text: &str) -> Option<Fenced<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let after_open = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some(Fenced {
                yaml: &after_open[..offset],
                body: &after_open[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> LangCode {
        LangCode::parse(code).unwrap()
    }

    /// A front matter with every field set.
    fn every_field() -> FrontMatter {
        FrontMatter {
            title: "Meeting: \"50\" clusters".to_owned(),
            lang: Some("pl".to_owned()),
            event: Some("2019-12-04-gold-label".to_owned()),
            date: NaiveDate::from_ymd_opt(2019, 12, 8),
            summary: Some("Fifty cluster managers met.".to_owned()),
            source: Source {
                file: Some("seeds/a.txt".to_owned()),
                publisher: Some("ECCP".to_owned()),
                url: Some("https://example.org/a".to_owned()),
            },
            translation_key: Some("2019-12-04-gold-label/meeting".to_owned()),
            draft: true,
            slug: Some("gold-label-meeting".to_owned()),
            terms: BTreeMap::from([
                ("sectors".to_owned(), vec!["energy".to_owned()]),
                ("tags".to_owned(), vec!["a: b".to_owned(), "c".to_owned()]),
            ]),
        }
    }

    #[test]
    fn every_field_is_written_and_read_back_strictly_and_leniently() {
        let written = every_field();
        let text = written.write("Body *text*.\n").unwrap();
        let taxonomies = ["sectors".to_owned(), "tags".to_owned()];
        let path = Path::new("content/e/meeting.pl.md");
        let strict = read_report(path, &text, &taxonomies).unwrap();
        assert_eq!(strict.front_matter, written);
        assert_eq!(strict.body, "\nBody *text*.\n");
        let lenient = read_report_leniently(path, &text);
        assert_eq!(lenient.front_matter, written);
        assert!(lenient.problem.is_none());
        assert_eq!(lenient.body, strict.body);
    }

    #[test]
    fn the_field_list_and_the_written_fields_agree() {
        let text = every_field().write("").unwrap();
        let yaml = split_front_matter(&text).unwrap().yaml;
        let mapping: serde_yaml::Mapping = serde_yaml::from_str(yaml).unwrap();
        let written: Vec<&str> = mapping
            .keys()
            .filter_map(serde_yaml::Value::as_str)
            .filter(|key| !every_field().terms.contains_key(*key))
            .collect();
        assert_eq!(written, FrontMatter::field_names());
    }

    #[test]
    fn docs_content_md_documents_every_field() {
        let docs = include_str!("../../../../docs/content.md");
        for name in FrontMatter::field_names() {
            assert!(
                docs.contains(&format!("| `{name}` |")),
                "docs/content.md lacks `{name}`"
            );
        }
        let event_file: serde_yaml::Mapping =
            serde_yaml::from_str(&EventFile::default().write().unwrap()).unwrap();
        for name in event_file.keys().filter_map(serde_yaml::Value::as_str) {
            assert!(
                docs.contains(&format!("| `{name}` |")),
                "docs/content.md lacks `{name}`"
            );
        }
    }

    #[test]
    fn empty_fields_are_left_out() {
        let front_matter = FrontMatter {
            title: "T".to_owned(),
            ..FrontMatter::default()
        };
        assert_eq!(
            front_matter.write("B\n").unwrap(),
            "---\ntitle: T\n---\n\nB\n"
        );
    }

    #[test]
    fn an_event_file_is_written_and_read_back() {
        let event = EventFile {
            date: NaiveDate::from_ymd_opt(2019, 12, 4),
            place: Some("Brussels".to_owned()),
            name: BTreeMap::from([
                (lang("en"), "Meeting of Gold-Label Clusters".to_owned()),
                (lang("pl"), "Spotkanie: 50 klastrów".to_owned()),
            ]),
        };
        let text = event.write().unwrap();
        assert!(
            text.starts_with("date: 2019-12-04\nplace: Brussels\nname:\n"),
            "{text}"
        );
        assert_eq!(read_event(Path::new("_event.yaml"), &text).unwrap(), event);
        let unknown = EventFile::default().write().unwrap();
        assert_eq!(unknown, "date: null\nplace: null\nname: {}\n");
        assert_eq!(
            read_event(Path::new("_event.yaml"), &unknown).unwrap(),
            EventFile::default()
        );
    }

    #[test]
    fn paths_follow_the_layout() {
        assert_eq!(
            report_file_path("2019-12-04-meeting", "meeting", &lang("pl")),
            Path::new("content/2019-12-04-meeting/meeting.pl.md")
        );
        assert_eq!(event_file_path("e"), Path::new("content/e/_event.yaml"));
        assert_eq!(
            split_report_file_name(Path::new("x/meeting.pl.md")),
            ("meeting".into(), Some("pl".into()))
        );
        assert_eq!(
            split_report_file_name(Path::new("x/meeting.md")),
            ("meeting".into(), None)
        );
        assert!(is_report_file(Path::new("x/meeting.md")));
        assert!(!is_report_file(Path::new("x/_event.yaml")));
        assert_eq!(
            report_language(Path::new("content/e/slug.pl.md")).as_deref(),
            Some("pl")
        );
        assert_eq!(report_language(Path::new("content/e/_event.yaml")), None);
        assert_eq!(report_language(Path::new("content/e/slug.md")), None);
    }

    #[test]
    fn dates_have_four_digit_years_and_exist() {
        assert!(parse_date("2024-05-14").is_some());
        for bad in [
            "+262142-12-31",
            "-0001-01-01",
            "2024-5-14",
            "1900-02-29",
            "2024-13-01",
            "20240514",
            "２０２４-05-14",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
