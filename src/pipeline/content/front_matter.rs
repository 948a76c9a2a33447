//! Front matter of one report file: split the YAML block from the Markdown body, then read
//! each field with its type checked, pointing every problem at the line of its key.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde_yaml::{Mapping, Value};

use crate::diagnostics::{Diagnostic, Location, did_you_mean};
use crate::model::site::Source;
use crate::util::yaml;

/// The fields newsroom itself defines; taxonomy names from `site.yaml` come on top.
pub(crate) const KNOWN_FIELDS: &[&str] = &[
    "title",
    "lang",
    "event",
    "date",
    "summary",
    "source",
    "translation_key",
    "draft",
    "slug",
];

/// The front matter of a report, typed.
#[derive(Debug, Default)]
pub(crate) struct FrontMatter {
    pub(crate) title: String,
    pub(crate) lang: Option<String>,
    pub(crate) event: Option<String>,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) summary: Option<String>,
    pub(crate) source: Source,
    pub(crate) translation_key: Option<String>,
    pub(crate) draft: bool,
    pub(crate) slug: Option<String>,
    pub(crate) terms: BTreeMap<String, Vec<String>>,
}

/// A report file split into its parts.
#[derive(Debug)]
pub(crate) struct Parsed<'a> {
    pub(crate) front_matter: FrontMatter,
    pub(crate) body: &'a str,
}

/// Parses a report file. `taxonomies` are the extra keys `site.yaml` allows.
pub(crate) fn parse<'a>(
    path: &Path,
    text: &'a str,
    taxonomies: &[String],
) -> Result<Parsed<'a>, Vec<Diagnostic>> {
    let block = yaml::split_front_matter(text).ok_or_else(|| {
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
    let reader = FieldReader {
        path,
        text,
        yaml: block.yaml,
        problems: Vec::new(),
    };
    let front_matter = reader.read(&mapping, taxonomies)?;
    Ok(Parsed {
        front_matter,
        body: block.body,
    })
}

/// Reads typed fields out of the mapping, collecting every problem rather than the first.
struct FieldReader<'a> {
    path: &'a Path,
    text: &'a str,
    yaml: &'a str,
    problems: Vec<Diagnostic>,
}

