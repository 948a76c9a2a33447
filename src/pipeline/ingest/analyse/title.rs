//! The title of a report: among the short lines above the body, the one whose words the body
//! repeats most (a site name or a section name shares few words with the report; a date
//! badge or a dateline is not a title). "Place date | Title" headings give their title part.
//! A report with no title line (the second language of a bilingual page) gets the phrase
//! its body repeats most, or its first sentence.

use std::collections::HashMap;

use rustc_hash::FxHashSet;

use crate::pipeline::ingest::analyse::boilerplate::{Verdict, comparable};
use crate::pipeline::ingest::analyse::dates::DateParser;
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::{Block, BlockKind};
use crate::pipeline::ingest::lexicon::{Lexicon, match_tokens};

/// The chosen title: which block it is in and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Title {
    /// Index of the block.
    pub(crate) block: usize,
    /// The title text (a segment of the block for "A | B" headings).
    pub(crate) text: String,
}

/// How far down a title may be: site headers rarely take more blocks than this.
const HEAD_BLOCKS: usize = 8;
/// Share of a candidate's content words the body must repeat.
const MIN_OVERLAP: f64 = 0.25;

/// Finds the title among the blocks still judged body.
pub(crate) fn find(
    blocks: &[Block],
    verdicts: &[Verdict],
    lexicon: &Lexicon,
    dates: &DateParser,
) -> Option<Title> {
    let first_long = (0..blocks.len())
        .find(|&i| verdicts[i] == Verdict::Body && shape::at_least_words(&blocks[i].text, 15))
        .unwrap_or(blocks.len());
    let region = first_long.min(HEAD_BLOCKS);
    // The body's words below the head, read once; each candidate adds the head blocks after it.
    let below_head = body_words(blocks, verdicts, region.saturating_sub(1), lexicon);
    let mut best: Option<(f64, Title)> = None;
    for index in 0..region {
        let block = &blocks[index];
        if verdicts[index] != Verdict::Body
            || !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::Heading | BlockKind::Numbered(_)
            )
        {
            continue;
        }
        let head_after = body_words(&blocks[..region], &verdicts[..region], index, lexicon);
        let in_body = |word: &str| below_head.contains(word) || head_after.contains(word);
        for segment in block.text.split(" | ").map(str::trim) {
            if !looks_like_title(segment, lexicon, dates) {
                continue;
            }
            let score = overlap(segment, in_body, lexicon);
            if score >= MIN_OVERLAP && best.as_ref().is_none_or(|(top, _)| score > *top) {
                let title = Title {
                    block: index,
                    text: segment.to_owned(),
                };
                best = Some((score, title));
            }
        }
    }
    best.map(|(_, title)| title)
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

fn looks_like_title(segment: &str, lexicon: &Lexicon, dates: &DateParser) -> bool {
    let words = shape::word_count(segment);
    if !(2..=25).contains(&words) || segment.ends_with('.') && !segment.ends_with("...") {
        return false;
    }
    // A segment that is only a place and a date ("Bruksela 4.12.2019") is a dateline.
    let mut rest = segment.to_owned();
    for mention in dates.find(segment, None, &lexicon.months).iter().rev() {
        rest.replace_range(mention.start..mention.end, " ");
    }
    let tokens = match_tokens(&rest, false);
    let places = lexicon.find_places(&tokens);
    let covered: usize = places.iter().map(|found| found.len).sum();
    tokens
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .count()
        > covered
}

/// Whether a lower-cased word carries content: not a function word, not a single letter.
fn is_content_word(word: &str, lexicon: &Lexicon) -> bool {
    word.chars().nth(1).is_some() && !lexicon.is_stopword(word)
}

/// Content words of the body blocks after `after`.
fn body_words<'b>(
    blocks: &'b [Block],
    verdicts: &[Verdict],
    after: usize,
    lexicon: &Lexicon,
) -> FxHashSet<&'b str> {
    blocks
        .iter()
        .zip(verdicts)
        .skip(after + 1)
        .filter(|(_, verdict)| **verdict == Verdict::Body)
        .flat_map(|(block, _)| block.words.lower())
        .filter(|word| is_content_word(word, lexicon))
        .collect()
}

/// Share of the segment's content words that `in_body` says the body uses.
fn overlap(segment: &str, in_body: impl Fn(&str) -> bool, lexicon: &Lexicon) -> f64 {
    let words: Vec<String> = match_tokens(segment, true)
        .into_iter()
        .filter(|word| is_content_word(word, lexicon))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let shared = words.iter().filter(|word| in_body(word)).count();
    shared as f64 / words.len() as f64
}

/// Whether a title has something to read: a letter or a digit. A report needs one (the
/// content loader refuses an empty title), and "." or "—" is none.
pub(crate) fn has_words(title: &str) -> bool {
    title.chars().any(char::is_alphanumeric)
}

