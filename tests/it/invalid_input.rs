//! Bad input through the real CLI: every case under tests/fixtures/invalid/ (a change laid
//! over the valid site in `_base/`) must stop the build with the error its `expected.txt`
//! names — file, line, column, the line and a hint — leave `public/` as it was, and leave no
//! staging folder. Cases too big or too odd to commit (a 100 MB report, a 10 MB line,
//! symbolic links, an unreadable file) are made here. Also: `--message-format json`.

use std::path::{Path, PathBuf};

use crate::common::*;

const EVENT: &str = "content/2024-05-14-battery-forum";

fn invalid_fixtures() -> PathBuf {
    repo().join("tests/fixtures/invalid")
}

/// A copy of the valid base site with a published site in public/ from an earlier build.
fn base_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&invalid_fixtures().join("_base"), dir.path());
    newsroom_ok(dir.path(), &["build", "--no-ingest"]);
    dir
}

/// What a failed build must show: its exit code and lines of its stderr.
struct Expected {
    exit: i32,
    lines: Vec<String>,
}

impl Expected {
    fn read(case: &Path) -> Expected {
        let text = std::fs::read_to_string(case.join("expected.txt"))
            .unwrap_or_else(|_| panic!("{} has no expected.txt", case.display()));
        let mut lines = text.lines();
        let exit = lines
            .next()
            .and_then(|line| line.strip_prefix("exit "))
            .and_then(|code| code.parse().ok())
            .expect("expected.txt starts with `exit N`");
        Expected {
            exit,
            lines: lines.map(str::to_owned).collect(),
        }
    }
}

/// Builds `site`, which must fail as `expected` says and change nothing in public/.
fn assert_refused(name: &str, site: &Path, expected: &Expected) {
    let before = tree(&site.join("public"));
    let output = newsroom(site, &["build", "--no-ingest"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(expected.exit),
        "{name}:\n{stderr}"
    );
    for line in &expected.lines {
        assert!(
            stderr.contains(line.as_str()),
            "{name}: no `{line}` in\n{stderr}"
        );
    }
    assert!(!stderr.contains("panicked"), "{name}:\n{stderr}");
    assert!(
        stderr.contains("nothing was published"),
        "{name}: the count and verdict are missing:\n{stderr}"
    );
    assert_eq!(
        tree(&site.join("public")),
        before,
        "{name}: public/ changed"
    );
    let leftovers: Vec<String> = std::fs::read_dir(site)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{name}: left behind {leftovers:?}");
}

#[test]
fn every_invalid_fixture_gives_its_error_and_leaves_public_as_it_was() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(invalid_fixtures())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|name| name != "_base"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "the fixtures are missing: {cases:?}");
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let site = base_site();
        copy_tree(&case, site.path());
        std::fs::remove_file(site.path().join("expected.txt")).unwrap();
        assert_refused(&name, site.path(), &Expected::read(&case));
    }
}

/// A generated case: `make` changes the base site, `lines` must be in stderr.
fn refused_after(name: &str, make: impl FnOnce(&Path), lines: &[&str]) {
    let site = base_site();
    make(site.path());
    let expected = Expected {
        exit: 1,
        lines: lines.iter().map(|line| (*line).to_owned()).collect(),
    };
    assert_refused(name, site.path(), &expected);
}

fn report(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n\n{body}\n")
}

#[test]
fn a_100_mb_report_is_refused_before_it_is_read() {
    refused_after(
        "100 MB report",
        |site| {
            let paragraph = "Forty battery cluster managers met in Graz.\n\n".repeat(2_300_000);
            let path = site.join(EVENT).join("huge.en.md");
            std::fs::write(path, report("Huge", &paragraph)).unwrap();
        },
        &[
            "error: the file is 103.5 MB, more than the 16 MiB a file may have",
            "--> content/2024-05-14-battery-forum/huge.en.md",
            "help: split the report",
        ],
    );
}

#[test]
fn a_10_mb_line_is_refused_with_its_line_number() {
    refused_after(
        "10 MB line",
        |site| {
            let line = "data:image/png;base64,".to_owned() + &"QUJD".repeat(2_500_000);
            let path = site.join(EVENT).join("long.en.md");
            std::fs::write(path, report("Long", &line)).unwrap();
        },
        &[
            "error: line 5 is 10.0 MB long, more than the 1 MiB a line may have",
            "--> content/2024-05-14-battery-forum/long.en.md:5:1",
            "help: break the text into paragraphs",
        ],
    );
}

#[cfg(unix)]
#[test]
fn links_that_loop_lead_nowhere_or_leave_the_site_are_refused() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.en.md");
    std::fs::write(&secret, report("Secret", "Not for publishing.")).unwrap();
    refused_after(
        "links",
        |site| {
            let event = site.join(EVENT);
            symlink("..", event.join("loop")).unwrap();
            symlink("b.en.md", event.join("a.en.md")).unwrap();
            symlink("a.en.md", event.join("b.en.md")).unwrap();
            symlink(&secret, event.join("secret.en.md")).unwrap();
            symlink(outside.path(), site.join("content/2024-06-01-elsewhere")).unwrap();
            symlink("missing.en.md", event.join("dangling.en.md")).unwrap();
        },
        &[
            "error: the link leads to a folder; newsroom follows links to files only\n  --> content/2024-05-14-battery-forum/loop",
            "--> content/2024-05-14-battery-forum/a.en.md",
            "--> content/2024-05-14-battery-forum/b.en.md",
            "error: the link leads out of the site, to ",
            "--> content/2024-05-14-battery-forum/secret.en.md",
            "--> content/2024-06-01-elsewhere",
            "--> content/2024-05-14-battery-forum/dangling.en.md",
            "help: replace the link with the file or folder itself",
            "error: 6 problems",
        ],
    );
}

