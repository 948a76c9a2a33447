//! The evidence that two reports cover one event: an agreeing event date (a conflict keeps
//! them apart), the same place, and the numbers, acronyms, names and links they share, each
//! weighted by how rare it is among all the reports.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use rustc_hash::FxHashSet;

use super::similarity::{TextVector, text_vectors};
use crate::pipeline::ingest::analyse::dates::PartialDate;
use crate::pipeline::ingest::analyse::draft::ReportDraft;

/// Evidence two reports need, beyond an agreeing date, to be one event.
const WITH_DATE: f64 = 1.5;
/// Evidence two undated reports need (names, numbers, links alone).
const WITHOUT_DATE: f64 = 3.5;

/// A capitalised word counts for less than an acronym or a number: more of them are
/// common (a country, a month, the EU's institutions), even when rare here.
const PROPER_WEIGHT: f64 = 0.6;

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
        }
        Rarity { counts }
    }

    /// 1 for an anchor two reports share alone, less the more reports have it.
    fn weight(&self, key: &str) -> f64 {
        let count = self.counts.get(key).copied().unwrap_or(1).max(2);
        (2.0 / count as f64).min(1.0)
    }
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

/// A report with its anchors as keys, read once: every pair of reports compares them.
pub(super) struct Candidate<'d> {
    draft: &'d ReportDraft,
    keys: Vec<String>,
    key_set: FxHashSet<String>,
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
                Candidate {
                    draft,
                    keys,
                    key_set,
                    text,
                }
            })
            .collect()
    }
}

/// One thing two reports have in common, or not.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Signal<'d> {
    SamePlace(&'d str),
    DifferentPlaces(&'d str, &'d str),
    /// An anchor key both give (its first character says its kind).
    Shared(&'d str),
    /// Reports in one language whose texts share rare words (their cosine).
    SimilarText(f64),
}

impl std::fmt::Display for Signal<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Signal::SamePlace(place) => write!(f, "same place: {place}"),
            Signal::DifferentPlaces(a, b) => write!(f, "different places: {a}, {b}"),
            Signal::SimilarText(cosine) => write!(f, "texts alike: cosine {cosine:.2}"),
            Signal::Shared(key) => {
                let kind = match key.as_bytes().first() {
                    Some(b'/') => "link",
                    Some(b'~') => "name",
                    Some(b'#') => "number",
                    _ => "acronym or compound name",
                };
                write!(f, "{kind} both give: {}", key.get(1..).unwrap_or(""))
            }
        }
    }
}

/// Why two reports are, or are not, one event: each signal with its weight. Signals
/// borrow from the reports, so weighing every pair of an ingest formats nothing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weighing<'d> {
    /// How their event dates relate.
    pub(crate) dates: Dates,
    /// Each signal and its weight (negative: against).
    pub(crate) signals: Vec<(Signal<'d>, f64)>,
    /// The sum of the weights.
    pub(crate) total: f64,
    /// What the sum must reach.
    pub(crate) needed: f64,
}

impl Weighing<'_> {
    /// Whether the evidence makes them one event.
    pub(crate) fn same_event(&self) -> bool {
        self.dates != Dates::Conflict && self.total >= self.needed
    }
}

impl std::fmt::Display for Weighing<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.dates == Dates::Conflict {
            return write!(f, "kept apart: their event dates differ");
        }
        let verdict = if self.same_event() {
            "grouped"
        } else {
            "kept apart"
        };
        let date = match self.dates {
            Dates::Agree => "event dates agree",
            Dates::Close => "event dates close, not the same",
            Dates::Conflict | Dates::Unknown => "no common event date",
        };
        write!(
            f,
            "{verdict}: evidence {:.2} of {:.2} needed ({date})",
            self.total, self.needed
        )?;
        for (signal, weight) in &self.signals {
            write!(f, "\n    {weight:+.2}  {signal}")?;
        }
        Ok(())
    }
}

/// How two reports' event dates relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dates {
    /// The same day, or overlapping ranges.
    Agree,
    /// Different, but a day or two apart, or one report names the other's day: reports of
    /// one event often date different days of it (the opening, the second day, the day
    /// the summary came out). Neither for nor against.
    Close,
    /// Too far apart for one event: never grouped, whatever else they share (an annual
    /// conference shares everything with last year's but the date).
    Conflict,
    /// One of them or both give no event date.
    Unknown,
}

/// Days between two event dates (or ranges) that may still be one event's.
const CLOSE_DAYS: i64 = 3;

pub(super) fn relate_dates(a: &ReportDraft, b: &ReportDraft) -> Dates {
    let (Some(x), Some(y)) = (a.event_date, b.event_date) else {
        return Dates::Unknown;
    };
    // A date without its year is read in the other's ("26 and 27 March" beside "27 March
    // 2019"), or in a leap year when neither gives one: only its day and month can agree.
    let year = x.year.or(y.year).unwrap_or(LEAP_YEAR);
    let (Some((x_first, x_last)), Some((y_first, y_last))) = (span(x, a, year), span(y, b, year))
    else {
        return Dates::Unknown;
    };
    if x_first <= y_last && y_first <= x_last {
        return Dates::Agree;
    }
    // Days between the end of one and the start of the other.
    let apart = (y_first - x_last)
        .num_days()
        .max((x_first - y_last).num_days());
    if apart <= CLOSE_DAYS || a.anchors.days.contains(&y_first) || b.anchors.days.contains(&x_first)
    {
        Dates::Close
    } else {
        Dates::Conflict
    }
}

/// A year in which 29 February exists.
const LEAP_YEAR: i32 = 2000;

/// The first and last day of a report's event, read in `year` when its date gives none; a
/// range ending in an earlier month ("30 December – 2 January") ends the next year.
fn span(first: PartialDate, draft: &ReportDraft, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let first = first.in_year(year)?;
    let last = draft
        .anchors
        .event_last
        .and_then(|last| last.in_year(first.year() + i32::from(last.month < first.month())))
        .map_or(first, |last| last.max(first));
    Some((first, last))
}

/// Weighs what two reports share.
pub(crate) fn weigh<'d>(
    a: &'d Candidate<'_>,
    b: &'d Candidate<'_>,
    rarity: &Rarity,
) -> Weighing<'d> {
    let b_keys = &b.key_set;
    let dates = relate_dates(a.draft, b.draft);
    let mut signals = Vec::new();
    match (&a.draft.place, &b.draft.place) {
        (Some(x), Some(y)) if x == y => signals.push((Signal::SamePlace(x), 1.0)),
        (Some(x), Some(y)) => signals.push((Signal::DifferentPlaces(x, y), -2.0)),
        _ => {}
    }
    for key in a.keys.iter().filter(|key| b_keys.contains(*key)) {
        let weight = match key.as_bytes().first() {
            Some(b'/') => 3.0,
            Some(b'~') => PROPER_WEIGHT * rarity.weight(key),
            _ => rarity.weight(key),
        };
        signals.push((Signal::Shared(key), weight));
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
