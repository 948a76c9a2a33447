//! The scanner: a text's tokens (runs of digits, runs of letters, single marks) and the
//! date forms read off them, one at a time.

use super::date::{Mention, PartialDate, valid};
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::lexicon::MonthNames;

/// A piece of text: a run of digits, a run of letters, or one other character.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'t> {
    text: &'t str,
    pub(super) start: usize,
    end: usize,
}

impl Token<'_> {
    pub(super) fn is_number(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit())
    }

    pub(super) fn number(&self, max_digits: usize) -> Option<u32> {
        (self.is_number() && self.text.len() <= max_digits)
            .then(|| self.text.parse().ok())
            .flatten()
    }

    fn year(&self) -> Option<i32> {
        let year: i32 = (self.is_number() && self.text.len() == 4)
            .then(|| self.text.parse().ok())
            .flatten()?;
        shape::is_year_number(year).then_some(year)
    }

    pub(super) fn is(&self, text: &str) -> bool {
        self.text.eq_ignore_ascii_case(text)
    }
}

pub(super) fn tokens(text: &str) -> Vec<Token<'_>> {
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
pub(super) const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "e", "º", "ª"];
/// Suffixes hyphenated to a day: Bulgarian ordinals ("20-ти", "21-ви"), Hungarian case
/// endings ("20-án", "20-ig", "20-i").
const HYPHENATED_SUFFIXES: &[&str] = &[
    "ви", "ри", "ти", "ми", "а", "án", "én", "jén", "ján", "ig", "i", "ai", "ei", "tól", "től",
];
/// The English ones: only they follow the day in "December 4th".
const ENGLISH_ORDINALS: &[&str] = &["st", "nd", "rd", "th"];

/// Languages that write a day and month without the year in figures with dots ("23.11.").
const DOTTED_DAY_MONTH: &[&str] = &[
    "de", "cs", "sk", "pl", "hr", "sl", "sr", "bs", "hu", "fi", "et", "lv", "lt", "da", "no", "nb",
    "bg", "ro",
];

/// Reads dates off a token sequence.
pub(super) struct Scanner<'a, 't> {
    pub(super) tokens: &'a [Token<'t>],
    pub(super) lang: Option<&'a str>,
    pub(super) months: &'a MonthNames,
}

