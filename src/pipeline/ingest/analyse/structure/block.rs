//! A block of a raw report: what it is (paragraph, heading, list item, date line...), its
//! text and where it came from, with its words read once for every later stage.

use crate::pipeline::ingest::analyse::normalise::Line;
use crate::pipeline::ingest::analyse::structure::words::Words;

/// What a block of a raw report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
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
    /// Whether its first line had a wide gap between words (a PDF page header or footer).
    pub(crate) gap: bool,
    /// Its words, read once for every stage that matches vocabularies. They point into
    /// `text`: whoever changes `text` reads them again (`Words::of`).
    pub(crate) words: Words,
}

impl Block {
    /// Its words as written (place and country names are matched with their capital).
    pub(crate) fn written_words(&self) -> Vec<&str> {
        self.words.written(&self.text)
    }

    /// The block read as another kind with another text, its words read again.
    pub(crate) fn rewrite(&mut self, kind: BlockKind, text: String) {
        self.words = Words::of(&text);
        self.kind = kind;
        self.text = text;
    }

    /// A block with its words read.
    pub(crate) fn new(kind: BlockKind, text: String, first_line: usize, last_line: usize) -> Block {
        Block {
            kind,
            words: Words::of(&text),
            text,
            first_line,
            last_line,
            chunk: 0,
            indented: false,
            gap: false,
        }
    }
}

/// A block of the `lines` of a chunk, its words not read yet.
pub(crate) fn block(kind: BlockKind, text: String, lines: &[&Line], chunk: usize) -> Block {
    Block {
        kind,
        text,
        first_line: lines.first().map_or(0, |line| line.number),
        last_line: lines.last().map_or(0, |line| line.number),
        chunk,
        indented: lines.first().is_some_and(|line| line.indented),
        gap: lines.first().is_some_and(|line| line.gap),
        words: Words::default(),
    }
}
