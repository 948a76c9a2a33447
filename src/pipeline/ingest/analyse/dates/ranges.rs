//! Ranges of days: "20–21 September", "from the 5th to the 6th of May", "il 12 e 13
//! ottobre", "30 September – 2 October 2019", "7.11. – 8.11.2022". A range is dated by
//! its first day, and remembers its last.

use chrono::NaiveDate;

use super::date::{Mention, PartialDate, valid};
use super::scanner::{ORDINALS, Scanner};

/// Words that join the first day of a range to the date that ends it, in the EU's
/// languages ("20–21 September", "20 and 21", "vom 20. bis 21.", "9. a 10.", "du 20 au
/// 21", "от 20 до 22", "20 și 21", "20. un 21.", "από 20 έως 22").
const RANGE_JOINS: &[&str] = &[
    "-",
    "–",
    "—",
    "&",
    "and",
    "und",
    "bis",
    "to",
    "till",
    "until",
    "et",
    "au",
    "à",
    "y",
    "al",
    "a",
    "e",
    "i",
    "do",
    "en",
    "tot",
    "és",
    "ja",
    "och",
    "og",
    "til",
    "až",
    "и",
    "до",
    "și",
    "şi",
    "ir",
    "iki",
    "in",
    "un",
    "līdz",
    "kuni",
    "και",
    "έως",
    "ως",
    "μέχρι",
];

/// The joins of `RANGE_JOINS` that also list two dates: they join days of one month
/// ("12 e 13 ottobre"), never two dates that each name their month.
const LIST_JOINS: &[&str] = &[
    "&", "and", "und", "et", "y", "e", "i", "en", "és", "ja", "och", "og", "и", "și", "şi", "ir",
    "un", "in", "και",
];

/// Articles between a range's join and its last day ("to the 6th").
const RANGE_ARTICLES: &[&str] = &["the", "le", "il", "el", "den", "dem"];

impl Scanner<'_, '_> {
    /// Whether the tokens from `from` up to `to` join two dates into a range ("–", "to
    /// the", "au"); "and" lists two dates ("on 4 May and 3 June"), it does not join them.
    pub(super) fn joins(&self, from: usize, to: usize) -> bool {
        let join = RANGE_JOINS.iter().any(|word| self.is(from, word))
            && !LIST_JOINS.iter().any(|word| self.is(from, word));
        let article = |at: usize| RANGE_ARTICLES.iter().any(|word| self.is(at, word));
        join && (to == from + 1 || to == from + 2 && article(from + 1))
    }

    /// Widens a mention that ends a range ("20–21 September", "from the 5th to the 6th of
    /// May") to start at the range's first day, which becomes its date: an event is dated
    /// by the day it begins.
    pub(super) fn start_of_range(&self, index: usize, mention: &mut Mention) {
        // "to the 6th", "mardi 5 et mercredi 6 juin": an article or the last day's weekday
        // may stand between the join and the last day.
        let mut at = index.checked_sub(1);
        if let Some(between) = at
            && (RANGE_ARTICLES.iter().any(|word| self.is(between, word))
                || self.is_weekday(between))
        {
            at = between.checked_sub(1);
        }
        let Some(join) = at else { return };
        if !RANGE_JOINS.iter().any(|word| self.is(join, word)) {
            return;
        }
        if self.numeric_start(join, mention) {
            return;
        }
        let Some(mut first) = join.checked_sub(1).and_then(|i| self.first_day_before(i)) else {
            return;
        };
        let Some(mut day) = self.get(first).and_then(|t| t.number(2)) else {
            return;
        };
        if day == 0 || day >= mention.date.day {
            return;
        }
        // "les 5, 6 et 7 juin": a list of days runs back over commas to its first.
        while let Some(comma) = first.checked_sub(1).filter(|&at| self.is(at, ","))
            && let Some(earlier) = comma.checked_sub(1).and_then(|i| self.first_day_before(i))
            && let Some(earlier_day) = self.get(earlier).and_then(|t| t.number(2))
            && earlier_day > 0
            && earlier_day < day
        {
            first = earlier;
            day = earlier_day;
        }
        // "2021 21 September": the number before must not be part of something else.
        if first > 0 && self.touching(first - 1) && !self.is(first - 1, "(") {
            return;
        }
        mention.last = Some((mention.date.month, mention.date.day));
        mention.date.day = day;
        mention.start = self.tokens[first].start;
    }

