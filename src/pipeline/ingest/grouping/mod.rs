//! Event grouping: which reports, in whatever language and from whatever source, cover the
//! same event. It compares signals that survive translation: the event date (a conflict
//! keeps reports apart), the place, numbers, acronyms and names, and links, each name or
//! number weighted by how rare it is among the reports (`evidence`). Reports with too little
//! in common stay apart: a missed merge costs less than a false one. Event ids stay as
//! earlier ingests made them, so adding a report never renames an event.

mod clusters;
mod dates;
mod editions;
mod evidence;
mod naming;
mod similarity;
mod weighing;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::lang::LangCode;
use crate::pipeline::ingest::analyse::dates::PartialDate;
use crate::pipeline::ingest::analyse::draft::ReportDraft;
use crate::util::text::slugify;
use clusters::DisjointSets;
use evidence::{Candidate, Rarity, weigh};
pub(crate) use weighing::Weighing;

/// A group of reports about one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EventDraft {
    /// Folder name and URL segment.
    pub(crate) id: String,
    /// When, if known with its year.
    pub(crate) date: Option<NaiveDate>,
    /// Where.
    pub(crate) place: Option<String>,
    /// Name per language.
    pub(crate) names: BTreeMap<LangCode, String>,
    /// Indices of its reports.
    pub(crate) members: Vec<usize>,
}

/// Groups reports into events. `pins` holds, per report, the event it must be in: the one
/// an editor pinned it to, or else the one an earlier ingest put its seed in (so adding a
/// report never renames or regroups an existing event). Reports pinned to different events
/// are never grouped; a new report joins whichever event its evidence points to.
pub(crate) fn group(
    drafts: &[ReportDraft],
    pins: &[Option<String>],
    default_language: &LangCode,
) -> Vec<EventDraft> {
    let mut sets = DisjointSets::new(pins.to_vec());
    // Reports pinned to the same event are one event, whatever their texts say.
    for i in 0..drafts.len() {
        for j in i + 1..drafts.len() {
            if pins[i].is_some() && pins[i] == pins[j] {
                sets.union(i, j);
            }
        }
    }
    // Parts of one seed are translations: one event.
    for i in 0..drafts.len() {
        for j in i + 1..drafts.len() {
            if drafts[i].seed == drafts[j].seed {
                sets.union(i, j);
            }
        }
    }
    weigh_each_pair(drafts, |i, j, weighing| {
        if weighing.same_event() {
            sets.union(i, j);
        }
    });
    let mut members = sets.into_groups();
    // Pinned events first, so their ids are taken before earlier or new ids are handed out.
    members.sort_by_key(|(pin, group)| (pin.is_none(), group[0]));
    let mut used: std::collections::BTreeSet<String> =
        members.iter().filter_map(|(pin, _)| pin.clone()).collect();
    let mut events: Vec<EventDraft> = members
        .into_iter()
        .map(|(pin, group)| {
            let mut event = describe(drafts, group, default_language, &mut used);
            if let Some(pin) = pin {
                event.id = pin;
            }
            event
        })
        .collect();
    events.sort_by_key(|event| event.members[0]);
    events
}

