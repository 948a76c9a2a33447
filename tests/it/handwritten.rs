//! Reports written by hand, with no seed behind them: they build into the site, and ingest
//! never overwrites a file an editor changed.

use crate::common::*;

#[test]
fn a_hand_written_site_builds_with_the_built_in_theme() {
    let site = fixture_site("handwritten");
    assert!(
        !site.path().join("themes").exists(),
        "the fixture relies on the built-in theme"
    );
    newsroom_ok(site.path(), &["build"]);
    let public = site.path().join("public");
    let en = std::fs::read_to_string(public.join("en/reports/hydrogen-valleys-forum/index.html"))
        .unwrap();
    assert!(en.contains("Hydrogen valleys: thirty clusters compare their roadmaps"));
    assert!(en.contains("<strong>Lyon</strong>"), "Markdown is rendered");
    assert!(
        en.contains("14 March 2024"),
        "the publication date is shown in English"
    );
    let fr = scraper::Html::parse_document(
        &std::fs::read_to_string(public.join("fr/reports/hydrogen-valleys-forum/index.html"))
            .unwrap(),
    );
    let alternates = attributes(&fr, "link[rel=alternate][hreflang]", "hreflang");
    assert_eq!(
        alternates,
        ["en", "fr", "x-default"],
        "same file stem: translations of each other"
    );
    let fr_event = std::fs::read_to_string(
        public.join("fr/events/2024-03-12-hydrogen-valleys-forum/index.html"),
    )
    .unwrap();
    assert!(
        fr_event.contains("12 mars 2024"),
        "the event date is shown in French"
    );
    assert!(
        fr_event.contains("Forum des vallées de l"),
        "the event's French name is used"
    );
}

#[test]
fn a_hand_written_report_next_to_ingested_ones_is_published_and_left_alone() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["ingest"]);
    let event = std::fs::read_dir(site.path().join("content"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            path.is_dir()
                && path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("2019")
        })
        .unwrap();
    let hand = event.join("editors-note.en.md");
    let text = "---\ntitle: \"Editor's note: why we cover the Gold-Label meeting\"\n---\n\nA note written by hand.\n";
    std::fs::write(&hand, text).unwrap();
    newsroom_ok(site.path(), &["build"]);
    assert_eq!(std::fs::read_to_string(&hand).unwrap(), text);
    let page = site
        .path()
        .join("public/en/reports/editors-note/index.html");
    assert!(
        std::fs::read_to_string(page)
            .unwrap()
            .contains("A note written by hand.")
    );
}

#[test]
fn ingest_keeps_a_file_an_editor_changed_until_forced() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["ingest"]);
    let content = site.path().join("content");
    let (path, original) = tree(&content)
        .into_iter()
        .find(|(path, _)| path.ends_with(".pl.md"))
        .unwrap();
    let file = content.join(&path);
    let edited = String::from_utf8(original.clone()).unwrap().replacen(
        "---\n",
        "---\n# checked by the editor\n",
        1,
    );
    std::fs::write(&file, &edited).unwrap();

    let output = newsroom(site.path(), &["ingest"]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("kept") && stderr.contains(&path),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        edited,
        "the edit survives"
    );

    newsroom_ok(site.path(), &["ingest", "--force"]);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        original,
        "--force regenerates it"
    );
}

#[test]
fn a_site_template_overrides_the_theme_file_by_file() {
    let site = fixture_site("handwritten");
    let templates = site.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("report.html"),
        "{% extends \"base.html\" %}{% block content %}<p class=\"own\">OWN {{ report.title }}</p>{% endblock content %}",
    )
    .unwrap();
    newsroom_ok(site.path(), &["build"]);
    let public = site.path().join("public");
    let report =
        std::fs::read_to_string(public.join("en/reports/hydrogen-valleys-forum/index.html"))
            .unwrap();
    assert!(
        report.contains("OWN Hydrogen valleys"),
        "the site's report.html is used"
    );
    assert!(
        report.contains("rel=canonical"),
        "the theme's base.html still wraps it"
    );
    let home = std::fs::read_to_string(public.join("en/index.html")).unwrap();
    assert!(
        home.contains("Hydrogen Valleys Forum") && !home.contains("OWN"),
        "other pages use the theme"
    );
}

