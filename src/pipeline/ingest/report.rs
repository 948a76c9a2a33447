//! One seed through the text stages: normalise, read its structure, judge every block,
//! find the title, split by language, describe each part. Returns the reports it holds and
//! every block with its verdict (what `ingest --explain` prints).

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;
use crate::model::lang::LangCode;
use crate::pipeline::ingest::body::to_markdown;
use crate::pipeline::ingest::boilerplate::{self, Reason, Verdict};
use crate::pipeline::ingest::dates::DateParser;
use crate::pipeline::ingest::draft::{ReportDraft, Seed, SeedKind};
use crate::pipeline::ingest::html_text;
use crate::pipeline::ingest::language::{self, Detected};
use crate::pipeline::ingest::lexicon::Lexicon;
use crate::pipeline::ingest::markdown_seed;
use crate::pipeline::ingest::metadata;
use crate::pipeline::ingest::structure::{self, Block, BlockKind};
use crate::pipeline::ingest::text;
use crate::pipeline::ingest::title;
use crate::pipeline::ingest::typography::typeset;

/// A stray block in another language longer than this is kept: it is content, not furniture.
const STRAY_MAX_CHARS: usize = 300;

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

/// Analyses one seed; `seed_index` is recorded in its drafts.
pub(crate) fn analyse(
    seed_index: usize,
    seed: &Seed,
    lexicon: &Lexicon,
    dates: &DateParser,
) -> Analysis {
    match seed.kind {
        SeedKind::Text => analyse_text(seed_index, &seed.text, lexicon, dates),
        SeedKind::Markdown => markdown_seed::analyse(seed_index, seed, lexicon, dates),
        SeedKind::Html => {
            let page = html_text::extract(&seed.text);
            let mut analysis = analyse_text(seed_index, &page.text, lexicon, dates);
            for draft in &mut analysis.drafts {
                draft.published = draft.published.or(page.published);
            }
            analysis
        }
    }
}

/// What the text stages read from a raw text: the text normalised, and its blocks.
pub(crate) struct Structure {
    pub(crate) text: String,
    pub(crate) blocks: Vec<Block>,
}

/// The text stages: normalisation, lines, and their blocks (paragraphs re-joined, lists,
/// headings, date lines). The main language, where function words or the model tell it,
/// says which words a hard-wrapped line may stop at.
pub(crate) fn read_structure(raw: &str, lexicon: &Lexicon, dates: &DateParser) -> Structure {
    let text = text::normalise(raw);
    let main_language = language::main_language(&text, lexicon);
    let lines = text::lines(&text);
    let blocks = structure::blocks(
        &lines,
        main_language.as_ref().map(LangCode::primary),
        dates,
        lexicon,
    );
    Structure { text, blocks }
}

/// Analyses text copied from a web page or PDF.
fn analyse_text(seed_index: usize, raw: &str, lexicon: &Lexicon, dates: &DateParser) -> Analysis {
    let Structure {
        text: normalised,
        blocks,
    } = read_structure(raw, lexicon, dates);
    let languages = language::detect_blocks(&blocks, lexicon);
    let mut verdicts = boilerplate::classify(&blocks, lexicon);
    let found_title = title::find(&blocks, &verdicts, lexicon, dates);
    boilerplate::apply_title(
        &blocks,
        &mut verdicts,
        found_title.as_ref().map(|t| t.block),
        found_title.as_ref().map_or("", |t| t.text.as_str()),
    );
    let body: Vec<usize> = (0..blocks.len())
        .filter(|&i| verdicts[i] == Verdict::Body)
        .collect();
    let parts = language::report_languages(&blocks, &languages, &body);
    drop_stray_languages(&blocks, &languages, &parts, &mut verdicts);
    let facts = metadata::seed_facts(&blocks, &verdicts, &languages, lexicon, dates);
    let drafts = parts
        .iter()
        .enumerate()
        .filter_map(|(part_index, lang)| {
            let mut indices = part_blocks(&verdicts, &languages, &parts, lang);
            let title_here = found_title.as_ref().filter(|t| {
                part_of(t.block, &languages, &parts) == Some(lang) && title::has_words(&t.text)
            });
            let title = match title_here {
                Some(found) => {
                    indices.insert(0, found.block);
                    found.text.clone()
                }
                None => {
                    let texts: Vec<&str> =
                        indices.iter().map(|&i| blocks[i].text.as_str()).collect();
                    title::derive(&texts, lexicon)
                }
            };
            // A part without a letter or digit to take a title from is no report.
            if !title::has_words(&title) {
                return None;
            }
            let part_facts = metadata::describe(&blocks, &indices, &facts, lexicon);
            let body_blocks: Vec<&Block> = indices
                .iter()
                .filter(|&&i| verdicts[i] == Verdict::Body)
                .map(|&i| &blocks[i])
                .collect();
            Some(ReportDraft {
                seed: seed_index,
                part: part_index,
                lang: *lang,
                title: typeset(&title, lang.primary()),
                published: facts.published,
                event_date: part_facts.event_date,
                place: part_facts.place,
                terms: BTreeMap::from([
                    ("sectors".to_owned(), part_facts.sectors),
                    ("countries".to_owned(), part_facts.countries),
                    ("organisations".to_owned(), part_facts.organisations),
                ]),
                summary: part_facts
                    .summary
                    .map(|summary| typeset(&summary, lang.primary())),
                publisher: facts.publisher.clone(),
                source_url: None,
                translation_key: None,
                markdown: to_markdown(&body_blocks, lang.primary()),
                anchors: part_facts.anchors,
                parts_in_seed: parts.len(),
            })
        })
        .collect();
    Analysis {
        blocks,
        verdicts,
        languages,
        drafts,
        warnings: Vec::new(),
        text: normalised,
    }
}

/// The part a block belongs to: its own language if that is a part, else the first part.
fn part_of<'a>(
    index: usize,
    languages: &[Option<Detected>],
    parts: &'a [LangCode],
) -> Option<&'a LangCode> {
    let own = languages[index].as_ref().map(|detected| &detected.lang);
    own.and_then(|lang| parts.iter().find(|part| *part == lang))
        .or_else(|| parts.first())
}

/// Body blocks of one part, in reading order.
fn part_blocks(
    verdicts: &[Verdict],
    languages: &[Option<Detected>],
    parts: &[LangCode],
    lang: &LangCode,
) -> Vec<usize> {
    (0..verdicts.len())
        .filter(|&i| verdicts[i] == Verdict::Body && part_of(i, languages, parts) == Some(lang))
        .collect()
}

/// A short body block reliably in a language no part is in: furniture left in another language.
fn drop_stray_languages(
    blocks: &[Block],
    languages: &[Option<Detected>],
    parts: &[LangCode],
    verdicts: &mut [Verdict],
) {
    for (index, verdict) in verdicts.iter_mut().enumerate() {
        let stray = languages[index]
            .as_ref()
            .is_some_and(|detected| detected.reliable && !parts.contains(&detected.lang));
        if *verdict == Verdict::Body
            && stray
            && blocks[index].text.chars().count() < STRAY_MAX_CHARS
        {
            *verdict = Verdict::Dropped(Reason::OtherLanguage);
        }
    }
}

impl Analysis {
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
            let date = draft.event_date.map_or_else(
                || "unknown".to_owned(),
                |d| match d.full() {
                    Some(full) => full.to_string(),
                    None => format!("--{:02}-{:02} (year unknown)", d.month, d.day),
                },
            );
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
        }
        out
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
