//! The main text of a saved web page, its title and its publication date.
//!
//! The main text is rs-trafilatura's (a Rust port of trafilatura, the best-measured article
//! extractor on the public extraction benchmark in `shared/bench/extraction`): it scores
//! every block of the page by text and link density and keeps the article. Its metadata
//! gives the title (JSON-LD headline, `og:title`, `<h1>`, `<title>` less the site name) and
//! the publication date, which a page states more surely than any line of its text. When it
//! finds no article, our own reading takes over: the page parsed with html5ever (through
//! scraper), furniture elements left out (scripts, navigation, header and footer, asides,
//! figures, elements named like cookie dialogs or share bars), the article, `main` or body
//! written as plain lines. Either way the text stages clean the lines further.

use std::collections::HashSet;

use chrono::NaiveDate;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use crate::util::text::html_nesting_beyond;

mod dom;
mod library;
mod links;
mod metadata;
use dom::{collapse, select_first};
use links::{line_text, link_titles, without_links_elsewhere};
use metadata::{meta_published, page_title, time_published};

/// What a web page gives ingest.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct PageText {
    /// The main text, one block per line group, its title first when the page names one.
    pub(crate) text: String,
    /// The page's own title, from its metadata.
    pub(crate) title: Option<String>,
    /// The publication date the page's metadata gives.
    pub(crate) published: Option<NaiveDate>,
    /// Why the page holds no report, when it is a listing or index rather than an article.
    pub(crate) not_an_article: Option<String>,
}

/// Page types (rs-trafilatura's classifier) that list other pages rather than tell a story.
const LISTING_TYPES: &[&str] = &["collection", "listing", "product"];
/// Deeper than this, a page goes to our own walk rather than the library's recursive one.
const LIBRARY_MAX_NESTING: usize = 400;
/// A line this long is a paragraph of prose, which a page of links does not have.
const PROSE_MIN_WORDS: usize = 25;
/// Below this many words of main text a listing page's text is only its link titles.
const LISTING_MAX_WORDS: usize = 100;

/// Extracts the main text, title and publication date of a page.
pub(crate) fn extract(html: &str) -> PageText {
    let document = Html::parse_document(html);
    // The library walks the tree recursively: a page nested deeper than any real article
    // is read by our own walk, which needs no stack.
    let nested_too_deep = html_nesting_beyond(html.as_bytes(), LIBRARY_MAX_NESTING).is_some();
    let library = (!nested_too_deep).then(|| library::article(html)).flatten();
    let title = page_title(&document, library.as_ref());
    let published = meta_published(&document)
        .or_else(|| {
            library
                .as_ref()
                .and_then(|result| result.metadata.date)
                .map(|date| date.date_naive())
        })
        .or_else(|| time_published(&document));
    let body = match &library {
        Some(result) => main_text(result, &document),
        None => own_text(&document),
    };
    let links = link_titles(&document);
    let not_an_article = listing_reason(library.as_ref(), &links, &body);
    let body = without_links_elsewhere(&body, &links);
    let starts_with_title = |title: &str| body.lines().next().map(str::trim) == Some(title);
    let text = match &title {
        Some(title) if !starts_with_title(title) => format!("{title}\n\n{body}"),
        _ => body,
    };
    PageText {
        text: text.trim_end().to_owned() + "\n",
        title,
        published,
        not_an_article,
    }
}

/// The library's choice written as our lines: from its HTML, so that list items, headings
/// and paragraphs stay apart and figures stay out. Where it gives no structure (it fell
/// back to the page's plain text, or took a JSON-LD article body), its plain text, or our
/// own reading of the page where it found too little to be sure of.
fn main_text(result: &rs_trafilatura::ExtractResult, document: &Html) -> String {
    let structured = result.content_html.as_deref().and_then(|html| {
        let fragment = Html::parse_fragment(html);
        let blocks = Selector::parse("p, li, h1, h2, h3, h4, h5, h6, tr, blockquote").ok()?;
        (fragment.select(&blocks).nth(1).is_some()).then(|| {
            let mut writer = Writer::default();
            writer.write(fragment.root_element());
            writer.finish()
        })
    });
    structured.unwrap_or_else(|| {
        // The library says so when it found too little to trust: a short page, which our
        // own walk reads with its structure.
        let unsure = result
            .warnings
            .iter()
            .any(|warning| warning.starts_with("Insufficient content"));
        if unsure {
            own_text(document)
        } else {
            result.content_text.clone()
        }
    })
}

