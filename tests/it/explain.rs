//! `newsroom ingest --explain FILE`: every line of a report with its language and verdict,
//! then the reports found, without writing anything.

use crate::common::*;

const REPORT: &str = "\
Startseite > Aktuelles > Veranstaltungen
Clustertreffen der Wasserstoffregionen in Leipzig
Am 12. Mai 2023 trafen sich in Leipzig die Managerinnen und Manager von zwölf
Wasserstoffclustern aus sechs Ländern, um gemeinsame Pilotprojekte für die
Industrie vorzubereiten und ihre Förderanträge abzustimmen.

Die Teilnehmenden vereinbarten, bis zum Herbst eine gemeinsame Roadmap für
Elektrolyseure in Industrieparks zu erarbeiten.

7

Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie der Verwendung von Cookies zu.
Alle akzeptieren
";

/// The explanation's line for `number`, split into its columns.
fn line_of(explanation: &str, number: usize) -> String {
    explanation
        .lines()
        .find(|line| line.split_whitespace().next() == Some(number.to_string().as_str()))
        .unwrap_or_else(|| panic!("no line {number} in:\n{explanation}"))
        .to_owned()
}

#[test]
fn explain_prints_every_line_with_its_language_verdict_and_reason() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("site.yaml"),
        "base_url: https://example.org/\ntitle: Test\nlanguages: [{code: de}]\n",
    )
    .unwrap();
    std::fs::create_dir(site.path().join("seeds")).unwrap();
    std::fs::write(site.path().join("seeds/leipzig.txt"), REPORT).unwrap();

    let explanation = newsroom_ok(site.path(), &["ingest", "--explain", "seeds/leipzig.txt"]);

    assert!(
        explanation.starts_with("seeds/leipzig.txt\n"),
        "{explanation}"
    );
    assert!(
        line_of(&explanation, 1).contains("drop: breadcrumb"),
        "{explanation}"
    );
    assert!(line_of(&explanation, 2).contains("title"), "{explanation}");
    // A hard-wrapped paragraph: each of its lines is shown, each kept, in German.
    for number in 3..=5 {
        let line = line_of(&explanation, number);
        assert!(
            line.contains(" de ") && line.contains("keep: paragraph"),
            "{line}"
        );
    }
    assert!(
        line_of(&explanation, 10).contains("drop: "),
        "page number: {explanation}"
    );
    assert!(
        line_of(&explanation, 12).contains("drop: cookie"),
        "{explanation}"
    );
    assert!(
        line_of(&explanation, 13).contains("drop: "),
        "{explanation}"
    );
    assert!(
        explanation.contains(
            "report [de] \"Clustertreffen der Wasserstoffregionen in Leipzig\"; event date 2023-05-12; place Leipzig"
        ),
        "{explanation}"
    );
    assert!(
        !site.path().join("content").exists(),
        "explaining writes nothing"
    );
}

/// The grouping part of `--explain` for two fixture seeds.
fn grouping_of(first: &str, second: &str) -> String {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("site.yaml"),
        "base_url: https://example.org/\ntitle: Test\nlanguages: [{code: en}]\n",
    )
    .unwrap();
    copy_tree(
        &repo().join("tests/fixtures/ingest/seeds"),
        &site.path().join("seeds"),
    );
    let out = newsroom_ok(
        site.path(),
        &[
            "ingest",
            "--explain",
            &format!("seeds/{first}"),
            &format!("seeds/{second}"),
        ],
    );
    let start = out
        .find("grouping: one event or not, and why")
        .unwrap_or_else(|| panic!("no grouping part in:\n{out}"));
    out[start..].to_owned()
}

#[test]
fn explain_of_two_seeds_says_why_their_reports_are_one_event_with_the_weights() {
    let same = grouping_of("a1-hydrogen-valleys-en.txt", "a2-hydrogen-valleys-fr.txt");
    assert!(
        same.contains("[en] + seeds/a2-hydrogen-valleys-fr.txt [fr]: grouped: evidence"),
        "{same}"
    );
    assert!(same.contains("event dates agree"), "{same}");
    assert!(same.contains("+1.00  same place: Lyon"), "{same}");
    let apart = grouping_of("a1-hydrogen-valleys-en.txt", "d1-textil-brno-cs.txt");
    assert!(apart.contains(": kept apart"), "{apart}");
    assert!(!apart.contains(": grouped"), "{apart}");
}

