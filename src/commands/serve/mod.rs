//! `newsroom serve`: builds the site into a temporary folder, serves it over HTTP and, with
//! `--watch`, rebuilds on every change and tells open pages to reload, swap their
//! stylesheet, or show the build error over the last good page. The folder goes when the
//! server stops; nothing `serve` does reaches `public/`.

mod http;
mod live;
mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::commands::build::{self, BuildOptions, BuildSummary, Session};
use crate::diagnostics::Diagnostic;
use crate::diagnostics::{Error, IoContext, Result};

use live::Live;

/// What `newsroom serve` should do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The address to listen on (`127.0.0.1` unless asked otherwise).
    pub bind: IpAddr,
    /// The port to try first; the next free one is taken if it is busy.
    pub port: u16,
    /// Rebuild on changes and reload open pages.
    pub watch: bool,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// Include reports marked `draft: true`.
    pub drafts: bool,
}

/// What the server reports to whoever runs it (the CLI prints a line for each).
#[derive(Debug)]
pub enum ServeEvent<'a> {
    /// The site is built and served at `url`.
    Serving {
        /// Where.
        url: &'a str,
    },
    /// A change was rebuilt.
    Rebuilt {
        /// The files whose change started it, relative to the site root.
        changed: &'a [PathBuf],
        /// What the build did.
        summary: &'a BuildSummary,
        /// From the first change noticed to the new site in place.
        elapsed: Duration,
    },
    /// A rebuild failed; the last good site is still served.
    Failed {
        /// The files whose change started it.
        changed: &'a [PathBuf],
        /// Why.
        error: &'a Error,
    },
}

/// Receives [`ServeEvent`]s.
pub type Observer = Arc<dyn Fn(&ServeEvent<'_>) + Send + Sync>;

/// How many ports after the asked one are tried before giving up.
const PORT_TRIES: u16 = 50;

/// Builds and serves the site until Ctrl-C.
pub fn serve(options: &ServeOptions, observer: &Observer) -> Result<()> {
    let workspace = tempfile::Builder::new()
        .prefix("newsroom-serve-")
        .tempdir()
        .at_path(&std::env::temp_dir())?;
    let site_dir = workspace.path().join("site");
    let listener = bind(options.bind, options.port)?;
    let address = listener.local_addr().at_path(Path::new("<socket>"))?;
    let url = site_url(address);
    let build = BuildOptions {
        root: options.root.clone(),
        output: Some(site_dir.clone()),
        base_url: Some(url.clone()),
        drafts: options.drafts,
        ingest: true,
    };
    let live = Arc::new(Live::default());
    // Watching begins before the first build: a save made while it runs is not missed.
    let watching = if options.watch {
        Some(watch::watch(&options.root)?)
    } else {
        None
    };
    let started = Instant::now();
    let mut session = Session::default();
    match build::rebuild(&build, &mut session, None) {
        Ok(summary) => observer(&ServeEvent::Rebuilt {
            changed: &[],
            summary: &summary,
            elapsed: started.elapsed(),
        }),
        // Without --watch there is nothing to wait for; with it, the next save may fix it.
        Err(error) if !options.watch => return Err(error),
        Err(error) => {
            live.failed(&error);
            observer(&ServeEvent::Failed {
                changed: &[],
                error: &error,
            });
        }
    }
    let watcher = watching.map(|watching| {
        watching.rebuild_on_changes(build, session, Arc::clone(&live), Arc::clone(observer))
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .at_path(Path::new("<runtime>"))?;
    let ready = || {
        observer(&ServeEvent::Serving { url: &url });
        if options.open {
            // A missing browser is no reason to stop serving; the URL is printed anyway.
            let _ = opener::open_browser(&url);
        }
    };
    let served = runtime.block_on(http::run(listener, site_dir, live, ready));
    drop(watcher);
    drop(runtime);
    workspace.close().at_path(&std::env::temp_dir())?;
    served.at_path(Path::new("<socket>"))
}

/// Listens on `port`, or the next free port after it.
fn bind(ip: IpAddr, port: u16) -> Result<TcpListener> {
    let mut last_error = None;
    for candidate in (0..PORT_TRIES).filter_map(|offset| port.checked_add(offset)) {
        match TcpListener::bind(SocketAddr::new(ip, candidate)) {
            Ok(listener) => return Ok(listener),
            Err(error) => last_error = Some(error),
        }
    }
    let message = last_error.map_or_else(|| "no port to try".to_owned(), |e| e.to_string());
    Err(Error::invalid(
        Diagnostic::error(format!(
            "cannot listen on {ip} port {port} or the {PORT_TRIES} after it: {message}"
        ))
        .hint("pass another --port, or --bind an address of this machine"),
    ))
}

/// The URL readers use: an unspecified address (`0.0.0.0`) is reached as localhost.
fn site_url(address: SocketAddr) -> String {
    let host = match address.ip() {
        ip if ip.is_unspecified() => "localhost".to_owned(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    format!("http://{host}:{}/", address.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_port_moves_on_to_the_next_free_one() {
        let busy = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = busy.local_addr().unwrap().port();
        let next = bind("127.0.0.1".parse().unwrap(), port).unwrap();
        assert_ne!(next.local_addr().unwrap().port(), port);
    }

    #[test]
    fn urls_name_a_reachable_host() {
        let url = |text: &str| site_url(text.parse().unwrap());
        assert_eq!(url("127.0.0.1:1111"), "http://127.0.0.1:1111/");
        assert_eq!(url("0.0.0.0:8080"), "http://localhost:8080/");
        assert_eq!(url("[::1]:1111"), "http://[::1]:1111/");
    }
}