    /// The end of a range written after its month and first day ("March 26–27", "2018.
    /// november 20-22."): the token at `day` is the first day; gives the last day and the
    /// token after it. A dash joins them, and "and" unless a month follows ("March 26 and
    /// 27", "november 9-én és 10-én"); "March 26 and April 27" are two dates.
    pub(super) fn range_after_day(&self, day: usize, first: u32) -> Option<(u32, usize)> {
        let join = self.after_ordinal(day, ORDINALS);
        let dash = ["-", "–", "—"].iter().any(|dash| self.is(join, dash));
        let listed = LIST_JOINS.iter().any(|word| self.is(join, word));
        if !dash && !listed {
            return None;
        }
        let last = self.get(join + 1)?.number(2)?;
        let end = self.after_ordinal(join + 1, ORDINALS);
        let month_follows = self.month_at(end, |_| true).is_some();
        (first < last && last <= 31 && (dash || !month_follows)).then_some((last, end))
    }

    /// "7.11. – 8.11.2022", "14.6.–15.6.": a day and month without a year, written in
    /// numbers before the join; makes `mention` the range and says whether it did.
    fn numeric_start(&self, join: usize, mention: &mut Mention) -> bool {
        let Some(first) = join.checked_sub(4) else {
            return false;
        };
        let glued = (first..first + 3).all(|at| self.touching(at));
        let dots = self.is(first + 1, ".") && self.is(first + 3, ".");
        let (Some(day), Some(month)) = (
            self.get(first).and_then(|t| t.number(2)),
            self.get(first + 2).and_then(|t| t.number(2)),
        ) else {
            return false;
        };
        let Some(start) = valid(mention.date.year, month, day) else {
            return false;
        };
        let earlier = (month, day) < (mention.date.month, mention.date.day);
        if !(glued && dots && earlier) {
            return false;
        }
        mention.last = Some((mention.date.month, mention.date.day));
        mention.date = start;
        mention.start = self.tokens[first].start;
        true
    }

    /// The number of a range's first day that ends at `last`: "14." and "5th" end in a dot
    /// or an ordinal suffix written against the number.
    fn first_day_before(&self, last: usize) -> Option<usize> {
        if self.get(last)?.is_number() {
            return Some(last);
        }
        if self.hyphenated_suffix(last) {
            return Some(last - 2);
        }
        let number = last.checked_sub(1)?;
        let suffix = self.is(last, ".")
            || (self.touching(number) && ORDINALS.iter().any(|suffix| self.is(last, suffix)));
        (suffix && self.get(number)?.is_number()).then_some(number)
    }
}

/// The longest range two joined dates make: "30 September – 2 October", not "4 May – 3 June"
/// of two separate events.
const MAX_RANGE_DAYS: i64 = 14;

/// Makes `first` the range from it to `last` when the two are joined ("30 September –
/// 2 October 2019"); says whether they were. `first` takes `last`'s year if it has none.
pub(super) fn join_range(first: &mut Mention, last: &Mention) -> bool {
    let year = first.date.year.or(last.date.year);
    if last.date.year.is_some_and(|y| Some(y) != year) || first.last.is_some() {
        return false;
    }
    // Days apart, in a leap year when the year is unknown (as `valid` checks).
    let day =
        |date: &PartialDate| NaiveDate::from_ymd_opt(year.unwrap_or(2000), date.month, date.day);
    let (Some(start), Some(end)) = (day(&first.date), day(&last.date)) else {
        return false;
    };
    let span = (end - start).num_days();
    if !(1..=MAX_RANGE_DAYS).contains(&span) {
        return false;
    }
    first.date.year = year;
    first.last = Some(last.last.unwrap_or((last.date.month, last.date.day)));
    first.end = last.end;
    true
}

#[cfg(test)]
mod tests {
    use crate::pipeline::ingest::analyse::dates::DateParser;
    use crate::pipeline::ingest::lexicon::Lexicon;

    /// A date found: year, month, day, and the (month, day) its range ends on.
    type Found = (Option<i32>, u32, u32, Option<(u32, u32)>);

    /// Each date found with the last day of its range.
    fn ranges(text: &str, lang: Option<&str>) -> Vec<Found> {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        parser
            .find(text, lang, &lexicon.months)
            .into_iter()
            .map(|m| (m.date.year, m.date.month, m.date.day, m.last))
            .collect()
    }

    /// Asserts that each text, in its language, gives the one date `expected`.
    fn each_reads_as(cases: &[(&str, Option<&str>)], expected: Found) {
        for (text, lang) in cases {
            assert_eq!(ranges(text, *lang), [expected], "{text}");
        }
    }

