//! The evidence that two reports cover one event: an agreeing event date (a conflict keeps
//! them apart), the same place, and the numbers, acronyms, names and links they share, each
//! weighted by how rare it is among all the reports; `dates` relates their dates and
//! `weighing` holds the verdict with its reasons.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::dates::{Dates, relate_dates, same_days};
use super::editions::{Editions, EventName};
use super::similarity::{TextVector, text_vectors};
use super::weighing::{Signal, Weighing};
use crate::pipeline::ingest::analyse::draft::ReportDraft;
use crate::pipeline::ingest::analyse::metadata::PROPER_MIN_LETTERS;
use crate::util::text::comparable;

/// Evidence two reports need, beyond an agreeing date, to be one event.
const WITH_DATE: f64 = 1.5;
/// Evidence two undated reports need (names, numbers, links alone).
const WITHOUT_DATE: f64 = 3.0;

/// A capitalised word counts for less than an acronym or a number: more of them are
/// common (a country, a month, the EU's institutions), even when rare here.
const PROPER_WEIGHT: f64 = 0.6;
/// A capitalised word two reports share where both languages capitalise every noun
/// (German): there "Zukunft" and "Zusammenarbeit" are capitalised too, and two reports of
/// one topic share many.
const NOUN_WEIGHT: f64 = 0.3;

/// Weight of one edition of a named series both reports name ("9. Kongres Klastrów
/// Polskich"): like a shared link, all but decisive.
const SAME_EDITION: f64 = 3.0;
/// Weight of a series both name without telling the edition, before its rarity.
const SAME_SERIES: f64 = 1.0;
/// Two editions of one series are two events, unless much else says otherwise.
const OTHER_EDITION: f64 = -3.0;

/// Weight of one year for reports without a common event date: weak, since many events
/// happen in a year, but two years are two events (an annual conference's reports).
const SAME_YEAR: f64 = 0.5;
const DIFFERENT_YEARS: f64 = -2.0;
/// And when they name one month of it too ("in October 2019" beside "8 October 2019").
const SAME_MONTH: f64 = 1.0;
/// Weight of one place, and of one place in one year (or a few days apart) for reports
/// without a common event date: few cluster events share a city in a year, so the two say
/// more together.
const SAME_PLACE: f64 = 1.0;
const SAME_PLACE_AND_YEAR: f64 = 1.5;
/// The same first and last day of an event of several days: on top of the dates' agreement,
/// as a span of days is shared by chance far less often than a day.
const SAME_DAYS: f64 = 0.5;

/// Cosine from which two texts in one language count as alike.
const SIMILAR_TEXT: f64 = 0.22;
/// Weight of a cosine of 1.
const TEXT_WEIGHT: f64 = 6.0;

/// How often each anchor occurs among the reports, for weighting.
pub(super) struct Rarity {
    counts: HashMap<String, usize>,
}

