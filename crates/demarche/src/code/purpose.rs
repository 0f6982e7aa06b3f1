//! Purpose infinitives of dispatch: what forces are sent to do ("sent troops to quell the
//! unrest", "police were deployed to disperse the crowd") is the sender's aim, not a done act.
//! The sending is coded by its own pattern; the purpose is not.

use super::grammar::{DEPLOYED_FORCE_NOUNS, DISPATCH_VERBS};
use crate::text::{Tag, Token};

/// How far back from the infinitive's "to" the dispatch verb may stand.
const REACH: usize = 10;

/// Why the bare infinitive at `head` is not done: it is the purpose of forces dispatched by a
/// verb of `dispatch-verbs.txt`, the forces (`deployed-force-nouns.txt`) its object ("sent
/// troops to") or its passive subject ("troops were sent in to").
pub(super) fn dispatched_purpose(tokens: &[Token], head: usize) -> Option<String> {
    if tokens.get(head)?.tag != Tag::VB {
        return None;
    }
    let mut to = head.checked_sub(1)?;
    while tokens[to].tag == Tag::RB {
        to = to.checked_sub(1)?;
    }
    if tokens[to].tag != Tag::TO {
        return None;
    }
    let verb = dispatch_verb(tokens, to)?;
    let forces_between = tokens[verb + 1..to].iter().any(is_force);
    let forces_before = || passive_forces(tokens, verb);
    (forces_between || forces_before()).then(|| {
        format!(
            "infinitive after '{}': the purpose of forces sent, not done",
            tokens[verb].text
        )
    })
}

/// The dispatch verb the words before `to` hang from: back over an object, a particle or a
/// place ("sent troops *to the region* to") — nouns, prenominals, adverbs, prepositions.
fn dispatch_verb(tokens: &[Token], to: usize) -> Option<usize> {
    let floor = to.saturating_sub(REACH);
    let mut k = to;
    while k > floor {
        k -= 1;
        let t = &tokens[k];
        if t.tag.is_verb() {
            return DISPATCH_VERBS.contains(&t.lemma).then_some(k);
        }
        let passable = t.tag.is_noun()
            || t.tag.is_prenominal()
            || matches!(
                t.tag,
                Tag::RB | Tag::IN | Tag::TO | Tag::CD | Tag::CC | Tag::RP
            );
        if !passable {
            return None;
        }
    }
    None
}

/// "troops were sent in", "police have been deployed": a passive dispatch whose subject, right
/// before the verb group, is a body of forces.
fn passive_forces(tokens: &[Token], verb: usize) -> bool {
    if tokens[verb].tag != Tag::VBN {
        return false;
    }
    let mut k = verb;
    let mut passive = false;
    while k > 0 && crate::text::tag::auxiliary_of(&tokens[k - 1].lower).is_some() {
        passive |= crate::text::tag::auxiliary_of(&tokens[k - 1].lower) == Some("be");
        k -= 1;
    }
    passive && k > 0 && is_force(&tokens[k - 1])
}

fn is_force(t: &Token) -> bool {
    t.tag.is_noun() && DEPLOYED_FORCE_NOUNS.contains(&t.lower)
}
