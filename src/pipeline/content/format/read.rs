//! Reading content files. A build reads strictly: every field's type is checked, unknown
//! fields are errors, and every problem points at the line of its key, all of them
//! collected rather than the first. Ingest reads leniently (a Markdown seed's front matter,
//! an edited report's `event:` pin): the same fields the same way, with YAML tags ignored,
//! whatever is wrong left out instead of reported, and any other field holding text or a
//! list of text taken as a taxonomy's terms.

use std::path::Path;

use chrono::NaiveDate;
use serde_yaml::{Mapping, Value};

use super::{EventFile, FrontMatter, Slot, is_web_address, parse_date, split_front_matter};
use crate::diagnostics::{Diagnostic, Location, did_you_mean};
use crate::model::site::Source;
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

/// What a problem in a field does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// It is reported; unknown fields are problems.
    Strict,
    /// The field is left out; unknown fields holding text are taken as terms.
    Lenient,
}

/// Reads typed fields out of the mapping, collecting every problem rather than the first.
struct FieldReader<'a> {
    path: &'a Path,
    text: &'a str,
    yaml: &'a str,
    mode: Mode,
    problems: Vec<Diagnostic>,
}

impl<'a> FieldReader<'a> {
    fn new(path: &'a Path, text: &'a str, yaml: &'a str, mode: Mode) -> Self {
        FieldReader {
            path,
            text,
            yaml,
            mode,
            problems: Vec::new(),
        }
    }

    fn read(mut self, mapping: &Mapping, taxonomies: &[String]) -> (FrontMatter, Vec<Diagnostic>) {
        let mut front_matter = FrontMatter::default();
        for (key, value) in mapping {
            let Some(key) = key.as_str() else {
                self.problem("a front matter key must be text", "", None);
                continue;
            };
            self.read_field(&mut front_matter, key, value, taxonomies);
        }
        let untitled = front_matter.title.trim().is_empty() && !mapping.contains_key("title");
        if self.mode == Mode::Strict && untitled {
            self.problems.push(
                Diagnostic::error("the report has no `title`")
                    .at(Location::in_source(self.path, self.text, 1, 1))
                    .hint("add a line `title: ...` to the front matter"),
            );
        }
        (front_matter, self.problems)
    }