impl Rarity {
    pub(super) fn of(candidates: &[Candidate<'_>]) -> Rarity {
        let mut counts = HashMap::new();
        for candidate in candidates {
            for key in &candidate.keys {
                *counts.entry(key.clone()).or_insert(0) += 1;
            }
            let series: FxHashSet<&str> = candidate
                .event_names
                .iter()
                .map(|name| name.series.as_str())
                .collect();
            for key in series {
                *counts.entry(series_key(key)).or_insert(0) += 1;
            }
        }
        Rarity { counts }
    }

    /// 1 for an anchor two reports share alone, less the more reports have it.
    fn weight(&self, key: &str) -> f64 {
        let count = self.counts.get(key).copied().unwrap_or(1).max(2);
        (2.0 / count as f64).min(1.0)
    }
}

/// The rarity key of an event name's series.
fn series_key(series: &str) -> String {
    format!("!{series}")
}

fn keys(draft: &ReportDraft) -> Vec<String> {
    let anchors = &draft.anchors;
    anchors
        .numbers
        .iter()
        .map(|n| format!("#{n}"))
        .chain(anchors.names.iter().map(|name| format!("@{name}")))
        .chain(anchors.urls.iter().map(|url| format!("/{url}")))
        .chain(anchors.proper.iter().map(|word| format!("~{word}")))
        .collect()
}

/// A report's acronyms that another report may write as a capitalised word.
fn acronyms_as_words(draft: &ReportDraft) -> Vec<(String, String)> {
    draft
        .anchors
        .names
        .iter()
        .filter(|name| name.chars().count() >= PROPER_MIN_LETTERS)
        .filter(|name| name.chars().all(char::is_alphabetic))
        .map(|name| (format!("@{name}"), format!("~{name}")))
        .collect()
}

/// The names of the event a report is about: those its title gives, or else the first it
/// gives; with every later name of the same series ("Kongres Klastrów Polskich", then "9.
/// Kongres Klastrów Polskich") or one that holds all its words and more, as the text names
/// in full what the title names short ("Annual Global Conference", then "15th TCI Annual
/// Global Conference"); one per series. Names of other events it mentions are left out: a
/// side event's report names the conference it was held beside.
fn main_event_names(draft: &ReportDraft) -> Vec<EventName> {
    let anchors = &draft.anchors;
    let title = comparable(&draft.title);
    // Names as compared across languages, each with whether the title gives it as written.
    let names: Vec<(&String, bool)> = anchors
        .interlingual_event_names
        .iter()
        .zip(&anchors.event_names)
        .map(|(interlingual, written)| (interlingual, title.contains(&comparable(written))))
        .collect();
    let in_title = names.iter().filter(|(_, in_title)| *in_title);
    let main: Vec<EventName> = if names.iter().any(|(_, in_title)| *in_title) {
        in_title
            .flat_map(|(name, _)| EventName::variants(name))
            .collect()
    } else {
        names
            .iter()
            .take(1)
            .flat_map(|(name, _)| EventName::variants(name))
            .collect()
    };
    EventName::per_series(
        names
            .iter()
            .flat_map(|(name, _)| EventName::variants(name))
            .filter(|name| main.iter().any(|short| name.holds_series_of(short))),
    )
}

/// A report with its anchors as keys, read once: every pair of reports compares them.
pub(super) struct Candidate<'d> {
    draft: &'d ReportDraft,
    keys: Vec<String>,
    key_set: FxHashSet<String>,
    /// Each acronym long enough to be a word, as that acronym's key and the key of the
    /// word capitalised ("FILEX": "@filex", "~filex").
    acronyms_as_words: Vec<(String, String)>,
    event_names: Vec<EventName>,
    /// Its capitalised words without their accents, to find a place it names in them.
    proper_folded: FxHashSet<String>,
    /// Each two of its capitalised words it writes side by side (`name_link`).
    name_links: FxHashSet<(&'d str, &'d str)>,
    text: TextVector,
}

impl<'d> Candidate<'d> {
    /// Every report as a candidate; the rarity of its words is counted among them all.
    pub(super) fn all(drafts: &'d [ReportDraft]) -> Vec<Self> {
        drafts
            .iter()
            .zip(text_vectors(drafts))
            .map(|(draft, text)| {
                let keys = keys(draft);
                let key_set = keys.iter().cloned().collect();
                let event_names = main_event_names(draft);
                let acronyms_as_words = acronyms_as_words(draft);
                let proper_folded = draft.anchors.proper.iter().map(slug::slugify).collect();
                let name_links = draft
                    .anchors
                    .proper_runs
                    .iter()
                    .flat_map(|run| run.windows(2))
                    .map(|pair| name_link(&pair[0], &pair[1]))
                    .collect();
                Candidate {
                    draft,
                    keys,
                    key_set,
                    acronyms_as_words,
                    event_names,
                    proper_folded,
                    name_links,
                    text,
                }
            })
            .collect()
    }
}

