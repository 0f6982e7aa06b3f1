//! Verbs the learned tagger hides behind a noun or adjective tag, found again by the
//! constructions that rule those readings out.
//!
//! Two constructions of news English: a capitalized sentence-initial subject followed by a
//! past-tense form and its object ("Bahrain cut ties with Qatar": not Bahrain/NN cut/NN), and
//! the bare verb of a subjunctive clause after a demand verb ("demanded that Britain open
//! talks", "insisted that Iran halt enrichment": not open/JJ, halt/NN).

use super::lexicon::{Lexicon, VerbFormKind};
use super::tag::{Tag, Token};
use super::token::Shape;

super::wordlist::word_list! {
    /// Verbs of demanding whose "that" clause takes a bare (subjunctive) verb.
    static DEMAND_VERBS = "text/subjunctive_verbs.txt";
}

/// The most tokens of a noun phrase between "that" and a subjunctive verb.
const MAX_SUBJECT: usize = 6;

/// Applies both constructions to a tagged sentence.
pub fn restore(lexicon: &Lexicon, tokens: &mut [Token]) {
    initial_subject(lexicon, tokens);
    subjunctive(lexicon, tokens);
}

fn has_form(lexicon: &Lexicon, lower: &str, kinds: &[VerbFormKind]) -> bool {
    lexicon.verb(lower).iter().any(|f| kinds.contains(&f.kind))
}

/// A noun phrase opens at `i`: a determiner, possessive, number, adjective or noun.
fn opens_object(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        t.shape != Shape::Punct
            && matches!(
                t.tag,
                Tag::DT | Tag::PRPS | Tag::CD | Tag::JJ | Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS
            )
    })
}

/// "Bahrain cut ties with Qatar": a capitalized first word read as a common noun or adjective,
/// then a past-tense form read as a noun or adjective, then an object, is a proper-noun subject
/// and its verb.
fn initial_subject(lexicon: &Lexicon, tokens: &mut [Token]) {
    let s = usize::from(tokens.first().is_some_and(|t| t.shape == Shape::Punct));
    let (Some(first), Some(verb)) = (tokens.get(s), tokens.get(s + 1)) else {
        return;
    };
    let capitalized = first.shape == Shape::Word && first.text.starts_with(char::is_uppercase);
    let hidden = matches!(verb.tag, Tag::NN | Tag::NNS | Tag::JJ | Tag::VBN);
    if !capitalized
        || !matches!(first.tag, Tag::NN | Tag::JJ | Tag::NNP)
        || !hidden
        || verb.text.starts_with(char::is_uppercase)
        || lexicon.closed(&first.lower).is_some()
        || !lexicon.verb(&first.lower).is_empty()
        || !has_form(
            lexicon,
            &verb.lower,
            &[VerbFormKind::Past, VerbFormKind::PastOnly],
        )
        || !opens_object(tokens, s + 2)
    {
        return;
    }
    tokens[s].tag = Tag::NNP;
    tokens[s + 1].tag = Tag::VBD;
}

/// "demanded that Britain open talks": after a demand verb, "that", and a noun phrase, a word
/// with a base verb form followed by an object is that clause's (subjunctive) verb.
fn subjunctive(lexicon: &Lexicon, tokens: &mut [Token]) {
    for k in 1..tokens.len().saturating_sub(3) {
        if tokens[k].lower == "that" && is_demand_verb(lexicon, &tokens[k - 1]) {
            if let Some(v) = subjunctive_verb(lexicon, tokens, k + 1) {
                tokens[k].tag = Tag::IN;
                tokens[v].tag = Tag::VB;
            }
        }
    }
}

fn is_demand_verb(lexicon: &Lexicon, t: &Token) -> bool {
    t.tag.is_verb()
        && lexicon
            .verb(&t.lower)
            .iter()
            .any(|f| DEMAND_VERBS.contains(&&*f.lemma))
}

/// The index of the hidden bare verb after the noun phrase that starts at `from`, if any.
fn subjunctive_verb(lexicon: &Lexicon, tokens: &[Token], from: usize) -> Option<usize> {
    let end = (from + MAX_SUBJECT).min(tokens.len());
    let mut v = from;
    while v < end && opens_object(tokens, v) && !is_bare_candidate(lexicon, tokens, v, from) {
        v += 1;
    }
    (v > from && v < end && is_bare_candidate(lexicon, tokens, v, from)).then_some(v)
}

/// Token `v` (after a subject noun at `v - 1`) is a base verb form tagged as a noun or
/// adjective, with an object after it.
fn is_bare_candidate(lexicon: &Lexicon, tokens: &[Token], v: usize, from: usize) -> bool {
    let t = &tokens[v];
    v > from
        && matches!(tokens[v - 1].tag, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
        && matches!(t.tag, Tag::NN | Tag::JJ | Tag::VBP)
        && !t.text.starts_with(char::is_uppercase)
        && has_form(lexicon, &t.lower, &[VerbFormKind::Base])
        && opens_object(tokens, v + 1)
}

#[cfg(test)]
mod tests {
    use crate::text::test_support::tags;

    #[test]
    fn constructions_restore_hidden_verbs_and_leave_nouns() {
        let cases = [
            (
                "Bahrain cut ties with Qatar.",
                "Bahrain/NNP cut/VBD ties/NNS",
            ),
            (
                "Iran demanded that Britain open talks.",
                "open/VB talks/NNS",
            ),
            ("Washington insisted that Iran halt enrichment.", "halt/VB"),
            // A noun phrase, no object after the word, or no demand verb: left alone.
            ("The demand that prices fall worried traders.", "fall/"),
            ("Iran said that Britain open talks.", "open/"),
        ];
        for (sentence, want) in cases {
            let got = tags(sentence);
            assert!(got.contains(want), "{sentence}: {got}");
        }
        let untouched = tags("Iran said that Britain open talks.");
        assert!(!untouched.contains("open/VB "), "{untouched}");
    }
}
