//! Language of each block, and the split of a report into one body per language.
//!
//! whatlang identifies long blocks over every language newsroom has a code for (restricting
//! it to the site's few languages would make a Czech text "Spanish"); function-word counts
//! decide short blocks, the two official EU languages whatlang lacks (Irish, Maltese) and
//! Icelandic. The report's language is the body's majority by length; a second language with a substantial body becomes a second report, and a stray
//! short block in another language is site furniture.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use whatlang::Lang;

use crate::model::lang::LangCode;
use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::analyse::structure::{Block, BlockKind, word_slices};
use crate::pipeline::ingest::lexicon::Lexicon;

/// The language found for a block.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Detected {
    /// The language.
    pub(crate) lang: LangCode,
    /// Whether the evidence is strong enough to act on.
    pub(crate) reliable: bool,
}

/// Characters of body text a second language needs to become a report of its own.
const SEPARATE_REPORT_CHARS: usize = 300;
/// A block shorter than this gets its language from function words or its neighbours.
const SHORT_BLOCK_CHARS: usize = 60;

/// Characters a block's language is read from: a few sentences decide it, and more costs
/// time on long texts (whatlang's work grows with the text).
const SAMPLE_CHARS: usize = 500;

/// The model over the languages newsroom has a code for: the others could only be answered
/// with "unknown", and scoring them costs a third of the time. A constant table, built once.
static KNOWN_LANGUAGES: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    let known = Lang::all()
        .iter()
        .copied()
        .filter(|lang| iso_639_1(*lang).is_some())
        .collect();
    whatlang::Detector::with_allowlist(known)
});

/// Languages whatlang's model lacks: Irish and Maltese of the EU's, and Icelandic, which it
/// would read as Welsh, Spanish or Swedish. Their function words decide.
const NOT_IN_MODEL: [&str; 3] = ["ga", "mt", "is"];

/// Detects the language of one text (of its start, when it is long).
pub(crate) fn detect(text: &str, lexicon: &Lexicon) -> Option<Detected> {
    let text = match text.char_indices().nth(SAMPLE_CHARS) {
        Some((cut, _)) => &text[..cut],
        None => text,
    };
    let by_words = by_function_words(text, lexicon);
    let long = text.chars().nth(SHORT_BLOCK_CHARS - 1).is_some();
    // Where the rules below would follow the function words whatever the model said, the
    // model is not asked: it is the costliest step of ingest.
    let settled_by_words = match by_words {
        Some((code, true)) if NOT_IN_MODEL.contains(&code) => true,
        Some((_, true)) => !long,
        Some((code, false)) if NOT_IN_MODEL.contains(&code) => !long,
        _ => false,
    };
    let by_model = if settled_by_words {
        None
    } else {
        KNOWN_LANGUAGES
            .detect(text)
            .and_then(|info| iso_639_1(info.lang()).map(|code| (code, info.is_reliable())))
    };
    let chosen = match (by_model, by_words) {
        // Languages whatlang's model lacks: function words decide.
        (_, Some((code, true))) if NOT_IN_MODEL.contains(&code) => Some((code, true)),
        (Some((code, true)), _) if long => Some((code, true)),
        (_, Some((code, false))) if NOT_IN_MODEL.contains(&code) => Some((code, false)),
        (_, Some((code, true))) => Some((code, true)),
        (Some((code, reliable)), Some((word_code, _))) if code == word_code => {
            Some((code, reliable || long))
        }
        (Some((code, reliable)), _) => Some((code, reliable && long)),
        (None, Some((code, strong))) => Some((code, strong)),
        (None, None) => None,
    };
    let chosen = match chosen {
        Some((_, false)) | None if long => other_language(text).or(chosen),
        _ => chosen,
    }?;
    Some(Detected {
        lang: LangCode::parse(chosen.0).ok()?,
        reliable: chosen.1,
    })
}

/// A language outside the ones newsroom knows (a Korean or Indonesian page), only when the
/// model over every language it has is sure: such a page is ingested under its own code.
fn other_language(text: &str) -> Option<(&'static str, bool)> {
    let info = whatlang::detect(text).filter(whatlang::Info::is_reliable)?;
    if iso_639_1(info.lang()).is_some() {
        return None;
    }
    other_iso_639_1(info.lang()).map(|code| (code, true))
}

