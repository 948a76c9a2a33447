//! Where a URL written in the built site leads: to a file of the output folder (and the
//! fragment it names), to a path of the site that has no file, or off the site.
//!
//! URLs are resolved the way a browser and a static host would: relative to the page's
//! address, `.` and `..` removed, `?query` ignored, percent-escapes decoded, `x/` served
//! from `x/index.html`. The site may be published under a sub-path of its host (base_url
//! `https://x.org/news/`): the output folder's root stands for `/news/`.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::model::config::BaseUrl;
use crate::pipeline::plan::{self, INDEX_FILE};

/// A file of the output folder, by its index in [`Files`].
pub(super) type FileId = usize;

/// The files of the output folder, by their path below it (`en/index.html`).
#[derive(Debug, Default)]
pub(super) struct Files {
    paths: Vec<String>,
    ids: FxHashMap<String, FileId>,
}

impl Files {
    /// Indexes `paths` (relative, `/`-separated); a file's id is its position.
    pub(super) fn new(paths: Vec<String>) -> Self {
        let ids = paths
            .iter()
            .enumerate()
            .map(|(id, path)| (path.clone(), id))
            .collect();
        Files { paths, ids }
    }

    /// The path of a file below the output folder.
    pub(super) fn path(&self, file: FileId) -> &str {
        &self.paths[file]
    }

    /// How many files there are.
    pub(super) fn len(&self) -> usize {
        self.paths.len()
    }

    /// The file a host serves for `site_path` (decoded, below the base path), if any. A
    /// folder is served from its `index.html`, also when the final `/` is missing (hosts
    /// redirect to it).
    fn serving(&self, site_path: &str) -> Option<FileId> {
        if site_path.is_empty() || site_path.ends_with('/') {
            return self.ids.get(&plan::page_file(site_path)).copied();
        }
        self.ids
            .get(site_path)
            .or_else(|| self.ids.get(&plan::page_file(&format!("{site_path}/"))))
            .copied()
    }
}

/// Where a URL leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// Another host, or not a web address (`mailto:`, `tel:`, `data:`): not checked.
    External,
    /// The site's host, but outside its base path: not this site's to check.
    OutsideBase,
    /// A file of the output, and the fragment the URL names (decoded; `Some("")` for `#`).
    File {
        /// The file.
        file: FileId,
        /// The fragment, without `#`.
        fragment: Option<String>,
    },
    /// A path of the site (below the base path, decoded) that no file answers to.
    Missing {
        /// The path, as `/`-separated text below the base path.
        path: String,
    },
}

impl Target {
    /// The file a URL leads to, if it leads to one.
    pub(super) fn file(&self) -> Option<FileId> {
        match self {
            Target::File { file, .. } => Some(*file),
            _ => None,
        }
    }

    /// True for URLs of this site, whether or not a file answers to them.
    pub(super) fn is_internal(&self) -> bool {
        matches!(self, Target::File { .. } | Target::Missing { .. })
    }
}

/// Resolves URLs found in the pages of one output folder.
#[derive(Debug)]
pub(super) struct Resolver<'a> {
    base: &'a BaseUrl,
    /// `scheme://host[:port]` of the base URL.
    origin: &'a str,
    files: &'a Files,
}

impl<'a> Resolver<'a> {
    /// A resolver for a site published at `base` whose output holds `files`.
    pub(super) fn new(base: &'a BaseUrl, files: &'a Files) -> Self {
        let url = base.as_str();
        Resolver {
            base,
            origin: &url[..url.len() - base.path().len()],
            files,
        }
    }

    /// Where `href`, written in the page at `page_file` (a path below the output folder),
    /// leads.
    pub(super) fn resolve(&self, page_file: &str, href: &str) -> Target {
        let href = trimmed(href);
        let (address, fragment) = match href.split_once('#') {
            Some((address, fragment)) => (address, Some(percent_decode(fragment).into_owned())),
            None => (href, None),
        };
        let address = address.split('?').next().unwrap_or_default();
        let Some(url_path) = self.url_path(page_file, address) else {
            return Target::External;
        };
        let url_path = remove_dot_segments(&url_path);
        let Some(site_path) = self.below_base(&url_path) else {
            return Target::OutsideBase;
        };
        let site_path = percent_decode(site_path);
        match self.files.serving(&site_path) {
            Some(file) => Target::File { file, fragment },
            None => Target::Missing {
                path: site_path.into_owned(),
            },
        }
    }

    /// The absolute URL path `address` leads to on the site's host, or `None` for another
    /// host or scheme.
    fn url_path(&self, page_file: &str, address: &str) -> Option<String> {
        if let Some((scheme, rest)) = split_scheme(address) {
            if !(scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")) {
                return None;
            }
            return self.same_host_path(rest.strip_prefix("//")?);
        }
        if let Some(rest) = address.strip_prefix("//") {
            return self.same_host_path(rest);
        }
        if address.starts_with('/') {
            return Some(address.to_owned());
        }
        // A relative reference: from the folder of the page's own address (an empty one is
        // the page itself).
        let page_url = page_file.strip_suffix(INDEX_FILE).unwrap_or(page_file);
        let folder = if address.is_empty() {
            page_url
        } else {
            &page_url[..page_url.rfind('/').map_or(0, |slash| slash + 1)]
        };
        Some(format!("{}{folder}{address}", self.base.path()))
    }

    /// The path of `authority_and_path` (what follows `//`) when its host is the site's.
    fn same_host_path(&self, authority_and_path: &str) -> Option<String> {
        let end = authority_and_path
            .find('/')
            .unwrap_or(authority_and_path.len());
        let (authority, path) = authority_and_path.split_at(end);
        let own = self
            .origin
            .split_once("//")
            .map_or(self.origin, |(_, host)| host);
        if !authority.eq_ignore_ascii_case(own) {
            return None;
        }
        Some(if path.is_empty() { "/" } else { path }.to_owned())
    }

