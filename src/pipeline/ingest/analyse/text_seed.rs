//! A seed of text copied from a web page or a PDF (or taken from a saved page) through the
//! stages: normalise, read its structure, judge every block, find the title, split by
//! language, describe each part, and write each part's body as Markdown.

use std::collections::{BTreeMap, HashSet};

use crate::model::lang::LangCode;
use crate::pipeline::ingest::analyse::analysis::Analysis;
use crate::pipeline::ingest::analyse::body::to_markdown;
use crate::pipeline::ingest::analyse::boilerplate::{self, Origin, Reason, Verdict};
use crate::pipeline::ingest::analyse::dates::DateParser;
use crate::pipeline::ingest::analyse::draft::ReportDraft;
use crate::pipeline::ingest::analyse::language::{self, Detected};
use crate::pipeline::ingest::analyse::metadata;
use crate::pipeline::ingest::analyse::normalise;
use crate::pipeline::ingest::analyse::recurring::RecurringLines;
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::{self, Block, BlockKind};
use crate::pipeline::ingest::analyse::title;
use crate::pipeline::ingest::analyse::typography::typeset;
use crate::pipeline::ingest::lexicon::Lexicon;
use crate::util::text::comparable;

/// A stray block in another language longer than this is kept: it is content, not furniture.
const STRAY_MAX_CHARS: usize = 300;

/// What the text stages read from a raw text: the text normalised, its main language if
/// function words or the model tell it, and its blocks.
pub(crate) struct Structure {
    pub(crate) text: String,
    pub(crate) main_language: Option<LangCode>,
    pub(crate) blocks: Vec<Block>,
}

/// The text stages: normalisation, lines, and their blocks (paragraphs re-joined, lists,
/// headings, date lines). The main language, where function words or the model tell it,
/// says which words a hard-wrapped line may stop at.
pub(crate) fn read_structure(raw: &str, lexicon: &Lexicon, dates: &DateParser) -> Structure {
    let text = normalise::normalise(raw);
    let main_language = language::main_language(&text, lexicon);
    let lines = normalise::lines(&text);
    let blocks = structure::blocks(
        &lines,
        main_language.as_ref().map(LangCode::primary),
        dates,
        lexicon,
    );
    Structure {
        text,
        main_language,
        blocks,
    }
}

/// A text to analyse, and what is known of it before its lines are read.
#[derive(Clone, Copy)]
pub(crate) struct TextSeed<'a> {
    /// The seed's index, recorded in its drafts.
    pub(crate) index: usize,
    /// The text, copied from a web page or PDF, or taken from a saved page (`origin`).
    pub(crate) raw: &'a str,
    pub(crate) origin: Origin,
    /// The title a page's metadata gives, if any: taken before any guess from the lines.
    pub(crate) known_title: Option<&'a str>,
    /// The short lines other seeds hold too.
    pub(crate) recurring: &'a RecurringLines,
}