/// The main language of a whole text, cheaply: the language whose function words its
/// start uses most. Reading its structure needs no more (which words a hard-wrapped line
/// may stop at), and asking the model here cost more than all the rest of that reading;
/// where no language's function words stand out, every language's count.
pub(crate) fn main_language(text: &str, lexicon: &Lexicon) -> Option<LangCode> {
    let start = match text.char_indices().nth(4 * SAMPLE_CHARS) {
        Some((cut, _)) => &text[..cut],
        None => text,
    };
    by_function_words(start, lexicon).and_then(|(code, _)| LangCode::parse(code).ok())
}

/// The language whose function words a text uses most; strong when it is clearly ahead.
fn by_function_words(text: &str, lexicon: &Lexicon) -> Option<(&'static str, bool)> {
    // Each word is lower-cased into one buffer: most of a text's words are looked up and
    // forgotten.
    let mut lower = String::new();
    let mut tally = Tally::default();
    for word in word_slices(text) {
        lower.clear();
        crate::util::text::push_lowercase(&mut lower, word);
        tally.count(lexicon.function_word_languages(&lower));
    }
    tally.verdict()
}

/// `by_function_words` over lower-cased words already read.
fn by_function_words_in<S: AsRef<str>>(
    words: &[S],
    lexicon: &Lexicon,
) -> Option<(&'static str, bool)> {
    let mut tally = Tally::default();
    for word in words {
        tally.count(lexicon.function_word_languages(word.as_ref()));
    }
    tally.verdict()
}

/// Function words counted per language, and words in all.
#[derive(Default)]
struct Tally {
    hits: Vec<(&'static str, usize)>,
    words: usize,
}

impl Tally {
    /// Counts one word, a function word of `languages`.
    fn count(&mut self, languages: &[&'static str]) {
        self.words += 1;
        for &code in languages {
            match self.hits.iter_mut().find(|(known, _)| *known == code) {
                Some((_, hits)) => *hits += 1,
                None => self.hits.push((code, 1)),
            }
        }
    }

    /// The language ahead, and whether it is clearly ahead.
    fn verdict(mut self) -> Option<(&'static str, bool)> {
        self.hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let (best, hits) = *self.hits.first()?;
        let runner_up = self.hits.get(1).map_or(0, |(_, hits)| *hits);
        let strong = hits >= 3 && hits >= runner_up * 2 && hits * 5 >= self.words;
        (hits >= 2 && hits > runner_up).then_some((best, strong))
    }
}

/// ISO 639-1 code of a whatlang language, for the languages newsroom knows.
fn iso_639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Bul => "bg",
        Lang::Ces => "cs",
        Lang::Dan => "da",
        Lang::Deu => "de",
        Lang::Ell => "el",
        Lang::Eng => "en",
        Lang::Spa => "es",
        Lang::Est => "et",
        Lang::Fin => "fi",
        Lang::Fra => "fr",
        Lang::Hrv => "hr",
        Lang::Hun => "hu",
        Lang::Ita => "it",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Nld => "nl",
        Lang::Pol => "pl",
        Lang::Por => "pt",
        Lang::Ron => "ro",
        Lang::Slk => "sk",
        Lang::Slv => "sl",
        Lang::Swe => "sv",
        Lang::Ara => "ar",
        Lang::Cat => "ca",
        Lang::Heb => "he",
        Lang::Nob => "nb",
        Lang::Rus => "ru",
        Lang::Tur => "tr",
        Lang::Ukr => "uk",
        _ => return None,
    })
}

/// ISO 639-1 code of a whatlang language outside `iso_639_1`'s, where it has one.
fn other_iso_639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Afr => "af",
        Lang::Aka => "ak",
        Lang::Amh => "am",
        Lang::Aze => "az",
        Lang::Bel => "be",
        Lang::Ben => "bn",
        Lang::Cmn => "zh",
        Lang::Cym => "cy",
        Lang::Epo => "eo",
        Lang::Guj => "gu",
        Lang::Hin => "hi",
        Lang::Hye => "hy",
        Lang::Ind => "id",
        Lang::Jav => "jv",
        Lang::Jpn => "ja",
        Lang::Kan => "kn",
        Lang::Kat => "ka",
        Lang::Khm => "km",
        Lang::Kor => "ko",
        Lang::Lat => "la",
        Lang::Mal => "ml",
        Lang::Mar => "mr",
        Lang::Mkd => "mk",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Ori => "or",
        Lang::Pan => "pa",
        Lang::Pes => "fa",
        Lang::Sin => "si",
        Lang::Sna => "sn",
        Lang::Srp => "sr",
        Lang::Tam => "ta",
        Lang::Tel => "te",
        Lang::Tgl => "tl",
        Lang::Tha => "th",
        Lang::Tuk => "tk",
        Lang::Urd => "ur",
        Lang::Uzb => "uz",
        Lang::Vie => "vi",
        Lang::Yid => "yi",
        Lang::Zul => "zu",
        _ => return None,
    })
}

