//! `--watch`: notices changes to the site's inputs (notify, with a debouncer that turns an
//! editor's write-to-temp-then-rename, or a `git checkout`'s burst, into one batch), rebuilds,
//! and tells open pages. A failed rebuild keeps the last good site and shows the error.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::commands::build::{self, BuildOptions, Session};
use crate::commands::serve::live::{Live, Signal};
use crate::commands::serve::{Observer, ServeEvent};
use crate::diagnostics::{Error, Result};
use crate::pipeline::content::CONTENT_DIR;
use crate::pipeline::ingest::SEEDS_DIR;

/// Quiet time after the last event of a save before it counts as done: long enough for the
/// events of one save, short enough not to be felt.
const DEBOUNCE: Duration = Duration::from_millis(25);

/// The folders below the site root whose files are inputs of the build.
const WATCHED_FOLDERS: [&str; 6] = [
    SEEDS_DIR,
    CONTENT_DIR,
    "themes",
    "templates",
    "static",
    "i18n",
];

type FileWatcher = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// A running watcher; dropping it stops watching, then the rebuild thread ends.
pub(crate) struct Watcher {
    debouncer: Arc<Mutex<Option<FileWatcher>>>,
    rebuilds: Option<JoinHandle<()>>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        // Dropping the debouncer closes the channel, which ends the rebuild loop.
        lock(&self.debouncer).take();
        if let Some(thread) = self.rebuilds.take() {
            let _ = thread.join();
        }
    }
}

fn lock(debouncer: &Mutex<Option<FileWatcher>>) -> std::sync::MutexGuard<'_, Option<FileWatcher>> {
    // A poisoned lock only means the rebuild thread panicked; the watcher itself is whole.
    debouncer
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Watches each input folder that exists and is not watched yet; returns the ones added.
fn watch_folders(
    debouncer: &mut FileWatcher,
    root: &Path,
    watched: &mut Vec<&'static str>,
) -> Result<Vec<PathBuf>> {
    let mut added = Vec::new();
    for folder in WATCHED_FOLDERS {
        let path = root.join(folder);
        if !watched.contains(&folder) && path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| watch_error(&path, &e))?;
            watched.push(folder);
            added.push(PathBuf::from(folder));
        }
    }
    Ok(added)
}

/// Watching begun, rebuilding not yet: what changes meanwhile (while the first build runs)
/// waits in the channel and is the first rebuild's, so no save is missed however long the
/// first build takes.
pub(crate) struct Watching {
    debouncer: FileWatcher,
    receiver: Receiver<DebounceEventResult>,
    watched: Vec<&'static str>,
}

/// Starts watching the inputs of the site in `root`.
pub(crate) fn watch(root: &Path) -> Result<Watching> {
    let (sender, receiver) = channel();
    let mut debouncer = new_debouncer(DEBOUNCE, None, sender).map_err(|e| watch_error(root, &e))?;
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| watch_error(root, &e))?;
    let mut watched = Vec::new();
    watch_folders(&mut debouncer, root, &mut watched)?;
    Ok(Watching {
        debouncer,
        receiver,
        watched,
    })
}

impl Watching {
    /// Rebuilds the site of `build` on every change from now on, beginning with the ones
    /// noticed since watching began.
    pub(crate) fn rebuild_on_changes(
        self,
        build: BuildOptions,
        mut session: Session,
        live: Arc<Live>,
        observer: Observer,
    ) -> Watcher {
        let debouncer = Arc::new(Mutex::new(Some(self.debouncer)));
        let inputs = Inputs {
            debouncer: Arc::clone(&debouncer),
            watched: self.watched,
        };
        let receiver = self.receiver;
        let rebuilds = std::thread::spawn(move || {
            rebuild_loop(&receiver, inputs, &build, &mut session, &live, &observer);
        });
        Watcher {
            debouncer,
            rebuilds: Some(rebuilds),
        }
    }
}

/// The watcher as the rebuild thread sees it: input folders made after the start (a first
/// `templates/` override, say) are watched as they appear.
struct Inputs {
    debouncer: Arc<Mutex<Option<FileWatcher>>>,
    watched: Vec<&'static str>,
}

impl Inputs {
    /// Watches input folders that appeared; returns them, as changes of their own.
    fn watch_new_folders(&mut self, root: &Path) -> Vec<PathBuf> {
        let mut guard = lock(&self.debouncer);
        let Some(debouncer) = guard.as_mut() else {
            return Vec::new();
        };
        // A folder that cannot be watched is still built from; only its later changes go
        // unnoticed, which the next change elsewhere catches up with.
        watch_folders(debouncer, root, &mut self.watched).unwrap_or_default()
    }
}

fn watch_error(path: &Path, error: &notify::Error) -> Error {
    Error::io(path, std::io::Error::other(error.to_string()))
}

fn rebuild_loop(
    receiver: &Receiver<DebounceEventResult>,
    mut inputs: Inputs,
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
        let mut changed = changed_inputs(&root, batch);
        changed.extend(inputs.watch_new_folders(&build.root));
        if changed.is_empty() {
            continue;
        }
        match build::rebuild(build, session, Some(&changed)) {
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
        Some(file) => file == crate::model::config::CONFIG_FILE,
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
