//! Site configuration: reads and validates `site.yaml` into a [`Config`]. Unknown keys are
//! errors (with a suggestion), so a typo never silently does nothing.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Location};
use crate::diagnostics::{Error, Result};
use crate::model::lang::{BadLangCode, Direction, LANG_CODE_HINT, LangCode};
use crate::util::yaml;

/// The name of the configuration file in a site's root folder.
pub const CONFIG_FILE: &str = "site.yaml";

/// A validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the site is published, always ending in `/`.
    pub base_url: BaseUrl,
    /// The language of `x-default` fallbacks and of UI strings missing elsewhere.
    pub default_language: LangCode,
    /// The languages the site is published in, in the order menus list them.
    pub languages: Vec<LanguageConfig>,
    /// Taxonomy names (front matter keys whose values become term pages).
    pub taxonomies: Vec<String>,
    /// Folder name of the theme under `themes/`.
    pub theme: String,
    /// Where `hreflang="x-default"` points.
    pub x_default: XDefault,
    /// How pages are written.
    pub output: OutputConfig,
    /// How report bodies are read.
    pub markdown: MarkdownConfig,
}

/// The page a group's `x-default` alternate points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XDefault {
    /// The language chooser at the site root (the default): readers whose language the
    /// site does not have pick one themselves.
    Root,
    /// The version in this language where the page has one, else the root chooser.
    Language(LangCode),
}

/// Output options (`output:` in `site.yaml`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    /// Items per page of a paginated list (home, archive years, taxonomy terms).
    pub page_size: usize,
    /// Minify HTML (and the CSS and scripts inside it).
    pub minify: bool,
    /// The newest reports each Atom feed carries.
    pub feed_entries: usize,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            page_size: 20,
            minify: true,
            feed_entries: 50,
        }
    }
}

/// Markdown options (`markdown:` in `site.yaml`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    /// Pass raw HTML in hand-written reports through to their pages as written (off: it is
    /// shown as text); only for sites that trust everyone who writes reports. Reports ingest
    /// made from a seed (they have `source.file`) never pass it: their text came from
    /// elsewhere. Markdown links that could run code lose their URL either way.
    pub raw_html: bool,
}

/// Path segments under a language that newsroom's own pages use, so no taxonomy may take
/// them.
pub const RESERVED_SECTIONS: [&str; 4] = ["events", "reports", "archive", "page"];

/// One published language.
#[derive(Debug, Clone)]
pub struct LanguageConfig {
    /// Its code, as in file names and URLs.
    pub code: LangCode,
    /// Its name in itself, for the language switcher.
    pub name: String,
    /// The locale used to format dates and plurals (`en-GB`).
    pub locale: String,
    /// Writing direction.
    pub direction: Direction,
    /// Site title in this language.
    pub title: String,
    /// Site description in this language.
    pub description: Option<String>,
}

/// The URL a site is published at, normalised to end in `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    url: String,
    path_start: usize,
}

impl BaseUrl {
    /// Parses an absolute http(s) URL.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| format!("`{text}` is not an absolute http(s) URL"))?;
        let host_len = rest.find('/').unwrap_or(rest.len());
        if host_len == 0 || rest.contains(['?', '#', ' ']) {
            return Err(format!(
                "`{text}` is not a URL like https://example.org/news/"
            ));
        }
        let mut url = text.to_owned();
        if !url.ends_with('/') {
            url.push('/');
        }
        let path_start = text.len() - rest.len() + host_len;
        Ok(BaseUrl { url, path_start })
    }

    /// The full URL, ending in `/`.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The path part, starting and ending in `/` (`/` or `/news/`): the prefix of every
    /// internal link.
    pub fn path(&self) -> &str {
        &self.url[self.path_start..]
    }

    /// The absolute URL of a site path such as `en/events/x/`.
    pub fn join(&self, site_path: &str) -> String {
        format!("{}{}", self.url, site_path)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    title: String,
    default_language: Option<String>,
    languages: Vec<RawLanguage>,
    #[serde(default)]
    taxonomies: Vec<String>,
    #[serde(default = "default_theme")]
    theme: String,
    x_default: Option<String>,
    #[serde(default)]
    output: OutputConfig,
    #[serde(default)]
    markdown: MarkdownConfig,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: String,
    name: Option<String>,
    locale: Option<String>,
    direction: Option<Direction>,
    title: Option<String>,
    description: Option<String>,
}

fn default_theme() -> String {
    "default".to_owned()
}

