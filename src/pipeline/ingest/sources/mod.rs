//! Reading `seeds/`: every raw report file, in name order, as a [`Seed`] of its kind (text,
//! Markdown, or a saved web page, whose main text [`web_page`] takes out). Text in a legacy
//! encoding is decoded with the detector Firefox uses (chardetng) and said so in a warning;
//! a file that cannot be a report (empty, binary, too large, not a known type) is skipped
//! with a warning naming it, and the others go on.

pub(crate) mod web_page;

use std::path::Path;

use encoding_rs::Encoding;

use crate::diagnostics::{Diagnostic, Location, SourceLine};
use crate::diagnostics::{Error, IoContext, Result};

/// The kinds of raw report ingest reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SeedKind {
    /// Text copied from a web page or a PDF (`.txt`): cleaned and structured.
    Text,
    /// A report written in Markdown (`.md`): kept as its author wrote it.
    Markdown,
    /// A saved web page (`.html`): its main text is extracted, then cleaned.
    Html,
}

impl SeedKind {
    /// The kind of a file, from its extension.
    pub(crate) fn of(path: &std::path::Path) -> Option<SeedKind> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(SeedKind::Text),
            "md" | "markdown" => Some(SeedKind::Markdown),
            "html" | "htm" => Some(SeedKind::Html),
            _ => None,
        }
    }
}

/// A raw report read from `seeds/`.
#[derive(Debug, Clone)]
pub(crate) struct Seed {
    /// Path relative to the site root, with `/` separators (`seeds/x.txt`).
    pub(crate) path: String,
    /// Its text, decoded.
    pub(crate) text: String,
    /// What kind of file it is.
    pub(crate) kind: SeedKind,
}

/// The folder of raw reports in a site.
pub const SEEDS_DIR: &str = "seeds";

/// Larger files are not one report (a whole export, a data dump): they are skipped.
const MAX_SEED_BYTES: u64 = 16 * 1024 * 1024;

/// A line longer than this is not a paragraph someone wrote (a data blob, minified text):
/// a long paragraph is a few KB.
const MAX_LINE_BYTES: usize = 64 * 1024;

/// Seeds that could be read, and warnings for those that could not.
pub(crate) struct Seeds {
    pub(crate) seeds: Vec<Seed>,
    pub(crate) warnings: Vec<Diagnostic>,
}

/// How deeply a saved web page may nest elements (real pages: a few dozen). The HTML
/// parser checks scopes against every open element, so time grows with the square of the
/// depth: 90,000 levels took 11 s.
const MAX_HTML_DEPTH: usize = 1000;

/// Reads every seed file under `root/seeds`.
pub(crate) fn read_seeds(root: &Path) -> Result<Seeds> {
    let dir = root.join(SEEDS_DIR);
    let mut found = Seeds {
        seeds: Vec::new(),
        warnings: Vec::new(),
    };
    if !dir.is_dir() {
        return Ok(found);
    }
    for entry in crate::util::walk::visible(&dir, 1, usize::MAX) {
        let entry = entry?;
        if !entry.file_type().is_file() {
            continue;
        }
        match read(root, entry.path()) {
            Ok((seed, note)) => {
                if let Some(note) = note {
                    found.warnings.push(note);
                }
                found.seeds.push(seed);
            }
            Err(Error::Invalid(problems)) => found.warnings.extend(
                problems
                    .into_iter()
                    .map(|problem| problem.downgraded("skipped")),
            ),
            Err(error) => return Err(error),
        }
    }
    Ok(found)
}

