//! Reading the built site: every file of the output folder is listed, and every HTML page
//! is parsed once, in parallel, into the few facts the checks need: its ids, its links, its
//! canonical URL and hreflang alternates, its `<html lang>` and whether it is `noindex`.
//! Every URL is resolved as it is read, and every fact keeps the byte offset of its tag so
//! a problem can be shown where it is. A page's text is dropped once it is read.
//!
//! Pages are minified (attribute values unquoted, tags on one line), so they are read with
//! html5ever's tokenizer, the HTML standard's own tokenizing rules: start tags and their
//! decoded attributes are all the checks need, so no tree is built.

use std::cell::RefCell;
use std::path::Path;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::urls::{FileId, Files, Resolver, Target};
use crate::diagnostics::{IoContext, Result};
use crate::model::config::BaseUrl;

/// The built site as the checks see it.
#[derive(Debug)]
pub(super) struct Output {
    /// Every file below the output folder; the HTML pages come first, so a page's
    /// [`FileId`] is its index in `pages`.
    pub(super) files: Files,
    /// The facts of every HTML page.
    pub(super) pages: Vec<Page>,
}

impl Output {
    /// The page a file is, if it is an HTML page.
    pub(super) fn page(&self, file: FileId) -> Option<&Page> {
        self.pages.get(file)
    }
}

/// What one HTML page says about itself and links to.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// `<html lang>`, and the offset of the `<html>` tag.
    pub(super) lang: Option<(String, usize)>,
    /// `<link rel=canonical>`s (there should be one at most).
    pub(super) canonical: Vec<Link>,
    /// `<link rel=alternate hreflang>`s, in document order.
    pub(super) alternates: Vec<Alternate>,
    /// Every other `href` and `src`, in document order.
    pub(super) links: Vec<Link>,
    /// The ids a fragment can name (`id` attributes, and `name` of `<a>`).
    pub(super) ids: FxHashSet<String>,
    /// `<meta name=robots content=noindex>`: kept out of search engines and the sitemap.
    pub(super) noindex: bool,
}

/// A URL in a page and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Link {
    /// As written (attribute value, decoded).
    pub(super) href: String,
    /// Where it leads.
    pub(super) target: Target,
    /// The byte offset of its tag in the page.
    pub(super) offset: usize,
}

/// One `<link rel=alternate hreflang=… href=…>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Alternate {
    /// The `hreflang` value as written.
    pub(super) hreflang: String,
    /// The URL.
    pub(super) link: Link,
}

impl Alternate {
    /// True for the `x-default` entry.
    pub(super) fn is_x_default(&self) -> bool {
        self.hreflang.eq_ignore_ascii_case("x-default")
    }
}

/// Lists the files of `site_dir` and reads every HTML page among them.
pub(super) fn scan(site_dir: &Path, base: &BaseUrl) -> Result<Output> {
    let files = Files::new(list_files(site_dir)?);
    let resolver = Resolver::new(base, &files);
    let page_count = (0..files.len())
        .take_while(|&file| is_html(files.path(file)))
        .count();
    let pages = (0..page_count)
        .into_par_iter()
        .map(|file| {
            let path = files.path(file);
            let full = site_dir.join(path);
            let bytes = std::fs::read(&full).at_path(&full)?;
            Ok(parse(&String::from_utf8_lossy(&bytes), path, &resolver))
        })
        .collect::<Result<Vec<Page>>>()?;
    Ok(Output { files, pages })
}

/// Every file below `site_dir` as a `/`-separated relative path: HTML pages first, each
/// group sorted.
fn list_files(site_dir: &Path) -> Result<Vec<String>> {
    let mut paths = Vec::new();
    for entry in crate::util::walk::visible(site_dir, 1, usize::MAX) {
        let entry = entry?;
        if entry.file_type().is_file()
            && let Ok(relative) = entry.path().strip_prefix(site_dir)
        {
            let parts: Vec<String> = relative
                .components()
                .map(|part| part.as_os_str().to_string_lossy().into_owned())
                .collect();
            paths.push(parts.join("/"));
        }
    }
    // Stable: the walk's sorted order stays within each group.
    paths.sort_by_key(|path| !is_html(path));
    Ok(paths)
}

