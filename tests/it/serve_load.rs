//! `serve --watch` under load and abuse, through the real binary: 10,000 requests from 50
//! concurrent clients while a report is saved again and again, with slow clients holding
//! connections open all along. No request may fail, and every page served must be whole —
//! the old version or the new one, never a mix or a cut. Then malformed requests, huge
//! headers and clients that vanish mid-response, after each of which the server still
//! answers.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common::serve::*;

const CLIENTS: usize = 50;
const REQUESTS_PER_CLIENT: usize = 200;

/// The paths the clients ask for, in turn: the edited report, lists that show it, a feed,
/// the stylesheet, a page that does not exist.
const PATHS: [&str; 7] = [
    REPORT_PAGE,
    REPORT_PAGE,
    "/en/",
    "/en/atom.xml",
    "/style.css",
    "/fr/",
    "/no/such/page/",
];

/// The report's text in version `n`: a body long enough to be written in several pieces,
/// opened and closed by markers of its version.
fn version(original: &str, n: usize) -> String {
    let (front, _) = original.rsplit_once("---\n").unwrap();
    let filler = format!("Cluster managers compared notes in round {n}. ").repeat(400);
    format!("{front}---\n\nBEGIN-{n} {filler} END-{n}\n")
}

/// One whole response: status, headers, body.
struct Response {
    status: u16,
    headers: String,
    body: Vec<u8>,
}

fn request(address: &str, path: &str) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect(address)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no end of headers"))?;
    let headers = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = headers
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    Ok(Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    })
}

/// What is wrong with a response to `path`, if anything.
fn check(path: &str, response: &Response) -> Option<String> {
    let expected = if path.starts_with("/no/") { 404 } else { 200 };
    if response.status != expected {
        return Some(format!("{path}: status {}", response.status));
    }
    let length = response.headers.lines().find_map(|line| {
        line.to_ascii_lowercase()
            .strip_prefix("content-length:")
            .map(|v| v.trim().to_owned())
    });
    if let Some(length) = length
        && length.parse::<usize>().ok() != Some(response.body.len())
    {
        return Some(format!("{path}: {} bytes of {length}", response.body.len()));
    }
    if path == REPORT_PAGE {
        let body = String::from_utf8_lossy(&response.body);
        // The version's number appears wherever the body's start is quoted (description,
        // structured data); its end only in the body. All must be one version's.
        let numbers = |marker: &str| -> Vec<String> {
            body.split(marker)
                .skip(1)
                .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
                .collect()
        };
        let (begins, ends) = (numbers("BEGIN-"), numbers("END-"));
        let whole = match ends.as_slice() {
            [] => begins.is_empty() && body.contains("Twelve clusters met"),
            [end] => begins.iter().all(|begin| begin == end),
            _ => false,
        };
        if !whole {
            return Some(format!(
                "{path}: a page that is not one whole version ({} bytes)",
                body.len()
            ));
        }
    }
    None
}

/// A client that sends its headers a byte at a time, forever, until told to stop.
fn slow_client(address: &str, stop: &AtomicBool) {
    let Ok(mut stream) = TcpStream::connect(address) else {
        return;
    };
    let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: test\r\nX-Slow: ");
    while !stop.load(Ordering::Relaxed) {
        if stream.write_all(b"a").is_err() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn ten_thousand_requests_while_editing_all_whole_and_none_failed() {
    let (site, tmp) = fixture();
    let server = Server::start(site.path(), tmp.path());
    let report = site.path().join(REPORT);
    let original = std::fs::read_to_string(&report).unwrap();
    server.wait_until_served(REPORT_PAGE, "Twelve clusters met");
    let address = server.address.clone();

    let stop = Arc::new(AtomicBool::new(false));
    let slow: Vec<_> = (0..20)
        .map(|_| {
            let (address, stop) = (address.clone(), Arc::clone(&stop));
            std::thread::spawn(move || slow_client(&address, &stop))
        })
        .collect();
    let editor = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut saves = 0;
            while !stop.load(Ordering::Relaxed) {
                save(&report, &version(&original, saves));
                saves += 1;
                std::thread::sleep(Duration::from_millis(150));
            }
            saves
        })
    };
    let served = Arc::new(AtomicUsize::new(0));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (address, served) = (address.clone(), Arc::clone(&served));
            std::thread::spawn(move || {
                let mut problems = Vec::new();
                let mut versions = std::collections::BTreeSet::new();
                for index in 0..REQUESTS_PER_CLIENT {
                    let path = PATHS[(client + index) % PATHS.len()];
                    match request(&address, path) {
                        Ok(response) => {
                            problems.extend(check(path, &response));
                            let body = String::from_utf8_lossy(&response.body);
                            if let Some((_, rest)) = body.split_once(" END-") {
                                versions.insert(
                                    rest.chars()
                                        .take_while(char::is_ascii_digit)
                                        .collect::<String>(),
                                );
                            }
                        }
                        Err(error) => problems.push(format!("{path}: {error}")),
                    }
                    served.fetch_add(1, Ordering::Relaxed);
                }
                (problems, versions)
            })
        })
        .collect();
    let started = Instant::now();
    let mut problems = Vec::new();
    let mut versions = std::collections::BTreeSet::new();
    for client in clients {
        let (found, seen) = client.join().unwrap();
        problems.extend(found);
        versions.extend(seen);
    }
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let saves = editor.join().unwrap();
    for client in slow {
        client.join().unwrap();
    }
    assert_eq!(
        served.load(Ordering::Relaxed),
        CLIENTS * REQUESTS_PER_CLIENT
    );
    assert!(
        problems.is_empty(),
        "{} of {} requests went wrong, e.g. {:?}",
        problems.len(),
        CLIENTS * REQUESTS_PER_CLIENT,
        &problems[..problems.len().min(10)]
    );
    assert!(
        saves >= 5,
        "only {saves} saves in {elapsed:?}: the edits did not overlap the load"
    );
    assert!(
        versions.len() >= 3,
        "only versions {versions:?} were served during the load: the rebuilds did not overlap it"
    );
    // The last save is served in the end.
    server.wait_until_served(REPORT_PAGE, &format!("END-{}", saves - 1));
}

