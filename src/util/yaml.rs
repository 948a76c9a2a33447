//! YAML helpers shared by the configuration and content loaders: turning serde_yaml errors
//! into diagnostics that point at the right line of the right file, and finding where a key
//! is written so later checks can point at it too.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Location, did_you_mean};

/// How deeply `[` and `{` may nest. Real files nest two or three levels; libyaml's scanner
/// takes time quadratic in the depth (100,000 levels: 15 s) before serde_yaml's own
/// recursion limit can refuse them.
const MAX_FLOW_DEPTH: usize = 64;

/// Parses a whole YAML file.
pub(crate) fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Diagnostic> {
    parse_in(path, text, text, 1)
}

/// Parses `yaml`, which starts at line `first_line` of `file_text` (2 for front matter):
/// errors point at the file's lines. Nesting deeper than any real file is refused before
/// libyaml sees it; alias bombs are refused by serde_yaml's repetition limit.
pub(crate) fn parse_in<T: DeserializeOwned>(
    path: &Path,
    file_text: &str,
    yaml: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    if let Some((line, column)) = too_deep(yaml) {
        return Err(Diagnostic::error(format!(
            "the YAML nests `[` or `{{` more than {MAX_FLOW_DEPTH} levels deep"
        ))
        .at(Location::in_source(
            path,
            file_text,
            first_line + line - 1,
            column,
        ))
        .hint("write lists as `[a, b]` or as `- a` lines; nothing needs this depth"));
    }
    serde_yaml::from_str(yaml).map_err(|error| diagnostic_in(path, file_text, first_line, &error))
}

/// Line and column (1-based) of the first `[` or `{` beyond [`MAX_FLOW_DEPTH`], outside
/// quotes and comments. Brackets inside plain text count too: erring towards "too deep"
/// only matters for text with 64 unclosed brackets.
fn too_deep(yaml: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (index, line) in yaml.lines().enumerate() {
        let mut quote = None;
        let mut previous = ' ';
        let mut chars = line.chars().enumerate().peekable();
        while let Some((column, c)) = chars.next() {
            match (quote, c) {
                (Some('"'), '\\') => {
                    chars.next();
                }
                (Some(open), c) if c == open => quote = None,
                (Some(_), _) => {}
                (None, '#') if previous.is_whitespace() => break,
                (None, '"' | '\'') => quote = Some(c),
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Some((index + 1, column + 1));
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                (None, _) => {}
            }
            previous = c;
        }
    }
    None
}

/// A diagnostic for a serde_yaml error in `file_text`, whose YAML starts at line
/// `first_line` (1 for a whole YAML file, 2 for front matter after `---`).
fn diagnostic_in(
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
    if message.starts_with("repetition limit exceeded") {
        return alias_bomb(path, file_text, first_line);
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

/// serde_yaml stops expanding aliases that repeat a value millions of times ("billion
/// laughs"); it gives no position, so the first alias is pointed at.
fn alias_bomb(path: &Path, file_text: &str, first_line: usize) -> Diagnostic {
    let first_alias = file_text
        .lines()
        .enumerate()
        .skip(first_line - 1)
        .find_map(|(index, line)| anchor_column(line).map(|column| (index + 1, column)));
    let diagnostic =
        Diagnostic::error("the YAML's aliases (`&name` … `*name`) repeat a value too many times");
    match first_alias {
        Some((line, column)) => diagnostic.at(Location::in_source(path, file_text, line, column)),
        None => diagnostic.in_file(path),
    }
    .hint("write the values out instead of repeating them through aliases")
}

/// The column (1-based) of the first anchor (`&name`) on a line: an `&` that starts a token
/// and is followed by a name, so "R&D" in a value is none.
fn anchor_column(line: &str) -> Option<usize> {
    let mut previous = ' ';
    let mut chars = line.chars().enumerate().peekable();
    while let Some((column, c)) = chars.next() {
        let starts_token = previous.is_whitespace() || matches!(previous, '[' | '{' | ',' | ':');
        let named = chars
            .peek()
            .is_some_and(|(_, next)| next.is_alphanumeric() || *next == '_');
        if c == '&' && starts_token && named {
            return Some(column + 1);
        }
        previous = c;
    }
    None
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

/// Line and column (1-based) of `field:` in the block under the top-level `key:`
/// (`source:` then `  url: …`); the key's own place when the field is not on a line of its
/// own (`source: {url: …}`).
pub(crate) fn nested_key_position(text: &str, key: &str, field: &str) -> Option<(usize, usize)> {
    let (key_line, key_column) = key_position(text, key)?;
    let nested = text
        .lines()
        .enumerate()
        .skip(key_line)
        .take_while(|(_, line)| line.starts_with([' ', '\t', '-']) || line.trim().is_empty())
        .find_map(|(index, line)| {
            let trimmed = line.trim_start();
            let rest = trimmed.strip_prefix(field)?;
            rest.trim_start()
                .starts_with(':')
                .then(|| (index + 1, line.len() - trimmed.len() + 1))
        });
    Some(nested.unwrap_or((key_line, key_column)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_refused_with_its_position_and_quoted_brackets_do_not_count() {
        let deep = format!("title: x\nlist: {}{}\n", "[".repeat(65), "]".repeat(65));
        assert_eq!(too_deep(&deep), Some((2, 71)));
        let fine = format!(
            "title: \"{}\" # {}\nlist: [[a], {{b: [c]}}]\n",
            "[".repeat(100),
            "{".repeat(100)
        );
        assert_eq!(too_deep(&fine), None);
        let error = parse_in::<serde_yaml::Value>(
            Path::new("r.md"),
            &format!("---\n{deep}---\n"),
            &deep,
            2,
        )
        .unwrap_err();
        assert_eq!(error.location.map(|l| (l.line, l.column)), Some((3, 71)));
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for level in 1..10 {
            let refs = vec![format!("*a{}", level - 1); 9].join(", ");
            yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
        }
        let error = parse::<serde_yaml::Value>(Path::new("site.yaml"), &yaml).unwrap_err();
        assert!(
            error.message.contains("repeat a value too many times"),
            "{error}"
        );
        assert_eq!(error.location.map(|l| l.line), Some(1));
    }

    #[test]
    fn anchors_are_told_from_ampersands_in_text() {
        assert_eq!(anchor_column("a0: &a0 [x]"), Some(5));
        assert_eq!(anchor_column("title: R&D days"), None);
        assert_eq!(anchor_column("list: [&x 1]"), Some(8));
    }

    #[test]
    fn finds_a_field_under_its_key() {
        let text = "title: x\nsource:\n  publisher: P\n  url: javascript:x\nurl: top\n";
        assert_eq!(nested_key_position(text, "source", "url"), Some((4, 3)));
        assert_eq!(
            nested_key_position("source: {url: x}\n", "source", "url"),
            Some((1, 1))
        );
    }

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
