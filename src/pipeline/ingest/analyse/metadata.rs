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
    let years = blocks
        .iter()
        .zip(verdicts)
        .filter(|(_, verdict)| matches!(verdict, Verdict::Body | Verdict::Title))
        .flat_map(|(block, _)| written_years(&block.text))
        .collect();
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
        .flat_map(|block| block.words.lower())
        .find_map(|word| Lexicon::days_before_publication(word, lang))?;
    Some(PartialDate::from(published - chrono::Duration::days(days)))
}

/// The year of a date without one, from the evidence of its report; unknown otherwise.
pub(crate) fn resolve_year(mention: &Mention, facts: &SeedFacts) -> PartialDate {
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
    // The one year the report writes anywhere ("il 12 e 13 ottobre" under a title with
    // "2022"): the year of its dates. Two years leave it unknown.
    if facts.published.is_none()
        && let Some(year) = only(&facts.years)
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

/// Years a text writes: four digits from 1990 to 2099, standing alone or starting a
/// numeric date.
fn written_years(text: &str) -> impl Iterator<Item = i32> + '_ {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse::<i32>().ok())
        .filter(|year| (1990..2100).contains(year))
}

/// The year that puts a day and month closest to the publication date.
fn nearest_year(date: PartialDate, published: NaiveDate) -> i32 {
    let base = published.year();
    (base - 1..=base + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, date.month, date.day).map(|d| (year, d)))
        .min_by_key(|(_, candidate)| (*candidate - published).num_days().abs())
        .map_or(base, |(year, _)| year)
}

/// Numbers, names and links that survive translation, for grouping reports into events.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Anchors {
    /// Numbers of two digits or more that are not years.
    pub(crate) numbers: BTreeSet<u64>,
    /// Acronyms and capitalised hyphenated names, lower case.
    pub(crate) names: BTreeSet<String>,
    /// Links, without scheme and trailing slash.
    pub(crate) urls: BTreeSet<String>,
    /// Capitalised words inside sentences (names of places, people, venues and events,
    /// which translations keep), lower case.
    pub(crate) proper: BTreeSet<String>,
    /// The last day of the event, when its date is a range ("21–23 November 2023"); its
    /// year unknown when the first day's is ("26 and 27 March").
    pub(crate) event_last: Option<PartialDate>,
    /// Every day the report dates, ranges spelled out: a report of one day of an event
    /// often names the others.
    pub(crate) days: BTreeSet<NaiveDate>,
    /// Names of events the report gives, in reading order ("TCI Global Conference").
    pub(crate) event_names: Vec<String>,
    /// The event's year as far as the report tells: its date's, else the one year its
    /// title or else its text writes, else the year it was published.
    pub(crate) year: Option<i32>,
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
    let title_place = title.and_then(|block| first_place(&blocks[block], lexicon));
    let first_mention = event_mention(blocks, indices, title_place.as_deref(), facts, lexicon);
    let part: Vec<&Block> = indices.iter().map(|&i| &blocks[i]).collect();
    let event_date = first_mention
        .map(|(_, mention)| resolve_year(mention, facts))
        .or_else(|| said_to_be_today(&part, facts.published?, lang));
    let part_mentions = facts
        .mentions
        .iter()
        .filter(|(block, _)| indices.contains(block))
        .map(|(_, mention)| mention);
    let texts: Vec<&str> = part.iter().map(|block| block.text.as_str()).collect();
    // Place and country names are matched as written (with their capital), read once here.
    let written: Vec<Vec<&str>> = part.iter().map(|block| block.written_words()).collect();
    let place = title_place
        .or_else(|| {
            first_mention
                .and_then(|(block, mention)| nearest_place(&blocks[*block].text, mention, lexicon))
        })
        .or_else(|| most_mentioned_place(&written, lexicon));
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
    let mut anchors = anchors(&texts, facts, lexicon);
    anchors.event_last = first_mention.and_then(|(_, mention)| last_day(mention, facts));
    anchors.event_names = event_names::find(&texts, lexicon);
    let title_text = title.map(|block| blocks[block].text.as_str());
    anchors.year = event_year(event_date, title_text, facts);
    anchors.days = part_mentions
        .flat_map(|mention| days_of(mention, facts))
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

