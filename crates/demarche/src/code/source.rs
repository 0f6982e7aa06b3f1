//! Who did it: the source of an event by clause structure — the clause's subject (with the
//! actors conjoined to it), the subject inherited from the governing clause, a relative clause's
//! antecedent, the `by` agent of a passive, or the possessor of a nominal event.

use super::decision::SourceRule;
use super::grammar::{
    ANNOUNCING_VERBS, ATTACK_NOUNS, ATTACK_NOUN_PREPOSITIONS, ATTACK_SUBJECT_NOUNS,
    COMPOUND_CONJUNCTIONS, COMPOUND_JOINERS, DECISION_NOUNS, DONE_ACT_CODES, FLOATING_QUANTIFIERS,
    INSTRUMENT_NOUNS, PASSIVE_AGENT_PREPOSITIONS, RECIPROCAL_PREPOSITIONS, STATIVE_PARTICIPLES,
};
use super::light_verb;
use super::mentions::{Mention, MentionKind};
use super::patterns::VerbMatch;
use super::sentence::SentenceContext;
use crate::text::{ClauseKind, Sentence, Tag, Token};
use std::ops::Range;

/// The sources of a match and the rule that found them.
pub(super) type Sources<'m> = (Vec<&'m Mention>, Option<SourceRule>);

/// The sources of match `m`: the passive's agent, a nominal event's possessor, or the subject.
pub(super) fn sources_of<'m>(
    ctx: &'m SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    passive: bool,
) -> Sources<'m> {
    let (sentence, mentions) = (ctx.sentence, &ctx.mentions[..]);
    if passive {
        let clause_end = sentence.clauses[clause_idx].tokens.end;
        let agents = by_agent(&sentence.tokens, mentions, m, clause_end);
        (agents, Some(SourceRule::PassiveAgent))
    } else if let Some(partners) = m
        .pattern
        .noun
        .then(|| mutual_partners(sentence, mentions, m, clause_idx))
        .flatten()
    {
        (partners, Some(SourceRule::MutualPartners))
    } else if m.pattern.noun {
        let (s, rule) = nominal_source(sentence, mentions, m.head, clause_idx);
        let speaker = || {
            super::inquiry::reporting_speaker(
                sentence,
                mentions,
                &m.pattern.code,
                m.head,
                clause_idx,
            )
        };
        // The clause's subject is no actor of the noun's own: a speaker's report may be.
        let unowned = s.is_empty() || rule == Some(SourceRule::ClauseSubject);
        match unowned.then(speaker).flatten() {
            Some(found) => found,
            None => (s, rule),
        }
    } else if let Some(d) = decider(&sentence.tokens, mentions, m.head) {
        (vec![d], Some(SourceRule::Possessor))
    } else {
        subject_of(sentence, mentions, clause_idx, m.head)
    }
}

/// The possessor of the decision an infinitive at `head` is ("Pakistan regrets *the Indian*
/// decision to downgrade", "Israel's decision to cut ties"): the one who does the act decided.
fn decider<'m>(tokens: &[Token], mentions: &'m [Mention], head: usize) -> Option<&'m Mention> {
    let to = head.checked_sub(1).filter(|&k| tokens[k].tag == Tag::TO)?;
    let noun = to.checked_sub(1)?;
    let t = &tokens[noun];
    if !(t.tag.is_noun() && DECISION_NOUNS.contains(&t.lemma)) {
        return None;
    }
    let mut np_start = noun;
    while np_start > 0
        && (tokens[np_start - 1].tag.is_prenominal()
            || tokens[np_start - 1].tag.is_noun()
            || tokens[np_start - 1].tag == Tag::POS)
    {
        np_start -= 1;
    }
    mentions.iter().find(|x| x.end > np_start && x.end <= noun)
}

