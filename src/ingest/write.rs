//! Writing `content/`: one `_event.yaml` per event and one Markdown file with YAML front
//! matter per report. A manifest (`content/.ingest.yaml`) records a hash of every file
//! ingest wrote, so a file an editor changed since is kept as it is and reported, never
//! overwritten (unless `--force`). Front matter goes through serde_yaml, never string
//! formatting, so titles with `:` or quotes stay valid YAML.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::content::{CONTENT_DIR, EVENT_FILE, relative};
use crate::diagnostics::Diagnostic;
use crate::error::{Error, IoContext, Result};
use crate::ingest::draft::{EventDraft, ReportDraft, Seed, content_path};
use crate::lang::LangCode;
use crate::site::Source;
use crate::text::slugify;

/// The manifest's file name inside `content/`.
pub(crate) const MANIFEST: &str = ".ingest.yaml";

/// What ingest generated, by path relative to the site root.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Manifest {
    /// Every generated file and the hash of what was written.
    #[serde(default)]
    pub(crate) files: BTreeMap<String, FileRecord>,
    /// The event each seed was put in, so event ids stay stable.
    #[serde(default)]
    pub(crate) seeds: BTreeMap<String, String>,
}

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileRecord {
    /// The seed it came from (none for event files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) seed: Option<String>,
    /// SHA-256 of the bytes ingest wrote.
    pub(crate) sha256: String,
}

impl Manifest {
    /// Reads the manifest of a site; a missing one is empty.
    pub(crate) fn load(root: &Path) -> Result<Manifest> {
        let path = root.join(CONTENT_DIR).join(MANIFEST);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(Manifest::default());
        };
        serde_yaml::from_str(&text).map_err(|error| {
            Error::invalid(
                crate::yaml::diagnostic(&relative(root, &path), &text, &error)
                    .hint("this file is written by `newsroom ingest`; delete it to start afresh"),
            )
        })
    }

    /// Event ids of earlier ingests, by seed path.
    pub(crate) fn event_ids(&self) -> &BTreeMap<String, String> {
        &self.seeds
    }
}

/// What writing did.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub(crate) written: usize,
    pub(crate) unchanged: usize,
    pub(crate) kept: usize,
    pub(crate) removed: usize,
    pub(crate) warnings: Vec<Diagnostic>,
}

#[derive(Serialize)]
struct EventFileOut<'a> {
    date: Option<String>,
    place: Option<&'a str>,
    name: &'a BTreeMap<LangCode, String>,
}

#[derive(Serialize)]
struct FrontMatterOut<'a> {
    title: &'a str,
    lang: &'a LangCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    translation_key: Option<&'a str>,
    #[serde(flatten)]
    terms: BTreeMap<&'a str, &'a [String]>,
}

/// A file to write: its path relative to the root, its bytes and the seed it came from.
struct Target {
    path: String,
    bytes: Vec<u8>,
    seed: Option<String>,
}

/// Everything one ingest writes.
pub(crate) struct Batch<'a> {
    pub(crate) root: &'a Path,
    pub(crate) config: &'a Config,
    pub(crate) seeds: &'a [Seed],
    pub(crate) drafts: &'a [ReportDraft],
    pub(crate) events: &'a [EventDraft],
}

/// Writes events and reports into `content/`; `force` overwrites hand edits.
pub(crate) fn write(batch: &Batch<'_>, old: &Manifest, force: bool) -> Result<Outcome> {
    let Batch {
        root,
        seeds,
        drafts,
        events,
        ..
    } = *batch;
    let targets = targets(batch, old)?;
    let mut outcome = Outcome::default();
    let mut new = Manifest {
        files: BTreeMap::new(),
        seeds: old.seeds.clone(),
    };
    for event in events {
        for &member in &event.members {
            new.seeds
                .insert(seeds[drafts[member].seed].path.clone(), event.id.clone());
        }
    }
    for target in &targets {
        put(root, target, old, &mut new, force, &mut outcome)?;
    }
    remove_stale(root, seeds, &targets, old, &mut new, &mut outcome)?;
    // Records of seeds that are gone stay: their content stays too.
    let live: BTreeSet<&str> = seeds.iter().map(|seed| seed.path.as_str()).collect();
    for (path, record) in &old.files {
        let gone_seed = record
            .seed
            .as_deref()
            .is_some_and(|seed| !live.contains(seed));
        if gone_seed && !new.files.contains_key(path) {
            new.files.insert(path.clone(), record.clone());
        }
    }
    write_manifest(root, &new)?;
    Ok(outcome)
}

