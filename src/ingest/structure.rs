//! Structure recovery: normalised lines become blocks. Hard-wrapped lines are re-joined into
//! paragraphs (and words split at a line end repaired), list items are found from their
//! glyphs, from numbers, from orphaned markers whose text came later, and from runs of short
//! lines whose glyph was lost; short heading-like lines become headings; date badges, empty
//! bullets and page numbers are kept as their own blocks for the boilerplate stage to judge.

use std::collections::HashSet;

use crate::ingest::dates::DateParser;
use crate::ingest::lexicon::Lexicon;
use crate::ingest::text::{self, BULLET, Line};

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// Running text.
    Paragraph,
    /// A short line introducing what follows.
    Heading,
    /// An unordered list item; `nested` under the numbered item before it.
    Bullet {
        /// Whether it belongs under the preceding numbered item.
        nested: bool,
    },
    /// An ordered list item with its number.
    Numbered(u32),
    /// A bullet glyph with no text (the text, if any, came elsewhere).
    EmptyMarker,
    /// A line that is only a number (page numbers of PDF text).
    LoneNumber,
    /// A line (or lines) that are only a date.
    DateLine,
}

/// A block of text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// What it is.
    pub(crate) kind: BlockKind,
    /// Its text, lines joined, list markers removed.
    pub(crate) text: String,
    /// First source line (1-based).
    pub(crate) first_line: usize,
    /// Last source line.
    pub(crate) last_line: usize,
    /// Index of its blank-line-separated chunk.
    pub(crate) chunk: usize,
    /// Whether its first line was indented.
    pub(crate) indented: bool,
}

