//! Ingest: raw reports in `seeds/` become front-mattered Markdown in `content/`.
//!
//! ```text
//! seeds/ ──sources──▶ Seed ──analyse (each seed, in parallel)──▶ ReportDraft ──grouping──▶ EventDraft ──write──▶ content/
//!                                  ▲ lexicon (the vocabularies)
//! ```
//!
//! [`sources`] reads the seed files (decoding legacy encodings, taking a saved page's main
//! text); [`analyse`] runs one seed through the stage chain (normalise, structure, language,
//! boilerplate, title, facts) into the reports it holds; [`lexicon`] is the vocabularies
//! the stages match, as data; [`grouping`] puts the reports of all seeds into events; and
//! [`write`] writes `content/` in the content format without ever overwriting an editor's
//! change.

mod analyse;
mod grouping;
mod lexicon;
mod sources;
mod write;

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::diagnostics::Result;
use crate::model::config::Config;

pub use analyse::structure::BlockKind;
pub use sources::SEEDS_DIR;

/// What `newsroom ingest` should do.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Regenerate content files even where an editor changed or deleted them.
    pub force: bool,
    /// Remove the generated content of seeds that are gone (files nobody changed).
    pub prune: bool,
}

/// What an ingest did.
#[derive(Debug, Clone, Default)]
pub struct IngestSummary {
    /// Seed files read.
    pub seeds: usize,
    /// Reports made from them (a bilingual seed makes two).
    pub reports: usize,
    /// Events they were grouped into.
    pub events: usize,
    /// Content files written because they are new or changed.
    pub written: usize,
    /// Content files kept because an editor changed them.
    pub kept: usize,
    /// Content files removed (no longer made, or pruned), relative to the site root.
    pub removed: Vec<String>,
    /// Seeds skipped, files kept, and other problems that did not stop ingest.
    pub warnings: Vec<Diagnostic>,
}

/// Explains what ingest makes of seed files: for each, every block with its lines,
/// language and verdict (kept, title, or dropped and why), then the reports found in it;
/// for two files or more, then why each pair of their reports is, or is not, one event:
/// every signal with its weight (how rare a shared name or number is is counted among the
/// files explained).
pub fn explain(root: &Path, files: &[std::path::PathBuf]) -> Result<String> {
    let lexicon = lexicon::Lexicon::new();
    let dates = analyse::dates::DateParser::new(&lexicon.months);
    let mut out = String::new();
    let mut seeds = Vec::new();
    let mut notes = Vec::new();
    for file in files {
        let (seed, note) = sources::read(root, file)?;
        seeds.push(seed);
        notes.push(note);
    }
    let recurring = analyse::recurring::RecurringLines::across(&seeds);
    let mut drafts = Vec::new();
    for (index, (seed, note)) in seeds.iter().zip(notes).enumerate() {
        let analysis = analyse::analyse(index, seed, &recurring, &lexicon, &dates);
        if index > 0 {
            out.push('\n');
        }
        out.push_str(&analysis.explain(seed));
        if let Some(note) = note {
            out.push_str(&format!("\n{note}"));
        }
        drafts.extend(analysis.drafts);
    }
    if files.len() > 1 {
        out.push_str("\n\ngrouping: one event or not, and why\n");
        let label = |draft: &analyse::draft::ReportDraft| {
            format!("{} [{}]", seeds[draft.seed].path, draft.lang)
        };
        for (a, b, weighing) in grouping::explain_pairs(&drafts) {
            out.push_str(&format!(
                "{} + {}: {weighing}\n",
                label(&drafts[a]),
                label(&drafts[b])
            ));
        }
    }
    Ok(out)
}

/// The text stages on their own, for tools and benchmarks: one raw report's bytes decoded
/// (legacy encodings detected), normalised, and read into blocks (hard-wrapped lines
/// re-joined, words split at line ends repaired, lists, headings and date lines
/// recovered), before any block is judged. The vocabularies are loaded once, so keep one
/// reader for many reports.
pub struct TextReader {
    lexicon: lexicon::Lexicon,
    dates: analyse::dates::DateParser,
}

