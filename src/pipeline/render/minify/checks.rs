//! Whether a template minified around its masked Tera tags renders what its source would.
//! The HTML standard's tokenizer (html5ever) reads the masked source; a template is refused
//! at the first doubt, and its theme's pages are then minified whole. What minifying does
//! to the placeholders themselves `Masked::restore` checks.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, EndTag, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};

use minify_html_common::spec::tag::omission::can_omit_as_before;

use super::tera_tags::{CLOSE, Kind, Masked, OPEN, kind};

/// Elements without content, never on the stack of open elements.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Start tags that close an open `<p>` (the HTML standard's list).
#[rustfmt::skip]
const CLOSE_P: [&str; 37] = [
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "listing", "main", "menu", "nav", "ol", "p", "plaintext",
    "pre", "search", "section", "table", "ul", "xmp",
];

/// The statements that choose or repeat what follows, and end that.
const BRANCHING: [&str; 6] = ["if", "elif", "else", "endif", "for", "endfor"];

/// Elements minify-html keeps every space of (and what browsers read as such).
const WHITESPACE_KEPT: [&str; 6] = ["pre", "textarea", "code", "listing", "plaintext", "xmp"];

/// Whether the masked source is one minify-html can minify around its Tera tags. Its
/// structure must not depend on what Tera does: every element is closed by its own end tag,
/// written in the same branch of the same `if` or `for` as its start tag, none closed by
/// another's start tag (minify-html drops an end tag it finds out of place, and which tags
/// are out of place would depend on the branch); `<html>`, `<head>`, `<body>` at most once
/// each; components defined at the top level (their body is minified where it is written,
/// but printed where they are called). In a `<pre>`, `<code>` or `<textarea>`, only
/// expressions, `if`, `for` and `set`, whose text is minified where it is printed;
/// nothing of Tera's in scripts and style sheets, which are minified as code, nor in a
/// `style` attribute; in other attribute values only expressions that escape what they
/// print and `if`/`for` statements. A JSON script may hold expressions.
pub(super) fn source_is_safe(masked: &Masked<'_>) -> bool {
    let check = SourceCheck {
        tags: &masked.tags,
        open: RefCell::new(Vec::new()),
        branch: RefCell::new(Vec::new()),
        roots: RefCell::new(Vec::new()),
        text: Cell::new(Text::Html),
        unsafe_: Cell::new(false),
    };
    let check = tokenize(&masked.text, check);
    !check.unsafe_.get() && check.open.borrow().is_empty() && check.branch.borrow().is_empty()
}

/// Runs html5ever's tokenizer over `html` into `sink` and hands the sink back.
fn tokenize<S: TokenSink>(html: &str, sink: S) -> S {
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    // The sink never asks the tokenizer to pause (no scripts run), so one call reads it all.
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink
}

fn has_mark(text: &str) -> bool {
    text.contains([OPEN, CLOSE])
}

/// What the text being read is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Text {
    Html,
    /// A script of data (`application/ld+json`), copied as it is.
    Json,
    /// A script, a style sheet, or what browsers read as raw text (`noscript`, `iframe`...).
    Code,
}

struct SourceCheck<'a, 's> {
    tags: &'a [&'s str],
    /// The elements open, innermost last, each with the branch its start tag is in.
    open: RefCell<Vec<(String, Vec<usize>)>>,
    /// Where in Tera's statements the text being read is: for each open `if`, `for`,
    /// `block` or `component`, its placeholder's number, or that of its last `elif` or
    /// `else`.
    branch: RefCell<Vec<usize>>,
    /// `html`, `head` and `body` as their start tags came.
    roots: RefCell<Vec<String>>,
    text: Cell<Text>,
    unsafe_: Cell<bool>,
}