/// The language of every block; short or unclear blocks take their neighbours' language.
pub(crate) fn detect_blocks(blocks: &[Block], lexicon: &Lexicon) -> Vec<Option<Detected>> {
    let mut found = detect_runs(blocks, lexicon);
    // Unreliable blocks inherit from the nearest reliable block before them (or after);
    // a heading opens the section after it, so it looks there first.
    let reliable: Vec<Option<LangCode>> = found
        .iter()
        .map(|detected| detected.as_ref().filter(|d| d.reliable).map(|d| d.lang))
        .collect();
    for (index, detected) in found.iter_mut().enumerate() {
        if detected.as_ref().is_some_and(|d| d.reliable) {
            continue;
        }
        let before = reliable[..index].iter().rev().flatten().next();
        let after = reliable[index + 1..].iter().flatten().next();
        // Only a heading right above a block sure of its language: one followed by its
        // own unsure lines (a contact's phone and e-mail) may head furniture.
        let opens_next = reliable.get(index + 1).is_some_and(Option::is_some);
        let nearest = if blocks[index].kind == BlockKind::Heading && opens_next {
            after.or(before)
        } else {
            before.or(after)
        };
        if let Some(lang) = nearest {
            let keeps_own = detected.as_ref().is_some_and(|d| &d.lang == lang);
            if !keeps_own {
                *detected = Some(Detected {
                    lang: *lang,
                    reliable: false,
                });
            }
        }
    }
    found
}

/// Consecutive blocks whose function words point to the same language form a run, and the
/// model reads each run once, from its start: a report is a few runs, so this costs a few
/// hundred characters of the model per report instead of all of its text. Blocks with too
/// few function words to say join the run they are in, but are not reliable by themselves.
fn detect_runs(blocks: &[Block], lexicon: &Lexicon) -> Vec<Option<Detected>> {
    let hints: Vec<Option<&'static str>> = blocks
        .iter()
        .map(|block| match block.kind {
            BlockKind::EmptyMarker | BlockKind::LoneNumber => None,
            _ => by_function_words_in(&block.words.lower(), lexicon).map(|(code, _)| code),
        })
        .collect();
    let mut found: Vec<Option<Detected>> = vec![None; blocks.len()];
    let mut start = 0;
    while start < blocks.len() {
        let hint = hints[start];
        let mut end = start + 1;
        while end < blocks.len() && (hints[end].is_none() || hint.is_none() || hints[end] == hint) {
            if hint.is_none() && hints[end].is_some() {
                break;
            }
            end += 1;
        }
        let mut sample = String::new();
        for block in &blocks[start..end] {
            if sample.len() >= SAMPLE_CHARS {
                break;
            }
            sample.push_str(&block.text);
            sample.push('\n');
        }
        let detected = detect(&sample, lexicon);
        for index in start..end {
            let marker = matches!(
                blocks[index].kind,
                BlockKind::EmptyMarker | BlockKind::LoneNumber
            );
            if marker {
                continue;
            }
            found[index] = detected.as_ref().map(|detected| Detected {
                lang: detected.lang,
                reliable: detected.reliable && hints[index].is_some(),
            });
        }
        start = end;
    }
    found
}

/// The languages that get a report of their own, majority first. `body` holds the indices
/// of body blocks.
pub(crate) fn report_languages(
    blocks: &[Block],
    languages: &[Option<Detected>],
    body: &[usize],
) -> Vec<LangCode> {
    let mut by_length = languages_by_length(blocks, languages, body, true);
    // A body with no block whose language two signals agree on (a page of results and
    // names, a language without function words in the lexicon, a short notice in one of
    // two close languages) is in the language the model gives it, if there is text
    // enough to tell or a sentence of running text to tell it from.
    if by_length.0.is_empty() {
        let unsure = languages_by_length(blocks, languages, body, false);
        let prose = body.iter().any(|&index| is_running_text(&blocks[index]));
        if prose || unsure.0.values().sum::<usize>() >= SEPARATE_REPORT_CHARS {
            by_length = unsure;
        }
    }
    let (chars, first_seen) = by_length;
    let total: usize = chars.values().sum();
    let mut ranked: Vec<(&LangCode, usize)> = chars.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let Some(&(majority, _)) = ranked.first() else {
        return Vec::new();
    };
    let mut languages: Vec<&LangCode> = vec![majority];
    for &(lang, count) in &ranked[1..] {
        if count >= SEPARATE_REPORT_CHARS && count * 100 >= total * 15 {
            languages.push(lang);
        }
    }
    // Parts keep the order they appear in, so a report reads as its source did.
    languages.sort_by_key(|lang| first_seen.get(lang).copied().unwrap_or(usize::MAX));
    languages.into_iter().cloned().collect()
}

