//! The pages of a multilingual site, on a fixture in four languages (one right-to-left,
//! one event covered in Polish only, two items per list page, a sub-path base URL):
//! homes, events, reports, taxonomies, the archive, pagination, the root chooser and
//! hreflang, asserted on the parsed HTML.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common::*;
use scraper::{Html, Selector};

const BASE: &str = "https://clusters.example.eu/news/";

/// One build of the fixture, shared by the read-only tests of this file.
fn built() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("site-pages");
        let _ = std::fs::remove_dir_all(&dir);
        copy_tree(&repo().join("tests/fixtures/sites/four-languages"), &dir);
        let output = newsroom(&dir, &["build", "--no-ingest"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert!(!stderr.contains("warning"), "{stderr}");
        dir.join("public")
    })
}

fn page(path: &str) -> Html {
    let file = built().join(path).join("index.html");
    let text =
        std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("no page at {}", file.display()));
    Html::parse_document(&text)
}

fn exists(path: &str) -> bool {
    built().join(path).join("index.html").is_file()
}

/// The languages of a page's hreflang links, `x-default` left out.
fn hreflangs(page: &Html) -> BTreeSet<String> {
    attributes(page, "link[rel=alternate][hreflang]", "hreflang")
        .into_iter()
        .filter(|code| code != "x-default")
        .collect()
}

fn set(codes: &[&str]) -> BTreeSet<String> {
    codes.iter().map(|code| (*code).to_owned()).collect()
}

#[test]
fn right_to_left_languages_get_dir_rtl_and_the_others_ltr() {
    for (path, lang, dir) in [
        ("ar", "ar", "rtl"),
        ("ar/reports/forum", "ar", "rtl"),
        ("ar/sectors/energy", "ar", "rtl"),
        ("en", "en", "ltr"),
        ("pl/events/2023-06-01-silesian-aviation-day", "pl", "ltr"),
    ] {
        let page = page(path);
        assert_eq!(attributes(&page, "html", "lang"), [lang], "{path}");
        assert_eq!(attributes(&page, "html", "dir"), [dir], "{path}");
    }
    // The root is in the default language, but its Arabic entries are written right to left.
    let root = page("");
    let arabic = ".chooser a[lang=ar], p.suggestion[lang=ar]";
    assert_eq!(attributes(&root, arabic, "dir"), ["rtl", "rtl"]);
}

#[test]
fn an_event_covered_in_one_language_has_a_page_in_it_alone_and_nothing_points_elsewhere() {
    let event = "events/2023-06-01-silesian-aviation-day";
    assert!(exists(&format!("pl/{event}")));
    for lang in ["en", "fr", "ar"] {
        assert!(!exists(&format!("{lang}/{event}")), "{lang} has a page");
    }
    assert_eq!(hreflangs(&page(&format!("pl/{event}"))), set(&["pl"]));
    for (file, page) in pages(built()) {
        for href in attributes(&page, "a[href], link[href]", "href") {
            assert!(
                !href.contains(event) || href.contains(&format!("/pl/{event}")),
                "{file} points at {href}"
            );
        }
    }
}

#[test]
fn homes_list_their_events_two_per_page_with_links_between_pages() {
    let first = page("en");
    assert_eq!(
        texts(&first, ".cards .card-title"),
        ["Hydrogen Valleys Forum", "Digital Twins Workshop"]
    );
    assert_eq!(
        attributes(&first, "a[rel=next]", "href"),
        ["/news/en/page/2/"]
    );
    assert!(attributes(&first, "a[rel=prev]", "href").is_empty());
    let second = page("en/page/2");
    assert_eq!(
        texts(&second, ".cards .card-title"),
        ["Cluster Managers' Survey"]
    );
    assert_eq!(attributes(&second, "a[rel=prev]", "href"), ["/news/en/"]);
    assert!(texts(&second, "title")[0].contains("Page 2 of 2"));
    assert!(
        !exists("en/page/1"),
        "the first page lives at the list's own URL"
    );
    // Only English has a second page, so it is its own only language version.
    assert_eq!(hreflangs(&second), set(&["en"]));
    assert_eq!(hreflangs(&first), set(&["en", "fr", "pl", "ar"]));
    // A home's card says where, when, in how many reports and in which languages.
    let card = texts(&first, ".cards .card").remove(0);
    for fact in ["Lyon", "12 March 2024", "3 reports", "EN", "FR", "AR"] {
        assert!(
            card.to_uppercase().contains(&fact.to_uppercase()),
            "{fact} in {card}"
        );
    }
}

#[test]
fn an_event_page_shows_its_language_first_then_other_coverage_with_badges() {
    let event = page("fr/events/2024-03-12-hydrogen-valleys-forum");
    assert_eq!(texts(&event, "h1"), ["Forum des vallées de l'hydrogène"]);
    let lists = texts(&event, "ul.reports");
    assert_eq!(lists.len(), 2);
    assert!(lists[0].starts_with("Vallées de l'hydrogène"), "{lists:?}");
    let other: BTreeSet<String> = attributes(&event, "ul.reports:last-of-type a", "hreflang")
        .into_iter()
        .collect();
    assert_eq!(other, set(&["en", "ar"]));
    assert_eq!(
        texts(&event, "ul.reports:last-of-type .badge"),
        ["en", "ar"]
    );
}

