//! The analysis of one seed: the stage chain that reads a raw report and finds the reports
//! it holds. Each seed is analysed on its own (in parallel, by `ingest`):
//!
//! ```text
//! text seed ─▶ normalise ─▶ structure ─▶ language ─▶ boilerplate ─▶ title ─▶ metadata ─▶ body ─▶ drafts
//!                                            (dates, organisations, typography on the way)
//! web page ──▶ (sources::web_page: its main text) ─▶ as a text seed
//! Markdown seed ─▶ markdown_seed: front matter and body as written, the rest found as above
//! ```
//!
//! [`analyse`] picks the chain for the seed's kind; [`text_seed`] and [`markdown_seed`] run
//! it; each stage is a module of its own, the vocabularies they match are `ingest::lexicon`'s.
//! What comes out is an [`analysis::Analysis`]: every block with its language and verdict
//! (what `ingest --explain` prints) and the [`draft::ReportDraft`]s grouping and writing take.

mod analysis;
mod body;
mod boilerplate;
pub(crate) mod dates;
pub(crate) mod draft;
mod event_names;
mod language;
mod markdown_seed;
pub(crate) mod metadata;
mod normalise;
mod organisations;
pub(crate) mod recurring;
pub(crate) mod shape;
pub(crate) mod structure;
pub(crate) mod text_seed;
mod title;
mod typography;

use crate::pipeline::ingest::lexicon::Lexicon;
use crate::pipeline::ingest::sources::{Seed, SeedKind, web_page};
use std::path::Path;

use crate::diagnostics::Diagnostic;
use analysis::Analysis;
use boilerplate::Origin;
use dates::DateParser;
use recurring::RecurringLines;
use text_seed::TextSeed;

/// Analyses one seed; `seed_index` is recorded in its drafts, and `recurring` says which of
/// its lines other seeds hold too. A seed that yields no report says why in a warning.
pub(crate) fn analyse(
    seed_index: usize,
    seed: &Seed,
    recurring: &RecurringLines,
    lexicon: &Lexicon,
    dates: &DateParser,
) -> Analysis {
    let mut analysis = analyse_kind(seed_index, seed, recurring, lexicon, dates);
    if analysis.drafts.is_empty() && analysis.warnings.is_empty() {
        analysis.warnings.push(
            Diagnostic::warning("skipped: no report text was found in this seed")
                .in_file(Path::new(&seed.path))
                .hint("run `newsroom ingest --explain` on it to see what each line was taken for"),
        );
    }
    analysis
}

fn analyse_kind(
    seed_index: usize,
    seed: &Seed,
    recurring: &RecurringLines,
    lexicon: &Lexicon,
    dates: &DateParser,
) -> Analysis {
    let text_seed = |raw, origin, known_title| TextSeed {
        index: seed_index,
        raw,
        origin,
        known_title,
        recurring,
    };
    match seed.kind {
        SeedKind::Text => {
            text_seed::analyse(text_seed(&seed.text, Origin::Copied, None), lexicon, dates)
        }
        SeedKind::Markdown => markdown_seed::analyse(seed_index, seed, lexicon, dates),
        SeedKind::Html => {
            let page = web_page::extract(&seed.text);
            if let Some(reason) = page.not_an_article {
                return Analysis::skipped(page.text, not_an_article(seed, &reason));
            }
            let title = page.title.as_deref();
            let mut analysis = text_seed::analyse(
                text_seed(&page.text, Origin::Extracted, title),
                lexicon,
                dates,
            );
            for draft in &mut analysis.drafts {
                draft.published = draft.published.or(page.published);
            }
            analysis
        }
    }
}

/// The warning for a page that lists other pages instead of telling a story.
fn not_an_article(seed: &Seed, reason: &str) -> Diagnostic {
    Diagnostic::warning(format!("skipped: {reason}"))
        .in_file(Path::new(&seed.path))
        .hint("save the page of the article itself, or copy its text into a .txt seed")
}