/// A passive verb: a past participle after a form of "be", or a reduced relative after a noun
/// with a "by" agent ("sanctions imposed on it by the United States").
pub(super) fn is_passive(ctx: &SentenceContext<'_>, head: usize, clause_idx: usize) -> bool {
    let tokens = ctx.tokens();
    let clause = ctx.sentence.clauses[clause_idx].tokens.clone();
    let clause_start = clause.start;
    if tokens[head].tag != Tag::VBN && tokens[head].tag != Tag::VBD {
        return false;
    }
    let mut j = head;
    while j > clause_start {
        let t = &tokens[j - 1];
        if crate::text::tag::auxiliary_of(&t.lower) == Some("be") {
            return (tokens[head].tag == Tag::VBN || tokens[head].lower.ends_with("ed"))
                && !stative_participle(tokens, head);
        }
        if t.tag != Tag::RB && !FLOATING_QUANTIFIERS.contains(&t.lower) {
            break;
        }
        j -= 1;
    }
    let after_noun = head > clause_start && matches!(tokens[head - 1].tag, Tag::NN | Tag::NNS);
    let earlier_finite = tokens[clause_start..head]
        .iter()
        .any(|t| t.tag.is_finite_verb());
    // "spoke by phone" is no passive: the `by` phrase must hold an actor, and no other verb
    // may come first ("soldiers rescued hostages *held* by Boko Haram": the agent is held's).
    let by_soon = || {
        ctx.mentions.iter().any(|x| {
            x.start > head
                && x.start <= head + 8
                && x.start < clause.end
                && x.preposition.as_deref() == Some("by")
                && !tokens[head + 1..x.start].iter().any(|t| t.tag.is_verb())
        })
    };
    after_noun && (earlier_finite || tokens[head].tag == Tag::VBN || by_soon())
        || reduced_relative_after_name(tokens, head, clause.clone())
        || set_off_participle(tokens, head, clause_start) && by_soon()
}

/// "Three Palestinians killed in an Israeli air strike were buried": a participle right after
/// a proper noun, followed by a preposition (no object) and by a finite verb later in its
/// clause, is a reduced relative, so passive: the name is the patient, not the doer.
fn reduced_relative_after_name(tokens: &[Token], head: usize, clause: Range<usize>) -> bool {
    let after_name = head > clause.start && matches!(tokens[head - 1].tag, Tag::NNP | Tag::NNPS);
    let preposition_next = tokens.get(head + 1).is_some_and(|t| t.tag == Tag::IN);
    let later_finite = tokens[head + 1..clause.end]
        .iter()
        .any(|t| t.tag.is_finite_verb());
    tokens[head].tag == Tag::VBN && after_name && preposition_next && later_finite
}

/// "Thousands of students marched in Rangoon on Monday, diplomats said": a participle right
/// after the subject's noun, with no form of "be" and no other finite verb in its clause and no
/// `by` agent, whose pattern goes on with a preposition right after it or after an adjunct
/// ("march in", "protest against", "rally outside"; codes of `done-act-codes.txt`) is a past
/// tense the tagger read as a participle: such a verb has no passive with its patient before
/// it, so its subject is the doer.
pub(super) fn misread_past_tense(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
) -> bool {
    let tokens = ctx.tokens();
    let clause = ctx.sentence.clauses[clause_idx].tokens.clone();
    let head = m.head;
    let next = head + 1;
    // Right after the head, or after a place or time adjunct ("marched in Marseille on
    // Tuesday against").
    let first_fixed = (next..m.tokens.end).find(|k| !m.gaps.iter().any(|g| g.contains(k)));
    let fixed_preposition = first_fixed.is_some_and(|k| {
        let preposition = |j: usize| tokens[j].tag == Tag::IN && tokens[j].lower != "by";
        preposition(k) && (k == next || preposition(next))
    });
    let after_noun = head > clause.start && matches!(tokens[head - 1].tag, Tag::NN | Tag::NNS);
    let other_finite = tokens[clause.clone()]
        .iter()
        .enumerate()
        .any(|(k, t)| clause.start + k != head && t.tag.is_finite_verb());
    let by_agent = ctx
        .mentions
        .iter()
        .any(|x| x.start > head && x.start < clause.end && x.preposition.as_deref() == Some("by"));
    let done_act = DONE_ACT_CODES
        .words()
        .iter()
        .any(|c| m.pattern.code.as_str().starts_with(c));
    tokens[head].tag == Tag::VBN
        && done_act
        && fixed_preposition
        && after_noun
        && !other_finite
        && !by_agent
}

/// "unions have been locked in negotiations": a participle of `stative-participles.txt` before
/// "in" names the subject's state, so the subject is the doer, not the passive's patient.
fn stative_participle(tokens: &[Token], head: usize) -> bool {
    STATIVE_PARTICIPLES.contains(&tokens[head].lemma)
        && tokens.get(head + 1).is_some_and(|t| t.lower == "in")
}

