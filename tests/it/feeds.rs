//! Atom feeds: one per language and one for all languages, well-formed whatever a report
//! contains, newest first, with full content, and linked from every page's head.

use crate::common::*;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// A hand-written report whose title and body need escaping in XML.
const ESCAPING_REPORT: &str = "---
title: \"R&D <Labs> \\\"open\\\" day\"
date: 2024-05-02
summary: Labs & clusters opened their doors.
---

Fifty visitors saw *five* labs & two <script>alert(1)</script> demos.
";

fn children<'a>(
    node: roxmltree::Node<'a, 'a>,
    name: &str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'a>> {
    let name = name.to_owned();
    node.children()
        .filter(move |child| child.has_tag_name((ATOM, name.as_str())))
}

fn text_of(node: roxmltree::Node<'_, '_>, name: &str) -> String {
    children(node, name)
        .next()
        .and_then(|child| child.text())
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn every_language_and_the_whole_site_have_a_feed_linked_from_every_page() {
    let site = fixture_site("handwritten");
    let event = site
        .path()
        .join("content/2024-03-12-hydrogen-valleys-forum");
    std::fs::write(event.join("open-day.en.md"), ESCAPING_REPORT).unwrap();
    newsroom_ok(site.path(), &["build"]);
    let public = site.path().join("public");

    let all = std::fs::read_to_string(public.join("atom.xml")).unwrap();
    let all = roxmltree::Document::parse(&all).expect("the feed of all languages is XML");
    let feed = all.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    let entries: Vec<_> = children(feed, "entry").collect();
    assert_eq!(
        entries.len(),
        3,
        "two languages of one report and the open day"
    );
    let updated: Vec<String> = entries.iter().map(|e| text_of(*e, "updated")).collect();
    let mut newest_first = updated.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(updated, newest_first, "newest first");
    assert_eq!(text_of(feed, "updated"), updated[0]);

    let open_day = entries
        .iter()
        .find(|entry| text_of(**entry, "title") == "R&D <Labs> \"open\" day")
        .expect("the title survives escaping");
    let content = text_of(*open_day, "content");
    assert!(
        content.contains("<em>five</em>"),
        "full content as HTML: {content}"
    );
    assert!(
        !content.contains("<script>"),
        "raw HTML stays text: {content}"
    );
    assert_eq!(
        text_of(*open_day, "summary"),
        "Labs & clusters opened their doors."
    );

    for (lang, count) in [("en", 2), ("fr", 1)] {
        let xml = std::fs::read_to_string(public.join(lang).join("atom.xml")).unwrap();
        let doc = roxmltree::Document::parse(&xml).expect("a language's feed is XML");
        let feed = doc.root_element();
        assert_eq!(feed.attribute((XML, "lang")), Some(lang));
        let entries: Vec<_> = children(feed, "entry").collect();
        assert_eq!(entries.len(), count, "{lang}");
        for entry in entries {
            assert_eq!(entry.attribute((XML, "lang")), Some(lang));
            let link = children(entry, "link").next().unwrap();
            let href = link.attribute("href").unwrap();
            let path = href.strip_prefix("https://clusters.example.eu").unwrap();
            assert!(
                file_for(&public, "/", path).is_some(),
                "the entry links to a page that exists: {href}"
            );
        }
    }

    for (path, page) in pages(&public) {
        let feeds = attributes(
            &page,
            r#"link[rel="alternate"][type="application/atom+xml"]"#,
            "href",
        );
        assert!(feeds.contains(&"/atom.xml".to_owned()), "{path}: {feeds:?}");
        let lang = path.split('/').next().unwrap_or_default();
        if lang == "en" || lang == "fr" {
            assert!(
                feeds.contains(&format!("/{lang}/atom.xml")),
                "{path}: {feeds:?}"
            );
        }
    }
}

#[test]
fn feeds_carry_only_the_newest_reports_when_limited() {
    let site = fixture_site("four-languages");
    let config = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("  page_size: 2", "  page_size: 2\n  feed_entries: 2"),
    )
    .unwrap();
    newsroom_ok(site.path(), &["build", "--no-ingest"]);
    let titles = |feed: &str| -> Vec<String> {
        let xml = std::fs::read_to_string(site.path().join("public").join(feed)).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        doc.root_element()
            .children()
            .filter(|node| node.has_tag_name("entry"))
            .map(|entry| text_of(entry, "title"))
            .collect()
    };
    assert_eq!(
        titles("en/atom.xml"),
        [
            "Hydrogen valleys: thirty clusters compare their roadmaps",
            "Twelve clusters build digital twins of their supply chains"
        ],
        "the undated survey is the oldest and left out"
    );
    assert_eq!(titles("atom.xml").len(), 2);
}