/// A line's role before lines are joined.
enum LineStart {
    Date,
    Marker,
    Bullet(String),
    Numbered(u32, String),
    LoneNumber,
    Text,
}

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
    let width = wrap_width(&chunks);
    let vocabulary = Vocabulary::of(lines);
    let mut blocks = Vec::new();
    for (index, chunk) in chunks.iter().enumerate() {
        let joined = chunk
            .iter()
            .map(|line| line.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if dates.only_date(&joined, None, &lexicon.months).is_some() {
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
        lists_from_short_lines(&mut blocks[start..]);
    }
    lists_after_orphaned_markers(&mut blocks);
    nest_bullets_under_numbers(&mut blocks);
    mark_headings(&mut blocks, |word| match language {
        Some(lang) => lexicon.is_stopword_in(lang, word),
        None => lexicon.is_stopword(word),
    });
    // Words hyphenated across a line end are whole now; they count as written forms too.
    let joined = Vocabulary::of_texts(blocks.iter().map(|block| block.text.as_str()));
    for block in &mut blocks {
        block.text = joined.repair_glued_words(&block.text);
    }
    blocks
}

fn block(kind: BlockKind, text: String, lines: &[&Line], chunk: usize) -> Block {
    Block {
        kind,
        text,
        first_line: lines.first().map_or(0, |line| line.number),
        last_line: lines.last().map_or(0, |line| line.number),
        chunk,
        indented: lines.first().is_some_and(|line| line.indented),
    }
}

/// Runs of non-blank lines.
fn chunks(lines: &[Line]) -> Vec<Vec<&Line>> {
    let mut chunks: Vec<Vec<&Line>> = Vec::new();
    let mut current = Vec::new();
    for line in lines {
        if line.text.is_empty() {
            if !current.is_empty() {
                chunks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// The width hard-wrapped lines were wrapped at: the median length of lines that certainly
/// continue (the next line starts in lower case). None when the text is not hard-wrapped.
fn wrap_width(chunks: &[Vec<&Line>]) -> Option<usize> {
    let mut lengths: Vec<usize> = chunks
        .iter()
        .flat_map(|chunk| chunk.windows(2))
        .filter(|pair| text::starts_lowercase(&pair[1].text))
        .map(|pair| pair[0].text.chars().count())
        .collect();
    if lengths.len() < 2 {
        return None;
    }
    lengths.sort_unstable();
    Some(lengths[lengths.len() / 2])
}

/// The words of the whole text, to tell a word split at a line end from a hyphenated one.
struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    fn of(lines: &[Line]) -> Vocabulary {
        Vocabulary::of_texts(lines.iter().map(|line| line.text.as_str()))
    }

    fn of_texts<'t>(texts: impl Iterator<Item = &'t str>) -> Vocabulary {
        Vocabulary {
            words: texts.flat_map(crate::text::words).collect(),
        }
    }

    /// Joins `line` to `text`, which ends a previous line.
    fn join(&self, text: &mut String, line: &str) {
        let hyphenated =
            text.ends_with('-') && text.chars().rev().nth(1).is_some_and(char::is_alphabetic);
        if !hyphenated {
            text.push(' ');
            text.push_str(line);
            return;
        }
        // "develop-" + "ment": drop the hyphen when the whole word occurs elsewhere;
        // "Directorate-" + "General": keep it.
        let stem = text
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_end_matches('-');
        let next_word = line.split_whitespace().next().unwrap_or("");
        let whole = format!("{stem}{next_word}").to_lowercase();
        let whole = whole.trim_end_matches(|c: char| !c.is_alphanumeric());
        if text::starts_lowercase(line) && self.words.contains(whole) {
            text.pop();
        }
        text.push_str(line);
    }

    /// "DirectorateGeneral" → "Directorate-General" when the hyphenated form occurs.
    fn repair_glued_words(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| c.is_alphabetic()) {
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let word = &rest[..end];
            out.push_str(
                &self
                    .hyphenate_camel(word)
                    .unwrap_or_else(|| word.to_owned()),
            );
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    fn hyphenate_camel(&self, word: &str) -> Option<String> {
        let mut chars = word.char_indices().skip(1);
        let split = chars.find(|(_, c)| c.is_uppercase())?.0;
        let (first, second) = word.split_at(split);
        let simple =
            |part: &str| part.chars().skip(1).all(char::is_lowercase) && part.chars().count() > 2;
        if !simple(first) || !simple(second) {
            return None;
        }
        let hyphenated = format!("{first}-{second}");
        self.words
            .contains(&hyphenated.to_lowercase())
            .then_some(hyphenated)
    }
}

/// Builds the blocks of one chunk.
struct ChunkReader<'a> {
    width: Option<usize>,
    language: Option<&'a str>,
    lexicon: &'a Lexicon,
    dates: &'a DateParser,
    vocabulary: &'a Vocabulary,
}

impl ChunkReader<'_> {
    fn read<'l>(&self, chunk: &[&'l Line], index: usize, blocks: &mut Vec<Block>) {
        let mut open: Option<(BlockKind, String, Vec<&'l Line>)> = None;
        for &line in chunk {
            let start = self.classify(line);
            let continuation = match (&start, &open) {
                (LineStart::Text, Some((kind, text, lines))) => {
                    let previous = lines.last().copied();
                    previous.is_some_and(|previous| self.continues(*kind, text, previous, line))
                }
                _ => false,
            };
            if continuation {
                if let Some((_, text, lines)) = open.as_mut() {
                    self.vocabulary.join(text, &line.text);
                    lines.push(line);
                }
                continue;
            }
            if let Some((kind, text, lines)) = open.take() {
                blocks.push(block(kind, text, &lines, index));
            }
            let (kind, text) = match start {
                LineStart::Date => (BlockKind::DateLine, line.text.clone()),
                LineStart::Marker => (BlockKind::EmptyMarker, String::new()),
                LineStart::Bullet(text) => (BlockKind::Bullet { nested: false }, text),
                LineStart::Numbered(number, text) => (BlockKind::Numbered(number), text),
                LineStart::LoneNumber => (BlockKind::LoneNumber, line.text.clone()),
                LineStart::Text if lost_glyph(blocks.last().filter(|b| b.chunk == index), line) => {
                    (BlockKind::Bullet { nested: false }, line.text.clone())
                }
                LineStart::Text => (BlockKind::Paragraph, line.text.clone()),
            };
            if matches!(
                kind,
                BlockKind::EmptyMarker | BlockKind::LoneNumber | BlockKind::DateLine
            ) {
                blocks.push(block(kind, text, &[line], index));
            } else {
                open = Some((kind, text, vec![line]));
            }
        }
        if let Some((kind, text, lines)) = open {
            blocks.push(block(kind, text, &lines, index));
        }
    }

    fn classify(&self, line: &Line) -> LineStart {
        let short = text::word_count(&line.text) <= 6;
        if short
            && self
                .dates
                .only_date(&line.text, None, &self.lexicon.months)
                .is_some()
        {
            return LineStart::Date;
        }
        classify_line(&line.text)
    }

    /// Whether `line` continues the block whose text so far is `text`.
    fn continues(&self, kind: BlockKind, text: &str, previous: &Line, line: &Line) -> bool {
        if text::starts_lowercase(&line.text) {
            return true;
        }
        if line.indented != previous.indented {
            return false;
        }
        let last_word = text.split_whitespace().last().unwrap_or("").to_lowercase();
        let function_word = match self.language {
            Some(lang) => self.lexicon.is_stopword_in(lang, &last_word),
            None => self.lexicon.is_stopword(&last_word),
        };
        let dangling = text.ends_with([',', '(', '-', '/', '&']) || function_word;
        if dangling && !text::ends_sentence(text) {
            return true;
        }
        if kind != BlockKind::Paragraph || text::ends_sentence(text) {
            return false;
        }
        // A line that fills the wrap width was wrapped; a shorter one ended on purpose.
        let length = previous.text.chars().count();
        self.width.is_some_and(|width| length * 100 >= width * 85)
    }
}

fn classify_line(text: &str) -> LineStart {
    let mut chars = text.chars();
    let first = chars.next().unwrap_or(' ');
    let rest = chars.as_str();
    if matches!(first, '-' | '*' | '–' | '—' | '·' | '◦' | BULLET) {
        let item = rest.trim();
        if item.is_empty() {
            return LineStart::Marker;
        }
        // "- item", "• item", and "-Item" (a dash glued to a capitalised word).
        let spaced = rest.starts_with(' ');
        let glued = matches!(first, '-' | BULLET)
            && text::starts_capitalised(rest)
            && !rest.starts_with(char::is_numeric);
        if spaced || glued {
            return LineStart::Bullet(item.to_owned());
        }
    }
    if text.chars().all(|c| c.is_ascii_digit()) && text.len() <= 4 {
        return LineStart::LoneNumber;
    }
    numbered_item(text).unwrap_or(LineStart::Text)
}

/// An indented line after a lead-in (a block ending in `:`), a numbered item or an indented
/// bullet is an item whose glyph the PDF extraction lost.
fn lost_glyph(previous: Option<&Block>, line: &Line) -> bool {
    let Some(previous) = previous else {
        return false;
    };
    let label = line.text.ends_with(':') && text::word_count(&line.text) <= 4;
    line.indented
        && !label
        && (previous.text.ends_with(':')
            || matches!(previous.kind, BlockKind::Numbered(_))
            || matches!(previous.kind, BlockKind::Bullet { .. }) && previous.indented)
}

/// "3. Cluster definitions", "2) Indicators" (numbers up to 99, followed by text).
fn numbered_item(text: &str) -> Option<LineStart> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let rest = &text[digits.len()..];
    let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    let item = rest.strip_prefix(' ')?.trim();
    // "4. Dezember" is a date, not item 4: the item text must not start with a month or a digit.
    if item.is_empty() || item.starts_with(char::is_numeric) || !text::starts_capitalised(item) {
        return None;
    }
    Some(LineStart::Numbered(digits.parse().ok()?, item.to_owned()))
}