impl SourceCheck<'_, '_> {
    /// The kinds of the Tera tags whose placeholders `text` holds, with their numbers.
    fn kinds_in<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = Option<(usize, Kind<'t>)>> + 't {
        Masked::indices_in(text).map(|index| {
            let index = index?;
            Some((index, kind(self.tags.get(index)?)))
        })
    }

    fn start_tag(&self, tag: &Tag) {
        let name = tag.name.to_string();
        for attribute in &tag.attrs {
            let style = &*attribute.name.local == "style";
            let value_safe = self.kinds_in(&attribute.value).all(|found| match found {
                Some((_, Kind::Expression { safe })) => !safe && !style,
                Some((_, Kind::Statement(keyword))) => {
                    matches!(keyword, "if" | "elif" | "else" | "endif" | "for" | "endfor") && !style
                }
                _ => false,
            });
            if !value_safe || has_mark(&attribute.name.local) {
                self.unsafe_.set(true);
            }
        }
        if matches!(name.as_str(), "html" | "head" | "body") {
            let mut roots = self.roots.borrow_mut();
            if roots.contains(&name) {
                self.unsafe_.set(true);
            }
            roots.push(name.clone());
        }
        if self.closes_an_open_element(&name) {
            self.unsafe_.set(true);
        }
        self.text.set(match name.as_str() {
            "script" if is_data_script(tag) => Text::Json,
            "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
            | "plaintext" => Text::Code,
            _ => Text::Html,
        });
        if !tag.self_closing && !VOID.contains(&name.as_str()) {
            let branch = self.branch.borrow().clone();
            self.open.borrow_mut().push((name, branch));
        }
    }

    /// Whether the start tag `name` would close an element still open (`<div>` in a `<p>`,
    /// `<li>` in an `<li>`): by minify-html's rules for the innermost, and for a `<p>`
    /// anywhere open by the standard's.
    fn closes_an_open_element(&self, name: &str) -> bool {
        let open = self.open.borrow();
        let innermost = open.last().map_or("", |(open, _)| open.as_str());
        let in_p = open.iter().any(|(open, _)| open == "p");
        can_omit_as_before(innermost.as_bytes(), name.as_bytes()) || in_p && CLOSE_P.contains(&name)
    }

    fn end_tag(&self, tag: &Tag) {
        self.text.set(Text::Html);
        let mut open = self.open.borrow_mut();
        let closes_innermost = open
            .last()
            .is_some_and(|(name, branch)| *name == *tag.name && *branch == *self.branch.borrow());
        if closes_innermost {
            open.pop();
        } else {
            self.unsafe_.set(true);
        }
    }

    fn characters(&self, text: &str) {
        let whitespace_kept = self
            .open
            .borrow()
            .iter()
            .any(|(name, _)| WHITESPACE_KEPT.contains(&name.as_str()));
        let context = self.text.get();
        for found in self.kinds_in(text) {
            let safe = match (context, found) {
                (_, None) | (Text::Code, _) => false,
                (Text::Json, Some((_, kind))) => matches!(kind, Kind::Expression { .. }),
                (_, Some((_, Kind::Component))) => !whitespace_kept,
                (_, Some((index, Kind::Statement(keyword)))) => {
                    self.follow(index, keyword)
                        && (!whitespace_kept || BRANCHING.contains(&keyword) || keyword == "set")
                }
                (_, Some(_)) => true,
            };
            if !safe {
                self.unsafe_.set(true);
            }
        }
    }

    /// Follows a statement into or out of a branch; says whether it may be where it is.
    fn follow(&self, index: usize, keyword: &str) -> bool {
        let mut branch = self.branch.borrow_mut();
        match keyword {
            "component" if !self.open.borrow().is_empty() => false,
            "if" | "for" | "block" | "component" => {
                branch.push(index);
                true
            }
            "elif" | "else" => branch.last_mut().map(|last| *last = index).is_some(),
            "endif" | "endfor" | "endblock" | "endcomponent" => branch.pop().is_some(),
            _ => true,
        }
    }
}

impl TokenSink for SourceCheck<'_, '_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            TagToken(tag) if has_mark(&tag.name) => self.unsafe_.set(true),
            TagToken(tag) if tag.kind == StartTag => {
                self.start_tag(&tag);
                return crate::util::html::text_state_after(&tag);
            }
            TagToken(tag) if tag.kind == EndTag => self.end_tag(&tag),
            Token::CharacterTokens(text) if has_mark(&text) => self.characters(&text),
            Token::CommentToken(text) if has_mark(&text) => self.unsafe_.set(true),
            Token::DoctypeToken(doctype)
                if [&doctype.name, &doctype.public_id, &doctype.system_id]
                    .into_iter()
                    .flatten()
                    .any(|part| has_mark(part)) =>
            {
                self.unsafe_.set(true);
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
