//! Writing `content/`: one `_event.yaml` per event and one Markdown file with YAML front
//! matter per report, in the content format (`content::format`), through
//! [`files::Writer`], which never loses an editor's work, and recorded in the [`manifest`].

mod files;
mod manifest;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::diagnostics::Result;
use crate::model::config::Config;
use crate::model::lang::LangCode;
use crate::model::site::Source;
use crate::pipeline::content::format::{self, CONTENT_DIR, EventFile, FrontMatter};
use crate::pipeline::ingest::analyse::draft::ReportDraft;
use crate::pipeline::ingest::grouping::EventDraft;
use crate::pipeline::ingest::sources::Seed;
use crate::util::text::slugify;
use crate::util::walk::relative;

pub(crate) use files::Outcome;
use files::{Target, Writer};
pub(crate) use manifest::{FileState, Manifest};

/// Everything one ingest writes.
pub(crate) struct Batch<'a> {
    pub(crate) root: &'a Path,
    pub(crate) config: &'a Config,
    pub(crate) seeds: &'a [Seed],
    pub(crate) drafts: &'a [ReportDraft],
    pub(crate) events: &'a [EventDraft],
}

/// What to do with files from seeds that are gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GoneSeeds {
    /// Keep their content (the default: removing a seed never deletes content).
    Keep,
    /// Remove their generated files that nobody changed.
    Prune,
}

/// Writes events and reports into `content/`; `force` overwrites hand edits.
pub(crate) fn write(
    batch: &Batch<'_>,
    old: &Manifest,
    force: bool,
    gone: GoneSeeds,
) -> Result<Outcome> {
    crate::util::atomic_file::remove_stale_scratch_files(&batch.root.join(CONTENT_DIR));
    let targets = targets(batch, old)?;
    let mut new = Manifest {
        files: BTreeMap::new(),
        seeds: old.seeds.clone(),
    };
    for event in batch.events {
        for &member in &event.members {
            let seed = &batch.seeds[batch.drafts[member].seed].path;
            new.seeds.insert(seed.clone(), event.id.clone());
        }
    }
    let mut writer = Writer {
        root: batch.root,
        old,
        new,
        force,
        outcome: Outcome::default(),
    };
    let taken_over = taken_over(batch.root, old, &targets)?;
    for target in &targets {
        if taken_over
            .iter()
            .any(|(target_path, _)| *target_path == target.path)
        {
            continue;
        }
        writer.put(target)?;
    }
    // The editor's file stands in for the report; it is ingest's no more, but its record stays.
    for (_, edited) in &taken_over {
        if let Some(record) = old.files.get(edited) {
            writer.new.files.insert(edited.clone(), record.clone());
        }
    }
    let live: BTreeSet<&str> = batch.seeds.iter().map(|seed| seed.path.as_str()).collect();
    let current: BTreeSet<&str> = targets.iter().map(|target| target.path.as_str()).collect();
    for (path, record) in &old.files {
        if current.contains(path.as_str()) || writer.new.files.contains_key(path) {
            continue;
        }
        let seed_gone = record
            .seed
            .as_deref()
            .is_some_and(|seed| !live.contains(seed));
        match (seed_gone, gone) {
            // Content of a removed seed stays, and so does its record.
            (true, GoneSeeds::Keep) => {
                writer.new.files.insert(path.clone(), record.clone());
            }
            (true, GoneSeeds::Prune) | (false, _) => writer.retire(path)?,
        }
    }
    if gone == GoneSeeds::Prune {
        writer
            .new
            .seeds
            .retain(|seed, _| live.contains(seed.as_str()));
    }
    writer.new.save(batch.root)?;
    Ok(writer.outcome)
}

/// Reports an editor has taken over at another path than ingest would now write them (the
/// file was changed by hand, often to pin it to another event): (target path, edited path).
/// Writing the target would publish the report twice.
fn taken_over(root: &Path, old: &Manifest, targets: &[Target]) -> Result<Vec<(String, String)>> {
    let mut taken_over = Vec::new();
    for (path, record) in &old.files {
        let (Some(seed), Some(lang)) = (&record.seed, format::report_language(Path::new(path)))
        else {
            continue;
        };
        if old.state(root, path)? != FileState::Edited {
            continue;
        }
        for target in targets {
            let same_report = target.seed.as_ref() == Some(seed)
                && format::report_language(Path::new(&target.path)).as_ref() == Some(&lang);
            if same_report && target.path != *path {
                taken_over.push((target.path.clone(), path.clone()));
            }
        }
    }
    Ok(taken_over)
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
            let taken_here = taken.entry(draft.lang).or_default();
            let slug = unique_slug(&draft.title, taken_here);
            taken_here.insert(slug.clone());
            slugs.insert(member, slug);
        }
    }

    let mut out = Vec::new();
    for event in events {
        let facts = EventFile {
            date: event.date,
            place: event.place.clone(),
            name: event.names.clone(),
        };
        out.push(Target {
            path: path_text(&format::event_file_path(&event.id)),
            bytes: facts.write()?.into_bytes(),
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
                .or_else(|| key.map(|slug| format::default_translation_key(&event.id, slug)));
            let front_matter = FrontMatter {
                title: draft.title.clone(),
                lang: Some(draft.lang.to_string()),
                date: draft.published,
                summary: draft.summary.clone(),
                source: Source {
                    file: Some(seeds[draft.seed].path.clone()),
                    publisher: draft.publisher.clone(),
                    url: draft.source_url.clone(),
                },
                translation_key: key,
                terms: draft
                    .terms
                    .iter()
                    .filter(|(name, terms)| !terms.is_empty() && config.taxonomies.contains(name))
                    .map(|(name, terms)| (name.clone(), terms.clone()))
                    .collect(),
                ..FrontMatter::default()
            };
            let path = format::report_file_path(&event.id, &slugs[&member], &draft.lang);
            out.push(Target {
                path: path_text(&path),
                bytes: front_matter.write(&draft.markdown)?.into_bytes(),
                seed: Some(seeds[draft.seed].path.clone()),
            });
        }
    }
    Ok(out)
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
    for entry in crate::util::walk::visible(&content, 2, 2) {
        let entry = entry?;
        let path = path_text(&relative(root, entry.path()));
        if !format::is_report_file(entry.path()) || old.files.contains_key(&path) {
            continue;
        }
        if let (slug, Some(lang)) = format::split_report_file_name(entry.path())
            && let Ok(lang) = LangCode::parse(&lang)
        {
            taken.entry(lang).or_default().insert(slug);
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
}
