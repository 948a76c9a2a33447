//! The HTTP side of `serve` (axum and tower-http): the built files with their content types,
//! `index.html` for folders, conditional and HEAD requests; the site's own `404.html` with
//! status 404; no path outside the site; and, on HTML pages only, the live-reload script
//! with its event stream.

use std::convert::Infallible;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};
use tower_http::services::ServeDir;

use crate::commands::serve::live::{Live, Signal};
use crate::pipeline::plan::NOT_FOUND_FILE;

/// Where the live-reload script and its event stream are served; no site path starts so.
const LIVE_PREFIX: &str = "/__newsroom/";
const LIVE_SCRIPT: &str = include_str!("live.js");
/// Pages larger than this are served without the script rather than buffered.
const MAX_INJECTED_PAGE: usize = 32 * 1024 * 1024;

/// Serves `site_dir` on `listener` until Ctrl-C (or SIGTERM); calls `ready` once the
/// signals are listened for, so a stop requested after it is always a tidy one.
pub(crate) async fn run(
    listener: std::net::TcpListener,
    site_dir: PathBuf,
    live: Arc<Live>,
    ready: impl FnOnce(),
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let stop = stop_requested();
    ready();
    let stopping = Arc::clone(&live);
    axum::serve(listener, app(site_dir, live))
        .with_graceful_shutdown(async move {
            stop.await;
            stopping.shutdown();
        })
        .await
}

