//! Hostile text renders inert: the fixture tests/fixtures/sites/hostile has raw reports
//! (seeds) and hand-written reports full of `<script>`, event handlers, `javascript:` and
//! `data:` URLs, HTML comments and quotes that try to leave attributes, in front matter,
//! event facts and bodies. The built site is parsed as a browser parses it (html5ever) and
//! no script, handler or script-capable URL of theirs may be found — only the theme's own
//! scripts — while their text is still shown, escaped.

use crate::common::*;
use scraper::{ElementRef, Html, Node};

/// Every hostile payload of the fixture says this.
const MARKER: &str = "HOSTILE";

/// Attributes whose value a browser loads or navigates to.
const URL_ATTRIBUTES: [&str; 8] = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "srcset",
    "xlink:href",
    "data",
];

/// Elements that run, embed or restyle content; the theme uses none of them in a page body.
const FORBIDDEN_ELEMENTS: [&str; 8] = [
    "iframe", "object", "embed", "form", "base", "style", "svg", "frame",
];

fn is_script_url(value: &str) -> bool {
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|scheme| squeezed.starts_with(scheme))
}

/// What is wrong with one parsed document (a page, or a feed entry's HTML).
fn problems(document: &Html, is_root_page: bool) -> Vec<String> {
    let mut found = Vec::new();
    for node in document.tree.nodes() {
        match node.value() {
            Node::Comment(comment) if comment.contains(MARKER) => {
                found.push(format!("a comment came through: {}", &**comment));
            }
            Node::Element(element) => {
                let name = element.name();
                for (attribute, value) in element.attrs() {
                    if attribute.starts_with("on") {
                        found.push(format!("<{name} {attribute}=\"{value}\">"));
                    }
                    if URL_ATTRIBUTES.contains(&attribute) && is_script_url(value) {
                        found.push(format!("<{name} {attribute}=\"{value}\">"));
                    }
                }
                if name == "meta" && element.attr("http-equiv").is_some() {
                    found.push("a <meta http-equiv> came through".to_owned());
                }
                if FORBIDDEN_ELEMENTS.contains(&name) {
                    found.push(format!("a <{name}> element came through"));
                }
                if name == "script" {
                    let script = ElementRef::wrap(node).unwrap();
                    found.extend(script_problem(script, is_root_page));
                }
            }
            _ => {}
        }
    }
    found
}

/// The only scripts allowed: JSON-LD that is valid JSON and cannot end its element, and the
/// theme's own language suggestion on the root page.
fn script_problem(script: ElementRef<'_>, is_root_page: bool) -> Option<String> {
    let text: String = script.text().collect();
    if text.contains(MARKER) && script.value().attr("type") != Some("application/ld+json") {
        return Some(format!("a script with hostile text: {text}"));
    }
    match script.value().attr("type") {
        Some("application/ld+json") => {
            if let Err(error) = serde_json::from_str::<serde_json::Value>(&text) {
                return Some(format!("JSON-LD that is not JSON ({error}): {text}"));
            }
            text.contains('<')
                .then(|| format!("JSON-LD with an unescaped `<`: {text}"))
        }
        None if is_root_page => None,
        other => Some(format!("a script of type {other:?}: {text}")),
    }
}

fn built_hostile_site() -> tempfile::TempDir {
    let site = fixture_site("hostile");
    newsroom_ok(site.path(), &["build"]);
    site
}

