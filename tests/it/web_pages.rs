//! Saved web pages through `newsroom ingest`: the article's text, its title from the page's
//! metadata (less the site name), a page in a language outside the EU's under its own code,
//! and a page that only lists other pages skipped with a warning that says why.

use crate::common::*;

const SITE: &str = "base_url: https://example.org/\ntitle: Pages\nlanguages: [{code: en}]\n";

/// Ingests the named fixture pages in a fresh site; returns the site and ingest's output.
fn ingest(pages: &[&str]) -> (tempfile::TempDir, String) {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(site.path().join("site.yaml"), SITE).unwrap();
    let seeds = site.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for page in pages {
        let from = repo().join("tests/fixtures/web").join(page);
        std::fs::copy(from, seeds.join(page)).unwrap();
    }
    let output = newsroom(site.path(), &["ingest"]);
    assert!(output.status.success(), "{output:?}");
    (site, String::from_utf8_lossy(&output.stderr).into_owned())
}

/// The content files ingest wrote, with their text.
fn reports(site: &tempfile::TempDir) -> Vec<String> {
    walkdir::WalkDir::new(site.path().join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "md"))
        .map(|entry| std::fs::read_to_string(entry.path()).unwrap())
        .collect()
}

/// The one report ingest made.
fn only_report(site: &tempfile::TempDir) -> String {
    let mut reports = reports(site);
    assert_eq!(reports.len(), 1, "one report expected: {reports:?}");
    reports.remove(0)
}

#[test]
fn a_news_page_gives_its_article_with_the_title_its_metadata_names() {
    let (site, _) = ingest(&["macbook-keyboard-en.html"]);
    let report = only_report(&site);
    // og:title, not the <title>'s "… - MacRumors".
    assert!(
        report.contains(
            "title: 13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020\n"
        ),
        "{report}"
    );
    assert!(report.contains("lang: en\n"), "{report}");
    assert!(report.contains("scissor"), "{report}");
    assert!(!report.contains("MacRumors Forums"), "{report}");
}

#[test]
fn a_page_in_a_language_outside_the_eu_keeps_its_own_code() {
    let (site, _) = ingest(&["kindle-shortcut-ja.html"]);
    let report = only_report(&site);
    assert!(report.contains("lang: ja\n"), "{report}");
    assert!(
        report.contains("Kindle for PCをCtrl＋Alt＋Kのショートカットキーで立ち上がらなくする方法"),
        "{report}"
    );
}

#[test]
fn a_page_that_lists_other_pages_is_skipped_with_a_warning_naming_it() {
    let (site, stderr) = ingest(&["cluster-news-index.html", "macbook-keyboard-en.html"]);
    assert!(
        stderr.contains("seeds/cluster-news-index.html"),
        "the warning names the file: {stderr}"
    );
    assert!(stderr.contains("not an article"), "and says why: {stderr}");
    let reports = reports(&site);
    assert_eq!(
        reports.len(),
        1,
        "only the article is a report: {reports:?}"
    );
    assert!(!reports[0].contains("Hydrogen valleys forum in Lyon"));
}

#[test]
fn other_stories_shown_beside_the_article_stay_out_of_its_report() {
    // On the first page the extraction library joins the article's block with a block of
    // other stories' teasers; the second lists other posts after its own, each an article.
    let (site, _) = ingest(&["hong-kong-opinion-en.html", "self-love-message-pt.html"]);
    let reports = reports(&site);
    let report_with = |words: &str| {
        reports
            .iter()
            .find(|report| report.contains(words))
            .unwrap_or_else(|| panic!("no report has {words:?}: {reports:?}"))
    };
    let opinion = report_with("problem is simple");
    assert!(!opinion.contains("Carlos Ghosn"), "{opinion}");
    let message = report_with("Viver uma verdadeira experiência amorosa");
    assert!(!message.contains("A vida requer da gente"), "{message}");
}
