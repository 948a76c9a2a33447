//! The vocabulary organisation names are recognised by (`organisations.yaml`): words that
//! make a run of capitalised words an organisation's name ("Cluster", "Ministerstwo"), some
//! only as its last word, the articles a name never starts with, and capitals that are no
//! organisation.

use rustc_hash::FxHashSet;
use serde::Deserialize;

/// The vocabulary organisation names are recognised by.
#[derive(Debug)]
pub(crate) struct OrganisationWords {
    keywords: FxHashSet<String>,
    last_word: FxHashSet<String>,
    articles: FxHashSet<String>,
    not_organisations: FxHashSet<String>,
}

#[derive(Deserialize)]
struct OrganisationsFile {
    keywords: Vec<String>,
    last_word: Vec<String>,
    articles: Vec<String>,
    not_organisations: Vec<String>,
}

impl OrganisationWords {
    /// Loads the compiled-in vocabulary.
    pub(crate) fn from_yaml(text: &str) -> Result<OrganisationWords, serde_yaml::Error> {
        let file: OrganisationsFile = serde_yaml::from_str(text)?;
        Ok(OrganisationWords {
            keywords: file.keywords.into_iter().collect(),
            last_word: file.last_word.into_iter().collect(),
            articles: file.articles.into_iter().collect(),
            not_organisations: file.not_organisations.into_iter().collect(),
        })
    }

    /// Whether a word makes a run of capitalised words an organisation's name.
    pub(crate) fn is_keyword(&self, word: &str) -> bool {
        self.keywords.contains(word)
    }

    /// Whether a word makes a name an organisation's when it is the last one ("… GmbH").
    pub(crate) fn is_last_word(&self, word: &str) -> bool {
        self.last_word.contains(word)
    }

    /// Whether a lower-case word is an article, before which a name ends.
    pub(crate) fn is_article(&self, word: &str) -> bool {
        self.articles.contains(word)
    }

    /// Whether a word in capitals is known to be no organisation ("EU", "SMEs").
    pub(crate) fn is_not_organisation(&self, word: &str) -> bool {
        self.not_organisations.contains(word)
    }
}
