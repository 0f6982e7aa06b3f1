//! The dictionaries' words, numbered: every lower-case word of an actor, agent or discard
//! phrase and every word of a verb pattern gets one id, and the tagger gives each token the id
//! of its lower-case form, its lemma and its singular ([`super::Token`]), so that the phrase
//! trie and the verb patterns compare numbers instead of hashing or comparing the token's
//! strings again. A form no dictionary knows gets [`UNKNOWN`]: it can match nothing. The
//! vocabulary belongs to the [`super::Lexicon`] the dictionaries compile, so tokens carry the
//! ids of the dictionaries they were analysed for.

use compact_str::CompactString;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize, Serializer};

/// The id of a word no dictionary has.
pub const UNKNOWN: u32 = u32::MAX;

/// Words and their ids (0, 1, 2, ... in the order they were added).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Vocabulary {
    #[serde(serialize_with = "sorted")]
    ids: FxHashMap<CompactString, u32>,
}

/// The map sorted by word, so that the snapshot's bytes do not depend on hash order.
fn sorted<S: Serializer>(ids: &FxHashMap<CompactString, u32>, s: S) -> Result<S::Ok, S::Error> {
    let mut entries: Vec<_> = ids.iter().collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    s.collect_map(entries)
}

impl Vocabulary {
    /// The id of `word`, added if it is new.
    pub fn add(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.into(), id);
        id
    }

    /// The id of `word` (exactly as written), [`UNKNOWN`] if it was never added.
    pub fn id(&self, word: &str) -> u32 {
        self.ids.get(word).copied().unwrap_or(UNKNOWN)
    }

    /// How many words there are (ids are below this).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when no word was added.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Frees the spare capacity of a vocabulary that is complete.
    pub fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
    }
}

/// A token's forms by their ids in the dictionaries' vocabulary (`text::vocabulary`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordIds {
    /// The lower-case form.
    pub lower: u32,
    /// The lemma (`Token::lemma`).
    pub lemma: u32,
    /// The singular of the lower-case form (`inflect::noun_singular`), whatever the tag.
    pub singular: u32,
}

impl WordIds {
    /// Forms no dictionary knows (what a token has before it is tagged).
    pub const UNKNOWN: WordIds = WordIds {
        lower: UNKNOWN,
        lemma: UNKNOWN,
        singular: UNKNOWN,
    };

    /// True when one of the forms is the word of id `id` (never for the unknown id).
    pub fn has(&self, id: u32) -> bool {
        id != UNKNOWN && (self.lower == id || self.lemma == id || self.singular == id)
    }
}

impl Default for WordIds {
    fn default() -> WordIds {
        WordIds::UNKNOWN
    }
}
