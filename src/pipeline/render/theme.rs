//! Themes: templates, static files and UI strings, in layers. The theme comes first (the
//! site's `themes/<name>/`, or the default theme built into the binary when the site has no
//! copy), then the site's own `templates/`, `static/` and `i18n/`, which override the theme
//! file by file (and, for UI strings, message by message).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::diagnostics::{Error, IoContext, Result};
use crate::model::config::Config;
use crate::model::lang::LangCode;
use crate::util::walk::relative;

/// The kinds of files a theme layer holds, by folder.
const FOLDERS: [&str; 3] = ["templates", "static", "i18n"];

/// One file of a theme layer.
#[derive(Debug, Clone)]
pub(crate) struct ThemeFile {
    /// Where it came from, for messages (relative to the site root, or `<built-in>/...`).
    pub(crate) origin: PathBuf,
    /// Its bytes.
    pub(crate) bytes: Cow<'static, [u8]>,
}

/// The layers of a theme, bottom first. Keys are paths like `templates/base.html`.
#[derive(Debug)]
pub struct Theme {
    layers: Vec<BTreeMap<String, ThemeFile>>,
}

/// The default theme, compiled in so a site needs no `themes/` folder to build.
const BUILT_IN: &[(&str, &[u8])] = &[
    (
        "templates/base.html",
        include_bytes!("../../../themes/default/templates/base.html"),
    ),
    (
        "templates/components.html",
        include_bytes!("../../../themes/default/templates/components.html"),
    ),
    (
        "templates/root.html",
        include_bytes!("../../../themes/default/templates/root.html"),
    ),
    (
        "templates/home.html",
        include_bytes!("../../../themes/default/templates/home.html"),
    ),
    (
        "templates/event.html",
        include_bytes!("../../../themes/default/templates/event.html"),
    ),
    (
        "templates/report.html",
        include_bytes!("../../../themes/default/templates/report.html"),
    ),
    (
        "templates/taxonomy.html",
        include_bytes!("../../../themes/default/templates/taxonomy.html"),
    ),
    (
        "templates/term.html",
        include_bytes!("../../../themes/default/templates/term.html"),
    ),
    (
        "templates/archive.html",
        include_bytes!("../../../themes/default/templates/archive.html"),
    ),
    (
        "templates/year.html",
        include_bytes!("../../../themes/default/templates/year.html"),
    ),
    (
        "templates/404.html",
        include_bytes!("../../../themes/default/templates/404.html"),
    ),
    (
        "static/style.css",
        include_bytes!("../../../themes/default/static/style.css"),
    ),
    (
        "static/favicon.svg",
        include_bytes!("../../../themes/default/static/favicon.svg"),
    ),
    (
        "i18n/bg.ftl",
        include_bytes!("../../../themes/default/i18n/bg.ftl"),
    ),
    (
        "i18n/cs.ftl",
        include_bytes!("../../../themes/default/i18n/cs.ftl"),
    ),
    (
        "i18n/da.ftl",
        include_bytes!("../../../themes/default/i18n/da.ftl"),
    ),
    (
        "i18n/de.ftl",
        include_bytes!("../../../themes/default/i18n/de.ftl"),
    ),
    (
        "i18n/el.ftl",
        include_bytes!("../../../themes/default/i18n/el.ftl"),
    ),
    (
        "i18n/en.ftl",
        include_bytes!("../../../themes/default/i18n/en.ftl"),
    ),
    (
        "i18n/es.ftl",
        include_bytes!("../../../themes/default/i18n/es.ftl"),
    ),
    (
        "i18n/et.ftl",
        include_bytes!("../../../themes/default/i18n/et.ftl"),
    ),
    (
        "i18n/fi.ftl",
        include_bytes!("../../../themes/default/i18n/fi.ftl"),
    ),
    (
        "i18n/fr.ftl",
        include_bytes!("../../../themes/default/i18n/fr.ftl"),
    ),
    (
        "i18n/ga.ftl",
        include_bytes!("../../../themes/default/i18n/ga.ftl"),
    ),
    (
        "i18n/hr.ftl",
        include_bytes!("../../../themes/default/i18n/hr.ftl"),
    ),
    (
        "i18n/hu.ftl",
        include_bytes!("../../../themes/default/i18n/hu.ftl"),
    ),
    (
        "i18n/it.ftl",
        include_bytes!("../../../themes/default/i18n/it.ftl"),
    ),
    (
        "i18n/lt.ftl",
        include_bytes!("../../../themes/default/i18n/lt.ftl"),
    ),
    (
        "i18n/lv.ftl",
        include_bytes!("../../../themes/default/i18n/lv.ftl"),
    ),
    (
        "i18n/mt.ftl",
        include_bytes!("../../../themes/default/i18n/mt.ftl"),
    ),
    (
        "i18n/nl.ftl",
        include_bytes!("../../../themes/default/i18n/nl.ftl"),
    ),
    (
        "i18n/pl.ftl",
        include_bytes!("../../../themes/default/i18n/pl.ftl"),
    ),
    (
        "i18n/pt.ftl",
        include_bytes!("../../../themes/default/i18n/pt.ftl"),
    ),
    (
        "i18n/ro.ftl",
        include_bytes!("../../../themes/default/i18n/ro.ftl"),
    ),
    (
        "i18n/sk.ftl",
        include_bytes!("../../../themes/default/i18n/sk.ftl"),
    ),
    (
        "i18n/sl.ftl",
        include_bytes!("../../../themes/default/i18n/sl.ftl"),
    ),
    (
        "i18n/sv.ftl",
        include_bytes!("../../../themes/default/i18n/sv.ftl"),
    ),
];

