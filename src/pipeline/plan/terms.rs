//! Taxonomy terms: which terms the reports use, shared across languages through their
//! slug, each named in a language as most of its reports write it.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

use crate::model::lang::LangCode;
use crate::model::site::{ReportIndex, Site};
use crate::util::text::slugify;

/// Index of a term in [`Plan::terms`].
pub type TermIndex = usize;

/// One term of a taxonomy, shared by the languages that use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The taxonomy (index into `config.taxonomies`).
    pub taxonomy: usize,
    /// Its URL slug; reports in any language whose term has this slug share the term.
    pub slug: String,
    /// Per language: the term as most of that language's reports write it, and those
    /// reports, newest first.
    pub languages: BTreeMap<LangCode, TermInLanguage>,
}

/// A term as one language uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermInLanguage {
    /// The name shown.
    pub name: String,
    /// The reports filed under it, newest first.
    pub reports: Vec<ReportIndex>,
}

/// Each written form of a term, per taxonomy, and the term it belongs to: reports and
/// pages look terms up by what a report wrote, and slugifying that text each time costs.
#[derive(Debug, Default)]
pub(super) struct TermLookup {
    by_taxonomy: Vec<FxHashMap<String, TermIndex>>,
}

impl TermLookup {
    /// The term `written` belongs to in `taxonomy`, among `terms`.
    pub(super) fn find(&self, terms: &[Term], taxonomy: usize, written: &str) -> Option<TermIndex> {
        if let Some(&term) = self.by_taxonomy.get(taxonomy)?.get(written) {
            return Some(term);
        }
        // A form no report wrote: look its slug up.
        let slug = term_slug(written);
        terms
            .binary_search_by(|term| (term.taxonomy, term.slug.as_str()).cmp(&(taxonomy, &slug)))
            .ok()
    }
}

/// The terms of every configured taxonomy, as the reports use them, in taxonomy order and
/// then by slug, and the term of each form written.
pub(super) fn collect(site: &Site) -> (Vec<Term>, TermLookup) {
    /// A term being collected: per language, each written form's uses, and the reports.
    struct Found<'a> {
        taxonomy: usize,
        slug: String,
        languages: BTreeMap<LangCode, (BTreeMap<&'a str, usize>, Vec<ReportIndex>)>,
    }
    let mut found: Vec<Found<'_>> = Vec::new();
    // Every report names its terms again: each written form is slugified once.
    let mut by_form: Vec<FxHashMap<&str, usize>> =
        vec![FxHashMap::default(); site.config.taxonomies.len()];
    let mut by_slug: HashMap<(usize, String), usize> = HashMap::new();
    for (taxonomy, name) in site.config.taxonomies.iter().enumerate() {
        for (index, report) in site.reports.iter().enumerate() {
            for written in report.terms.get(name).into_iter().flatten() {
                let term = *by_form[taxonomy].entry(written).or_insert_with(|| {
                    let key = (taxonomy, term_slug(written));
                    *by_slug.entry(key.clone()).or_insert_with(|| {
                        found.push(Found {
                            taxonomy,
                            slug: key.1,
                            languages: BTreeMap::new(),
                        });
                        found.len() - 1
                    })
                });
                let (forms, reports) = found[term].languages.entry(report.lang).or_default();
                *forms.entry(written).or_default() += 1;
                if reports.last() != Some(&index) {
                    reports.push(index);
                }
            }
        }
    }
    // Terms are listed by taxonomy and slug; the forms' lookup follows them there.
    let mut found: Vec<(usize, Found<'_>)> = found.into_iter().enumerate().collect();
    found.sort_unstable_by(|(_, a), (_, b)| (a.taxonomy, &a.slug).cmp(&(b.taxonomy, &b.slug)));
    let mut position = vec![0; found.len()];
    for (at, (term, _)) in found.iter().enumerate() {
        position[*term] = at;
    }
    let lookup = TermLookup {
        by_taxonomy: by_form
            .into_iter()
            .map(|forms| {
                forms
                    .into_iter()
                    .map(|(form, term)| (form.to_owned(), position[term]))
                    .collect()
            })
            .collect(),
    };
    let terms = found
        .into_iter()
        .map(|(_, term)| Term {
            taxonomy: term.taxonomy,
            slug: term.slug,
            languages: term
                .languages
                .into_iter()
                .map(|(lang, (forms, mut reports))| {
                    sort_newest_first(site, &mut reports);
                    let name = most_used(&forms).to_owned();
                    (lang, TermInLanguage { name, reports })
                })
                .collect(),
        })
        .collect();
    (terms, lookup)
}

/// A term's slug; terms of punctuation alone get a stable one from their text.
fn term_slug(term: &str) -> String {
    let slug = slugify(term, 80);
    if !slug.is_empty() {
        return slug;
    }
    let digest = Sha256::digest(term.as_bytes());
    let hex: String = digest[..4]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("term-{hex}")
}

/// The most used form; ties go to the first in sorted order, so the choice is stable.
fn most_used<'a>(forms: &BTreeMap<&'a str, usize>) -> &'a str {
    let mut best: Option<(&str, usize)> = None;
    for (&form, &uses) in forms {
        if best.is_none_or(|(_, most)| uses > most) {
            best = Some((form, uses));
        }
    }
    best.map_or("", |(form, _)| form)
}

/// Reports newest first (their own date, else their event's), undated last, then by title.
fn sort_newest_first(site: &Site, reports: &mut [ReportIndex]) {
    // Each key is read once (a report and its event are elsewhere in memory); titles are
    // borrowed, not copied.
    reports.sort_by_cached_key(|&index| {
        let report = &site.reports[index];
        let date = report.date.or(site.events[report.event].date);
        (date.is_none(), Reverse(date), report.title.as_str(), index)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_only_terms_still_get_a_stable_slug() {
        assert_eq!(term_slug("—"), term_slug("—"));
        assert!(term_slug("—").starts_with("term-"));
        assert_eq!(term_slug("Énergie propre"), "energie-propre");
    }
}
