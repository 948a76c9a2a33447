//! Language codes: the one type every stage uses to name a language, and what newsroom
//! knows about the 24 official EU languages (and a few neighbours) out of the box.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A BCP 47 language tag as used in file names, URLs and `hreflang`: a lower-case primary
/// language subtag, optionally followed by a region (`pt-BR`). At most six ASCII bytes,
/// kept inline with its length in the last of eight: a page, a group member and a term in
/// each language carry one, and copying or comparing it costs one machine word. Zero bytes
/// pad the tag, so tags compared as big-endian numbers order as their text does.
#[derive(Clone, Copy)]
pub struct LangCode {
    bytes: [u8; 8],
}

/// Why a string is not a language code newsroom accepts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a language code like `en`, `de` or `pt-BR`")]
pub struct BadLangCode(pub String);

/// What to do about a [`BadLangCode`], wherever one is written.
pub const LANG_CODE_HINT: &str =
    "use an ISO 639-1 code such as `en`, `de` or `pl`, with a region if needed (`pt-BR`)";

/// The ISO 639-1 languages: a two-letter code outside them is a typo (`ge` for `de`), not a
/// language, and would publish pages no browser or search engine can place. Three-letter
/// codes (ISO 639-2/3, thousands of them) are taken as written.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca \
    ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn \
    gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km \
    kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd \
    ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si \
    sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz \
    ve vi vo wa wo xh yi yo za zh zu";

/// A binary search of [`ISO_639_1`], sorted with a code every three bytes: every page asks
/// once per UI string (`t()` reads the page's language), so a scan of the list showed.
fn is_iso_639_1(code: &str) -> bool {
    let codes = ISO_639_1.as_bytes();
    let count = codes.len().div_ceil(3);
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = low + (high - low) / 2;
        match codes[3 * middle..3 * middle + 2].cmp(code.as_bytes()) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Languages that write every noun with a capital.
pub const NOUNS_CAPITALISED: &[&str] = &["de", "lb"];

impl LangCode {
    /// Parses and normalises a tag: `EN` → `en`, `pt_br` is refused (BCP 47 uses `-`).
    pub fn parse(text: &str) -> Result<Self, BadLangCode> {
        let bad = || BadLangCode(text.to_owned());
        let mut parts = text.split('-');
        let language = parts.next().ok_or_else(bad)?;
        if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic())
        {
            return Err(bad());
        }
        let mut code = language.to_ascii_lowercase();
        if code.len() == 2 && !is_iso_639_1(&code) {
            return Err(bad());
        }
        match (parts.next(), parts.next()) {
            (None, _) => {}
            (Some(region), None)
                if region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                code.push('-');
                code.push_str(&region.to_ascii_uppercase());
            }
            _ => return Err(bad()),
        }
        let mut bytes = [0; 8];
        bytes[..code.len()].copy_from_slice(code.as_bytes());
        // At most 3 + 1 + 2 bytes, as checked above.
        bytes[7] = code.len() as u8;
        Ok(LangCode { bytes })
    }

    /// The tag as one number (see the type's documentation).
    fn word(&self) -> u64 {
        u64::from_be_bytes(self.bytes)
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII letters and `-` are ever stored (see `parse`).
        std::str::from_utf8(&self.bytes[..usize::from(self.bytes[7])]).unwrap_or_default()
    }

    /// The primary language subtag (`pt` for `pt-BR`).
    pub fn primary(&self) -> &str {
        let tag = self.as_str();
        tag.split('-').next().unwrap_or(tag)
    }

    /// Whether the language writes every noun with a capital (German, Luxembourgish):
    /// there a capital marks a noun, not a name.
    pub fn capitalises_nouns(&self) -> bool {
        NOUNS_CAPITALISED.contains(&self.primary())
    }

    /// What newsroom knows about this language, if anything.
    pub fn known(&self) -> Option<&'static KnownLanguage> {
        KNOWN_LANGUAGES
            .iter()
            .find(|known| known.code == self.primary())
    }
}

impl fmt::Display for LangCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for LangCode {
    fn eq(&self, other: &Self) -> bool {
        self.word() == other.word()
    }
}

impl Eq for LangCode {}

impl PartialOrd for LangCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for LangCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.word().cmp(&other.word())
    }
}

impl std::hash::Hash for LangCode {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.word().hash(state);
    }
}

impl fmt::Debug for LangCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LangCode({:?})", self.as_str())
    }
}

