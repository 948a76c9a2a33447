//! Reading the lines of one chunk into blocks: which line starts an item, a date or a new
//! paragraph, which continues the one before (hard wraps, words split at a line end), and
//! which is a list item whose glyph the PDF extraction lost.

use std::borrow::Cow;
use std::cell::OnceCell;

use rustc_hash::FxHashSet;

use crate::pipeline::ingest::analyse::dates::{AUTHOR_WORDS, DateParser};
use crate::pipeline::ingest::analyse::normalise::{BULLET, Line};
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::block::{Block, BlockKind, block};
use crate::pipeline::ingest::lexicon::Lexicon;

/// The most words of a line that is a date with its labels and author ("Posted on
/// Tuesday, 12 May 2023 by the editorial team"); more make a sentence.
const DATELINE_MAX_WORDS: usize = 12;

/// A line's role before lines are joined.
#[derive(Debug, PartialEq)]
enum LineStart {
    Date,
    /// A byline's author alone ("Par admin", "By Anna Schmidt"): part of a dateline when
    /// one is next to it, text otherwise.
    Author,
    Marker,
    Bullet(String),
    Numbered(u32, String),
    LoneNumber,
    Text,
}

/// The words of the whole text, to tell a word split at a line end from a hyphenated one.
pub(super) struct Vocabulary<'l> {
    /// The lines the words are read from, when first needed.
    lines: &'l [Line],
    words: OnceCell<FxHashSet<String>>,
}

impl<'l> Vocabulary<'l> {
    /// Every word of the lines, for joining words split at a line end. They are read at the
    /// first such line: most reports have none.
    pub(super) fn of(lines: &'l [Line]) -> Self {
        Vocabulary {
            lines,
            words: OnceCell::new(),
        }
    }

    /// The hyphenated words of the texts: all that repairing glued words looks up.
    pub(super) fn hyphenated<'t>(texts: impl Iterator<Item = &'t str>) -> Self {
        let words: FxHashSet<String> = texts
            .filter(|text| text.contains('-'))
            .flat_map(crate::util::text::raw_words)
            .filter(|word| word.contains('-'))
            .map(str::to_lowercase)
            .collect();
        Vocabulary {
            lines: &[],
            words: OnceCell::from(words),
        }
    }

    fn words(&self) -> &FxHashSet<String> {
        self.words.get_or_init(|| {
            self.lines
                .iter()
                .flat_map(|line| crate::util::text::words(&line.text))
                .collect()
        })
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
        if shape::starts_lowercase(line) && self.words().contains(whole) {
            text.pop();
        }
        text.push_str(line);
    }

    /// "DirectorateGeneral" → "Directorate-General" when the hyphenated form occurs.
    pub(super) fn repair_glued_words<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.words().is_empty() || !has_inner_capital(text) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| c.is_alphabetic()) {
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let word = &rest[..end];
            match self.hyphenate_camel(word) {
                Some(hyphenated) => out.push_str(&hyphenated),
                None => out.push_str(word),
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        Cow::Owned(out)
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
        self.words()
            .contains(&hyphenated.to_lowercase())
            .then_some(hyphenated)
    }
}

/// Whether a capital follows a small letter somewhere: no glued word without that.
fn has_inner_capital(text: &str) -> bool {
    let mut after_small = false;
    for c in text.chars() {
        if after_small && c.is_uppercase() {
            return true;
        }
        after_small = c.is_lowercase();
    }
    false
}

/// Builds the blocks of one chunk.
pub(super) struct ChunkReader<'a> {
    pub(super) width: Option<usize>,
    pub(super) language: Option<&'a str>,
    pub(super) lexicon: &'a Lexicon,
    pub(super) dates: &'a DateParser,
    pub(super) vocabulary: &'a Vocabulary<'a>,
}