/// "Syrian rebels, backed by Turkey, ...": a participle set off by a comma after a noun.
fn set_off_participle(tokens: &[Token], head: usize, clause_start: usize) -> bool {
    tokens[head].tag == Tag::VBN
        && head >= clause_start + 2
        && tokens[head - 1].text == ","
        && tokens[head - 2].tag.is_noun()
}

/// The agent of a passive: the `by` phrase, else an actor modifying the noun the participle
/// follows ("UN sanctions imposed on North Korea" → UN).
fn by_agent<'m>(
    tokens: &[Token],
    mentions: &'m [Mention],
    m: &VerbMatch<'_>,
    clause_end: usize,
) -> Vec<&'m Mention> {
    if let Some(x) = mentions.iter().find(|x| {
        x.start > m.head && x.start < clause_end && x.preposition.as_deref() == Some("by")
    }) {
        return conjoined(tokens, group(mentions, x));
    }
    if let Some(x) = owner_of_by_phrase(tokens, mentions, m, clause_end) {
        return conjoined(tokens, group(mentions, x));
    }
    if let Some(x) = attack_doer(tokens, mentions, m, clause_end) {
        return vec![x];
    }
    let mut j = m.head;
    while j > 0 && (tokens[j - 1].tag.is_prenominal() || tokens[j - 1].tag.is_noun()) {
        j -= 1;
    }
    let noun_before = m.head > 0 && matches!(tokens[m.head - 1].tag, Tag::NN | Tag::NNS);
    mentions
        .iter()
        .find(|x| {
            noun_before && x.start >= j && x.end < m.head && x.kind == MentionKind::Dictionary
        })
        .map(|x| vec![x])
        .unwrap_or_default()
}

/// "three soldiers were wounded in a Hamas ambush": an actor modifying an attack noun
/// (`attack-nouns.txt`) in a phrase after the verb opened by `attack-noun-prepositions.txt`.
fn attack_doer<'m>(
    tokens: &[Token],
    mentions: &'m [Mention],
    m: &VerbMatch<'_>,
    clause_end: usize,
) -> Option<&'m Mention> {
    mentions.iter().find(|x| {
        let opens = x.preposition.as_deref();
        x.start > m.head
            && x.end < clause_end
            && opens.is_some_and(|p| ATTACK_NOUN_PREPOSITIONS.contains(p))
            && heads_attack_noun(tokens, x.end, clause_end)
    })
}

/// The noun phrase going on at `from` is an attack noun alone ("a Hamas *ambush*", not "an
/// attack helicopter" nor "a rocket attack", an event noun of its own).
fn heads_attack_noun(tokens: &[Token], from: usize, end: usize) -> bool {
    let mut nouns = tokens
        .get(from..end)
        .unwrap_or(&[])
        .iter()
        .take_while(|t| t.tag.is_noun());
    let first = nouns.next();
    nouns.next().is_none() && first.is_some_and(|t| ATTACK_NOUNS.contains(&t.lemma))
}

/// "killed by shell fire from a Turkish tank": a `by` phrase right after the verb (or inside the
/// pattern's gap: "kill * troop" spans "killed by heavy fire from Israeli troops") that holds no
/// actor, followed by "from"/"of" and an actor — that actor.
fn owner_of_by_phrase<'m>(
    tokens: &[Token],
    mentions: &'m [Mention],
    m: &VerbMatch<'_>,
    clause_end: usize,
) -> Option<&'m Mention> {
    let window = m.head + 1..clause_end.min(m.tokens.end + 3);
    let by = window.into_iter().find(|&k| tokens[k].lower == "by")?;
    let mut k = by + 1;
    while k < clause_end && (tokens[k].tag.is_prenominal() || tokens[k].tag.is_noun()) {
        k += 1;
    }
    let of = tokens.get(k).filter(|_| k < clause_end && k > by + 1)?;
    if !PASSIVE_AGENT_PREPOSITIONS.contains(&of.lower) {
        return None;
    }
    let mut start = k + 1;
    while tokens.get(start).is_some_and(|t| t.tag == Tag::DT) {
        start += 1;
    }
    mentions
        .iter()
        .find(|x| x.start == start && x.end <= clause_end)
}