impl Serialize for LangCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for LangCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        LangCode::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Text direction of a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left (Arabic, Hebrew, ...).
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn as_html(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A language newsroom knows: its ISO 639-1 code, its name in itself, and its direction.
#[derive(Debug)]
pub struct KnownLanguage {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// The language's name in the language itself (what a language switcher shows).
    pub endonym: &'static str,
    /// Whether it is one of the 24 official languages of the EU.
    pub official_eu: bool,
    /// Writing direction.
    pub direction: Direction,
    /// The locale its dates and numbers follow unless site.yaml says otherwise: European
    /// usage where CLDR's default is another continent's (`en` → `en-GB`, `pt` → `pt-PT`).
    pub default_locale: &'static str,
}

const fn eu(code: &'static str, endonym: &'static str) -> KnownLanguage {
    KnownLanguage {
        code,
        endonym,
        official_eu: true,
        direction: Direction::Ltr,
        default_locale: code,
    }
}

const fn eu_in(
    code: &'static str,
    endonym: &'static str,
    default_locale: &'static str,
) -> KnownLanguage {
    KnownLanguage {
        default_locale,
        ..eu(code, endonym)
    }
}

const fn other(code: &'static str, endonym: &'static str, direction: Direction) -> KnownLanguage {
    KnownLanguage {
        code,
        endonym,
        official_eu: false,
        direction,
        default_locale: code,
    }
}

/// The 24 official EU languages, then a few others readers of a European newsroom use.
pub static KNOWN_LANGUAGES: &[KnownLanguage] = &[
    eu("bg", "български"),
    eu("cs", "čeština"),
    eu("da", "dansk"),
    eu("de", "Deutsch"),
    eu("el", "Ελληνικά"),
    eu_in("en", "English", "en-GB"),
    eu("es", "español"),
    eu("et", "eesti"),
    eu("fi", "suomi"),
    eu("fr", "français"),
    eu("ga", "Gaeilge"),
    eu("hr", "hrvatski"),
    eu("hu", "magyar"),
    eu("it", "italiano"),
    eu("lt", "lietuvių"),
    eu("lv", "latviešu"),
    eu("mt", "Malti"),
    eu("nl", "Nederlands"),
    eu("pl", "polski"),
    eu_in("pt", "português", "pt-PT"),
    eu("ro", "română"),
    eu("sk", "slovenčina"),
    eu("sl", "slovenščina"),
    eu("sv", "svenska"),
    other("ar", "العربية", Direction::Rtl),
    other("ca", "català", Direction::Ltr),
    other("he", "עברית", Direction::Rtl),
    other("is", "íslenska", Direction::Ltr),
    other("nb", "norsk bokmål", Direction::Ltr),
    other("ru", "русский", Direction::Ltr),
    other("tr", "Türkçe", Direction::Ltr),
    other("uk", "українська", Direction::Ltr),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iso_639_1_list_is_sorted_a_code_every_three_bytes() {
        let codes: Vec<&str> = ISO_639_1.split(' ').collect();
        assert!(codes.iter().all(|code| code.len() == 2));
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(codes.len(), ISO_639_1.len().div_ceil(3));
        assert!(codes.iter().all(|code| is_iso_639_1(code)));
        for missing in ["ge", "xx", "aa0", "a", "", "zz", "00"] {
            assert!(!is_iso_639_1(missing), "{missing}");
        }
    }

    #[test]
    fn parses_and_normalises_tags() {
        assert_eq!(LangCode::parse("EN").unwrap().as_str(), "en");
        assert_eq!(LangCode::parse("pt-br").unwrap().as_str(), "pt-BR");
        assert_eq!(LangCode::parse("pt-BR").unwrap().primary(), "pt");
        for bad in [
            "", "e", "english", "en_US", "en-", "e1", "en-GB-x", "xx", "ge",
        ] {
            assert!(LangCode::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn tags_order_and_compare_as_their_text() {
        let tags = ["de", "en", "en-GB", "en-US", "eng", "fr", "pt-BR", "sl"];
        for a in tags {
            for b in tags {
                let (x, y) = (LangCode::parse(a).unwrap(), LangCode::parse(b).unwrap());
                assert_eq!(x.cmp(&y), a.cmp(b), "{a} against {b}");
                assert_eq!(x == y, a == b);
            }
        }
    }

    #[test]
    fn knows_all_24_official_eu_languages() {
        let official = KNOWN_LANGUAGES.iter().filter(|l| l.official_eu).count();
        assert_eq!(official, 24);
        assert_eq!(
            LangCode::parse("ar").unwrap().known().unwrap().direction,
            Direction::Rtl
        );
    }
}
