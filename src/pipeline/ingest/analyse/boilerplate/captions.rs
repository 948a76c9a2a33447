//! Text that stood beside a picture or under a signature: captions and credits whose
//! picture is gone, lists of the people a photo shows, and the contact block that closes
//! a press release. Each reads as text, so each is told by its shape, not by a word list.

use super::evidence::Evidence;
use super::verdict::{Reason, Verdict};
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::{Block, BlockKind};
use crate::util::text::{comparable, comparable_chars};

/// The most words a caption has; longer text is the report's, whatever opens it.
const CAPTION_MAX_WORDS: usize = 40;
/// The most words a photo credit without a colon has ("Fot. Kazimierz Netka").
const CREDIT_MAX_WORDS: usize = 6;
/// The most words after '©' in a credit.
const CREDIT_TAIL_WORDS: usize = 6;
/// Words a list of the people in a photo has at least, and at most.
const NAMES_WORDS: std::ops::RangeInclusive<usize> = 8..=40;
/// Commas a list of the people in a photo has at least (three people, or two with roles).
const NAMES_MIN_COMMAS: usize = 3;
/// Percentage of a names list's content words that are capitalised, at least.
const NAMES_CAPITALISED_PERCENT: usize = 85;
/// Names (runs of capitalised words) a list joined by "and" has at least.
const NAMES_MIN_RUNS: usize = 2;
/// Percentage of its content words capitalised, at least, in a list joined by "and": its
/// people's roles may be written in lower case ("framkvæmdastjóri", "dyrektor").
const JOINED_CAPITALISED_PERCENT: usize = 60;
/// The most words a line of a contact block has ("Conference coordinator").
const CONTACT_LINE_WORDS: usize = 6;

/// "© Name", "Photo: the participants", "Fot. Kazimierz Netka.", "From the left: …", or
/// a caption that ends with its credit ("… at the opening. © Ministry").
pub(super) fn is_caption(block: &Block, evidence: &Evidence) -> bool {
    let text = block.text.trim();
    let words = evidence.words;
    let sentence = shape::ends_sentence(text);
    let credit_first = text.starts_with('©') && words <= 12;
    let caption_phrase = evidence.opens_with_caption && words <= CAPTION_MAX_WORDS;
    let credit_last = (evidence.credit_at_end || ends_with_copyright(text))
        && words <= CAPTION_MAX_WORDS
        && block.kind != BlockKind::Heading;
    let labelled = evidence.starts_with_label
        && !sentence
        && (words <= 12 && text.contains(':') || words <= CREDIT_MAX_WORDS);
    // "Foto: …" may run long; "Fot. Name." is a credit only while short, and a picture word
    // without a mark opens a caption only in a line that is no sentence.
    let photo = evidence.opens_with_photo
        && match evidence.photo_mark {
            Some(':' | '©') => words <= CAPTION_MAX_WORDS,
            Some(_) => words <= CREDIT_MAX_WORDS,
            None => !sentence && words <= CREDIT_MAX_WORDS,
        };
    // A credit closing a short block after a sentence leaves no doubt, heading or not.
    let credit_sentence = evidence.credit_sentence_at_end && words <= CAPTION_MAX_WORDS;
    credit_first
        || caption_phrase
        || credit_sentence
        || credit_last
        || labelled
        || photo
        || opens_with_image(text)
        || is_camera_file_name(text)
        || (words <= COMPANION_MAX_WORDS && text.split_whitespace().any(is_picture_size))
}

