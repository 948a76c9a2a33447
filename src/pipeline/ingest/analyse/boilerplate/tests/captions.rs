//! Captions, credits and the people a missing photo shows.

use super::*;

#[test]
fn the_names_a_photo_shows_are_dropped_but_not_a_headline_of_names_opening_the_text() {
    let headline = "Enhancing Cross-Sectorial Cooperation - An Invitation for the Clusters \
                    meet Regions, 13 - 15 September 2023, in Burgas, Bulgaria";
    let names = "Geunwoo Ryu, Keimyung University (KR), Ms. Patricia Valdenebro, TCI CEO, \
                 Mr. Jan Novak, Cluster Manager";
    let found = verdicts(&format!("{headline}\n\n{BODY}\n\n{names}\n\n{BODY}"));
    assert_eq!(reason_of(&found, "Enhancing"), Verdict::Body);
    assert_dropped(&found, &["Geunwoo"], Reason::NamesList);
}

#[test]
fn names_joined_by_and_with_their_roles_are_a_photos_people_in_several_languages() {
    let lists = [
        "Anna Berger (WKO), Thomas Huber (Geschäftsführer ACstyria) und Maria Wolf \
         (stellvertretende Direktorin)",
        "Jón Sigurðsson framkvæmdastjóri Orkuklasans og Guðrún Helgadóttir \
         verkefnastjóri.Fréttablaðið/Anton",
        "Katarzyna Nowak (prezes zarządu) i Piotr Zieliński (dyrektor Klastra Energii)",
    ];
    // One speaker, their role and their organisation, whose name holds an "and"; a
    // sentence about two people.
    let kept = [
        "Laura Becker, Senior Adviser and Project Lead, Nordic Institute and Aalborg University",
        "Ewa Kowalska, Dyrektor Departamentu, Ministerstwo Rozwoju i Technologii",
        "Anna Berger und Thomas Huber eröffneten die Konferenz im großen Saal der Messe",
        "Digital Transformation and Green Transition Drive Regional Cluster Growth",
        "Panel discussion 2: Regional Strategies and Policy Development",
        // Someone visiting something: the verb is in lower case, as a role would be.
        "Wiceminister Anna Nowak odwiedziła Klaster Energii i Politechnikę Gdańską",
        "Landesrätin Maria Wolf besucht Green Tech Cluster und Joanneum Research",
        "Statsrådet Anna Berg invigde Nordic Cluster Forum i Malmö",
    ];
    let raw = lists
        .iter()
        .chain(&kept)
        .map(|line| format!("{BODY}\n\n{line}"))
        .collect::<Vec<_>>()
        .join("\n\n");
    let found = verdicts(&format!("{raw}\n\n{BODY}"));
    assert_dropped(
        &found,
        &["Anna Berger (", "Jón", "Katarzyna"],
        Reason::NamesList,
    );
    for line in [
        "Laura",
        "Ewa",
        "Anna Berger und",
        "Digital",
        "Panel",
        "Wiceminister",
        "Landesrätin",
        "Statsrådet",
    ] {
        assert_eq!(reason_of(&found, line), Verdict::Body, "{line}");
    }
}

#[test]
fn a_logo_s_alternative_text_is_a_caption_but_a_sentence_about_a_logo_is_not() {
    let logos = [
        "Logo der Clusterwoche Deutschland",
        "Logo of the European Cluster Conference",
        "Logotyp Kongresu Klastrów Polskich",
        "Logotipo del Encuentro Interclúster",
    ];
    dropped_but_not_a_sentence_about_them(
        &logos,
        Reason::Caption,
        "Logos of all 30 member clusters were shown on the stage during the opening.",
    );
}

