//! The dates `dates` finds: a calendar date whose year may be unknown, and where in a
//! text it was written.

use chrono::NaiveDate;

/// A calendar date whose year may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct PartialDate {
    /// The year, when the text or its evidence gives it.
    pub(crate) year: Option<i32>,
    /// Month, 1–12.
    pub(crate) month: u32,
    /// Day, 1–31.
    pub(crate) day: u32,
}

impl PartialDate {
    /// The full date, when the year is known and the date exists.
    pub(crate) fn full(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }

    /// The date in its own year or, when it gives none, in `year`.
    pub(crate) fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year.unwrap_or(year), self.month, self.day)
    }

    /// Same day and month, and no conflicting years.
    pub(crate) fn agrees_with(self, other: PartialDate) -> bool {
        self.month == other.month
            && self.day == other.day
            && match (self.year, other.year) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(date: NaiveDate) -> Self {
        use chrono::Datelike;
        PartialDate {
            year: Some(date.year()),
            month: date.month(),
            day: date.day(),
        }
    }
}

/// A date found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The date.
    pub(crate) date: PartialDate,
    /// Followed by "this year" ("br.", "dieses Jahres"): the year is the publication's.
    pub(crate) this_year: bool,
    /// The last day of a range, as month and day ("20–21 September": (9, 21); "30 September
    /// – 2 October": (10, 2)), in the date's year or, for a later month before it, the next.
    pub(crate) last: Option<(u32, u32)>,
    /// Byte range in the text.
    pub(crate) start: usize,
    /// End of the byte range.
    pub(crate) end: usize,
}

/// Words of running text after a press release's dateline: a calendar's "20 November 2018
/// – Joint Cluster Conference, Oradea" lists an event, not a release.
const PRESS_RELEASE_WORDS: usize = 15;
/// Words of a place before a dateline ("TORONTO, ON, June 27, 2017 –").
const DATELINE_PLACE_WORDS: usize = 3;

impl Mention {
    /// Whether the mention is the dateline of a press release in `text`: one day with its
    /// year, opening the paragraph (after its place, if any) and followed by a dash (or,
    /// after a place, a colon: "Αθήνα, 16 Ιανουαρίου 2017: Με επιτυχία…") and the release's
    /// running text. It dates the release, not what the release announces.
    pub(crate) fn is_press_dateline(&self, text: &str) -> bool {
        let (Some(before), Some(after)) = (text.get(..self.start), text.get(self.end..)) else {
            return false;
        };
        let after_place = before.trim_end().ends_with(',')
            && before.split_whitespace().count() <= DATELINE_PLACE_WORDS;
        let after = after.trim_start();
        // A hyphen against a word is a case ending's ("november 5-én"), not a dash.
        let dashed = after.starts_with(['–', '—'])
            || after
                .strip_prefix('-')
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric));
        let colon_after_place = after_place && after.starts_with(':');
        self.date.year.is_some()
            && self.last.is_none()
            && (before.is_empty() || after_place)
            && (dashed || colon_after_place)
            && after.split_whitespace().count() > PRESS_RELEASE_WORDS
    }
}

/// A date if the month and day exist (in a leap year when the year is unknown).
pub(super) fn valid(year: Option<i32>, month: u32, day: u32) -> Option<PartialDate> {
    if !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    // Without a year, check against a leap year so that 29 February is allowed.
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
    Some(PartialDate { year, month, day })
}
