//! The page's links as evidence about its lines: a line that is the whole text of a link
//! names another page, and a run of them is a list of other pages (related stories, "more
//! news", a blogroll) rather than the article; so is a label before another page's linked
//! headline ("Read more: …") and a line made of links alone (tags, share buttons).

use std::collections::HashSet;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Selector};

use super::dom::collapse;

/// Lines in a run of link titles from which the run is a list of other pages: one or two
/// are as often a link inside the article ("Read the agenda").
const LINK_LIST_MIN_LINES: usize = 3;

/// Words of a label before a linked headline ("Read more:", "Related post:").
const POINTER_LABEL_MAX_WORDS: usize = 3;
/// Words from which a link's text is another page's headline rather than a label of the
/// article's own ("Download", "the agenda").
const HEADLINE_MIN_WORDS: usize = 4;

/// Levels inside a link whose elements' texts count as its titles: a teaser link holds its
/// headline a level or two down.
const LINK_PART_MAX_DEPTH: usize = 3;
/// Words of a label before a line of links ("Tags", "Filed under").
const LINK_LINE_LABEL_MAX_WORDS: usize = 2;
/// Words of one link's text looked for in a line of links.
const LINK_MAX_WORDS: usize = 8;
/// Characters that part the links of one line ("china , plague", "A | B", "A • B").
const LINK_SEPARATORS: &[char] = &[',', '|', '•', '·'];

/// The text of every link on the page, whitespace collapsed: its whole text, its `title`,
/// and the text of each element inside it, as a teaser link holds the headline beside its
/// byline and date.
pub(super) fn link_titles(document: &Html) -> HashSet<String> {
    let Ok(selector) = Selector::parse("a") else {
        return HashSet::new();
    };
    document
        .select(&selector)
        .flat_map(|link| {
            link_parts(link)
                .into_iter()
                .chain(link.value().attr("title").map(collapse))
        })
        .filter(|title| !title.is_empty())
        .collect()
}

/// The text of `link` and of each element inside it down to `LINK_PART_MAX_DEPTH` levels,
/// so that however deep a link nests, each of its words is read a few times at most.
fn link_parts(link: ElementRef<'_>) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    for edge in link.traverse() {
        match edge {
            Edge::Open(node) => {
                if let Some(element) = ElementRef::wrap(node)
                    && depth <= LINK_PART_MAX_DEPTH
                {
                    parts.push(collapse(&element.text().collect::<String>()));
                }
                depth += 1;
            }
            Edge::Close(_) => depth -= 1,
        }
    }
    parts
}

/// A line as a link's text would read: without the list item's dash.
pub(super) fn line_text(line: &str) -> &str {
    line.trim().trim_start_matches("- ")
}

/// Whether `line` points to another page: a short label, a colon and another page's linked
/// headline ("Read more: Cluster managers meet in Lyon", "[Related: …]").
fn points_elsewhere(line: &str, links: &HashSet<String>) -> bool {
    let line = line_text(line)
        .trim_start_matches('[')
        .trim_end_matches(']');
    line.split_once(':').is_some_and(|(label, headline)| {
        let headline = headline.trim();
        label.split_whitespace().count() <= POINTER_LABEL_MAX_WORDS
            && headline.split_whitespace().count() >= HEADLINE_MIN_WORDS
            && links.contains(headline)
    })
}

/// Whether `line` is nothing but two or more links, after a short label: a line of tags
/// ("Tags Kristi Noem South Dakota", "Filed under china , plague") or share buttons.
fn is_made_of_links(line: &str, links: &HashSet<String>) -> bool {
    let words: Vec<&str> = line_text(line)
        .split(|c: char| c.is_whitespace() || LINK_SEPARATORS.contains(&c))
        .filter(|word| !word.is_empty())
        .collect();
    (0..=LINK_LINE_LABEL_MAX_WORDS)
        .any(|label| label < words.len() && links_spanning(&words[label..], links) >= 2)
}

/// How many links, at most, make up `words` one after another; 0 if they do not.
fn links_spanning(words: &[&str], links: &HashSet<String>) -> usize {
    // most[i]: the most links that make up words[..i], if any do.
    let mut most: Vec<Option<usize>> = vec![None; words.len() + 1];
    most[0] = Some(0);
    for start in 0..words.len() {
        let Some(before) = most[start] else {
            continue;
        };
        for end in start + 1..=words.len().min(start + LINK_MAX_WORDS) {
            if links.contains(&words[start..end].join(" ")) {
                most[end] = most[end].max(Some(before + 1));
            }
        }
    }
    most[words.len()].unwrap_or(0)
}

