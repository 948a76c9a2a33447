//! A folder being served, updated in place (`newsroom serve`): at 20,000 pages a rebuild is
//! a few writes instead of a whole tree.

use std::collections::{HashMap, HashSet};
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::diagnostics::{Error, IoContext, Result};
use crate::pipeline::output::{WriteStats, check_path, create_parent};
use crate::pipeline::render::{OutputFile, Sink};

/// What the last [`Update`] left in a folder: each file's path and a hash of its bytes.
#[derive(Debug, Default)]
pub struct OutputState {
    files: HashMap<String, u64>,
}

/// One build's changes to a folder that is being read. A file whose bytes differ from what
/// the folder holds is written under a scratch name beside its place; [`Update::commit`]
/// renames each over the old file, so a reader sees the old bytes or the new ones, never
/// half a file, and removes files the build no longer has. Dropped uncommitted (the build
/// failed), the scratch files go and the folder stays as it was.
#[derive(Debug)]
pub struct Update<'s> {
    out_dir: PathBuf,
    state: &'s mut OutputState,
    /// Files written under scratch names: path, hash of the bytes, scratch file.
    pending: Mutex<Vec<(String, u64, PathBuf)>>,
}

impl<'s> Update<'s> {
    /// Starts an update of `out_dir`, which holds what `state` says.
    pub fn begin(out_dir: &Path, state: &'s mut OutputState) -> Update<'s> {
        Update {
            out_dir: out_dir.to_owned(),
            state,
            pending: Mutex::new(Vec::new()),
        }
    }

    /// Puts the new files in place and removes those not in `paths`, the build's every
    /// file (also those it did not hand over because they had not changed).
    pub fn commit(mut self, paths: &[String]) -> Result<WriteStats> {
        let pending = std::mem::take(self.pending.get_mut().unwrap_or_else(|e| e.into_inner()));
        for (path, _, scratch) in &pending {
            let target = self.out_dir.join(path);
            std::fs::rename(scratch, &target).at_path(&target)?;
        }
        let written = pending.len();
        for (path, hash, _) in pending {
            self.state.files.insert(path, hash);
        }
        // Paths are unique: unless the folder now holds more files than the build has,
        // none of them is gone.
        if self.state.files.len() != paths.len() {
            let current: HashSet<&str> = paths.iter().map(String::as_str).collect();
            let gone: Vec<String> = self
                .state
                .files
                .keys()
                .filter(|path| !current.contains(path.as_str()))
                .cloned()
                .collect();
            for path in gone {
                self.state.files.remove(&path);
                remove_file(&self.out_dir, &self.out_dir.join(&path))?;
            }
        }
        Ok(WriteStats {
            written,
            unchanged: paths.len().saturating_sub(written),
        })
    }
}

impl Sink for Update<'_> {
    fn put(&self, file: OutputFile) -> Result<()> {
        check_path(&file.path)?;
        let hash = hash(&file.bytes);
        if self.state.files.get(&file.path) == Some(&hash) {
            return Ok(());
        }
        let target = self.out_dir.join(&file.path);
        create_parent(&target)?;
        let name = target.file_name().unwrap_or_default().to_string_lossy();
        let scratch = target.with_file_name(format!(".{name}.new-{}", std::process::id()));
        std::fs::write(&scratch, &file.bytes).at_path(&scratch)?;
        self.pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((file.path, hash, scratch));
        Ok(())
    }
}

impl Drop for Update<'_> {
    fn drop(&mut self) {
        let pending = self.pending.get_mut().unwrap_or_else(|e| e.into_inner());
        for (_, _, scratch) in pending.drain(..) {
            // The build failed already; a scratch file that will not go is hidden anyway.
            let _ = std::fs::remove_file(scratch);
        }
    }
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// Removes a file and the folders above it that it leaves empty, up to `out_dir`.
fn remove_file(out_dir: &Path, path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            return Err(Error::io(path, error));
        }
        _ => {}
    }
    for folder in path.ancestors().skip(1) {
        // A folder that is not empty (or already gone) stops the walk; that is no error.
        if folder == out_dir || !folder.starts_with(out_dir) || std::fs::remove_dir(folder).is_err()
        {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::output::tests::file;

    fn update(out: &Path, state: &mut OutputState, files: &[OutputFile]) -> WriteStats {
        let update = Update::begin(out, state);
        for file in files {
            update.put(file.clone()).unwrap();
        }
        let paths: Vec<String> = files.iter().map(|file| file.path.clone()).collect();
        update.commit(&paths).unwrap()
    }

    #[test]
    fn an_update_writes_what_changed_and_removes_what_is_gone() {
        let out = tempfile::tempdir().unwrap();
        let mut state = OutputState::default();
        let first = [file("a/index.html", "a"), file("b/c/index.html", "c")];
        let stats = update(out.path(), &mut state, &first);
        assert_eq!((stats.written, stats.unchanged), (2, 0));
        let second = [file("a/index.html", "a2")];
        let stats = update(out.path(), &mut state, &second);
        assert_eq!((stats.written, stats.unchanged), (1, 0));
        assert_eq!(
            std::fs::read_to_string(out.path().join("a/index.html")).unwrap(),
            "a2"
        );
        assert!(!out.path().join("b").exists(), "the emptied folders go too");
        let stats = update(out.path(), &mut state, &second);
        assert_eq!((stats.written, stats.unchanged), (0, 1));
        let left: Vec<_> = std::fs::read_dir(out.path().join("a")).unwrap().collect();
        assert_eq!(left.len(), 1, "no scratch file is left");
    }

    #[test]
    fn an_uncommitted_update_changes_nothing() {
        let out = tempfile::tempdir().unwrap();
        let mut state = OutputState::default();
        update(out.path(), &mut state, &[file("a/index.html", "a")]);
        let failed = Update::begin(out.path(), &mut state);
        failed.put(file("a/index.html", "half")).unwrap();
        drop(failed);
        assert_eq!(
            std::fs::read_to_string(out.path().join("a/index.html")).unwrap(),
            "a"
        );
        let left: Vec<_> = std::fs::read_dir(out.path().join("a")).unwrap().collect();
        assert_eq!(left.len(), 1, "no scratch file is left");
        let stats = update(out.path(), &mut state, &[file("a/index.html", "a")]);
        assert_eq!(stats.written, 0, "the state still describes the folder");
    }
}
