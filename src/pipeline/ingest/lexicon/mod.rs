//! Ingest's knowledge of languages, as data: function words, site-furniture vocabularies,
//! places with their exonyms, sector names, organisation words ([`organisations`]), and
//! calendar words ([`calendar`]). The word lists live in YAML files in this folder
//! (compiled in); calendar words come from CLDR through ICU4X.

mod calendar;
mod gazetteer;
pub(crate) mod organisations;
mod place_names;
mod relative;
mod terms;

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Deserialize;

use crate::model::lang::KNOWN_LANGUAGES;
pub(crate) use calendar::MonthNames;
use gazetteer::Gazetteer;
use organisations::OrganisationWords;
pub(crate) use terms::{Found, TermSet, match_tokens};
use terms::{named_terms, parse_data};

/// The words of a per-language word list, every language's, sorted and each once.
fn all_languages(yaml: &str) -> Vec<String> {
    let per_language: HashMap<String, Vec<String>> = parse_data(yaml);
    let mut words: Vec<String> = per_language.into_values().flatten().collect();
    words.sort();
    words.dedup();
    words
}

/// Letters a compound needs before its event word ("Jahres-tagung", "Fach-forum"):
/// "Programm" does not end in an event word, nor "Com-mission" or "Sub-mission".
const COMPOUND_HEAD: usize = 4;
/// A long event word inside a compound may carry an inflection after it, as it does alone
/// ("klyngekonferansen", "klaszterkonferencia"); a short one may not ("holidays").
const COMPOUND_INFLECTED_STEM: usize = 6;
const COMPOUND_INFLECTION: usize = 2;

/// Words before a date read for one that makes it a publication's ("published on the").
const PUBLISHED_WORD_DISTANCE: usize = 3;

/// Kinds of site furniture a vocabulary term points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Furniture {
    /// Cookie and consent banners.
    Consent,
    /// Words that support a consent reading.
    ConsentContext,
    /// The first item of a breadcrumb trail.
    Home,
    /// Links and buttons.
    Navigation,
    /// A call to action that opens a widget's line ("Download", "Register", "Tickets").
    Action,
    /// Metadata field labels.
    Label,
    /// A word naming a picture ("Foto", "Fot."), which opens its caption or credit.
    Photo,
    /// A phrase that opens a photo caption ("from the left", "im Bild").
    Caption,
    /// Site credits and legal links.
    Credits,
    /// A label naming the original publisher ("Source:", "Quelle:").
    Source,
    /// The word for "page" before a page number ("Seite 3").
    Page,
    /// A phrase saying the text was machine translated ("translated with DeepL").
    MachineTranslation,
    /// A phrase of a comment form or widget ("your email address will not be published").
    CommentForm,
}

/// What a word beside a date may be on a dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DatelineWord {
    /// A label or a function word ("Posted", "on", "Veröffentlicht", "am").
    Label,
    /// The word that opens a byline's author ("by", "von", "par").
    Author,
    /// Any other word: the text is a sentence that gives a date.
    Other,
}

#[derive(Deserialize)]
struct FurnitureFile {
    consent: Vec<String>,
    consent_context: Vec<String>,
    home: Vec<String>,
    navigation: Vec<String>,
    actions: Vec<String>,
    labels: Vec<String>,
    photo: Vec<String>,
    captions: Vec<String>,
    credits: Vec<String>,
    source: Vec<String>,
    page: Vec<String>,
    machine_translation: Vec<String>,
    comment_form: Vec<String>,
    author: Vec<String>,
    here: Vec<String>,
}

