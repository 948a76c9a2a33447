//! Whether a line of a report's head can be its title, and how it reads: a headline names
//! something beside its date and place, is neither a dateline nor a byline's time of
//! posting, and seldom ends with a full stop.

use crate::pipeline::ingest::analyse::dates::DateParser;
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::BlockKind;
use crate::pipeline::ingest::lexicon::{Lexicon, match_tokens};

use super::overlap::is_content_word;

/// A headline is a paragraph or a heading (or a numbered one, "8. Kongres …"), never a
/// list item.
pub(super) fn can_be_title(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph | BlockKind::Heading | BlockKind::Numbered(_)
    )
}

/// How a line that may be a title reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// As a headline does.
    Headline,
    /// As a sentence: it ends with a full stop. Some headlines do ("Clusters meet regions
    /// 2024: Charleroi's economic revival."), most such lines are running text.
    Sentence,
}

/// Whether a line may be a title, and how it reads; `None` when it cannot be one.
pub(super) fn title_shape(
    segment: &str,
    lang: Option<&str>,
    lexicon: &Lexicon,
    dates: &DateParser,
) -> Option<Shape> {
    looks_like_title(segment, lang, lexicon, dates).then(|| {
        if shape::ends_with_full_stop(segment) {
            Shape::Sentence
        } else {
            Shape::Headline
        }
    })
}

pub(super) fn looks_like_title(
    segment: &str,
    lang: Option<&str>,
    lexicon: &Lexicon,
    dates: &DateParser,
) -> bool {
    let words = shape::word_count(segment);
    // A line that starts in lower case continues the line above it; a web address is a
    // link or a file name, not a headline; so is an e-mail address or a handle, and a
    // profile's role at its employer ("CEO @ Cluj IT Cluster"), where one word stands
    // before the '@' (an event's "Clusters Week @ Brussels" has more).
    let continues = segment.starts_with(char::is_lowercase);
    let address = segment.contains("://") || segment.contains("www.") || is_handle(segment);
    if !(2..=25).contains(&words) || continues || address {
        return false;
    }
    // A segment that is only a place and a date ("Bruksela 4.12.2019", "8 listopada 2023
    // roku w Gdańsku") is a dateline: beside the date, a headline names something.
    let mentions = dates.find(segment, lang, &lexicon.months);
    let mut rest = segment.to_owned();
    for mention in mentions.iter().rev() {
        rest.replace_range(mention.start..mention.end, " ");
    }
    let tokens = match_tokens(&rest, false);
    let mut in_place = vec![false; tokens.len()];
    for found in lexicon.find_places(&tokens, lang) {
        in_place[found.start..found.start + found.len].fill(true);
    }
    let named = |(token, place): (&String, &bool)| !place && token.chars().any(char::is_alphabetic);
    let words_beside_places = tokens.iter().zip(&in_place).filter(|&t| named(t)).count();
    let content_beside_places = tokens
        .iter()
        .zip(&in_place)
        .filter(|&t| named(t) && is_content_word(&t.0.to_lowercase(), lexicon))
        .count();
    // A name beside them counts alone ("Go-Cluster am 26. März 2015 in Berlin"); a common
    // word does not ("8 listopada 2023 roku w Gdańsku").
    let names_beside_places = tokens.iter().zip(&in_place).any(|t| {
        named(t)
            && t.0.starts_with(char::is_uppercase)
            && is_content_word(&t.0.to_lowercase(), lexicon)
            && !lexicon.months.is_weekday(t.0)
            && lexicon.months.month(t.0, lang).is_none()
    });
    if mentions.is_empty() {
        words_beside_places > 0
    } else if has_clock_time(&rest) {
        // A date with the time of day is when the page was posted ("26.03.2015 14:09 Uhr
        // in Energie & Umwelt"), a byline.
        false
    } else {
        content_beside_places >= 2 || names_beside_places
    }
}

/// Whether a text holds a time of day written with a colon ("14:09").
pub(super) fn has_clock_time(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_digit() || c == ':'))
        .any(|token| match token.split_once(':') {
            Some((hours, minutes)) => {
                (1..=2).contains(&hours.len())
                    && minutes.len() == 2
                    && hours.parse::<u32>().is_ok_and(|h| h < 24)
                    && minutes.parse::<u32>().is_ok_and(|m| m < 60)
            }
            None => false,
        })
}

/// Whether a text has a sentence end inside it ("… in October 2017. During the …").
pub(super) fn has_sentence_break(text: &str) -> bool {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|pair| {
            let before = pair[0].trim_end_matches(['"', '”', '’', ')']);
            before.ends_with(['.', '!', '?'])
                && before.chars().filter(|c| c.is_alphanumeric()).count() > 2
                && pair[1].starts_with(char::is_uppercase)
        })
}

/// Whether a line holds an e-mail address or a handle ('@' inside a word), or opens with
/// one word and an '@' ("CEO @ …").
fn is_handle(segment: &str) -> bool {
    let inside_word = segment
        .split_whitespace()
        .any(|word| word.len() > 1 && word.contains('@'));
    let role_at = segment
        .split_once(" @ ")
        .is_some_and(|(before, _)| shape::word_count(before) == 1);
    inside_word || role_at
}
