//! Dates in running text, in the forms EU languages write them: "04/12/2019", "4.12.2019",
//! "2019-12-04", "4 grudnia 2019", "am 20. Oktober", "December 4th", "le 4 décembre 2019",
//! "4 de diciembre de 2019", "2019. december 4.", and "4 grudnia br." (this year). A year
//! that is not written stays unknown here; `metadata` infers it only from evidence.

mod date;
mod ranges;
mod scanner;

use regex::Regex;

use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::lexicon::{DatelineWord, MonthNames};
pub(crate) use date::{Mention, PartialDate};
use ranges::join_range;
use scanner::{Scanner, tokens};

/// The most words a dateline has: the date with its weekday, and a label.
const DATELINE_WORDS: usize = 16;
/// And the most bytes: sixteen words of ten letters.
const DATELINE_BYTES: usize = 16 * 11;

/// The most words after the one that opens a byline's author, the author's and any
/// label's after it ("by the editorial team", "von Anna Schmidt | 12.05."): a longer
/// tail is a sentence.
pub(crate) const AUTHOR_WORDS: usize = 4;

/// Finds dates; built once per ingest.
#[derive(Debug)]
pub(crate) struct DateParser {
    this_year: Regex,
    /// A time of day, which a dateline may give after its date.
    time: Regex,
    /// A year written before the day, as Latvian does.
    year_before: Regex,
}

/// Compiles one of this module's patterns.
#[expect(
    clippy::expect_used,
    reason = "the pattern is a constant; the unit tests compile it"
)]
fn compile(source: &str) -> Regex {
    Regex::new(source).expect("date patterns are valid regular expressions")
}

/// The most words of a section's name a dateline may end with, after a bar or bullet.
const SECTION_WORDS: usize = 2;

impl DateParser {
    /// Prepares the parser. (`months` is kept by the caller and passed to each search.)
    pub(crate) fn new(_months: &MonthNames) -> DateParser {
        DateParser {
            time: compile(r"(?i)\b\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:am|pm|uhr|h)?\b"),
            year_before: compile(r"(?i)\b(\d{4})\.\s*gad(?:a|ā)\s*$"),
            this_year: compile(
                r"(?i)^\s*(?:br\.|b\.\s?r\.|tego roku|bieżącego roku|this year|dieses jahres|d\.\s?j\.|de cette année|cette année|de este año|este año|di quest'anno|dit jaar|letošního roku|tohto roku|ove godine|tega leta|idén|anul acesta|tänä vuonna|i år|šių metų|šā gada|selle aasta|тази година|φέτος)",
            ),
        }
    }

    /// Every date in `text`, in order, without overlaps. `lang` disambiguates month names.
    pub(crate) fn find(&self, text: &str, lang: Option<&str>, months: &MonthNames) -> Vec<Mention> {
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        let tokens = tokens(text);
        let scanner = Scanner {
            tokens: &tokens,
            lang,
            months,
        };
        let mut found: Vec<Mention> = Vec::new();
        // The token after the last mention found, to join "30 September – 2 October".
        let mut after_last = None;
        let mut index = 0;
        while index < tokens.len() {
            match scanner.date_at(index) {
                Some((mut mention, next)) => {
                    scanner.start_of_range(index, &mut mention);
                    // A range that took in the date before it ("14.6.–15.6.") replaces it,
                    // and joins no date before that.
                    let took_in = found.last().is_some_and(|last| last.start >= mention.start);
                    if took_in {
                        found.pop();
                    }
                    let joined =
                        !took_in && after_last.is_some_and(|after| scanner.joins(after, index));
                    let merged = joined
                        && found
                            .last_mut()
                            .is_some_and(|first| join_range(first, &mention));
                    if !merged {
                        if mention.date.year.is_none() {
                            mention.date.year = self.year_before(&text[..mention.start]);
                        }
                        if mention.date.year.is_none() {
                            mention.this_year = self.this_year.is_match(&text[mention.end..]);
                        }
                        found.push(mention);
                    }
                    after_last = Some(next);
                    index = next;
                }
                None => index += 1,
            }
        }
        found
    }

    /// The year Latvian writes before a day and month ("2021. gada 9. novembrī").
    fn year_before(&self, before: &str) -> Option<i32> {
        let year = self
            .year_before
            .captures(before)?
            .get(1)?
            .as_str()
            .parse()
            .ok()?;
        shape::is_year_number(year).then_some(year)
    }

    /// The date, when `text` is nothing but one date (a date badge).
    pub(crate) fn only_date(
        &self,
        text: &str,
        lang: Option<&str>,
        months: &MonthNames,
    ) -> Option<PartialDate> {
        self.dateline(text, lang, months, |_| DatelineWord::Other)
    }

