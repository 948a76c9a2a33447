//! Small text helpers shared by the stages: words, slugs, summaries and how deeply Markdown
//! and HTML nest. Kept here so no stage reaches into another.

use std::borrow::Cow;

/// The words of a text: runs of letters, digits, hyphens and apostrophes inside words,
/// lower-cased. "Gold-Label clusters' 6500" → ["gold-label", "clusters", "6500"].
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(str::to_lowercase)
}

/// Lower-case letters and digits only, for comparing texts that differ in punctuation.
pub(crate) fn comparable(text: &str) -> String {
    comparable_chars(text).collect()
}

/// The characters of `comparable`, one by one.
pub(crate) fn comparable_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Appends `word` lower-cased to `out`, without an allocation of its own for ASCII words
/// (most of any text): for loops that lower-case every word of a report into one buffer.
pub(crate) fn push_lowercase(out: &mut String, word: &str) {
    let at = out.len();
    if word.is_ascii() {
        out.push_str(word);
        out[at..].make_ascii_lowercase();
    } else {
        out.push_str(&lowercase(word));
    }
}

/// `text` lower-cased, borrowed when it already is, as most words of running text are.
pub(crate) fn lowercase(text: &str) -> Cow<'_, str> {
    // Most words are ASCII, whose lower case needs no Unicode tables.
    if text.is_ascii() {
        return if text.bytes().any(|byte| byte.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        };
    }
    let unchanged = |c: char| {
        let mut lower = c.to_lowercase();
        lower.len() == 1 && lower.next() == Some(c)
    };
    if text.chars().all(unchanged) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// The words of a text as written (not lower-cased).
pub(crate) fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|word| word.trim_matches(|c: char| c == '-' || c == '\'' || c == '’'))
        .filter(|word| !word.is_empty())
}

/// The run of letters a text ends with ("available here:" → "", "Ing. Josef" → "Josef").
pub(crate) fn last_word(text: &str) -> &str {
    text.rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
}

/// A URL slug: ASCII lower-case words joined by hyphens ("Spotkanie 50 Gold-Label" →
/// "spotkanie-50-gold-label"), at most `max_len` bytes, cut at a word.
pub(crate) fn slugify(text: &str, max_len: usize) -> String {
    let full = slug::slugify(text);
    if full.len() <= max_len {
        return full;
    }
    let mut out = String::new();
    for part in full.split('-') {
        if !out.is_empty() && out.len() + 1 + part.len() > max_len {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    if out.is_empty() {
        full[..max_len].trim_end_matches('-').to_owned()
    } else {
        out
    }
}

/// How long a summary may be, in characters.
pub(crate) const SUMMARY_LIMIT: usize = 160;

/// The first sentences of a text, up to about 160 characters, cut at a word: what a meta
/// description or a list entry shows. Only the start of the text is read.
pub(crate) fn summarise(text: &str) -> String {
    // The words until the text is known to be too long; the cut is made among them.
    let mut start = String::new();
    let mut length = 0;
    let mut too_long = false;
    for word in text.split_whitespace() {
        let added = word.chars().count() + usize::from(!start.is_empty());
        if length + added > SUMMARY_LIMIT {
            too_long = true;
            break;
        }
        if !start.is_empty() {
            start.push(' ');
        }
        start.push_str(word);
        length += added;
    }
    if !too_long {
        return start;
    }
    let mut out = String::new();
    let mut out_length = 0;
    for word in start.split(' ') {
        let word_length = word.chars().count();
        if out_length + word_length + 1 > SUMMARY_LIMIT - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            out_length += 1;
        }
        out.push_str(word);
        out_length += word_length;
    }
    out.push('…');
    out
}

/// Elements that never nest (void) or that a parser closes by itself when the next one
/// opens (`<p>`, `<li>`, cells): they add no depth, however a page writes them.
const FLAT_ELEMENTS: [&[u8]; 32] = [
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"rb",
    b"rt",
    b"rp",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"html",
];

/// The depth HTML reaches once it nests elements deeper than `max`, if it does: start tags
/// count up, end tags down; void, self-closing (`/>`) and self-closing-by-parser elements
/// (`p`, `li`, ...) do not count. A cheap scan, no parse: HTML parsers and minifiers spend
/// time or stack in proportion to the depth (html5ever checks scopes against every open
/// element, minify-html recurses), so pages and seeds are measured before they see them.
pub(crate) fn html_nesting_beyond(html: &[u8], max: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &html[at..]) {
        let tag = &html[at + offset + 1..];
        at += offset + 1;
        if tag.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        // `<!doctype`, `<!--`, and text such as `a < b` are not start tags.
        if !tag.first().is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = tag
            .iter()
            .position(|b| !b.is_ascii_alphanumeric() && *b != b'-')
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        let self_closing =
            memchr::memchr(b'>', tag).is_some_and(|end| end > 0 && tag[end - 1] == b'/');
        if self_closing
            || FLAT_ELEMENTS
                .iter()
                .any(|flat| name.eq_ignore_ascii_case(flat))
        {
            continue;
        }
        depth += 1;
        if depth > max {
            return Some(depth);
        }
    }
    None
}

