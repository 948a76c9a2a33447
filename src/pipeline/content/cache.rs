//! Reading again only what changed, for the rebuilds of a `newsroom serve --watch` session.
//! Every file read is kept with its stamp (size, modification and change times, inode).
//! On the next load a file is taken from here instead of being read and parsed again when
//! either
//!
//! - the watcher named the files that changed ([`Changes::Files`]): every other file is as
//!   it was, and the folder is not even listed again; or
//! - nothing is known ([`Changes::Unknown`]): the folder is listed and a file whose stamp is
//!   the same is taken from here. A stamp can only be trusted once the file is older than
//!   the file system's clock granularity (two saves within one tick can leave the same size
//!   and times), so, as in git's index, a file modified shortly before it was read is read
//!   again next time.
//!
//! At 9,000 reports that turns a 0.3 s load into a few milliseconds.

use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use rustc_hash::FxBuildHasher;

use super::{EventResult, FoundFiles, ReadResult};

/// How long after its last modification a file's stamp is trusted to show the next one.
/// Coarser than any file system clock newsroom meets (FAT's is 2 s).
const SETTLED_AFTER: Duration = Duration::from_secs(3);

/// What may have changed in `content/` since the previous load with the same cache.
#[derive(Debug, Clone, Copy)]
pub enum Changes<'a> {
    /// Anything: the folder is listed and every file's stamp compared.
    Unknown,
    /// Only these files (absolute paths or relative to the working directory, as the
    /// watcher reports them). A file that is new or gone makes it [`Changes::Unknown`].
    Files(&'a [PathBuf]),
}

/// What a load read, for the next load of the same session.
#[derive(Debug, Default)]
pub struct ContentCache {
    /// What parsing depended on besides the files (the configuration); another value
    /// forgets everything.
    settings: u64,
    /// The folder as last listed.
    found: Option<Arc<FoundFiles>>,
    /// For this load: the only files that may have changed, when that is known.
    edited: Option<HashSet<OsString, FxBuildHasher>>,
    reports: Files<ReadResult>,
    events: Files<EventResult>,
}

/// A file just read, for the cache: where, its stamp before reading, and what it gave.
pub(crate) struct Fresh<T>(PathBuf, Option<Stamp>, T);

impl ContentCache {
    /// Starts a load under `settings`: files parsed under other settings are forgotten.
    pub(crate) fn begin(&mut self, settings: u64, changes: Changes<'_>) {
        if self.settings != settings {
            *self = ContentCache {
                settings,
                ..ContentCache::default()
            };
        }
        self.edited = match (changes, &self.found) {
            (Changes::Files(paths), Some(found))
                if paths
                    .iter()
                    .all(|path| found.has_file(path) && path.is_file()) =>
            {
                Some(
                    paths
                        .iter()
                        .map(|path| path.as_os_str().to_owned())
                        .collect(),
                )
            }
            _ => None,
        };
    }

    /// The folder's files, when this load may take them from the last listing.
    pub(crate) fn listing(&self) -> Option<Arc<FoundFiles>> {
        self.edited.as_ref().and(self.found.clone())
    }

    /// What the report file at `path` gives: from here if it cannot have changed, else
    /// from `read`, and then also for [`ContentCache::finish`].
    pub(crate) fn report(
        &self,
        path: &Path,
        read: impl FnOnce() -> ReadResult,
    ) -> (ReadResult, Option<Fresh<ReadResult>>) {
        self.through(&self.reports, path, read)
    }

    /// The same for an event's `_event.yaml` (which need not exist).
    pub(crate) fn event(
        &self,
        path: &Path,
        read: impl FnOnce() -> EventResult,
    ) -> (EventResult, Option<Fresh<EventResult>>) {
        self.through(&self.events, path, read)
    }

    fn through<T: Clone>(
        &self,
        files: &Files<T>,
        path: &Path,
        read: impl FnOnce() -> T,
    ) -> (T, Option<Fresh<T>>) {
        let unchanged = match &self.edited {
            Some(edited) if !edited.contains(path.as_os_str()) => files.trusted(path),
            Some(_) => None,
            None => None,
        };
        if let Some(value) = unchanged {
            return (value, None);
        }
        let stamp = Stamp::of(path);
        if self.edited.is_none()
            && let Some(value) = files.settled(path, stamp.as_ref())
        {
            return (value, None);
        }
        let value = read();
        (value.clone(), Some(Fresh(path.to_owned(), stamp, value)))
    }

