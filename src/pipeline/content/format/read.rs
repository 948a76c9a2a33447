//! Reading content files: a report's front matter split from its body and parsed as YAML,
//! then its fields read (`fields`); and `_event.yaml`. A build reads strictly: every
//! field's type is checked, unknown fields are errors, and every problem points at the line
//! of its key, all of them collected rather than the first. Ingest reads leniently (a
//! Markdown seed's front matter, an edited report's `event:` pin): the same fields the same
//! way, with YAML tags ignored, whatever is wrong left out instead of reported, and any
//! other field holding text or a list of text taken as a taxonomy's terms.

use std::path::Path;

use serde_yaml::{Mapping, Value};

use super::fields::{FieldReader, Mode};
use super::{EventFile, FrontMatter, split_front_matter};
use crate::diagnostics::{Diagnostic, Location};
use crate::util::yaml;

/// A report file split into its parts.
#[derive(Debug)]
pub(crate) struct Parsed<'a> {
    pub(crate) front_matter: FrontMatter,
    pub(crate) body: &'a str,
}

/// A file read leniently: what could be read of its front matter, and its body.
#[derive(Debug)]
pub(crate) struct Lenient<'a> {
    /// The fields that were readable (all empty when there is no front matter).
    pub(crate) front_matter: FrontMatter,
    /// The body: after the front matter, or the whole file without one.
    pub(crate) body: &'a str,
    /// The line of the file the body starts on, from 1.
    pub(crate) body_line: usize,
    /// Why the front matter was not read at all (YAML that does not parse), if so.
    pub(crate) problem: Option<Diagnostic>,
}

/// Reads a report file as the build does. `taxonomies` are the extra keys `site.yaml`
/// allows.
pub(crate) fn read_report<'a>(
    path: &Path,
    text: &'a str,
    taxonomies: &[String],
) -> Result<Parsed<'a>, Vec<Diagnostic>> {
    let block = split_front_matter(text).ok_or_else(|| {
        vec![
            Diagnostic::error("the report has no front matter")
                .at(Location::in_source(path, text, 1, 1))
                .hint("start the file with a `---` line, the fields (at least `title:`), and another `---` line"),
        ]
    })?;
    let mapping = match yaml::parse_in::<Value>(path, text, block.yaml, 2) {
        Ok(Value::Mapping(mapping)) => mapping,
        Ok(Value::Null) => Mapping::new(),
        Ok(_) => {
            return Err(vec![
                Diagnostic::error("front matter must be a list of `key: value` fields")
                    .at(Location::in_source(path, text, 2, 1)),
            ]);
        }
        Err(problem) => return Err(vec![problem]),
    };
    let (front_matter, problems) =
        FieldReader::new(path, text, block.yaml, Mode::Strict).read(&mapping, taxonomies);
    if problems.is_empty() {
        Ok(Parsed {
            front_matter,
            body: block.body,
        })
    } else {
        Err(problems)
    }
}

/// Reads a file leniently: a Markdown seed, whose author may write any front matter or
/// none, or an edited report ingest looks at.
pub(crate) fn read_report_leniently<'a>(path: &Path, text: &'a str) -> Lenient<'a> {
    let Some(block) = split_front_matter(text) else {
        return Lenient {
            front_matter: FrontMatter::default(),
            body: text,
            body_line: 1,
            problem: None,
        };
    };
    let (front_matter, problem) = match yaml::parse_in::<Mapping>(path, text, block.yaml, 2) {
        Ok(mapping) => {
            let reader = FieldReader::new(path, text, block.yaml, Mode::Lenient);
            (reader.read(&untagged_mapping(&mapping), &[]).0, None)
        }
        Err(problem) => (FrontMatter::default(), Some(problem)),
    };
    Lenient {
        front_matter,
        body: block.body,
        body_line: super::body_line(text, block.body),
        problem,
    }
}

/// A value with every YAML tag taken off (`!x Foo` is `Foo`), inside lists and maps too:
/// what an author tagged is still what they wrote.
fn untagged(value: &Value) -> Value {
    match value {
        Value::Tagged(tagged) => untagged(&tagged.value),
        Value::Sequence(items) => Value::Sequence(items.iter().map(untagged).collect()),
        Value::Mapping(mapping) => Value::Mapping(untagged_mapping(mapping)),
        other => other.clone(),
    }
}