/// Sends raw bytes and returns what came back before the server closed or went quiet.
fn exchange(address: &str, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    // The server may answer and close before all of a huge request is written.
    let _ = stream.write_all(bytes);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

#[test]
fn malformed_requests_huge_headers_and_vanishing_clients_do_not_stop_the_server() {
    let (site, tmp) = fixture();
    let server = Server::start(site.path(), tmp.path());
    server.wait_until_served(REPORT_PAGE, "Twelve clusters met");
    let address = server.address.clone();
    let still_serving = || {
        let (status, _) = server.get("/en/");
        assert_eq!(status, 200, "the server stopped answering");
    };

    let garbage = exchange(&address, b"\x00\xff GARBAGE \r\n\r\n");
    assert!(
        garbage.is_empty() || garbage.starts_with("HTTP/1.1 400"),
        "{garbage}"
    );
    still_serving();

    let bad_version = exchange(&address, b"GET / HTTP/9.9\r\nHost: test\r\n\r\n");
    assert!(
        bad_version.is_empty() || bad_version.starts_with("HTTP/1.1 "),
        "{bad_version}"
    );
    still_serving();

    let huge = format!(
        "GET / HTTP/1.1\r\nHost: test\r\nX-Huge: {}\r\nConnection: close\r\n\r\n",
        "a".repeat(2 * 1024 * 1024)
    );
    let answer = exchange(&address, huge.as_bytes());
    assert!(
        answer.is_empty()
            || answer.starts_with("HTTP/1.1 431")
            || answer.starts_with("HTTP/1.1 400"),
        "{}",
        &answer[..answer.len().min(200)]
    );
    still_serving();

    let many_headers: String = (0..10_000).map(|i| format!("X-{i}: {i}\r\n")).collect();
    let answer = exchange(
        &address,
        format!("GET / HTTP/1.1\r\nHost: test\r\n{many_headers}\r\n").as_bytes(),
    );
    assert!(
        !answer.starts_with("HTTP/1.1 200"),
        "10,000 headers were accepted"
    );
    still_serving();

    // Clients that leave: before sending anything, mid-request, mid-response.
    for _ in 0..50 {
        drop(TcpStream::connect(&address).unwrap());
        let mut half = TcpStream::connect(&address).unwrap();
        half.write_all(b"GET /en/ HTT").unwrap();
        drop(half);
        let mut reader = TcpStream::connect(&address).unwrap();
        write!(reader, "GET {REPORT_PAGE} HTTP/1.1\r\nHost: test\r\n\r\n").unwrap();
        let mut first = [0; 16];
        let _ = reader.read(&mut first);
        drop(reader);
    }
    still_serving();

    // Paths no file has: a 100 KB path, a query and a fragment of junk (invalid UTF-8, NUL
    // and `../` are tests/serve.rs's).
    let long = format!("/{}", "a/".repeat(50_000));
    for path in [&long, "/en/?%%%", "/en/#x"] {
        let answer = exchange(
            &address,
            format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        assert!(
            answer.is_empty()
                || [
                    "HTTP/1.1 200",
                    "HTTP/1.1 400",
                    "HTTP/1.1 404",
                    "HTTP/1.1 414",
                    "HTTP/1.1 431"
                ]
                .iter()
                .any(|status| answer.starts_with(status)),
            "{}: {}",
            &path[..path.len().min(40)],
            &answer[..answer.len().min(120)]
        );
        still_serving();
    }
}
