//! Assembling the site from the files read: reports tied to their events, everything
//! sorted, and the checks that need all files at once (a missing event, two reports at one
//! URL, two of one language in a translation group, languages the site does not publish).

use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::diagnostics::{Diagnostic, Location};
use crate::model::config::Config;
use crate::model::site::{Event, EventFacts, Report, ReportFile, Site};
use crate::pipeline::content::format::field;
use crate::util::yaml;

/// Reports in languages the site does not publish are left out, with a warning each.
pub(super) fn warn_unpublished_languages(
    config: &Config,
    reports: &mut Vec<Arc<ReportFile>>,
    warnings: &mut Vec<Diagnostic>,
) {
    reports.retain(|file| {
        let published = config.language(&file.lang).is_some();
        if !published {
            warnings.push(
                Diagnostic::warning(format!(
                    "left out: the report is in `{}`, which site.yaml does not publish",
                    file.lang
                ))
                .in_file(&file.path)
                .hint("add the language to `languages` in site.yaml to publish it"),
            );
        }
        published
    });
}

/// Ties reports to events, sorts everything, and checks references and URL clashes.
pub(super) fn assemble(
    root: &Path,
    config: Config,
    event_files: Vec<Arc<EventFacts>>,
    report_files: Vec<Arc<ReportFile>>,
    problems: &mut Vec<Diagnostic>,
) -> Site {
    let mut events: Vec<Event> = event_files
        .into_iter()
        .map(|facts| Event {
            facts,
            reports: Vec::new(),
        })
        .collect();
    events.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let index: FxHashMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();

    let mut reports = Vec::with_capacity(report_files.len());
    for file in report_files {
        let Some(&event) = index.get(file.event_id.as_str()) else {
            problems.push(
                Diagnostic::error(format!(
                    "the report points to event `{}`, which does not exist",
                    file.event_id
                ))
                .at(field_location(root, &file.path, field::EVENT))
                .hint("fix the `event:` field or create the folder content/<event-id>/"),
            );
            continue;
        };
        reports.push(Report { event, file });
    }
    reports.sort_by(|a, b| {
        (a.event, config.language_rank(&a.lang), &a.slug).cmp(&(
            b.event,
            config.language_rank(&b.lang),
            &b.slug,
        ))
    });
    check_url_clashes(&reports, problems);
    check_translation_groups(root, &reports, problems);
    for (i, report) in reports.iter().enumerate() {
        events[report.event].reports.push(i);
    }
    Site {
        config,
        events,
        reports,
    }
}

/// Two reports may not have the same language and slug: they would share a URL.
fn check_url_clashes(reports: &[Report], problems: &mut Vec<Diagnostic>) {
    for (first, report) in pairs_sharing(reports, |report| (report.lang, report.slug.as_str())) {
        problems.push(
            Diagnostic::error(format!(
                "two reports would be published at /{}/reports/{}/: {} and {}",
                report.lang,
                report.slug,
                first.path.display(),
                report.path.display()
            ))
            .in_file(&report.path)
            .hint("give one of them another file name or a `slug:` field"),
        );
    }
}

/// A translation group has one report per language: with two, the language versions of a
/// page (hreflang, "also in") could not say which one is meant.
fn check_translation_groups(root: &Path, reports: &[Report], problems: &mut Vec<Diagnostic>) {
    let groups = pairs_sharing(reports, |report| {
        (report.translation_key.as_str(), report.lang)
    });
    for (first, report) in groups {
        problems.push(
            Diagnostic::error(format!(
                "two reports in `{}` are translations of each other (translation_key `{}`): {} and {}",
                report.lang,
                report.translation_key,
                first.path.display(),
                report.path.display()
            ))
            .at(field_location(root, &report.path, field::TRANSLATION_KEY))
            .hint("give one of them another `translation_key:`, or delete the one that is not needed"),
        );
    }
}

/// Each report whose `key` an earlier report already has, with that earlier report.
fn pairs_sharing<'a, K: std::hash::Hash + Eq>(
    reports: &'a [Report],
    key: impl Fn(&'a Report) -> K,
) -> Vec<(&'a Report, &'a Report)> {
    let mut seen: FxHashMap<K, &Report> = FxHashMap::default();
    reports
        .iter()
        .filter_map(|report| {
            seen.insert(key(report), report)
                .map(|first| (first, report))
        })
        .collect()
}

/// Where `key:` is written in the content file `shown` (relative to `root`), for problems
/// found once all files are read; the whole file when it is not written there.
fn field_location(root: &Path, shown: &Path, key: &str) -> Location {
    std::fs::read_to_string(root.join(shown))
        .ok()
        .and_then(|text| {
            let (line, column) = yaml::key_position(&text, key)?;
            Some(Location::in_source(shown, &text, line, column))
        })
        .unwrap_or_else(|| Location::file(shown))
}
