//! The title of a report: among the short lines above the body, the one whose words the body
//! repeats most (a site name or a section name shares few words with the report; a date
//! badge or a dateline is not a title). "Place date | Title" headings give their title part.
//! A report with no title line (the second language of a bilingual page) gets the phrase
//! its body repeats most, or its first sentence.

use crate::pipeline::ingest::analyse::boilerplate::Verdict;
use crate::pipeline::ingest::analyse::dates::DateParser;
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::{Block, BlockKind};
use crate::pipeline::ingest::lexicon::Lexicon;
use crate::util::text::comparable;

mod candidate;
mod derive;
mod overlap;
pub(crate) use derive::{derive, has_words};

use candidate::{Shape, can_be_title, has_sentence_break, title_shape};
use overlap::{Overlap, body_stems, head_stems_after, overlap};

/// The chosen title: which block it is in and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Title {
    /// Index of the block.
    pub(crate) block: usize,
    /// The title text (a segment of the block for "A | B" headings).
    pub(crate) text: String,
}

/// How far down a title may be, in blocks that could be one: site headers rarely take more.
const HEAD_BLOCKS: usize = 8;
/// Share of a candidate's content words the body must repeat.
const MIN_OVERLAP: f64 = 0.25;
/// Weight of a candidate that holds a date.
const DATED_WEIGHT: f64 = 0.5;
/// Weight of a candidate in capitals only: more often a kicker or a section's label above
/// the headline ("CLUSTER FOOD & NUTRITION") than the headline.
const CAPITALS_WEIGHT: f64 = 0.5;
/// Weight of a candidate that ends as a sentence does: above a headline it is a teaser or
/// a picture's text repeating the body's words, so it is the title only when no line
/// shaped as a headline names the body nearly as well.
const SENTENCE_WEIGHT: f64 = 0.1;
/// How much better than an earlier candidate a later one must be.
const LATER_MARGIN: f64 = 1.25;

