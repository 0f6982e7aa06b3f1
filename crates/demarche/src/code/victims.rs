//! Victims as the target of an act of force that names none: the people a participle after it
//! harms ("US jets blasted several vehicles, *killing 14 people*") and the people harmed in the
//! clause a "when" attack explains ("*another 10 people* were killed when US planes bombarded
//! vehicles", "*the children* died when gunships fired on two cars").
//!
//! Only an event already coded as force (18x–20x) takes victims, so a storm or a match that
//! "left three people dead" codes nothing; a participle that inherits the act's subject
//! tells what the act did ("troops raided the camp, *killing* three militants": one act, the
//! militants its target), one with a subject of its own lends no victims; a place
//! the act struck ("in Gaza") still gives the target country before its victims do. The harm
//! words and the conjunctions are data: `victim-verbs.txt`, `death-verbs.txt` and
//! `victim-conjunctions.txt` under `dictionaries/grammar/`.

use super::decision::{SourceRule, TargetRule};
use super::grammar::{DEATH_VERBS, VICTIM_CONJUNCTIONS, VICTIM_VERBS};
use super::mentions::Mention;
use super::sentence::SentenceContext;
use super::source::{conjoined, group, subject_of};
use crate::model::SharedStr;
use crate::text::{ClauseKind, Tag, Token};
use std::ops::Range;

/// How far after the harm verb its object may start ("killing at least 14 people").
const OBJECT_REACH: usize = 6;

/// The victims of the act of force at `head` in clause `clause_idx`, and the rule that found
/// them; `None` when the sentence names none.
pub(super) fn victims<'m>(
    ctx: &'m SentenceContext<'_>,
    head: usize,
    clause_idx: usize,
) -> Option<(Vec<Option<&'m Mention>>, TargetRule)> {
    if let Some(v) = participle_victims(ctx, head, clause_idx) {
        return Some((v, TargetRule::ParticipleVictims));
    }
    if let Some(v) = clause_victims(ctx, clause_idx) {
        return Some((v, TargetRule::ClauseVictims));
    }
    reduced_relative_victims(ctx, head, clause_idx).map(|v| (v, TargetRule::ReducedRelativeVictims))
}

/// The actor a harm participle follows when the act of force is the noun of the phrase right
/// after the participle: "*Three Palestinians* killed in an Israeli air strike were buried",
/// also as a full passive: "*three soldiers* were wounded in a rebel air strike".
fn reduced_relative_victims<'m>(
    ctx: &'m SentenceContext<'_>,
    head: usize,
    clause_idx: usize,
) -> Option<Vec<Option<&'m Mention>>> {
    let tokens = ctx.tokens();
    let start = ctx.sentence.clauses[clause_idx].tokens.start;
    let in_phrase = |t: &Token| t.tag.is_prenominal() || t.tag.is_noun();
    let mut j = head;
    while j > start && in_phrase(&tokens[j - 1]) {
        j -= 1;
    }
    let (preposition, verb) = (j.checked_sub(1)?, j.checked_sub(2)?);
    let harms = tokens[verb].tag == Tag::VBN && VICTIM_VERBS.contains(&tokens[verb].lemma);
    let subject_end = passive_subject_end(tokens, start, verb);
    let after_actor = ctx.mentions.iter().any(|x| x.end == subject_end);
    if tokens[preposition].tag != Tag::IN || !harms || subject_end <= start || !after_actor {
        return None;
    }
    joined_victim(ctx, start..subject_end, subject_end)
}

/// Where the subject of the harm participle at `verb` ends: right before it ("soldiers killed
/// in"), or before its "be" auxiliary and adverbs ("soldiers *were* killed in", "*had been*").
fn passive_subject_end(tokens: &[Token], start: usize, verb: usize) -> usize {
    let mut j = verb;
    let auxiliary =
        |t: &Token| t.tag == Tag::RB || crate::text::tag::auxiliary_of(&t.lower).is_some();
    while j > start && tokens.get(j - 1).is_some_and(auxiliary) {
        j -= 1;
    }
    j
}

/// Whether an event's target came from its victims (its `rules`), so that the place it struck
/// may still take its place.
pub(super) fn yields_to_place(rules: &[SharedStr]) -> bool {
    rules.iter().any(|r| is_victim_rule(r))
}

/// Drops the victim rule from `rules` once a place target has replaced the victims.
pub(super) fn forget(rules: &mut Vec<SharedStr>) {
    rules.retain(|r| !is_victim_rule(r));
}

