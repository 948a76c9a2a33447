//! Content loading: walks `content/`, reads each event's `_event.yaml` and each report's
//! front matter and body, checks them against the configuration, and assembles the
//! [`Site`]. Every problem of every file is collected, so one build shows them all.
//!
//! What the files hold and where they go is the content format's ([`format`]): the layout
//! `content/<event-id>/_event.yaml` and `content/<event-id>/<slug>.<lang>.md`.

mod assemble;
mod cache;
pub(crate) mod format;
mod listing;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Location};
use crate::diagnostics::{Error, Result};
use crate::model::config::Config;
use crate::model::lang::LangCode;
use crate::model::site::{EventFacts, ReportFile, Site};
use crate::util::text_file;
use crate::util::walk::relative;
use crate::util::yaml;

use assemble::{assemble, warn_unpublished_languages};
pub use cache::{Changes, ContentCache};
pub use format::{CONTENT_DIR, EVENT_FILE};
use format::{MAX_BODY_NESTING, field};
use listing::{FoundFiles, find_files};

/// What [`load`] should include.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Include reports marked `draft: true`.
    pub drafts: bool,
}

/// A loaded site and the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The site model.
    pub site: Site,
    /// Problems that did not stop the load (e.g. a report in an unpublished language).
    pub warnings: Vec<Diagnostic>,
}

/// What reading a report file gave.
pub(crate) type ReadResult = std::result::Result<Arc<ReportFile>, Vec<Diagnostic>>;
/// What reading an event folder gave.
pub(crate) type EventResult = std::result::Result<Arc<EventFacts>, Diagnostic>;

/// Loads `content/` under `root` into a [`Site`].
pub fn load(root: &Path, config: Config, options: LoadOptions) -> Result<Loaded> {
    load_files(root, config, options, None)
}

/// Loads `content/` again, reading only the files that changed since the loads that filled
/// `cache` (`changes` may say which), and leaving what this load read there for the next.
pub fn load_cached(
    root: &Path,
    config: Config,
    options: LoadOptions,
    cache: &mut ContentCache,
    changes: Changes<'_>,
) -> Result<Loaded> {
    cache.begin(digest_of(&[&format!("{config:?}")]), changes);
    load_files(root, config, options, Some(cache))
}