/// Analyses one text through every stage.
pub(crate) fn analyse(seed: TextSeed<'_>, lexicon: &Lexicon, dates: &DateParser) -> Analysis {
    let TextSeed {
        index: seed_index,
        raw,
        origin,
        known_title,
        recurring,
    } = seed;
    let Structure {
        text: normalised,
        main_language,
        mut blocks,
    } = read_structure(raw, lexicon, dates);
    let languages = language::detect_blocks(&blocks, lexicon);
    let mut verdicts = boilerplate::classify(&blocks, lexicon, origin);
    let lang = main_language.as_ref().map(LangCode::primary);
    boilerplate::keep_event_days(&blocks, &mut verdicts, |text| {
        dates
            .find(text, lang, &lexicon.months)
            .into_iter()
            .find(|mention| {
                // Ends in the month it starts in, or the next.
                mention.last.is_some_and(|(month, _)| {
                    month == mention.date.month || month == mention.date.month % 12 + 1
                })
            })
            .map(|mention| mention.start..mention.end)
    });
    let found_title = known_title
        .and_then(|known| title::given(&blocks, known))
        .or_else(|| title::find(&blocks, &verdicts, lang, lexicon, dates));
    if let Some(title) = &found_title {
        title::restore_ordinal(&mut blocks, title);
    }
    boilerplate::apply_title(
        &blocks,
        &mut verdicts,
        found_title.as_ref().map(|t| t.block),
        found_title.as_ref().map_or("", |t| t.text.as_str()),
    );
    if let Some(title) = &found_title {
        boilerplate::drop_byline(&blocks, &mut verdicts, title.block, lexicon);
    }
    // (After the title: reports of one event on two sites may share their headline.)
    let lines: Vec<&str> = normalised.lines().collect();
    boilerplate::drop_recurring(&blocks, &mut verdicts, |block| {
        lines_of(&lines, block).all(|line| recurring.elsewhere(seed_index, line))
    });
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
                title_part(t.block, &blocks, &verdicts, &languages, &parts) == Some(lang)
                    && title::has_words(&t.text)
            });
            let mut opening_heading = None;
            let title = match title_here {
                Some(found) => {
                    indices.insert(0, found.block);
                    found.text.clone()
                }
                None => {
                    let texts: Vec<&str> =
                        indices.iter().map(|&i| blocks[i].text.as_str()).collect();
                    // The page's headline heads a part in another language that writes it
                    // too (a name: "Days of Clusters 2015" over Czech and English parts).
                    let headline = found_title
                        .as_ref()
                        .filter(|found| mentions_whole(&texts, &found.text));
                    opening_heading = indices
                        .first()
                        .copied()
                        .filter(|_| headline.is_none())
                        .filter(|&first| opens_translation(&blocks[first]));
                    match (headline, opening_heading) {
                        (Some(found), _) => found.text.clone(),
                        (None, Some(heading)) => blocks[heading].text.clone(),
                        (None, None) => title::derive(&texts, Some(lang.primary()), lexicon),
                    }
                }
            };
            // A part without a letter or digit to take a title from is no report.
            if !title::has_words(&title) {
                return None;
            }
            let part_facts = metadata::describe(
                &blocks,
                &indices,
                title_here.map(|found| found.block).or(opening_heading),
                &facts,
                lang.primary(),
                lexicon,
            );
            let body_blocks: Vec<&Block> = indices
                .iter()
                .filter(|&&i| verdicts[i] == Verdict::Body && Some(i) != opening_heading)
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

/// The non-blank lines of `block` (its line numbers count from 1 in `lines`).
fn lines_of<'a>(lines: &'a [&'a str], block: &Block) -> impl Iterator<Item = &'a str> + 'a {
    let span = block.first_line.saturating_sub(1)..block.last_line.min(lines.len());
    lines[span]
        .iter()
        .copied()
        .filter(|line| !line.trim().is_empty())
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

/// The part a title heads. A title whose language is unsure (a name: "Den maritime
/// klyngekonferansen 2022") heads the part whose body writes most of its words; numbers and
/// short words ("2022", "in", "de") are any language's.
fn title_part<'a>(
    title: usize,
    blocks: &[Block],
    verdicts: &[Verdict],
    languages: &[Option<Detected>],
    parts: &'a [LangCode],
) -> Option<&'a LangCode> {
    let by_language = part_of(title, languages, parts);
    let reliable = languages[title].as_ref().is_some_and(|d| d.reliable);
    if reliable || parts.len() < 2 {
        return by_language;
    }
    let telling = |word: &&str| {
        word.chars().count() >= TELLING_WORD_CHARS && !word.chars().any(|c| c.is_numeric())
    };
    let title_words: Vec<&str> = blocks[title]
        .words
        .lower()
        .into_iter()
        .filter(telling)
        .collect();
    let shared: Vec<usize> = parts
        .iter()
        .map(|lang| {
            let body: HashSet<&str> = part_blocks(verdicts, languages, parts, lang)
                .into_iter()
                .flat_map(|i| blocks[i].words.lower())
                .collect();
            title_words
                .iter()
                .filter(|word| body.contains(*word))
                .count()
        })
        .collect();
    let own = by_language.and_then(|lang| parts.iter().position(|part| part == lang));
    let best = (0..parts.len()).max_by_key(|&i| (shared[i], Some(i) == own))?;
    Some(&parts[best])
}

