use super::*;
use crate::pipeline::ingest::analyse::dates::DateParser;
use crate::pipeline::ingest::analyse::normalise::{lines, normalise};
use crate::pipeline::ingest::analyse::structure::blocks;

mod captions;

fn verdicts(raw: &str) -> Vec<(String, Verdict)> {
    let lexicon = Lexicon::new();
    let dates = DateParser::new(&lexicon.months);
    let found = blocks(&lines(&normalise(raw)), None, &dates, &lexicon);
    let verdicts = classify(&found, &lexicon, Origin::Copied);
    found.into_iter().map(|b| b.text).zip(verdicts).collect()
}

pub(super) const BODY: &str = "The meeting gathered about half of all cluster organisations across Europe and discussed the future of the labelling scheme in detail.";

fn reason_of(found: &[(String, Verdict)], start: &str) -> Verdict {
    found
        .iter()
        .find(|(text, _)| text.starts_with(start))
        .map(|(_, v)| *v)
        .unwrap()
}

/// The verdicts of `lines`, each a block of its own between paragraphs of a report.
fn verdicts_between_body(lines: &[&str]) -> Vec<(String, Verdict)> {
    verdicts(&format!(
        "{BODY}\n\n{}\n\n{BODY}",
        lines.join(&format!("\n\n{BODY}\n\n"))
    ))
}

/// Asserts that the blocks opening with each of `starts` were dropped for `reason`.
fn assert_dropped(found: &[(String, Verdict)], starts: &[&str], reason: Reason) {
    for start in starts {
        assert_eq!(reason_of(found, start), Verdict::Dropped(reason), "{start}");
    }
}

/// Asserts that each of `lines`, a block between paragraphs of a report, is dropped for
/// `reason`, and that `sentence`, prose about the same thing, stays in the report.
fn dropped_but_not_a_sentence_about_them(lines: &[&str], reason: Reason, sentence: &str) {
    assert_dropped(&verdicts_between_body(lines), lines, reason);
    let raw = format!("{BODY}\n\n{sentence}\n\n{BODY}");
    assert_eq!(reason_of(&verdicts(&raw), sentence), Verdict::Body);
}

#[test]
fn consent_banners_in_several_languages_are_dropped() {
    let raw = format!(
        "{BODY}\n\nCe site utilise des cookies pour mesurer l'audience. Vous pouvez retirer votre consentement dans les paramètres.\n\n\
         Nasza strona korzysta z plików cookies.\n\nWir verwenden Cookies, um unsere Website zu verbessern. Ihre Einwilligung können Sie widerrufen."
    );
    let found = verdicts(&raw);
    assert_eq!(reason_of(&found, "The meeting"), Verdict::Body);
    assert_eq!(
        reason_of(&found, "Ce site"),
        Verdict::Dropped(Reason::Consent)
    );
    assert_eq!(
        reason_of(&found, "Nasza"),
        Verdict::Dropped(Reason::Consent)
    );
    assert_eq!(
        reason_of(&found, "Wir verwenden"),
        Verdict::Dropped(Reason::Consent)
    );
}

#[test]
fn navigation_labels_and_credits_at_the_tail_are_dropped() {
    let raw = format!(
        "{BODY}\n\nRetour à la liste\n\nLeia mais\n\nTags:\n\nFuente: Comisión Europea Temas: clústeres, pymes\n\nRealizzato da Studio Web s.r.l.\n\n© 2024 Cluster Association"
    );
    let found = verdicts(&raw);
    assert_eq!(
        reason_of(&found, "Retour"),
        Verdict::Dropped(Reason::Navigation)
    );
    assert_eq!(reason_of(&found, "Tags"), Verdict::Dropped(Reason::Labels));
    assert_eq!(
        reason_of(&found, "Fuente"),
        Verdict::Dropped(Reason::Labels)
    );
    assert_eq!(
        reason_of(&found, "Realizzato"),
        Verdict::Dropped(Reason::Credits)
    );
    assert!(matches!(reason_of(&found, "©"), Verdict::Dropped(_)));
}

