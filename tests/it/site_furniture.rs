//! Site furniture that reads like text: lines a site repeats on every page, captions and
//! credits of missing photos, lists of the people a photo shows, and contact blocks, in
//! several languages, through `newsroom ingest --explain`.

use crate::common::*;

fn site_with(seeds: &[(&str, &str)]) -> tempfile::TempDir {
    seeded_site(&["en", "de", "pl", "it"], seeds)
}

/// The explanation's verdict for the first line of seed `seed` that shows `text`.
fn verdict_of(explanation: &str, seed: &str, text: &str) -> String {
    explanation
        .split("\n\n")
        .find(|section| section.starts_with(&format!("seeds/{seed}")))
        .and_then(|section| section.lines().find(|line| line.contains(text)))
        .unwrap_or_else(|| panic!("no line {text:?} of {seed} in:\n{explanation}"))
        .to_owned()
}

const POLISH: &str = "\
Portal Klastrów Pomorza – wiadomości z regionu
Forum klastrów morskich w Gdyni
Pomorski Serwis Gospodarczy

W dniach 14–15 czerwca 2023 roku w Gdyni spotkali się przedstawiciele dwudziestu klastrów
z sześciu krajów, aby omówić wspólne projekty dotyczące zielonej żeglugi i portów.

Uczestnicy uzgodnili, że do końca roku przygotują wspólny wniosek o dofinansowanie.

Anna Nowak
Koordynatorka projektu
Agencja Rozwoju Pomorza
ul. Arkońska 6, 80-387 Gdańsk
";

const ITALIAN: &str = "\
Portal Klastrów Pomorza – wiadomości z regionu
Incontro dei cluster della logistica a Trieste
Pomorski Serwis Gospodarczy

Il 3 ottobre 2023 a Trieste si sono riuniti i rappresentanti di quindici cluster della
logistica per discutere dei corridoi ferroviari e delle piattaforme digitali dei porti.

I partecipanti hanno deciso di proseguire il lavoro in un gruppo comune.

Anna Nowak
Koordynatorka projektu
Agencja Rozwoju Pomorza
ul. Arkońska 6, 80-387 Gdańsk
";

#[test]
fn lines_two_pages_of_one_site_share_are_dropped_but_copies_of_one_text_keep_theirs() {
    let release = "\
Cluster managers meet in Ghent

More than one hundred cluster managers met in Ghent on 12 March 2024 to compare how their
organisations support companies that move into the circular economy.

Key results

The participants agreed to share their training material and to meet again next spring.
";
    let site = site_with(&[
        ("a-pl.txt", POLISH),
        ("b-it.txt", ITALIAN),
        ("c-en.txt", release),
        ("d-en.txt", release),
    ]);
    let explanation = newsroom_ok(
        site.path(),
        &[
            "ingest",
            "--explain",
            "seeds/a-pl.txt",
            "seeds/b-it.txt",
            "seeds/c-en.txt",
            "seeds/d-en.txt",
        ],
    );
    for seed in ["a-pl.txt", "b-it.txt"] {
        // Only the other page says this line is the site's: no word of it is furniture's.
        let sidebar = verdict_of(&explanation, seed, "Pomorski Serwis");
        assert!(sidebar.contains("recurs in another seed"), "{sidebar}");
        for line in ["Anna Nowak", "Koordynatorka projektu", "Agencja Rozwoju"] {
            let verdict = verdict_of(&explanation, seed, line);
            assert!(verdict.contains("drop:"), "{verdict}");
        }
    }
    // The contact block is dropped for what it is, in either seed, and the site's tagline
    // is not taken for a title.
    let address = verdict_of(&explanation, "a-pl.txt", "ul. Arkońska");
    assert!(address.contains("drop:"), "{address}");
    assert!(
        explanation.contains("report [pl] \"Forum klastrów morskich w Gdyni\""),
        "{explanation}"
    );
    let shared_heading = verdict_of(&explanation, "d-en.txt", "Key results");
    assert!(shared_heading.contains("keep"), "{shared_heading}");
}

#[test]
fn captions_credits_and_names_of_missing_photos_are_dropped_in_several_languages() {
    let german = "\
Jahrestagung der Cluster in Berlin

Am 20. April 2023 kamen rund 200 Clustermanagerinnen und Clustermanager in Berlin zusammen,
um über die Zukunft der Clusterpolitik in Deutschland zu diskutieren.

Staatssekretärin Maria Beispiel bei der Eröffnung der Jahrestagung © Bundesministerium/Foto Muster

Von links: Anna Schmidt, Peter Müller und Klaus Weber.

Die Teilnehmenden verabredeten, die Ergebnisse im Herbst in einem Bericht vorzulegen.
";
    let polish = "\
Kongres Klastrów Polskich w Katowicach

Fot. Jan Kowalski.

Podczas kongresu w Katowicach eksperci rozmawiali o nowych narzędziach wsparcia klastrów
i o współpracy z regionami, a uczestnicy wymienili się doświadczeniami.

Na zdjęciu uczestnicy sesji plenarnej w sali głównej

Kongres zakończył się podpisaniem porozumienia o współpracy między klastrami.
";
    let english = "\
Cluster conference in Eindhoven

The annual conference gathered cluster practitioners from forty countries who discussed
smart specialisation, internationalisation and the future of cluster policy in Europe.

Jane Doe, Eindhoven University, TCI Board members, Mr. John Smith, TCI President

Foto: Municipality of Eindhoven

The next conference will take place in Toronto, where the network will meet again.
";
    let site = site_with(&[("de.txt", german), ("pl.txt", polish), ("en.txt", english)]);
    let explanation = newsroom_ok(
        site.path(),
        &[
            "ingest",
            "--explain",
            "seeds/de.txt",
            "seeds/pl.txt",
            "seeds/en.txt",
        ],
    );
    for (seed, line, reason) in [
        ("de.txt", "Staatssekretärin Maria", "caption"),
        ("de.txt", "Von links:", "caption"),
        ("pl.txt", "Fot. Jan Kowalski.", "caption"),
        ("pl.txt", "Na zdjęciu", "caption"),
        ("en.txt", "Jane Doe, Eindhoven", "names of the people"),
        ("en.txt", "Foto: Municipality", "caption"),
    ] {
        let verdict = verdict_of(&explanation, seed, line);
        assert!(verdict.contains(reason), "{verdict}");
    }
    for (seed, line) in [
        ("de.txt", "Die Teilnehmenden"),
        ("pl.txt", "Kongres zakończył się"),
        ("en.txt", "The next conference"),
    ] {
        let verdict = verdict_of(&explanation, seed, line);
        assert!(verdict.contains("keep"), "{verdict}");
    }
}
