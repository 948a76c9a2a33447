//! Headings: short lines that introduce what follows, and "Session 2:" labels joined with
//! the line after them.

use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::block::{Block, BlockKind};

/// Short single-line paragraphs that introduce what follows become headings; a short label
/// ending in `:` ("Session 2:") joins the heading line after it.
pub(super) fn mark_headings(blocks: &mut Vec<Block>, is_function_word: impl Fn(&str) -> bool) {
    let mut i = 0;
    while i + 1 < blocks.len() {
        if !is_heading_like(&blocks[i]) || !introduces(&blocks[i + 1]) {
            i += 1;
            continue;
        }
        // "Session 2:", "Speakers:" label what follows; "The participants said:" leads into it.
        let is_label = blocks[i].text.ends_with(':')
            && shape::at_most_words(&blocks[i].text, 4)
            && !crate::util::text::words(&blocks[i].text).any(|word| is_function_word(&word));
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
    block.kind == BlockKind::Paragraph
        && block.first_line == block.last_line
        && block.text.chars().nth(90).is_none()
        && shape::at_least_words(&block.text, 1)
        && shape::at_most_words(&block.text, 10)
        && shape::starts_capitalised(&block.text)
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
        && shape::at_most_words(&block.text, 14)
        && shape::starts_capitalised(&block.text)
        && !shape::ends_sentence(&block.text)
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
