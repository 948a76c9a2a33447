//! Unit tests of reading lines into blocks.

use super::*;

use crate::pipeline::ingest::analyse::normalise::{lines, normalise};

fn read(raw: &str) -> Vec<(BlockKind, String)> {
    read_in(raw, "en")
}

fn texts(found: &[(BlockKind, String)]) -> Vec<&str> {
    found.iter().map(|(_, text)| text.as_str()).collect()
}

#[test]
fn german_wraps_before_capitalised_nouns_are_joined_but_one_line_paragraphs_stay() {
    let lexicon = Lexicon::new();
    let dates = DateParser::new(&lexicon.months);
    let read_de = |raw: &str| -> Vec<String> {
        blocks(&lines(&normalise(raw)), Some("de"), &dates, &lexicon)
            .into_iter()
            .map(|block| block.text)
            .collect()
    };
    let wrapped = "Neues Netzwerk\n\
        Im Mai trafen sich in Leipzig die Managerinnen und Manager von zwölf\n\
        Wasserstoffclustern aus sechs Ländern, um gemeinsame Pilotprojekte für die\n\
        Industrie vorzubereiten.\n\n\
        Die Teilnehmenden vereinbarten, bis zum Herbst eine gemeinsame Roadmap für\n\
        Elektrolyseure zu erarbeiten.\n";
    let found = read_de(wrapped);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[1].starts_with("Im Mai") && found[1].ends_with("vorzubereiten."));
    // Paragraphs one per line, with list items ending in commas: nothing is wrapped.
    let unwrapped = "Startseite » Aktuelles\n\
        Treffen der Meeresclustern in Kiel\n\
        Am 3. Juni trafen sich in Kiel Vertreterinnen und Vertreter von vierzig Clustern, Häfen und Hochschulen aus acht Ländern der Ostseeregion.\n\
        Besprochen wurden:\n\
        • alternative Kraftstoffe,\n\
        • gemeinsame Projekte,\n\
        • Fachkräfte.\n";
    let found = read_de(unwrapped);
    assert_eq!(found[0], "Startseite » Aktuelles", "{found:?}");
    assert_eq!(found[1], "Treffen der Meeresclustern in Kiel", "{found:?}");
}

#[test]
fn a_heading_s_line_that_ends_with_an_article_goes_on_but_a_verb_s_particle_ends_it() {
    let lexicon = Lexicon::new();
    let dates = DateParser::new(&lexicon.months);
    let read_in = |lang: &str, raw: &str| -> Vec<String> {
        blocks(&lines(&normalise(raw)), Some(lang), &dates, &lexicon)
            .into_iter()
            .map(|block| block.text)
            .collect()
    };
    let body =
        "Am 24. November trafen sich in Bern rund zweihundert Gäste aus Wirtschaft und Politik.";
    let found = read_in(
        "de",
        &format!("Ein Schaufenster für den\nCluster Food in Bern\n\n{body}"),
    );
    assert_eq!(
        found[0], "Ein Schaufenster für den Cluster Food in Bern",
        "{found:?}"
    );
    let found = read_in(
        "fr",
        "Rencontre annuelle de la\nfilière bois à Épinal\n\nLe texte.",
    );
    assert_eq!(
        found[0], "Rencontre annuelle de la filière bois à Épinal",
        "{found:?}"
    );
    // "vor" ends a German title ("stellt … vor"): the next line is a heading of its own.
    let found = read_in(
        "de",
        &format!("Cluster stellt neue Strategie vor\nZiele für 2030\n\n{body}"),
    );
    assert_eq!(found[0], "Cluster stellt neue Strategie vor", "{found:?}");
}

#[test]
fn rejoins_hard_wrapped_paragraphs() {
    let raw = "A meeting with managers of clusters from seventeen countries took place in the city. It\n\
               gathered about half of all cluster organisations across Europe, and they represent\n\
               more than 6500 companies. About twenty representatives of the national associations\n\
               also joined the discussion and gave an update on the initiatives. Antonio Novo\n\
               Guerrero presented the alliance.\n\
               Carmen Schmidt flagged the added value.";
    let found = read(raw);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].1.contains("It gathered about half"));
    assert!(found[0].1.contains("Antonio Novo Guerrero presented"));
    assert!(found[1].1.starts_with("Carmen"));
}

#[test]
fn a_line_opening_with_a_web_address_starts_a_block_unless_the_previous_one_dangles() {
    let raw = "NEWS AND EVENTS\n\
               https://example.org/uploads/opening.jpg The opening of the cluster days\n\n\
               The programme and the list of speakers are published at\n\
               https://example.org/programme for all participants.";
    let found = read(raw);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[1]
            .1
            .starts_with("https://example.org/uploads/opening.jpg")
    );
    assert!(
        found[2]
            .1
            .ends_with("at https://example.org/programme for all participants.")
    );
}

