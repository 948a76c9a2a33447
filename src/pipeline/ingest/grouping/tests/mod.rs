use super::*;
use crate::pipeline::ingest::analyse::metadata::Anchors;
use dates::{Dates, relate_dates, same_days};

mod days;
mod names;

fn draft(
    seed: usize,
    lang: &str,
    title: &str,
    date: Option<(Option<i32>, u32, u32)>,
    place: Option<&str>,
    anchors: &[&str],
) -> ReportDraft {
    let mut found = Anchors::default();
    for anchor in anchors {
        match anchor.parse::<u64>() {
            Ok(number) => {
                found.numbers.insert(number);
            }
            Err(_) => {
                found.names.insert((*anchor).to_owned());
            }
        }
    }
    ReportDraft {
        seed,
        part: 0,
        lang: LangCode::parse(lang).unwrap(),
        title: title.into(),
        published: None,
        event_date: date.map(|(year, month, day)| PartialDate { year, month, day }),
        place: place.map(str::to_owned),
        terms: BTreeMap::new(),
        summary: None,
        publisher: None,
        source_url: None,
        translation_key: None,
        markdown: String::new(),
        anchors: found,
        parts_in_seed: 1,
    }
}

/// `report` giving the names of `names` as the events it names, each in the words of one
/// language.
fn naming(mut report: ReportDraft, names: &[&str]) -> ReportDraft {
    report.anchors.event_names = names.iter().map(|&name| name.to_owned()).collect();
    report.anchors.interlingual_event_names = report.anchors.event_names.clone();
    report
}

fn groups(drafts: &[ReportDraft]) -> Vec<Vec<usize>> {
    let en = LangCode::parse("en").unwrap();
    group(drafts, &vec![None; drafts.len()], &en)
        .into_iter()
        .map(|e| e.members)
        .collect()
}

#[test]
fn an_event_begins_on_the_first_day_of_the_dates_most_reports_agree_on() {
    let day = |d: u32| NaiveDate::from_ymd_opt(2018, 11, d).unwrap();
    let dated = |seed: usize, first: u32, last: Option<u32>| {
        let mut report = draft(
            seed,
            "en",
            "Conference",
            Some((Some(2018), 11, first)),
            None,
            &[],
        );
        report.anchors.event_last = last.map(|last| PartialDate::from(day(last)));
        report
    };
    // The whole event (20–22), a report of its last day, and a byline's date.
    let drafts = [
        dated(0, 23, None),
        dated(1, 20, Some(22)),
        dated(2, 22, None),
    ];
    assert_eq!(event_start(&drafts, &[0, 1, 2]), Some(day(20)));
    // Two reports of the 26th outvote one of the 27th, whichever comes first.
    let drafts = [dated(0, 27, None), dated(1, 26, None), dated(2, 26, None)];
    assert_eq!(event_start(&drafts, &[0, 1, 2]), Some(day(26)));
    assert_eq!(event_start(&drafts[..0], &[]), None);
}

#[test]
fn reports_sharing_date_place_and_numbers_are_one_event_across_languages() {
    let drafts = [
        draft(
            0,
            "en",
            "Forum of energy clusters",
            Some((None, 5, 14)),
            Some("Warsaw"),
            &["40", "12", "eccp"],
        ),
        draft(
            1,
            "pl",
            "Forum klastrów energetycznych",
            Some((Some(2021), 5, 14)),
            Some("Warsaw"),
            &["40", "12", "eccp"],
        ),
        draft(
            2,
            "de",
            "Forum der Energiecluster",
            Some((Some(2021), 5, 14)),
            Some("Warsaw"),
            &["40", "eccp"],
        ),
        draft(
            3,
            "fr",
            "Autre événement",
            Some((Some(2021), 5, 14)),
            Some("Warsaw"),
            &[],
        ),
        draft(
            4,
            "en",
            "Different day",
            Some((Some(2021), 6, 2)),
            Some("Warsaw"),
            &["40", "12", "eccp"],
        ),
        draft(5, "en", "Undated report", None, None, &["sme"]),
    ];
    assert_eq!(groups(&drafts), [vec![0, 1, 2], vec![3], vec![4], vec![5]]);
}

