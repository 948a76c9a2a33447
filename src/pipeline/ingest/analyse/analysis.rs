//! What the analysis of one seed found: its blocks, each block's language and verdict, and
//! the reports it holds; and the line-by-line account of it `newsroom ingest --explain`
//! prints.

use crate::diagnostics::Diagnostic;
use crate::pipeline::ingest::analyse::boilerplate::Verdict;
use crate::pipeline::ingest::analyse::dates::PartialDate;
use crate::pipeline::ingest::analyse::draft::ReportDraft;
use crate::pipeline::ingest::analyse::language::Detected;
use crate::pipeline::ingest::analyse::structure::{Block, BlockKind};
use crate::pipeline::ingest::sources::{Seed, SeedKind};

/// What the analysis of one seed found.
#[derive(Debug)]
pub(crate) struct Analysis {
    /// Its blocks.
    pub(crate) blocks: Vec<Block>,
    /// The verdict on each block.
    pub(crate) verdicts: Vec<Verdict>,
    /// The language of each block.
    pub(crate) languages: Vec<Option<Detected>>,
    /// The reports it holds, one per language part.
    pub(crate) drafts: Vec<ReportDraft>,
    /// Problems met on the way (a broken front matter in a Markdown seed).
    pub(crate) warnings: Vec<Diagnostic>,
    /// The text the blocks' line numbers count in (for a web page, the text taken from it).
    pub(crate) text: String,
}

impl Analysis {
    /// A seed that holds no report, for the reason `warning` gives.
    pub(crate) fn skipped(text: String, warning: Diagnostic) -> Self {
        Analysis {
            blocks: Vec::new(),
            verdicts: Vec::new(),
            languages: Vec::new(),
            drafts: Vec::new(),
            warnings: vec![warning],
            text,
        }
    }

    /// Every line with the language and verdict of the block it is in, then the reports
    /// found: what `newsroom ingest --explain` prints.
    pub(crate) fn explain(&self, seed: &Seed) -> String {
        use std::fmt::Write;
        let mut out = format!("{}\n", seed.path);
        if seed.kind == SeedKind::Html {
            out.push_str("(lines of the text taken from the page)\n");
        }
        for (index, line) in self.text.lines().enumerate() {
            let number = index + 1;
            if line.trim().is_empty() {
                continue;
            }
            // The last block on the line: a Markdown seed's title block stands before its body.
            let block = self
                .blocks
                .iter()
                .rposition(|block| (block.first_line..=block.last_line).contains(&number));
            let (lang, verdict) = match block {
                Some(block) => (
                    language_label(self.languages[block].as_ref()),
                    match self.verdicts[block] {
                        Verdict::Body => format!("keep: {}", kind_label(self.blocks[block].kind)),
                        verdict => verdict.to_string(),
                    },
                ),
                None => ("--".to_owned(), "drop: no text".to_owned()),
            };
            let shown: String = line.trim().chars().take(90).collect();
            let ellipsis = if line.trim().chars().nth(90).is_some() {
                "…"
            } else {
                ""
            };
            // Writing to a String cannot fail.
            let _ = writeln!(
                out,
                "{number:>6}  {lang:<3}  {verdict:<46}  {shown}{ellipsis}"
            );
        }
        for draft in &self.drafts {
            let mut date = draft
                .event_date
                .map_or_else(|| "unknown".to_owned(), partial_date_label);
            if let Some(last) = draft
                .anchors
                .event_last
                .filter(|&last| Some(last) != draft.event_date)
            {
                date = format!("{date} to {}", partial_date_label(last));
            }
            let _ = writeln!(
                out,
                "report [{}] \"{}\"; event date {date}; place {}; published {}",
                draft.lang,
                draft.title,
                draft.place.as_deref().unwrap_or("unknown"),
                draft
                    .published
                    .map_or_else(|| "unknown".to_owned(), |d| d.to_string()),
            );
            if !draft.anchors.event_names.is_empty() {
                let _ = writeln!(
                    out,
                    "    names events: {}",
                    draft.anchors.event_names.join(" | ")
                );
            }
        }
        out
    }
}

/// A date as ISO 8601 writes it, its year left out when the text gives none.
fn partial_date_label(date: PartialDate) -> String {
    match date.full() {
        Some(full) => full.to_string(),
        None => format!("--{:02}-{:02} (year unknown)", date.month, date.day),
    }
}

/// What a kept block became, in an editor's words.
fn kind_label(kind: BlockKind) -> String {
    match kind {
        BlockKind::Paragraph => "paragraph".to_owned(),
        BlockKind::Heading => "heading".to_owned(),
        BlockKind::Bullet { nested: false } => "list item".to_owned(),
        BlockKind::Bullet { nested: true } => "nested list item".to_owned(),
        BlockKind::Numbered(number) => format!("list item {number}"),
        BlockKind::EmptyMarker => "list marker".to_owned(),
        BlockKind::LoneNumber => "number".to_owned(),
        BlockKind::DateLine => "date".to_owned(),
    }
}

/// "en" for a reliable language, "en?" for a guess, "--" for none.
fn language_label(detected: Option<&Detected>) -> String {
    detected.map_or_else(
        || "--".to_owned(),
        |d| {
            if d.reliable {
                d.lang.to_string()
            } else {
                format!("{}?", d.lang)
            }
        },
    )
}