#[test]
fn a_stamps_label_alone_is_dropped_with_or_without_its_colon() {
    let found = verdicts_between_body(&["Mis en ligne le", "Publicerades", "Themes"]);
    assert_dropped(&found, &["Mis en ligne", "Publicerades"], Reason::Labels);
    // One label word alone may head a section of the report.
    assert_eq!(reason_of(&found, "Themes"), Verdict::Body);
}

#[test]
fn a_note_of_who_funds_the_project_at_the_tail_is_a_credit_but_a_sentence_about_it_is_not() {
    let sentence = "The STRENGTHEN project is co-funded by the European Regional Development \
                    Fund and by national funds of the countries taking part in the programme.";
    let raw = format!(
        "{BODY}\n\n{sentence}\n\n{BODY}\n\nProject co-funded by European Union funds (ERDF, IPA).\n\n\
         Projekt współfinansowany ze środków Unii Europejskiej"
    );
    let found = verdicts(&raw);
    assert_eq!(reason_of(&found, "The STRENGTHEN"), Verdict::Body);
    assert_dropped(&found, &["Project co-funded", "Projekt"], Reason::Credits);
}

#[test]
fn a_section_label_in_the_singular_or_plural_is_dropped() {
    for label in ["Novinka", "Novinky"] {
        let raw = format!(
            "Den klastrů\n\n{label}\n\nDne 7. prosince 2022 proběhl již devátý Den klastrů, \
             který zorganizovala Národní klastrová asociace ve spolupráci s krajem Vysočina."
        );
        let found = verdicts(&raw);
        assert!(
            matches!(reason_of(&found, label), Verdict::Dropped(_)),
            "{label}"
        );
    }
}

#[test]
fn a_machine_translation_note_is_dropped_wherever_it_stands_but_not_prose_about_one() {
    let raw = format!(
        "{BODY}\n\nTranslated with DeepL.com (free version)\n\n{BODY}\n\n\
         Dieser Text wurde maschinell übersetzt.\n\n{BODY}\n\n\
         Przetłumaczono automatycznie\n\n{BODY}\n\n\
         The partners presented a tool for the automatic translation of tender documents \
         into all official languages of the Union, which cluster members across the \
         region tested for six months before the launch of the platform.\n\n{BODY}"
    );
    let found = verdicts(&raw);
    assert_dropped(
        &found,
        &["Translated", "Dieser", "Przetłumaczono"],
        Reason::MachineTranslation,
    );
    assert_eq!(reason_of(&found, "The partners"), Verdict::Body);
}

#[test]
fn a_machine_translation_note_is_read_in_either_word_order_and_any_gender() {
    let raw = format!(
        "{BODY}\n\nTekst przetłumaczony maszynowo.\n\n{BODY}\n\n\
         Text přeložen strojově.\n\n{BODY}\n\n\
         Pagina tradotta automaticamente\n\n{BODY}\n\n\
         Page traduite automatiquement.\n\n{BODY}"
    );
    let found = verdicts(&raw);
    assert_dropped(
        &found,
        &["Tekst", "Text", "Pagina", "Page"],
        Reason::MachineTranslation,
    );
}

#[test]
fn a_link_back_to_the_home_page_is_navigation_but_a_heading_of_its_word_is_not() {
    let raw = format!(
        "{BODY}\n\n< ZURÜCK ZUR STARTSEITE\n\n{BODY}\n\n< RETOUR À L'ACCUEIL\n\n{BODY}\n\n\
         Back to home\n\n{BODY}\n\nRetour au blog\n\n{BODY}\n\nÚvod\n\n{BODY}"
    );
    let found = verdicts(&raw);
    assert_dropped(
        &found,
        &["< ZURÜCK", "< RETOUR", "Back to", "Retour au blog"],
        Reason::Navigation,
    );
    assert_eq!(reason_of(&found, "Úvod"), Verdict::Body, "{found:?}");
}

#[test]
fn a_pointer_to_additional_information_at_the_tail_is_navigation() {
    let raw = format!(
        "{BODY}\n\nAdditional information can be found here.\n\n\
         Zusätzliche Informationen finden Sie hier."
    );
    let found = verdicts(&raw);
    assert_dropped(&found, &["Additional", "Zusätzliche"], Reason::Navigation);
}

