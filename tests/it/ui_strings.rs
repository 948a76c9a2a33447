//! The default theme's UI strings in the 24 official EU languages: every language has a Fluent
//! file with exactly the messages of en.ftl, its counts take the right CLDR plural forms, and a
//! site published in all of them builds without falling back to English anywhere.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::*;
use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry;
use newsroom::model::config::Config;
use newsroom::model::lang::{KNOWN_LANGUAGES, KnownLanguage, LangCode};
use newsroom::pipeline::render::{Arg, Strings, Theme};

/// Counts every language must format without error.
const COUNTS: [u32; 10] = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101];

/// Counts and what they must read as.
type Forms = &'static [(u32, &'static str)];

/// Exact forms for languages whose plural rules are easy to get wrong.
const EXPECTED: &[(&str, &str, Forms)] = &[
    ("en", "report-count", &[(1, "1 report"), (5, "5 reports")]),
    ("de", "report-count", &[(1, "1 Bericht"), (5, "5 Berichte")]),
    (
        "pl",
        "report-count",
        &[
            (1, "1 relacja"),
            (3, "3 relacje"),
            (5, "5 relacji"),
            (22, "22 relacje"),
        ],
    ),
    (
        "cs",
        "report-count",
        &[(1, "1 zpráva"), (3, "3 zprávy"), (5, "5 zpráv")],
    ),
    // CLDR puts 0 in French `one`.
    (
        "fr",
        "report-count",
        &[
            (0, "0 compte rendu"),
            (1, "1 compte rendu"),
            (2, "2 comptes rendus"),
        ],
    ),
    // 22 and 111 are where Fluent's own plural rules go wrong; PLURAL() gets them right.
    (
        "lt",
        "report-count",
        &[
            (1, "1 reportažas"),
            (3, "3 reportažai"),
            (10, "10 reportažų"),
            (21, "21 reportažas"),
            (22, "22 reportažai"),
            (111, "111 reportažų"),
        ],
    ),
    (
        "ga",
        "report-count",
        &[
            (1, "1 tuairisc"),
            (2, "2 thuairisc"),
            (3, "3 thuairisc"),
            (7, "7 dtuairisc"),
            (11, "11 tuairisc"),
        ],
    ),
    ("ga", "event-count", &[(7, "7 n-imeacht")]),
    (
        "ro",
        "report-count",
        &[
            (1, "1 articol"),
            (19, "19 articole"),
            (20, "20 de articole"),
            (101, "101 articole"),
            (120, "120 de articole"),
        ],
    ),
    (
        "lv",
        "report-count",
        &[
            (0, "0 rakstu"),
            (21, "21 raksts"),
            (111, "111 rakstu"),
            (22, "22 raksti"),
        ],
    ),
];

fn eu_languages() -> Vec<&'static KnownLanguage> {
    let languages: Vec<_> = KNOWN_LANGUAGES
        .iter()
        .filter(|language| language.official_eu)
        .collect();
    assert_eq!(languages.len(), 24, "the EU has 24 official languages");
    languages
}

fn ftl_path(code: &str) -> PathBuf {
    repo()
        .join("themes/default/i18n")
        .join(format!("{code}.ftl"))
}

/// The parsed Fluent file of a language; panics naming the file if it is missing or broken.
fn resource(code: &str) -> FluentResource {
    let path = ftl_path(code);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    FluentResource::try_new(text)
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()))
}

fn message_ids(resource: &FluentResource) -> BTreeSet<&str> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name),
            _ => None,
        })
        .collect()
}

/// `site.yaml` of a site published in every official EU language.
fn eu_site_yaml() -> String {
    let entries: Vec<String> = eu_languages()
        .iter()
        .map(|language| format!("{{code: {}}}", language.code))
        .collect();
    format!(
        "base_url: https://clusters.example.eu/\ntitle: Cluster News\n\
         default_language: en\nlanguages: [{}]\n\
         taxonomies: [sectors, countries, organisations, tags]\n",
        entries.join(", ")
    )
}

