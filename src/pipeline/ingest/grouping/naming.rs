//! An event's name in a language: the event name (a conference's, a congress's) that its
//! reports in that language give and most of all its reports mention, rather than one
//! report's headline. Where they give none, a name its reports in other languages give and
//! they write too: conference names often stay in English inside other languages.

use crate::model::lang::LangCode;
use crate::pipeline::ingest::analyse::draft::ReportDraft;
use crate::util::text::comparable;

/// The event name most of `members` mention among those their reports in `lang` give, or
/// else among those the other reports give that a report in `lang` mentions, as it writes
/// them; the first given of a tie. None when there is no such name.
pub(super) fn given_name(
    drafts: &[ReportDraft],
    members: &[usize],
    lang: LangCode,
) -> Option<String> {
    let texts: Vec<(LangCode, String)> = members
        .iter()
        .map(|&i| {
            let text = format!("{} {}", drafts[i].title, drafts[i].markdown);
            (drafts[i].lang, comparable(&text))
        })
        .collect();
    let mentions = |name: &str, only_in_lang: bool| {
        let key = comparable(name);
        texts
            .iter()
            .filter(|(text_lang, text)| {
                (!only_in_lang || *text_lang == lang) && text.contains(&key)
            })
            .count()
    };
    let given_in = |same_lang: bool| -> Vec<(&String, usize)> {
        members
            .iter()
            .filter(|&&i| (drafts[i].lang == lang) == same_lang)
            .flat_map(|&i| &drafts[i].anchors.event_names)
            .map(|name| (name, mentions(name, false)))
            .collect()
    };
    most_mentioned(&given_in(true)).or_else(|| {
        // As the reports in `lang` write it: whole, or without its event word when that
        // is translated ("the Clusters meet Regions workshop", „Clusters meet Regions“
        // renginys).
        let forms: Vec<(String, usize)> = given_in(false)
            .into_iter()
            .filter_map(|(name, count)| {
                let words: Vec<&str> = name.split_whitespace().collect();
                let shorter = (words.len() > 2).then(|| words[..words.len() - 1].join(" "));
                std::iter::once(name.clone())
                    .chain(shorter)
                    .find(|form| mentions(form, true) > 0)
                    .map(|form| (form, count))
            })
            .collect();
        most_mentioned(&forms)
    })
}

/// The most mentioned of names with their mention counts, the first of a tie; a name cut
/// short at its front stands for the whole one as often mentioned ("Regions workshop" for
/// "Clusters meet Regions workshop").
fn most_mentioned<S: AsRef<str>>(counted: &[(S, usize)]) -> Option<String> {
    let (name, count) = counted
        .iter()
        .enumerate()
        .max_by_key(|(order, (_, count))| (*count, std::cmp::Reverse(*order)))
        .map(|(_, found)| found)?;
    let key = comparable(name.as_ref());
    let whole = counted
        .iter()
        .filter(|(other, other_count)| {
            *other_count == *count && comparable(other.as_ref()).ends_with(&key)
        })
        .map(|(other, _)| other.as_ref())
        .max_by_key(|other| other.len())
        .unwrap_or(name.as_ref());
    Some(whole.to_owned())
}
