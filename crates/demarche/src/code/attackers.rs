//! Who attacks in an agentless passive of force (18x–20x), when no `by` phrase and no actor
//! modifying an attack noun ("in a Hamas ambush", `code/source.rs`) names one:
//!
//! * an attack noun after a pointing determiner names an act of force told earlier in the
//!   document: "Israeli jets bombed Gaza. Two people were killed in *the strikes*" takes the
//!   source of the latest act of force of the sentences before (`attack-reference`,
//!   `REFERENCE_WINDOW`); none when that source is on the victims' side ("the militant was
//!   wounded in the botched attack": his own act);
//! * else an attack noun ("wounded in an ambush") says someone attacked whom the text does not
//!   name: the unknown actor `---` (`unknown-attacker`), when the passive's subject is an actor
//!   and no "when"/"as" clause after it tells what happened — "two people were killed in a car
//!   crash" codes nothing; so does a passive with no attack noun whose verb accidents do too
//!   ("two soldiers were killed near the border"), while a verb that names an attack by itself
//!   (`attack-verbs.txt`: "was shot dead", "was kidnapped") implies the unknown actor as well.
//!
//! The implied source points at the attack noun. The nouns are data: `attack-nouns.txt`,
//! `force-reference-nouns.txt`, `attack-verbs.txt`.

use super::authority::after_be;
use super::grammar::{
    ATTACK_NOUNS, ATTACK_NOUN_PREPOSITIONS, ATTACK_VERBS, FORCE_REFERENCE_NOUNS,
    VICTIM_CONJUNCTIONS,
};
use super::mentions::{Mention, MentionKind};
use super::patterns::VerbMatch;
use super::sentence::SentenceContext;
use crate::text::ClauseKind;

/// How many sentences back the act of force "the strikes" names may stand.
pub(super) const REFERENCE_WINDOW: usize = 4;

/// Determiners that point back at an act already told ("the strikes", "these raids").
const POINTING: [&str; 5] = ["the", "this", "that", "these", "those"];

/// The code of an attacker the text does not name.
const UNKNOWN: &str = "---";

/// An attack-noun phrase after the verb: the noun's token, and whether a pointing determiner
/// opens it.
#[derive(Clone, Copy, Debug)]
struct AttackPhrase {
    noun: usize,
    pointing: bool,
}

/// The implied attacker of agentless passive match `m` in clause `clause_idx`, and whether it
/// is the earlier act's source (`attack-reference`) rather than the unknown actor.
pub(super) fn implied_attacker(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
) -> Option<(Mention, bool)> {
    let force = super::reply::is_force(m.pattern.code.as_str());
    if m.pattern.noun || !force || !after_be(ctx.tokens(), m.head) {
        return None;
    }
    let phrase = attack_phrase(ctx, m.head, clause_idx);
    let victim = victim(ctx, m.head, clause_idx);
    if let (Some(p), Some(prior)) = (phrase.filter(|p| p.pointing), &ctx.prior_force) {
        if victim.is_some_and(|v| one_side(&prior.code, &v.code)) {
            return None; // "the militant was wounded in the botched attack": his own
        }
        let mut x = Mention::implied(p.noun, prior.code.as_str(), prior.entry.as_str());
        x.kind = MentionKind::Coreference;
        x.antecedent = Some(prior.text.as_str().into());
        return Some((x, true));
    }
    let (at, entry) = match phrase {
        Some(p) => (p.noun, "grammar/attack-nouns.txt"),
        None if names_attack(ctx, m) => (m.head, "grammar/attack-verbs.txt"),
        None => return None,
    };
    if victim.is_none() || explained(ctx, m.head, clause_idx) {
        return None;
    }
    Some((Mention::implied(at, UNKNOWN, entry), false))
}

/// Whether the match's verb names an attack by itself (`attack-verbs.txt`: "was *shot* dead",
/// "was *kidnapped*"), unlike verbs of harm that accidents do too ("killed", "injured").
fn names_attack(ctx: &SentenceContext<'_>, m: &VerbMatch<'_>) -> bool {
    ATTACK_VERBS.contains(ctx.tokens()[m.head].lemma.as_str())
}