/// Finds the title among the blocks still judged body.
/// `lang` is the text's main language, which tells month names apart ("listopada" is
/// November in Polish, October in Croatian).
pub(crate) fn find(
    blocks: &[Block],
    verdicts: &[Verdict],
    lang: Option<&str>,
    lexicon: &Lexicon,
    dates: &DateParser,
) -> Option<Title> {
    let title_shape = |text: &str| title_shape(text, lang, lexicon, dates);
    // A headline may be long too: the head ends at the first long block that reads as
    // running text, not at a long title.
    let first_long = (0..blocks.len())
        .find(|&i| {
            verdicts[i] == Verdict::Body
                && shape::at_least_words(&blocks[i].text, 15)
                && (title_shape(&blocks[i].text) != Some(Shape::Headline)
                    || has_sentence_break(&blocks[i].text))
        })
        .unwrap_or(blocks.len());
    // Counted in lines that could be a title: a blog's sidebar of list items or a
    // breadcrumb dropped above it does not push the headline out of reach.
    let head_end = (0..blocks.len())
        .filter(|&i| verdicts[i] == Verdict::Body && can_be_title(blocks[i].kind))
        .nth(HEAD_BLOCKS)
        .unwrap_or(blocks.len());
    let region = first_long.min(head_end);
    if let Some(title) = doubled_headline(blocks, verdicts, region, &title_shape) {
        return Some(title);
    }
    // The body's words below the head, read once; each candidate adds the head blocks after it.
    let below_head = body_stems(blocks, verdicts, region.saturating_sub(1), lexicon);
    let mut best: Option<(f64, Title)> = None;
    let mut earlier: Vec<String> = Vec::new();
    for index in 0..region {
        let block = &blocks[index];
        if verdicts[index] != Verdict::Body
            || !can_be_title(block.kind)
            || in_numbered_list(blocks, index)
        {
            continue;
        }
        let head_after = head_stems_after(&blocks[..region], &verdicts[..region], index, lexicon);
        let in_body = |stem: &str| below_head.contains(stem) || head_after.contains(stem);
        for segment in block.text.split(" | ").map(str::trim) {
            let Some(form) = title_shape(segment) else {
                continue;
            };
            let Overlap { share, shared } = overlap(segment, in_body, lexicon);
            // The share keeps out lines foreign to the report (a site's name); among the
            // rest, the line naming most of what the body talks about is the headline
            // (a caption or a subheading repeats fewer of its words).
            // A line with a date is more often a byline or a deck ("Organised … on
            // 4 December") than a headline, and the headline comes first.
            let dated = !dates.find(segment, lang, &lexicon.months).is_empty();
            let capitals = shape::in_capitals(segment);
            let weight = |applies: bool, weight: f64| if applies { weight } else { 1.0 };
            let score = share
                * shared as f64
                * weight(dated, DATED_WEIGHT)
                * weight(capitals, CAPITALS_WEIGHT)
                * weight(form == Shape::Sentence, SENTENCE_WEIGHT);
            if share < MIN_OVERLAP {
                continue;
            }
            // A later line that repeats an earlier candidate whole is a teaser of the
            // headline ("Kurzfassung: <headline><lead> ..."): it names more of the body,
            // yet is no headline. A kicker in capitals is repeated by the headline itself.
            let key = comparable(segment);
            if earlier
                .iter()
                .any(|candidate| key.contains(candidate.as_str()))
            {
                continue;
            }
            // A kicker in capitals or a sentence above the headline is no headline a
            // teaser could repeat.
            if !capitals && form == Shape::Headline {
                earlier.push(key);
            }
            let better = |top: f64| score > top * LATER_MARGIN;
            if best.as_ref().is_none_or(|(top, _)| better(*top)) {
                let text = match block.kind {
                    // "8. Kongres …" is the eighth congress when the body writes "8." too
                    // ("na 8. edycję"); otherwise the number is a section's.
                    BlockKind::Numbered(number) if writes_ordinal(blocks, verdicts, number) => {
                        format!("{number}. {segment}")
                    }
                    _ => segment.to_owned(),
                };
                best = Some((score, Title { block: index, text }));
            }
        }
    }
    best.map(|(_, title)| title)
}

/// Fewest words of a headline the page writes twice: a menu's label repeated has fewer.
const DOUBLED_HEADLINE_WORDS: usize = 3;

/// The headline a copied page writes twice at its head, as its title and as its heading:
/// the first two lines that could be a title, alike and shaped as a headline; or the first
/// is the browser's title, the headline and the site's name after a dash ("… eletto
/// presidente - MEDIA KEY"), and a later line of the head is the headline alone. It is the
/// title whatever words the body repeats: a headline that quotes someone ("When the world
/// moves, we must be there") shares few. The later copy is the title; the first is above it.
fn doubled_headline(
    blocks: &[Block],
    verdicts: &[Verdict],
    region: usize,
    title_shape: &impl Fn(&str) -> Option<Shape>,
) -> Option<Title> {
    let mut candidates = (0..region).filter(|&i| {
        verdicts[i] == Verdict::Body && can_be_title(blocks[i].kind) && !in_numbered_list(blocks, i)
    });
    let first = candidates.next()?;
    let key = comparable(&blocks[first].text);
    let without_site = without_site_name(&blocks[first].text).map(comparable);
    let second = match candidates.next()? {
        next if comparable(&blocks[next].text) == key => next,
        next => std::iter::once(next)
            .chain(candidates)
            .find(|&i| Some(comparable(&blocks[i].text)) == without_site)?,
    };
    // Of a "Place date | Title" heading, its one part shaped as a headline.
    let mut headlines = blocks[second]
        .text
        .split(" | ")
        .map(str::trim)
        .filter(|segment| title_shape(segment) == Some(Shape::Headline));
    let text = headlines.next().filter(|_| headlines.next().is_none())?;
    // A name whose every word is capitalised, twice, is as often a site's name (its logo's
    // text, then its name) as a headline; a headline's words are not all capitalised.
    let name = text
        .split_whitespace()
        .all(|word| !word.starts_with(char::is_lowercase));
    let headline = shape::at_least_words(text, DOUBLED_HEADLINE_WORDS) && !name;
    headline.then(|| Title {
        block: second,
        text: text.to_owned(),
    })
}

