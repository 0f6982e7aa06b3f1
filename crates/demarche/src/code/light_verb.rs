//! Light verbs (`grammar/light-verbs.txt`): a verb that says little itself and passes its
//! subject to the event noun that is its direct object — "held talks with", "launched an attack
//! on", "lodged a complaint against". The noun's own pattern gives the code and the target
//! slot; this module finds the verb whose object an event noun is and says whether its act
//! took place ("did not hold talks with" holds none).

use super::grammar::{FUTURE_MODALS, LIGHT_VERBS};
use super::modality::hypothetical;
use super::patterns::verb_group_negated;
use crate::text::{Sentence, Tag, Token};

/// The verb whose direct object is the noun phrase starting at `np_start` ("held" in "held
/// talks", "carried" in "carried out a raid") inside the clause starting at `clause_start`,
/// with whether it is a light verb.
pub(super) fn governing_verb(
    tokens: &[Token],
    clause_start: usize,
    np_start: usize,
) -> Option<(usize, bool)> {
    let before = np_start.checked_sub(1).filter(|&b| b >= clause_start)?;
    let t = &tokens[before];
    if t.tag.is_verb() {
        return Some((before, LIGHT_VERBS.contains(&t.lemma)));
    }
    let verb = before.checked_sub(1).filter(|&v| v >= clause_start)?;
    let v = &tokens[verb];
    if !(matches!(t.tag, Tag::RP | Tag::RB | Tag::IN) && v.tag.is_verb()) {
        return None;
    }
    let key = format!("{} {}", v.lemma, t.lower);
    LIGHT_VERBS.contains(&key).then_some((verb, true))
}

/// Whether the light verb's act happened: not negated ("did not launch an attack"), not
/// hypothetical ("could hold talks", "if they mount an offensive") and not announced ("will
/// hold talks": the verb's own patterns code intentions).
pub(super) fn realized(sentence: &Sentence, clause_idx: usize, verb: usize) -> bool {
    let tokens = &sentence.tokens;
    let start = sentence.clauses[clause_idx].tokens.start;
    !verb_group_negated(tokens, verb, start)
        && !future(tokens, verb, start)
        && hypothetical(sentence, clause_idx, verb).is_none()
}

/// A future modal in the verb group before `verb` ("will hold", "would launch").
fn future(tokens: &[Token], verb: usize, start: usize) -> bool {
    tokens[start..verb]
        .iter()
        .rev()
        .take_while(|t| t.tag == Tag::MD || t.tag == Tag::RB || t.tag.is_verb())
        .any(|t| t.tag == Tag::MD && FUTURE_MODALS.contains(&t.lower))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::bundled_tokens as tokens;

    /// The governing verb's word and whether it is a light verb.
    type Governor = Option<(&'static str, bool)>;

    /// (sentence, index of the object's first word, clause start, expected governor).
    const CASES: &[(&str, usize, usize, Governor)] = &[
        (
            "Israel launched an attack on Gaza .",
            2,
            0,
            Some(("launched", true)),
        ),
        (
            "Israel carried out a raid on Gaza .",
            3,
            0,
            Some(("carried", true)),
        ),
        (
            "Israel condemned the attack on Gaza .",
            2,
            0,
            Some(("condemned", false)),
        ),
        // The verb before the clause is not its governor.
        ("Israel launched an attack on Gaza .", 2, 2, None),
        (
            "Israel said attacks on Gaza continued .",
            2,
            0,
            Some(("said", false)),
        ),
        ("The attack on Gaza angered Egypt .", 0, 0, None),
    ];

    #[test]
    fn finds_the_verb_governing_an_object() {
        for &(text, np_start, clause_start, expected) in CASES {
            let toks = tokens(text);
            let got = governing_verb(&toks, clause_start, np_start)
                .map(|(v, light)| (toks[v].text.as_str(), light));
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn a_future_modal_is_found_past_adverbs() {
        let toks = tokens("Russia will soon launch an attack .");
        assert!(future(&toks, 3, 0));
        let toks = tokens("Russia has launched an attack .");
        assert!(!future(&toks, 2, 0));
    }
}