/// Reads one seed file (also for `--explain`): the seed and, when its encoding had to be
/// guessed or repaired, a warning saying so.
pub(crate) fn read(root: &Path, file: &Path) -> Result<(Seed, Option<Diagnostic>)> {
    let full = if file.is_absolute() || file.exists() {
        file.to_owned()
    } else {
        root.join(file)
    };
    let shown = crate::util::walk::relative(root, &full);
    let refuse = |message: String, hint: &str| {
        Error::invalid(Diagnostic::error(message).in_file(&shown).hint(hint))
    };
    let kind = SeedKind::of(&full).ok_or_else(|| {
        refuse(
            "not a report file (.txt, .md or .html)".to_owned(),
            "seeds are text (.txt), Markdown (.md) or saved web pages (.html)",
        )
    })?;
    let size = std::fs::metadata(&full).at_path(&full)?.len();
    if size > MAX_SEED_BYTES {
        return Err(refuse(
            format!(
                "the file is {} MB, too large to be one report",
                size / (1024 * 1024)
            ),
            "split it into one file per report",
        ));
    }
    let bytes = std::fs::read(&full).at_path(&full)?;
    let decoded =
        decode(&bytes).map_err(|why| refuse(why.to_owned(), "a seed is the text of one report"))?;
    // A saved web page may be minified onto one line; its text is extracted by element.
    if kind == SeedKind::Html {
        if let Some(depth) =
            crate::util::text::html_nesting_beyond(decoded.text.as_bytes(), MAX_HTML_DEPTH)
        {
            return Err(refuse(
                format!(
                    "the page nests elements {depth} levels deep, more than the {MAX_HTML_DEPTH} a saved page may"
                ),
                "save the page again from a browser; a page nesting this deep is broken or made to stall parsers",
            ));
        }
    } else {
        refuse_long_line(&decoded.text, &shown)?;
    }
    if kind == SeedKind::Markdown {
        let limit = crate::pipeline::content::format::MAX_BODY_NESTING;
        if let Some((line, depth)) =
            crate::util::text::markdown_nesting_beyond(&decoded.text, limit)
        {
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "quotes and lists nest {depth} levels deep here, more than the {limit} a report may"
                ))
                .at(Location::in_source(&shown, &decoded.text, line + 1, 1))
                .hint("flatten the quotes or lists; the build would refuse the report"),
            ));
        }
    }
    let note = decoded.note.map(|note| {
        Diagnostic::warning(note)
            .in_file(&shown)
            .hint("check the report's text; save seeds as UTF-8 to be sure")
    });
    let seed = Seed {
        path: shown.to_string_lossy().replace('\\', "/"),
        text: decoded.text,
        kind,
    };
    Ok((seed, note))
}

/// Refuses text with a line too long to be a paragraph, naming the line.
fn refuse_long_line(text: &str, shown: &Path) -> Result<()> {
    let Some((number, span)) =
        crate::util::text::first_line_longer_than(text.as_bytes(), MAX_LINE_BYTES)
    else {
        return Ok(());
    };
    // Lines end at `\n`, so the span lies on character boundaries.
    let line = &text[span];
    let preview: String = line.chars().take(60).collect();
    let location = Location {
        path: shown.to_owned(),
        line: number,
        column: 1,
        source_line: Some(SourceLine {
            text: format!("{preview}…").into(),
            caret: 1,
        }),
    };
    Err(Error::invalid(
        Diagnostic::error(format!(
            "line {} is {} KB long, more than a paragraph ({} KB at most)",
            number,
            line.len() / 1024,
            MAX_LINE_BYTES / 1024
        ))
        .at(location)
        .hint("if this is a report, break its text into paragraphs; a data or minified file does not belong in seeds/"),
    ))
}

/// Decoded text and what had to be done to get it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    note: Option<String>,
}

/// The text of a seed, or why it is not one.
pub(crate) fn decode(bytes: &[u8]) -> std::result::Result<Decoded, &'static str> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty");
    }
    let plain = |text: String| Decoded { text, note: None };
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return check_text(plain(text.into_owned()));
    }
    if bytes.contains(&0) {
        return Err("the file is binary, not text");
    }
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => plain(text.to_owned()),
        // Valid up to a character cut off at the end: a truncated file.
        Err(error) if error.error_len().is_none() => Decoded {
            text: String::from_utf8_lossy(&bytes[..error.valid_up_to()]).into_owned(),
            note: Some("the file ends in the middle of a character (truncated UTF-8); that character was dropped".to_owned()),
        },
        Err(_) => {
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, _, had_errors) = encoding.decode(bytes);
            let repaired = if had_errors { ", with unreadable bytes replaced" } else { "" };
            Decoded {
                text: text.into_owned(),
                note: Some(format!("the file is not UTF-8; it was decoded as {} (detected){repaired}", encoding.name())),
            }
        }
    };
    check_text(decoded)
}

