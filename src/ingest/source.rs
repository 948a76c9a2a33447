//! Reading `seeds/`: every raw report file, in name order. A file that cannot be a report
//! (empty, binary, not UTF-8, not a known type) is skipped with a warning naming it; the
//! others go on.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::error::{Error, IoContext, Result};
use crate::ingest::draft::Seed;

/// The folder of raw reports in a site.
pub const SEEDS_DIR: &str = "seeds";

/// Seeds that could be read, and warnings for those that could not.
pub(crate) struct Seeds {
    pub(crate) seeds: Vec<Seed>,
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Reads every seed file under `root/seeds`.
pub(crate) fn read_seeds(root: &Path) -> Result<Seeds> {
    let dir = root.join(SEEDS_DIR);
    let mut found = Seeds {
        seeds: Vec::new(),
        warnings: Vec::new(),
    };
    if !dir.is_dir() {
        return Ok(found);
    }
    for entry in crate::walk::visible(&dir, 1, usize::MAX) {
        let entry = entry?;
        if !entry.file_type().is_file() {
            continue;
        }
        let shown = crate::content::relative(root, entry.path());
        let shown_text = shown.to_string_lossy().replace('\\', "/");
        if entry.path().extension().is_none_or(|ext| ext != "txt") {
            found.warnings.push(
                Diagnostic::warning("skipped: not a .txt report")
                    .in_file(&shown)
                    .hint("seeds are plain text files with the extension .txt"),
            );
            continue;
        }
        let bytes = std::fs::read(entry.path()).at_path(entry.path())?;
        match decode(&bytes) {
            Ok(text) => found.seeds.push(Seed {
                path: shown_text,
                text,
            }),
            Err(why) => found
                .warnings
                .push(Diagnostic::warning(format!("skipped: {why}")).in_file(&shown)),
        }
    }
    Ok(found)
}

/// Reads one seed file (for `--explain`); a file that is not a report is an error here.
pub(crate) fn read_one(root: &Path, file: &Path) -> Result<Seed> {
    let full = if file.is_absolute() || file.exists() {
        file.to_owned()
    } else {
        root.join(file)
    };
    let bytes = std::fs::read(&full).at_path(&full)?;
    let shown = crate::content::relative(root, &full);
    let text =
        decode(&bytes).map_err(|why| Error::invalid(Diagnostic::error(why).in_file(&shown)))?;
    Ok(Seed {
        path: shown.to_string_lossy().replace('\\', "/"),
        text,
    })
}

/// The text of a seed, or why it is not one.
fn decode(bytes: &[u8]) -> std::result::Result<String, &'static str> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty");
    }
    if bytes.contains(&0) {
        return Err("the file is binary, not text");
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text")?;
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    if controls * 20 > text.chars().count() {
        return Err("the file is binary, not text");
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_binary_and_non_utf8_files_are_refused() {
        assert_eq!(decode(b" \n\t"), Err("the file is empty"));
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00"),
            Err("the file is binary, not text")
        );
        assert_eq!(decode(b"Caf\xe9"), Err("the file is not UTF-8 text"));
        assert_eq!(decode("Zażółć".as_bytes()).as_deref(), Ok("Zażółć"));
    }
}
