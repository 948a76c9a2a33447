//! Calendar words from CLDR through ICU4X, for all 24 EU languages: month names in the
//! forms dates are written in (the genitive "grudnia", the inflected "märtsil"), and the
//! weekday names date lines carry.

use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::enums::DateFieldSet;
use icu_datetime::pattern::{
    DateTimePattern, FixedCalendarDateTimeNames, MonthNameLength, WeekdayNameLength,
};
use icu_locale_core::Locale;
use rustc_hash::{FxHashMap, FxHashSet};
use writeable::TryWriteable;

use crate::model::lang::KNOWN_LANGUAGES;

/// Month names (wide and abbreviated, format and stand-alone) of every known language,
/// and the weekday names that date lines carry ("Tuesday, 20 August 2019").
#[derive(Debug)]
pub(crate) struct MonthNames {
    /// Lower-case name (no trailing dot) → (language, month 1–12).
    names: FxHashMap<String, Vec<(&'static str, u32)>>,
    /// Wide weekday names of every known language, lower case.
    weekdays: FxHashSet<String>,
    /// Wide names of the languages that inflect them, lower case, with their month.
    inflecting: FxHashMap<&'static str, Vec<(String, u32)>>,
}

impl MonthNames {
    pub(super) fn from_cldr() -> MonthNames {
        let lengths = [
            (MonthNameLength::Wide, "MMMM"),
            (MonthNameLength::StandaloneWide, "LLLL"),
            (MonthNameLength::Abbreviated, "MMM"),
            (MonthNameLength::StandaloneAbbreviated, "LLL"),
        ];
        let mut names: FxHashMap<String, Vec<(&'static str, u32)>> = FxHashMap::default();
        let mut weekdays = FxHashSet::default();
        let mut inflecting: FxHashMap<&'static str, Vec<(String, u32)>> = FxHashMap::default();
        for language in KNOWN_LANGUAGES {
            let Ok(locale) = language.code.parse::<Locale>() else {
                continue;
            };
            for (length, pattern) in [
                (WeekdayNameLength::Wide, "EEEE"),
                (WeekdayNameLength::StandaloneWide, "cccc"),
            ] {
                weekdays.extend(
                    weekday_names(&locale, length, pattern)
                        .iter()
                        .map(|name| name.to_lowercase()),
                );
            }
            for (length, pattern) in lengths {
                for (month, name) in month_names(&locale, length, pattern)
                    .into_iter()
                    .enumerate()
                {
                    let name = name.trim_end_matches('.').to_lowercase();
                    // English short names like "may" also arrive through the long form.
                    if name.chars().count() < 3 {
                        continue;
                    }
                    let entry = (language.code, month as u32 + 1);
                    if INFLECTING.contains(&language.code)
                        && matches!(
                            length,
                            MonthNameLength::Wide | MonthNameLength::StandaloneWide
                        )
                    {
                        inflecting
                            .entry(language.code)
                            .or_default()
                            .push((name.clone(), entry.1));
                    }
                    for name in with_short_genitive(name, language.code) {
                        let list = names.entry(name).or_default();
                        if !list.contains(&entry) {
                            list.push(entry);
                        }
                    }
                }
            }
        }
        MonthNames {
            names,
            weekdays,
            inflecting,
        }
    }

    /// Whether `word` is a weekday's name in a known language.
    pub(crate) fn is_weekday(&self, word: &str) -> bool {
        self.weekdays.contains(&word.to_lowercase())
    }

    /// Whether `name` is a month name of `lang`.
    pub(crate) fn is_name_in(&self, name: &str, lang: &str) -> bool {
        let key = name.trim_end_matches('.').to_lowercase();
        self.names
            .get(&key)
            .is_some_and(|meanings| meanings.iter().any(|(code, _)| *code == lang))
            || self.inflected(&key, lang).is_some()
    }

    /// Whether `name` is a month's name in some known language.
    pub(crate) fn is_any_month(&self, name: &str) -> bool {
        self.names
            .contains_key(&name.trim_end_matches('.').to_lowercase())
    }

    /// The month a name means in `lang`; in another language only if all languages agree.
    pub(crate) fn month(&self, name: &str, lang: Option<&str>) -> Option<u32> {
        let key = name.trim_end_matches('.').to_lowercase();
        let Some(meanings) = self.names.get(&key) else {
            return lang.and_then(|lang| self.inflected(&key, lang));
        };
        if let Some(lang) = lang
            && let Some((_, month)) = meanings.iter().find(|(code, _)| *code == lang)
        {
            return Some(*month);
        }
        let first = meanings.first()?.1;
        meanings
            .iter()
            .all(|(_, month)| *month == first)
            .then_some(first)
    }

    /// The month an inflected form of a wide name means in `lang` ("märtsil", "in March",
    /// of "märts"; "maaliskuussa" of "maaliskuuta"; "martā" of "marts"): the name its
    /// longest beginning is shared with, at least all but its last two letters, and one
    /// month only.
    fn inflected(&self, word: &str, lang: &str) -> Option<u32> {
        if !word.chars().all(char::is_alphabetic) {
            return None;
        }
        let names = self.inflecting.get(lang)?;
        let word_letters = word.chars().count();
        let mut best: Option<(usize, u32)> = None;
        let mut tied = false;
        for (name, month) in names {
            let letters = name.chars().count();
            let shared = shared_prefix(word, name);
            let fits = shared >= MIN_STEM
                && shared + MAX_NAME_CHANGE >= letters
                && word_letters <= letters + MAX_ENDING;
            if !fits {
                continue;
            }
            match best {
                Some((length, other)) if length == shared && other != *month => tied = true,
                Some((length, _)) if length >= shared => {}
                _ => {
                    best = Some((shared, *month));
                    tied = false;
                }
            }
        }
        best.filter(|_| !tied).map(|(_, month)| month)
    }
}

/// Languages that inflect month names beyond the forms CLDR gives: Finnic, Hungarian,
/// Baltic and Slovenian ("30-31. märtsil", "maaliskuussa", "márciusban", "30. martā",
/// "7. junija", of which CLDR has only "junij").
const INFLECTING: &[&str] = &["et", "fi", "hu", "lt", "lv", "sl"];
/// Letters of a name its inflected form may change at its end ("marts" → "martā").
const MAX_NAME_CHANGE: usize = 2;
/// Letters a case ending may add.
const MAX_ENDING: usize = 4;
/// Letters an inflected form shares with its name at least ("mai" → "mail").
const MIN_STEM: usize = 3;

/// Languages whose adjectival genitive is written long or short alike, "studenoga" and
/// "studenog" (of November), where CLDR gives the long one only.
const SHORT_GENITIVE: &[&str] = &["hr"];

/// A month name, and its short genitive where the language writes one.
fn with_short_genitive(name: String, lang: &str) -> Vec<String> {
    let short = name
        .strip_suffix("oga")
        .filter(|_| SHORT_GENITIVE.contains(&lang))
        .map(|stem| format!("{stem}og"));
    let mut names = vec![name];
    names.extend(short);
    names
}

/// How many letters two words begin with alike.
fn shared_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn month_names(locale: &Locale, length: MonthNameLength, pattern: &str) -> Vec<String> {
    // The first of each month of 2020 names each month once.
    let firsts = (1..=12u8).filter_map(|month| Date::try_new_gregorian(2020, month, 1).ok());
    calendar_names(locale, pattern, firsts, |names| {
        names.include_month_names(length).is_ok()
    })
}

fn weekday_names(locale: &Locale, length: WeekdayNameLength, pattern: &str) -> Vec<String> {
    // 1 to 7 June 2020 ran from Monday to Sunday.
    let week = (1..=7u8).filter_map(|day| Date::try_new_gregorian(2020, 6, day).ok());
    calendar_names(locale, pattern, week, |names| {
        names.include_weekday_names(length).is_ok()
    })
}

/// Each of `dates` formatted in `locale` with a pattern of one field ("MMMM", "EEEE"),
/// once `include` has loaded that field's names.
fn calendar_names(
    locale: &Locale,
    pattern: &str,
    dates: impl Iterator<Item = Date<Gregorian>>,
    include: impl FnOnce(&mut FixedCalendarDateTimeNames<Gregorian, DateFieldSet>) -> bool,
) -> Vec<String> {
    let Ok(mut names) =
        FixedCalendarDateTimeNames::<Gregorian, DateFieldSet>::try_new(locale.clone().into())
    else {
        return Vec::new();
    };
    let Ok(pattern) = pattern.parse::<DateTimePattern>() else {
        return Vec::new();
    };
    if !include(&mut names) {
        return Vec::new();
    }
    let formatter = names.with_pattern_unchecked(&pattern);
    dates
        .filter_map(|date| {
            formatter
                .format(&date)
                .try_write_to_string()
                .ok()
                .map(|name| name.into_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_come_from_cldr_for_all_languages() {
        let months = MonthNames::from_cldr();
        assert_eq!(months.month("grudnia", Some("pl")), Some(12));
        assert_eq!(months.month("Dezember", None), Some(12));
        assert_eq!(months.month("déc.", None), Some(12));
        assert_eq!(months.month("Oktober", Some("de")), Some(10));
        // "listopad" is November in Polish and Czech but October in Croatian.
        assert_eq!(months.month("listopad", Some("pl")), Some(11));
        assert_eq!(months.month("listopad", Some("hr")), Some(10));
        assert_eq!(months.month("listopad", None), None);
        for lang in KNOWN_LANGUAGES.iter().filter(|l| l.official_eu) {
            let count = months
                .names
                .values()
                .flatten()
                .filter(|(code, _)| *code == lang.code)
                .count();
            assert!(count >= 12, "{} has {count} month names", lang.code);
        }
    }

    #[test]
    fn inflected_month_names_are_read_in_their_language() {
        let months = MonthNames::from_cldr();
        let cases = [
            ("märtsil", "et", 3),
            ("mail", "et", 5),
            ("juunil", "et", 6),
            ("juulis", "et", 7),
            ("maaliskuussa", "fi", 3),
            ("kesäkuun", "fi", 6),
            ("márciusban", "hu", 3),
            ("martā", "lv", 3),
            // A short genitive CLDR does not give.
            ("studenog", "hr", 11),
            ("jūnijā", "lv", 6),
            ("jūlijā", "lv", 7),
            ("junija", "sl", 6),
            ("julija", "sl", 7),
            ("marca", "sl", 3),
            ("septembra", "sl", 9),
        ];
        for (word, lang, month) in cases {
            assert_eq!(
                months.month(word, Some(lang)),
                Some(month),
                "{word} ({lang})"
            );
            assert!(months.is_name_in(word, lang), "{word} ({lang})");
        }
        // Only in the language that inflects them, and never a word merely like one.
        assert_eq!(months.month("märtsil", Some("de")), None);
        assert_eq!(months.month("mail", Some("en")), None);
        assert_eq!(months.month("maailma", Some("fi")), None);
        assert_eq!(months.month("juu", Some("et")), None);
        assert_eq!(months.month("november 20", Some("hu")), None);
    }
}