/// Letters a word needs to tell one language's part from another's.
const TELLING_WORD_CHARS: usize = 3;

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

/// A short body block reliably in a language no part is in: furniture left in another
/// language. Not an item of a list whose other items stay: a programme's topics are often
/// left in English inside a report in another language.
fn drop_stray_languages(
    blocks: &[Block],
    languages: &[Option<Detected>],
    parts: &[LangCode],
    verdicts: &mut [Verdict],
) {
    let stray: Vec<bool> = (0..blocks.len())
        .map(|index| {
            verdicts[index] == Verdict::Body
                && blocks[index].text.chars().count() < STRAY_MAX_CHARS
                && languages[index]
                    .as_ref()
                    .is_some_and(|detected| detected.reliable && !parts.contains(&detected.lang))
        })
        .collect();
    let is_item = |index: usize| {
        matches!(
            blocks[index].kind,
            BlockKind::Bullet { .. } | BlockKind::Numbered(_)
        )
    };
    let mut index = 0;
    while index < blocks.len() {
        // A run of list items, or a block alone.
        let end = if is_item(index) {
            (index..blocks.len())
                .find(|&i| !is_item(i))
                .unwrap_or(blocks.len())
        } else {
            index + 1
        };
        let list_stays =
            is_item(index) && (index..end).any(|i| verdicts[i] == Verdict::Body && !stray[i]);
        for i in (index..end).filter(|&i| stray[i] && !list_stays) {
            verdicts[i] = Verdict::Dropped(Reason::OtherLanguage);
        }
        index = end;
    }
}

/// Whether a part's first block is the heading of a translation ("The Maritime Cluster
/// Conference 2022" over the English version of a Norwegian report): a heading of two
/// words or more ("Agenda" alone is a section's label) that introduces no list with a colon.
fn opens_translation(block: &Block) -> bool {
    block.kind == BlockKind::Heading
        && shape::at_least_words(&block.text, OPENING_HEADING_WORDS)
        && !block.text.trim_end().ends_with(':')
}

/// The fewest words of a heading that titles a translation: one word is a section's label.
const OPENING_HEADING_WORDS: usize = 2;