/// The UI strings as the site loads them: the built-in theme, every EU language.
fn eu_strings() -> Strings {
    let config = Config::parse(Path::new("site.yaml"), &eu_site_yaml()).unwrap();
    let empty_site = tempfile::tempdir().unwrap();
    let theme = Theme::load(empty_site.path(), &config).unwrap();
    Strings::load(&theme, &config).unwrap()
}

/// Formats `key` in `code`, with `$count` if given (a number, as templates pass it).
fn format(strings: &Strings, code: &str, key: &str, count: Option<u32>) -> String {
    let lang = LangCode::parse(code).unwrap();
    let args: Vec<(&str, Arg<'_>)> = count
        .map(|count| ("count", Arg::Number(f64::from(count))))
        .into_iter()
        .collect();
    strings.get(&lang, key, &args)
}

#[test]
fn every_eu_language_has_exactly_the_messages_of_english() {
    let english = resource("en");
    let wanted = message_ids(&english);
    for language in eu_languages() {
        let resource = resource(language.code);
        let ids = message_ids(&resource);
        let missing: Vec<_> = wanted.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&wanted).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, not in en.ftl {extra:?}",
            ftl_path(language.code).display()
        );
    }
}

#[test]
fn counts_take_the_plural_forms_of_each_language() {
    let strings = eu_strings();
    for language in eu_languages() {
        for key in ["report-count", "event-count"] {
            for count in COUNTS {
                let text = format(&strings, language.code, key, Some(count));
                assert!(
                    text.contains(&count.to_string()),
                    "{} {key}({count}) = {text:?} does not show the number",
                    language.code
                );
            }
        }
    }
    for (code, key, forms) in EXPECTED {
        for (count, expected) in *forms {
            assert_eq!(
                format(&strings, code, key, Some(*count)),
                *expected,
                "{code} {key}({count})"
            );
        }
    }
    let fallbacks: Vec<String> = strings.warnings().iter().map(ToString::to_string).collect();
    assert!(fallbacks.is_empty(), "{fallbacks:#?}");
}

#[test]
fn a_site_in_all_eu_languages_builds_without_missing_ui_strings() {
    let languages = eu_languages();
    let site = tempfile::tempdir().unwrap();
    let codes: Vec<&str> = languages.iter().map(|language| language.code).collect();
    std::fs::write(site.path().join("site.yaml"), eu_site_yaml()).unwrap();
    // No date: the event page shows "date not known"; the reports have one, and a source.
    let event = site.path().join("content/cluster-matchmaking-days");
    std::fs::create_dir_all(&event).unwrap();
    std::fs::write(event.join("_event.yaml"), "date: null\nplace: Brussels\n").unwrap();
    for code in &codes {
        std::fs::write(
            event.join(format!("matchmaking.{code}.md")),
            "---\ntitle: Cluster matchmaking days\ndate: 2024-05-02\nsectors: [energy]\n\
             countries: [Belgium]\norganisations: [ECCP]\ntags: [matchmaking]\n\
             source:\n  publisher: European Cluster Collaboration Platform\n---\n\n\
             Forty clusters met in Brussels.\n",
        )
        .unwrap();
    }
    let output = newsroom(site.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the build failed:\n{stderr}");
    assert!(
        !stderr.contains("UI string"),
        "UI strings fell back to English:\n{stderr}"
    );
    let strings = eu_strings();
    for language in languages {
        let home = site
            .path()
            .join("public")
            .join(language.code)
            .join("index.html");
        let html = std::fs::read_to_string(&home)
            .unwrap_or_else(|error| panic!("{}: {error}", home.display()));
        let skip = format(&strings, language.code, "skip-to-content", None);
        assert!(
            html.contains(&skip),
            "{} does not show {skip:?}",
            home.display()
        );
    }
}
