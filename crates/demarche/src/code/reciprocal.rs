//! Mutual events: "China and Japan signed a trade pact", "the two sides met", "talks between
//! India and Pakistan". When joined actors are the sources of a mutual verb or event noun and
//! no target is named, each acts on the other (A→B and B→A), as CAMEO coders code them.
//!
//! The two sides ("both sides massed troops", "the two countries expelled diplomats") act on
//! each other whatever the verb, when the act has no other target.
//!
//! Which patterns are mutual is data: `dictionaries/grammar/reciprocal-words.txt` (verbs and
//! event nouns) and `reciprocal-roots.txt` (the CAMEO codes in which they are mutual).

use super::decision::Rule;
use super::grammar::{RECIPROCAL_ROOTS, RECIPROCAL_WORDS};
use super::patterns::VerbMatch;
use super::sentence::fixed_tokens;
use crate::model::{Actor, Event};
use crate::text::{Tag, Token};

/// Whether match `m` is a mutual act: its code is in a mutual family and its head or a fixed
/// word is a mutual word — after the infinitive, if it has one ("agreed to meet" is mutual,
/// "agreed to send troops" is not).
pub(super) fn is_mutual(tokens: &[Token], m: &VerbMatch<'_>) -> bool {
    let code = m.pattern.code.as_str();
    if !RECIPROCAL_ROOTS.has_prefix_of(code) {
        return false;
    }
    // The fixed words come in token order: those after the last infinitive marker are the
    // content.
    let infinitive = fixed_tokens(m)
        .filter(|&k| tokens[k].lower == "to" && tokens.get(k + 1).is_some_and(is_base_verb))
        .last();
    fixed_tokens(m)
        .filter(|&k| infinitive.is_none_or(|p| k > p))
        .any(|k| {
            RECIPROCAL_WORDS.contains(&tokens[k].lemma)
                || RECIPROCAL_WORDS.contains(&tokens[k].lower)
        })
}

/// A base-form verb (the verb of an infinitive).
fn is_base_verb(t: &Token) -> bool {
    t.tag == Tag::VB
}

/// The events of one mutual match, paired up: when they have two or more distinct sources and
/// none has a target, each source gets an event towards each other source. Otherwise the
/// events are returned as they are.
pub(super) fn pair_up(events: Vec<Event>) -> Vec<Event> {
    if events.iter().any(|e| e.target.is_some()) {
        return events;
    }
    let sources: Vec<Actor> = distinct_sources(&events);
    if sources.len() < 2 {
        return events;
    }
    let mut out = Vec::with_capacity(events.len() * (sources.len() - 1));
    for e in &events {
        let Some(own) = e.source.as_ref() else {
            continue;
        };
        for other in sources.iter().filter(|o| o.code != own.code) {
            let mut paired = e.clone();
            paired.target = Some(other.clone());
            paired.rules.push(Rule::Reciprocal.into());
            out.push(paired);
        }
    }
    out
}

/// The events' source actors, one per code, in order.
fn distinct_sources(events: &[Event]) -> Vec<Actor> {
    let mut out: Vec<Actor> = Vec::new();
    for s in events.iter().filter_map(|e| e.source.as_ref()) {
        if !out.iter().any(|o| o.code == s.code) {
            out.push(s.clone());
        }
    }
    out
}

/// "both sides massed troops": each event whose source is one of the two sides `sides` and
/// whose target is none or the other side becomes two, A→B and B→A.
pub(super) fn both_sides(events: Vec<Event>, sides: [&Actor; 2]) -> Vec<Event> {
    let side = |a: &Actor| {
        sides
            .iter()
            .position(|s| s.code == a.code && s.span == a.span)
    };
    let mut out = Vec::with_capacity(events.len() + 1);
    for e in events {
        let Some(k) = e.source.as_ref().and_then(side) else {
            out.push(e);
            continue;
        };
        let other = sides[1 - k];
        let aimed = e.target.as_ref().is_none_or(|t| t.code == other.code);
        if !aimed {
            out.push(e);
            continue;
        }
        let mut there = e.clone();
        there.target = Some(other.clone());
        let mut back = e;
        back.source = Some(other.clone());
        back.target = Some(sides[k].clone());
        for x in [&mut there, &mut back] {
            if !x.rules.iter().any(|r| r == "reciprocal") {
                x.rules.push(Rule::Reciprocal.into());
            }
        }
        out.extend([there, back]);
    }
    out
}
