//! Small readings of a parsed page that both its main text and its metadata need.

use scraper::{ElementRef, Html, Selector};

/// The first element the CSS selector picks, if the selector parses and picks any.
pub(super) fn select_first<'a>(document: &'a Html, selector: &str) -> Option<ElementRef<'a>> {
    Selector::parse(selector)
        .ok()
        .and_then(|selector| document.select(&selector).next())
}

/// Text with every run of whitespace made one space, as a browser shows it.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
