//! Event names compared as a series and an edition: "9. Kongres Klastrów Polskich" and "9.
//! Kongresu Klastrów Polskich" name one congress, "8 Kongres Klastrów Polskich" the one
//! before it. A series is its words' stems in any order, so inflections, capitals and each
//! language's word order agree ("FILEX France Forum", "Forum Filex France"); an edition is
//! the ordinal or year the name gives. One edition of a named series is all but one event,
//! wherever it is reported; two editions of one series are two events.

use crate::pipeline::ingest::analyse::shape;

/// Letters of a word a series keeps: enough to tell names apart, few enough that the cases
/// of inflecting languages agree ("Kongres", "Kongresu"; "klastrová", "klastrovej").
const STEM_LETTERS: usize = 5;
/// Ordinals above this are counts ("500 meetings"), not editions.
const MAX_ORDINAL: u32 = 200;

/// One event name as grouping compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct EventName {
    /// The stems of its words, numbers left out, sorted and space-separated.
    pub(super) series: String,
    /// "9.", "21st", "5e", "2.": which edition.
    ordinal: Option<u32>,
    /// A year in the name ("TCI Global Conference 2016").
    year: Option<u32>,
}

/// How two reports' event names relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Editions {
    /// The same series, each name in another edition.
    Different,
    /// The same series, no edition on one side or both.
    SameSeries,
    /// The same series and edition.
    Same,
}

impl EventName {
    /// The name as a series and edition, the same name from its ordinal on when words
    /// precede it ("Održana 2. Međunarodna konferencija": "was held, the 2nd …"), and up to
    /// its year when words follow it. None of
    /// either when fewer than two words are left, or neither a capital nor a written
    /// ordinal marks it as a name: "3 days conference" names no event.
    pub(super) fn variants(name: &str) -> Vec<EventName> {
        let tokens: Vec<Token> = name.split_whitespace().flat_map(tokens_of).collect();
        let from_ordinal = tokens
            .iter()
            .position(|token| matches!(token, Token::Ordinal { .. }))
            .filter(|&start| start > 0);
        // What follows an edition's year names a part of that edition or the report's own
        // words ("European Cluster Conference 2012 Ceremony"); the name ends at the year.
        let to_year = tokens
            .iter()
            .position(|token| matches!(token, Token::Year(_)))
            .map(|year| year + 1)
            .filter(|&end| end < tokens.len());
        let ends = [Some(tokens.len()), to_year];
        let mut variants: Vec<EventName> = [Some(0), from_ordinal]
            .into_iter()
            .flatten()
            .flat_map(|start| ends.into_iter().flatten().map(move |end| start..end))
            .filter(|span| !span.is_empty())
            .filter_map(|span| Self::of_tokens(&tokens[span]))
            .collect();
        variants.dedup();
        variants
    }

    fn of_tokens(tokens: &[Token]) -> Option<EventName> {
        let mut stems = Vec::new();
        let mut capitalised = false;
        let (mut ordinal, mut year) = (None, None);
        for token in tokens {
            match token {
                Token::Word { stem, capital } => {
                    stems.push(stem.as_str());
                    capitalised |= capital;
                }
                Token::Ordinal { number, marked } => {
                    ordinal = ordinal.or(Some(*number));
                    // "1. medzinárodná klastrová konferencia" is a name; "3 days" is not.
                    capitalised |= marked;
                }
                Token::Year(number) => year = year.or(Some(*number)),
            }
        }
        // "FILEX France Forum" and "Forum Filex France": languages order a name's words
        // their own way.
        stems.sort_unstable();
        (stems.len() >= 2 && capitalised).then(|| EventName {
            series: stems.join(" "),
            ordinal,
            year,
        })
    }

    /// A report's names as one per series, each with the first ordinal and year any name
    /// of its series gives: "5. Baltic Cluster Forum", then "the Baltic Cluster Forum",
    /// names the fifth.
    pub(super) fn per_series(names: impl IntoIterator<Item = EventName>) -> Vec<EventName> {
        let mut merged: Vec<EventName> = Vec::new();
        for name in names {
            match merged.iter_mut().find(|known| known.series == name.series) {
                Some(known) => {
                    known.ordinal = known.ordinal.or(name.ordinal);
                    known.year = known.year.or(name.year);
                }
                None => merged.push(name),
            }
        }
        merged
    }

    /// Whether this name is of `short`'s series, or names it in full: each of its words
    /// and more ("TCI Annual Global Conference" of "Annual Global Conference").
    pub(super) fn holds_series_of(&self, short: &EventName) -> bool {
        let mut own = self.series.split(' ');
        // Both lists of stems are sorted: each of `short`'s is found by walking on.
        short
            .series
            .split(' ')
            .all(|stem| own.any(|candidate| candidate == stem))
    }

    /// How this name and `other` relate, if they name one series.
    pub(super) fn compare(&self, other: &EventName) -> Option<Editions> {
        if self.series != other.series {
            return None;
        }
        let ordinal = agree(self.ordinal, other.ordinal);
        let year = agree(self.year, other.year);
        Some(if ordinal == Some(false) || year == Some(false) {
            Editions::Different
        } else if ordinal == Some(true) || year == Some(true) {
            Editions::Same
        } else {
            Editions::SameSeries
        })
    }
}

/// Whether two optional numbers agree, when both are given.
fn agree(a: Option<u32>, b: Option<u32>) -> Option<bool> {
    Some(a? == b?)
}

/// A word of a name as a series reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word {
        stem: String,
        capital: bool,
    },
    /// An edition; `marked` when written as one ("9.", "21st"), not as a bare number.
    Ordinal {
        number: u32,
        marked: bool,
    },
    Year(u32),
}