impl Scanner<'_, '_> {
    pub(super) fn get(&self, index: usize) -> Option<&Token<'_>> {
        self.tokens.get(index)
    }

    /// Whether the token at `index` is `text`, as a separate word or mark.
    pub(super) fn is(&self, index: usize, text: &str) -> bool {
        self.get(index).is_some_and(|token| token.is(text))
    }

    /// Whether the token at `index` is a weekday's name ("mercredi", "Tuesday").
    pub(super) fn is_weekday(&self, index: usize) -> bool {
        self.get(index)
            .is_some_and(|token| self.months.is_weekday(token.text))
    }

    /// Whether two tokens touch (no space between): "4.12.2019", "2019-12-04".
    pub(super) fn touching(&self, left: usize) -> bool {
        self.gap_after(left) == Some(0)
    }

    /// Bytes of space between the token at `left` and the next one.
    fn gap_after(&self, left: usize) -> Option<usize> {
        let (a, b) = (self.get(left)?, self.get(left + 1)?);
        Some(b.start - a.end)
    }

    /// The month whose name (one or two words, maybe abbreviated with a dot) starts at
    /// `index`: its number and the index after it.
    pub(super) fn month_at(
        &self,
        index: usize,
        has_year: impl Fn(usize) -> bool,
    ) -> Option<(u32, usize)> {
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

    pub(super) fn date_at(&self, index: usize) -> Option<(Mention, usize)> {
        self.numeric_at(index)
            .or_else(|| self.numeric_day_month_at(index))
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

    /// "4.12.2019", "04/12/2019" (day first; "12/25/2019" is read month first), "2019-12-04",
    /// and "4. 12. 2019" as Czech, Slovak, Slovenian and Croatian space it.
    fn numeric_at(&self, index: usize) -> Option<(Mention, usize)> {
        let a = self.get(index)?;
        let separator = self.get(index + 1)?;
        let glued = (0..4).all(|offset| self.touching(index + offset));
        let spaced = separator.text == "."
            && self.touching(index)
            && self.touching(index + 2)
            && [index + 1, index + 3]
                .iter()
                .all(|&dot| self.gap_after(dot).is_some_and(|gap| gap <= 1));
        if !(glued || spaced) || !a.is_number() {
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

    /// "23.11." as Central and Northern European languages write a day and month without
    /// the year ("am 23.11.", "22. i 23.11.", "14.6.–15.6."), only in those
    /// (`DOTTED_DAY_MONTH`). Its month takes two digits unless it ends a range: "Version
    /// 2.1." is no date.
    fn numeric_day_month_at(&self, index: usize) -> Option<(Mention, usize)> {
        let glued = (index..index + 3).all(|at| self.touching(at));
        if !glued || !self.is(index + 1, ".") || !self.is(index + 3, ".") {
            return None;
        }
        // Not a piece of a longer number ("1.2.3.", "23.11.2019").
        let number_after = self.touching(index + 3)
            && self
                .get(index + 4)
                .is_some_and(|t| t.is_number() || t.is("."));
        if !self
            .lang
            .is_some_and(|lang| DOTTED_DAY_MONTH.contains(&lang))
        {
            return None;
        }
        let ends_range = index > 0 && ["-", "–", "—"].iter().any(|dash| self.is(index - 1, dash));
        let number_before = index > 0
            && self.touching(index - 1)
            && (self.is(index - 1, ".") || self.get(index - 1).is_some_and(Token::is_number));
        if number_after || number_before {
            return None;
        }
        let day = self.get(index)?.number(2)?;
        let month_token = self.get(index + 2)?;
        if month_token.text.len() < 2 && !ends_range {
            return None;
        }
        let date = valid(None, month_token.number(2)?, day)?;
        Some((self.mention(index, index + 3, date), index + 4))
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
    pub(super) fn after_ordinal(&self, index: usize, suffixes: &[&str]) -> usize {
        let suffixed = self
            .get(index + 1)
            .is_some_and(|t| suffixes.iter().any(|suffix| t.is(suffix)));
        if suffixed && self.touching(index) {
            index + 2
        } else if self.hyphenated_suffix(index + 2) {
            index + 3
        } else {
            index + 1
        }
    }

    /// Whether the token at `at` is a suffix hyphenated to the number two tokens before
    /// it: "20-ти" (a Bulgarian ordinal), "20-án" (a Hungarian case ending).
    pub(super) fn hyphenated_suffix(&self, at: usize) -> bool {
        at >= 2
            && self.is(at - 1, "-")
            && self.touching(at - 2)
            && self.touching(at - 1)
            && self.get(at - 2).is_some_and(Token::is_number)
            && HYPHENATED_SUFFIXES.iter().any(|suffix| self.is(at, suffix))
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
        let range = self.range_after_day(at, day);
        let after_day = range.map_or_else(|| self.after_ordinal(at, ENGLISH_ORDINALS), |r| r.1);
        // Lithuanian writes "d." (day) after the number: "Gruodžio 11 d., 2017".
        let after_day = if self.is(after_day, "d") && self.is(after_day + 1, ".") {
            after_day + 2
        } else {
            after_day
        };
        let (year, end) = self.optional_year(after_day);
        let date = valid(year, month, day)?;
        let mut mention = self.mention(index, end - 1, date);
        mention.last = range.map(|(last, _)| (month, last));
        Some((mention, end))
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
        let range = self.range_after_day(after_month, day);
        let mut end = range.map_or(after_month + 1, |r| r.1);
        if self.is(end, ".") {
            end += 1;
        }
        let date = valid(Some(year), month, day)?;
        let mut mention = self.mention(index, end - 1, date);
        mention.last = range.map(|(last, _)| (month, last));
        Some((mention, end))
    }
}