impl ChunkReader<'_> {
    pub(super) fn read<'l>(&self, chunk: &[&'l Line], index: usize, blocks: &mut Vec<Block>) {
        let mut open: Option<(BlockKind, String, Vec<&'l Line>)> = None;
        for (&line, start) in chunk.iter().zip(self.starts(chunk)) {
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
                LineStart::Text | LineStart::Author
                    if lost_glyph(blocks.last().filter(|b| b.chunk == index), line) =>
                {
                    (BlockKind::Bullet { nested: false }, line.text.clone())
                }
                LineStart::Text | LineStart::Author => (BlockKind::Paragraph, line.text.clone()),
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

    /// How each line of a chunk starts; an author's line beside a dateline is part of it,
    /// and one that names a person is a byline of its own.
    fn starts(&self, chunk: &[&Line]) -> Vec<LineStart> {
        let starts: Vec<LineStart> = chunk.iter().map(|line| self.classify(line)).collect();
        let dated: Vec<bool> = starts
            .iter()
            .map(|start| *start == LineStart::Date)
            .collect();
        let beside_date = |i: usize| (i > 0 && dated[i - 1]) || dated.get(i + 1) == Some(&true);
        starts
            .into_iter()
            .enumerate()
            .map(|(i, start)| match start {
                LineStart::Author if beside_date(i) || self.names_a_person(&chunk[i].text) => {
                    LineStart::Date
                }
                LineStart::Author => LineStart::Text,
                start => start,
            })
            .collect()
    }

    fn classify(&self, line: &Line) -> LineStart {
        // A date alone, or with the words that label it ("Posted on", "Veröffentlicht am")
        // and its author ("by the editorial team").
        let short = shape::at_most_words(&line.text, DATELINE_MAX_WORDS);
        let word = |word: &str| self.lexicon.dateline_word(word, self.language);
        if short
            && self
                .dates
                .dateline(&line.text, self.language, &self.lexicon.months, word)
                .is_some()
        {
            return LineStart::Date;
        }
        if self.is_author(&line.text) {
            return LineStart::Author;
        }
        classify_line(&line.text)
    }

    /// Whether `text` is a byline's author alone: the word that opens one, then a few
    /// words, no sentence ("Par admin", "By the editorial team").
    fn is_author(&self, text: &str) -> bool {
        let mut words = text.split_whitespace();
        let opens = words.next().is_some_and(|first| {
            let first = first.trim_end_matches(':').to_lowercase();
            self.lexicon.opens_author(&first, self.language)
        });
        let rest = words.count();
        opens && (1..=AUTHOR_WORDS).contains(&rest) && !shape::ends_sentence(text)
    }

    /// Whether an author's line names a person, as a byline does without its date ("Por
    /// Ígor Lopes", "Von Anna Schmidt"): two or three capitalised words, none a function
    /// word or a place ("Von Bremen nach Berlin" is a headline).
    fn names_a_person(&self, text: &str) -> bool {
        let names: Vec<&str> = text.split_whitespace().skip(1).collect();
        let capitalised = |word: &&str| {
            let mut letters = word.chars();
            letters.next().is_some_and(char::is_uppercase)
                && letters.as_str().chars().any(char::is_lowercase)
                && !self.is_function_word(&word.to_lowercase())
        };
        (2..=3).contains(&names.len())
            && names.iter().all(capitalised)
            && self.lexicon.find_places(&names, self.language).is_empty()
    }

    /// Whether `word` (lower case) is a function word of the text's language, or of any
    /// language when it is unknown.
    fn is_function_word(&self, word: &str) -> bool {
        match self.language {
            Some(lang) => self.lexicon.is_stopword_in(lang, word),
            None => self.lexicon.is_stopword(word),
        }
    }

    /// Whether `line` continues the block whose text so far is `text`.
    fn continues(&self, kind: BlockKind, text: &str, previous: &Line, line: &Line) -> bool {
        // A line that opens with a web address is no sentence's continuation unless the
        // previous one dangles ("visit" / "https://…"): an image's address before its
        // alternative text, or a bare link, starts a block of its own.
        let opens_with_address = line
            .text
            .split_whitespace()
            .next()
            .is_some_and(shape::is_address);
        if shape::starts_lowercase(&line.text) && !opens_with_address {
            return true;
        }
        if line.indented != previous.indented {
            return false;
        }
        // A line that fills the wrap width was wrapped; a shorter one ended on purpose.
        let full_width = self
            .width
            .is_some_and(|width| previous.text.chars().count() * 100 >= width * 85);
        let last_word = text
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_lowercase();
        let function_word = self.is_function_word(&last_word);
        // A block's first line ending in a function word may be a title ("… nach Japan vor"):
        // it continues only if it also fills the width, or if the word is an article,
        // which always has its noun after it ("Ein Schaufenster für den" / "Cluster …").
        let first_line = text.len() == previous.text.len();
        let article = self.lexicon.is_article(self.language, &last_word);
        let dangling = text.ends_with([',', '(', '-', '/', '&'])
            || article
            || (function_word && (!first_line || full_width));
        if dangling && !shape::ends_sentence(text) {
            return true;
        }
        kind == BlockKind::Paragraph && !shape::ends_sentence(text) && full_width
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
            && shape::starts_capitalised(rest)
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
    let label = line.text.ends_with(':') && shape::at_most_words(&line.text, 4);
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
    if item.is_empty() || item.starts_with(char::is_numeric) || !shape::starts_capitalised(item) {
        return None;
    }
    Some(LineStart::Numbered(digits.parse().ok()?, item.to_owned()))
}
