//! What a rebuild leaves in public/: pages whose bytes did not change keep their
//! modification time (so rsync and S3 sync deploys upload only what changed), changed pages
//! are rewritten, and pages that no longer exist, or never came from newsroom, are gone.

use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::common::*;

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

/// The numbers of written and unchanged files in the summary line ("N files written, M unchanged").
fn written_and_unchanged(summary: &str) -> (usize, usize) {
    let number_before = |word: &str| -> usize {
        let at = summary.find(word).unwrap();
        summary[..at]
            .split_whitespace()
            .last()
            .unwrap()
            .parse()
            .unwrap()
    };
    (number_before(" files written"), number_before(" unchanged"))
}

#[test]
fn a_rebuild_rewrites_only_what_changed_and_removes_what_is_gone() {
    let site = fixture_site("four-languages");
    let root = site.path();
    let public = root.join("public");
    newsroom_ok(root, &["build", "--no-ingest"]);
    let kept = public.join("fr/reports/forum/index.html");
    let changed = public.join("en/reports/survey/index.html");
    let gone = public.join("en/reports/digital-twins/index.html");
    assert!(gone.is_file());
    let kept_before = modified(&kept);
    let changed_before = modified(&changed);
    std::fs::write(public.join("stray.html"), "not from newsroom").unwrap();
    std::fs::create_dir_all(public.join(".well-known")).unwrap();
    std::fs::write(public.join(".well-known/security.txt"), "Contact: x").unwrap();

    // Coarse file systems keep whole seconds: wait so a rewrite shows in the mtime.
    std::thread::sleep(Duration::from_millis(1100));
    let survey = root.join("content/cluster-survey/survey.en.md");
    let text = std::fs::read_to_string(&survey).unwrap();
    std::fs::write(&survey, text.replace("should fund", "should fund first")).unwrap();
    std::fs::remove_dir_all(root.join("content/2023-09-20-digital-twins-workshop")).unwrap();
    let summary = newsroom_ok(root, &["build", "--no-ingest"]);

    assert_eq!(
        modified(&kept),
        kept_before,
        "an unchanged page keeps its mtime"
    );
    assert_ne!(
        modified(&changed),
        changed_before,
        "a changed page is rewritten"
    );
    assert!(!gone.exists(), "the page of a deleted report is removed");
    assert!(
        !public
            .join("en/events/2023-09-20-digital-twins-workshop")
            .exists()
    );
    assert!(
        !public.join("stray.html").exists(),
        "files newsroom did not write go"
    );
    assert!(
        public.join(".well-known/security.txt").is_file(),
        "hidden entries (deploy metadata) are kept"
    );
    let (written, unchanged) = written_and_unchanged(&summary);
    assert!(unchanged > written, "{summary}");

    // Nothing changed: nothing is written.
    let summary = newsroom_ok(root, &["build", "--no-ingest"]);
    assert_eq!(written_and_unchanged(&summary).0, 0, "{summary}");
}