#[test]
fn a_link_to_a_file_inside_the_site_is_followed() {
    let site = base_site();
    let event = site.path().join(EVENT);
    std::fs::write(
        site.path().join("shared.en.md"),
        report("Shared notes", "Kept once."),
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("../../shared.en.md", event.join("shared.en.md")).unwrap();
    newsroom_ok(site.path(), &["build", "--no-ingest"]);
    assert!(
        site.path()
            .join("public/en/reports/shared/index.html")
            .is_file()
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_report_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let site = base_site();
    let path = site.path().join(EVENT).join("locked.en.md");
    std::fs::write(&path, report("Locked", "Text.")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reading, so there is nothing to test.
        eprintln!("skipped: this user reads files without read permission");
        return;
    }
    let expected = Expected {
        exit: 1,
        lines: vec![
            "error: cannot read the file: Permission denied".to_owned(),
            "--> content/2024-05-14-battery-forum/locked.en.md".to_owned(),
        ],
    };
    assert_refused("unreadable", site.path(), &expected);
}

#[test]
fn quotes_and_lists_nested_thousands_deep_are_refused_at_their_line() {
    refused_after(
        "deep quotes",
        |site| {
            let body = format!("Intro.\n\n{} too deep\n", ">".repeat(100_000));
            std::fs::write(
                site.join(EVENT).join("quotes.en.md"),
                report("Quotes", &body),
            )
            .unwrap();
        },
        &[
            "error: quotes and lists nest 100000 levels deep here; reports may nest 64",
            "--> content/2024-05-14-battery-forum/quotes.en.md:7:1",
            "help: flatten the quotes or lists",
        ],
    );
    refused_after(
        "deep lists",
        |site| {
            let body: String = (0..700)
                .map(|level| format!("{}- level {level}\n", "  ".repeat(level)))
                .collect();
            std::fs::write(site.join(EVENT).join("lists.en.md"), report("Lists", &body)).unwrap();
        },
        &[
            "error: quotes and lists nest 65 levels deep here",
            "lists.en.md:69:1",
        ],
    );
}

#[test]
fn raw_html_nested_thousands_deep_is_refused_before_minifying() {
    refused_after(
        "deep raw HTML",
        |site| {
            let config = site.join("site.yaml");
            let yaml = std::fs::read_to_string(&config).unwrap() + "markdown:\n  raw_html: true\n";
            std::fs::write(&config, yaml).unwrap();
            let body = "<div>".repeat(20_000) + &"</div>".repeat(20_000);
            std::fs::write(site.join(EVENT).join("divs.en.md"), report("Divs", &body)).unwrap();
        },
        &[
            "error: the page en/reports/divs/index.html nests HTML elements 513 levels deep, more than the 512 it may",
            "--> content/2024-05-14-battery-forum/divs.en.md",
        ],
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_unread_instead_of_blocking_the_build() {
    refused_after(
        "named pipe",
        |site| {
            let pipe = site.join(EVENT).join("pipe.en.md");
            let made = std::process::Command::new("mkfifo")
                .arg(&pipe)
                .status()
                .unwrap();
            assert!(made.success());
        },
        &[
            "error: not a regular file (a folder, a device or a named pipe)",
            "--> content/2024-05-14-battery-forum/pipe.en.md",
        ],
    );
}

#[test]
fn problems_come_as_json_lines_for_editors_tools() {
    let site = base_site();
    let case = invalid_fixtures().join("unknown-field");
    copy_tree(&case.join("content"), &site.path().join("content"));
    let output = newsroom(
        site.path(),
        &["build", "--no-ingest", "--message-format", "json"],
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .collect();
    let first = &lines[0];
    assert_eq!(first["type"], "diagnostic");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["message"], "unknown field `titel`");
    assert_eq!(
        first["file"],
        "content/2024-05-14-battery-forum/battery-forum.en.md"
    );
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(first["source_line"], "titel: Battery clusters meet in Graz");
    assert_eq!(first["hint"], "did you mean `title`?");
    let last = lines.last().unwrap();
    assert_eq!(last["type"], "summary");
    assert_eq!(last["errors"].as_u64(), Some(lines.len() as u64 - 1));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // `check` reads the same front matter and speaks the same format.
    let output = newsroom(site.path(), &["check", "--message-format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let messages: Vec<String> = stdout
        .lines()
        .map(|line| {
            let json: serde_json::Value = serde_json::from_str(line).unwrap();
            json["message"].as_str().unwrap().to_owned()
        })
        .collect();
    assert!(
        messages
            .iter()
            .any(|message| message == "unknown field `titel`"),
        "{stdout}"
    );
}
