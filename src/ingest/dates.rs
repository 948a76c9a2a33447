//! Dates in running text, in the forms EU languages write them: "04/12/2019", "4.12.2019",
//! "2019-12-04", "4 grudnia 2019", "am 20. Oktober", "December 4th", "le 4 décembre 2019",
//! "4 de diciembre de 2019", "2019. december 4.", and "4 grudnia br." (this year). A year
//! that is not written stays unknown here; `metadata` infers it only from evidence.

use chrono::NaiveDate;
use regex::{Captures, Regex};

use crate::ingest::lexicon::MonthNames;

/// A calendar date whose year may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct PartialDate {
    /// The year, when the text or its evidence gives it.
    pub(crate) year: Option<i32>,
    /// Month, 1–12.
    pub(crate) month: u32,
    /// Day, 1–31.
    pub(crate) day: u32,
}

impl PartialDate {
    /// The full date, when the year is known and the date exists.
    pub(crate) fn full(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }

    /// Same day and month, and no conflicting years.
    pub(crate) fn agrees_with(self, other: PartialDate) -> bool {
        self.month == other.month
            && self.day == other.day
            && match (self.year, other.year) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(date: NaiveDate) -> Self {
        use chrono::Datelike;
        PartialDate {
            year: Some(date.year()),
            month: date.month(),
            day: date.day(),
        }
    }
}

/// A date found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The date.
    pub(crate) date: PartialDate,
    /// Followed by "this year" ("br.", "dieses Jahres"): the year is the publication's.
    pub(crate) this_year: bool,
    /// Byte range in the text.
    pub(crate) start: usize,
    /// End of the byte range.
    pub(crate) end: usize,
}

#[derive(Debug, Clone, Copy)]
enum Shape {
    /// Day, month name, optional year.
    DayMonthName,
    /// Month name, day, optional year.
    MonthNameDay,
    /// Year, month name, day (Hungarian, Lithuanian).
    YearMonthNameDay,
    /// ISO 8601.
    Iso,
}

/// Finds dates; built once per ingest from the month names of every language.
#[derive(Debug)]
pub(crate) struct DateParser {
    patterns: Vec<(Regex, Shape)>,
    numeric: Regex,
    this_year: Regex,
    range_start: Regex,
}

/// Compiles one of this module's patterns.
#[expect(
    clippy::expect_used,
    reason = "the patterns are constants with escaped month names; the unit tests compile every one"
)]
fn compile(source: &str) -> Regex {
    Regex::new(source).expect("date patterns are valid regular expressions")
}

const ORDINAL: &str = r"(?:st|nd|rd|th|er|e|º|ª)?";
const YEAR: &str = r"(?P<year>(?:19|20)\d\d)";

impl DateParser {
    /// Compiles the patterns with every month name of `months`.
    pub(crate) fn new(months: &MonthNames) -> DateParser {
        let mut names: Vec<&str> = months.all().collect();
        names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        let alternatives: Vec<String> = names.iter().map(|name| regex::escape(name)).collect();
        let month = format!(r"(?P<month>{})\.?", alternatives.join("|"));
        let sources = [
            (
                format!(
                    r"(?i)\b(?P<day>\d{{1,2}}){ORDINAL}\.?(?:\s+(?:de|of))?\s*{month}(?:,?\s+(?:de\s+)?{YEAR})?\b"
                ),
                Shape::DayMonthName,
            ),
            (
                format!(r"(?i)\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{YEAR}\b)?"),
                Shape::MonthNameDay,
            ),
            (
                format!(
                    r"(?i)\b{YEAR}\.?\s*(?:m\.\s*)?{month}\s+(?P<day>\d{{1,2}})\b\.?(?:\s*d\.)?"
                ),
                Shape::YearMonthNameDay,
            ),
            (
                format!(r"\b{YEAR}-(?P<month>\d{{2}})-(?P<day>\d{{2}})\b"),
                Shape::Iso,
            ),
        ];
        DateParser {
            patterns: sources
                .into_iter()
                .map(|(source, shape)| (compile(&source), shape))
                .collect(),
            numeric: compile(r"\b(\d{1,2})([./])(\d{1,2})([./])((?:19|20)\d\d)\b"),
            // "20–21 września", "20 and 21 September", "vom 20. bis 21. September",
            // "9. a 10. listopadu": the first day, then a word or dash joining it to the date.
            range_start: compile(
                r"(?i)(?:^|[\s(])(\d{1,2})\.?\s*(?:[-–—]|and|und|bis|to|till|until|et|au|à|y|al|a|e|i|do|en|tot|és|ja|och|og|til|až)\s*$",
            ),
            this_year: compile(
                r"(?i)^\s*(?:br\.|b\.\s?r\.|tego roku|bieżącego roku|this year|dieses jahres|d\.\s?j\.|de cette année|cette année|de este año|este año|di quest'anno|dit jaar|letošního roku|tohto roku|ove godine|tega leta|idén|anul acesta|tänä vuonna|i år|šių metų|šā gada|selle aasta|тази година|φέτος)",
            ),
        }
    }

