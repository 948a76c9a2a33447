//! Rebuilding in a session, as `newsroom serve --watch` does on every save: an edit
//! re-renders and writes exactly the pages whose bytes change, the result is byte for byte
//! what a fresh build makes, and a theme change re-renders everything.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use newsroom::pipeline::{self, BuildOptions, BuildSummary, Session};

const REPORT: &str = "content/2024-03-12-hydrogen-valleys-forum/forum.en.md";

fn options(root: &Path, output: &str) -> BuildOptions {
    BuildOptions {
        output: Some(root.join(output)),
        ingest: false,
        ..BuildOptions::new(root)
    }
}

/// The pages of a build (404 pages, rendered every time, left out).
fn html_files(root: &Path, output: &str) -> BTreeMap<String, Vec<u8>> {
    tree(&root.join(output))
        .into_iter()
        .filter(|(path, _)| path.ends_with("index.html"))
        .collect()
}

fn edit(root: &Path, from: &str, to: &str) {
    let path = root.join(REPORT);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from));
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Rebuilds with `cache` after an edit and checks the result against a fresh build; returns
/// the summary and how many pages' bytes changed.
fn rebuild(root: &Path, session: &mut Session) -> (BuildSummary, usize) {
    let before = html_files(root, "public");
    let summary = pipeline::rebuild(&options(root, "public"), session).unwrap();
    let after = html_files(root, "public");
    pipeline::build(&options(root, "fresh")).unwrap();
    assert!(
        after == html_files(root, "fresh"),
        "cached and fresh builds differ"
    );
    let changed = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
        .count();
    (summary, changed)
}

#[test]
fn an_edit_re_renders_exactly_the_pages_it_changes() {
    let site = fixture_site("four-languages");
    let root = site.path();
    let mut session = Session::default();
    let first = pipeline::rebuild(&options(root, "public"), &mut session).unwrap();
    let pages = html_files(root, "public").len();
    assert_eq!(first.pages_rendered, pages);

    let (unchanged, _) = rebuild(root, &mut session);
    assert_eq!(
        unchanged.pages_rendered, 0,
        "nothing changed, nothing rendered"
    );

    // The body shows on the report's own page only (lists show its summary).
    edit(root, "met in **Lyon**", "met in **Lyon** and online");
    let (summary, changed) = rebuild(root, &mut session);
    assert_eq!((summary.pages_rendered, changed), (1, 1));
    assert!(
        summary.written.written < 10,
        "the page, the feeds: {:?}",
        summary.written
    );

    // The title shows on its page, its event's pages, its translations and term pages.
    edit(
        root,
        "thirty clusters compare",
        "thirty-two clusters compare",
    );
    let (summary, changed) = rebuild(root, &mut session);
    assert!(changed > 3, "{changed}");
    assert_eq!(summary.pages_rendered, changed);
}

#[test]
fn a_theme_change_re_renders_every_page() {
    let site = fixture_site("four-languages");
    let root = site.path();
    let mut session = Session::default();
    let first = pipeline::rebuild(&options(root, "public"), &mut session).unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/base.html"),
        "{% extends \"theme/base.html\" %}{% block footer %}<p>Cluster office</p>{% endblock footer %}",
    )
    .unwrap();
    let (summary, changed) = rebuild(root, &mut session);
    assert_eq!(summary.pages_rendered, first.pages_rendered);
    assert_eq!(changed, html_files(root, "public").len());
}
