//! How reports' days, months and years weigh with their place.

use super::*;

#[test]
fn undated_reports_of_one_city_and_year_need_less_else_in_common() {
    let report = |seed: usize, lang: &str, year: Option<i32>| {
        let mut report = draft(
            seed,
            lang,
            "Cluster conference",
            None,
            Some("Košice"),
            &["siea"],
        );
        report.anchors.year = year;
        report
    };
    let drafts = [report(0, "en", Some(2023)), report(1, "sk", Some(2023))];
    assert_eq!(groups(&drafts), [vec![0, 1]]);
    // The place alone, without the year, is not enough.
    let drafts = [report(0, "en", None), report(1, "sk", None)];
    assert_eq!(groups(&drafts), [vec![0], vec![1]]);
}

#[test]
fn a_report_that_names_the_month_of_another_reports_date_shares_more_than_its_year() {
    let report = |seed: usize, lang: &str, date: Option<(Option<i32>, u32, u32)>, month: u32| {
        let mut report = draft(seed, lang, "Cluster conference", date, None, &["tci"]);
        report.anchors.proper = ["flanders".to_owned(), "antwerp".to_owned()].into();
        report.anchors.year = Some(2019);
        report.anchors.month = Some((2019, month));
        report
    };
    // "8 October 2019" beside "in October 2019".
    let drafts = [
        report(0, "en", Some((Some(2019), 10, 8)), 10),
        report(1, "nl", None, 10),
    ];
    assert_eq!(groups(&drafts), [vec![0, 1]]);
    // "in June 2019" shares the year only.
    let drafts = [
        report(0, "en", Some((Some(2019), 10, 8)), 10),
        report(1, "nl", None, 6),
    ];
    assert_eq!(groups(&drafts), [vec![0], vec![1]]);
}

#[test]
fn reports_of_one_city_dated_days_apart_need_what_one_city_and_year_need() {
    let report = |seed: usize, lang: &str, day: u32, place: &str| {
        let mut report = draft(
            seed,
            lang,
            "Cluster meeting",
            Some((Some(2018), 7, day)),
            Some(place),
            &["bluenet"],
        );
        report.anchors.proper = ["blacksea".to_owned()].into();
        report
    };
    // One report dates the opening day, the other the second.
    let drafts = [report(0, "en", 5, "Varna"), report(1, "bg", 6, "Varna")];
    assert_eq!(relate_dates(&drafts[0], &drafts[1]), Dates::Close);
    assert_eq!(groups(&drafts), [vec![0, 1]]);
    // As many days apart in two cities, they are two events.
    let drafts = [report(0, "en", 5, "Varna"), report(1, "bg", 6, "Burgas")];
    assert_eq!(groups(&drafts), [vec![0], vec![1]]);
}
