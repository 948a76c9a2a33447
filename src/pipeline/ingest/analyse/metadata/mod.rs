//! Facts about a report: publication date and event date (a missing year is inferred only
//! from evidence: another date of the same report, a "this year" marker, the publication
//! date), place (exonyms mapped to one name), sectors as normalised tags, publisher,
//! summary, and the anchors (numbers, names, links) that event grouping compares.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use crate::pipeline::ingest::analyse::boilerplate::{Reason, Verdict};
use crate::pipeline::ingest::analyse::dates::{DateParser, Mention, PartialDate};
use crate::pipeline::ingest::analyse::event_names;
use crate::pipeline::ingest::analyse::language::Detected;
use crate::pipeline::ingest::analyse::organisations;
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::{Block, BlockKind};
use crate::pipeline::ingest::lexicon::{Furniture, Lexicon, TermSet, match_tokens};

mod anchors;
mod places;
mod years;
use anchors::anchors;
pub(crate) use anchors::{Anchors, PROPER_MIN_LETTERS};
use places::{first_place, most_mentioned_place, nearest_place, place_beside_event_date};
use years::{event_month, written_year_months, written_years};

/// What the whole seed says, before it is split by language.
#[derive(Debug, Default)]
pub(crate) struct SeedFacts {
    /// Date from a date badge at the head.
    pub(crate) published: Option<NaiveDate>,
    /// Dates in the body and title, with their block.
    pub(crate) mentions: Vec<(usize, Mention)>,
    /// Publisher named by a "Source:" label.
    pub(crate) publisher: Option<String>,
    /// The years the title and body write ("2019", "2019-03"), for dates written without one.
    pub(crate) years: BTreeSet<i32>,
    /// The same years, each with the block that writes it.
    pub(crate) block_years: Vec<(usize, i32)>,
    /// The years its title writes ("Den maritime klyngekonferansen 2022"), where a report
    /// names its event, not its history. Not its other headings: "Progetti Horizon 2020"
    /// and "Stratégie 2030" name programmes.
    pub(crate) title_years: BTreeSet<i32>,
    /// The months they write with their year alone ("2019-03").
    pub(crate) year_months: BTreeSet<(i32, u32)>,
}

/// Reads the seed-wide facts.
pub(crate) fn seed_facts(
    blocks: &[Block],
    verdicts: &[Verdict],
    languages: &[Option<Detected>],
    lexicon: &Lexicon,
    dates: &DateParser,
) -> SeedFacts {
    let lang_of = |index: usize| {
        languages[index]
            .as_ref()
            .map(|detected| detected.lang.primary())
    };
    let (datelines, mentions): (Vec<_>, Vec<_>) = blocks
        .iter()
        .enumerate()
        .filter(|(index, _)| matches!(verdicts[*index], Verdict::Body | Verdict::Title))
        .flat_map(|(index, block)| {
            dates
                .find(&block.text, lang_of(index), &lexicon.months)
                .into_iter()
                .map(move |mention| (index, mention))
        })
        .partition(|(index, mention)| {
            blocks[*index].kind == BlockKind::Paragraph
                && mention.is_press_dateline(&blocks[*index].text)
        });
    // A date line at the head, or else a press release's dateline ("June 27, 2017 – …").
    let published = (0..blocks.len())
        .filter(|&index| verdicts[index] == Verdict::PublicationDate)
        .find_map(|index| {
            dates
                .find(&blocks[index].text, lang_of(index), &lexicon.months)
                .first()?
                .date
                .full()
        })
        .or_else(|| {
            datelines
                .first()
                .and_then(|(_, mention)| mention.date.full())
        });
    let (mut years, mut title_years) = (BTreeSet::new(), BTreeSet::new());
    let mut year_months = BTreeSet::new();
    let mut block_years = Vec::new();
    for (index, (block, verdict)) in blocks.iter().zip(verdicts).enumerate() {
        if !matches!(verdict, Verdict::Body | Verdict::Title) {
            continue;
        }
        let written = written_years(&block.text);
        if *verdict == Verdict::Title {
            title_years.extend(written.iter().copied());
        }
        block_years.extend(written.iter().map(|&year| (index, year)));
        years.extend(written);
        year_months.extend(written_year_months(&block.text));
    }
    let publisher = blocks
        .iter()
        .zip(verdicts)
        .filter(|(_, verdict)| **verdict == Verdict::Dropped(Reason::Labels))
        .find_map(|(block, _)| source_label_value(&block.text, lexicon));
    SeedFacts {
        published,
        mentions,
        publisher,
        years,
        block_years,
        title_years,
        year_months,
    }
}

