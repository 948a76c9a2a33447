//! Reading the fields of a report's front matter, each by its type ([`Slot`]): strictly,
//! every problem reported at the line of its key and all of them collected; or leniently,
//! what is wrong left out and any other field holding text taken as a taxonomy's terms.

use std::path::Path;

use chrono::NaiveDate;
use serde_yaml::{Mapping, Value};

use super::{FrontMatter, Slot, field, is_web_address, parse_date};
use crate::diagnostics::{Diagnostic, Location, did_you_mean};
use crate::model::site::Source;
use crate::util::yaml;

/// What a problem in a field does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// It is reported; unknown fields are problems.
    Strict,
    /// The field is left out; unknown fields holding text are taken as terms.
    Lenient,
}

/// Reads typed fields out of the mapping, collecting every problem rather than the first.
pub(super) struct FieldReader<'a> {
    path: &'a Path,
    text: &'a str,
    yaml: &'a str,
    mode: Mode,
    problems: Vec<Diagnostic>,
}

impl<'a> FieldReader<'a> {
    pub(super) fn new(path: &'a Path, text: &'a str, yaml: &'a str, mode: Mode) -> Self {
        FieldReader {
            path,
            text,
            yaml,
            mode,
            problems: Vec::new(),
        }
    }

    /// The fields of `mapping` (the YAML between the fences), and the problems found.
    pub(super) fn read(
        mut self,
        mapping: &Mapping,
        taxonomies: &[String],
    ) -> (FrontMatter, Vec<Diagnostic>) {
        let mut front_matter = FrontMatter::default();
        for (key, value) in mapping {
            let Some(key) = key.as_str() else {
                self.problem("a front matter key must be text", "", None);
                continue;
            };
            self.read_field(&mut front_matter, key, value, taxonomies);
        }
        let untitled = front_matter.title.trim().is_empty() && !mapping.contains_key(field::TITLE);
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
    use super::super::{read_report, read_report_leniently};
    use super::*;

    fn taxonomies() -> Vec<String> {
        vec!["sectors".to_owned()]
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
}
