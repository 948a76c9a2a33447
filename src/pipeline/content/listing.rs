//! Listing `content/`: its event folders, their report files, and what is neither (ignored,
//! with a warning). Sorted, hidden entries skipped; event folders are listed in parallel.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::diagnostics::Result;
use crate::pipeline::content::format::{self, EVENT_FILE};
use crate::util::walk::relative;

/// What `content/` holds: event folders, report files, and what was ignored.
#[derive(Debug)]
pub(crate) struct FoundFiles {
    /// Event ids and their folders, sorted.
    pub(super) event_dirs: Vec<(String, PathBuf)>,
    /// Report files and the id of the folder each is in, sorted.
    pub(super) reports: Vec<(String, PathBuf)>,
    /// What was ignored (warnings) or refused (errors: links that loop or lead out of the
    /// site), and why.
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl FoundFiles {
    /// Whether `path` is a report or an `_event.yaml` of the listing.
    pub(super) fn has_file(&self, path: &Path) -> bool {
        let is_event_file = path.file_name().is_some_and(|name| name == EVENT_FILE)
            && path.parent().is_some_and(|dir| {
                self.event_dirs
                    .binary_search_by(|(_, known)| known.as_path().cmp(dir))
                    .is_ok()
            });
        is_event_file
            || self
                .reports
                .binary_search_by(|(_, known)| known.as_path().cmp(path))
                .is_ok()
    }

    /// Where each event's `_event.yaml` is or would be.
    pub(super) fn event_files(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.event_dirs.iter().map(|(_, dir)| dir.join(EVENT_FILE))
    }
}

/// One entry of `content/` as listing it found it.
enum Found {
    Event(PathBuf),
    Report(String, PathBuf),
    EventFile,
    Ignored(Diagnostic),
}

impl Found {
    /// An entry of an event folder.
    fn inside_event(root: &Path, entry: &walkdir::DirEntry) -> Found {
        let path = entry.path();
        if let Some(refused) = refused_link(root, entry) {
            return Found::Ignored(refused);
        }
        if entry.file_type().is_dir() {
            return Found::ignored(root, path);
        }
        if format::is_report_file(path) {
            let event_id = path
                .parent()
                .and_then(Path::file_name)
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            Found::Report(event_id, path.to_owned())
        } else if entry.file_name() == EVENT_FILE {
            Found::EventFile
        } else {
            Found::ignored(root, path)
        }
    }

    fn ignored(root: &Path, path: &Path) -> Found {
        Found::Ignored(
            Diagnostic::warning("ignored: not an event folder, a report (.md) or _event.yaml")
                .in_file(&relative(root, path))
                .hint("content/ holds one folder per event with `_event.yaml` and `<slug>.<lang>.md` files"),
        )
    }
}

/// An error for a symbolic link newsroom does not follow: one that loops or leads nowhere,
/// one to a folder (links to folders can make loops), one leading out of the site (a report
/// must not publish whatever file the link names).
fn refused_link(root: &Path, entry: &walkdir::DirEntry) -> Option<Diagnostic> {
    if !entry.path_is_symlink() {
        return None;
    }
    let shown = relative(root, entry.path());
    let problem = match std::fs::canonicalize(entry.path()) {
        Err(error) => format!("the link leads nowhere ({error})"),
        Ok(target) if target.is_dir() => {
            "the link leads to a folder; newsroom follows links to files only".to_owned()
        }
        Ok(target) => {
            let inside = std::fs::canonicalize(root).is_ok_and(|root| target.starts_with(root));
            if inside {
                return None;
            }
            format!("the link leads out of the site, to {}", target.display())
        }
    };
    Some(
        Diagnostic::error(problem)
            .in_file(&shown)
            .hint("replace the link with the file or folder itself, inside the site folder"),
    )
}

/// Lists event folders and report files, sorted, skipping hidden files.
pub(super) fn find_files(root: &Path, content: &Path) -> Result<FoundFiles> {
    let mut found = FoundFiles {
        event_dirs: Vec::new(),
        reports: Vec::new(),
        diagnostics: Vec::new(),
    };
    if !content.is_dir() {
        found.diagnostics.push(
            Diagnostic::warning("the site has no content/ folder; it will have no events")
                .in_file(&relative(root, content))
                .hint("run `newsroom ingest` or write reports under content/<event-id>/"),
        );
        return Ok(found);
    }
    // Event folders are listed in parallel; their entries keep the order of a sorted walk.
    let top: Vec<walkdir::DirEntry> =
        crate::util::walk::visible(content, 1, 1).collect::<Result<_>>()?;
    let listed: Vec<Result<Vec<Found>>> = top
        .par_iter()
        .map(|entry| {
            let mut items = Vec::new();
            if let Some(refused) = refused_link(root, entry) {
                items.push(Found::Ignored(refused));
            } else if entry.file_type().is_dir() {
                items.push(Found::Event(entry.path().to_owned()));
                for child in crate::util::walk::visible(entry.path(), 1, 1) {
                    items.push(Found::inside_event(root, &child?));
                }
            } else {
                items.push(Found::ignored(root, entry.path()));
            }
            Ok(items)
        })
        .collect();
    for items in listed {
        for item in items? {
            match item {
                Found::Event(dir) => {
                    let id = dir
                        .file_name()
                        .map(|name| name.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    found.event_dirs.push((id, dir));
                }
                Found::Report(event_id, path) => found.reports.push((event_id, path)),
                Found::EventFile => {}
                Found::Ignored(diagnostic) => found.diagnostics.push(diagnostic),
            }
        }
    }
    Ok(found)
}
