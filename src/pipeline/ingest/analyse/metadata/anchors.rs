//! What two reports of one event share however they are written: numbers, acronyms,
//! capitalised names and links, read for grouping.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::pipeline::ingest::analyse::dates::{Mention, PartialDate};
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::lexicon::Lexicon;

/// Numbers, names and links that survive translation, for grouping reports into events.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Anchors {
    /// Numbers of two digits or more that are not years.
    pub(crate) numbers: BTreeSet<u64>,
    /// Acronyms and capitalised hyphenated names, lower case.
    pub(crate) names: BTreeSet<String>,
    /// Links, without scheme and trailing slash.
    pub(crate) urls: BTreeSet<String>,
    /// Capitalised words inside sentences (names of places, people, venues and events,
    /// which translations keep), lower case.
    pub(crate) proper: BTreeSet<String>,
    /// Runs of those words side by side in the text, two words or more (function words
    /// between them aside: "Ministry of Economy"): the words of one long name, which two
    /// reports share as one name, not as many.
    pub(crate) proper_runs: BTreeSet<Vec<String>>,
    /// The last day of the event, when its date is a range ("21–23 November 2023"); its
    /// year unknown when the first day's is ("26 and 27 March").
    pub(crate) event_last: Option<PartialDate>,
    /// Every day the report dates, ranges spelled out: a report of one day of an event
    /// often names the others.
    pub(crate) days: BTreeSet<NaiveDate>,
    /// Names of events the report gives, in reading order ("TCI Global Conference").
    pub(crate) event_names: Vec<String>,
    /// The same names, index by index, with the words each language writes its own way
    /// put in English (`Lexicon::interlingual_name`), for comparing names across languages.
    pub(crate) interlingual_event_names: Vec<String>,
    /// The event's year as far as the report tells: its date's, else the one year its
    /// title or else its text writes, else the year it was published.
    pub(crate) year: Option<i32>,
    /// The event's month in that year as far as the report tells: its date's, else the one
    /// month it names with that year and no day ("in October 2019").
    pub(crate) month: Option<(i32, u32)>,
}

/// The anchors of `texts`; the days and months of the seed's date `mentions` are no numbers
/// worth sharing.
pub(super) fn anchors(texts: &[&str], mentions: &[(usize, Mention)], lexicon: &Lexicon) -> Anchors {
    let mut anchors = Anchors::default();
    let date_numbers: BTreeSet<u64> = mentions
        .iter()
        .flat_map(|(_, m)| [u64::from(m.date.day), u64::from(m.date.month)])
        .collect();
    for text in texts {
        for word in text.split_whitespace() {
            let trimmed = word.trim_matches(|c: char| {
                !c.is_alphanumeric() && c != '-' && c != '/' && c != ':' && c != '.'
            });
            if let Some(url) = url_anchor(trimmed) {
                anchors.urls.insert(url);
                continue;
            }
            let clean = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if let Some(number) = number_anchor(clean).filter(|n| !date_numbers.contains(n)) {
                anchors.numbers.insert(number);
            } else if let Some(name) = name_anchor(clean) {
                anchors.names.insert(name);
            }
        }
        for number in grouped_numbers(text) {
            anchors.numbers.insert(number);
        }
        let proper = proper_words(text, lexicon);
        anchors.proper_runs.extend(runs(&proper));
        anchors
            .proper
            .extend(proper.into_iter().map(|proper| proper.word));
    }
    anchors
}

/// Shortest proper word worth comparing: shorter capitalised words are mostly titles and
/// abbreviations.
pub(crate) const PROPER_MIN_LETTERS: usize = 4;

/// A capitalised word and where it stands among the text's words.
struct ProperWord {
    position: usize,
    word: String,
}

/// Capitalised words not at the start of a sentence and not function words: "Matera",
/// "Antipolis", "Tapia". Function words keep their place in the count, so a name of several
/// words with one between ("Ministry of Economy") still reads as one name.
fn proper_words(text: &str, lexicon: &Lexicon) -> Vec<ProperWord> {
    let mut sentence_start = true;
    let mut proper = Vec::new();
    let mut position = 0;
    for word in text.split_whitespace() {
        let starts = sentence_start;
        sentence_start = word.ends_with(['.', '!', '?', ':', '»', '"']);
        // A sentence's end parts names: "… in Riga. The Baltic …".
        position += usize::from(starts);
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = clean.to_lowercase();
        if lexicon.is_stopword(&lower) {
            continue;
        }
        position += 1;
        let letters = clean.chars().filter(|c| c.is_alphabetic()).count();
        let capitalised = shape::starts_capitalised(clean)
            && clean.chars().skip(1).any(char::is_lowercase)
            && clean.chars().all(char::is_alphabetic);
        if !starts && capitalised && letters >= PROPER_MIN_LETTERS {
            proper.push(ProperWord {
                position,
                word: lower,
            });
        }
    }
    proper
}

