//! Rendering only what changed, for the rebuilds of a `newsroom serve --watch` session: the
//! cache remembers each page's fingerprint (see `fingerprint`) as of the last build whose
//! files reached the output folder, and a page whose fingerprint (and the theme and
//! configuration around it) is the same again is neither rendered nor handed to the sink:
//! the folder still holds its bytes. So an edited report re-renders exactly the pages that
//! show something of it: its own, its event's, and the lists, terms and archives it is in.

use std::collections::{HashMap, HashSet};

use crate::pipeline::plan::Plan;

/// Fingerprints of the pages in the output folder, by page path, and of the feeds and the
/// sitemap, by file path. Keep one across the
/// builds of a session whose output folder is only written by those builds; a fresh one
/// renders everything.
#[derive(Debug, Default)]
pub struct RenderCache {
    environment: u64,
    /// As of the last committed build.
    pages: HashMap<String, u64>,
    /// This build's changes, to be kept once its files are in place.
    pending: Pending,
}

#[derive(Debug, Default)]
struct Pending {
    /// Pages whose fingerprint is new or moved.
    changed: Vec<(String, u64)>,
    /// The paths of all of this build's pages, when some of the cached ones are gone.
    remaining: Option<HashSet<String>>,
}

impl RenderCache {
    /// Starts a build in `environment` (theme, strings and configuration): pages made in
    /// another one are forgotten.
    pub(crate) fn begin(&mut self, environment: u64) {
        if self.environment != environment {
            self.environment = environment;
            self.pages.clear();
        }
        self.pending = Pending::default();
    }

    /// Whether the output folder holds the page at `path` as made from `fingerprint`.
    pub(crate) fn is_current(&self, path: &str, fingerprint: u64) -> bool {
        self.pages.get(path) == Some(&fingerprint)
    }

    /// Notes this build's fingerprints, one per planned page, then those of other files by
    /// their path, to be kept by [`RenderCache::commit`].
    pub(crate) fn record(&mut self, plan: &Plan, pages: &[u64], others: Vec<(String, u64)>) {
        let total = plan.pages.len() + others.len();
        let mut changed: Vec<(String, u64)> = plan
            .pages
            .iter()
            .zip(pages)
            .filter(|(page, fingerprint)| !self.is_current(&page.path, **fingerprint))
            .map(|(page, fingerprint)| (page.path.clone(), *fingerprint))
            .collect();
        changed.extend(
            others
                .iter()
                .filter(|(path, fingerprint)| !self.is_current(path, *fingerprint))
                .cloned(),
        );
        let added = changed
            .iter()
            .filter(|(path, _)| !self.pages.contains_key(path))
            .count();
        // Paths are unique: unless the cache would hold more entries than the build has, it
        // holds none that is gone.
        let remaining = (self.pages.len() + added != total).then(|| {
            plan.pages
                .iter()
                .map(|page| page.path.clone())
                .chain(others.into_iter().map(|(path, _)| path))
                .collect()
        });
        self.pending = Pending { changed, remaining };
    }

    /// The build's files are in the output folder: its fingerprints describe it now. A
    /// build that failed is never committed, so the cache never claims pages it did not
    /// write.
    pub fn commit(&mut self) {
        let Pending { changed, remaining } = std::mem::take(&mut self.pending);
        self.pages.extend(changed);
        if let Some(remaining) = remaining {
            self.pages.retain(|path, _| remaining.contains(path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::plan::{Page, PageKind};

    fn plan(paths: &[&str]) -> Plan {
        let mut plan = crate::pipeline::plan::tests::empty_plan();
        plan.pages = paths
            .iter()
            .map(|path| Page {
                kind: PageKind::Home,
                lang: None,
                path: (*path).to_owned(),
                group: 0,
                list: None,
            })
            .collect();
        plan
    }

    #[test]
    fn a_page_is_current_only_after_its_build_was_committed_in_the_same_environment() {
        let mut cache = RenderCache::default();
        let one = plan(&["en/"]);
        cache.begin(1);
        cache.record(&one, &[7], Vec::new());
        assert!(!cache.is_current("en/", 7), "not committed yet");
        cache.commit();
        assert!(cache.is_current("en/", 7));
        assert!(!cache.is_current("en/", 8));
        cache.begin(1);
        cache.record(&one, &[8], Vec::new());
        cache.begin(1);
        assert!(
            cache.is_current("en/", 7),
            "an uncommitted build changes nothing"
        );
        cache.begin(2);
        assert!(
            !cache.is_current("en/", 7),
            "a theme change forgets every page"
        );
    }

    #[test]
    fn pages_that_are_gone_are_forgotten() {
        let mut cache = RenderCache::default();
        cache.begin(1);
        cache.record(&plan(&["en/", "de/"]), &[1, 2], Vec::new());
        cache.commit();
        cache.begin(1);
        cache.record(
            &plan(&["en/", "pl/"]),
            &[1, 3],
            vec![("sitemap.xml".into(), 4)],
        );
        cache.commit();
        assert!(!cache.is_current("de/", 2));
        assert!(cache.is_current("en/", 1) && cache.is_current("pl/", 3));
        assert!(cache.is_current("sitemap.xml", 4));
        assert_eq!(cache.pages.len(), 3);
    }
}
