//! To whom: the target of an event — the first actor after the pattern's head in its clause
//! (not a source, not in a temporal, locative or `by` phrase), the subject of a passive, or the
//! subject of a complement clause ("insisted North Korea must ..."), or — for a threat — the
//! subject of its condition ("threatened sanctions if Russia invaded Ukraine").

use super::decision::{CameoCode, TargetRule};
use super::grammar::{
    BOMBING_TARGET_PREPOSITIONS, FORCE_TARGET_PREPOSITIONS, NON_TARGET_PREPOSITIONS, REQUEST_NOUNS,
    REQUEST_OWNER_PREPOSITIONS, TARGET_LOCATIVE_PREPOSITIONS, THREAT_CONDITIONS,
};
use super::mentions::{Mention, MentionKind};
use super::patterns::VerbMatch;
use super::sentence::SentenceContext;
use super::source::{conjoined, group, is_determiner_pronoun, subject_of};
use crate::dict::PatternWord;
use crate::text::{ClauseKind, Tag, Token};
use std::ops::Range;

/// The targets of a match (`None`: no target) and the rule that found them.
pub(super) type Targets<'m> = (Vec<Option<&'m Mention>>, Option<TargetRule>);

/// The targets of match `m`; for plain statements (01x) there is no complement target.
pub(super) fn targets_of<'m>(
    ctx: &'m SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    passive: bool,
    sources: &[&Mention],
) -> Targets<'m> {
    let tokens = ctx.tokens();
    let clause = &ctx.sentence.clauses[clause_idx].tokens;
    let reduced_relative = m.head > 0 && matches!(tokens[m.head - 1].tag, Tag::NN | Tag::NNS);
    if passive && !reduced_relative {
        if let Some(s) = passive_subject(ctx, m.head, clause_idx) {
            return (s, Some(TargetRule::PassiveSubject));
        }
    }
    if let Some(objects) = object(ctx, m, clause, sources) {
        return (objects, None);
    }
    if CameoCode::new(&m.pattern.code).is_statement() {
        return (Vec::new(), None);
    }
    match complement_subject(ctx, clause_idx) {
        Some(s) => (s, Some(TargetRule::ComplementSubject)),
        None => (Vec::new(), None),
    }
}

/// The subject of an "if"/"unless" clause hanging from this one: whom a threat is meant to
/// deter ("threatened sanctions *if Russia invaded* Ukraine" → Russia).
pub(super) fn condition_subject<'m>(
    ctx: &'m SentenceContext<'_>,
    clause_idx: usize,
) -> Option<Vec<Option<&'m Mention>>> {
    let sentence = ctx.sentence;
    let tokens = ctx.tokens();
    let (k, c) = sentence.clauses.iter().enumerate().find(|(k, c)| {
        c.parent == Some(clause_idx)
            && c.kind == ClauseKind::Subordinate
            && *k > clause_idx
            && tokens
                .get(c.tokens.start)
                .is_some_and(|t| THREAT_CONDITIONS.contains(&t.lower))
    })?;
    let head = c.tokens.end.min(first_verb(tokens, c.tokens.clone()));
    let (s, _) = subject_of(sentence, &ctx.mentions, k, head);
    (!s.is_empty()).then(|| s.into_iter().map(Some).collect())
}

/// The subject of a passive verb (and the actors joined to it); a clause without a subject of
/// its own takes the one it inherits ("killed a soldier *before being killed* by troops": the
/// main clause's subject; "militants *who were arrested*": the antecedent).
fn passive_subject<'m>(
    ctx: &'m SentenceContext<'_>,
    head: usize,
    clause_idx: usize,
) -> Option<Vec<Option<&'m Mention>>> {
    let mentions = &ctx.mentions[..];
    let clause_start = ctx.sentence.clauses[clause_idx].tokens.start;
    let Some(s) = mentions
        .iter()
        .find(|x| x.start >= clause_start && x.end <= head && x.preposition.is_none())
    else {
        let (inherited, _) = subject_of(ctx.sentence, mentions, clause_idx, head);
        return (!inherited.is_empty()).then(|| inherited.into_iter().map(Some).collect());
    };
    let joined = conjoined(ctx.tokens(), group(mentions, s));
    Some(joined.into_iter().map(Some).collect())
}