    #[test]
    fn lists_of_days_weekdays_between_and_slovenian_and_are_ranges() {
        let june = |year| vec![(Some(year), 6, 5, Some((6, 7)))];
        assert_eq!(ranges("les 5, 6 et 7 juin 2018", Some("fr")), june(2018));
        assert_eq!(
            ranges("mardi 5 et mercredi 6 juin 2018", Some("fr")),
            vec![(Some(2018), 6, 5, Some((6, 6)))]
        );
        assert_eq!(
            ranges("martedì 5 e mercoledì 6 giugno 2018", Some("it")),
            vec![(Some(2018), 6, 5, Some((6, 6)))]
        );
        assert_eq!(
            ranges("5. in 6. junija 2018", Some("sl")),
            vec![(Some(2018), 6, 5, Some((6, 6)))]
        );
        // A count before a comma is no day of the list.
        assert_eq!(
            ranges("in 2018, 40 et 7 juin", Some("fr")),
            vec![(None, 6, 7, None)]
        );
    }

    #[test]
    fn a_range_may_cross_a_month_and_be_written_in_numbers() {
        let cases = [
            ("from 30 September to 2 October 2019", Some("en")),
            ("du 30 septembre au 2 octobre 2019", Some("fr")),
            ("vom 30. September bis 2. Oktober 2019", Some("de")),
            ("od 30 września do 2 października 2019", Some("pl")),
            ("30. září – 2. října 2019", Some("cs")),
            ("del 30 de septiembre al 2 de octubre de 2019", Some("es")),
            ("30.9. – 2.10.2019", None),
            ("30.09.–02.10.2019", None),
        ];
        each_reads_as(&cases, (Some(2019), 9, 30, Some((10, 2))));
        assert_eq!(
            ranges("On 7.11. - 8.11.2022, the conference", Some("en")),
            [(Some(2022), 11, 7, Some((11, 8)))]
        );
        // Two dates a conjunction lists, or too far apart, are two dates.
        assert_eq!(ranges("on 4 May and 6 May 2019", Some("en")).len(), 2);
        assert_eq!(ranges("from 4 May to 3 June 2019", Some("en")).len(), 2);
    }

    #[test]
    fn a_range_may_follow_its_month() {
        let cases = [
            (
                "National Cluster Conference: March 26-27, Sofia",
                Some("en"),
                None,
            ),
            (
                "held on October 8–10, 2019 in Antwerp",
                Some("en"),
                Some(2019),
            ),
            (
                "2018. november 20-22. között Nagyváradon",
                Some("hu"),
                Some(2018),
            ),
        ];
        let expected = [(3, 26, (3, 27)), (10, 8, (10, 10)), (11, 20, (11, 22))];
        for ((text, lang, year), (month, day, last)) in cases.into_iter().zip(expected) {
            assert_eq!(
                ranges(text, lang),
                [(year, month, day, Some(last))],
                "{text}"
            );
        }
        // A number after a dash that cannot end the range is no part of the date.
        assert_eq!(
            ranges("on March 26 - 12 speakers", Some("en")),
            [(None, 3, 26, None)]
        );
    }

    #[test]
    fn a_range_is_dated_by_its_first_day() {
        let cases = [
            ("W dniach 20–21 września 2022 r. w Gdańsku", Some("pl")),
            ("on 20 and 21 September 2022", Some("en")),
            ("on 20 & 21 September 2022", Some("en")),
            ("les 20 & 21 septembre 2022", Some("fr")),
            ("Vom 20. bis 21. September 2022 kamen", Some("de")),
            ("du 20 au 21 septembre 2022", Some("fr")),
            ("from the 20th to the 21st of September 2022", Some("en")),
            ("il 20 e 21 settembre 2022", Some("it")),
            ("am 20.–21. September 2022", Some("de")),
            ("w dniach 20-21 września 2022", Some("pl")),
            ("ve dnech 20.–21. září 2022", Some("cs")),
            ("Ve dnech 20.-21. 9. 2022 se", Some("cs")),
            ("del 20 al 21 de septiembre de 2022", Some("es")),
        ];
        each_reads_as(&cases, (Some(2022), 9, 20, Some((9, 21))));
        let cases = [
            ("Ve dnech 9. a 10. listopadu 2021 se", Some("cs")),
            ("На 9 и 10 ноември 2021 г. в София", Some("bg")),
            ("От 9-ти до 10-ти ноември 2021", Some("bg")),
            ("în zilele de 9 și 10 noiembrie 2021", Some("ro")),
            ("2021. gada 9. un 10. novembrī", Some("lv")),
            ("9-10. novembril 2021 toimus", Some("et")),
            ("στις 9 και 10 Νοεμβρίου 2021", Some("el")),
            ("2021. november 9-én és 10-én", Some("hu")),
        ];
        each_reads_as(&cases, (Some(2021), 11, 9, Some((11, 10))));
        assert_eq!(
            ranges("in 2021 21 September 2022", Some("en")),
            [(Some(2022), 9, 21, None)]
        );
    }
}
