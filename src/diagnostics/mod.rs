//! Diagnostics: one type for every problem newsroom reports, with the file, line and column,
//! the offending line with a caret under it, and a hint saying what to do.
//!
//! Library code returns these as values ([`Error`] when a command fails); only the binary
//! prints them. Warnings travel next to
//! results (a skipped seed, a kept hand edit) and are printed once at the end with a count.

mod error;

use std::fmt;
use std::path::{Path, PathBuf};

pub(crate) use error::IoContext;
pub use error::{Error, Result};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build goes on; the problem is reported at the end.
    Warning,
    /// The build stops and `public/` is left as it was.
    Error,
}

/// Where a problem is: a file and, when known, a line (1-based), a column (1-based) and
/// the text of that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, as the user named it (relative to the site root where possible).
    pub path: PathBuf,
    /// The line, 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// The column, 1-based, counted in characters.
    pub column: usize,
    /// The line, as shown under the headline.
    pub source_line: Option<SourceLine>,
}

/// The line a problem is on, as shown: all of it, or of a long line (a minified page is one
/// line) the part around the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    /// The text, without its line break, with `…` where a long line was cut.
    pub text: Box<str>,
    /// The column in `text` the caret goes under (1-based, in characters).
    pub caret: usize,
}

/// Lines longer than this (in characters) are shown cut around the column.
const SHOWN_CHARS: usize = 160;
/// How much of a cut line is shown before the column.
const SHOWN_BEFORE: usize = 60;

impl Location {
    /// A problem with a whole file.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            path: path.into(),
            line: 0,
            column: 0,
            source_line: None,
        }
    }

    /// A problem at `line`:`column` of `source`, the full text of the file at `path`.
    pub fn in_source(path: impl Into<PathBuf>, source: &str, line: usize, column: usize) -> Self {
        let column = column.max(1);
        let source_line = line
            .checked_sub(1)
            .and_then(|index| source.lines().nth(index))
            .map(|text| {
                let split = text
                    .char_indices()
                    .nth(column - 1)
                    .map_or(text.len(), |(index, _)| index);
                let (before, after) = text.split_at(split);
                SourceLine::around(before, after, column - 1)
            });
        Location {
            path: path.into(),
            line,
            column,
            source_line,
        }
    }

    /// A problem at byte `offset` of `source`, the full text of the file at `path`; for
    /// checks that know where a construct starts rather than its line. For many offsets
    /// in one file, [`Locator`] reads it once.
    pub fn at_offset(path: impl Into<PathBuf>, source: &str, offset: usize) -> Self {
        Locator::new(path, source).locate(offset)
    }
}

/// Turns byte offsets of one text into locations, reading the text once as long as the
/// offsets come in increasing order: a sitemap or a minified page with thousands of
/// problems is not read again from the start for each.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    path: PathBuf,
    source: &'a str,
    /// The last offset located, its line (1-based), where that line starts, and its
    /// column (1-based, in characters).
    offset: usize,
    line: usize,
    line_start: usize,
    column: usize,
}

impl<'a> Locator<'a> {
    /// A locator for `source`, the full text of the file at `path`.
    pub fn new(path: impl Into<PathBuf>, source: &'a str) -> Self {
        Locator {
            path: path.into(),
            source,
            offset: 0,
            line: 1,
            line_start: 0,
            column: 1,
        }
    }

    /// The location of byte `offset` (an offset inside a character counts as that
    /// character, one past the end as the end). An offset before the last one is found by
    /// reading from the start again.
    pub fn locate(&mut self, offset: usize) -> Location {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = Locator::new(std::mem::take(&mut self.path), self.source);
        }
        let passed = &self.source[self.offset..offset];
        match passed.rfind('\n') {
            Some(newline) => {
                self.line += passed.bytes().filter(|&byte| byte == b'\n').count();
                self.line_start = self.offset + newline + 1;
                self.column = self.source[self.line_start..offset].chars().count() + 1;
            }
            None => self.column += passed.chars().count(),
        }
        self.offset = offset;
        Location {
            path: self.path.clone(),
            line: self.line,
            column: self.column,
            source_line: Some(SourceLine::around(
                &self.source[self.line_start..offset],
                &self.source[offset..],
                self.column - 1,
            )),
        }
    }
}

