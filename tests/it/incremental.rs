//! Rebuilding in a session, as `newsroom serve --watch` does on every save: an edit
//! re-renders and writes exactly the pages whose bytes change, the result is byte for byte
//! what a fresh build makes (also after random sequences of edits, with and without the
//! watcher naming the changed files, and after a failed build), and a theme change
//! re-renders everything.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::*;
use newsroom::commands::build::{self, BuildOptions, BuildSummary, Session};

const REPORT: &str = "content/2024-03-12-hydrogen-valleys-forum/forum.en.md";

fn options(root: &Path, output: &str) -> BuildOptions {
    BuildOptions {
        output: Some(root.join(output)),
        ingest: false,
        ..BuildOptions::new(root)
    }
}

/// The pages of a build (404 pages, rendered every time, left out).
fn html_files(root: &Path, output: &str) -> BTreeMap<String, Vec<u8>> {
    tree(&root.join(output))
        .into_iter()
        .filter(|(path, _)| path.ends_with("index.html"))
        .collect()
}

fn edit(root: &Path, from: &str, to: &str) {
    let path = root.join(REPORT);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from));
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Rebuilds with `cache` after an edit and checks the result against a fresh build; returns
/// the summary and how many pages' bytes changed.
fn rebuild(root: &Path, session: &mut Session) -> (BuildSummary, usize) {
    let before = html_files(root, "public");
    let summary = build::rebuild(&options(root, "public"), session, None).unwrap();
    let after = html_files(root, "public");
    build::build(&options(root, "fresh")).unwrap();
    assert!(
        after == html_files(root, "fresh"),
        "cached and fresh builds differ"
    );
    let changed = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
        .count();
    (summary, changed)
}

#[test]
fn an_edit_re_renders_exactly_the_pages_it_changes() {
    let site = fixture_site("four-languages");
    let root = site.path();
    let mut session = Session::default();
    let first = build::rebuild(&options(root, "public"), &mut session, None).unwrap();
    let pages = html_files(root, "public").len();
    assert_eq!(first.pages_rendered, pages);

    let (unchanged, _) = rebuild(root, &mut session);
    assert_eq!(
        unchanged.pages_rendered, 0,
        "nothing changed, nothing rendered"
    );

    // The body shows on the report's own page only (lists show its summary).
    edit(root, "met in **Lyon**", "met in **Lyon** and online");
    let (summary, changed) = rebuild(root, &mut session);
    assert_eq!((summary.pages_rendered, changed), (1, 1));
    assert!(
        summary.written.written < 10,
        "the page, the feeds: {:?}",
        summary.written
    );

    // The title shows on its page, its event's pages, its translations and term pages.
    edit(
        root,
        "thirty clusters compare",
        "thirty-two clusters compare",
    );
    let (summary, changed) = rebuild(root, &mut session);
    assert!(changed > 3, "{changed}");
    assert_eq!(summary.pages_rendered, changed);
}

#[test]
fn a_theme_change_re_renders_every_page() {
    let site = fixture_site("four-languages");
    let root = site.path();
    let mut session = Session::default();
    let first = build::rebuild(&options(root, "public"), &mut session, None).unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/base.html"),
        "{% extends \"theme/base.html\" %}{% block footer %}<p>Cluster office</p>{% endblock footer %}",
    )
    .unwrap();
    let (summary, changed) = rebuild(root, &mut session);
    assert_eq!(summary.pages_rendered, first.pages_rendered);
    assert_eq!(changed, html_files(root, "public").len());
}

/// A deterministic stream of numbers, so a failing sequence can be replayed by its seed.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One report of the generated site, as its file says it.
#[derive(Clone)]
struct ReportText {
    event: usize,
    slug: String,
    lang: &'static str,
    title: String,
    date: Option<String>,
    summary: Option<String>,
    sectors: Vec<&'static str>,
    /// Events this report was moved to with `event:`.
    moved_to: Option<usize>,
    translation_key: Option<String>,
    draft: bool,
    body: String,
}

impl ReportText {
    fn path(&self) -> String {
        format!("content/ev-{}/{}.{}.md", self.event, self.slug, self.lang)
    }