/// The most words of a site's name after a browser title's headline.
const SITE_NAME_WORDS: usize = 4;

/// A browser title's headline without the site's name after its last dash or bar
/// ("Alberto Bassi eletto presidente - MEDIA KEY"), if it has one.
fn without_site_name(text: &str) -> Option<&str> {
    let (headline, site) = [" - ", " – ", " — ", " | "]
        .iter()
        .filter_map(|separator| text.rsplit_once(separator))
        .max_by_key(|(headline, _)| headline.len())?;
    shape::at_most_words(site, SITE_NAME_WORDS).then_some(headline.trim())
}

/// Blocks an item of a numbered list may take, itself included, before the next item: its
/// line and a paragraph or two under it.
const LIST_ITEM_BLOCKS: usize = 3;

/// Whether the block at `index` is an item of a numbered list ("1. INMA: Innovation
/// audits", then "2. …", next to it or after the item's paragraphs): a numbered heading
/// ("9. Kongres Klastrów Polskich") stands alone.
fn in_numbered_list(blocks: &[Block], index: usize) -> bool {
    let BlockKind::Numbered(number) = blocks[index].kind else {
        return false;
    };
    let previous = nearest_number(blocks[..index].iter().rev());
    let next = nearest_number(blocks[index + 1..].iter());
    previous.is_some_and(|previous| previous.checked_add(1) == Some(number))
        || next.is_some_and(|next| number.checked_add(1) == Some(next))
}

/// The number of the first numbered block among the next few an item may take.
fn nearest_number<'a>(blocks: impl Iterator<Item = &'a Block>) -> Option<u32> {
    blocks
        .take(LIST_ITEM_BLOCKS)
        .find_map(|block| match block.kind {
            BlockKind::Numbered(number) => Some(number),
            _ => None,
        })
}

/// The block that carries a title known from elsewhere (a web page's metadata), if the
/// text has it.
pub(crate) fn given(blocks: &[Block], known: &str) -> Option<Title> {
    let key = comparable(known);
    if key.is_empty() {
        return None;
    }
    let block = blocks
        .iter()
        .position(|block| comparable(&block.text) == key)?;
    Some(Title {
        block,
        text: known.to_owned(),
    })
}

/// The title's block as the title reads it, when the title keeps the number the block was
/// numbered with ("9. Kongres Klastrów Polskich"): the number is the name's, and the
/// report's facts (its event names) are read from the block.
pub(crate) fn restore_ordinal(blocks: &mut [Block], title: &Title) {
    let Some(block) = blocks.get_mut(title.block) else {
        return;
    };
    if let BlockKind::Numbered(number) = block.kind
        && title.text.starts_with(&format!("{number}. "))
    {
        block.rewrite(BlockKind::Heading, title.text.clone());
    }
}

/// Whether a body block writes `number` followed by a dot inside its text, as languages
/// that write ordinals that way do ("die 8. Ausgabe", "na 9. Kongresie").
fn writes_ordinal(blocks: &[Block], verdicts: &[Verdict], number: u32) -> bool {
    let ordinal = format!("{number}.");
    blocks
        .iter()
        .zip(verdicts)
        .filter(|(block, verdict)| **verdict == Verdict::Body && block.kind == BlockKind::Paragraph)
        .any(|(block, _)| {
            block
                .text
                .split_whitespace()
                .skip(1)
                .any(|word| word == ordinal)
        })
}

#[cfg(test)]
mod tests;
