//! Lines that recur across seeds. Text copied from one site brings the site's tagline,
//! menus, sidebar and contact block with every page, while a report's sentences are its
//! own; so a short line another seed holds too is furniture. Counted over all seeds before
//! any is analysed. Two seeds that share a long sentence are copies of one text (a press
//! release two sites published): the lines they share are that text's, not furniture.
//! Two reports of one event from two sites may share one line, the event's name with its
//! year ("Clusterwoche Deutschland 2019"); pages of one site share more than that.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::pipeline::ingest::analyse::shape;
use crate::pipeline::ingest::sources::{Seed, SeedKind};
use crate::util::text::comparable_chars;

/// The most words a line that can be furniture has.
pub(crate) const SHORT_LINE_WORDS: usize = 12;
/// The fewest words of a line that only copies of one text share.
const LONG_LINE_WORDS: usize = 15;
/// Recurring lines, the one asked about included, that tell two pages of one site: a
/// site's menu or footer besides the line.
const SAME_SITE_LINES: usize = 2;

/// The short lines of every seed, and which seeds are copies of one text.
#[derive(Debug, Default)]
pub(crate) struct RecurringLines {
    /// A short line's key → the seeds holding it, ascending.
    short: FxHashMap<u64, Vec<usize>>,
    /// Pairs of seeds (lower index first) that share a long line.
    copies: FxHashSet<(usize, usize)>,
    /// Each seed's short lines that recur, by key.
    recurring_of_seed: Vec<FxHashSet<u64>>,
}

impl RecurringLines {
    /// Counts the lines of the text seeds among `seeds` (a saved page's lines are markup,
    /// and a Markdown seed is an editor's).
    pub(crate) fn across(seeds: &[Seed]) -> Self {
        let mut short: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut long: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (index, seed) in seeds.iter().enumerate() {
            if seed.kind != SeedKind::Text {
                continue;
            }
            for line in seed.text.lines() {
                let words = line.split_whitespace().count();
                let Some(key) = key(line) else { continue };
                let seeds = if words <= SHORT_LINE_WORDS {
                    short.entry(key).or_default()
                } else if words >= LONG_LINE_WORDS {
                    long.entry(key).or_default()
                } else {
                    continue;
                };
                if seeds.last() != Some(&index) {
                    seeds.push(index);
                }
            }
        }
        short.retain(|_, seeds| seeds.len() >= 2);
        let copies = long
            .values()
            .filter(|seeds| seeds.len() >= 2)
            .flat_map(|seeds| pairs(seeds))
            .collect();
        let mut recurring_of_seed = vec![FxHashSet::default(); seeds.len()];
        for (&key, holders) in &short {
            for &holder in holders {
                recurring_of_seed[holder].insert(key);
            }
        }
        RecurringLines {
            short,
            copies,
            recurring_of_seed,
        }
    }

    /// Whether `line` of seed `seed` is a short line that a seed other than a copy of it
    /// holds too; a line with a year only when the two share another line besides.
    pub(crate) fn elsewhere(&self, seed: usize, line: &str) -> bool {
        let Some(holders) = key(line).and_then(|key| self.short.get(&key)) else {
            return false;
        };
        let names_a_year = shape::names_a_year(line);
        holders.iter().any(|&other| {
            other != seed
                && !self.copies.contains(&(seed.min(other), seed.max(other)))
                && (!names_a_year || self.share_lines(seed, other, SAME_SITE_LINES))
        })
    }

    /// Whether two seeds share at least `count` recurring short lines: pages of one site.
    fn share_lines(&self, seed: usize, other: usize, count: usize) -> bool {
        let of = |index: usize| self.recurring_of_seed.get(index);
        match (of(seed), of(other)) {
            (Some(lines), Some(others)) => lines.intersection(others).nth(count - 1).is_some(),
            _ => false,
        }
    }
}

/// A line's letters and digits, lower-cased, hashed; none for a line of fewer than three.
fn key(line: &str) -> Option<u64> {
    let mut hasher = rustc_hash::FxHasher::default();
    let mut count = 0;
    for c in comparable_chars(line) {
        c.hash(&mut hasher);
        count += 1;
    }
    (count >= 3).then(|| hasher.finish())
}

fn pairs(seeds: &[usize]) -> impl Iterator<Item = (usize, usize)> + '_ {
    seeds
        .iter()
        .enumerate()
        .flat_map(move |(i, &a)| seeds[i + 1..].iter().map(move |&b| (a, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(text: &str) -> Seed {
        Seed {
            path: "seeds/x.txt".to_owned(),
            text: text.to_owned(),
            kind: SeedKind::Text,
        }
    }

    const SENTENCE: &str = "The cluster conference gathered more than two hundred managers from twenty countries in the old town hall.";

    #[test]
    fn a_short_line_of_two_seeds_recurs_unless_they_are_copies() {
        let seeds = [
            seed("Regards sur les pôles\nUn texte.\n"),
            seed("Regards sur les pôles\nAutre chose.\n"),
            seed(&format!("Programme\n{SENTENCE}\n")),
            seed(&format!("PROGRAMME\n{SENTENCE}\n")),
        ];
        let recurring = RecurringLines::across(&seeds);
        assert!(recurring.elsewhere(0, "Regards sur les pôles"));
        assert!(recurring.elsewhere(1, "regards sur les  pôles"));
        assert!(!recurring.elsewhere(0, "Un texte."));
        // Seeds 2 and 3 are one text published twice.
        assert!(!recurring.elsewhere(2, "Programme"));
    }

    #[test]
    fn an_event_name_two_sites_share_is_no_site_line() {
        let seeds = [
            seed("Den maritime klyngekonferansen 2022\nEn tekst.\n"),
            seed("Forside\nDen maritime klyngekonferansen 2022\nNoe annet.\n"),
            seed("Forside\nKlyngemøte 2021\nEn tredje tekst.\n"),
            seed("Forside\nKlyngemøte 2021\nEn fjerde tekst.\n"),
        ];
        let recurring = RecurringLines::across(&seeds);
        // Seeds 0 and 1 share nothing but the event's name.
        assert!(!recurring.elsewhere(0, "Den maritime klyngekonferansen 2022"));
        // Seeds 2 and 3 share the site's menu besides: a sidebar's post.
        assert!(recurring.elsewhere(2, "Klyngemøte 2021"));
        assert!(recurring.elsewhere(1, "Forside"));
    }
}
