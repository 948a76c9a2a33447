//! Dates for readers: each language's own long form from CLDR through ICU4X
//! ("4 December 2019", "4. Dezember 2019", "4 grudnia 2019", "4 décembre 2019").

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_locale_core::Locale;

use crate::model::config::Config;
use crate::model::lang::LangCode;

type Formatter = FixedCalendarDateTimeFormatter<Gregorian, YMD>;

/// A long-date formatter per published language.
pub(crate) struct DateFormats {
    formatters: BTreeMap<LangCode, Formatter>,
}

impl DateFormats {
    /// Builds formatters for the configured languages' locales.
    pub(crate) fn new(config: &Config) -> DateFormats {
        let formatters = config
            .languages
            .iter()
            .filter_map(|language| {
                let locale: Locale = language
                    .locale
                    .parse()
                    .or_else(|_| language.code.as_str().parse())
                    .ok()?;
                let formatter = Formatter::try_new(locale.into(), YMD::long()).ok()?;
                Some((language.code, formatter))
            })
            .collect();
        DateFormats { formatters }
    }

    /// The date in `lang`'s long form; ISO 8601 when the locale has no data.
    pub(crate) fn long(&self, lang: &LangCode, date: NaiveDate) -> String {
        let iso = || date.format("%Y-%m-%d").to_string();
        let Some(formatter) = self.formatters.get(lang) else {
            return iso();
        };
        let (Ok(month), Ok(day)) = (u8::try_from(date.month()), u8::try_from(date.day())) else {
            return iso();
        };
        match Date::try_new_gregorian(date.year(), month, day) {
            Ok(icu_date) => formatter.format(&icu_date).to_string(),
            Err(_) => iso(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn each_language_gets_its_own_long_form() {
        let config = Config::parse(
            Path::new("site.yaml"),
            "base_url: https://x.org/\ntitle: T\nlanguages: [{code: en, locale: en-GB}, {code: de}, {code: pl}, {code: fr}, {code: es}]\n",
        )
        .unwrap();
        let formats = DateFormats::new(&config);
        let date = NaiveDate::from_ymd_opt(2019, 12, 4).unwrap();
        let long = |code: &str| formats.long(&LangCode::parse(code).unwrap(), date);
        assert_eq!(long("en"), "4 December 2019");
        assert_eq!(long("de"), "4. Dezember 2019");
        assert_eq!(long("pl"), "4 grudnia 2019");
        assert_eq!(long("fr"), "4 décembre 2019");
        assert_eq!(long("es"), "4 de diciembre de 2019");
        assert_eq!(
            long("it"),
            "2019-12-04",
            "an unpublished language falls back to ISO"
        );
    }

    #[test]
    fn all_24_eu_languages_have_a_long_form_of_their_own() {
        const EU: [&str; 24] = [
            "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
            "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
        ];
        let languages: Vec<String> = EU.iter().map(|code| format!("{{code: {code}}}")).collect();
        let config = Config::parse(
            Path::new("site.yaml"),
            &format!(
                "base_url: https://x.org/\ntitle: T\nlanguages: [{}]\n",
                languages.join(", ")
            ),
        )
        .unwrap();
        let formats = DateFormats::new(&config);
        let date = NaiveDate::from_ymd_opt(2019, 12, 4).unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for code in EU {
            let long = formats.long(&LangCode::parse(code).unwrap(), date);
            assert!(
                long != "2019-12-04" && long.contains("2019"),
                "{code}: {long}"
            );
            assert!(long.chars().any(char::is_alphabetic), "{code}: {long}");
            seen.insert(long);
        }
        assert!(seen.len() >= 20, "languages share few forms: {seen:?}");
    }
}