#[test]
fn a_pictures_description_is_a_caption_in_several_languages() {
    let captions = [
        "Das Bild zeigt sechs Personen auf einer Bühne bei der Clusterkonferenz in Berlin",
        "The picture shows the cluster managers at the opening of the forum.",
        "Zdjęcie przedstawia uczestników kongresu w Gdańsku",
        "Bilden visar deltagarna på klusterkonferensen i Umeå.",
        // The credit after the photographer's name, as Lithuanian writes it.
        "Klasterių forumo dalyviai, Gražvydo Morkaus nuotr.",
    ];
    let found = verdicts_between_body(&captions);
    assert_dropped(
        &found,
        &["Das Bild", "The picture", "Zdjęcie", "Bilden", "Klasterių"],
        Reason::Caption,
    );
    // Said of a situation, the words are a statement; a credit's word inside a sentence
    // is no credit.
    let kept = [
        "Das Bild zeigt sich in allen Branchen ähnlich: die Cluster wachsen weiter.",
        "Bilden visar att klustren växer i hela regionen.",
        "SMEs in the cluster can now claim the Research Tax Credit.",
    ];
    let found = verdicts_between_body(&kept);
    for line in kept {
        assert_eq!(reason_of(&found, &line[..10]), Verdict::Body, "{line}");
    }
}

#[test]
fn a_short_block_whose_last_sentence_is_a_photo_credit_is_a_caption() {
    let captions = [
        "Participants of the meeting in Dublin. Photo: John Smith",
        "Les participants de la réunion à Lyon. Crédit photo : Jean Dupont",
        "I partecipanti all'incontro di Torino. Foto di Mario Rossi",
        "Uczestnicy spotkania w Poznaniu. Fot. Jan Kowalski",
        "Balearic Ministry of Economy. Credit: caib.es",
        "Die Teilnehmer in Stuttgart. Bildnachweis: Cluster BW",
        "Los participantes en Sevilla. Crédito: Junta de Andalucía",
        "El conseller, en un encuentro con los presidentes de los clústeres. | Europa Press - EUROPA PRESS",
        "Die Teilnehmer des Clustertreffens in Linz. | APA/Fotokerschi",
    ];
    let found = verdicts_between_body(&captions);
    for caption in captions {
        let start = &caption[..12];
        assert_eq!(
            reason_of(&found, start),
            Verdict::Dropped(Reason::Caption),
            "{caption}"
        );
    }
    // A sentence about a photo exhibition, ending as sentences do, is the report's.
    let raw =
        format!("{BODY}\n\nThe fair closed on Sunday. Photo exhibitions opened in May.\n\n{BODY}");
    assert_eq!(reason_of(&verdicts(&raw), "The fair closed"), Verdict::Body);
    // A headline with its site's name after the bar.
    let raw = format!("{BODY}\n\nCluster managers meet in Linz | Cluster Portal\n\n{BODY}");
    assert_ne!(
        reason_of(&verdicts(&raw), "Cluster managers"),
        Verdict::Dropped(Reason::Caption)
    );
    // A name's abbreviation or a field's date ends with a dot too.
    for line in [
        "Neues Mitglied: Cluster Mobilität Nordbayern e.V. | Bayern Innovativ",
        "El clúster marítimo firma un acuerdo con Navantia S.A. | Clúster Marítimo",
        "Termin: 14 czerwca 2023 r. | Miejsce: Kielce",
    ] {
        let raw = format!("{BODY}\n\n{line}\n\n{BODY}");
        assert_ne!(
            reason_of(&verdicts(&raw), &line[..12]),
            Verdict::Dropped(Reason::Caption),
            "{line}"
        );
    }
}

#[test]
fn lines_printed_with_a_photo_credit_are_its_caption_but_a_heading_after_a_blank_is_not() {
    let raw = format!(
        "{BODY}\n\nMenschen auf einer Veranstaltung\nBunte Formate der Clusterwoche\n\
         © Agentur für Innovation\nClusterwoche\n\nWork-out im Netzwerk\n\n{BODY}\n\n\
         Uczestnicy kongresu w Gdańsku\nFot. Jan Kowalski\n\n{BODY}\n\n\
         Photo: the participants\nThe opening session was held in the main hall.\n\n{BODY}"
    );
    let found = verdicts(&raw);
    let caption = Verdict::Dropped(Reason::Caption);
    for line in [
        "Menschen auf",
        "Bunte Formate",
        "© Agentur",
        "Clusterwoche",
        "Uczestnicy",
        "Fot. Jan",
        "Photo: the",
    ] {
        assert_eq!(reason_of(&found, line), caption, "{line}: {found:?}");
    }
    // A heading after a blank line, and a sentence under a credit, are the report's.
    assert_eq!(reason_of(&found, "Work-out"), Verdict::Body, "{found:?}");
    assert_eq!(reason_of(&found, "The opening session"), Verdict::Body);
}