/// "Quelle: European Cluster Collaboration Platform (ECCP) Redaktion: ..." → the source.
fn source_label_value(text: &str, lexicon: &Lexicon) -> Option<String> {
    let (label, rest) = text.split_once(':')?;
    let label_tokens = match_tokens(label, true);
    let is_source = lexicon
        .furniture
        .find_all(&label_tokens)
        .iter()
        .any(|found| {
            *found.value == Furniture::Source && found.start + found.len == label_tokens.len()
        });
    if !is_source {
        return None;
    }
    // The value runs until the next "Label:" (a word right before a colon).
    let value = match rest.find(':') {
        Some(next) => {
            let before = &rest[..next];
            let cut = before.trim_end().rfind(' ').unwrap_or(0);
            &rest[..cut]
        }
        None => rest,
    };
    let value = value.trim().trim_end_matches([',', ';', '|', '/']).trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// Paragraphs at a report's head in which "today" or "yesterday" dates its event.
const RELATIVE_DAY_BLOCKS: usize = 3;

/// The event's day from a report that dates it by its own publication ("opened today",
/// "hier s'est tenu"): only a report with no date of its event, and only in its first
/// paragraphs, where the news is told.
fn said_to_be_today(part: &[&Block], published: NaiveDate, lang: &str) -> Option<PartialDate> {
    let days = part
        .iter()
        .filter(|block| block.kind == BlockKind::Paragraph)
        .take(RELATIVE_DAY_BLOCKS)
        .find_map(|block| {
            let words = block.words.lower();
            let text = block.text.to_lowercase();
            // "today's economy" is any day's ("yesterday's meeting" is the day's).
            let possessive = |word: &str| {
                text.contains(&format!("{word}'s")) || text.contains(&format!("{word}\u{2019}s"))
            };
            words
                .iter()
                .filter_map(|word| Some((word, Lexicon::days_before_publication(word, lang)?)))
                .find(|&(word, days)| days > 0 || !possessive(word))
                .map(|(_, days)| days)
        })?;
    Some(PartialDate::from(published - chrono::Duration::days(days)))
}

/// The year of a date without one, from the evidence of its report; unknown otherwise.
pub(crate) fn resolve_year(block: usize, mention: &Mention, facts: &SeedFacts) -> PartialDate {
    let date = mention.date;
    if date.year.is_some() {
        return date;
    }
    let written = facts
        .mentions
        .iter()
        .map(|(_, other)| other.date)
        .find(|other| other.year.is_some() && other.agrees_with(date));
    if let Some(full) = written {
        return full;
    }
    // A month written with its year alone ("2019-03" over "26 e 27 de março"), when no
    // publication date says more.
    let month_years: Vec<i32> = facts
        .year_months
        .iter()
        .filter(|(_, month)| *month == date.month)
        .map(|(year, _)| *year)
        .collect();
    if let [year] = month_years[..]
        && facts.published.is_none()
    {
        return PartialDate {
            year: Some(year),
            ..date
        };
    }
    // The one year the report's title writes, or else the one it writes where it dates
    // its event ("il 12 e 13 ottobre" under a title with "2022"; "26. til 29. apríl" and,
    // later, "The Conference 2016 on 26-29 April"): the year of its dates. Two years leave
    // it unknown. A year written only after the date, away from it, is the text's
    // history or outlook ("In 2013, 600 people attended"), not the date's.
    let dating_blocks: BTreeSet<usize> = facts
        .mentions
        .iter()
        .filter(|(_, other)| other.date.agrees_with(date))
        .map(|(at, _)| *at)
        .collect();
    let dating_years: BTreeSet<i32> = facts
        .block_years
        .iter()
        .filter(|(at, _)| *at <= block || dating_blocks.contains(at))
        .map(|&(_, year)| year)
        .collect();
    if facts.published.is_none()
        && let Some(year) = only(&facts.title_years).or_else(|| only(&dating_years))
    {
        return PartialDate {
            year: Some(year),
            ..date
        };
    }
    if let Some(published) = facts.published {
        let year = if mention.this_year {
            published.year()
        } else {
            nearest_year(date, published)
        };
        return PartialDate {
            year: Some(year),
            ..date
        };
    }
    date
}

/// The year that puts a day and month closest to the publication date.
fn nearest_year(date: PartialDate, published: NaiveDate) -> i32 {
    let base = published.year();
    (base - 1..=base + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, date.month, date.day).map(|d| (year, d)))
        .min_by_key(|(_, candidate)| (*candidate - published).num_days().abs())
        .map_or(base, |(year, _)| year)
}