fn targets(batch: &Batch<'_>, old: &Manifest) -> Result<Vec<Target>> {
    let Batch {
        root,
        config,
        seeds,
        drafts,
        events,
    } = *batch;
    let mut taken = hand_written_slugs(root, old)?;
    let mut slugs: HashMap<usize, String> = HashMap::new();
    for event in events {
        for &member in &event.members {
            let draft = &drafts[member];
            let taken_here = taken.entry(draft.lang.clone()).or_default();
            let slug = unique_slug(&draft.title, taken_here);
            taken_here.insert(slug.clone());
            slugs.insert(member, slug);
        }
    }

    let mut out = Vec::new();
    for event in events {
        let facts = EventFileOut {
            date: event.date.map(|date| date.format("%Y-%m-%d").to_string()),
            place: event.place.as_deref(),
            name: &event.names,
        };
        out.push(Target {
            path: path_text(&content_path(&event.id, EVENT_FILE)),
            bytes: yaml(&facts)?.into_bytes(),
            seed: None,
        });
        for &member in &event.members {
            let draft = &drafts[member];
            let first_part = event
                .members
                .iter()
                .find(|&&m| drafts[m].seed == draft.seed && drafts[m].part == 0);
            let key = (draft.parts_in_seed > 1)
                .then(|| first_part.and_then(|m| slugs.get(m)))
                .flatten();
            let key = draft
                .translation_key
                .clone()
                .or_else(|| key.map(|slug| format!("{}/{slug}", event.id)));
            let front_matter = FrontMatterOut {
                title: &draft.title,
                lang: &draft.lang,
                date: draft
                    .published
                    .map(|date| date.format("%Y-%m-%d").to_string()),
                summary: draft.summary.as_deref(),
                source: Source {
                    file: Some(seeds[draft.seed].path.clone()),
                    publisher: draft.publisher.clone(),
                    url: draft.source_url.clone(),
                },
                translation_key: key.as_deref(),
                terms: draft
                    .terms
                    .iter()
                    .filter(|(name, terms)| !terms.is_empty() && config.taxonomies.contains(name))
                    .map(|(name, terms)| (name.as_str(), terms.as_slice()))
                    .collect(),
            };
            let text = format!("---\n{}---\n\n{}", yaml(&front_matter)?, draft.markdown);
            let file_name = format!("{}.{}.md", slugs[&member], draft.lang);
            out.push(Target {
                path: path_text(&content_path(&event.id, &file_name)),
                bytes: text.into_bytes(),
                seed: Some(seeds[draft.seed].path.clone()),
            });
        }
    }
    Ok(out)
}

fn yaml<T: Serialize>(value: &T) -> Result<String> {
    serde_yaml::to_string(value).map_err(|error| {
        Error::invalid(Diagnostic::error(format!(
            "cannot write front matter: {error}"
        )))
    })
}

fn path_text(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Slugs of reports in `content/` that ingest did not write, per language: never reused.
fn hand_written_slugs(root: &Path, old: &Manifest) -> Result<BTreeMap<LangCode, BTreeSet<String>>> {
    let mut taken: BTreeMap<LangCode, BTreeSet<String>> = BTreeMap::new();
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Ok(taken);
    }
    for entry in crate::walk::visible(&content, 2, 2) {
        let entry = entry?;
        let path = path_text(&relative(root, entry.path()));
        let name = entry.file_name().to_string_lossy();
        let Some(stem) = name.strip_suffix(".md") else {
            continue;
        };
        if old.files.contains_key(&path) {
            continue;
        }
        if let Some((slug, lang)) = stem.rsplit_once('.')
            && let Ok(lang) = LangCode::parse(lang)
        {
            taken.entry(lang).or_default().insert(slug.to_owned());
        }
    }
    Ok(taken)
}

