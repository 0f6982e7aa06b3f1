//! Hooks for the part-of-speech tagger's tooling: its accuracy test (`tests/tagging.rs`), its
//! benchmark (`benches/tagging.rs`) and the training examples (`examples/train_tagger.rs`,
//! `examples/tag_dump.rs`); not part of the API.
//!
//! Tagging is crate-private (the coder's own analysis), but the tools that measure and train it
//! are separate crates, so this module — hidden from the docs, with no stability promise —
//! exposes exactly what they need.

use std::ops::Range;

pub use crate::text::lexicon::Lexicon;
pub use crate::text::perceptron::{tag_by_name, write_model, Example, Model, Trainer};
pub use crate::text::tag::{tag_sentence, tag_sentence_by_rules, Tag, Token, WordIds};
pub use crate::text::tagdict::{TagDict, TagDictBuilder};
pub use crate::text::token::Shape;

/// The lexicon the coder tags with: the built-in one extended with the bundled verb
/// dictionary's head verbs.
pub fn coder_lexicon() -> Lexicon {
    crate::dict::Dictionaries::bundled().lexicon
}

/// A document analysed as the coder does: its normalized text and tagged sentences.
pub struct Tagged {
    /// The normalized text that token offsets index.
    pub text: String,
    /// Each sentence's tagged tokens.
    pub sentences: Vec<Vec<Token>>,
    /// For each sentence, each token's byte range in the original input.
    pub original: Vec<Vec<Range<usize>>>,
}

/// Analyses `raw` (normalize, tokenize, split, tag) with `lexicon`.
pub fn tag_text(raw: &[u8], lexicon: &Lexicon) -> Tagged {
    let analysis = crate::text::analyze(raw, lexicon);
    let original = (analysis.sentences.iter())
        .map(|s| {
            (s.tokens.iter())
                .map(|t| {
                    let span = analysis.original_span(t.start, t.end);
                    span.start..span.end
                })
                .collect()
        })
        .collect();
    Tagged {
        text: analysis.text().to_string(),
        sentences: analysis.sentences.into_iter().map(|s| s.tokens).collect(),
        original,
    }
}