fn untagged_mapping(mapping: &Mapping) -> Mapping {
    mapping
        .iter()
        .map(|(key, value)| (untagged(key), untagged(value)))
        .collect()
}

/// Reads `_event.yaml` (`shown` is its path as messages name it); an empty file says
/// nothing about its event.
pub(crate) fn read_event(shown: &Path, text: &str) -> Result<EventFile, Diagnostic> {
    if text.trim().is_empty() {
        Ok(EventFile::default())
    } else {
        yaml::parse::<EventFile>(shown, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taxonomies() -> Vec<String> {
        vec!["sectors".to_owned()]
    }

    /// Pieces of front matter, right and wrong: keys (known, unknown, taxonomies), values of
    /// every YAML kind, anchors and aliases, tags, quotes, brackets, indentation, fences.
    const PIECES: &[&str] = &[
        "title",
        "date",
        "summary",
        "source",
        "sectors",
        "lang",
        "slug",
        "draft",
        "titel",
        "event",
        "translation_key",
        "url",
        "publisher",
        ":",
        ": ",
        "- ",
        "  ",
        "\n",
        "\n",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\"",
        "'",
        "&a ",
        "*a",
        "!!str ",
        "!!binary ",
        "? ",
        "|",
        ">",
        "#",
        "---",
        "...",
        "2024-05-14",
        "14.05.2024",
        "true",
        "maybe",
        "null",
        "~",
        "1e400",
        "-0",
        "0x1F",
        ".inf",
        "Graz",
        "Gdańsk",
        "\u{0}",
        "\t",
        "\r",
        "%YAML 1.2",
        "<<: *a",
        "\u{feff}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// Whatever an editor types between the fences, parsing ends in fields or problems,
        /// and reading leniently never fails.
        #[test]
        fn front_matter_parsing_never_panics(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
            noise in ".{0,40}",
        ) {
            let yaml: String = pieces.concat() + &noise;
            let text = format!("---\n{yaml}\n---\nBody.\n");
            let first = read_report(Path::new("r.en.md"), &text, &taxonomies())
                .map(|parsed| format!("{:?}", parsed.front_matter));
            let again = read_report(Path::new("r.en.md"), &text, &taxonomies())
                .map(|parsed| format!("{:?}", parsed.front_matter));
            proptest::prop_assert_eq!(first, again);
            let _ = read_report_leniently(Path::new("r.en.md"), &text);
        }

        /// Any text at all, fenced or not.
        #[test]
        fn any_file_text_parses_or_fails_without_panicking(text in "(---\n)?\\PC{0,200}(\n---\n)?.{0,20}") {
            let _ = read_report(Path::new("r.en.md"), &text, &taxonomies());
            let _ = read_report_leniently(Path::new("r.en.md"), &text);
        }
    }

    #[test]
    fn a_missing_title_or_fence_is_an_error() {
        let read = |text| read_report(Path::new("a.md"), text, &taxonomies());
        assert!(read("---\nlang: en\n---\n").is_err());
        assert!(read("title: A\n").is_err());
        assert!(read("---\ntitle: A\n").is_err());
    }

    #[test]
    fn syntax_errors_name_the_file_line() {
        let text = "---\ntitle: A\nlang: [en\n---\n";
        let problems = read_report(Path::new("a.en.md"), text, &taxonomies()).unwrap_err();
        let location = problems[0].location.as_ref().unwrap();
        assert!(location.line >= 3, "{location:?}");
        assert!(location.source_line.is_some());
    }

    #[test]
    fn read_leniently_a_file_without_front_matter_is_all_body_and_broken_yaml_is_said() {
        let plain = read_report_leniently(Path::new("seeds/a.md"), "# Title\n\nBody\n");
        assert_eq!((plain.body, plain.body_line), ("# Title\n\nBody\n", 1));
        assert_eq!(plain.front_matter, FrontMatter::default());
        let broken = read_report_leniently(Path::new("seeds/a.md"), "---\ntitle: [A\n---\nB\n");
        assert_eq!(broken.front_matter, FrontMatter::default());
        assert_eq!(broken.body, "B\n");
        assert!(broken.problem.is_some());
    }
}