    /// The date, when `text` is one date with the words that label it ("Posted on",
    /// "Veröffentlicht am") and perhaps its author ("by the editorial team"), as `word`
    /// tells them: a dateline, or a byline.
    pub(crate) fn dateline(
        &self,
        text: &str,
        lang: Option<&str>,
        months: &MonthNames,
        classify: impl Fn(&str) -> DatelineWord,
    ) -> Option<PartialDate> {
        // A date is a few words and its label a few more ("Veröffentlicht am Donnerstag,
        // 4. Dezember 2019"): a longer text is no dateline, and not scanning every
        // paragraph of a report for that is most of what reading its structure costs.
        if text.len() > DATELINE_BYTES
            || !crate::pipeline::ingest::analyse::shape::at_most_words(text, DATELINE_WORDS)
        {
            return None;
        }
        let found = self.find(text, lang, months);
        // One date, perhaps written twice ("date 2024-02-02 By John Ensor • Published: 02
        // Feb 2024"); two dates are a range or a list, not a dateline, and a range read as
        // one ("date: 25/04/2016 - 26/04/2016") is an event's days.
        let (Some(mention), Some(last)) = (found.first(), found.last()) else {
            return None;
        };
        if found
            .iter()
            .any(|other| !other.date.agrees_with(mention.date) || other.last.is_some())
        {
            return None;
        }
        let words_of = |text: &str| -> Vec<String> {
            let text = self.time.replace_all(text, " ");
            // Hyphens stay inside words: a weekday may be written with one ("segunda-feira").
            text.split(|c: char| !c.is_alphanumeric() && c != '-')
                .map(|word| word.trim_matches('-'))
                .filter(|word| !word.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let before = words_of(&text[..mention.start]);
        // "By 31 May 2024 applications must…", "Od 1. ledna 2024 platí…": a deadline or
        // a start, not a byline, when the word that opens an author stands on the date.
        if before
            .last()
            .is_some_and(|last| classify(last) == DatelineWord::Author)
        {
            return None;
        }
        let mut author_tail: Option<usize> = None;
        let between = found
            .windows(2)
            .flat_map(|pair| words_of(&text[pair[0].end..pair[1].start]));
        // A section's name after a bar or bullet is the site's label ("14. 09. 2016 |
        // Články").
        let tail = text[last.end..].trim_start();
        let section = tail.starts_with(['|', '•', '·']) && words_of(tail).len() <= SECTION_WORDS;
        let after = if section { Vec::new() } else { words_of(tail) };
        for beside in before.iter().cloned().chain(between).chain(after) {
            if let Some(count) = author_tail.as_mut() {
                *count += 1;
                let name_like = beside.chars().all(|c| c.is_alphabetic() || c == '-');
                if *count > AUTHOR_WORDS || !name_like {
                    return None;
                }
                continue;
            }
            // Besides label words, a dateline may give the time and the weekday, in full
            // or abbreviated ("Tuesday, 20 August 2019", "Posté mar 13/10/2009 - 07:00").
            match classify(&beside) {
                DatelineWord::Author => author_tail = Some(0),
                DatelineWord::Label => {}
                DatelineWord::Other
                    if months.is_weekday(&beside)
                        || (beside.chars().count() <= 3
                            && beside.chars().all(char::is_alphabetic)) => {}
                DatelineWord::Other => return None,
            }
        }
        Some(mention.date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::ingest::lexicon::Lexicon;
    use chrono::NaiveDate;

    fn dates(text: &str, lang: Option<&str>) -> Vec<(Option<i32>, u32, u32, bool)> {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        parser
            .find(text, lang, &lexicon.months)
            .into_iter()
            .map(|m| (m.date.year, m.date.month, m.date.day, m.this_year))
            .collect()
    }

    /// Whether the first date of `text` is a press release's dateline.
    fn opens_release(text: &str, lang: &str) -> bool {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        parser.find(text, Some(lang), &lexicon.months)[0].is_press_dateline(text)
    }

    #[test]
    fn a_press_release_opens_with_its_dateline_and_a_dash() {
        let release = " With a theme of collaboration, the annual conference of the network \
            will be held in the city, bringing together experts from all over the world.";
        for (text, lang) in [
            (format!("June 27, 2017 –{release}"), "en"),
            (format!("TORONTO, ON, June 27, 2017 —{release}"), "en"),
            (
                "Brüssel, 4. Mai 2021 - Die Europäische Kommission hat heute die Ergebnisse \
                 der Konsultation veröffentlicht, an der sich mehr als dreihundert Cluster \
                 aus allen Mitgliedstaaten beteiligt haben."
                    .to_owned(),
                "de",
            ),
            (
                "Atene, 16 gennaio 2017: Si è conclusa con successo l'assemblea generale del \
                 cluster, che si è svolta venerdì nella sede della camera di commercio con \
                 i rappresentanti delle imprese."
                    .to_owned(),
                "it",
            ),
        ] {
            assert!(opens_release(&text, lang), "{text}");
        }
        // A calendar's entry, a range, a date inside a sentence: the event's date.
        for (text, lang) in [
            (
                "20 November 2018 – Joint Romanian-Hungarian Cluster Conference, Oradea",
                "en",
            ),
            (&format!("21–23 March 2018 –{release}"), "en"),
            (&format!("On 27 June 2017 –{release}"), "en"),
            (&format!("27 June –{release}"), "en"),
            (&format!("27 June 2017:{release}"), "en"),
            (
                "2021. november 5-én közel tizenöt klaszter képviselője gyűlt össze a \
                 fővárosban, ahol a klaszterek együttműködéséről és a jövő terveiről \
                 tartottak előadásokat.",
                "hu",
            ),
        ] {
            assert!(!opens_release(text, lang), "{text}");
        }
    }

    #[test]
    fn reads_the_forms_eu_languages_use() {
        type Case<'a> = (&'a str, Option<&'a str>, (Option<i32>, u32, u32));
        let cases: &[Case<'_>] = &[
            ("Brussels, 04/12/2019", None, (Some(2019), 12, 4)),
            (
                "Bruksela 4.12.2019 | Spotkanie",
                Some("pl"),
                (Some(2019), 12, 4),
            ),
            ("published 2019-12-04", None, (Some(2019), 12, 4)),
            (
                "konala 4. 12. 2019 v Praze",
                Some("cs"),
                (Some(2019), 12, 4),
            ),
            ("08 grudnia 2019", Some("pl"), (Some(2019), 12, 8)),
            (
                "findet am 20. Oktober in Brüssel statt",
                Some("de"),
                (None, 10, 20),
            ),
            (
                "Organised by DG GROW on December 4th in Brussels",
                Some("en"),
                (None, 12, 4),
            ),
            (
                "On October 20th 2014, the Commission",
                Some("en"),
                (Some(2014), 10, 20),
            ),
            (
                "le 4 décembre 2019 à Bruxelles",
                Some("fr"),
                (Some(2019), 12, 4),
            ),
            ("el 4 de diciembre de 2019", Some("es"), (Some(2019), 12, 4)),
            ("2019. december 4-én", Some("hu"), (Some(2019), 12, 4)),
            ("December 4, 2019", None, (Some(2019), 12, 4)),
            ("il 4 dicembre 2019", Some("it"), (Some(2019), 12, 4)),
            ("4. joulukuuta 2019", Some("fi"), (Some(2019), 12, 4)),
            ("12/25/2019", None, (Some(2019), 12, 25)),
        ];
        for (text, lang, expected) in cases {
            let found = dates(text, *lang);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!((found[0].0, found[0].1, found[0].2), *expected, "{text}");
        }
    }

    #[test]
    fn datelines_may_carry_the_time_and_an_abbreviated_weekday() {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        let line =
            |text: &str| parser.dateline(text, None, &lexicon.months, |w| label_if(w == "posté"));
        assert!(line("Posté mar 13/10/2009 - 07:00").is_some());
        assert!(line("Tue 13/10/2009 7:00 pm").is_some());
        assert_eq!(
            parser.only_date("05-Noviembre-2015", Some("es"), &lexicon.months),
            Some(PartialDate {
                year: Some(2015),
                month: 11,
                day: 5
            })
        );
        assert!(line("Meeting in Lyon 13/10/2009").is_none());
        // A section's name after a bar, not a headline after it.
        assert!(line("14. 09. 2016 | Články").is_some());
        assert!(line("13/10/2009 | Press releases").is_some());
        assert!(line("13/10/2009 | Cluster day in Pardubice").is_none());
    }

    #[test]
    fn a_date_line_may_name_its_weekday_in_full_in_any_language() {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        let only = |text: &str, lang| parser.only_date(text, lang, &lexicon.months);
        assert!(only("Tuesday, 20. August 2019", Some("en")).is_some());
        assert!(only("Donnerstag, 4. Dezember 2019", Some("de")).is_some());
        assert!(only("środa, 22 listopada 2023", Some("pl")).is_some());
        // Portuguese writes its weekdays with a hyphen.
        assert!(only("segunda-feira, 22 de janeiro de 2018 às 0:13", Some("pt")).is_some());
        assert!(only("sexta-feira, 5 de maio de 2017", Some("pt")).is_some());
        // Another word than a weekday makes it a sentence.
        assert!(only("Tuesdays, 20 August 2019", Some("en")).is_none());
    }

    #[test]
    fn a_range_on_its_own_line_is_an_event_s_days_not_a_dateline() {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        let only = |text: &str, lang| parser.only_date(text, lang, &lexicon.months);
        assert!(only("date:  25/04/2016 - 26/04/2016", Some("en")).is_none());
        assert!(only("14.–15. Juni 2023", Some("de")).is_none());
        assert!(only("21-22 października 2019", Some("pl")).is_none());
        assert!(only("25/04/2016", Some("en")).is_some());
    }

    #[test]
    fn datelines_may_carry_label_words() {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        let labels = [
            "posted",
            "on",
            "publié",
            "le",
            "veröffentlicht",
            "am",
            "date",
            "published",
        ];
        let line = |text: &str| {
            parser.dateline(text, None, &lexicon.months, |w| {
                if ["by", "von"].contains(&w) {
                    DatelineWord::Author
                } else {
                    label_if(labels.contains(&w))
                }
            })
        };
        assert!(line("Posted on 12 May 2023").is_some());
        assert!(line("Publié le 15 mai 2023").is_some());
        assert!(line("Veröffentlicht am 23.09.2022").is_some());
        assert!(line("Meeting on 12 May 2023").is_none());
        // A byline: the author follows a word that opens it, in a few words.
        assert!(line("Posted on Tuesday, 12 May 2023 by the editorial team").is_some());
        assert!(line("Von Anna Schmidt | 23.09.2022").is_some());
        assert!(line("Von Anna-Lena Schmidt-Weber | 23.09.2022").is_some());
        assert!(line("Posted on 12 May 2023 by the cluster of the region of Flanders").is_none());
        assert!(line("Organised on 12 May 2023 by the Agency").is_none());
        assert!(line("By 31 May 2024 send the form").is_none());
        // One date written twice is still one dateline; two dates are not.
        let twice = line("date 2024-02-02 By John Ensor • Published: 02 Feb 2024 • 15:35");
        assert_eq!(
            twice.and_then(PartialDate::full),
            NaiveDate::from_ymd_opt(2024, 2, 2)
        );
        assert!(line("Posted on 12 May 2023, 14 May 2023").is_none());
    }

    fn label_if(label: bool) -> DatelineWord {
        if label {
            DatelineWord::Label
        } else {
            DatelineWord::Other
        }
    }

    #[test]
    fn this_year_markers_are_noticed() {
        assert_eq!(
            dates("W dniu 4 grudnia br. w Brukseli", Some("pl")),
            [(None, 12, 4, true)]
        );
    }

    #[test]
    fn numbers_that_are_not_dates_are_ignored() {
        for text in [
            "the 1st European Cluster Policy Forum",
            "50 managers from 17 European countries, 6500 SMEs",
            "in 2012 an initiative, renewed in late 2013",
            "February, March and April 2014",
            "10 pro athletes",
            "31/02/2019",
            "chapters 4.  12.  2019",
        ] {
            assert_eq!(dates(text, Some("en")), [], "{text}");
        }
    }

    #[test]
    fn a_day_and_month_in_figures_without_a_year_is_a_date_but_not_a_version_number() {
        assert_eq!(
            dates("Das Treffen findet am 23.11. in Leipzig statt.", Some("de")),
            [(None, 11, 23, false)]
        );
        assert_eq!(
            dates("am 23.11.2019 in Leipzig", Some("de")),
            [(Some(2019), 11, 23, false)]
        );
        for text in [
            "Version 2.1. is out",
            "see section 1.2.3. below",
            "11.12.13.14",
        ] {
            assert_eq!(dates(text, Some("en")), [], "{text}");
        }
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        for (text, lang) in [
            ("okupit će se 22. i 23.11. u Zagrebu", "hr"),
            ("vom 22.11.–23.11. in Leipzig", "de"),
            ("vom 22.6.–23.6. in Leipzig", "de"),
        ] {
            let found = parser.find(text, Some(lang), &lexicon.months);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let (first, last) = (found[0].date, found[0].last);
            assert_eq!(
                ((first.month, first.day), last),
                ((found[0].date.month, 22), Some((first.month, 23))),
                "{text}"
            );
        }
    }

    #[test]
    fn a_date_badge_is_only_a_date() {
        let lexicon = Lexicon::new();
        let parser = DateParser::new(&lexicon.months);
        let only = |text: &str| parser.only_date(text, Some("pl"), &lexicon.months);
        assert_eq!(
            only("08 grudnia 2019").and_then(PartialDate::full),
            NaiveDate::from_ymd_opt(2019, 12, 8)
        );
        assert!(only("04/12/2019").is_some());
        assert!(only("Bruksela 4.12.2019").is_none());
    }
}
