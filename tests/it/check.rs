//! `newsroom check` on real built sites: a site as `newsroom build` writes it passes; a site
//! broken after the build (a page deleted, an hreflang line removed, a sitemap entry for a
//! page that does not exist) or a content file with a bad field fails with exit code 1 and
//! a message naming the file and the problem.

use std::path::Path;
use std::process::Output;

use crate::common::*;

const REPORT_EN: &str = "en/reports/hydrogen-valleys-forum/index.html";
const REPORT_FR: &str = "fr/reports/hydrogen-valleys-forum/index.html";

/// The hand-written fixture site, built.
fn built_fixture() -> tempfile::TempDir {
    let site = fixture_site("handwritten");
    newsroom_ok(site.path(), &["build"]);
    site
}

/// Runs `newsroom check` and insists it failed with exit code 1; returns stderr.
fn check_fails(root: &Path, args: &[&str]) -> String {
    let output = newsroom(root, &[&["check"], args].concat());
    let (stdout, stderr) = streams(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.starts_with("checked "), "{stdout}");
    stderr
}

fn streams(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Replaces `from` in a file of the built site, which must contain it.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no `{from}`", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_seeds_site_as_built_passes_also_under_a_sub_path() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["build"]);
    let stdout = newsroom_ok(site.path(), &["check"]);
    // Every HTML file is checked; every one but the 404 pages is in the sitemap.
    let html: Vec<String> = tree(&site.path().join("public"))
        .into_keys()
        .filter(|path| path.ends_with(".html"))
        .collect();
    let listed = html
        .iter()
        .filter(|path| !path.ends_with("404.html"))
        .count();
    assert!(
        stdout.starts_with(&format!("checked {} pages, ", html.len())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("sitemap with {listed} URLs: no problems")),
        "{stdout}"
    );

    let out = site.path().join("news");
    let out = out.to_str().unwrap();
    let base = ["--base-url", "https://example.org/news/", "--output", out];
    newsroom_ok(
        site.path(),
        &[&["build", "--no-ingest"], &base[..]].concat(),
    );
    let stdout = newsroom_ok(site.path(), &[&["check"], &base[..]].concat());
    assert!(stdout.contains(": no problems"), "{stdout}");

    // Checked against site.yaml's base URL, the sub-path build is said to be built for
    // another one, once.
    let stderr = check_fails(site.path(), &["--output", out]);
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    assert!(
        stderr.contains("the site was built for another base URL"),
        "{stderr}"
    );
}

#[test]
fn a_deleted_page_breaks_the_links_to_it() {
    let site = built_fixture();
    let public = site.path().join("public");
    std::fs::remove_file(public.join(REPORT_FR)).unwrap();
    let stderr = check_fails(site.path(), &[]);
    assert!(
        stderr.contains(
            "error: broken link to `/fr/reports/hydrogen-valleys-forum/`: the built site has nothing at `/fr/reports/hydrogen-valleys-forum/`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("--> public/{REPORT_EN}:1:")),
        "the page holding the link is named, with line and column:\n{stderr}"
    );
    assert!(
        stderr.contains("the `fr` version `https://clusters.example.eu/fr/reports/hydrogen-valleys-forum/` is not a page of the built site"),
        "{stderr}"
    );
}

#[test]
fn a_removed_hreflang_line_is_a_missing_back_reference() {
    let site = built_fixture();
    let fr = site.path().join("public").join(REPORT_FR);
    edit(
        &fr,
        "<link href=\"https://clusters.example.eu/en/reports/hydrogen-valleys-forum/\" hreflang=\"en\" rel=alternate>",
        "",
    );
    let stderr = check_fails(site.path(), &[]);
    assert!(
        stderr.contains(&format!(
            "error: `{REPORT_EN}` lists this page as its `fr` version, but this page does not list `{REPORT_EN}` back\n  --> public/{REPORT_FR}:1:"
        )),
        "{stderr}"
    );
    assert_eq!(stderr.matches("error:").count(), 2, "{stderr}");
    assert!(
        stderr.contains("the language versions of `https://clusters.example.eu/fr/reports/hydrogen-valleys-forum/` differ from the page's head"),
        "the sitemap no longer agrees either:\n{stderr}"
    );
}

#[test]
fn a_sitemap_entry_for_a_missing_page_is_reported() {
    let site = built_fixture();
    edit(
        &site.path().join("public/sitemap.xml"),
        "</urlset>",
        "<url><loc>https://clusters.example.eu/en/reports/gone/</loc></url>\n</urlset>",
    );
    let stderr = check_fails(site.path(), &[]);
    assert!(
        stderr.contains(
            "error: `https://clusters.example.eu/en/reports/gone/` is not a file of the built site\n  --> public/sitemap.xml:"
        ),
        "{stderr}"
    );
}

#[test]
fn a_bad_front_matter_field_is_reported_with_its_line() {
    let site = built_fixture();
    let report = site
        .path()
        .join("content/2024-03-12-hydrogen-valleys-forum/notes.en.md");
    std::fs::write(
        &report,
        "---\ntitle: Notes\ndaet: 2024-03-14\n---\n\nText.\n",
    )
    .unwrap();
    let stderr = check_fails(site.path(), &[]);
    assert!(stderr.contains("unknown field `daet`"), "{stderr}");
    assert!(
        stderr.contains("--> content/2024-03-12-hydrogen-valleys-forum/notes.en.md:3:"),
        "{stderr}"
    );
}

#[test]
fn no_built_site_is_an_error_that_says_what_to_do() {
    let site = fixture_site("handwritten");
    let stderr = check_fails(site.path(), &[]);
    assert!(stderr.contains("there is no built site here"), "{stderr}");
    assert!(stderr.contains("run `newsroom build` first"), "{stderr}");
}