/// Weighs each pair of reports from different seeds, the rarity of what they share
/// counted among `drafts`.
fn weigh_each_pair(drafts: &[ReportDraft], mut each: impl FnMut(usize, usize, Weighing<'_>)) {
    let candidates: Vec<Candidate<'_>> = Candidate::all(drafts);
    let rarity = Rarity::of(&candidates);
    for i in 0..drafts.len() {
        for j in i + 1..drafts.len() {
            if drafts[i].seed != drafts[j].seed {
                each(i, j, weigh(&candidates[i], &candidates[j], &rarity));
            }
        }
    }
}

/// Why each pair of reports from different seeds is, or is not, one event, with the
/// rarity of what they share counted among `drafts` alone: what `ingest --explain` prints
/// for two seeds or more.
pub(crate) fn explain_pairs(drafts: &[ReportDraft]) -> Vec<(usize, usize, String)> {
    let mut pairs = Vec::new();
    weigh_each_pair(drafts, |i, j, weighing| {
        pairs.push((i, j, weighing.to_string()));
    });
    pairs
}

/// The facts and id of one group.
fn describe(
    drafts: &[ReportDraft],
    members: Vec<usize>,
    default_language: &LangCode,
    used: &mut std::collections::BTreeSet<String>,
) -> EventDraft {
    let date = event_start(drafts, &members);
    let place = most_common(members.iter().filter_map(|&i| drafts[i].place.clone()));
    let mut names: BTreeMap<LangCode, String> = BTreeMap::new();
    for &i in &members {
        let title = &drafts[i].title;
        names
            .entry(drafts[i].lang)
            .and_modify(|name| {
                if title.chars().count() < name.chars().count() {
                    name.clone_from(title);
                }
            })
            .or_insert_with(|| title.clone());
    }
    for (lang, name) in &mut names {
        if let Some(given) = naming::given_name(drafts, &members, *lang) {
            *name = given;
        }
    }
    let id = new_id(
        date,
        &names,
        default_language,
        &drafts[members[0]].lang,
        used,
    );
    used.insert(id.clone());
    EventDraft {
        id,
        date,
        place,
        names,
        members,
    }
}

/// The event's first day. Each member's event date covers its days (from its first to its
/// last day, for a range); the day most members cover (the earliest of a tie) is surely
/// the event's, and the earliest first day among the members that cover it is where the
/// event begins. So a report of the second day and one of the whole event agree on the
/// start, and one stray date (an announcement's, a byline's) does not outvote them.
fn event_start(drafts: &[ReportDraft], members: &[usize]) -> Option<NaiveDate> {
    let spans: Vec<(NaiveDate, NaiveDate)> = members
        .iter()
        .filter_map(|&i| {
            let first = drafts[i].event_date?.full()?;
            let last = (drafts[i].anchors.event_last)
                .and_then(PartialDate::full)
                .filter(|last| *last >= first);
            Some((first, last.unwrap_or(first)))
        })
        .collect();
    let covers =
        |(first, last): &(NaiveDate, NaiveDate), day: NaiveDate| *first <= day && day <= *last;
    let busiest = spans
        .iter()
        .flat_map(|&(first, last)| first.iter_days().take_while(move |day| *day <= last))
        .max_by_key(|&day| {
            let covered = spans.iter().filter(|span| covers(span, day)).count();
            (covered, std::cmp::Reverse(day))
        })?;
    spans
        .iter()
        .filter(|span| covers(span, busiest))
        .map(|&(first, _)| first)
        .min()
}

/// `2019-12-04-meeting-of-gold-label-clusters`, or the name alone when undated; unique.
fn new_id(
    date: Option<NaiveDate>,
    names: &BTreeMap<LangCode, String>,
    default_language: &LangCode,
    first_language: &LangCode,
    used: &std::collections::BTreeSet<String>,
) -> String {
    let name = names
        .get(default_language)
        .or_else(|| names.get(first_language))
        .or_else(|| names.values().next())
        .map_or("event", String::as_str);
    let mut base = slugify(name, 60);
    if base.is_empty() {
        base = "event".to_owned();
    }
    if let Some(date) = date {
        base = format!("{}-{base}", date.format("%Y-%m-%d"));
    }
    let mut id = base.clone();
    let mut counter = 2;
    while used.contains(&id) {
        id = format!("{base}-{counter}");
        counter += 1;
    }
    id
}

/// The most frequent value; ties go to the smallest, so the choice is deterministic.
fn most_common<T: Ord + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for value in values {
        *counts.entry(value).or_insert(0) += 1;
    }
    let top = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, count)| *count == top)
        .map(|(value, _)| value)
}

/// Gives reports without an event year the year of their group when the day and month agree.
pub(crate) fn share_years(drafts: &mut [ReportDraft], events: &[EventDraft]) {
    for event in events {
        let Some(date) = event.date else { continue };
        for &member in &event.members {
            let draft = &mut drafts[member];
            if let Some(own) = draft.event_date
                && own.year.is_none()
                && own.agrees_with(date.into())
            {
                draft.event_date = Some(date.into());
            }
        }
    }
}

#[cfg(test)]
mod tests;
