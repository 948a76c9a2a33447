//! Driving `newsroom serve --watch` from tests: the real binary on a temporary copy of the
//! four-language fixture, raw HTTP on a TCP socket (so paths reach the server exactly as
//! written), the live-reload event stream, and saves the way editors make them.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use super::fixture_site;

/// A report of the fixture and its page.
pub const REPORT: &str = "content/2023-09-20-digital-twins-workshop/digital-twins.en.md";
pub const REPORT_PAGE: &str = "/en/reports/digital-twins/";

/// A running `newsroom serve --watch`, stopped with Ctrl-C when dropped.
pub struct Server {
    pub child: Child,
    pub address: String,
    pub lines: Receiver<String>,
}

impl Server {
    /// Starts the server on `root` with its temporary folders under `tmp`.
    pub fn start(root: &Path, tmp: &Path) -> Server {
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
    pub fn send(&self, request: &str) -> (u16, String) {
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

    pub fn get(&self, path: &str) -> (u16, String) {
        self.send(&format!("GET {path} HTTP/1.1"))
    }

    /// Opens the live-reload event stream.
    pub fn events(&self) -> EventStream {
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
    pub fn wait_until_served(&self, path: &str, text: &str) -> String {
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
    pub fn stop(self) -> std::process::ExitStatus {
        self.stop_with("INT")
    }

    /// Sends `signal` (`INT`, `TERM`), then waits for the process to end.
    pub fn stop_with(mut self, signal: &str) -> std::process::ExitStatus {
        send_signal(&self.child, signal);
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

/// Sends a signal (`INT` is what Ctrl-C in a terminal sends).
pub fn send_signal(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// The next line of `lines` that satisfies `wanted`.
pub fn wait_for(lines: &Receiver<String>, wanted: impl Fn(&str) -> bool) -> String {
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
pub struct EventStream {
    stream: TcpStream,
    seen: String,
}

impl EventStream {
    /// Reads until an event named `name` arrived; returns everything read since the last call.
    pub fn wait_for_event(&mut self, name: &str) -> String {
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
pub fn save(path: &Path, text: &str) {
    let scratch = path.with_extension("md.tmp~");
    std::fs::write(&scratch, text).unwrap();
    std::fs::rename(&scratch, path).unwrap();
}

pub fn fixture() -> (tempfile::TempDir, tempfile::TempDir) {
    (fixture_site("four-languages"), tempfile::tempdir().unwrap())
}
