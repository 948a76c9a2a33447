//! UI strings: the theme's Fluent files (`i18n/<lang>.ftl`, site overrides on top), looked up
//! per page language with CLDR plural rules. A key missing in a language falls back to the
//! default language and is reported once; a key missing everywhere shows the key, never a blank.
//!
//! Plural forms are selected with `PLURAL($count)`, backed by ICU4X's CLDR data: Fluent's
//! built-in selection (`{ $count -> ... }`) uses older rules that drop the modulo of range
//! conditions, so "22" would read as "other" in Lithuanian instead of "few".

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use icu_plurals::{PluralCategory, PluralRules};
use unic_langid::LanguageIdentifier;

use crate::diagnostics::{Diagnostic, Location};
use crate::model::config::Config;
use crate::model::lang::LangCode;
use crate::pipeline::render::theme::{Theme, ThemeFile};

type Bundle = FluentBundle<FluentResource>;

/// The UI strings of every published language.
pub struct Strings {
    bundles: BTreeMap<LangCode, Bundle>,
    /// Per language, the messages that read the same whatever the page, formatted once:
    /// a page asks for a dozen of them, and 20,000 pages would format them again each time.
    fixed: BTreeMap<LangCode, HashMap<String, String>>,
    default_language: LangCode,
    missing: Mutex<BTreeSet<(LangCode, String)>>,
}

/// A value passed to a Fluent message.
pub enum Arg<'a> {
    /// A number: selects plural forms.
    Number(f64),
    /// Text.
    Text(&'a str),
}

impl Strings {
    /// Builds one bundle per configured language from the theme's Fluent files.
    pub fn load(theme: &Theme, config: &Config) -> Result<Strings, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut bundles = BTreeMap::new();
        let mut fixed = BTreeMap::new();
        for language in &config.languages {
            let locale: LanguageIdentifier = language
                .locale
                .parse()
                .or_else(|_| language.code.as_str().parse())
                .unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![locale]);
            // Isolation marks would end up inside titles and attributes; pages set `dir` instead.
            bundle.set_use_isolating(false);
            add_plural_function(&mut bundle, &language.locale, language.code.as_str());
            let mut ids = BTreeSet::new();
            for file in theme.i18n_files(&language.code) {
                if let Some(resource) = parse_resource(file, &mut problems) {
                    ids.extend(message_ids(&resource));
                    bundle.add_resource_overriding(resource);
                }
            }
            fixed.insert(language.code, fixed_messages(&bundle, &ids));
            bundles.insert(language.code, bundle);
        }
        if problems.is_empty() {
            Ok(Strings {
                bundles,
                fixed,
                default_language: config.default_language,
                missing: Mutex::new(BTreeSet::new()),
            })
        } else {
            Err(problems)
        }
    }

    /// The string `key` in `lang`, formatted with `args`.
    pub fn get(&self, lang: &LangCode, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        if args.is_empty()
            && let Some(text) = self.fixed.get(lang).and_then(|fixed| fixed.get(key))
        {
            return text.clone();
        }
        if let Some(text) = self.format(lang, key, args) {
            return text;
        }
        self.note_missing(lang, key);
        if lang != &self.default_language
            && let Some(text) = self.format(&self.default_language, key, args)
        {
            return text;
        }
        key.to_owned()
    }

    fn format(&self, lang: &LangCode, key: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        let bundle = self.bundles.get(lang)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Number(number) => FluentValue::from(*number),
                Arg::Text(text) => FluentValue::from(*text),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    fn note_missing(&self, lang: &LangCode, key: &str) {
        // A poisoned lock only means another render thread panicked; the set is still usable.
        let mut missing = self
            .missing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        missing.insert((*lang, key.to_owned()));
    }

    /// One warning per missing (language, key), in a stable order.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        let missing = self
            .missing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        missing
            .iter()
            .map(|(lang, key)| {
                Diagnostic::warning(format!(
                    "UI string `{key}` is missing in `{lang}`; the `{}` text was used",
                    self.default_language
                ))
                .hint(format!(
                    "add `{key} = ...` to i18n/{lang}.ftl in the theme or the site"
                ))
            })
            .collect()
    }
}

/// The ids of the messages a Fluent file defines.
fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The messages among `ids` that format without arguments: their text is the same on
/// every page.
fn fixed_messages(bundle: &Bundle, ids: &BTreeSet<String>) -> HashMap<String, String> {
    ids.iter()
        .filter_map(|id| {
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            errors.is_empty().then(|| (id.clone(), text.into_owned()))
        })
        .collect()
}