#[test]
fn a_comment_form_after_the_report_is_dropped_with_its_fields() {
    let raw = format!(
        "{BODY}\n\nSchreibe einen Kommentar\n\
         Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert\n\
         Kommentar *\nName *\n\
         Save my name, email, and website in this browser for the next time I comment.\n\
         Opublikuj komentarz"
    );
    let found = verdicts(&raw);
    assert_dropped(
        &found,
        &["Schreibe", "Deine", "Save my", "Opublikuj"],
        Reason::CommentForm,
    );
    assert_dropped(&found, &["Kommentar *", "Name *"], Reason::AfterFooter);
    assert_eq!(reason_of(&found, &BODY[..20]), Verdict::Body);
}

#[test]
fn calls_to_action_inside_the_report_are_dropped_but_not_sentences() {
    let raw = format!(
        "{BODY}\n\nDownload the brochure of the European Cluster Days\n\n{BODY}\n\n\
         Zobacz na mapie\n\n{BODY}\n\nInscrivez-vous au forum des pôles\n\n{BODY}\n\n\
         Registration is open to all cluster managers until the end of May.\n\n{BODY}\n\n\
         Read the event summary\n\n{BODY}\n\nLesen Sie das Programm der Clusterwoche\n\n\
         {BODY}\n\nRead the minister's speech on our website for the full details.\n\n{BODY}"
    );
    let found = verdicts(&raw);
    assert_dropped(
        &found,
        &[
            "Download",
            "Zobacz",
            "Inscrivez",
            "Read the event",
            "Lesen Sie",
        ],
        Reason::Navigation,
    );
    assert_eq!(reason_of(&found, "Registration is"), Verdict::Body);
    assert_eq!(reason_of(&found, "Read the minister"), Verdict::Body);
}

#[test]
fn a_short_line_linking_a_document_is_an_attachment_but_not_a_sentence_about_one() {
    let raw = format!(
        "{BODY}\n\nAgenda: CmR_Programme_Agenda_V1_300823.pdf (\n\n{BODY}\n\n\
         Program konferencji (program-2023.PDF)\n\n{BODY}\n\n\
         Tagesordnung_Clustertag.docx\n\n{BODY}\n\n\
         The organisers published the agenda, the list of speakers and the minutes of the \
         last meeting as a single file called minutes.pdf on their website.\n\n{BODY}"
    );
    let found = verdicts(&raw);
    assert_dropped(
        &found,
        &["Agenda:", "Program konferencji", "Tagesordnung"],
        Reason::Attachment,
    );
    assert_eq!(reason_of(&found, "The organisers"), Verdict::Body);
}

#[test]
fn an_advertisement_s_marker_is_navigation_but_a_sentence_about_advertising_is_not() {
    let markers = [
        "ADVERTISEMENT",
        "Anzeige",
        "Reklama",
        "Publicité",
        "Sponsored content",
    ];
    dropped_but_not_a_sentence_about_them(
        &markers,
        Reason::Navigation,
        "Advertising agencies of the creative cluster showed their campaigns.",
    );
}

#[test]
fn a_header_repeated_with_its_page_number_is_dropped_but_a_programme_s_times_are_kept() {
    let raw = format!(
        "{BODY}\n\nAnnual report 2019 3\n\n{BODY}\n\nAnnual report 2019 4\n\n\
         PLAN SPOTKANIA\n\n11:00-11:15\nPowitanie uczestników\n\n\
         11:15-12:00\nPolityka klastrowa\n\n{BODY}"
    );
    let found = verdicts(&raw);
    let header = Verdict::Dropped(Reason::RunningHeader);
    assert_eq!(
        reason_of(&found, "Annual report 2019 3"),
        header,
        "{found:?}"
    );
    assert_eq!(reason_of(&found, "Annual report 2019 4"), header);
    assert_eq!(reason_of(&found, "11:00-11:15"), Verdict::Body, "{found:?}");
    assert_eq!(reason_of(&found, "11:15-12:00"), Verdict::Body);
}

#[test]
fn a_body_sentence_with_a_furniture_word_is_kept() {
    let raw = format!(
        "{BODY}\n\nParticipants discussed how cluster websites can share more information about cookies and data protection with companies in the region.\n\n{BODY}"
    );
    let found = verdicts(&raw);
    assert!(
        found.iter().all(|(_, verdict)| *verdict == Verdict::Body),
        "{found:#?}"
    );
}