#[test]
fn a_name_in_capitals_in_one_report_is_the_capitalised_word_in_another() {
    let dated = |seed: usize, lang: &str| {
        // One day and city: alone not enough for one event.
        draft(
            seed,
            lang,
            "Forum",
            Some((Some(2019), 9, 13)),
            Some("Paris"),
            &[],
        )
    };
    let (mut en, mut fr) = (dated(0, "en"), dated(1, "fr"));
    en.anchors.names.insert("filex".into());
    fr.anchors.proper.insert("filex".into());
    let (mut de, mut nl) = (dated(2, "de"), dated(3, "nl"));
    de.anchors.proper.insert("messe".into());
    nl.anchors.proper.insert("beurs".into());
    let drafts = [en, fr, de, nl];
    let explained = explain_pairs(&drafts);
    assert!(
        explained[0].2.contains("name both give: filex"),
        "{explained:?}"
    );
    assert_eq!(groups(&drafts), [vec![0, 1], vec![2], vec![3]]);
}

#[test]
fn the_words_of_one_long_name_two_reports_share_count_as_one_name() {
    let report = |seed: usize, side_by_side: bool| {
        let mut report = draft(seed, "en", "Forum", Some((Some(2019), 9, 13)), None, &[]);
        let words = ["entrepreneurship", "industry", "internal", "market"];
        report.anchors.proper = words.iter().map(|&word| word.to_owned()).collect();
        if side_by_side {
            // "Internal Market, Industry, Entrepreneurship": a directorate's name.
            report.anchors.proper_runs =
                [vec!["internal", "market", "industry", "entrepreneurship"]]
                    .iter()
                    .map(|run| run.iter().map(|&word| word.to_owned()).collect())
                    .collect();
        }
        report
    };
    let drafts = [report(0, true), report(1, true)];
    assert!(
        explain_pairs(&drafts)[0]
            .2
            .contains("name both give: internal market industry entrepreneurship"),
        "{:?}",
        explain_pairs(&drafts)
    );
    assert_eq!(groups(&drafts), [vec![0], vec![1]]);
    // The same four names apart in one report are four names both give.
    let drafts = [report(0, true), report(1, false)];
    assert_eq!(groups(&drafts), [vec![0, 1]]);
}

#[test]
fn an_event_of_two_cities_is_not_kept_apart_by_its_reports_places() {
    let report = |seed: usize, lang: &str, place: &str, mentioned: &str| {
        let mut report = draft(
            seed,
            lang,
            "Cross-border cluster conference",
            Some((Some(2018), 11, 20)),
            Some(place),
            &["40", "eccp"],
        );
        report.anchors.proper.insert(mentioned.to_owned());
        report
    };
    // Held in Oradea and Debrecen: one report gives each city, and names the other.
    let drafts = [
        report(0, "en", "Oradea", "debrecen"),
        report(1, "hu", "Debrecen", "oradea"),
    ];
    assert_eq!(groups(&drafts), [vec![0, 1]]);
    // A city of two names is named by either, accents or not.
    let drafts = [
        report(0, "en", "Donostia / San Sebastián", "bilbao"),
        report(1, "es", "Bilbao", "sebastian"),
    ];
    assert_eq!(groups(&drafts), [vec![0, 1]]);
    // Two cities neither names beside its own are two events.
    let drafts = [
        report(0, "en", "Oradea", "bihor"),
        report(1, "hu", "Debrecen", "hajdú"),
    ];
    assert_eq!(groups(&drafts), [vec![0], vec![1]]);
}

