//! Properties over generated input, through the library: the text stages and ingest never
//! panic and give the same result every time on any bytes, whatever ingest writes builds,
//! and any valid site renders to the same bytes on one thread and on four.
//! Failing cases proptest finds are kept in tests/it/properties.proptest-regressions.

use std::path::Path;

use crate::common::tree;
use newsroom::commands::build::{self, BuildOptions};
use newsroom::model::config::Config;
use newsroom::pipeline::ingest::{self, IngestOptions, TextReader};
use proptest::prelude::*;

/// Pieces of the raw reports newsrooms paste: words of several languages, site furniture,
/// lost bullets, dates in many forms, markup, hard line breaks, odd characters.
const FRAGMENTS: &[&str] = &[
    "Cluster",
    "managers",
    "met",
    "in",
    "Brussels",
    "Spotkanie",
    "klastrów",
    "w",
    "Gdańsku",
    "Die",
    "Cluster-Manager",
    "trafen",
    "sich",
    "in",
    "München",
    "Les",
    "pôles",
    "se",
    "réunissent",
    "à",
    "Lyon",
    "Συνάντηση",
    "στην",
    "Αθήνα",
    "Ελλάδα",
    "ECCP",
    "(ECCP)",
    "Accept all cookies",
    "Home > News > Events",
    "Share on LinkedIn",
    "Read more",
    "• ",
    "- ",
    "* ",
    "1. ",
    "▪ ",
    "3 September 2024",
    "12.03.2024",
    "2024-05-14",
    "14 marca 2024 r.",
    "am 5. Mai 2024",
    "le 3 septembre 2024",
    "September 3, 2024",
    "<script>alert(1)</script>",
    "<b>",
    "</p>",
    "&amp;",
    "&nbsp;",
    "https://example.eu/x",
    "javascript:alert(1)",
    "---",
    "title: x",
    "# ",
    "## ",
    ":",
    "#",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "*",
    "_",
    "`",
    "|",
    "\\",
    "\n",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "  ",
    "\u{0}",
    "\u{feff}",
    "\u{200b}",
    "\u{301}",
    "\u{fffd}",
    "مرحبا",
    "שלום",
    "İ",
    "ß",
    "ﬁ",
    "𝔘",
    "😀",
    "-\n",
    "Gesell-\nschaft",
    ".",
    ",",
    ";",
    "?",
    "!",
    "…",
    "–",
    "—",
];

/// A raw report made of those pieces.
fn report_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..160).prop_map(|pieces| {
        let mut text = String::new();
        for (index, piece) in pieces.iter().enumerate() {
            if index > 0 && !piece.starts_with(['\n', '\r']) {
                text.push(' ');
            }
            text.push_str(piece);
        }
        text
    })
}

/// Any bytes, or text that looks like a report.
fn seed_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        report_text().prop_map(String::into_bytes),
        // Legacy encodings: the same text as Latin-1 bytes where it can be.
        report_text().prop_map(|text| text.chars().map(|c| c as u32 as u8).collect()),
    ]
}

/// `default` cases, or `PROPTEST_CASES` of them (a longer hunt: `PROPTEST_CASES=2000`).
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(cases)
}

const SITE_YAML: &str = "base_url: https://clusters.example.eu/\ntitle: Cluster News\nlanguages: [{code: en}, {code: de}, {code: pl}, {code: fr}, {code: el}]\ntaxonomies: [sectors, countries, organisations, tags]\n";

/// A seed's kind, by its file name's extension.
fn seed_extension() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["txt", "md", "html"][..])
}

fn site_with_seeds(seeds: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), SITE_YAML).unwrap();
    std::fs::create_dir_all(dir.path().join("seeds")).unwrap();
    for (index, (extension, bytes)) in seeds.iter().enumerate() {
        let path = dir.path().join(format!("seeds/report-{index}.{extension}"));
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn ingest_site(root: &Path) -> Result<(), String> {
    let config = Config::parse(&root.join("site.yaml"), SITE_YAML).unwrap();
    ingest::ingest(root, &config, &IngestOptions::default())
        .map(drop)
        .map_err(|error| error.to_string())
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn the_text_stages_never_panic_and_always_agree(bytes in seed_bytes()) {
        let reader = TextReader::default();
        let first = reader.read(&bytes);
        prop_assert_eq!(first, reader.read(&bytes));
    }
}

proptest! {
    #![proptest_config(cases(24))]

    #[test]
    fn ingest_never_panics_is_deterministic_and_what_it_writes_builds(
        seeds in prop::collection::vec((seed_extension(), seed_bytes()), 1..4)
    ) {
        let first = site_with_seeds(&seeds);
        let second = site_with_seeds(&seeds);
        prop_assert_eq!(ingest_site(first.path()), Ok(()));
        prop_assert_eq!(ingest_site(second.path()), Ok(()));
        let content = tree(&first.path().join("content"));
        prop_assert_eq!(&content, &tree(&second.path().join("content")));
        let mut options = BuildOptions::new(first.path());
        options.ingest = false;
        let built = build::build(&options);
        prop_assert!(built.is_ok(), "ingest wrote content that does not build: {:?}\n{:#?}", built.err(), content.keys());
    }
}

/// A valid hand-written report: a title and a body of any of the pieces, in a language.
fn report_file() -> impl Strategy<Value = (String, String, String)> {
    (
        prop::sample::select(&["en", "de", "pl", "fr", "el"][..]),
        "[a-z]{1,8}(-[a-z0-9]{1,6}){0,2}",
        report_text(),
        report_text(),
        prop::collection::vec(
            prop::sample::select(&["energy", "health", "digital", "Mobility"][..]),
            0..3,
        ),
    )
        .prop_map(|(lang, slug, title, body, sectors)| {
            let title = title.replace(['\n', '\r', '\u{0}'], " ");
            let title = if title.trim().is_empty() {
                "Untitled".to_owned()
            } else {
                title
            };
            let front = serde_yaml::to_string(&serde_yaml::Mapping::from_iter([
                ("title".into(), title.trim().into()),
                (
                    "sectors".into(),
                    sectors.into_iter().map(serde_yaml::Value::from).collect(),
                ),
            ]))
            .unwrap();
            (
                lang.to_owned(),
                slug,
                format!("---\n{front}---\n\n{body}\n"),
            )
        })
}

proptest! {
    #![proptest_config(cases(16))]

    #[test]
    fn any_valid_site_renders_the_same_bytes_on_one_thread_and_on_four(
        events in prop::collection::vec(prop::collection::vec(report_file(), 1..4), 1..5)
    ) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), SITE_YAML).unwrap();
        let mut urls = std::collections::BTreeSet::new();
        for (index, reports) in events.iter().enumerate() {
            let folder = dir.path().join(format!("content/2024-0{}-1{index}-forum-{index}", index % 9 + 1));
            std::fs::create_dir_all(&folder).unwrap();
            for (lang, slug, text) in reports {
                // Two reports may not share a URL: that is an error, tested elsewhere.
                if urls.insert((lang.clone(), slug.clone())) {
                    std::fs::write(folder.join(format!("{slug}.{lang}.md")), text).unwrap();
                }
            }
        }
        let build = |threads: usize, output: &str| {
            let mut options = BuildOptions::new(dir.path());
            options.ingest = false;
            options.output = Some(dir.path().join(output));
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| build::build(&options).map(drop).map_err(|error| error.to_string()))
        };
        prop_assert_eq!(build(1, "one"), Ok(()));
        prop_assert_eq!(build(4, "four"), Ok(()));
        prop_assert_eq!(tree(&dir.path().join("one")), tree(&dir.path().join("four")));
    }
}
