//! What the fuzz targets (tests/fuzz/fuzz_targets) do with one input, shared with
//! tests/it/fuzz_regressions.rs, which replays the kept inputs in `cargo test`.

use std::path::Path;

use newsroom::model::config::Config;
use newsroom::pipeline::ingest::TextReader;

/// Ingest's analysis of one raw report, as text, Markdown or HTML (the first byte picks
/// which): it must not panic and must give the same answer twice.
pub fn ingest_seed(reader: &TextReader, data: &[u8]) {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let name = ["report.txt", "report.md", "report.html"][usize::from(kind % 3)];
    let first = reader.explain(name, bytes);
    assert_eq!(
        first,
        reader.explain(name, bytes),
        "ingest gave two answers"
    );
}

/// The site the front matter target reads reports for.
pub fn site_config() -> Config {
    let yaml = "base_url: https://clusters.example.eu/\ntitle: News\nlanguages: [{code: en}, {code: de}, {code: pl}]\ntaxonomies: [sectors, tags]\n";
    Config::parse(Path::new("site.yaml"), yaml).expect("the fuzzing site.yaml is valid")
}

/// One report file read from any bytes: a report or problems, never a panic. Says whether
/// it was a valid report.
pub fn front_matter(config: &Config, data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
    };
    let path = Path::new("content/2024-05-14-forum/report.en.md");
    newsroom::pipeline::content::parse_report(path, text, "2024-05-14-forum", config).is_ok()
}