/// `PLURAL($n)`: the CLDR plural category of an integer `n` in the bundle's locale, as text
/// a select expression matches against its `[one]`, `[few]`... keys. Other values pass
/// through unchanged, so Fluent's own selection still applies to them.
fn add_plural_function(bundle: &mut Bundle, locale: &str, code: &str) {
    let parsed: Option<icu_locale_core::Locale> = locale.parse().or_else(|_| code.parse()).ok();
    let rules = parsed.and_then(|locale| PluralRules::try_new_cardinal(locale.into()).ok());
    // The name is not taken in a fresh bundle, so adding it cannot fail.
    let _ = bundle.add_function("PLURAL", move |positional, _named| {
        let Some(value) = positional.first() else {
            return FluentValue::Error;
        };
        let category = match (value, &rules) {
            (FluentValue::Number(number), Some(rules)) if number.value.fract() == 0.0 => {
                // Counts are far below 2^53: the conversion is exact.
                #[allow(clippy::cast_possible_truncation)]
                let integer = number.value as i64;
                rules.category_for(integer)
            }
            _ => return value.clone(),
        };
        FluentValue::from(category_name(category))
    });
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

fn parse_resource(file: &ThemeFile, problems: &mut Vec<Diagnostic>) -> Option<FluentResource> {
    let text = match std::str::from_utf8(&file.bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            problems.push(Diagnostic::error("the Fluent file is not UTF-8").in_file(&file.origin));
            return None;
        }
    };
    match FluentResource::try_new(text) {
        Ok(resource) => Some(resource),
        Err((_, errors)) => {
            let source = String::from_utf8_lossy(&file.bytes);
            for error in errors {
                // The slice starts at the broken entry; the position is where parsing gave up.
                let at = error
                    .slice
                    .as_ref()
                    .map_or(error.pos.start, |slice| slice.start);
                problems.push(fluent_diagnostic(
                    &file.origin,
                    &source,
                    at,
                    &error.kind.to_string(),
                ));
            }
            None
        }
    }
}

fn fluent_diagnostic(path: &Path, source: &str, offset: usize, message: &str) -> Diagnostic {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) + 1;
    Diagnostic::error(format!("Fluent syntax error: {message}"))
        .at(Location::in_source(path, source, line, column))
        .hint("see https://projectfluent.org/fluent/guide/ for the syntax")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(files: &[(&str, &str)]) -> Strings {
        let config = Config::parse(
            Path::new("site.yaml"),
            "base_url: https://x.org/\ntitle: T\nlanguages: [{code: en}, {code: pl}]\n",
        )
        .unwrap();
        let theme = Theme::from_memory(files);
        Strings::load(&theme, &config).unwrap()
    }

    #[test]
    fn polish_plurals_follow_cldr() {
        let ftl = "reports = { PLURAL($count) ->\n    [one] { $count } raport\n    [few] { $count } raporty\n   *[many] { $count } raportów\n}\n";
        let strings = strings(&[("i18n/pl.ftl", ftl), ("i18n/en.ftl", "reports = reports\n")]);
        let pl = LangCode::parse("pl").unwrap();
        let count = |n: f64| strings.get(&pl, "reports", &[("count", Arg::Number(n))]);
        assert_eq!(count(1.0), "1 raport");
        assert_eq!(count(3.0), "3 raporty");
        assert_eq!(count(5.0), "5 raportów");
        assert_eq!(count(22.0), "22 raporty");
    }

    #[test]
    fn plural_follows_current_cldr_where_fluents_own_rules_do_not() {
        let config = Config::parse(
            Path::new("site.yaml"),
            "base_url: https://x.org/\ntitle: T\nlanguages: [{code: lt}]\n",
        )
        .unwrap();
        let ftl = "n = { PLURAL($count) ->\n    [one] one\n    [few] few\n    [many] many\n   *[other] other\n}\n";
        let strings = Strings::load(&Theme::from_memory(&[("i18n/lt.ftl", ftl)]), &config).unwrap();
        let lt = LangCode::parse("lt").unwrap();
        let get = |key: &str, n: f64| strings.get(&lt, key, &[("count", Arg::Number(n))]);
        let categories: Vec<String> = [1.0, 3.0, 10.0, 21.0, 22.0, 111.0, 1.5]
            .into_iter()
            .map(|n| get("n", n))
            .collect();
        // 22 is what PLURAL() is for: Fluent's own selection says "other".
        assert_eq!(
            categories,
            ["one", "few", "other", "one", "few", "other", "many"]
        );
    }

    #[test]
    fn missing_keys_fall_back_once_with_a_warning() {
        let strings = strings(&[("i18n/en.ftl", "home = Home\n"), ("i18n/pl.ftl", "")]);
        let pl = LangCode::parse("pl").unwrap();
        assert_eq!(strings.get(&pl, "home", &[]), "Home");
        assert_eq!(strings.get(&pl, "home", &[]), "Home");
        assert_eq!(strings.get(&pl, "nowhere", &[]), "nowhere");
        assert_eq!(strings.warnings().len(), 2);
    }

    #[test]
    fn syntax_errors_point_at_the_line() {
        let config = Config::parse(
            Path::new("site.yaml"),
            "base_url: https://x.org/\ntitle: T\nlanguages: [{code: en}]\n",
        )
        .unwrap();
        let theme = Theme::from_memory(&[("i18n/en.ftl", "home = Home\nbroken = {\n")]);
        let problems = Strings::load(&theme, &config).err().unwrap();
        assert_eq!(problems[0].location.as_ref().unwrap().line, 2);
    }
}
