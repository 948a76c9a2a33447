//! Writing a file so that a process killed mid-way leaves the old version or the new one,
//! never half of one: the bytes go to a scratch file beside it, which is renamed over it.
//! Ingest writes content files (an editor's next starting point) and its manifest this way.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::diagnostics::{IoContext, Result};

/// Scratch files start so: hidden, and known to be ours.
const SCRATCH_PREFIX: &str = ".newsroom-";

/// A scratch file this old belongs to no running write (one takes milliseconds).
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Removes the scratch files a killed process left in `dir` and its folders (one level
/// down, where content files are). Young ones are left: another newsroom (a `serve --watch`
/// beside an `ingest`) may be writing through them.
pub(crate) fn remove_stale_scratch_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    // The names and types a listing gives are enough to find scratch files: only theirs
    // are looked at further (this runs on every ingest, so before every build).
    for entry in entries.filter_map(std::result::Result::ok) {
        if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
            if let Ok(inner) = std::fs::read_dir(entry.path()) {
                inner
                    .filter_map(std::result::Result::ok)
                    .for_each(|inner| remove_if_stale_scratch(&inner));
            }
        } else {
            remove_if_stale_scratch(&entry);
        }
    }
}

fn remove_if_stale_scratch(entry: &std::fs::DirEntry) {
    if !entry
        .file_name()
        .to_string_lossy()
        .starts_with(SCRATCH_PREFIX)
    {
        return;
    }
    let age = entry
        .metadata()
        .and_then(|metadata| metadata.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok());
    if age.is_some_and(|age| age > STALE_AFTER) {
        // Best effort: a scratch file that cannot be removed harms nothing (listing skips
        // hidden files).
        let _ = std::fs::remove_file(entry.path());
    }
}

/// Replaces the file at `path` (making its folder if needed) with `bytes`, atomically.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).at_path(dir)?;
    let mut scratch = tempfile::Builder::new()
        .prefix(SCRATCH_PREFIX)
        .tempfile_in(dir)
        .at_path(dir)?;
    scratch.write_all(bytes).at_path(scratch.path())?;
    scratch
        .persist(path)
        .map_err(|error| error.error)
        .at_path(path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_scratch_files_go_and_young_ones_and_other_files_stay() {
        let dir = tempfile::tempdir().unwrap();
        let event = dir.path().join("event");
        std::fs::create_dir_all(&event).unwrap();
        let stale = event.join(".newsroom-killed");
        let young = event.join(".newsroom-writing");
        let report = event.join("report.en.md");
        for path in [&stale, &young, &report] {
            std::fs::write(path, "x").unwrap();
        }
        let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for path in [&stale, &report] {
            let file = std::fs::File::options().write(true).open(path).unwrap();
            file.set_modified(an_hour_ago).unwrap();
        }
        remove_stale_scratch_files(dir.path());
        assert!(!stale.exists());
        assert!(young.exists() && report.exists());
    }

    #[test]
    fn replaces_the_file_and_leaves_no_scratch_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("event/report.en.md");
        write(&path, b"first").unwrap();
        write(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["report.en.md"]);
    }
}
