//! Atom feeds, as the plan selects them (one per language and one for all languages, the
//! newest reports first), each entry with its summary and its full content. Written here
//! rather than from a template so that every feed is well-formed XML whatever a report
//! contains.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::model::site::{ReportIndex, Site};
use crate::pipeline::plan::{self, Feed, FeedEntry, Plan};
use crate::pipeline::render::sitemap::escape_xml;
use crate::pipeline::render::{OutputFile, markdown};

/// Writes `feeds`.
pub(crate) fn write(site: &Site, plan: &Plan, feeds: &[&Feed]) -> Vec<OutputFile> {
    // A report in the feed of all languages is also in its own language's: render it once.
    let shown: BTreeSet<ReportIndex> = feeds
        .iter()
        .flat_map(|feed| feed.entries.iter().map(|entry| entry.report))
        .collect();
    let bodies: HashMap<ReportIndex, String> = shown
        .into_par_iter()
        .map(|report| {
            let model = &site.reports[report];
            let raw = markdown::RawHtml::for_report(&site.config, model);
            (report, markdown::to_html(&model.body, raw))
        })
        .collect();
    feeds
        .iter()
        .map(|one| feed(site, plan, one, &bodies))
        .collect()
}

/// One feed: of `lang`'s reports, or of all languages' (`None`, titled in the default one).
fn feed(
    site: &Site,
    plan: &Plan,
    feed: &Feed,
    bodies: &HashMap<ReportIndex, String>,
) -> OutputFile {
    let Feed {
        lang,
        path,
        entries,
    } = feed;
    let lang = lang.as_ref();
    let config = &site.config;
    let base = &config.base_url;
    let language = config
        .language(lang.unwrap_or(&config.default_language))
        .unwrap_or(&config.languages[0]);
    let title = language.title.as_str();
    let home = lang.map_or(String::new(), plan::home_path);
    // A feed is as new as its newest entry; undated entries take that date too (and a
    // feed with no date at all, 1970-01-01: the bytes must not depend on the clock).
    let newest = entries
        .iter()
        .filter_map(|entry| entry.updated)
        .max()
        .unwrap_or_default();
    let mut xml = String::with_capacity(1024 + entries.len() * 2048);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    // Writing to a String cannot fail.
    let _ = write!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"{}>\n<title>{}</title>\n<id>{}</id>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
         <updated>{}</updated>\n<author><name>{}</name></author>\n",
        // A feed of all languages has none of its own: each entry says its language.
        lang.map_or(String::new(), |lang| format!(" xml:lang=\"{lang}\"")),
        escape_xml(title),
        escape_xml(&base.join(path)),
        escape_xml(&base.join(path)),
        escape_xml(&base.join(&home)),
        timestamp(newest),
        escape_xml(title),
    );
    for entry in entries {
        write_entry(&mut xml, site, plan, entry, newest, bodies);
    }
    xml.push_str("</feed>\n");
    OutputFile {
        path: path.clone(),
        bytes: xml.into_bytes(),
    }
}

fn write_entry(
    xml: &mut String,
    site: &Site,
    plan: &Plan,
    entry: &FeedEntry,
    newest: NaiveDate,
    bodies: &HashMap<ReportIndex, String>,
) {
    let report = &site.reports[entry.report];
    let url = site.config.base_url.join(&plan.pages[entry.page].path);
    let _ = write!(
        xml,
        "<entry xml:lang=\"{}\">\n<title>{}</title>\n<id>{}</id>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{}</updated>\n",
        report.lang,
        escape_xml(&report.title),
        escape_xml(&url),
        escape_xml(&url),
        timestamp(entry.updated.unwrap_or(newest)),
    );
    if let Some(date) = report.date {
        let _ = writeln!(xml, "<published>{}</published>", timestamp(date));
    }
    if let Some(publisher) = &report.source.publisher {
        let _ = writeln!(
            xml,
            "<author><name>{}</name></author>",
            escape_xml(publisher)
        );
    }
    if let Some(summary) = &report.summary {
        let _ = writeln!(
            xml,
            "<summary type=\"text\">{}</summary>",
            escape_xml(summary)
        );
    }
    let _ = write!(
        xml,
        "<content type=\"html\">{}</content>\n</entry>\n",
        escape_xml(bodies.get(&entry.report).map_or("", String::as_str))
    );
}

/// A date as an Atom timestamp (midnight UTC: newsroom knows days, not times).
fn timestamp(date: NaiveDate) -> String {
    format!("{date}T00:00:00Z")
}