/// Three undated reports of a forum series, in three languages: the edition each names
/// decides which are one event.
const FORUM_REPORTS: [(&str, &str); 3] = [
    (
        "forum-en.txt",
        "Clusters of the Baltic Sea region met at the 4th Baltic Cluster Forum in Riga\n\n\
         Managers of forty clusters from eight countries discussed joint projects on hydrogen \
         and batteries in Riga, and agreed to meet again next year in another member state.\n",
    ),
    (
        "forum-de.txt",
        "Rückblick auf das 4. Baltic Cluster Forum in Riga\n\n\
         Vierzig Clustermanagerinnen und Clustermanager aus acht Ländern sprachen in Riga über \
         gemeinsame Projekte zu Wasserstoff und Batterien und verabredeten ein neues Treffen.\n",
    ),
    (
        "forum-pl.txt",
        "5. Baltic Cluster Forum w Rydze: zaproszenie\n\n\
         Zapraszamy menedżerów klastrów z regionu Morza Bałtyckiego do Rygi na 5. Baltic \
         Cluster Forum, kolejne spotkanie poświęcone współpracy przemysłu i nauki w dziedzinie wodoru.\n",
    ),
];

#[test]
fn explain_groups_reports_naming_one_edition_of_an_event_and_parts_other_editions() {
    let site = seeded_site(&["en", "de", "pl"], &FORUM_REPORTS);
    let out = newsroom_ok(
        site.path(),
        &[
            "ingest",
            "--explain",
            "seeds/forum-en.txt",
            "seeds/forum-de.txt",
            "seeds/forum-pl.txt",
        ],
    );
    let verdict = |first: &str, second: &str| {
        out.lines()
            .skip_while(|line| !(line.contains(first) && line.contains(second)))
            .take_while(|line| line.starts_with("    ") || line.contains(first))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let same = verdict("forum-de.txt", "forum-en.txt");
    assert!(same.contains(": grouped: evidence"), "{out}");
    assert!(
        same.contains("+3.00  same edition of an event both name: balti clust forum"),
        "{out}"
    );
    for other in ["forum-de.txt", "forum-en.txt"] {
        let apart = verdict(other, "forum-pl.txt");
        assert!(apart.contains(": kept apart"), "{out}");
        assert!(
            apart.contains("-3.00  other editions of an event series: balti clust forum"),
            "{out}"
        );
    }
}

#[test]
fn explain_dates_a_press_release_by_its_dateline_not_its_event() {
    let site = seeded_site(&["en"], &[]);
    for (name, head) in [
        ("released.txt", "Released March 3rd, 2021\n\n"),
        ("dateline.txt", ""),
    ] {
        let text = format!(
            "Baltic cluster managers to meet in Riga next autumn\n\n{head}\
             March 3, 2021 – The managers of forty clusters from the Baltic Sea region will \
             meet in Riga in the autumn to plan joint projects on hydrogen, batteries and \
             the circular economy, the organisers announced.\n"
        );
        std::fs::write(site.path().join("seeds").join(name), text).unwrap();
        let out = newsroom_ok(
            site.path(),
            &["ingest", "--explain", &format!("seeds/{name}")],
        );
        assert!(
            out.contains("event date unknown; place Riga; published 2021-03-03"),
            "{out}"
        );
    }
}

#[test]
fn explain_places_a_report_where_its_title_says_not_where_a_date_it_gives_was() {
    let report = "Cluster managers of Europe meet in Lyon\n\n\
        More than three hundred cluster managers met last week in Lyon to discuss joint \
        projects on hydrogen and batteries with the regions that fund them.\n\n\
        The network also presented the agreement its members signed at the forum in \
        Porto on 12 May 2024 with the clusters of the Atlantic regions.\n";
    let site = seeded_site(&["en"], &[("lyon.txt", report)]);
    let out = newsroom_ok(site.path(), &["ingest", "--explain", "seeds/lyon.txt"]);
    assert!(out.contains("event date unknown; place Lyon;"), "{out}");
}

#[test]
fn a_field_giving_the_events_days_dates_the_event_but_a_caption_or_a_posting_date_does_not() {
    let pages = [
        (
            "matchmaking.txt",
            "en",
            "Transatlantic cluster matchmaking at the trade fair\n\n\
             date:  14/03/2022 - 15/03/2022\n\n\
             Clusters from both sides of the Atlantic met at the trade fair to set up \
             industrial, trade and investment cooperation in hydrogen and batteries.\n",
            "event date 2022-03-14 to 2022-03-15",
        ),
        (
            "termin.txt",
            "de",
            "Clustertreffen der Batteriehersteller\n\n\
             Termin: 14.–15. Juni 2022\n\n\
             Die Managerinnen und Manager von zwölf Batterieclustern bereiteten gemeinsame \
             Pilotprojekte für die Industrie vor und stimmten ihre Förderanträge ab.\n",
            "event date 2022-06-14 to 2022-06-15",
        ),
        (
            "photo.txt",
            "en",
            "Cluster managers plan joint battery projects\n\n\
             The managers of twelve battery clusters prepared joint pilot projects for the \
             industry and agreed on their funding applications.\n\n\
             Photo: the forum's participants in the great hall of the fair, 14-15 June 2022\n\n\
             They will meet again in the autumn to compare the first results of the pilots.\n",
            "event date unknown",
        ),
        (
            "posted.txt",
            "en",
            "Cluster managers plan joint battery projects\n\n\
             Posted: 3 May 2022\n\n\
             The managers of twelve battery clusters prepared joint pilot projects for the \
             industry and agreed on their funding applications.\n",
            "event date unknown",
        ),
    ];
    let site = seeded_site(&["en", "de"], &pages.map(|(name, _, text, _)| (name, text)));
    for (name, lang, _, said) in pages {
        let out = newsroom_ok(
            site.path(),
            &["ingest", "--explain", &format!("seeds/{name}")],
        );
        assert!(out.contains(&format!("report [{lang}]")), "{out}");
        assert!(out.contains(said), "{name}: {out}");
    }
}

#[test]
fn explain_dates_a_report_by_its_event_not_by_the_stamp_of_its_page() {
    // The day a page was made or changed, above the report and below it, is no event's.
    let reports = [
        (
            "de",
            "Clustertreffen in Leipzig",
            "Erstellt am 12.05.2019",
            "Vierzig Clustermanager trafen sich am 3. Mai 2019 in Leipzig, um ihre \
             Wasserstoffstrategien zu vergleichen und gemeinsame Testfelder zu planen.",
            "Zuletzt geändert am 14.05.2019",
        ),
        (
            "fr",
            "Rencontre des pôles à Lyon",
            "Mis à jour le 12 mai 2019",
            "Quarante responsables de pôles de compétitivité se sont réunis à Lyon le 3 mai \
             2019 pour comparer leurs stratégies hydrogène.",
            "Dernière mise à jour : 14 mai 2019",
        ),
        (
            "en",
            "Cluster managers meet in Lyon",
            "First published on 12 May 2019 01:38 pm",
            "Forty cluster managers met in Lyon on 3 May 2019 to compare their hydrogen \
             strategies and to plan shared test sites.",
            "Last modified: 14 May 2019",
        ),
    ];
    let site = seeded_site(&["de", "fr", "en"], &[]);
    for (lang, title, stamp, body, changed) in reports {
        let name = format!("{lang}.txt");
        let text = format!("{title}\n\n{stamp}\n\n{body}\n\n{changed}\n");
        std::fs::write(site.path().join("seeds").join(&name), text).unwrap();
        let out = newsroom_ok(
            site.path(),
            &["ingest", "--explain", &format!("seeds/{name}")],
        );
        assert!(
            out.contains("event date 2019-05-03;") && out.contains("published 2019-05-12"),
            "{out}"
        );
        assert!(line_of(&out, 7).contains("drop"), "{out}");
    }
}
