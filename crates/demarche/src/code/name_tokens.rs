//! What the actor-mention passes look for in a sentence, found in one walk over its tokens and
//! shared by them: the lower-case words (the key of every name-index look-up) and where the
//! capitalised and the hyphenated tokens are. A pass that looks for names (regions, surnames,
//! learned names, unknown persons) visits only the capitalised tokens, and one that looks for
//! "COUNTRY-led" or an age ("28-year-old") only the hyphenated ones, instead of testing every
//! token again. The walk is made once per sentence, with its phrases (`phrases`), before the
//! document's dominant country, which looks up the same capitalised words.

use crate::text::{Tag, Token};

/// One sentence's tokens with the positions the mention passes start from.
#[derive(Debug)]
pub(super) struct NameTokens<'t> {
    /// The sentence's tokens.
    pub(super) tokens: &'t [Token],
    /// The lower-case form of each token.
    pub(super) lower: Vec<&'t str>,
    /// Positions of the tokens whose first letter is upper case, ascending.
    capitalised: Vec<usize>,
    /// Positions of the tokens of [`MIN_HYPHENATED`] bytes or more that contain a hyphen,
    /// ascending (a token's lower-case form holds the same hyphens as its text).
    hyphenated: Vec<usize>,
    /// Positions of the personal and possessive pronouns and of "the", "both" and "all",
    /// ascending.
    pronoun_cues: Vec<usize>,
}

impl<'t> NameTokens<'t> {
    /// Indexes `tokens`.
    pub(super) fn new(tokens: &'t [Token]) -> NameTokens<'t> {
        let mut lower = Vec::with_capacity(tokens.len());
        // Room for every token: the lists never grow (a reallocation costs more than the walk).
        let mut capitalised = Vec::with_capacity(tokens.len());
        let (mut hyphenated, mut pronoun_cues) = (Vec::new(), Vec::with_capacity(8));
        for (i, t) in tokens.iter().enumerate() {
            // Each form read out of its `CompactString` once.
            let (text, word) = (t.text.as_str(), t.lower.as_str());
            lower.push(word);
            if is_capitalised(text) {
                capitalised.push(i);
            }
            if text.len() >= MIN_HYPHENATED && has_hyphen(text) {
                hyphenated.push(i);
            }
            if matches!(t.tag, Tag::PRP | Tag::PRPS) || matches!(word, "the" | "both" | "all") {
                pronoun_cues.push(i);
            }
        }
        NameTokens {
            tokens,
            lower,
            capitalised,
            hyphenated,
            pronoun_cues,
        }
    }

    /// Positions of the capitalised tokens, ascending: where a name can start.
    pub(super) fn capitalised(&self) -> &[usize] {
        &self.capitalised
    }

    /// Positions of the tokens that contain a hyphen, ascending ("US-led", "28-year-old").
    pub(super) fn hyphenated(&self) -> &[usize] {
        &self.hyphenated
    }

    /// Positions of the personal and possessive pronouns ("he", "its") and of "the", "both"
    /// and "all" (which open "the country", "both sides", "all sides"), ascending.
    pub(super) fn pronoun_cues(&self) -> &[usize] {
        &self.pronoun_cues
    }
}

/// The shortest hyphenated token a pass looks at: the suffix of a "COUNTRY-led" or
/// "COUNTRY-born" modifier or of an age word ("-led", "-year-old") alone has four bytes, so no
/// shorter token is one (a test checks the suffixes).
pub(super) const MIN_HYPHENATED: usize = 4;

/// A hyphen among the bytes (a byte loop: `str::contains` sets up a searcher each call).
fn has_hyphen(word: &str) -> bool {
    word.bytes().any(|b| b == b'-')
}

/// The first letter is upper case ("Hill", "Égypte"), as the passes test a name's words
/// (`starts_with(char::is_uppercase)`), an ASCII first byte tested as a byte.
fn is_capitalised(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text.starts_with(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::bundled_tokens;

    #[test]
    fn positions_of_capitalised_and_hyphenated_tokens() {
        let tokens = bundled_tokens("The US-led coalition met 28-year-old Ali in Kabul.");
        let index = NameTokens::new(&tokens);
        let words =
            |at: &[usize]| -> Vec<&str> { at.iter().map(|&i| tokens[i].text.as_str()).collect() };
        assert_eq!(
            words(index.capitalised()),
            ["The", "US-led", "Ali", "Kabul"]
        );
        assert_eq!(words(index.hyphenated()), ["US-led", "28-year-old"]);
        assert_eq!(index.lower.len(), tokens.len());
        assert_eq!(index.lower[0], "the");
        assert_eq!(words(index.pronoun_cues()), ["The"]);
        let its = bundled_tokens("Both sides said its army would leave.");
        let cues = NameTokens::new(&its);
        let cue_words: Vec<&str> = cues
            .pronoun_cues()
            .iter()
            .map(|&i| its[i].text.as_str())
            .collect();
        assert_eq!(cue_words, ["Both", "its"]);
    }

    #[test]
    fn every_age_suffix_is_hyphenated() {
        // `aged_person_mentions` tries only the hyphenated tokens as age words.
        let suffixes = super::super::grammar::AGE_SUFFIXES.words();
        assert!(!suffixes.is_empty() && suffixes.iter().all(|s| s.contains('-')));
        // The passes over the hyphenated tokens skip those shorter than `MIN_HYPHENATED`.
        let modifiers = super::super::actor_forms::ORIGIN_SUFFIXES
            .iter()
            .chain(&["-led"]);
        for s in suffixes.iter().chain(modifiers) {
            assert!(s.len() >= MIN_HYPHENATED, "{s}");
        }
    }
}