    fn read_field(
        &mut self,
        front_matter: &mut FrontMatter,
        key: &str,
        value: &Value,
        taxonomies: &[String],
    ) {
        if let Some((_, slot)) = front_matter
            .fields()
            .into_iter()
            .find(|(name, _)| *name == key)
        {
            self.read_slot(slot, key, value);
            return;
        }
        if self.mode == Mode::Lenient || taxonomies.iter().any(|name| name == key) {
            if let Some(terms) = self.terms_field(key, value) {
                front_matter.terms.insert(key.to_owned(), terms);
            }
            return;
        }
        let names = FrontMatter::field_names();
        let candidates = names
            .iter()
            .copied()
            .chain(taxonomies.iter().map(String::as_str));
        let hint = match did_you_mean(key, candidates) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!(
                "known fields are {}, and the taxonomies of site.yaml ({})",
                names.join(", "),
                taxonomies.join(", ")
            ),
        };
        self.problem(&format!("unknown field `{key}`"), key, Some(&hint));
    }

    fn read_slot(&mut self, slot: Slot<'_>, key: &str, value: &Value) {
        match slot {
            Slot::Title(title) => {
                if let Some(text) = self.text_field(key, value) {
                    if text.trim().is_empty() {
                        self.problem(
                            &format!("`{key}` is empty"),
                            key,
                            Some("write the report's title"),
                        );
                    }
                    *title = text;
                }
            }
            Slot::Text(field) => *field = self.text_field(key, value),
            Slot::TextOrNull(field) => {
                *field = match value {
                    Value::Null => None,
                    _ => self.text_field(key, value),
                }
            }
            Slot::Date(field) => *field = self.date_field(key, value),
            Slot::Flag(flag) => match value {
                Value::Bool(value) => *flag = *value,
                _ => self.problem(
                    &format!("`{key}` must be true or false"),
                    key,
                    Some(&format!(
                        "write `{key}: true` or `{key}: false`, or leave the field out"
                    )),
                ),
            },
            Slot::Source(source) => self.source_field(source, key, value),
        }
    }

    fn text_field(&mut self, key: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            _ => {
                self.problem(&format!("`{key}` must be text"), key, None);
                None
            }
        }
    }

    fn date_field(&mut self, key: &str, value: &Value) -> Option<NaiveDate> {
        match value {
            Value::Null => None,
            Value::String(text) => match parse_date(text) {
                Some(date) => Some(date),
                None => {
                    self.problem(
                        &format!("`{key}` is not a date: `{text}`"),
                        key,
                        Some("write dates as YYYY-MM-DD, e.g. 2019-12-04"),
                    );
                    None
                }
            },
            _ => {
                self.problem(
                    &format!("`{key}` must be a date like 2019-12-04"),
                    key,
                    None,
                );
                None
            }
        }
    }

    /// The `source` map. Read leniently, each of its fields is taken on its own, and a `url`
    /// only if it is a web address.
    fn source_field(&mut self, source: &mut Source, key: &str, value: &Value) {
        if self.mode == Mode::Lenient {
            let text = |field: &str| value.get(field).and_then(Value::as_str).map(str::to_owned);
            *source = Source {
                file: text("file"),
                publisher: text("publisher"),
                url: text("url").filter(|url| is_web_address(url)),
            };
            return;
        }
        match serde_yaml::from_value::<Source>(value.clone()) {
            Ok(read) if read.url.as_deref().is_some_and(|url| !is_web_address(url)) => {
                let (line, column) =
                    yaml::nested_key_position(self.yaml, key, "url").unwrap_or((1, 1));
                self.problem_at(
                    &format!("`{key}.url` must be a web address starting with https:// or http://"),
                    (line, column),
                    Some("the original's address is linked from the report's page; other schemes (javascript:, data:, file:) are never linked"),
                );
            }
            Ok(read) => *source = read,
            Err(error) => self.problem(
                &format!("`{key}` is not valid: {error}"),
                key,
                Some(&format!(
                    "write `{key}:` with the optional fields `file`, `publisher` and `url`"
                )),
            ),
        }
    }

    /// A taxonomy's terms: a list of text, or one term. Read leniently, what is not text is
    /// left out, and a list with nothing left is no list.
    fn terms_field(&mut self, key: &str, value: &Value) -> Option<Vec<String>> {
        let strict = self.mode == Mode::Strict;
        let items = match value {
            Value::Null if strict => return Some(Vec::new()),
            Value::String(term) if strict => return Some(vec![term.clone()]),
            Value::String(_) => std::slice::from_ref(value),
            Value::Sequence(items) => items,
            _ => {
                self.problem(
                    &format!("`{key}` must be a list of terms"),
                    key,
                    Some("e.g. `sectors: [energy, health]`"),
                );
                return None;
            }
        };
        let mut terms = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Value::String(term) if !term.trim().is_empty() => {
                    terms.push(term.trim().to_owned());
                }
                Value::Number(number) => terms.push(number.to_string()),
                _ if !strict => {}
                _ => {
                    self.problem(
                        &format!("every term of `{key}` must be non-empty text"),
                        key,
                        None,
                    );
                    return None;
                }
            }
        }
        (strict || !terms.is_empty()).then_some(terms)
    }

    fn problem(&mut self, message: &str, key: &str, hint: Option<&str>) {
        let position = yaml::key_position(self.yaml, key).unwrap_or((1, 1));
        self.problem_at(message, position, hint);
    }

    /// A problem at `line`:`column` of the YAML block.
    fn problem_at(&mut self, message: &str, (line, column): (usize, usize), hint: Option<&str>) {
        // The YAML block starts on the file's second line, after the `---` fence.
        let location = Location::in_source(self.path, self.text, line + 1, column);
        let mut diagnostic = Diagnostic::error(message).at(location);
        if let Some(hint) = hint {
            diagnostic = diagnostic.hint(hint);
        }
        self.problems.push(diagnostic);
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
    fn reads_every_field() {
        let text = "---\ntitle: \"Meeting: 50 clusters\"\nlang: en\ndate: 2019-12-04\nsectors: [energy, health]\nsource:\n  file: seeds/a.txt\ndraft: true\n---\nBody\n";
        let parsed = read_report(Path::new("a.en.md"), text, &taxonomies()).unwrap();
        let fm = parsed.front_matter;
        assert_eq!(fm.title, "Meeting: 50 clusters");
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2019, 12, 4));
        assert_eq!(fm.terms["sectors"], ["energy", "health"]);
        assert_eq!(fm.source.file.as_deref(), Some("seeds/a.txt"));
        assert!(fm.draft);
        assert_eq!(parsed.body, "Body\n");
    }

    #[test]
    fn unknown_fields_point_at_their_line_with_a_suggestion() {
        let text = "---\ntitle: A\ntitel: B\n---\n";
        let problems = read_report(Path::new("a.en.md"), text, &taxonomies()).unwrap_err();
        let shown = problems[0].to_string();
        assert!(shown.contains("a.en.md:3:1"), "{shown}");
        assert!(shown.contains("did you mean `title`"), "{shown}");
    }

    #[test]
    fn all_problems_are_collected() {
        let text = "---\ntitle: A\ndate: yesterday\ndraft: maybe\n---\n";
        let problems = read_report(Path::new("a.en.md"), text, &taxonomies()).unwrap_err();
        assert_eq!(problems.len(), 2);
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
    fn read_leniently_what_is_wrong_is_left_out_and_any_list_is_terms() {
        let text = "---\ntitle: !x A\ndate: yesterday\ndraft: maybe\ntags: [hydrogen, 7, [x], !t ' h2 ', '']\nsource:\n  publisher: P\n  url: javascript:alert(1)\n  note: n\n---\n\nBody\n";
        let read = read_report_leniently(Path::new("seeds/a.md"), text);
        let fm = read.front_matter;
        assert_eq!(fm.title, "A");
        assert_eq!(fm.date, None);
        assert!(!fm.draft);
        assert_eq!(fm.terms["tags"], ["hydrogen", "7", "h2"]);
        assert_eq!(fm.source.publisher.as_deref(), Some("P"));
        assert_eq!(fm.source.url, None);
        assert_eq!((read.body, read.body_line), ("\nBody\n", 11));
        assert!(read.problem.is_none());
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
