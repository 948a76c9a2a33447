//! Final verdicts once the title and the other seeds are known: the title's repeats and
//! what stands above it, a list of other posts between the title and its repeat, a
//! picture's text printed twice, a byline under the title, and the short lines other
//! seeds of the site share.

use std::ops::RangeInclusive;

use super::captions;
use super::verdict::{Reason, Verdict};
use crate::pipeline::ingest::analyse::recurring::SHORT_LINE_WORDS;
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::{Block, BlockKind};
use crate::pipeline::ingest::lexicon::Lexicon;
use crate::util::text::{comparable, comparable_chars};

/// Drops the short lines that `recurs` says other seeds hold too: a site's tagline, menu,
/// sidebar or contact block. Inside the report's running text, where its headings and
/// lists stand, a line must be more than a word and no list item.
pub(crate) fn drop_recurring(
    blocks: &[Block],
    verdicts: &mut [Verdict],
    recurs: impl Fn(&Block) -> bool,
) {
    let running =
        |i: usize| verdicts[i] == Verdict::Body && shape::at_least_words(&blocks[i].text, 15);
    let first = (0..blocks.len()).find(|&i| running(i));
    let last = (0..blocks.len()).rev().find(|&i| running(i));
    for index in 0..blocks.len() {
        let words = shape::word_count(&blocks[index].text);
        let inside = first.is_some_and(|f| f < index) && last.is_some_and(|l| index < l);
        let list_item = matches!(
            blocks[index].kind,
            BlockKind::Bullet { .. } | BlockKind::Numbered(_)
        );
        if verdicts[index] == Verdict::Body
            && words <= SHORT_LINE_WORDS
            && (!inside || words >= 2 && !list_item)
            && recurs(&blocks[index])
        {
            verdicts[index] = Verdict::Dropped(Reason::Recurring);
        }
    }
}

/// The most words of an item of a list of other posts (its headline, its date).
const LIST_ITEM_WORDS: usize = 25;

/// A page that prints its headline, then a list of other posts (short headlines and their
/// dates), then its headline again above the text: the list is the site's, and so are its
/// dates. Two short blocks or more must stand between the copies, and running text after.
fn drop_list_before_repeat(blocks: &[Block], verdicts: &mut [Verdict], title: usize, key: &str) {
    if key.is_empty() {
        return;
    }
    let Some(repeat) = (title + 1..blocks.len()).find(|&i| comparable(&blocks[i].text) == key)
    else {
        return;
    };
    let between = title + 1..repeat;
    let items: Vec<usize> = between
        .clone()
        .filter(|&i| verdicts[i] == Verdict::Body)
        .collect();
    let short = |i: &usize| !shape::at_least_words(&blocks[*i].text, LIST_ITEM_WORDS + 1);
    let running_after = (repeat + 1..blocks.len())
        .any(|i| verdicts[i] == Verdict::Body && shape::at_least_words(&blocks[i].text, 15));
    if items.len() < 2 || !items.iter().all(short) || !running_after {
        return;
    }
    for index in between {
        if matches!(verdicts[index], Verdict::Body | Verdict::PublicationDate) {
            verdicts[index] = Verdict::Dropped(Reason::OtherPosts);
        }
    }
}

/// Final verdicts once the title is known: what stands above it is site furniture, and
/// repeats of it are dropped. `title` is the index of the title block.
pub(crate) fn apply_title(
    blocks: &[Block],
    verdicts: &mut [Verdict],
    title: Option<usize>,
    title_text: &str,
) {
    let key = comparable(title_text);
    let title_block = title
        .map(|t| comparable(&blocks[t].text))
        .unwrap_or_default();
    if let Some(title) = title {
        drop_list_before_repeat(blocks, verdicts, title, &key);
    }
    for (index, block) in blocks.iter().enumerate() {
        if Some(index) == title {
            verdicts[index] = Verdict::Title;
            continue;
        }
        if verdicts[index] != Verdict::Body {
            continue;
        }
        let before_title = title.is_some_and(|t| index < t);
        let equals = |other: &str| comparable_chars(&block.text).eq(other.chars());
        // A teaser repeats the headline and breaks off ("Kurzfassung: <headline><lead> ...").
        let text = block.text.trim_end();
        let teaser =
            (text.ends_with("...") || text.ends_with('…')) && comparable(text).contains(&key);
        let repeats = !key.is_empty()
            && (equals(&key)
                || equals(&title_block)
                || teaser
                || (before_title && comparable(&block.text).ends_with(&key)));
        if repeats {
            verdicts[index] = Verdict::Dropped(Reason::RepeatsTitle);
        } else if before_title {
            verdicts[index] = Verdict::Dropped(Reason::BeforeTitle);
        }
    }
    for index in captions::doubled_pictures(blocks, verdicts) {
        verdicts[index] = Verdict::Dropped(Reason::Caption);
    }
}

