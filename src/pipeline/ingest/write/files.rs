//! Putting generated files in place without ever losing an editor's work: a file changed by
//! hand is kept (and reported), a generated file someone deleted is not recreated, a
//! hand-written file in the way is left alone, and a file ingest no longer makes is removed
//! only while it is still exactly what ingest wrote. `--force` regenerates everything.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::diagnostics::{IoContext, Result};
use crate::pipeline::ingest::write::manifest::{FileRecord, FileState, Manifest, sha256};

/// A file to write: its path relative to the root, its bytes and the seed it came from.
#[derive(Debug)]
pub(crate) struct Target {
    pub(crate) path: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) seed: Option<String>,
}

/// What writing did.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Files written because they are new or changed.
    pub(crate) written: usize,
    /// Files whose bytes were already right.
    pub(crate) unchanged: usize,
    /// Files kept because an editor changed or deleted them, or wrote them by hand.
    pub(crate) kept: usize,
    /// Files removed: no longer made, or pruned.
    pub(crate) removed: Vec<String>,
    /// What the editor should know.
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Writes files against the manifest of the previous ingest, building the new one.
pub(crate) struct Writer<'a> {
    pub(crate) root: &'a Path,
    pub(crate) old: &'a Manifest,
    pub(crate) new: Manifest,
    pub(crate) force: bool,
    pub(crate) outcome: Outcome,
}

impl Writer<'_> {
    /// Writes one file unless an editor's work is there.
    pub(crate) fn put(&mut self, target: &Target) -> Result<()> {
        let record = FileRecord {
            seed: target.seed.clone(),
            sha256: sha256(&target.bytes),
        };
        let state = self
            .old
            .state_for_writing(self.root, &target.path, &target.bytes)?;
        let write = match state {
            FileState::Untouched(ref bytes) if *bytes == target.bytes => {
                self.outcome.unchanged += 1;
                false
            }
            FileState::Absent | FileState::Untouched(_) => true,
            FileState::Edited | FileState::Deleted if self.force => true,
            FileState::Edited => {
                return self.keep(&target.path, "changed by hand since ingest wrote it");
            }
            FileState::Deleted => {
                return self.keep(&target.path, "deleted by hand; ingest does not recreate it");
            }
            FileState::Foreign => {
                self.outcome.kept += 1;
                self.note(
                    &target.path,
                    "kept: a file written by hand is where ingest would write; it is left alone",
                );
                return Ok(());
            }
        };
        if write {
            crate::util::atomic_file::write(&self.root.join(&target.path), &target.bytes)?;
            self.outcome.written += 1;
        }
        self.new.files.insert(target.path.clone(), record);
        Ok(())
    }

    /// Keeps an editor's change (or deletion), remembering ingest's last version of the file.
    pub(crate) fn keep(&mut self, path: &str, why: &str) -> Result<()> {
        self.outcome.kept += 1;
        self.note(path, &format!("kept: {why}"));
        if let Some(previous) = self.old.files.get(path) {
            self.new.files.insert(path.to_owned(), previous.clone());
        }
        Ok(())
    }

    /// Removes a file ingest made and no longer makes, if nobody changed it since.
    pub(crate) fn retire(&mut self, path: &str) -> Result<()> {
        match self.old.state(self.root, path)? {
            FileState::Untouched(_) => {
                let full = self.root.join(path);
                std::fs::remove_file(&full).at_path(&full)?;
                remove_empty_parent(&full)?;
                self.outcome.removed.push(path.to_owned());
                Ok(())
            }
            FileState::Edited => self.keep(
                path,
                "ingest no longer makes this file, but it was changed by hand",
            ),
            FileState::Absent | FileState::Deleted | FileState::Foreign => Ok(()),
        }
    }

    fn note(&mut self, path: &str, message: &str) {
        let hint = "run `newsroom ingest --force` to regenerate it from its seed";
        self.outcome.warnings.push(
            Diagnostic::warning(message)
                .in_file(Path::new(path))
                .hint(hint),
        );
    }
}

fn remove_empty_parent(file: &Path) -> Result<()> {
    if let Some(parent) = file.parent()
        && std::fs::read_dir(parent).is_ok_and(|mut entries| entries.next().is_none())
    {
        std::fs::remove_dir(parent).at_path(parent)?;
    }
    Ok(())
}
