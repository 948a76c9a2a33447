//! The cities and city names the curated place list does not have, from GeoNames
//! (`gazetteer.tsv`): every European town of 5,000 people or more and the world's cities
//! of a million, under their names in Latin, Greek and Cyrillic script; a curated city's
//! other names ("Vratislav" for Wrocław) go under its curated name. A city's name is often a common word too (the
//! German "Essen", "Halle", "Lage"), so one counts only where a text puts it as a place:
//! beside a locative word ("in Mechelen", "v Opatiji", "Debrecen városában"), opening a
//! dateline ("Palma. 10 de mayo") or with a case ending of two letters or more
//! ("Nagyváradon").

use rustc_hash::FxHashSet;

use super::terms::{Found, TermSet, number_up_to, parse_data};

/// The cities of the gazetteer and the words that announce a place.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    cities: TermSet<String>,
    /// The curated cities' other names ("Kluž", "Vratislav"): many are old or rare forms
    /// ("Parisi"), so one counts only where a text puts a place, inflected or not.
    other_names: TermSet<String>,
    locatives: Locatives,
}

/// The words that put a name where a place stands (`locatives.yaml`), of all languages.
#[derive(Debug)]
struct Locatives {
    /// Prepositions: "in Mechelen", "w Oradei".
    before: FxHashSet<String>,
    /// Words for "in the city" written after the name: "Tartu linnas".
    after: FxHashSet<String>,
    /// Their stems written with a `*`, which take any ending: "város" of "Debrecen városában".
    after_stems: Vec<String>,
}

impl Locatives {
    fn load() -> Locatives {
        type PerLanguage = std::collections::HashMap<String, Vec<String>>;
        #[derive(serde::Deserialize)]
        struct File {
            before: PerLanguage,
            after: PerLanguage,
        }
        let file: File = parse_data(include_str!("locatives.yaml"));
        let (stems, after): (Vec<String>, Vec<String>) = file
            .after
            .into_values()
            .flatten()
            .partition(|word| word.ends_with('*'));
        Locatives {
            before: file.before.into_values().flatten().collect(),
            after: after.into_iter().collect(),
            after_stems: stems
                .into_iter()
                .map(|stem| stem.trim_end_matches('*').to_owned())
                .collect(),
        }
    }

    fn precedes_place(&self, word: &str) -> bool {
        self.before.contains(&word.to_lowercase())
    }

    fn follows_place(&self, word: &str) -> bool {
        let word = word.to_lowercase();
        self.after.contains(&word) || self.after_stems.iter().any(|stem| word.starts_with(stem))
    }
}

/// The most letters of a word that joins two names ("és", "ja", "un", "ir"): "Nagyvárad és
/// Debrecen városaiban" puts both where a place stands.
const JOINING_WORD_MAX_CHARS: usize = 3;

/// Case endings that alone make a word a place's inflected name: a one-letter ending
/// ("Lagen", "Essens") is as likely a common word's.
const MIN_ENDING_CHARS: usize = 2;