/// Everything ingest knows about words.
#[derive(Debug)]
pub(crate) struct Lexicon {
    stopwords: FxHashMap<String, FxHashSet<String>>,
    all_stopwords: FxHashSet<String>,
    /// Function word → the languages it is a function word of.
    stopword_languages: FxHashMap<String, Vec<&'static str>>,
    /// Site furniture terms of every language.
    pub(crate) furniture: TermSet<Furniture>,
    /// Places, matched on words as written; the value is the canonical name.
    pub(crate) places: TermSet<String>,
    /// The cities `places` does not name.
    gazetteer: Gazetteer,
    /// Sector words; the value is the sector tag.
    pub(crate) sectors: TermSet<String>,
    /// Country names, matched on words as written; the value is the English name.
    pub(crate) countries: TermSet<String>,
    /// What makes a name an organisation's.
    pub(crate) organisations: OrganisationWords,
    /// Month names of every language.
    pub(crate) months: MonthNames,
    /// Language → beginnings of the words that make a name an event's there.
    event_words: FxHashMap<String, Vec<String>>,
    /// Beginnings of the words for "event" itself ("event", "Veranstaltung").
    event_nouns: Vec<String>,
    /// Beginnings of the words that, beside an event word, name a building ("Centre").
    venue_words: Vec<String>,
    /// Phrases that introduce the event another is held within ("in the framework of").
    host_phrases: Vec<String>,
    /// Words that make a date a publication's ("published on").
    published_words: FxHashSet<String>,
    /// Each word of the labels of several words ("last modified", "mis à jour"), which
    /// on a dateline are read one word at a time.
    label_phrase_words: FxHashSet<String>,
    /// One-word names of a site's home page ("home", "startseite"), for glued breadcrumbs.
    home_words: Vec<String>,
    /// The words for "here" that end a link's pointer ("Read the programme here."), none
    /// of them another language's function word (the Italian "qui" is French for "who").
    here_words: FxHashSet<String>,
    /// Language → the words that open a byline's author there ("by", "von", "par").
    author_words: FxHashMap<String, FxHashSet<String>>,
    /// Language → its articles ("the", "den", "la"), which never end a phrase.
    articles: FxHashMap<String, FxHashSet<String>>,
    /// Beginnings of the words of event names each language writes its own way, longest
    /// first, with the English word they translate ("konferen": "Conference").
    name_words: Vec<(String, String)>,
}

impl Lexicon {
    /// Loads the compiled-in vocabularies.
    pub(crate) fn new() -> Lexicon {
        let stopwords: FxHashMap<String, FxHashSet<String>> =
            parse_data(include_str!("stopwords.yaml"));
        let all_stopwords: FxHashSet<String> = stopwords.values().flatten().cloned().collect();
        let mut stopword_languages: FxHashMap<String, Vec<&'static str>> = FxHashMap::default();
        for language in KNOWN_LANGUAGES {
            for word in stopwords.get(language.code).into_iter().flatten() {
                stopword_languages
                    .entry(word.clone())
                    .or_default()
                    .push(language.code);
            }
        }
        let furniture_files: HashMap<String, FurnitureFile> =
            parse_data(include_str!("boilerplate.yaml"));
        let mut furniture = TermSet::new();
        let mut home_words: Vec<String> = furniture_files
            .values()
            .flat_map(|file| file.home.iter())
            .filter(|term| !term.contains(' '))
            .map(|term| term.to_lowercase())
            .collect();
        home_words.sort();
        home_words.dedup();
        let label_phrase_words = furniture_files
            .values()
            .flat_map(|file| file.labels.iter())
            .filter(|label| label.contains(' '))
            .flat_map(|label| label.split(' '))
            .map(|word| word.trim_end_matches('*').to_lowercase())
            .collect();
        let here_words = furniture_files
            .values()
            .flat_map(|file| file.here.iter())
            .filter(|word| !all_stopwords.contains(*word))
            .cloned()
            .collect();
        let author_words = furniture_files
            .iter()
            .map(|(lang, file)| (lang.clone(), file.author.iter().cloned().collect()))
            .collect();
        for file in furniture_files.values() {
            let kinds = [
                (&file.consent, Furniture::Consent),
                (&file.consent_context, Furniture::ConsentContext),
                (&file.home, Furniture::Home),
                (&file.navigation, Furniture::Navigation),
                (&file.actions, Furniture::Action),
                (&file.labels, Furniture::Label),
                (&file.photo, Furniture::Photo),
                (&file.captions, Furniture::Caption),
                (&file.credits, Furniture::Credits),
                (&file.source, Furniture::Source),
                (&file.page, Furniture::Page),
                (&file.machine_translation, Furniture::MachineTranslation),
                (&file.comment_form, Furniture::CommentForm),
            ];
            for (terms, kind) in kinds {
                for term in terms {
                    furniture.add(term, kind, true);
                }
            }
        }
        let places = named_terms(include_str!("places.yaml"), false);
        let countries = named_terms(include_str!("countries.yaml"), false);
        let months = MonthNames::from_cldr();
        let organisations = match OrganisationWords::from_yaml(include_str!("organisations.yaml")) {
            Ok(words) => words,
            Err(error) => panic!("a compiled-in lexicon file is invalid: {error}"),
        };
        // "Universidad" is a district of Madrid in GeoNames, and the first word of every
        // Spanish university's name.
        let gazetteer = Gazetteer::new(
            |name| places.exact(name).map(String::as_str),
            |name| {
                let lower = name.to_lowercase();
                name.chars().count() < 4
                    || all_stopwords.contains(&lower)
                    || countries.exact(name).is_some()
                    || months.month(&lower, None).is_some()
                    || organisations.is_keyword(name)
            },
        );
        Lexicon {
            stopwords,
            all_stopwords,
            stopword_languages,
            furniture,
            places,
            gazetteer,
            sectors: named_terms(include_str!("sectors.yaml"), true),
            countries,
            organisations,
            months,
            event_words: parse_data(include_str!("events.yaml")),
            event_nouns: all_languages(include_str!("event_nouns.yaml")),
            venue_words: all_languages(include_str!("venues.yaml")),
            host_phrases: all_languages(include_str!("hosts.yaml")),
            label_phrase_words,
            here_words,
            published_words: all_languages(include_str!("published.yaml"))
                .into_iter()
                .collect(),
            home_words,
            author_words,
            articles: parse_data(include_str!("articles.yaml")),
            name_words: name_words(include_str!("name_words.yaml")),
        }
    }