impl Theme {
    /// Loads the configured theme and the site's overrides.
    pub fn load(root: &Path, config: &Config) -> Result<Theme> {
        let theme_dir = config.theme_dir(root);
        let base = if theme_dir.is_dir() {
            read_layer(root, &theme_dir)?
        } else if config.theme == "default" {
            built_in_layer()
        } else {
            return Err(Error::invalid(
                Diagnostic::error(format!("theme `{}` not found", config.theme))
                    .in_file(&relative(root, &theme_dir))
                    .hint("put the theme in themes/<name>/ or set `theme: default` in site.yaml"),
            ));
        };
        let site = read_layer(root, root)?;
        Ok(Theme {
            layers: vec![base, site],
        })
    }

    /// A theme from in-memory files, for tests.
    #[cfg(test)]
    pub(crate) fn from_memory(files: &[(&str, &str)]) -> Theme {
        let layer = files
            .iter()
            .map(|(name, text)| {
                let file = ThemeFile {
                    origin: PathBuf::from(name),
                    bytes: Cow::Owned(text.as_bytes().to_vec()),
                };
                ((*name).to_owned(), file)
            })
            .collect();
        Theme {
            layers: vec![layer],
        }
    }

    /// The winning file of every path under `folder/`, keyed by the path inside it.
    fn merged(&self, folder: &str) -> BTreeMap<&str, &ThemeFile> {
        let prefix = format!("{folder}/");
        let mut merged = BTreeMap::new();
        for layer in &self.layers {
            for (key, file) in layer {
                if let Some(name) = key.strip_prefix(&prefix) {
                    merged.insert(name, file);
                }
            }
        }
        merged
    }

    /// Templates by name (`base.html`), site overrides winning. A theme template the site
    /// replaces stays available as `theme/<name>`, so the site's template can extend it and
    /// override one block instead of copying the file. (Not for files defining components:
    /// Tera's components are global, and two definitions would clash.)
    pub(crate) fn templates(&self) -> BTreeMap<String, &ThemeFile> {
        let merged = self.merged("templates");
        let mut templates: BTreeMap<String, &ThemeFile> = BTreeMap::new();
        if let Some(theme) = self.layers.first() {
            for (key, file) in theme {
                let Some(name) = key.strip_prefix("templates/") else {
                    continue;
                };
                let replaced = merged
                    .get(name)
                    .is_some_and(|winner| !std::ptr::eq(*winner, file));
                if replaced && !defines_components(file) {
                    templates.insert(format!("theme/{name}"), file);
                }
            }
        }
        templates.extend(
            merged
                .into_iter()
                .map(|(name, file)| (name.to_owned(), file)),
        );
        templates
    }

