//! Output: writes the rendered files into a staging folder next to the output folder and
//! swaps it in at the end, so a failed or killed build leaves the published site exactly as
//! it was. Files whose bytes did not change are hard-linked from the old tree, keeping their
//! modification time, so `rsync`-style deploys stay small. Stale files vanish with the old tree.
//!
//! A folder that is read while it changes (the preview of `newsroom serve`) is instead
//! updated in place by [`update_site`]: only files whose bytes changed since the last update
//! are written, each under a temporary name renamed over the old one, and files that are
//! gone are removed. At 20,000 pages that is a few writes instead of a whole tree.

use std::collections::{BTreeSet, HashMap};
use std::hash::Hasher;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::error::{Error, IoContext, Result};
use crate::render::OutputFile;

/// What a write did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    /// Files written because they are new or changed.
    pub written: usize,
    /// Files kept from the previous build because their bytes are the same.
    pub unchanged: usize,
}

/// Writes `files` as the new contents of `out_dir`, atomically.
pub fn write_site(out_dir: &Path, files: &[OutputFile]) -> Result<WriteStats> {
    check_paths(files)?;
    let staging = sibling(out_dir, "staging")?;
    remove_if_present(&staging)?;
    let result = fill(&staging, out_dir, files).and_then(|stats| {
        keep_hidden_entries(out_dir, &staging)?;
        swap_in(&staging, out_dir)?;
        Ok(stats)
    });
    // Whatever happened, no staging folder is left behind.
    remove_if_present(&staging)?;
    result
}

/// What [`update_site`] last left in a folder: each file's path and a hash of its bytes.
#[derive(Debug, Default)]
pub struct OutputState {
    files: HashMap<String, u64>,
}

/// Makes `out_dir` hold exactly `files`, writing only what changed since `state` was
/// recorded (everything, the first time) and removing what is gone. Each file is replaced
/// by a rename, so a reader sees the old bytes or the new ones, never half a file.
pub fn update_site(
    out_dir: &Path,
    files: &[OutputFile],
    state: &mut OutputState,
) -> Result<WriteStats> {
    check_paths(files)?;
    let hashes: Vec<u64> = files.par_iter().map(|file| hash(&file.bytes)).collect();
    let changed: Vec<&OutputFile> = files
        .iter()
        .zip(&hashes)
        .filter(|(file, hash)| state.files.get(&file.path) != Some(*hash))
        .map(|(file, _)| file)
        .collect();
    changed
        .par_iter()
        .map(|file| replace_file(out_dir, file))
        .collect::<Result<Vec<()>>>()?;
    let current: HashMap<String, u64> = files
        .iter()
        .zip(hashes)
        .map(|(file, hash)| (file.path.clone(), hash))
        .collect();
    for gone in state
        .files
        .keys()
        .filter(|path| !current.contains_key(*path))
    {
        let path = out_dir.join(gone);
        match std::fs::remove_file(&path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::io(&path, error));
            }
            _ => remove_empty_parents(out_dir, &path),
        }
    }
    state.files = current;
    Ok(WriteStats {
        written: changed.len(),
        unchanged: files.len() - changed.len(),
    })
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// Writes `file` next to its place and renames it there.
fn replace_file(out_dir: &Path, file: &OutputFile) -> Result<()> {
    let target = out_dir.join(&file.path);
    let folder = target.parent().unwrap_or(out_dir);
    std::fs::create_dir_all(folder).at_path(folder)?;
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let scratch = folder.join(format!(".{name}.new-{}", std::process::id()));
    std::fs::write(&scratch, &file.bytes).at_path(&scratch)?;
    std::fs::rename(&scratch, &target).at_path(&target)
}

/// Removes the folders above a removed file that it leaves empty, up to `out_dir`.
fn remove_empty_parents(out_dir: &Path, removed: &Path) {
    for folder in removed.ancestors().skip(1) {
        // A folder that is not empty (or already gone) stops the walk; that is no error.
        if folder == out_dir || !folder.starts_with(out_dir) || std::fs::remove_dir(folder).is_err()
        {
            break;
        }
    }
}

/// Output paths come from slugs that were checked, but a path that could leave the output
/// folder must never be written, whatever produced it.
fn check_paths(files: &[OutputFile]) -> Result<()> {
    let bad: Vec<Diagnostic> = files
        .iter()
        .filter(|file| !is_safe_relative_path(&file.path))
        .map(|file| {
            Diagnostic::error(format!(
                "refusing to write `{}`: the path leaves the output folder",
                file.path
            ))
            .hint("use slugs made of letters, digits and hyphens")
        })
        .collect();
    if bad.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(bad))
    }
}

/// A relative path of normal components only: no `..`, no root, no drive, no NUL.
pub(crate) fn is_safe_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\0')
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|component| matches!(component, Component::Normal(_)))
}