#[test]
fn no_script_handler_or_script_url_of_a_hostile_report_reaches_a_page() {
    let site = built_hostile_site();
    let public = site.path().join("public");
    let pages = pages(&public);
    assert!(pages.len() > 20, "{} pages", pages.len());
    let mut all = Vec::new();
    for (path, page) in &pages {
        for problem in problems(page, path == "index.html") {
            all.push(format!("{path}: {problem}"));
        }
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn hostile_text_is_shown_as_text() {
    let site = built_hostile_site();
    let public = site.path().join("public");
    let report = Html::parse_document(
        &std::fs::read_to_string(public.join("en/reports/hostile-forum/index.html")).unwrap(),
    );
    let shown = text(&report);
    for expected in [
        "<script>alert('HOSTILE inline script')</script>",
        "<img src=\"x\" onerror=\"alert('HOSTILE img handler')\">",
        "Battery forum</title><script>alert('HOSTILE title')</script>",
    ] {
        assert!(
            shown.contains(expected),
            "`{expected}` is not shown in:\n{shown}"
        );
    }
    let title = texts(&report, "title");
    assert!(
        title[0].starts_with("Battery forum</title><script>"),
        "{title:?}"
    );
    // Links whose URL could run code keep their text and lose their URL.
    let links = attributes(&report, "main a", "href");
    assert!(!links.iter().any(|href| is_script_url(href)), "{links:?}");
    assert!(
        links
            .iter()
            .any(|href| href.starts_with("https://example.org/")),
        "{links:?}"
    );
}

#[test]
fn feeds_carry_no_script_either() {
    let site = built_hostile_site();
    let public = site.path().join("public");
    let mut checked = 0;
    for feed in ["atom.xml", "en/atom.xml", "de/atom.xml", "fr/atom.xml"] {
        let xml = std::fs::read_to_string(public.join(feed)).unwrap();
        let document = roxmltree::Document::parse(&xml).unwrap();
        // Text constructs (`type="text"`) are shown as text by every reader; HTML ones are
        // parsed as HTML and must be as safe as a page.
        for node in document
            .descendants()
            .filter(|node| node.attribute("type") == Some("html"))
        {
            let html = Html::parse_fragment(node.text().unwrap_or_default());
            let found = problems(&html, false);
            assert!(found.is_empty(), "{feed}: {found:?}");
            checked += 1;
        }
        for node in document
            .descendants()
            .filter(|node| node.has_tag_name("link"))
        {
            let href = node.attribute("href").unwrap_or_default();
            assert!(!is_script_url(href), "{feed}: {href}");
        }
    }
    assert!(checked >= 4, "only {checked} feed entries");
}

#[test]
fn ingest_writes_markup_of_raw_reports_as_text() {
    let site = built_hostile_site();
    let content = tree(&site.path().join("content"));
    let seeded: Vec<(&String, String)> = content
        .iter()
        .filter(|(path, _)| path.ends_with(".md") && !path.contains("hostile-forum"))
        .map(|(path, bytes)| (path, String::from_utf8_lossy(bytes).into_owned()))
        .collect();
    assert_eq!(seeded.len(), 2, "{:?}", content.keys().collect::<Vec<_>>());
    for (path, text) in seeded {
        let body = text.splitn(3, "---\n").nth(2).unwrap();
        let rendered = pulldown_cmark_html(body);
        for tag in [
            "<script",
            "<img",
            "<iframe",
            "<svg",
            "<a href=\"javascript",
            "<!--",
        ] {
            assert!(
                !rendered.contains(tag),
                "{path}: ingest let `{tag}` through as markup:\n{rendered}"
            );
        }
    }
}

#[test]
fn raw_html_reaches_pages_only_from_hand_written_reports_of_a_site_that_allows_it() {
    let site = fixture_site("hostile");
    let config = site.path().join("site.yaml");
    let yaml = std::fs::read_to_string(&config).unwrap() + "markdown:\n  raw_html: true\n";
    std::fs::write(&config, yaml).unwrap();
    newsroom_ok(site.path(), &["build"]);
    let public = site.path().join("public");
    let hand_written = |path: &str| path.contains("/reports/hostile-forum/");
    let mut all = Vec::new();
    for (path, page) in pages(&public)
        .iter()
        .filter(|(path, _)| !hand_written(path))
    {
        for problem in problems(page, path == "index.html") {
            all.push(format!("{path}: {problem}"));
        }
    }
    assert!(
        all.is_empty(),
        "raw HTML of ingested reports came through:\n{}",
        all.join("\n")
    );
    let page = std::fs::read_to_string(public.join("en/reports/hostile-forum/index.html")).unwrap();
    assert!(
        page.contains("<iframe src=https://evil.example/HOSTILE>"),
        "the site allowed raw HTML:\n{page}"
    );
    let links = attributes(&Html::parse_document(&page), "a", "href");
    assert!(
        !links.iter().any(|href| is_script_url(href)),
        "a Markdown link kept its script URL: {links:?}"
    );
}

/// Markdown as any CommonMark renderer would make it, raw HTML passed through: what ingest
/// writes must be safe even there, not only through newsroom's own renderer.
fn pulldown_cmark_html(markdown: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(markdown));
    html
}
