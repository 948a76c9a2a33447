//! The names of events a report gives ("the 21st TCI Global Conference", "Kongres Klastrów
//! Polskich", "Evropská klastrová konference 2022"): the words around an event word that
//! read as a name. Grouping names an event by the one most of its reports give, not by a
//! report's headline.

use crate::model::lang::NOUNS_CAPITALISED;
use crate::pipeline::ingest::lexicon::Lexicon;

/// Blocks a report names its event in: the title and the first paragraphs.
const NAMING_BLOCKS: usize = 4;
/// Words of a name before its event word ("Joint Romanian-Hungarian Cluster Conference").
const MAX_WORDS_BEFORE: usize = 4;
/// Words of a name in all.
const MAX_NAME_WORDS: usize = 9;
/// Languages that write what qualifies a noun before it ("Európai Klaszter Konferencia",
/// "Euroopa klastrite konverents", "Eiropas klasteru konference"): there a name ends at its
/// own event word, but for a number, and a capitalised word after it begins another name
/// ("Konferencián a Minta Klaszter", at the conference the Minta Cluster). An English
/// event word still takes the words after it ("Conference on Cluster Policy").
const QUALIFIERS_BEFORE_NOUN: &[&str] = &["et", "fi", "hu", "lt", "lv"];
/// Quotation marks, dropped from names: a name cut inside a quotation keeps only one.
const QUOTES: &[char] = &['"', '„', '“', '”', '«', '»', '‚', '‘', '’', '\''];

/// The event names in a report's first blocks (`texts`, title first) in `lang`, in reading
/// order, each once; those a host phrase introduces ("in the framework of") last.
pub(crate) fn find(texts: &[&str], lang: &str, lexicon: &Lexicon) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut hosts: Vec<String> = Vec::new();
    for text in texts.iter().take(NAMING_BLOCKS) {
        for (name, host) in in_text(text, lang, lexicon) {
            let list = if host { &mut hosts } else { &mut names };
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }
    // The event another is held within comes last: a matchmaking event "in the framework
    // of the European Cluster Conference" is the report's event, the conference its host.
    hosts.retain(|host| !names.contains(host));
    names.extend(hosts);
    names
}

/// Words before a name read for a phrase that introduces it as a host event ("within
/// the context of the 7th edition of the").
const HOST_PHRASE_WORDS: usize = 8;

/// The names in one text, each with whether a phrase introduces it as a host event.
fn in_text(text: &str, lang: &str, lexicon: &Lexicon) -> Vec<(String, bool)> {
    // Where every noun has a capital, an event word in lower case is a verb
    // ("Clustermanager treffen sich"), not the noun ("das Treffen").
    let nouns_capitalised = NOUNS_CAPITALISED.contains(&lang);
    let qualifiers_before_noun = QUALIFIERS_BEFORE_NOUN.contains(&lang);
    let words: Vec<&str> = text.split_whitespace().flat_map(split_elision).collect();
    let is_stopword = |word: &str| lexicon.is_stopword(&core(word).to_lowercase());
    let mut names = Vec::new();
    let mut previous_end = 0;
    for (index, word) in words.iter().enumerate() {
        if nouns_capitalised && core(word).starts_with(char::is_lowercase) {
            continue;
        }
        let lower = core(word).to_lowercase();
        if lexicon.is_event_noun(&lower) {
            names.extend(quoted_name(&words, index).map(|name| (name, false)));
            continue;
        }
        if !lexicon.is_event_word(&lower, lang) {
            continue;
        }
        let is_venue = |i: usize| {
            words
                .get(i)
                .is_some_and(|word| lexicon.is_venue_word(&core(word).to_lowercase()))
        };
        // "Conference Centre", "Centrum Kongresowe": a building.
        if is_venue(index + 1) || index.checked_sub(1).is_some_and(is_venue) {
            continue;
        }
        if let Some(name) = quoted_name(&words, index) {
            names.push((name, false));
            continue;
        }
        // Lower-case words only right before the event word ("Evropská klastrová
        // konference"); once a name word is taken, only name words ("otworzył 9. Kongres").
        let mut start = index;
        let mut named = false;
        while start > 0 && index - start < MAX_WORDS_BEFORE {
            let before = words[start - 1];
            let stops = ends_clause(before)
                || core(before).is_empty()
                || is_stopword(before)
                || is_elided(before);
            if stops || (named && !begins_name(before)) {
                break;
            }
            named |= begins_name(before);
            start -= 1;
        }
        // A name begins with a capital, a number or an acronym: "the annual" is not part.
        while start < index && !begins_name(words[start]) {
            start += 1;
        }
        let ends_at_event_word = qualifiers_before_noun && !lexicon.is_event_word(&lower, "en");
        let mut end = index + 1;
        while end < words.len() && end - start < MAX_NAME_WORDS && !ends_clause(words[end - 1]) {
            if ends_at_event_word && !core(words[end]).starts_with(|c: char| c.is_ascii_digit()) {
                break;
            }
            if begins_name(words[end]) {
                end += 1;
            } else if is_stopword(words[end])
                && !ends_clause(words[end])
                && words
                    .get(end + 1)
                    .is_some_and(|next| begins_name_in_words(next))
                && !names_place(words[end], words[end + 1], lexicon)
            {
                // "Role of Clusters", "Jahrestagung des Programms"; not "in Toronto", nor
                // a date ("Conference 2012 den 18.-20. april", "Forum am 5. Mai").
                end += 2;
            } else {
                break;
            }
        }
        if end - start >= 2 && begins_name(words[start]) {
            // (Not past the name before: "Im Rahmen der Hannover Messe fand das …
            // Matchmaking statt" introduces the fair alone.)
            let from = start
                .saturating_sub(HOST_PHRASE_WORDS)
                .max(previous_end.min(start));
            previous_end = end;
            let before = words[from..start].join(" ").to_lowercase();
            names.push((
                name_of(&words[start..end]),
                lexicon.introduces_host(&before),
            ));
        }
    }
    names
}