#[test]
fn taxonomy_terms_have_pages_per_language_that_know_each_other() {
    let index = page("en/sectors");
    assert_eq!(texts(&index, ".terms-index a"), ["digital", "energy"]);
    assert!(texts(&index, ".terms-index li")[1].contains("2 reports"));
    let energy = page("en/sectors/energy");
    assert_eq!(
        texts(&energy, "ul.reports a"),
        [
            "Hydrogen valleys: thirty clusters compare their roadmaps",
            "What cluster managers expect from the next programme"
        ]
    );
    assert_eq!(hreflangs(&energy), set(&["en", "fr", "ar"]));
    assert_eq!(hreflangs(&page("pl/countries/poland")), set(&["pl"]));
    // A report links its terms to their pages in its own language.
    let report = page("fr/reports/forum");
    assert_eq!(
        attributes(&report, ".terms a", "href"),
        ["/news/fr/sectors/energy/", "/news/fr/countries/france/"]
    );
    // Languages without terms of a taxonomy have no index for it, and their menu says so.
    assert!(!exists("ar/countries"));
    let menu = attributes(&page("ar"), "nav.sections a", "href");
    assert_eq!(
        menu,
        ["/news/ar/", "/news/ar/sectors/", "/news/ar/archive/"]
    );
}

#[test]
fn the_archive_lists_years_and_each_year_its_events() {
    let archive = page("en/archive");
    assert_eq!(texts(&archive, ".years a"), ["2024", "2023"]);
    let undated_note = "Events with no known date are listed on the home page.";
    assert!(
        text(&archive).contains(undated_note),
        "English has an undated event"
    );
    assert!(
        texts(&page("fr/archive"), "main > p.meta").is_empty(),
        "French has none"
    );
    assert_eq!(
        texts(&page("en/archive/2023"), ".cards .card-title"),
        ["Digital Twins Workshop"]
    );
    assert_eq!(
        hreflangs(&page("en/archive/2024")),
        set(&["en", "fr", "ar"])
    );
    assert_eq!(hreflangs(&page("en/archive/2023")), set(&["en", "pl"]));
    assert_eq!(hreflangs(&archive), set(&["en", "fr", "pl", "ar"]));
}

#[test]
fn the_root_offers_every_language_and_suggests_the_browsers_without_redirecting() {
    let root = page("");
    let hidden = Selector::parse("p.suggestion[hidden]").unwrap();
    let suggestions: Vec<(String, String)> = root
        .select(&hidden)
        .map(|element| {
            let lang = element.value().attr("lang").unwrap().to_owned();
            (lang, element.text().collect())
        })
        .collect();
    assert_eq!(suggestions.len(), 4);
    assert!(suggestions.contains(&("en".into(), "Continue in English".into())));
    assert!(suggestions.contains(&("ar".into(), "المتابعة بالعربية".into())));
    assert!(attributes(&root, "meta[http-equiv]", "content").is_empty());
    let script = texts(&root, "script:not([type])").join(" ");
    assert!(script.contains("navigator.languages"), "{script}");
    assert!(!script.contains("location"), "the script must not redirect");
    assert_eq!(
        attributes(&root, ".chooser a", "hreflang"),
        ["en", "fr", "pl", "ar"]
    );
}

#[test]
fn every_page_has_a_description_even_in_a_language_without_one_configured() {
    for (file, page) in pages(built()) {
        let description = attributes(&page, "meta[name=description]", "content");
        assert!(
            description.len() == 1 && !description[0].trim().is_empty(),
            "{file}: {description:?}"
        );
    }
    let arabic = attributes(&page("ar"), "meta[name=description]", "content").remove(0);
    assert!(arabic.contains("منتدى وديان الهيدروجين"), "{arabic}");
}

#[test]
fn every_page_references_itself_and_every_reference_is_returned() {
    assert_hreflang_reciprocal(built(), BASE);
    assert_internal_links_resolve(built(), BASE);
}

#[test]
fn the_sitemap_lists_list_pages_with_their_alternates() {
    let sitemap = std::fs::read_to_string(built().join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let urls: Vec<roxmltree::Node<'_, '_>> = doc
        .descendants()
        .filter(|node| node.has_tag_name("url"))
        .collect();
    let entry = |loc: &str| {
        let url = urls
            .iter()
            .find(|url| url.descendants().any(|n| n.text() == Some(loc)))
            .unwrap_or_else(|| panic!("{loc} is not in the sitemap"));
        url.descendants()
            .filter(|node| node.has_tag_name("link"))
            .filter_map(|link| link.attribute("hreflang"))
            .filter(|code| *code != "x-default")
            .map(str::to_owned)
            .collect::<BTreeSet<String>>()
    };
    assert_eq!(
        entry(&format!("{BASE}fr/sectors/energy/")),
        set(&["en", "fr", "ar"])
    );
    assert_eq!(entry(&format!("{BASE}en/page/2/")), set(&["en"]));
    assert_eq!(
        entry(&format!("{BASE}pl/archive/2023/")),
        set(&["en", "pl"])
    );
    let pages = pages(built())
        .into_keys()
        .filter(|f| !f.ends_with("404.html"))
        .count();
    assert_eq!(urls.len(), pages, "one sitemap entry per page");
}
