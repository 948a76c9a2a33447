//! List recovery across blocks: items whose glyphs came apart from their text (orphaned
//! markers, then the text), runs of short lines whose glyphs were lost, and bullets that
//! belong under the numbered item before them.

use crate::pipeline::ingest::analyse::normalise::Line;
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::block::{Block, BlockKind};

/// Fewest words of a quotation opened by a dash: a list item that long is rarer.
const DASH_QUOTE_WORDS: usize = 8;

/// A paragraph of its own opened by a dash and written as sentences is a quotation, as
/// Nordic, Polish, Czech or French news write one ("– Det var en härlig samling. …"), not a
/// list of one item; its dash stays. Items of a list share their paragraph, end without a
/// full stop ("– Favoriser la mise en place …,"), or follow a lead-in ("Objectives:") or
/// another item, a blank line apart.
pub(super) fn quote_after_dash(
    chunk_blocks: &mut [Block],
    previous: Option<&Block>,
    chunk: &[&Line],
) {
    let [block] = chunk_blocks else {
        return;
    };
    let in_list = previous.is_some_and(|previous| {
        previous.text.trim_end().ends_with(':') || matches!(previous.kind, BlockKind::Bullet { .. })
    });
    if in_list {
        return;
    }
    let dash = chunk
        .first()
        .and_then(|line| line.text.chars().next())
        .filter(|glyph| matches!(glyph, '–' | '—'));
    let Some(dash) = dash else {
        return;
    };
    let quotation = matches!(block.kind, BlockKind::Bullet { .. })
        && shape::starts_capitalised(&block.text)
        && ends_statement(&block.text)
        && shape::at_least_words(&block.text, DASH_QUOTE_WORDS);
    if quotation {
        let text = format!("{dash} {}", block.text);
        block.rewrite(BlockKind::Paragraph, text);
    }
}

/// Whether a text ends as a statement, a question or an exclamation does, not as an item
/// leading to the next does (with ':' or ';').
fn ends_statement(text: &str) -> bool {
    shape::ends_sentence(text) && !text.ends_with([':', ';'])
}

/// Three or more short lines in a row, none ending a sentence: a list whose glyphs were lost.
pub(super) fn lists_from_short_lines(blocks: &mut [Block]) {
    let is_short_line = |block: &Block| {
        block.kind == BlockKind::Paragraph
            && block.first_line == block.last_line
            && shape::at_most_words(&block.text, 6)
            && !shape::ends_sentence(&block.text)
            && shape::starts_capitalised(&block.text)
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
pub(super) fn lists_after_orphaned_markers(blocks: &mut [Block]) {
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
pub(super) fn nest_bullets_under_numbers(blocks: &mut [Block]) {
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
