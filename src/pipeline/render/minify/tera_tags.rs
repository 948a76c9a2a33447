//! A template with its Tera tags masked: each replaced by a placeholder minify-html reads
//! as a word of text, and put back once the rest is minified.

use std::fmt::Write;

/// Opens and closes a placeholder: private-use characters, which no template has.
pub(super) const OPEN: char = '\u{E000}';
pub(super) const CLOSE: char = '\u{E001}';

/// A template with each Tera tag replaced by `OPEN`, the tag's number, a space and
/// `CLOSE`. The space keeps an attribute value that holds a tag quoted: what Tera puts
/// there is escaped, but spaces are not.
pub(super) struct Masked<'s> {
    pub(super) text: String,
    pub(super) tags: Vec<&'s str>,
}

/// What a Tera tag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind<'s> {
    /// `{{ … }}`, and whether it prints its value unescaped (`| safe`).
    Expression { safe: bool },
    /// `{{<component … />}}`: HTML of its own.
    Component,
    /// `{% keyword … %}`.
    Statement(&'s str),
    /// `{# … #}`.
    Comment,
}

/// The kind of the Tera tag `tag`.
pub(super) fn kind(tag: &str) -> Kind<'_> {
    let inner = tag[2..tag.len() - 2].trim_matches('-').trim();
    match &tag[..2] {
        "{#" => Kind::Comment,
        "{%" => Kind::Statement(inner.split_whitespace().next().unwrap_or("")),
        _ if inner.starts_with('<') => Kind::Component,
        _ => Kind::Expression {
            safe: inner
                .split('|')
                .skip(1)
                .any(|filter| filter.trim().starts_with("safe")),
        },
    }
}

impl<'s> Masked<'s> {
    /// Masks `source`, or `None` where minifying around its Tera tags is known to change
    /// what it renders: a character reference anywhere (minify-html decodes `&amp;` where
    /// it is text and writes it back as the place needs; Tera may move that text elsewhere,
    /// into an attribute, next to a `-` that trims what it decoded to); a Tera tag right
    /// after `<` or `</` (a tag's name); statements whose body is a string Tera works on
    /// (`{% set x %}…{% endset %}`, `{% filter %}`, a component's body) or which are not
    /// templates at all (`{% raw %}`); `super()`; a trim (`{%-`) where an HTML comment may
    /// have kept it from whitespace.
    pub(super) fn new(source: &'s str) -> Option<Masked<'s>> {
        if source.contains([OPEN, CLOSE]) {
            return None;
        }
        let mut text = String::with_capacity(source.len());
        let mut tags = Vec::new();
        let mut rest = source;
        while let Some(start) = tera_tag_start(rest) {
            let literal = &rest[..start];
            text.push_str(literal);
            let length = tera_tag_length(&rest[start..])?;
            let tag = &rest[start..start + length];
            if text.ends_with('<') || text.ends_with("</") || !maskable(tag) {
                return None;
            }
            // Writing to a `String` cannot fail.
            let _ = write!(text, "{OPEN}{} {CLOSE}", tags.len());
            tags.push(tag);
            rest = &rest[start + length..];
        }
        text.push_str(rest);
        // minify-html drops comments, and with them what kept a trim from the whitespace
        // beyond.
        if text.contains('&') || text.contains("<!--") && tags.iter().any(|tag| trims(tag)) {
            return None;
        }
        Some(Masked { text, tags })
    }

    /// The numbers of the placeholders in `text`, in order; malformed ones are `None`.
    pub(super) fn indices_in(text: &str) -> impl Iterator<Item = Option<usize>> + '_ {
        text.split(OPEN)
            .skip(1)
            .map(|after| placeholder(after).map(|(index, _)| index))
    }

