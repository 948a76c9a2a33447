//! Ingest on real reports that others wrote: the labelled corpus in tests/fixtures/corpus/
//! (reports of cluster events copied from public web pages in many EU languages, several
//! sources per event; provenance and labels in a YAML file beside each text). Its events are
//! split into `dev` (looked at while improving ingest) and `test` (only measured), in
//! `split.yaml`, frozen before any tuning. Each split is ingested on its own, through the
//! CLI, and loaded through the library. The report shows both splits; only `dev`'s misses
//! are printed, and the gates hold on `test`.

#![allow(clippy::print_stderr)] // a test report

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common::quality::{Output, Score, grouping, normal, score_lines};
use crate::common::*;
use newsroom::model::config::Config;
use newsroom::model::site::Site;
use newsroom::pipeline::content::{self, LoadOptions};
use serde::Deserialize;

/// What people read in one report (the labels of one text).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Label {
    source: String,
    fetched: String,
    licence: String,
    langs: Vec<String>,
    title: Option<String>,
    published: Option<String>,
    event: String,
    event_name: Option<String>,
    event_date: Option<DateRange>,
    place: Option<String>,
    #[serde(default)]
    meta: Option<String>,
    #[serde(default)]
    furniture: Option<String>,
    #[serde(default)]
    notes: Option<String>,
}

#[derive(Deserialize, Clone, PartialEq, Eq)]
struct DateRange {
    start: String,
    end: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Split {
    dev: BTreeSet<String>,
    test: BTreeSet<String>,
}

/// A text of the corpus and its labels.
struct Entry {
    name: String,
    label: Label,
}

const ALL_EU: [&str; 24] = [
    "en", "de", "fr", "pl", "es", "it", "nl", "cs", "pt", "sv", "da", "ro", "hu", "fi", "lt", "sk",
    "sl", "hr", "lv", "et", "el", "bg", "ga", "mt",
];

/// The languages the site publishes: the EU's, and any other a text of the split is in
/// (Catalan, Serbian), as a newsroom with such reports would configure.
fn site_languages(entries: &[&Entry]) -> String {
    let mut codes: Vec<&str> = ALL_EU.to_vec();
    for lang in entries.iter().flat_map(|entry| &entry.label.langs) {
        if !codes.contains(&lang.as_str()) {
            codes.push(lang);
        }
    }
    let listed: Vec<String> = codes
        .iter()
        .map(|code| format!("{{code: {code}}}"))
        .collect();
    format!("[{}]", listed.join(", "))
}

fn corpus_dir() -> PathBuf {
    repo().join("tests/fixtures/corpus")
}

fn read_corpus() -> Vec<Entry> {
    let mut entries: Vec<Entry> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .filter(|path| path.file_stem().is_some_and(|stem| stem != "split"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let label: Label = serde_yaml::from_str(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            Entry { name, label }
        })
        .collect();
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    entries
}

fn read_split() -> Split {
    let text = std::fs::read_to_string(corpus_dir().join("split.yaml")).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// What one split measured.
#[derive(Default)]
struct Measures {
    reports: usize,
    events: usize,
    furniture: Score,
    body: Score,
    titles: Score,
    language: Score,
    event_dates: Score,
    places: Score,
    event_names: Score,
    precision: f64,
    recall: f64,
    grouping_misses: Vec<String>,
}

fn ingest_split(entries: &[&Entry]) -> (tempfile::TempDir, Site) {
    let site = tempfile::tempdir().unwrap();
    let config = format!(
        "base_url: https://example.org/\ntitle: Corpus\nlanguages: {}\ntaxonomies: [sectors, countries, organisations]\n",
        site_languages(entries)
    );
    std::fs::write(site.path().join("site.yaml"), config).unwrap();
    let seeds = site.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for entry in entries {
        let name = format!("{}.txt", entry.name);
        std::fs::copy(corpus_dir().join(&name), seeds.join(&name)).unwrap();
    }
    newsroom_ok(site.path(), &["ingest"]);
    let config = Config::load(site.path()).unwrap();
    let loaded = content::load(site.path(), config, LoadOptions::default()).unwrap();
    (site, loaded.site)
}

/// The event date people read for each labelled event: the earliest first day any of its
/// reports states (a report of the second day alone starts later), or none.
fn true_event_dates<'a>(entries: &[&'a Entry]) -> BTreeMap<&'a str, Option<String>> {
    let mut dates: BTreeMap<&str, Option<String>> = BTreeMap::new();
    for entry in entries {
        let known = dates.entry(&entry.label.event).or_default();
        if let Some(start) = entry.label.event_date.as_ref().map(|d| &d.start) {
            // ISO dates order as strings.
            if known.as_ref().is_none_or(|earliest| start < earliest) {
                *known = Some(start.clone());
            }
        }
    }
    dates
}

