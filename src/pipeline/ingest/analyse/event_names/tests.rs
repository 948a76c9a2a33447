use super::*;

fn names(text: &str) -> Vec<String> {
    names_in(text, "en")
}

fn names_in(text: &str, lang: &str) -> Vec<String> {
    find(&[text], lang, &Lexicon::new())
}

#[test]
fn an_event_name_is_the_name_around_its_event_word() {
    let cases = [
        (
            "en",
            "Over 400 experts met at the 21st TCI Global Conference in Toronto.",
            "21st TCI Global Conference",
        ),
        (
            "pl",
            "Wicemarszałek otworzył 9. Kongres Klastrów Polskich w Gdańsku.",
            "9. Kongres Klastrów Polskich",
        ),
        (
            "de",
            "Die 6. Jahrestagung des Programms „go-cluster“ fand statt.",
            "6. Jahrestagung des Programms go-cluster",
        ),
        (
            "cs",
            "Evropská klastrová konference 2022 se koná v Praze.",
            "Evropská klastrová konference 2022",
        ),
        (
            "en",
            "Hemp Cluster took part in the “Clusters meet Regions” workshop of the platform.",
            "Clusters meet Regions workshop",
        ),
        (
            "sk",
            "Cieľom podujatia „Clusters meet Regions“, ktoré sa koná v Košiciach, je",
            "Clusters meet Regions",
        ),
        (
            "en",
            "Experts met at the Baltic Cluster Forum on 5 May in Riga.",
            "Baltic Cluster Forum",
        ),
        (
            "es",
            "El ParcBit acoge el congreso europeo ‘Clusters Meet Regions’ en Palma",
            "Clusters Meet Regions",
        ),
        (
            "it",
            "Il convegno nazionale “Cluster Tecnologici Nazionali” si è aperto",
            "Cluster Tecnologici Nazionali",
        ),
        (
            "fr",
            "Plus de 250 acteurs se sont réunis pour l’Assemblée Générale du Cluster Montagne.",
            "Assemblée Générale du Cluster Montagne",
        ),
        (
            "it",
            "Si è svolta a Bologna l'Assemblea Generale del Cluster Agrifood.",
            "Assemblea Generale del Cluster Agrifood",
        ),
        (
            "fr",
            "Le “Cluster Montagne” a tenu l’Assemblée Générale du Cluster à Chambéry.",
            "Assemblée Générale du Cluster",
        ),
        (
            "de",
            "Zur Mitgliederversammlung des Clusters Ernährung kamen 80 Mitglieder.",
            "Mitgliederversammlung des Clusters Ernährung",
        ),
        // Languages of Europe beyond the EU's own that ingest detects.
        (
            "nb",
            "Over 250 deltakere var med på Klyngekonferansen 2022 i Ålesund.",
            "Klyngekonferansen 2022",
        ),
        (
            "ca",
            "El Congrés Català de Clústers se celebra a Barcelona.",
            "Congrés Català de Clústers",
        ),
        (
            "sr",
            "Održana je Konferencija Klastera Srbije u Beogradu.",
            "Konferencija Klastera Srbije",
        ),
    ];
    for (lang, text, name) in cases {
        assert_eq!(
            names_in(text, lang).first().map(String::as_str),
            Some(name),
            "{text}"
        );
    }
}

#[test]
fn an_event_word_alone_names_nothing() {
    assert!(names("the conference was a success, and the forum too.").is_empty());
    assert!(names("Conference").is_empty());
    assert!(names("La Conférence européenne des clusters, à Bucarest").is_empty());
    assert!(names("They met at the Unirea Conference Centre in Iași.").is_empty());
    assert!(names_in("Zapraszamy do Centrum Kongresowego w Katowicach.", "pl").is_empty());
    // In German a lower-case event word is a verb.
    let german = "Clustermanager aus zwölf Ländern treffen sich in Leipzig.";
    assert!(names_in(german, "de").is_empty());
    assert_eq!(
        names_in("Das Leipziger Clustertreffen 2018 fand statt.", "de"),
        ["Leipziger Clustertreffen 2018"]
    );
}

