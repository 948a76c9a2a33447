//! A title for a text that shows none: the phrase its body repeats most, or else its first
//! sentence.

use std::collections::HashMap;

use crate::pipeline::ingest::lexicon::Lexicon;
use crate::util::text::last_word;

/// Whether a title has something to read: a letter or a digit. A report needs one (the
/// content loader refuses an empty title), and "." or "—" is none.
pub(crate) fn has_words(title: &str) -> bool {
    title.chars().any(char::is_alphanumeric)
}

/// A title for a body that has none: the longest name of an event (three to six words, one
/// of them an event word of `lang`, of any language when it is unknown) it repeats at least
/// twice, or else its first sentence with words in it, shortened. Any other repeated phrase
/// is a fragment as a title ("Cultural and creative", "Faculty of Management and
/// Economics"). Empty only for a body without a letter or digit.
pub(crate) fn derive(texts: &[&str], lang: Option<&str>, lexicon: &Lexicon) -> String {
    if let Some(phrase) = repeated_event_name(texts, lang.unwrap_or_default(), lexicon) {
        return capitalise(&phrase);
    }
    let sentence = texts
        .iter()
        .flat_map(|text| sentences(text))
        .map(str::trim)
        .find(|sentence| has_words(sentence))
        .unwrap_or_default();
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= 12 {
        sentence.trim_end_matches('.').to_owned()
    } else {
        format!(
            "{}…",
            words[..10].join(" ").trim_end_matches([',', ';', ':'])
        )
    }
}

/// The sentences of a text, each with its closing mark. A dot after a number is an
/// ordinal's or a date's ("ve dnech 2.–3. listopadu", "am 14. Juni"), not a sentence's end.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .char_indices()
            .filter(|&(at, mark)| matches!(mark, '.' | '!' | '?') && ends_here(rest, at, mark))
            .map(|(at, mark)| at + mark.len_utf8())
            .next()
            .unwrap_or(rest.len());
        let (sentence, after) = rest.split_at(end);
        rest = after;
        Some(sentence)
    })
}

