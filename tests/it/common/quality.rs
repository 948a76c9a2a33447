//! Scoring ingest against labels, shared by the fixture suite (`ingest_quality`) and the
//! real-text corpus (`corpus_quality`): lines compared as lower-case words, rates with their
//! misses, and pairwise grouping precision and recall.

#![allow(clippy::print_stderr)] // a test report

use std::collections::{BTreeMap, BTreeSet};

use newsroom::model::site::Site;

/// Lower-case words separated by single spaces: what survives punctuation, escaping and
/// typography on the way from a seed line to a Markdown body.
pub fn normal(text: &str) -> String {
    // Spacing modifier letters (ʺ) are punctuation here, as ingest's normalisation makes them.
    let is_letter = |c: char| c.is_alphanumeric() && !('\u{2b0}'..='\u{2ff}').contains(&c);
    text.chars()
        .map(|c| {
            if is_letter(c) {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `normal` without spaces: "Directorate-General" and a repaired "DirectorateGeneral" agree.
pub fn squeezed(text: &str) -> String {
    normal(text).replace(' ', "")
}

/// The lines of a text that are not blank.
pub fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .collect()
}

/// Counts of what went right, and what went wrong, for the report.
#[derive(Default)]
pub struct Score {
    pub right: usize,
    pub total: usize,
    pub misses: Vec<String>,
}

impl Score {
    pub fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.right += 1;
        } else {
            self.misses.push(what());
        }
    }

    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.right as f64 / self.total as f64
        }
    }

    /// Prints the rate, and the misses when `misses` is set.
    pub fn show(&self, name: &str, misses: bool) {
        eprintln!(
            "{name:<26} {:>4}/{:<4} {:>6.1} %",
            self.right,
            self.total,
            self.rate() * 100.0
        );
        if misses {
            for miss in &self.misses {
                eprintln!("    miss: {miss}");
            }
        }
    }
}

/// What a report's body kept of a seed's lines: the body squeezed, and its lines normal.
pub struct Output {
    squeezed: String,
    lines: BTreeSet<String>,
}

impl Output {
    pub fn of(text: &str) -> Output {
        Output {
            squeezed: squeezed(text),
            lines: text.lines().map(normal).collect(),
        }
    }

    /// Whether a furniture line (normal) is still there: a short one counts as kept only as
    /// a line of its own, a long one anywhere.
    pub fn keeps_furniture(&self, line: &str) -> bool {
        if line.split(' ').count() >= 5 {
            self.squeezed.contains(&line.replace(' ', ""))
        } else {
            self.lines.contains(line)
        }
    }

    /// Whether a body line (normal) is there.
    pub fn keeps_body(&self, line: &str) -> bool {
        self.squeezed.contains(&line.replace(' ', ""))
    }
}

/// Scores one seed's lines: furniture lines must be gone, and body lines (every other line
/// but the `meta` ones, or the listed snippets when `body` is given) kept.
pub fn score_lines(
    seed: &str,
    seed_text: &str,
    labels: (&str, &str, Option<&str>),
    output: &Output,
    furniture: &mut Score,
    body: &mut Score,
) {
    let (furniture_text, meta_text, body_text) = labels;
    // A marker line ("-") has no words to look for; it is checked by the unit tests instead.
    let furniture_lines: BTreeSet<String> = lines(furniture_text)
        .into_iter()
        .map(normal)
        .filter(|line| !line.is_empty())
        .collect();
    for line in &furniture_lines {
        furniture.check(!output.keeps_furniture(line), || {
            format!("{seed}: furniture kept: {line}")
        });
    }
    let meta: BTreeSet<String> = lines(meta_text).into_iter().map(normal).collect();
    let body_lines: Vec<String> = match body_text {
        Some(snippets) => lines(snippets).into_iter().map(normal).collect(),
        None => lines(seed_text)
            .into_iter()
            .map(normal)
            .filter(|line| {
                !line.is_empty() && !furniture_lines.contains(line) && !meta.contains(line)
            })
            .collect(),
    };
    for line in body_lines {
        body.check(output.keeps_body(&line), || {
            format!("{seed}: body line lost: {line}")
        });
    }
}

/// Pairwise grouping against labels: how many pairs grouped together are one event
/// (precision), and how many pairs of one event were grouped (recall).
pub struct Grouping {
    pub precision: f64,
    pub recall: f64,
    pub wrong: Vec<String>,
}

impl Grouping {
    pub fn f1(&self) -> f64 {
        if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        }
    }
}

/// Compares the site's events with `truth`: (report index, labelled event) pairs.
pub fn grouping(site: &Site, truth: &[(usize, &str)]) -> Grouping {
    let (mut together, mut right_together, mut same_event) = (0.0, 0.0, 0.0);
    let mut wrong = BTreeMap::new();
    for (i, (a, label_a)) in truth.iter().enumerate() {
        for (b, label_b) in &truth[i + 1..] {
            let predicted = site.reports[*a].event == site.reports[*b].event;
            let actual = label_a == label_b;
            together += f64::from(u8::from(predicted));
            same_event += f64::from(u8::from(actual));
            right_together += f64::from(u8::from(predicted && actual));
            if predicted && !actual {
                wrong.insert(format!("merged wrongly: {label_a} + {label_b}"), ());
            } else if actual && !predicted {
                wrong.insert(format!("not merged: {label_a}"), ());
            }
        }
    }
    let ratio = |part: f64, whole: f64| if whole == 0.0 { 1.0 } else { part / whole };
    Grouping {
        precision: ratio(right_together, together),
        recall: ratio(right_together, same_event),
        wrong: wrong.into_keys().collect(),
    }
}