/// "talks between India and Pakistan", "an exchange of fire between Indian and Pakistani
/// troops": the joined actors of a nominal event's "between" phrase right after the pattern are
/// its sources (and, being mutual, each other's targets).
fn mutual_partners<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    m: &VerbMatch<'_>,
    clause_idx: usize,
) -> Option<Vec<&'m Mention>> {
    let head = m.head;
    let clause_end = sentence.clauses[clause_idx].tokens.end;
    let first = mentions
        .iter()
        .find(|x| x.start > head && x.start < clause_end)?;
    let between = first
        .preposition
        .as_deref()
        .is_some_and(|p| RECIPROCAL_PREPOSITIONS.contains(p));
    if !between || first.start > head.max(m.tokens.end - 1) + 3 {
        return None;
    }
    let joined = conjoined(&sentence.tokens, group(mentions, first));
    (joined.len() >= 2).then_some(joined)
}

/// `first` and the mentions conjoined with it ("South Korea and Japan").
pub(super) fn group<'m>(mentions: &'m [Mention], first: &'m Mention) -> Vec<&'m Mention> {
    let mut out = vec![first];
    let mut last = first;
    for m in mentions.iter().filter(|m| m.start >= first.end) {
        let two_sides = m.start == last.end
            && m.kind == MentionKind::Coreference
            && last.kind == MentionKind::Coreference;
        if m.start == last.end + 1 || m.start == last.end + 2 || two_sides {
            out.push(m);
            last = m;
        } else {
            break;
        }
    }
    out
}

/// Of a [`group`], the mentions actually joined by "and", "or", "," ("as well as"), over a
/// determiner or title at most: a prefix of the group, kept in its vector.
pub(super) fn conjoined<'m>(tokens: &[Token], mut group: Vec<&'m Mention>) -> Vec<&'m Mention> {
    let joined = 1 + group
        .windows(2)
        .take_while(|pair| joins(tokens, pair[0], pair[1]))
        .count();
    group.truncate(joined);
    if appositive(tokens, &group) {
        group.truncate(1);
    }
    group
}

/// Whether `next` is joined to `prev` ("and", "or", ",", or the other of "the two sides").
fn joins(tokens: &[Token], prev: &Mention, next: &Mention) -> bool {
    let between = &tokens[prev.end..next.start];
    let two_sides = next
        .antecedent
        .as_deref()
        .is_some_and(|a| a.ends_with("(the two sides)"));
    let joined = between.iter().all(is_joiner)
        && between
            .iter()
            .any(|t| COMPOUND_CONJUNCTIONS.contains(&t.lower));
    between.is_empty() && two_sides || joined
}

/// Whether two joined mentions are one actor named twice, set off by commas ("The Foreign
/// Minister, Alexander Downer, said", "Richard Holbrooke, the U.S. envoy, gave"): a comma
/// alone (past a determiner) between them and a comma closing the second.
fn appositive(tokens: &[Token], joined: &[&Mention]) -> bool {
    let [first, second] = joined else {
        return false;
    };
    let between = &tokens[first.end..second.start];
    let commas = between.iter().filter(|t| t.text == ",").count();
    commas == 1
        && between.iter().all(|t| t.text == "," || t.tag == Tag::DT)
        && tokens.get(second.end).is_some_and(|t| t.text == ",")
}

/// A word that may stand between joined actors: "and", "or", ",", "as well as", a determiner
/// ("Iran and the United States") or a title outside the mention ("Obama and President Putin").
fn is_joiner(t: &Token) -> bool {
    COMPOUND_JOINERS.contains(&t.lower) || matches!(t.tag, Tag::DT | Tag::NNP)
}