/// A quotation right before an event word, or right after it, is the event's name, whatever
/// its words' case: "the “Clusters meet Regions” workshop", "podujatia „Clusters meet
/// Regions“", "el congreso europeo ‘Clusters Meet Regions’". The event word joins a name
/// it follows; after it, the word is the language's noun for the kind of event, and may
/// have an adjective of its own.
fn quoted_name(words: &[&str], event_word: usize) -> Option<String> {
    let before = event_word
        .checked_sub(1)
        .and_then(|last| opening_before(words, last).map(|first| first..event_word + 1));
    let after = || {
        let first = event_word + 1;
        let adjective = words
            .get(first)
            .is_some_and(|word| word.chars().all(|c| c.is_alphabetic() && c.is_lowercase()));
        let first = if adjective { first + 1 } else { first };
        closing_after(words, first).map(|last| first..last + 1)
    };
    let span = before.or_else(after)?;
    let quoted = &words[span];
    (quoted.len() >= 2 && begins_name(quoted[0].trim_start_matches(OPENING_QUOTES)))
        .then(|| name_of(quoted))
}

/// Quotation marks that open a quotation, in the EU's typographies.
const OPENING_QUOTES: &[char] = &['"', '„', '“', '«', '‚', '‘', '\''];
/// Quotation marks that close one (an apostrophe ends a possessive too, but a quotation
/// needs its opening mark as well).
const CLOSING_QUOTES: &[char] = &['"', '“', '”', '»', '‘', '’', '\''];

/// The first word of a quotation that ends with word `last`.
fn opening_before(words: &[&str], last: usize) -> Option<usize> {
    // "l’" before "Assemblée" ends with an apostrophe, not a quotation.
    if !words[last].ends_with(CLOSING_QUOTES) || is_elided(words[last]) {
        return None;
    }
    (last.saturating_sub(MAX_NAME_WORDS)..=last)
        .rev()
        .find(|&i| words[i].starts_with(OPENING_QUOTES) && (i < last || words[i].len() > 1))
}

/// The last word of a quotation that opens with word `first`.
fn closing_after(words: &[&str], first: usize) -> Option<usize> {
    if !words.get(first)?.starts_with(OPENING_QUOTES) {
        return None;
    }
    (first..words.len().min(first + MAX_NAME_WORDS)).find(|&i| {
        let word = words[i].trim_end_matches(|c: char| ",.:;!?)".contains(c));
        word.ends_with(CLOSING_QUOTES) && (i > first || word.chars().count() > 2)
    })
}

/// Whether a function word and the word after it say where: "in Toronto", "w Gdańsku".
fn names_place(function_word: &str, next: &str, lexicon: &Lexicon) -> bool {
    !lexicon
        .find_places(&[core(function_word), core(next)], None)
        .is_empty()
}

/// Longest elided article or preposition of French and Italian ("l’", "d’", "dell’").
const MAX_ELIDED_LETTERS: usize = 4;

/// A word with an elided article or preposition as two: "l’Assemblée" → "l’", "Assemblée",
/// so the name after it is seen to begin with its capital.
fn split_elision(word: &str) -> Vec<&str> {
    let elided = word.char_indices().find_map(|(at, c)| {
        let after = at + c.len_utf8();
        let letter_after = word[after..].starts_with(char::is_alphabetic);
        (letter_after && is_elided(&word[..after])).then_some(after)
    });
    match elided {
        Some(at) => vec![&word[..at], &word[at..]],
        None => vec![word],
    }
}

/// Whether a word is an elided article or preposition ("l’", "dell'").
fn is_elided(word: &str) -> bool {
    word.strip_suffix(['’', '\'']).is_some_and(|letters| {
        (1..=MAX_ELIDED_LETTERS).contains(&letters.chars().count())
            && letters.chars().all(char::is_lowercase)
    })
}

/// A word without the punctuation around it.
fn core(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether a word opens or continues a name: a capital, a digit, or a quotation.
fn begins_name(word: &str) -> bool {
    word.starts_with(QUOTES)
        || core(word)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether a word opens a name with a letter: a capital, or a quotation of one.
fn begins_name_in_words(word: &str) -> bool {
    begins_name(word) && core(word).starts_with(char::is_alphabetic)
}

/// Whether a word ends a clause, so a name stops after it.
fn ends_clause(word: &str) -> bool {
    word.trim_end_matches(QUOTES)
        .ends_with([',', '.', ':', ';', '!', '?', ')', '–', '—', '|'])
        && !word
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_digit())
}

fn name_of(words: &[&str]) -> String {
    let joined: String = words.join(" ").replace(QUOTES, "");
    joined
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

#[cfg(test)]
mod tests;