    /// Keeps what this load listed and read.
    pub(crate) fn finish(
        &mut self,
        found: Arc<FoundFiles>,
        reports: Vec<Fresh<ReadResult>>,
        events: Vec<Fresh<EventResult>>,
        read_at: SystemTime,
    ) {
        let listed_again = self.edited.is_none();
        self.reports.put_all(reports, read_at);
        self.events.put_all(events, read_at);
        if listed_again {
            let present: HashSet<&OsStr> = found
                .reports
                .iter()
                .map(|(_, path)| path.as_os_str())
                .collect();
            self.reports.retain(&present);
            let event_files: Vec<PathBuf> = found.event_files().collect();
            let present = event_files.iter().map(|path| path.as_os_str()).collect();
            self.events.retain(&present);
        }
        self.found = Some(found);
    }
}

/// Files read, by path (as plain bytes: hashing a `Path` walks its components), with what
/// reading them gave.
#[derive(Debug)]
struct Files<T> {
    entries: HashMap<OsString, Entry<T>, FxBuildHasher>,
}

impl<T> Default for Files<T> {
    fn default() -> Self {
        Files {
            entries: HashMap::default(),
        }
    }
}

#[derive(Debug)]
struct Entry<T> {
    stamp: Option<Stamp>,
    /// False while the file was too new to trust its stamp.
    settled: bool,
    value: T,
}

impl<T: Clone> Files<T> {
    /// What the file gave when it was last read, whatever its stamp.
    fn trusted(&self, path: &Path) -> Option<T> {
        self.entries
            .get(path.as_os_str())
            .map(|entry| entry.value.clone())
    }

    /// What the file gave when it was last read, if its stamp says it cannot have changed.
    fn settled(&self, path: &Path, stamp: Option<&Stamp>) -> Option<T> {
        let entry = self.entries.get(path.as_os_str())?;
        (entry.settled && entry.stamp.as_ref() == stamp).then(|| entry.value.clone())
    }

    fn put_all(&mut self, fresh: Vec<Fresh<T>>, read_at: SystemTime) {
        for Fresh(path, stamp, value) in fresh {
            let settled = stamp
                .as_ref()
                .is_some_and(|stamp| stamp.settled_at(read_at));
            self.entries.insert(
                path.into_os_string(),
                Entry {
                    stamp,
                    settled,
                    value,
                },
            );
        }
    }

    /// Forgets the files that are not in `present` (deleted since).
    fn retain(&mut self, present: &HashSet<&OsStr>) {
        self.entries
            .retain(|path, _| present.contains(path.as_os_str()));
    }
}

/// What the file system says about a file without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Inode and change time (Unix): a file replaced by a rename has another inode, and
    /// `touch -m` with an old time still moves the change time.
    inode: u64,
    changed: (i64, i64),
}

impl Stamp {
    /// The stamp of the file at `path`, if there is one.
    pub(crate) fn of(path: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let (inode, changed) = {
            use std::os::unix::fs::MetadataExt;
            (metadata.ino(), (metadata.ctime(), metadata.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let (inode, changed) = (0, (0, 0));
        Some(Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            inode,
            changed,
        })
    }

    fn settled_at(&self, read_at: SystemTime) -> bool {
        self.modified
            .and_then(|modified| read_at.duration_since(modified).ok())
            .is_some_and(|age| age > SETTLED_AFTER)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_taken_from_the_cache_only_when_settled_and_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "one").unwrap();
        let mut files = Files::default();
        let long_after = SystemTime::now() + Duration::from_secs(60);
        files.put_all(vec![Fresh(path.clone(), Stamp::of(&path), 1)], long_after);
        assert_eq!(files.settled(&path, Stamp::of(&path).as_ref()), Some(1));

        std::fs::write(&path, "two!").unwrap();
        assert_eq!(
            files.settled(&path, Stamp::of(&path).as_ref()),
            None,
            "changed"
        );

        files.put_all(
            vec![Fresh(path.clone(), Stamp::of(&path), 2)],
            SystemTime::now(),
        );
        assert_eq!(
            files.settled(&path, Stamp::of(&path).as_ref()),
            None,
            "just written: a second save in the same clock tick would look the same"
        );
        assert_eq!(
            files.trusted(&path),
            Some(2),
            "unless the watcher says otherwise"
        );
    }
}