/// The strongest relation between two reports' event names: one edition named by both
/// outweighs another they name apart (a report of the 9th congress recalls the 8th).
fn event_names<'d>(a: &'d Candidate<'_>, b: &Candidate<'_>) -> Option<(&'d str, Editions)> {
    a.event_names
        .iter()
        .flat_map(|x| {
            b.event_names
                .iter()
                .filter_map(move |y| Some((x.series.as_str(), x.compare(y)?)))
        })
        .max_by_key(|(_, editions)| *editions)
}

/// Whether two reports are of one year and not of two places: then a series they both
/// name is at the same edition, as a series holds one a year and moves between cities
/// (the TCI Global Conference of 2016 in Eindhoven, whatever its number).
fn one_year_and_place(a: &ReportDraft, b: &ReportDraft, dates: Dates) -> bool {
    let same_year = dates == Dates::Agree
        || matches!((a.anchors.year, b.anchors.year), (Some(x), Some(y)) if x == y);
    let other_place = matches!((&a.place, &b.place), (Some(x), Some(y)) if x != y);
    same_year && !other_place
}

/// Whether a report names `place` in its text, besides the place it gives: by any of the
/// place's names ("Donostia / San Sebastián"), its short words aside ("San", too short to
/// be kept as a name) and its accents too ("San Sebastian").
fn mentions(report: &Candidate<'_>, place: &str) -> bool {
    place.split(" / ").any(|name| {
        let mut words = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.chars().count() >= PROPER_MIN_LETTERS)
            .map(slug::slugify)
            .peekable();
        words.peek().is_some() && words.all(|word| report.proper_folded.contains(&word))
    })
}

/// The capitalised words two reports share (`keys`, as "~word"), as the names they form:
/// words `a` writes side by side, and `b` too, are one name ("Directorate-General for
/// Internal Market, Industry, Entrepreneurship and SMEs"), as rare as its rarest word, not
/// four rare words; each other word is a name of its own. Each word is in one name, the
/// longest it is found in, so a name never counts for more than its words alone would.
fn shared_names<'d>(
    a: &Candidate<'_>,
    b: &Candidate<'_>,
    keys: &[&'d String],
) -> Vec<Vec<&'d String>> {
    let mut names: Vec<Vec<&'d String>> = Vec::new();
    if keys.len() >= 2 {
        let key_of: FxHashMap<&str, &'d String> = keys
            .iter()
            .map(|key| (key.get(1..).unwrap_or(""), *key))
            .collect();
        for run in &a.draft.anchors.proper_runs {
            names.extend(run_names(run, b, &key_of));
        }
        names.sort_unstable_by_key(|name| std::cmp::Reverse(name.len()));
    }
    let mut named: FxHashSet<&String> = FxHashSet::default();
    names.retain_mut(|name| {
        name.retain(|key| named.insert(*key));
        name.len() >= 2
    });
    let alone: Vec<Vec<&'d String>> = keys
        .iter()
        .filter(|key| !named.contains(**key))
        .map(|key| vec![*key])
        .collect();
    names.extend(alone);
    names
}

/// The parts of one of a report's runs of capitalised words that `b` writes side by side
/// too, two words or more, as `key_of` the shared words' keys.
fn run_names<'d>(
    run: &[String],
    b: &Candidate<'_>,
    key_of: &FxHashMap<&str, &'d String>,
) -> Vec<Vec<&'d String>> {
    let mut names = Vec::new();
    let mut name: Vec<&'d String> = Vec::new();
    for (i, word) in run.iter().enumerate() {
        let linked = i > 0 && b.name_links.contains(&name_link(&run[i - 1], word));
        if !linked && name.len() >= 2 {
            names.push(std::mem::take(&mut name));
        } else if !linked {
            name.clear();
        }
        name.extend(key_of.get(word.as_str()));
    }
    if name.len() >= 2 {
        names.push(name);
    }
    names
}

/// Two words of a name side by side, in either order: languages order a name's words
/// their own way.
fn name_link<'w>(a: &'w str, b: &'w str) -> (&'w str, &'w str) {
    if a <= b { (a, b) } else { (b, a) }
}

