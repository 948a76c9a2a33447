//! Ingest never loses an editor's work: a deleted report is not recreated, a report pinned
//! to another event stays there, and a removed seed's content stays unless `--prune`; an
//! ingest killed before it saved its manifest is not mistaken for an editor.

use crate::common::*;

fn find_report(root: &std::path::Path, suffix: &str) -> String {
    tree(&root.join("content"))
        .into_keys()
        .find(|path| path.ends_with(suffix))
        .unwrap_or_else(|| panic!("no report ending in {suffix}"))
}

#[test]
fn a_report_an_editor_deleted_is_not_recreated_until_forced() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["ingest"]);
    let path = find_report(site.path(), ".pl.md");
    let file = site.path().join("content").join(&path);
    std::fs::remove_file(&file).unwrap();

    let output = newsroom(site.path(), &["ingest"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("deleted by hand"), "{stderr}");
    assert!(!file.exists(), "the deleted report stays deleted");

    newsroom_ok(site.path(), &["ingest", "--force"]);
    assert!(file.exists(), "--force brings it back");
}

#[test]
fn a_report_pinned_to_another_event_moves_there_and_stays() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["ingest"]);
    let path = find_report(site.path(), ".pl.md");
    let file = site.path().join("content").join(&path);
    let pinned = std::fs::read_to_string(&file).unwrap().replacen(
        "---\n",
        "---\nevent: gold-label-meeting-poland\n",
        1,
    );
    std::fs::write(&file, &pinned).unwrap();

    newsroom_ok(site.path(), &["build"]);
    newsroom_ok(site.path(), &["build"]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        pinned,
        "the editor's file is untouched"
    );
    let content = site.path().join("content");
    let event = content.join("gold-label-meeting-poland");
    assert!(
        event.join("_event.yaml").is_file(),
        "ingest made the pinned event's facts"
    );
    let polish_reports = tree(&content)
        .into_keys()
        .filter(|p| p.ends_with(".pl.md"))
        .count();
    assert_eq!(
        polish_reports, 1,
        "the pinned report is not written a second time"
    );
    let public = site.path().join("public");
    assert!(
        public
            .join("pl/events/gold-label-meeting-poland/index.html")
            .is_file()
    );
    let english_event = std::fs::read_dir(public.join("en/events"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("2019-12-04")
        })
        .unwrap();
    let html = std::fs::read_to_string(english_event.join("index.html")).unwrap();
    assert!(
        !html.contains("/pl/reports/"),
        "the English event no longer lists the Polish report"
    );
}

#[test]
fn a_removed_seed_keeps_its_content_unless_pruned() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["ingest"]);
    let path = find_report(site.path(), ".pl.md");
    let seed = std::fs::read_dir(site.path().join("seeds"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|seed| std::fs::read_to_string(seed).unwrap().contains("grudnia"))
        .unwrap();
    std::fs::remove_file(&seed).unwrap();

    newsroom_ok(site.path(), &["ingest"]);
    let file = site.path().join("content").join(&path);
    assert!(file.exists(), "removing a seed does not delete its report");

    let out = newsroom_ok(site.path(), &["ingest", "--prune"]);
    assert!(
        out.contains(&format!("removed content/{path}")),
        "the pruned file is listed:\n{out}"
    );
    assert!(!file.exists());
    newsroom_ok(site.path(), &["build"]);
}

#[test]
fn a_new_report_joins_its_event_without_renaming_it() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["ingest"]);
    let before: Vec<String> = std::fs::read_dir(site.path().join("content"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let italian = "Riunione dei cluster Gold-Label a Bruxelles\n\n\
        Il 4 dicembre 2019 la DG GROW ha riunito a Bruxelles 50 manager di cluster Gold-Label provenienti da 17 paesi europei.\n\
        I cluster presenti rappresentano oltre 6500 PMI di settori come energia, salute, automotive e agroalimentare.\n";
    std::fs::write(site.path().join("seeds/zz-italian.txt"), italian).unwrap();
    let mut config = std::fs::read_to_string(site.path().join("site.yaml")).unwrap();
    config = config.replace("taxonomies:", "  - code: it\ntaxonomies:");
    std::fs::write(site.path().join("site.yaml"), config).unwrap();

    newsroom_ok(site.path(), &["build"]);
    let after: Vec<String> = std::fs::read_dir(site.path().join("content"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(before, after, "no event was added or renamed");
    let joined = tree(&site.path().join("content"))
        .into_keys()
        .find(|path| path.ends_with(".it.md"))
        .unwrap();
    assert!(
        joined.starts_with("2019-12-04-"),
        "the Italian report joined the Gold-Label event: {joined}"
    );
}

#[test]
fn a_file_ingest_wrote_before_it_was_killed_is_not_taken_for_an_edit() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["ingest"]);
    // Killed between writing the content files and saving the manifest: the manifest still
    // has the hash of an earlier version of a file that now holds ingest's new bytes.
    let manifest = site.path().join("content/.ingest.yaml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let (before, after) = text.split_once("sha256: ").unwrap();
    let stale = format!("{before}sha256: {}{}", "0".repeat(64), &after[64..]);
    std::fs::write(&manifest, stale).unwrap();

    let output = newsroom(site.path(), &["ingest"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("changed by hand"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&manifest).unwrap(),
        text,
        "the manifest is repaired"
    );
}