fn unique_slug(title: &str, taken: &BTreeSet<String>) -> String {
    let mut base = slugify(title, 60);
    if base.is_empty() {
        base = "report".to_owned();
    }
    let mut slug = base.clone();
    let mut counter = 2;
    while taken.contains(&slug) {
        slug = format!("{base}-{counter}");
        counter += 1;
    }
    slug
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Writes one file unless an editor changed it since ingest last wrote it.
fn put(
    root: &Path,
    target: &Target,
    old: &Manifest,
    new: &mut Manifest,
    force: bool,
    outcome: &mut Outcome,
) -> Result<()> {
    let full = root.join(&target.path);
    let record = FileRecord {
        seed: target.seed.clone(),
        sha256: sha256(&target.bytes),
    };
    match std::fs::read(&full) {
        Ok(existing) if existing == target.bytes => {
            outcome.unchanged += 1;
            new.files.insert(target.path.clone(), record);
        }
        Ok(existing) => {
            let ours = old
                .files
                .get(&target.path)
                .is_some_and(|r| r.sha256 == sha256(&existing));
            if ours || force {
                std::fs::write(&full, &target.bytes).at_path(&full)?;
                outcome.written += 1;
                new.files.insert(target.path.clone(), record);
            } else {
                outcome.kept += 1;
                outcome.warnings.push(
                    Diagnostic::warning(
                        "kept: this file was changed by hand since ingest wrote it",
                    )
                    .in_file(Path::new(&target.path))
                    .hint("run `newsroom ingest --force` to regenerate it from its seed"),
                );
                if let Some(previous) = old.files.get(&target.path) {
                    new.files.insert(target.path.clone(), previous.clone());
                }
            }
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = full.parent() {
                std::fs::create_dir_all(parent).at_path(parent)?;
            }
            std::fs::write(&full, &target.bytes).at_path(&full)?;
            outcome.written += 1;
            new.files.insert(target.path.clone(), record);
        }
        Err(error) => return Err(Error::io(&full, error)),
    }
    Ok(())
}

/// Files an earlier ingest made from seeds that are still here, which this ingest no longer
/// makes (the report moved to another event): removed if untouched, kept if edited.
fn remove_stale(
    root: &Path,
    seeds: &[Seed],
    targets: &[Target],
    old: &Manifest,
    new: &mut Manifest,
    outcome: &mut Outcome,
) -> Result<()> {
    let live: BTreeSet<&str> = seeds.iter().map(|seed| seed.path.as_str()).collect();
    let current: BTreeSet<&str> = targets.iter().map(|target| target.path.as_str()).collect();
    for (path, record) in &old.files {
        let from_live_seed = record
            .seed
            .as_deref()
            .is_none_or(|seed| live.contains(seed));
        if current.contains(path.as_str()) || !from_live_seed {
            continue;
        }
        let full = root.join(path);
        let Ok(existing) = std::fs::read(&full) else {
            continue;
        };
        if sha256(&existing) == record.sha256 {
            std::fs::remove_file(&full).at_path(&full)?;
            outcome.removed += 1;
            if let Some(parent) = full.parent()
                && std::fs::read_dir(parent).is_ok_and(|mut entries| entries.next().is_none())
            {
                std::fs::remove_dir(parent).at_path(parent)?;
            }
        } else {
            outcome.kept += 1;
            new.files.insert(path.clone(), record.clone());
            outcome.warnings.push(
                Diagnostic::warning(
                    "kept: ingest no longer makes this file, but it was changed by hand",
                )
                .in_file(Path::new(path))
                .hint("delete it if the report now lives elsewhere"),
            );
        }
    }
    Ok(())
}

fn write_manifest(root: &Path, manifest: &Manifest) -> Result<()> {
    let path = root.join(CONTENT_DIR).join(MANIFEST);
    let text = format!(
        "# Written by `newsroom ingest`: the files it generated and a hash of each, so it never\n\
         # overwrites a file an editor changed. Do not edit; delete it to forget what ingest made.\n{}",
        yaml(manifest)?
    );
    if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).at_path(parent)?;
    }
    std::fs::write(&path, text).at_path(&path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_per_language() {
        let mut taken = BTreeSet::new();
        let first = unique_slug("Meeting of Clusters", &taken);
        taken.insert(first.clone());
        assert_eq!(first, "meeting-of-clusters");
        assert_eq!(
            unique_slug("Meeting of Clusters", &taken),
            "meeting-of-clusters-2"
        );
        assert_eq!(unique_slug("???", &taken), "report");
    }

    #[test]
    fn hashes_are_hex_sha256() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