/// The date mention that dates the part's event: the first in reading order, unless the
/// title names the event's place and the date is written next to another place — a
/// report of the conference in Eindhoven that mentions a signing "in Ohrid, on 23
/// September" is not dated by it.
fn event_mention<'f>(
    blocks: &[Block],
    indices: &[usize],
    title_place: Option<&str>,
    facts: &'f SeedFacts,
    lexicon: &Lexicon,
) -> Option<&'f (usize, Mention)> {
    let mut mentions: Vec<&(usize, Mention)> = facts
        .mentions
        .iter()
        .filter(|(block, _)| indices.contains(block))
        .collect();
    mentions
        .sort_by_key(|(block, mention)| (indices.iter().position(|i| i == block), mention.start));
    let Some(title_place) = title_place else {
        return mentions.first().copied();
    };
    mentions.into_iter().find(|(block, mention)| {
        nearest_place(&blocks[*block].text, mention, lexicon)
            .is_none_or(|place| place == title_place)
    })
}

/// The first place a block names.
fn first_place(block: &Block, lexicon: &Lexicon) -> Option<String> {
    let words = block.written_words();
    lexicon
        .find_places(&words)
        .into_iter()
        .min_by_key(|hit| hit.start)
        .map(|hit| hit.value.clone())
}

/// The days a date mention names, its year resolved: one, or each day of a range.
fn days_of(mention: &Mention, facts: &SeedFacts) -> Vec<NaiveDate> {
    let Some(first) = resolve_year(mention, facts).full() else {
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
fn last_day(mention: &Mention, facts: &SeedFacts) -> Option<PartialDate> {
    match days_of(mention, facts).last() {
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

/// The place written closest to the date mention in the same block.
fn nearest_place(text: &str, mention: &Mention, lexicon: &Lexicon) -> Option<String> {
    // Words with their byte offsets, to measure the distance to the date.
    let mut offsets = Vec::new();
    let mut tokens = Vec::new();
    let mut offset = 0;
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let token = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !token.is_empty() {
            offsets.push(offset);
            tokens.push(token.to_owned());
        }
        offset += word.len();
    }
    lexicon
        .find_places(&tokens)
        .into_iter()
        .map(|hit| {
            let start = offsets[hit.start];
            let distance = if start >= mention.end {
                start - mention.end
            } else {
                mention.start.saturating_sub(start)
            };
            (distance, hit.value)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, place)| place.clone())
}

fn most_mentioned_place(written: &[Vec<&str>], lexicon: &Lexicon) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for words in written {
        for found in lexicon.find_places(words) {
            match counts.iter_mut().find(|(name, _)| name == found.value) {
                Some((_, count)) => *count += 1,
                None => counts.push((found.value.clone(), 1)),
            }
        }
    }
    // Ties go to the place mentioned first.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(name, _)| name.clone())
}

fn anchors(texts: &[&str], facts: &SeedFacts, lexicon: &Lexicon) -> Anchors {
    let mut anchors = Anchors::default();
    let date_numbers: BTreeSet<u64> = facts
        .mentions
        .iter()
        .flat_map(|(_, m)| [u64::from(m.date.day), u64::from(m.date.month)])
        .collect();
    for text in texts {
        for word in text.split_whitespace() {
            let trimmed = word.trim_matches(|c: char| {
                !c.is_alphanumeric() && c != '-' && c != '/' && c != ':' && c != '.'
            });
            if let Some(url) = url_anchor(trimmed) {
                anchors.urls.insert(url);
                continue;
            }
            let clean = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if let Some(number) = number_anchor(clean).filter(|n| !date_numbers.contains(n)) {
                anchors.numbers.insert(number);
            } else if let Some(name) = name_anchor(clean) {
                anchors.names.insert(name);
            }
        }
        for number in grouped_numbers(text) {
            anchors.numbers.insert(number);
        }
        anchors.proper.extend(proper_words(text, lexicon));
    }
    anchors
}

/// Shortest proper word worth comparing: shorter capitalised words are mostly titles and
/// abbreviations.
const PROPER_MIN_LETTERS: usize = 4;

/// Capitalised words not at the start of a sentence and not function words: "Matera",
/// "Antipolis", "Tapia".
fn proper_words<'t>(text: &'t str, lexicon: &'t Lexicon) -> impl Iterator<Item = String> + 't {
    let mut sentence_start = true;
    text.split_whitespace().filter_map(move |word| {
        let starts = sentence_start;
        sentence_start = word.ends_with(['.', '!', '?', ':', '»', '"']);
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric());
        let letters = clean.chars().filter(|c| c.is_alphabetic()).count();
        let capitalised = shape::starts_capitalised(clean)
            && clean.chars().skip(1).any(char::is_lowercase)
            && clean.chars().all(char::is_alphabetic);
        if starts || !capitalised || letters < PROPER_MIN_LETTERS {
            return None;
        }
        let lower = clean.to_lowercase();
        (!lexicon.is_stopword(&lower)).then_some(lower)
    })
}

fn url_anchor(word: &str) -> Option<String> {
    let rest = word
        .strip_prefix("https://")
        .or_else(|| word.strip_prefix("http://"))?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.trim_end_matches(['/', '.', ',', ')']);
    (rest.contains('.') && rest.len() > 4).then(|| rest.to_lowercase())
}

fn number_anchor(word: &str) -> Option<u64> {
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let number: u64 = word.parse().ok()?;
    let is_year = (1900..=2100).contains(&number) && word.len() == 4;
    (number >= 10 && !is_year).then_some(number)
}

/// "6 500" and "6,500" are 6500.
fn grouped_numbers(text: &str) -> impl Iterator<Item = u64> + '_ {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let number = move |high: &str, low: &str| {
        let grouped = high.len() <= 3 && low.len() == 3 && digits(high) && digits(low);
        grouped
            .then(|| format!("{high}{low}").parse().ok())
            .flatten()
    };
    let mut previous = "";
    text.split(' ').filter_map(move |word| {
        let before = std::mem::replace(&mut previous, word);
        if !word.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        // "6 500": a word of up to three digits, then one of three.
        let low = word.trim_end_matches(|c: char| !c.is_ascii_digit());
        if let Some(spaced) = number(before, low) {
            return Some(spaced);
        }
        // "6,500", "6.500".
        let (high, low) = word
            .trim_matches(|c: char| !c.is_ascii_digit())
            .split_once([',', '.'])?;
        number(high, low)
    })
}

