//! The words of a text as every stage of ingest matches them: split at everything but
//! letters and digits, links left out, lower-cased once into one string per block.

use std::ops::Range;

/// A block's words for matching vocabularies, lower-cased. They are kept in one string,
/// not a string each: every stage reads them, and a report has thousands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Words {
    /// The words one after the other.
    joined: String,
    /// Where each word ends in `joined`.
    ends: Vec<usize>,
    /// Where each word is in the text it was read from, as written.
    spans: Vec<Range<usize>>,
}

impl Words {
    /// The words of a text.
    pub(crate) fn of(text: &str) -> Words {
        // Words of running text average six bytes with their space: reserve for that.
        let mut words = Words {
            joined: String::with_capacity(text.len()),
            ends: Vec::with_capacity(text.len() / 6),
            spans: Vec::with_capacity(text.len() / 6),
        };
        for word in word_slices(text) {
            crate::util::text::push_lowercase(&mut words.joined, word);
            words.ends.push(words.joined.len());
            // `word` is a slice of `text`: the distance between their starts is its offset.
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            words.spans.push(start..start + word.len());
        }
        words
    }

    /// The words as written in `text`, the text they were read from.
    pub(crate) fn written<'t>(&self, text: &'t str) -> Vec<&'t str> {
        self.spans.iter().map(|span| &text[span.clone()]).collect()
    }

    /// The lower-cased words, in order.
    pub(crate) fn lower(&self) -> Vec<&str> {
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let word = &self.joined[start..end];
                start = end;
                word
            })
            .collect()
    }
}

/// The words of a text as vocabularies match them, as written: split at everything but
/// letters and digits, links left out (the words of a URL say nothing about the text).
pub(crate) fn word_slices(text: &str) -> WordSlices<'_> {
    WordSlices {
        text,
        at: 0,
        part_end: 0,
    }
}

/// The iterator of [`word_slices`]. Every stage reads every word of every report, so it
/// walks the bytes itself: ASCII (most of any text) is classified without decoding, and
/// only other characters are decoded and looked up in Unicode's tables.
pub(crate) struct WordSlices<'a> {
    text: &'a str,
    /// Where reading goes on.
    at: usize,
    /// The end of the whitespace-separated part `at` is in.
    part_end: usize,
}

impl<'a> Iterator for WordSlices<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        loop {
            if self.at >= self.part_end && !self.next_part() {
                return None;
            }
            // The next run of letters and digits in this part.
            let start = self.first(
                self.at,
                self.part_end,
                |byte| byte.is_ascii_alphanumeric(),
                char::is_alphanumeric,
            );
            let end = self.first(
                start,
                self.part_end,
                |byte| !byte.is_ascii_alphanumeric(),
                |c| !c.is_alphanumeric(),
            );
            self.at = end;
            if start < end {
                return Some(&self.text[start..end]);
            }
        }
    }
}

impl WordSlices<'_> {
    /// Moves to the next whitespace-separated part that is no link; false at the end.
    fn next_part(&mut self) -> bool {
        let length = self.text.len();
        loop {
            let start = self.first(
                self.at,
                length,
                |byte| !is_space(byte),
                |c| !c.is_whitespace(),
            );
            if start >= length {
                self.at = length;
                return false;
            }
            let end = self.first(start, length, is_space, char::is_whitespace);
            self.at = start;
            self.part_end = end;
            if !is_link(&self.text[start..end]) {
                return true;
            }
            self.at = end;
        }
    }

    /// The first position from `from` (up to `limit`) whose character is wanted: an ASCII
    /// one as `ascii` says, read without decoding, any other as `other` says.
    #[inline]
    fn first(
        &self,
        from: usize,
        limit: usize,
        ascii: impl Fn(u8) -> bool,
        other: impl Fn(char) -> bool,
    ) -> usize {
        let bytes = &self.text.as_bytes()[..limit];
        let mut at = from;
        while let Some(&byte) = bytes.get(at) {
            if byte < 0x80 {
                if ascii(byte) {
                    return at;
                }
                at += 1;
            } else {
                // `at` is at the start of a character: every step moves by whole ones.
                let Some(c) = self.text[at..].chars().next() else {
                    return at;
                };
                if other(c) {
                    return at;
                }
                at += c.len_utf8();
            }
        }
        limit
    }
}

/// ASCII whitespace as `char::is_whitespace` has it (with the vertical tab).
fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t'..=b'\r')
}

/// Whether a whitespace-separated part of a text is a link. (Looking for a colon first is
/// cheap; most words have none.)
fn is_link(part: &str) -> bool {
    part.starts_with("www.") || (part.as_bytes().contains(&b':') && part.contains("://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `word_slices` reads, as splitting reads it (its first version).
    fn split_words(text: &str) -> Vec<&str> {
        text.split_whitespace()
            .filter(|part| !part.contains("://") && !part.starts_with("www."))
            .flat_map(|part| part.split(|c: char| !c.is_alphanumeric()))
            .filter(|word| !word.is_empty())
            .collect()
    }

    #[test]
    fn word_slices_read_what_splitting_reads() {
        for text in [
            "",
            "  ",
            "Cluster-Tag 2024: Łódź, «Brno» & Köln—x",
            "see https://x.org/a-b or www.y.eu, ok",
            "a\u{2028}b\u{85}c\u{3000}d\u{a0}e",
            "  lead and trail  ",
            "u\u{308}ber café ﬁnal",
            "数字 123abc ١٢٣ Ω≈π",
            ":// :x www. http:x ok://",
        ] {
            assert_eq!(
                word_slices(text).collect::<Vec<_>>(),
                split_words(text),
                "{text:?}"
            );
        }
        // And on texts made of every kind of character mixed at random.
        let alphabet: Vec<char> = "aZ9 ,.-:/w\n\tłÖß€—\u{a0}\u{2028}\u{85}ﬁ数١«"
            .chars()
            .collect();
        let mut seed = 7u64;
        for _ in 0..2000 {
            let text: String = (0..24)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            assert_eq!(
                word_slices(&text).collect::<Vec<_>>(),
                split_words(&text),
                "{text:?}"
            );
        }
    }
}
