//! Surnames that are also places: whether a person matched by surname alone ("Lagos" for
//! Ricardo Lagos) is, in this sentence, the place of that name ("Police in Lagos", "Lagos
//! police", "Lima's streets"). A name learned earlier in the document (after "President
//! Ricardo Lagos") never gets here: it is found as the learned person.

use super::grammar::{SURNAME_PLACE_NOUNS, SURNAME_PLACE_PREPOSITIONS};
use super::names::NameIndex;
use crate::text::{Tag, Token};

/// Whether the surname match `tokens[start..end]` names a known place (a large city or a
/// capital, a region or a country of the gazetteer) in a place context.
pub(super) fn reads_as_place(
    tokens: &[Token],
    names: &NameIndex,
    start: usize,
    end: usize,
) -> bool {
    let lower: Vec<&str> = tokens[start..end]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    place_context(tokens, start, end) && names.is_known_place(&lower)
}

/// After a locative or motion preposition ("in", "from", "near the"), or before a place noun,
/// directly or after a possessive ("Lagos police", "Lagos's streets").
fn place_context(tokens: &[Token], start: usize, end: usize) -> bool {
    let mut j = start;
    while j > 0 && tokens[j - 1].tag == Tag::DT {
        j -= 1;
    }
    let after_preposition = j > 0 && SURNAME_PLACE_PREPOSITIONS.contains(&tokens[j - 1].lower);
    let possessive = tokens.get(end).is_some_and(|t| t.tag == Tag::POS);
    let noun_at = if possessive { end + 1 } else { end };
    let place_noun = tokens
        .get(noun_at)
        .is_some_and(|t| SURNAME_PLACE_NOUNS.contains(&t.lower));
    after_preposition || place_noun
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::code::bundled_tokens as tokens;

    #[test]
    fn place_contexts() {
        // (sentence, index of the name token, a place context)
        let cases = [
            ("Police in Lagos arrested two men.", 2, true),
            ("Flights from the Lima airport resumed.", 3, true),
            ("Lagos police arrested two men.", 0, true),
            ("Lagos's streets were empty.", 0, true),
            ("Lagos said on Monday he would resign.", 0, false),
            ("Lagos met Bachelet in Santiago.", 0, false),
            ("Lagos's decision surprised many.", 0, false),
        ];
        for (text, at, want) in cases {
            let toks = tokens(text);
            assert_eq!(place_context(&toks, at, at + 1), want, "{text}");
        }
    }
}
