//! A report's body: its blocks written as Markdown. Text is escaped so nothing in a raw report is
//! read as markup (a paragraph starting "2019." stays a paragraph, `<script>` stays text),
//! and bare links become autolinks.

use crate::pipeline::ingest::analyse::structure::{Block, BlockKind};
use crate::pipeline::ingest::analyse::typography::typeset;

/// The Markdown of a sequence of body blocks, with the typography of `lang`.
pub(crate) fn to_markdown(blocks: &[&Block], lang: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    let mut number_width = 0;
    for block in blocks {
        let text = inline(&typeset(&block.text, lang));
        if text.is_empty() {
            continue;
        }
        match block.kind {
            BlockKind::Bullet { nested } => {
                if !in_list {
                    separate(&mut out);
                }
                if nested && number_width > 0 {
                    out.push_str(&" ".repeat(number_width));
                }
                out.push_str("- ");
                out.push_str(&text);
                out.push('\n');
                in_list = true;
            }
            BlockKind::Numbered(number) => {
                if !in_list {
                    separate(&mut out);
                }
                let marker = format!("{number}. ");
                number_width = marker.len();
                out.push_str(&marker);
                out.push_str(&text);
                out.push('\n');
                in_list = true;
            }
            BlockKind::Heading => {
                separate(&mut out);
                out.push_str("## ");
                out.push_str(&text);
                out.push('\n');
                in_list = false;
                number_width = 0;
            }
            _ => {
                separate(&mut out);
                out.push_str(&escape_start(&text));
                out.push('\n');
                in_list = false;
                number_width = 0;
            }
        }
    }
    out
}

/// A blank line between blocks (lists stay tight).
fn separate(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// Escapes inline markup and turns bare links into autolinks.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, word) in text.split(' ').enumerate() {
        if index > 0 {
            out.push(' ');
        }
        let link_start = word.find("https://").or_else(|| word.find("http://"));
        match link_start {
            Some(start) => {
                let (before, link) = word.split_at(start);
                let end = link
                    .trim_end_matches(['.', ',', ';', ':', ')', '!', '?'])
                    .len();
                let (link, after) = link.split_at(end);
                escape_into(&mut out, before);
                if link.contains(['<', '>', '"', '`', '\\']) {
                    escape_into(&mut out, link);
                } else {
                    out.push('<');
                    out.push_str(link);
                    out.push('>');
                }
                escape_into(&mut out, after);
            }
            None => escape_into(&mut out, word),
        }
    }
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '~'
                | '|'
                | '&'
                | '!'
                | '{'
                | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A paragraph must not start like a list item, a heading rule or a block quote.
fn escape_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    if text.starts_with(['-', '+', '=']) {
        return format!("\\{text}");
    }
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: BlockKind, text: &str) -> Block {
        Block::new(kind, text.into(), 1, 1)
    }

    #[test]
    fn writes_paragraphs_headings_and_nested_lists() {
        let blocks = [
            block(BlockKind::Paragraph, "Intro."),
            block(BlockKind::Heading, "Session 1"),
            block(BlockKind::Numbered(3), "Key activities:"),
            block(BlockKind::Bullet { nested: true }, "Funding"),
            block(BlockKind::Numbered(4), "Actors"),
            block(BlockKind::Paragraph, "End."),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        assert_eq!(
            to_markdown(&refs, "en"),
            "Intro.\n\n## Session 1\n\n3. Key activities:\n   - Funding\n4. Actors\n\nEnd.\n"
        );
    }

    #[test]
    fn raw_markup_is_escaped_and_links_become_autolinks() {
        let blocks = [
            block(
                BlockKind::Paragraph,
                "<script>alert(1)</script> *not bold* see https://example.eu/a_b.",
            ),
            block(BlockKind::Paragraph, "2019. december 4."),
            block(BlockKind::Paragraph, "- not a list"),
        ];
        let refs: Vec<&Block> = blocks.iter().collect();
        let markdown = to_markdown(&refs, "en");
        assert!(
            markdown.contains("\\<script\\>alert(1)\\</script\\>"),
            "{markdown}"
        );
        assert!(markdown.contains("\\*not bold\\*"), "{markdown}");
        assert!(markdown.contains("<https://example.eu/a_b>."), "{markdown}");
        assert!(markdown.contains("2019\\. december"), "{markdown}");
        assert!(markdown.contains("\\- not a list"), "{markdown}");
    }
}
