//! Structured data for search engines (schema.org as JSON-LD): `NewsArticle` for reports,
//! `Event` for events (only when their date is known: an event without a start date is no
//! valid `Event`), `Organization` for the site on its homes and root.

use serde_json::{Value, json};

use crate::lang::LangCode;
use crate::site::{EventIndex, ReportIndex, Site};

/// A report as a `NewsArticle`.
pub(crate) fn report(site: &Site, report: ReportIndex, permalink: &str, event_url: &str) -> String {
    let model = &site.reports[report];
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": model.title,
        "inLanguage": model.lang.as_str(),
        "url": permalink,
        "mainEntityOfPage": permalink,
        "publisher": organization_value(site, &model.lang),
        "about": { "@type": "Event", "name": site.event_name(model.event, &model.lang), "url": event_url },
    });
    if let Some(date) = model.date {
        article["datePublished"] = json!(date.to_string());
    }
    if let Some(summary) = &model.summary {
        article["description"] = json!(summary);
    }
    if let Some(publisher) = &model.source.publisher {
        article["author"] = json!({ "@type": "Organization", "name": publisher });
    }
    embed(&article)
}

/// An event as an `Event`, when its date is known.
pub(crate) fn event(
    site: &Site,
    event: EventIndex,
    lang: &LangCode,
    permalink: &str,
) -> Option<String> {
    let model = &site.events[event];
    let date = model.date?;
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": site.event_name(event, lang),
        "startDate": date.to_string(),
        "inLanguage": lang.as_str(),
        "url": permalink,
        "organizer": organization_value(site, lang),
    });
    if let Some(place) = &model.place {
        value["location"] = json!({ "@type": "Place", "name": place, "address": place });
    }
    Some(embed(&value))
}

/// The site as an `Organization`.
pub(crate) fn organization(site: &Site, lang: &LangCode) -> String {
    let mut value = organization_value(site, lang);
    value["@context"] = json!("https://schema.org");
    embed(&value)
}

fn organization_value(site: &Site, lang: &LangCode) -> Value {
    let config = &site.config;
    let title = config
        .language(lang)
        .map_or(config.languages[0].title.as_str(), |l| l.title.as_str());
    json!({ "@type": "Organization", "name": title, "url": config.base_url.as_str() })
}

/// JSON to put inside `<script>`: `<` escaped so that no text can end the script.
fn embed(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}