impl FieldReader<'_> {
    fn read(
        mut self,
        mapping: &Mapping,
        taxonomies: &[String],
    ) -> Result<FrontMatter, Vec<Diagnostic>> {
        let mut front_matter = FrontMatter::default();
        for (key, value) in mapping {
            let Some(key) = key.as_str() else {
                self.problem("a front matter key must be text", "", None);
                continue;
            };
            self.read_field(&mut front_matter, key, value, taxonomies);
        }
        if front_matter.title.trim().is_empty() && !mapping.contains_key("title") {
            self.problems.push(
                Diagnostic::error("the report has no `title`")
                    .at(Location::in_source(self.path, self.text, 1, 1))
                    .hint("add a line `title: ...` to the front matter"),
            );
        }
        if self.problems.is_empty() {
            Ok(front_matter)
        } else {
            Err(self.problems)
        }
    }

    fn read_field(
        &mut self,
        fm: &mut FrontMatter,
        key: &str,
        value: &Value,
        taxonomies: &[String],
    ) {
        match key {
            "title" => {
                if let Some(title) = self.text_field(key, value) {
                    if title.trim().is_empty() {
                        self.problem("`title` is empty", key, Some("write the report's title"));
                    }
                    fm.title = title;
                }
            }
            "lang" => fm.lang = self.text_field(key, value),
            "event" => fm.event = self.text_field(key, value),
            "summary" => fm.summary = self.optional_text(key, value),
            "translation_key" => fm.translation_key = self.text_field(key, value),
            "slug" => fm.slug = self.text_field(key, value),
            "date" => fm.date = self.date_field(key, value),
            "draft" => match value {
                Value::Bool(draft) => fm.draft = *draft,
                _ => self.problem(
                    "`draft` must be true or false",
                    key,
                    Some("write `draft: true` or `draft: false`, or leave the field out"),
                ),
            },
            "source" => match serde_yaml::from_value::<Source>(value.clone()) {
                Ok(source)
                    if source
                        .url
                        .as_deref()
                        .is_some_and(|url| !is_web_address(url)) =>
                {
                    let (line, column) =
                        yaml::nested_key_position(self.yaml, key, "url").unwrap_or((1, 1));
                    self.problem_at(
                        "`source.url` must be a web address starting with https:// or http://",
                        (line, column),
                        Some("the original's address is linked from the report's page; other schemes (javascript:, data:, file:) are never linked"),
                    );
                }
                Ok(source) => fm.source = source,
                Err(error) => self.problem(
                    &format!("`source` is not valid: {error}"),
                    key,
                    Some("write `source:` with the optional fields `file`, `publisher` and `url`"),
                ),
            },
            _ if taxonomies.iter().any(|name| name == key) => {
                if let Some(terms) = self.terms_field(key, value) {
                    fm.terms.insert(key.to_owned(), terms);
                }
            }
            _ => {
                let candidates = KNOWN_FIELDS
                    .iter()
                    .copied()
                    .chain(taxonomies.iter().map(String::as_str));
                let hint = match did_you_mean(key, candidates) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!(
                        "known fields are {}, and the taxonomies of site.yaml ({})",
                        KNOWN_FIELDS.join(", "),
                        taxonomies.join(", ")
                    ),
                };
                self.problem(&format!("unknown field `{key}`"), key, Some(&hint));
            }
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

    fn optional_text(&mut self, key: &str, value: &Value) -> Option<String> {
        match value {
            Value::Null => None,
            _ => self.text_field(key, value),
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

    fn terms_field(&mut self, key: &str, value: &Value) -> Option<Vec<String>> {
        let items = match value {
            Value::Null => return Some(Vec::new()),
            Value::String(term) => return Some(vec![term.clone()]),
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
        Some(terms)
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

/// A date as content writes it: `YYYY-MM-DD`, a four-digit year. chrono alone also takes
/// `+262142-12-31` or `-0001-01-01`, which no feed or sitemap can carry (RFC 3339 years have
/// four digits).
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit());
    shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
}

/// An absolute http(s) URL: the only kind a page links to as a report's source.
pub(crate) fn is_web_address(url: &str) -> bool {
    let url = url.trim_start();
    let starts_with = |scheme: &str| {
        url.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    };
    starts_with("https://") || starts_with("http://")
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

        /// Whatever an editor types between the fences, parsing ends in fields or problems.
        #[test]
        fn front_matter_parsing_never_panics(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
            noise in ".{0,40}",
        ) {
            let yaml: String = pieces.concat() + &noise;
            let text = format!("---\n{yaml}\n---\nBody.\n");
            let first = parse(Path::new("r.en.md"), &text, &taxonomies())
                .map(|parsed| format!("{:?}", parsed.front_matter));
            let again = parse(Path::new("r.en.md"), &text, &taxonomies())
                .map(|parsed| format!("{:?}", parsed.front_matter));
            proptest::prop_assert_eq!(first, again);
        }

        /// Any text at all, fenced or not.
        #[test]
        fn any_file_text_parses_or_fails_without_panicking(text in "(---\n)?\\PC{0,200}(\n---\n)?.{0,20}") {
            let _ = parse(Path::new("r.en.md"), &text, &taxonomies());
        }
    }

    #[test]
    fn dates_have_four_digit_years_and_exist() {
        assert!(parse_date("2024-05-14").is_some());
        for bad in [
            "+262142-12-31",
            "-0001-01-01",
            "2024-5-14",
            "1900-02-29",
            "2024-13-01",
            "20240514",
            "２０２４-05-14",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_every_field() {
        let text = "---\ntitle: \"Meeting: 50 clusters\"\nlang: en\ndate: 2019-12-04\nsectors: [energy, health]\nsource:\n  file: seeds/a.txt\ndraft: true\n---\nBody\n";
        let parsed = parse(Path::new("a.en.md"), text, &taxonomies()).unwrap();
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
        let problems = parse(Path::new("a.en.md"), text, &taxonomies()).unwrap_err();
        let shown = problems[0].to_string();
        assert!(shown.contains("a.en.md:3:1"), "{shown}");
        assert!(shown.contains("did you mean `title`"), "{shown}");
    }

    #[test]
    fn all_problems_are_collected() {
        let text = "---\ntitle: A\ndate: yesterday\ndraft: maybe\n---\n";
        let problems = parse(Path::new("a.en.md"), text, &taxonomies()).unwrap_err();
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn a_missing_title_or_fence_is_an_error() {
        assert!(parse(Path::new("a.md"), "---\nlang: en\n---\n", &taxonomies()).is_err());
        assert!(parse(Path::new("a.md"), "title: A\n", &taxonomies()).is_err());
        assert!(parse(Path::new("a.md"), "---\ntitle: A\n", &taxonomies()).is_err());
    }

    #[test]
    fn syntax_errors_name_the_file_line() {
        let text = "---\ntitle: A\nlang: [en\n---\n";
        let problems = parse(Path::new("a.en.md"), text, &taxonomies()).unwrap_err();
        let location = problems[0].location.as_ref().unwrap();
        assert!(location.line >= 3, "{location:?}");
        assert!(location.source_line.is_some());
    }
}
