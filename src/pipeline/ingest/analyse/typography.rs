//! Typography for cleaned reports: straight double quotes become the quotation marks of the
//! report's language („…“ in German, „…” in Polish, « … » in French, “…” in English), a
//! spaced hyphen between words becomes a dash, and an apostrophe inside a word becomes ’.

use std::borrow::Cow;

/// Opening and closing quotation marks of a language (primary level).
fn quotes(lang: &str) -> (&'static str, &'static str) {
    match lang {
        "de" | "cs" | "sk" | "sl" | "bg" | "lt" | "et" | "is" => ("„", "“"),
        "pl" | "hu" | "ro" | "hr" => ("„", "”"),
        "fr" => ("«\u{a0}", "\u{a0}»"),
        "es" | "it" | "pt" | "el" | "ca" | "ru" | "uk" | "nb" | "no" => ("«", "»"),
        "da" => ("»", "«"),
        "sv" | "fi" => ("”", "”"),
        _ => ("“", "”"),
    }
}

/// Applies the typography of `lang` to a block of text.
pub(crate) fn typeset(text: &str, lang: &str) -> String {
    // Most blocks need none of the changes: each step copies only when it has work to do.
    let mut out = straight_quotes(text, lang);
    if out.contains(" -") {
        out = Cow::Owned(out.replace(" - ", " – ").replace(" -- ", " – "));
    }
    if out.contains('\'') {
        out = Cow::Owned(apostrophes(&out));
    }
    out.into_owned()
}

/// Pairs of `"` become quotation marks; an unpaired one stays as it is.
fn straight_quotes<'t>(text: &'t str, lang: &str) -> Cow<'t, str> {
    let count = text.matches('"').count();
    if count < 2 {
        return Cow::Borrowed(text);
    }
    let (open, close) = quotes(lang);
    let pairs = count / 2;
    let mut out = String::with_capacity(text.len() + 8);
    let mut seen = 0;
    for c in text.chars() {
        if c == '"' && seen < pairs * 2 {
            out.push_str(if seen % 2 == 0 { open } else { close });
            seen += 1;
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// "didn't" → "didn’t": only between two letters, so quotes and primes stay.
fn apostrophes(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(index, &c)| {
            let between_letters = index > 0
                && chars[index - 1].is_alphabetic()
                && chars
                    .get(index + 1)
                    .is_some_and(|next| next.is_alphabetic());
            if c == '\'' && between_letters {
                '’'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_follow_the_language() {
        let text = r#"Mission "Wachstum" für "Brüssel""#;
        assert_eq!(typeset(text, "de"), "Mission „Wachstum“ für „Brüssel“");
        assert_eq!(
            typeset(r#"certyfikat "Gold-Label""#, "pl"),
            "certyfikat „Gold-Label”"
        );
        assert_eq!(
            typeset(r#"le label "Gold""#, "fr"),
            "le label «\u{a0}Gold\u{a0}»"
        );
        assert_eq!(
            typeset(r#"the "must do" areas"#, "en"),
            "the “must do” areas"
        );
        assert_eq!(
            typeset(r#"an unpaired " stays"#, "en"),
            r#"an unpaired " stays"#
        );
    }

    #[test]
    fn dashes_and_apostrophes() {
        assert_eq!(
            typeset("CLUSTERO - The Romanian association didn't", "en"),
            "CLUSTERO – The Romanian association didn’t"
        );
        assert_eq!(
            typeset("Gold-Label 'quoted' 5'", "en"),
            "Gold-Label 'quoted' 5'"
        );
    }
}
