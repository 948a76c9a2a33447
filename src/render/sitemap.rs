//! `sitemap.xml` with the same hreflang groups as the pages' heads (as `xhtml:link`
//! alternates), and a `robots.txt` that names it.

use std::fmt::Write;

use crate::plan::Plan;
use crate::render::OutputFile;
use crate::site::Site;

/// Escapes text for XML element content and attribute values.
pub(crate) fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// The sitemap: every page, with its language versions and `x-default`.
pub(crate) fn sitemap(site: &Site, plan: &Plan) -> OutputFile {
    let base = &site.config.base_url;
    let mut xml = String::with_capacity(plan.pages.len() * 400);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in &plan.pages {
        let group = &plan.groups[page.group];
        // Writing to a String cannot fail.
        let _ = writeln!(
            xml,
            "<url><loc>{}</loc>",
            escape_xml(&base.join(&page.path))
        );
        for member in &group.members {
            let _ = writeln!(
                xml,
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                member.lang,
                escape_xml(&base.join(&member.path))
            );
        }
        let _ = writeln!(
            xml,
            "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n</url>",
            escape_xml(&base.join(&group.x_default))
        );
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".to_owned(),
        bytes: xml.into_bytes(),
    }
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
pub(crate) fn robots(site: &Site) -> OutputFile {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.config.base_url.join("sitemap.xml")
    );
    OutputFile {
        path: "robots.txt".to_owned(),
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
