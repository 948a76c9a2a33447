use super::*;

fn mention(year: Option<i32>, month: u32, day: u32, this_year: bool) -> Mention {
    Mention {
        date: PartialDate { year, month, day },
        this_year,
        last: None,
        start: 0,
        end: 0,
    }
}

#[test]
fn the_one_year_a_report_writes_dates_its_dates_and_two_years_do_not() {
    let one = SeedFacts {
        years: BTreeSet::from([2022]),
        block_years: vec![(0, 2022)],
        ..SeedFacts::default()
    };
    assert_eq!(
        resolve_year(0, &mention(None, 10, 12, false), &one).year,
        Some(2022)
    );
    let two = SeedFacts {
        years: BTreeSet::from([2021, 2022]),
        block_years: vec![(0, 2021), (0, 2022)],
        ..SeedFacts::default()
    };
    assert_eq!(
        resolve_year(0, &mention(None, 10, 12, false), &two).year,
        None
    );
    assert_eq!(
        written_years("Clusters 2022 – date 2019-03, 12 000 SMEs"),
        [2022, 2019]
    );
}

#[test]
fn the_one_year_of_the_title_dates_a_report_that_writes_other_years() {
    let text = "Den maritime klyngekonferansen 2022\n\n\
                Årets klyngekonferanse arrangeres torsdag 22. september på NMK i Ålesund.\n\n\
                Konferansen har vært årlig siden oppstarten av klyngen i 2006.\n\n\
                Frem til 2014 hadde vi navnet NCE Maritime, og eksporten skal øke frem mot 2030.";
    assert_eq!(event_date_of(text, "nb").as_deref(), Some("2022-09-22"));
}

/// The event date of `text` (blocks apart by blank lines) in `lang`, the first line its title.
fn event_date_of(text: &str, lang: &str) -> Option<String> {
    use crate::pipeline::ingest::analyse::boilerplate::{Origin, classify};
    let lexicon = Lexicon::new();
    let dates = DateParser::new(&lexicon.months);
    let blocks = crate::pipeline::ingest::analyse::structure::blocks(
        &crate::pipeline::ingest::analyse::normalise::lines(text),
        Some(lang),
        &dates,
        &lexicon,
    );
    let mut verdicts = classify(&blocks, &lexicon, Origin::Copied);
    verdicts[0] = Verdict::Title;
    let languages = vec![None; blocks.len()];
    let facts = seed_facts(&blocks, &verdicts, &languages, &lexicon, &dates);
    let (block, first) = &facts.mentions[0];
    resolve_year(*block, first, &facts)
        .full()
        .map(|date| date.to_string())
}

#[test]
fn a_year_written_only_after_the_date_and_away_from_it_does_not_date_it() {
    // "In 2013, about 600 people attended": the text's history, written after the date.
    let history = "Participants from 40 nations at the geothermal conference\n\n\
                   Up to 1000 participants are expected at the conference in Harpa on 26 to 29 April.\n\n\
                   This is the third time the cluster holds the conference. In 2013, about 600 people attended.";
    assert_eq!(event_date_of(history, "en"), None);
    // A year written before the date, or beside the same date again later, dates it.
    let before = "Participants at the geothermal conference\n\n\
                  The 2016 edition is the third one.\n\n\
                  Up to 1000 participants are expected in Harpa on 26 to 29 April.";
    assert_eq!(event_date_of(before, "en").as_deref(), Some("2016-04-26"));
    let again = "Årets europæiske klyngekonference\n\n\
                 Den 18. til 20. april mødes klyngefacilitatorer i Wien.\n\n\
                 Når konferencen The European Cluster Conference 2012 den 18.-20. april i Wien sætter fokus på samarbejde, bliver der fire konferencer i én.";
    assert_eq!(event_date_of(again, "da").as_deref(), Some("2012-04-18"));
}