#[test]
fn lines_that_each_end_a_sentence_stay_paragraphs() {
    let raw = "First European Forum sets an agenda for discussions with countries\n\
               National representatives talked about cluster policies.\n\
               Cluster policies are at very different stages.";
    let found = read(raw);
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn repairs_words_split_at_line_ends() {
    let raw = "The unit of the Directorate-\nGeneral presented the develop-\nment of the development plan. The DirectorateGeneral agreed.";
    let found = read(raw);
    assert_eq!(
        found[0].1,
        "The unit of the Directorate-General presented the development of the development plan. The Directorate-General agreed."
    );
}

#[test]
fn recovers_lists_from_glyphs_numbers_and_dashes() {
    let raw = "The participants mentioned:\n\u{f0a7} Cascade funding\n\u{f0a7} Knowledge transfer\n- Added value, but need for more recognition of the\ncluster labels\n-The impact of state aid\n1. Benefits for industrial policy\nthrough clusters\n2. Cluster definitions";
    let found = read(raw);
    let kinds: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
    let bullet = BlockKind::Bullet { nested: false };
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            bullet,
            bullet,
            bullet,
            bullet,
            BlockKind::Numbered(1),
            BlockKind::Numbered(2)
        ]
    );
    assert_eq!(
        found[3].1,
        "Added value, but need for more recognition of the cluster labels"
    );
    assert_eq!(found[4].1, "The impact of state aid");
    assert_eq!(
        found[5].1,
        "Benefits for industrial policy through clusters"
    );
}

#[test]
fn a_paragraph_of_its_own_opened_by_a_dash_is_a_quotation_not_a_list() {
    let raw = "Konferensen samlade 120 deltagare i Umeå.\n\n\
               – Det var en härlig samling människor. Jag tar med mig den fina känslan hem, säger Anna.\n\n\
               – Klaster łączy biznes, naukę i administrację – mówił prezes.\n\n\
               Le programme s'est fixé deux objectifs :\n\
               – Favoriser la mise en place de collaborations technologiques en Allemagne, au travers d'aides,\n\
               – Améliorer la visibilité des pôles de compétitivité en Europe et dans le monde.";
    let found = read(raw);
    let bullet = BlockKind::Bullet { nested: false };
    let kinds: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            bullet,
            bullet
        ]
    );
    // The dash stays: it opens the quotation.
    assert!(found[1].1.starts_with("– Det var"), "{}", found[1].1);
    assert!(found[2].1.starts_with("– Klaster"), "{}", found[2].1);
}

#[test]
fn items_opened_by_dashes_a_blank_line_apart_after_a_lead_in_stay_a_list() {
    let raw = "Objectives of the project:\n\n\
               – Improve the access of small firms to international markets through clusters.\n\n\
               – Develop joint strategies of the partner clusters in the Danube region.";
    let bullet = BlockKind::Bullet { nested: false };
    let kinds: Vec<BlockKind> = read(raw).iter().map(|(kind, _)| *kind).collect();
    assert_eq!(kinds, [BlockKind::Paragraph, bullet, bullet]);
}

#[test]
fn recovers_lists_whose_glyphs_were_lost() {
    let raw = "Other actors were mentioned\n\nLarge organisations\nTechnology centres\nIncubators\nRegional authorities\n\n\
               The following speeches were given:\n-\n\n-\n\nAnna Nowak presented the analysis.\nJan Kowalski shared his view.\n Afterwards, the participants set the agenda:";
    let found = read(raw);
    let bullets: Vec<&str> = found
        .iter()
        .filter(|(kind, _)| matches!(kind, BlockKind::Bullet { .. }))
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(
        bullets,
        [
            "Large organisations",
            "Technology centres",
            "Incubators",
            "Regional authorities",
            "Anna Nowak presented the analysis.",
            "Jan Kowalski shared his view."
        ]
    );
    assert_eq!(
        found
            .iter()
            .filter(|(kind, _)| *kind == BlockKind::EmptyMarker)
            .count(),
        2
    );
}

#[test]
fn indented_lines_after_a_lead_in_are_items_whose_glyph_was_lost() {
    let raw = "2. Amongst key terms, the following were outlined:\n Value chain collaboration\n Innovation uptake\n SME internationalisation.\nCapacity building was also flagged out by some.\n5. Actors that must be involved are\n Clusters\n Investors\nOther actors were mentioned";
    let found = read(raw);
    let nested = BlockKind::Bullet { nested: true };
    let kinds: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Numbered(2),
            nested,
            nested,
            nested,
            BlockKind::Paragraph,
            BlockKind::Numbered(5),
            nested,
            nested,
            BlockKind::Paragraph
        ],
        "{found:#?}"
    );
}

