//! `newsroom serve --watch` through the real binary on a temporary site: it serves like a
//! static host, rebuilds on save and tells open pages, keeps the last good site when a save
//! breaks something (and says where), refuses paths outside the site, and leaves nothing
//! behind when stopped with Ctrl-C. Requests are written by hand on a TCP socket so that
//! malformed and traversing paths reach the server exactly as written.

use std::path::PathBuf;
use std::time::Instant;

use crate::common::serve::*;
use crate::common::*;

#[test]
fn a_save_is_served_and_announced_a_broken_save_keeps_the_last_good_page() {
    let (site, tmp) = fixture();
    let server = Server::start(site.path(), tmp.path());
    let report = site.path().join(REPORT);
    let original = std::fs::read_to_string(&report).unwrap();
    server.wait_until_served(REPORT_PAGE, "Twelve clusters met");
    let mut events = server.events();

    save(
        &report,
        &original.replace("Twelve clusters", "Fourteen clusters"),
    );
    let page = server.wait_until_served(REPORT_PAGE, "Fourteen clusters met");
    events.wait_for_event("reload");
    assert!(
        page.contains("/__newsroom/live.js"),
        "served pages get the live script"
    );
    let line = wait_for(&server.lines, |line| line.contains("changed"));
    assert!(line.starts_with(REPORT) && line.contains(" ms"), "{line}");

    save(&report, &original.replace("title:", "titel:"));
    let problem = events.wait_for_event("problem");
    assert!(problem.contains(&format!("{REPORT}:2:1")), "{problem}");
    assert!(problem.contains("did you mean `title`"), "{problem}");
    let line = wait_for(&server.lines, |line| line.contains("the build failed"));
    assert!(line.contains("still serving the last good site"), "{line}");
    let (status, page) = server.get(REPORT_PAGE);
    assert_eq!(status, 200);
    assert!(
        page.contains("Fourteen clusters met"),
        "the last good page stays"
    );
    // A page opened while the site is broken is told at once.
    server.events().wait_for_event("problem");

    save(&report, &original);
    server.wait_until_served(REPORT_PAGE, "Twelve clusters met");
    events.wait_for_event("reload");

    let status = server.stop();
    assert!(status.success(), "{status:?}");
    let left: Vec<PathBuf> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert!(left.is_empty(), "serve left {left:?} behind");
    assert!(
        !site.path().join("public").exists(),
        "serve never writes public/"
    );
}

#[test]
fn a_stylesheet_change_is_swapped_in_and_a_new_templates_folder_is_noticed() {
    let (site, tmp) = fixture();
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    let server = Server::start(site.path(), tmp.path());
    let mut events = server.events();
    let css = "body { color: rebeccapurple; }";
    save(&site.path().join("static/style.css"), css);
    events.wait_for_event("stylesheet");
    server.wait_until_served("/style.css", "rebeccapurple");

    // No templates/ at the start: the folder is watched once it appears.
    let templates = site.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("base.html"),
        "{% extends \"theme/base.html\" %}{% block footer %}<p>Cluster office</p>{% endblock footer %}",
    )
    .unwrap();
    server.wait_until_served("/en/", "Cluster office");
    std::fs::write(
        templates.join("base.html"),
        "{% extends \"theme/base.html\" %}{% block footer %}<p>Press office</p>{% endblock footer %}",
    )
    .unwrap();
    server.wait_until_served("/en/", "Press office");
}

#[test]
fn a_new_seed_is_ingested_and_published() {
    let (site, tmp) = fixture();
    let server = Server::start(site.path(), tmp.path());
    let seeds = site.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    save(
        &seeds.join("baltic.txt"),
        "Baltic Hydrogen Valleys Day\n\n\
         Forty cluster managers from six countries met in Gdansk on 14 May 2024 to plan \
         hydrogen refuelling along the Baltic coast. The cluster organisations agreed to \
         share their data on refuelling stations and to publish a joint roadmap in the autumn.\n",
    );
    server.wait_until_served("/en/", "Baltic Hydrogen Valleys Day");
    let written: Vec<String> = tree(&site.path().join("content"))
        .into_keys()
        .filter(|path| path.ends_with(".en.md"))
        .collect();
    assert!(
        written.iter().any(|path| path.contains("baltic")),
        "{written:?}"
    );
}