/// The subject of the clause: the first actor before the verb that is not inside a
/// prepositional phrase; clauses without one inherit the subject of the clause they hang from.
pub(super) fn subject_of<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    clause_idx: usize,
    head: usize,
) -> Sources<'m> {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[clause_idx];
    if let Some(m) = gerund_subject(tokens, mentions, head) {
        return (vec![m], Some(SourceRule::GerundSubject));
    }
    let start = contrasted_start(tokens, mentions, clause.tokens.start, head);
    let first = mentions.iter().find(|x| {
        x.start >= start
            && x.end <= head
            && x.preposition.is_none()
            && !is_determiner_pronoun(tokens, mentions, x)
            && !opener_object(tokens, clause.tokens.start, x, head)
    });
    if let Some(f) = first {
        let f = second_conjunct_subject(tokens, mentions, f, head).unwrap_or(f);
        return (
            conjoined(tokens, group(mentions, f)),
            Some(SourceRule::Subject),
        );
    }
    if let Some(m) = inverted_subject(tokens, mentions, clause.tokens.start, head) {
        return (vec![m], Some(SourceRule::InvertedSubject));
    }
    if let Some(m) = event_agent(tokens, mentions, clause.tokens.start, head) {
        return (
            conjoined(tokens, group(mentions, m)),
            Some(SourceRule::EventAgent),
        );
    }
    inherited_subject(sentence, mentions, clause_idx)
}

/// Conjunctions that open a contrasted clause the splitter may leave joined to the one before
/// ("they have detained suspects *but* Israel says").
const CONTRAST_CONJUNCTIONS: [&str; 3] = ["but", "whereas", "while"];

/// "they have detained 160 suspects but so far, Israel says ...": where the verb at `head` has
/// a subject of its own after a contrasting conjunction that follows a finite verb of the same
/// clause, the subject is looked for from there, not from the clause's start.
fn contrasted_start(tokens: &[Token], mentions: &[Mention], start: usize, head: usize) -> usize {
    let contrast = (start..head).rev().find(|&k| {
        is_contrast_conjunction(&tokens[k].lower)
            && tokens[start..k].iter().any(|t| t.tag.is_finite_verb())
    });
    let own_subject = |k: usize| {
        mentions
            .iter()
            .any(|x| x.start > k && x.end <= head && x.preposition.is_none())
    };
    contrast
        .filter(|&k| own_subject(k))
        .map_or(start, |k| k + 1)
}

/// One of [`CONTRAST_CONJUNCTIONS`] (a `match`: one length test for most words, not three
/// comparisons).
fn is_contrast_conjunction(word: &str) -> bool {
    let found = matches!(word, "but" | "whereas" | "while");
    debug_assert_eq!(found, CONTRAST_CONJUNCTIONS.contains(&word));
    found
}

/// Words that open a clause or a prepositional phrase alike ("after he spoke", "after the
/// speech"): the clause segmenter opens a clause at them either way.
const TIME_OPENERS: [&str; 4] = ["after", "before", "since", "until"];

/// "X, speaking after Mr Y's speech on Monday, said ...": in a clause opened by a time word
/// (`TIME_OPENERS`), an actor before a comma that comes before the head, with no verb between
/// the opener and the comma, is the object of a prepositional phrase, not the subject; the
/// clause then inherits its subject.
fn opener_object(tokens: &[Token], start: usize, x: &Mention, head: usize) -> bool {
    let opens = tokens
        .get(start)
        .is_some_and(|t| TIME_OPENERS.contains(&t.lower.as_str()));
    let Some(comma) = (x.end..head).find(|&k| tokens[k].text == ",") else {
        return false;
    };
    opens && !(start + 1..comma).any(|k| tokens[k].tag.is_verb())
}

/// "\"I keep saying this and India keeps rejecting it\"": when the first subject `first` has
/// a verb of its own before an "and"/"but" that opens a second conjunct with an actor as its
/// subject before the head, that actor is the head's subject. "Iran and Syria criticised"
/// (no verb before "and") keeps the conjoined subjects.
fn second_conjunct_subject<'m>(
    tokens: &[Token],
    mentions: &'m [Mention],
    first: &Mention,
    head: usize,
) -> Option<&'m Mention> {
    let conjunction =
        |k: usize| tokens[k].tag == Tag::CC && matches!(tokens[k].lower.as_str(), "and" | "but");
    let cc = (first.end..head).rev().find(|&k| conjunction(k))?;
    let verb_before = (first.end..cc).any(|k| tokens[k].tag.is_verb());
    let mut s = cc + 1;
    while tokens.get(s).is_some_and(|t| t.tag == Tag::DT) {
        s += 1;
    }
    let second = mentions
        .iter()
        .find(|x| x.start == s && x.end <= head && x.preposition.is_none())?;
    (verb_before && crate::text::chunk::starts_subject_then_verb(tokens, cc + 1)).then_some(second)
}