/// The first actor after the head in the clause that can be a target, with the actors joined
/// to it inside the clause.
fn object<'m>(
    ctx: &'m SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause: &Range<usize>,
    sources: &[&Mention],
) -> Option<Vec<Option<&'m Mention>>> {
    let (tokens, mentions) = (ctx.tokens(), &ctx.mentions[..]);
    let last_word = match m.pattern.rest.last() {
        Some(PatternWord::Word(w)) => w.as_str(),
        _ => "",
    };
    let end = object_end(tokens, m, clause);
    let aim = Aim {
        last_word,
        force: CameoCode::new(&m.pattern.code).is_aimed(),
        bombing: m.pattern.code.starts_with(BOMBING),
    };
    let c = mentions.iter().find(|x| {
        x.start > m.head
            && x.start < end
            && can_be_target(tokens, mentions, x, sources, aim)
            && !is_pattern_role_noun(m, x)
    })?;
    let joined = conjoined(tokens, group(mentions, c));
    Some(
        joined
            .into_iter()
            .filter(|x| x.end <= clause.end)
            .map(Some)
            .collect(),
    )
}

/// Where the object of match `m` may start at the latest: the clause's end, but for a nominal
/// event the next finite verb ("the arrest of two journalists by police *angered* Britain": not
/// Britain).
fn object_end(tokens: &[Token], m: &VerbMatch<'_>, clause: &Range<usize>) -> usize {
    if !m.pattern.noun {
        return clause.end;
    }
    (m.tokens.end..clause.end)
        .find(|&k| tokens[k].tag.is_finite_verb())
        .unwrap_or(clause.end)
}

/// A role noun that is one of the pattern's own words ("send * troop"): what is sent, not to
/// whom. An act of coercion or force (17x–20x) is done *to* its role noun ("killed three
/// militants", "arrested suspects"), and a violent protest (145) against it ("clashed with
/// police"): that noun stays a target.
fn is_pattern_role_noun(m: &VerbMatch<'_>, x: &Mention) -> bool {
    !CameoCode::new(&m.pattern.code).is_aimed()
        && x.kind == MentionKind::RoleNoun
        && (x.start..x.end).any(|k| m.tokens.contains(&k) && !m.gaps.iter().any(|g| g.contains(&k)))
}

/// The root of the bombing codes (183x), whose place is their aim ("exploded outside the
/// French embassy").
const BOMBING: &str = "183";

/// What the act of a match aims at a place phrase with.
#[derive(Clone, Copy)]
struct Aim<'a> {
    /// The pattern's last word: a place phrase it ends with is its object.
    last_word: &'a str,
    /// An act of force or violent protest: its "at" phrase is its aim.
    force: bool,
    /// A bombing: the owner of the place it went off at, in, near or outside is its aim.
    bombing: bool,
}

/// Not a source, not a determining pronoun, not the sources' own possessive, and not in a
/// temporal or `by` phrase or a place phrase the pattern does not end with (`last_word`) —
/// except the aim of an act of force or violent protest (`force`: "threw grenades at soldiers",
/// "threw stones at police") and the place a bomb went off at (`bombing`: "exploded outside
/// the French embassy", `bombing-target-prepositions.txt`).
fn can_be_target(
    tokens: &[Token],
    mentions: &[Mention],
    x: &Mention,
    sources: &[&Mention],
    aim: Aim<'_>,
) -> bool {
    let Aim {
        last_word,
        force,
        bombing,
    } = aim;
    let own_possessive = x.kind == MentionKind::Coreference
        && tokens[x.start].tag == Tag::PRPS
        && sources.iter().any(|s| s.code.get(..3) == x.code.get(..3));
    let excluded_phrase = x.preposition.as_deref().is_some_and(|p| {
        NON_TARGET_PREPOSITIONS.contains(p) && !owns_request_after(tokens, x)
            || TARGET_LOCATIVE_PREPOSITIONS.contains(p)
                && p != last_word
                && !(force && FORCE_TARGET_PREPOSITIONS.contains(p))
                && !(bombing && BOMBING_TARGET_PREPOSITIONS.contains(p))
    });
    !sources.iter().any(|s| s.start == x.start)
        && !is_determiner_pronoun(tokens, mentions, x)
        && !own_possessive
        && !excluded_phrase
}

