//! Text normalisation: what every raw report goes through before its structure is read.
//! Line ends, Unicode composition, the many spaces and invisible characters of copied web
//! pages, the private-use bullet glyphs of PDF fonts, and odd quote and dash characters.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// One source line after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based line number in the source file.
    pub(crate) number: usize,
    /// The text without surrounding whitespace.
    pub(crate) text: String,
    /// Whether the source line started with whitespace (a text-box boundary in PDF text).
    pub(crate) indented: bool,
    /// Whether the line has a wide gap between words: two columns, as in the running
    /// headers and footers of PDF pages.
    pub(crate) gap: bool,
}

/// The bullet every recognised bullet glyph becomes.
pub(crate) const BULLET: char = '•';

/// Normalises a whole text: NFC, `\n` line ends, plain spaces, no invisible characters,
/// bullet glyphs from symbol fonts mapped to `•`, look-alike quotes and dashes unified.
pub(crate) fn normalise(raw: &str) -> String {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let mut out = String::with_capacity(text.len());
    // Most text is composed already (ASCII always is); recomposing it costs more than all
    // the rest here.
    if text.is_ascii()
        || unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        push_normalised(&mut out, &text);
    } else {
        let composed: String = text.nfc().collect();
        push_normalised(&mut out, &composed);
    }
    out
}

/// Pushes composed text to `out`, normalised. Runs of printable ASCII, most of any text,
/// are copied whole; other characters are looked at one by one.
fn push_normalised(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let plain = rest
            .bytes()
            .position(|byte| !(byte.is_ascii_graphic() || byte == b' ' || byte == b'\n'))
            .unwrap_or(rest.len());
        out.push_str(&rest[..plain]);
        rest = &rest[plain..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            push_normalised_char(out, c);
            rest = chars.as_str();
        }
    }
}

/// Pushes one character, normalised.
fn push_normalised_char(out: &mut String, c: char) {
    match c {
        '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => {
            out.push(' ');
        }
        '\u{00ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
        // Symbol and Wingdings fonts put their bullets in the private use area.
        '\u{f000}'..='\u{f0ff}'
        | '\u{2022}'
        | '\u{25aa}'
        | '\u{25cf}'
        | '\u{25e6}'
        | '\u{2023}'
        | '\u{2043}'
        | '\u{25a0}'
        | '\u{25a1}'
        | '\u{27a2}'
        | '\u{2713}'
        | '\u{2714}' => out.push(BULLET),
        '\u{02ba}' | '\u{2033}' | '\u{02dd}' | '\u{ff02}' => out.push('"'),
        '\u{02b9}' | '\u{2032}' | '\u{ff07}' => out.push('\''),
        '\u{2010}' | '\u{2011}' => out.push('-'),
        '\u{2012}' | '\u{2015}' => out.push('–'),
        c if c.is_control() && c != '\n' => {}
        c => out.push(c),
    }
}

/// Splits normalised text into lines, trimmed, numbered from 1.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .map(|(index, line)| {
            let (collapsed, widest_space) = collapse_spaces(line.trim());
            Line {
                number: index + 1,
                indented: line.starts_with(' ') && !collapsed.is_empty(),
                gap: widest_space >= 4,
                text: collapsed,
            }
        })
        .collect()
}

/// Runs of spaces become one space; also says how long the longest run was.
fn collapse_spaces(text: &str) -> (String, usize) {
    let (mut widest, mut run) = (0, 0);
    for &byte in text.as_bytes() {
        run = if byte == b' ' { run + 1 } else { 0 };
        widest = widest.max(run);
    }
    if widest <= 1 {
        // Most lines: nothing to collapse.
        return (text.to_owned(), widest);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(' ') {
        out.push_str(&rest[..at]);
        let run = rest[at..].bytes().take_while(|&byte| byte == b' ').count();
        out.push(' ');
        rest = &rest[at + run..];
    }
    out.push_str(rest);
    (out, widest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_spaces_line_ends_and_glyphs() {
        let raw = "\u{feff}A\u{00a0}b\r\n\u{f0a7} item\r\nsoft\u{00ad}hyphen ʺquotedʺ";
        assert_eq!(normalise(raw), "A b\n• item\nsofthyphen \"quoted\"");
    }

    #[test]
    fn composes_unicode() {
        assert_eq!(normalise("Bru\u{0308}ssel"), "Brüssel");
    }

    #[test]
    fn lines_are_trimmed_numbered_and_remember_indentation() {
        let found = lines("a  b\n  Session 1:\n\n");
        assert_eq!(
            found[0],
            Line {
                number: 1,
                text: "a b".into(),
                indented: false,
                gap: false
            }
        );
        assert_eq!(
            found[1],
            Line {
                number: 2,
                text: "Session 1:".into(),
                indented: true,
                gap: false
            }
        );
        assert!(!found[2].indented);
    }
}