/// The runs of words that stand side by side, two words or more.
fn runs(proper: &[ProperWord]) -> impl Iterator<Item = Vec<String>> + '_ {
    proper
        .chunk_by(|a, b| a.position + 1 == b.position)
        .filter(|run| run.len() >= 2)
        .map(|run| run.iter().map(|proper| proper.word.clone()).collect())
}

fn url_anchor(word: &str) -> Option<String> {
    let rest = word
        .strip_prefix("https://")
        .or_else(|| word.strip_prefix("http://"))?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.trim_end_matches(['/', '.', ',', ')']);
    (rest.contains('.') && rest.len() > 4).then(|| rest.to_lowercase())
}

fn number_anchor(word: &str) -> Option<u64> {
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let number: u64 = word.parse().ok()?;
    (number >= 10 && !shape::is_year(word)).then_some(number)
}

/// "6 500" and "6,500" are 6500.
fn grouped_numbers(text: &str) -> impl Iterator<Item = u64> + '_ {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let number = move |high: &str, low: &str| {
        let grouped = high.len() <= 3 && low.len() == 3 && digits(high) && digits(low);
        grouped
            .then(|| format!("{high}{low}").parse().ok())
            .flatten()
    };
    let mut previous = "";
    text.split(' ').filter_map(move |word| {
        let before = std::mem::replace(&mut previous, word);
        if !word.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        // "6 500": a word of up to three digits, then one of three.
        let low = word.trim_end_matches(|c: char| !c.is_ascii_digit());
        if let Some(spaced) = number(before, low) {
            return Some(spaced);
        }
        // "6,500", "6.500".
        let (high, low) = word
            .trim_matches(|c: char| !c.is_ascii_digit())
            .split_once([',', '.'])?;
        number(high, low)
    })
}

/// Acronyms ("ECCP", "SMEs" → "sme"), capitalised hyphenated names ("Gold-Label") and
/// names that hold digits ("Flux50", "Expo2015"), which translations keep as they are.
fn name_anchor(word: &str) -> Option<String> {
    let (letters, upper) = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(letters, upper), c| {
            (letters + 1, upper + usize::from(c.is_uppercase()))
        });
    if letters < 2 {
        return None;
    }
    let acronym = upper >= 2 && (upper == letters || (upper == letters - 1 && word.ends_with('s')));
    if acronym && letters <= 8 {
        return Some(word.trim_end_matches('s').to_lowercase());
    }
    let parts: Vec<&str> = word.split('-').collect();
    let capitalised_compound = parts.len() >= 2
        && parts
            .iter()
            .all(|part| shape::starts_capitalised(part) && part.len() > 1);
    let with_digits = letters >= DIGIT_NAME_MIN_LETTERS
        && shape::starts_capitalised(word)
        && word.chars().all(char::is_alphanumeric)
        && word.chars().any(|c| c.is_ascii_digit());
    (capitalised_compound || with_digits).then(|| word.to_lowercase())
}

/// Letters a name with digits has at least: "Flux50", not "A4" or "Q3".
const DIGIT_NAME_MIN_LETTERS: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_numbers_names_and_links() {
        let lexicon = Lexicon::new();
        let found = anchors(
            &[
                "50 managers of Gold-Label clusters, 6 500 SMEs and ECCP in 2019; see https://www.example.eu/news/x/.",
            ],
            &[],
            &lexicon,
        );
        assert_eq!(found.numbers, BTreeSet::from([50, 500, 6500]));
        assert!(found.names.contains("gold-label"));
        assert!(found.names.contains("sme"));
        assert!(found.names.contains("eccp"));
        assert!(found.urls.contains("example.eu/news/x"));
    }

    #[test]
    fn a_name_that_holds_digits_is_an_anchor_and_a_size_or_an_ordinal_is_not() {
        let lexicon = Lexicon::new();
        let found = anchors(
            &["Die Energiecluster heißt nun Flux50, wie auf der Expo2015 und 15th A4 Q3 10x."],
            &[],
            &lexicon,
        );
        assert!(found.names.contains("flux50"), "{:?}", found.names);
        assert!(found.names.contains("expo2015"));
        for not_a_name in ["15th", "a4", "q3", "10x"] {
            assert!(!found.names.contains(not_a_name), "{not_a_name}");
        }
    }
}