    fn file(&self) -> String {
        let mut text = format!("---\ntitle: {:?}\n", self.title);
        for (key, value) in [("date", &self.date), ("summary", &self.summary)] {
            if let Some(value) = value {
                text.push_str(&format!("{key}: {value:?}\n"));
            }
        }
        if !self.sectors.is_empty() {
            text.push_str(&format!("sectors: [{}]\n", self.sectors.join(", ")));
        }
        if let Some(event) = self.moved_to {
            text.push_str(&format!("event: ev-{event}\n"));
        }
        if let Some(key) = &self.translation_key {
            text.push_str(&format!("translation_key: {key}\n"));
        }
        if self.draft {
            text.push_str("draft: true\n");
        }
        format!("{text}---\n\n{}\n", self.body)
    }
}

const EVENTS: usize = 4;
const LANGUAGES: [&str; 3] = ["en", "de", "pl"];
const SECTORS: [&str; 4] = ["energy", "health", "Energy", "textiles"];
const DATES: [&str; 4] = ["2023-05-02", "2024-01-15", "2024-01-16", "2022-11-30"];

fn event_file(event: usize, place: &str, date: Option<&str>) -> String {
    let date = date.map_or(String::new(), |date| format!("date: {date}\n"));
    format!("{date}place: {place}\nname:\n  en: Event {event}\n  de: Veranstaltung {event}\n")
}

/// A site of four events (one undated) with reports in three languages, some of them
/// translations of each other, two items per list page.
fn generated_site(root: &Path) -> Vec<ReportText> {
    std::fs::write(
        root.join("site.yaml"),
        "base_url: https://x.example.org/\ntitle: Random\nlanguages: [{code: en}, {code: de}, {code: pl}]\ntaxonomies: [sectors]\noutput:\n  page_size: 2\n",
    )
    .unwrap();
    let mut reports = Vec::new();
    for event in 0..EVENTS {
        let folder = root.join(format!("content/ev-{event}"));
        std::fs::create_dir_all(&folder).unwrap();
        let date = (event != 3).then_some(DATES[event]);
        std::fs::write(folder.join("_event.yaml"), event_file(event, "Lyon", date)).unwrap();
        for (i, lang) in LANGUAGES.iter().enumerate().take(1 + event % 3) {
            reports.push(ReportText {
                event,
                slug: format!("r{event}"),
                lang,
                title: format!("Report {event} in {lang}"),
                date: (i != 1).then(|| DATES[(event + i) % 4].to_owned()),
                summary: (i == 0).then(|| format!("What happened at event {event}.")),
                sectors: vec![SECTORS[(event + i) % 2]],
                moved_to: None,
                translation_key: None,
                draft: false,
                body: format!("Body of report {event} in {lang}.\n\n## Details\n\nMore."),
            });
        }
    }
    for report in &reports {
        std::fs::write(root.join(report.path()), report.file()).unwrap();
    }
    reports
}