/// Blocks still judged body that print a picture's text twice: a line and, next to it, the
/// same line with a credit after it ("… Vísir/Anton Brink", "… © Ministry"), or a short
/// line printed twice (a picture's alternative text, then its caption), or one line that
/// holds its text twice. A title printed twice is dropped before this runs, as the title's
/// repeat; a lead printed twice in two blocks (a teaser, then the text) is too long to be
/// a caption.
pub(super) fn doubled_pictures(blocks: &[Block], verdicts: &[Verdict]) -> Vec<usize> {
    let candidate = |i: usize| {
        verdicts[i] == Verdict::Body
            && matches!(blocks[i].kind, BlockKind::Paragraph | BlockKind::Heading)
            && shape::word_count(&blocks[i].text) >= DOUBLED_MIN_WORDS
    };
    let mut found = Vec::new();
    for index in (0..blocks.len()).filter(|&i| candidate(i)) {
        let text = &blocks[index].text;
        let words = shape::word_count(text);
        if words <= 2 * CAPTION_MAX_WORDS && holds_its_text_twice(text) {
            found.push(index);
        }
        let next = index + 1;
        // The second may be known for a caption already, by its credit.
        let open = |verdict: &Verdict| {
            matches!(verdict, Verdict::Body | Verdict::Dropped(Reason::Caption))
        };
        if next < blocks.len() && open(&verdicts[next]) {
            let next_text = &blocks[next].text;
            let tail = shape::word_count(next_text).saturating_sub(words);
            let short_twice = tail == 0 && words <= COMPANION_MAX_WORDS;
            // The words added must read as a credit ("Vísir/Anton Brink", "© Ministry"),
            // or be known for one: a heading and a line that goes on from it are no pair.
            let credit_mark = verdicts[next] == Verdict::Dropped(Reason::Caption)
                || next_text
                    .split_whitespace()
                    .rev()
                    .take(tail)
                    .any(|word| word.contains(['/', '©']));
            let with_credit = (1..=DOUBLED_CREDIT_WORDS).contains(&tail)
                && words <= CAPTION_MAX_WORDS
                && credit_mark;
            if (short_twice || with_credit)
                && comparable(&blocks[next].text).starts_with(&comparable(text))
            {
                found.extend([index, next]);
            }
        }
    }
    found.dedup();
    found
}

/// Fewest words of a line whose being printed twice says it is a picture's.
const DOUBLED_MIN_WORDS: usize = 4;
/// The most words of a credit after a picture's text printed again.
const DOUBLED_CREDIT_WORDS: usize = 6;

/// Whether a line is one text written twice ("Od lewej: … /fot.: Klaster / Od lewej: …").
fn holds_its_text_twice(text: &str) -> bool {
    let letters: Vec<char> = comparable_chars(text).collect();
    let half = letters.len() / 2;
    letters.len().is_multiple_of(2) && half > 0 && letters[..half] == letters[half..]
}

/// Whether a word holds a picture's size in pixels ("1600x600", "banner_800×450-01"): an
/// image's file name or alternative text, which a short line holding it is.
fn is_picture_size(word: &str) -> bool {
    word.split(|c: char| !c.is_alphanumeric() && c != '×')
        .filter_map(|part| part.split_once(['x', '×']))
        .any(|(width, height)| {
            let pixels = |side: &str| {
                (2..=4).contains(&side.len()) && side.bytes().all(|b| b.is_ascii_digit())
            };
            pixels(width) && pixels(height)
        })
}

/// What cameras and phones name their pictures' files with, before a number: "IMG 1720",
/// "DSC01234", "PXL_20230512_101112.jpg".
const CAMERA_FILE_PREFIXES: &[&str] = &["img", "dsc", "dscn", "dscf", "dcim", "pxl", "gopr", "pic"];

/// Whether a line is only a picture's file name as a camera gave it: the alternative text
/// a page printed for a picture nobody described.
fn is_camera_file_name(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let name = IMAGE_EXTENSIONS
        .iter()
        .find_map(|extension| lower.strip_suffix(extension))
        .unwrap_or(&lower);
    let prefix_end = name
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(name.len());
    let (prefix, number) = name.split_at(prefix_end);
    let digits = number.chars().filter(char::is_ascii_digit).count();
    CAMERA_FILE_PREFIXES.contains(&prefix)
        && digits >= 3
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '_' | '-'))
}

/// The most words of a line that stands with a credit as its picture's caption or
/// alternative text.
const COMPANION_MAX_WORDS: usize = 12;

/// The short lines printed with a caption, no blank line between: a copied picture leaves
/// its alternative text, its caption, its credit and its tag as one run of lines ("People
/// at an event" / "Formats of the cluster week" / "© Agency" / "Cluster week"). Returns
/// the indices of the lines that touch a caption, line by line, and are no sentence.
pub(super) fn caption_companions(blocks: &[Block], captions: &[usize]) -> Vec<usize> {
    let touching = |a: &Block, b: &Block| a.chunk == b.chunk && a.last_line + 1 == b.first_line;
    let companion = |block: &Block| {
        matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::Heading | BlockKind::Bullet { .. }
        ) && shape::word_count(&block.text) <= COMPANION_MAX_WORDS
            && !shape::ends_sentence(block.text.trim())
    };
    let mut found = Vec::new();
    for &caption in captions {
        let before = (0..caption)
            .rev()
            .take_while(|&i| touching(&blocks[i], &blocks[i + 1]) && companion(&blocks[i]));
        let after = (caption + 1..blocks.len())
            .take_while(|&i| touching(&blocks[i - 1], &blocks[i]) && companion(&blocks[i]));
        found.extend(before.chain(after));
    }
    found
}

/// Picture files' extensions, lower case.
const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"];

