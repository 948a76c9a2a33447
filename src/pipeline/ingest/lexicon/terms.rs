//! Vocabulary terms and their matching: a text's words as tokens, a set of terms (one or
//! more words, the last maybe only a beginning: `cookie*`) found in a token sequence, and
//! the reading of the compiled-in YAML files that list them.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

/// Words of a text for matching against vocabularies: split at every character that is not
/// a letter or digit, so "Statistik-Cookies" gives "statistik", "cookies".
pub(crate) fn match_tokens(text: &str, lower: bool) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|token| !token.is_empty())
        .map(|token| {
            if lower {
                token.to_lowercase()
            } else {
                token.to_owned()
            }
        })
        .collect()
}

/// One vocabulary term: its words, and whether the last one is only a beginning (`word*`).
#[derive(Debug, Clone)]
struct Term<T> {
    words: Vec<String>,
    prefix_last: bool,
    value: T,
}

/// A set of terms, indexed for fast matching against a token sequence.
#[derive(Debug)]
pub(crate) struct TermSet<T> {
    by_first_word: FxHashMap<String, Vec<Term<T>>>,
    by_first_chars: FxHashMap<String, Vec<Term<T>>>,
}

/// A term found in a token sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found<'a, T> {
    /// Index of the first token.
    pub(crate) start: usize,
    /// Number of tokens covered.
    pub(crate) len: usize,
    /// The term's value.
    pub(crate) value: &'a T,
}

const PREFIX_KEY: usize = 3;

/// The first `PREFIX_KEY` characters of a word (all of a shorter one), borrowed: looked up
/// for every token of every block.
fn first_chars(word: &str) -> &str {
    let end = word
        .char_indices()
        .nth(PREFIX_KEY)
        .map_or(word.len(), |(index, _)| index);
    &word[..end]
}

/// A stem ending in "c" or "k" with the "e" before that letter given back: "Liberc" is
/// "Liberec".
fn with_mobile_e(stem: &str) -> Option<String> {
    let last = stem
        .chars()
        .next_back()
        .filter(|last| matches!(last, 'c' | 'k'))?;
    let before = &stem[..stem.len() - last.len_utf8()];
    Some(format!("{before}e{last}"))
}

impl<T: Clone> TermSet<T> {
    pub(super) fn new() -> Self {
        TermSet {
            by_first_word: FxHashMap::default(),
            by_first_chars: FxHashMap::default(),
        }
    }

    /// Adds a term written as in the YAML files ("privacy policy", "cookie*").
    pub(super) fn add(&mut self, written: &str, value: T, lower: bool) {
        let prefix_last = written.ends_with('*');
        let words = match_tokens(written.trim_end_matches('*'), lower);
        if words.is_empty() {
            return;
        }
        let term = Term {
            words,
            prefix_last,
            value,
        };
        // A one-word prefix term is found by the first characters of a token; every other
        // term by its exact first word.
        if term.prefix_last && term.words.len() == 1 {
            self.by_first_chars
                .entry(first_chars(&term.words[0]).to_owned())
                .or_default()
                .push(term);
        } else {
            self.by_first_word
                .entry(term.words[0].clone())
                .or_default()
                .push(term);
        }
    }

    /// The value of a one-word term written exactly so, without allocating.
    pub(crate) fn exact(&self, word: &str) -> Option<&T> {
        self.by_first_word
            .get(word)?
            .iter()
            .find(|term| term.words.len() == 1 && !term.prefix_last)
            .map(|term| &term.value)
    }

    /// The one-word term a word names once its case ending is cut off, leaving `stem`:
    /// the stem itself ("Budapest" of "Budapesten") or, for a name whose nominative ends in
    /// "a", the stem with it ("Jihlava" of "Jihlavě", "Warszawa" of "Warszawie"), or, for a
    /// West Slavic name in "-ec" or "-ek", the stem with the "e" its other cases drop
    /// ("Liberec" of "Liberci", "Písek" of "Písku").
    pub(crate) fn exact_stem(&self, stem: &str) -> Option<&T> {
        self.exact(stem)
            .or_else(|| self.exact(&format!("{stem}a")))
            .or_else(|| self.exact(&with_mobile_e(stem)?))
    }

    /// Every term in `tokens`, longest first at each position, not overlapping.
    pub(crate) fn find_all<'a, S: AsRef<str>>(&'a self, tokens: &[S]) -> Vec<Found<'a, T>> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(tokens, i) {
                Some(hit) => {
                    i += hit.len;
                    found.push(hit);
                }
                None => i += 1,
            }
        }
        found
    }

    fn longest_at<'a, S: AsRef<str>>(&'a self, tokens: &[S], i: usize) -> Option<Found<'a, T>> {
        let token = tokens[i].as_ref();
        let exact = self.by_first_word.get(token).into_iter().flatten();
        let prefixed = self
            .by_first_chars
            .get(first_chars(token))
            .into_iter()
            .flatten();
        exact
            .chain(prefixed)
            .filter(|term| term_matches(term, &tokens[i..]))
            .max_by_key(|term| term.words.len())
            .map(|term| Found {
                start: i,
                len: term.words.len(),
                value: &term.value,
            })
    }
}

fn term_matches<T, S: AsRef<str>>(term: &Term<T>, tokens: &[S]) -> bool {
    if tokens.len() < term.words.len() {
        return false;
    }
    let last = term.words.len() - 1;
    term.words
        .iter()
        .zip(tokens)
        .enumerate()
        .all(|(index, (word, token))| {
            if index == last && term.prefix_last {
                token.as_ref().starts_with(word.as_str())
            } else {
                token.as_ref() == word
            }
        })
}

/// The data files are part of the binary and checked by tests; a broken one is a bug.
pub(super) fn parse_data<T: serde::de::DeserializeOwned>(text: &str) -> T {
    match serde_yaml::from_str(text) {
        Ok(data) => data,
        Err(error) => panic!("a compiled-in lexicon file is invalid: {error}"),
    }
}

pub(super) fn named_terms(text: &str, lower: bool) -> TermSet<String> {
    let entries: HashMap<String, Vec<String>> = parse_data(text);
    let mut set = TermSet::new();
    for (name, terms) in entries {
        for term in terms {
            set.add(&term, name.clone(), lower);
        }
    }
    set
}

/// Whether the token at `at` is a number from 1 to `most` (a day of the month, a month).
pub(crate) fn number_up_to<S: AsRef<str>>(tokens: &[S], at: usize, most: u32) -> bool {
    tokens.get(at).is_some_and(|token| {
        token
            .as_ref()
            .parse::<u32>()
            .is_ok_and(|number| (1..=most).contains(&number))
    })
}
