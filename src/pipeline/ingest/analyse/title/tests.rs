//! Unit tests of title choice.

use super::candidate::looks_like_title;
use super::*;

use crate::pipeline::ingest::analyse::boilerplate::{Origin, classify};
use crate::pipeline::ingest::analyse::normalise::{lines, normalise};
use crate::pipeline::ingest::analyse::structure::blocks;

fn title_of(raw: &str) -> Option<String> {
    let lexicon = Lexicon::new();
    let dates = DateParser::new(&lexicon.months);
    let found = blocks(&lines(&normalise(raw)), None, &dates, &lexicon);
    let verdicts = classify(&found, &lexicon, Origin::Copied);
    find(&found, &verdicts, None, &lexicon, &dates).map(|title| title.text)
}

#[test]
fn the_title_is_the_head_line_the_body_repeats() {
    let raw = "Cluster Portal Rückblick (CPR)\n\nWorkshop on Hydrogen Valleys\n\nOrganised by the agency on 3 May in Lyon\n\n\
               A workshop on hydrogen valleys gathered thirty cluster managers from nine countries in Lyon to compare their regional strategies.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("Workshop on Hydrogen Valleys")
    );
}

#[test]
fn a_headline_the_page_writes_twice_is_the_title_whatever_the_body_repeats() {
    // A quotation as headline shares no word with the body; the byline under it does.
    let raw = "Kun maailmalla tapahtuu, on meidän oltava mukana\n\n\
               Kun maailmalla tapahtuu, on meidän oltava mukana\n\n\
               Martina Buss, Viexpo\n\n\
               Viexpon koordinoima verkosto on alusta suomalaiselle klusteritoiminnalle ja \
               pohjoismainen verkosto suomalaisille klustereille, kertoo Martina Buss.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("Kun maailmalla tapahtuu, on meidän oltava mukana")
    );
    // The browser's title (the headline and the site's name), then the headline alone.
    let raw = "Cluster nazionale Made in Italy: Alberto Bassi eletto presidente - MEDIA KEY\n\n\
               Aziende e carriere\n\n\
               Cluster nazionale Made in Italy: Alberto Bassi eletto presidente\n\n\
               L'assemblea del cluster ha eletto il nuovo presidente, che guiderà il cluster \
               nazionale per i prossimi tre anni insieme al consiglio direttivo.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("Cluster nazionale Made in Italy: Alberto Bassi eletto presidente")
    );
    // A site's name twice (its logo's text and its name) is no headline.
    let raw = "European Cluster Collaboration Platform\n\nEuropean Cluster Collaboration Platform\n\n\
               Workshop on Hydrogen Valleys\n\n\
               A workshop on hydrogen valleys gathered thirty cluster managers from nine \
               countries in Lyon to compare their regional strategies.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("Workshop on Hydrogen Valleys")
    );
}

#[test]
fn a_headline_may_end_with_a_full_stop_but_counts_less_than_one_without() {
    let body = "The event gathers clusters of the Charleroi region and Wallonia around \
                the economic revival of the Charleroi metropole and its industry.";
    let raw = format!(
        "Clusters meet regions 2024: Charleroi Metropole's economic revival.\n\n\
         November 27, 2024 - November 28, 2024\n\n{body}"
    );
    assert_eq!(
        title_of(&raw).as_deref(),
        Some("Clusters meet regions 2024: Charleroi Metropole's economic revival.")
    );
    let raw = format!(
        "Charleroi metropole: economic revival.\n\nCharleroi metropole and its economic revival\n\n{body}"
    );
    assert_eq!(
        title_of(&raw).as_deref(),
        Some("Charleroi metropole and its economic revival")
    );
}

#[test]
fn an_item_of_a_numbered_list_is_no_title() {
    let raw = "During the meeting in Bucharest six good practices were presented.\n\n\
               1. INMA: Innovation audits\n\
               2. ADR NE: Monitoring of the regional strategy\n\n\
               The innovation audits of INMA and the monitoring of the regional strategy \
               were discussed by the partners of the project after the presentations.";
    assert_ne!(title_of(raw).as_deref(), Some("1. INMA: Innovation audits"));
    assert_ne!(title_of(raw).as_deref(), Some("INMA: Innovation audits"));
}

#[test]
fn an_item_with_a_paragraph_under_it_is_still_an_item() {
    let raw = "Während des Treffens in Graz stellten die Partner ihre Arbeit vor.\n\n\
               1. Innovationsaudits im Netzwerk\n\n\
               Die Audits zeigten, wo die Firmen des Netzwerks Hilfe brauchen.\n\n\
               2. Monitoring der regionalen Strategie\n\n\
               Das Monitoring der regionalen Strategie und die Innovationsaudits wurden von \
               den Partnern des Projekts nach den Vorträgen besprochen.";
    let title = title_of(raw).unwrap_or_default();
    for item in [
        "Innovationsaudits im Netzwerk",
        "Monitoring der regionalen Strategie",
    ] {
        assert!(!title.contains(item), "{title}");
    }
}

