//! The library's error type: either the input is wrong (diagnostics with file, line and
//! column, exit code 1) or the machine failed us (I/O, exit code 2).

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Content, configuration or templates are wrong; every problem found is listed.
    #[error("{} in the site's files", problems(.0.len()))]
    Invalid(Vec<Diagnostic>),
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_owned(),
            source,
        }
    }

    /// One content problem.
    pub fn invalid(diagnostic: Diagnostic) -> Self {
        Error::Invalid(vec![diagnostic])
    }
}

fn problems(count: usize) -> String {
    if count == 1 {
        "1 problem".to_owned()
    } else {
        format!("{count} problems")
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Adds the path to an I/O result, so no error reaches the user without naming its file.
pub(crate) trait IoContext<T> {
    /// Converts an I/O error into [`Error::Io`] naming `path`.
    fn at_path(self, path: &Path) -> Result<T>;
}

impl<T> IoContext<T> for std::io::Result<T> {
    fn at_path(self, path: &Path) -> Result<T> {
        self.map_err(|source| Error::io(path, source))
    }
}