/// The subject of a gerund is the actor right before it ("despite Kim saying").
fn gerund_subject<'m>(
    tokens: &[Token],
    mentions: &'m [Mention],
    head: usize,
) -> Option<&'m Mention> {
    if !tokens.get(head).is_some_and(|t| t.tag == Tag::VBG) {
        return None;
    }
    mentions
        .iter()
        .find(|x| x.end == head || x.end + 1 == head && tokens[head - 1].tag == Tag::POS)
}

/// "An attack by Hamas militants killed three soldiers", "a suicide bombing by the Taliban
/// wounded": a subject noun phrase naming an act, not an actor, with a `by` agent before the
/// verb — what the verb reports is that act's result, so its agent is the source.
fn event_agent<'m>(
    tokens: &[Token],
    mentions: &'m [Mention],
    clause_start: usize,
    head: usize,
) -> Option<&'m Mention> {
    if !tokens.get(head).is_some_and(|t| t.tag.is_verb()) {
        return None;
    }
    let agent = mentions.iter().find(|x| {
        x.start > clause_start && x.end <= head && x.preposition.as_deref() == Some("by")
    })?;
    let by = (clause_start..agent.start)
        .rev()
        .find(|&k| tokens[k].lower == "by")?;
    let subject = &tokens[clause_start..by];
    let names_act = subject
        .last()
        .is_some_and(|t| matches!(t.tag, Tag::NN | Tag::NNS))
        && subject
            .iter()
            .all(|t| t.tag.is_noun() || t.tag.is_prenominal());
    let verb_group = tokens[agent.end..head]
        .iter()
        .all(|t| !t.tag.is_verb() || crate::text::tag::auxiliary_of(&t.lower).is_some());
    (names_act && verb_group).then_some(agent)
}

/// ", said the ministry": an inverted speech verb takes the actor right after it.
fn inverted_subject<'m>(
    tokens: &[Token],
    mentions: &'m [Mention],
    clause_start: usize,
    head: usize,
) -> Option<&'m Mention> {
    let opens_clause =
        head == clause_start || tokens[clause_start].text == "," && head == clause_start + 1;
    if !opens_clause {
        return None;
    }
    let m = mentions
        .iter()
        .find(|x| x.start == head + 1 || x.start == head + 2 && tokens[head + 1].tag == Tag::DT)?;
    let speech = crate::text::chunk::is_speech_verb(&tokens[head].lemma)
        && matches!(tokens[head].tag, Tag::VBD | Tag::VBZ | Tag::VBP);
    speech.then_some(m)
}

/// A clause without a subject: a coordinate, subordinate or participial clause takes its
/// parent's subject; a relative clause the actor it modifies.
fn inherited_subject<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    clause_idx: usize,
) -> Sources<'m> {
    let clause = &sentence.clauses[clause_idx];
    let Some(parent) = clause.parent else {
        return (Vec::new(), None);
    };
    match clause.kind {
        ClauseKind::Coordinate | ClauseKind::Subordinate | ClauseKind::Participial
            if !has_own_subject(&sentence.tokens, clause.tokens.start) =>
        {
            let parent_end = sentence.clauses[parent].tokens.end;
            let (s, _) = subject_of(sentence, mentions, parent, parent_end);
            (s, Some(SourceRule::InheritedSubject))
        }
        ClauseKind::Relative => {
            let start = clause.tokens.start;
            let antecedent = mentions
                .iter()
                .rev()
                .find(|x| x.end <= start && start - x.end <= 2);
            match antecedent {
                Some(a) => (vec![a], Some(SourceRule::RelativeAntecedent)),
                None => instrument_user(sentence, mentions, start, parent),
            }
        }
        _ => (Vec::new(), None),
    }
}

/// "as European envoys met ...", ", but the men escaped": after its opening words (conjunction,
/// subordinator, comma, adverb) the clause has a subject of its own, actor or not — it inherits
/// none.
fn has_own_subject(tokens: &[Token], start: usize) -> bool {
    let opening = |t: &Token| matches!(t.tag, Tag::CC | Tag::IN | Tag::RB | Tag::Punct);
    let k = (start..tokens.len())
        .find(|&k| !opening(&tokens[k]))
        .unwrap_or(tokens.len());
    k < tokens.len() && crate::text::chunk::starts_subject_then_verb(tokens, k)
}