impl Gazetteer {
    /// Loads the compiled-in gazetteer; `curated` gives the curated list's name of a city it
    /// knows, `skip` says which names to leave out (function words, country and month
    /// names).
    pub(crate) fn new<'c>(
        curated: impl Fn(&str) -> Option<&'c str>,
        skip: impl Fn(&str) -> bool,
    ) -> Gazetteer {
        let mut cities = TermSet::new();
        let mut other_names = TermSet::new();
        let mut added: FxHashSet<&str> = FxHashSet::default();
        let text = include_str!("gazetteer.tsv");
        let rows = || text.lines().filter(|line| !line.starts_with('#'));
        // A city's own name is never another's other name: Tijuana was once called
        // "Zaragoza", and is bigger, yet "Zaragoza" is the Spanish city.
        let own_names: FxHashSet<&str> =
            rows().filter_map(|line| line.split('\t').next()).collect();
        for line in rows() {
            let mut fields = line.split('\t');
            let (Some(name), Some(_country), Some(names)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            // A city the curated list names keeps its names and inflections there; its other
            // names ("Kluž" for Cluj-Napoca) are the gazetteer's, under the curated name.
            let curated_name = names.split('|').find_map(&curated);
            // "Halle (Saale)" is Halle.
            let canonical = curated_name
                .unwrap_or_else(|| name.split(" (").next().unwrap_or(name))
                .to_owned();
            // Cities come most populous first: a name two share is the bigger one's.
            for written in names.split('|') {
                let anothers_own_name = written != name && own_names.contains(written);
                if anothers_own_name || skip(written) || !added.insert(written) {
                    continue;
                }
                match &curated_name {
                    Some(_) if curated(written).is_some() => {}
                    Some(_) => other_names.add(written, canonical.clone(), false),
                    None => cities.add(written, canonical.clone(), false),
                }
            }
        }
        let locatives = Locatives::load();
        Gazetteer {
            cities,
            other_names,
            locatives,
        }
    }

    /// The cities in `tokens` (words as written) that stand where a place stands, outside
    /// the spans `taken` already covers.
    pub(crate) fn find<'a, S: AsRef<str>>(
        &'a self,
        tokens: &[S],
        taken: &[Found<'_, String>],
        case_endings: &[&str],
        is_month: impl Fn(&str) -> bool,
    ) -> Vec<Found<'a, String>> {
        let is_taken = |index: usize| {
            taken
                .iter()
                .any(|hit| (hit.start..hit.start + hit.len).contains(&index))
        };
        // A dateline opens with its city and a date: "Palma. 10 de mayo de 2025", "Wien,
        // 5. Mai", "Gent, 5.10.2022".
        let month_at = |at: usize| tokens.get(at).is_some_and(|token| is_month(token.as_ref()));
        let opens_dateline = |index: usize| {
            index == 0
                && number_up_to(tokens, 1, 31)
                && (month_at(2) || month_at(3) || number_up_to(tokens, 2, 12))
        };
        let word_at = |at: usize| tokens.get(at).map(AsRef::as_ref);
        // "Nagyvárad és Debrecen városaiban": a joining word and a name may stand between a
        // name and the word after it that makes it a place.
        let joins_next_name = |at: usize| {
            word_at(at).is_some_and(|word| {
                word.chars().count() <= JOINING_WORD_MAX_CHARS
                    && word.chars().all(char::is_lowercase)
            }) && word_at(at + 1).is_some_and(|word| word.starts_with(char::is_uppercase))
        };
        let followed_by_locative = |index: usize| {
            let next = if joins_next_name(index + 1) {
                index + 3
            } else {
                index + 1
            };
            word_at(next).is_some_and(|word| self.locatives.follows_place(word))
        };
        let stands_as_place = |index: usize| {
            opens_dateline(index)
                || index
                    .checked_sub(1)
                    .and_then(word_at)
                    .is_some_and(|word| self.locatives.precedes_place(word))
                || followed_by_locative(index)
        };
        let mut found: Vec<Found<'a, String>> = self
            .cities
            .find_all(tokens)
            .into_iter()
            .chain(self.other_names.find_all(tokens))
            .filter(|hit| !is_taken(hit.start) && stands_as_place(hit.start))
            .collect();
        for (index, token) in tokens.iter().map(AsRef::as_ref).enumerate() {
            if is_taken(index) || found.iter().any(|hit| hit.start == index) {
                continue;
            }
            let placed = stands_as_place(index);
            let city = inflected(&self.cities, token, case_endings, placed).or_else(|| {
                placed
                    .then(|| inflected(&self.other_names, token, case_endings, true))
                    .flatten()
            });
            if let Some(value) = city {
                found.push(Found {
                    start: index,
                    len: 1,
                    value,
                });
            }
        }
        found
    }
}

/// The city of `names` a capitalised word names with a case ending.
fn inflected<'a>(
    names: &'a TermSet<String>,
    token: &str,
    case_endings: &[&str],
    after_locative: bool,
) -> Option<&'a String> {
    if !token.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    case_endings.iter().find_map(|ending| {
        let stem = token.strip_suffix(ending)?;
        let long_enough = after_locative || ending.chars().count() >= MIN_ENDING_CHARS;
        if !long_enough || stem.chars().count() < 4 {
            return None;
        }
        // A nominative's "a" is given back only where the text puts a place: "Pierre"
        // is no "Piera".
        if after_locative {
            names.exact_stem(stem)
        } else {
            names.exact(stem)
        }
    })
}

