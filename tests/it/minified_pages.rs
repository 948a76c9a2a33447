//! Templates minified once make the pages that minifying each page whole makes. Each site is
//! built twice through the CLI, minified and with `output.minify: false`; every page of the
//! minified build must say what minify-html makes of the unminified one. The two are
//! compared once minify-html has minified each again until it changes nothing more, as
//! minify-html does not finish in one pass (it drops an end tag on the second that the
//! first kept), and as templates minified apart from what Tera puts into them keep a
//! space or a quote that minifying the whole page would drop.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::*;
use newsroom::pipeline::render::minify_page;

/// Builds `site` into `public/` as configured and into `unminified/` with minifying off.
fn build_both_ways(site: &Path) -> (BTreeMap<String, Vec<u8>>, BTreeMap<String, Vec<u8>>) {
    newsroom_ok(site, &["build"]);
    let config = site.join("site.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let unminified = match text.split_once("\noutput:\n") {
        Some((before, after)) => format!("{before}\noutput:\n  minify: false\n{after}"),
        None => format!("{text}\noutput:\n  minify: false\n"),
    };
    std::fs::write(&config, unminified).unwrap();
    newsroom_ok(
        site,
        &[
            "build",
            "--no-ingest",
            "--output",
            &site.join("unminified").to_string_lossy(),
        ],
    );
    (tree(&site.join("public")), tree(&site.join("unminified")))
}

/// `html` minified until minifying changes nothing.
fn settled(html: &[u8]) -> Vec<u8> {
    let mut current = html.to_vec();
    for _ in 0..8 {
        let next = minify_page(&current);
        if next == current {
            return current;
        }
        current = next;
    }
    panic!(
        "minifying never settles:\n{}",
        String::from_utf8_lossy(&current)
    );
}

/// The first place two pages differ, with some text around it.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let at = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let around = |page: &[u8]| {
        String::from_utf8_lossy(&page[at.saturating_sub(120)..(at + 120).min(page.len())])
            .into_owned()
    };
    format!(
        "\n  minified once: …{}…\n  page minified: …{}…",
        around(a),
        around(b)
    )
}

/// Asserts every HTML page of `minified` is `unminified`'s minified, as described above,
/// and hardly longer than minifying the page whole makes it; returns how many pages there
/// were.
fn assert_same_pages(
    minified: &BTreeMap<String, Vec<u8>>,
    unminified: &BTreeMap<String, Vec<u8>>,
) -> usize {
    let pages: Vec<&String> = unminified
        .keys()
        .filter(|path| path.ends_with(".html"))
        .collect();
    let (mut once, mut whole) = (0, 0);
    for path in &pages {
        let minified_whole = minify_page(&unminified[*path]);
        let expected = settled(&minified_whole);
        let got = settled(&minified[*path]);
        assert!(
            got == expected,
            "{path}:{}",
            first_difference(&got, &expected)
        );
        once += minified[*path].len();
        whole += minified_whole.len();
    }
    // What the templates keep that the whole page would lose (quotes around values Tera
    // fills in, spaces beside Tera tags, some end tags) costs 5-8 per cent here.
    assert!(
        once * 100 <= whole * 110,
        "minified once: {once} bytes, each page whole: {whole} bytes"
    );
    pages.len()
}

#[test]
fn the_seeds_pages_are_the_pages_minified() {
    let site = seeds_site();
    let (minified, unminified) = build_both_ways(site.path());
    assert!(assert_same_pages(&minified, &unminified) > 20);
}

#[test]
fn the_fixture_sites_pages_are_the_pages_minified() {
    for name in ["four-languages", "handwritten", "hostile"] {
        let site = fixture_site(name);
        let (minified, unminified) = build_both_ways(site.path());
        assert!(assert_same_pages(&minified, &unminified) > 10, "{name}");
    }
}

#[test]
fn a_template_that_cannot_be_minified_alone_has_its_pages_minified_whole() {
    let site = fixture_site("four-languages");
    let templates = site.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    // A statement between a tag's attributes: minifying the template would move it.
    std::fs::write(
        templates.join("404.html"),
        "{% extends \"theme/404.html\" %}\n{% block content %}<p{% if lang == \"ar\" %} class=\"rtl\"{% endif %}>{{ t(key=\"not-found-text\") }}</p>{% endblock content %}\n",
    )
    .unwrap();
    let (minified, unminified) = build_both_ways(site.path());
    for (path, page) in unminified
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
    {
        assert!(
            minified[path] == minify_page(page),
            "{path} is minified whole:{}",
            first_difference(&minified[path], &minify_page(page))
        );
    }
    let arabic = String::from_utf8(minified["ar/404.html"].clone()).unwrap();
    assert!(arabic.contains("<p class=rtl>"), "{arabic}");
}
