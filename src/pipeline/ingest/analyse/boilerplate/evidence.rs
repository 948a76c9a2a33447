//! What one block says about itself: the furniture vocabulary it holds and where, and the
//! shape of its words. Signals only; the verdicts weigh them.

use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::{Block, word_slices};
use crate::pipeline::ingest::lexicon::{Furniture, Lexicon, match_tokens};
use crate::util::text::last_word;

/// The most words after a picture word and its colon that make a credit at a block's end
/// ("… at the opening. Foto: BMWi/Anja Blumentritt").
const CREDIT_TAIL_WORDS: usize = 6;

/// Vocabulary and shape evidence about one block.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    pub(super) words: usize,
    pub(super) consent: usize,
    pub(super) consent_context: usize,
    pub(super) navigation_covered: usize,
    pub(super) labels_with_colon: usize,
    pub(super) credits: usize,
    /// Says the text was machine translated ("Translated with DeepL").
    pub(super) machine_translation: bool,
    /// Holds a comment form's words ("Your email address will not be published").
    pub(super) comment_form: bool,
    pub(super) starts_with_home: bool,
    pub(super) breadcrumb_shape: bool,
    pub(super) starts_with_label: bool,
    /// Is a stamp's label and nothing else, colon or not ("Publicerades", "Mis en ligne
    /// le"): a label of several words, or the word for "published".
    pub(super) only_label: bool,
    pub(super) page_marker: bool,
    pub(super) running_header: bool,
    /// Opens with a call to action ("Download the brochure", "Zobacz na mapie").
    pub(super) opens_with_action: bool,
    /// Opens with a word naming a picture ("Foto", "Fot.", "Abb.").
    pub(super) opens_with_photo: bool,
    /// That word is followed by ':' or '©' ("Foto: …"), or by '.' ("Fot. …").
    pub(super) photo_mark: Option<char>,
    /// Opens with a phrase only captions open with ("From the left", "Im Bild").
    pub(super) opens_with_caption: bool,
    /// Ends with a picture's credit ("Foto: Name" after the caption's text).
    pub(super) credit_at_end: bool,
    /// Its last sentence is a picture's credit alone ("… in Dublin. Photo: John Smith",
    /// "… a Torino. Foto di Mario Rossi", "… à Lyon. Crédit photo : Jean Dupont").
    pub(super) credit_sentence_at_end: bool,
    /// Ends with the word for "here", as a link's pointer does ("naleznete ZDE").
    pub(super) ends_with_here: bool,
    /// Words that carry content (not function words), and how many of them are capitalised:
    /// a list of names and titles is nearly all capitals.
    pub(super) content_words: usize,
    pub(super) capitalised_words: usize,
    /// Function words other than "and": a sentence has several, a list of names none.
    pub(super) function_words: usize,
    /// Words for "and" in any language ("und", "og", "et").
    pub(super) and_words: usize,
    /// Runs of two or more capitalised content words, unbroken by a comma or a bracket: a
    /// person's name ("Hubert Gambs"), or a name with its title ("LR Barbara Eibinger").
    pub(super) name_runs: usize,
    /// Its first two words are such a run.
    pub(super) opens_with_name: bool,
}

/// Words after "the picture shows" that make it figurative ("Das Bild zeigt sich …",
/// "Bilden visar att …"): a statement, not a picture's description.
const FIGURATIVE_AFTER: &[&str] = &[
    "sich", "dass", "that", "how", "att", "at", "hur", "hvordan", "że", "jak", "že", "que", "che",
    "come", "dat", "hoe", "wie",
];

/// The most words of the label before a breadcrumb trail ("You are here:").
const TRAIL_LABEL_WORDS: usize = 4;