/// Facts of one language part of a seed.
#[derive(Debug, Default)]
pub(crate) struct PartFacts {
    /// When the event took place, as far as known.
    pub(crate) event_date: Option<PartialDate>,
    /// Where, canonical name.
    pub(crate) place: Option<String>,
    /// Sector tags.
    pub(crate) sectors: Vec<String>,
    /// Countries mentioned (English names).
    pub(crate) countries: Vec<String>,
    /// Organisations named.
    pub(crate) organisations: Vec<String>,
    /// For meta descriptions and lists.
    pub(crate) summary: Option<String>,
    /// For grouping.
    pub(crate) anchors: Anchors,
}

/// Describes a part: `indices` are its blocks in reading order, its title's block
/// (`title`) first when it has one.
pub(crate) fn describe(
    blocks: &[Block],
    indices: &[usize],
    title: Option<usize>,
    facts: &SeedFacts,
    lang: &str,
    lexicon: &Lexicon,
) -> PartFacts {
    let title_place = title.and_then(|block| first_place(&blocks[block], lang, lexicon));
    let first_mention = event_mention(
        blocks,
        indices,
        title_place.as_deref(),
        facts,
        lang,
        lexicon,
    );
    let part: Vec<&Block> = indices.iter().map(|&i| &blocks[i]).collect();
    let event_date = first_mention
        .map(|(block, mention)| resolve_year(*block, mention, facts))
        .or_else(|| said_to_be_today(&part, facts.published?, lang));
    let part_mentions = facts
        .mentions
        .iter()
        .filter(|(block, _)| indices.contains(block));
    let texts: Vec<&str> = part.iter().map(|block| block.text.as_str()).collect();
    // Place and country names are matched as written (with their capital), read once here.
    let written: Vec<Vec<&str>> = part.iter().map(|block| block.written_words()).collect();
    let place = title_place
        .or_else(|| {
            place_beside_event_date(
                blocks,
                indices,
                first_mention,
                &facts.mentions,
                lang,
                lexicon,
            )
        })
        .or_else(|| most_mentioned_place(&part, lang, lexicon));
    let sectors = prominent_sectors(&part, lexicon);
    let countries = tags(&written, &lexicon.countries);
    let organisations = organisations::find(&lexicon.organisations, &texts, |word| {
        lexicon.is_stopword(word)
    });
    let summary = indices
        .iter()
        .map(|&i| &blocks[i])
        .find(|block| block.kind == BlockKind::Paragraph && shape::at_least_words(&block.text, 12))
        .map(|block| crate::util::text::summarise(&block.text));
    let mut anchors = anchors(&texts, &facts.mentions, lexicon);
    anchors.event_last =
        first_mention.and_then(|(block, mention)| last_day(*block, mention, facts));
    anchors.event_names = event_names::find(&texts, lang, lexicon);
    anchors.interlingual_event_names = anchors
        .event_names
        .iter()
        .map(|name| lexicon.interlingual_name(name))
        .collect();
    let title_text = title.map(|block| blocks[block].text.as_str());
    anchors.year = event_year(event_date, title_text, facts);
    anchors.month = event_month(event_date, anchors.year, &texts, lang, lexicon);
    anchors.days = part_mentions
        .flat_map(|(block, mention)| days_of(*block, mention, facts))
        .collect();
    PartFacts {
        event_date,
        place,
        sectors,
        countries,
        organisations,
        summary,
        anchors,
    }
}