/// `text` without what points to other pages: lines that label another page's linked
/// headline or are made of links, and lists of links (`link_lists`). A text made of
/// nothing else is left as it is: whether the page is a listing is decided elsewhere.
pub(super) fn without_links_elsewhere(text: &str, links: &HashSet<String>) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut keep: Vec<bool> = lines
        .iter()
        .map(|line| !points_elsewhere(line, links) && !is_made_of_links(line, links))
        .collect();
    for list in link_lists(&lines, links) {
        keep[list].fill(false);
    }
    let kept: Vec<&str> = lines
        .iter()
        .zip(&keep)
        .filter(|&(_, &keep)| keep)
        .map(|(line, _)| *line)
        .collect();
    if kept.iter().all(|line| line.trim().is_empty()) {
        return text.to_owned();
    }
    let mut out = kept.join("\n");
    out.push('\n');
    out
}

/// The runs of at least `LINK_LIST_MIN_LINES` lines that are each the whole text of one of
/// `links`, from the first link title to the last (blank lines between them belong to the
/// run).
fn link_lists(lines: &[&str], links: &HashSet<String>) -> Vec<std::ops::RangeInclusive<usize>> {
    let is_link = |line: &str| links.contains(line_text(line));
    let mut lists = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        if !is_link(lines[start]) {
            start += 1;
            continue;
        }
        let mut end = start;
        let mut last_link = start;
        let mut count = 0;
        while end < lines.len() && (is_link(lines[end]) || lines[end].trim().is_empty()) {
            if is_link(lines[end]) {
                count += 1;
                last_link = end;
            }
            end += 1;
        }
        if count >= LINK_LIST_MIN_LINES {
            lists.push(start..=last_link);
        }
        start = end;
    }
    lists
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(titles: &[&str]) -> HashSet<String> {
        titles.iter().map(|&title| title.to_owned()).collect()
    }

    #[test]
    fn a_run_of_link_titles_is_a_list_of_other_pages() {
        let related = links(&[
            "Hydrogen valley opens in Groningen",
            "Cluster managers meet in Lyon",
            "New board for the mobility cluster",
        ]);
        let text = "Forty cluster managers met in Warsaw.\n\n\
                    Hydrogen valley opens in Groningen\n\n\
                    - Cluster managers meet in Lyon\n\
                    - New board for the mobility cluster\n";
        assert_eq!(
            without_links_elsewhere(text, &related),
            "Forty cluster managers met in Warsaw.\n\n"
        );
    }

    #[test]
    fn a_link_s_title_and_the_headline_inside_it_are_its_titles() {
        let page = Html::parse_document(
            r#"<body><a href="/a" title="Board elected"><span>Cluster managers meet in Lyon</span>
            <ul><li>By the editors</li><li>11/20/2019</li></ul></a></body>"#,
        );
        let titles = link_titles(&page);
        for title in [
            "Board elected",
            "Cluster managers meet in Lyon",
            "By the editors",
        ] {
            assert!(titles.contains(title), "{title}");
        }
    }

    #[test]
    fn one_or_two_links_in_the_article_stay() {
        let agenda = links(&[
            "Read the agenda",
            "Register here",
            "Cluster managers meet in Lyon",
        ]);
        let text = "The forum opens on 3 May.\n\nRead the agenda\n\nRegister here\n\n\
                    The forum ends on 4 May.\n\nCluster managers meet in Lyon\n";
        assert_eq!(without_links_elsewhere(text, &agenda), text);
    }

    #[test]
    fn a_label_before_another_page_s_headline_points_elsewhere() {
        let related = links(&["Cluster managers meet in Lyon", "the agenda"]);
        let text = "The forum opens on 3 May.\n\nRead more: Cluster managers meet in Lyon\n\n\
                    [Related: Cluster managers meet in Lyon]\n\nProgramme: the agenda\n";
        assert_eq!(
            without_links_elsewhere(text, &related),
            "The forum opens on 3 May.\n\n\n\nProgramme: the agenda\n"
        );
    }

    #[test]
    fn a_line_of_nothing_but_links_is_tags_or_buttons() {
        let tags = links(&["Kristi Noem", "South Dakota", "china", "plague", "Facebook"]);
        let text = "Tags Kristi Noem South Dakota\nFiled under china , plague\n\
                    Share: Facebook | South Dakota\nKristi Noem visited South Dakota.\n\
                    Kristi Noem\n";
        assert_eq!(
            without_links_elsewhere(text, &tags),
            "Kristi Noem visited South Dakota.\nKristi Noem\n"
        );
    }

    #[test]
    fn a_text_of_nothing_but_links_is_left_to_the_listing_check() {
        let all = links(&["One", "Two", "Three"]);
        let text = "One\nTwo\nThree\n";
        assert_eq!(without_links_elsewhere(text, &all), text);
    }
}