/// `<parent>/.<name>.<what>-<pid>`: on the same file system, so renames are atomic.
fn sibling(out_dir: &Path, what: &str) -> Result<PathBuf> {
    let name = out_dir.file_name().ok_or_else(|| {
        Error::invalid(Diagnostic::error(format!(
            "`{}` is not a folder name",
            out_dir.display()
        )))
    })?;
    let parent = out_dir.parent().unwrap_or_else(|| Path::new("."));
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    std::fs::create_dir_all(parent).at_path(parent)?;
    Ok(parent.join(format!(
        ".{}.{what}-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, error)),
        _ => Ok(()),
    }
}

/// Writes every file under `staging`, linking unchanged ones from `previous`.
fn fill(staging: &Path, previous: &Path, files: &[OutputFile]) -> Result<WriteStats> {
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|file| {
            Path::new(&file.path)
                .parent()
                .map(|parent| staging.join(parent))
        })
        .chain(std::iter::once(staging.to_owned()))
        .collect();
    for folder in &folders {
        std::fs::create_dir_all(folder).at_path(folder)?;
    }
    let kept: Vec<bool> = files
        .par_iter()
        .map(|file| write_one(staging, previous, file))
        .collect::<Result<_>>()?;
    let unchanged = kept.iter().filter(|&&kept| kept).count();
    Ok(WriteStats {
        written: files.len() - unchanged,
        unchanged,
    })
}

/// Writes one file; returns true when it was linked unchanged from the previous build.
fn write_one(staging: &Path, previous: &Path, file: &OutputFile) -> Result<bool> {
    let target = staging.join(&file.path);
    let old = previous.join(&file.path);
    if let Ok(old_bytes) = std::fs::read(&old)
        && old_bytes == file.bytes
        && std::fs::hard_link(&old, &target).is_ok()
    {
        return Ok(true);
    }
    std::fs::write(&target, &file.bytes).at_path(&target)?;
    Ok(false)
}

/// Hidden entries at the top of the old output (a deploy's `.git`, a host's `.well-known`)
/// are not newsroom's: they move into the new tree.
fn keep_hidden_entries(out_dir: &Path, staging: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(out_dir) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry.at_path(out_dir)?;
        let name = entry.file_name();
        let target = staging.join(&name);
        if name.to_string_lossy().starts_with('.') && !target.exists() {
            std::fs::rename(entry.path(), &target).at_path(&entry.path())?;
        }
    }
    Ok(())
}

/// Puts `staging` in the place of `out_dir`. On Linux both trees are exchanged in one
/// system call, so there is no moment without a published site.
fn swap_in(staging: &Path, out_dir: &Path) -> Result<()> {
    if !out_dir.exists() {
        return std::fs::rename(staging, out_dir).at_path(out_dir);
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, staging, CWD, out_dir, RenameFlags::EXCHANGE).is_ok() {
            return Ok(());
        }
    }
    let old = sibling(out_dir, "old")?;
    std::fs::rename(out_dir, &old).at_path(out_dir)?;
    std::fs::rename(staging, out_dir).at_path(out_dir)?;
    remove_if_present(&old)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.to_owned(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_the_tree_keeps_unchanged_files_and_drops_stale_ones() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a/index.html", "A"), file("stale.txt", "x")]).unwrap();
        let before = std::fs::metadata(out.join("a/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let stats = write_site(&out, &[file("a/index.html", "A"), file("b.txt", "B")]).unwrap();
        assert_eq!(
            stats,
            WriteStats {
                written: 1,
                unchanged: 1
            }
        );
        let after = std::fs::metadata(out.join("a/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(before, after, "an unchanged file keeps its mtime");
        assert!(!out.join("stale.txt").exists());
        assert_eq!(std::fs::read_to_string(out.join("b.txt")).unwrap(), "B");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(
            leftovers.len(),
            1,
            "no staging or old folder is left behind"
        );
    }

    #[test]
    fn refuses_paths_that_leave_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        for bad in ["../x", "/etc/x", "a/../../x", "a\0b", "", "a\\..\\b"] {
            assert!(write_site(&out, &[file(bad, "x")]).is_err(), "{bad:?}");
        }
        assert!(!out.exists());
    }

    #[test]
    fn keeps_hidden_entries_of_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join(".git")).unwrap();
        std::fs::write(out.join(".git/HEAD"), "ref").unwrap();
        write_site(&out, &[file("index.html", "x")]).unwrap();
        assert!(out.join(".git/HEAD").exists());
    }

    #[test]
    fn an_update_writes_what_changed_and_removes_what_is_gone() {
        let out = tempfile::tempdir().unwrap();
        let mut state = OutputState::default();
        let first = [file("a/index.html", "a"), file("b/c/index.html", "c")];
        let stats = update_site(out.path(), &first, &mut state).unwrap();
        assert_eq!((stats.written, stats.unchanged), (2, 0));
        let second = [file("a/index.html", "a2")];
        let stats = update_site(out.path(), &second, &mut state).unwrap();
        assert_eq!((stats.written, stats.unchanged), (1, 0));
        assert_eq!(
            std::fs::read_to_string(out.path().join("a/index.html")).unwrap(),
            "a2"
        );
        assert!(!out.path().join("b").exists(), "the emptied folders go too");
        let stats = update_site(out.path(), &second, &mut state).unwrap();
        assert_eq!((stats.written, stats.unchanged), (0, 1));
        let left: Vec<_> = std::fs::read_dir(out.path().join("a")).unwrap().collect();
        assert_eq!(left.len(), 1, "no scratch file is left");
    }
}
