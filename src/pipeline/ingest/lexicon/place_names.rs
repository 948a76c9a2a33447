//! Places named in a text: listed names and exonyms, the same with a case ending in an
//! inflecting language ("Budapesten", "Vilniuje"), the gazetteer's towns, and a news
//! agency's dateline city in capitals ("ZARAGOZA, 20 Mar.").

use super::terms::number_up_to;
use super::{Found, Lexicon};

/// Case endings of place names in EU languages (Hungarian, Finnish, Estonian, the Baltic and
/// Slavic languages), longest first.
const CASE_ENDINGS: &[&str] = &[
    "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ban", "ben", "ból", "ből",
    "ról", "ről", "nak", "nek", "oje", "uje", "ije", "iem", "ach", "ami", "om", "ov", "en", "on",
    "ön", "an", "ba", "be", "ra", "re", "is", "st", "le", "je", "ie", "ą", "ę", "u", "a", "e", "i",
    "ā", "ē", "ī", "ě", "s", "n",
];

/// Languages whose place names take the endings above (Slavic, Baltic, Finnic, Hungarian):
/// only in these is "Budapesten" Budapest; in English, "Vision" is no "Visi", in Spanish,
/// "Batalla" no "Bata".
const INFLECTING_LANGUAGES: &[&str] = &[
    "cs", "sk", "pl", "sl", "hr", "sr", "bs", "lt", "lv", "et", "fi", "hu",
];

/// The case endings a language's place names may carry; every language's when it is
/// unknown.
fn case_endings(lang: Option<&str>) -> &'static [&'static str] {
    if lang.is_none_or(|lang| INFLECTING_LANGUAGES.contains(&lang)) {
        CASE_ENDINGS
    } else {
        &[]
    }
}

/// The city of a news agency's dateline, which writes it in capitals ("ZARAGOZA, 20 Mar.",
/// "ROMA, 5 marzo"), written as a name ("Zaragoza") to be looked up; `None` for any other
/// opening.
fn city_of_dateline_in_capitals<S: AsRef<str>>(tokens: &[S]) -> Option<String> {
    let first = tokens.first()?.as_ref();
    let in_capitals = first.chars().count() >= 4 && first.chars().all(char::is_uppercase);
    if !(in_capitals && number_up_to(tokens, 1, 31)) {
        return None;
    }
    let mut letters = first.chars();
    let initial = letters.next()?;
    Some(initial.to_string() + &letters.as_str().to_lowercase())
}

impl Lexicon {
    /// The places in a sequence of words as written, in `lang` when known. A word the
    /// gazetteer does not list may be a listed name with a case ending ("Budapesten",
    /// "Tampereella", "Vilniuje"): in an inflecting language, its endings are tried on
    /// capitalised words.
    pub(crate) fn find_places<'a, S: AsRef<str>>(
        &'a self,
        tokens: &[S],
        lang: Option<&str>,
    ) -> Vec<Found<'a, String>> {
        match city_of_dateline_in_capitals(tokens) {
            Some(city) => {
                let mut words: Vec<&str> = tokens.iter().map(AsRef::as_ref).collect();
                words[0] = &city;
                self.find_places_as_written(&words, lang)
            }
            None => self.find_places_as_written(tokens, lang),
        }
    }

    fn find_places_as_written<'a, S: AsRef<str>>(
        &'a self,
        tokens: &[S],
        lang: Option<&str>,
    ) -> Vec<Found<'a, String>> {
        let endings = case_endings(lang);
        let mut found = self.places.find_all(tokens);
        for (index, token) in tokens.iter().map(AsRef::as_ref).enumerate() {
            let capitalised = token.chars().next().is_some_and(char::is_uppercase);
            if !capitalised
                || token.len() < 5
                || found
                    .iter()
                    .any(|hit| (hit.start..hit.start + hit.len).contains(&index))
            {
                continue;
            }
            let stem = endings.iter().find_map(|ending| {
                let stem = token.strip_suffix(ending)?;
                (stem.chars().count() >= 4)
                    .then(|| self.places.exact_stem(stem))
                    .flatten()
            });
            if let Some(value) = stem {
                found.push(Found {
                    start: index,
                    len: 1,
                    value,
                });
            }
        }
        let is_month = |word: &str| self.months.is_any_month(word);
        let cities = self.gazetteer.find(tokens, &found, endings, is_month);
        found.extend(cities);
        found.sort_by_key(|hit| hit.start);
        found
    }
}
