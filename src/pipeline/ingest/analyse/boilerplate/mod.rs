//! Site furniture: decides for every block whether it is the report's body or something the
//! web page or PDF put around it (consent banners, breadcrumbs, navigation, metadata labels,
//! credits, page numbers, empty bullets), and says why. A block is dropped only when signals
//! agree: a vocabulary hit plus shortness, position at the head or tail, or density.

mod captions;
mod evidence;
mod repeats;
mod verdict;

use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::{Block, BlockKind};
use crate::pipeline::ingest::lexicon::Lexicon;
use evidence::Evidence;
pub(crate) use repeats::{apply_title, drop_recurring};
pub(crate) use verdict::{Reason, Verdict};

/// Where a text's lines come from, which says what furniture they can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Copied by hand from a web page or a PDF: page numbers, running headers and bare
    /// links at the edges are the page's, not the report's.
    Copied,
    /// Taken from a saved page by the extractor, which already chose the article: it has
    /// no printed pages, and the links and numbers it kept are the article's.
    Extracted,
}

/// First verdicts, from each block's own signals and its position among substantial blocks.
pub(crate) fn classify(blocks: &[Block], lexicon: &Lexicon, origin: Origin) -> Vec<Verdict> {
    let mut evidence: Vec<Evidence> = blocks
        .iter()
        .map(|block| Evidence::of(block, lexicon))
        .collect();
    mark_repeated_lines(blocks, &mut evidence);
    let substantial: Vec<usize> = (0..blocks.len())
        .filter(|&i| is_substantial(&blocks[i], &evidence[i]))
        .collect();
    let first = substantial.first().copied().unwrap_or(0);
    let last = substantial.last().copied().unwrap_or(blocks.len());
    let mut verdicts: Vec<Verdict> = blocks
        .iter()
        .zip(&evidence)
        .enumerate()
        .map(|(index, (block, evidence))| {
            let edge = index < first || index > last;
            verdict(block, evidence, edge, index < first, origin)
        })
        .collect();
    // The first running text opens the report: a headline of names, places and a date
    // ("…Cooperation - An Invitation for the Clusters meet Regions, 13 - 15 September 2023,
    // in Burgas, Bulgaria") looks like the names a photo shows.
    if verdicts.get(first) == Some(&Verdict::Dropped(Reason::NamesList)) {
        verdicts[first] = Verdict::Body;
    }
    drop_caption_companions(blocks, &mut verdicts);
    drop_after_footer(blocks, &evidence, &mut verdicts, last);
    let tail = last.saturating_add(1).min(blocks.len())..blocks.len();
    for index in captions::contact_blocks(blocks, tail) {
        if verdicts[index] == Verdict::Body {
            verdicts[index] = Verdict::Dropped(Reason::Contact);
        }
    }
    verdicts
}

/// The short lines printed with a caption are the picture's too.
fn drop_caption_companions(blocks: &[Block], verdicts: &mut [Verdict]) {
    let captions: Vec<usize> = (0..blocks.len())
        .filter(|&i| verdicts[i] == Verdict::Dropped(Reason::Caption))
        .collect();
    for index in captions::caption_companions(blocks, &captions) {
        if verdicts[index] == Verdict::Body {
            verdicts[index] = Verdict::Dropped(Reason::Caption);
        }
    }
}

/// The fewest letters a running header has: its title or its word for "page".
const MIN_HEADER_LETTERS: usize = 2;

/// The same short line on several pages (digits aside) is a running header or footer.
fn mark_repeated_lines(blocks: &[Block], evidence: &mut [Evidence]) {
    let letters = |block: &Block| -> String {
        block
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    // Letters → the distinct texts seen with them. A header repeats with another page
    // number; a line repeated exactly (a title shown twice) is left to the title stage.
    let mut seen: std::collections::HashMap<String, std::collections::BTreeSet<&str>> =
        std::collections::HashMap::new();
    let short = |index: usize| evidence[index].words <= 12;
    for block in (0..blocks.len()).filter(|&i| short(i)).map(|i| &blocks[i]) {
        seen.entry(letters(block))
            .or_default()
            .insert(block.text.as_str());
    }
    for (block, evidence) in blocks.iter().zip(evidence.iter_mut()) {
        let has_digit = block.text.chars().any(|c| c.is_ascii_digit());
        let key = letters(block);
        let varies = || seen.get(&key).is_some_and(|texts| texts.len() >= 2);
        // A line of figures alone ("11:00-11:15" in a programme) names no header.
        let has_words = key.chars().count() >= MIN_HEADER_LETTERS;
        evidence.running_header |= has_digit && has_words && evidence.words <= 12 && varies();
    }
}

/// Once a web page's furniture has begun after the report (a consent banner, share or
/// "related" links, credits), the short lines that follow belong to it too: the titles of
/// related articles, the buttons of a cookie dialog.
fn drop_after_footer(
    blocks: &[Block],
    evidence: &[Evidence],
    verdicts: &mut [Verdict],
    last_substantial: usize,
) {
    let mut in_footer = false;
    for index in last_substantial.saturating_add(1)..blocks.len() {
        match verdicts[index] {
            // (A bare link does not start it: lists of links and their notes are content.)
            Verdict::Dropped(
                Reason::Consent
                | Reason::Navigation
                | Reason::Labels
                | Reason::Credits
                | Reason::CommentForm,
            ) => in_footer = true,
            // Short lines, and any consent text however long.
            Verdict::Body
                if in_footer && (evidence[index].words <= 15 || evidence[index].consent > 0) =>
            {
                verdicts[index] = Verdict::Dropped(Reason::AfterFooter);
            }
            _ => {}
        }
    }
}

/// Running text that is certainly the report's: long and free of furniture words.
fn is_substantial(block: &Block, evidence: &Evidence) -> bool {
    matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::Bullet { .. } | BlockKind::Numbered(_)
    ) && evidence.words >= 15
        && evidence.consent == 0
        && !evidence.comment_form
        && evidence.navigation_covered * 5 < evidence.words
        && evidence.labels_with_colon < 2
}