/// Makes one random change to the site; returns the files it touched. A file left with
/// broken front matter is named in `broken` (its report is as `reports` says).
fn random_edit(
    root: &Path,
    reports: &mut Vec<ReportText>,
    dice: &mut Dice,
    step: usize,
    broken: &mut Option<usize>,
) -> Vec<String> {
    let index = dice.below(reports.len());
    let mut report = reports[index].clone();
    let old_path = report.path();
    match dice.below(13) {
        0 => report
            .body
            .push_str(&format!("\n\nStep {step} added a sentence.")),
        1 => report.title = format!("Retitled at step {step}"),
        2 => report.summary = dice.below(2).eq(&0).then(|| format!("Summary {step}.")),
        3 => report.date = dice.below(3).ne(&0).then(|| dice.pick(&DATES).to_string()),
        4 => {
            let sector = *dice.pick(&SECTORS);
            if !report.sectors.contains(&sector) {
                report.sectors.push(sector);
            } else {
                report.sectors.retain(|s| *s != sector);
            }
        }
        5 => {
            let event = dice.below(EVENTS);
            let date = dice.below(3).ne(&0).then(|| *dice.pick(&DATES));
            let place = *dice.pick(&["Lyon", "Kraków", "Graz"]);
            let path = format!("content/ev-{event}/_event.yaml");
            std::fs::write(root.join(&path), event_file(event, place, date)).unwrap();
            return vec![path];
        }
        6 => {
            // A new report, sometimes a translation of an existing one.
            let lang = *dice.pick(&LANGUAGES);
            let mut new = report.clone();
            new.lang = lang;
            new.slug = format!("n{step}");
            new.title = format!("New at step {step} ({lang})");
            new.translation_key = dice
                .below(2)
                .eq(&0)
                .then(|| format!("ev-{}/{}", report.event, report.slug));
            std::fs::write(root.join(new.path()), new.file()).unwrap();
            let path = new.path();
            reports.push(new);
            return vec![path];
        }
        7 if reports.len() > 2 => {
            std::fs::remove_file(root.join(&old_path)).unwrap();
            reports.remove(index);
            return vec![old_path];
        }
        8 => report.moved_to = Some(dice.below(EVENTS)).filter(|e| *e != report.event),
        9 => report.draft = !report.draft,
        10 => {
            // Renamed: a new slug, so a new URL.
            std::fs::remove_file(root.join(&old_path)).unwrap();
            report.slug = format!("{}-{step}", report.slug);
        }
        11 => report.title = report.title.replace('e', "E"), // same length, same second
        12 => {
            // A typo in the front matter: the build fails; the next step mends it.
            std::fs::write(root.join(&old_path), "---\ntitle: [unclosed\n---\n").unwrap();
            *broken = Some(index);
            return vec![old_path];
        }
        _ => {
            report.translation_key = Some(format!("key-{}", dice.below(3)));
        }
    }
    let path = report.path();
    std::fs::write(root.join(&path), report.file()).unwrap();
    reports[index] = report;
    let mut touched = vec![path];
    if touched[0] != old_path {
        touched.push(old_path);
    }
    touched
}

/// Random sequences of edits (bodies, titles, summaries, dates, terms, event facts, new,
/// deleted, moved, renamed and drafted reports, translation groups), each followed by a
/// rebuild in one session, sometimes told which files changed (as the watcher does) and
/// sometimes not: after every step the session's output is byte for byte a fresh build's,
/// feeds and sitemap included.
#[test]
fn random_edit_sequences_rebuild_what_a_fresh_build_makes() {
    for seed in 1..=4 {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let mut reports = generated_site(root);
        let mut session = Session::default();
        build::rebuild(&options(root, "public"), &mut session, None).unwrap();
        let mut dice = Dice(seed);
        let mut broken: Option<usize> = None;
        for step in 0..20 {
            let mut touched = Vec::new();
            if let Some(index) = broken.take().filter(|index| *index < reports.len()) {
                let report = &reports[index];
                std::fs::write(root.join(report.path()), report.file()).unwrap();
                touched.push(report.path());
            }
            touched.extend(random_edit(
                root,
                &mut reports,
                &mut dice,
                step,
                &mut broken,
            ));
            let changed: Vec<std::path::PathBuf> = touched.iter().map(Into::into).collect();
            let told = dice.below(2) == 0;
            let result = build::rebuild(
                &options(root, "public"),
                &mut session,
                told.then_some(&changed[..]),
            );
            let fresh = build::build(&options(root, "fresh"));
            match (result, fresh) {
                (Ok(_), Ok(_)) => {
                    let (served, built) = (tree(&root.join("public")), tree(&root.join("fresh")));
                    let differ: std::collections::BTreeSet<&String> = served
                        .keys()
                        .chain(built.keys())
                        .filter(|path| served.get(*path) != built.get(*path))
                        .collect();
                    assert!(
                        differ.is_empty(),
                        "seed {seed}, step {step} ({touched:?}, told: {told}): {differ:?} differ"
                    );
                }
                // An edit may make the site invalid (two reports at one URL, say): then both
                // must say so.
                (Err(_), Err(_)) => {}
                (served, built) => panic!(
                    "seed {seed}, step {step}: the session says {:?}, a fresh build {:?}",
                    served.err(),
                    built.err()
                ),
            }
        }
    }
}
