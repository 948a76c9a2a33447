//! Making files below one folder. On Linux the folder is opened once and every file and
//! folder is made relative to it (`mkdirat`, `openat`), so the kernel does not walk the
//! whole path from `/` again for each of 20,000 files; elsewhere, by path.

use std::io::Write;
use std::path::Path;

/// A folder files are made in.
#[derive(Debug)]
pub(crate) struct Tree {
    #[cfg(target_os = "linux")]
    root: rustix::fd::OwnedFd,
    #[cfg(not(target_os = "linux"))]
    root: std::path::PathBuf,
}

impl Tree {
    /// Opens the folder at `path`.
    pub(crate) fn open(path: &Path) -> std::io::Result<Tree> {
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let root = rustix::fs::open(path, flags, Mode::empty())?;
            Ok(Tree { root })
        }
        #[cfg(not(target_os = "linux"))]
        {
            Ok(Tree {
                root: path.to_owned(),
            })
        }
    }

    /// Writes `bytes` to the file at `relative` (`/`-separated, checked to stay inside),
    /// making the folders it needs.
    pub(crate) fn create(&self, relative: &str, bytes: &[u8]) -> std::io::Result<()> {
        if let Some((folder, _)) = relative.rsplit_once('/') {
            self.make_folder(folder)?;
        }
        let mut file = self.new_file(relative)?;
        file.write_all(bytes)
    }

    /// Makes the folder at `relative` and the ones above it that are missing.
    fn make_folder(&self, relative: &str) -> std::io::Result<()> {
        match self.mkdir(relative) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                if let Some((parent, _)) = relative.rsplit_once('/') {
                    self.make_folder(parent)?;
                }
                match self.mkdir(relative) {
                    Err(error) if error.kind() != std::io::ErrorKind::AlreadyExists => Err(error),
                    _ => Ok(()),
                }
            }
            Err(error) => Err(error),
        }
    }

    #[cfg(target_os = "linux")]
    fn mkdir(&self, relative: &str) -> std::io::Result<()> {
        use rustix::fs::Mode;
        Ok(rustix::fs::mkdirat(
            &self.root,
            relative,
            Mode::from_raw_mode(0o777),
        )?)
    }

    #[cfg(target_os = "linux")]
    fn new_file(&self, relative: &str) -> std::io::Result<std::fs::File> {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::TRUNC | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(&self.root, relative, flags, Mode::from_raw_mode(0o666))?;
        Ok(std::fs::File::from(fd))
    }

    #[cfg(not(target_os = "linux"))]
    fn mkdir(&self, relative: &str) -> std::io::Result<()> {
        std::fs::create_dir(self.root.join(relative))
    }

    #[cfg(not(target_os = "linux"))]
    fn new_file(&self, relative: &str) -> std::io::Result<std::fs::File> {
        std::fs::File::create(self.root.join(relative))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_made_with_the_folders_they_need() {
        let dir = tempfile::tempdir().unwrap();
        let tree = Tree::open(dir.path()).unwrap();
        tree.create("en/reports/a/index.html", b"a").unwrap();
        tree.create("en/reports/b/index.html", b"b").unwrap();
        tree.create("en/reports/b/index.html", b"bb").unwrap();
        tree.create("robots.txt", b"r").unwrap();
        let read = |path: &str| std::fs::read_to_string(dir.path().join(path)).unwrap();
        assert_eq!(read("en/reports/a/index.html"), "a");
        assert_eq!(read("en/reports/b/index.html"), "bb", "written again whole");
        assert_eq!(read("robots.txt"), "r");
    }
}