/// Rule name `r` is one of this module's.
fn is_victim_rule(r: &str) -> bool {
    [TargetRule::ParticipleVictims, TargetRule::ClauseVictims]
        .into_iter()
        .any(|t| t.as_str() == r)
}

/// The object of a harm participle in the participial clause right after the act's clause or
/// hanging from it, when the participle has no subject of its own (none, or the one it
/// inherits): "the agency said US jets blasted several vehicles, *killing 14 people*".
fn participle_victims<'m>(
    ctx: &'m SentenceContext<'_>,
    head: usize,
    clause_idx: usize,
) -> Option<Vec<Option<&'m Mention>>> {
    let clauses = &ctx.sentence.clauses;
    let end = clauses[clause_idx].tokens.end;
    let (k, c) = clauses
        .iter()
        .enumerate()
        .skip(clause_idx + 1)
        .find(|(_, c)| {
            c.kind == ClauseKind::Participial
                && c.tokens.start > head
                && (c.tokens.start == end || c.parent == Some(clause_idx))
        })?;
    let tokens = ctx.tokens();
    let verb = c.tokens.clone().find(|&j| !is_filler(&tokens[j]))?;
    let harms = tokens[verb].tag == Tag::VBG && VICTIM_VERBS.contains(&tokens[verb].lemma);
    let (subject, rule) = subject_of(ctx.sentence, &ctx.mentions, k, verb);
    let own_subject = !subject.is_empty() && rule != Some(SourceRule::InheritedSubject);
    if !harms || own_subject {
        return None;
    }
    let reach = verb + 1..c.tokens.end.min(verb + 1 + OBJECT_REACH);
    joined_victim(ctx, reach, c.tokens.end)
}

/// A comma or adverb before a participial clause's verb.
fn is_filler(t: &Token) -> bool {
    t.text == "," || t.tag == Tag::RB
}

/// The subject of the harm predicate of the clause a "when"/"as" clause hangs from, when the
/// act of force is that clause's: "another 10 people were killed *when US planes bombarded*".
fn clause_victims<'m>(
    ctx: &'m SentenceContext<'_>,
    clause_idx: usize,
) -> Option<Vec<Option<&'m Mention>>> {
    let clauses = &ctx.sentence.clauses;
    let c = &clauses[clause_idx];
    let tokens = ctx.tokens();
    let opens = tokens
        .get(c.tokens.start)
        .is_some_and(|t| VICTIM_CONJUNCTIONS.contains(&t.lower));
    if c.kind != ClauseKind::Subordinate || !opens {
        return None;
    }
    let parent = clauses[c.parent?].tokens.start..c.tokens.start;
    let harm = parent
        .clone()
        .find(|&j| is_harm_predicate(tokens, j, parent.start))?;
    joined_victim(ctx, parent.start..harm, harm)
}

/// Token `j` is a passive harm verb ("were killed") or a verb of death ("died").
fn is_harm_predicate(tokens: &[Token], j: usize, start: usize) -> bool {
    let t = &tokens[j];
    if DEATH_VERBS.contains(&t.lemma) && t.tag.is_verb() {
        return true;
    }
    if t.tag != Tag::VBN || !VICTIM_VERBS.contains(&t.lemma) {
        return false;
    }
    tokens[start..j]
        .iter()
        .rev()
        .find(|t| t.tag != Tag::RB)
        .is_some_and(|t| crate::text::tag::auxiliary_of(&t.lower) == Some("be"))
}

/// The first actor starting in `reach`, outside any prepositional phrase, with the actors
/// joined to it that end by `limit`.
fn joined_victim<'m>(
    ctx: &'m SentenceContext<'_>,
    reach: Range<usize>,
    limit: usize,
) -> Option<Vec<Option<&'m Mention>>> {
    let mentions = &ctx.mentions[..];
    let first = mentions
        .iter()
        .find(|x| reach.contains(&x.start) && x.preposition.is_none())?;
    let joined = conjoined(ctx.tokens(), group(mentions, first));
    Some(
        joined
            .into_iter()
            .filter(|x| x.end <= limit)
            .map(Some)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_targets_replace_only_victim_targets() {
        let cases: [(&[&str], bool); 4] = [
            (&["hardware", "participle-victims"], true),
            (&["clause-victims", "context-country"], true),
            (&["passive-subject"], false),
            (&[], false),
        ];
        for (rules, yields) in cases {
            let mut rules: Vec<SharedStr> = rules
                .iter()
                .map(|r| SharedStr::from(r.to_string()))
                .collect();
            assert_eq!(yields_to_place(&rules), yields, "{rules:?}");
            forget(&mut rules);
            assert!(!yields_to_place(&rules), "{rules:?}");
        }
    }
}