    /// Static files by path (`style.css`), site overrides winning.
    pub(crate) fn static_files(&self) -> BTreeMap<&str, &ThemeFile> {
        self.merged("static")
    }

    /// Feeds every file of every layer into `hasher`: a theme that hashes the same renders
    /// the same pages from the same contexts.
    pub(crate) fn fingerprint(&self, hasher: &mut impl std::hash::Hasher) {
        for layer in &self.layers {
            for (key, file) in layer {
                hasher.write(key.as_bytes());
                hasher.write(&file.bytes);
            }
        }
    }

    /// The Fluent files of a language, bottom layer first.
    pub(crate) fn i18n_files(&self, lang: &LangCode) -> impl Iterator<Item = &ThemeFile> {
        let key = format!("i18n/{lang}.ftl");
        self.layers.iter().filter_map(move |layer| layer.get(&key))
    }
}

fn defines_components(file: &ThemeFile) -> bool {
    file.bytes
        .windows(b"{% component".len())
        .any(|window| window == b"{% component")
}

fn built_in_layer() -> BTreeMap<String, ThemeFile> {
    BUILT_IN
        .iter()
        .map(|(key, bytes)| {
            let file = ThemeFile {
                origin: Path::new("<built-in theme>").join(key),
                bytes: Cow::Borrowed(*bytes),
            };
            ((*key).to_owned(), file)
        })
        .collect()
}

/// Reads `templates/`, `static/` and `i18n/` under `dir`, whichever exist.
fn read_layer(root: &Path, dir: &Path) -> Result<BTreeMap<String, ThemeFile>> {
    let mut layer = BTreeMap::new();
    for folder in FOLDERS {
        let base = dir.join(folder);
        if !base.is_dir() {
            continue;
        }
        for entry in crate::util::walk::visible(&base, 1, usize::MAX) {
            let entry = entry?;
            if !entry.file_type().is_file() {
                continue;
            }
            let inner = entry.path().strip_prefix(&base).unwrap_or(entry.path());
            let key = format!("{folder}/{}", inner.to_string_lossy().replace('\\', "/"));
            let bytes = std::fs::read(entry.path()).at_path(entry.path())?;
            let file = ThemeFile {
                origin: relative(root, entry.path()),
                bytes: Cow::Owned(bytes),
            };
            layer.insert(key, file);
        }
    }
    Ok(layer)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of themes/default is compiled in, so the built-in theme is the same theme.
    #[test]
    fn the_built_in_theme_lists_every_file_of_themes_default() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let on_disk = read_layer(&dir, &dir).unwrap();
        let built_in = built_in_layer();
        let on_disk_keys: Vec<&String> = on_disk.keys().collect();
        let built_in_keys: Vec<&String> = built_in.keys().collect();
        assert_eq!(on_disk_keys, built_in_keys);
    }

    #[test]
    fn later_layers_override_earlier_ones_file_by_file() {
        let file = |text: &str| ThemeFile {
            origin: PathBuf::from(text),
            bytes: Cow::Owned(text.as_bytes().to_vec()),
        };
        let theme = Theme {
            layers: vec![
                BTreeMap::from([
                    ("templates/a.html".to_owned(), file("theme a")),
                    ("templates/b.html".to_owned(), file("theme b")),
                ]),
                BTreeMap::from([("templates/b.html".to_owned(), file("site b"))]),
            ],
        };
        let templates = theme.templates();
        assert_eq!(&*templates["a.html"].bytes, b"theme a");
        assert_eq!(&*templates["b.html"].bytes, b"site b");
        assert_eq!(&*templates["theme/b.html"].bytes, b"theme b");
        assert!(
            !templates.contains_key("theme/a.html"),
            "only replaced files are kept"
        );
    }
}
