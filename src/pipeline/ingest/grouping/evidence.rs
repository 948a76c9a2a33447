//! The evidence that two reports cover one event: an agreeing event date (a conflict keeps
//! them apart), the same place, and the numbers, acronyms, names and links they share, each
//! weighted by how rare it is among all the reports.

use std::collections::HashMap;

use rustc_hash::FxHashSet;

use crate::pipeline::ingest::analyse::draft::ReportDraft;

/// Evidence two reports need, beyond an agreeing date, to be one event.
const WITH_DATE: f64 = 1.5;
/// Evidence two undated reports need (names, numbers, links alone).
const WITHOUT_DATE: f64 = 5.0;

/// How often each anchor occurs among the reports, for weighting.
pub(super) struct Rarity {
    counts: HashMap<String, usize>,
}

impl Rarity {
    pub(super) fn of(candidates: &[Candidate<'_>]) -> Rarity {
        let mut counts = HashMap::new();
        for candidate in candidates {
            for key in &candidate.keys {
                *counts.entry(key.clone()).or_insert(0) += 1;
            }
        }
        Rarity { counts }
    }

    /// 1 for an anchor two reports share alone, less the more reports have it.
    fn weight(&self, key: &str) -> f64 {
        let count = self.counts.get(key).copied().unwrap_or(1).max(2);
        (2.0 / count as f64).min(1.0)
    }
}

fn keys(draft: &ReportDraft) -> Vec<String> {
    let anchors = &draft.anchors;
    anchors
        .numbers
        .iter()
        .map(|n| format!("#{n}"))
        .chain(anchors.names.iter().map(|name| format!("@{name}")))
        .chain(anchors.urls.iter().map(|url| format!("/{url}")))
        .collect()
}

/// A report with its anchors as keys, read once: every pair of reports compares them.
pub(super) struct Candidate<'d> {
    draft: &'d ReportDraft,
    keys: Vec<String>,
    key_set: FxHashSet<String>,
}

impl<'d> Candidate<'d> {
    pub(super) fn of(draft: &'d ReportDraft) -> Self {
        let keys = keys(draft);
        let key_set = keys.iter().cloned().collect();
        Candidate {
            draft,
            keys,
            key_set,
        }
    }
}

/// How strongly two reports look like one event; None when they cannot be.
pub(super) fn affinity(a: &Candidate<'_>, b: &Candidate<'_>, rarity: &Rarity) -> Option<f64> {
    let (a_keys, b_keys) = (&a.keys, &b.key_set);
    let (a, b) = (a.draft, b.draft);
    let dated = match (a.event_date, b.event_date) {
        (Some(x), Some(y)) if !x.agrees_with(y) => return None,
        (Some(_), Some(_)) => true,
        _ => false,
    };
    let mut evidence = 0.0;
    match (&a.place, &b.place) {
        (Some(x), Some(y)) if x == y => evidence += 1.0,
        (Some(_), Some(_)) => evidence -= 2.0,
        _ => {}
    }
    for key in a_keys.iter().filter(|key| b_keys.contains(*key)) {
        evidence += if key.starts_with('/') {
            3.0
        } else {
            rarity.weight(key)
        };
    }
    let needed = if dated { WITH_DATE } else { WITHOUT_DATE };
    (evidence >= needed).then_some(evidence)
}