impl Evidence {
    pub(super) fn of(block: &Block, lexicon: &Lexicon) -> Evidence {
        let tokens = block.words.lower();
        let mut evidence = Evidence {
            words: shape::word_count(&block.text),
            ..Evidence::default()
        };
        let first_token = tokens.first().copied().unwrap_or_default();
        // A trail may open with its own label ("Sie sind hier: Startseite > News > …").
        let trail_start = block
            .text
            .split_once(':')
            .map(|(label, _)| word_slices(label).count())
            .filter(|&words| words <= TRAIL_LABEL_WORDS)
            .unwrap_or(0);
        let mut home_covered = 0;
        for found in lexicon.furniture.find_all(&tokens) {
            match found.value {
                Furniture::Consent => evidence.consent += 1,
                Furniture::ConsentContext => evidence.consent_context += 1,
                Furniture::Navigation => evidence.navigation_covered += found.len,
                Furniture::Action => {
                    evidence.navigation_covered += found.len;
                    evidence.opens_with_action |= found.start == 0;
                }
                Furniture::Credits => evidence.credits += 1,
                Furniture::MachineTranslation => evidence.machine_translation = true,
                Furniture::CommentForm => evidence.comment_form = true,
                // "Seite 3", "pag. 12", "page 7" at the end of the line.
                Furniture::Page => {
                    evidence.page_marker |= found.start + found.len + 1 >= tokens.len();
                }
                Furniture::Home => {
                    evidence.starts_with_home |= found.start == 0 || found.start == trail_start;
                    home_covered += found.len;
                }
                Furniture::Caption => {
                    let next = tokens
                        .get(found.start + found.len)
                        .copied()
                        .unwrap_or_default();
                    evidence.opens_with_caption |=
                        found.start == 0 && !FIGURATIVE_AFTER.contains(&next);
                }
                Furniture::Label | Furniture::Source | Furniture::Photo => {
                    let label = tokens[found.start..found.start + found.len].join(" ");
                    let colon = followed_by_colon(&block.text, &label);
                    // One word alone may head a section ("Themes"); a phrase or the
                    // word for "published" is a stamp that lost its date.
                    evidence.only_label |= *found.value == Furniture::Label
                        && found.start == 0
                        && found.len == tokens.len()
                        && (evidence.words >= 2 || lexicon.says_published(&block.text));
                    if colon {
                        evidence.labels_with_colon += 1;
                        evidence.starts_with_label |= found.start == 0;
                    }
                    if *found.value == Furniture::Photo {
                        evidence.note_photo(&block.text, found.start, tokens.len(), colon);
                    }
                }
            }
        }
        // A link back to the home page is navigation wherever it stands ("Zurück zur
        // Startseite"); the home word alone may be a heading ("Úvod": introduction).
        if evidence.navigation_covered > 0 {
            evidence.navigation_covered += home_covered;
        }
        // A breadcrumb pasted without separators glues its first item to the next one
        // ("StartseiteLänderEuropa"): a home word, then a capital inside the same word.
        let raw_first = block
            .text
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let glued = raw_first.chars().skip(1).any(char::is_uppercase)
            && raw_first.chars().any(char::is_lowercase);
        if glued && lexicon.starts_with_home_word(first_token) {
            evidence.starts_with_home = true;
        }
        let last = block.text.rsplit(char::is_whitespace).next().unwrap_or("");
        let (a, b) = last.split_once('/').unwrap_or(("", ""));
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        evidence.page_marker |= digits(a) && digits(b);
        evidence.breadcrumb_shape =
            glued || block.text.contains(['>', '»', '›', '/', '|', '→']) || evidence.words <= 6;
        evidence.count_capitals(&block.text, lexicon);
        evidence.credit_sentence_at_end = ends_with_credit_sentence(&block.text, lexicon);
        let last_word = last_word(block.text.trim_end_matches(['.', ':', '!', ' ']));
        evidence.ends_with_here = lexicon.is_here_word(&last_word.to_lowercase());
        evidence
    }

    /// A picture word at `start` of `tokens` tokens: the opening of a caption or credit, or
    /// a credit closing one.
    fn note_photo(&mut self, text: &str, start: usize, tokens: usize, colon: bool) {
        if start == 0 {
            self.opens_with_photo = true;
            let after_word = text
                .trim_start()
                .trim_start_matches(char::is_alphanumeric)
                .trim_start();
            self.photo_mark = after_word
                .chars()
                .next()
                .filter(|c| matches!(c, ':' | '©' | '.'));
        } else if colon && tokens - start <= CREDIT_TAIL_WORDS + 1
            || after_name(text, start, tokens)
        {
            self.credit_at_end = true;
        }
    }

