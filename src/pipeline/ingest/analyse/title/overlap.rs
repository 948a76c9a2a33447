//! How much of a candidate title the body repeats, by word stems: a site's name or a
//! section's shares few words with the report, its headline many.

use rustc_hash::FxHashSet;

use crate::pipeline::ingest::analyse::boilerplate::Verdict;
use crate::pipeline::ingest::analyse::structure::Block;
use crate::pipeline::ingest::lexicon::{Lexicon, match_tokens};
use crate::util::text::comparable;

/// Whether a lower-cased word carries content: not a function word, not a single letter.
pub(super) fn is_content_word(word: &str, lexicon: &Lexicon) -> bool {
    word.chars().nth(1).is_some() && !lexicon.is_stopword(word)
}

/// Letters a word is compared by: inflected languages change a word's ending ("Zagreb",
/// "Zagrebu"; "klastrów", "klastry"), rarely its start.
const STEM_CHARS: usize = 5;

pub(super) fn stem(word: &str) -> &str {
    word.char_indices()
        .nth(STEM_CHARS)
        .map_or(word, |(end, _)| &word[..end])
}

/// Stems of the content words of the body blocks after `after`.
pub(super) fn body_stems<'b>(
    blocks: &'b [Block],
    verdicts: &[Verdict],
    after: usize,
    lexicon: &Lexicon,
) -> FxHashSet<&'b str> {
    stems_after(blocks, verdicts, after, |_| true, lexicon)
}

/// Stems of the head blocks after the candidate at `index`, less those repeating it (a
/// title shown twice must not vouch for itself).
pub(super) fn head_stems_after<'b>(
    head: &'b [Block],
    verdicts: &[Verdict],
    index: usize,
    lexicon: &Lexicon,
) -> FxHashSet<&'b str> {
    let candidate = comparable(&head[index].text);
    let differs = |block: &Block| {
        let other = comparable(&block.text);
        other.is_empty() || !(candidate.contains(&other) || other.contains(&candidate))
    };
    stems_after(head, verdicts, index, differs, lexicon)
}

/// Stems of the content words of the body blocks after `after` that `keep` accepts.
pub(super) fn stems_after<'b>(
    blocks: &'b [Block],
    verdicts: &[Verdict],
    after: usize,
    keep: impl Fn(&Block) -> bool,
    lexicon: &Lexicon,
) -> FxHashSet<&'b str> {
    blocks
        .iter()
        .zip(verdicts)
        .skip(after + 1)
        .filter(|(block, verdict)| **verdict == Verdict::Body && keep(block))
        .flat_map(|(block, _)| block.words.lower())
        .filter(|word| is_content_word(word, lexicon))
        .map(stem)
        .collect()
}

/// How much of a line the body repeats.
pub(super) struct Overlap {
    /// Share of its content words the body uses.
    pub(super) share: f64,
    /// How many of its content words the body uses.
    pub(super) shared: usize,
}

/// How many of the segment's content words `in_body` says the body uses.
pub(super) fn overlap(segment: &str, in_body: impl Fn(&str) -> bool, lexicon: &Lexicon) -> Overlap {
    let words: Vec<String> = match_tokens(segment, true)
        .into_iter()
        .filter(|word| is_content_word(word, lexicon))
        .collect();
    let shared = words.iter().filter(|word| in_body(stem(word))).count();
    let share = if words.is_empty() {
        0.0
    } else {
        shared as f64 / words.len() as f64
    };
    Overlap { share, shared }
}