/// Drops the byline right under the title (`byline_under`), if there is one.
pub(crate) fn drop_byline(
    blocks: &[Block],
    verdicts: &mut [Verdict],
    title: usize,
    lexicon: &Lexicon,
) {
    if let Some(byline) = byline_under(blocks, verdicts, title, lexicon) {
        verdicts[byline] = Verdict::Dropped(Reason::Byline);
    }
}

/// Words of a person's name in a byline, and of the employer after its comma.
const BYLINE_NAME_WORDS: RangeInclusive<usize> = 2..=3;
const BYLINE_EMPLOYER_WORDS: RangeInclusive<usize> = 1..=4;

/// The line right under the title that names the author and whom they work for, as a
/// byline without "By" does ("Martina Buss, Viexpo"): a name of two or three capitalised
/// words, a comma, a few capitalised words or an acronym, no number, no place ("La
/// Rochelle, France" is a dateline's); running text follows.
fn byline_under(
    blocks: &[Block],
    verdicts: &[Verdict],
    title: usize,
    lexicon: &Lexicon,
) -> Option<usize> {
    let mut body = (title + 1..blocks.len()).filter(|&i| verdicts[i] == Verdict::Body);
    let (line, next) = (body.next()?, body.next()?);
    let (name, employer) = blocks[line].text.trim().split_once(", ")?;
    let words: Vec<&str> = blocks[line].written_words();
    let names_place = !lexicon.find_places(&words, None).is_empty();
    let opens_with_function_word = name
        .split_whitespace()
        .next()
        .is_some_and(|first| lexicon.is_stopword(&first.to_lowercase()));
    let byline = blocks[line].kind == BlockKind::Paragraph
        && capitalised_words(name, BYLINE_NAME_WORDS)
        && !shape::in_capitals(name)
        && !names_place
        && !opens_with_function_word
        && capitalised_words(employer, BYLINE_EMPLOYER_WORDS)
        && !shape::ends_sentence(employer)
        && shape::at_least_words(&blocks[next].text, 15);
    byline.then_some(line)
}

/// Whether `text` is `count` words, each capitalised, none with a digit or a comma.
fn capitalised_words(text: &str, count: RangeInclusive<usize>) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    count.contains(&words.len())
        && words.iter().all(|word| {
            shape::starts_capitalised(word) && !word.chars().any(|c| c.is_numeric() || c == ',')
        })
}

#[cfg(test)]
mod tests {
    use super::super::tests::BODY;
    use super::super::{Origin, classify};
    use super::*;
    use crate::pipeline::ingest::analyse::dates::DateParser;
    use crate::pipeline::ingest::analyse::normalise::{lines, normalise};
    use crate::pipeline::ingest::analyse::structure::blocks;
    use crate::pipeline::ingest::lexicon::Lexicon;

    #[test]
    fn a_list_of_other_posts_between_the_title_and_its_repeat_is_dropped() {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        let raw = format!(
            "Regionalna konferencja klastrów w Gdańsku\n\n\
             Klaster uczestniczył w walnym zgromadzeniu 11 maja 2018\n\n15.05.2018\n\n\
             Klaster nagrodzony za zarządzanie\n\n01.11.2018\n\nPokaż wszystkie\n\n\
             Regionalna konferencja klastrów w Gdańsku\n\n{BODY}"
        );
        let found = blocks(&lines(&normalise(&raw)), None, &dates, &lexicon);
        let mut verdicts = classify(&found, &lexicon, Origin::Copied);
        let title = "Regionalna konferencja klastrów w Gdańsku";
        apply_title(&found, &mut verdicts, Some(0), title);
        assert_eq!(verdicts[0], Verdict::Title);
        for (index, verdict) in verdicts.iter().enumerate().take(5).skip(1) {
            assert_eq!(*verdict, Verdict::Dropped(Reason::OtherPosts), "{index}");
        }
        assert_eq!(verdicts[6], Verdict::Dropped(Reason::RepeatsTitle));
        assert_eq!(verdicts[7], Verdict::Body);
    }

