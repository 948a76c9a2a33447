//! Minifying pages with minify-html, where it costs least. minify-html's cost is per
//! element and attribute, and most of a page's elements and attributes come from the
//! theme's templates, the same on every page. So where the theme allows it, the templates
//! are minified once, when they are loaded, with their Tera tags kept as they are, and
//! each report's Markdown HTML once, when it is rendered: pages then come out of Tera
//! minified and cost nothing more. A theme whose templates cannot be minified that way (a
//! Tera tag between a tag's attributes, say) has each page minified whole after rendering.
//!
//! A template is minified with each Tera tag replaced by a placeholder that minify-html
//! reads as a word of text (`tera_tags`). It is kept only where the HTML standard's
//! tokenizer, reading the masked source, finds nothing minifying could change in what it
//! renders (`checks`), and every placeholder comes back whole, once, with the statements
//! (`{% … %}`) in their order.

mod checks;
mod tera_tags;

use tera_tags::Masked;

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

/// Minifies the HTML of a report's Markdown, for a template to put where block content
/// goes, inside [`TEMPLATE_OPEN`] as templates are: where it goes is not known here. HTML
/// that `may_nest_deeply` (raw HTML passed through) and nests deeper than the minifier may
/// recurse is left as it is (the page is refused for it); Markdown's nesting is bounded
/// when content is loaded.
pub(crate) fn fragment(html: String, may_nest_deeply: bool) -> String {
    if may_nest_deeply
        && crate::util::text::html_nesting_beyond(html.as_bytes(), MAX_HTML_DEPTH).is_some()
    {
        return html;
    }
    minified_in_place(&html).unwrap_or(html)
}

/// `html` minified, as text (minify-html writes the UTF-8 it reads).
fn minified_text(html: &str) -> Option<String> {
    String::from_utf8(minify_html::minify(html.as_bytes(), &settings())).ok()
}

/// `html` minified inside [`TEMPLATE_OPEN`] and [`TEMPLATE_CLOSE`], which are taken off
/// again; `None` if they do not come back as they went.
fn minified_in_place(html: &str) -> Option<String> {
    let minified = minified_text(&format!("{TEMPLATE_OPEN}{html}{TEMPLATE_CLOSE}"))?;
    Some(
        minified
            .strip_prefix(TEMPLATE_OPEN)?
            .strip_suffix(TEMPLATE_CLOSE)?
            .to_owned(),
    )
}

/// A template's source minified with its Tera tags kept as they are, or `None` if
/// minifying it could change what it renders.
pub(crate) fn template(source: &str) -> Option<String> {
    let masked = Masked::new(source)?;
    if !checks::source_is_safe(&masked) {
        return None;
    }
    let minified = if is_document(&masked.text) {
        minified_text(&masked.text)?
    } else {
        minified_in_place(&masked.text)?
    };
    masked.restore(&minified)
}

/// What a template that is not a whole page is minified inside. Where its blocks and
/// components go is not known here, so their text is minified as inside a `<span>`, which
/// only collapses whitespace (a block's top level in a `<div>` would lose the space between
/// two links); minify-html leaves out the end tag of an element that ends its parent
/// (`</p>`), but no end tag may be left out before a `<br>`.
const TEMPLATE_OPEN: &str = "<span>";
const TEMPLATE_CLOSE: &str = "<br></span>";