/// Why the page is a list of other pages rather than an article, if it is: the library
/// classes it as a listing and it has little text, or most of its lines are the titles of
/// links and none is a paragraph of prose.
fn listing_reason(
    library: Option<&rs_trafilatura::ExtractResult>,
    links: &HashSet<String>,
    body: &str,
) -> Option<String> {
    let words = body.split_whitespace().count();
    let kind = library.and_then(|result| result.metadata.page_type.as_deref());
    if let Some(kind) = kind.filter(|kind| LISTING_TYPES.contains(kind))
        && words < LISTING_MAX_WORDS
    {
        return Some(format!(
            "the page looks like a {kind} page, not an article ({words} words of text)"
        ));
    }
    let lines: Vec<&str> = body
        .lines()
        .map(line_text)
        .filter(|line| !line.is_empty())
        .collect();
    let link_lines = lines.iter().filter(|line| links.contains(**line)).count();
    let prose = lines
        .iter()
        .any(|line| line.split_whitespace().count() >= PROSE_MIN_WORDS);
    (lines.len() >= 4 && link_lines * 10 >= lines.len() * 7 && !prose).then(|| {
        format!(
            "the page is a list of links, not an article ({link_lines} of its {} lines are link titles)",
            lines.len()
        )
    })
}

/// Our own reading of the page, for pages the library finds no article in: the one
/// article, else `main`, else the body, without its furniture.
fn own_text(document: &Html) -> String {
    let mut writer = Writer::default();
    if let Some(root) = main_element(document) {
        writer.write(root);
    }
    writer.finish()
}

/// Elements that are never a report's text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "nav",
    "aside",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "iframe",
    "dialog",
    "figure",
    "figcaption",
    "object",
    "video",
    "audio",
    "picture",
];

/// Words in an element's id or class that mark site furniture.
const FURNITURE_NAMES: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "newsletter",
    "sidebar",
    "related",
    "comments",
    "comment",
    "menu",
    "navbar",
    "navigation",
    "skip",
    "popup",
    "modal",
    "banner",
    "advert",
    "ads",
    "promo",
    "pagination",
    "pager",
    "tags",
    "footer",
];

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "blockquote",
    "pre",
    "address",
    "hr",
    "br",
    "td",
    "th",
];

/// The one article, else `main`, else the body.
fn main_element(document: &Html) -> Option<ElementRef<'_>> {
    let articles: Vec<ElementRef<'_>> = Selector::parse("article")
        .map(|selector| document.select(&selector).collect())
        .unwrap_or_default();
    if articles.len() == 1 {
        return articles.first().copied();
    }
    select_first(document, "main")
        .or_else(|| select_first(document, "[role=main]"))
        .or_else(|| select_first(document, "body"))
}

fn is_furniture(element: ElementRef<'_>) -> bool {
    let value = element.value();
    if SKIPPED.contains(&value.name())
        || value.attr("hidden").is_some()
        || value.attr("aria-hidden") == Some("true")
    {
        return true;
    }
    if matches!(
        value.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "dialog" | "alertdialog" | "search")
    ) {
        return true;
    }
    let names = [
        value.attr("id").unwrap_or(""),
        value.attr("class").unwrap_or(""),
    ]
    .join(" ")
    .to_lowercase();
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| FURNITURE_NAMES.contains(&word))
}

