//! Rendering only what changed, for the rebuilds of a `newsroom serve --watch` session: the
//! cache remembers each page's fingerprint (see `fingerprint`) as of the last build whose
//! files reached the output folder, and a page whose fingerprint (and the theme and
//! configuration around it) is the same again is neither rendered nor handed to the sink:
//! the folder still holds its bytes. So an edited report re-renders exactly the pages that
//! show something of it: its own, its event's, and the lists, terms and archives it is in.

use std::collections::HashMap;

/// Fingerprints of the pages in the output folder, by output path. Keep one across the
/// builds of a session whose output folder is only written by those builds; a fresh one
/// renders everything.
#[derive(Debug, Default)]
pub struct RenderCache {
    environment: u64,
    /// As of the last committed build.
    pages: HashMap<String, u64>,
    /// This build's, to be kept once its files are in place.
    pending: Vec<(String, u64)>,
}

impl RenderCache {
    /// Starts a build in `environment` (theme, strings and configuration): pages made in
    /// another one are forgotten.
    pub(crate) fn begin(&mut self, environment: u64) {
        if self.environment != environment {
            self.environment = environment;
            self.pages.clear();
        }
        self.pending.clear();
    }

    /// Whether the output folder holds the page at `path` as made from `fingerprint`.
    pub(crate) fn is_current(&self, path: &str, fingerprint: u64) -> bool {
        self.pages.get(path) == Some(&fingerprint)
    }

    /// Notes this build's fingerprints, to be kept by [`RenderCache::commit`].
    pub(crate) fn record(&mut self, fingerprints: Vec<(String, u64)>) {
        self.pending = fingerprints;
    }

    /// The build's files are in the output folder: its fingerprints describe it now. A
    /// build that failed is never committed, so the cache never claims pages it did not
    /// write.
    pub fn commit(&mut self) {
        self.pages = std::mem::take(&mut self.pending).into_iter().collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_current_only_after_its_build_was_committed_in_the_same_environment() {
        let mut cache = RenderCache::default();
        cache.begin(1);
        cache.record(vec![("en/".to_owned(), 7)]);
        assert!(!cache.is_current("en/", 7), "not committed yet");
        cache.commit();
        assert!(cache.is_current("en/", 7));
        assert!(!cache.is_current("en/", 8));
        cache.begin(1);
        cache.record(vec![("en/".to_owned(), 8)]);
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
}
