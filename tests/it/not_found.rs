//! "Page not found" pages: `404.html` at the root in the default language and one per
//! language, localized, kept out of search engines, the sitemap and the hreflang groups.

use crate::common::*;

#[test]
fn every_language_has_a_localized_404_page_that_search_engines_skip() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["build"]);
    let public = site.path().join("public");
    let pages = pages(&public);

    for (path, lang, heading) in [
        ("404.html", "en", "Page not found"),
        ("en/404.html", "en", "Page not found"),
        ("de/404.html", "de", "Seite nicht gefunden"),
        ("pl/404.html", "pl", "Nie znaleziono strony"),
    ] {
        let page = &pages[path];
        assert_eq!(attributes(page, "html", "lang"), [lang], "{path}");
        assert!(text(page).contains(heading), "{path}");
        assert_eq!(
            attributes(page, r#"meta[name="robots"]"#, "content"),
            ["noindex"]
        );
        assert!(
            attributes(page, r#"link[rel="canonical"]"#, "href").is_empty()
                && attributes(page, "link[hreflang]", "href").is_empty(),
            "{path} is no language version of anything"
        );
        // Served at any URL: every link must work from anywhere, so none is relative.
        for href in attributes(page, "a", "href")
            .into_iter()
            .filter(|h| !h.starts_with('#'))
        {
            assert!(href.starts_with('/'), "{path}: {href}");
            assert!(file_for(&public, "/", &href).is_some(), "{path}: {href}");
        }
        let home = format!("/{lang}/");
        assert!(
            attributes(page, "main a", "href").contains(&home),
            "{path} leads to its language's home"
        );
    }
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("404"), "404 pages are not in the sitemap");
}

#[test]
fn a_language_without_ui_strings_gets_the_default_language_words_and_a_warning() {
    // The default theme has UI strings for the EU languages, not for Catalan.
    let site = fixture_site("handwritten");
    let config = site.path().join("site.yaml");
    let yaml = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        yaml.replace("taxonomies:", "  - code: ca\ntaxonomies:"),
    )
    .unwrap();
    let output = newsroom(site.path(), &["build"]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let page = &pages(&site.path().join("public"))["ca/404.html"];
    assert_eq!(attributes(page, "html", "lang"), ["ca"]);
    assert!(text(page).contains("Page not found"), "never a blank");
    assert!(stderr.contains("not-found-title"), "{stderr}");
}