#[test]
fn a_day_of_clusters_is_an_event_but_a_weekday_is_not() {
    let cases = [
        (
            "en",
            "On 16 October the eleventh Cluster Day took place in Brno.",
            "Cluster Day",
        ),
        (
            "fr",
            "La Journée Nationale des Clusters aura lieu à Lyon.",
            "Journée Nationale des Clusters",
        ),
        (
            "pl",
            "Wczoraj odbył się Dzień Klastrów Pomorskich w Gdyni.",
            "Dzień Klastrów Pomorskich",
        ),
        (
            "fi",
            "Klusteripäivä 2019 järjestettiin Tampereella ensimmäistä kertaa.",
            "Klusteripäivä 2019",
        ),
    ];
    for (lang, text, name) in cases {
        assert_eq!(
            names_in(text, lang).first().map(String::as_str),
            Some(name),
            "{text}"
        );
    }
    assert!(names("The partners met again Last Thursday 5 May in Riga.").is_empty());
    assert!(names_in("Teisipäeval, Esmaspäev 5 mail, kohtusid partnerid.", "et").is_empty());
}

#[test]
fn the_event_another_is_held_within_comes_after_it() {
    let cases = [
        (
            "en",
            "Within the context of the 7th edition of the European Cluster Conference \
             2020, the platform organises the Intra-European Cluster Matchmaking Event.",
            [
                "Intra-European Cluster Matchmaking Event",
                "European Cluster Conference 2020",
            ],
        ),
        (
            "de",
            "Im Rahmen der Hannover Messe fand das Europäische Cluster Matchmaking statt.",
            ["Europäische Cluster Matchmaking", "Hannover Messe"],
        ),
        (
            "pl",
            "W ramach Europejskiego Kongresu Gospodarczego odbyło się Forum Klastrów Śląskich.",
            [
                "Forum Klastrów Śląskich",
                "Europejskiego Kongresu Gospodarczego",
            ],
        ),
    ];
    for (lang, text, expected) in cases {
        assert_eq!(names_in(text, lang), expected, "{text}");
    }
    // Alone, the host is still the event the report names.
    assert_eq!(
        names("Clusters met in the framework of the Baltic Cluster Forum in Riga."),
        ["Baltic Cluster Forum"]
    );
}

#[test]
fn only_the_text_s_language_and_english_make_event_words() {
    // The Estonian "mess" (a fair) opens "Messages" too.
    assert!(names("Key Messages from the partners of the project").is_empty());
    assert_eq!(
        names_in("The Key Messages of the Vaasa Meeting were adopted.", "en"),
        ["Vaasa Meeting"]
    );
    // Conference names stay in English inside other languages.
    assert_eq!(
        names_in(
            "Klastry z Polski wzięły udział w European Cluster Conference, która odbyła się w Pradze.",
            "pl"
        ),
        ["European Cluster Conference"]
    );
}

#[test]
fn where_qualifiers_precede_the_noun_a_name_ends_at_its_event_word() {
    assert_eq!(
        names_in(
            "Tegnap a Budapesti Klaszter Konferencián a Minta Klaszter is bemutatkozott.",
            "hu"
        ),
        ["Budapesti Klaszter Konferencián"]
    );
    assert_eq!(
        names_in(
            "Põhja klastrite konverentsil Viljandis Mõisa klastri esindajad kõnelesid.",
            "et"
        ),
        ["Põhja klastrite konverentsil"]
    );
    assert_eq!(
        names_in(
            "Rīgā notiek Latvijas Klasteru konference 2024 Rīgas Biržā.",
            "lv"
        ),
        ["Latvijas Klasteru konference 2024"]
    );
    // An English name keeps its words after the event word.
    assert_eq!(
        names_in(
            "Rīgā notiek Baltic Conference on Cluster Policy ar dalībniekiem.",
            "lv"
        ),
        ["Baltic Conference on Cluster Policy"]
    );
}
