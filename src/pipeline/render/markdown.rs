//! Markdown to HTML with pulldown-cmark, rendered once per report and shared by every page
//! that shows it. Raw HTML in a report is shown as text, never passed through, and links or
//! images with script-capable URLs lose their URL.

use crate::util::text;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// A report body for its page: the HTML, and a summary of its text for the page's meta
/// description, both from one parse.
pub(crate) struct Body {
    pub(crate) html: String,
    pub(crate) summary: String,
}

/// Whether a body's raw HTML reaches the page (`markdown.raw_html` for a hand-written
/// report) or is shown as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawHtml {
    AsText,
    PassThrough,
}

impl RawHtml {
    /// What `report`'s body may do on a site configured with `config`.
    pub(crate) fn for_report(
        config: &crate::model::config::Config,
        report: &crate::model::site::ReportFile,
    ) -> Self {
        if config.markdown.raw_html && report.source.file.is_none() {
            RawHtml::PassThrough
        } else {
            RawHtml::AsText
        }
    }
}

/// Renders a report body and summarises it.
pub(crate) fn render(markdown: &str, raw: RawHtml) -> Body {
    let events = parse(markdown);
    let summary = summarise(events.iter().cloned());
    Body {
        html: events_to_html(events, markdown.len(), raw),
        summary,
    }
}

/// Renders a report body. The page's title is its only `h1`: a body that uses `#` headings
/// has all its headings moved one level down, so levels never skip.
pub(crate) fn to_html(markdown: &str, raw: RawHtml) -> String {
    events_to_html(parse(markdown), markdown.len(), raw)
}

fn parse(markdown: &str) -> Vec<Event<'_>> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    Parser::new_ext(markdown, options).collect()
}

fn events_to_html(events: Vec<Event<'_>>, source_len: usize, raw: RawHtml) -> String {
    let uses_h1 = events.iter().any(|event| {
        matches!(
            event,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });
    let safe = events
        .into_iter()
        .map(|event| make_safe(event, uses_h1, raw));
    let mut out = String::with_capacity(source_len + source_len / 4);
    html::push_html(&mut out, safe);
    out
}

fn make_safe(event: Event<'_>, demote_headings: bool, raw: RawHtml) -> Event<'_> {
    let demote = |level| {
        if demote_headings {
            demote(level)
        } else {
            level
        }
    };
    match event {
        Event::Html(html) | Event::InlineHtml(html) if raw == RawHtml::AsText => Event::Text(html),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    }
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// URLs whose scheme can run code in a reader's browser become an empty fragment link.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|&c| c != ':' && c != '/' && c != '?' && c != '#')
        .collect::<String>()
        .to_ascii_lowercase();
    let has_scheme = url.contains(':') && !scheme.is_empty();
    if has_scheme && matches!(scheme.as_str(), "javascript" | "vbscript" | "data" | "file") {
        CowStr::Borrowed("#")
    } else {
        url
    }
}

/// The summary of a Markdown text, for meta descriptions: its plain text, summarised.
#[cfg(test)]
fn summary(markdown: &str) -> String {
    summarise(Parser::new(markdown))
}

/// The plain text of the first events, as far as a summary can hold, summarised.
fn summarise<'a>(events: impl Iterator<Item = Event<'a>>) -> String {
    let mut plain = String::new();
    let mut letters = 0;
    for event in events {
        match event {
            Event::Text(text) | Event::Code(text) => {
                letters += text.chars().filter(|c| !c.is_whitespace()).count();
                plain.push_str(&text);
            }
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => plain.push(' '),
            _ => {}
        }
        if letters > 2 * text::SUMMARY_LIMIT {
            break;
        }
    }
    text::summarise(&plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html(
            "Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">block</div>\n",
            RawHtml::AsText,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn raw_html_passes_only_when_allowed_and_script_urls_never_do() {
        let html = to_html(
            "<div class=\"note\">A <b>box</b></div>\n\n[x](javascript:y)\n",
            RawHtml::PassThrough,
        );
        assert!(
            html.contains("<div class=\"note\">A <b>box</b></div>"),
            "{html}"
        );
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn script_urls_are_neutralised() {
        let html = to_html(
            "[a](javascript:alert(1)) [b]( JaVaScRiPt:x) ![c](data:text/html,x) [d](https://x.org/a:b)",
            RawHtml::AsText,
        );
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains("https://x.org/a:b"), "{html}");
    }

    #[test]
    fn headings_move_down_only_when_the_body_uses_h1() {
        assert_eq!(
            to_html("# A\n\n## B\n", RawHtml::AsText),
            "<h2>A</h2>\n<h3>B</h3>\n"
        );
        assert_eq!(
            to_html("## A\n\n### B\n", RawHtml::AsText),
            "<h2>A</h2>\n<h3>B</h3>\n"
        );
    }

    #[test]
    fn one_parse_gives_a_page_its_html_and_its_description() {
        let body = render(
            "| Cluster | Country |\n|---|---|\n| Silesia | Poland |\n\nA ~~short~~ visit.",
            RawHtml::AsText,
        );
        assert!(body.html.contains("<td>Silesia</td>"), "{}", body.html);
        assert_eq!(
            body.summary,
            "Cluster Country Silesia Poland A short visit."
        );
        assert_eq!(
            body.html,
            to_html(
                "| Cluster | Country |\n|---|---|\n| Silesia | Poland |\n\nA ~~short~~ visit.",
                RawHtml::AsText
            )
        );
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            summary("**Bold** and [link](x)\n\n- item"),
            "Bold and link item"
        );
    }
}