/// A title for a body that has none: the longest phrase of three to six words it repeats at
/// least twice, or else its first sentence with words in it, shortened. Empty only for a
/// body without a letter or digit.
pub(crate) fn derive(texts: &[&str], lexicon: &Lexicon) -> String {
    if let Some(phrase) = repeated_phrase(texts, lexicon) {
        return capitalise(&phrase);
    }
    let sentence = texts
        .iter()
        .flat_map(|text| text.split_inclusive(['.', '!', '?']))
        .map(str::trim)
        .find(|sentence| has_words(sentence))
        .unwrap_or_default();
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= 12 {
        sentence.trim_end_matches('.').to_owned()
    } else {
        format!(
            "{}…",
            words[..10].join(" ").trim_end_matches([',', ';', ':'])
        )
    }
}

/// Words a title phrase is looked for in: the subject of a report is named early, and
/// counting every phrase of a book-length text would take seconds.
const PHRASE_WORDS: usize = 5000;

fn repeated_phrase(texts: &[&str], lexicon: &Lexicon) -> Option<String> {
    // Phrase → (occurrences, blocks it occurs in, first block seen, as first written).
    let mut counts: HashMap<Vec<String>, (usize, usize, usize, String)> = HashMap::new();
    let mut budget = PHRASE_WORDS;
    for (block, text) in texts.iter().enumerate() {
        let words: Vec<&str> = text.split_whitespace().take(budget).collect();
        budget -= words.len();
        for n in 3..=6 {
            for window in words.windows(n) {
                let clean: Vec<String> = window
                    .iter()
                    .map(|word| {
                        word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                            .to_lowercase()
                    })
                    .collect();
                let edge_ok = |word: &String| !word.is_empty() && !lexicon.is_stopword(word);
                let inner_ok = window[..n - 1]
                    .iter()
                    .all(|word| !word.ends_with([',', '.', ';', ':']));
                if !edge_ok(&clean[0]) || !edge_ok(&clean[n - 1]) || !inner_ok {
                    continue;
                }
                let shown = window
                    .join(" ")
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_owned();
                let entry = counts.entry(clean).or_insert((0, 0, usize::MAX, shown));
                entry.0 += 1;
                if entry.2 != block {
                    entry.1 += 1;
                    entry.2 = block;
                }
            }
        }
    }
    // A phrase repeated across paragraphs names the subject; one repeated inside a single
    // sentence does not. Among those, the longest wins, then the most frequent.
    counts
        .into_iter()
        .filter(|(_, (count, _, _, _))| *count >= 2)
        .max_by(|a, b| {
            let key = |entry: &(Vec<String>, (usize, usize, usize, String))| {
                (entry.1.1, entry.0.len(), entry.1.0)
            };
            key(a).cmp(&key(b)).then_with(|| b.1.3.cmp(&a.1.3))
        })
        .map(|(_, (_, _, _, shown))| shown)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_derived_title_skips_sentences_without_words() {
        let lexicon = Lexicon::new();
        assert_eq!(
            derive(&[". — Forty managers met in Graz. Then more."], &lexicon),
            "— Forty managers met in Graz"
        );
        assert_eq!(derive(&["... !!!"], &lexicon), "");
        assert!(!has_words("—") && has_words("G8"));
    }
    use crate::pipeline::ingest::analyse::boilerplate::{Origin, classify};
    use crate::pipeline::ingest::analyse::normalise::{lines, normalise};
    use crate::pipeline::ingest::analyse::structure::blocks;

    fn title_of(raw: &str) -> Option<String> {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        let found = blocks(&lines(&normalise(raw)), None, &dates, &lexicon);
        let verdicts = classify(&found, &lexicon, Origin::Copied);
        find(&found, &verdicts, &lexicon, &dates).map(|title| title.text)
    }

    #[test]
    fn the_title_is_the_head_line_the_body_repeats() {
        let raw = "Cluster Portal Rückblick (CPR)\n\nWorkshop on Hydrogen Valleys\n\nOrganised by the agency on 3 May in Lyon\n\n\
                   A workshop on hydrogen valleys gathered thirty cluster managers from nine countries in Lyon to compare their regional strategies.";
        assert_eq!(
            title_of(raw).as_deref(),
            Some("Workshop on Hydrogen Valleys")
        );
    }

    #[test]
    fn datelines_and_date_badges_are_not_titles() {
        let raw = "08\ngrudnia\n2019\n\nKraków 4.12.2019 | Forum Klastrów Energetycznych\n\n\
                   W dniu 4 grudnia w Krakowie odbyło się forum klastrów energetycznych, w którym wzięło udział stu przedstawicieli firm i uczelni.";
        assert_eq!(
            title_of(raw).as_deref(),
            Some("Forum Klastrów Energetycznych")
        );
    }

    #[test]
    fn a_body_without_a_title_line_gets_its_repeated_phrase() {
        let lexicon = Lexicon::new();
        let texts = [
            "On 5 May the agency will organise a regional innovation workshop in Porto.",
            "The regional innovation workshop is open to cluster managers. Each regional innovation workshop ends with a visit.",
        ];
        assert_eq!(derive(&texts, &lexicon), "Regional innovation workshop");
        assert_eq!(
            derive(&["Short text about clusters."], &lexicon),
            "Short text about clusters"
        );
    }
}
