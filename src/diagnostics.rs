//! Diagnostics: one type for every problem newsroom reports, with the file, line and column,
//! the offending line with a caret under it, and a hint saying what to do.
//!
//! Library code returns these as values; only `main` prints them. Warnings travel next to
//! results (a skipped seed, a kept hand edit) and are printed once at the end with a count.

use std::fmt;
use std::path::{Path, PathBuf};

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
            .map(|text| SourceLine::around(text.trim_end_matches('\r'), column));
        Location {
            path: path.into(),
            line,
            column,
            source_line,
        }
    }

    /// A problem at byte `offset` of `source`, the full text of the file at `path`; for
    /// checks that know where a construct starts rather than its line.
    pub fn at_offset(path: impl Into<PathBuf>, source: &str, offset: usize) -> Self {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let line = before.bytes().filter(|&byte| byte == b'\n').count() + 1;
        let column = before[line_start..].chars().count() + 1;
        Location::in_source(path, source, line, column)
    }
}

impl SourceLine {
    /// What to show of `line` for a problem at `column`. A long line is cut around the
    /// column, so a problem deep in a minified page is shown where it is and a diagnostic
    /// never holds a whole page.
    pub fn around(line: &str, column: usize) -> Self {
        let length = line.chars().count();
        if length <= SHOWN_CHARS {
            return SourceLine {
                text: line.into(),
                caret: column,
            };
        }
        let skipped = column
            .saturating_sub(SHOWN_BEFORE + 1)
            .min(length - SHOWN_CHARS);
        let mut text: String = line.chars().skip(skipped).take(SHOWN_CHARS).collect();
        let mut caret = column - skipped;
        if skipped > 0 {
            text.insert(0, '…');
            caret += 1;
        }
        if skipped + SHOWN_CHARS < length {
            text.push('…');
        }
        SourceLine {
            text: text.into(),
            caret,
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
    fn suggests_only_close_words() {
        assert_eq!(
            did_you_mean("titel", ["title", "lang", "date"]),
            Some("title")
        );
        assert_eq!(did_you_mean("zzz", ["title", "lang", "date"]), None);
    }
}
