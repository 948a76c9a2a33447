//! Site furniture: decides for every block whether it is the report's body or something the
//! web page or PDF put around it (consent banners, breadcrumbs, navigation, metadata labels,
//! credits, page numbers, empty bullets), and says why. A block is dropped only when signals
//! agree: a vocabulary hit plus shortness, position at the head or tail, or density.

mod calendar_widget;
mod captions;
mod evidence;
mod repeats;
mod verdict;

use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::{Block, BlockKind};
use crate::pipeline::ingest::lexicon::Lexicon;
use evidence::Evidence;
pub(crate) use repeats::{apply_title, drop_byline, drop_recurring};
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

/// The most words of a line that points to a link with the word for "here" ("The final
/// agenda is available here", "Průvodce Dnem klastrů naleznete ZDE").
const POINTER_WORDS: usize = 10;

/// The most words of a link that ends with an arrow ("Read more »", "Peter Östman >>").
const LINK_ARROW_WORDS: usize = 6;

/// Whether a line ends with the arrow a site puts after a link's text: ">>", "»", "›",
/// "→". A French quotation closes with "»" too, after its "«".
fn ends_with_link_arrow(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with(['»', '›', '→']) && !text.contains('«') || text.ends_with(">>")
}

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
        _ if calendar_widget::is_calendar_row(&block.text) => return drop(Reason::CalendarWidget),
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
        || (words <= LINK_ARROW_WORDS && ends_with_link_arrow(&block.text))
        || (words <= POINTER_WORDS && evidence.ends_with_here)
    {
        return drop(Reason::Navigation);
    }
    let label_only =
        (evidence.starts_with_label && block.text.trim_end().ends_with(':') && words <= 3)
            || evidence.only_label;
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
/// "Termin: 14.–15. Juni 2022"), which the label and caption rules drop with a page's other
/// fields: the day a page was posted or updated is one day, a range of days is the event's.
/// The field's value must be little else than the range: a caption that ends with the
/// event's days ("Photo: the forum's participants, 14-15 June 2022") stays dropped.
/// `find_range` gives where a text holds a range of days an event may last (not a
/// project's years).
pub(crate) fn keep_event_days(
    blocks: &[Block],
    verdicts: &mut [Verdict],
    find_range: impl Fn(&str) -> Option<std::ops::Range<usize>>,
) {
    for (block, verdict) in blocks.iter().zip(verdicts.iter_mut()) {
        let as_field = matches!(
            verdict,
            Verdict::Dropped(Reason::Labels | Reason::Caption | Reason::Fragment)
        );
        let Some((label, value)) = block.text.split_once(':') else {
            continue;
        };
        let labelled =
            shape::word_count(label) <= FIELD_LABEL_WORDS && !label.contains(char::is_numeric);
        if !(as_field && labelled) {
            continue;
        }
        let value = value.trim();
        if find_range(value).is_some_and(|range| value.len() - range.len() <= FIELD_REST_BYTES) {
            *verdict = Verdict::Body;
        }
    }
}

/// The most words of a field's label ("Date of the event:").
const FIELD_LABEL_WORDS: usize = 4;
/// The most bytes a field's value holds beside its range of days (", Brussels").
const FIELD_REST_BYTES: usize = 24;

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
mod tests;