/// How many control characters that are not whitespace a text has. Read byte by byte: the
/// controls are U+0000–U+001F and U+007F (one byte) and U+0080–U+009F (0xC2 and a second
/// byte), and U+0085 is whitespace.
fn controls(text: &str) -> usize {
    let bytes = text.as_bytes();
    let one_byte = bytes
        .iter()
        .filter(|&&byte| {
            (byte < 0x20 && !byte.is_ascii_whitespace() && byte != 0x0b) || byte == 0x7f
        })
        .count();
    // U+0080–U+009F need a 0xC2 lead byte, which few texts have at all.
    let two_bytes = if bytes.contains(&0xc2) {
        bytes
            .windows(2)
            .filter(|pair| pair[0] == 0xc2 && (0x80..=0x9f).contains(&pair[1]) && pair[1] != 0x85)
            .count()
    } else {
        0
    };
    one_byte + two_bytes
}

/// Refuses decoded "text" that is mostly control characters: a binary file.
fn check_text(decoded: Decoded) -> std::result::Result<Decoded, &'static str> {
    // Counting characters is needed only when there are controls to weigh.
    let controls = controls(&decoded.text);
    if controls > 0 && controls * 20 > decoded.text.chars().count().max(1) {
        return Err("the file is binary, not text");
    }
    if decoded.text.trim().is_empty() {
        return Err("the file is empty");
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_counted_as_unicode_counts_them() {
        let all: String = (0u32..0x250).filter_map(char::from_u32).collect();
        let expected = all
            .chars()
            .filter(|c| c.is_control() && !c.is_whitespace())
            .count();
        assert_eq!(controls(&all), expected);
        assert_eq!(controls("Brüssel\u{85}ok"), 0, "NEL is whitespace");
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert_eq!(decode(b" \n\t"), Err("the file is empty"));
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00"),
            Err("the file is binary, not text")
        );
        assert_eq!(
            decode(b"\x01\x02\x03\x04\x05 abc"),
            Err("the file is binary, not text")
        );
    }

    #[test]
    fn utf8_with_or_without_bom_is_read_as_is() {
        assert_eq!(decode("Zażółć".as_bytes()).unwrap().text, "Zażółć");
        assert_eq!(
            decode("\u{feff}Zażółć".as_bytes()).unwrap(),
            Decoded {
                text: "Zażółć".into(),
                note: None
            }
        );
    }

    #[test]
    fn legacy_encodings_are_detected_and_reported() {
        let cp1252 = b"Le caf\xe9 des clusters \xe0 Bruxelles a r\xe9uni les participants de l'\xe9v\xe9nement.";
        let decoded = decode(cp1252).unwrap();
        assert!(
            decoded.text.contains("café des clusters à Bruxelles"),
            "{}",
            decoded.text
        );
        assert!(decoded.note.unwrap().contains("windows-1252"));
        // Polish in ISO-8859-2 / windows-1250: "Spotkanie klastrów w Łodzi, zażółć gęślą jaźń"
        let latin2 = b"Spotkanie klastr\xf3w w \xa3odzi odby\xb3o si\xea w czwartek; uczestnicy om\xf3wili wsp\xf3\xb3prac\xea.";
        let decoded = decode(latin2).unwrap();
        assert!(
            decoded.text.contains("Łodzi") && decoded.text.contains("odbyło się"),
            "{}",
            decoded.text
        );
    }

    #[test]
    fn truncated_utf8_keeps_the_text_and_says_so() {
        let mut bytes = "Spotkanie w Łodzi".as_bytes().to_vec();
        bytes.extend_from_slice(&"ż".as_bytes()[..1]);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "Spotkanie w Łodzi");
        assert!(decoded.note.unwrap().contains("truncated"));
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Cluster meeting in Brussels".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Cluster meeting in Brussels");
    }
}
