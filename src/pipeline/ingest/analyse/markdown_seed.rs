//! Seeds already written in Markdown (`.md`): the body is kept exactly as its author wrote
//! it, and front matter, if any, is respected as far as it is readable (read leniently, in
//! the content format: title, language, date, summary, source, translation key, and the
//! terms of any other field). What the author left out (language, title, event date, place, sectors,
//! countries, organisations) is found as for any other report.

use std::collections::BTreeMap;
use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::model::lang::LangCode;
use crate::pipeline::content::format::{self, FrontMatter};
use crate::pipeline::ingest::analyse::analysis::Analysis;
use crate::pipeline::ingest::analyse::boilerplate::Verdict;
use crate::pipeline::ingest::analyse::dates::DateParser;
use crate::pipeline::ingest::analyse::draft::ReportDraft;
use crate::pipeline::ingest::analyse::language;
use crate::pipeline::ingest::analyse::metadata;
use crate::pipeline::ingest::analyse::structure::{Block, BlockKind};
use crate::pipeline::ingest::analyse::title;
use crate::pipeline::ingest::lexicon::Lexicon;
use crate::pipeline::ingest::sources::Seed;

/// Analyses a Markdown seed.
pub(crate) fn analyse(
    seed_index: usize,
    seed: &Seed,
    lexicon: &Lexicon,
    dates: &DateParser,
) -> Analysis {
    let read = format::read_report_leniently(Path::new(&seed.path), &seed.text);
    let warnings: Vec<_> = read
        .problem
        .into_iter()
        .map(|problem| {
            problem
                .downgraded("the front matter was ignored")
                .hint("fix the YAML between the `---` lines")
        })
        .collect();
    let (given, body_line) = (read.front_matter, read.body_line);
    let (heading_title, body) = split_title(read.body);
    let body_blocks = plain_blocks(body, body_line);
    let title = Some(given.title.clone())
        .filter(|title| title::has_words(title))
        .or(heading_title.filter(|title| title::has_words(title)))
        .unwrap_or_else(|| {
            let texts: Vec<&str> = body_blocks
                .iter()
                .map(|block| block.text.as_str())
                .collect();
            title::derive(&texts, None, lexicon)
        });
    // The title takes part in finding dates, place and organisations, like a heading.
    let mut blocks = vec![title_block(&title, body_line)];
    blocks.extend(body_blocks);
    let languages = language::detect_blocks(&blocks, lexicon);
    let mut verdicts = vec![Verdict::Body; blocks.len()];
    verdicts[0] = Verdict::Title;
    let all: Vec<usize> = (0..blocks.len()).collect();
    let given_lang = given
        .lang
        .as_deref()
        .and_then(|code| LangCode::parse(code).ok());
    let lang = given_lang.or_else(|| {
        language::report_languages(&blocks, &languages, &all[1..])
            .into_iter()
            .next()
    });
    let mut facts = metadata::seed_facts(&blocks, &verdicts, &languages, lexicon, dates);
    facts.published = given.date.or(facts.published);
    let primary = lang.as_ref().map_or("", LangCode::primary);
    let part = metadata::describe(&blocks, &all, Some(0), &facts, primary, lexicon);
    // Without a letter or digit to take a title from, the seed holds no report.
    let drafts = match lang {
        Some(lang) if title::has_words(&title) => {
            vec![draft(seed_index, lang, title, given, part, &facts, body)]
        }
        _ => Vec::new(),
    };
    Analysis {
        blocks,
        verdicts,
        languages,
        drafts,
        warnings,
        text: seed.text.clone(),
    }
}

fn draft(
    seed_index: usize,
    lang: LangCode,
    title: String,
    given: FrontMatter,
    part: metadata::PartFacts,
    facts: &metadata::SeedFacts,
    body: &str,
) -> ReportDraft {
    let mut terms = BTreeMap::from([
        ("sectors".to_owned(), part.sectors),
        ("countries".to_owned(), part.countries),
        ("organisations".to_owned(), part.organisations),
    ]);
    // Terms the author gave replace what was found.
    terms.extend(given.terms);
    ReportDraft {
        seed: seed_index,
        part: 0,
        lang,
        title,
        published: facts.published,
        event_date: part.event_date,
        place: part.place,
        terms,
        summary: given.summary.or(part.summary),
        publisher: given.source.publisher,
        source_url: given.source.url,
        translation_key: given.translation_key,
        markdown: format!("{}\n", body.trim()),
        anchors: part.anchors,
        parts_in_seed: 1,
    }
}