#[test]
fn a_site_template_can_override_one_block_of_the_theme_template_it_replaces() {
    let site = fixture_site("handwritten");
    let templates = site.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("base.html"),
        "{% extends \"theme/base.html\" %}{% block footer %}<p class=\"own-footer\">Published by the cluster office</p>{% endblock footer %}",
    )
    .unwrap();
    newsroom_ok(site.path(), &["build"]);
    for page in pages(&site.path().join("public")).values() {
        assert_eq!(
            texts(page, ".own-footer"),
            ["Published by the cluster office"]
        );
        assert_eq!(
            attributes(page, "a.skip-link", "href"),
            ["#main"],
            "the rest of the theme stays"
        );
    }
}

#[test]
fn homes_list_events_newest_first_and_undated_last() {
    let site = fixture_site("handwritten");
    let content = site.path().join("content");
    for (id, date, title) in [
        ("undated-workshop", "null", "Undated workshop"),
        ("2025-01-20-winter-summit", "2025-01-20", "Winter summit"),
        ("2019-05-02-spring-meeting", "2019-05-02", "Spring meeting"),
    ] {
        std::fs::create_dir_all(content.join(id)).unwrap();
        std::fs::write(
            content.join(id).join("_event.yaml"),
            format!("date: {date}\n"),
        )
        .unwrap();
        std::fs::write(
            content.join(id).join(format!("{id}.en.md")),
            format!("---\ntitle: {title}\n---\nText.\n"),
        )
        .unwrap();
    }
    newsroom_ok(site.path(), &["build"]);
    let home = scraper::Html::parse_document(
        &std::fs::read_to_string(site.path().join("public/en/index.html")).unwrap(),
    );
    let links = attributes(&home, "main .cards a", "href");
    let order: Vec<&str> = links
        .iter()
        .map(|href| href.trim_end_matches('/').rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "2025-01-20-winter-summit",
            "2024-03-12-hydrogen-valleys-forum",
            "2019-05-02-spring-meeting",
            "undated-workshop"
        ]
    );
    let fr_home = std::fs::read_to_string(site.path().join("public/fr/index.html")).unwrap();
    assert!(
        !fr_home.contains("winter-summit"),
        "an event with no French report is not listed in French"
    );
    assert!(
        !site
            .path()
            .join("public/fr/events/2025-01-20-winter-summit")
            .exists()
    );
}

#[test]
fn drafts_are_built_only_when_asked() {
    let site = fixture_site("handwritten");
    let dir = site
        .path()
        .join("content/2024-03-12-hydrogen-valleys-forum");
    std::fs::write(
        dir.join("draft-note.en.md"),
        "---\ntitle: Not ready\ndraft: true\n---\nDraft.\n",
    )
    .unwrap();
    newsroom_ok(site.path(), &["build"]);
    assert!(!site.path().join("public/en/reports/draft-note").exists());
    newsroom_ok(site.path(), &["build", "--drafts"]);
    assert!(
        site.path()
            .join("public/en/reports/draft-note/index.html")
            .is_file()
    );
}

#[test]
fn pages_carry_open_graph_and_twitter_tags_for_sharing() {
    let site = fixture_site("handwritten");
    newsroom_ok(site.path(), &["build"]);
    let public = site.path().join("public");
    let pages = pages(&public);
    let meta = |page: &scraper::Html, property: &str| {
        attributes(page, &format!(r#"meta[property="{property}"]"#), "content")
    };
    let report = &pages["en/reports/hydrogen-valleys-forum/index.html"];
    assert_eq!(meta(report, "og:type"), ["article"]);
    assert_eq!(
        meta(report, "og:title"),
        ["Hydrogen valleys: thirty clusters compare their roadmaps"]
    );
    assert_eq!(
        meta(report, "og:url"),
        attributes(report, r#"link[rel="canonical"]"#, "href")
    );
    assert_eq!(
        meta(report, "og:description"),
        ["Thirty cluster managers met in Lyon to compare regional hydrogen roadmaps."]
    );
    assert_eq!(
        attributes(report, r#"meta[name="twitter:card"]"#, "content"),
        ["summary"]
    );
    let home = &pages["fr/index.html"];
    assert_eq!(meta(home, "og:type"), ["website"]);
    assert_eq!(
        meta(home, "og:site_name"),
        ["Actualités des clusters hydrogène"]
    );
    // No page of its own, nothing to share: the 404 page has no Open Graph URL.
    assert!(meta(&pages["404.html"], "og:url").is_empty());
}