    /// Every date in `text`, in order, without overlaps. `lang` disambiguates month names.
    pub(crate) fn find(&self, text: &str, lang: Option<&str>, months: &MonthNames) -> Vec<Mention> {
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        let mut found: Vec<Mention> = Vec::new();
        for (regex, shape) in &self.patterns {
            for captures in regex.captures_iter(text) {
                if let Some(mention) =
                    mention(&captures, *shape, lang, months, text, &self.this_year)
                {
                    found.push(mention);
                }
            }
        }
        found.extend(numeric_dates(&self.numeric, text));
        for mention in &mut found {
            start_of_range(&self.range_start, text, mention);
        }
        found.sort_by_key(|mention| (mention.start, std::cmp::Reverse(mention.end)));
        let mut kept: Vec<Mention> = Vec::new();
        for mention in found {
            if kept.last().is_none_or(|last| mention.start >= last.end) {
                kept.push(mention);
            }
        }
        kept
    }

    /// The date, when `text` is nothing but one date (a date badge).
    pub(crate) fn only_date(
        &self,
        text: &str,
        lang: Option<&str>,
        months: &MonthNames,
    ) -> Option<PartialDate> {
        self.dateline(text, lang, months, |_| false)
    }

    /// The date, when `text` is one date and words `is_label` accepts ("Posted on",
    /// "Veröffentlicht am"): a dateline.
    pub(crate) fn dateline(
        &self,
        text: &str,
        lang: Option<&str>,
        months: &MonthNames,
        is_label: impl Fn(&str) -> bool,
    ) -> Option<PartialDate> {
        let found = self.find(text, lang, months);
        let [mention] = found.as_slice() else {
            return None;
        };
        let rest: String = format!("{} {}", &text[..mention.start], &text[mention.end..]);
        let only_labels = rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .all(|word| is_label(&word.to_lowercase()));
        only_labels.then_some(mention.date)
    }
}

fn mention(
    captures: &Captures<'_>,
    shape: Shape,
    lang: Option<&str>,
    months: &MonthNames,
    text: &str,
    this_year: &Regex,
) -> Option<Mention> {
    let whole = captures.get(0)?;
    let number = |name: &str| {
        captures
            .name(name)
            .and_then(|m| m.as_str().parse::<u32>().ok())
    };
    let day = number("day")?;
    let year = captures
        .name("year")
        .and_then(|m| m.as_str().parse::<i32>().ok());
    let month = match shape {
        Shape::Iso => number("month")?,
        Shape::DayMonthName | Shape::MonthNameDay | Shape::YearMonthNameDay => {
            let name = captures.name("month")?.as_str();
            let month = months.month(name, lang)?;
            // A bare abbreviation ("pro", "mar") is a month only with a dot, a year, or in
            // the text's own language; otherwise "10 pro athletes" would be a date.
            let ends_with_dot = text[whole.end()..].starts_with('.') || name.ends_with('.');
            let own_language = lang.is_some_and(|lang| months.is_name_in(name, lang));
            if is_abbreviation(name) && year.is_none() && !ends_with_dot && !own_language {
                return None;
            }
            month
        }
    };
    let date = valid(year, month, day)?;
    let this_year = year.is_none() && this_year.is_match(&text[whole.end()..]);
    Some(Mention {
        date,
        this_year,
        start: whole.start(),
        end: whole.end(),
    })
}

/// Widens a mention that ends a range ("20–21 September") to start at the range's first day,
/// which becomes its date: an event is dated by the day it begins.
fn start_of_range(range_start: &Regex, text: &str, mention: &mut Mention) {
    let window_start = text[..mention.start]
        .char_indices()
        .rev()
        .nth(14)
        .map_or(0, |(index, _)| index);
    let Some(first) = range_start
        .captures(&text[window_start..mention.start])
        .and_then(|c| c.get(1))
    else {
        return;
    };
    let Ok(day) = first.as_str().parse::<u32>() else {
        return;
    };
    if day == 0 || day >= mention.date.day {
        return;
    }
    mention.date.day = day;
    mention.start = window_start + first.start();
}

fn is_abbreviation(name: &str) -> bool {
    name.trim_end_matches('.').chars().count() <= 4
}