/// The most words of a line a call to action opens that is a widget's, not a sentence.
const ACTION_LINE_WORDS: usize = 10;

/// The most words of a machine translation note ("This article was translated
/// automatically; the original text is authoritative"); more make it prose about one.
const MACHINE_TRANSLATION_WORDS: usize = 25;

/// The most words of a comment form's line ("Save my name, email, and website in this
/// browser for the next time I comment.").
const COMMENT_FORM_WORDS: usize = 30;

/// The most words of a line that links an attached document: its label and file name.
const ATTACHMENT_LINE_WORDS: usize = 12;

/// More words than this make a block prose, whatever labels it quotes.
const LABELS_MAX_WORDS: usize = 60;

fn verdict(block: &Block, evidence: &Evidence, edge: bool, head: bool, origin: Origin) -> Verdict {
    let drop = Verdict::Dropped;
    let words = evidence.words.max(1);
    let paged = origin == Origin::Copied;
    match block.kind {
        BlockKind::EmptyMarker => return drop(Reason::EmptyBullet),
        BlockKind::LoneNumber if paged => return drop(Reason::PageNumber),
        BlockKind::DateLine => {
            return if head {
                Verdict::PublicationDate
            } else {
                drop(Reason::StrayDate)
            };
        }
        _ => {}
    }
    // A page header: two columns (title, page number) or the same line on every page.
    let page_line = block.gap && (evidence.page_marker || ends_with_number(&block.text));
    if paged
        && block.first_line == block.last_line
        && words <= 15
        && (page_line || evidence.running_header)
    {
        return drop(Reason::RunningHeader);
    }
    let consent_density = (evidence.consent + evidence.consent_context) * 100 / words;
    if evidence.consent > 0
        && (words <= 8 || consent_density >= 12 && (edge || evidence.consent >= 3))
    {
        return drop(Reason::Consent);
    }
    if head && evidence.starts_with_home && evidence.breadcrumb_shape {
        return drop(Reason::Breadcrumb);
    }
    // Navigation words must make most of a short line, or a third of a short line at the
    // head or tail ("Read more", "Weitere Informationen", "You can find more information here").
    let navigation_share = evidence.navigation_covered * 100 / words;
    // A widget's line opens with its call to action and is no sentence ("Download the
    // brochure of the European Cluster Days", "Dołącz do wydarzenia").
    let call_to_action = evidence.opens_with_action
        && words <= ACTION_LINE_WORDS
        && !shape::ends_sentence(block.text.trim_end());
    if (navigation_share >= 60 && words <= 8)
        || (navigation_share >= 34 && edge && words <= 10)
        || call_to_action
    {
        return drop(Reason::Navigation);
    }
    let label_only =
        evidence.starts_with_label && block.text.trim_end().ends_with(':') && words <= 3;
    // Labels make a line of metadata, not a paragraph of prose that quotes a few of them;
    // "Photo: …" opens a caption, which the caption rules name.
    let metadata_line = evidence.starts_with_label && edge && words <= 30;
    if (evidence.labels_with_colon >= 2 && words <= LABELS_MAX_WORDS)
        || label_only
        || (metadata_line && !captions::is_caption(block, evidence))
    {
        return drop(Reason::Labels);
    }
    if evidence.credits > 0 && edge && words <= 12 {
        return drop(Reason::Credits);
    }
    // Wherever it stands: a note on how the text was made is no part of it.
    if evidence.machine_translation && words <= MACHINE_TRANSLATION_WORDS {
        return drop(Reason::MachineTranslation);
    }
    if evidence.comment_form && words <= COMMENT_FORM_WORDS {
        return drop(Reason::CommentForm);
    }
    if paged && is_link_only(&block.text) && edge {
        return drop(Reason::LinkOnly);
    }
    if words <= ATTACHMENT_LINE_WORDS && block.text.split_whitespace().any(shape::is_file_name) {
        return drop(Reason::Attachment);
    }
    if block.kind == BlockKind::Paragraph
        && shape::starts_lowercase(&block.text)
        && words <= 4
        && !shape::ends_sentence(&block.text)
        && !is_link_only(&block.text)
    {
        return drop(Reason::Fragment);
    }
    if captions::is_caption(block, evidence) {
        return drop(Reason::Caption);
    }
    // (Not above the report: a headline of names and places looks the same.)
    if !head && captions::is_names_list(block, evidence) {
        return drop(Reason::NamesList);
    }
    Verdict::Body
}

