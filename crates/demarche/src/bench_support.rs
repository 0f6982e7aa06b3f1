//! Hooks for the criterion benchmarks (`benches/coding.rs`); not part of the API.
//!
//! The benchmarks time single stages (phrase matching, the verb-head index) and compare the
//! compiled phrase matcher with a naive baseline. Those stages are crate-private, and a bench
//! is a separate crate, so this module (hidden from the docs, no stability promise) wraps each
//! timed step in a function over opaque types. Everything else the benches use is public API.

use crate::dict::{Dictionaries, EncodedSentence, PhraseSet};
use crate::text::{analyze, Analysis};

/// A text analysed for phrase matching, as the coder does before matching.
pub struct Prepared {
    analysis: Analysis,
}

impl Prepared {
    /// Analyses `text` with the lexicon of `dict`.
    pub fn new(dict: &Dictionaries, text: &str) -> Prepared {
        let analysis = analyze(text.as_bytes(), &dict.lexicon);
        Prepared { analysis }
    }

    /// Matches actor, agent and discard phrases in every sentence (one automaton) and resolves
    /// the actor and agent matches; returns how many actors and agents were found.
    pub fn match_actors_and_agents(&self, dict: &Dictionaries) -> usize {
        (self.analysis.sentences.iter())
            .map(|s| {
                let m = dict.match_phrases(&EncodedSentence::new(&s.tokens));
                dict.actors.resolve(&m.actors, None).len() + dict.agents.resolve(m.agents).len()
            })
            .sum()
    }

    /// Looks every token up in the verb-head index; returns how many are heads.
    pub fn verb_heads(&self, dict: &Dictionaries) -> usize {
        self.analysis
            .sentences
            .iter()
            .flat_map(|s| &s.tokens)
            .filter(|t| dict.verbs.has_head(&t.lemma, !t.tag.is_verb()))
            .count()
    }
}

/// The actor phrases of `dict`, in dictionary order.
pub fn actor_phrases(dict: &Dictionaries) -> Vec<String> {
    dict.actors
        .entries()
        .iter()
        .map(|e| e.phrase.clone())
        .collect()
}

/// Phrases compiled into one automaton, as the dictionaries compile theirs.
pub struct CompiledPhrases(PhraseSet);

impl CompiledPhrases {
    /// Compiles `phrases`, phrases of `dict` (so that the words of text [`Prepared`] with
    /// `dict` have the ids this set's trie is keyed on).
    pub fn new(dict: &Dictionaries, phrases: &[String]) -> CompiledPhrases {
        let mut words = dict.lexicon.words().clone();
        CompiledPhrases(PhraseSet::new(phrases, &mut words))
    }

    /// Every occurrence of the phrases in the prepared text; returns how many there are.
    pub fn count_in(&self, text: &Prepared) -> usize {
        (text.analysis.sentences.iter())
            .map(|s| self.0.find_all(&EncodedSentence::new(&s.tokens)).len())
            .sum()
    }
}
