//! Dates in running text, in the forms EU languages write them: "04/12/2019", "4.12.2019",
//! "2019-12-04", "4 grudnia 2019", "am 20. Oktober", "December 4th", "le 4 décembre 2019",
//! "4 de diciembre de 2019", "2019. december 4.", and "4 grudnia br." (this year). A year
//! that is not written stays unknown here; `metadata` infers it only from evidence.

use chrono::NaiveDate;
use regex::Regex;

use crate::pipeline::ingest::lexicon::MonthNames;
use ranges::join_range;

mod ranges;

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
    /// The last day of a range, as month and day ("20–21 September": (9, 21); "30 September
    /// – 2 October": (10, 2)), in the date's year or, for a later month before it, the next.
    pub(crate) last: Option<(u32, u32)>,
    /// Byte range in the text.
    pub(crate) start: usize,
    /// End of the byte range.
    pub(crate) end: usize,
}

/// A piece of text: a run of digits, a run of letters, or one other character.
#[derive(Debug, Clone, Copy)]
struct Token<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl Token<'_> {
    fn is_number(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit())
    }

    fn number(&self, max_digits: usize) -> Option<u32> {
        (self.is_number() && self.text.len() <= max_digits)
            .then(|| self.text.parse().ok())
            .flatten()
    }

    fn year(&self) -> Option<i32> {
        let year: i32 = (self.is_number() && self.text.len() == 4)
            .then(|| self.text.parse().ok())
            .flatten()?;
        (1900..2100).contains(&year).then_some(year)
    }

    fn is(&self, text: &str) -> bool {
        self.text.eq_ignore_ascii_case(text)
    }
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let same_kind = |next: char| {
            if c.is_ascii_digit() {
                next.is_ascii_digit()
            } else if c.is_alphabetic() {
                next.is_alphabetic()
            } else {
                false
            }
        };
        let mut end = start + c.len_utf8();
        while let Some(&(index, next)) = chars.peek() {
            if !same_kind(next) {
                break;
            }
            end = index + next.len_utf8();
            chars.next();
        }
        tokens.push(Token {
            text: &text[start..end],
            start,
            end,
        });
    }
    tokens
}

/// Ordinal endings after a day ("4th", "1er", "4º").
const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "e", "º", "ª"];
/// The English ones: only they follow the day in "December 4th".
const ENGLISH_ORDINALS: &[&str] = &["st", "nd", "rd", "th"];

/// The most words a dateline has: the date with its weekday, and a label.
const DATELINE_WORDS: usize = 16;
/// And the most bytes: sixteen words of ten letters.
const DATELINE_BYTES: usize = 16 * 11;

/// Finds dates; built once per ingest.
#[derive(Debug)]
pub(crate) struct DateParser {
    this_year: Regex,
    /// A time of day, which a dateline may give after its date.
    time: Regex,
}

/// Compiles one of this module's patterns.
#[expect(
    clippy::expect_used,
    reason = "the pattern is a constant; the unit tests compile it"
)]
fn compile(source: &str) -> Regex {
    Regex::new(source).expect("date patterns are valid regular expressions")
}

impl DateParser {
    /// Prepares the parser. (`months` is kept by the caller and passed to each search.)
    pub(crate) fn new(_months: &MonthNames) -> DateParser {
        DateParser {
            time: compile(r"(?i)\b\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:am|pm|uhr|h)?\b"),
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
        let tokens = tokens(text);
        let scanner = Scanner {
            tokens: &tokens,
            lang,
            months,
        };
        let mut found: Vec<Mention> = Vec::new();
        // The token after the last mention found, to join "30 September – 2 October".
        let mut after_last = None;
        let mut index = 0;
        while index < tokens.len() {
            match scanner.date_at(index) {
                Some((mut mention, next)) => {
                    scanner.start_of_range(index, &mut mention);
                    let joined = after_last.is_some_and(|after| scanner.joins(after, index));
                    let merged = joined
                        && found
                            .last_mut()
                            .is_some_and(|first| join_range(first, &mention));
                    if !merged {
                        if mention.date.year.is_none() {
                            mention.this_year = self.this_year.is_match(&text[mention.end..]);
                        }
                        found.push(mention);
                    }
                    after_last = Some(next);
                    index = next;
                }
                None => index += 1,
            }
        }
        found
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
        // A date is a few words and its label a few more ("Veröffentlicht am Donnerstag,
        // 4. Dezember 2019"): a longer text is no dateline, and not scanning every
        // paragraph of a report for that is most of what reading its structure costs.
        if text.len() > DATELINE_BYTES
            || !crate::pipeline::ingest::analyse::shape::at_most_words(text, DATELINE_WORDS)
        {
            return None;
        }
        let found = self.find(text, lang, months);
        let [mention] = found.as_slice() else {
            return None;
        };
        let rest: String = format!("{} {}", &text[..mention.start], &text[mention.end..]);
        let rest = self.time.replace_all(&rest, " ");
        // Besides label words, a dateline may give the time and the weekday, abbreviated
        // ("Posté mar 13/10/2009 - 07:00").
        let only_labels = rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .all(|word| {
                let word = word.to_lowercase();
                is_label(&word)
                    || (word.chars().count() <= 3 && word.chars().all(char::is_alphabetic))
            });
        only_labels.then_some(mention.date)
    }
}

/// Reads dates off a token sequence.
struct Scanner<'a, 't> {
    tokens: &'a [Token<'t>],
    lang: Option<&'a str>,
    months: &'a MonthNames,
}