/// Words of a paragraph that is running text, not a list of names or results.
const RUNNING_TEXT_WORDS: usize = 15;

/// Whether a block is a paragraph of sentences: long, and ending as a sentence ends.
fn is_running_text(block: &Block) -> bool {
    block.kind == BlockKind::Paragraph
        && shape::ends_sentence(block.text.trim_end())
        && shape::at_least_words(&block.text, RUNNING_TEXT_WORDS)
}

/// Characters of body text per language (only reliable blocks', or all), and where each
/// language first appears.
type LengthsAndFirsts<'a> = (BTreeMap<&'a LangCode, usize>, BTreeMap<&'a LangCode, usize>);

fn languages_by_length<'a>(
    blocks: &[Block],
    languages: &'a [Option<Detected>],
    body: &[usize],
    reliable_only: bool,
) -> LengthsAndFirsts<'a> {
    let mut chars: BTreeMap<&LangCode, usize> = BTreeMap::new();
    let mut first_seen: BTreeMap<&LangCode, usize> = BTreeMap::new();
    for &index in body {
        if let Some(detected) = languages[index]
            .as_ref()
            .filter(|d| d.reliable || !reliable_only)
        {
            *chars.entry(&detected.lang).or_default() += blocks[index].text.chars().count();
            first_seen.entry(&detected.lang).or_insert(index);
        }
    }
    (chars, first_seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<(String, bool)> {
        let lexicon = Lexicon::new();
        detect(text, &lexicon).map(|d| (d.lang.to_string(), d.reliable))
    }

    #[test]
    fn identifies_long_paragraphs_in_many_languages() {
        let samples = [
            (
                "en",
                "The meeting gathered about half of all cluster organisations across Europe and discussed the future of the labelling scheme.",
            ),
            (
                "de",
                "Im Rahmen der Initiative findet eine Kooperationsbörse statt, die die Zusammenarbeit zwischen verschiedenen Clustern fördern soll.",
            ),
            (
                "pl",
                "Wydarzenie zgromadziło blisko połowę wszystkich organizacji klastrowych z certyfikatem z całej Europy, które reprezentują łącznie wiele firm.",
            ),
            (
                "fr",
                "La réunion a rassemblé environ la moitié des organisations de clusters labellisées en Europe pour discuter de l'avenir du label.",
            ),
            (
                "cs",
                "Setkání se zúčastnila přibližně polovina všech klastrových organizací v Evropě, které diskutovaly o budoucnosti označování.",
            ),
            (
                "es",
                "La reunión congregó a cerca de la mitad de todas las organizaciones de clústeres de Europa para debatir el futuro del sello.",
            ),
            (
                "it",
                "La riunione ha riunito circa la metà di tutte le organizzazioni di cluster in Europa per discutere il futuro del marchio.",
            ),
            (
                "nl",
                "De bijeenkomst bracht ongeveer de helft van alle clusterorganisaties in Europa samen om de toekomst van het label te bespreken.",
            ),
            (
                "ga",
                "Bhí an cruinniú ar siúl sa Bhruiséil agus bhí níos mó ná caoga bainisteoir ó na braislí ann chun an clár a phlé le chéile.",
            ),
            (
                "mt",
                "Il-laqgħa saret fi Brussell u ħadu sehem il-maniġers tal-clusters minn diversi pajjiżi biex jiddiskutu l-futur tal-programm.",
            ),
            (
                "is",
                "Fundurinn var haldinn í Reykjavík og þar voru fulltrúar klasa frá mörgum löndum sem ræddu um framtíð samstarfsins.",
            ),
        ];
        for (expected, text) in samples {
            let found = code(text).unwrap_or_else(|| panic!("nothing for {expected}"));
            assert_eq!(found.0, expected, "{text}");
        }
    }

    #[test]
    fn short_lines_are_decided_by_function_words_or_left_unreliable() {
        assert_eq!(code("zurück zur Übersicht").map(|c| c.0), Some("de".into()));
        assert!(code("Further information.").is_none_or(|(_, reliable)| !reliable));
    }
}
