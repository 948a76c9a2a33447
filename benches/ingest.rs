//! Ingest throughput: 1,000 raw reports of about 5 KB (built from the fixture suite's
//! reports, each with its own numbers so they do not all fall into one event) through the
//! whole of `newsroom ingest` (reading, the text stages, grouping and writing `content/`),
//! and the same reports and the repository's seeds through the text stages alone
//! (decoding, normalisation, structure: bytes to blocks) on one thread, in MB/s per core.
//!
//! Run with `cargo bench --bench ingest`; the figures are in docs/performance.md.

// A benchmark whose set-up fails has nothing to measure: stopping loudly is right.
#![allow(clippy::expect_used)]

use std::path::Path;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use newsroom::model::config::Config;
use newsroom::pipeline::ingest::{self, IngestOptions};

const REPORTS: usize = 1000;
const REPORT_BYTES: usize = 5 * 1024;

/// Writes `count` seeds of about `REPORT_BYTES` into `root/seeds`; returns their total size.
fn make_seeds(root: &Path, count: usize) -> u64 {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/seeds");
    let mut texts: Vec<String> = std::fs::read_dir(&fixtures)
        .expect("the fixture suite is there")
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "txt"))
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .collect();
    texts.sort();
    let seeds = root.join("seeds");
    std::fs::create_dir_all(&seeds).expect("a temporary folder is writable");
    let mut total = 0;
    for index in 0..count {
        let base = &texts[index % texts.len()];
        // Repeat the report's paragraphs to reach the size, with numbers of its own.
        let mut text = base
            .replace("40", &format!("{}", 100 + index))
            .replace("2023", &format!("{}", 2000 + index % 25));
        while text.len() < REPORT_BYTES {
            let body: String = base
                .lines()
                .filter(|line| line.split_whitespace().count() > 12)
                .collect::<Vec<_>>()
                .join("\n\n");
            text.push_str("\n\n");
            text.push_str(&body.replace("2", &format!("{}", index % 9)));
        }
        total += text.len() as u64;
        std::fs::write(seeds.join(format!("report-{index:04}.txt")), text)
            .expect("a temporary folder is writable");
    }
    total
}

fn bench_ingest(c: &mut Criterion) {
    let site = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        site.path().join("site.yaml"),
        "base_url: https://example.org/\ntitle: Bench\nlanguages: [{code: en}, {code: de}, {code: fr}, {code: pl}, {code: es}, {code: it}, {code: nl}, {code: cs}, {code: pt}]\ntaxonomies: [sectors, countries, organisations]\n",
    )
    .expect("a temporary folder is writable");
    let bytes = make_seeds(site.path(), REPORTS);
    let config = Config::load(site.path()).expect("the bench's site.yaml is valid");
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    // Each run starts without content/, as a first ingest does. The last run's is moved
    // aside, not deleted: on some file systems creating files where thousands were just
    // deleted costs the kernel more than ingest itself, which would measure the disk.
    let runs = std::cell::Cell::new(0);
    let empty_content = || {
        runs.set(runs.get() + 1);
        let _ = std::fs::rename(
            site.path().join("content"),
            site.path().join(format!("content-{}", runs.get())),
        );
    };
    let first_ingest = |()| {
        ingest::ingest(site.path(), &config, &IngestOptions::default()).expect("ingest succeeds")
    };
    group.bench_function(BenchmarkId::new("reports", REPORTS), |b| {
        b.iter_batched(empty_content, first_ingest, BatchSize::PerIteration);
    });
    // On one thread the time taken is the CPU time ingest needs (the budget: one second).
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread pool");
    group.bench_function(BenchmarkId::new("reports on one thread", REPORTS), |b| {
        b.iter_batched(
            empty_content,
            |()| one_thread.install(|| first_ingest(())),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

/// The text stages alone, one report after the other on one core.
fn bench_text_stages(c: &mut Criterion) {
    let site = tempfile::tempdir().expect("a temporary folder");
    make_seeds(site.path(), REPORTS);
    let repo_seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let reader = ingest::TextReader::default();
    let mut group = c.benchmark_group("text stages");
    group.sample_size(20);
    for (name, folder) in [
        ("1000 reports of 5 KB", site.path().join("seeds")),
        ("the repository's seeds", repo_seeds),
    ] {
        let reports: Vec<Vec<u8>> = std::fs::read_dir(&folder)
            .expect("the seeds are there")
            .filter_map(|entry| std::fs::read(entry.expect("a readable folder").path()).ok())
            .collect();
        let bytes: usize = reports.iter().map(Vec::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                reports
                    .iter()
                    .map(|report| reader.read(report).map_or(0, |blocks| blocks.len()))
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench_ingest, bench_text_stages);
criterion_main!(benches);