/// `4.12.2019`, `04/12/2019`: day first, as in Europe; `12/25/2019` is read month first.
/// (The two separators must agree; the regex crate has no back-references, so it is checked here.)
fn numeric_dates(regex: &Regex, text: &str) -> Vec<Mention> {
    regex
        .captures_iter(text)
        .filter_map(|captures| {
            let whole = captures.get(0)?;
            let part = |i: usize| captures.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            let (first, separator_a, second, separator_b) =
                (part(1)?, captures.get(2)?, part(3)?, captures.get(4)?);
            if separator_a.as_str() != separator_b.as_str() {
                return None;
            }
            let year = captures.get(5)?.as_str().parse::<i32>().ok()?;
            let (day, month) = if second > 12 && first <= 12 {
                (second, first)
            } else {
                (first, second)
            };
            Some(Mention {
                date: valid(Some(year), month, day)?,
                this_year: false,
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

fn valid(year: Option<i32>, month: u32, day: u32) -> Option<PartialDate> {
    if !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    // Without a year, check against a leap year so that 29 February is allowed.
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
    Some(PartialDate { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::lexicon::Lexicon;

    fn dates(text: &str, lang: Option<&str>) -> Vec<(Option<i32>, u32, u32, bool)> {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        parser
            .find(text, lang, &lexicon.months)
            .into_iter()
            .map(|m| (m.date.year, m.date.month, m.date.day, m.this_year))
            .collect()
    }

    #[test]
    fn reads_the_forms_eu_languages_use() {
        type Case<'a> = (&'a str, Option<&'a str>, (Option<i32>, u32, u32));
        let cases: &[Case<'_>] = &[
            ("Brussels, 04/12/2019", None, (Some(2019), 12, 4)),
            (
                "Bruksela 4.12.2019 | Spotkanie",
                Some("pl"),
                (Some(2019), 12, 4),
            ),
            ("published 2019-12-04", None, (Some(2019), 12, 4)),
            ("08 grudnia 2019", Some("pl"), (Some(2019), 12, 8)),
            (
                "findet am 20. Oktober in Brüssel statt",
                Some("de"),
                (None, 10, 20),
            ),
            (
                "Organised by DG GROW on December 4th in Brussels",
                Some("en"),
                (None, 12, 4),
            ),
            (
                "On October 20th 2014, the Commission",
                Some("en"),
                (Some(2014), 10, 20),
            ),
            (
                "le 4 décembre 2019 à Bruxelles",
                Some("fr"),
                (Some(2019), 12, 4),
            ),
            ("el 4 de diciembre de 2019", Some("es"), (Some(2019), 12, 4)),
            ("2019. december 4-én", Some("hu"), (Some(2019), 12, 4)),
            ("December 4, 2019", None, (Some(2019), 12, 4)),
            ("il 4 dicembre 2019", Some("it"), (Some(2019), 12, 4)),
            ("4. joulukuuta 2019", Some("fi"), (Some(2019), 12, 4)),
            ("12/25/2019", None, (Some(2019), 12, 25)),
        ];
        for (text, lang, expected) in cases {
            let found = dates(text, *lang);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!((found[0].0, found[0].1, found[0].2), *expected, "{text}");
        }
    }

    #[test]
    fn a_range_is_dated_by_its_first_day() {
        let cases = [
            ("W dniach 20–21 września 2022 r. w Gdańsku", Some("pl")),
            ("on 20 and 21 September 2022", Some("en")),
            ("Vom 20. bis 21. September 2022 kamen", Some("de")),
            ("du 20 au 21 septembre 2022", Some("fr")),
        ];
        for (text, lang) in cases {
            assert_eq!(dates(text, lang), [(Some(2022), 9, 20, false)], "{text}");
        }
        assert_eq!(
            dates("Ve dnech 9. a 10. listopadu 2021 se", Some("cs")),
            [(Some(2021), 11, 9, false)]
        );
        assert_eq!(
            dates("in 2021 21 September 2022", Some("en")),
            [(Some(2022), 9, 21, false)]
        );
    }

    #[test]
    fn datelines_may_carry_label_words() {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        let labels = ["posted", "on", "publié", "le", "veröffentlicht", "am"];
        let line =
            |text: &str| parser.dateline(text, None, &lexicon.months, |w| labels.contains(&w));
        assert!(line("Posted on 12 May 2023").is_some());
        assert!(line("Publié le 15 mai 2023").is_some());
        assert!(line("Veröffentlicht am 23.09.2022").is_some());
        assert!(line("Meeting on 12 May 2023").is_none());
    }

    #[test]
    fn this_year_markers_are_noticed() {
        assert_eq!(
            dates("W dniu 4 grudnia br. w Brukseli", Some("pl")),
            [(None, 12, 4, true)]
        );
    }

    #[test]
    fn numbers_that_are_not_dates_are_ignored() {
        for text in [
            "the 1st European Cluster Policy Forum",
            "50 managers from 17 European countries, 6500 SMEs",
            "in 2012 an initiative, renewed in late 2013",
            "February, March and April 2014",
            "10 pro athletes",
            "31/02/2019",
        ] {
            assert_eq!(dates(text, Some("en")), [], "{text}");
        }
    }

    #[test]
    fn a_date_badge_is_only_a_date() {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        let only = |text: &str| parser.only_date(text, Some("pl"), &lexicon.months);
        assert_eq!(
            only("08 grudnia 2019").and_then(PartialDate::full),
            NaiveDate::from_ymd_opt(2019, 12, 8)
        );
        assert!(only("04/12/2019").is_some());
        assert!(only("Bruksela 4.12.2019").is_none());
    }
}