#[test]
fn a_date_line_inside_a_chunk_is_its_own_block() {
    let found = read("Meeting of Clusters\n04/12/2019\n\nText of the report.");
    assert_eq!(
        found[0],
        (BlockKind::Paragraph, "Meeting of Clusters".into())
    );
    assert_eq!(found[1], (BlockKind::DateLine, "04/12/2019".into()));
}

#[test]
fn a_byline_is_a_date_line_with_its_author_beside_it_or_after_it() {
    let found = read(
        "Forum of clusters\n\nPosted Tue 13/10/2009 - 07:00\nBy admin\n\n\
         Posted on Tuesday, 12 May 2023 by the editorial team\n\n\
         Pubblicato il 2 ottobre 2018 da Redazione\n\n\
         By the river\nThe boats came in the morning.",
    );
    let kinds: Vec<BlockKind> = found.iter().map(|(kind, _)| *kind).collect();
    assert_eq!(kinds[1..5], [BlockKind::DateLine; 4], "{found:#?}");
    // An author's words with no date beside them are text.
    assert_eq!(found[5].1, "By the river");
    assert_ne!(found[5].0, BlockKind::DateLine);
}

#[test]
fn a_double_spaced_text_is_read_as_if_its_lines_had_no_blank_lines_between() {
    let raw = "The first seminar of the project in the northern region was held on 17-18\n\n\
         October 2017. During the seminar the partners of the project, together with\n\n\
         the stakeholders and experts of the region, became acquainted with the clusters and\n\n\
         innovation networks in the region. The seminar was moderated by an expert and\n\n\
         research fellow of the university. Inspiring places of the campus such as\n\n\
         the energy barn were the playground for presentations.\n\n\
         Welcoming remarks\n\n\
         Anna Smith, CEO of the Alliance";
    let found = read(raw);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].1.ends_with("playground for presentations."),
        "{found:#?}"
    );
    assert_eq!(found[1].1, "Welcoming remarks");
    // One paragraph a line, a blank line between: each line is its paragraph.
    let raw = "The seminar was held in the northern region on 17 October 2017 with partners\n\n\
         and experts from across Europe who came to see the clusters of the region\n\n\
         Welcoming remarks were given by the chief executive of the alliance and others\n\n\
         Presentations of the energy valley and of the campus followed in the afternoon";
    assert_eq!(read(raw).len(), 4);
}

#[test]
fn finds_headings_and_joins_session_labels() {
    let raw = "Intro text of the report ends here.\n Session 1:\nThe way forward for the Excellence Initiative\nThe first session covered the way forward.";
    let found = read(raw);
    assert_eq!(
        found[1],
        (
            BlockKind::Heading,
            "Session 1: The way forward for the Excellence Initiative".into()
        )
    );
    assert_eq!(found[2].0, BlockKind::Paragraph);
}

fn read_in(raw: &str, lang: &str) -> Vec<(BlockKind, String)> {
    let lexicon = Lexicon::new();
    let dates = DateParser::new(&lexicon.months);
    blocks(&lines(&normalise(raw)), Some(lang), &dates, &lexicon)
        .into_iter()
        .map(|block| (block.kind, block.text))
        .collect()
}

#[test]
fn a_byline_that_names_a_person_is_one_without_its_date() {
    for (raw, lang) in [
        ("Por Ígor Lopes\n\nA InovCluster celebrou 15 anos.\n", "pt"),
        ("By Anna Smith\n\nThe cluster met in Graz.\n", "en"),
        ("By Per Andersson\n\nThe cluster met in Graz.\n", "en"),
        ("Von Anna Schmidt\n\nDas Cluster traf sich in Graz.\n", "de"),
    ] {
        assert_eq!(read_in(raw, lang)[0].0, BlockKind::DateLine, "{raw}");
    }
    // A headline that opens with the same word goes on with a verb, or names a place.
    for (raw, lang) in [
        ("By Clusters for Clusters\n\nText.\n", "en"),
        ("Von Bremen nach Berlin\n\nText.\n", "de"),
        ("Von Bremen Berlin\n\nText.\n", "de"),
    ] {
        assert_ne!(read_in(raw, lang)[0].0, BlockKind::DateLine, "{raw}");
    }
}

#[test]
fn date_badges_page_numbers_and_markers_are_their_own_blocks() {
    let found = read("08\ngrudnia\n2019\n\nSome text here.\n\n11\n\n-\n");
    assert_eq!(found[0].0, BlockKind::DateLine);
    assert_eq!(found[0].1, "08 grudnia 2019");
    assert_eq!(found[2].0, BlockKind::LoneNumber);
    assert_eq!(found[3].0, BlockKind::EmptyMarker);
    assert_eq!(texts(&found)[1], "Some text here.");
}
