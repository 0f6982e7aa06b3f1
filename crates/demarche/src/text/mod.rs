//! The text front end: normalization, tokens, sentences, part-of-speech tags, phrases, clauses.
//!
//! `analyze` runs the whole chain on one document's raw bytes. All offsets inside an
//! `Analysis` are into the normalized text; `Analysis::original_span` maps them back to the
//! original bytes.
//!
//! Public are the first two steps, which other engines (the `demarche-compat` crate) share:
//! [`tokenize`] and [`split_sentences`]. Tagging, chunking and clauses are the coder's own.
//!
//! ```
//! use demarche::text::{split_sentences, tokenize};
//!
//! let text = "Seoul agreed. Tokyo did not.";
//! let tokens = tokenize(text);
//! let sentences: Vec<&str> = split_sentences(text, &tokens)
//!     .into_iter()
//!     .map(|r| &text[tokens[r.start].start..tokens[r.end - 1].end])
//!     .collect();
//! assert_eq!(sentences, ["Seoul agreed.", "Tokyo did not."]);
//! ```

mod agreement;
pub(crate) mod chunk;
mod hidden_verbs;
pub(crate) mod inflect;
pub(crate) mod lexicon;
pub(crate) mod normalize;
pub(crate) mod perceptron;
pub(crate) mod sentence;
pub(crate) mod tag;
mod tagcache;
pub(crate) mod tagdict;
#[cfg(test)]
pub(crate) mod test_support;
pub(crate) mod token;
pub(crate) mod vocabulary;
pub(crate) mod wordlist;

pub use sentence::split as split_sentences;
pub use token::{tokenize, RawToken, Shape};

pub(crate) use chunk::{Clause, ClauseKind};
pub(crate) use lexicon::Lexicon;
pub(crate) use normalize::Normalized;
pub(crate) use tag::{Tag, Token};

use crate::model::Span;

/// One analysed sentence.
#[derive(Clone, Debug)]
pub(crate) struct Sentence {
    /// 0-based index in the document.
    pub index: usize,
    /// Start byte in the normalized text.
    pub start: usize,
    /// End byte in the normalized text.
    pub end: usize,
    /// Tagged tokens.
    pub tokens: Vec<Token>,
    /// Clauses.
    pub clauses: Vec<Clause>,
}

impl Sentence {
    /// True when the sentence has no word at all (stray punctuation lines).
    pub fn is_empty_of_words(&self) -> bool {
        !self
            .tokens
            .iter()
            .any(|t| t.shape == token::Shape::Word || t.shape == token::Shape::Abbreviation)
    }

    /// The clause that contains token `i`.
    pub fn clause_of(&self, i: usize) -> usize {
        self.clauses
            .iter()
            .position(|c| c.tokens.contains(&i))
            .unwrap_or(0)
    }
}

/// A fully analysed document.
#[derive(Clone, Debug)]
pub(crate) struct Analysis {
    /// The normalized text with its offset map.
    pub normalized: Normalized,
    /// The sentences.
    pub sentences: Vec<Sentence>,
}

impl Analysis {
    /// Maps a normalized range to the original bytes.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        self.normalized.original_span(start, end)
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        self.normalized.text()
    }
}

/// Analyses one document.
pub(crate) fn analyze(raw: &[u8], lexicon: &Lexicon) -> Analysis {
    let normalized = Normalized::new(raw);
    let text = normalized.text();
    let raw_tokens = token::tokenize(text);
    let ranges = sentence::split(text, &raw_tokens);
    let sentences = ranges
        .into_iter()
        .enumerate()
        .map(|(index, range)| {
            let mut tokens: Vec<Token> = raw_tokens[range]
                .iter()
                .map(|r| Token {
                    start: r.start,
                    end: r.end,
                    text: compact_str::CompactString::from(&text[r.start..r.end]),
                    // Set by the tagger (from its word cache), which reads neither before.
                    lower: compact_str::CompactString::const_new(""),
                    lemma: compact_str::CompactString::const_new(""),
                    tag: Tag::NN,
                    shape: r.shape,
                    ids: vocabulary::WordIds::UNKNOWN,
                })
                .collect();
            tag::tag_sentence(lexicon, &mut tokens);
            let clauses = chunk::clauses(&tokens);
            let start = tokens.first().map_or(0, |t| t.start);
            let end = tokens.last().map_or(0, |t| t.end);
            Sentence {
                index,
                start,
                end,
                tokens,
                clauses,
            }
        })
        .collect();
    Analysis {
        normalized,
        sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::test_support::tags;

    #[test]
    fn verbs_and_nouns_in_context() {
        let t =
            tags("North Korea walked out of the talks and the envoy said the talks will resume.");
        assert!(t.contains("walked/VBD"), "{t}");
        assert!(t.contains("talks/NNS"), "{t}");
        assert!(t.contains("said/VBD"), "{t}");
        assert!(t.contains("resume/VB"), "{t}");
        let t = tags("It follows North Korea's first ever nuclear weapons test on October 9.");
        assert!(t.contains("follows/VBZ"), "{t}");
        // Known perceptron error: "weapons test/VBP on" (the rules said NN); see CHANGELOG.
        assert!(t.contains("weapons/NNS"), "{t}");
        let t = tags("The United States has insisted North Korea must give up its weapons.");
        assert!(t.contains("insisted/VBN"), "{t}");
        assert!(t.contains("give/VB"), "{t}");
        let t = tags("Hill held several meetings with Kim.");
        assert!(t.contains("held/VBD") && t.contains("meetings/NNS"), "{t}");
    }

    #[test]
    fn clauses_of_reported_speech() {
        let lex = Lexicon::new([]);
        let a = analyze(
            "Hill said the United States would not back down, which angered Kim.".as_bytes(),
            &lex,
        );
        let kinds: Vec<_> = a.sentences[0].clauses.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [ClauseKind::Main, ClauseKind::Reported, ClauseKind::Relative]
        );
    }

    #[test]
    fn tokens_in_lower_case() {
        let a = analyze(
            "Talks in SEOUL, Zürich and İzmir resumed".as_bytes(),
            &Lexicon::new([]),
        );
        let lower: Vec<&str> = a.sentences[0]
            .tokens
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let want = [
            "talks",
            "in",
            "seoul",
            ",",
            "zürich",
            "and",
            "i\u{307}zmir",
            "resumed",
        ];
        assert_eq!(lower, want);
    }

    #[test]
    fn spans_point_into_original_bytes() {
        let raw = "\u{201C}We hope,\u{201D} he added. Seoul agreed.".as_bytes();
        let a = analyze(raw, &Lexicon::new([]));
        assert_eq!(a.sentences.len(), 2);
        let s = &a.sentences[1];
        let span = a.original_span(s.start, s.end);
        assert_eq!(&raw[span.start..span.end], b"Seoul agreed.");
    }
}