    /// The minified text with the Tera tags back: each placeholder must be there once, and
    /// the statements in their order (minify-html sorts attributes, which moves the
    /// expressions in their values, harmlessly).
    pub(super) fn restore(&self, minified: &str) -> Option<String> {
        let mut out = String::with_capacity(minified.len() + self.text.len() / 2);
        let mut seen = vec![false; self.tags.len()];
        let mut last_statement = None;
        let mut rest = minified;
        while let Some(at) = rest.find(OPEN) {
            out.push_str(&rest[..at]);
            let index;
            (index, rest) = placeholder(&rest[at + OPEN.len_utf8()..])?;
            let tag = *self.tags.get(index)?;
            if std::mem::replace(seen.get_mut(index)?, true) {
                return None;
            }
            if let Kind::Statement(_) = kind(tag) {
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

/// The number of the placeholder whose `OPEN` `after` follows, and the text after its
/// `CLOSE`; `None` if it is not whole.
fn placeholder(after: &str) -> Option<(usize, &str)> {
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let index = after[..digits].parse().ok()?;
    let rest = after[digits..].strip_prefix(' ')?.strip_prefix(CLOSE)?;
    Some((index, rest))
}

/// Whether a Tera tag may be masked (see [`Masked::new`]).
fn maskable(tag: &str) -> bool {
    match kind(tag) {
        Kind::Statement("raw" | "filter") => false,
        // The block form, which captures what it encloses, has no `=`.
        Kind::Statement("set" | "set_global") => tag.contains('='),
        // A component called with a body (`{% <card> %}…{% </card> %}`), which it prints
        // where its definition says.
        Kind::Statement(keyword) if keyword.starts_with('<') => false,
        // The parent block's text, minified where the parent has it.
        _ if tag.contains("super(") => false,
        _ => true,
    }
}

/// Whether a Tera tag trims the whitespace beside it (`{%-`, `-}}`, ...).
fn trims(tag: &str) -> bool {
    tag.as_bytes().get(2) == Some(&b'-') || tag.len() > 4 && tag.as_bytes()[tag.len() - 3] == b'-'
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
/// string literals (whose `\` escapes the next character) and, for `{{`, outside the
/// braces of a map or a component's arguments; `None` if it never ends.
pub(super) fn tera_tag_length(tag: &str) -> Option<usize> {
    let bytes = tag.as_bytes();
    let end = match bytes[1] {
        b'{' => b'}',
        b'%' => b'%',
        _ => b'#',
    };
    let mut depth = 0usize;
    let mut quote = None;
    let mut escaped = false;
    for (at, &byte) in bytes.iter().enumerate().skip(2) {
        match quote {
            Some(_) if escaped => escaped = false,
            Some(_) if byte == b'\\' => escaped = true,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tera_tags_end_outside_strings_and_braces() {
        for (tag, length) in [
            ("{{ a }}", 7),
            ("{{ t(key=\"}}\") }} x", 17),
            ("{{<menu items={page.menu} />}}", 30),
            ("{% if a == \"%}\" %}b", 18),
            ("{# {{ x }} #}", 13),
            ("{% set who = 'O\\'Neil' %}<pre>Don't", 25),
        ] {
            assert_eq!(tera_tag_length(tag), Some(length), "{tag}");
        }
        assert_eq!(tera_tag_length("{{ a "), None);
    }

    #[test]
    fn tags_are_told_apart() {
        assert_eq!(kind("{{ a }}"), Kind::Expression { safe: false });
        assert_eq!(
            kind("{{- a | upper | safe -}}"),
            Kind::Expression { safe: true }
        );
        assert_eq!(kind("{{<menu items={x} />}}"), Kind::Component);
        assert_eq!(kind("{%- endif %}"), Kind::Statement("endif"));
        assert_eq!(kind("{# note #}"), Kind::Comment);
    }

    #[test]
    fn placeholders_are_numbered_in_order() {
        let masked = Masked::new("<p>{{ a }} and {% if b %}c{% endif %}</p>").unwrap();
        let found: Vec<Option<usize>> = Masked::indices_in(&masked.text).collect();
        assert_eq!(found, [Some(0), Some(1), Some(2)]);
        assert_eq!(
            masked.restore(&masked.text).unwrap(),
            "<p>{{ a }} and {% if b %}c{% endif %}</p>"
        );
    }
}