/// The first line (0-based) of a Markdown text whose block quotes and lists nest deeper
/// than `max`, and its depth. The depth of a line is read from its start, as Markdown reads
/// containers: each `>` and list marker opens one, and two spaces of indentation stand for
/// a list level opened on an earlier line. Used on reports (an error) and Markdown seeds
/// (skipped), so ingest never writes a report the build would refuse.
pub(crate) fn markdown_nesting_beyond(markdown: &str, max: usize) -> Option<(usize, usize)> {
    markdown
        .lines()
        .map(container_depth)
        .enumerate()
        .find(|&(_, depth)| depth > max)
}

/// The containers a Markdown line opens or continues, counted from its start.
fn container_depth(line: &str) -> usize {
    let (mut depth, mut spaces, mut opened) = (0, 0, false);
    let mut rest = line;
    loop {
        if let Some(after) = rest.strip_prefix('>') {
            depth += 1;
            opened = true;
            rest = after;
        } else if let Some(after) = rest.strip_prefix(' ') {
            if !opened {
                spaces += 1;
            }
            rest = after;
        } else if let Some(after) = ["- ", "* ", "+ "]
            .iter()
            .find_map(|marker| rest.strip_prefix(marker))
        {
            depth += 1;
            opened = true;
            rest = after;
        } else {
            return depth + spaces / 2;
        }
    }
}

/// The first line (1-based) longer than `max` bytes, and where it is in `bytes`. Line ends
/// are found with memchr: every content file and seed of a build passes through here.
pub(crate) fn first_line_longer_than(
    bytes: &[u8],
    max: usize,
) -> Option<(usize, std::ops::Range<usize>)> {
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    let mut start = 0;
    for (index, end) in ends.enumerate() {
        if end - start > max {
            return Some((index + 1, start..end));
        }
        start = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_depth_counts_quotes_markers_and_list_indentation() {
        assert_eq!(container_depth("Plain text"), 0);
        assert_eq!(container_depth("> > quoted twice"), 2);
        assert_eq!(container_depth("- item"), 1);
        assert_eq!(container_depth("    - nested item"), 3);
        assert_eq!(container_depth(&">".repeat(500)), 500);
        assert_eq!(container_depth(&"- ".repeat(70)), 70);
    }

    #[test]
    fn finds_the_first_line_over_the_limit() {
        assert_eq!(first_line_longer_than(b"ab\ncdef\ngh", 3), Some((2, 3..7)));
        assert_eq!(first_line_longer_than(b"ab\ncd\nefgh", 3), Some((3, 6..10)));
        assert_eq!(first_line_longer_than(b"ab\ncd\n", 3), None);
        assert_eq!(first_line_longer_than(b"", 0), None);
    }

    #[test]
    fn html_nesting_counts_elements_that_nest() {
        let page =
            b"<!doctype html><html><body><div><p>a<p>b<br><img src=x /><ul><li>x<li>y</ul></div>";
        assert_eq!(html_nesting_beyond(page, 3), None);
        assert_eq!(html_nesting_beyond(page, 2), Some(3));
        let deep = "<blockquote><ul><li>".repeat(600);
        assert_eq!(html_nesting_beyond(deep.as_bytes(), 1000), Some(1001));
        assert_eq!(html_nesting_beyond(b"a < b and <3 and </b>", 0), None);
    }

    #[test]
    fn lowercase_borrows_only_what_is_already_lower_case() {
        for word in [
            "cluster", "Cluster", "ŁÓDŹ", "ǅemal", "ΟΔΟΣ", "straße", "İzmir",
        ] {
            assert_eq!(lowercase(word), word.to_lowercase(), "{word}");
        }
        assert!(matches!(lowercase("gdańsk"), Cow::Borrowed(_)));
        assert!(matches!(lowercase("Gdańsk"), Cow::Owned(_)));
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let found: Vec<String> = words("Gold-Label clusters' 6500, DG GROW’s (ECCP)").collect();
        assert_eq!(
            found,
            ["gold-label", "clusters", "6500", "dg", "grow’s", "eccp"]
        );
    }

    #[test]
    fn slugs_transliterate_and_stop_at_a_word() {
        assert_eq!(
            slugify("Spotkanie 50 Gold-Label Clusters", 80),
            "spotkanie-50-gold-label-clusters"
        );
        assert_eq!(
            slugify(
                "Europäische Cluster-Zusammenarbeit: „Mission Wachstum für Brüssel“",
                80
            ),
            "europaische-cluster-zusammenarbeit-mission-wachstum-fur-brussel"
        );
        assert_eq!(slugify("Łódź Świętokrzyskie", 80), "lodz-swietokrzyskie");
        assert_eq!(slugify("one two three four", 9), "one-two");
    }

    #[test]
    fn summaries_stop_at_a_word_near_160_characters() {
        let summary = summarise(&"word ".repeat(100));
        assert!(summary.chars().count() <= 160);
        assert!(summary.ends_with("word…"));
        assert_eq!(summarise(" Short \n text. "), "Short text.");
    }
}
