//! `--watch`: notices changes to the site's inputs (notify, with a debouncer that turns an
//! editor's write-to-temp-then-rename, or a `git checkout`'s burst, into one batch), rebuilds,
//! and tells open pages. A failed rebuild keeps the last good site and shows the error.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::error::{Error, Result};
use crate::pipeline::{self, BuildOptions, Session};
use crate::serve::live::{Live, Signal};
use crate::serve::{Observer, ServeEvent};

/// Quiet time after the last event of a save before it counts as done: long enough for the
/// events of one save, short enough not to be felt.
const DEBOUNCE: Duration = Duration::from_millis(25);

/// The folders below the site root whose files are inputs of the build.
const WATCHED_FOLDERS: [&str; 6] = ["seeds", "content", "themes", "templates", "static", "i18n"];

/// A running watcher; dropping it stops watching, then the rebuild thread ends.
pub(crate) struct Watcher {
    debouncer: Option<Debouncer<notify::RecommendedWatcher, RecommendedCache>>,
    rebuilds: Option<JoinHandle<()>>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        // Dropping the debouncer closes the channel, which ends the rebuild loop.
        self.debouncer.take();
        if let Some(thread) = self.rebuilds.take() {
            let _ = thread.join();
        }
    }
}

/// Starts watching the site of `build` and rebuilding it.
pub(crate) fn start(
    build: BuildOptions,
    mut session: Session,
    live: Arc<Live>,
    observer: Observer,
) -> Result<Watcher> {
    let (sender, receiver) = channel();
    let mut debouncer =
        new_debouncer(DEBOUNCE, None, sender).map_err(|e| watch_error(&build.root, &e))?;
    let root = build.root.clone();
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| watch_error(&root, &e))?;
    for folder in WATCHED_FOLDERS {
        let path = root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| watch_error(&path, &e))?;
        }
    }
    let rebuilds =
        std::thread::spawn(move || rebuild_loop(&receiver, &build, &mut session, &live, &observer));
    Ok(Watcher {
        debouncer: Some(debouncer),
        rebuilds: Some(rebuilds),
    })
}

fn watch_error(path: &Path, error: &notify::Error) -> Error {
    Error::io(path, std::io::Error::other(error.to_string()))
}

fn rebuild_loop(
    receiver: &Receiver<DebounceEventResult>,
    build: &BuildOptions,
    session: &mut Session,
    live: &Live,
    observer: &Observer,
) {
    // Events name absolute paths; the root may have been given relative.
    let root = build
        .root
        .canonicalize()
        .unwrap_or_else(|_| build.root.clone());
    while let Ok(first) = receiver.recv() {
        let noticed = Instant::now();
        // Whatever else arrived meanwhile is part of the same change.
        let batch = std::iter::once(first).chain(receiver.try_iter());
        let changed = changed_inputs(&root, batch);
        if changed.is_empty() {
            continue;
        }
        match pipeline::rebuild(build, session) {
            Ok(summary) => {
                // A rebuild that wrote nothing (e.g. the content ingest just wrote) needs no
                // reload; it may still clear an error.
                let signal = if summary.written.written == 0 {
                    None
                } else if only_stylesheets(&changed) {
                    Some(Signal::Stylesheet)
                } else {
                    Some(Signal::Reload)
                };
                live.built(signal);
                observer(&ServeEvent::Rebuilt {
                    changed: &changed,
                    summary: &summary,
                    elapsed: noticed.elapsed(),
                });
            }
            Err(error) => {
                live.failed(&error);
                observer(&ServeEvent::Failed {
                    changed: &changed,
                    error: &error,
                });
            }
        }
    }
}

/// The inputs a batch of events touched, relative to the root, without editors' scratch
/// files, hidden files (ingest's own bookkeeping among them) or mere reads.
fn changed_inputs(root: &Path, batch: impl Iterator<Item = DebounceEventResult>) -> Vec<PathBuf> {
    let mut changed: Vec<PathBuf> = batch
        .filter_map(Result::ok)
        .flatten()
        .filter(|event| !matches!(event.kind, EventKind::Access(_) | EventKind::Other))
        .flat_map(|event| event.event.paths)
        .filter_map(|path| path.strip_prefix(root).ok().map(Path::to_path_buf))
        .filter(|path| is_input(path))
        .collect();
    changed.sort();
    changed.dedup();
    changed
}

/// Whether a path below the root is something the build reads.
fn is_input(path: &Path) -> bool {
    let scratch = path.components().any(|component| {
        let name = component.as_os_str().to_string_lossy();
        name.starts_with('.')
            || name.ends_with('~')
            || name.ends_with(".swp")
            || name.ends_with(".swx")
            || name.ends_with(".tmp")
            || name == "4913"
    });
    let top = path
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let watched = match top.as_deref() {
        Some(folder) if WATCHED_FOLDERS.contains(&folder) => path.components().count() > 1,
        Some(file) => file == crate::config::CONFIG_FILE,
        None => false,
    };
    watched && !scratch
}

fn only_stylesheets(changed: &[PathBuf]) -> bool {
    changed
        .iter()
        .all(|path| path.extension().is_some_and(|extension| extension == "css"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inputs_count_and_editors_scratch_files_do_not() {
        for input in [
            "site.yaml",
            "content/e/r.en.md",
            "seeds/a.txt",
            "themes/default/static/style.css",
            "templates/base.html",
        ] {
            assert!(is_input(Path::new(input)), "{input}");
        }
        for other in [
            "public/index.html",
            "content/.ingest.yaml",
            "content/e/.r.en.md.swp",
            "content/e/r.en.md~",
            "content/e/4913",
            "target/debug/x",
            "content",
            "notes.txt",
        ] {
            assert!(!is_input(Path::new(other)), "{other}");
        }
    }

    #[test]
    fn a_stylesheet_change_alone_swaps_stylesheets() {
        assert!(only_stylesheets(&[PathBuf::from("static/style.css")]));
        assert!(!only_stylesheets(&[
            PathBuf::from("static/style.css"),
            PathBuf::from("site.yaml")
        ]));
    }
}
