//! `sitemap.xml` with the same hreflang groups as the pages' heads (as `xhtml:link`
//! alternates), and a `robots.txt` that names it.

use crate::model::site::Site;
use crate::pipeline::plan::{Plan, ROBOTS_PATH, SITEMAP_PATH};
use crate::pipeline::render::OutputFile;

/// Escapes text for XML element content and attribute values.
pub(crate) fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped for XML content and attributes.
fn push_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&apos;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// The sitemap: every page, with its language versions and `x-default`.
pub(crate) fn sitemap(site: &Site, plan: &Plan) -> OutputFile {
    // 21,000 pages make a 10 MB sitemap: the base URL is escaped once, and every URL is
    // written straight into the document.
    let base = escape_xml(site.config.base_url.as_str());
    let url = |xml: &mut String, path: &str| {
        xml.push_str(&base);
        push_escaped(xml, path);
    };
    let mut xml = String::with_capacity(plan.pages.len() * 400);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in &plan.pages {
        let group = &plan.groups[page.group];
        xml.push_str("<url><loc>");
        url(&mut xml, &page.path);
        xml.push_str("</loc>\n");
        for member in &group.members {
            xml.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
            xml.push_str(member.lang.as_str());
            xml.push_str("\" href=\"");
            url(&mut xml, &member.path);
            xml.push_str("\"/>\n");
        }
        xml.push_str("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"");
        url(&mut xml, &group.x_default);
        xml.push_str("\"/>\n</url>\n");
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: SITEMAP_PATH.to_owned(),
        bytes: xml.into_bytes(),
    }
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
pub(crate) fn robots(site: &Site) -> OutputFile {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.config.base_url.join(SITEMAP_PATH)
    );
    OutputFile {
        path: ROBOTS_PATH.to_owned(),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_xml_characters() {
        assert_eq!(escape_xml("a&b<c>\"d'"), "a&amp;b&lt;c&gt;&quot;d&apos;");
    }
}
