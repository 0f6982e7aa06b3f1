//! Actors named through an organisation: the members, heads and spokesmen of a body ("a
//! spokesman for the Pakistani army" → `PAKMIL`, "the chief executive of Telstra" → `AUSBUS`),
//! organisations named by a proper name that ends in a class word ("Kenya Airways", "Makerere
//! University", "the Royal Melbourne Hospital", "Acme Mining Ltd"), and the former holders of
//! an office ("a former Kenyan finance minister" → `KENELI`).

use super::actor_forms::AgentMatch;
use super::grammar::{
    FORMER_AGENTS, FORMER_WORDS, ORGANISATION_AGENTS, ORGANISATION_PREPOSITIONS, RELATION_NOUNS,
};
use super::label;
use super::mentions::{CountryFrom, Mention, MentionKind, PlaceMention};
use super::name_tokens::NameTokens;
use super::names::NameIndex;
use crate::text::{Tag, Token};

fn capitalized(t: &Token) -> bool {
    t.text.starts_with(char::is_uppercase)
}

fn taken(mentions: &[Mention], start: usize, end: usize) -> bool {
    mentions.iter().any(|m| m.start < end && m.end > start)
}

/// "a spokesman for the Pakistani army", "the head of Sri Lanka's chamber of commerce",
/// "editors of Malaysian newspapers": a member noun (`relation-nouns.txt`), or an agent noun
/// with the body's own agent, then "of/for/at" and a body with a full code: the body's mention
/// grows to cover the member, with the body's code.
pub(super) fn members_of_organisations(
    words: &NameTokens<'_>,
    agents: &[AgentMatch<'_>],
    used: &mut [bool],
    mentions: &mut [Mention],
) {
    let tokens = words.tokens;
    for i in 0..tokens.len().saturating_sub(2) {
        if !ORGANISATION_PREPOSITIONS.contains(words.lower[i + 1]) {
            continue;
        }
        // A body's mention after the preposition first: most "of"s have none.
        let j = i + 2 + usize::from(tokens[i + 2].tag == Tag::DT);
        let Some(pos) = mentions.iter().position(|m| m.start == j) else {
            continue;
        };
        if taken(mentions, i, i + 1) {
            continue;
        }
        let relation = RELATION_NOUNS.contains(tokens[i].lemma.as_str());
        let agent = agents.iter().position(|(am, _)| am.end == i + 1);
        let body = mentions[pos].code.clone();
        let same_agent = |k: usize| body.get(3..6) == Some(agents[k].1.code.as_str());
        if body.len() <= 3 || !(relation || agent.is_some_and(same_agent)) {
            continue;
        }
        let head = agent.map_or(i, |k| agents[k].0.start);
        if let Some(k) = agent {
            used[k] = true;
        }
        mentions[pos].start = modifiers_start(tokens, mentions, head);
    }
}

/// Where the noun phrase of the head at `head` starts: back over its adjectives and noun
/// modifiers ("a *senior* member", "the *chief* executive"), not over determiners or actors.
fn modifiers_start(tokens: &[Token], mentions: &[Mention], head: usize) -> usize {
    let mut b = head;
    while b > 0
        && matches!(tokens[b - 1].tag, Tag::JJ | Tag::NN | Tag::VBN | Tag::JJS)
        && !taken(mentions, b - 1, b)
    {
        b -= 1;
    }
    b
}

/// "Kenya Airways" is left to the country + agent rule; "the Commonwealth Bank", "Makerere
/// University", "The Transport Workers Union", "the University of Sydney": an agent of
/// `organisation-agents.txt` written capitalized after a run of capitalized words, or before
/// "of" + a place, is an organisation of its class, unless the name is a place (one of the
/// sentence's `places` or the gazetteer's: "the West Bank"). Its country is that of a place in
/// the name, else `context`, else none (`---`).
pub(super) fn named_organisation_mentions(
    tokens: &[Token],
    names: &NameIndex,
    agents: &[AgentMatch<'_>],
    (places, context): (&[PlaceMention], Option<&str>),
    used: &mut [bool],
    mentions: &mut Vec<Mention>,
) {
    for (k, (am, agent)) in agents.iter().enumerate() {
        let all_caps = tokens[am.start..am.end].iter().all(capitalized);
        if used[k] || !all_caps || !ORGANISATION_AGENTS.contains(&agent.code) {
            continue;
        }
        let mut s = am.start;
        while s > 0 && capitalized(&tokens[s - 1]) && tokens[s - 1].tag != Tag::DT {
            s -= 1;
        }
        let (end, of_place) = of_place(tokens, names, am.end, mentions);
        let inside = (s..am.start).find_map(|x| place_in(tokens, names, x, am.start).map(|p| p.1));
        // One capitalized word at the start of a sentence must be a proper noun ("Makerere").
        let proper = s > 0 || matches!(tokens[s].tag, Tag::NNP | Tag::NNPS);
        let named = s < am.start && proper || s + 1 < am.start || of_place.is_some();
        // "the West Bank" is a place, not a bank.
        let place = place_in(tokens, names, s, am.end).is_some_and(|n| n.0 == am.end - s)
            || places.iter().any(|p| p.start < am.end && p.end > s);
        if !named || place || taken(mentions, s, am.end) {
            continue;
        }
        let found = of_place.or(inside.map(str::to_string));
        let country = found.clone().or(context.map(str::to_string));
        used[k] = true;
        // "the Maritime Union of Australia": the country is part of the name.
        mentions.retain(|m| !(m.start >= am.end && m.end <= end));
        mentions.push(Mention {
            start: s,
            end,
            code: label::code_with(country.as_deref().unwrap_or("---"), &agent.code),
            entry: label::entry_of(&agent.entry),
            person: false,
            kind: MentionKind::RoleNoun,
            preposition: None,
            country_from: (found.is_none() && country.is_some()).then_some(CountryFrom::Context),
            antecedent: country.map(Into::into),
            agent: None,
        });
    }
}

/// A city or division named by the tokens `x..end` from their start: its length in tokens
/// and its country.
fn place_in<'n>(
    tokens: &[Token],
    names: &'n NameIndex,
    x: usize,
    end: usize,
) -> Option<(usize, &'n str)> {
    let lower: Vec<&str> = tokens[x..end].iter().map(|t| t.lower.as_str()).collect();
    names.place_country_at(&lower)
}

/// "University *of Sydney*", "Union *of Australia*": "of" + a capitalized place or country
/// after the class word at `end`: where the name ends and the place's country.
fn of_place(
    tokens: &[Token],
    names: &NameIndex,
    end: usize,
    mentions: &[Mention],
) -> (usize, Option<String>) {
    let of = tokens.get(end).is_some_and(|t| t.lower == "of");
    let mut e = end + 1;
    while of && tokens.get(e).is_some_and(capitalized) {
        e += 1;
    }
    let country = mentions
        .iter()
        .find(|m| m.start == end + 1 && m.end == e && m.code.len() == 3)
        .map(|m| m.code.as_str());
    let place = || place_in(tokens, names, end + 1, e).map(|p| p.1);
    match (of && e > end + 1)
        .then(|| country.or_else(place))
        .flatten()
    {
        Some(country) => (e, Some(country.to_string())),
        None => (end, None),
    }
}

/// "a former Kenyan finance minister", "the former foreign minister of Malaysia", "Former
/// Japanese prime minister X": an official (`former-agents.txt`) right after, or starting
/// with, a word of `former-words.txt` is a former official: the country's elite (`ELI`).
pub(super) fn former_office_holders(tokens: &[Token], mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let official = m.code.len() == 6 && FORMER_AGENTS.contains(&m.code[3..]);
        let former = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| FORMER_WORDS.contains(&t.lower))
        };
        if official && (former(m.start) || m.start > 0 && former(m.start - 1)) {
            m.code = label::code_with(&m.code[..3], "ELI");
        }
    }
}