impl Config {
    /// Reads `site.yaml` from the site root.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join(CONFIG_FILE);
        if !path.is_file() {
            return Err(Error::invalid(
                Diagnostic::error(format!("no {CONFIG_FILE} in {}", root.display()))
                    .hint("run newsroom in a site folder, pass --root DIR, or create site.yaml (see docs/configuration.md)"),
            ));
        }
        let text = crate::util::text_file::read(&path, &path).map_err(Error::invalid)?;
        Config::parse(&path, &text)
    }

    /// Parses the text of a configuration file; `path` is only used in messages.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        let raw: RawConfig = yaml::parse(path, text).map_err(Error::invalid)?;
        let problem = |key: &str, message: String| {
            let (line, column) = yaml::key_position(text, key).unwrap_or((1, 1));
            Error::invalid(
                Diagnostic::error(message).at(Location::in_source(path, text, line, column)),
            )
        };
        let base_url =
            BaseUrl::parse(&raw.base_url).map_err(|message| problem("base_url", message))?;
        let languages = raw
            .languages
            .into_iter()
            .map(|language| {
                language.validate(&raw.title).map_err(|bad| {
                    // Point at the language's own `- code: …` line, not at `languages:`.
                    let line = code_line(text, &bad.0).unwrap_or(1);
                    Error::invalid(
                        Diagnostic::error(bad.to_string())
                            .at(Location::in_source(path, text, line, 1))
                            .hint(LANG_CODE_HINT),
                    )
                })
            })
            .collect::<Result<Vec<_>>>()?;
        if languages.is_empty() {
            return Err(problem(
                "languages",
                "`languages` lists no language".to_owned(),
            ));
        }
        let default_language = match raw.default_language {
            Some(code) => {
                let code = LangCode::parse(&code)
                    .map_err(|e| problem("default_language", e.to_string()))?;
                if !languages.iter().any(|language| language.code == code) {
                    return Err(problem(
                        "default_language",
                        format!("default_language `{code}` is not one of `languages`"),
                    ));
                }
                code
            }
            None => languages[0].code,
        };
        check_unique(
            languages.iter().map(|language| language.code.as_str()),
            "language",
        )
        .map_err(|message| problem("languages", message))?;
        check_unique(raw.taxonomies.iter().map(String::as_str), "taxonomy")
            .map_err(|message| problem("taxonomies", message))?;
        if let Some(bad) = raw.taxonomies.iter().find(|name| !is_simple_slug(name)) {
            return Err(problem(
                "taxonomies",
                format!("taxonomy name `{bad}` must be lower-case letters, digits and hyphens"),
            ));
        }
        if let Some(bad) = raw
            .taxonomies
            .iter()
            .find(|name| RESERVED_SECTIONS.contains(&name.as_str()))
        {
            return Err(problem(
                "taxonomies",
                format!(
                    "taxonomy name `{bad}` is taken by newsroom's own pages ({})",
                    RESERVED_SECTIONS.join(", ")
                ),
            ));
        }
        if raw.output.page_size == 0 {
            return Err(problem(
                "output",
                "`page_size` must be at least 1".to_owned(),
            ));
        }
        let x_default = match raw.x_default.as_deref() {
            None | Some("root") => XDefault::Root,
            Some(code) => {
                let code =
                    LangCode::parse(code).map_err(|e| problem("x_default", e.to_string()))?;
                if !languages.iter().any(|language| language.code == code) {
                    return Err(problem(
                        "x_default",
                        format!("x_default `{code}` is neither `root` nor one of `languages`"),
                    ));
                }
                XDefault::Language(code)
            }
        };
        Ok(Config {
            base_url,
            default_language,
            languages,
            taxonomies: raw.taxonomies,
            theme: raw.theme,
            x_default,
            output: raw.output,
            markdown: raw.markdown,
        })
    }

    /// The configuration of one language, if the site publishes it.
    pub fn language(&self, code: &LangCode) -> Option<&LanguageConfig> {
        self.languages
            .iter()
            .find(|language| &language.code == code)
    }

    /// Position of a language in the configured order (unknown languages sort last).
    pub fn language_rank(&self, code: &LangCode) -> usize {
        self.languages
            .iter()
            .position(|language| &language.code == code)
            .unwrap_or(usize::MAX)
    }

    /// The folder of the configured theme.
    pub fn theme_dir(&self, root: &Path) -> PathBuf {
        root.join("themes").join(&self.theme)
    }
}

