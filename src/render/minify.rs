//! Minifying pages with minify-html, where it costs least. minify-html's cost is per
//! element and attribute, and most of a page's elements and attributes come from the
//! theme's templates, the same on every page. So where the theme allows it, the templates
//! are minified once, when they are loaded, with their Tera tags kept as they are, and
//! each report's Markdown HTML once, when it is rendered: pages then come out of Tera
//! minified and cost nothing more. A theme whose templates cannot be minified that way (a
//! Tera tag between a tag's attributes, say) has each page minified whole after rendering.
//!
//! A template is minified with each Tera tag replaced by a placeholder that minify-html
//! reads as a word of text. It is kept only if every placeholder comes out whole, once, in
//! text or in an attribute value (never in a tag's or attribute's name), with the
//! statements (`{% … %}`) in their order; anything else means minifying would change what
//! the template renders.

use std::cell::Cell;
use std::fmt::Write;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};

/// How a build's pages are minified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Minify {
    /// Not at all (`output.minify: false`).
    Off,
    /// Each page whole, after rendering: the theme's templates could not be minified.
    EachPage,
    /// Nothing after rendering: the templates and each report's HTML are minified already.
    Sources,
}

/// How deeply a page's elements may nest. The minifier recurses once per level (and so do
/// browsers' layout engines): thousands of levels of raw HTML would overflow its stack.
pub(crate) const MAX_HTML_DEPTH: usize = 512;

fn settings() -> minify_html::Cfg {
    minify_html::Cfg {
        minify_css: true,
        minify_js: true,
        keep_html_and_head_opening_tags: true,
        ..minify_html::Cfg::default()
    }
}

/// Minifies a whole page.
pub fn page(html: &[u8]) -> Vec<u8> {
    minify_html::minify(html, &settings())
}

/// What [`fragment`] puts after a fragment: minify-html leaves out the end tag of an
/// element that ends its parent (`</p>`), but the template may put more after the fragment.
/// No end tag may be left out before a `<br>`.
const FRAGMENT_END: &[u8] = b"<br>";

/// Minifies the HTML of a report's Markdown, for a template to put where block content
/// goes. HTML nesting deeper than the minifier may recurse is left as it is (the page is
/// refused for it).
pub(crate) fn fragment(html: String) -> String {
    if crate::text::html_nesting_beyond(html.as_bytes(), MAX_HTML_DEPTH).is_some() {
        return html;
    }
    let mut input = html.into_bytes();
    let length = input.len();
    input.extend_from_slice(FRAGMENT_END);
    let mut minified = minify_html::minify(&input, &settings());
    let kept_whole = minified.ends_with(FRAGMENT_END);
    if kept_whole {
        minified.truncate(minified.len() - FRAGMENT_END.len());
    } else {
        minified = input;
        minified.truncate(length);
    }
    // minify-html writes the UTF-8 it reads (and the input was a `String`).
    String::from_utf8(minified)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// A template's source minified with its Tera tags kept as they are, or `None` if
/// minifying it could change what it renders.
pub(crate) fn template(source: &str) -> Option<String> {
    let masked = Masked::new(source)?;
    let minified = if is_document(&masked.text) {
        String::from_utf8(minify_html::minify(masked.text.as_bytes(), &settings())).ok()?
    } else {
        let input = format!("{TEMPLATE_OPEN}{}{TEMPLATE_CLOSE}", masked.text);
        let minified =
            String::from_utf8(minify_html::minify(input.as_bytes(), &settings())).ok()?;
        minified
            .strip_prefix(TEMPLATE_OPEN)?
            .strip_suffix(TEMPLATE_CLOSE)?
            .to_owned()
    };
    if !placeholders_in_text_and_values(&minified) {
        return None;
    }
    masked.restore(&minified)
}

/// What a template that is not a whole page is minified inside. Where its blocks and
/// components go is not known here, so their text is minified as inside a `<span>`, which
/// only collapses whitespace (a block's top level in a `<div>` would lose the space between
/// two links); the `<br>` keeps the end tag of its last element, as in [`fragment`].
const TEMPLATE_OPEN: &str = "<span>";
const TEMPLATE_CLOSE: &str = "<br></span>";

/// Whether a template's first tag is a doctype or `<html>`: a whole page.
fn is_document(template: &str) -> bool {
    template.find('<').is_some_and(|at| {
        let tag = &template.as_bytes()[at + 1..];
        [&b"!doctype"[..], b"html"].iter().any(|start| {
            tag.get(..start.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(start))
        })
    })
}

/// Opens and closes a placeholder: private-use characters, which no template has.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// A template with each Tera tag replaced by `OPEN`, the tag's number, a space and
/// `CLOSE`. The space keeps an attribute value that holds a tag quoted: what Tera puts
/// there is escaped, but spaces are not.
struct Masked<'s> {
    text: String,
    tags: Vec<&'s str>,
}

