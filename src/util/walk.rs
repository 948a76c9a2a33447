//! Walking a folder the way every stage needs it: sorted by name (so results never depend
//! on the file system's order), hidden files and folders skipped, and errors naming the
//! path; and naming a site's files relative to its folder.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Error, Result};

/// Entries below `dir` between `min_depth` and `max_depth`, sorted, hidden ones left out.
/// Symbolic links are not followed.
pub(crate) fn visible(
    dir: &Path,
    min_depth: usize,
    max_depth: usize,
) -> impl Iterator<Item = Result<walkdir::DirEntry>> + '_ {
    walkdir::WalkDir::new(dir)
        .min_depth(min_depth)
        .max_depth(max_depth)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        })
        .map(move |entry| {
            entry.map_err(|error| {
                let path = error.path().unwrap_or(dir).to_owned();
                Error::io(&path, error.into())
            })
        })
}

/// `path` relative to `root` when it is inside it: how messages and records name a site's
/// files.
pub(crate) fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map_or_else(|_| path.to_owned(), Path::to_owned)
}
