//! The default theme's promises, checked on its files and on a built site: light and dark
//! colour schemes that both meet WCAG AA contrast, and no request to any other host.

use std::collections::BTreeMap;

use crate::common::*;

const STYLESHEET: &str = include_str!("../../themes/default/static/style.css");

/// The `--name: #rrggbb` custom properties of the first `:root { ... }` block in `css`.
fn colours(css: &str) -> BTreeMap<String, String> {
    let start = css.find(":root").unwrap();
    let body_start = start + css[start..].find('{').unwrap() + 1;
    let body_end = body_start + css[body_start..].find('}').unwrap();
    css[body_start..body_end]
        .split(';')
        .filter_map(|declaration| {
            let (name, value) = declaration.split_once(':')?;
            let value = value.trim();
            (name.trim().starts_with("--") && value.starts_with('#'))
                .then(|| (name.trim().to_owned(), value.to_owned()))
        })
        .collect()
}

/// WCAG 2 relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let channel = |at: usize| {
        let value = f64::from(u8::from_str_radix(&hex[at..at + 2], 16).unwrap()) / 255.0;
        if value <= 0.039_28 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[test]
fn light_and_dark_schemes_both_meet_wcag_aa_for_text() {
    let dark_at = STYLESHEET
        .find("@media (prefers-color-scheme: dark)")
        .unwrap();
    let schemes = [
        ("light", colours(STYLESHEET)),
        ("dark", colours(&STYLESHEET[dark_at..])),
    ];
    for (scheme, colours) in &schemes {
        assert!(colours.len() >= 8, "{scheme}: {colours:?}");
        let pairs = [
            ("--fg", "--bg"),
            ("--fg", "--card"),
            ("--fg", "--badge-bg"),
            ("--muted", "--bg"),
            ("--muted", "--card"),
            ("--accent", "--bg"),
            ("--accent", "--card"),
            ("--accent-visited", "--bg"),
        ];
        for (text, background) in pairs {
            let ratio = contrast(&colours[text], &colours[background]);
            assert!(
                ratio >= 4.5,
                "{scheme}: {text} on {background} is {ratio:.2}:1"
            );
        }
        // Focus rings are no text, but must stand out from the page (WCAG 1.4.11).
        assert!(
            contrast(&colours["--focus"], &colours["--bg"]) >= 3.0,
            "{scheme} focus"
        );
    }
    assert!(STYLESHEET.contains("color-scheme: light dark"));
}

#[test]
fn no_page_asks_another_host_for_anything() {
    let site = fixture_site("four-languages");
    newsroom_ok(site.path(), &["build", "--no-ingest"]);
    let own = "https://clusters.example.eu/";
    for (file, page) in pages(&site.path().join("public")) {
        let mut loads = attributes(&page, "script[src], img[src], iframe[src]", "src");
        loads.extend(attributes(
            &page,
            "link[rel=stylesheet], link[rel=icon], link[rel=preload]",
            "href",
        ));
        for target in loads {
            let remote = target.contains("//") && !target.starts_with(own);
            assert!(!remote, "{file} loads {target}");
        }
        let inline_styles = texts(&page, "style").join(" ");
        assert!(
            !inline_styles.contains("url("),
            "{file} styles load {inline_styles}"
        );
    }
    assert!(!STYLESHEET.contains("url(") && !STYLESHEET.contains("@import"));
}
