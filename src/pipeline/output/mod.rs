//! Output: where rendered files go, as they are made. Rendering hands each file to a
//! [`Sink`](crate::pipeline::render::Sink) the moment it is finished, so a build never holds the whole
//! site in memory. Three sinks:
//!
//! - [`Staging`] (`newsroom build`): files go into a staging folder next to the output
//!   folder, which is swapped in at the end, so a failed or killed build leaves the published
//!   site exactly as it was. Files whose bytes did not change are hard-linked from the old
//!   tree, keeping their modification time, so `rsync`-style deploys stay small.
//! - [`Update`] (the preview of `newsroom serve`, a folder read while it changes): only
//!   files whose bytes changed are written, each under a scratch name that is renamed over
//!   the old file when the build is done, and files that are gone are removed.
//! - [`Memory`]: files kept in memory (benchmarks, tests).

mod staging;
mod tree;
mod update;

use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::diagnostics::Diagnostic;
use crate::diagnostics::{Error, Result};
use crate::pipeline::render::{OutputFile, Sink};

pub use staging::Staging;
pub use update::{OutputState, Update};

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
    let staging = Staging::begin(out_dir)?;
    for file in files {
        staging.put(file.clone())?;
    }
    staging.commit()
}

/// Files kept in memory, in the order they arrived.
#[derive(Debug, Default)]
pub struct Memory {
    files: Mutex<Vec<OutputFile>>,
}

impl Memory {
    /// The files received, sorted by path (rendering runs in parallel, so arrival order
    /// varies from run to run).
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self
            .files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Memory {
    fn put(&self, file: OutputFile) -> Result<()> {
        check_path(&file.path)?;
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(file);
        Ok(())
    }
}

/// Output paths come from slugs that were checked, but a path that could leave the output
/// folder must never be written, whatever produced it.
fn check_path(path: &str) -> Result<()> {
    if is_safe_relative_path(path) {
        return Ok(());
    }
    Err(Error::invalid(
        Diagnostic::error(format!(
            "refusing to write `{path}`: the path leaves the output folder"
        ))
        .hint("use slugs made of letters, digits and hyphens"),
    ))
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
    let parent = parent_of(out_dir);
    std::fs::create_dir_all(parent).map_err(|error| Error::io(parent, error))?;
    Ok(parent.join(format!(
        "{}{what}-{}",
        sibling_prefix(name),
        std::process::id()
    )))
}

/// The folder `out_dir` is in (`.` for a bare name).
fn parent_of(out_dir: &Path) -> &Path {
    match out_dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn sibling_prefix(name: &std::ffi::OsStr) -> String {
    format!(".{}.", name.to_string_lossy())
}

/// The siblings of `out_dir` that other processes made ([`sibling`]): what each is for,
/// the process's id, and the folder.
fn others_siblings(out_dir: &Path) -> Vec<(String, u32, PathBuf)> {
    let Some(name) = out_dir.file_name() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(parent_of(out_dir)) else {
        return Vec::new();
    };
    let prefix = sibling_prefix(name);
    entries
        .filter_map(std::result::Result::ok)
        .filter_map(|entry| {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let (what, pid) = file_name.strip_prefix(&prefix)?.rsplit_once('-')?;
            let pid: u32 = pid.parse().ok()?;
            (pid != std::process::id()).then(|| (what.to_owned(), pid, entry.path()))
        })
        .collect()
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, error)),
        _ => Ok(()),
    }
}

/// Creates the folder a file goes into, with its parents.
fn create_parent(target: &Path) -> Result<()> {
    match target.parent() {
        Some(folder) => std::fs::create_dir_all(folder).map_err(|error| Error::io(folder, error)),
        None => Ok(()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.to_owned(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn refuses_paths_that_leave_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        for bad in ["../x", "/etc/x", "a/../../x", "a\0b", "", "a\\..\\b"] {
            assert!(write_site(&out, &[file(bad, "x")]).is_err(), "{bad:?}");
            assert!(Memory::default().put(file(bad, "x")).is_err(), "{bad:?}");
        }
        assert!(!out.exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(leftovers.is_empty(), "no staging folder is left behind");
    }

    #[test]
    fn memory_gives_files_back_in_path_order() {
        let memory = Memory::default();
        memory.put(file("b", "2")).unwrap();
        memory.put(file("a", "1")).unwrap();
        let paths: Vec<String> = memory.into_files().into_iter().map(|f| f.path).collect();
        assert_eq!(paths, ["a", "b"]);
    }
}