fn is_html(path: &str) -> bool {
    path.ends_with(".html") || path.ends_with(".htm")
}

/// Reads one page: `source` is its text, `path` its place below the output folder.
pub(super) fn parse(source: &str, path: &str, resolver: &Resolver<'_>) -> Page {
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(source));
    let collector = Collector {
        source,
        path,
        resolver,
        queue: &queue,
        page: RefCell::new(Page::default()),
    };
    let tokenizer = Tokenizer::new(collector, TokenizerOpts::default());
    // The sink never asks the tokenizer to pause (no scripts run), so one call reads it all.
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.page.into_inner()
}

/// The token sink: turns start tags into page facts.
struct Collector<'a> {
    source: &'a str,
    path: &'a str,
    resolver: &'a Resolver<'a>,
    /// The tokenizer's input, to learn how far it has read.
    queue: &'a BufferQueue,
    page: RefCell<Page>,
}

impl TokenSink for Collector<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        let offset = self.tag_start();
        self.collect(&tag, offset);
        crate::util::html::text_state_after(&tag)
    }
}

impl Collector<'_> {
    /// The byte offset of the `<` of the start tag just read. The input is one buffer the
    /// tokenizer eats from the front, so what is left of it says where the tag ends; it
    /// starts at the last `<` before that (for a `<` inside a quoted value the caret lands
    /// inside the tag, still on it). Only ever used to show a problem's place.
    fn tag_start(&self) -> usize {
        let left = self
            .queue
            .peek_front_chunk_mut()
            .map_or(0, |chunk| chunk.len());
        let end = self.source.len().saturating_sub(left);
        self.source
            .get(..end)
            .and_then(|before| before.rfind('<'))
            .unwrap_or(0)
    }

    fn collect(&self, tag: &Tag, offset: usize) {
        let attribute = |name: &str| {
            tag.attrs
                .iter()
                .find(|attribute| &*attribute.name.local == name)
                .map(|attribute| &*attribute.value)
        };
        let mut page = self.page.borrow_mut();
        if let Some(id) = attribute("id") {
            page.ids.insert(id.to_owned());
        }
        let link = |href: &str| Link {
            href: href.to_owned(),
            target: self.resolver.resolve(self.path, href),
            offset,
        };
        match &*tag.name {
            "html" => page.lang = attribute("lang").map(|lang| (lang.to_owned(), offset)),
            "a" => {
                if let Some(name) = attribute("name") {
                    page.ids.insert(name.to_owned());
                }
            }
            "meta" => {
                page.noindex |= attribute("name").is_some_and(|n| n.eq_ignore_ascii_case("robots"))
                    && attribute("content").is_some_and(|content| {
                        content
                            .split(',')
                            .any(|word| word.trim().eq_ignore_ascii_case("noindex"))
                    });
            }
            "link" => {
                let rel = attribute("rel").unwrap_or_default();
                let has_rel = |word: &str| {
                    rel.split_ascii_whitespace()
                        .any(|token| token.eq_ignore_ascii_case(word))
                };
                if let Some(href) = attribute("href") {
                    if has_rel("canonical") {
                        page.canonical.push(link(href));
                        return;
                    }
                    if let Some(hreflang) = attribute("hreflang")
                        && has_rel("alternate")
                    {
                        page.alternates.push(Alternate {
                            hreflang: hreflang.to_owned(),
                            link: link(href),
                        });
                        return;
                    }
                }
            }
            // `<base>` changes how the page's URLs resolve; newsroom writes none, and a
            // page with one is resolved as if it had none.
            "base" => return,
            _ => {}
        }
        for name in ["href", "src"] {
            if let Some(href) = attribute(name) {
                page.links.push(link(href));
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Parses `html` as the page `path` of a site at `base` with `files`.
    pub(in crate::commands::check) fn page(
        base: &str,
        files: &[&str],
        path: &str,
        html: &str,
    ) -> Page {
        let base = BaseUrl::parse(base).unwrap();
        let files = Files::new(files.iter().map(|f| (*f).to_owned()).collect());
        parse(html, path, &Resolver::new(&base, &files))
    }

    /// A built site of `pages` (path, HTML) at `base`, as `scan` would read it.
    pub(in crate::commands::check) fn output(base: &str, pages: &[(&str, String)]) -> Output {
        let paths: Vec<&str> = pages.iter().map(|(path, _)| *path).collect();
        Output {
            files: Files::new(paths.iter().map(|p| (*p).to_owned()).collect()),
            pages: pages
                .iter()
                .map(|(path, html)| page(base, &paths, path, html))
                .collect(),
        }
    }

    #[test]
    fn unquoted_attributes_and_character_references_are_read_as_a_browser_reads_them() {
        let html = "<!doctype html><html dir=ltr lang=de><head><link href=https://x.org/de/ rel=canonical>\
            <link href=https://x.org/en/ hreflang=en rel=alternate><link href='https://x.org/de/' hreflang=\"de\" rel=\"alternate nofollow\">\
            <link href=/atom.xml rel=alternate type=application/atom+xml><meta content=\"follow, NOINDEX\" name=robots>\
            <body><a href=/en/?a=1&amp;b=2#x id=top>x</a><a name=old></a><img src=/logo.svg alt=\"a > b\"><h2 id=\"x y\">";
        let page = page(
            "https://x.org/",
            &["de/index.html", "en/index.html", "atom.xml", "logo.svg"],
            "de/index.html",
            html,
        );
        assert_eq!(
            page.lang.as_ref().map(|(lang, _)| lang.as_str()),
            Some("de")
        );
        assert_eq!(page.canonical.len(), 1);
        assert_eq!(page.canonical[0].target.file(), Some(0));
        let alternates: Vec<(&str, Option<FileId>)> = page
            .alternates
            .iter()
            .map(|a| (a.hreflang.as_str(), a.link.target.file()))
            .collect();
        assert_eq!(alternates, [("en", Some(1)), ("de", Some(0))]);
        let links: Vec<&str> = page.links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(links, ["/atom.xml", "/en/?a=1&b=2#x", "/logo.svg"]);
        assert_eq!(
            page.links[1].target,
            Target::File {
                file: 1,
                fragment: Some("x".to_owned())
            }
        );
        assert!(page.noindex);
        for id in ["top", "old", "x y"] {
            assert!(page.ids.contains(id), "{id}");
        }
    }

    #[test]
    fn offsets_point_at_the_tag() {
        let html = "<html lang=en><body><p title=\"a&amp;b&c<d\">x&nbsp;é</p><a href=/gone/>y</a>\n<img src=/x&amp;y.png>";
        let page = page("https://x.org/", &[], "index.html", html);
        let starts: Vec<&str> = page
            .links
            .iter()
            .map(|link| &html[link.offset..link.offset + 15])
            .collect();
        assert_eq!(starts, ["<a href=/gone/>", "<img src=/x&amp"]);
        assert_eq!(page.lang.as_ref().map(|(_, offset)| *offset), Some(0));
    }

    #[test]
    fn script_and_style_text_holds_no_tags() {
        let html = "<script>if (a<b) { x = '<a href=/not-a-link/>' }</script>\
            <style>a[href='<a href=/no/>']{}</style><title><a href=/no/></title><a href=/yes/>";
        let page = page("https://x.org/", &[], "index.html", html);
        let links: Vec<&str> = page.links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(links, ["/yes/"]);
    }
}