/// Whether a line opens with a picture's address, as a copied `<img>` leaves it before its
/// alternative text ("https://example.org/uploads/opening.jpg The opening session").
fn opens_with_image(text: &str) -> bool {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let address = shape::is_address(&first);
    let path = first.split(['?', '#']).next().unwrap_or_default();
    address
        && IMAGE_EXTENSIONS
            .iter()
            .any(|extension| path.ends_with(extension))
}

/// "… © VDI/VDE Innovation + Technik GmbH": a '©' and a few words to the end.
fn ends_with_copyright(text: &str) -> bool {
    text.rsplit_once('©').is_some_and(|(before, after)| {
        !before.trim().is_empty() && shape::word_count(after) <= CREDIT_TAIL_WORDS
    })
}

/// The people a photo shows, in a line of its own: names and titles, nearly every word
/// capitalised, separated by commas ("Geunwoo Ryu, Keimyung University (KR), Ms. Patricia
/// Valdenebro, TCI CEO"), or a name and others joined by "and", each one's role in brackets
/// or the photographer's credit closing the line ("Hákon Gunnarsson framkvæmdastjóri Gekon
/// og Rósbjörg Jónsdóttir.Vísir/Ernir", "Michael Liebminger (SFG), LR Barbara
/// Eibinger-Miedl (Landesrätin) und Hubert Gambs (DG GROW)"). One speaker with a role
/// and an organisation ("Emily Wise, Research Fellow, IEC AB and Lund University") is a
/// programme's line: its commas part a name from its role, where a list's part people,
/// each after their role in brackets. A sentence, even one of German capitalised nouns,
/// has function words besides "and"; a heading in title case, no role in lower case.
pub(super) fn is_names_list(block: &Block, evidence: &Evidence) -> bool {
    let capitalised_percent =
        |least: usize| evidence.capitalised_words * 100 >= evidence.content_words * least;
    let by_commas = block.kind == BlockKind::Paragraph
        && block.text.matches(',').count() >= NAMES_MIN_COMMAS
        && capitalised_percent(NAMES_CAPITALISED_PERCENT);
    let text = &block.text;
    let commas_part_people = text
        .match_indices(',')
        .all(|(at, _)| text[..at].ends_with(')'));
    // Short enough to be taken for a heading; a heading in title case has no word in
    // lower case, where people's roles are written so in most languages.
    // Brackets around each one's role, or a photographer's credit closing the line
    // ("…/Ernir"), tell the people from a headline of someone visiting something: a verb
    // is in lower case too.
    let marked = text.matches('(').count() >= NAMES_MIN_RUNS
        || text
            .split_whitespace()
            .last()
            .is_some_and(|word| word.contains('/'));
    let joined = matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading)
        && marked
        && evidence.opens_with_name
        && evidence.and_words >= 1
        && commas_part_people
        && evidence.function_words == 0
        && evidence.name_runs >= NAMES_MIN_RUNS
        && capitalised_percent(JOINED_CAPITALISED_PERCENT)
        && evidence.capitalised_words < evidence.content_words;
    NAMES_WORDS.contains(&evidence.words) && !shape::ends_sentence(text) && (by_commas || joined)
}

/// The contact block after a report: a run of short lines (name, role, organisation,
/// address) one of which holds an e-mail address, a telephone number or a postal code.
/// Returns the indices of its blocks among `tail` (blocks after the report's last long one).
pub(super) fn contact_blocks(blocks: &[Block], tail: std::ops::Range<usize>) -> Vec<usize> {
    let short = |index: usize| {
        let text = blocks[index].text.trim();
        // (A label line or a web address introduces the report's own link, not a person.)
        shape::word_count(text) <= CONTACT_LINE_WORDS
            && !shape::ends_sentence(text)
            && !text.ends_with(':')
            && !text.contains("www.")
            && !text.contains("://")
    };
    let mut found = Vec::new();
    for index in tail.clone() {
        if !has_contact_detail(&blocks[index].text) || found.contains(&index) {
            continue;
        }
        let first = (tail.start..index)
            .rev()
            .take_while(|&i| short(i))
            .last()
            .unwrap_or(index);
        let last = (index + 1..tail.end)
            .take_while(|&i| short(i) || has_contact_detail(&blocks[i].text))
            .last()
            .unwrap_or(index);
        found.extend(first..=last);
    }
    found
}

