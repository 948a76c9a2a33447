//! Unit tests of event-date reading.

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
        ("Gruodžio 11 d., 2017", Some("lt"), (Some(2017), 12, 11)),
        (
            "forumas įvyko gruodžio 6 d. verslo centre",
            Some("lt"),
            (None, 12, 6),
        ),
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