impl SourceLine {
    /// What to show of a line with a problem after `behind` characters: `before` is the
    /// line's text before the problem, `after` the text from it on (it is read up to the
    /// line break only). A long line is cut around the problem, reading at most
    /// [`SHOWN_CHARS`] characters either side, so a problem deep in a minified page is
    /// shown where it is and a diagnostic never holds a whole page.
    fn around(before: &str, after: &str, behind: usize) -> Self {
        let rest = &after[..after.find(['\n', '\r']).unwrap_or(after.len())];
        let ahead = rest.chars().take(SHOWN_CHARS + 1).count();
        if behind + ahead <= SHOWN_CHARS {
            return SourceLine {
                text: format!("{before}{rest}").into(),
                caret: behind + 1,
            };
        }
        // Near the end of the line, more of what comes before is shown.
        let keep_before = behind.min(SHOWN_BEFORE.max(SHOWN_CHARS - ahead.min(SHOWN_CHARS)));
        let keep_after = ahead.min(SHOWN_CHARS - keep_before);
        let from = match keep_before {
            0 => before.len(),
            keep => before
                .char_indices()
                .rev()
                .nth(keep - 1)
                .map_or(0, |(index, _)| index),
        };
        let to = rest
            .char_indices()
            .nth(keep_after)
            .map_or(rest.len(), |(index, _)| index);
        let cut_before = keep_before < behind;
        let mut text = String::with_capacity(to + (before.len() - from) + 6);
        if cut_before {
            text.push('…');
        }
        text.push_str(&before[from..]);
        text.push_str(&rest[..to]);
        if keep_after < ahead {
            text.push('…');
        }
        SourceLine {
            text: text.into(),
            caret: keep_before + 1 + usize::from(cut_before),
        }
    }
}

/// One problem: what is wrong, where, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Whether the build can go on.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where it is, when it is in a file.
    pub location: Option<Location>,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error with a message and no location yet.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            location: None,
            hint: None,
        }
    }

    /// A warning with a message and no location yet.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Attaches a location.
    #[must_use]
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Attaches a whole-file location.
    #[must_use]
    pub fn in_file(self, path: &Path) -> Self {
        self.at(Location::file(path))
    }

    /// Attaches a hint.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The problem as a warning that says what was done about it instead of stopping:
    /// `skipped: <message>`.
    #[must_use]
    pub fn downgraded(self, what_was_done: &str) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            message: format!("{what_was_done}: {}", self.message),
            ..self
        }
    }

    /// True for errors, false for warnings.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// Renders in the style of rustc: a headline, an arrow to the place, the line with a
    /// caret under the column, and the hint.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        if let Some(location) = &self.location {
            let path = location.path.display();
            if location.line == 0 {
                writeln!(f, "  --> {path}")?;
            } else {
                writeln!(f, "  --> {path}:{}:{}", location.line, location.column)?;
            }
            if let Some(SourceLine { text, caret }) = &location.source_line {
                let number = location.line.to_string();
                let gutter = " ".repeat(number.len());
                let shown: String = text.chars().take(200).collect();
                let caret_pad = " ".repeat(caret.saturating_sub(1).min(200));
                writeln!(f, "{gutter} |")?;
                writeln!(f, "{number} | {shown}")?;
                writeln!(f, "{gutter} | {caret_pad}^")?;
            }
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = help: {hint}")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// The diagnostic as one line of JSON, for editors' tools (`--message-format json`):
    /// `{"type":"diagnostic","severity":"error","message":…,"file":…,"line":…,"column":…,
    /// "source_line":…,"hint":…}`; fields without a value are `null`, line and column are 0
    /// for a problem with a whole file.
    pub fn to_json(&self) -> String {
        let location = self.location.as_ref();
        let json = JsonDiagnostic {
            kind: "diagnostic",
            severity: match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: &self.message,
            file: location.map(|location| location.path.to_string_lossy()),
            line: location.map_or(0, |location| location.line),
            column: location.map_or(0, |location| location.column),
            source_line: location
                .and_then(|location| location.source_line.as_ref())
                .map(|line| &*line.text),
            hint: self.hint.as_deref(),
        };
        // Serialising strings and numbers into a String cannot fail.
        serde_json::to_string(&json).unwrap_or_default()
    }
}

