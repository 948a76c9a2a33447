//! How two reports' event dates relate: the same days, days close enough for one event,
//! or too far apart; a date without its year read in the other report's year.

use chrono::{Datelike, NaiveDate};

use crate::pipeline::ingest::analyse::dates::PartialDate;
use crate::pipeline::ingest::analyse::draft::ReportDraft;

/// How two reports' event dates relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dates {
    /// The same day, or overlapping ranges.
    Agree,
    /// Different, but a day or two apart, or one report names the other's day: reports of
    /// one event often date different days of it (the opening, the second day, the day
    /// the summary came out). Not evidence by itself; with the same place, it says what
    /// one place in one year says.
    Close,
    /// Too far apart for one event: never grouped, whatever else they share (an annual
    /// conference shares everything with last year's but the date).
    Conflict,
    /// One of them or both give no event date.
    Unknown,
}

/// Days between two event dates (or ranges) that may still be one event's.
const CLOSE_DAYS: i64 = 3;

/// Two reports' event spans, first and last day, side by side.
struct Spans {
    a: (NaiveDate, NaiveDate),
    b: (NaiveDate, NaiveDate),
    /// Whether either report gives the year the spans are read in.
    year_given: bool,
}

fn spans(a: &ReportDraft, b: &ReportDraft) -> Option<Spans> {
    let (x, y) = (a.event_date?, b.event_date?);
    // A date without its year is read in the other's ("26 and 27 March" beside "27 March
    // 2019"), or in a leap year when neither gives one: only its day and month can agree.
    let year = x.year.or(y.year).unwrap_or(LEAP_YEAR);
    Some(Spans {
        a: span(x, a, year)?,
        b: span(y, b, year)?,
        year_given: x.year.or(y.year).is_some(),
    })
}

/// Whether both reports give the same first and last day of an event of several. Two
/// events seldom share a single day by chance, and a span of several days far more seldom;
/// read in a leap year for want of one, though, two spans may be an annual event's fixed
/// days.
pub(super) fn same_days(a: &ReportDraft, b: &ReportDraft) -> bool {
    spans(a, b).is_some_and(|s| s.year_given && s.a == s.b && s.a.0 < s.a.1)
}

pub(super) fn relate_dates(a: &ReportDraft, b: &ReportDraft) -> Dates {
    let Some(Spans {
        a: (x_first, x_last),
        b: (y_first, y_last),
        ..
    }) = spans(a, b)
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
