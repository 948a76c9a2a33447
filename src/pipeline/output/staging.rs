//! A new output tree built beside the old one and swapped in at the end (`newsroom build`).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostics::{Error, IoContext, Result};
use crate::pipeline::output::tree::Tree;
use crate::pipeline::output::{
    WriteStats, check_path, create_parent, others_siblings, remove_if_present, sibling,
};
use crate::pipeline::render::{OutputFile, Sink};

/// A staging folder filling up with a build's files. [`Staging::commit`] puts it in the
/// place of the output folder; dropped uncommitted (the build failed), it is removed and
/// the output folder stays as it was.
#[derive(Debug)]
pub struct Staging {
    out_dir: PathBuf,
    staging: PathBuf,
    /// The staging folder, where new files are made.
    tree: Tree,
    /// Whether there is an old tree to keep unchanged files from.
    previous: bool,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    committed: bool,
}

impl Staging {
    /// Starts a new tree for `out_dir`.
    pub fn begin(out_dir: &Path) -> Result<Staging> {
        let staging = sibling(out_dir, "staging")?;
        recover_from_killed_builds(out_dir)?;
        remove_if_present(&staging)?;
        std::fs::create_dir_all(&staging).at_path(&staging)?;
        Ok(Staging {
            out_dir: out_dir.to_owned(),
            tree: Tree::open(&staging).at_path(&staging)?,
            staging,
            previous: out_dir.is_dir(),
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Swaps the new tree in; the old one goes, but for its hidden entries (a deploy's
    /// `.git`, a host's `.well-known`), which are not newsroom's and move into the new tree.
    pub fn commit(mut self) -> Result<WriteStats> {
        keep_hidden_entries(&self.out_dir, &self.staging)?;
        swap_in(&self.staging, &self.out_dir)?;
        self.committed = true;
        // After the exchange the staging path holds the old tree.
        remove_if_present(&self.staging)?;
        Ok(WriteStats {
            written: self.written.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
        })
    }

    /// Links the file from the old tree if its bytes are the same there; says whether it did.
    fn link_unchanged(&self, file: &OutputFile, target: &Path) -> bool {
        let old = self.out_dir.join(&file.path);
        matches!(std::fs::read(&old), Ok(bytes) if bytes == file.bytes)
            && std::fs::hard_link(&old, target).is_ok()
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<()> {
        check_path(&file.path)?;
        if self.previous {
            let target = self.staging.join(&file.path);
            create_parent(&target)?;
            if self.link_unchanged(&file, &target) {
                self.unchanged.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
        }
        self.tree
            .create(&file.path, &file.bytes)
            .map_err(|error| Error::io(&self.staging.join(&file.path), error))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Nothing to report to: the build already failed for its own reason.
            let _ = remove_if_present(&self.staging);
        }
    }
}

/// Puts right what a build killed mid-way (SIGKILL, power loss) left beside `out_dir`: its
/// staging folder, or the old tree of a swap done in two renames. Either may hold the
/// output's hidden entries (moved before the swap), which go back; an output folder that
/// is gone (killed between the two renames) comes back from the old tree. Folders of a
/// build that is still running (its process exists) are left alone.
fn recover_from_killed_builds(out_dir: &Path) -> Result<()> {
    let mut stale: Vec<(bool, PathBuf)> = others_siblings(out_dir)
        .into_iter()
        .filter(|(what, pid, _)| {
            matches!(what.as_str(), "old" | "staging") && !process_exists(*pid)
        })
        .map(|(what, _, folder)| (what == "old", folder))
        .collect();
    // An old tree first: it may have to become the output folder again.
    stale.sort_by_key(|(is_old, _)| !is_old);
    for (is_old, folder) in stale {
        if is_old && !out_dir.exists() {
            std::fs::rename(&folder, out_dir).at_path(out_dir)?;
            continue;
        }
        return_hidden_entries(&folder, out_dir)?;
        remove_if_present(&folder)?;
    }
    Ok(())
}

/// Moves the hidden entries of `folder` that `out_dir` lacks into `out_dir`.
fn return_hidden_entries(folder: &Path, out_dir: &Path) -> Result<()> {
    if !out_dir.is_dir() {
        return Ok(());
    }
    keep_hidden_entries(folder, out_dir)
}

/// Whether a process with this id is running. Without /proc (not Linux) every folder of
/// another build counts as stale: two builds into one folder at once are not supported
/// there.
fn process_exists(pid: u32) -> bool {
    cfg!(target_os = "linux") && Path::new("/proc").join(pid.to_string()).exists()
}

/// Moves hidden entries of the old output into `staging`.
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
    use crate::pipeline::output::tests::file;
    use crate::pipeline::output::write_site;

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
    fn an_uncommitted_tree_leaves_the_output_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("index.html", "old")]).unwrap();
        let staging = Staging::begin(&out).unwrap();
        staging.put(file("index.html", "new")).unwrap();
        drop(staging);
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "the staging folder is gone");
    }

    /// No process has this id: it is above Linux's highest (2^22).
    const DEAD_PID: u32 = 4_000_000_000;

    #[test]
    fn a_killed_swap_gets_its_output_folder_back_and_hidden_entries_return() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // Killed between the two renames of a swap: only the old tree is left.
        let old = dir.path().join(format!(".public.old-{DEAD_PID}"));
        write_site(&old, &[file("index.html", "old")]).unwrap();
        // Killed after moving the deploy's .git into its staging folder.
        let staging = dir.path().join(format!(".public.staging-{DEAD_PID}"));
        std::fs::create_dir_all(staging.join(".git")).unwrap();
        std::fs::write(staging.join(".git/HEAD"), "ref").unwrap();

        let build = Staging::begin(&out).unwrap();
        drop(build);
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
        assert_eq!(
            std::fs::read_to_string(out.join(".git/HEAD")).unwrap(),
            "ref"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"], "the killed builds' folders are gone");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_running_builds_staging_folder_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // Process 1 (init) always exists.
        let running = dir.path().join(".public.staging-1");
        std::fs::create_dir_all(&running).unwrap();
        drop(Staging::begin(&out).unwrap());
        assert!(running.is_dir());
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
}
