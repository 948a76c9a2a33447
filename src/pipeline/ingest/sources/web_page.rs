//! The main text of a saved web page. The page is parsed with html5ever (through scraper),
//! never with patterns: scripts, styles, forms, navigation, the page's header and footer,
//! asides, figures and elements named like cookie dialogs, share bars or breadcrumbs are
//! dropped; of the rest, the article (or `main`) is kept and written as plain text lines,
//! one block per paragraph, heading or list item, for the text stages to clean further.

use chrono::NaiveDate;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// What a web page gives ingest.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct PageText {
    /// The main text, one block per line group.
    pub(crate) text: String,
    /// The publication date the page's metadata gives.
    pub(crate) published: Option<NaiveDate>,
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

/// Extracts the main text and the publication date of a page.
pub(crate) fn extract(html: &str) -> PageText {
    let document = Html::parse_document(html);
    let root = main_element(&document);
    let mut writer = Writer::default();
    if let Some(root) = root {
        if !has_heading(root)
            && let Some(title) = page_title(&document)
        {
            writer.paragraph(&title);
        }
        writer.write(root);
    }
    PageText {
        text: writer.finish(),
        published: published(&document),
    }
}

fn select_first<'a>(document: &'a Html, selector: &str) -> Option<ElementRef<'a>> {
    Selector::parse(selector)
        .ok()
        .and_then(|selector| document.select(&selector).next())
}

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

fn has_heading(element: ElementRef<'_>) -> bool {
    Selector::parse("h1").is_ok_and(|selector| element.select(&selector).next().is_some())
}

/// The page's h1 anywhere, else its `<title>` (whose "Site | Title" parts the title stage
/// tells apart).
fn page_title(document: &Html) -> Option<String> {
    select_first(document, "h1")
        .or_else(|| select_first(document, "title"))
        .map(|element| collapse(&element.text().collect::<String>()))
        .filter(|title| !title.is_empty())
}

/// `article:published_time`, `date` metas, or the first `<time datetime>`.
fn published(document: &Html) -> Option<NaiveDate> {
    let candidates = [
        ("meta[property='article:published_time']", "content"),
        ("meta[name='date']", "content"),
        ("meta[name='dc.date']", "content"),
        ("meta[name='DC.date']", "content"),
        ("time[datetime]", "datetime"),
    ];
    candidates.iter().find_map(|(selector, attribute)| {
        let value = select_first(document, selector)?
            .value()
            .attr(attribute)?
            .to_owned();
        NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()
    })
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
                        if !is_root && (is_furniture(element_ref) || page_furniture) {
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

    fn paragraph(&mut self, text: &str) {
        self.line.push_str(text);
        self.end_block("p");
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

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>Cluster News | Forum of energy clusters</title>
<meta property="article:published_time" content="2023-05-04T10:00:00+02:00">
<script>var tracking = "do not show";</script><style>.x{}</style></head>
<body>
<header class="site-header"><a href="/">Cluster News</a><nav><a href="/news">News</a></nav></header>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<ol class="breadcrumb"><li>Home</li><li>News</li></ol>
<main>
<article>
<header><h1>Forum of energy clusters</h1><p class="date">4 May 2023</p></header>
<p>Forty cluster managers met in <b>Warsaw</b> on 3 May to compare their hydrogen strategies.</p>
<figure><img src="x.jpg" alt=""><figcaption>Photo: the participants</figcaption></figure>
<h2>Results</h2>
<ul><li>A joint roadmap</li><li>Shared test sites</li></ul>
<div class="share-buttons">Share on LinkedIn</div>
</article>
<aside><h2>Related news</h2><p>Another story</p></aside>
</main>
<footer><p>© 2023 Cluster News. All rights reserved.</p></footer>
</body></html>"#;

    #[test]
    fn keeps_the_article_and_drops_the_page_around_it() {
        let page = extract(PAGE);
        let expected = "Forum of energy clusters\n\n4 May 2023\n\n\
                        Forty cluster managers met in Warsaw on 3 May to compare their hydrogen strategies.\n\n\
                        Results\n\n- A joint roadmap\n- Shared test sites\n";
        assert_eq!(page.text, expected);
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2023, 5, 4));
    }

    #[test]
    fn a_page_without_an_h1_gets_its_title_from_the_title_element() {
        let page = extract(
            "<html><head><title>Site | A report</title></head><body><p>Text of the report.</p></body></html>",
        );
        assert_eq!(page.text, "Site | A report\n\nText of the report.\n");
    }

    #[test]
    fn a_page_nesting_100_000_elements_is_read_without_recursion() {
        let page = format!(
            "<html><body><article><h1>Deep</h1>{}deep text{}</article></body></html>",
            "<span>".repeat(100_000),
            "</span>".repeat(100_000)
        );
        // The test thread's 2 MiB stack would not hold a recursive walk of this tree.
        let text = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || extract(&page).text)
            .unwrap()
            .join()
            .unwrap();
        assert!(text.contains("deep text"), "{text}");
    }

    #[test]
    fn scripts_and_hidden_elements_never_become_text() {
        let page = extract(
            "<body><p>Visible</p><p hidden>Hidden</p><script>alert(1)</script><noscript>No script</noscript></body>",
        );
        assert_eq!(page.text, "Visible\n");
    }
}