fn measure(root: &Path, site: &Site, entries: &[&Entry]) -> Measures {
    let mut measures = Measures {
        events: entries
            .iter()
            .map(|e| &e.label.event)
            .collect::<BTreeSet<_>>()
            .len(),
        ..Measures::default()
    };
    let true_dates = true_event_dates(entries);
    let mut truth: Vec<(usize, &str)> = Vec::new();
    for entry in entries {
        let file = format!("seeds/{}.txt", entry.name);
        let reports: Vec<usize> = (0..site.reports.len())
            .filter(|&i| site.reports[i].source.file.as_deref() == Some(file.as_str()))
            .collect();
        measures.reports += 1;
        let label = &entry.label;
        let body: Vec<&str> = reports.iter().map(|&i| &*site.reports[i].body).collect();
        let seed_text = std::fs::read_to_string(root.join(&file)).unwrap();
        score_lines(
            &entry.name,
            &seed_text,
            (
                label.furniture.as_deref().unwrap_or(""),
                label.meta.as_deref().unwrap_or(""),
                None,
            ),
            &Output::of(&body.join("\n")),
            &mut measures.furniture,
            &mut measures.body,
        );
        let mut got: Vec<String> = reports
            .iter()
            .map(|&i| site.reports[i].lang.to_string())
            .collect();
        got.sort();
        let mut want = label.langs.clone();
        want.sort();
        measures.language.check(got == want, || {
            format!("{}: languages {got:?}, expected {want:?}", entry.name)
        });
        // The report in the text's first language speaks for the text.
        let Some(&report) = reports
            .iter()
            .find(|&&i| site.reports[i].lang.as_str() == label.langs[0])
        else {
            continue;
        };
        let model = &site.reports[report];
        if let Some(title) = &label.title {
            measures
                .titles
                .check(normal(&model.title) == normal(title), || {
                    format!(
                        "{}: title {:?}, expected {title:?}",
                        entry.name, model.title
                    )
                });
        }
        let event = &site.events[model.event];
        let date = event.facts.date.map(|d| d.to_string());
        let want_date = true_dates[label.event.as_str()].clone();
        measures.event_dates.check(date == want_date, || {
            format!(
                "{}: event date {date:?}, expected {want_date:?}",
                entry.name
            )
        });
        if label.place.is_some() {
            // "Iași" and "Iasi" are one place: labels spell names either way.
            let same_place = event.facts.place.as_deref().map(slug::slugify)
                == label.place.as_deref().map(slug::slugify);
            measures.places.check(same_place, || {
                format!(
                    "{}: place {:?}, expected {:?}",
                    entry.name, event.facts.place, label.place
                )
            });
        }
        if let Some(name) = &label.event_name {
            let names: Vec<String> = event.facts.names.values().map(|n| normal(n)).collect();
            let wanted = normal(name);
            let named = names.iter().any(|got| {
                got.contains(&wanted) || (!got.is_empty() && wanted.contains(got.as_str()))
            });
            measures.event_names.check(named, || {
                format!("{}: event named {names:?}, expected {wanted:?}", entry.name)
            });
        }
        truth.push((report, &label.event));
    }
    let grouped = grouping(site, &truth);
    measures.precision = grouped.precision;
    measures.recall = grouped.recall;
    measures.grouping_misses = grouped.wrong;
    measures
}

fn show(split: &str, measures: &Measures, misses: bool) {
    eprintln!(
        "\n{split}: {} reports, {} events",
        measures.reports, measures.events
    );
    measures.furniture.show("furniture dropped", misses);
    measures.body.show("body lines kept", misses);
    measures.titles.show("titles", misses);
    measures.language.show("language", misses);
    measures.event_dates.show("event dates", misses);
    measures.places.show("places (not gated)", misses);
    measures.event_names.show("event names (not gated)", misses);
    eprintln!(
        "{:<26} precision {:.3}, recall {:.3}",
        "grouping (pairwise)", measures.precision, measures.recall
    );
    if misses {
        for line in &measures.grouping_misses {
            eprintln!("    grouping: {line}");
        }
    }
}

fn run_split(entries: &[Entry], events: &BTreeSet<String>) -> Measures {
    let chosen: Vec<&Entry> = entries
        .iter()
        .filter(|e| events.contains(&e.label.event))
        .collect();
    let (root, site) = ingest_split(&chosen);
    measure(root.path(), &site, &chosen)
}

#[test]
fn every_text_of_the_corpus_has_provenance_and_its_event_is_in_one_split() {
    let entries = read_corpus();
    let split = read_split();
    assert!(
        split.dev.is_disjoint(&split.test),
        "an event in both splits"
    );
    for entry in &entries {
        let label = &entry.label;
        assert!(
            label.source.starts_with("http")
                && !label.fetched.is_empty()
                && !label.licence.is_empty(),
            "{}: provenance (source URL, date fetched, licence)",
            entry.name
        );
        assert!(
            split.dev.contains(&label.event) || split.test.contains(&label.event),
            "{}: event {} is in no split; add it to split.yaml by the rule written there",
            entry.name,
            label.event
        );
        assert!(
            corpus_dir().join(format!("{}.txt", entry.name)).is_file(),
            "{}: the text is missing",
            entry.name
        );
        // Read so that a label with a misspelt key fails to parse rather than pass.
        let _ = (&label.published, &label.notes);
    }
}

#[test]
fn ingest_meets_its_quality_bar_on_real_reports() {
    let entries = read_corpus();
    let split = read_split();
    let dev = run_split(&entries, &split.dev);
    let test = run_split(&entries, &split.test);
    show("dev (tuned on)", &dev, true);
    show("test (measured only)", &test, false);
    // Floors hold what ingest reaches on `test` today, so that no change makes it worse;
    // the targets are issue 16's, not reached yet where the floor is below them.
    let gates = [
        ("furniture dropped", test.furniture.rate(), 0.66, 0.97),
        ("body lines kept", test.body.rate(), 0.97, 0.99),
        ("titles", test.titles.rate(), 0.82, 0.95),
        ("language", test.language.rate(), 0.98, 1.0),
        ("event dates", test.event_dates.rate(), 0.76, 1.0),
        ("grouping precision", test.precision, 0.97, 0.98),
        ("grouping recall", test.recall, 0.70, 0.90),
    ];
    eprintln!(
        "\n{:<26} {:>6} {:>6} {:>6}",
        "test split", "now", "floor", "target"
    );
    for (name, value, floor, target) in gates {
        eprintln!("{name:<26} {value:>6.3} {floor:>6.2} {target:>6.2}");
    }
    for (name, value, floor, _) in gates {
        assert!(value >= floor, "test split: {name} {value:.3} < {floor}");
    }
}
