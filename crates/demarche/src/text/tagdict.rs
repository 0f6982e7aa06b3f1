//! The tagger's dictionary of frequent unambiguous words: word forms that the training data
//! tags one way nearly always ("the", "of", "said", "government"), which the tagger takes from
//! here without scoring the perceptron's features — the classic averaged-perceptron shortcut,
//! which covers about half of the tokens of news text.
//!
//! The dictionary is built from the training data by the training step
//! (`examples/train_tagger.rs`, with [`TagDictBuilder`]) and embedded from
//! `dictionaries/tagger/tagdict.tsv`: one `word<TAB>tag<TAB>count<TAB>share` line per word, the
//! word as written (case matters: "May" and "may" are different entries), `#` lines comments.

use super::perceptron::{tag_by_name, WordKeys, ALL_TAGS};
use super::tag::{Tag, Token};
use super::token::Shape;
use rustc_hash::FxHashMap as HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// Word forms with the one tag the tagger gives them.
#[derive(Debug, Default)]
pub struct TagDict {
    tags: HashMap<Box<str>, Tag>,
}

/// Why a tag dictionary file cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("tag dictionary line {line}: {reason}")]
pub struct TagDictError {
    line: usize,
    reason: &'static str,
}

impl TagDict {
    /// Reads a dictionary in the file format above (only the first two columns are used).
    pub fn parse(text: &str) -> Result<TagDict, TagDictError> {
        let mut tags = HashMap::default();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |reason| TagDictError {
                line: i + 1,
                reason,
            };
            let mut cols = line.split('\t');
            let (Some(word), Some(tag)) = (cols.next(), cols.next()) else {
                return Err(fail("expected word<TAB>tag"));
            };
            let tag = tag_by_name(tag).ok_or_else(|| fail("unknown tag"))?;
            if word.is_empty() || tags.insert(word.into(), tag).is_some() {
                return Err(fail("empty or repeated word"));
            }
        }
        Ok(TagDict { tags })
    }

    /// The tag of token `i` of `tokens` (whose perceptron keys are `keys`), if its word is in
    /// the dictionary, does not open the sentence capitalized (sentence-initial "Security",
    /// "Union") and is not a verb form the lexicon knows ("Estonia arms Libya": the verb
    /// dictionary's verbs are the coder's events): those are left to the model.
    pub fn get(&self, tokens: &[Token], keys: &[WordKeys], i: usize) -> Option<Tag> {
        let word = self.word(tokens.get(i)?.text.as_str());
        word.filter(|_| keys.get(i).is_some_and(|k| admits(tokens, k, i)))
    }

    /// The dictionary's tag of `word` as written, wherever it stands.
    pub fn word(&self, word: &str) -> Option<Tag> {
        self.tags.get(word).copied()
    }
}

/// The dictionary's tag of token `i` (keys `keys`) may be used: the word does not open the
/// sentence capitalized and is not a verb form the lexicon knows (see [`TagDict::get`]).
pub fn admits(tokens: &[Token], keys: &WordKeys, i: usize) -> bool {
    let word = tokens[i].text.as_str();
    !(starts_upper(word) && opens_sentence(tokens, i) || keys.may_be_verb())
}

impl TagDict {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    /// True when the dictionary has no words.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }
}

fn starts_upper(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

/// Token `i` is the first of its sentence or follows punctuation other than a comma (a quote,
/// a bracket, a dash).
fn opens_sentence(tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|j| tokens.get(j))
        .is_none_or(|p| p.shape == Shape::Punct && p.text != ",")
}

const BUNDLED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../dictionaries/tagger/tagdict.tsv"
));

/// The bundled dictionary.
pub fn bundled() -> &'static TagDict {
    static DICT: OnceLock<TagDict> = OnceLock::new();
    DICT.get_or_init(|| TagDict::parse(BUNDLED).expect("bundled tag dictionary is valid"))
}

/// Counts the tags of each word form in tagged training text and keeps the unambiguous ones.
#[derive(Debug)]
pub struct TagDictBuilder {
    min_count: u32,
    min_share: f64,
    counts: HashMap<String, [u32; ALL_TAGS.len()]>,
}

impl Default for TagDictBuilder {
    fn default() -> TagDictBuilder {
        TagDictBuilder {
            min_count: 20,
            min_share: 0.995,
            counts: HashMap::default(),
        }
    }
}

impl TagDictBuilder {
    /// Words seen fewer times than this are left to the model (default 20).
    pub fn min_count(mut self, n: u32) -> TagDictBuilder {
        self.min_count = n;
        self
    }

    /// The share of its occurrences a word's commonest tag must have (default 0.995).
    pub fn min_share(mut self, share: f64) -> TagDictBuilder {
        self.min_share = share;
        self
    }

    /// Counts the words of one tagged sentence, where [`TagDict::get`] would look them up
    /// (not capitalized words that open the sentence; not punctuation, which the tagger keeps
    /// as such).
    pub fn add_sentence(&mut self, tokens: &[Token], tags: &[Tag]) {
        for (i, (t, &tag)) in tokens.iter().zip(tags).enumerate() {
            let word = t.text.as_str();
            let skip = tag == Tag::Punct
                || word.starts_with('#')
                || word.contains(char::is_whitespace)
                || starts_upper(word) && opens_sentence(tokens, i);
            if !skip {
                self.counts
                    .entry(word.to_string())
                    .or_insert([0; ALL_TAGS.len()])[tag as usize] += 1;
            }
        }
    }

