//! Statements made on the telephone: "Mr Arafat was told of the deadline by Mr Peres *in a
//! telephone conversation*", "the minister said *in a phone call with*" — a plain statement
//! (010) whose clause names a telephone conversation or call as its setting is the call itself,
//! CAMEO's 041 (discuss by telephone), with the statement's source and target.

use crate::text::Token;
use std::ops::Range;

/// The code of a telephone call.
pub(super) const PHONE_CALL: &str = "041";

/// Words for the telephone.
const PHONE_WORDS: [&str; 2] = ["phone", "telephone"];

/// Nouns of a conversation held on it.
const CALL_NOUNS: [&str; 4] = ["conversation", "call", "talk", "exchange"];

/// Prepositions that set an utterance in a call ("in", "during", "over").
const SETTING_PREPOSITIONS: [&str; 3] = ["in", "during", "over"];

/// Whether the clause `scope` sets its statement in a telephone conversation or call: a setting
/// preposition, at most two determiners or modifiers, a telephone word and a call noun ("in a
/// telephone conversation", "during a lengthy phone call"), or "by (tele)phone".
pub(super) fn by_telephone(tokens: &[Token], scope: Range<usize>) -> bool {
    let words = tokens.get(scope).unwrap_or(&[]);
    words.iter().enumerate().any(|(k, t)| {
        let rest = &words[k + 1..];
        match t.lower.as_str() {
            "by" => rest.first().is_some_and(is_phone),
            p if SETTING_PREPOSITIONS.contains(&p) => call_phrase(rest),
            _ => false,
        }
    })
}

/// "a telephone conversation", "a lengthy phone call": up to two words before the telephone
/// word, then a call noun.
fn call_phrase(rest: &[Token]) -> bool {
    let Some(phone) = rest.iter().take(3).position(is_phone) else {
        return false;
    };
    rest.get(phone + 1)
        .is_some_and(|t| CALL_NOUNS.contains(&t.lemma.as_str()))
}

/// "phone", "telephone".
fn is_phone(t: &Token) -> bool {
    PHONE_WORDS.contains(&t.lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_support::word_token;

    fn phoned(text: &str) -> bool {
        let toks: Vec<Token> = text.split(' ').map(|w| word_token(w, w == ".")).collect();
        let n = toks.len();
        by_telephone(&toks, 0..n)
    }

    #[test]
    fn a_telephone_conversation_is_a_call() {
        assert!(phoned(
            "He was told of the deadline by Peres in a telephone conversation ."
        ));
        assert!(phoned("The minister said during a lengthy phone call that"));
        assert!(phoned("He told him by telephone"));
    }

    #[test]
    fn other_settings_are_not() {
        assert!(!phoned("He said in a statement that"));
        assert!(!phoned("He said in a television interview"));
        assert!(!phoned("The phone call was recorded in a conversation"));
    }
}
