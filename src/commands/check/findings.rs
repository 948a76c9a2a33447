//! Problems in the built site: the checks note the file and the byte offset of what is
//! wrong, and at the end each becomes a diagnostic with line, column and the line shown.
//! Only files with problems are read again, each once, so the checks keep no page text.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Location, Locator};
use crate::diagnostics::{IoContext, Result};

/// A problem in a file of the output folder, not yet located by line and column.
#[derive(Debug, Clone)]
pub(super) struct Finding {
    /// The file, below the output folder (`en/index.html`).
    pub(super) file: String,
    /// The byte offset of what is wrong in it; `None` for the file as a whole.
    pub(super) offset: Option<usize>,
    /// What is wrong and what to do (its location is filled in by [`locate`]).
    pub(super) diagnostic: Diagnostic,
}

impl Finding {
    /// A problem at `offset` of `file`.
    pub(super) fn at(file: &str, offset: usize, diagnostic: Diagnostic) -> Self {
        Finding {
            file: file.to_owned(),
            offset: Some(offset),
            diagnostic,
        }
    }

    /// A problem with `file` as a whole.
    pub(super) fn in_file(file: &str, diagnostic: Diagnostic) -> Self {
        Finding {
            file: file.to_owned(),
            offset: None,
            diagnostic,
        }
    }
}

/// Turns findings in `site_dir` into diagnostics naming `shown_dir/<file>`, ordered by file
/// and place.
pub(super) fn locate(
    site_dir: &Path,
    shown_dir: &Path,
    findings: Vec<Finding>,
) -> Result<Vec<Diagnostic>> {
    let mut by_file: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for finding in findings {
        by_file
            .entry(finding.file.clone())
            .or_default()
            .push(finding);
    }
    let located: Vec<Vec<Diagnostic>> = by_file
        .into_par_iter()
        .map(|(file, mut findings)| locate_in_file(site_dir, shown_dir, &file, &mut findings))
        .collect::<Result<_>>()?;
    Ok(located.into_iter().flatten().collect())
}

fn locate_in_file(
    site_dir: &Path,
    shown_dir: &Path,
    file: &str,
    findings: &mut [Finding],
) -> Result<Vec<Diagnostic>> {
    findings.sort_by_key(|finding| finding.offset);
    let shown = shown_dir.join(file);
    let source = if findings.iter().any(|finding| finding.offset.is_some()) {
        let path = site_dir.join(file);
        let bytes = std::fs::read(&path).at_path(&path)?;
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        String::new()
    };
    // Sorted by offset, so the file is read once however many problems it has.
    let mut locator = Locator::new(&shown, &source);
    Ok(findings
        .iter()
        .map(|finding| {
            let location = match finding.offset {
                Some(offset) => locator.locate(offset),
                None => Location::file(&shown),
            };
            finding.diagnostic.clone().at(location)
        })
        .collect())
}
