//! The years a text writes, for dates written without one: not a year written as a
//! starting point ("since 2017"), which was gone by when the report was written, nor the
//! goal a plan is named after ("Horizon 2020").

use std::ops::RangeInclusive;

use crate::pipeline::ingest::analyse::dates::PartialDate;
use crate::pipeline::ingest::analyse::shape::YEARS;
use crate::pipeline::ingest::lexicon::{Lexicon, MonthNames};

/// The years a written year may date a report's event in: a cluster's event reported
/// on the web is from 1990 on; an earlier year is a history's (a founding, a treaty).
const EVENT_YEARS: RangeInclusive<i32> = 1990..=*YEARS.end();

/// Years a text writes: four digits among the `EVENT_YEARS`, standing alone or starting a
/// numeric date; not a year written as a starting point ("since 2017", "od roku 2010"),
/// which was gone by when the report was written, nor a plan's goal ("Europe 2020").
pub(super) fn written_years(text: &str) -> Vec<i32> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    words
        .iter()
        .enumerate()
        .filter(|(_, word)| word.len() == 4)
        .filter_map(|(index, word)| Some((index, word.parse::<i32>().ok()?)))
        .filter(|(index, year)| {
            EVENT_YEARS.contains(year)
                && !is_starting_point(&words, *index)
                && !is_plan_goal(&words, *index)
        })
        .map(|(_, year)| year)
        .collect()
}

/// Months a text writes with their year alone, as a page's stamp does ("2019-03"): a date
/// in that month without its year is in that year.
pub(super) fn written_year_months(text: &str) -> Vec<(i32, u32)> {
    text.split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter_map(|word| {
            let (year, month) = word.split_once('-')?;
            let year = (year.len() == 4).then(|| year.parse::<i32>().ok())??;
            let month = (month.len() == 2).then(|| month.parse::<u32>().ok())??;
            // "2010-11" is as often an academic or a fiscal year: its next year's digits.
            let next_year = (year + 1) % 100 == month as i32;
            (EVENT_YEARS.contains(&year) && (1..=12).contains(&month) && !next_year)
                .then_some((year, month))
        })
        .collect()
}

/// Months a text names with a year and no day ("in October 2019", "začátkem prosince 2022",
/// "2019 októberében"): when an event is dated no closer, the month it was in. A month
/// after a day's number is a date's, which the date reader has read.
fn written_month_years(text: &str, lang: &str, months: &MonthNames) -> Vec<(i32, u32)> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let year_at = |at: usize| {
        let word = words.get(at)?;
        let year = (word.len() == 4).then(|| word.parse::<i32>().ok())??;
        EVENT_YEARS.contains(&year).then_some(year)
    };
    let day_at = |at: usize| {
        words
            .get(at)
            .and_then(|word| word.parse::<u32>().ok())
            .is_some_and(|day| (1..=31).contains(&day))
    };
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        if word.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        // The text's own language's names only: "set" and "out" are months in Italian and
        // Portuguese, not in English.
        if !months.is_name_in(word, lang) {
            continue;
        }
        let Some(month) = months.month(word, Some(lang)) else {
            continue;
        };
        let dated = index.checked_sub(1).is_some_and(day_at);
        let year_before = || {
            let before = index.checked_sub(1)?;
            let between = words
                .get(before)
                .is_some_and(|w| YEAR_MONTH_WORDS.contains(w));
            year_at(if between {
                before.checked_sub(1)?
            } else {
                before
            })
        };
        let year =
            year_at(index + 1).or_else(|| YEAR_FIRST.contains(&lang).then(year_before).flatten());
        if let Some(year) = year.filter(|_| !dated && !day_at(index + 1)) {
            found.push((year, month));
        }
    }
    found
}

/// Languages that write the year before the month ("2019 októberében", "2019 m. spalio",
/// "2019. gada oktobrī").
const YEAR_FIRST: &[&str] = &["hu", "lt", "lv"];
/// The words those languages may write between the year and the month ("m.", "gada").
const YEAR_MONTH_WORDS: &[&str] = &["m", "gada"];

/// The event's month in its `year`: its date's, else the one month the texts name with
/// that year and no day.
pub(super) fn event_month(
    event_date: Option<PartialDate>,
    year: Option<i32>,
    texts: &[&str],
    lang: &str,
    lexicon: &Lexicon,
) -> Option<(i32, u32)> {
    let year = year?;
    if let Some(date) = event_date {
        return date
            .year
            .is_none_or(|own| own == year)
            .then_some((year, date.month));
    }
    let named: std::collections::BTreeSet<(i32, u32)> = texts
        .iter()
        .flat_map(|text| written_month_years(text, lang, &lexicon.months))
        .collect();
    let mut months = named.into_iter();
    months
        .next()
        .filter(|&(named_year, _)| named_year == year && months.next().is_none())
}

