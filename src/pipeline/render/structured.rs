//! Structured data for search engines (schema.org as JSON-LD): `NewsArticle` for reports,
//! `Event` for events (only when their date is known: an event without a start date is no
//! valid `Event`), `Organization` for the site on its homes and root.
//!
//! Each object is a struct serialized straight to text (no intermediate JSON values: every
//! report and event page embeds one). Fields are declared in alphabetical order, the order
//! JSON-LD tools and tests read them in.

use serde::Serialize;

use crate::model::lang::LangCode;
use crate::model::site::{EventIndex, ReportIndex, Site};

#[derive(Serialize)]
struct Article<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    about: Named<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Author<'a>>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    headline: &'a str,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(rename = "mainEntityOfPage")]
    main_entity_of_page: &'a str,
    publisher: Named<'a>,
    url: &'a str,
}

#[derive(Serialize)]
struct Event<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Place<'a>>,
    name: &'a str,
    organizer: Named<'a>,
    #[serde(rename = "startDate")]
    start_date: String,
    url: &'a str,
}

/// An object with a type, a name and a URL (the site as an organisation, a report's event).
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    context: Option<&'static str>,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Author<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Place<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: &'a str,
    name: &'a str,
}

const SCHEMA: &str = "https://schema.org";

/// A report as a `NewsArticle`.
pub(crate) fn report(site: &Site, report: ReportIndex, permalink: &str, event_url: &str) -> String {
    let model = &site.reports[report];
    embed(&Article {
        context: SCHEMA,
        kind: "NewsArticle",
        about: Named {
            context: None,
            kind: "Event",
            name: site.event_name(model.event, &model.lang),
            url: event_url,
        },
        author: model.source.publisher.as_deref().map(|name| Author {
            kind: "Organization",
            name,
        }),
        date_published: model.date.map(|date| date.to_string()),
        description: model.summary.as_deref(),
        headline: &model.title,
        in_language: model.lang.as_str(),
        main_entity_of_page: permalink,
        publisher: organization_of(site, &model.lang, None),
        url: permalink,
    })
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
    Some(embed(&Event {
        context: SCHEMA,
        kind: "Event",
        in_language: lang.as_str(),
        location: model.place.as_deref().map(|place| Place {
            kind: "Place",
            address: place,
            name: place,
        }),
        name: site.event_name(event, lang),
        organizer: organization_of(site, lang, None),
        start_date: date.to_string(),
        url: permalink,
    }))
}

/// The site as an `Organization`.
pub(crate) fn organization(site: &Site, lang: &LangCode) -> String {
    embed(&organization_of(site, lang, Some(SCHEMA)))
}

fn organization_of<'a>(
    site: &'a Site,
    lang: &LangCode,
    context: Option<&'static str>,
) -> Named<'a> {
    let config = &site.config;
    let title = config
        .language(lang)
        .map_or(config.languages[0].title.as_str(), |l| l.title.as_str());
    Named {
        context,
        kind: "Organization",
        name: title,
        url: config.base_url.as_str(),
    }
}

/// JSON to put inside `<script>`: `<` escaped so that no text can end the script.
fn embed(value: &impl Serialize) -> String {
    // Serializing borrowed strings and numbers cannot fail.
    let json = serde_json::to_string(value).unwrap_or_default();
    if json.contains('<') {
        json.replace('<', "\\u003c")
    } else {
        json
    }
}
