//! `newsroom serve --watch` through the real binary on a temporary site: it serves like a
//! static host, rebuilds on save and tells open pages, keeps the last good site when a save
//! breaks something (and says where), refuses paths outside the site, and leaves nothing
//! behind when stopped with Ctrl-C. Requests are written by hand on a TCP socket so that
//! malformed and traversing paths reach the server exactly as written.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use common::*;

const REPORT: &str = "content/2023-09-20-digital-twins-workshop/digital-twins.en.md";
const REPORT_PAGE: &str = "/en/reports/digital-twins/";

/// A running `newsroom serve --watch`, stopped with Ctrl-C when dropped.
struct Server {
    child: Child,
    address: String,
    lines: Receiver<String>,
}

impl Server {
    /// Starts the server on `root` with its temporary folders under `tmp`.
    fn start(root: &Path, tmp: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsroom"))
            .args([
                "--root",
                root.to_str().unwrap(),
                "serve",
                "--watch",
                "--port",
                "0",
            ])
            .env("TMPDIR", tmp)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (sender, lines) = channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = sender.send(line);
            }
        });
        let serving = wait_for(&lines, |line| line.starts_with("serving "));
        let address = serving
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap()
            .to_owned();
        Server {
            child,
            address,
            lines,
        }
    }

    /// Sends `request` (without the final blank line) and returns status and raw response.
    fn send(&self, request: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        write!(
            stream,
            "{request}\r\nHost: test\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|code| code.parse().ok())
            .unwrap_or(0);
        (status, response)
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.send(&format!("GET {path} HTTP/1.1"))
    }

    /// Opens the live-reload event stream.
    fn events(&self) -> EventStream {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        write!(
            stream,
            "GET /__newsroom/events HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        EventStream {
            stream,
            seen: String::new(),
        }
    }

    /// Polls `path` until its body contains `text`.
    fn wait_until_served(&self, path: &str, text: &str) -> String {
        let started = Instant::now();
        loop {
            let (status, body) = self.get(path);
            if status == 200 && body.contains(text) {
                return body;
            }
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "{path} never showed {text:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Ctrl-C, then waits for the process to end.
    fn stop(mut self) -> std::process::ExitStatus {
        interrupt(&self.child);
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "serve did not stop"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Sends SIGINT, as Ctrl-C in a terminal does.
fn interrupt(child: &Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// The next line of `lines` that satisfies `wanted`.
fn wait_for(lines: &Receiver<String>, wanted: impl Fn(&str) -> bool) -> String {
    loop {
        let line = lines
            .recv_timeout(Duration::from_secs(20))
            .expect("serve printed no such line");
        if wanted(&line) {
            return line;
        }
    }
}

/// An open server-sent event stream.
struct EventStream {
    stream: TcpStream,
    seen: String,
}

impl EventStream {
    /// Reads until an event named `name` arrived; returns everything read since the last call.
    fn wait_for_event(&mut self, name: &str) -> String {
        let started = Instant::now();
        let marker = format!("event: {name}");
        let mut buffer = [0; 4096];
        while !self.seen.contains(&marker) {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "no {name} event; got {:?}",
                self.seen
            );
            if let Ok(read) = self.stream.read(&mut buffer) {
                self.seen
                    .push_str(&String::from_utf8_lossy(&buffer[..read]));
            }
        }
        std::mem::take(&mut self.seen)
    }
}

/// Writes a file the way many editors save: a temporary file renamed over the original.
fn save(path: &Path, text: &str) {
    let scratch = path.with_extension("md.tmp~");
    std::fs::write(&scratch, text).unwrap();
    std::fs::rename(&scratch, path).unwrap();
}

fn fixture() -> (tempfile::TempDir, tempfile::TempDir) {
    (fixture_site("four-languages"), tempfile::tempdir().unwrap())
}

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
        page.contains("lang=fr"),
        "a French path gets the French 404 page"
    );

    let (status, head) = server.send(&format!("HEAD {REPORT_PAGE} HTTP/1.1"));
    assert_eq!(status, 200);
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
    ] {
        let (status, body) = server.get(path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(
            !body.contains("root:") && !body.contains("secret"),
            "{path}"
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