#[test]
fn reports_of_one_city_giving_the_same_days_of_a_long_event_are_one_event() {
    let report = |seed: usize, lang: &str, last: Option<u32>| ReportDraft {
        seed,
        lang: LangCode::parse(lang).unwrap(),
        place: Some("Antwerp".to_owned()),
        ..dated(2019, 10, 8, last)
    };
    let drafts = [report(0, "en", Some(10)), report(1, "nl", Some(10))];
    assert_eq!(groups(&drafts), [vec![0, 1]]);
    assert!(
        explain_pairs(&drafts)[0]
            .2
            .contains("same first and last day of several"),
        "{:?}",
        explain_pairs(&drafts)
    );
    // One day and city alone is not enough: two events may share them.
    let drafts = [report(0, "en", None), report(1, "nl", None)];
    assert_eq!(groups(&drafts), [vec![0], vec![1]]);
    // Nor is a day of a long event that another report gives alone.
    let drafts = [report(0, "en", Some(10)), report(1, "nl", None)];
    assert_eq!(groups(&drafts), [vec![0], vec![1]]);
}

#[test]
fn capitalised_nouns_two_german_reports_share_count_for_less_than_names() {
    let report = |seed: usize, lang: &str| {
        let mut report = draft(seed, lang, "Bericht", None, Some("Berlin"), &[]);
        report.anchors.proper = ["zukunft", "zusammenarbeit", "technik", "partner", "motto"]
            .map(str::to_owned)
            .into();
        report
    };
    // Two German reports of one city share such nouns whatever their events.
    assert_eq!(
        groups(&[report(0, "de"), report(1, "de")]),
        [vec![0], vec![1]]
    );
    // Capitalised inside a sentence of another language, the same words are names.
    assert_eq!(groups(&[report(0, "de"), report(1, "en")]), [vec![0, 1]]);
    assert_eq!(groups(&[report(0, "en"), report(1, "fr")]), [vec![0, 1]]);
}

#[test]
fn ids_carry_the_date_and_stay_stable() {
    let drafts = [draft(
        0,
        "en",
        "Forum of energy clusters",
        Some((Some(2021), 5, 14)),
        None,
        &[],
    )];
    let en = LangCode::parse("en").unwrap();
    let events = group(&drafts, &[None], &en);
    assert_eq!(events[0].id, "2021-05-14-forum-of-energy-clusters");
    assert_eq!(
        group(&drafts, &[Some("kept-id".to_owned())], &en)[0].id,
        "kept-id"
    );
}

/// A report of an event in Warsaw on 14 May, of `year` if it gives one, that shares two
/// numbers with every other such report.
fn in_warsaw(seed: usize, lang: &str, title: &str, year: Option<i32>) -> ReportDraft {
    draft(
        seed,
        lang,
        title,
        Some((year, 5, 14)),
        Some("Warsaw"),
        &["40", "12"],
    )
}

#[test]
fn editors_pins_join_and_split_events() {
    let drafts = [
        in_warsaw(0, "en", "A", Some(2021)),
        in_warsaw(1, "pl", "B", Some(2021)),
        draft(2, "de", "C", Some((Some(2022), 1, 1)), None, &[]),
    ];
    let en = LangCode::parse("en").unwrap();
    // B is pinned away from A (a split); C is pinned to A's event (a join).
    let pins = [
        Some("a-event".to_owned()),
        Some("b-event".to_owned()),
        Some("a-event".to_owned()),
    ];
    let events = group(&drafts, &pins, &en);
    let shape: Vec<(String, Vec<usize>)> = events.into_iter().map(|e| (e.id, e.members)).collect();
    assert_eq!(
        shape,
        [
            ("a-event".to_owned(), vec![0, 2]),
            ("b-event".to_owned(), vec![1])
        ]
    );
}

#[test]
fn a_group_lends_its_year_to_members_without_one() {
    let mut drafts = vec![
        in_warsaw(0, "en", "A", None),
        in_warsaw(1, "pl", "B", Some(2021)),
    ];
    let en = LangCode::parse("en").unwrap();
    let events = group(&drafts, &[None, None], &en);
    share_years(&mut drafts, &events);
    assert_eq!(
        drafts[0].event_date.and_then(PartialDate::full),
        NaiveDate::from_ymd_opt(2021, 5, 14)
    );
}