/// A leading `# Title` line is the title; the rest is the body.
fn split_title(body: &str) -> (Option<String>, &str) {
    let trimmed = body.trim_start_matches(['\n', '\r']);
    let Some(rest) = trimmed.strip_prefix("# ") else {
        return (None, body);
    };
    let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
    (Some(line.trim().to_owned()), after)
}

fn title_block(title: &str, line: usize) -> Block {
    Block::new(BlockKind::Heading, title.to_owned(), line, line)
}

/// The paragraphs, headings and items of a Markdown body as plain text, for analysis.
fn plain_blocks(body: &str, first_line: usize) -> Vec<Block> {
    let line_of = |offset: usize| first_line + body[..offset.min(body.len())].matches('\n').count();
    let mut blocks = Vec::new();
    let mut current: Option<(BlockKind, String, usize)> = None;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item) if current.is_none() => {
                let kind = match event {
                    Event::Start(Tag::Heading { .. }) => BlockKind::Heading,
                    Event::Start(Tag::Item) => BlockKind::Bullet { nested: false },
                    _ => BlockKind::Paragraph,
                };
                current = Some((kind, String::new(), line_of(range.start)));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                if let Some((kind, text, line)) = current.take()
                    && !text.trim().is_empty()
                {
                    let mut block = Block::new(
                        kind,
                        text.split_whitespace().collect::<Vec<_>>().join(" "),
                        line,
                        line_of(range.end),
                    );
                    block.chunk = blocks.len();
                    blocks.push(block);
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, buffer, _)) = current.as_mut() {
                    buffer.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, buffer, _)) = current.as_mut() {
                    buffer.push(' ');
                }
            }
            _ => {}
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::ingest::sources::SeedKind;
    use chrono::NaiveDate;

    fn analysed(text: &str) -> Analysis {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        let seed = Seed {
            path: "seeds/a.md".into(),
            text: text.into(),
            kind: SeedKind::Markdown,
        };
        analyse(0, &seed, &lexicon, &dates)
    }

    #[test]
    fn front_matter_is_respected_and_the_body_kept_as_written() {
        let text = "---\ntitle: \"Hydrogen: a forum\"\nlang: fr\ndate: 2024-03-14\ntags: [hydrogène]\n---\n\nLe forum s'est tenu à **Lyon** le 12 mars 2024.\n\n- point *un*\n";
        let analysis = analysed(text);
        let draft = &analysis.drafts[0];
        assert_eq!(draft.title, "Hydrogen: a forum");
        assert_eq!(draft.lang.as_str(), "fr");
        assert_eq!(draft.published, NaiveDate::from_ymd_opt(2024, 3, 14));
        assert_eq!(draft.terms["tags"], ["hydrogène"]);
        assert_eq!(
            draft.markdown,
            "Le forum s'est tenu à **Lyon** le 12 mars 2024.\n\n- point *un*\n"
        );
        assert_eq!(draft.place.as_deref(), Some("Lyon"));
        assert_eq!(
            draft.event_date.and_then(|d| d.full()),
            NaiveDate::from_ymd_opt(2024, 3, 12)
        );
    }

    #[test]
    fn without_front_matter_the_heading_is_the_title_and_the_language_is_detected() {
        let text = "# Spotkanie klastrów energetycznych\n\nW dniu 5 maja 2023 roku w Krakowie odbyło się spotkanie przedstawicieli klastrów energetycznych z całej Polski.\n";
        let draft = &analysed(text).drafts[0];
        assert_eq!(draft.title, "Spotkanie klastrów energetycznych");
        assert_eq!(draft.lang.as_str(), "pl");
        assert!(!draft.markdown.contains("# Spotkanie"));
        assert_eq!(draft.place.as_deref(), Some("Kraków"));
    }
}