/// An e-mail address, a telephone number or a postal address in a short line.
fn has_contact_detail(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 12 {
        return false;
    }
    let email = words.iter().any(|word| is_email(word));
    // "+48 85 722 24 56", "04 78 54 67 09": seven digits or more in digit groups written
    // one after the other ("Days 1 & 2 (06-07 June, 2023)" scatters its digits).
    let phone_digits = words
        .split(|word| {
            !word
                .chars()
                .all(|c| c.is_ascii_digit() || "+()-./".contains(c))
        })
        .map(|run| {
            run.iter()
                .map(|word| word.chars().filter(char::is_ascii_digit).count())
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    // "Lai 30, 51005 Tartu", "ul. Długa 5, 80-831 Gdańsk": a house number, a postal code,
    // a place; or a line that starts with the code ("1040 Bruxelles, Belgique").
    let house_number = |word: &str| {
        let number = word.trim_end_matches(',');
        word.ends_with(',')
            && (1..=3).contains(&number.chars().filter(char::is_ascii_digit).count())
            && number.starts_with(|c: char| c.is_ascii_digit())
    };
    let place = |word: &str| word.starts_with(char::is_uppercase);
    let postal = words
        .windows(3)
        .any(|three| house_number(three[0]) && is_postal_code(three[1]) && place(three[2]))
        || (words.len() <= 4
            && words
                .first()
                .is_some_and(|word| is_postal_code(word) && !shape::is_year(word))
            && words.get(1).is_some_and(|word| place(word)));
    email || phone_digits >= 7 || postal
}

fn is_email(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    word.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && domain.contains('.') && !domain.starts_with('.')
    })
}

/// "51005", "80-831", "1040": four or five digits, a dash allowed after two.
fn is_postal_code(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let shape_ok = word.chars().all(|c| c.is_ascii_digit() || c == '-')
        && !word.starts_with('-')
        && !word.ends_with('-');
    shape_ok && (4..=5).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_are_told_by_their_shape() {
        assert!(has_contact_detail("Lai 30, 51005 Tartu, Estonia"));
        assert!(has_contact_detail("ul. Długa 5, 80-831 Gdańsk"));
        assert!(has_contact_detail("Email: rene@bia.ee"));
        assert!(has_contact_detail("Tel. +48 85 722 24 56"));
        // A year and a count are not a postal code and a phone number.
        assert!(!has_contact_detail("In 2019, 1200 Participants came"));
        assert!(!has_contact_detail("The 2019 edition"));
        assert!(!has_contact_detail("2019 Sofia"));
        assert!(has_contact_detail("1040 Bruxelles, Belgique"));
        // Digits scattered over a programme line are no telephone number.
        assert!(!has_contact_detail(
            "Days 1 & 2 - online part (06-07 June, 2023)"
        ));
        assert!(!has_contact_detail(
            "Tag 1 und 2 (14.-15. Juni 2024), Saal 3"
        ));
        assert!(has_contact_detail(
            "Tel.: 04 78 54 67 09, Fax 04 78 54 67 10"
        ));
    }

    #[test]
    fn a_line_that_opens_with_a_picture_address_is_its_alternative_text() {
        assert!(opens_with_image(
            "https://example.pl/wp-content/uploads/2023/11/kongres-1.jpg Kluczowe wyzwania"
        ));
        assert!(opens_with_image(
            "HTTPS://cdn.example.eu/a/b.webp?w=800 Participants"
        ));
        assert!(!opens_with_image(
            "https://www.tci2018.org for more information"
        ));
        assert!(!opens_with_image(
            "The photos are at https://example.org/a.jpg"
        ));
    }

    #[test]
    fn a_camera_file_name_alone_is_a_picture_left_undescribed() {
        for name in [
            "IMG 1720",
            "DSC01234",
            "PXL_20230512_101112.jpg",
            "img-0042.JPG",
        ] {
            assert!(is_camera_file_name(name), "{name}");
        }
        for text in [
            "IMG 12",
            "Images 2023",
            "DSC members met in 2019",
            "Pic 2019 Award",
        ] {
            assert!(!is_camera_file_name(text), "{text}");
        }
    }

    #[test]
    fn a_picture_s_size_marks_its_file_name_or_alternative_text() {
        for word in ["1600x600-01", "banner_800×450.jpg", "(1920x1080)"] {
            assert!(is_picture_size(word), "{word}");
        }
        for word in ["2x2", "x2019", "COVID-19", "100x", "12345x600"] {
            assert!(!is_picture_size(word), "{word}");
        }
    }

    #[test]
    fn copyright_closes_a_caption_only_at_its_end() {
        assert!(ends_with_copyright(
            "Minister at the opening © VDI/VDE Innovation + Technik GmbH"
        ));
        assert!(!ends_with_copyright("© Cluster Association"));
    }
}
