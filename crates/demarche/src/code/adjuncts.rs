//! Place and time adjuncts a verb pattern steps over before its preposition: "met *in Geneva
//! on Monday* with Iranian officials", "appealed *on Sunday* to the UN", "met *last week*
//! with". A pattern's preposition of `adjunct-skipping-prepositions.txt` is looked for after
//! such adjuncts when it does not follow at once (`code/patterns.rs`).
//!
//! An adjunct is a time expression ([`crate::dates::find`]: "Monday", "yesterday", "March 3"),
//! or an opener of `adjunct-prepositions.txt` followed by one: a time expression, a time noun
//! of `adjunct-time-nouns.txt` ("last week", "at the weekend") or, after a place preposition
//! (`place-locative-words.txt`), a run of capitalised words past a determiner ("in the
//! Hague"). A capitalised word after "on" is an object ("sanctions on Iran"), never an
//! adjunct.

use super::grammar::{ADJUNCT_PREPOSITIONS, ADJUNCT_TIME_NOUNS, PLACE_LOCATIVE_WORDS};
use crate::dates::TimeExpression;
use crate::text::{Tag, Token};

/// The longest capitalised run an adjunct takes ("in Rio de Janeiro" is three words past "in").
const MAX_PLACE_WORDS: usize = 4;

/// The end of the adjunct starting at token `k`, if one does.
pub(super) fn adjunct_end(tokens: &[Token], times: &[TimeExpression], k: usize) -> Option<usize> {
    if let Some(e) = time_at(times, k) {
        return Some(e);
    }
    if let Some(e) = time_phrase_end(tokens, times, k) {
        return Some(e);
    }
    let opener = tokens.get(k)?;
    let place = opener.tag == Tag::IN && PLACE_LOCATIVE_WORDS.contains(&opener.lower);
    (place && ADJUNCT_PREPOSITIONS.contains(&opener.lower))
        .then(|| capitalised_run(tokens, after_determiner(tokens, k + 1)))
        .flatten()
}

/// The end of a time phrase opened at `k` by a preposition of `adjunct-prepositions.txt`: "on
/// Sunday", "at the weekend", "during last week". Such a preposition is never the one a
/// pattern asks for ("a Taliban attack *on Sunday*" is no attack on Sunday).
pub(super) fn time_phrase_end(
    tokens: &[Token],
    times: &[TimeExpression],
    k: usize,
) -> Option<usize> {
    let opener = tokens.get(k)?;
    if !ADJUNCT_PREPOSITIONS.contains(&opener.lower) {
        return None;
    }
    let j = after_determiner(tokens, k + 1);
    if let Some(e) = time_at(times, j) {
        return Some(e);
    }
    tokens
        .get(j)
        .is_some_and(|t| ADJUNCT_TIME_NOUNS.contains(&t.lower))
        .then_some(j + 1)
}

/// The end of the time expression starting at token `j`, if one does.
fn time_at(times: &[TimeExpression], j: usize) -> Option<usize> {
    times
        .iter()
        .find(|t| t.start == j && t.end > j)
        .map(|t| t.end)
}

/// `j`, or the token after it when `j` is a determiner.
fn after_determiner(tokens: &[Token], j: usize) -> usize {
    j + usize::from(tokens.get(j).is_some_and(|t| t.tag == Tag::DT))
}

/// The end of a run of capitalised proper nouns starting at `j` (at least one, at most
/// [`MAX_PLACE_WORDS`]).
fn capitalised_run(tokens: &[Token], j: usize) -> Option<usize> {
    let proper =
        |t: &Token| matches!(t.tag, Tag::NNP | Tag::NNPS) && t.text.starts_with(char::is_uppercase);
    let n = tokens
        .get(j..)?
        .iter()
        .take(MAX_PLACE_WORDS)
        .take_while(|t| proper(t))
        .count();
    (n > 0).then_some(j + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(text: &str) -> Vec<(String, usize)> {
        let tokens = crate::code::bundled_tokens(text);
        let times = crate::dates::find(&tokens);
        (0..tokens.len())
            .filter_map(|k| {
                Some((
                    tokens[k].text.to_string(),
                    adjunct_end(&tokens, &times, k)? - k,
                ))
            })
            .collect()
    }

    #[test]
    fn places_and_times_are_adjuncts_objects_are_not() {
        let got = ends("Iran met in Geneva on Monday with officials last week.");
        let want = [("in", 2), ("on", 2), ("Monday", 1), ("last", 2)];
        for (w, n) in want {
            assert!(got.contains(&(w.to_string(), n)), "{w}: {got:?}");
        }
        let got = ends("The US imposed sanctions on Iran in response.");
        assert!(!got.iter().any(|(w, _)| w == "on" || w == "in"), "{got:?}");
    }
}