impl RawLanguage {
    fn validate(self, site_title: &str) -> std::result::Result<LanguageConfig, BadLangCode> {
        let code = LangCode::parse(&self.code)?;
        let known = code.known();
        let name = self
            .name
            .or_else(|| known.map(|known| known.endonym.to_owned()))
            .unwrap_or_else(|| code.to_string());
        let direction = self
            .direction
            .or_else(|| known.map(|known| known.direction))
            .unwrap_or_default();
        let default_locale = match (known, code.as_str().contains('-')) {
            (Some(known), false) => known.default_locale.to_owned(),
            _ => code.to_string(),
        };
        Ok(LanguageConfig {
            locale: self.locale.unwrap_or(default_locale),
            title: self.title.unwrap_or_else(|| site_title.to_owned()),
            description: self.description,
            code,
            name,
            direction,
        })
    }
}

/// The line (1-based) where `code: <code>` is written, quoted or not.
fn code_line(text: &str, code: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            line.split_once("code:")
                .is_some_and(|(_, value)| value.trim().trim_matches(['"', '\'']) == code)
        })
        .map(|index| index + 1)
}

fn check_unique<'a>(
    items: impl Iterator<Item = &'a str>,
    what: &str,
) -> std::result::Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    for item in items {
        if !seen.insert(item) {
            return Err(format!("{what} `{item}` is listed twice"));
        }
    }
    Ok(())
}

fn is_simple_slug(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "base_url: https://example.org/news\ntitle: News\nlanguages:\n  - code: en\n  - code: pl\n    title: Wiadomości\ntaxonomies: [sectors]\n";

    #[test]
    fn reads_a_minimal_config_and_fills_defaults() {
        let config = Config::parse(Path::new("site.yaml"), GOOD).unwrap();
        assert_eq!(config.base_url.as_str(), "https://example.org/news/");
        assert_eq!(config.base_url.path(), "/news/");
        assert_eq!(config.default_language.as_str(), "en");
        assert_eq!(config.languages[1].name, "polski");
        assert_eq!(config.languages[1].title, "Wiadomości");
        assert_eq!(config.languages[0].title, "News");
        assert_eq!(config.theme, "default");
    }

    #[test]
    fn an_unknown_key_is_an_error_with_line_and_suggestion() {
        let text = GOOD.replace("taxonomies", "taxonomis");
        let Err(Error::Invalid(problems)) = Config::parse(Path::new("site.yaml"), &text) else {
            panic!("expected an error");
        };
        let shown = problems[0].to_string();
        assert!(shown.contains("unknown field `taxonomis`"), "{shown}");
        assert!(shown.contains("site.yaml:7:1"), "{shown}");
        assert!(shown.contains("did you mean `taxonomies`"), "{shown}");
    }

    #[test]
    fn a_default_language_must_be_published() {
        let text = format!("{GOOD}default_language: de\n");
        assert!(Config::parse(Path::new("site.yaml"), &text).is_err());
    }

    #[test]
    fn output_options_and_x_default_are_read_and_checked() {
        let text = format!(
            "{GOOD}x_default: pl\noutput:\n  page_size: 5\n  minify: false\n  feed_entries: 3\n"
        );
        let config = Config::parse(Path::new("site.yaml"), &text).unwrap();
        assert_eq!(config.output.page_size, 5);
        assert!(!config.output.minify);
        assert_eq!(config.output.feed_entries, 3);
        assert_eq!(
            config.x_default,
            XDefault::Language(LangCode::parse("pl").unwrap())
        );
        let defaults = Config::parse(Path::new("site.yaml"), GOOD).unwrap();
        assert_eq!(defaults.output, OutputConfig::default());
        assert_eq!(defaults.x_default, XDefault::Root);
        for bad in [
            "x_default: fr\n",
            "output: {page_size: 0}\n",
            "output: {pages: 3}\n",
        ] {
            let text = format!("{GOOD}{bad}");
            assert!(
                Config::parse(Path::new("site.yaml"), &text).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_taxonomy_may_not_take_a_reserved_path() {
        let text = GOOD.replace("[sectors]", "[sectors, archive]");
        assert!(Config::parse(Path::new("site.yaml"), &text).is_err());
    }

    #[test]
    fn base_url_must_be_absolute() {
        assert!(BaseUrl::parse("example.org").is_err());
        assert!(BaseUrl::parse("https:///x").is_err());
        assert_eq!(BaseUrl::parse("http://localhost:1111").unwrap().path(), "/");
    }
}