/// Weighs what two reports share.
pub(crate) fn weigh<'d>(
    a: &'d Candidate<'_>,
    b: &'d Candidate<'_>,
    rarity: &Rarity,
) -> Weighing<'d> {
    let b_keys = &b.key_set;
    let proper_weight = if a.draft.lang.capitalises_nouns() && b.draft.lang.capitalises_nouns() {
        NOUN_WEIGHT
    } else {
        PROPER_WEIGHT
    };
    let dates = relate_dates(a.draft, b.draft);
    let mut signals = Vec::new();
    if same_days(a.draft, b.draft) {
        signals.push((Signal::SameDays, SAME_DAYS));
    }
    let mut same_year = false;
    if dates == Dates::Unknown
        && let (Some(x), Some(y)) = (a.draft.anchors.year, b.draft.anchors.year)
    {
        same_year = x == y;
        if same_year {
            signals.push((Signal::SameYear(x), SAME_YEAR));
            if let Some((year, month)) = a
                .draft
                .anchors
                .month
                .filter(|m| Some(*m) == b.draft.anchors.month)
            {
                signals.push((Signal::SameMonth(year, month), SAME_MONTH));
            }
        } else {
            signals.push((Signal::DifferentYears(x, y), DIFFERENT_YEARS));
        }
    }
    match (&a.draft.place, &b.draft.place) {
        (Some(x), Some(y)) if x == y => {
            let weight = if same_year || dates == Dates::Close {
                SAME_PLACE_AND_YEAR
            } else {
                SAME_PLACE
            };
            signals.push((Signal::SamePlace(x), weight));
        }
        // An event of two cities: each report names the one it was in, and the other too.
        (Some(x), Some(y)) if mentions(a, y) && mentions(b, x) => {}
        (Some(x), Some(y)) => signals.push((Signal::DifferentPlaces(x, y), -2.0)),
        _ => {}
    }
    if let Some((series, mut editions)) = event_names(a, b) {
        if editions == Editions::SameSeries && one_year_and_place(a.draft, b.draft, dates) {
            editions = Editions::Same;
        }
        let weight = match editions {
            Editions::Same => SAME_EDITION,
            Editions::SameSeries => SAME_SERIES * rarity.weight(&series_key(series)),
            Editions::Different => OTHER_EDITION,
        };
        signals.push((Signal::EventNames(series, editions), weight));
    }
    let (names, others): (Vec<&String>, Vec<&String>) = a
        .keys
        .iter()
        .filter(|key| b_keys.contains(*key))
        .partition(|key| key.starts_with('~'));
    for key in others {
        let weight = match key.as_bytes().first() {
            Some(b'/') => 3.0,
            _ => rarity.weight(key),
        };
        signals.push((Signal::Shared(key), weight));
    }
    for name in shared_names(a, b, &names) {
        let weight = name
            .iter()
            .map(|key| proper_weight * rarity.weight(key))
            .fold(0.0, f64::max);
        let signal = match name.as_slice() {
            [key] => Signal::Shared(key),
            _ => Signal::SharedName(name.iter().map(|key| key.as_str()).collect()),
        };
        signals.push((signal, weight));
    }
    // One name in capitals in one report and capitalised in the other ("FILEX France
    // Forum", "Forum Filex"), counted as a capitalised word.
    for (x, y) in [(a, b), (b, a)] {
        for (acronym, word) in &x.acronyms_as_words {
            if y.key_set.contains(word) && !x.key_set.contains(word) && !y.key_set.contains(acronym)
            {
                signals.push((Signal::Shared(word), proper_weight * rarity.weight(word)));
            }
        }
    }
    if a.draft.lang == b.draft.lang {
        let cosine = a.text.cosine(&b.text);
        if cosine >= SIMILAR_TEXT {
            signals.push((Signal::SimilarText(cosine), TEXT_WEIGHT * cosine));
        }
    }
    let total = signals.iter().map(|(_, weight)| weight).sum();
    Weighing {
        dates,
        signals,
        total,
        needed: if dates == Dates::Agree {
            WITH_DATE
        } else {
            WITHOUT_DATE
        },
    }
}