    /// The dictionary file: the kept words, commonest first (ties in word order).
    pub fn to_tsv(&self) -> String {
        let mut kept: Vec<(&str, Tag, u32, f64)> = (self.counts.iter())
            .filter_map(|(word, counts)| self.keep(word, counts))
            .collect();
        kept.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        let mut out = format!(
            "# The tagger's dictionary of frequent unambiguous words (text/tagdict.rs), written by\n\
             # examples/train_tagger.rs: seen >= {} times in the training data (not counting capitalized\n\
             # words that open a sentence), >= {} of them with one tag that is not a verb's.\n\
             # word\ttag\tcount\tshare\n",
            self.min_count, self.min_share
        );
        for (word, tag, n, share) in kept {
            let _ = writeln!(out, "{word}\t{}\t{n}\t{share:.4}", tag.name());
        }
        out
    }

    fn keep<'a>(
        &self,
        word: &'a str,
        counts: &[u32; ALL_TAGS.len()],
    ) -> Option<(&'a str, Tag, u32, f64)> {
        let n: u32 = counts.iter().sum();
        let (best, &top) = counts
            .iter()
            .enumerate()
            .max_by_key(|&(t, c)| (c, -(t as i64)))?;
        let share = f64::from(top) / f64::from(n.max(1));
        let tag = ALL_TAGS[best];
        // Verb forms are left to the model: tense and finiteness ("they employed" VBD, "are
        // employed" VBN) depend on the context, and the coder reads clauses from them.
        let keep = n >= self.min_count && share >= self.min_share && !tag.is_verb();
        keep.then_some((word, tag, n, share))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lexicon::Lexicon;
    use crate::text::perceptron::sentence_keys;
    use crate::text::test_support::word_token;

    /// Tokens of `words` ("," and "\"" as punctuation) with their tags.
    fn sentence(words: &[(&str, Tag)]) -> (Vec<Token>, Vec<Tag>) {
        let token = |w: &str| word_token(w, w == "," || w == "\"");
        (
            words.iter().map(|(w, _)| token(w)).collect(),
            words.iter().map(|p| p.1).collect(),
        )
    }

    #[test]
    fn frequent_unambiguous_words_are_kept() {
        use Tag::*;
        let mut b = TagDictBuilder::default().min_count(3).min_share(0.9);
        let plain = sentence(&[("the", DT), ("talks", NNS), ("Union", NNP), (",", Punct)]);
        let initial = sentence(&[("Union", NN), ("talks", NNS), ("said", VBD), ("rare", JJ)]);
        for _ in 0..10 {
            b.add_sentence(&plain.0, &plain.1);
            b.add_sentence(&initial.0[..3], &initial.1[..3]);
        }
        let verb = sentence(&[("the", DT), ("talks", VBZ)]);
        for _ in 0..3 {
            b.add_sentence(&verb.0, &verb.1);
        }
        b.add_sentence(&initial.0, &initial.1);
        let dict = TagDict::parse(&b.to_tsv()).expect("own output parses");
        let lexicon = Lexicon::new([]);
        let got = |words: &[(&str, Tag)], i| {
            let tokens = sentence(words).0;
            dict.get(&tokens, &sentence_keys(&lexicon, &tokens), i)
        };
        assert_eq!(got(&[("the", DT)], 0), Some(DT));
        assert_eq!(
            got(&[("a", DT), ("Union", NN)], 1),
            Some(NNP),
            "counted inside sentences only"
        );
        assert_eq!(
            got(&[("Union", NN)], 0),
            None,
            "capitalized, opening the sentence"
        );
        assert_eq!(
            got(&[("\"", Punct), ("Union", NN)], 1),
            None,
            "after a quote"
        );
        assert_eq!(got(&[("talks", NN)], 0), None, "21 NNS of 24 is under 0.9");
        assert_eq!(
            got(&[("said", NN)], 0),
            None,
            "verb tags are left to the model"
        );
        assert_eq!(got(&[("rare", NN)], 0), None, "seen once");
        let mut lexicon = Lexicon::new([]);
        assert_eq!(got(&[("the", DT), ("Union", NN)], 1), Some(NNP));
        lexicon.add_verb("union");
        let tokens = sentence(&[("the", DT), ("Union", NN)]).0;
        let keys = sentence_keys(&lexicon, &tokens);
        assert_eq!(
            dict.get(&tokens, &keys, 1),
            None,
            "a verb form of the lexicon"
        );
        assert_eq!(got(&[(",", NN)], 0), None);
        assert_eq!(dict.len(), 2);
    }

    #[test]
    fn bad_lines_are_errors_with_their_number() {
        for (text, line) in [
            ("the\tDT\nof\n", 2),
            ("# c\nthe\tXX\n", 2),
            ("the\tDT\nthe\tNN\n", 2),
        ] {
            let err = TagDict::parse(text).expect_err(text);
            assert_eq!(err.line, line, "{text:?}: {err}");
        }
    }

    #[test]
    fn the_bundled_dictionary_reads() {
        let dict = bundled();
        assert!(dict.len() > 100, "{} words", dict.len());
        let tokens = sentence(&[("the", Tag::DT)]).0;
        let keys = sentence_keys(&Lexicon::new([]), &tokens);
        assert_eq!(dict.get(&tokens, &keys, 0), Some(Tag::DT));
    }
}