    /// `url_path` below the base path (`/news/en/` → `en/`), or `None` outside it.
    fn below_base<'p>(&self, url_path: &'p str) -> Option<&'p str> {
        let base = self.base.path();
        if let Some(inside) = url_path.strip_prefix(base) {
            return Some(inside);
        }
        // `/news` is the site's root too: hosts redirect it to `/news/`.
        (format!("{url_path}/") == base).then_some("")
    }
}

/// True for a reference that depends on the address of the page it is in (`x/`, `../x`),
/// rather than starting from the host's root (`/x/`), a scheme or `#`.
pub(super) fn is_relative(href: &str) -> bool {
    let href = trimmed(href);
    !href.is_empty() && !href.starts_with(['/', '#', '?']) && split_scheme(href).is_none()
}

/// Browsers strip leading and trailing spaces and control characters from URLs.
fn trimmed(href: &str) -> &str {
    href.trim_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control())
}

/// `https://x.org/a` → (`https`, `//x.org/a`); `None` for a reference without a scheme.
fn split_scheme(address: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = address.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some((scheme, rest))
}

/// RFC 3986's `remove_dot_segments` for a path starting with `/`: `/a/b/../c/./` →
/// `/a/c/`. A `..` above the root stays at the root, as browsers do.
fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    let mut kept: Vec<&str> = Vec::with_capacity(segments.len());
    for (index, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {}
            ".." => {
                kept.pop();
            }
            other => kept.push(other),
        }
        // A path ending in `.` or `..` names a folder.
        if index == last && matches!(*segment, "." | "..") {
            kept.push("");
        }
    }
    format!("/{}", kept.join("/"))
}

/// Decodes `%XX` escapes; text that would not be UTF-8 afterwards is kept as written.
pub(super) fn percent_decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                index += 3;
            }
            None => {
                decoded.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8(decoded).map_or(Cow::Borrowed(text), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Files {
        Files::new(
            [
                "index.html",
                "404.html",
                "style.css",
                "en/index.html",
                "en/reports/a/index.html",
                "en/reports/b c/index.html",
            ]
            .map(str::to_owned)
            .to_vec(),
        )
    }

    fn resolve(base: &str, page: &str, href: &str) -> Target {
        let base = BaseUrl::parse(base).unwrap();
        let files = files();
        Resolver::new(&base, &files).resolve(page, href)
    }

    fn file(id: FileId, fragment: Option<&str>) -> Target {
        Target::File {
            file: id,
            fragment: fragment.map(str::to_owned),
        }
    }

    #[test]
    fn root_relative_relative_and_absolute_urls_reach_the_same_file() {
        let base = "https://x.org/";
        let page = "en/reports/a/index.html";
        for href in [
            "/en/",
            "../../",
            "../../index.html",
            "https://x.org/en/",
            "//x.org/en/",
            "HTTPS://X.ORG/en/?utm=1",
            "/en",
            " /en/ ",
        ] {
            assert_eq!(resolve(base, page, href), file(3, None), "{href}");
        }
        assert_eq!(resolve(base, page, ""), file(4, None));
        assert_eq!(resolve(base, page, "#top"), file(4, Some("top")));
        assert_eq!(resolve(base, page, "../b%20c/#x%20y"), file(5, Some("x y")));
        assert_eq!(resolve(base, "404.html", "style.css"), file(2, None));
    }

    #[test]
    fn a_sub_path_base_url_maps_onto_the_output_folder() {
        let base = "https://x.org/news/";
        let page = "en/index.html";
        assert_eq!(resolve(base, page, "/news/en/"), file(3, None));
        assert_eq!(resolve(base, page, "/news/"), file(0, None));
        assert_eq!(resolve(base, page, "/news"), file(0, None));
        assert_eq!(
            resolve(base, page, "https://x.org/news/style.css"),
            file(2, None)
        );
        assert_eq!(resolve(base, page, "../style.css"), file(2, None));
        assert_eq!(resolve(base, page, "/en/"), Target::OutsideBase);
        assert_eq!(resolve(base, page, "../../other/"), Target::OutsideBase);
        assert_eq!(resolve(base, page, "https://x.org/"), Target::OutsideBase);
    }

    #[test]
    fn missing_files_and_other_sites() {
        let base = "https://x.org/";
        let page = "en/index.html";
        assert_eq!(
            resolve(base, page, "reports/gone/"),
            Target::Missing {
                path: "en/reports/gone/".to_owned()
            }
        );
        for href in [
            "https://y.org/en/",
            "//y.org/",
            "mailto:a@x.org",
            "tel:+331",
            "javascript:void(0)",
        ] {
            assert_eq!(resolve(base, page, href), Target::External, "{href}");
        }
    }

    #[test]
    fn relative_references_are_told_apart() {
        for href in ["x/", "../x", "style.css", "./"] {
            assert!(is_relative(href), "{href}");
        }
        for href in [
            "/x/",
            "#main",
            "?q",
            "",
            "https://x.org/",
            "mailto:a@b",
            "//x.org/",
        ] {
            assert!(!is_relative(href), "{href}");
        }
    }

    #[test]
    fn dot_segments_and_escapes() {
        assert_eq!(remove_dot_segments("/a/b/../c/./d"), "/a/c/d");
        assert_eq!(remove_dot_segments("/a/b/.."), "/a/");
        assert_eq!(remove_dot_segments("/../../a"), "/a");
        assert_eq!(remove_dot_segments("/"), "/");
        assert_eq!(percent_decode("a%C5%81b%2"), "aŁb%2");
        assert_eq!(percent_decode("%FF"), "%FF");
    }
}