    /// An event's name with the words each language writes its own way put in English
    /// ("Evropská klastrová konference": "European Cluster Conference"), the others as
    /// written, so names of one event in two languages compare alike.
    pub(crate) fn interlingual_name(&self, name: &str) -> String {
        let words: Vec<String> = name
            .split_whitespace()
            .map(|word| {
                self.interlingual_word(word)
                    .unwrap_or_else(|| word.to_owned())
            })
            .collect();
        words.join(" ")
    }

    /// A word of an event's name in English, and each word of a compound that begins with
    /// one ("klaszterkonferencia": "Cluster Conference"), if it is made of them and a short
    /// ending: "Konferenzzentrum" (a building) and "Clusterpolitik" stay as written. A word
    /// written in lower case stays in lower case: a capital makes a phrase a name.
    fn interlingual_word(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        let mut rest = lower.as_str();
        let mut english = Vec::new();
        while let Some((beginning, word)) = self
            .name_words
            .iter()
            .find(|(beginning, _)| rest.starts_with(beginning.as_str()))
        {
            english.push(word.as_str());
            rest = rest[beginning.len()..].trim_start_matches('-');
        }
        let ending = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
        if english.is_empty() || ending.chars().count() > NAME_WORD_ENDING {
            return None;
        }
        let english = english.join(" ");
        let capitalised = word
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase);
        Some(if capitalised {
            english
        } else {
            english.to_lowercase()
        })
    }

    /// Whether a lower-case token begins with the name of a home page followed by more
    /// letters: the first item of a breadcrumb pasted without separators.
    pub(crate) fn starts_with_home_word(&self, token: &str) -> bool {
        self.home_words
            .iter()
            .any(|home| token.len() > home.len() + 2 && token.starts_with(home.as_str()))
    }

    /// Whether `word` (lower case) makes a name an event's in a text in `lang`: it begins
    /// with an event word of `lang` or of English, in which conference names often stay
    /// ("konferencji", "Summit"), or ends a compound with one ("jahrestagung",
    /// "klyngekonferansen"). Other
    /// languages' words are not looked for: the Estonian "mess" (fair) would make "Key
    /// Messages" an event. A weekday names no event ("Thursday", "Dienstag").
    pub(crate) fn is_event_word(&self, word: &str, lang: &str) -> bool {
        let matches = |stem: &String| word.starts_with(stem.as_str()) || ends_compound(word, stem);
        let any_of = |list: &Vec<String>| list.iter().any(matches);
        let found = match self.event_words.get(lang) {
            Some(own) => any_of(own) || self.event_words.get("en").is_some_and(any_of),
            None => self.event_words.values().any(any_of),
        };
        found && !self.months.is_weekday(word)
    }

    /// Whether `word` (lower case) is the word for "event" itself ("podujatia").
    pub(crate) fn is_event_noun(&self, word: &str) -> bool {
        begins_with_any(&self.event_nouns, word)
    }

    /// Whether the text before a date says the date is a publication's: its last word
    /// that is no function word is one for "published" ("the Communication published on",
    /// "veröffentlicht am").
    pub(crate) fn says_published(&self, before: &str) -> bool {
        before
            .split(|c: char| !c.is_alphabetic())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .rev()
            .take(PUBLISHED_WORD_DISTANCE)
            .find(|word| !self.is_stopword(word))
            .is_some_and(|word| self.published_words.contains(&word))
    }

    /// Whether the words before an event's name (lower case) introduce it as the event
    /// another is held within or beside ("within the context of the 7th edition of the").
    pub(crate) fn introduces_host(&self, before: &str) -> bool {
        self.host_phrases
            .iter()
            .any(|phrase| before.contains(phrase.as_str()))
    }

    /// Whether `word` (lower case), beside an event word, makes the name a building's:
    /// "Conference Centre", "Centrum Kongresowe" is no event.
    pub(crate) fn is_venue_word(&self, word: &str) -> bool {
        begins_with_any(&self.venue_words, word)
    }

    /// Whether `word` (lower case) is a word for "here" that ends a link's pointer.
    pub(crate) fn is_here_word(&self, word: &str) -> bool {
        self.here_words.contains(word)
    }

    /// Whether `word` (lower case) is a function word of any language.
    pub(crate) fn is_stopword(&self, word: &str) -> bool {
        self.all_stopwords.contains(word)
    }

    /// Whether `word` (lower case) opens a byline's author ("by", "von", "par") in `lang`,
    /// or in any language when it is unknown.
    pub(crate) fn opens_author(&self, word: &str, lang: Option<&str>) -> bool {
        in_language_list(&self.author_words, lang, word)
    }

    /// What `word` (lower case) may be next to a date on a dateline: the word that opens
    /// its author, a function word or a label such as "posted", "publié",
    /// "veröffentlicht", "erstellt" or a word of one ("last modified"), or another word.
    pub(crate) fn dateline_word(&self, word: &str, lang: Option<&str>) -> DatelineWord {
        if self.opens_author(word, lang) {
            return DatelineWord::Author;
        }
        let function_word = match lang {
            Some(lang) => self.is_stopword_in(lang, word),
            None => self.is_stopword(word),
        };
        let label = function_word
            || self.label_phrase_words.contains(word)
            || self
                .furniture
                .find_all(&[word.to_owned()])
                .iter()
                .any(|found| {
                    matches!(
                        found.value,
                        Furniture::Label | Furniture::Photo | Furniture::Source
                    )
                });
        if label {
            DatelineWord::Label
        } else {
            DatelineWord::Other
        }
    }

    /// The languages `word` (lower case) is a function word of.
    pub(crate) fn function_word_languages(&self, word: &str) -> &[&'static str] {
        self.stopword_languages.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` (lower case) is an article of `lang`, or of any language when it is
    /// unknown.
    pub(crate) fn is_article(&self, lang: Option<&str>, word: &str) -> bool {
        in_language_list(&self.articles, lang, word)
    }

    /// Whether `word` (lower case) is a function word of `lang`.
    pub(crate) fn is_stopword_in(&self, lang: &str, word: &str) -> bool {
        self.stopwords
            .get(lang)
            .is_some_and(|words| words.contains(word))
    }
}

/// Letters of a case ending after a beginning of `name_words.yaml` ("konferen-cián",
/// "klastr-ových").
const NAME_WORD_ENDING: usize = 5;

/// The beginnings of `name_words.yaml`, every language's, each with its English word,
/// longest first: "europejsk" is found before "europ", so the ending left is short.
fn name_words(yaml: &str) -> Vec<(String, String)> {
    let per_word: HashMap<String, HashMap<String, Vec<String>>> = parse_data(yaml);
    let mut beginnings: Vec<(String, String)> = per_word
        .into_iter()
        .flat_map(|(english, languages)| {
            languages
                .into_values()
                .flatten()
                .map(move |beginning| (beginning, english.clone()))
        })
        .collect();
    beginnings.sort_by(|(a, _), (b, _)| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    beginnings.dedup();
    beginnings
}

/// Whether `word` is in `lang`'s list of `lists`, or in any language's when it is unknown.
fn in_language_list(
    lists: &FxHashMap<String, FxHashSet<String>>,
    lang: Option<&str>,
    word: &str,
) -> bool {
    match lang {
        Some(lang) => lists.get(lang).is_some_and(|words| words.contains(word)),
        None => lists.values().any(|words| words.contains(word)),
    }
}

/// Whether `stem` ends the compound `word` after a head of `COMPOUND_HEAD` letters, with
/// at most `COMPOUND_INFLECTION` letters of inflection after it when it is long.
fn ends_compound(word: &str, stem: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    let stem_letters = stem.chars().count();
    let inflection = if stem_letters >= COMPOUND_INFLECTED_STEM {
        COMPOUND_INFLECTION
    } else {
        0
    };
    (0..=inflection).any(|tail| {
        letters.len() >= COMPOUND_HEAD + stem_letters + tail && {
            let end = letters.len() - tail;
            letters[end - stem_letters..end]
                .iter()
                .copied()
                .eq(stem.chars())
        }
    })
}

/// Whether `word` begins with one of the word stems of a list.
fn begins_with_any(stems: &[String], word: &str) -> bool {
    stems.iter().any(|stem| word.starts_with(stem.as_str()))
}

#[cfg(test)]
mod tests;
