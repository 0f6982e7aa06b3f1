//! A standalone role noun's own place: "Police in Lagos", "Pirates off the coast of Nigeria",
//! "Farmers in northern Ghana", "Intelligence sources in Washington" — a role noun followed
//! right away by a preposition of `role-place-prepositions.txt`, then determiners and area
//! adjectives ("northern"), optionally a part of a place and "of" ("the coast of",
//! `role-place-area-nouns.txt`), then a place or a country: the people are that place's
//! (rule and `via` `role-place`). It wins over the context country ("Rioters in London" in a
//! story about Paris are British) but not over an earlier actor with the same agent ("the
//! Israeli army ... troops in Gaza").

use super::actor_forms::RoleCountries;
use super::grammar::{AREA_ADJECTIVES, ROLE_PLACE_AREA_NOUNS, ROLE_PLACE_PREPOSITIONS};
use super::mentions::{Mention, MentionKind};
use crate::text::{Tag, Token};

/// The country of the place right after the role noun ending before token `end`, if any: a
/// place of the sentence ("in Lagos") or a country actor ("off the coast of Nigeria"). A
/// gazetteer city that is neither is not used: the document's places give its country.
pub(super) fn own_place_country<'a>(
    tokens: &[Token],
    end: usize,
    cx: &RoleCountries<'a>,
    mentions: &[Mention],
) -> Option<String> {
    let start = place_start(tokens, end)?;
    // The place heads its phrase: "near the Afghan border" is no place in Afghanistan.
    let heads = |end: usize| tokens.get(end).is_none_or(|t| !modifies(t));
    let place = cx
        .places
        .iter()
        .find(|p| p.start == start && heads(p.end))
        .map(|p| p.code.to_string());
    let country = || {
        mentions
            .iter()
            .find(|m| m.start == start && m.kind == MentionKind::Dictionary && m.code.len() == 3)
            .filter(|m| heads(m.end))
            .map(|m| m.code.to_string())
    };
    place
        .or_else(country)
        .and_then(|c| c.get(..3).map(str::to_string))
        .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Where the place after the role noun ending before `end` starts: past the preposition, the
/// determiners and area adjectives, and a part of a place with its "of".
fn place_start(tokens: &[Token], end: usize) -> Option<usize> {
    let preposition = tokens.get(end)?;
    if !ROLE_PLACE_PREPOSITIONS.contains(&preposition.lower) {
        return None;
    }
    let mut j = past_modifiers(tokens, end + 1);
    let part = tokens
        .get(j)
        .is_some_and(|t| ROLE_PLACE_AREA_NOUNS.contains(&t.lower));
    if part && tokens.get(j + 1).is_some_and(|t| t.lower == "of") {
        j = past_modifiers(tokens, j + 2);
    }
    (j < tokens.len()).then_some(j)
}

/// A word a place before it would modify: a common noun or an adjective ("the Afghan
/// *border*"); a capitalised word goes on with the place's name ("Lagos *State*").
fn modifies(t: &Token) -> bool {
    matches!(t.tag, Tag::NN | Tag::NNS | Tag::JJ | Tag::POS)
        && !t.text.starts_with(char::is_uppercase)
        || t.tag == Tag::POS
}

/// The first token from `j` on that is no determiner or area adjective.
fn past_modifiers(tokens: &[Token], mut j: usize) -> usize {
    while tokens
        .get(j)
        .is_some_and(|t| t.tag == Tag::DT || AREA_ADJECTIVES.contains(&t.lower))
    {
        j += 1;
    }
    j
}