/// Whether one of `texts` writes `phrase` whole (case and punctuation aside).
fn mentions_whole(texts: &[&str], phrase: &str) -> bool {
    let key = comparable(phrase);
    !key.is_empty() && texts.iter().any(|text| comparable(text).contains(&key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_in_another_language_stays_with_its_items_that_stay() {
        let lang = |code: &str, reliable: bool| {
            Some(Detected {
                lang: LangCode::parse(code).unwrap(),
                reliable,
            })
        };
        let block = |kind: BlockKind, text: &str| Block::new(kind, text.to_owned(), 0, 0);
        let item = BlockKind::Bullet { nested: false };
        let blocks = [
            block(BlockKind::Paragraph, "Omówiono tematy konferencji:"),
            block(item, "Trends and learnings in Cluster Policies"),
            block(item, "Meet your cluster manager peers"),
            block(BlockKind::Paragraph, "Accept all cookies"),
            block(item, "Home"),
            block(item, "Contact us"),
        ];
        let languages = [
            lang("pl", true),
            lang("en", true),
            lang("en", false),
            lang("en", true),
            lang("en", true),
            lang("en", true),
        ];
        let mut verdicts = vec![Verdict::Body; blocks.len()];
        let parts = [LangCode::parse("pl").unwrap()];
        drop_stray_languages(&blocks, &languages, &parts, &mut verdicts);
        let dropped = Verdict::Dropped(Reason::OtherLanguage);
        assert_eq!(
            verdicts,
            [
                Verdict::Body,
                Verdict::Body,
                Verdict::Body,
                dropped,
                dropped,
                dropped
            ]
        );
    }

    /// (language, title) of each report a copied text gives.
    fn titles_of(raw: &str) -> Vec<(String, String)> {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        let recurring = RecurringLines::default();
        let seed = TextSeed {
            index: 0,
            raw,
            origin: Origin::Copied,
            known_title: None,
            recurring: &recurring,
        };
        analyse(seed, &lexicon, &dates)
            .drafts
            .iter()
            .map(|draft| (draft.lang.to_string(), draft.title.clone()))
            .collect()
    }

    #[test]
    fn a_part_in_another_language_that_writes_the_headline_takes_it() {
        let raw = "Days of Clusters 2015\n\n\
                   Ve dnech 22.-23. října 2015 se v rumunském Brašově uskuteční konference „Days of Clusters 2015“. \
                   Na akci vystoupí také prezidentka Národní klastrové asociace jako řečnice.\n\n\
                   Konference se zaměří na spolupráci klastrů z celého regionu a na jejich rozvoj. \
                   Podrobnější informace o programu a registraci uvádíme níže v anglickém jazyce.\n\n\
                   The Cluster House and the ALT Cluster Brasov are preparing the Balkan and Black Sea conference \
                   “Days of Clusters 2015” from October 22-23 in Brasov, Romania. The mission of this year’s \
                   conference is the strengthening of the cluster community of the region and its cooperation \
                   with clusters from the whole of Europe, through talks, workshops and matchmaking meetings.";
        let titles = titles_of(raw);
        assert_eq!(titles.len(), 2, "{titles:?}");
        assert!(
            titles
                .iter()
                .all(|(_, title)| title == "Days of Clusters 2015"),
            "{titles:?}"
        );
    }

    #[test]
    fn a_translation_is_titled_by_the_heading_that_opens_it() {
        let raw = "Den danske klyngekonference 2024\n\n\
                   Mere end 300 deltagere mødtes i Odense til årets klyngekonference, hvor virksomheder \
                   og forskere drøftede samarbejde på tværs af brancher. Der var også workshops om den \
                   grønne omstilling, og flere \
                   klynger fortalte om deres internationale projekter.\n\n\
                   Næste års klyngekonference finder sted i Aarhus, og tilmeldingen åbner allerede i foråret.\n\n\
                   The Danish Cluster Conference 2024\n\n\
                   More than 300 participants met in Odense for this year's cluster conference, where \
                   companies and researchers discussed cooperation across industries. There were also \
                   workshops on the green transition, \
                   and several clusters spoke about their international projects.\n\n\
                   Next year's cluster conference will take place in Aarhus, and registration opens in the spring.";
        let titles = titles_of(raw);
        let expected = [
            ("da", "Den danske klyngekonference 2024"),
            ("en", "The Danish Cluster Conference 2024"),
        ]
        .map(|(lang, title)| (lang.to_owned(), title.to_owned()));
        assert_eq!(titles, expected);
    }

    #[test]
    fn a_title_of_unsure_language_heads_the_part_that_writes_its_words() {
        // The English caption under the title would give it its language.
        let raw = "Den danske klyngekonference 2024\n\n\
                   The audience in the hall during the conference in Odense, as the photo shows.\n\n\
                   Mere end 300 deltagere mødtes i Odense til årets danske klyngekonference, hvor \
                   virksomheder og forskere drøftede samarbejde på tværs af brancher. Der var også \
                   workshops om den grønne omstilling, og flere klynger fortalte om deres projekter.\n\n\
                   Næste års klyngekonference finder sted i Aarhus, og tilmeldingen åbner allerede i foråret.\n\n\
                   More than 300 participants met in Odense for this year's cluster conference, where \
                   companies and researchers discussed cooperation across industries. There were also \
                   workshops on the green transition, and several clusters spoke about their projects. \
                   Next year's cluster conference will take place in Aarhus, and registration opens in spring.";
        let titles = titles_of(raw);
        let danish = titles.iter().find(|(lang, _)| lang == "da");
        assert_eq!(
            danish.map(|(_, title)| title.as_str()),
            Some("Den danske klyngekonference 2024"),
            "{titles:?}"
        );
    }
}