/// "an army post called in tank fire which killed three gunmen", "a gunman went on a shooting
/// rampage that left two people dead": a relative clause whose antecedent is a weapon, fire or
/// attack noun (`instrument-nouns.txt`, `attack-subject-nouns.txt`) in the object of its parent
/// clause is the act of that clause's subject.
fn instrument_user<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    start: usize,
    parent: usize,
) -> Sources<'m> {
    let tokens = &sentence.tokens;
    let noun = start.checked_sub(1).map(|k| &tokens[k]);
    let instrument = noun.is_some_and(|t| {
        let singular = crate::text::inflect::noun_singular(&t.lower);
        t.tag.is_noun()
            && (INSTRUMENT_NOUNS.contains(singular.as_ref())
                || ATTACK_SUBJECT_NOUNS.contains(singular.as_ref()))
    });
    let parent_start = sentence.clauses[parent].tokens.start;
    let verb = (parent_start..start)
        .rev()
        .find(|&k| tokens[k].tag.is_verb());
    let Some(verb) = verb.filter(|_| instrument) else {
        return (Vec::new(), None);
    };
    let (s, _) = subject_of(sentence, mentions, parent, verb);
    (s, Some(SourceRule::InstrumentUser))
}

/// "his Chinese counterpart": a possessive pronoun right before another actor only determines it.
pub(super) fn is_determiner_pronoun(tokens: &[Token], mentions: &[Mention], x: &Mention) -> bool {
    x.kind == MentionKind::Coreference
        && tokens[x.start].tag == Tag::PRPS
        && mentions
            .iter()
            .any(|o| o.start == x.end || o.start == x.end + 1 && tokens[x.end].tag == Tag::JJ)
}

/// Whether the verb whose object a noun phrase is announces or orders the act the noun names
/// ("announced the deployment of troops").
fn announcing_verb(tokens: &[Token], verb: usize) -> bool {
    ANNOUNCING_VERBS.contains(&tokens[verb].lemma)
}

/// The source of a nominal event: a possessor or modifier actor right before the noun
/// ("North Korea's nuclear test", "UN sanctions"), or its `by` agent ("the arrest of two
/// journalists by Iranian police"), the subject of the verb announcing it or of the light verb
/// whose object it is ("launched an attack on"), else the clause subject.
fn nominal_source<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    head: usize,
    clause_idx: usize,
) -> Sources<'m> {
    let tokens = &sentence.tokens;
    let mut np_start = head;
    while np_start > 0
        && (tokens[np_start - 1].tag.is_prenominal()
            || tokens[np_start - 1].tag.is_noun()
            || matches!(tokens[np_start - 1].tag, Tag::PRPS | Tag::RB))
    {
        np_start -= 1;
    }
    let clause_end = sentence.clauses[clause_idx].tokens.end;
    // A mention ending inside the phrase, also one starting before it ("United States air
    // strikes" with "United" tagged as a participle).
    let possessor = mentions.iter().find(|x| x.end > np_start && x.end <= head);
    let agent = || {
        mentions.iter().find(|x| {
            x.start > head && x.start < clause_end && x.preposition.as_deref() == Some("by")
        })
    };
    if let Some(m) = possessor.or_else(agent) {
        return (vec![m], Some(SourceRule::Possessor));
    }
    let clause_start = sentence.clauses[clause_idx].tokens.start;
    let governing = light_verb::governing_verb(tokens, clause_start, np_start);
    if let Some((verb, light)) = governing {
        // "did not hold talks with", "could launch an attack on": no act of the subject.
        if !light_verb::realized(sentence, clause_idx, verb) {
            return (Vec::new(), None);
        }
        let rule = match announcing_verb(tokens, verb) {
            true => Some(SourceRule::Announcer),
            false => light.then_some(SourceRule::LightVerb),
        };
        let (s, _) = subject_of(sentence, mentions, clause_idx, verb);
        if rule.is_some() && !s.is_empty() {
            return (s, rule);
        }
    }
    let (s, rule) = subject_of(sentence, mentions, clause_idx, head);
    let rule = rule.map(|r| match r {
        SourceRule::Subject => SourceRule::ClauseSubject,
        other => other,
    });
    (s, rule)
}
