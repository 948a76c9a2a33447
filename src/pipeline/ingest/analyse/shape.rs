//! The shape of a line or block, as the structure and furniture rules ask it: whether it
//! ends a sentence, how it starts (lower case, a capital or digit, a web address), and how
//! many words it has, counted no further than asked.

use std::ops::RangeInclusive;

/// Whether a line ends a sentence (or a lead-in), so the next line starts a new block.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', '»', '“', ')', ']']);
    trimmed.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Whether a line ends with a full stop, as running text does and a headline does not:
/// unlike [`ends_sentence`], a question, an ellipsis or a date's or ordinal's dot ("22-23
/// studenog 2018.") may end a headline.
pub(crate) fn ends_with_full_stop(text: &str) -> bool {
    text.strip_suffix('.')
        .is_some_and(|rest| !rest.ends_with("..") && !rest.ends_with(|c: char| c.is_ascii_digit()))
}

/// Whether the first letter of a text is lower case.
pub(crate) fn starts_lowercase(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '(')
}

/// Extensions of the documents a page links to as attachments.
const DOCUMENT_EXTENSIONS: [&str; 9] = [
    "pdf", "doc", "docx", "ppt", "pptx", "xls", "xlsx", "odt", "zip",
];

/// Whether a word is a document's file name ("Programme_Agenda_V1.pdf", "(agenda.docx)").
pub(crate) fn is_file_name(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    word.rsplit_once('.').is_some_and(|(stem, extension)| {
        !stem.is_empty()
            && DOCUMENT_EXTENSIONS
                .iter()
                .any(|known| extension.eq_ignore_ascii_case(known))
    })
}

/// Whether a word is a web address ("https://…", "www.…"), in any case.
pub(crate) fn is_address(word: &str) -> bool {
    let prefix = |p: &str| {
        word.get(..p.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(p))
    };
    prefix("http://") || prefix("https://") || prefix("www.")
}

/// Whether the first character is an upper-case letter or a digit.
pub(crate) fn starts_capitalised(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether a text is written in capitals only ("CLUSTER FOOD & NUTRITION"), with a few
/// letters at least.
pub(crate) fn in_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 4 && letters.all(char::is_uppercase)
}

/// The years a report's four-digit numbers may be; others are codes, counts or prices.
pub(crate) const YEARS: RangeInclusive<i32> = 1900..=2099;

/// Whether a number is one of the `YEARS`.
pub(crate) fn is_year_number(number: impl TryInto<i32>) -> bool {
    number
        .try_into()
        .is_ok_and(|number| YEARS.contains(&number))
}

/// "1998", "2024": a word of four digits that is a year, not a postal code or a count.
pub(crate) fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && word.parse::<i32>().is_ok_and(is_year_number)
}

/// Whether a text writes a year as a word of its own ("Clusterwoche 2019").
pub(crate) fn names_a_year(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(is_year)
}

/// Number of words.
pub(crate) fn word_count(text: &str) -> usize {
    words_up_to(text, usize::MAX)
}

/// Whether `text` has at most `limit` words; reads no further than that.
pub(crate) fn at_most_words(text: &str, limit: usize) -> bool {
    words_up_to(text, limit.saturating_add(1)) <= limit
}

/// Whether `text` has at least `limit` words; reads no further than that.
pub(crate) fn at_least_words(text: &str, limit: usize) -> bool {
    words_up_to(text, limit) >= limit
}

/// How many words `text` has, counting no further than `cap`: the whitespace-separated
/// parts with a letter or digit. Every structure rule asks it of lines and blocks, most
/// of them only "at most a few words?", so it stops reading at `cap`.
fn words_up_to(text: &str, cap: usize) -> usize {
    let (mut count, mut in_word) = (0, false);
    for c in text.chars() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word && c.is_alphanumeric() {
            // The first letter or digit of a part makes it a word.
            in_word = true;
            count += 1;
            if count >= cap {
                return count;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_four_digits_of_the_years_a_report_may_write() {
        for word in ["1998", "2024", "1900", "2099"] {
            assert!(is_year(word), "{word}");
        }
        for word in ["1899", "2100", "02024", "+202", "20 24", "8010", "924"] {
            assert!(!is_year(word), "{word}");
        }
        assert!(names_a_year("Clusterwoche 2019"));
        assert!(!names_a_year("A-8010 Graz, 300 guests"));
        assert!(is_year_number(2024_u32) && !is_year_number(u64::MAX) && !is_year_number(-2024));
    }

    #[test]
    fn a_full_stop_ends_running_text_but_not_a_dates_dot_or_an_ellipsis() {
        for text in ["Partners met in Graz.", "Clusters grow."] {
            assert!(ends_with_full_stop(text), "{text}");
        }
        for text in [
            "Forum 22-23 studenog 2018.",
            "What next...",
            "What next?",
            "Forum",
        ] {
            assert!(!ends_with_full_stop(text), "{text}");
        }
    }

    #[test]
    fn a_file_name_has_a_documents_extension() {
        for name in [
            "agenda.pdf",
            "(Programme_V1.PDF)",
            "minutes.docx,",
            "slides.pptx",
        ] {
            assert!(is_file_name(name), "{name}");
        }
        for word in ["e.g.", "www.example.com", "v1.0", "pdf", ".pdf", "S.p.A."] {
            assert!(!is_file_name(word), "{word}");
        }
    }

    #[test]
    fn words_are_parts_with_a_letter_or_digit() {
        let reference = |text: &str| {
            text.split_whitespace()
                .filter(|word| word.chars().any(char::is_alphanumeric))
                .count()
        };
        for text in [
            "",
            "a - b -- c ,,, d\te\u{b}f",
            "x-y z_ ?! 12",
            "Łódź – Kraków, 2024 r. ,",
        ] {
            assert_eq!(word_count(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn word_limits_agree_with_the_count() {
        for text in [
            "",
            "–",
            "One",
            "One – two",
            "One two, three: 4 5 6 7 8 9 10 11 12 13",
            "a - b -- c ,,, d\te\u{b}f",
            "Łódź – Kraków, 2024 r. ,",
        ] {
            let count = word_count(text);
            for limit in 0..15 {
                assert_eq!(
                    at_most_words(text, limit),
                    count <= limit,
                    "{text:?} {limit}"
                );
                assert_eq!(
                    at_least_words(text, limit),
                    count >= limit,
                    "{text:?} {limit}"
                );
            }
        }
    }

    #[test]
    fn sentence_ends_include_quotes_and_brackets() {
        assert!(ends_sentence("coffees”."));
        assert!(ends_sentence("(see picture below)."));
        assert!(ends_sentence("topics:"));
        assert!(!ends_sentence("Antonio Novo"));
        assert!(!ends_sentence("CEO of the ALPHA-RLH Cluster, France)"));
    }

    #[test]
    fn case_of_first_letters() {
        assert!(starts_lowercase("gathered about half"));
        assert!(!starts_lowercase("Guerrero presented"));
        assert!(!starts_lowercase("2019 EU Cluster"));
        assert!(starts_capitalised("2. Indicators"));
        assert!(starts_capitalised("Über"));
    }
}
