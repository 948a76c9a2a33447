//! Dates in running text, in the forms EU languages write them: "04/12/2019", "4.12.2019",
//! "2019-12-04", "4 grudnia 2019", "am 20. Oktober", "December 4th", "le 4 décembre 2019",
//! "4 de diciembre de 2019", "2019. december 4.", and "4 grudnia br." (this year). A year
//! that is not written stays unknown here; `metadata` infers it only from evidence.

mod date;
mod ranges;
mod scanner;

use regex::Regex;

use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::lexicon::{DatelineWord, MonthNames};
pub(crate) use date::{Mention, PartialDate};
use ranges::join_range;
use scanner::{Scanner, tokens};

/// The most words a dateline has: the date with its weekday, and a label.
const DATELINE_WORDS: usize = 16;
/// And the most bytes: sixteen words of ten letters.
const DATELINE_BYTES: usize = 16 * 11;

/// The most words after the one that opens a byline's author, the author's and any
/// label's after it ("by the editorial team", "von Anna Schmidt | 12.05."): a longer
/// tail is a sentence.
pub(crate) const AUTHOR_WORDS: usize = 4;

/// Finds dates; built once per ingest.
#[derive(Debug)]
pub(crate) struct DateParser {
    this_year: Regex,
    /// A time of day, which a dateline may give after its date.
    time: Regex,
    /// A year written before the day, as Latvian does.
    year_before: Regex,
}

/// Compiles one of this module's patterns.
#[expect(
    clippy::expect_used,
    reason = "the pattern is a constant; the unit tests compile it"
)]
fn compile(source: &str) -> Regex {
    Regex::new(source).expect("date patterns are valid regular expressions")
}

/// The most words of a section's name a dateline may end with, after a bar or bullet.
const SECTION_WORDS: usize = 2;

impl DateParser {
    /// Prepares the parser. (`months` is kept by the caller and passed to each search.)
    pub(crate) fn new(_months: &MonthNames) -> DateParser {
        DateParser {
            time: compile(r"(?i)\b\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:am|pm|uhr|h)?\b"),
            year_before: compile(r"(?i)\b(\d{4})\.\s*gad(?:a|ā)\s*$"),
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
                    // A range that took in the date before it ("14.6.–15.6.") replaces it,
                    // and joins no date before that.
                    let took_in = found.last().is_some_and(|last| last.start >= mention.start);
                    if took_in {
                        found.pop();
                    }
                    let joined =
                        !took_in && after_last.is_some_and(|after| scanner.joins(after, index));
                    let merged = joined
                        && found
                            .last_mut()
                            .is_some_and(|first| join_range(first, &mention));
                    if !merged {
                        if mention.date.year.is_none() {
                            mention.date.year = self.year_before(&text[..mention.start]);
                        }
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

    /// The year Latvian writes before a day and month ("2021. gada 9. novembrī").
    fn year_before(&self, before: &str) -> Option<i32> {
        let year = self
            .year_before
            .captures(before)?
            .get(1)?
            .as_str()
            .parse()
            .ok()?;
        shape::is_year_number(year).then_some(year)
    }

    /// The date, when `text` is nothing but one date (a date badge).
    pub(crate) fn only_date(
        &self,
        text: &str,
        lang: Option<&str>,
        months: &MonthNames,
    ) -> Option<PartialDate> {
        self.dateline(text, lang, months, |_| DatelineWord::Other)
    }

    /// The date, when `text` is one date with the words that label it ("Posted on",
    /// "Veröffentlicht am") and perhaps its author ("by the editorial team"), as `word`
    /// tells them: a dateline, or a byline.
    pub(crate) fn dateline(
        &self,
        text: &str,
        lang: Option<&str>,
        months: &MonthNames,
        classify: impl Fn(&str) -> DatelineWord,
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
        // One date, perhaps written twice ("date 2024-02-02 By John Ensor • Published: 02
        // Feb 2024"); two dates are a range or a list, not a dateline, and a range read as
        // one ("date: 25/04/2016 - 26/04/2016") is an event's days.
        let (Some(mention), Some(last)) = (found.first(), found.last()) else {
            return None;
        };
        if found
            .iter()
            .any(|other| !other.date.agrees_with(mention.date) || other.last.is_some())
        {
            return None;
        }
        let words_of = |text: &str| -> Vec<String> {
            let text = self.time.replace_all(text, " ");
            // Hyphens stay inside words: a weekday may be written with one ("segunda-feira").
            text.split(|c: char| !c.is_alphanumeric() && c != '-')
                .map(|word| word.trim_matches('-'))
                .filter(|word| !word.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let before = words_of(&text[..mention.start]);
        // "By 31 May 2024 applications must…", "Od 1. ledna 2024 platí…": a deadline or
        // a start, not a byline, when the word that opens an author stands on the date.
        if before
            .last()
            .is_some_and(|last| classify(last) == DatelineWord::Author)
        {
            return None;
        }
        let mut author_tail: Option<usize> = None;
        let between = found
            .windows(2)
            .flat_map(|pair| words_of(&text[pair[0].end..pair[1].start]));
        // A section's name after a bar or bullet is the site's label ("14. 09. 2016 |
        // Články").
        let tail = text[last.end..].trim_start();
        let section = tail.starts_with(['|', '•', '·']) && words_of(tail).len() <= SECTION_WORDS;
        let after = if section { Vec::new() } else { words_of(tail) };
        for beside in before.iter().cloned().chain(between).chain(after) {
            if let Some(count) = author_tail.as_mut() {
                *count += 1;
                let name_like = beside.chars().all(|c| c.is_alphabetic() || c == '-');
                if *count > AUTHOR_WORDS || !name_like {
                    return None;
                }
                continue;
            }
            // Besides label words, a dateline may give the time and the weekday, in full
            // or abbreviated ("Tuesday, 20 August 2019", "Posté mar 13/10/2009 - 07:00").
            match classify(&beside) {
                DatelineWord::Author => author_tail = Some(0),
                DatelineWord::Label => {}
                DatelineWord::Other
                    if months.is_weekday(&beside)
                        || (beside.chars().count() <= 3
                            && beside.chars().all(char::is_alphabetic)) => {}
                DatelineWord::Other => return None,
            }
        }
        Some(mention.date)
    }
}

#[cfg(test)]
mod tests;
