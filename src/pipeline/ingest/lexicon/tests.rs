use super::*;

fn lexicon() -> Lexicon {
    Lexicon::new()
}

#[test]
fn a_word_for_published_before_a_date_makes_it_a_publication_s() {
    let lexicon = lexicon();
    for before in [
        "the Communication on powerful clusters, published on",
        "Der Bericht, veröffentlicht am",
        "Le rapport, publié le",
        "Raport opublikowano",
        "Posted",
    ] {
        assert!(lexicon.says_published(before), "{before}");
    }
    for before in [
        "The conference will take place on",
        "Date:",
        "held in Lyon on",
        "",
    ] {
        assert!(!lexicon.says_published(before), "{before}");
    }
}

#[test]
fn vocabularies_cover_all_24_languages() {
    let stop: HashMap<String, std::collections::HashSet<String>> =
        parse_data(include_str!("stopwords.yaml"));
    let furniture: HashMap<String, FurnitureFile> = parse_data(include_str!("boilerplate.yaml"));
    for lang in KNOWN_LANGUAGES.iter().filter(|l| l.official_eu) {
        assert!(stop.contains_key(lang.code), "stopwords for {}", lang.code);
        assert!(
            furniture.contains_key(lang.code),
            "furniture for {}",
            lang.code
        );
    }
}

#[test]
fn finds_phrases_and_prefixes_longest_first() {
    let lexicon = lexicon();
    let tokens = match_tokens(
        "Zurück zur Übersicht. Unsere Website nutzt Statistik-Cookies",
        true,
    );
    let kinds: Vec<Furniture> = lexicon
        .furniture
        .find_all(&tokens)
        .iter()
        .map(|f| *f.value)
        .collect();
    assert_eq!(kinds[0], Furniture::Navigation);
    assert_eq!(lexicon.furniture.find_all(&tokens)[0].len, 3);
    assert!(kinds.contains(&Furniture::Consent));
}

#[test]
fn places_match_exonyms_and_inflections() {
    let lexicon = lexicon();
    for text in [
        "in Brussels",
        "w Brukseli",
        "in Brüssel",
        "à Bruxelles",
        "v Bruselu",
        "Bruksela 4.12.2019",
    ] {
        let found = lexicon.places.find_all(&match_tokens(text, false));
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].value, "Brussels", "{text}");
    }
    assert!(
        lexicon
            .places
            .find_all(&match_tokens("brussels sprouts", false))
            .is_empty()
    );
    let place = |text: &str| {
        let found = lexicon.find_places(&match_tokens(text, false), None);
        found.first().map(|hit| hit.value.clone())
    };
    assert_eq!(
        place("Budapesten tartották").as_deref(),
        Some("Budapest"),
        "a Hungarian locative"
    );
    assert_eq!(
        place("Romania and Parisian cafés"),
        None,
        "a longer word is not an inflection"
    );
    // "Dunaj" is Vienna in Slovene and the Danube in Czech, Slovak and Polish.
    for danube in ["Dunajského regionu", "Dunajská strategie", "nad Dunajem"] {
        assert_eq!(place(danube), None, "{danube}");
    }
}

#[test]
fn case_endings_are_tried_only_in_languages_that_inflect_names() {
    let lexicon = lexicon();
    let place = |text: &str, lang: &str| {
        let found = lexicon.find_places(&match_tokens(text, false), Some(lang));
        found.first().map(|hit| hit.value.clone())
    };
    assert_eq!(
        place("Budapesten tartották", "hu").as_deref(),
        Some("Budapest")
    );
    assert_eq!(
        place("Konferencja w Gdańsku", "pl").as_deref(),
        Some("Gdańsk")
    );
    assert_eq!(
        place("konference v Jihlavě", "cs").as_deref(),
        Some("Jihlava")
    );
    // "Bata" and "Visi" are other names of Bath and Vichy.
    assert_eq!(place("la Batalla de las ideas", "es"), None);
    assert_eq!(place("Vision and strategy", "en"), None);
    assert_eq!(place("Die Vision der Region", "de"), None);
}

#[test]
fn sectors_normalise_across_languages() {
    let lexicon = lexicon();
    let text = "energetyczny, zdrowotny, motoryzacyjny i rolno-spożywczy";
    let mut tags: Vec<&String> = lexicon
        .sectors
        .find_all(&match_tokens(text, true))
        .iter()
        .map(|f| f.value)
        .collect();
    tags.sort();
    assert_eq!(tags, ["agrifood", "automotive", "energy", "health"]);
}

#[test]
fn knows_function_words() {
    let lexicon = lexicon();
    assert!(lexicon.is_stopword("the"));
    assert!(lexicon.is_stopword_in("pl", "oraz"));
    assert!(!lexicon.is_stopword_in("en", "oraz"));
}

#[test]
fn event_names_read_alike_in_english_whatever_language_writes_them() {
    let lexicon = lexicon();
    for (written, english) in [
        (
            "Evropská klastrová konference",
            "European cluster conference",
        ),
        (
            "Europejskiej Konferencji Klastrowej",
            "European Conference Cluster",
        ),
        (
            "Euroopa klastrite konverents",
            "European cluster conference",
        ),
        (
            "Europäische Clusterkonferenz",
            "European Cluster Conference",
        ),
        // Compounds are read word by word, when nothing but an ending is left.
        ("8. klaszterkonferencia", "8. cluster conference"),
        ("Cluster-Konferenz", "Cluster Conference"),
        (
            "Konferenzzentrum Clusterpolitik",
            "Konferenzzentrum Clusterpolitik",
        ),
        // Words the list does not hold stay as written.
        ("Clusters meet Regions", "Cluster meet Regions"),
        ("Kongres Klastrów Polskich", "Congress Cluster Polskich"),
        (
            "Národná klastrová konferencia",
            "Národná cluster conference",
        ),
    ] {
        assert_eq!(lexicon.interlingual_name(written), english, "{written}");
    }
}

#[test]
fn event_name_words_are_lower_case_beginnings_in_known_languages_english_among_them() {
    let words: HashMap<String, HashMap<String, Vec<String>>> =
        parse_data(include_str!("name_words.yaml"));
    for (english, languages) in &words {
        assert!(
            languages.contains_key("en"),
            "{english} has no English form"
        );
        for (code, beginnings) in languages {
            assert!(
                KNOWN_LANGUAGES.iter().any(|lang| lang.code == code),
                "{english}: unknown language {code}"
            );
            for beginning in beginnings {
                assert!(
                    beginning.chars().count() >= 4 && beginning.to_lowercase() == *beginning,
                    "{english}, {code}: {beginning:?}"
                );
            }
        }
    }
}