#[test]
fn a_terminated_server_tidies_up_too() {
    let (site, tmp) = fixture();
    let server = Server::start(site.path(), tmp.path());
    assert!(server.stop_with("TERM").success());
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn it_answers_like_a_static_host() {
    let (site, tmp) = fixture();
    let server = Server::start(site.path(), tmp.path());
    let (status, css) = server.get("/style.css");
    assert_eq!(status, 200);
    assert!(
        css.to_lowercase().contains("content-type: text/css"),
        "{css}"
    );
    assert!(!css.contains("__newsroom"), "only HTML gets the script");

    let (status, page) = server.get("/fr/nowhere/");
    assert_eq!(status, 404);
    assert!(
        page.contains("lang=\"fr\""),
        "a French path gets the French 404 page"
    );

    let (status, head) = server.send(&format!("HEAD {REPORT_PAGE} HTTP/1.1"));
    assert_eq!(status, 200);
    // Two saves in one second share a Last-Modified: browsers must not revalidate a copy.
    assert!(
        head.to_lowercase().contains("cache-control: no-store"),
        "{head}"
    );
    assert!(!head.contains("<html"), "HEAD has no body");
    let modified = head
        .lines()
        .find_map(|line| line.strip_prefix("last-modified: "))
        .expect("a Last-Modified header")
        .to_owned();
    let (status, _) = server.send(&format!(
        "GET {REPORT_PAGE} HTTP/1.1\r\nIf-Modified-Since: {modified}"
    ));
    assert_eq!(status, 304, "conditional requests are answered");

    let (status, listing) = server.get("/en/reports/");
    assert_eq!(status, 404, "no directory listing");
    assert!(!listing.contains("digital-twins"));
}

#[test]
fn paths_outside_the_site_are_refused() {
    let (site, tmp) = fixture();
    let server = Server::start(site.path(), tmp.path());
    std::fs::write(tmp.path().join("secret.txt"), "secret").unwrap();
    for path in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/en/..%2f..%2f..%2fetc/passwd",
        "/%2e%2e%5c%2e%2e%5csecret.txt",
        "//etc/passwd",
        "/en/%00",
        "/%ff%fe",
        "/../secret.txt",
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/..%2fsite.yaml",
    ] {
        let (status, body) = server.get(path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(
            !body.contains("root:") && !body.contains("secret") && !body.contains("base_url"),
            "{path} served a file outside the site"
        );
    }
    let (status, _) = server.get("http://evil.example/etc/passwd");
    assert!(status == 400 || status == 404, "absolute form: {status}");
}

#[test]
fn built_sites_never_carry_the_live_reload_script() {
    let (site, _tmp) = fixture();
    newsroom_ok(site.path(), &["build", "--no-ingest"]);
    for (file, bytes) in tree(&site.path().join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__newsroom"), "{file}");
    }
}

/// A site of `events` events, each with one English report, for a first build that takes a
/// while.
fn large_site(events: usize) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("site.yaml"),
        "base_url: https://clusters.example.eu/\ntitle: Cluster News\nlanguages: [{code: en}]\n",
    )
    .unwrap();
    for event in 0..events {
        let dir = site.path().join(format!("content/forum-{event}"));
        std::fs::create_dir_all(&dir).unwrap();
        let body = "Cluster managers compared their roadmaps. ".repeat(40);
        std::fs::write(
            dir.join(format!("forum-{event}.en.md")),
            format!("---\ntitle: Forum {event}\n---\n\n{body}\n"),
        )
        .unwrap();
    }
    site
}

#[test]
fn a_save_made_during_the_first_build_is_not_missed() {
    let site = large_site(1500);
    // How long a first build takes here, to save in the middle of serve's.
    let reference = tempfile::tempdir().unwrap();
    copy_tree(site.path(), reference.path());
    let started = Instant::now();
    newsroom_ok(reference.path(), &["build", "--no-ingest"]);
    let first_build = started.elapsed();

    let report = site.path().join("content/forum-0/forum-0.en.md");
    let original = std::fs::read_to_string(&report).unwrap();
    let editor = std::thread::spawn(move || {
        std::thread::sleep(first_build / 2);
        let edited = original.replace("compared their roadmaps", "signed a charter");
        save(&report, &edited);
    });
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::start(site.path(), tmp.path());
    editor.join().unwrap();
    server.wait_until_served("/en/reports/forum-0/", "signed a charter");
}
