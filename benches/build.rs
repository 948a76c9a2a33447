//! The stages of `newsroom build` on a generated site of 1,000 events in en/de/pl (3,000
//! reports of about 700 words, with tags and countries): loading `content/`, planning,
//! rendering (templates and minification) and writing the output folder, each measured
//! alone. For the whole build against Hugo see `benches/compare.sh`.
//!
//! Run with `cargo bench --bench build`; the figures are in docs/performance.md.

// A benchmark whose set-up fails has nothing to measure: stopping loudly is right.
#![allow(clippy::expect_used)]

use std::fmt::Write as _;
use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use rayon::prelude::*;

use newsroom::model::config::Config;
use newsroom::pipeline::content::{self, LoadOptions};
use newsroom::pipeline::output::{self, Memory};
use newsroom::pipeline::plan;
use newsroom::pipeline::render::{self, OutputFile, Sink, Theme};

const EVENTS: usize = 1000;
const LANGUAGES: [&str; 3] = ["en", "de", "pl"];
const WORDS: [&str; 24] = [
    "cluster",
    "managers",
    "met",
    "in",
    "the",
    "region",
    "to",
    "compare",
    "hydrogen",
    "roadmaps",
    "and",
    "share",
    "data",
    "on",
    "supply",
    "chains",
    "with",
    "partners",
    "from",
    "nine",
    "countries",
    "during",
    "a",
    "workshop",
];
const TAGS: [&str; 6] = [
    "energy", "digital", "health", "mobility", "textiles", "agrifood",
];
const COUNTRIES: [&str; 5] = ["Germany", "Poland", "France", "Spain", "Italy"];

/// A deterministic stream of numbers (no dependency, the same site on every run).
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        usize::try_from(self.0 >> 33).expect("31 bits fit") % below
    }
}

/// Writes `site.yaml` and `content/` of the generated site into `root`.
fn make_site(root: &Path) {
    std::fs::write(
        root.join("site.yaml"),
        "base_url: https://bench.example.org/\ntitle: Bench\nlanguages: [{code: en}, {code: de}, {code: pl}]\ntaxonomies: [tags, countries]\n",
    )
    .expect("a temporary folder is writable");
    let mut numbers = Numbers(7);
    for event in 0..EVENTS {
        let folder = root.join(format!("content/ev-{event:05}"));
        std::fs::create_dir_all(&folder).expect("a temporary folder is writable");
        let date = format!(
            "20{:02}-{:02}-{:02}",
            10 + event % 15,
            1 + event % 12,
            1 + event % 28
        );
        std::fs::write(
            folder.join("_event.yaml"),
            format!("date: {date}\nplace: Lyon\nname:\n  en: Event {event}\n  de: Veranstaltung {event}\n  pl: Wydarzenie {event}\n"),
        )
        .expect("a temporary folder is writable");
        for lang in LANGUAGES {
            let mut text = format!(
                "---\ntitle: Report {event} in {lang}\ndate: {date}\ntags: [{}, {}]\ncountries: [{}]\n---\n\n",
                TAGS[numbers.next(TAGS.len())],
                TAGS[numbers.next(TAGS.len())],
                COUNTRIES[numbers.next(COUNTRIES.len())]
            );
            for paragraph in 0..7 {
                for _ in 0..100 {
                    let _ = write!(text, "{} ", WORDS[numbers.next(WORDS.len())]);
                }
                text.push_str(if paragraph % 3 == 0 {
                    "\n\n## Section\n\n"
                } else {
                    "\n\n"
                });
            }
            std::fs::write(folder.join(format!("report-{event}.{lang}.md")), text)
                .expect("a temporary folder is writable");
        }
    }
}

/// A sink that drops what it is given: rendering timed alone.
struct Discard;

impl Sink for Discard {
    fn put(&self, file: OutputFile) -> newsroom::Result<()> {
        std::hint::black_box(file);
        Ok(())
    }
}

fn stages(c: &mut Criterion) {
    let site_dir = tempfile::tempdir().expect("a temporary folder");
    let root = site_dir.path();
    make_site(root);
    let config = || Config::load(root).expect("the generated site.yaml is valid");
    let load = || {
        content::load(root, config(), LoadOptions::default())
            .expect("the generated content is valid")
            .site
    };
    let mut site = load();
    let planned = plan::plan(&site);
    let theme = Theme::load(root, &site.config).expect("the built-in theme loads");
    let pages = Memory::default();
    render::render(&site, &planned, &theme, &pages).expect("the site renders");
    let files = pages.into_files();

    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("load content (3,000 reports)", |b| b.iter(load));
    group.bench_function("plan", |b| b.iter(|| plan::plan(&site)));
    group.bench_function("render and minify", |b| {
        b.iter(|| render::render(&site, &planned, &theme, &Discard).expect("the site renders"));
    });
    site.config.output.minify = false;
    group.bench_function("render without minifying", |b| {
        b.iter(|| render::render(&site, &planned, &theme, &Discard).expect("the site renders"));
    });
    let unminified = Memory::default();
    render::render(&site, &planned, &theme, &unminified).expect("the site renders");
    let html: Vec<OutputFile> = unminified
        .into_files()
        .into_iter()
        .filter(|file| file.path.ends_with(".html"))
        .collect();
    group.bench_function("minify every page", |b| {
        b.iter(|| {
            html.par_iter()
                .map(|file| render::minify_page(&file.bytes).len())
                .sum::<usize>()
        });
    });
    // On tmpfs where there is one, as the peers are measured: the disk of a VM varies 2x.
    let tmpfs = Path::new("/dev/shm");
    let scratch = if tmpfs.is_dir() {
        tmpfs.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    group.bench_function("write a fresh output folder", |b| {
        b.iter_batched(
            || tempfile::tempdir_in(&scratch).expect("a temporary folder"),
            // The folder is returned, so its removal is not timed.
            |out| {
                let written = output::write_site(&out.path().join("public"), &files);
                (out, written)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
