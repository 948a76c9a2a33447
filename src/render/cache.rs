//! Rendering only what changed: each page's template context is fingerprinted as it is
//! built, and a page whose fingerprint (and the theme and configuration around it) is the
//! same as in the previous build keeps its bytes instead of being rendered and minified
//! again. So an edited report re-renders exactly the pages that show something of it: its
//! own, its event's, and the lists, terms and archives it appears in.

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::Mutex;

use rustc_hash::FxHasher;
use serde::Serialize;
use tera::Context;

/// Pages of the previous build, by output path, with the fingerprint they were made from.
/// Keep one across the builds of a session (`newsroom serve --watch`); a fresh one renders
/// everything.
#[derive(Debug, Default)]
pub struct RenderCache {
    environment: u64,
    pages: Mutex<HashMap<String, (u64, Vec<u8>)>>,
}

impl RenderCache {
    /// Starts a build in `environment` (theme, strings and configuration): pages made in
    /// another one are forgotten.
    pub(crate) fn begin(&mut self, environment: u64) {
        if self.environment != environment {
            self.environment = environment;
            self.lock().clear();
        }
    }

    /// The bytes of the page at `path`, if it was made from the same context.
    pub(crate) fn get(&self, path: &str, fingerprint: u64) -> Option<Vec<u8>> {
        let pages = self.lock();
        let (made_from, bytes) = pages.get(path)?;
        (*made_from == fingerprint).then(|| bytes.clone())
    }

    /// Remembers the bytes of the page at `path`.
    pub(crate) fn put(&self, path: &str, fingerprint: u64, bytes: &[u8]) {
        self.lock()
            .insert(path.to_owned(), (fingerprint, bytes.to_vec()));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (u64, Vec<u8>)>> {
        // A poisoned lock only means a render thread panicked; entries are whole values.
        self.pages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A page's template context, fingerprinted as values go in.
pub(crate) struct PageContext {
    context: Context,
    fingerprint: Fingerprint,
    /// False if a value could not be fingerprinted: the page is then always rendered.
    cacheable: bool,
}

impl PageContext {
    pub(crate) fn new() -> Self {
        PageContext {
            context: Context::new(),
            fingerprint: Fingerprint::default(),
            cacheable: true,
        }
    }

    /// Adds `value` as `key`, for the template and the fingerprint.
    pub(crate) fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.fingerprint.0.write(key.as_bytes());
        if serde_json::to_writer(&mut self.fingerprint, value).is_err() {
            self.cacheable = false;
        }
        self.context.insert(key, value);
    }

    /// The fingerprint, unless some value could not be taken into it.
    pub(crate) fn fingerprint(&self) -> Option<u64> {
        self.cacheable.then(|| self.fingerprint.0.finish())
    }

    /// The context to render with.
    pub(crate) fn context(&self) -> &Context {
        &self.context
    }
}

/// A hasher that serde_json can write into.
#[derive(Default)]
pub(crate) struct Fingerprint(pub(crate) FxHasher);

impl std::io::Write for Fingerprint {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fingerprint(values: &[(&'static str, &str)]) -> Option<u64> {
        let mut context = PageContext::new();
        for (key, value) in values {
            context.insert(key, value);
        }
        context.fingerprint()
    }

    #[test]
    fn the_same_context_has_the_same_fingerprint_and_any_change_another() {
        let base = fingerprint(&[("title", "A"), ("body", "B")]);
        assert_eq!(base, fingerprint(&[("title", "A"), ("body", "B")]));
        assert_ne!(base, fingerprint(&[("title", "A"), ("body", "C")]));
        assert_ne!(base, fingerprint(&[("title", "AB"), ("body", "")]));
    }

    #[test]
    fn a_page_is_reused_only_from_the_same_context_and_environment() {
        let mut cache = RenderCache::default();
        cache.begin(1);
        cache.put("en/", 7, b"page");
        assert_eq!(cache.get("en/", 7).as_deref(), Some(&b"page"[..]));
        assert_eq!(cache.get("en/", 8), None);
        cache.begin(2);
        assert_eq!(
            cache.get("en/", 7),
            None,
            "a theme change forgets every page"
        );
    }
}
