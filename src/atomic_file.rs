//! Writing a file so that a process killed mid-way leaves the old version or the new one,
//! never half of one: the bytes go to a scratch file beside it, which is renamed over it.
//! Ingest writes content files (an editor's next starting point) and its manifest this way.

use std::io::Write;
use std::path::Path;

use crate::error::{IoContext, Result};

/// Replaces the file at `path` (making its folder if needed) with `bytes`, atomically.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).at_path(dir)?;
    let mut scratch = tempfile::Builder::new()
        .prefix(".newsroom-")
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
