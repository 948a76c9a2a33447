//! What each kind of page puts in its template's context (`page`, and `events`, `event`,
//! `report`, `terms`, `years` or `reports`), and which template renders it. A report's
//! Markdown HTML is minified here when the templates are minified already.

use tera::Context;

use crate::model::lang::LangCode;
use crate::pipeline::plan::{self, Page, PageKind};
use crate::pipeline::render::context::{LanguageView, Views};
use crate::pipeline::render::i18n::Arg;
use crate::pipeline::render::minify::{self, Minify};
use crate::pipeline::render::{markdown, structured};
use crate::util::text;

/// Fills `context` for `page` in `lang` and returns the template to render it with.
pub(crate) fn fill(
    views: &Views<'_>,
    page: &Page,
    lang: &LangCode,
    language: &LanguageView<'_>,
    minify: Minify,
    context: &mut Context,
) -> &'static str {
    let site = views.site;
    match page.kind {
        PageKind::Root => {
            context.insert(
                "page",
                &views.page(page, language.title(), root_description(views, language)),
            );
            context.insert("structured_data", &structured::organization(site, lang));
            "root.html"
        }
        PageKind::Home => {
            context.insert("structured_data", &structured::organization(site, lang));
            let title = views.list_title(page, lang, language.title());
            let events = views.listed_events(page, lang);
            // Search engines want a description; a language without one of its own gets
            // the site title and the events it lists.
            let description = language.description().map_or_else(
                || {
                    let names: Vec<&str> = events.iter().map(|event| event.name()).collect();
                    text::summarise(&format!("{}: {}", language.title(), names.join(" · ")))
                },
                str::to_owned,
            );
            context.insert("page", &views.page(page, &title, description));
            context.insert("events", &events);
            "home.html"
        }
        PageKind::Event(event) => {
            let view = views.event(event, lang);
            let description = view.description();
            context.insert(
                "page",
                &views.page(page, site.event_name(event, lang), description),
            );
            context.insert("event", &view);
            let permalink = site.config.base_url.join(&page.path);
            if let Some(data) = structured::event(site, event, lang, &permalink) {
                context.insert("structured_data", &data);
            }
            "event.html"
        }
        PageKind::Report(report) => {
            let model = &site.reports[report];
            let raw = markdown::RawHtml::for_report(&site.config, model);
            let body = markdown::render(&model.body, raw);
            let description = model.summary.clone().unwrap_or(body.summary);
            let html = match minify {
                Minify::Sources => {
                    minify::fragment(body.html, raw == markdown::RawHtml::PassThrough)
                }
                Minify::EachPage | Minify::Off => body.html,
            };
            context.insert("page", &views.page(page, &model.title, description));
            context.insert("report", &views.report(report, page, html));
            let permalink = site.config.base_url.join(&page.path);
            let event_url =
                site.config
                    .base_url
                    .join(&plan::event_path(site, model.event, &model.lang));
            context.insert(
                "structured_data",
                &structured::report(site, report, &permalink, &event_url),
            );
            "report.html"
        }
        PageKind::Taxonomy(taxonomy) => {
            let name = &site.config.taxonomies[taxonomy];
            let label = views.text(lang, &format!("taxonomy-{name}"), &[]);
            let terms = views.listed_terms(page, lang);
            let names: Vec<&str> = terms.iter().map(|term| term.name()).collect();
            let description = text::summarise(&format!("{label}: {}", names.join(", ")));
            let title = views.list_title(page, lang, &label);
            context.insert("page", &views.page(page, &title, description));
            context.insert("taxonomy", name);
            context.insert("terms", &terms);
            "taxonomy.html"
        }
        PageKind::Term(term) => {
            let link = views.term_link(term, lang);
            let taxonomy = &site.config.taxonomies[views.plan.terms[term].taxonomy];
            let label = views.text(lang, &format!("taxonomy-{taxonomy}"), &[]);
            let heading = views.text(lang, "term-reports", &[("term", Arg::Text(link.name()))]);
            let reports = views.listed_reports(page, lang);
            let titles: Vec<&str> = reports.iter().map(|report| report.title()).collect();
            let description = text::summarise(&format!("{heading}: {}", titles.join(" · ")));
            let title = views.list_title(page, lang, &format!("{} · {label}", link.name()));
            context.insert("page", &views.page(page, &title, description));
            context.insert("taxonomy", taxonomy);
            context.insert("term", &link);
            context.insert("reports", &reports);
            "term.html"
        }
        PageKind::Archive => {
            let label = views.text(lang, "archive-title", &[]);
            let years = views.listed_years(page, lang);
            let list: Vec<String> = years.iter().map(|year| year.year().to_string()).collect();
            let description = text::summarise(&format!("{label}: {}", list.join(", ")));
            let title = views.list_title(page, lang, &label);
            context.insert("page", &views.page(page, &title, description));
            context.insert("years", &years);
            context.insert("undated_count", &site.undated_events(lang));
            "archive.html"
        }
        PageKind::Year(year) => {
            let heading = views.text(
                lang,
                "archive-year-title",
                &[("year", Arg::Text(&year.to_string()))],
            );
            let events = views.listed_events(page, lang);
            let names: Vec<&str> = events.iter().map(|event| event.name()).collect();
            let description = text::summarise(&format!("{heading}: {}", names.join(" · ")));
            let title = views.list_title(page, lang, &heading);
            context.insert("page", &views.page(page, &title, description));
            context.insert("year", &year);
            context.insert("events", &events);
            "year.html"
        }
    }
}

/// Search engines show the root for the site's name: the default language's description,
/// or else the site's title in every language.
fn root_description(views: &Views<'_>, language: &LanguageView<'_>) -> String {
    language.description().map_or_else(
        || {
            let titles: Vec<&str> = views
                .site
                .config
                .languages
                .iter()
                .map(|l| l.title.as_str())
                .collect();
            titles.join(" · ")
        },
        str::to_owned,
    )
}