impl<'s> Masked<'s> {
    fn new(source: &'s str) -> Option<Masked<'s>> {
        if source.contains([OPEN, CLOSE]) {
            return None;
        }
        let mut text = String::with_capacity(source.len());
        let mut tags = Vec::new();
        let mut rest = source;
        while let Some(start) = tera_tag_start(rest) {
            text.push_str(&rest[..start]);
            let length = tera_tag_length(&rest[start..])?;
            // Writing to a `String` cannot fail.
            let _ = write!(text, "{OPEN}{} {CLOSE}", tags.len());
            tags.push(&rest[start..start + length]);
            rest = &rest[start + length..];
        }
        text.push_str(rest);
        Some(Masked { text, tags })
    }

    /// The minified text with the Tera tags back: each placeholder must be there once, and
    /// the statements in their order (minify-html sorts attributes, which moves the
    /// expressions in their values, harmlessly).
    fn restore(&self, minified: &str) -> Option<String> {
        let mut out = String::with_capacity(minified.len() + self.text.len() / 2);
        let mut seen = vec![false; self.tags.len()];
        let mut last_statement = None;
        let mut rest = minified;
        while let Some(at) = rest.find(OPEN) {
            out.push_str(&rest[..at]);
            let after = &rest[at + OPEN.len_utf8()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let index: usize = after[..digits].parse().ok()?;
            rest = after[digits..].strip_prefix(' ')?.strip_prefix(CLOSE)?;
            let tag = *self.tags.get(index)?;
            if std::mem::replace(seen.get_mut(index)?, true) {
                return None;
            }
            if tag.starts_with("{%") {
                if last_statement.is_some_and(|last| last > index) {
                    return None;
                }
                last_statement = Some(index);
            }
            out.push_str(tag);
        }
        out.push_str(rest);
        (seen.iter().all(|&found| found) && !out.contains(CLOSE)).then_some(out)
    }
}

/// Where the next `{{`, `{%` or `{#` is.
fn tera_tag_start(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = memchr::memchr(b'{', &bytes[from..]) {
        let at = from + offset;
        if matches!(bytes.get(at + 1), Some(b'{' | b'%' | b'#')) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The length of the Tera tag `tag` starts with, up to its `}}`, `%}` or `#}` outside
/// string literals (and, for `{{`, outside the braces of a map or a component's
/// arguments); `None` if it never ends.
fn tera_tag_length(tag: &str) -> Option<usize> {
    let bytes = tag.as_bytes();
    let end = match bytes[1] {
        b'{' => b'}',
        b'%' => b'%',
        _ => b'#',
    };
    let mut depth = 0usize;
    let mut quote = None;
    for (at, &byte) in bytes.iter().enumerate().skip(2) {
        match quote {
            Some(open) if byte == open => quote = None,
            Some(_) => {}
            None => match byte {
                b'"' | b'\'' | b'`' if end != b'#' => quote = Some(byte),
                b'{' if end == b'}' => depth += 1,
                b'}' if end == b'}' && depth > 0 => depth -= 1,
                _ if byte == end && bytes.get(at + 1) == Some(&b'}') => return Some(at + 2),
                _ => {}
            },
        }
    }
    None
}

/// Whether no placeholder mark is in a tag's name, an attribute's name, a comment, a doctype,
/// a script or a style sheet of `html`, as the HTML standard tokenizes it. Scripts and style
/// sheets are minified as code, which may rewrite what is around a placeholder (turn the
/// quotes of a string into backticks, where what Tera puts would be read as code); a JSON
/// script is copied as it is.
fn placeholders_in_text_and_values(html: &str) -> bool {
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(
        MarkFinder {
            misplaced: Cell::new(false),
            in_code: Cell::new(false),
        },
        TokenizerOpts::default(),
    );
    // The sink never asks the tokenizer to pause (no scripts run), so one call reads it all.
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    !tokenizer.sink.misplaced.get()
}

/// Notes a placeholder mark where a Tera tag would not render as the template meant.
struct MarkFinder {
    misplaced: Cell<bool>,
    /// Inside a script or a style sheet that minify-html minifies as code.
    in_code: Cell<bool>,
}

impl TokenSink for MarkFinder {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let has_mark = |text: &str| text.contains([OPEN, CLOSE]);
        match token {
            TagToken(tag) => {
                if has_mark(&tag.name) || names_have_mark(&tag, has_mark) {
                    self.misplaced.set(true);
                }
                match (tag.kind, &*tag.name) {
                    (StartTag, "script") => self.in_code.set(!is_data_script(&tag)),
                    (StartTag, "style") => self.in_code.set(true),
                    (_, "script" | "style") => self.in_code.set(false),
                    _ => {}
                }
                if tag.kind == StartTag {
                    return crate::html::text_state_after(&tag);
                }
            }
            Token::CharacterTokens(text) if self.in_code.get() && has_mark(&text) => {
                self.misplaced.set(true);
            }
            Token::CommentToken(text) if has_mark(&text) => self.misplaced.set(true),
            Token::DoctypeToken(doctype) => {
                let parts = [&doctype.name, &doctype.public_id, &doctype.system_id];
                if parts.into_iter().flatten().any(|part| has_mark(part)) {
                    self.misplaced.set(true);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// A script of data (`application/ld+json`, say), which minify-html copies as it is.
fn is_data_script(tag: &Tag) -> bool {
    tag.attrs.iter().any(|attribute| {
        &*attribute.name.local == "type" && attribute.value.to_ascii_lowercase().contains("json")
    })
}

fn names_have_mark(tag: &Tag, has_mark: impl Fn(&str) -> bool) -> bool {
    tag.attrs
        .iter()
        .any(|attribute| has_mark(&attribute.name.local))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_keep_their_tera_tags_and_lose_their_whitespace() {
        let source = "<ul class=\"list\">\n{% for item in items %}\n  <li><a href=\"{{ item.url }}\" title=\"{{ item.title }}\">{{ item.name }}</a></li>\n{% endfor %}\n</ul>\n";
        assert_eq!(
            template(source).unwrap(),
            "<ul class=list>{% for item in items %} <li><a href=\"{{ item.url }}\" title=\"{{ item.title }}\">{{ item.name }}</a></li> {% endfor %}</ul> "
        );
    }

    #[test]
    fn tera_tags_end_outside_strings_and_braces() {
        for (tag, length) in [
            ("{{ a }}", 7),
            ("{{ t(key=\"}}\") }} x", 17),
            ("{{<menu items={page.menu} />}}", 30),
            ("{% if a == \"%}\" %}b", 18),
            ("{# {{ x }} #}", 13),
        ] {
            assert_eq!(tera_tag_length(tag), Some(length), "{tag}");
        }
        assert_eq!(tera_tag_length("{{ a "), None);
    }

    #[test]
    fn templates_that_minifying_would_change_are_refused() {
        for source in [
            // A statement between attributes.
            "<a href=\"x\"{% if a %} class=\"y\"{% endif %}>z</a>",
            // An expression in a tag's name: minify-html would write `<h class=t {{ level }}>`
            // (the placeholder taken for an attribute), whole, so only the tokenizer sees it.
            "<h{{ level }} class=\"t\">x</h3>",
            "<h{{ level }} class=\"t\">x</h{{ level }}>",
            // A boolean attribute loses its value.
            "<input checked=\"{{ on }}\">",
            // Statements in two attributes that sorting swaps.
            "<a title=\"{% if a %}x\" href=\"y{% endif %}\">z</a>",
            // A template that already has a placeholder's character.
            "<p>\u{E000}</p>",
            // Tera in code that is minified as code.
            "<script>var title = \"{{ title }}\";</script>",
            "<style>p { color: {{ colour }} }</style>",
        ] {
            assert_eq!(template(source), None, "{source}");
        }
    }

    #[test]
    fn a_template_that_is_no_page_keeps_what_its_place_may_need() {
        // The space between two inline elements, the end tag of the last element, and the
        // file's last line break (an included template ends with it), collapsed.
        assert_eq!(
            template("{% component pair(a, b) %}\n<b>{{ a }}</b> <i>{{ b }}</i>\n{% endcomponent %}\n<p>note</p>\n").unwrap(),
            "{% component pair(a, b) %} <b>{{ a }}</b> <i>{{ b }}</i> {% endcomponent %} <p>note</p> "
        );
        assert!(is_document("{# a page #}\n<!DOCTYPE html><html>"));
        assert!(!is_document("{% extends \"base.html\" %}<article>"));
    }

    #[test]
    fn data_in_a_json_script_is_kept() {
        assert_eq!(
            template("<script type=\"application/ld+json\">{{ data | safe }}</script>").unwrap(),
            "<script type=application/ld+json>{{ data | safe }}</script>"
        );
    }

    #[test]
    fn a_statement_inside_an_attribute_value_stays_there() {
        let source = "<meta property=\"og:type\" content=\"{% if report %}article{% else %}website{% endif %}\">";
        assert_eq!(
            template(source).unwrap(),
            "<meta content=\"{% if report %}article{% else %}website{% endif %}\" property=og:type>"
        );
    }

    #[test]
    fn fragments_keep_the_end_tag_of_their_last_element() {
        assert_eq!(
            fragment("<p>One  two</p>\n<p>three</p>\n".to_owned()),
            "<p>One two<p>three</p>"
        );
        let deep = "<div>".repeat(MAX_HTML_DEPTH + 1);
        assert_eq!(fragment(deep.clone()), deep, "too deep to minify");
    }
}