    #[test]
    fn an_author_and_employer_under_the_title_is_a_byline_but_a_place_is_not() {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        for (line, byline) in [
            ("Martina Buss, Viexpo", true),
            ("Anna Maria Nowak, Klaster Obróbki Metali", true),
            ("Brussels, Belgium", false),
            ("La Rochelle, France", false),
            ("Clusters meet Regions, Košice", false),
            ("Anna Nowak, 12 May 2023", false),
        ] {
            let raw = format!("Cluster managers meet in Umeå\n\n{line}\n\n{BODY}");
            let found = blocks(&lines(&normalise(&raw)), None, &dates, &lexicon);
            let mut verdicts = classify(&found, &lexicon, Origin::Copied);
            apply_title(
                &found,
                &mut verdicts,
                Some(0),
                "Cluster managers meet in Umeå",
            );
            drop_byline(&found, &mut verdicts, 0, &lexicon);
            let dropped = verdicts[1] == Verdict::Dropped(Reason::Byline);
            assert_eq!(dropped, byline, "{line}: {:?}", verdicts[1]);
        }
    }

    #[test]
    fn a_pictures_text_printed_twice_is_dropped_and_a_lead_printed_twice_is_kept() {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        let caption = "Michael Porter, professor at Harvard, opened the conference.";
        let twice = "Anna Berger and Jan Novak opened the forum of the cluster in Graz.";
        let raw = format!(
            "Meeting of Clusters\n\n{caption}\n{caption} Photo/Anton Brink\n\n{BODY}\n\n\
             {twice} {twice}\n\n{BODY}\n\n{BODY}\n\nProgramme of the cluster day\n\n\
             Programme of the cluster day: 9:00 registration\n\n{BODY}"
        );
        let found = blocks(&lines(&normalise(&raw)), None, &dates, &lexicon);
        let mut verdicts = classify(&found, &lexicon, Origin::Copied);
        apply_title(&found, &mut verdicts, Some(0), "Meeting of Clusters");
        let caption = Verdict::Dropped(Reason::Caption);
        assert_eq!(verdicts[1..=2], [caption, caption], "{found:?}");
        assert_eq!(verdicts[3], Verdict::Body);
        assert_eq!(verdicts[4], caption, "{found:?}");
        // A lead printed as a teaser and again as the text's start is the report's.
        assert_eq!(verdicts[5..7], [Verdict::Body, Verdict::Body]);
        // A heading and a line that goes on from it, without a credit, are the report's.
        assert_eq!(verdicts[7..], [Verdict::Body; 3], "{found:?}");
    }

    #[test]
    fn title_repeats_and_lines_above_the_title_are_dropped() {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        let raw = format!(
            "Cluster Portal Review\n\nMeeting of Clusters\n\nMeeting of Clusters\n\n\
             Summary: Meeting of ClustersThe minister opened the meeting of clusters ...\n\n{BODY}"
        );
        let found = blocks(&lines(&normalise(&raw)), None, &dates, &lexicon);
        let mut verdicts = classify(&found, &lexicon, Origin::Copied);
        apply_title(&found, &mut verdicts, Some(1), "Meeting of Clusters");
        assert_eq!(verdicts[0], Verdict::Dropped(Reason::BeforeTitle));
        assert_eq!(verdicts[1], Verdict::Title);
        assert_eq!(verdicts[2], Verdict::Dropped(Reason::RepeatsTitle));
        // A teaser: the headline and the lead, broken off.
        assert_eq!(verdicts[3], Verdict::Dropped(Reason::RepeatsTitle));
        assert_eq!(verdicts[4], Verdict::Body);
    }
}