    fn count_capitals(&mut self, text: &str, lexicon: &Lexicon) {
        let mut run = 0;
        for (index, raw) in text.split_whitespace().enumerate() {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let lower = word.to_lowercase();
            let capitalised_content = word.starts_with(char::is_alphabetic)
                && !lexicon.is_stopword(&lower)
                && word.starts_with(char::is_uppercase);
            if word.starts_with(char::is_alphabetic) {
                if AND_WORDS.contains(&lower.as_str()) {
                    self.and_words += 1;
                } else if lexicon.is_stopword(&lower) {
                    self.function_words += 1;
                } else {
                    self.content_words += 1;
                    self.capitalised_words += usize::from(capitalised_content);
                }
            }
            // A bracket opens a name's organisation or role; a comma ends the name.
            let opens = raw.starts_with('(');
            if capitalised_content && !opens {
                run += 1;
                self.opens_with_name |= index == 1 && run == 2;
            }
            if !capitalised_content || opens || raw.ends_with([',', ';', ')']) {
                self.name_runs += usize::from(run >= 2);
                run = 0;
            }
        }
        self.name_runs += usize::from(run >= 2);
    }
}

/// "And" in the languages of the EU and its neighbours. Some are another language's
/// preposition ("i" is "in" in Swedish, "u" "in" in Croatian, "a" "to" in Italian): a names
/// list needs brackets or a credit besides, which such a sentence seldom has. "en" and "in"
/// are left out, too common as prepositions.
const AND_WORDS: &[&str] = &[
    "and", "und", "et", "y", "e", "i", "a", "ja", "og", "och", "és", "și", "si", "ir", "un", "u",
    "kaj", "agus", "и", "και",
];

/// Whether the text's last sentence is short and names a picture in its first two words:
/// a credit, whatever mark or preposition follows ("Photo:", "Foto di", "Crédit photo :",
/// "Fot. Jan Kowalski", whose own dot may be the last one).
fn ends_with_credit_sentence(text: &str, lexicon: &Lexicon) -> bool {
    let text = text.trim_end();
    if ends_with_piped_credit(text) {
        return true;
    }
    let is_photo_word = |token: &String| {
        let one = std::slice::from_ref(token);
        lexicon
            .furniture
            .find_all(one)
            .iter()
            .any(|found| *found.value == Furniture::Photo)
    };
    text.rmatch_indices(". ").take(2).any(|(at, _)| {
        let last = &text[at + 2..];
        let tokens = match_tokens(last, true);
        tokens.len() <= CREDIT_TAIL_WORDS + 1
            && !shape::ends_sentence(last)
            && tokens.iter().take(2).any(is_photo_word)
    })
}

/// A sentence, then a bar and a name or two in capitals: a picture's caption with its
/// agency's credit ("… of the ecosystem. | Europa Press - EUROPA PRESS"). A headline with
/// its site's name after the bar does not end its own part with a full stop.
fn ends_with_piped_credit(text: &str) -> bool {
    let Some((caption, credit)) = text.rsplit_once(" | ") else {
        return false;
    };
    let words: Vec<&str> = credit
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .collect();
    // The caption ends a sentence with a word, not an abbreviation ("e.V.", "S.A.",
    // "r."), and is no field ("Termin: 14 czerwca 2023 r. | Miejsce: Kielce").
    let last_word = caption
        .trim_end_matches('.')
        .rsplit(' ')
        .next()
        .unwrap_or("");
    let ends_with_word =
        last_word.chars().count() >= 3 && last_word.chars().all(char::is_lowercase);
    shape::ends_with_full_stop(caption)
        && ends_with_word
        && !text.contains(':')
        && (1..=CREDIT_TAIL_WORDS).contains(&words.len())
        && words.iter().all(|word| shape::starts_capitalised(word))
}

fn followed_by_colon(text: &str, label: &str) -> bool {
    let lower = text.to_lowercase();
    lower
        .match_indices(label)
        .any(|(at, _)| lower[at + label.len()..].trim_start().starts_with(':'))
}

/// Whether the picture word at `start` of a block's `tokens` closes it after the
/// photographer's name, as Lithuanian credits are written ("…, Gražvydo Morkaus nuotr."):
/// the last part after a comma is two capitalised words and the picture word, abbreviated.
fn after_name(text: &str, start: usize, tokens: usize) -> bool {
    let Some((_, credit)) = text.trim_end().rsplit_once(", ") else {
        return false;
    };
    let words: Vec<&str> = credit.split_whitespace().collect();
    let abbreviated = credit.ends_with('.');
    start + 1 == tokens
        && abbreviated
        && words.len() == 3
        && words[..2]
            .iter()
            .all(|word| shape::starts_capitalised(word))
}