#[test]
fn breadcrumbs_glued_or_separated_are_dropped_at_the_head() {
    let raw = format!(
        "StartseiteLänderEuropäische Union (EU)Cluster-Zusammenarbeit\n\nAccueil > Actualités > Clusters\n\n\
         Sie sind hier: Startseite > News > Veranstaltungen > Clustertag 2019\n\n{BODY}"
    );
    assert_dropped(
        &verdicts(&raw),
        &["Sie sind hier", "Startseite", "Accueil"],
        Reason::Breadcrumb,
    );
}

#[test]
fn a_reading_time_badge_is_dropped_but_a_sentence_about_reading_time_is_not() {
    dropped_but_not_a_sentence_about_them(
        &[
            "3 Minuti di Lettura",
            "5 min read",
            "Berechne Lesezeit",
            "Czas czytania",
        ],
        Reason::Navigation,
        "The reading time of the cluster strategy was discussed at length by the participants of the workshop.",
    );
}

#[test]
fn a_calendar_widget_s_rows_are_dropped() {
    let rows = ["MoDiMiDoFrSaSo", "78910111213", "28 29 30 31"];
    assert_dropped(&verdicts_between_body(&rows), &rows, Reason::CalendarWidget);
}

#[test]
fn a_genre_label_and_a_share_buttons_abbreviation_are_dropped_but_a_sentence_naming_them_is_not() {
    let raw = format!(
        "Pressemitteilung\n\n{BODY}\n\nKomunikat prasowy\n\nTW\n\n\
         The cluster published a press release on the meeting and shared it on TW and FB."
    );
    let found = verdicts(&raw);
    assert_dropped(
        &found,
        &["Pressemitteilung", "Komunikat prasowy", "TW"],
        Reason::Navigation,
    );
    assert_eq!(reason_of(&found, "The cluster published"), Verdict::Body);
}

#[test]
fn an_event_pages_tabs_and_document_links_are_navigation() {
    let raw = format!(
        "Clusters meet Regions in Burgas\n\nPractical information\n\n{BODY}\n\n🗓️ Event agenda\n\n\
         📋 Participant Booklet\n\nPraktische Informationen"
    );
    let found = verdicts(&raw);
    for start in ["Practical", "🗓", "📋", "Praktische"] {
        assert!(
            matches!(reason_of(&found, start), Verdict::Dropped(_)),
            "{start}"
        );
    }
}

#[test]
fn a_news_items_label_and_a_link_with_its_arrow_are_navigation() {
    let raw = format!(
        "Nyhet\n\n{BODY}\n\nMeldung\n\nAnna Berg >>\n\nLire la suite »\n\n\
         « Une journée utile »\n\nThe speakers' slides are online → see the programme page of \
         the cluster for all of them."
    );
    let found = verdicts(&raw);
    assert_dropped(
        &found,
        &["Nyhet", "Meldung", "Anna Berg", "Lire la suite"],
        Reason::Navigation,
    );
    assert_eq!(reason_of(&found, "« Une journée"), Verdict::Body);
    assert_eq!(reason_of(&found, "The speakers"), Verdict::Body);
}

#[test]
fn a_line_that_points_to_a_link_here_is_navigation_in_any_language() {
    let raw = format!(
        "{BODY}\n\nThe full programme of the day is available here.\n\n\
         Fotogalerii z akce naleznete ZDE\n\nPrezentacje z konferencji dostępne są tutaj:\n\n\
         {BODY}\n\nGli atti del convegno sono qui.\n\n\
         After two days of talks, the managers agreed that the network's future lies here, in \
         the region, with its firms and its universities working side by side."
    );
    let found = verdicts(&raw);
    assert_dropped(
        &found,
        &["The full", "Fotogalerii", "Prezentacje"],
        Reason::Navigation,
    );
    // "qui" is French for "who": no language-free word for "here".
    assert_eq!(reason_of(&found, "Gli atti"), Verdict::Body);
    assert_eq!(reason_of(&found, "After two"), Verdict::Body);
}
