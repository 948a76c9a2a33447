//! The extraction library's reading of a page, corrected where it takes in other text.
//!
//! rs-trafilatura falls back to other sources of text when the article's block looks short
//! to it: it joins the page's best-scoring blocks, or takes the body the page's JSON-LD
//! states. On a news or event page the first joins other stories' teasers; the second, when
//! the stated body repeats its own passages, is a publisher's broken copy of the article.
//! Either way the page is read again without that source, and the first reading's
//! metadata (title, date, page type) stays.

use std::collections::HashSet;

use rs_trafilatura::page_type::PageType;
use rs_trafilatura::{ExtractResult, Options};
use scraper::{Html, Selector};

/// How the library's warnings begin when it joined several blocks of the page into one text.
const MERGED_BLOCKS_WARNING: &str = "Used multi-candidate merge";
/// How its warnings begin when it took the body the page's JSON-LD states.
const STRUCTURED_BODY_WARNING: &str = "Using JSON-LD content";
/// A sentence this long does not recur in an article by chance.
const REPEATED_SENTENCE_MIN_CHARS: usize = 40;
/// Above this share of its text in sentences said before, a body repeats itself.
const REPEATED_SHARE_MAX: f64 = 0.25;

/// The library's reading of the page's article, if it finds any text.
pub(super) fn article(html: &str) -> Option<ExtractResult> {
    let options = Options {
        include_tables: true,
        ..Options::default()
    };
    let first = rs_trafilatura::extract_with_options(html, &options).ok()?;
    let result = if warned(&first, MERGED_BLOCKS_WARNING)
        && first.metadata.page_type.as_deref() == Some("article")
    {
        // The profile the library gives pages of one category is the article's without the merge.
        let one_block = Options {
            page_type: Some(PageType::Category),
            ..options
        };
        read_again(html, &one_block, first)
    } else if warned(&first, STRUCTURED_BODY_WARNING) && repeats_itself(&first.content_text) {
        read_again(&without_structured_data(html), &options, first)
    } else {
        first
    };
    (!result.content_text.trim().is_empty()).then_some(result)
}

fn warned(result: &ExtractResult, warning: &str) -> bool {
    result
        .warnings
        .iter()
        .any(|given| given.starts_with(warning))
}

/// `first` with the text of a second reading of `html`, when that finds any.
fn read_again(html: &str, options: &Options, first: ExtractResult) -> ExtractResult {
    match rs_trafilatura::extract_with_options(html, options) {
        Ok(again) if !again.content_text.trim().is_empty() => ExtractResult {
            content_text: again.content_text,
            content_html: again.content_html,
            warnings: again.warnings,
            ..first
        },
        _ => first,
    }
}

/// Whether more than a quarter of `text` is long sentences it has already said.
fn repeats_itself(text: &str) -> bool {
    let mut seen = HashSet::new();
    let mut repeated = 0usize;
    let sentences = text
        .split(['.', '!', '?', '\n'])
        .map(str::trim)
        .filter(|sentence| sentence.chars().count() >= REPEATED_SENTENCE_MIN_CHARS);
    for sentence in sentences {
        if !seen.insert(sentence) {
            repeated += sentence.len();
        }
    }
    repeated as f64 > text.len() as f64 * REPEATED_SHARE_MAX
}

/// The page without its JSON-LD blocks, so that the library reads the article as shown.
fn without_structured_data(html: &str) -> String {
    let mut document = Html::parse_document(html);
    let Ok(structured) = Selector::parse(r#"script[type="application/ld+json"]"#) else {
        return html.to_owned();
    };
    let blocks: Vec<_> = document
        .select(&structured)
        .map(|block| block.id())
        .collect();
    for id in blocks {
        if let Some(mut node) = document.tree.get_mut(id) {
            node.detach();
        }
    }
    document.html()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_that_says_its_sentences_again_repeats_itself() {
        let once = "Forty cluster managers met in Warsaw on 3 May to compare their strategies. \
                    They agreed on a joint roadmap for hydrogen valleys in the region. ";
        assert!(!repeats_itself(once));
        assert!(repeats_itself(&once.repeat(3)));
        // A short sentence said twice ("Thank you.") is not a repeated body.
        assert!(!repeats_itself(&format!("{once}Thank you. Thank you.")));
    }
}