/// Keeps the lines of facts that give the event's days ("Date: 25/04/2016 - 26/04/2016",
/// "Termin: 14.–15. Juni 2022"), which the label rules drop with a page's other fields: the
/// day a page was posted or updated is one day, a range of days is the event's.
/// `holds_range` says whether a text gives a range of days.
pub(crate) fn keep_event_days(
    blocks: &[Block],
    verdicts: &mut [Verdict],
    holds_range: impl Fn(&str) -> bool,
) {
    for (block, verdict) in blocks.iter().zip(verdicts.iter_mut()) {
        let as_field = matches!(
            verdict,
            Verdict::Dropped(Reason::Labels | Reason::Caption | Reason::Fragment)
        );
        let labelled = block.text.split_once(':').is_some_and(|(label, _)| {
            shape::word_count(label) <= FIELD_LABEL_WORDS && !label.contains(char::is_numeric)
        });
        if as_field
            && labelled
            && shape::word_count(&block.text) <= FIELD_LINE_WORDS
            && holds_range(&block.text)
        {
            *verdict = Verdict::Body;
        }
    }
}

/// The most words of a field's label ("Date of the event:").
const FIELD_LABEL_WORDS: usize = 4;
/// The most words of a line of facts that gives a range of days.
const FIELD_LINE_WORDS: usize = 16;

fn ends_with_number(text: &str) -> bool {
    text.split_whitespace()
        .last()
        .is_some_and(|word| word.chars().all(|c| c.is_ascii_digit() || c == '/'))
}

fn is_link_only(text: &str) -> bool {
    let trimmed = text.trim();
    !trimmed.is_empty() && trimmed.split_whitespace().all(shape::is_address)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::ingest::analyse::dates::DateParser;
    use crate::pipeline::ingest::analyse::normalise::{lines, normalise};
    use crate::pipeline::ingest::analyse::structure::blocks;

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

    /// Asserts that the blocks opening with each of `starts` were dropped for `reason`.
    fn assert_dropped(found: &[(String, Verdict)], starts: &[&str], reason: Reason) {
        for start in starts {
            assert_eq!(reason_of(found, start), Verdict::Dropped(reason), "{start}");
        }
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
    fn a_link_back_to_the_home_page_is_navigation_but_a_heading_of_its_word_is_not() {
        let raw = format!(
            "{BODY}\n\n< ZURÜCK ZUR STARTSEITE\n\n{BODY}\n\n< RETOUR À L'ACCUEIL\n\n{BODY}\n\n\
             Back to home\n\n{BODY}\n\nÚvod\n\n{BODY}"
        );
        let found = verdicts(&raw);
        assert_dropped(
            &found,
            &["< ZURÜCK", "< RETOUR", "Back to"],
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
            "Jón Sigurðsson framkvæmdastjóri Orkuklasans og Guðrún Helgadóttir verkefnastjóri",
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
        for line in ["Laura", "Ewa", "Anna Berger und", "Digital", "Panel"] {
            assert_eq!(reason_of(&found, line), Verdict::Body, "{line}");
        }
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
    fn a_short_block_whose_last_sentence_is_a_photo_credit_is_a_caption() {
        let captions = [
            "Participants of the meeting in Dublin. Photo: John Smith",
            "Les participants de la réunion à Lyon. Crédit photo : Jean Dupont",
            "I partecipanti all'incontro di Torino. Foto di Mario Rossi",
            "Uczestnicy spotkania w Poznaniu. Fot. Jan Kowalski",
            "Balearic Ministry of Economy. Credit: caib.es",
            "Die Teilnehmer in Stuttgart. Bildnachweis: Cluster BW",
            "Los participantes en Sevilla. Crédito: Junta de Andalucía",
        ];
        let raw = format!(
            "{BODY}\n\n{}\n\n{BODY}",
            captions.join(&format!("\n\n{BODY}\n\n"))
        );
        let found = verdicts(&raw);
        for caption in captions {
            let start = &caption[..12];
            assert_eq!(
                reason_of(&found, start),
                Verdict::Dropped(Reason::Caption),
                "{caption}"
            );
        }
        // A sentence about a photo exhibition, ending as sentences do, is the report's.
        let raw = format!(
            "{BODY}\n\nThe fair closed on Sunday. Photo exhibitions opened in May.\n\n{BODY}"
        );
        assert_eq!(reason_of(&verdicts(&raw), "The fair closed"), Verdict::Body);
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
            "StartseiteLänderEuropäische Union (EU)Cluster-Zusammenarbeit\n\nAccueil > Actualités > Clusters\n\n{BODY}"
        );
        let found = verdicts(&raw);
        assert_eq!(
            reason_of(&found, "Startseite"),
            Verdict::Dropped(Reason::Breadcrumb)
        );
        assert_eq!(
            reason_of(&found, "Accueil"),
            Verdict::Dropped(Reason::Breadcrumb)
        );
    }
}
