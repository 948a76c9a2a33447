//! Structure recovery: normalised lines become blocks. Hard-wrapped lines are re-joined into
//! paragraphs (and words split at a line end repaired), list items are found from their
//! glyphs, from numbers, from orphaned markers whose text came later, and from runs of short
//! lines whose glyph was lost; short heading-like lines become headings; date badges, empty
//! bullets and page numbers are kept as their own blocks for the boilerplate stage to judge.

use std::borrow::Cow;

mod block;
mod headings;
mod lines;
mod lists;
mod words;

use crate::pipeline::ingest::analyse::dates::DateParser;
use crate::pipeline::ingest::analyse::normalise::{BULLET, Line};
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::lexicon::Lexicon;
pub use block::BlockKind;
pub(crate) use block::{Block, block};
use lines::{ChunkReader, Vocabulary};
pub(crate) use words::{Words, word_slices};

/// Reads the blocks of a normalised text.
/// `language` is the text's main language, if known: its function words tell a line that
/// stops mid-phrase ("... of the") from one that ends.
pub(crate) fn blocks(
    lines: &[Line],
    language: Option<&str>,
    dates: &DateParser,
    lexicon: &Lexicon,
) -> Vec<Block> {
    let chunks = chunks(lines);
    let is_function_word = |word: &str| match language {
        Some(lang) => lexicon.is_stopword_in(lang, word),
        None => lexicon.is_stopword(word),
    };
    let width = wrap_width(&chunks, is_function_word);
    let vocabulary = Vocabulary::of(lines);
    let mut blocks = Vec::new();
    for (index, chunk) in chunks.iter().enumerate() {
        let joined = chunk
            .iter()
            .map(|line| line.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if dates
            .only_date(&joined, language, &lexicon.months)
            .is_some()
        {
            blocks.push(block(BlockKind::DateLine, joined, chunk, index));
            continue;
        }
        let start = blocks.len();
        let reader = ChunkReader {
            width,
            language,
            lexicon,
            dates,
            vocabulary: &vocabulary,
        };
        reader.read(chunk, index, &mut blocks);
        lists::lists_from_short_lines(&mut blocks[start..]);
    }
    lists::lists_after_orphaned_markers(&mut blocks);
    lists::nest_bullets_under_numbers(&mut blocks);
    headings::mark_headings(&mut blocks, is_function_word);
    // Words hyphenated across a line end are whole now; they count as written forms too.
    let joined = Vocabulary::hyphenated(blocks.iter().map(|block| block.text.as_str()));
    for block in &mut blocks {
        // The words are read here, once the text is final.
        if let Cow::Owned(repaired) = joined.repair_glued_words(&block.text) {
            block.text = repaired;
        }
        block.words = Words::of(&block.text);
    }
    blocks
}

/// Runs of non-blank lines; in a double-spaced text (a PDF that put a blank line after
/// every line), runs between two or more blank lines, and the lines decide the rest.
fn chunks(lines: &[Line]) -> Vec<Vec<&Line>> {
    let single = split_at_blanks(lines, 1);
    if is_double_spaced(&single) {
        split_at_blanks(lines, 2)
    } else {
        single
    }
}

/// Runs of non-blank lines split at `blanks` or more blank lines.
fn split_at_blanks(lines: &[Line], blanks: usize) -> Vec<Vec<&Line>> {
    let mut chunks: Vec<Vec<&Line>> = Vec::new();
    let mut current = Vec::new();
    let mut blank_run = 0;
    for line in lines {
        if line.text.is_empty() {
            blank_run += 1;
            if blank_run == blanks && !current.is_empty() {
                chunks.push(std::mem::take(&mut current));
            }
        } else {
            blank_run = 0;
            current.push(line);
        }
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// Sentences cut by a blank line that make a text double-spaced: one is a fluke.
const DOUBLE_SPACED_CUTS: usize = 3;

/// Whether blank lines cut sentences: one-line chunks end mid-sentence and the next goes
/// on in lower case ("… became acquainted with the clusters and" / "innovation networks
/// in the region."), at least half the time a line as long as those ends open.
fn is_double_spaced(chunks: &[Vec<&Line>]) -> bool {
    let pairs: Vec<(&Line, &Line)> = chunks
        .windows(2)
        .filter_map(|pair| match (pair[0].as_slice(), pair[1].as_slice()) {
            ([before], [after]) if !shape::ends_sentence(&before.text) => Some((*before, *after)),
            _ => None,
        })
        .collect();
    let cut = |after: &Line| shape::starts_lowercase(&after.text);
    let cuts = pairs.iter().filter(|(_, after)| cut(after)).count();
    if cuts < DOUBLE_SPACED_CUTS {
        return false;
    }
    // The width the text was wrapped at, as the cut lines tell; lines well short of it
    // ended on purpose (a heading, a speaker's name).
    let Some(width) = median_length(pairs.iter().filter(|(_, after)| cut(after)).map(|p| p.0))
    else {
        return false;
    };
    let wrapped = pairs
        .iter()
        .filter(|(before, _)| before.text.chars().count() * 100 >= width * 85)
        .count();
    cuts * 2 >= wrapped
}

/// The width hard-wrapped lines were wrapped at: the median length of lines that certainly
/// continue because the next line starts in lower case; failing that (German capitalises
/// its nouns), of lines that stop at a comma or a function word, unless too many lines are
/// longer than that width would allow (paragraphs on one line each, short lines between).
/// None when the text is not hard-wrapped.
fn wrap_width(chunks: &[Vec<&Line>], is_function_word: impl Fn(&str) -> bool) -> Option<usize> {
    let pairs = || chunks.iter().flat_map(|chunk| chunk.windows(2));
    let before_lowercase = pairs()
        .filter(|pair| shape::starts_lowercase(&pair[1].text))
        .map(|pair| pair[0]);
    if let Some(width) = median_length(before_lowercase) {
        return Some(width);
    }
    let stops_mid_phrase = |line: &Line| {
        let last_word = line.text.rsplit(' ').next().unwrap_or("");
        last_word.ends_with(',') || is_function_word(&crate::util::text::lowercase(last_word))
    };
    // A list item ending in a comma is followed by the next item, not by its own rest.
    let is_item = |line: &Line| {
        line.text
            .starts_with(['-', '*', '–', '—', '·', '◦', BULLET])
    };
    let width = median_length(
        pairs()
            .filter(|pair| !is_item(pair[1]) && stops_mid_phrase(pair[0]))
            .map(|pair| pair[0]),
    )?;
    let lines = chunks.iter().flatten();
    let longer = lines
        .clone()
        .filter(|line| line.text.chars().count() * 4 > width * 5)
        .count();
    (longer * 10 <= lines.count()).then_some(width)
}

/// The median length of at least two lines.
fn median_length<'l>(lines: impl Iterator<Item = &'l Line>) -> Option<usize> {
    let mut lengths: Vec<usize> = lines.map(|line| line.text.chars().count()).collect();
    if lengths.len() < 2 {
        return None;
    }
    lengths.sort_unstable();
    Some(lengths[lengths.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::pipeline::ingest::analyse::normalise::{lines, normalise};

    fn read(raw: &str) -> Vec<(BlockKind, String)> {
        read_in(raw, "en")
    }

    fn texts(found: &[(BlockKind, String)]) -> Vec<&str> {
        found.iter().map(|(_, text)| text.as_str()).collect()
    }

    #[test]
    fn german_wraps_before_capitalised_nouns_are_joined_but_one_line_paragraphs_stay() {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        let read_de = |raw: &str| -> Vec<String> {
            blocks(&lines(&normalise(raw)), Some("de"), &dates, &lexicon)
                .into_iter()
                .map(|block| block.text)
                .collect()
        };
        let wrapped = "Neues Netzwerk\n\
            Im Mai trafen sich in Leipzig die Managerinnen und Manager von zwölf\n\
            Wasserstoffclustern aus sechs Ländern, um gemeinsame Pilotprojekte für die\n\
            Industrie vorzubereiten.\n\n\
            Die Teilnehmenden vereinbarten, bis zum Herbst eine gemeinsame Roadmap für\n\
            Elektrolyseure zu erarbeiten.\n";
        let found = read_de(wrapped);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[1].starts_with("Im Mai") && found[1].ends_with("vorzubereiten."));
        // Paragraphs one per line, with list items ending in commas: nothing is wrapped.
        let unwrapped = "Startseite » Aktuelles\n\
            Treffen der Meeresclustern in Kiel\n\
            Am 3. Juni trafen sich in Kiel Vertreterinnen und Vertreter von vierzig Clustern, Häfen und Hochschulen aus acht Ländern der Ostseeregion.\n\
            Besprochen wurden:\n\
            • alternative Kraftstoffe,\n\
            • gemeinsame Projekte,\n\
            • Fachkräfte.\n";
        let found = read_de(unwrapped);
        assert_eq!(found[0], "Startseite » Aktuelles", "{found:?}");
        assert_eq!(found[1], "Treffen der Meeresclustern in Kiel", "{found:?}");
    }

    #[test]
    fn a_heading_s_line_that_ends_with_an_article_goes_on_but_a_verb_s_particle_ends_it() {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        let read_in = |lang: &str, raw: &str| -> Vec<String> {
            blocks(&lines(&normalise(raw)), Some(lang), &dates, &lexicon)
                .into_iter()
                .map(|block| block.text)
                .collect()
        };
        let body = "Am 24. November trafen sich in Bern rund zweihundert Gäste aus Wirtschaft und Politik.";
        let found = read_in(
            "de",
            &format!("Ein Schaufenster für den\nCluster Food in Bern\n\n{body}"),
        );
        assert_eq!(
            found[0], "Ein Schaufenster für den Cluster Food in Bern",
            "{found:?}"
        );
        let found = read_in(
            "fr",
            "Rencontre annuelle de la\nfilière bois à Épinal\n\nLe texte.",
        );
        assert_eq!(
            found[0], "Rencontre annuelle de la filière bois à Épinal",
            "{found:?}"
        );
        // "vor" ends a German title ("stellt … vor"): the next line is a heading of its own.
        let found = read_in(
            "de",
            &format!("Cluster stellt neue Strategie vor\nZiele für 2030\n\n{body}"),
        );
        assert_eq!(found[0], "Cluster stellt neue Strategie vor", "{found:?}");
    }

    #[test]
    fn rejoins_hard_wrapped_paragraphs() {
        let raw = "A meeting with managers of clusters from seventeen countries took place in the city. It\n\
                   gathered about half of all cluster organisations across Europe, and they represent\n\
                   more than 6500 companies. About twenty representatives of the national associations\n\
                   also joined the discussion and gave an update on the initiatives. Antonio Novo\n\
                   Guerrero presented the alliance.\n\
                   Carmen Schmidt flagged the added value.";
        let found = read(raw);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].1.contains("It gathered about half"));
        assert!(found[0].1.contains("Antonio Novo Guerrero presented"));
        assert!(found[1].1.starts_with("Carmen"));
    }

    #[test]
    fn a_line_opening_with_a_web_address_starts_a_block_unless_the_previous_one_dangles() {
        let raw = "NEWS AND EVENTS\n\
                   https://example.org/uploads/opening.jpg The opening of the cluster days\n\n\
                   The programme and the list of speakers are published at\n\
                   https://example.org/programme for all participants.";
        let found = read(raw);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found[1]
                .1
                .starts_with("https://example.org/uploads/opening.jpg")
        );
        assert!(
            found[2]
                .1
                .ends_with("at https://example.org/programme for all participants.")
        );
    }

    #[test]
    fn lines_that_each_end_a_sentence_stay_paragraphs() {
        let raw = "First European Forum sets an agenda for discussions with countries\n\
                   National representatives talked about cluster policies.\n\
                   Cluster policies are at very different stages.";
        let found = read(raw);
        assert_eq!(found.len(), 3, "{found:#?}");
    }

    #[test]
    fn repairs_words_split_at_line_ends() {
        let raw = "The unit of the Directorate-\nGeneral presented the develop-\nment of the development plan. The DirectorateGeneral agreed.";
        let found = read(raw);
        assert_eq!(
            found[0].1,
            "The unit of the Directorate-General presented the development of the development plan. The Directorate-General agreed."
        );
    }

    #[test]
    fn recovers_lists_from_glyphs_numbers_and_dashes() {
        let raw = "The participants mentioned:\n\u{f0a7} Cascade funding\n\u{f0a7} Knowledge transfer\n- Added value, but need for more recognition of the\ncluster labels\n-The impact of state aid\n1. Benefits for industrial policy\nthrough clusters\n2. Cluster definitions";
        let found = read(raw);
        let kinds: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
        let bullet = BlockKind::Bullet { nested: false };
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                bullet,
                bullet,
                bullet,
                bullet,
                BlockKind::Numbered(1),
                BlockKind::Numbered(2)
            ]
        );
        assert_eq!(
            found[3].1,
            "Added value, but need for more recognition of the cluster labels"
        );
        assert_eq!(found[4].1, "The impact of state aid");
        assert_eq!(
            found[5].1,
            "Benefits for industrial policy through clusters"
        );
    }

    #[test]
    fn recovers_lists_whose_glyphs_were_lost() {
        let raw = "Other actors were mentioned\n\nLarge organisations\nTechnology centres\nIncubators\nRegional authorities\n\n\
                   The following speeches were given:\n-\n\n-\n\nAnna Nowak presented the analysis.\nJan Kowalski shared his view.\n Afterwards, the participants set the agenda:";
        let found = read(raw);
        let bullets: Vec<&str> = found
            .iter()
            .filter(|(kind, _)| matches!(kind, BlockKind::Bullet { .. }))
            .map(|(_, text)| text.as_str())
            .collect();
        assert_eq!(
            bullets,
            [
                "Large organisations",
                "Technology centres",
                "Incubators",
                "Regional authorities",
                "Anna Nowak presented the analysis.",
                "Jan Kowalski shared his view."
            ]
        );
        assert_eq!(
            found
                .iter()
                .filter(|(kind, _)| *kind == BlockKind::EmptyMarker)
                .count(),
            2
        );
    }

    #[test]
    fn indented_lines_after_a_lead_in_are_items_whose_glyph_was_lost() {
        let raw = "2. Amongst key terms, the following were outlined:\n Value chain collaboration\n Innovation uptake\n SME internationalisation.\nCapacity building was also flagged out by some.\n5. Actors that must be involved are\n Clusters\n Investors\nOther actors were mentioned";
        let found = read(raw);
        let nested = BlockKind::Bullet { nested: true };
        let kinds: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Numbered(2),
                nested,
                nested,
                nested,
                BlockKind::Paragraph,
                BlockKind::Numbered(5),
                nested,
                nested,
                BlockKind::Paragraph
            ],
            "{found:#?}"
        );
    }

    #[test]
    fn a_date_line_inside_a_chunk_is_its_own_block() {
        let found = read("Meeting of Clusters\n04/12/2019\n\nText of the report.");
        assert_eq!(
            found[0],
            (BlockKind::Paragraph, "Meeting of Clusters".into())
        );
        assert_eq!(found[1], (BlockKind::DateLine, "04/12/2019".into()));
    }

    #[test]
    fn a_byline_is_a_date_line_with_its_author_beside_it_or_after_it() {
        let found = read(
            "Forum of clusters\n\nPosted Tue 13/10/2009 - 07:00\nBy admin\n\n\
             Posted on Tuesday, 12 May 2023 by the editorial team\n\n\
             Pubblicato il 2 ottobre 2018 da Redazione\n\n\
             By the river\nThe boats came in the morning.",
        );
        let kinds: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
        assert_eq!(kinds[1..5], [BlockKind::DateLine; 4], "{found:#?}");
        // An author's words with no date beside them are text.
        assert_eq!(found[5].1, "By the river");
        assert_ne!(found[5].0, BlockKind::DateLine);
    }

    #[test]
    fn a_double_spaced_text_is_read_as_if_its_lines_had_no_blank_lines_between() {
        let raw = "The first seminar of the project in the northern region was held on 17-18\n\n\
             October 2017. During the seminar the partners of the project, together with\n\n\
             the stakeholders and experts of the region, became acquainted with the clusters and\n\n\
             innovation networks in the region. The seminar was moderated by an expert and\n\n\
             research fellow of the university. Inspiring places of the campus such as\n\n\
             the energy barn were the playground for presentations.\n\n\
             Welcoming remarks\n\n\
             Anna Smith, CEO of the Alliance";
        let found = read(raw);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found[0].1.ends_with("playground for presentations."),
            "{found:#?}"
        );
        assert_eq!(found[1].1, "Welcoming remarks");
        // One paragraph a line, a blank line between: each line is its paragraph.
        let raw = "The seminar was held in the northern region on 17 October 2017 with partners\n\n\
             and experts from across Europe who came to see the clusters of the region\n\n\
             Welcoming remarks were given by the chief executive of the alliance and others\n\n\
             Presentations of the energy valley and of the campus followed in the afternoon";
        assert_eq!(read(raw).len(), 4);
    }

    #[test]
    fn finds_headings_and_joins_session_labels() {
        let raw = "Intro text of the report ends here.\n Session 1:\nThe way forward for the Excellence Initiative\nThe first session covered the way forward.";
        let found = read(raw);
        assert_eq!(
            found[1],
            (
                BlockKind::Heading,
                "Session 1: The way forward for the Excellence Initiative".into()
            )
        );
        assert_eq!(found[2].0, BlockKind::Paragraph);
    }

    fn read_in(raw: &str, lang: &str) -> Vec<(BlockKind, String)> {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        blocks(&lines(&normalise(raw)), Some(lang), &dates, &lexicon)
            .into_iter()
            .map(|block| (block.kind, block.text))
            .collect()
    }

    #[test]
    fn a_byline_that_names_a_person_is_one_without_its_date() {
        for (raw, lang) in [
            ("Por Ígor Lopes\n\nA InovCluster celebrou 15 anos.\n", "pt"),
            ("By Anna Smith\n\nThe cluster met in Graz.\n", "en"),
            ("Von Anna Schmidt\n\nDas Cluster traf sich in Graz.\n", "de"),
        ] {
            assert_eq!(read_in(raw, lang)[0].0, BlockKind::DateLine, "{raw}");
        }
        // A headline that opens with the same word goes on with a verb, or names a place.
        for (raw, lang) in [
            ("By Clusters for Clusters\n\nText.\n", "en"),
            ("Von Bremen nach Berlin\n\nText.\n", "de"),
            ("Von Bremen Berlin\n\nText.\n", "de"),
        ] {
            assert_ne!(read_in(raw, lang)[0].0, BlockKind::DateLine, "{raw}");
        }
    }

    #[test]
    fn date_badges_page_numbers_and_markers_are_their_own_blocks() {
        let found = read("08\ngrudnia\n2019\n\nSome text here.\n\n11\n\n-\n");
        assert_eq!(found[0].0, BlockKind::DateLine);
        assert_eq!(found[0].1, "08 grudnia 2019");
        assert_eq!(found[2].0, BlockKind::LoneNumber);
        assert_eq!(found[3].0, BlockKind::EmptyMarker);
        assert_eq!(texts(&found)[1], "Some text here.");
    }
}
