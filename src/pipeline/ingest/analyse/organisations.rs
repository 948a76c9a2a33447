//! Organisations named in a report: acronyms defined in the text ("European Cluster
//! Collaboration Platform (ECCP)" gives ECCP, which is the same in every language), acronyms
//! used more than once ("DG GROW"), and capitalised names whose first or last word says
//! "organisation" in some EU language ("Silesian Aviation Cluster", "Ministerstwo Rozwoju").

use std::borrow::Cow;

use crate::pipeline::ingest::lexicon::organisations::OrganisationWords;

/// Names longer than this are sentences, not organisations.
const MAX_NAME_WORDS: usize = 8;
/// At most this many organisations are kept per report.
const MAX_PER_REPORT: usize = 12;

/// The organisations in `texts`, in order of first mention, without repeats.
pub(crate) fn find(
    vocabulary: &OrganisationWords,
    texts: &[&str],
    is_function_word: impl Fn(&str) -> bool,
) -> Vec<String> {
    let per_text: Vec<Vec<Word<'_>>> = texts.iter().map(|text| words(text)).collect();
    // Names do not run across texts; acronyms are counted over all of them.
    let names: Vec<String> = per_text
        .iter()
        .flat_map(|words| keyword_names(vocabulary, words, &is_function_word))
        .collect();
    let all: Vec<Word<'_>> = per_text.into_iter().flatten().collect();
    let mut acronyms = defined_acronyms(vocabulary, &all, &is_function_word);
    acronyms.extend(repeated_acronyms(vocabulary, &all));
    let mut found: Vec<String> = Vec::new();
    for name in acronyms.iter().cloned().chain(names) {
        // "European Cluster Collaboration Platform" is already there as ECCP.
        let initials: String = name
            .split([' ', '-'])
            .filter_map(|word| word.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        let spelled = name.contains(' ') && acronyms.iter().any(|a| a.len() >= 3 && initials == *a);
        if !spelled && !found.iter().any(|known| known.eq_ignore_ascii_case(&name)) {
            found.push(name);
        }
    }
    found.truncate(MAX_PER_REPORT);
    found
}

fn is_acronym(vocabulary: &OrganisationWords, word: &str) -> bool {
    let letters = || word.chars().filter(|c| c.is_alphanumeric());
    (2..=8).contains(&letters().count())
        && letters().filter(|c| c.is_uppercase()).count() >= 2
        && letters().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !vocabulary.is_not_organisation(word)
}

/// "(ECCP)" after a name whose initials spell it.
fn defined_acronyms(
    vocabulary: &OrganisationWords,
    all: &[Word<'_>],
    is_function_word: &impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut found = Vec::new();
    for (index, word) in all.iter().enumerate() {
        let Some(inner) = word.raw.strip_prefix('(') else {
            continue;
        };
        let acronym = inner.trim_end_matches([')', ',', '.', ';']);
        if !word.raw.contains(')') || !is_acronym(vocabulary, acronym) {
            continue;
        }
        let before = &all[index.saturating_sub(MAX_NAME_WORDS)..index];
        let initials: String = before
            .iter()
            .filter(|w| !is_function_word(&w.lower))
            .filter_map(|w| w.clean.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        if is_subsequence(acronym, &initials) {
            found.push(acronym.to_owned());
        }
    }
    found
}

/// Acronyms used twice or more ("DG GROW": a short prefix joins the next acronym).
fn repeated_acronyms(vocabulary: &OrganisationWords, all: &[Word<'_>]) -> Vec<String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut index = 0;
    while index < all.len() {
        let word = all[index].clean;
        let mut name = String::new();
        let mut used = 1;
        if is_acronym(vocabulary, word)
            || ((2..=3).contains(&word.len()) && !word.chars().any(char::is_lowercase))
        {
            name = word.to_owned();
            if let Some(next) = all
                .get(index + 1)
                .filter(|next| word.len() <= 3 && is_acronym(vocabulary, next.clean))
            {
                name = format!("{word} {}", next.clean);
                used = 2;
            }
        }
        if name.contains(' ') || is_acronym(vocabulary, &name) && name.len() >= 3 {
            match seen.iter_mut().find(|(known, _)| *known == name) {
                Some((_, count)) => *count += 1,
                None => seen.push((name, 1)),
            }
        }
        index += used;
    }
    seen.into_iter()
        .filter(|(_, count)| *count >= 2)
        .map(|(name, _)| name)
        .collect()
}

/// Runs of capitalised words, joined by short function words, that contain an
/// organisation word (some only as the last word).
fn keyword_names(
    vocabulary: &OrganisationWords,
    words: &[Word<'_>],
    is_function_word: &impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut found = Vec::new();
    let mut compounds = Vec::new();
    let mut run: Vec<&Word<'_>> = Vec::new();
    let mut flush = |run: &mut Vec<&Word<'_>>| {
        while run.last().is_some_and(|w| !is_capitalised(w.clean)) {
            run.pop();
        }
        let is_name = (2..=MAX_NAME_WORDS).contains(&run.len())
            && run.iter().enumerate().any(|(i, w)| {
                vocabulary.is_keyword(w.clean)
                    || (i == run.len() - 1 && vocabulary.is_last_word(w.clean))
            });
        if is_name {
            found.push(run.iter().map(|w| w.clean).collect::<Vec<_>>().join(" "));
        }
        run.clear();
    };
    for word in words {
        // A name ends before a bracket or an article, and after punctuation or a possessive.
        let article = vocabulary.is_article(word.lower.as_ref());
        if word.raw.starts_with('(') || article {
            flush(&mut run);
        }
        let connector =
            !run.is_empty() && !article && is_function_word(&word.lower) && word.clean.len() <= 4;
        if (is_capitalised(word.clean) && !article) || connector {
            run.push(word);
        } else {
            flush(&mut run);
        }
        if word.ends_phrase {
            flush(&mut run);
        }
        // "Steinbeis-Europa-Zentrum": one hyphenated word ending in an organisation word.
        let last = word.clean.rsplit('-').next().unwrap_or("");
        if word.clean.contains('-')
            && word.clean.split('-').all(is_capitalised)
            && (vocabulary.is_keyword(last) || vocabulary.is_last_word(last))
        {
            compounds.push(word.clean.to_owned());
        }
    }
    flush(&mut run);
    found.extend(compounds);
    found
}

/// A word of running text: as written, without surrounding punctuation, and lower-cased.
struct Word<'a> {
    raw: &'a str,
    clean: &'a str,
    lower: Cow<'a, str>,
    ends_phrase: bool,
}

fn words(text: &str) -> Vec<Word<'_>> {
    text.split_whitespace()
        .map(|raw| {
            let possessive = raw.ends_with("’s") || raw.ends_with("'s");
            let clean = raw
                .strip_suffix("’s")
                .or_else(|| raw.strip_suffix("'s"))
                .unwrap_or(raw)
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '&');
            Word {
                raw,
                clean,
                lower: crate::util::text::lowercase(clean),
                ends_phrase: possessive
                    || raw.ends_with([',', '.', ';', ':', ')', '(', '"', '”', '“']),
            }
        })
        .filter(|word| !word.clean.is_empty())
        .collect()
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether the letters of `short` appear in `long` in order.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut long = long.chars();
    short
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| long.any(|l| l == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(texts: &[&str]) -> Vec<String> {
        use super::find as find_in;
        let words =
            OrganisationWords::from_yaml(include_str!("../lexicon/organisations.yaml")).unwrap();
        let function_words = ["of", "for", "the", "and", "de", "für", "der", "i"];
        find_in(&words, texts, |word| function_words.contains(&word))
    }

    #[test]
    fn defined_and_repeated_acronyms_are_organisations() {
        let found = find(&[
            "The European Cluster Collaboration Platform (ECCP) helps SMEs. DG GROW organised it; DG GROW paid for it.",
            "The ECCP and the EU (EU) agreed.",
        ]);
        assert!(found.contains(&"ECCP".to_owned()), "{found:?}");
        assert!(found.contains(&"DG GROW".to_owned()), "{found:?}");
        assert!(
            !found.iter().any(|name| name == "EU" || name == "SMEs"),
            "{found:?}"
        );
    }

    #[test]
    fn names_headed_by_an_organisation_word_in_any_language() {
        let found = find(&[
            "Krzysztof Krystowski, President of the Silesian Aviation Cluster, met the Ministerstwo Rozwoju and the European Commission's staff.",
            "The Gold-Label Clusters discussed the European Cluster Excellence Initiative.",
            "Carmen Schmidt (Cluster manager of Logistics-Initiative Hamburg Cluster, Germany) and Oliver Ziegler (European Secretariat for Cluster Analysis - ESCA) spoke.",
        ]);
        assert!(
            found.contains(&"Logistics-Initiative Hamburg Cluster".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"European Secretariat for Cluster Analysis".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"Silesian Aviation Cluster".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"Ministerstwo Rozwoju".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"European Commission".to_owned()),
            "{found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|name| name.contains("Gold-Label") || name.contains("Excellence")),
            "{found:?}"
        );
    }
}
