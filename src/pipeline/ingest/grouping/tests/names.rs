//! Grouping by the event names reports give: one edition of a series, a title's short name
//! and the full one, and an event's name per language.

use super::*;

#[test]
fn undated_reports_of_one_series_year_and_place_are_one_edition() {
    // Reports of a series' conference, none dated to the day: its name, its year and
    // its city make one edition; another year's, or another city's, is another event.
    let report = |seed: usize, title: &str, year: i32, place: &str| {
        let mut report = naming(
            draft(seed, "en", title, None, Some(place), &[]),
            &["TCI Global Conference"],
        );
        report.anchors.year = Some(year);
        report
    };
    let drafts = [
        report(0, "Four hundred experts on clusters", 2016, "Eindhoven"),
        report(1, "Collaboration is key to success", 2016, "Eindhoven"),
        report(2, "Brainport welcomes the network", 2017, "Eindhoven"),
        report(3, "Ontario hosts policy makers", 2016, "Toronto"),
    ];
    assert_eq!(groups(&drafts), [vec![0, 1], vec![2], vec![3]]);
}

#[test]
fn a_title_s_short_name_and_the_full_name_in_its_text_meet_another_report_s_full_name() {
    // Undated reports in two languages: the first titles the conference short and names it
    // in full below; the second names only the full name, with the same edition.
    let report = |seed: usize, lang: &str, title: &str, names: &[&str]| {
        naming(draft(seed, lang, title, None, None, &[]), names)
    };
    let drafts = [
        report(
            0,
            "en",
            "Our team at the Annual Global Conference",
            &[
                "Annual Global Conference",
                "15th TCI Annual Global Conference",
            ],
        ),
        report(
            1,
            "es",
            "Una semana de clusterización",
            &["15th TCI Annual Global Conference"],
        ),
        // Another edition of the series is another event.
        report(
            2,
            "es",
            "El congreso del año pasado",
            &["14th TCI Annual Global Conference"],
        ),
    ];
    assert_eq!(groups(&drafts), [vec![0, 1], vec![2]]);
}

#[test]
fn an_event_is_named_in_full_and_in_a_language_whose_reports_name_it_only_in_english() {
    let report = |seed: usize, lang: &str, text: &str, names: &[&str]| {
        let mut report = naming(
            draft(seed, lang, "", Some((Some(2022), 4, 26)), None, &[]),
            names,
        );
        report.markdown = text.to_owned();
        report
    };
    let drafts = [
        report(
            0,
            "en",
            "The Clusters meet Regions workshop gathered 150 participants.",
            &["Regions workshop"],
        ),
        report(
            1,
            "en",
            "We invite you to the “Clusters meet Regions” workshop.",
            &["Clusters meet Regions workshop"],
        ),
        report(
            2,
            "lt",
            "Vilnius tapo „Clusters meet Regions“ renginių vieta.",
            &[],
        ),
    ];
    // One event by an editor's pins, so the test is of its name alone.
    let pins = vec![Some("clusters-meet-regions".to_owned()); 3];
    let events = group(&drafts, &pins, &LangCode::parse("en").unwrap());
    assert_eq!(events.len(), 1);
    let name = |lang: &str| events[0].names[&LangCode::parse(lang).unwrap()].as_str();
    assert_eq!(name("en"), "Clusters meet Regions workshop");
    assert_eq!(name("lt"), "Clusters meet Regions");
}

#[test]
fn reports_naming_one_conference_each_in_its_own_language_are_one_event() {
    let lexicon = crate::pipeline::ingest::lexicon::Lexicon::new();
    let report = |seed: usize, lang: &str, name: &str, year: i32, place: Option<&str>| {
        let mut report = draft(seed, lang, name, None, place, &[]);
        report.anchors.event_names = vec![name.to_owned()];
        report.anchors.interlingual_event_names = vec![lexicon.interlingual_name(name)];
        report.anchors.year = Some(year);
        report
    };
    let drafts = [
        report(
            0,
            "cs",
            "Evropská klastrová konference",
            2022,
            Some("Prague"),
        ),
        report(1, "pl", "Europejskiej Konferencji Klastrowej", 2022, None),
        report(
            2,
            "et",
            "Euroopa klastrite konverents",
            2022,
            Some("Prague"),
        ),
        // Another edition of the series: another year, another city.
        report(
            3,
            "et",
            "Euroopa klastrite konverents",
            2016,
            Some("Brussels"),
        ),
        // Another series, though its words are alike.
        report(4, "sk", "Národná klastrová konferencia", 2022, None),
    ];
    assert_eq!(groups(&drafts), [vec![0, 1, 2], vec![3], vec![4]]);
}