/// Whether actors `a` and `b` are one side: one country (`reply::same_side`) and one agent, or
/// no agent on one of them ("PSE" and "PSEREB"); "KENUAF" and "KENCOP" are two.
fn one_side(a: &str, b: &str) -> bool {
    let agent = |c: &str| c.get(3..).unwrap_or("").to_string();
    let (x, y) = (agent(a), agent(b));
    super::reply::same_side(a, b) && (x.is_empty() || y.is_empty() || x == y)
}

/// The actor before `head` in its clause outside any prepositional phrase: the passive's
/// subject, its victim.
fn victim<'m>(ctx: &'m SentenceContext<'_>, head: usize, clause_idx: usize) -> Option<&'m Mention> {
    let clause = &ctx.sentence.clauses[clause_idx].tokens;
    ctx.mentions
        .iter()
        .find(|x| x.start >= clause.start && x.end <= head && x.preposition.is_none())
}

/// Whether a "when"/"as"/"after" clause (`victim-conjunctions.txt`) hangs from clause
/// `clause_idx`: "a man was shot dead *as troops charged into the town*" tells who did it in
/// words of its own (`code/victims.rs`), so no unknown attacker is implied.
fn explained(ctx: &SentenceContext<'_>, head: usize, clause_idx: usize) -> bool {
    let tokens = ctx.tokens();
    let opens = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| VICTIM_CONJUNCTIONS.contains(&t.lower))
    };
    let child = ctx.sentence.clauses.iter().any(|c| {
        c.parent == Some(clause_idx) && c.kind == ClauseKind::Subordinate && opens(c.tokens.start)
    });
    // "as Israeli forces charged" left inside the clause: the conjunction, then an actor.
    let clause = &ctx.sentence.clauses[clause_idx].tokens;
    let inside = ctx.mentions.iter().any(|x| {
        x.start > head + 1 && x.end <= clause.end && x.preposition.is_none() && {
            let det = tokens[x.start - 1].tag == crate::text::Tag::DT;
            opens(x.start - 1) || (det && x.start > head + 2 && opens(x.start - 2))
        }
    });
    child || inside
}

/// The first "in"/"during" attack-noun phrase after `head` in clause `clause_idx`.
fn attack_phrase(
    ctx: &SentenceContext<'_>,
    head: usize,
    clause_idx: usize,
) -> Option<AttackPhrase> {
    let tokens = ctx.tokens();
    let clause = &ctx.sentence.clauses[clause_idx].tokens;
    (head + 1..clause.end)
        .filter(|&k| ATTACK_NOUN_PREPOSITIONS.contains(&tokens[k].lower))
        .find_map(|open| attack_noun_after(ctx, open, clause.end))
}

/// The phrase after preposition `open` when its last noun is an attack noun, it holds no actor
/// (an owner names the doer: `code/source.rs`) and no `by` phrase follows it.
fn attack_noun_after(ctx: &SentenceContext<'_>, open: usize, end: usize) -> Option<AttackPhrase> {
    let tokens = ctx.tokens();
    let mut k = open + 1;
    while k < end && (tokens[k].tag.is_prenominal() || tokens[k].tag.is_noun()) {
        k += 1;
    }
    let noun = k
        .checked_sub(1)
        .filter(|&n| n > open && tokens[n].tag.is_noun())?;
    let lemma = tokens[noun].lemma.as_str();
    let attack = ATTACK_NOUNS.contains(lemma) || FORCE_REFERENCE_NOUNS.contains(lemma);
    let owned = ctx
        .mentions
        .iter()
        .any(|x| x.start > open && x.start <= noun);
    let by = tokens.get(k).is_some_and(|t| t.lower == "by");
    let pointing = POINTING.contains(&tokens[open + 1].lower.as_str());
    (attack && !owned && !by).then_some(AttackPhrase { noun, pointing })
}

#[cfg(test)]
mod tests {
    use super::one_side;

    #[test]
    fn a_bare_country_is_one_side_with_its_agents() {
        for (a, b, want) in [
            ("PSE", "PSEREB", true),
            ("PSEREB", "PSEREB", true),
            ("KENUAF", "KENCOP", false),
            ("ISRMIL", "PSE", false),
            ("---REB", "---REB", true),
        ] {
            assert_eq!(one_side(a, b), want, "{a} {b}");
        }
    }
}
