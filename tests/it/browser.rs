//! End to end: headless Chromium, driven through chromedriver's WebDriver API, keeps a page of
//! `newsroom serve --watch` open while the test edits the report; the page shows the edit,
//! then the error overlay for a broken save, with no reload command from the test.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them and sets
//! `NEWSROOM_BROWSER_TESTS=1`, which turns a missing browser into a failure). Without them,
//! and without that variable, the test says so and passes, so `cargo test` works anywhere.

#![allow(clippy::print_stderr)] // a skipped browser test says so

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::serve::*;
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver, killed when dropped.
struct Driver {
    child: Child,
    address: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

impl Driver {
    fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let driver = Driver {
            child,
            address: format!("127.0.0.1:{port}"),
        };
        poll("chromedriver to start", || {
            TcpStream::connect(&driver.address).is_ok().then_some(())
        });
        driver
    }

    /// One WebDriver command; returns its `value`.
    fn call(&self, method: &str, path: &str, body: &Value) -> Value {
        let body = body.to_string();
        let mut stream = TcpStream::connect(&self.address).unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        // chromedriver keeps the connection open: read exactly Content-Length bytes.
        let mut reader = BufReader::new(stream);
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap();
            }
        }
        let mut json = vec![0; length];
        reader.read_exact(&mut json).unwrap();
        let value: Value = serde_json::from_slice(&json).unwrap();
        value["value"].clone()
    }
}

/// Calls `attempt` until it gives a value.
fn poll<T>(what: &str, mut attempt: impl FnMut() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(value) = attempt() {
            return value;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited in vain for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn browser_available() -> bool {
    let there = Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file();
    if !there {
        assert!(
            std::env::var_os("NEWSROOM_BROWSER_TESTS").is_none(),
            "NEWSROOM_BROWSER_TESTS is set but {CHROMIUM} or {CHROMEDRIVER} is missing"
        );
        eprintln!("note: no {CHROMIUM} and {CHROMEDRIVER}; the browser test did not run");
    }
    there
}

#[test]
fn an_open_page_shows_an_edit_and_then_a_build_error_by_itself() {
    if !browser_available() {
        return;
    }
    let (site, tmp) = fixture();
    let server = Server::start(site.path(), tmp.path());
    let driver = Driver::start();
    let session = driver.call(
        "POST",
        "/session",
        &json!({ "capabilities": { "alwaysMatch": { "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        } } } }),
    );
    let id = session["sessionId"].as_str().expect("a session").to_owned();
    let _closes_the_browser = SessionGuard {
        driver: &driver,
        id: id.clone(),
    };
    let url = format!("http://{}{REPORT_PAGE}", server.address);
    driver.call(
        "POST",
        &format!("/session/{id}/url"),
        &json!({ "url": url }),
    );
    let run = |script: &str| {
        driver.call(
            "POST",
            &format!("/session/{id}/execute/sync"),
            &json!({ "script": script, "args": [] }),
        )
    };
    let text = || {
        run("return document.body.innerText;")
            .as_str()
            .unwrap_or("")
            .to_owned()
    };
    assert!(text().contains("Twelve clusters met"));
    // Wait until the page listens, or the first save could go unheard.
    poll("the live-reload connection", || {
        let state = run("return document.documentElement.dataset.newsroomLive === 'open';");
        (state == json!(true)).then_some(())
    });

    let report = site.path().join(REPORT);
    let original = std::fs::read_to_string(&report).unwrap();
    save(
        &report,
        &original.replace("Twelve clusters", "Fourteen clusters"),
    );
    poll("the edit in the open page", || {
        text().contains("Fourteen clusters met").then_some(())
    });

    save(&report, &original.replace("title:", "titel:"));
    let overlay = poll("the error overlay", || {
        let shown = run(
            "const o = document.querySelector('[role=alertdialog]'); return o ? o.innerText : null;",
        );
        shown.as_str().map(str::to_owned)
    });
    assert!(overlay.contains(&format!("{REPORT}:2:1")), "{overlay}");
    assert!(
        text().contains("Fourteen clusters met"),
        "the last good page is under it"
    );
}

/// Ends the browser session (and so the browser) however the test ends.
struct SessionGuard<'a> {
    driver: &'a Driver,
    id: String,
}

impl Drop for SessionGuard<'_> {
    fn drop(&mut self) {
        self.driver
            .call("DELETE", &format!("/session/{}", self.id), &json!({}));
    }
}