/// The event's year as far as a report tells (see [`Anchors::year`]): a preview published
/// in June 2017 of the conference "in October 2018" is of 2018, so the title's one year
/// comes before the text's, and the publication's only when the text writes none.
fn event_year(
    event_date: Option<PartialDate>,
    title: Option<&str>,
    facts: &SeedFacts,
) -> Option<i32> {
    let title_years: BTreeSet<i32> = title.map(written_years).into_iter().flatten().collect();
    event_date
        .and_then(|date| date.year)
        .or_else(|| only(&title_years))
        .or_else(|| only(&facts.years))
        .or_else(|| {
            facts
                .years
                .is_empty()
                .then(|| facts.published.map(|date| date.year()))
                .flatten()
        })
}

/// The one year of a set, if it has one only.
fn only(years: &BTreeSet<i32>) -> Option<i32> {
    let mut all = years.iter().copied();
    all.next().filter(|_| all.next().is_none())
}

/// The date mention that dates the part's event: the first in reading order that no word
/// makes a publication's, unless the
/// title names the event's place and the date is written next to another place — a
/// report of the conference in Eindhoven that mentions a signing "in Ohrid, on 23
/// September" is not dated by it.
fn event_mention<'f>(
    blocks: &[Block],
    indices: &[usize],
    title_place: Option<&str>,
    facts: &'f SeedFacts,
    lang: &str,
    lexicon: &Lexicon,
) -> Option<&'f (usize, Mention)> {
    // A document's publication date ("the Communication published on 17 October 2008")
    // dates no event.
    let mut mentions: Vec<&(usize, Mention)> = facts
        .mentions
        .iter()
        .filter(|(block, mention)| {
            indices.contains(block)
                && !blocks[*block]
                    .text
                    .get(..mention.start)
                    .is_some_and(|before| lexicon.says_published(before))
        })
        .collect();
    mentions
        .sort_by_key(|(block, mention)| (indices.iter().position(|i| i == block), mention.start));
    let Some(title_place) = title_place else {
        return mentions.first().copied();
    };
    mentions.into_iter().find(|(block, mention)| {
        nearest_place(&blocks[*block].text, mention, lang, lexicon)
            .is_none_or(|place| place == title_place)
    })
}

/// The days a date mention names, its year resolved: one, or each day of a range.
fn days_of(block: usize, mention: &Mention, facts: &SeedFacts) -> Vec<NaiveDate> {
    let Some(first) = resolve_year(block, mention, facts).full() else {
        return Vec::new();
    };
    // A range that ends in an earlier month ("30 December – 2 January") ends the next year.
    let last = mention
        .last
        .and_then(|(month, day)| {
            let year = first.year() + i32::from(month < first.month());
            NaiveDate::from_ymd_opt(year, month, day)
        })
        .unwrap_or(first);
    first.iter_days().take_while(|day| *day <= last).collect()
}

/// The last day a date mention names: the end of a range, or the day itself.
fn last_day(block: usize, mention: &Mention, facts: &SeedFacts) -> Option<PartialDate> {
    match days_of(block, mention, facts).last() {
        Some(day) => Some(PartialDate::from(*day)),
        None => mention.last.map(|(month, day)| PartialDate {
            year: None,
            month,
            day,
        }),
    }
}

/// Sectors a report is about, not every sector it mentions in passing: those named in its
/// title or first paragraphs, or named at least twice.
fn prominent_sectors(part: &[&Block], lexicon: &Lexicon) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut leading = BTreeSet::new();
    for (index, block) in part.iter().enumerate() {
        for found in lexicon.sectors.find_all(&block.words.lower()) {
            *counts.entry(found.value.clone()).or_default() += 1;
            if index < 3 {
                leading.insert(found.value.clone());
            }
        }
    }
    counts
        .into_iter()
        .filter(|(sector, count)| *count >= 2 || leading.contains(sector))
        .map(|(sector, _)| sector)
        .collect()
}

/// The distinct values of a vocabulary's terms found in the words of a part, sorted.
fn tags(written: &[Vec<&str>], terms: &TermSet<String>) -> Vec<String> {
    let mut found: Vec<String> = written
        .iter()
        .flat_map(|words| terms.find_all(words))
        .map(|found| found.value.clone())
        .collect();
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests;
