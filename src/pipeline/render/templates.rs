//! The Tera 2 environment: the theme's templates compiled once, with newsroom's functions
//! registered first (Tera 2 checks at load time that every function a template calls
//! exists). Template errors become diagnostics naming the template file and line.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use tera::{Context, ErrorKind, Kwargs, State, Tera, TeraResult};

use crate::diagnostics::{Diagnostic, Location};
use crate::model::lang::LangCode;
use crate::pipeline::render::i18n::{Arg, Strings};
use crate::pipeline::render::minify::{self, Minify};
use crate::pipeline::render::theme::Theme;

/// The templates every theme must have, one per page kind.
pub(crate) const PAGE_TEMPLATES: [&str; 9] = [
    "root.html",
    "home.html",
    "event.html",
    "report.html",
    "taxonomy.html",
    "term.html",
    "archive.html",
    "year.html",
    "404.html",
];

/// Compiled templates and where each came from.
pub(crate) struct Templates {
    /// What pages are rendered with.
    tera: Tera,
    /// How pages come out minified.
    minify: Minify,
    /// The templates as written, when `tera` has them minified: Tera's errors point into
    /// the source it compiled, so a failed page is rendered again with these to say where.
    as_written: Option<Tera>,
    origins: BTreeMap<String, (PathBuf, String)>,
}

impl Templates {
    /// Compiles the theme's templates; with `minify`, minified too if they all can be
    /// (see `render::minify`).
    pub(crate) fn load(
        theme: &Theme,
        strings: Arc<Strings>,
        globals: Context,
        minify: bool,
    ) -> Result<Templates, Vec<Diagnostic>> {
        let mut tera = Tera::default();
        register_functions(&mut tera, strings);
        tera.global_context().extend(globals);
        let environment = tera.clone();
        let mut origins = BTreeMap::new();
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        for (name, file) in theme.templates() {
            match std::str::from_utf8(&file.bytes) {
                Ok(text) => {
                    sources.push((name.to_owned(), text.to_owned()));
                    origins.insert(name.to_owned(), (file.origin.clone(), text.to_owned()));
                }
                Err(_) => problems
                    .push(Diagnostic::error("the template is not UTF-8").in_file(&file.origin)),
            }
        }
        for required in PAGE_TEMPLATES {
            if !origins.contains_key(required) {
                problems.push(
                    Diagnostic::error(format!("the theme has no `{required}` template"))
                        .hint("add it to the theme's templates/ or the site's templates/"),
                );
            }
        }
        let minified = if minify { minified(&sources) } else { None };
        let mut templates = Templates {
            tera,
            minify: if minify {
                Minify::EachPage
            } else {
                Minify::Off
            },
            as_written: None,
            origins,
        };
        if let Err(error) = templates.tera.add_raw_templates(sources) {
            problems.push(templates.diagnostic(&error));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        if let Some(minified) = minified {
            let mut tera = environment;
            // Minifying keeps every Tera tag as it was; should the result not compile all
            // the same, pages are minified whole.
            if tera.add_raw_templates(minified).is_ok() {
                templates.as_written = Some(std::mem::replace(&mut templates.tera, tera));
                templates.minify = Minify::Sources;
            }
        }
        Ok(templates)
    }

    /// How pages rendered with these templates are minified.
    pub(crate) fn minify(&self) -> Minify {
        self.minify
    }

    /// Renders one template into bytes (UTF-8: Tera writes text; minifying works on bytes,
    /// so they are not validated again).
    pub(crate) fn render(&self, name: &str, context: &Context) -> Result<Vec<u8>, Diagnostic> {
        // Most pages are a few kilobytes: one allocation instead of a dozen regrowths.
        let mut html = Vec::with_capacity(16 * 1024);
        let Err(error) = self.tera.render_to(name, context, &mut html) else {
            return Ok(html);
        };
        // Rendered again as written, the error points at the line the author wrote.
        let error = match &self.as_written {
            Some(as_written) => as_written
                .render_to(name, context, &mut Vec::new())
                .err()
                .unwrap_or(error),
            None => error,
        };
        Err(self.rendering_diagnostic(name, &error))
    }

    /// A diagnostic for an error while rendering `name`: where Tera gives no place (a
    /// component that calls itself forever, say), the message names the template.
    fn rendering_diagnostic(&self, name: &str, error: &tera::Error) -> Diagnostic {
        let diagnostic = self.diagnostic(error);
        if diagnostic.location.is_some() {
            return diagnostic;
        }
        let Diagnostic { message, hint, .. } = diagnostic;
        let problem = Diagnostic::error(format!("{message} (rendering `{name}`)"));
        let problem = match self.origins.get(name) {
            Some((path, _)) => problem.in_file(path),
            None => problem,
        };
        match hint {
            Some(hint) => problem.hint(hint),
            None => problem,
        }
    }

    /// A diagnostic for a Tera error, pointing into the template's file.
    fn diagnostic(&self, error: &tera::Error) -> Diagnostic {
        match error.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                let span = report.span();
                let mut diagnostic =
                    Diagnostic::error(format!("template error: {}", report.message()));
                if let Some((path, source)) = self.origins.get(report.filename()) {
                    diagnostic = diagnostic.at(Location::in_source(
                        path,
                        source,
                        span.start_line,
                        span.start_col + 1,
                    ));
                }
                diagnostic
                    .hint("fix the template; the Tera 2 syntax is at https://keats.github.io/tera/")
            }
            other => {
                let message = format!("template error: {other}");
                // Tera names the template in quotes ("Circular extend detected for template
                // 'report.html'"): point at its file.
                let named = self
                    .origins
                    .iter()
                    .find(|(name, _)| message.contains(&format!("'{name}'")));
                let problem = Diagnostic::error(message.clone());
                match named {
                    Some((_, (path, _))) => problem.in_file(path),
                    None => problem,
                }
                .hint("fix the theme's templates; the Tera 2 syntax is at https://keats.github.io/tera/")
            }
        }
    }
}

/// The templates minified, if every HTML one of them can be (a template of another kind,
/// included in a page, is kept as written).
fn minified(sources: &[(String, String)]) -> Option<Vec<(String, String)>> {
    sources
        .iter()
        .map(|(name, source)| {
            let html = name.ends_with(".html") || name.ends_with(".htm");
            let text = if html {
                minify::template(source)?
            } else {
                source.clone()
            };
            Some((name.clone(), text))
        })
        .collect()
}

/// `t(key="...", count=3, ...)`: the UI string `key` in the page's language (`lang` in the
/// context; components declare `@lang` to receive it). Other arguments go to Fluent.
fn register_functions(tera: &mut Tera, strings: Arc<Strings>) {
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State<'_>| -> TeraResult<String> {
            let key = kwargs.must_get::<&str>("key")?;
            let lang = match kwargs.get::<&str>("lang")? {
                Some(lang) => lang.to_owned(),
                None => state.get::<String>("lang")?.ok_or_else(|| {
                    tera::Error::message("t(): no `lang` in the context; pass lang=...")
                })?,
            };
            let lang = LangCode::parse(&lang).map_err(tera::Error::message)?;
            let mut args = Vec::new();
            for (name, value) in kwargs.iter() {
                let Some(name) = name.as_str() else { continue };
                if name == "key" || name == "lang" {
                    continue;
                }
                if let Some(number) = value.as_f64() {
                    args.push((name, Arg::Number(number)));
                } else if let Some(text) = value.as_str() {
                    args.push((name, Arg::Text(text)));
                }
            }
            Ok(strings.get(&lang, key, &args))
        },
    );
}