#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    severity: &'static str,
    message: &'a str,
    file: Option<std::borrow::Cow<'a, str>>,
    line: usize,
    column: usize,
    source_line: Option<&'a str>,
    hint: Option<&'a str>,
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_line_with_a_caret_under_the_column() {
        let source = "---\ntitel: Hello\n---\n";
        let diagnostic = Diagnostic::error("unknown field `titel`")
            .at(Location::in_source("content/a/x.en.md", source, 2, 1))
            .hint("did you mean `title`?");
        let text = diagnostic.to_string();
        assert!(text.contains("error: unknown field `titel`"), "{text}");
        assert!(text.contains("--> content/a/x.en.md:2:1"), "{text}");
        assert!(text.contains("2 | titel: Hello\n  | ^"), "{text}");
        assert!(text.contains("= help: did you mean `title`?"), "{text}");
    }

    #[test]
    fn a_long_line_is_shown_cut_around_the_column() {
        let source = format!("{}<a href=/x/>{}", "a".repeat(5000), "b".repeat(5000));
        let location = Location::at_offset("public/en/index.html", &source, 5000);
        assert_eq!((location.line, location.column), (1, 5001));
        let shown = location.source_line.clone().unwrap().text;
        assert!(shown.chars().count() <= SHOWN_CHARS + 2, "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        let text = Diagnostic::error("broken link").at(location).to_string();
        let lines: Vec<&str> = text.lines().collect();
        let caret = lines[4].chars().position(|c| c == '^').unwrap();
        let under: String = lines[3].chars().skip(caret).take(12).collect();
        assert_eq!(under, "<a href=/x/>", "{text}");
    }

    #[test]
    fn offsets_become_lines_and_columns_in_characters() {
        let source = "ä\nxyé<b>";
        let location = Location::at_offset("f", source, source.find('<').unwrap());
        assert_eq!((location.line, location.column), (2, 4));
        assert_eq!(location.source_line.unwrap().text.as_ref(), "xyé<b>");
        let end = Location::at_offset("f", source, 999);
        assert_eq!((end.line, end.column), (2, 7));
    }

    #[test]
    fn the_end_of_a_long_line_is_shown_with_more_before_it() {
        let source = format!("{}<b>", "a".repeat(1000));
        let location = Location::at_offset("f", &source, 1000);
        let shown = location.source_line.unwrap();
        assert_eq!(shown.text.chars().count(), SHOWN_CHARS + 1);
        assert!(shown.text.starts_with('…') && shown.text.ends_with("a<b>"));
        assert_eq!(shown.text.chars().nth(shown.caret - 1), Some('<'));
    }

    #[test]
    fn a_locator_reads_forward_and_starts_again_for_an_earlier_offset() {
        let source = "one\ntwo <x>\r\nthree <y>";
        let mut locator = Locator::new("f", source);
        let at = |location: Location| (location.line, location.column);
        let y = source.find("<y>").unwrap();
        let x = source.find("<x>").unwrap();
        assert_eq!(at(locator.locate(x)), (2, 5));
        assert_eq!(at(locator.locate(y)), (3, 7));
        assert_eq!(at(locator.locate(x)), (2, 5));
        let shown = locator.locate(x).source_line.unwrap();
        assert_eq!((shown.text.as_ref(), shown.caret), ("two <x>", 5));
    }

    #[test]
    fn suggests_only_close_words() {
        assert_eq!(
            did_you_mean("titel", ["title", "lang", "date"]),
            Some("title")
        );
        assert_eq!(did_you_mean("zzz", ["title", "lang", "date"]), None);
    }
}
