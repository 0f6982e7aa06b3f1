//! What the actor-mention passes look for in a sentence, found in one walk over its tokens and
//! shared by them: the lower-case words (the key of every name-index look-up) and where the
//! capitalised and the hyphenated tokens are. A pass that looks for names (regions, surnames,
//! learned names, unknown persons) visits only the capitalised tokens, and one that looks for
//! "COUNTRY-led" or an age ("28-year-old") only the hyphenated ones, instead of testing every
//! token again.

use crate::text::Token;

/// One sentence's tokens with the positions the mention passes start from.
#[derive(Debug)]
pub(super) struct NameTokens<'t> {
    /// The sentence's tokens.
    pub(super) tokens: &'t [Token],
    /// The lower-case form of each token.
    pub(super) lower: Vec<&'t str>,
    /// Positions of the tokens whose first letter is upper case, ascending.
    capitalised: Vec<usize>,
    /// Positions of the tokens that contain a hyphen (as written or lower-cased), ascending.
    hyphenated: Vec<usize>,
}

impl<'t> NameTokens<'t> {
    /// Indexes `tokens`.
    pub(super) fn new(tokens: &'t [Token]) -> NameTokens<'t> {
        let mut lower = Vec::with_capacity(tokens.len());
        let (mut capitalised, mut hyphenated) = (Vec::new(), Vec::new());
        for (i, t) in tokens.iter().enumerate() {
            lower.push(t.lower.as_str());
            if is_capitalised(t) {
                capitalised.push(i);
            }
            if t.text.contains('-') || t.lower.contains('-') {
                hyphenated.push(i);
            }
        }
        NameTokens {
            tokens,
            lower,
            capitalised,
            hyphenated,
        }
    }

    /// Positions of the capitalised tokens, ascending: where a name can start.
    pub(super) fn capitalised(&self) -> &[usize] {
        &self.capitalised
    }

    /// Whether token `i` is capitalised (its first letter is upper case).
    pub(super) fn is_capitalised(&self, i: usize) -> bool {
        self.capitalised.binary_search(&i).is_ok()
    }

    /// Positions of the tokens that contain a hyphen, ascending ("US-led", "28-year-old").
    pub(super) fn hyphenated(&self) -> &[usize] {
        &self.hyphenated
    }
}

/// The first letter is upper case ("Hill", "Égypte"), as the passes test a name's words.
pub(super) fn is_capitalised(t: &Token) -> bool {
    t.text.starts_with(char::is_uppercase)
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
        let kabul = tokens.iter().position(|t| t.text == "Kabul");
        assert!(kabul.is_some_and(|k| index.is_capitalised(k)));
        assert!(!index.is_capitalised(2));
        assert!(!index.is_capitalised(tokens.len() + 5));
    }

    #[test]
    fn every_age_suffix_is_hyphenated() {
        // `aged_person_mentions` tries only the hyphenated tokens as age words.
        let suffixes = super::super::grammar::AGE_SUFFIXES.words();
        assert!(!suffixes.is_empty() && suffixes.iter().all(|s| s.contains('-')));
    }
}