/// The actor who made the request or offer at token `request`: a modifier or possessive right
/// before it ("a UN request", "Iran's offer") or the actor of a "by"/"from"/"of" phrase right
/// after it ("demands by the European Parliament", "calls from Washington").
pub(super) fn request_owner<'m>(
    tokens: &[Token],
    mentions: &'m [Mention],
    request: usize,
) -> Option<&'m Mention> {
    mentions.iter().find(|x| {
        let before = x.end == request || x.end + 1 == request && tokens[x.end].tag == Tag::POS;
        before
            || x.start > request
                && owns_request_after(tokens, x)
                && owner_start(tokens, x) == request + 2
    })
}

/// Mention `x` stands in a "by"/"from"/"of" phrase right after a request or offer noun
/// (`request-nouns.txt`): "rejected demands *by the European Parliament*" — the one who asked,
/// not a passive agent.
fn owns_request_after(tokens: &[Token], x: &Mention) -> bool {
    let p = owner_start(tokens, x);
    p >= 2
        && REQUEST_OWNER_PREPOSITIONS.contains(&tokens[p - 1].lower)
        && tokens[p - 2].tag.is_noun()
        && REQUEST_NOUNS.contains(&tokens[p - 2].lemma)
}

/// The first token of the noun phrase of mention `x` (past determiners and modifiers).
fn owner_start(tokens: &[Token], x: &Mention) -> usize {
    let mut j = x.start;
    while j > 0 && tokens[j - 1].tag.is_prenominal() {
        j -= 1;
    }
    j
}

/// The subject of a reported clause hanging from this one ("insisted North Korea must ...").
fn complement_subject<'m>(
    ctx: &'m SentenceContext<'_>,
    clause_idx: usize,
) -> Option<Vec<Option<&'m Mention>>> {
    let sentence = ctx.sentence;
    // "made allegations that Syrian troops tortured prisoners", read as a relative clause, is
    // a complement too.
    let complement = |c: &crate::text::Clause| {
        c.kind == ClauseKind::Reported
            || c.kind == ClauseKind::Relative
                && super::modality::allegation_clause(ctx.tokens(), c.tokens.start)
    };
    let (k, c) = sentence
        .clauses
        .iter()
        .enumerate()
        .find(|(k, c)| c.parent == Some(clause_idx) && complement(c) && *k > clause_idx)?;
    let head = c.tokens.end.min(first_verb(ctx.tokens(), c.tokens.clone()));
    let (s, _) = subject_of(sentence, &ctx.mentions, k, head);
    if s.is_empty() {
        return complement_agent(ctx, c.tokens.clone(), head);
    }
    Some(s.into_iter().map(Some).collect())
}

/// "alleges the attack was backed by Pakistani intelligence": a complement clause whose
/// subject is no actor, with a `by` agent after its verb — the agent is whom it is about.
fn complement_agent<'m>(
    ctx: &'m SentenceContext<'_>,
    clause: Range<usize>,
    head: usize,
) -> Option<Vec<Option<&'m Mention>>> {
    let agent = ctx.mentions.iter().find(|x| {
        x.start > head && x.end <= clause.end && x.preposition.as_deref() == Some("by")
    })?;
    let joined = conjoined(ctx.tokens(), group(&ctx.mentions, agent));
    Some(joined.into_iter().map(Some).collect())
}

/// The first finite or base verb in `range`, else its end.
fn first_verb(tokens: &[Token], range: Range<usize>) -> usize {
    range
        .clone()
        .find(|&i| tokens[i].tag.is_finite_verb() || tokens[i].tag == Tag::VB)
        .unwrap_or(range.end)
}
