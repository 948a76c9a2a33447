//! Bad input gets a clear message and loses nothing: unreadable seeds are skipped with a
//! warning naming them while the build goes on; a broken content file stops the build with
//! file, line and column, and the published site stays exactly as it was.

use crate::common::*;

#[test]
fn empty_and_binary_seeds_are_skipped_and_legacy_encodings_decoded_with_a_warning_each() {
    let site = seeds_site();
    let seeds = site.path().join("seeds");
    std::fs::write(seeds.join("empty.txt"), "  \n").unwrap();
    std::fs::write(
        seeds.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    std::fs::write(seeds.join("notes.docx"), b"PK\x03\x04").unwrap();
    let latin1 = "Rencontre des clusters du bois \u{e0} Lyon\n\n\
                  Le 7 mars 2022, trente responsables de clusters de la fili\u{e8}re bois se sont r\u{e9}unis \u{e0} Lyon \
                  pour comparer leurs programmes d'innovation et pr\u{e9}parer un projet europ\u{e9}en commun.\n";
    let bytes: Vec<u8> = latin1
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    std::fs::write(seeds.join("latin1.txt"), bytes).unwrap();

    let output = newsroom(site.path(), &["build"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    for name in ["empty.txt", "image.txt", "notes.docx", "latin1.txt"] {
        assert!(
            stderr.contains(&format!("seeds/{name}")),
            "no warning names {name}:\n{stderr}"
        );
    }
    assert!(
        stderr.contains("windows-1252"),
        "the detected encoding is named:\n{stderr}"
    );
    // The French report is ingested but not published: site.yaml has no French (a warning).
    assert!(stdout.contains("built 6 reports in 3 events"), "{stdout}");
    assert!(stdout.contains("5 warnings"), "{stdout}");
    assert!(
        stderr.contains("which site.yaml does not publish"),
        "{stderr}"
    );
    let fr = site.path().join("public/fr");
    assert!(!fr.exists(), "French is not published by this site.yaml");
    let content = tree(&site.path().join("content"));
    let (_, report) = content
        .iter()
        .find(|(path, _)| path.ends_with(".fr.md"))
        .unwrap();
    assert!(String::from_utf8_lossy(report).contains("filière bois se sont réunis à Lyon"));
}

#[test]
fn seeds_nesting_thousands_deep_are_skipped_quickly_and_the_rest_goes_through() {
    let site = seeds_site();
    let seeds = site.path().join("seeds");
    let stall = format!(
        "<html><body><h1>Forum</h1>{}deep</body></html>",
        "<blockquote><ul><li>".repeat(30_000)
    );
    std::fs::write(seeds.join("stall.html"), stall).unwrap();
    let quotes = format!(
        "---\ntitle: Forum\nlang: en\n---\n\nForty managers met.\n\n{} quoted\n",
        ">".repeat(200)
    );
    std::fs::write(seeds.join("quotes.md"), quotes).unwrap();
    let deep = format!(
        "<html><body><h1>Forum</h1>{}text{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(seeds.join("deep.html"), deep).unwrap();

    let output = newsroom(site.path(), &["ingest"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    for seed in ["seeds/stall.html", "seeds/deep.html"] {
        assert!(
            stderr.contains(&format!("skipped: the page nests elements 1001 levels deep, more than the 1000 a saved page may\n  --> {seed}")),
            "{stderr}"
        );
    }
    assert!(
        stderr.contains("skipped: quotes and lists nest 200 levels deep here, more than the 64 a report may\n  --> seeds/quotes.md:8:1"),
        "{stderr}"
    );
    assert!(
        stdout.contains("ingested 5 seeds into 6 reports in 3 events"),
        "{stdout}"
    );
    // What ingest wrote builds: no seed can make a report the build refuses.
    newsroom_ok(site.path(), &["build", "--no-ingest"]);
}

#[test]
fn a_50_mb_file_and_a_10_mb_line_are_skipped_with_a_warning_and_the_rest_goes_through() {
    let site = seeds_site();
    let seeds = site.path().join("seeds");
    // Sparse: 50 MB to the file system without writing them.
    std::fs::File::create(seeds.join("export.txt"))
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let line = "cluster partners met to talk about energy ".repeat(250_000);
    std::fs::write(seeds.join("one-line.txt"), format!("A title\n\n{line}\n")).unwrap();

    let output = newsroom(site.path(), &["ingest"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("seeds/export.txt") && stderr.contains("50 MB, too large"),
        "{stderr}"
    );
    assert!(
        stderr.contains("seeds/one-line.txt:3:1") && stderr.contains("more than a paragraph"),
        "the long line is named by file, line and column:\n{stderr}"
    );
    assert!(
        stderr.lines().all(|line| line.len() < 400),
        "the long line is not printed whole"
    );
    assert!(
        stdout.contains("ingested 5 seeds into 6 reports in 3 events"),
        "{stdout}"
    );
}

#[test]
fn broken_front_matter_stops_the_build_and_leaves_public_as_it_was() {
    let site = seeds_site();
    newsroom_ok(site.path(), &["build"]);
    let public = site.path().join("public");
    let before = tree(&public);
    let content = site.path().join("content");
    let (path, bytes) = tree(&content)
        .into_iter()
        .find(|(path, _)| path.ends_with(".pl.md"))
        .unwrap();
    let broken =
        String::from_utf8(bytes)
            .unwrap()
            .replacen("title:", "title: [unclosed\nlang_typo:", 1);
    std::fs::write(content.join(&path), &broken).unwrap();

    let output = newsroom(site.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let location = format!("content/{path}:3:");
    assert!(
        stderr.contains(&location),
        "the error names file, line and column:\n{stderr}"
    );
    assert!(
        stderr.contains("lang_typo:"),
        "the error shows the line:\n{stderr}"
    );
    assert!(
        stderr.contains("starts at line 2 (`title: [unclosed`)"),
        "the hint points at the cause:\n{stderr}"
    );
    assert!(
        stderr.contains('^'),
        "a caret points at the column:\n{stderr}"
    );
    assert_eq!(tree(&public), before, "public/ is exactly as it was");
    let leftovers: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".public"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no staging folder is left: {leftovers:?}"
    );
}

#[test]
fn every_problem_of_a_build_is_listed_with_a_suggestion() {
    let site = fixture_site("handwritten");
    let dir = site
        .path()
        .join("content/2024-03-12-hydrogen-valleys-forum");
    let en = dir.join("hydrogen-valleys-forum.en.md");
    let text = std::fs::read_to_string(&en)
        .unwrap()
        .replace("summary:", "sumary:");
    std::fs::write(&en, text).unwrap();
    let fr = dir.join("hydrogen-valleys-forum.fr.md");
    let text = std::fs::read_to_string(&fr)
        .unwrap()
        .replace("date: 2024-03-14", "date: 14.03.2024");
    std::fs::write(&fr, text).unwrap();

    let output = newsroom(site.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("unknown field `sumary`") && stderr.contains("did you mean `summary`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hydrogen-valleys-forum.fr.md:3:1"),
        "{stderr}"
    );
    assert!(stderr.contains("YYYY-MM-DD"), "{stderr}");
    assert!(
        stderr.contains("2 problems; nothing was published"),
        "{stderr}"
    );
    assert!(
        !site.path().join("public").exists(),
        "nothing was published"
    );
}

#[test]
fn a_missing_site_yaml_is_a_usage_error_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let output = newsroom(dir.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no site.yaml") && stderr.contains("help:"),
        "{stderr}"
    );
}
