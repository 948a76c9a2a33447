//! Structure recovery: normalised lines become blocks. Hard-wrapped lines are re-joined into
//! paragraphs (and words split at a line end repaired), list items are found from their
//! glyphs, from numbers, from orphaned markers whose text came later, and from runs of short
//! lines whose glyph was lost; short heading-like lines become headings; date badges, empty
//! bullets and page numbers are kept as their own blocks for the boilerplate stage to judge.

use std::borrow::Cow;

mod block;
mod headings;
mod lines;
mod lists;
mod words;

use crate::pipeline::ingest::analyse::dates::DateParser;
use crate::pipeline::ingest::analyse::normalise::{BULLET, Line};
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::lexicon::Lexicon;
pub use block::BlockKind;
pub(crate) use block::{Block, block};
use lines::{ChunkReader, Vocabulary};
pub(crate) use words::{Words, word_slices};

/// Reads the blocks of a normalised text.
/// `language` is the text's main language, if known: its function words tell a line that
/// stops mid-phrase ("... of the") from one that ends.
pub(crate) fn blocks(
    lines: &[Line],
    language: Option<&str>,
    dates: &DateParser,
    lexicon: &Lexicon,
) -> Vec<Block> {
    let chunks = chunks(lines);
    let is_function_word = |word: &str| match language {
        Some(lang) => lexicon.is_stopword_in(lang, word),
        None => lexicon.is_stopword(word),
    };
    let width = wrap_width(&chunks, is_function_word);
    let vocabulary = Vocabulary::of(lines);
    let mut blocks = Vec::new();
    for (index, chunk) in chunks.iter().enumerate() {
        let joined = chunk
            .iter()
            .map(|line| line.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if dates
            .only_date(&joined, language, &lexicon.months)
            .is_some()
        {
            blocks.push(block(BlockKind::DateLine, joined, chunk, index));
            continue;
        }
        let start = blocks.len();
        let reader = ChunkReader {
            width,
            language,
            lexicon,
            dates,
            vocabulary: &vocabulary,
        };
        reader.read(chunk, index, &mut blocks);
        let (before, chunk_blocks) = blocks.split_at_mut(start);
        lists::quote_after_dash(chunk_blocks, before.last(), chunk);
        lists::lists_from_short_lines(&mut blocks[start..]);
    }
    lists::lists_after_orphaned_markers(&mut blocks);
    lists::nest_bullets_under_numbers(&mut blocks);
    headings::mark_headings(&mut blocks, is_function_word);
    // Words hyphenated across a line end are whole now; they count as written forms too.
    let joined = Vocabulary::hyphenated(blocks.iter().map(|block| block.text.as_str()));
    for block in &mut blocks {
        // The words are read here, once the text is final.
        if let Cow::Owned(repaired) = joined.repair_glued_words(&block.text) {
            block.text = repaired;
        }
        block.words = Words::of(&block.text);
    }
    blocks
}

/// Runs of non-blank lines; in a double-spaced text (a PDF that put a blank line after
/// every line), runs between two or more blank lines, and the lines decide the rest.
fn chunks(lines: &[Line]) -> Vec<Vec<&Line>> {
    let single = split_at_blanks(lines, 1);
    if is_double_spaced(&single) {
        split_at_blanks(lines, 2)
    } else {
        single
    }
}

/// Runs of non-blank lines split at `blanks` or more blank lines.
fn split_at_blanks(lines: &[Line], blanks: usize) -> Vec<Vec<&Line>> {
    let mut chunks: Vec<Vec<&Line>> = Vec::new();
    let mut current = Vec::new();
    let mut blank_run = 0;
    for line in lines {
        if line.text.is_empty() {
            blank_run += 1;
            if blank_run == blanks && !current.is_empty() {
                chunks.push(std::mem::take(&mut current));
            }
        } else {
            blank_run = 0;
            current.push(line);
        }
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// Sentences cut by a blank line that make a text double-spaced: one is a fluke.
const DOUBLE_SPACED_CUTS: usize = 3;

/// Whether blank lines cut sentences: one-line chunks end mid-sentence and the next goes
/// on in lower case ("… became acquainted with the clusters and" / "innovation networks
/// in the region."), at least half the time a line as long as those ends open.
fn is_double_spaced(chunks: &[Vec<&Line>]) -> bool {
    let pairs: Vec<(&Line, &Line)> = chunks
        .windows(2)
        .filter_map(|pair| match (pair[0].as_slice(), pair[1].as_slice()) {
            ([before], [after]) if !shape::ends_sentence(&before.text) => Some((*before, *after)),
            _ => None,
        })
        .collect();
    let cut = |after: &Line| shape::starts_lowercase(&after.text);
    let cuts = pairs.iter().filter(|(_, after)| cut(after)).count();
    if cuts < DOUBLE_SPACED_CUTS {
        return false;
    }
    // The width the text was wrapped at, as the cut lines tell; lines well short of it
    // ended on purpose (a heading, a speaker's name).
    let Some(width) = median_length(pairs.iter().filter(|(_, after)| cut(after)).map(|p| p.0))
    else {
        return false;
    };
    let wrapped = pairs
        .iter()
        .filter(|(before, _)| before.text.chars().count() * 100 >= width * 85)
        .count();
    cuts * 2 >= wrapped
}

/// The width hard-wrapped lines were wrapped at: the median length of lines that certainly
/// continue because the next line starts in lower case; failing that (German capitalises
/// its nouns), of lines that stop at a comma or a function word, unless too many lines are
/// longer than that width would allow (paragraphs on one line each, short lines between).
/// None when the text is not hard-wrapped.
fn wrap_width(chunks: &[Vec<&Line>], is_function_word: impl Fn(&str) -> bool) -> Option<usize> {
    let pairs = || chunks.iter().flat_map(|chunk| chunk.windows(2));
    let before_lowercase = pairs()
        .filter(|pair| shape::starts_lowercase(&pair[1].text))
        .map(|pair| pair[0]);
    if let Some(width) = median_length(before_lowercase) {
        return Some(width);
    }
    let stops_mid_phrase = |line: &Line| {
        let last_word = line.text.rsplit(' ').next().unwrap_or("");
        last_word.ends_with(',') || is_function_word(&crate::util::text::lowercase(last_word))
    };
    // A list item ending in a comma is followed by the next item, not by its own rest.
    let is_item = |line: &Line| {
        line.text
            .starts_with(['-', '*', '–', '—', '·', '◦', BULLET])
    };
    let width = median_length(
        pairs()
            .filter(|pair| !is_item(pair[1]) && stops_mid_phrase(pair[0]))
            .map(|pair| pair[0]),
    )?;
    let lines = chunks.iter().flatten();
    let longer = lines
        .clone()
        .filter(|line| line.text.chars().count() * 4 > width * 5)
        .count();
    (longer * 10 <= lines.count()).then_some(width)
}

/// The median length of at least two lines.
fn median_length<'l>(lines: impl Iterator<Item = &'l Line>) -> Option<usize> {
    let mut lengths: Vec<usize> = lines.map(|line| line.text.chars().count()).collect();
    if lengths.len() < 2 {
        return None;
    }
    lengths.sort_unstable();
    Some(lengths[lengths.len() / 2])
}

#[cfg(test)]
mod tests;