/// Acronyms ("ECCP", "SMEs" → "sme") and capitalised hyphenated names ("Gold-Label").
fn name_anchor(word: &str) -> Option<String> {
    let (letters, upper) = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(letters, upper), c| {
            (letters + 1, upper + usize::from(c.is_uppercase()))
        });
    if letters < 2 {
        return None;
    }
    let acronym = upper >= 2 && (upper == letters || (upper == letters - 1 && word.ends_with('s')));
    if acronym && letters <= 8 {
        return Some(word.trim_end_matches('s').to_lowercase());
    }
    let parts: Vec<&str> = word.split('-').collect();
    let capitalised_compound = parts.len() >= 2
        && parts
            .iter()
            .all(|part| shape::starts_capitalised(part) && part.len() > 1);
    capitalised_compound.then(|| word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(year: Option<i32>, month: u32, day: u32, this_year: bool) -> Mention {
        Mention {
            date: PartialDate { year, month, day },
            this_year,
            last: None,
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn the_one_year_a_report_writes_dates_its_dates_and_two_years_do_not() {
        let one = SeedFacts {
            years: BTreeSet::from([2022]),
            ..SeedFacts::default()
        };
        assert_eq!(
            resolve_year(&mention(None, 10, 12, false), &one).year,
            Some(2022)
        );
        let two = SeedFacts {
            years: BTreeSet::from([2021, 2022]),
            ..SeedFacts::default()
        };
        assert_eq!(resolve_year(&mention(None, 10, 12, false), &two).year, None);
        assert_eq!(
            written_years("Clusters 2022 – date 2019-03, 12 000 SMEs").collect::<Vec<_>>(),
            [2022, 2019]
        );
    }

    #[test]
    fn today_in_a_reports_language_dates_its_event_by_its_publication() {
        let lexicon = Lexicon::new();
        let dates = DateParser::new(&lexicon.months);
        let text = "Il congresso si è aperto oggi a Valencia con 300 partecipanti.";
        let blocks = crate::pipeline::ingest::analyse::structure::blocks(
            &crate::pipeline::ingest::analyse::normalise::lines(text),
            Some("it"),
            &dates,
            &lexicon,
        );
        let part: Vec<&Block> = blocks.iter().collect();
        let published = NaiveDate::from_ymd_opt(2025, 11, 25).unwrap();
        assert_eq!(
            said_to_be_today(&part, published, "it").and_then(PartialDate::full),
            Some(published)
        );
        // "oggi" is no word of English: nothing is inferred.
        assert_eq!(said_to_be_today(&part, published, "en"), None);
    }

    #[test]
    fn a_missing_year_comes_only_from_evidence() {
        let no_evidence = SeedFacts::default();
        assert_eq!(
            resolve_year(&mention(None, 12, 4, false), &no_evidence).year,
            None
        );

        let written = SeedFacts {
            mentions: vec![(0, mention(Some(2014), 10, 20, false))],
            ..SeedFacts::default()
        };
        assert_eq!(
            resolve_year(&mention(None, 10, 20, false), &written).year,
            Some(2014)
        );
        assert_eq!(
            resolve_year(&mention(None, 3, 1, false), &written).year,
            None
        );

        let published = SeedFacts {
            published: NaiveDate::from_ymd_opt(2020, 1, 10),
            ..SeedFacts::default()
        };
        assert_eq!(
            resolve_year(&mention(None, 12, 20, false), &published).year,
            Some(2019)
        );
        assert_eq!(
            resolve_year(&mention(None, 12, 20, true), &published).year,
            Some(2020)
        );
    }

    #[test]
    fn reads_the_source_label() {
        let lexicon = Lexicon::new();
        let text = "Quelle: European Cluster Platform (ECP) Redaktion: Länder / Organisationen: EU";
        assert_eq!(
            source_label_value(text, &lexicon).as_deref(),
            Some("European Cluster Platform (ECP)")
        );
        assert_eq!(
            source_label_value("Źródło: Ministerstwo Rozwoju", &lexicon).as_deref(),
            Some("Ministerstwo Rozwoju")
        );
        assert_eq!(source_label_value("Tags: energy", &lexicon), None);
    }

    #[test]
    fn anchors_are_numbers_names_and_links() {
        let facts = SeedFacts::default();
        let lexicon = Lexicon::new();
        let found = anchors(
            &[
                "50 managers of Gold-Label clusters, 6 500 SMEs and ECCP in 2019; see https://www.example.eu/news/x/.",
            ],
            &facts,
            &lexicon,
        );
        assert_eq!(found.numbers, BTreeSet::from([50, 500, 6500]));
        assert!(found.names.contains("gold-label"));
        assert!(found.names.contains("sme"));
        assert!(found.names.contains("eccp"));
        assert!(found.urls.contains("example.eu/news/x"));
    }

    #[test]
    fn the_place_is_the_one_next_to_the_date() {
        let lexicon = Lexicon::new();
        let text = "The Regensburg cluster joined the meeting held on 4 December in Brussels.";
        let at = text.find("4 December").unwrap();
        let mention = Mention {
            start: at,
            end: at + 10,
            ..mention(None, 12, 4, false)
        };
        assert_eq!(
            nearest_place(text, &mention, &lexicon).as_deref(),
            Some("Brussels")
        );
    }
}