#[test]
fn a_numbered_heading_alone_is_a_title() {
    let raw = "9. Kongres Klastrów Polskich\n\n\
               Podczas 9. Kongresu Klastrów Polskich w Warszawie klastry z całej Polski \
               rozmawiały o współpracy z nauką.\n\n\
               10 klastrów otrzymało nagrody.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("9. Kongres Klastrów Polskich")
    );
}

#[test]
fn a_sentence_above_the_headline_is_a_teaser_not_the_title() {
    let cases = [
        (
            "More than 300 guests have already registered for this year's forum.",
            "Baltic Forum of Clusters 2023",
            "This year's Baltic forum of clusters, on green exports, takes place on 12 May \
             in Riga. More than 300 guests have registered so far, and the clusters present \
             their analysis of exports at the forum.",
        ),
        (
            "Über 200 Gäste haben sich schon für das diesjährige Clusterforum angemeldet.",
            "Clusterforum Oberösterreich 2021",
            "Das diesjährige Clusterforum Oberösterreich findet am 4. Mai in Linz statt. \
             Über 200 Gäste haben sich angemeldet; die Cluster stellen ihre Analyse des \
             Exports beim Forum vor.",
        ),
    ];
    for (teaser, headline, body) in cases {
        let raw = format!("{teaser}\n\n{teaser}\n\n{headline}\n\n{body}");
        assert_eq!(title_of(&raw).as_deref(), Some(headline), "{teaser}");
    }
}

#[test]
fn a_sidebar_of_list_items_does_not_push_the_headline_out_of_the_head() {
    let sidebar: String = [
        "Publicité",
        "Archives",
        "Visiteurs",
        "Catégories",
        "Liens",
        "Abonnés",
        "Profil",
        "Albums",
        "Pages",
        "Agenda",
    ]
    .iter()
    .map(|item| format!("• {item}\n"))
    .collect();
    let raw = format!(
        "Mon blog\n\n{sidebar}\nLes pôles de compétitivité misent sur l'international\n\n\
         À Sophia Antipolis, les pôles de compétitivité ont présenté leur stratégie internationale devant trois cents participants venus de toute l'Europe."
    );
    assert_eq!(
        title_of(&raw).as_deref(),
        Some("Les pôles de compétitivité misent sur l'international")
    );
}

#[test]
fn datelines_and_date_badges_are_not_titles() {
    let raw = "08\ngrudnia\n2019\n\nKraków 4.12.2019 | Forum Klastrów Energetycznych\n\n\
               W dniu 4 grudnia w Krakowie odbyło się forum klastrów energetycznych, w którym wzięło udział stu przedstawicieli firm i uczelni.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("Forum Klastrów Energetycznych")
    );
    // Beside its date and place, a headline names something.
    let lexicon = Lexicon::new();
    let dates = DateParser::new(&lexicon.months);
    let title = |line: &str| looks_like_title(line, Some("pl"), &lexicon, &dates);
    assert!(!title("8 listopada 2023 roku w Gdańsku"));
    assert!(!title("Brussels, 4 December 2019"));
    assert!(!title("Wtorek, 4 grudnia 2019"));
    assert!(!title(
        "26.03.2015 14:09 Uhr in Energie & Umwelt von Bundesministerium"
    ));
    assert!(title(
        "Konferencja klastrów energetycznych 8 listopada 2023"
    ));
    assert!(title("Cluster Day in Vienna"));
    // A profile's role at its employer, an e-mail address.
    assert!(!title("Prezes @ Klaster Energii Pomorze"));
    assert!(!title("Kontakt: biuro@klaster-energii.pl"));
    assert!(title("Polskie Klastry @ Hannover Messe 2024"));
    let german = |line: &str| looks_like_title(line, Some("de"), &lexicon, &dates);
    assert!(german("Go-Cluster am 26. März 2015 in Berlin"));
}

#[test]
fn a_teaser_that_repeats_the_headline_is_not_the_title() {
    let raw = "Zypries: Cluster grenzüberschreitend denken\n\n\
               Kurzfassung: Zypries: Cluster grenzüberschreitend denkenDie Staatssekretärin hat heute die Frühjahrstagung der Cluster eröffnet ...\n\n\
               Die Staatssekretärin hat heute die deutsch-französische Frühjahrstagung der Cluster im Ministerium eröffnet. \
               Cluster sollen grenzüberschreitend denken, sagte Zypries vor zweihundert Gästen.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("Zypries: Cluster grenzüberschreitend denken")
    );
}

