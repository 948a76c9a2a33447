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
    // serde_yaml appends the position to its message; we show the position ourselves.
    let message = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_owned(),
        None => full,
    };
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
    match unknown_field_hint(&message) {
        Some(hint) => diagnostic.hint(hint),
        None => diagnostic.hint("fix the YAML at this place; strings with `:` or `#` need quotes"),
    }
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
    fn points_syntax_errors_at_the_file_line() {
        let file = "---\ntitle: [unclosed\n---\nbody";
        let yaml = "title: [unclosed\n";
        let error = serde_yaml::from_str::<serde_yaml::Value>(yaml).unwrap_err();
        let diagnostic = diagnostic_in(Path::new("x.md"), file, 2, &error);
        let location = diagnostic.location.unwrap();
        assert!(location.line >= 2, "{location:?}");
    }
}