/// Whether the mark at `at` ends a sentence: the text ends or a space follows, and a dot
/// does not close a day's or an ordinal's number of one or two digits ("2.–3.", "14."),
/// while one after a year does ("… in 2018. The …") unless a word in lower case follows,
/// as the Latvian and Hungarian year's dot is ("2019. gada 9. septembrī", "2021. május").
fn ends_here(text: &str, at: usize, mark: char) -> bool {
    let after = &text[at + mark.len_utf8()..];
    let spaced = after.is_empty() || after.starts_with(char::is_whitespace);
    if after.trim_start().starts_with(char::is_lowercase) {
        return false;
    }
    let digits_before = text[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    let ordinal = mark == '.' && (1..=2).contains(&digits_before);
    let abbreviation = mark == '.' && is_abbreviation(last_word(&text[..at]));
    spaced && !ordinal && !abbreviation
}

/// Academic and professional titles written before a name with a dot in EU languages.
const TITLES_BEFORE_NAMES: &[&str] = &[
    "Bc", "Dipl", "Dr", "Ing", "Mag", "Mgr", "Prof", "arch", "doc", "dr", "hab", "inż", "mgr",
    "prof",
];

/// Whether a word before a dot is an abbreviation: a single letter ("2017 m.", "11.05.2018
/// г.", "2023 r.": the word for year) or a title before a name ("Ing. Josef").
fn is_abbreviation(word: &str) -> bool {
    word.chars().count() == 1 || TITLES_BEFORE_NAMES.contains(&word)
}

/// Words a title phrase is looked for in: the subject of a report is named early, and
/// counting every phrase of a book-length text would take seconds.
const PHRASE_WORDS: usize = 5000;

fn repeated_event_name(texts: &[&str], lang: &str, lexicon: &Lexicon) -> Option<String> {
    // Phrase → (occurrences, blocks it occurs in, first block seen, as first written).
    let mut counts: HashMap<Vec<String>, (usize, usize, usize, String)> = HashMap::new();
    let mut budget = PHRASE_WORDS;
    for (block, text) in texts.iter().enumerate() {
        let words: Vec<&str> = text.split_whitespace().take(budget).collect();
        budget -= words.len();
        for n in 3..=6 {
            for window in words.windows(n) {
                let clean: Vec<String> = window
                    .iter()
                    .map(|word| {
                        word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                            .to_lowercase()
                    })
                    .collect();
                let edge_ok = |word: &String| !word.is_empty() && !lexicon.is_stopword(word);
                let inner_ok = window[..n - 1]
                    .iter()
                    .all(|word| !word.ends_with([',', '.', ';', ':']));
                // A bare number opens a date's or a count's words ("2023 roku w
                // Gdańsku"), not a name; an ordinal may ("9. Kongres").
                let opens_with_number = window[0].chars().all(|c| c.is_ascii_digit());
                if !edge_ok(&clean[0])
                    || !edge_ok(&clean[n - 1])
                    || opens_with_number
                    || !inner_ok
                    || !names_something(&clean, lexicon)
                    || !clean.iter().any(|word| lexicon.is_event_word(word, lang))
                {
                    continue;
                }
                let shown = window
                    .join(" ")
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_owned();
                let entry = counts.entry(clean).or_insert((0, 0, usize::MAX, shown));
                entry.0 += 1;
                if entry.2 != block {
                    entry.1 += 1;
                    entry.2 = block;
                }
            }
        }
    }
    // A phrase repeated across paragraphs names the subject; one repeated inside a single
    // sentence does not. Among those, the longest wins, then the most frequent.
    counts
        .into_iter()
        .filter(|(_, (count, _, _, _))| *count >= 2)
        .max_by(|a, b| {
            let key = |entry: &(Vec<String>, (usize, usize, usize, String))| {
                (entry.1.1, entry.0.len(), entry.1.0)
            };
            key(a).cmp(&key(b)).then_with(|| b.1.3.cmp(&a.1.3))
        })
        .map(|(_, (_, _, _, shown))| shown)
}

/// The fewest words of a phrase that a title of it needs which name something: words of
/// letters alone that are no function word, month or weekday. "22 noiembrie 2023"
/// repeats in a report and names nothing.
const TITLE_NAMING_WORDS: usize = 2;

/// Whether a phrase names something a title may: enough naming words, and no month (a
/// phrase with one is a dateline, "8 listopada 2023 roku w Gdańsku").
fn names_something(words: &[String], lexicon: &Lexicon) -> bool {
    let dated = words.iter().any(|word| lexicon.months.is_any_month(word));
    !dated
        && words
            .iter()
            .filter(|word| {
                word.chars().all(char::is_alphabetic)
                    && !lexicon.is_stopword(word)
                    && !lexicon.months.is_weekday(word)
            })
            .count()
            >= TITLE_NAMING_WORDS
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_derived_title_skips_sentences_without_words() {
        let lexicon = Lexicon::new();
        assert_eq!(
            derive(
                &[". — Forty managers met in Graz. Then more."],
                None,
                &lexicon
            ),
            "— Forty managers met in Graz"
        );
        assert_eq!(derive(&["... !!!"], None, &lexicon), "");
        assert!(!has_words("—") && has_words("G8"));
        assert_eq!(
            derive(
                &["Konference se konala ve dnech 2.–3. listopadu 2018 v Brně. Přišlo 200 lidí."],
                Some("cs"),
                &lexicon
            ),
            "Konference se konala ve dnech 2.–3. listopadu 2018 v Brně"
        );
        // The year's dot of Latvian and Hungarian dates ends no sentence.
        assert_eq!(
            derive(
                &["2019. gada 9. septembrī Varšavā tikās klasteri."],
                Some("lv"),
                &lexicon
            ),
            "2019. gada 9. septembrī Varšavā tikās klasteri"
        );
        assert_eq!(
            derive(
                &["2021. május 5-én ülésezett a klaszter."],
                Some("hu"),
                &lexicon
            ),
            "2021. május 5-én ülésezett a klaszter"
        );
    }

    #[test]
    fn a_derived_title_reads_over_the_abbreviations_of_year_and_of_titles() {
        let lexicon = Lexicon::new();
        assert_eq!(
            derive(
                &["2019 m. birželio 5 d. klasteriai susitiko Vilniuje."],
                Some("lt"),
                &lexicon
            ),
            "2019 m. birželio 5 d. klasteriai susitiko Vilniuje"
        );
        assert_eq!(
            derive(
                &["Na setkání promluvil Ing. Jan Novák z klastru. Pak diskuse."],
                Some("cs"),
                &lexicon
            ),
            "Na setkání promluvil Ing. Jan Novák z klastru"
        );
    }

    #[test]
    fn a_repeated_phrase_that_names_no_event_is_no_title() {
        let lexicon = Lexicon::new();
        let texts = [
            "The faculty of applied sciences hosted the managers. Talks covered funding.",
            "The dean of the faculty of applied sciences closed the day.",
        ];
        assert_eq!(
            derive(&texts, Some("en"), &lexicon),
            "The faculty of applied sciences hosted the managers"
        );
    }

    #[test]
    fn a_repeated_date_and_place_is_no_title_but_a_repeated_name_is() {
        let lexicon = Lexicon::new();
        let texts = [
            "8 listopada 2023 roku w Gdańsku rozpoczął się Kongres Klastrów Polskich.",
            "Kongres Klastrów Polskich trwał do 10 listopada 2023 roku w Gdańsku.",
            "Uczestnicy przyjechali 8 listopada 2023 roku w Gdańsku na Kongres Klastrów Polskich.",
        ];
        assert_eq!(
            derive(&texts, Some("pl"), &lexicon),
            "Kongres Klastrów Polskich"
        );
    }
}
