//! Building the repository's five seed reports into a site, through the real CLI: the
//! events and languages ingest must find, hreflang reciprocity, no site furniture on any
//! page, every internal link resolving, and deterministic ingest.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common::*;

/// One build of the seeds, shared by the read-only tests of this file.
fn built() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("build-seeds");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let site = seeds_site();
        copy_tree(site.path(), &dir);
        newsroom_ok(&dir, &["build"]);
        dir
    })
}

/// Event folder → languages of its reports, from content/.
fn events_and_languages(root: &Path) -> BTreeMap<String, Vec<String>> {
    let mut events: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (path, _) in tree(&root.join("content")) {
        let Some((event, file)) = path.split_once('/') else {
            continue;
        };
        if let Some(stem) = file.strip_suffix(".md") {
            let lang = stem.rsplit('.').next().unwrap().to_owned();
            events.entry(event.to_owned()).or_default().push(lang);
        }
    }
    for languages in events.values_mut() {
        languages.sort();
    }
    events
}

#[test]
fn the_seeds_make_three_events_in_the_right_languages() {
    let events = events_and_languages(built());
    let shapes: BTreeSet<Vec<String>> = events.values().cloned().collect();
    assert_eq!(events.len(), 3, "{events:#?}");
    let expected: BTreeSet<Vec<String>> = [vec!["en", "en", "pl"], vec!["de", "en"], vec!["en"]]
        .into_iter()
        .map(|langs| langs.into_iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(shapes, expected, "{events:#?}");
}

#[test]
fn event_facts_are_found_and_unknown_dates_stay_unknown() {
    let content = built().join("content");
    let facts: BTreeMap<String, String> = events_and_languages(built())
        .keys()
        .map(|event| {
            (
                event.clone(),
                std::fs::read_to_string(content.join(event).join("_event.yaml")).unwrap(),
            )
        })
        .collect();
    let gold_label = facts.values().find(|text| text.contains("pl:")).unwrap();
    assert!(gold_label.contains("date: 2019-12-04"), "{gold_label}");
    assert!(gold_label.contains("place: Brussels"), "{gold_label}");
    let matchmaking = facts.values().find(|text| text.contains("de:")).unwrap();
    assert!(matchmaking.contains("date: 2014-10-20"), "{matchmaking}");
    assert!(matchmaking.contains("place: Brussels"), "{matchmaking}");
    let forum = facts
        .values()
        .find(|text| !text.contains("de:") && !text.contains("pl:"))
        .unwrap();
    assert!(
        forum.contains("date: null"),
        "the forum's text gives no date: {forum}"
    );
}

#[test]
fn the_bilingual_seed_becomes_two_reports_marked_as_translations() {
    let content = built().join("content");
    let pair: Vec<String> = tree(&content)
        .into_iter()
        .filter(|(path, bytes)| {
            path.ends_with(".md") && String::from_utf8_lossy(bytes).contains("seeds/003")
        })
        .map(|(_, bytes)| String::from_utf8(bytes).unwrap())
        .collect();
    assert_eq!(pair.len(), 2);
    let key = |text: &str| {
        text.lines()
            .find(|line| line.starts_with("translation_key:"))
            .map(str::to_owned)
    };
    assert!(key(&pair[0]).is_some());
    assert_eq!(key(&pair[0]), key(&pair[1]));
}

#[test]
fn every_hreflang_link_has_its_return_link_and_a_self_reference() {
    assert_hreflang_reciprocal(&built().join("public"), "https://newsroom.example.org/");
}

#[test]
fn no_line_of_the_seeds_site_furniture_reaches_a_page() {
    // The furniture lines of each seed are listed with the ingest fixtures.
    let expected =
        std::fs::read_to_string(repo().join("tests/fixtures/ingest/repo-seeds.yaml")).unwrap();
    let entries: Vec<serde_yaml::Value> = serde_yaml::from_str(&expected).unwrap();
    let furniture: Vec<String> = entries
        .iter()
        .filter_map(|entry| entry.get("furniture")?.as_str())
        .flat_map(|block| block.lines().map(str::to_owned).collect::<Vec<_>>())
        // Two-word lines ("through clusters") also occur inside real sentences.
        .filter(|line| line.split_whitespace().count() >= 3)
        .collect();
    assert!(furniture.len() >= 8);
    let public = built().join("public");
    for (file, page) in pages(&public) {
        let shown = text(&page);
        for line in &furniture {
            assert!(
                !shown.contains(line.as_str()),
                "{file} shows furniture: {line}"
            );
        }
    }
}

#[test]
fn every_internal_link_and_asset_resolves_to_a_file() {
    assert_internal_links_resolve(&built().join("public"), "https://newsroom.example.org/");
}

#[test]
fn pages_exist_for_every_language_event_and_report() {
    let public = built().join("public");
    for home in [
        "index.html",
        "en/index.html",
        "de/index.html",
        "pl/index.html",
    ] {
        assert!(public.join(home).is_file(), "{home}");
    }
    let events = events_and_languages(built());
    for (event, languages) in events {
        for lang in languages {
            let page = public
                .join(&lang)
                .join("events")
                .join(&event)
                .join("index.html");
            assert!(page.is_file(), "{}", page.display());
        }
    }
    let reports = tree(&public)
        .keys()
        .filter(|path| path.contains("/reports/"))
        .count();
    assert_eq!(reports, 6);
    let pages = crate::common::pages(&public);
    // 404 pages have no canonical URL (tests/not_found.rs).
    for (file, page) in pages.iter().filter(|(file, _)| !file.ends_with("404.html")) {
        assert_eq!(
            attributes(page, "html", "lang").len(),
            1,
            "{file} has no <html lang>"
        );
        assert_eq!(
            attributes(page, "link[rel=canonical]", "href").len(),
            1,
            "{file} has no canonical link"
        );
        assert!(
            !attributes(page, "nav.languages a, nav.languages span", "lang").is_empty(),
            "{file}: no switcher"
        );
    }
}

#[test]
fn every_page_has_a_description_and_an_icon_that_exists() {
    let public = built().join("public");
    for (file, page) in &pages(&public) {
        let descriptions = attributes(page, r#"meta[name="description"]"#, "content");
        assert!(
            descriptions.len() == 1 && !descriptions[0].trim().is_empty(),
            "{file}: {descriptions:?}"
        );
        let icons = attributes(page, r#"link[rel="icon"]"#, "href");
        assert_eq!(icons.len(), 1, "{file}");
        assert!(
            file_for(&public, "/", &icons[0]).is_some(),
            "{file}: {icons:?}"
        );
    }
}

/// The JSON-LD objects of a page.
fn structured_data(page: &scraper::Html) -> Vec<serde_json::Value> {
    let selector = scraper::Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    page.select(&selector)
        .map(|script| serde_json::from_str(&script.text().collect::<String>()).unwrap())
        .collect()
}

#[test]
fn reports_events_and_homes_describe_themselves_as_json_ld() {
    let public = built().join("public");
    let pages = pages(&public);
    let report = &structured_data(&pages["pl/reports/spotkanie-50-gold-label-clusters/index.html"]);
    assert_eq!(report.len(), 1);
    let article = &report[0];
    assert_eq!(article["@context"], "https://schema.org");
    assert_eq!(article["@type"], "NewsArticle");
    assert_eq!(article["headline"], "Spotkanie 50 Gold-Label Clusters");
    assert_eq!(article["inLanguage"], "pl");
    assert_eq!(article["datePublished"], "2019-12-08");
    assert_eq!(article["publisher"]["@type"], "Organization");
    let about = article["about"]["url"].as_str().unwrap();
    let about = about.strip_prefix("https://newsroom.example.org").unwrap();
    assert!(file_for(&public, "/", about).is_some(), "{about}");

    let (dated, undated): (Vec<_>, Vec<_>) = pages
        .iter()
        .filter(|(file, _)| file.starts_with("en/events/"))
        .partition(|(file, _)| file.starts_with("en/events/20"));
    for (file, page) in dated {
        let event = &structured_data(page)[0];
        assert_eq!(event["@type"], "Event", "{file}");
        assert!(
            event["startDate"].as_str().unwrap().starts_with("20"),
            "{file}"
        );
        assert_eq!(event["location"]["@type"], "Place", "{file}");
    }
    for (file, page) in undated {
        assert!(
            structured_data(page).is_empty(),
            "{file}: an event without a date is no valid schema.org Event"
        );
    }
    for home in ["index.html", "en/index.html", "de/index.html"] {
        assert_eq!(
            structured_data(&pages[home])[0]["@type"],
            "Organization",
            "{home}"
        );
    }
}

#[test]
fn ingest_twice_gives_byte_identical_content() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["ingest"]);
    let first = tree(&site.path().join("content"));
    newsroom_ok(site.path(), &["ingest"]);
    assert_eq!(first, tree(&site.path().join("content")));
}

#[test]
fn the_summary_line_counts_reports_events_pages_and_warnings() {
    let site = seeds_site();
    let out = newsroom_ok(site.path(), &["build"]);
    assert!(out.contains("built 6 reports in 3 events"), "{out}");
    // Each language's count is its pages in the output (the root counts for the default
    // language; 404 pages are no pages of the site).
    let files = tree(&site.path().join("public"));
    for lang in ["en", "de", "pl"] {
        let mut count = files
            .keys()
            .filter(|path| path.starts_with(&format!("{lang}/")) && path.ends_with("index.html"))
            .count();
        if lang == "en" {
            count += 1;
        }
        assert!(
            out.contains(&format!("{lang} {count}")),
            "{lang} {count}: {out}"
        );
    }
    assert!(out.contains("0 warnings"), "{out}");
}

#[test]
fn internal_links_work_under_a_sub_path() {
    let site = seeds_site();
    let out = site.path().join("out");
    newsroom_ok(
        site.path(),
        &[
            "build",
            "--base-url",
            "https://example.org/news/",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_internal_links_resolve(&out, "https://example.org/news/");
}