/// One block of a raw report as the text stages read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlock {
    /// What it is.
    pub kind: BlockKind,
    /// Its text, lines joined, list markers removed.
    pub text: String,
    /// Its first and last line in the report, from 1.
    pub lines: (usize, usize),
}

impl Default for TextReader {
    fn default() -> Self {
        let lexicon = lexicon::Lexicon::new();
        let dates = analyse::dates::DateParser::new(&lexicon.months);
        TextReader { lexicon, dates }
    }
}

impl TextReader {
    /// The blocks of a raw report (`.txt`), or why it is none (empty, binary).
    pub fn read(&self, bytes: &[u8]) -> std::result::Result<Vec<TextBlock>, &'static str> {
        let decoded = sources::decode(bytes)?;
        let structure =
            analyse::text_seed::read_structure(&decoded.text, &self.lexicon, &self.dates);
        Ok(structure
            .blocks
            .into_iter()
            .map(|block| TextBlock {
                kind: block.kind,
                lines: (block.first_line, block.last_line),
                text: block.text,
            })
            .collect())
    }

    /// What ingest makes of one seed, as `newsroom ingest --explain` prints it, without
    /// touching the file system: `name` is the seed's file name (its extension says whether
    /// it is text, Markdown or HTML). Every stage of one seed's analysis runs (language,
    /// title, dates, place, organisations, sectors), which makes this the fuzzing target.
    pub fn explain(&self, name: &str, bytes: &[u8]) -> std::result::Result<String, &'static str> {
        let kind = sources::SeedKind::of(Path::new(name)).ok_or("not a seed's file name")?;
        let decoded = sources::decode(bytes)?;
        let seed = sources::Seed {
            path: format!("seeds/{name}"),
            text: decoded.text,
            kind,
        };
        let alone = analyse::recurring::RecurringLines::default();
        Ok(analyse::analyse(0, &seed, &alone, &self.lexicon, &self.dates).explain(&seed))
    }
}

/// Ingests `root/seeds` into `root/content`.
pub fn ingest(root: &Path, config: &Config, options: &IngestOptions) -> Result<IngestSummary> {
    let lexicon = lexicon::Lexicon::new();
    let dates = analyse::dates::DateParser::new(&lexicon.months);
    let found = sources::read_seeds(root)?;
    let mut warnings = found.warnings;
    let seeds = found.seeds;
    let recurring = analyse::recurring::RecurringLines::across(&seeds);
    // Only the drafts outlive their analysis: each seed's blocks are freed as soon as it is
    // read, which keeps memory (and the time spent getting it) flat.
    let analyses: Vec<(Vec<analyse::draft::ReportDraft>, Vec<Diagnostic>)> = seeds
        .par_iter()
        .enumerate()
        .map(|(index, seed)| {
            let analysis = analyse::analyse(index, seed, &recurring, &lexicon, &dates);
            (analysis.drafts, analysis.warnings)
        })
        .collect();
    let mut drafts = Vec::new();
    for (seed_drafts, mut seed_warnings) in analyses {
        warnings.append(&mut seed_warnings);
        drafts.extend(seed_drafts);
    }
    let manifest = write::Manifest::load(root)?;
    let pins = manifest.pins(root)?;
    // An editor's pin first, else the event an earlier ingest chose: events stay as they were.
    let pinned: Vec<Option<String>> = drafts
        .iter()
        .map(|draft| {
            let seed = &seeds[draft.seed].path;
            pins.get(&(seed.clone(), draft.lang.to_string()))
                .or_else(|| manifest.event_ids().get(seed))
                .cloned()
        })
        .collect();
    let events = grouping::group(&drafts, &pinned, &config.default_language);
    grouping::share_years(&mut drafts, &events);
    let batch = write::Batch {
        root,
        config,
        seeds: &seeds,
        drafts: &drafts,
        events: &events,
    };
    let gone = if options.prune {
        write::GoneSeeds::Prune
    } else {
        write::GoneSeeds::Keep
    };
    let outcome = write::write(&batch, &manifest, options.force, gone)?;
    warnings.extend(outcome.warnings);
    Ok(IngestSummary {
        seeds: seeds.len(),
        reports: drafts.len(),
        events: events.len(),
        written: outcome.written,
        kept: outcome.kept,
        removed: outcome.removed,
        warnings,
    })
}