#[test]
fn a_kicker_in_capitals_above_the_headline_is_not_the_title() {
    let cases = [
        (
            "CLUSTER FOOD & NUTRITION\n\nUne vitrine à Berne pour le Cluster food & nutrition\n\n\
             Le Cluster food & nutrition a présenté ses projets à Berne devant les experts \
             de la politique, de la recherche et de l'industrie alimentaire.",
            "Une vitrine à Berne pour le Cluster food & nutrition",
        ),
        (
            "KLASTRY\n\nKlastry z Pomorza na targach w Gdańsku\n\n\
             Klastry z Pomorza pokazały swoje projekty na targach w Gdańsku, gdzie \
             spotkali się przedsiębiorcy, naukowcy i samorządowcy z regionu.",
            "Klastry z Pomorza na targach w Gdańsku",
        ),
    ];
    for (raw, title) in cases {
        assert_eq!(title_of(raw).as_deref(), Some(title), "{raw}");
    }
    // A headline in capitals with no other candidate is still the title.
    let raw = "KONGRES KLASTRÓW POLSKICH W GDAŃSKU\n\n\
               Kongres Klastrów Polskich zgromadził w Gdańsku przedstawicieli klastrów, \
               samorządów i nauki z całego kraju.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("KONGRES KLASTRÓW POLSKICH W GDAŃSKU")
    );
}

#[test]
fn a_long_headline_is_a_title_and_outweighs_a_caption_the_body_repeats() {
    let raw = "Clusters Driving Regional Innovation: A Comprehensive Look at the Clusters Meet Regions Event in Iasi\n\n\
               Clusters meet Regions Iasi\n\n\
               The Clusters Meet Regions event in Iasi brought regional innovation agencies and clusters together. \
               Driving innovation in the regions was the theme of a comprehensive programme over two days.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some(
            "Clusters Driving Regional Innovation: A Comprehensive Look at the Clusters Meet Regions Event in Iasi"
        )
    );
}

#[test]
fn inflected_words_count_as_repeated_and_a_title_may_end_with_a_year() {
    // Croatian: "klastera"/"klasteri", "Zagrebu"/"Zagrebačkom"; "2018." closes a date.
    let raw = "Susret međunarodnih klastera u Zagrebu, 22-23 studenog 2018.\n\n\
               Više od devedeset klastera okupilo se u Zagrebačkom tehnološkom parku. \
               Međunarodni susret klasteri su iskoristili za razmjenu iskustava.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("Susret međunarodnih klastera u Zagrebu, 22-23 studenog 2018.")
    );
}

#[test]
fn an_ordinal_the_body_repeats_stays_in_the_title_and_an_earlier_title_beats_a_dated_deck() {
    let raw = "8. Kongres Klastrów Polskich\n\nKongres organizowany w Katowicach 7 listopada 2022\n\n\
               Zapraszamy na 8. edycję: Kongres Klastrów Polskich odbędzie się w Katowicach, \
               a klastry z całej Polski spotkają się na kongresie.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("8. Kongres Klastrów Polskich")
    );
    // A section number of a printed report is not the title's.
    let raw = "3. Baltic Sea Maritime Clusters Summit\n\n\
               The summit of maritime clusters of the Baltic Sea took place in Gdańsk and \
               brought together clusters from eight countries.";
    assert_eq!(
        title_of(raw).as_deref(),
        Some("Baltic Sea Maritime Clusters Summit")
    );
}

#[test]
fn hard_wrapped_lines_and_addresses_are_not_titles() {
    let raw = "https://example.org/uploads/cluster-day.jpg Cluster Day in Graz\n\n\
               regional clusters met in Graz for the Cluster Day\n\n\
               The Cluster Day in Graz gathered regional clusters. It ended with a visit.";
    assert_eq!(title_of(raw), None);
}

#[test]
fn a_body_without_a_title_line_gets_its_repeated_phrase() {
    let lexicon = Lexicon::new();
    let texts = [
        "On 5 May the agency will organise a regional innovation workshop in Porto.",
        "The regional innovation workshop is open to cluster managers. Each regional innovation workshop ends with a visit.",
    ];
    assert_eq!(
        derive(&texts, Some("en"), &lexicon),
        "Regional innovation workshop"
    );
    // A date repeated names nothing.
    let dated = [
        "On 22 noiembrie 2023 the Regional innovation workshop opened in Iași.",
        "The brokerage event (22 noiembrie 2023) followed the Regional innovation workshop.",
    ];
    assert_eq!(
        derive(&dated, Some("en"), &lexicon),
        "Regional innovation workshop"
    );
    assert_eq!(
        derive(&["Short text about clusters."], Some("en"), &lexicon),
        "Short text about clusters"
    );
}
