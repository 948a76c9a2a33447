//! Where a report's event took place: the place written nearest its date, the first a
//! block names, or the one mentioned most; exonyms and case endings map to one name.

use crate::pipeline::ingest::analyse::dates::Mention;
use crate::pipeline::ingest::analyse::structure::Block;
use crate::pipeline::ingest::lexicon::Lexicon;

/// The first place a block names.
pub(super) fn first_place(block: &Block, lexicon: &Lexicon) -> Option<String> {
    let words = block.written_words();
    lexicon
        .find_places(&words)
        .into_iter()
        .min_by_key(|hit| hit.start)
        .map(|hit| hit.value.clone())
}

/// The place written closest to the date mention in the same block.
pub(super) fn nearest_place(text: &str, mention: &Mention, lexicon: &Lexicon) -> Option<String> {
    // Words with their byte offsets, to measure the distance to the date.
    let mut offsets = Vec::new();
    let mut tokens = Vec::new();
    let mut offset = 0;
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let token = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !token.is_empty() {
            offsets.push(offset);
            tokens.push(token.to_owned());
        }
        offset += word.len();
    }
    lexicon
        .find_places(&tokens)
        .into_iter()
        .map(|hit| {
            let start = offsets[hit.start];
            let distance = if start >= mention.end {
                start - mention.end
            } else {
                mention.start.saturating_sub(start)
            };
            (distance, hit.value)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, place)| place.clone())
}

pub(super) fn most_mentioned_place(written: &[Vec<&str>], lexicon: &Lexicon) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for words in written {
        for found in lexicon.find_places(words) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::ingest::analyse::dates::PartialDate;

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
            nearest_place(text, &mention, &lexicon).as_deref(),
            Some("Brussels")
        );
    }
}
