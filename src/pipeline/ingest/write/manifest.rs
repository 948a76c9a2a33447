//! The manifest (`content/.ingest.yaml`): every file ingest generated, with the hash of the
//! bytes it wrote, and the event each seed went to. Comparing a file with its hash tells an
//! editor's change from ingest's own output; the event ids keep events stable.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostics::{Error, Result};
use crate::pipeline::content::format::{self, CONTENT_DIR};
use crate::util::walk::relative;

/// The manifest's file name inside `content/`.
pub(crate) const MANIFEST: &str = ".ingest.yaml";

/// What ingest generated, by path relative to the site root.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Manifest {
    /// Every generated file and the hash of what was written.
    #[serde(default)]
    pub(crate) files: BTreeMap<String, FileRecord>,
    /// The event each seed was put in, so event ids stay stable.
    #[serde(default)]
    pub(crate) seeds: BTreeMap<String, String>,
}

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileRecord {
    /// The seed it came from (none for event files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) seed: Option<String>,
    /// SHA-256 of the bytes ingest wrote.
    pub(crate) sha256: String,
}

/// A path's state: what ingest may do there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FileState {
    /// No file, and ingest never wrote one: free.
    Absent,
    /// A file ingest did not write (hand-written): never touched.
    Foreign,
    /// Exactly what ingest wrote last time (its bytes).
    Untouched(Vec<u8>),
    /// Changed by an editor since ingest wrote it.
    Edited,
    /// Ingest wrote it, and someone deleted it.
    Deleted,
}

/// The bytes of `root/path`, or None when there is no such file.
fn read_if_present(root: &Path, path: &str) -> Result<Option<Vec<u8>>> {
    let full = root.join(path);
    match std::fs::read(&full) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(Error::io(&full, error)),
    }
}

/// SHA-256 of some bytes, as lower-case hex.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl Manifest {
    /// Reads the manifest of a site; a missing one is empty.
    pub(crate) fn load(root: &Path) -> Result<Manifest> {
        let path = root.join(CONTENT_DIR).join(MANIFEST);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(Manifest::default());
        };
        crate::util::yaml::parse(&relative(root, &path), &text).map_err(|problem| {
            Error::invalid(
                problem
                    .hint("this file is written by `newsroom ingest`; delete it to start afresh"),
            )
        })
    }

    /// Writes the manifest if it changed.
    pub(crate) fn save(&self, root: &Path) -> Result<()> {
        let path = root.join(CONTENT_DIR).join(MANIFEST);
        let yaml = serde_yaml::to_string(self)
            .map_err(|error| Error::io(&path, std::io::Error::other(error.to_string())))?;
        let text = format!(
            "# Written by `newsroom ingest`: the files it generated and a hash of each, so it never\n\
             # overwrites a file an editor changed. Do not edit; delete it to forget what ingest made.\n{yaml}"
        );
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            return Ok(());
        }
        crate::util::atomic_file::write(&path, text.as_bytes())
    }

    /// Event ids of earlier ingests, by seed path.
    pub(crate) fn event_ids(&self) -> &BTreeMap<String, String> {
        &self.seeds
    }

    /// What is at `path` now, compared with what ingest wrote there.
    pub(crate) fn state(&self, root: &Path, path: &str) -> Result<FileState> {
        Ok(self.classify(path, read_if_present(root, path)?))
    }

    /// What is at `path` now, for writing `new` there: a file that already holds `new` is
    /// ingest's, whatever the manifest says (an ingest killed after writing the file but
    /// before saving the manifest), so it counts as untouched.
    pub(crate) fn state_for_writing(
        &self,
        root: &Path,
        path: &str,
        new: &[u8],
    ) -> Result<FileState> {
        Ok(match read_if_present(root, path)? {
            Some(bytes) if bytes == new => FileState::Untouched(bytes),
            bytes => self.classify(path, bytes),
        })
    }

    fn classify(&self, path: &str, bytes: Option<Vec<u8>>) -> FileState {
        match (self.files.get(path), bytes) {
            (None, None) => FileState::Absent,
            (None, Some(_)) => FileState::Foreign,
            (Some(_), None) => FileState::Deleted,
            (Some(record), Some(bytes)) if record.sha256 == sha256(&bytes) => {
                FileState::Untouched(bytes)
            }
            (Some(_), Some(_)) => FileState::Edited,
        }
    }

    /// Events editors pinned reports to: an edited generated report whose front matter has
    /// `event:`. Keyed by (seed path, language).
    pub(crate) fn pins(&self, root: &Path) -> Result<BTreeMap<(String, String), String>> {
        let mut pins = BTreeMap::new();
        for (path, record) in &self.files {
            let Some(seed) = &record.seed else { continue };
            if self.state(root, path)? != FileState::Edited {
                continue;
            }
            let text = std::fs::read_to_string(root.join(path)).unwrap_or_default();
            let event = format::read_report_leniently(Path::new(path), &text)
                .front_matter
                .event;
            if let (Some(event), Some(lang)) = (event, format::report_language(Path::new(path))) {
                pins.insert((seed.clone(), lang), event);
            }
        }
        Ok(pins)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_hex_sha256() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn states_tell_edits_deletions_and_foreign_files_apart() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/e")).unwrap();
        let mut manifest = Manifest::default();
        for name in ["same", "edited", "deleted"] {
            let path = format!("content/e/{name}.en.md");
            std::fs::write(root.join(&path), "ingest wrote this").unwrap();
            manifest.files.insert(
                path,
                FileRecord {
                    seed: None,
                    sha256: sha256(b"ingest wrote this"),
                },
            );
        }
        std::fs::write(root.join("content/e/edited.en.md"), "an editor wrote this").unwrap();
        std::fs::remove_file(root.join("content/e/deleted.en.md")).unwrap();
        std::fs::write(root.join("content/e/hand.en.md"), "by hand").unwrap();
        let state = |name: &str| {
            manifest
                .state(root, &format!("content/e/{name}.en.md"))
                .unwrap()
        };
        assert_eq!(
            state("same"),
            FileState::Untouched(b"ingest wrote this".to_vec())
        );
        assert_eq!(state("edited"), FileState::Edited);
        assert_eq!(state("deleted"), FileState::Deleted);
        assert_eq!(state("hand"), FileState::Foreign);
        assert_eq!(state("none"), FileState::Absent);
    }
}