/// Whether a template's first tag is a doctype or `<html>`: a whole page.
fn is_document(template: &str) -> bool {
    template.find('<').is_some_and(|at| {
        let tag = &template.as_bytes()[at + 1..];
        let starts = |start: &[u8]| {
            tag.get(..start.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(start))
        };
        starts(b"!doctype")
            || starts(b"html")
                && tag
                    .get(4)
                    .is_none_or(|&next| next == b'>' || next == b'/' || next.is_ascii_whitespace())
    })
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
            // A capture minified as text, printed into an attribute: `&quot;` decoded.
            "{% set label %}Read &quot;{{ title }}&quot;{% endset %}<a href=\"/r\" aria-label=\"{{ label }}\">more</a>",
            // An unescaped value in a single-quoted attribute, which would get `\"`.
            "<article data-ld='{{ ld | safe }}'>x</article>",
            // CSS minified around a value.
            "<p style=\"font-family: '{{ f }}', serif\">x</p>",
            "<noscript><style>p { font-family: '{{ f }}' }</style></noscript>",
            // Character references beside Tera tags.
            "<textarea>&lt;{{ tag }}&gt;</textarea>",
            "<a>{{ t }}</a>&#32;{%- if more %}b{% endif %}",
            "R&amp;{{ x }}",
            // End tags that only match in one branch, or nothing.
            "<!doctype html><html><body>{% if home %}<h1>{% else %}<p>{% endif %}<a href=\"/\">S</a>{% if home %}</h1>{% else %}</p>{% endif %}<a href=\"#m\">Skip</a></body></html>",
            "{% if url %}<a href=\"{{ url }}\">{% else %}<span>{% endif %}x{% if url %}</a>{% else %}</span>{% endif %}",
            "<!doctype html><html>{% if home %}<body class=\"home\">{% else %}<body class=\"page\">{% endif %}x</body></html>",
            "</div><footer>x</footer>",
            // A tag's name from Tera.
            "<{% if big %}h1{% else %}h2{% endif %} class=\"t\">T</h1>",
            // What fills a <pre> or a JSON script minified elsewhere.
            "<pre>{% block code %}{% endblock code %}</pre>",
            "<script type=\"application/ld+json\">{% block data %}{% endblock data %}</script>",
            // Strings Tera works on, and text that is no template.
            "{% filter upper %}<p>x</p>{% endfilter %}",
            "{% raw %}{{ {% endraw %}<code>}}</code>",
            // A statement in a value, which sorting attributes moves.
            "<a title=\"{{ n }}\" href=\"{% set n = 2 %}/x\">z</a>",
            // A <p> closed by a start tag in one branch only.
            "<div><p>{{ summary }}{% if tags %}<ul>{% for t in tags %}<li>{{ t }}</li>{% endfor %}</ul>{% endif %}</p><a href=\"{{ url }}\">more</a></div>",
            // A component's body, printed where its definition says.
            "{% component code() %}<pre>{{ body | safe }}</pre>{% endcomponent %}{% <code> %}fn main() {\n    go();\n}{% </code> %}",
            // An element opened in one branch and closed in another.
            "{% if standalone %}<nav class=\"pager\">{% endif %}<a href=\"{{ prev }}\">Older</a> <a href=\"{{ next }}\">Newer</a>{% if standalone %}</nav>{% endif %}",
            // A block's text printed elsewhere by super().
            "<p>Menu: {{ super() }}</p>",
            // A component defined inside an element, minified there, printed elsewhere.
            "<nav>{% component pair(a, b) %}<b>{{ a }}</b> <i>{{ b }}</i>{% endcomponent %}</nav>",
            // What fills a <code> minified elsewhere.
            "<code>{% include \"prompt.html\" %}   ls</code>",
            // A trim that an HTML comment kept from the whitespace.
            "<p>Posted by <b>{{ a }}</b> <!-- x --> {{- d }}</p>",
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
        assert!(!is_document("<html-note><p>x</p></html-note>"));
        assert!(!is_document("{% extends \"base.html\" %}<article>"));
    }

    #[test]
    fn every_template_of_the_default_theme_minifies_once() {
        let folder =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            assert!(template(&source).is_some(), "{}", path.display());
        }
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
            fragment("<p>One  two</p>\n<p>three</p>\n".to_owned(), false),
            "<p>One two</p> <p>three</p> "
        );
        let deep = "<div>".repeat(MAX_HTML_DEPTH + 1);
        assert_eq!(fragment(deep.clone(), true), deep, "too deep to minify");
    }
}
