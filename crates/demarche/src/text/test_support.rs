//! Helpers shared by unit tests: hand-made tokens, analyzed tokens and tag listings.

use super::tag::{Tag, Token};
use super::token::Shape;
use super::{analyze, Lexicon};

/// `w` as a token tagged NN with its lower case as lemma; punctuation when `punct`.
pub(crate) fn word_token(w: &str, punct: bool) -> Token {
    Token {
        start: 0,
        end: 0,
        text: w.into(),
        lower: w.to_lowercase().into(),
        lemma: w.to_lowercase().into(),
        tag: Tag::NN,
        shape: if punct { Shape::Punct } else { Shape::Word },
        ids: super::vocabulary::WordIds::UNKNOWN,
    }
}

/// The tokens of every sentence of `text`, analyzed with `lexicon`.
pub(crate) fn analyzed_tokens(text: &str, lexicon: &Lexicon) -> Vec<Token> {
    analyze(text.as_bytes(), lexicon)
        .sentences
        .into_iter()
        .flat_map(|s| s.tokens)
        .collect()
}

/// The first sentence of `sentence` as `word/TAG` pairs, tagged without a lexicon.
pub(crate) fn tags(sentence: &str) -> String {
    let a = analyze(sentence.as_bytes(), &Lexicon::new([]));
    a.sentences[0]
        .tokens
        .iter()
        .map(|t| format!("{}/{}", t.text, t.tag.name()))
        .collect::<Vec<_>>()
        .join(" ")
}
