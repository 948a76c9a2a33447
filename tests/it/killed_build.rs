//! A build killed with SIGKILL at random moments leaves `public/` exactly as it was, or, if
//! the kill came after the swap, exactly as the finished build makes it — never a mix — and
//! keeps the deploy's hidden files. The next build cleans up whatever the killed ones left
//! beside `public/`.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// A site of `events` events, each with an English and a German report.
fn write_site(root: &Path, events: usize) {
    std::fs::write(
        root.join("site.yaml"),
        "base_url: https://clusters.example.eu/\ntitle: Cluster News\nlanguages: [{code: en}, {code: de}]\ntaxonomies: [sectors]\n",
    )
    .unwrap();
    for event in 0..events {
        let dir = root.join(format!(
            "content/2024-01-{:02}-forum-{event}",
            event % 28 + 1
        ));
        std::fs::create_dir_all(&dir).unwrap();
        for (lang, title) in [("en", "Forum"), ("de", "Forum auf Deutsch")] {
            let body = format!("Cluster managers met for forum {event}.\n\n- one\n- two\n");
            std::fs::write(
                dir.join(format!("forum-{event}.{lang}.md")),
                format!("---\ntitle: {title} {event}\nsectors: [energy]\n---\n\n{body}"),
            )
            .unwrap();
        }
    }
}

/// Makes the site's next build differ from its last: a changed title and a new event.
fn change_site(root: &Path) {
    let report = root.join("content/2024-01-01-forum-0/forum-0.en.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        text.replace("title: Forum 0", "title: Forum 0, renamed"),
    )
    .unwrap();
    let dir = root.join("content/2024-02-01-new-forum");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("new-forum.en.md"),
        "---\ntitle: A new forum\n---\n\nNew.\n",
    )
    .unwrap();
}

/// public/ with the hidden files a deploy keeps there.
fn add_deploy_files(public: &Path) {
    std::fs::create_dir_all(public.join(".well-known")).unwrap();
    std::fs::write(public.join(".well-known/security.txt"), "Contact: x").unwrap();
}

/// A small, seeded generator: the kill moments are the same run after run.
struct Moments(u64);

impl Moments {
    fn next_fraction(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 10_000) as f64 / 10_000.0
    }
}

fn build_command(root: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsroom"));
    command
        .arg("--root")
        .arg(root)
        .args(["build", "--no-ingest"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn hidden_leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect()
}

#[test]
fn a_build_killed_at_random_moments_leaves_the_old_site_or_the_new_one() {
    let site = tempfile::tempdir().unwrap();
    write_site(site.path(), 300);
    newsroom_ok(site.path(), &["build", "--no-ingest"]);
    let public = site.path().join("public");
    add_deploy_files(&public);
    let old: BTreeMap<String, Vec<u8>> = tree(&public);
    change_site(site.path());

    // What the finished build makes, built elsewhere (and timed, to spread the kills).
    let reference = tempfile::tempdir().unwrap();
    copy_tree(site.path(), reference.path());
    let started = Instant::now();
    assert!(build_command(reference.path()).status().unwrap().success());
    let duration = started.elapsed();
    let new = tree(&reference.path().join("public"));
    assert_ne!(old, new);

    let mut moments = Moments(0x5eed_1234_abcd_0042);
    let (mut before_swap, mut after_swap, mut left_staging) = (0, 0, 0);
    for round in 0..24 {
        let mut child = build_command(site.path()).spawn().unwrap();
        let delay = duration.mul_f64(1.1 * moments.next_fraction());
        std::thread::sleep(delay.max(Duration::from_micros(200)));
        let _ = child.kill(); // SIGKILL; the build may have finished already
        child.wait().unwrap();
        left_staging += usize::from(!hidden_leftovers(site.path()).is_empty());
        let now = tree(&public);
        if now == old {
            before_swap += 1;
        } else if now == new {
            after_swap += 1;
        } else {
            let differing: Vec<&String> = now
                .keys()
                .filter(|path| old.get(*path) != now.get(*path) && new.get(*path) != now.get(*path))
                .take(5)
                .collect();
            panic!(
                "round {round}, killed after {delay:?}: public/ is neither the old site nor the new one: {differing:?}"
            );
        }
    }
    assert!(
        before_swap > 0,
        "no kill landed mid-build ({after_swap} after the swap)"
    );
    assert!(
        left_staging > 0,
        "no kill left a staging folder to clean up"
    );

    newsroom_ok(site.path(), &["build", "--no-ingest"]);
    assert_eq!(tree(&public), new);
    assert!(public.join(".well-known/security.txt").is_file());
    assert_eq!(hidden_leftovers(site.path()), Vec::<String>::new());
}

#[test]
fn a_failed_build_leaves_no_staging_folder() {
    let site = tempfile::tempdir().unwrap();
    write_site(site.path(), 3);
    newsroom_ok(site.path(), &["build", "--no-ingest"]);
    let before = tree(&site.path().join("public"));
    let report = site.path().join("content/2024-01-01-forum-0/forum-0.en.md");
    std::fs::write(&report, "---\ntitle: [unclosed\n---\n").unwrap();
    let output = newsroom(site.path(), &["build", "--no-ingest"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(tree(&site.path().join("public")), before);
    assert_eq!(hidden_leftovers(site.path()), Vec::<String>::new());
}