/// The tokens of one written word: "21st", "9.", "2016", "1.medzinárodnej" (an ordinal and
/// a word), "TCIC2019" (a word and a year), "Klastrów". Short lower-case words ("of", "des",
/// "o") are left out: names of one event join their words with different ones.
fn tokens_of(word: &str) -> Vec<Token> {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let digits_end = core
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(core.len());
    let (digits, rest) = core.split_at(digits_end);
    if digits.is_empty() {
        return word_then_year(core);
    }
    let Ok(number) = digits.parse::<u32>() else {
        return Vec::new();
    };
    if rest.is_empty() && shape::is_year_number(number) {
        return vec![Token::Year(number)];
    }
    let after_dot = rest.strip_prefix('.');
    let ordinal = rest.is_empty()
        || after_dot.is_some()
        || (rest.chars().count() <= 3 && rest.chars().all(char::is_alphabetic));
    let mut tokens = Vec::new();
    if ordinal && number <= MAX_ORDINAL {
        let marked = !rest.is_empty() || word.ends_with('.');
        tokens.push(Token::Ordinal { number, marked });
    }
    tokens.extend(after_dot.into_iter().flat_map(word_then_year));
    tokens
}

/// A word, and a year written onto it ("TCIC2019").
fn word_then_year(word: &str) -> Vec<Token> {
    let letters_end = word
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(word.len());
    let (letters, digits) = word.split_at(letters_end);
    let capital = letters.chars().next().is_some_and(char::is_uppercase);
    let mut tokens = Vec::new();
    if capital || letters.chars().count() > 3 {
        let stem = letters
            .to_lowercase()
            .chars()
            .take(STEM_LETTERS)
            .collect::<String>();
        tokens.push(Token::Word { stem, capital });
    }
    if let Some(year) = digits
        .parse()
        .ok()
        .filter(|&year| shape::is_year_number(year))
    {
        tokens.push(Token::Year(year));
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relation(a: &str, b: &str) -> Option<Editions> {
        EventName::variants(a)
            .iter()
            .flat_map(|x| {
                EventName::variants(b)
                    .into_iter()
                    .filter_map(|y| x.compare(&y))
            })
            .max()
    }

    #[test]
    fn one_edition_is_named_alike_in_any_case_and_spelling() {
        let same = [
            (
                "9. Kongres Klastrów Polskich",
                "9. Kongresu Klastrów Polskich",
            ),
            (
                "9 Kongres Klastrów Polskich",
                "9. Kongresu Klastrów Polskich",
            ),
            (
                "21st TCI Network Global Conference",
                "21st TCI Network Global Conference 2018",
            ),
            (
                "Održana 2. Međunarodna konferencija",
                "2. Međunarodna konferencija",
            ),
            ("TCI Global Conference 2016", "TCI global conference 2016"),
            ("FILEX France Forum 2019", "Forum Filex France 2019"),
            (
                "1.medzinárodnej klastrovej konferencie",
                "1. medzinárodná klastrová konferencia",
            ),
            // What follows the year is a part of the edition, or the report's own words.
            (
                "European Cluster Conference 2012 Ceremony",
                "European Cluster Conference 2012",
            ),
            (
                "Clusterwoche Deutschland 2019 Auftakt",
                "Clusterwoche Deutschland 2019",
            ),
            (
                "Kongres Klastrów Polskich 2023 w Gdańsku",
                "Kongresu Klastrów Polskich 2023",
            ),
        ];
        for (a, b) in same {
            assert_eq!(relation(a, b), Some(Editions::Same), "{a} / {b}");
        }
    }

    #[test]
    fn other_editions_of_a_series_differ() {
        let different = [
            (
                "8 Kongres Klastrów Polskich",
                "9. Kongresu Klastrów Polskich",
            ),
            (
                "European Cluster Conference 2010",
                "European Cluster Conference 2020",
            ),
            ("19th TCI Global Conference", "21st TCI Global Conference"),
        ];
        for (a, b) in different {
            assert_eq!(relation(a, b), Some(Editions::Different), "{a} / {b}");
        }
    }

    #[test]
    fn a_year_and_an_ordinal_do_not_contradict() {
        assert_eq!(
            relation("21st TCI Global Conference", "TCI Global Conference 2018"),
            Some(Editions::SameSeries)
        );
        assert_eq!(
            relation("Kongres Klastrów Polskich", "9. Kongres Klastrów Polskich"),
            Some(Editions::SameSeries)
        );
    }

    #[test]
    fn a_full_name_holds_the_series_of_its_short_name_and_not_the_reverse() {
        let name = |text: &str| EventName::variants(text).remove(0);
        let short = name("Annual Global Conference");
        let full = name("15th TCI Annual Global Conference");
        assert!(full.holds_series_of(&short));
        assert!(short.holds_series_of(&short));
        assert!(!short.holds_series_of(&full));
        // Inflected: "Kongresu Klastrów Polskich" in full is still the congress's.
        assert!(
            name("IX Kongresu Klastrów Polskich w Gdańsku")
                .holds_series_of(&name("Kongres Klastrów"))
        );
        assert!(!name("TCI European Conference").holds_series_of(&name("TCI Global Conference")));
    }

    #[test]
    fn counts_and_lower_case_phrases_name_no_event() {
        for name in [
            "3 days conference",
            "500 meetings",
            "145 working meetings",
            "Dwa",
        ] {
            assert!(EventName::variants(name).is_empty(), "{name}");
        }
        assert_eq!(
            relation("TCI Global Conference", "TCI European Conference"),
            None
        );
    }
}