fn dated(year: i32, month: u32, first: u32, last: Option<u32>) -> ReportDraft {
    let mut report = draft(0, "en", "A", Some((Some(year), month, first)), None, &[]);
    report.anchors.event_last = last.map(|day| PartialDate {
        year: Some(year),
        month,
        day,
    });
    report
}

#[test]
fn dates_agree_within_a_range_are_close_within_days_and_conflict_beyond() {
    let three_days = dated(2023, 11, 21, Some(23));
    let one_day = dated(2023, 11, 21, Some(21));
    // Without a year on either side, the same days may be an annual event's.
    let mut yearless = three_days.clone();
    yearless.event_date = yearless.event_date.map(|d| PartialDate { year: None, ..d });
    // A report that names the other's day, however far its own date is.
    let mut summary = dated(2023, 12, 15, None);
    summary
        .anchors
        .days
        .insert(NaiveDate::from_ymd_opt(2023, 11, 21).unwrap());
    let undated = draft(1, "en", "B", None, None, &[]);
    let cases = [
        (&three_days, &dated(2023, 11, 22, None), Dates::Agree, false),
        (&dated(2023, 11, 22, None), &three_days, Dates::Agree, false),
        // The day after the last: a summary dated by its day of writing.
        (&three_days, &dated(2023, 11, 25, None), Dates::Close, false),
        // Both give the first and the last day of it.
        (&three_days, &three_days, Dates::Agree, true),
        (&one_day, &one_day, Dates::Agree, false),
        (&yearless, &yearless, Dates::Agree, false),
        (
            &three_days,
            &dated(2024, 11, 21, None),
            Dates::Conflict,
            false,
        ),
        (&three_days, &summary, Dates::Close, false),
        (&three_days, &undated, Dates::Unknown, false),
    ];
    for (index, (a, b, dates, same)) in cases.into_iter().enumerate() {
        assert_eq!(relate_dates(a, b), dates, "case {index}");
        assert_eq!(same_days(a, b), same, "case {index}");
    }
}

#[test]
fn a_date_without_its_year_is_read_in_the_other_reports_year() {
    // "26 and 27 March" beside "27 March 2019": the range covers the other's day.
    let mut yearless = draft(1, "en", "B", Some((None, 3, 26)), None, &[]);
    yearless.anchors.event_last = Some(PartialDate {
        year: None,
        month: 3,
        day: 27,
    });
    assert_eq!(
        relate_dates(&yearless, &dated(2019, 3, 27, None)),
        Dates::Agree
    );
    assert_eq!(
        relate_dates(&dated(2019, 3, 29, None), &yearless),
        Dates::Close
    );
    assert_eq!(
        relate_dates(&yearless, &dated(2019, 5, 27, None)),
        Dates::Conflict
    );
}

#[test]
fn undated_reports_in_one_language_that_share_rare_words_are_one_event() {
    let texts = [
        "The Baltic hydrogen valley workshop in Klaipeda gathered port operators, Klaipeda \
         University and the electrolyser makers Elogen and Sunfire around one roadmap.",
        "Port operators, Klaipeda University, Elogen and Sunfire agreed a hydrogen valley \
         roadmap at the Baltic workshop held at the Klaipeda seaport.",
        "A textile cluster in Porto presented recycled fibres to fashion brands and \
         discussed the roadmap for circular garments with designers.",
        "Furniture makers of the Friuli cluster met buyers from Scandinavia and showed \
         chairs made from beech grown in the region.",
    ];
    let drafts: Vec<ReportDraft> = texts
        .iter()
        .enumerate()
        .map(|(seed, text)| {
            // The first two name their place; it is not enough on its own.
            let place = (seed < 2).then_some("Klaipeda");
            let mut report = draft(seed, "en", "Report", None, place, &[]);
            report.markdown = (*text).to_owned();
            report
        })
        .collect();
    assert_eq!(groups(&drafts), [vec![0, 1], vec![2], vec![3]]);
    // The same texts in two languages are not compared word by word.
    let mut apart = drafts;
    apart[1].lang = LangCode::parse("de").unwrap();
    assert_eq!(groups(&apart), [vec![0], vec![1], vec![2], vec![3]]);
}
