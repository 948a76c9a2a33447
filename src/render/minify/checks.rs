//! Whether a template minified around its masked Tera tags renders what its source would.
//! The HTML standard's tokenizer (html5ever) reads the masked source and the minified
//! result; a template is refused at the first doubt, and its theme's pages are then
//! minified whole.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, EndTag, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};

use super::tera_tags::{CLOSE, Kind, Masked, OPEN, kind};

/// Elements without content, never on the stack of open elements.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag the standard lets the next tag imply.
const END_OPTIONAL: [&str; 15] = [
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "caption", "colgroup", "rt",
];

/// Whether the masked source is one minify-html can minify around its Tera tags:
/// every end tag closes the element it belongs to (or ones whose end tag may be left out)
/// in the order written, whatever branch Tera takes (minify-html drops end tags it finds
/// out of place); `<html>`, `<head>`, `<body>` at most once each; in a `<pre>`, `<textarea>`
/// or JSON script, no statement or component, whose text minified elsewhere would lose
/// its whitespace; nothing of Tera's in scripts and style sheets, which are minified as
/// code, nor in a `style` attribute; in other attribute values only expressions that
/// escape what they print and `if`/`for` statements.
pub(super) fn source_is_safe(masked: &Masked<'_>) -> bool {
    let check = SourceCheck {
        tags: &masked.tags,
        open: RefCell::new(Vec::new()),
        roots: RefCell::new(Vec::new()),
        text: Cell::new(Text::Html),
        unsafe_: Cell::new(false),
    };
    !tokenize(&masked.text, check).unsafe_.get()
}

/// Whether no placeholder of the minified template is in a tag's or attribute's name, a
/// comment or a doctype, and none is in code.
pub(super) fn minified_is_safe(minified: &str) -> bool {
    let finder = MarkFinder {
        misplaced: Cell::new(false),
        in_code: Cell::new(false),
    };
    !tokenize(minified, finder).misplaced.get()
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
    /// A `<textarea>` or `<title>`: text only.
    Rcdata,
    /// A script of data (`application/ld+json`), copied as it is.
    Json,
    /// A script, a style sheet, or what browsers read as raw text (`noscript`, `iframe`...).
    Code,
}

struct SourceCheck<'a, 's> {
    tags: &'a [&'s str],
    /// The elements open, innermost last.
    open: RefCell<Vec<String>>,
    /// `html`, `head` and `body` as their start tags came.
    roots: RefCell<Vec<String>>,
    text: Cell<Text>,
    unsafe_: Cell<bool>,
}

impl SourceCheck<'_, '_> {
    /// The kinds of the Tera tags whose placeholders `text` holds.
    fn kinds_in<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Option<Kind<'t>>> + 't {
        Masked::indices_in(text).map(|index| Some(kind(self.tags.get(index?)?)))
    }

    fn start_tag(&self, tag: &Tag) {
        let name = tag.name.to_string();
        for attribute in &tag.attrs {
            let value_safe = self.kinds_in(&attribute.value).all(|kind| match kind {
                Some(Kind::Expression { safe }) => !safe && &*attribute.name.local != "style",
                Some(Kind::Statement(keyword)) => {
                    matches!(keyword, "if" | "elif" | "else" | "endif" | "for" | "endfor")
                        && &*attribute.name.local != "style"
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
        self.text.set(match name.as_str() {
            "script" if is_data_script(tag) => Text::Json,
            "title" | "textarea" => Text::Rcdata,
            "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
            | "plaintext" => Text::Code,
            _ => Text::Html,
        });
        if !tag.self_closing && !VOID.contains(&name.as_str()) {
            self.open.borrow_mut().push(name);
        }
    }

    fn end_tag(&self, tag: &Tag) {
        self.text.set(Text::Html);
        let mut open = self.open.borrow_mut();
        let Some(at) = open.iter().rposition(|name| *name == *tag.name) else {
            self.unsafe_.set(true);
            return;
        };
        if open[at + 1..]
            .iter()
            .any(|name| !END_OPTIONAL.contains(&name.as_str()))
        {
            self.unsafe_.set(true);
        }
        open.truncate(at);
    }

    fn characters(&self, text: &str) {
        let in_whitespace_kept = self
            .open
            .borrow()
            .iter()
            .any(|name| matches!(name.as_str(), "pre" | "textarea" | "listing"));
        let context = self.text.get();
        let safe = self.kinds_in(text).all(|kind| match (context, kind) {
            (_, None) | (Text::Code, _) => false,
            (Text::Json, Some(kind)) => matches!(kind, Kind::Expression { .. }),
            (_, Some(Kind::Component)) => !in_whitespace_kept,
            (_, Some(Kind::Statement(keyword))) => {
                !in_whitespace_kept
                    || matches!(
                        keyword,
                        "if" | "elif" | "else" | "endif" | "for" | "endfor" | "set"
                    )
            }
            (_, Some(_)) => true,
        });
        if !safe {
            self.unsafe_.set(true);
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
                return crate::html::text_state_after(&tag);
            }
            TagToken(tag) if tag.kind == EndTag => self.end_tag(&tag),
            Token::CharacterTokens(text) if has_mark(&text) => self.characters(&text),
            Token::CommentToken(text) if has_mark(&text) => self.unsafe_.set(true),
            _ => {}
        }
        TokenSinkResult::Continue
    }
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
        match token {
            TagToken(tag) => {
                let names = tag
                    .attrs
                    .iter()
                    .any(|attribute| has_mark(&attribute.name.local));
                if has_mark(&tag.name) || names {
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