fn load_files(
    root: &Path,
    config: Config,
    options: LoadOptions,
    cache: Option<&mut ContentCache>,
) -> Result<Loaded> {
    let found = match cache.as_ref().and_then(|cache| cache.listing()) {
        Some(found) => found,
        None => Arc::new(find_files(root, &root.join(CONTENT_DIR))?),
    };
    let read_at = std::time::SystemTime::now();
    let (events, reports) = {
        let cache = cache.as_deref();
        let events: Vec<_> = found
            .event_dirs
            .par_iter()
            .map(|(id, dir)| {
                let read = || read_event(root, id, dir);
                match cache {
                    Some(cache) => cache.event(&dir.join(EVENT_FILE), read),
                    None => (read(), None),
                }
            })
            .collect();
        let reports: Vec<_> = found
            .reports
            .par_iter()
            .map(|(event_id, path)| {
                let read = || read_report(root, path, event_id, &config);
                match cache {
                    Some(cache) => cache.report(path, read),
                    None => (read(), None),
                }
            })
            .collect();
        (events, reports)
    };
    let (events, fresh_events): (Vec<_>, Vec<_>) = events.into_iter().unzip();
    let (reports, fresh_reports): (Vec<_>, Vec<_>) = reports.into_iter().unzip();
    let (refused, mut warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = found
        .diagnostics
        .iter()
        .cloned()
        .partition(Diagnostic::is_error);
    if let Some(cache) = cache {
        cache.finish(
            Arc::clone(&found),
            fresh_reports.into_iter().flatten().collect(),
            fresh_events.into_iter().flatten().collect(),
            read_at,
        );
    }

    let mut problems = refused;
    let mut event_files = Vec::with_capacity(events.len());
    // Reports of an event whose `_event.yaml` is broken are not also "pointing to an event
    // that does not exist": the one problem is the event file's.
    let mut broken_events = Vec::new();
    for (event, (id, _)) in events.into_iter().zip(&found.event_dirs) {
        match event {
            Ok(facts) => event_files.push(facts),
            Err(problem) => {
                problems.push(problem);
                broken_events.push(id.as_str());
            }
        }
    }
    let mut report_files = Vec::new();
    for report in reports {
        match report {
            Ok(file) if file.draft && !options.drafts => {}
            Ok(file) => report_files.push(file),
            Err(mut found) => problems.append(&mut found),
        }
    }
    warn_unpublished_languages(&config, &mut report_files, &mut warnings);
    report_files.retain(|file| !broken_events.contains(&file.event_id.as_str()));
    let site = assemble(root, config, event_files, report_files, &mut problems);
    if problems.is_empty() {
        Ok(Loaded { site, warnings })
    } else {
        Err(Error::Invalid(problems))
    }
}

/// A hash of some texts, for digests (not for security: it tells versions apart).
fn digest_of(parts: &[&str]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    parts.hash(&mut hasher);
    hasher.finish()
}

fn read_event(root: &Path, id: &str, dir: &Path) -> EventResult {
    let shown_dir = relative(root, dir);
    if !is_url_slug(id) {
        return Err(Diagnostic::error(format!("event folder name `{id}` cannot be used in a URL"))
            .in_file(&shown_dir)
            .hint("rename it to lower-case letters, digits and hyphens, e.g. 2019-12-04-gold-label-meeting"));
    }
    let path = dir.join(EVENT_FILE);
    if !path.is_file() {
        return Ok(Arc::new(EventFacts {
            id: id.to_owned(),
            date: None,
            place: None,
            names: BTreeMap::new(),
            path: None,
            digest: digest_of(&[id]),
        }));
    }
    let shown = relative(root, &path);
    let text = text_file::read(&path, &shown)?;
    let file = format::read_event(&shown, &text)?;
    Ok(Arc::new(EventFacts {
        id: id.to_owned(),
        date: file.date,
        place: file.place,
        names: file.name,
        path: Some(shown),
        digest: digest_of(&[id, &text]),
    }))
}

fn read_report(root: &Path, path: &Path, folder_event: &str, config: &Config) -> ReadResult {
    let shown = relative(root, path);
    let text = text_file::read(path, &shown).map_err(|problem| vec![problem])?;
    parse_report(&shown, &text, folder_event, config)
}

/// One report file as a build reads it, from its text: `shown` is its path as messages name
/// it (its file name gives slug and language), `folder_event` the event folder it is in.
/// Every problem of its front matter is returned, as a build would report it; for editors'
/// tools that check a file as it is typed, and for fuzzing.
pub fn parse_report(
    shown: &Path,
    text: &str,
    folder_event: &str,
    config: &Config,
) -> std::result::Result<Arc<ReportFile>, Vec<Diagnostic>> {
    let parsed = format::read_report(shown, text, &config.taxonomies)?;
    refuse_deep_nesting(shown, text, parsed.body)?;
    let fm = parsed.front_matter;
    let (stem, suffix_lang) = format::split_report_file_name(shown);
    let lang = resolve_language(shown, text, suffix_lang, fm.lang.as_deref(), config)?;
    let slug = fm.slug.clone().unwrap_or(stem);
    let slug_problem = if !is_url_slug(&slug) {
        Some(
            Diagnostic::error(format!(
                "slug `{}` cannot be used in a URL",
                slug.escape_debug()
            ))
            .hint(
                "use lower-case letters, digits and hyphens in the file name or the `slug:` field",
            ),
        )
    } else if slug.len() > MAX_SLUG_LEN {
        Some(
            Diagnostic::error(format!(
                "the slug is {} characters long; a slug may have {MAX_SLUG_LEN} (it names a folder, and file systems allow 255 bytes)",
                slug.len()
            ))
            .hint("shorten the `slug:` field; the title can stay as long as it is"),
        )
    } else {
        None
    };
    if let Some(problem) = slug_problem {
        return Err(vec![
            match (fm.slug.is_some(), yaml::key_position(text, field::SLUG)) {
                (true, Some((line, column))) => {
                    problem.at(Location::in_source(shown, text, line, column))
                }
                _ => problem.in_file(shown),
            },
        ]);
    }
    let event_id = fm.event.clone().unwrap_or_else(|| folder_event.to_owned());
    let translation_key = fm
        .translation_key
        .clone()
        .unwrap_or_else(|| format::default_translation_key(&event_id, &slug));
    let digest = digest_of(&[&shown.to_string_lossy(), folder_event, text]);
    Ok(Arc::new(ReportFile {
        slug,
        lang,
        title: fm.title,
        event_id,
        date: fm.date,
        summary: fm.summary,
        source: fm.source,
        terms: fm.terms,
        translation_key,
        draft: fm.draft,
        body: parsed.body.to_owned(),
        path: shown.to_owned(),
        digest,
    }))
}

/// Refuses a body whose block quotes and lists nest deeper than [`MAX_BODY_NESTING`], at
/// the first line that does.
fn refuse_deep_nesting(
    shown: &Path,
    text: &str,
    body: &str,
) -> std::result::Result<(), Vec<Diagnostic>> {
    let Some((index, depth)) = crate::util::text::markdown_nesting_beyond(body, MAX_BODY_NESTING)
    else {
        return Ok(());
    };
    let line = format::body_line(text, body) + index;
    Err(vec![
        Diagnostic::error(format!(
            "quotes and lists nest {depth} levels deep here; reports may nest {MAX_BODY_NESTING}"
        ))
        .at(Location::in_source(shown, text, line, 1))
        .hint("flatten the quotes or lists; nothing a reader can follow nests this deep"),
    ])
}

/// The language from the file name, the `lang:` field or the default, which must agree.
fn resolve_language(
    shown: &Path,
    text: &str,
    suffix: Option<String>,
    field: Option<&str>,
    config: &Config,
) -> std::result::Result<LangCode, Vec<Diagnostic>> {
    let at_field = || {
        let (line, column) = yaml::key_position(text, field::LANG).unwrap_or((1, 1));
        Location::in_source(shown, text, line, column)
    };
    let from_suffix = match suffix {
        Some(suffix) => Some(LangCode::parse(&suffix).map_err(|error| {
            vec![
                Diagnostic::error(format!(
                    "the file name's language suffix is not valid: {error}"
                ))
                .in_file(shown)
                .hint("name reports `<slug>.<lang>.md`, e.g. `meeting.pl.md`"),
            ]
        })?),
        None => None,
    };
    let from_field = match field {
        Some(field) => Some(LangCode::parse(field).map_err(|error| {
            vec![
                Diagnostic::error(error.to_string())
                    .at(at_field())
                    .hint(crate::model::lang::LANG_CODE_HINT),
            ]
        })?),
        None => None,
    };
    match (from_suffix, from_field) {
        (Some(suffix), Some(field)) if suffix != field => Err(vec![
            Diagnostic::error(format!(
                "`lang: {field}` disagrees with the file name's language `{suffix}`"
            ))
            .at(at_field())
            .hint("rename the file or fix the field; the file name decides the URL"),
        ]),
        (Some(code), _) | (None, Some(code)) => Ok(code),
        (None, None) => Ok(config.default_language),
    }
}

/// The longest slug: it becomes a folder name (`/<lang>/reports/<slug>/`).
const MAX_SLUG_LEN: usize = 200;

/// Lower-case ASCII letters, digits and single hyphens: safe in every URL and file system.
pub(crate) fn is_url_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_slugs_are_strict() {
        assert!(is_url_slug("2019-12-04-meeting"));
        for bad in ["", "A", "a b", "../x", "a/b", "-a", "a--b", "ł"] {
            assert!(!is_url_slug(bad), "{bad}");
        }
    }
}
