//! An event's name in a language: the event name (a conference's, a congress's) that its
//! reports in that language give and most of all its reports mention, rather than one
//! report's headline.

use crate::model::lang::LangCode;
use crate::pipeline::ingest::analyse::draft::ReportDraft;
use crate::util::text::comparable;

/// The event name most of `members` mention among those their reports in `lang` give; the
/// first given of a tie. None when those reports give none.
pub(super) fn given_name(
    drafts: &[ReportDraft],
    members: &[usize],
    lang: LangCode,
) -> Option<String> {
    let texts: Vec<String> = members
        .iter()
        .map(|&i| comparable(&format!("{} {}", drafts[i].title, drafts[i].markdown)))
        .collect();
    let support = |name: &str| {
        let key = comparable(name);
        texts.iter().filter(|text| text.contains(&key)).count()
    };
    members
        .iter()
        .filter(|&&i| drafts[i].lang == lang)
        .flat_map(|&i| &drafts[i].anchors.event_names)
        .enumerate()
        .max_by_key(|(order, name)| (support(name), std::cmp::Reverse(*order)))
        .map(|(_, name)| name.clone())
}
