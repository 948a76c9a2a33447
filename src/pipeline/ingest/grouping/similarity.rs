//! How alike two reports' texts are: the cosine of their words' TF-IDF weights. Two reports
//! of one event in one language share its rare words (the venue, the speakers, the
//! programme); reports of different events share only the language's and the trade's
//! common words, which the inverse document frequency weighs down to nothing.

use std::collections::HashMap;

use crate::model::lang::LangCode;
use crate::pipeline::ingest::analyse::draft::ReportDraft;

/// Letters a word is compared by: inflections change a word's ending, rarely its start.
const STEM_CHARS: usize = 6;
/// Shortest word compared: shorter ones are mostly function words.
const MIN_CHARS: usize = 4;

/// A report's words as unit-length TF-IDF weights, sorted by word id.
#[derive(Debug, Default, Clone)]
pub(super) struct TextVector(Vec<(u32, f32)>);

impl TextVector {
    /// The cosine of two vectors (both unit length): 0 for nothing rare in common, 1 for
    /// the same text.
    pub(super) fn cosine(&self, other: &TextVector) -> f64 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0f64);
        while let (Some(&(a, x)), Some(&(b, y))) = (self.0.get(i), other.0.get(j)) {
            match a.cmp(&b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += f64::from(x) * f64::from(y);
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

/// Each report's vector, word rarity counted among the reports in its language (only they
/// are compared, and a word common in one language is rare among all reports when few are
/// in that language).
pub(super) fn text_vectors(drafts: &[ReportDraft]) -> Vec<TextVector> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let counts: Vec<HashMap<u32, u32>> = drafts
        .iter()
        .map(|draft| {
            let mut counts = HashMap::new();
            for word in words(&draft.title).chain(words(&draft.markdown)) {
                let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                let id = *ids.entry(word).or_insert(next);
                *counts.entry(id).or_insert(0) += 1;
            }
            counts
        })
        .collect();
    let mut document_frequency: HashMap<(LangCode, u32), u32> = HashMap::new();
    let mut reports_in: HashMap<LangCode, u32> = HashMap::new();
    for (draft, counts) in drafts.iter().zip(&counts) {
        *reports_in.entry(draft.lang).or_insert(0) += 1;
        for id in counts.keys() {
            *document_frequency.entry((draft.lang, *id)).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .zip(drafts)
        .map(|(counts, draft)| {
            let reports = f64::from(reports_in[&draft.lang]);
            let mut weights: Vec<(u32, f32)> = counts
                .into_iter()
                .map(|(id, count)| {
                    let df = f64::from(document_frequency[&(draft.lang, id)]);
                    let weight = (1.0 + f64::from(count).ln()) * (reports / df).ln();
                    (id, weight as f32)
                })
                .filter(|(_, weight)| *weight > 0.0)
                .collect();
            let norm = weights
                .iter()
                .map(|(_, w)| f64::from(*w).powi(2))
                .sum::<f64>()
                .sqrt();
            if norm > 0.0 {
                for (_, weight) in &mut weights {
                    *weight = (f64::from(*weight) / norm) as f32;
                }
            }
            weights.sort_unstable_by_key(|(id, _)| *id);
            TextVector(weights)
        })
        .collect()
}

/// The words of a text worth comparing, lower case, cut to their stem.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= MIN_CHARS && word.chars().any(char::is_alphabetic))
        .map(|word| word.to_lowercase().chars().take(STEM_CHARS).collect())
}