/// Three or more short lines in a row, none ending a sentence: a list whose glyphs were lost.
fn lists_from_short_lines(blocks: &mut [Block]) {
    let is_short_line = |block: &Block| {
        block.kind == BlockKind::Paragraph
            && block.first_line == block.last_line
            && text::word_count(&block.text) <= 6
            && !text::ends_sentence(&block.text)
            && text::starts_capitalised(&block.text)
    };
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks[i..]
            .iter()
            .take_while(|block| is_short_line(block))
            .count();
        if run >= 3 {
            for block in &mut blocks[i..i + run] {
                block.kind = BlockKind::Bullet { nested: false };
            }
        }
        i += run.max(1);
    }
}

/// Bullets whose text was extracted apart from their glyphs: markers, then paragraphs.
/// The paragraphs of the next chunk become the items, until one introduces something else
/// (ends with `:`) or the indentation changes.
fn lists_after_orphaned_markers(blocks: &mut [Block]) {
    let mut i = 0;
    while i < blocks.len() {
        if blocks[i].kind != BlockKind::EmptyMarker {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < blocks.len() && blocks[j].kind == BlockKind::EmptyMarker {
            j += 1;
        }
        let Some(first) = blocks
            .get(j)
            .filter(|block| block.kind == BlockKind::Paragraph)
        else {
            i = j;
            continue;
        };
        let (chunk, indented) = (first.chunk, first.indented);
        let mut k = j;
        while let Some(item) = blocks.get_mut(k) {
            let fits = item.kind == BlockKind::Paragraph
                && item.chunk == chunk
                && item.indented == indented
                && !item.text.ends_with(':');
            if !fits {
                break;
            }
            item.kind = BlockKind::Bullet { nested: false };
            k += 1;
        }
        i = k.max(j);
    }
}

/// Bullets right after a numbered item belong to it.
fn nest_bullets_under_numbers(blocks: &mut [Block]) {
    let mut under_number = false;
    for block in blocks {
        match block.kind {
            BlockKind::Numbered(_) => under_number = true,
            BlockKind::Bullet { .. } if under_number => {
                block.kind = BlockKind::Bullet { nested: true }
            }
            BlockKind::Bullet { .. } | BlockKind::EmptyMarker | BlockKind::LoneNumber => {}
            _ => under_number = false,
        }
    }
}

/// Short single-line paragraphs that introduce what follows become headings; a short label
/// ending in `:` ("Session 2:") joins the heading line after it.
fn mark_headings(blocks: &mut Vec<Block>, is_function_word: impl Fn(&str) -> bool) {
    let mut i = 0;
    while i + 1 < blocks.len() {
        if !is_heading_like(&blocks[i]) || !introduces(&blocks[i + 1]) {
            i += 1;
            continue;
        }
        // "Session 2:", "Speakers:" label what follows; "The participants said:" leads into it.
        let is_label = blocks[i].text.ends_with(':')
            && text::word_count(&blocks[i].text) <= 4
            && !crate::text::words(&blocks[i].text).any(|word| is_function_word(&word));
        let adjacent = blocks[i + 1].first_line == blocks[i].last_line + 1;
        if is_label && adjacent && continues_heading(&blocks[i + 1]) {
            let next = blocks.remove(i + 1);
            let label = &mut blocks[i];
            label.text = format!("{} {}", label.text, next.text);
            label.last_line = next.last_line;
        } else if blocks[i].text.ends_with(':') && !is_label {
            i += 1;
            continue;
        }
        blocks[i].kind = BlockKind::Heading;
        i += 1;
    }
}

fn is_heading_like(block: &Block) -> bool {
    let words = text::word_count(&block.text);
    block.kind == BlockKind::Paragraph
        && block.first_line == block.last_line
        && (1..=10).contains(&words)
        && block.text.chars().count() <= 90
        && text::starts_capitalised(&block.text)
        && !block.text.contains(',')
        && !block
            .text
            .trim_end_matches(['"', '”', ')'])
            .ends_with(['.', '!', ';'])
}

/// The line after a "Session 2:" label: a short line that does not end a sentence.
fn continues_heading(block: &Block) -> bool {
    block.kind == BlockKind::Paragraph
        && block.first_line == block.last_line
        && text::word_count(&block.text) <= 14
        && text::starts_capitalised(&block.text)
        && !text::ends_sentence(&block.text)
}

fn introduces(next: &Block) -> bool {
    matches!(
        next.kind,
        BlockKind::Paragraph
            | BlockKind::Heading
            | BlockKind::Bullet { .. }
            | BlockKind::Numbered(_)
            | BlockKind::EmptyMarker
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::{lines, normalise};

    fn read(raw: &str) -> Vec<(BlockKind, String)> {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        blocks(&lines(&normalise(raw)), Some("en"), &dates, &lexicon)
            .into_iter()
            .map(|block| (block.kind, block.text))
            .collect()
    }

    fn texts(found: &[(BlockKind, String)]) -> Vec<&str> {
        found.iter().map(|(_, text)| text.as_str()).collect()
    }

    #[test]
    fn rejoins_hard_wrapped_paragraphs() {
        let raw = "A meeting with managers of clusters from seventeen countries took place in the city. It\n\
                   gathered about half of all cluster organisations across Europe, and they represent\n\
                   more than 6500 companies. About twenty representatives of the national associations\n\
                   also joined the discussion and gave an update on the initiatives. Antonio Novo\n\
                   Guerrero presented the alliance.\n\
                   Carmen Schmidt flagged the added value.";
        let found = read(raw);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].1.contains("It gathered about half"));
        assert!(found[0].1.contains("Antonio Novo Guerrero presented"));
        assert!(found[1].1.starts_with("Carmen"));
    }

    #[test]
    fn lines_that_each_end_a_sentence_stay_paragraphs() {
        let raw = "First European Forum sets an agenda for discussions with countries\n\
                   National representatives talked about cluster policies.\n\
                   Cluster policies are at very different stages.";
        let found = read(raw);
        assert_eq!(found.len(), 3, "{found:#?}");
    }

    #[test]
    fn repairs_words_split_at_line_ends() {
        let raw = "The unit of the Directorate-\nGeneral presented the develop-\nment of the development plan. The DirectorateGeneral agreed.";
        let found = read(raw);
        assert_eq!(
            found[0].1,
            "The unit of the Directorate-General presented the development of the development plan. The Directorate-General agreed."
        );
    }

    #[test]
    fn recovers_lists_from_glyphs_numbers_and_dashes() {
        let raw = "The participants mentioned:\n\u{f0a7} Cascade funding\n\u{f0a7} Knowledge transfer\n- Added value, but need for more recognition of the\ncluster labels\n-The impact of state aid\n1. Benefits for industrial policy\nthrough clusters\n2. Cluster definitions";
        let found = read(raw);
        let kinds: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
        let bullet = BlockKind::Bullet { nested: false };
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                bullet,
                bullet,
                bullet,
                bullet,
                BlockKind::Numbered(1),
                BlockKind::Numbered(2)
            ]
        );
        assert_eq!(
            found[3].1,
            "Added value, but need for more recognition of the cluster labels"
        );
        assert_eq!(found[4].1, "The impact of state aid");
        assert_eq!(
            found[5].1,
            "Benefits for industrial policy through clusters"
        );
    }

    #[test]
    fn recovers_lists_whose_glyphs_were_lost() {
        let raw = "Other actors were mentioned\n\nLarge organisations\nTechnology centres\nIncubators\nRegional authorities\n\n\
                   The following speeches were given:\n-\n\n-\n\nAnna Nowak presented the analysis.\nJan Kowalski shared his view.\n Afterwards, the participants set the agenda:";
        let found = read(raw);
        let bullets: Vec<&str> = found
            .iter()
            .filter(|(kind, _)| matches!(kind, BlockKind::Bullet { .. }))
            .map(|(_, text)| text.as_str())
            .collect();
        assert_eq!(
            bullets,
            [
                "Large organisations",
                "Technology centres",
                "Incubators",
                "Regional authorities",
                "Anna Nowak presented the analysis.",
                "Jan Kowalski shared his view."
            ]
        );
        assert_eq!(
            found
                .iter()
                .filter(|(kind, _)| *kind == BlockKind::EmptyMarker)
                .count(),
            2
        );
    }

    #[test]
    fn indented_lines_after_a_lead_in_are_items_whose_glyph_was_lost() {
        let raw = "2. Amongst key terms, the following were outlined:\n Value chain collaboration\n Innovation uptake\n SME internationalisation.\nCapacity building was also flagged out by some.\n5. Actors that must be involved are\n Clusters\n Investors\nOther actors were mentioned";
        let found = read(raw);
        let nested = BlockKind::Bullet { nested: true };
        let kinds: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Numbered(2),
                nested,
                nested,
                nested,
                BlockKind::Paragraph,
                BlockKind::Numbered(5),
                nested,
                nested,
                BlockKind::Paragraph
            ],
            "{found:#?}"
        );
    }

    #[test]
    fn a_date_line_inside_a_chunk_is_its_own_block() {
        let found = read("Meeting of Clusters\n04/12/2019\n\nText of the report.");
        assert_eq!(
            found[0],
            (BlockKind::Paragraph, "Meeting of Clusters".into())
        );
        assert_eq!(found[1], (BlockKind::DateLine, "04/12/2019".into()));
    }

    #[test]
    fn finds_headings_and_joins_session_labels() {
        let raw = "Intro text of the report ends here.\n Session 1:\nThe way forward for the Excellence Initiative\nThe first session covered the way forward.";
        let found = read(raw);
        assert_eq!(
            found[1],
            (
                BlockKind::Heading,
                "Session 1: The way forward for the Excellence Initiative".into()
            )
        );
        assert_eq!(found[2].0, BlockKind::Paragraph);
    }

    #[test]
    fn date_badges_page_numbers_and_markers_are_their_own_blocks() {
        let found = read("08\ngrudnia\n2019\n\nSome text here.\n\n11\n\n-\n");
        assert_eq!(found[0].0, BlockKind::DateLine);
        assert_eq!(found[0].1, "08 grudnia 2019");
        assert_eq!(found[2].0, BlockKind::LoneNumber);
        assert_eq!(found[3].0, BlockKind::EmptyMarker);
        assert_eq!(texts(&found)[1], "Some text here.");
    }
}
