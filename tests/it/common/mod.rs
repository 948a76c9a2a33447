//! Helpers shared by the integration tests: temporary sites made from the repository's
//! seeds or from fixtures, the real `newsroom` binary, and parsed HTML.

#![allow(dead_code, unreachable_pub)]

pub mod fuzz;
pub mod quality;
pub mod serve;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use scraper::{Html, Selector};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary site with the repository's site.yaml, theme and seeds, and no content yet.
pub fn seeds_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    copy_tree(&repo().join("seeds"), &dir.path().join("seeds"));
    copy_tree(&repo().join("themes"), &dir.path().join("themes"));
    dir
}

/// A site in `languages` with `seeds` (file name, text) in seeds/.
pub fn seeded_site(languages: &[&str], seeds: &[(&str, &str)]) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let codes: Vec<String> = languages
        .iter()
        .map(|code| format!("{{code: {code}}}"))
        .collect();
    std::fs::write(
        site.path().join("site.yaml"),
        format!(
            "base_url: https://example.org/\ntitle: Test\nlanguages: [{}]\n",
            codes.join(", ")
        ),
    )
    .unwrap();
    std::fs::create_dir(site.path().join("seeds")).unwrap();
    for (name, text) in seeds {
        std::fs::write(site.path().join("seeds").join(name), text).unwrap();
    }
    site
}

/// A temporary copy of a fixture site under tests/fixtures/sites/.
pub fn fixture_site(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("tests/fixtures/sites").join(name), dir.path());
    dir
}

/// Runs the newsroom binary with `--root root` and the given arguments.
pub fn newsroom(root: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_newsroom"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

/// Runs newsroom and insists it succeeded; returns stdout.
pub fn newsroom_ok(root: &Path, args: &[&str]) -> String {
    let output = newsroom(root, args);
    assert!(
        output.status.success(),
        "newsroom {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Every file under a folder, relative path → bytes.
pub fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (relative, std::fs::read(entry.path()).unwrap())
        })
        .collect()
}

/// Every HTML page of a built site, relative path → parsed document.
pub fn pages(public: &Path) -> BTreeMap<String, Html> {
    tree(public)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| {
            (
                path,
                Html::parse_document(&String::from_utf8(bytes).unwrap()),
            )
        })
        .collect()
}

/// The values of `attribute` on elements matching `selector`.
pub fn attributes(page: &Html, selector: &str, attribute: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    page.select(&selector)
        .filter_map(|element| element.value().attr(attribute).map(str::to_owned))
        .collect()
}

/// The visible text of a page.
pub fn text(page: &Html) -> String {
    let body = Selector::parse("body").unwrap();
    page.select(&body)
        .flat_map(|element| element.text())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of each element matching `selector`, whitespace collapsed.
pub fn texts(page: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    page.select(&selector)
        .map(|element| element.text().collect::<Vec<_>>().join(" "))
        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The file a URL path (below `base_path`) is served from, if it exists.
pub fn file_for(public: &Path, base_path: &str, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['#', '?']).next().unwrap();
    let inside = path.strip_prefix(base_path)?;
    let candidate = public.join(inside);
    if candidate.is_file() {
        Some(candidate)
    } else if candidate.join("index.html").is_file() {
        Some(candidate.join("index.html"))
    } else {
        None
    }
}

/// The path a page is served at, from its file path (`en/index.html` → `en/`).
pub fn url_of(file: &str) -> String {
    file.strip_suffix("index.html").unwrap_or(file).to_owned()
}

/// Asserts every internal link and asset of every page resolves to a file, and stays below
/// the base URL's path. `base_url` ends in `/` (`https://example.org/news/`).
pub fn assert_internal_links_resolve(public: &Path, base_url: &str) {
    let origin_end = base_url.find("://").map_or(0, |at| at + 3);
    let path_start = base_url[origin_end..]
        .find('/')
        .map_or(base_url.len(), |at| origin_end + at);
    let (origin, base_path) = base_url.split_at(path_start);
    for (file, page) in pages(public) {
        let mut targets = attributes(&page, "a[href], link[href]", "href");
        targets.extend(attributes(&page, "img[src], script[src]", "src"));
        for target in targets {
            let external = target.contains("://") && !target.starts_with(base_url);
            if target.starts_with('#') || external {
                continue;
            }
            let path = target.strip_prefix(origin).unwrap_or(&target);
            assert!(
                path.starts_with(base_path),
                "{file}: {target} leaves {base_path}"
            );
            assert!(
                file_for(public, base_path, path).is_some(),
                "{file}: {target} does not resolve"
            );
        }
    }
}

/// Each page's hreflang links (code → absolute URL), by the page's URL path below the
/// site root (404 pages, which are no language version of anything, left out).
pub fn hreflang_links(public: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    pages(public)
        .iter()
        .filter(|(file, _)| !file.ends_with("404.html"))
        .map(|(file, page)| {
            let codes = attributes(page, "link[rel=alternate][hreflang]", "hreflang");
            let hrefs = attributes(page, "link[rel=alternate][hreflang]", "href");
            (url_of(file), codes.into_iter().zip(hrefs).collect())
        })
        .collect()
}

/// Asserts every page lists itself and `x-default` among its hreflang links, and every
/// page it lists lists it back.
pub fn assert_hreflang_reciprocal(public: &Path, base_url: &str) {
    let links = hreflang_links(public);
    for (url, alternates) in &links {
        if url.is_empty() {
            continue; // the root chooser is every group's x-default
        }
        assert!(
            alternates.contains_key("x-default"),
            "{url} has no x-default"
        );
        let points_here = |href: &String| href.strip_prefix(base_url) == Some(url.as_str());
        assert!(
            alternates.values().any(points_here),
            "{url} does not list itself: {alternates:?}"
        );
        for (code, href) in alternates.iter().filter(|(code, _)| *code != "x-default") {
            let target = href
                .strip_prefix(base_url)
                .unwrap_or_else(|| panic!("{href} is not absolute under {base_url}"));
            let back = links
                .get(target)
                .unwrap_or_else(|| panic!("{url} → {href}: no such page"));
            assert!(
                back.values().any(points_here),
                "{url} → {target} ({code}) has no return link"
            );
        }
    }
}
