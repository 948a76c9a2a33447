//! Reading a text file someone wrote — `site.yaml`, content files — as every stage needs it:
//! bounded in size and line length, regular files only, UTF-8 or an error at the first bad
//! byte, every refusal a diagnostic with the file (and line) and what to do.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Location};

/// The largest content file newsroom reads: a long report is a few hundred kilobytes; beyond
/// this it is a pasted archive or a runaway export, and its page would not load on a phone.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The longest line of a content file: Markdown paragraphs are a few kilobytes; a line of
/// megabytes is an inlined image or a file without line breaks.
const MAX_LINE_BYTES: usize = 1024 * 1024;

/// The text of the file at `path` (`shown` is how messages name it). A file that is not
/// UTF-8 is pointed at its first bad byte; one too large or with too long a line, or that is
/// not a regular file (a named pipe would block the build forever), is refused unread.
pub(crate) fn read(path: &Path, shown: &Path) -> std::result::Result<String, Diagnostic> {
    use std::io::Read;
    let unreadable = |error: std::io::Error| {
        Diagnostic::error(format!("cannot read the file: {error}"))
            .in_file(shown)
            .hint("check that it is a readable file (not a folder, a broken link or a file without read permission)")
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(Diagnostic::error("not a regular file (a folder, a device or a named pipe)")
            .in_file(shown)
            .hint("content, site.yaml and templates are plain text files; remove or rename this one"));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::error(format!(
            "the file is {:.1} MB, more than the {} MiB a file may have",
            size as f64 / 1e6,
            MAX_FILE_BYTES / 1024 / 1024
        ))
        .in_file(shown)
        .hint("split the report, or move large attachments to static/ and link to them"));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if let Some((line, span)) = crate::util::text::first_line_longer_than(&bytes, MAX_LINE_BYTES) {
        let length = span.len();
        return Err(Diagnostic::error(format!(
            "line {line} is {:.1} MB long, more than the {} MiB a line may have",
            length as f64 / 1e6,
            MAX_LINE_BYTES / 1024 / 1024
        ))
        .at(Location {
            line,
            column: 1,
            ..Location::file(shown)
        })
        .hint(
            "break the text into paragraphs; an inlined image (`data:` URL) belongs in static/",
        ));
    }
    String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let valid = error.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(bytes);
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = bytes[..valid].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&bytes[line_start..valid]).chars().count() + 1;
        // A failed conversion has a bad byte at `valid_up_to` (possibly a cut-off sequence
        // at the end, still inside the file).
        Diagnostic::error(format!(
            "the file is not UTF-8 text (byte 0x{:02X})",
            bytes[valid]
        ))
        .at(Location::in_source(shown, &lossy, line, column))
        .hint("save it as UTF-8: most editors offer an encoding when saving (Latin-1 and Windows-1252 files need converting)")
    })
}
