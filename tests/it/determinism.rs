//! Speed never changes output: a build gives the same bytes on one thread and on several,
//! and run after run (pages are rendered and written in parallel, in whatever order the
//! threads take them).

use std::path::Path;

use crate::common::*;

/// Builds the site in `root` into `output` with `threads` rendering threads.
fn build(root: &Path, output: &str, threads: usize) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_newsroom"))
        .env("RAYON_NUM_THREADS", threads.to_string())
        .arg("--root")
        .arg(root)
        .args(["build", "--output"])
        .arg(root.join(output))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
}

#[test]
fn the_same_bytes_on_one_thread_or_many_and_on_every_run() {
    for site in [fixture_site("four-languages"), seeds_site()] {
        let root = site.path();
        build(root, "one", 1);
        let content = tree(&root.join("content"));
        build(root, "many", 4);
        build(root, "again", 4);
        let one = tree(&root.join("one"));
        assert!(one.len() > 20, "a whole site was built");
        assert!(
            one == tree(&root.join("many")),
            "one thread and four differ"
        );
        assert!(one == tree(&root.join("again")), "two runs differ");
        assert!(
            content == tree(&root.join("content")),
            "ingest wrote other content the second time"
        );
    }
}
