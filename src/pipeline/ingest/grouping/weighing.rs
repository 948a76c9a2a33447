//! Why two reports are, or are not, one event: each signal of what they share with its
//! weight, as grouping decides and `--explain` prints it.

use super::dates::Dates;
use super::editions::Editions;

/// One thing two reports have in common, or not.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Signal<'d> {
    /// Reports without a common event date of one year, or of two (see `Anchors::year`).
    SameYear(i32),
    /// Reports of one year without a common event date that name one month of it.
    SameMonth(i32, u32),
    DifferentYears(i32, i32),
    SamePlace(&'d str),
    DifferentPlaces(&'d str, &'d str),
    /// Event names of one series (its stems) and how their editions relate.
    EventNames(&'d str, Editions),
    /// An anchor key both give (its first character says its kind).
    Shared(&'d str),
    /// Capitalised words both give side by side: one name of several words.
    SharedName(Vec<&'d str>),
    /// Reports in one language whose texts share rare words (their cosine).
    SimilarText(f64),
    /// Both give the same first and last day of an event of several days.
    SameDays,
}

impl std::fmt::Display for Signal<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Signal::SameYear(year) => write!(f, "same year: {year}"),
            Signal::SameMonth(year, month) => write!(f, "same month: {year}-{month:02}"),
            Signal::DifferentYears(a, b) => write!(f, "different years: {a}, {b}"),
            Signal::SamePlace(place) => write!(f, "same place: {place}"),
            Signal::DifferentPlaces(a, b) => write!(f, "different places: {a}, {b}"),
            Signal::EventNames(series, Editions::Same) => {
                write!(f, "same edition of an event both name: {series}")
            }
            Signal::EventNames(series, Editions::SameSeries) => {
                write!(f, "event series both name: {series}")
            }
            Signal::EventNames(series, Editions::Different) => {
                write!(f, "other editions of an event series: {series}")
            }
            Signal::SimilarText(cosine) => write!(f, "texts alike: cosine {cosine:.2}"),
            Signal::SameDays => write!(f, "same first and last day of several"),
            Signal::SharedName(words) => {
                let words: Vec<&str> = words.iter().map(|key| key.get(1..).unwrap_or("")).collect();
                write!(f, "name both give: {}", words.join(" "))
            }
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