/// Whether the year at `index` of `words` is the goal a plan is named after ("Horizon
/// 2020"), a round year: the programme runs for years before and after it.
fn is_plan_goal(words: &[&str], index: usize) -> bool {
    // A plan aims at a round year; "Intersolar Europe 2023" or "Vision 2024" are events.
    let round = words[index].parse::<i32>().is_ok_and(|year| year % 10 == 0);
    round
        && index
            .checked_sub(1)
            .and_then(|before| words.get(before))
            .is_some_and(|word| Lexicon::names_plan_before_year(&word.to_lowercase()))
}

/// Words that may stand between a "since" and its year ("od roku 2010", "desde el año").
const SINCE_REACH: usize = 2;

/// Whether the year at `index` of `words` is written as a starting point.
fn is_starting_point(words: &[&str], index: usize) -> bool {
    let lower = |word: &str| word.to_lowercase();
    if (words.get(index + 1)).is_some_and(|after| Lexicon::closes_past_year(&lower(after))) {
        return true;
    }
    for (between, word) in words[..index]
        .iter()
        .rev()
        .take(SINCE_REACH + 1)
        .enumerate()
    {
        if Lexicon::opens_past_year(&lower(word)) {
            return true;
        }
        if between == SINCE_REACH || !fills_before_year(word) {
            return false;
        }
    }
    false
}

/// A short word that may stand between "since" and its year: an article or "year" ("the
/// year", "roku", "el año", "dem Jahr"), not a number, a name or an acronym.
fn fills_before_year(word: &str) -> bool {
    word.chars().count() <= 5
        && word.chars().all(char::is_alphabetic)
        && word.chars().skip(1).all(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_with_its_year_alone_is_a_year_month() {
        assert_eq!(
            written_year_months("date 2019-03 Realizou-se hoje, 26 de março"),
            [(2019, 3)]
        );
        for text in [
            "2019-03-26",
            "2019-13",
            "1815-03",
            "pages 2019-2020",
            "tel. 0301-22",
            "Erasmus+ 2010-11",
            "call EIC-2021-03",
        ] {
            assert!(written_year_months(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_month_named_with_its_year_and_no_day_is_a_month_year() {
        let lexicon = Lexicon::new();
        let months = &lexicon.months;
        for (text, lang, month_year) in [
            (
                "In October 2019 the conference came to Antwerp",
                "en",
                (2019, 10),
            ),
            (
                "Začátkem prosince 2022 proběhlo setkání klastrů",
                "cs",
                (2022, 12),
            ),
            (
                "In oktober 2019 streek TCI neer in Antwerpen",
                "nl",
                (2019, 10),
            ),
            ("a 2018 októberében tartott konferencián", "hu", (2018, 10)),
            ("2019 m. spalio mėnesį", "lt", (2019, 10)),
            (
                "na przełomie października i listopada 2021",
                "pl",
                (2021, 11),
            ),
        ] {
            assert_eq!(
                written_month_years(text, lang, months),
                [month_year],
                "{text}"
            );
        }
        for (text, lang) in [
            ("set 2020 targets for the cluster", "en"),
            ("the 2030 may be greener", "en"),
            ("on 18 June 2010 in Paris", "en"),
            ("am 14. Juni 2022 in Berlin", "de"),
            ("October 18, 2019 in Antwerp", "en"),
            ("in May we met", "en"),
        ] {
            assert!(written_month_years(text, lang, months).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_year_written_as_a_starting_point_is_not_the_reports_year() {
        for text in [
            "partners cooperating since 2017",
            "seit dem Jahr 2014 aktiv",
            "depuis 2015, le pôle",
            "działa od roku 2010",
            "desde el año 2016",
            "2017 óta működik",
            "vuodesta 2017 lähtien",
            "από το 2015",
        ] {
            assert_eq!(written_years(text), [0; 0], "{text}");
        }
        // Nor is the goal a plan is named after.
        for text in [
            "la stratégie « Europe 2020 » de croissance",
            "funded by Horizon 2020",
            "z programu Horyzont 2020",
            "i progetti di Orizzonte 2020",
            "die Ziele der Agenda 2030",
        ] {
            assert_eq!(written_years(text), [0; 0], "{text}");
        }
        // An event named after its year is no plan.
        assert_eq!(written_years("at Intersolar Europe 2023 in Munich"), [2023]);
        assert_eq!(written_years("od 5. do 7. listopadu 2019"), [2019]);
        assert_eq!(written_years("from the ECCP 2019 call"), [2019]);
    }
}