/// What follows an article holding the page's heading (its first `h1`), as that article's
/// sibling, and is an article or holds articles: the other stories a page lists after its
/// own ("you may also like"), each an article of its own. Articles nested inside the page's
/// article (its body, its updates) are not among them. Each element is looked at once or
/// twice, however deep the page.
fn stories_after_the_article(root: ElementRef<'_>) -> HashSet<ego_tree::NodeId> {
    let (Ok(articles), Ok(heading)) = (Selector::parse("article"), Selector::parse("h1")) else {
        return HashSet::new();
    };
    let Some(heading) = root.select(&heading).next() else {
        return HashSet::new();
    };
    let holds_stories = |element: &ElementRef<'_>| {
        element.value().name() == "article" || element.select(&articles).next().is_some()
    };
    heading
        .ancestors()
        .take_while(|node| node.id() != root.id())
        .filter_map(ElementRef::wrap)
        .filter(|element| element.value().name() == "article")
        .flat_map(|article| article.next_siblings().filter_map(ElementRef::wrap))
        .filter(holds_stories)
        .map(|sibling| sibling.id())
        .collect()
}

/// Writes text as lines: a blank line between blocks, `- ` before list items.
#[derive(Default)]
struct Writer {
    out: String,
    line: String,
}

impl Writer {
    /// Writes the text of `root`, leaving out furniture. The tree is walked without
    /// recursion, and whether an element is inside an article is counted on the way, so a
    /// page nesting 100,000 elements costs no stack and no quadratic time.
    fn write(&mut self, root: ElementRef<'_>) {
        let other_stories = stories_after_the_article(root);
        let mut skipped: Option<ego_tree::NodeId> = None;
        let mut articles = 0usize;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) if skipped.is_none() => match node.value() {
                    Node::Text(text) => self.text(text),
                    Node::Element(element) => {
                        let Some(element_ref) = ElementRef::wrap(node) else {
                            continue;
                        };
                        let name = element.name();
                        let is_root = node.id() == root.id();
                        // The page's own header and footer are furniture; an article's
                        // header holds its title.
                        let page_furniture =
                            matches!(name, "header" | "footer") && !is_root && articles == 0;
                        let left_out = is_furniture(element_ref)
                            || page_furniture
                            || other_stories.contains(&node.id());
                        if !is_root && left_out {
                            skipped = Some(node.id());
                            continue;
                        }
                        if matches!(name, "article" | "main") {
                            articles += 1;
                        }
                        self.open(name);
                    }
                    _ => {}
                },
                Edge::Open(_) => {}
                Edge::Close(node) => {
                    if skipped == Some(node.id()) {
                        skipped = None;
                    } else if skipped.is_none()
                        && let Node::Element(element) = node.value()
                    {
                        if matches!(element.name(), "article" | "main") {
                            articles = articles.saturating_sub(1);
                        }
                        self.close(element.name());
                    }
                }
            }
        }
    }

    fn open(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.end_block(name);
        }
        if name == "li" {
            self.line.push_str("- ");
        }
    }

    fn close(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.end_block(name);
        }
    }

    fn text(&mut self, text: &str) {
        let needs_space = text.starts_with(char::is_whitespace)
            && !self.line.ends_with(' ')
            && !self.line.is_empty();
        if needs_space {
            self.line.push(' ');
        }
        let collapsed = collapse(text);
        self.line.push_str(&collapsed);
        if text.ends_with(char::is_whitespace) && !collapsed.is_empty() {
            self.line.push(' ');
        }
    }

    /// Ends the current line; list items and table cells end a line, others a paragraph.
    fn end_block(&mut self, name: &str) {
        let line = self.line.trim().to_owned();
        self.line.clear();
        if line.is_empty() || line == "-" {
            return;
        }
        self.out.push_str(&line);
        self.out.push('\n');
        if !matches!(name, "li" | "td" | "th" | "br" | "dt") {
            self.out.push('\n');
        }
    }

    fn finish(mut self) -> String {
        self.end_block("p");
        self.out.trim_end().to_owned() + "\n"
    }
}

#[cfg(test)]
mod tests;
