//! Where a report's event took place: the place written nearest its date, the first a
//! block names, or the one mentioned most; exonyms and case endings map to one name. A
//! name that begins a hyphenated one names no place of its own: "Castilla" of
//! "Castilla-La Mancha" and "Baden" of "Baden-Württemberg" are regions, not the cities.

use std::ops::Range;

use crate::pipeline::ingest::analyse::dates::Mention;
use crate::pipeline::ingest::analyse::structure::Block;
use crate::pipeline::ingest::lexicon::{Found, Lexicon};

/// The first place a block names.
pub(super) fn first_place(block: &Block, lang: &str, lexicon: &Lexicon) -> Option<String> {
    places_in(&block.text, &block.written_words(), lang, lexicon)
        .into_iter()
        .min_by_key(|(hit, _)| hit.start)
        .map(|(hit, _)| hit.value.clone())
}

/// The place written closest to the date mention in the same block.
pub(super) fn nearest_place(
    text: &str,
    mention: &Mention,
    lang: &str,
    lexicon: &Lexicon,
) -> Option<String> {
    let tokens: Vec<&str> = text
        .split_inclusive(|c: char| !c.is_alphanumeric())
        .map(|word| word.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .filter(|token| !token.is_empty())
        .collect();
    places_in(text, &tokens, lang, lexicon)
        .into_iter()
        .map(|(hit, span)| {
            let distance = if span.start >= mention.end {
                span.start - mention.end
            } else {
                mention.start.saturating_sub(span.start)
            };
            (distance, hit.value)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, place)| place.clone())
}

/// The place written next to the event's date: where the date is first written, or else
/// where the report writes it again ("…will be held on 8 and 9 November", and later "on 8
/// and 9 November 2017 in the city of Valencia").
pub(super) fn place_beside_event_date(
    blocks: &[Block],
    indices: &[usize],
    first_mention: Option<&(usize, Mention)>,
    mentions: &[(usize, Mention)],
    lang: &str,
    lexicon: &Lexicon,
) -> Option<String> {
    let first = first_mention?;
    let again = mentions.iter().filter(|(block, mention)| {
        indices.contains(block) && mention.date.agrees_with(first.1.date)
    });
    std::iter::once(first)
        .chain(again)
        .find_map(|(block, mention)| nearest_place(&blocks[*block].text, mention, lang, lexicon))
}

/// The place the blocks of a part name most often, the first named of a tie.
pub(super) fn most_mentioned_place(
    part: &[&Block],
    lang: &str,
    lexicon: &Lexicon,
) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for block in part {
        for (found, _) in places_in(&block.text, &block.written_words(), lang, lexicon) {
            match counts.iter_mut().find(|(name, _)| name == found.value) {
                Some((_, count)) => *count += 1,
                None => counts.push((found.value.clone(), 1)),
            }
        }
    }
    // Ties go to the place mentioned first.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(name, _)| name.clone())
}

/// The places `words` name in `lang`, each with its byte range in `text`, leaving out a
/// name that is the first part of a hyphenated one. `words` are slices of `text`.
fn places_in<'l>(
    text: &str,
    words: &[&str],
    lang: &str,
    lexicon: &'l Lexicon,
) -> Vec<(Found<'l, String>, Range<usize>)> {
    // Each word is a slice of `text`: the distance between their starts is its offset.
    let offset = |word: &str| word.as_ptr() as usize - text.as_ptr() as usize;
    lexicon
        .find_places(words, Some(lang))
        .into_iter()
        .map(|hit| {
            let last = words[hit.start + hit.len - 1];
            let span = offset(words[hit.start])..offset(last) + last.len();
            (hit, span)
        })
        .filter(|(_, span)| !joined_by_hyphen(text, span.clone()))
        .collect()
}

/// Whether the words at `span` of `text` begin a hyphenated name ("Castilla-La Mancha",
/// "Brussels-based"). A place after a hyphen is left alone: titles use one as a dash
/// ("Clusters meet Regions-Košice").
fn joined_by_hyphen(text: &str, span: Range<usize>) -> bool {
    const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];
    text[span.end..]
        .strip_prefix(HYPHENS)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::ingest::analyse::dates::PartialDate;
    use crate::pipeline::ingest::analyse::structure::BlockKind;

    #[test]
    fn the_place_is_the_one_next_to_the_date() {
        let lexicon = Lexicon::new();
        let text = "The Regensburg cluster joined the meeting held on 4 December in Brussels.";
        let at = text.find("4 December").unwrap();
        let mention = Mention {
            date: PartialDate {
                year: None,
                month: 12,
                day: 4,
            },
            this_year: false,
            last: None,
            start: at,
            end: at + 10,
        };
        assert_eq!(
            nearest_place(text, &mention, "en", &lexicon).as_deref(),
            Some("Brussels")
        );
    }

    #[test]
    fn a_city_inside_a_hyphenated_name_is_no_place() {
        assert!(joined_by_hyphen("in Castilla-La Mancha", 3..11));
        assert!(joined_by_hyphen("in Baden-Württemberg", 3..8));
        assert!(!joined_by_hyphen("in Baden - the spa town", 3..8));
        assert!(!joined_by_hyphen("in Cluj-Napoca", 3..14));
        assert!(!joined_by_hyphen("Clusters meet Regions-Košice", 22..29));
        let lexicon = Lexicon::new();
        let text = "Das Cluster-Treffen fand in Baden-Württemberg statt, nicht in Baden.";
        let block = Block::new(BlockKind::Paragraph, text.to_owned(), 0, 0);
        let places = places_in(&block.text, &block.written_words(), "de", &lexicon);
        assert_eq!(places.len(), 1);
    }
}