#[test]
fn today_in_a_reports_language_dates_its_event_by_its_publication() {
    let lexicon = Lexicon::new();
    let dates = DateParser::new(&lexicon.months);
    let blocks_of = |text: &str, lang: &str| {
        crate::pipeline::ingest::analyse::structure::blocks(
            &crate::pipeline::ingest::analyse::normalise::lines(text),
            Some(lang),
            &dates,
            &lexicon,
        )
    };
    let blocks = blocks_of(
        "Il congresso si è aperto oggi a Valencia con 300 partecipanti.",
        "it",
    );
    let part: Vec<&Block> = blocks.iter().collect();
    let published = NaiveDate::from_ymd_opt(2025, 11, 25).unwrap();
    assert_eq!(
        said_to_be_today(&part, published, "it").and_then(PartialDate::full),
        Some(published)
    );
    // "oggi" is no word of English: nothing is inferred.
    assert_eq!(said_to_be_today(&part, published, "en"), None);
    // Nor is it from a possessive, which speaks of any day.
    let blocks = blocks_of(
        "The conference discussed the role clusters play in today's economy.",
        "en",
    );
    let part: Vec<&Block> = blocks.iter().collect();
    assert_eq!(said_to_be_today(&part, published, "en"), None);
    // A Czech "s" (with) after "dnes" is no possessive.
    let blocks = blocks_of("Dnes s radostí zahajujeme konferenci klastrů v Brně.", "cs");
    let part: Vec<&Block> = blocks.iter().collect();
    assert_eq!(
        said_to_be_today(&part, published, "cs").and_then(PartialDate::full),
        Some(published)
    );
}

#[test]
fn a_missing_year_comes_only_from_evidence() {
    let no_evidence = SeedFacts::default();
    assert_eq!(
        resolve_year(0, &mention(None, 12, 4, false), &no_evidence).year,
        None
    );

    let written = SeedFacts {
        mentions: vec![(0, mention(Some(2014), 10, 20, false))],
        ..SeedFacts::default()
    };
    assert_eq!(
        resolve_year(0, &mention(None, 10, 20, false), &written).year,
        Some(2014)
    );
    assert_eq!(
        resolve_year(0, &mention(None, 3, 1, false), &written).year,
        None
    );

    let published = SeedFacts {
        published: NaiveDate::from_ymd_opt(2020, 1, 10),
        ..SeedFacts::default()
    };
    assert_eq!(
        resolve_year(0, &mention(None, 12, 20, false), &published).year,
        Some(2019)
    );
    assert_eq!(
        resolve_year(0, &mention(None, 12, 20, true), &published).year,
        Some(2020)
    );
}

#[test]
fn reads_the_source_label() {
    let lexicon = Lexicon::new();
    let text = "Quelle: European Cluster Platform (ECP) Redaktion: Länder / Organisationen: EU";
    assert_eq!(
        source_label_value(text, &lexicon).as_deref(),
        Some("European Cluster Platform (ECP)")
    );
    assert_eq!(
        source_label_value("Źródło: Ministerstwo Rozwoju", &lexicon).as_deref(),
        Some("Ministerstwo Rozwoju")
    );
    assert_eq!(source_label_value("Tags: energy", &lexicon), None);
}

#[test]
fn capitalised_words_side_by_side_make_a_run_that_a_sentence_end_breaks() {
    let lexicon = Lexicon::new();
    let found = anchors(
        &["The agency met the Ministry of Economy in Riga. The Baltic partners came too."],
        &[],
        &lexicon,
    );
    // Function words between them aside ("of", "in").
    let run = ["ministry", "economy", "riga"].map(str::to_owned).to_vec();
    assert!(found.proper_runs.contains(&run), "{:?}", found.proper_runs);
    assert!(
        found
            .proper_runs
            .iter()
            .all(|run| !run.contains(&"baltic".to_owned())),
        "{:?}",
        found.proper_runs
    );
}

#[test]
fn the_events_month_is_its_dates_or_the_one_month_its_text_names_with_the_year() {
    let lexicon = Lexicon::new();
    let month = |date: Option<PartialDate>, texts: &[&str]| {
        event_month(date, Some(2019), texts, "en", &lexicon)
    };
    let october_8 = PartialDate {
        year: Some(2019),
        month: 10,
        day: 8,
    };
    assert_eq!(month(Some(october_8), &[]), Some((2019, 10)));
    // A day and month whose year came from elsewhere.
    let yearless = PartialDate {
        year: None,
        ..october_8
    };
    assert_eq!(month(Some(yearless), &[]), Some((2019, 10)));
    assert_eq!(
        month(None, &["The conference came to Antwerp in October 2019."]),
        Some((2019, 10))
    );
    // Two months named, or a month of another year, tell nothing.
    assert_eq!(
        month(
            None,
            &["Registration opened in June 2019 for the October 2019 forum."]
        ),
        None
    );
    assert_eq!(month(None, &["Planned since March 2018."]), None);
}
