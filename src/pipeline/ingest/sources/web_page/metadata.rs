//! A saved page's own word on its title and publication date: its metadata (`og:title`,
//! `article:published_time`, `<time datetime>`), its `<h1>` and `<title>`.

use chrono::NaiveDate;
use scraper::{Html, Selector};

use super::dom::{collapse, select_first};

/// Text with its HTML character references decoded (metadata may carry them escaped twice).
fn decode_entities(text: &str) -> String {
    collapse(
        &Html::parse_fragment(text)
            .root_element()
            .text()
            .collect::<String>(),
    )
}

/// Separators between a page's title and its site's name in `<title>` and `og:title`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " :: ", " · ", " » "];

/// The title without a leading or trailing "Site name" segment.
fn without_site_name(title: &str, site_name: Option<&str>) -> String {
    let Some(site) = site_name.map(|site| site.trim().to_lowercase()) else {
        return title.to_owned();
    };
    for separator in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && tail.trim().to_lowercase() == site
        {
            return head.trim().to_owned();
        }
        if let Some((head, tail)) = title.split_once(separator)
            && head.trim().to_lowercase() == site
        {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

/// The page's title from its own metadata: `og:title` less the site name; else its one
/// `<h1>` where the `<title>` repeats it (an h1 the title lacks may be the site's logo);
/// else the library's pick (a JSON-LD headline, the `<title>`'s main part); else the h1
/// or the `<title>` as they are.
pub(super) fn page_title(
    document: &Html,
    library: Option<&rs_trafilatura::ExtractResult>,
) -> Option<String> {
    let site_name = meta_content(document, "meta[property='og:site_name']")
        .or_else(|| library.and_then(|result| result.metadata.sitename.clone()));
    let clean = |title: String| {
        let title = decode_entities(&title);
        (!title.is_empty()).then(|| without_site_name(&title, site_name.as_deref()))
    };
    let og_title = meta_content(document, "meta[property='og:title']").and_then(clean);
    let element_text = |selector: &str| -> Vec<String> {
        Selector::parse(selector)
            .map(|selector| {
                document
                    .select(&selector)
                    .map(|element| collapse(&element.text().collect::<String>()))
                    .filter(|text| !text.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let h1s = element_text("h1");
    let title_element = element_text("title").into_iter().next();
    let repeated_h1 = match (h1s.as_slice(), &title_element) {
        ([h1], Some(title)) if title.to_lowercase().contains(&h1.to_lowercase()) => {
            Some(h1.clone())
        }
        _ => None,
    };
    og_title
        .or(repeated_h1)
        .or_else(|| {
            library
                .and_then(|result| result.metadata.title.clone())
                .and_then(clean)
        })
        .or_else(|| h1s.into_iter().next())
        .or(title_element)
}

fn meta_content(document: &Html, selector: &str) -> Option<String> {
    let content = select_first(document, selector)?.value().attr("content")?;
    Some(collapse(content)).filter(|content| !content.is_empty())
}

/// `article:published_time` or a `date` meta: the page's own word on when it was published.
pub(super) fn meta_published(document: &Html) -> Option<NaiveDate> {
    let metas = [
        "meta[property='article:published_time']",
        "meta[name='date']",
        "meta[name='dc.date']",
        "meta[name='DC.date']",
    ];
    metas
        .iter()
        .find_map(|selector| date_attribute(document, selector, "content"))
}

/// The first `<time datetime>`: on an article page, usually its date line.
pub(super) fn time_published(document: &Html) -> Option<NaiveDate> {
    date_attribute(document, "time[datetime]", "datetime")
}

fn date_attribute(document: &Html, selector: &str, attribute: &str) -> Option<NaiveDate> {
    let value = select_first(document, selector)?.value().attr(attribute)?;
    NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()
}