#[cfg(test)]
impl Gazetteer {
    /// Whether a word, as written, is a city's name here.
    fn names(&self, word: &str) -> bool {
        !self
            .cities
            .find_all(&super::terms::match_tokens(word, false))
            .is_empty()
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::ingest::lexicon::{Lexicon, match_tokens};

    fn places(text: &str) -> Vec<String> {
        let lexicon = Lexicon::new();
        lexicon
            .find_places(&match_tokens(text, false), None)
            .into_iter()
            .map(|hit| hit.value.clone())
            .collect()
    }

    #[test]
    fn a_city_the_curated_list_lacks_is_found_where_a_text_puts_a_place() {
        assert_eq!(places("The conference was held in Mechelen."), ["Mechelen"]);
        assert_eq!(places("Konference se konala v Mechelenu."), ["Mechelen"]);
        assert_eq!(places("A konferencia Nagyváradon kezdődött."), ["Oradea"]);
        assert_eq!(places("Spotkanie w Toronto"), ["Toronto"]);
        assert_eq!(places("Το συνέδριο στην Πάτρα"), ["Pátra"]);
    }

    #[test]
    fn a_town_of_a_few_thousand_people_is_found_where_a_text_puts_a_place() {
        // Cluster meetings go to resorts and science parks: towns of 5,000 to 15,000.
        assert_eq!(places("Skup klastera održan je u Opatiji."), ["Opatija"]);
        assert_eq!(places("Întâlnirea a avut loc la Sinaia."), ["Sinaia"]);
        assert_eq!(places("Srečanje je potekalo v Ajdovščini."), ["Ajdovščina"]);
        assert_eq!(places("The workshop met in Sinaia."), ["Sinaia"]);
    }

    #[test]
    fn a_name_that_drops_its_e_in_other_cases_is_found() {
        assert_eq!(places("Den klastrů se konal v Liberci."), ["Liberec"]);
        assert_eq!(places("Seminář proběhl v Písku."), ["Písek"]);
    }

    #[test]
    fn a_citys_own_name_is_never_a_bigger_citys_other_name() {
        // GeoNames lists "Zaragoza" among Tijuana's old names.
        assert_eq!(places("La jornada se celebró en Zaragoza."), ["Zaragoza"]);
        assert_eq!(places("ZARAGOZA, 20 Mar. (EUROPA PRESS)"), ["Zaragoza"]);
    }

    #[test]
    fn a_city_is_found_before_the_word_for_in_the_city_of_languages_that_write_it_after() {
        assert_eq!(
            places("A konferencia Szeged városában zajlott."),
            ["Szeged"]
        );
        assert_eq!(
            places("Nagyvárad és Debrecen városaiban került megrendezésre."),
            ["Oradea", "Debrecen"]
        );
        assert_eq!(places("Konverents toimus Tartu linnas."), ["Tartu"]);
        assert_eq!(places("Konferenssi pidettiin Oulun kaupungissa."), ["Oulu"]);
        assert_eq!(places("Konference notika Jelgavas pilsētā."), ["Jelgava"]);
        // A town's name that is a word stays a word without the word for the city.
        assert!(places("Tegnap Szeged csapata nyert.").is_empty());
        // A lower-case word after a name joins no second name to it.
        assert!(places("Szeged és a városban").is_empty());
    }

    #[test]
    fn a_name_ending_in_a_is_found_in_its_other_cases() {
        assert_eq!(places("Den klastrů proběhl v Jihlavě."), ["Jihlava"]);
        assert_eq!(places("Konference se konala v Ostravě."), ["Ostrava"]);
        assert_eq!(places("Konferencja odbyła się w Ostrawie."), ["Ostrava"]);
        assert!(places("Marie and Pierre wrote the report.").is_empty());
    }

    #[test]
    fn a_city_named_like_a_common_word_needs_a_locative() {
        assert!(places("Das Essen war gut, die Lage auch.").is_empty());
        assert!(places("Split the budget, Reading the report").is_empty());
        assert_eq!(places("Die Tagung fand in Essen statt."), ["Essen"]);
    }

    #[test]
    fn a_curated_citys_other_names_are_found_under_its_curated_name() {
        // The curated list has "Wrocław, Breslau"; GeoNames adds the Czech "Vratislav".
        assert_eq!(places("Konference se konala ve Vratislavi."), ["Wrocław"]);
        assert_eq!(places("Setkání v Kluži"), ["Cluj-Napoca"]);
    }

    #[test]
    fn a_city_opening_a_dateline_is_a_place() {
        assert_eq!(places("Palma. 10 de mayo de 2025. El auditorio"), ["Palma"]);
        assert_eq!(
            places("Mechelen, 5 mei 2022 – De speerpuntclusters"),
            ["Mechelen"]
        );
        assert!(places("Essen 2 Mal am Tag").is_empty());
        assert!(places("Das Essen, 5 Gänge").is_empty());
    }

    #[test]
    fn the_curated_list_keeps_its_cities_and_the_bigger_city_takes_a_shared_name() {
        let lexicon = Lexicon::new();
        assert!(!lexicon.gazetteer.names("Brussels"));
        assert_eq!(places("in Brüssel"), ["Brussels"]);
        assert_eq!(places("held in Frankfurt"), ["Frankfurt"]);
    }

    #[test]
    fn a_news_agencys_dateline_in_capitals_names_its_city() {
        assert_eq!(places("ROMA, 5 marzo (ANSA) - Il convegno"), ["Rome"]);
        assert_eq!(places("VARŠAVA 12. května"), ["Warsaw"]);
        assert_eq!(places("ZARAGOZA, 20 Mar. El congreso"), ["Zaragoza"]);
        // Capitals without a date after them are a heading or an acronym.
        assert!(places("ROMA CAPITALE").is_empty());
        assert!(places("NICE 2024").is_empty());
    }
}