impl Scanner<'_, '_> {
    fn get(&self, index: usize) -> Option<&Token<'_>> {
        self.tokens.get(index)
    }

    /// Whether the token at `index` is `text`, as a separate word or mark.
    fn is(&self, index: usize, text: &str) -> bool {
        self.get(index).is_some_and(|token| token.is(text))
    }

    /// Whether two tokens touch (no space between): "4.12.2019", "2019-12-04".
    fn touching(&self, left: usize) -> bool {
        match (self.get(left), self.get(left + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// The month whose name (one or two words, maybe abbreviated with a dot) starts at
    /// `index`: its number and the index after it.
    fn month_at(&self, index: usize, has_year: impl Fn(usize) -> bool) -> Option<(u32, usize)> {
        let first = self.get(index)?;
        if first.is_number() {
            return None;
        }
        let two_words = self
            .get(index + 1)
            .map(|next| format!("{} {}", first.text, next.text));
        if let Some(name) = &two_words
            && let Some(month) = self.months.month(name, self.lang)
        {
            return Some((month, index + 2));
        }
        let month = self.months.month(first.text, self.lang)?;
        let dotted = self.is(index + 1, ".");
        let next = if dotted { index + 2 } else { index + 1 };
        // A bare abbreviation ("pro", "mar") is a month only with a dot, a year, or in the
        // text's own language; otherwise "10 pro athletes" would be a date.
        let abbreviation = first.text.chars().count() <= 4;
        let own_language = self
            .lang
            .is_some_and(|lang| self.months.is_name_in(first.text, lang));
        if abbreviation && !dotted && !own_language && !has_year(next) {
            return None;
        }
        Some((month, next))
    }

    /// A year after a date: "2019", ", 2019", "de 2019".
    fn year_after(&self, index: usize) -> Option<(i32, usize)> {
        let mut at = index;
        let hyphen_against =
            self.is(at, "-") && at > 0 && self.touching(at - 1) && self.touching(at);
        if self.is(at, ",") || hyphen_against {
            at += 1;
        }
        if self.is(at, "de") {
            at += 1;
        }
        self.get(at)?.year().map(|year| (year, at + 1))
    }

    fn date_at(&self, index: usize) -> Option<(Mention, usize)> {
        self.numeric_at(index)
            .or_else(|| self.year_month_day_at(index))
            .or_else(|| self.day_month_at(index))
            .or_else(|| self.month_day_at(index))
    }

    fn mention(&self, first: usize, last: usize, date: PartialDate) -> Mention {
        Mention {
            date,
            this_year: false,
            last: None,
            start: self.tokens[first].start,
            end: self.tokens[last].end,
        }
    }

    /// "4.12.2019", "04/12/2019" (day first; "12/25/2019" is read month first), "2019-12-04".
    fn numeric_at(&self, index: usize) -> Option<(Mention, usize)> {
        let a = self.get(index)?;
        let separator = self.get(index + 1)?;
        let glued = (0..4).all(|offset| self.touching(index + offset));
        if !glued || !a.is_number() {
            return None;
        }
        let b = self.get(index + 2)?.number(2)?;
        if !self.is(index + 3, separator.text) {
            return None;
        }
        let c = self.get(index + 4)?;
        let date = match separator.text {
            "." | "/" => {
                let first = a.number(2)?;
                let year = c.year()?;
                let (day, month) = if b > 12 && first <= 12 {
                    (b, first)
                } else {
                    (first, b)
                };
                valid(Some(year), month, day)?
            }
            "-" => valid(Some(a.year()?), b, c.number(2)?)?,
            _ => return None,
        };
        Some((self.mention(index, index + 4, date), index + 5))
    }

    /// "4 December 2019", "4. Dezember", "December 4th" is `month_day_at`; here the day comes
    /// first, with an ordinal or a dot, "de"/"of" before the month, and an optional year.
    fn day_month_at(&self, index: usize) -> Option<(Mention, usize)> {
        let day = self.get(index)?.number(2)?;
        let mut at = self.after_ordinal(index, ORDINALS);
        // "4. Dezember", and "05-Noviembre-2015" written with hyphens against the words.
        if self.is(at, ".") || (self.is(at, "-") && self.touching(index)) {
            at += 1;
        }
        if self.is(at, "de") || self.is(at, "of") {
            at += 1;
        }
        let (month, after_month) = self.month_at(at, |next| self.year_after(next).is_some())?;
        let (year, end) = self.optional_year(after_month);
        let date = valid(year, month, day)?;
        Some((self.mention(index, end - 1, date), end))
    }

    /// The token after the number at `index`, past an ordinal suffix written against it
    /// ("4th", "1er").
    fn after_ordinal(&self, index: usize, suffixes: &[&str]) -> usize {
        let suffixed = self
            .get(index + 1)
            .is_some_and(|t| suffixes.iter().any(|suffix| t.is(suffix)));
        if suffixed && self.touching(index) {
            index + 2
        } else {
            index + 1
        }
    }

    /// The year at `at`, if one is written there, and where the date ends.
    fn optional_year(&self, at: usize) -> (Option<i32>, usize) {
        match self.year_after(at) {
            Some((year, end)) => (Some(year), end),
            None => (None, at),
        }
    }

    /// "December 4th", "December 4, 2019", "October 20th 2014".
    fn month_day_at(&self, index: usize) -> Option<(Mention, usize)> {
        // Only a word followed by a day can start one: look for the number before the name.
        let day_follows = |offset: usize| {
            self.get(index + offset)
                .is_some_and(|t| t.number(2).is_some())
        };
        if !(day_follows(1) || day_follows(2) || day_follows(3)) {
            return None;
        }
        let (month, at) = self.month_at(index, |next| {
            self.get(next + 1).is_some_and(|t| t.year().is_some())
                || self.get(next + 2).is_some_and(|t| t.year().is_some())
        })?;
        let day = self.get(at)?.number(2)?;
        let (year, end) = self.optional_year(self.after_ordinal(at, ENGLISH_ORDINALS));
        let date = valid(year, month, day)?;
        Some((self.mention(index, end - 1, date), end))
    }

    /// "2019. december 4." (Hungarian), "2022 m. gegužės 18 d." (Lithuanian).
    fn year_month_day_at(&self, index: usize) -> Option<(Mention, usize)> {
        let year = self.get(index)?.year()?;
        let mut at = index + 1;
        if self.is(at, ".") {
            at += 1;
        }
        if self.is(at, "m") && self.is(at + 1, ".") {
            at += 2;
        }
        let (month, after_month) = self.month_at(at, |_| true)?;
        let day = self.get(after_month)?.number(2)?;
        let mut end = after_month + 1;
        if self.is(end, ".") {
            end += 1;
        }
        let date = valid(Some(year), month, day)?;
        Some((self.mention(index, end - 1, date), end))
    }
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
    use crate::pipeline::ingest::lexicon::Lexicon;

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
    fn datelines_may_carry_the_time_and_an_abbreviated_weekday() {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        let line = |text: &str| parser.dateline(text, None, &lexicon.months, |w| w == "posté");
        assert!(line("Posté mar 13/10/2009 - 07:00").is_some());
        assert!(line("Tue 13/10/2009 7:00 pm").is_some());
        assert_eq!(
            parser.only_date("05-Noviembre-2015", Some("es"), &lexicon.months),
            Some(PartialDate {
                year: Some(2015),
                month: 11,
                day: 5
            })
        );
        assert!(line("Meeting in Lyon 13/10/2009").is_none());
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