/// Ctrl-C, or (on Unix) the SIGTERM of `kill` or a process manager. The handlers are in
/// place when this returns; if they cannot be, a signal still ends the process, only
/// without tidying up.
fn stop_requested() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let handlers = {
        use tokio::signal::unix::{SignalKind, signal};
        signal(SignalKind::interrupt()).and_then(|interrupt| {
            signal(SignalKind::terminate()).map(|terminate| (interrupt, terminate))
        })
    };
    async move {
        #[cfg(unix)]
        if let Ok((mut interrupt, mut terminate)) = handlers {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn app(site_dir: PathBuf, live: Arc<Live>) -> Router {
    let not_found_dir = site_dir.clone();
    let files = ServeDir::new(&site_dir)
        .append_index_html_on_directories(true)
        .not_found_service(tower::service_fn(move |request: Request| {
            let dir = not_found_dir.clone();
            async move { Ok::<_, Infallible>(not_found_page(&dir, request.uri()).await) }
        }));
    let guard_dir = Arc::new(site_dir);
    Router::new()
        .route("/__newsroom/events", get(events))
        .route("/__newsroom/live.js", get(script))
        .fallback_service(files)
        .layer(middleware::from_fn(inject_script))
        .layer(middleware::from_fn_with_state(guard_dir, guard_paths))
        .with_state(live)
}

/// The language's own `404.html` for paths under a language folder, else the site's.
async fn not_found_page(site_dir: &Path, uri: &Uri) -> Response {
    let first = uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    let candidates = [
        site_dir.join(first).join(NOT_FOUND_FILE),
        site_dir.join(NOT_FOUND_FILE),
    ];
    for candidate in candidates.iter().filter(|_| !first.contains("..")) {
        if let Ok(bytes) = tokio::fs::read(candidate).await {
            return html(StatusCode::NOT_FOUND, bytes);
        }
    }
    // No site yet (the first build failed): an empty page the live script can show the
    // error on.
    html(
        StatusCode::NOT_FOUND,
        b"<!doctype html><title>Not found</title><p>Nothing here (yet).".to_vec(),
    )
}

fn html(status: StatusCode, bytes: Vec<u8>) -> Response {
    let mut response = (status, bytes).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// Refuses paths that could leave the site: `..` (also percent-encoded), backslashes, NUL,
/// and anything that resolves (through a symlink) outside the site folder.
async fn guard_paths(
    State(site_dir): State<Arc<PathBuf>>,
    request: Request,
    next: Next,
) -> Response {
    if request.uri().path().starts_with(LIVE_PREFIX) {
        return next.run(request).await;
    }
    match inside_site(&site_dir, request.uri().path()) {
        PathVerdict::Malformed => StatusCode::BAD_REQUEST.into_response(),
        PathVerdict::Outside => not_found_page(&site_dir, request.uri()).await,
        PathVerdict::Fine => next.run(request).await,
    }
}

#[derive(Debug, PartialEq, Eq)]
enum PathVerdict {
    Fine,
    Malformed,
    Outside,
}

fn inside_site(site_dir: &Path, raw_path: &str) -> PathVerdict {
    let Ok(decoded) = percent_encoding::percent_decode_str(raw_path).decode_utf8() else {
        return PathVerdict::Malformed;
    };
    if decoded.contains(['\0', '\\']) || !decoded.starts_with('/') {
        return PathVerdict::Malformed;
    }
    let relative = Path::new(decoded.trim_start_matches('/'));
    if !relative
        .components()
        .all(|component| matches!(component, Component::Normal(_)))
    {
        return PathVerdict::Malformed;
    }
    // Only an existing path can lead elsewhere through a symlink; missing ones are 404 anyway.
    let target = site_dir.join(relative);
    match (target.canonicalize(), site_dir.canonicalize()) {
        (Ok(target), Ok(site)) if !target.starts_with(&site) => PathVerdict::Outside,
        _ => PathVerdict::Fine,
    }
}

/// Adds the live-reload script to HTML responses (never to what `build` writes), and
/// tells browsers not to store anything.
async fn inject_script(request: Request, next: Next) -> Response {
    let is_head = request.method() == Method::HEAD;
    let mut response = next.run(request).await;
    // A browser must never show a stored copy: a page rewritten in the same second as the
    // last build has the same Last-Modified, so a revalidation would keep the old bytes.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    let status = response.status();
    if is_head || !is_html || !(status == StatusCode::OK || status == StatusCode::NOT_FOUND) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(mut bytes) = axum::body::to_bytes(body, MAX_INJECTED_PAGE)
        .await
        .map(Vec::from)
    else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    // Minified pages omit `</body>`; a script after the content still runs in the body.
    bytes.extend_from_slice(b"<script src=\"/__newsroom/live.js\"></script>");
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}

async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_SCRIPT,
    )
}

/// The event stream of one open page: the current problem first, if any, then each signal.
async fn events(
    State(live): State<Arc<Live>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let (problem, receiver) = live.subscribe();
    let current = tokio_stream::iter(problem.map(Signal::Problem));
    let updates = BroadcastStream::new(receiver).filter_map(Result::ok);
    // A first comment makes the server send the headers at once, so the page knows it is
    // connected before anything changes.
    let hello = tokio_stream::once(Ok(Event::default().comment("connected")));
    let signals = current
        .chain(updates)
        .take_while(|signal| *signal != Signal::Shutdown)
        .map(|signal| Ok(event(&signal)));
    let stream = hello.chain(signals);
    Sse::new(stream).keep_alive(KeepAlive::default())
}

fn event(signal: &Signal) -> Event {
    match signal {
        Signal::Reload | Signal::Shutdown => Event::default().event("reload").data("{}"),
        Signal::Stylesheet => Event::default().event("stylesheet").data("{}"),
        // JSON keeps a multi-line diagnostic on one `data:` line.
        Signal::Problem(text) => Event::default()
            .event("problem")
            .data(serde_json::json!({ "text": text }).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_and_malformed_paths_are_refused() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("en")).unwrap();
        let verdict = |path: &str| inside_site(site.path(), path);
        assert_eq!(verdict("/en/"), PathVerdict::Fine);
        assert_eq!(verdict("/missing/page/"), PathVerdict::Fine);
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/en/%2E%2E/%2e%2e/x",
            "/a%5cb",
            "/%00",
            "/%ff",
        ] {
            assert_eq!(verdict(bad), PathVerdict::Malformed, "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_out_of_the_site_is_not_followed() {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), site.path().join("escape")).unwrap();
        assert_eq!(inside_site(site.path(), "/escape/"), PathVerdict::Outside);
    }
}
