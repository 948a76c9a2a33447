//! YAML helpers shared by the configuration and content loaders: turning serde_yaml errors
//! into diagnostics that point at the right line of the right file, and finding where a key
//! is written so later checks can point at it too.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Location, did_you_mean};

/// A diagnostic for a serde_yaml error in `file_text`, whose YAML starts at line
/// `first_line` (1 for a whole YAML file, 2 for front matter after `---`).
pub(crate) fn diagnostic_in(
    path: &Path,
    file_text: &str,
    first_line: usize,
    error: &serde_yaml::Error,
) -> Diagnostic {
    let full = error.to_string();
    // serde_yaml writes positions into its message ("... at line 2 column 10"); we show the
    // position of the file ourselves, so they come out of the message.
    let mut message = without_positions(&full);
    let mut hint = None;
    if let Some((construct, line)) = context(&full) {
        let file_line = first_line + line - 1;
        let text = file_text.lines().nth(file_line - 1).unwrap_or("").trim();
        message = message.replace(&format!(", while parsing {construct}"), "");
        hint = Some(format!(
            "{construct} starts at line {file_line} (`{text}`) and is not closed; quote text that contains `:`, `[` or `#`"
        ));
    }
    let mut diagnostic = Diagnostic::error(message.clone());
    if let Some(position) = error.location() {
        let line = first_line + position.line() - 1;
        diagnostic = diagnostic.at(Location::in_source(
            path,
            file_text,
            line,
            position.column(),
        ));
    } else {
        diagnostic = diagnostic.in_file(path);
    }
    let hint = hint
        .or_else(|| unknown_field_hint(&message))
        .unwrap_or_else(|| {
            "fix the YAML at this place; text with `:` or `#` needs quotes".to_owned()
        });
    diagnostic.hint(hint)
}

/// "... at line 2 column 10, ..." → "..., ...".
fn without_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + " at line ".len()..];
        let digits = tail.chars().take_while(char::is_ascii_digit).count();
        let tail = &tail[digits..];
        let tail = match tail.strip_prefix(" column ") {
            Some(after) => &after[after.chars().take_while(char::is_ascii_digit).count()..],
            None => tail,
        };
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The construct libyaml was reading and the line it began on ("while parsing a flow
/// sequence at line 2 column 7").
fn context(message: &str) -> Option<(String, usize)> {
    let after = message.split(", while parsing ").nth(1)?;
    let (construct, position) = after.split_once(" at line ")?;
    let line = position
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()?;
    Some((construct.to_owned(), line))
}

/// A diagnostic for a serde_yaml error in a file that is all YAML.
pub(crate) fn diagnostic(path: &Path, text: &str, error: &serde_yaml::Error) -> Diagnostic {
    diagnostic_in(path, text, 1, error)
}

/// serde reports "unknown field `x`, expected one of `a`, `b`": turn that into a suggestion.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (field, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    Some(match did_you_mean(field, candidates.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("the known fields are {}", candidates.join(", ")),
    })
}

/// A Markdown file's front matter and body: `---\nYAML\n---\nbody`, the opening fence on the
/// first line. The YAML starts on the file's second line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FrontMatterBlock<'a> {
    /// The YAML between the fences.
    pub(crate) yaml: &'a str,
    /// Everything after the closing fence.
    pub(crate) body: &'a str,
}

/// Splits front matter from the body; None when the file does not start with `---`.
pub(crate) fn split_front_matter(text: &str) -> Option<FrontMatterBlock<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let after_open = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some(FrontMatterBlock {
                yaml: &after_open[..offset],
                body: &after_open[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    None
}

/// Line and column (1-based) where a top-level `key:` is written, if it is.
pub(crate) fn key_position(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(index, line)| {
        let rest = line.strip_prefix(key)?;
        rest.trim_start().starts_with(':').then_some((index + 1, 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_top_level_keys_only() {
        let text = "a: 1\nnested:\n  b: 2\nb: 3\n";
        assert_eq!(key_position(text, "b"), Some((4, 1)));
        assert_eq!(key_position(text, "c"), None);
    }

    #[test]
    fn positions_leave_the_message_and_the_open_construct_is_named() {
        assert_eq!(
            without_positions("bad at line 2 column 10, while x at line 1 column 3"),
            "bad, while x"
        );
        let message = "did not find expected ',' or ']' at line 2 column 10, while parsing a flow sequence at line 1 column 8";
        assert_eq!(context(message), Some(("a flow sequence".to_owned(), 1)));
    }

    #[test]
    fn points_syntax_errors_at_the_file_line() {
        let file = "---\ntitle: [unclosed\n---\nbody";
        let yaml = "title: [unclosed\n";
        let error = serde_yaml::from_str::<serde_yaml::Value>(yaml).unwrap_err();
        let diagnostic = diagnostic_in(Path::new("x.md"), file, 2, &error);
        let location = diagnostic.location.unwrap();
        assert!(location.line >= 2, "{location:?}");
    }
}
