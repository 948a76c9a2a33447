//! Replays the fuzzing inputs kept in the repository — the seed corpus and every case a
//! fuzzer found (tests/fuzz/corpus/<target>, tests/fuzz/regressions/<target>) — through the
//! fuzz targets' own code (tests/it/common/fuzz.rs), so a fixed crash stays fixed.

use std::path::PathBuf;

use crate::common::{fuzz, repo};
use newsroom::pipeline::ingest::TextReader;

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = ["corpus", "regressions"]
        .iter()
        .flat_map(|kind| {
            std::fs::read_dir(repo().join("tests/fuzz").join(kind).join(target)).unwrap()
        })
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "the corpus of {target} is missing: {files:?}"
    );
    files
        .iter()
        .map(|file| std::fs::read(file).unwrap())
        .collect()
}

#[test]
fn ingest_inputs_give_one_answer_each() {
    let reader = TextReader::default();
    for data in inputs("ingest_seed") {
        fuzz::ingest_seed(&reader, &data);
    }
}

#[test]
fn front_matter_inputs_give_a_report_or_problems() {
    let config = fuzz::site_config();
    let valid = inputs("front_matter")
        .iter()
        .filter(|data| fuzz::front_matter(&config, data))
        .count();
    assert!(valid > 0, "no input of the corpus is a valid report");
}
