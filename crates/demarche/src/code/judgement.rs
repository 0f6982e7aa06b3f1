//! Judgements of an actor in reported words: a predicate after a form of "be" that disapproves
//! of (111, `disapproval-predicates.txt`, and the adjectives of `evaluative-disapproval.txt`
//! derived from VADER), accuses (112, `accusation-predicates.txt`) or approves
//! of (051, `approval-predicates.txt`) what its subject names — an actor ("Y is to blame", "Y is
//! being greedy") or an act (`judged-acts.txt`: "Y's action is unjustified", "it is a one-sided
//! process") — a judged object ("declared Y irrelevant"), and a deed that judges its doer
//! (`judged-deeds.txt`: "Y has not done enough", "Y did a great job"), conduct judged by an
//! adverb (`conduct-verbs.txt`: "Y acted irresponsibly"), and a fault found in how
//! an actor acts ("there are discrepancies in the way Y handled it"), a deed done to excess
//! (`excess-degrees.txt`: "Y has spent too much"), a predicate noun judged by its relative
//! clause ("Y has been the company that has been belligerent") and evidence of a possessor's
//! guilt (`evidence-nouns.txt`, `guilt-nouns.txt`: "more evidence of Y's involvement"), and
//! blame placed on an actor ("the blame lies with Y", "is on the head of Y"). A
//! judgement of something
//! that is neither ("the weather is terrible") is none. [`super::content`] turns what is found
//! into the speaker's event.

use super::grammar::{
    ACCUSATION_PREDICATES, APPROVAL_PREDICATES, CONDITIONAL_CONJUNCTIONS, CONDUCT_VERBS,
    DISAPPROVAL_PREDICATES, EVALUATIVE_DISAPPROVAL, EVIDENCE_NOUNS, EXCESS_DEGREES, FAULT_NOUNS,
    GUILT_NOUNS, HYPOTHETICAL_MODALS, JUDGED_ACTS, JUDGED_DEEDS, NEGATORS,
};
use super::mentions::Mention;
use super::sentence::SentenceContext;
use crate::text::{Tag, Token};
use std::ops::Range;

/// Criticize or denounce.
const CRITICIZE: &str = "111";
/// Accuse.
const ACCUSE: &str = "112";
/// Praise or endorse.
const PRAISE: &str = "051";
/// Deny responsibility.
const DENY: &str = "016";

/// Verbs whose object is judged by a following predicate: "declared Arafat irrelevant".
const JUDGING_VERBS: [&str; 6] = ["declare", "call", "brand", "deem", "label", "pronounce"];

/// What a judging predicate says: its code, and the head noun of a predicate noun phrase ("a
/// one-sided *process*") when it is one.
struct Verdict {
    code: &'static str,
    noun: Option<usize>,
}

/// "Y's action is unjustified", "Y is to blame", "Y was behind the attack", "Y's decision was
/// courageous": a judging predicate after a form of "be" in the words, and the actors its
/// subject names. None when the subject names neither an actor nor an act.
pub(super) fn judged<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
) -> Option<(&'static str, Vec<&'c Mention>)> {
    let tokens = ctx.tokens();
    let copula = words.clone().find(|&i| copula_at(tokens, i))?;
    if conditional(tokens, words.start..copula) {
        return None;
    }
    let after = if tokens[copula].lemma == "be" { 1 } else { 2 };
    let verdict = predicate(tokens, copula + after, words.end)?;
    let subject = ctx
        .mentions
        .iter()
        .filter(|m| m.start >= words.start && m.end <= copula)
        .find(|m| matches!(m.preposition.as_deref(), None | Some("by" | "of")));
    let act = |i: usize| JUDGED_ACTS.contains(&tokens[i].lemma) && !demonstrative(tokens, i);
    // "that is unacceptable": a demonstrative alone before the copula points back at an act.
    let pointer = copula > words.start && demonstrative(tokens, copula - 1);
    let judged_act = || pointer || (words.start..copula).any(act) || verdict.noun.is_some_and(act);
    let actor = subject.filter(|m| !possessive(tokens, m) || judged_act());
    // "said it was not behind the attack": a denial is the speaker's own, whoever "it" is; "he"
    // or "they" no actor stands for is still a person judged.
    let person =
        (words.start..copula).any(|i| tokens[i].tag == Tag::PRP && tokens[i].lower != "it");
    if actor.is_none() && !person && verdict.code != DENY && !judged_act() {
        return None;
    }
    Some((verdict.code, actor.into_iter().collect()))
}

/// A form of "be", or "amount to" ("the words amounted to a declaration of war"), at `i`.
fn copula_at(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.tag.is_verb()
        && (t.lemma == "be"
            || t.lemma == "amount" && tokens.get(i + 1).is_some_and(|n| n.lower == "to"))
}

/// "said that if Y's decision was wrong, ...", "asked whether Y was to blame": a judgement
/// under a condition or a question (a conjunction of `conditional-conjunctions.txt` before it)
/// is not made.
fn conditional(tokens: &[Token], before: Range<usize>) -> bool {
    tokens[before]
        .iter()
        .any(|t| CONDITIONAL_CONJUNCTIONS.contains(&t.lower))
}

/// "this" or "that" as a pronoun or determiner (not the conjunction "that").
fn demonstrative(tokens: &[Token], i: usize) -> bool {
    matches!(tokens[i].lower.as_str(), "this" | "that") && tokens[i].tag != Tag::IN
}

/// Whether the mention `m` is a possessor ("*Iran's* weather"): its judgement is of what it owns.
fn possessive(tokens: &[Token], m: &Mention) -> bool {
    tokens[m.start].tag == Tag::PRPS || tokens.get(m.end).is_some_and(|t| t.tag == Tag::POS)
}

/// "declared Mr Arafat irrelevant", "branded the strike illegal": the object of a judging verb
/// followed by a disapproving predicate.
pub(super) fn judged_object<'c>(
    ctx: &'c SentenceContext<'_>,
    verb: usize,
) -> Option<(&'static str, Vec<&'c Mention>)> {
    let tokens = ctx.tokens();
    if !JUDGING_VERBS.contains(&tokens[verb].lemma.as_str()) {
        return None;
    }
    let object = ctx
        .mentions
        .iter()
        .find(|m| m.start > verb && m.start <= verb + 2 && m.preposition.is_none())?;
    let mut i = object.end;
    while tokens.get(i).is_some_and(|t| is_quote_mark(&t.text)) {
        i += 1;
    }
    let w = tokens.get(i)?;
    (disapproving(w) && !extraposed(tokens, i + 1)).then(|| (CRITICIZE, vec![object]))
}

/// Nouns of a design a judging verb may name an act ("called Y's campaign *an attempt to*").
const ATTEMPT_NOUNS: [&str; 5] = ["attempt", "bid", "plot", "ploy", "scheme"];

/// "called Mr Sharon's campaign an attempt to topple Mr Arafat", "branded Y's visit a bid to
/// provoke": an infinitive at `head` after an attempt noun that a judging verb predicates of a
/// possessed act names that act's design — the speaker's accusation (112) of the possessor,
/// not an appeal ("call ... to"). Whether the infinitive at `head` is so named.
pub(super) fn named_attempt(tokens: &[Token], head: usize) -> bool {
    let Some(noun) = head.checked_sub(2) else {
        return false;
    };
    if tokens[noun + 1].tag != Tag::TO || !ATTEMPT_NOUNS.contains(&tokens[noun].lemma.as_str()) {
        return false;
    }
    let mut j = noun;
    while j > 0 && matches!(tokens[j - 1].tag, Tag::JJ) {
        j -= 1;
    }
    let Some(article) = j
        .checked_sub(1)
        .filter(|&a| matches!(tokens[a].lower.as_str(), "a" | "an"))
    else {
        return false;
    };
    let from = article.saturating_sub(8);
    let verb = (from..article).rev().find(|&k| tokens[k].tag.is_verb());
    verb.is_some_and(|v| {
        JUDGING_VERBS.contains(&tokens[v].lemma.as_str())
            && tokens[v + 1..article]
                .iter()
                .any(|t| t.tag == Tag::POS || t.tag == Tag::PRPS)
    })
}

/// The judging predicate starting at `i` (past degree adverbs, quotation marks and "being" or
/// "been"): 112 for an accusation, 111 for disapproval, 051 for approval, as an adjective or
/// inside a predicate noun phrase; a negated accusation ("was not behind the attack") is a
/// denial (016), a negated disapproval or approval nothing.
fn predicate(tokens: &[Token], mut i: usize, end: usize) -> Option<Verdict> {
    let (mut too, mut negated) = (false, false);
    while i < end && (degree(&tokens[i]) || is_quote_mark(&tokens[i].text) || being(&tokens[i])) {
        negated |= NEGATORS.contains(&tokens[i].lower);
        too |= tokens[i].lower == "too";
        i += 1;
    }
    if accusation_at(tokens, i, end) {
        let code = if negated { DENY } else { ACCUSE };
        return Some(Verdict { code, noun: None });
    }
    if i >= end || negated {
        return None;
    }
    if let Some(verdict) = relative_predicate(tokens, i, end) {
        return Some(verdict);
    }
    if matches!(tokens[i].lower.as_str(), "a" | "an") {
        return noun_phrase(tokens, i + 1, end);
    }
    if let Some(code) = unhyphenated(tokens, i, end) {
        return (!extraposed(tokens, i + 2)).then_some(Verdict { code, noun: None });
    }
    let w = &tokens[i];
    let adjective = matches!(w.tag, Tag::JJ | Tag::JJR | Tag::VBN);
    let code = if disapproving(w) || too && adjective {
        CRITICIZE
    } else if APPROVAL_PREDICATES.contains(&w.lower) {
        PRAISE
    } else {
        return None;
    };
    (!extraposed(tokens, i + 1)).then_some(Verdict { code, noun: None })
}

/// "(Qantas has been) the company that has been belligerent towards its staff": a predicate
/// noun phrase (from its determiner at `i`) whose relative clause judges it, read as the
/// relative clause's own predicate after its form of "be".
fn relative_predicate(tokens: &[Token], i: usize, end: usize) -> Option<Verdict> {
    if !matches!(tokens.get(i)?.lower.as_str(), "the" | "a" | "an") {
        return None;
    }
    let mut j = i + 1;
    while j < end && (tokens[j].tag.is_noun() || tokens[j].tag.is_prenominal()) {
        j += 1;
    }
    if j == i + 1 || j >= end || !matches!(tokens[j].lower.as_str(), "that" | "who" | "which") {
        return None;
    }
    let copula = (j + 1..end.min(j + 4)).find(|&k| copula_at(tokens, k))?;
    let auxiliaries = tokens[j + 1..copula]
        .iter()
        .all(|t| t.lemma == "have" || t.tag == Tag::RB);
    auxiliaries
        .then(|| predicate(tokens, copula + 1, end))
        .flatten()
}

/// "a very one-sided process", "an active participant in", "a hypocrite": a predicate noun
/// phrase (from past its article at `i`) that judges by a modifier or by its head noun.
fn noun_phrase(tokens: &[Token], i: usize, end: usize) -> Option<Verdict> {
    let mut j = i;
    let mut code = None;
    loop {
        if j < end && is_quote_mark(&tokens[j].text) {
            j += 1;
            continue;
        }
        if let Some(compound) = unhyphenated(tokens, j, end) {
            code = code.or(Some(compound));
            j += 2;
            continue;
        }
        if j >= end || !(degree(&tokens[j]) || matches!(tokens[j].tag, Tag::JJ | Tag::VBN)) {
            break;
        }
        if accusation_at(tokens, j, end) {
            return Some(Verdict {
                code: ACCUSE,
                noun: None,
            });
        }
        code = code.or_else(|| judging_word(&tokens[j].lower));
        j += 1;
    }
    if j >= end || !tokens[j].tag.is_noun() {
        return None;
    }
    if accusation_at(tokens, j, end) {
        return Some(Verdict {
            code: ACCUSE,
            noun: None,
        });
    }
    let code = code.or_else(|| judging_word(&tokens[j].lower))?;
    Some(Verdict {
        code,
        noun: Some(j),
    })
}

/// A disapproving predicate word: one of the hand-kept list, or an adjective of the derived
/// lexicon.
fn disapproving(t: &Token) -> bool {
    DISAPPROVAL_PREDICATES.contains(&t.lower) || evaluative(t)
}

/// An adjective of `evaluative-disapproval.txt` (derived from VADER): only where the tagger
/// reads it as one, so the nouns and verbs of its forms never judge.
fn evaluative(t: &Token) -> bool {
    t.tag == Tag::JJ && EVALUATIVE_DISAPPROVAL.contains(&t.lower)
}

/// "a one sided process", "was short sighted": a hyphenated judging word of the lists
/// written as two words at `i`; its code.
fn unhyphenated(tokens: &[Token], i: usize, end: usize) -> Option<&'static str> {
    let next = tokens.get(i + 1).filter(|_| i + 1 < end)?;
    let first = &tokens[i].lower;
    if !first.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    judging_word(&format!("{first}-{}", next.lower))
}

/// The code of a disapproving or approving word.
fn judging_word(w: &str) -> Option<&'static str> {
    if DISAPPROVAL_PREDICATES.contains(w) {
        Some(CRITICIZE)
    } else {
        APPROVAL_PREDICATES.contains(w).then_some(PRAISE)
    }
}

/// "being" or "been" after the copula ("is being greedy").
fn being(t: &Token) -> bool {
    t.lemma == "be" && matches!(t.tag, Tag::VBG | Tag::VBN)
}

/// Whether an accusation predicate ("to blame", "behind", "responsible for") starts at `i`.
fn accusation_at(tokens: &[Token], i: usize, end: usize) -> bool {
    // One pass over each predicate's words, stopping at the first that differs (most differ
    // at the first): the same test as splitting it, counting its words and comparing them.
    let words = tokens.get(i..end).unwrap_or_default();
    let accused = ACCUSATION_PREDICATES.words().iter().any(|p| {
        let mut at = words.iter();
        p.split(' ')
            .all(|w| at.next().is_some_and(|t| t.lower == w || t.lemma == w))
    });
    // "behind" as an adverb ("fell behind", "left behind") accuses no one.
    let adverb = tokens.get(i).is_some_and(|t| t.lower == "behind")
        && tokens.get(i + 1).is_none_or(|t| !opens_np(t));
    accused && !adverb
}

/// A word that can open a noun phrase ("the", "its", "Monday's", a name).
fn opens_np(t: &Token) -> bool {
    t.tag.is_prenominal() || t.tag.is_noun() || t.tag == Tag::PRP
}

/// "Israel says Arafat has not done enough", "says the police did a great job": a deed of
/// `judged-deeds.txt` in the words, and its doer (the actors right before its verb group, or
/// the agents of a passive). A deed whose verb group holds a token of `coded` (the sentence's
/// coded patterns: "refused to cooperate", "blocked the resolution") keeps its own code.
pub(super) fn judged_deed<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
    coded: &[usize],
) -> Option<(&'static str, Vec<&'c Mention>)> {
    let tokens = ctx.tokens();
    let (i, code) = words.clone().find_map(|i| {
        let code = deed_at(tokens, i, words.end).or_else(|| excess_at(tokens, i, words.end));
        let own = (verb_group_start(tokens, i, words.start)..=i).any(|k| coded.contains(&k));
        code.filter(|_| !own && !undone(tokens, i, words.start))
            .map(|code| (i, code))
    })?;
    if passive(tokens, i, words.start) {
        return agents(ctx, words, i).map(|agents| (code, agents));
    }
    doers(ctx, words, i).map(|doers| (code, doers))
}

/// "losses by HIH were concealed from the regulator", "the truth was hidden by the board": the
/// doers of a deed in the passive — the `by` actor right after its verb, else an actor of the
/// subject after `by` or `of`. None when no doer is named ("the files were destroyed"): the one
/// it was done to is no doer.
fn agents<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
    i: usize,
) -> Option<Vec<&'c Mention>> {
    let start = verb_group_start(ctx.tokens(), i, words.start);
    if conditional(ctx.tokens(), words.start..start) {
        return None;
    }
    let by = |m: &&Mention| m.preposition.as_deref() == Some("by");
    let after = (ctx.mentions.iter().filter(by))
        .find(|m| m.start == i + 2 || m.start == i + 3 && ctx.tokens()[i + 2].tag == Tag::DT);
    let within = || {
        ctx.mentions
            .iter()
            .filter(|m| m.start >= words.start && m.end <= start)
            .find(|m| matches!(m.preposition.as_deref(), Some("by" | "of")))
    };
    after.or_else(within).map(|m| vec![m])
}

/// "did not deceive", "could harm", "would destroy": a deed whose verb group (before `i`) is
/// negated or under a modal is not done. A deed that is its own negation ("not do enough")
/// starts at its negator and is done.
fn undone(tokens: &[Token], i: usize, start: usize) -> bool {
    let not = |w: &Token| NEGATORS.contains(&w.lower) || HYPOTHETICAL_MODALS.contains(&w.lower);
    !NEGATORS.contains(&tokens[i].lower)
        && tokens[verb_group_start(tokens, i, start)..i]
            .iter()
            .any(not)
}

/// "the workers were abused", "Y was ignored": a deed's verb in the passive, whose subject is
/// the one it was done to, not its doer.
fn passive(tokens: &[Token], i: usize, start: usize) -> bool {
    tokens[i].tag == Tag::VBN
        && tokens[verb_group_start(tokens, i, start)..i]
            .iter()
            .any(|w| w.lemma == "be" && w.tag.is_verb())
}

/// The first token of the verb group (auxiliaries and attempts) ending before `i`.
fn verb_group_start(tokens: &[Token], i: usize, start: usize) -> usize {
    let mut j = i;
    while j > start && auxiliary(&tokens[j - 1]) {
        j -= 1;
    }
    j
}

/// "Britain says Iran acted irresponsibly", "said the police behaved admirably": a verb of
/// conduct (`conduct-verbs.txt`) right before the adverb of a judging word judges its doer; a
/// negated one ("did not act irresponsibly") judges no one.
pub(super) fn judged_conduct<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
) -> Option<(&'static str, Vec<&'c Mention>)> {
    let tokens = ctx.tokens();
    let (i, code) = words.clone().find_map(|i| {
        let conduct = tokens[i].tag.is_verb() && CONDUCT_VERBS.contains(&tokens[i].lemma);
        let adverb = tokens
            .get(i + 1)
            .filter(|t| i + 1 < words.end && t.tag == Tag::RB)?;
        conduct
            .then(|| judging_adverb(&adverb.lower))
            .flatten()
            .map(|code| (i, code))
    })?;
    let mut start = i;
    while start > words.start && auxiliary(&tokens[start - 1]) {
        start -= 1;
    }
    if tokens[start..i].iter().any(|t| NEGATORS.contains(&t.lower)) {
        return None;
    }
    doers(ctx, words, i).map(|doers| (code, doers))
}

/// The code of the judging word an adverb is made from: "recklessly" (reckless),
/// "irresponsibly" (irresponsible), "hastily" (hasty).
fn judging_adverb(adverb: &str) -> Option<&'static str> {
    let stem = adverb.strip_suffix("ly")?;
    let mut stems = vec![stem.to_string()];
    if let Some(b) = stem.strip_suffix('b') {
        stems.push(format!("{b}ble"));
    }
    if let Some(i) = stem.strip_suffix('i') {
        stems.push(format!("{i}y"));
    }
    stems.iter().find_map(|w| {
        judging_word(w).or_else(|| EVALUATIVE_DISAPPROVAL.contains(w).then_some(CRITICIZE))
    })
}

/// The doers of the judged deed or conduct whose verb is at `i`: the actors right before its
/// verb group, when they lead the words (none under a condition).
fn doers<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
    i: usize,
) -> Option<Vec<&'c Mention>> {
    let tokens = ctx.tokens();
    let mut start = i;
    while start > words.start && auxiliary(&tokens[start - 1]) {
        start -= 1;
    }
    if conditional(tokens, words.start..start) {
        return None;
    }
    if let Some(finite) = means_of(tokens, words.start, start, i) {
        return doers(ctx, words, finite);
    }
    let doers = super::content::subjects_before(ctx, words.start, start);
    // "said it would track down militants Arafat has failed to arrest": a deed inside a
    // phrase is background, not what is said; the doer leads the words.
    let leads = doers.last().is_some_and(|m| {
        tokens[words.start..m.start]
            .iter()
            .all(|t| !t.tag.is_verb())
    });
    leads.then_some(doers)
}

/// "Y has limited its options *by spending* too much": a gerund after "by" is the means of the
/// clause's finite verb before it, done by that verb's subject; the index of that verb.
fn means_of(tokens: &[Token], from: usize, start: usize, i: usize) -> Option<usize> {
    let by = start.checked_sub(1).filter(|&b| b > from)?;
    if tokens[by].lower != "by" || tokens[i].tag != Tag::VBG || start != i {
        return None;
    }
    (from..by)
        .find(|&k| tokens[k].tag.is_finite_verb() && !auxiliary(&tokens[k]))
        .or_else(|| (from..by).find(|&k| tokens[k].tag.is_finite_verb()))
}

/// Nouns of blame placed on an actor ("the *blame* lies with Y").
const BLAME_NOUNS: [&str; 4] = ["blame", "responsibility", "fault", "onus"];

/// Verbs that place blame ("the blame *lies* with Y", "is on the head of Y").
const BLAME_VERBS: [&str; 4] = ["lie", "rest", "fall", "be"];

/// "the blame lies with the Taliban", "the responsibility rests squarely with Y", "any
/// disruption is clearly on the head of Qantas", "laid at the feet of Y": blame placed on the
/// actor after "with"/"on" (when a noun of blame is the subject) or after "on the head of",
/// "at the feet of", "at the door of" — the speaker's accusation (112) of that actor. Negated
/// or conditional, nothing.
pub(super) fn placed_blame<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
) -> Option<(&'static str, Vec<&'c Mention>)> {
    let tokens = ctx.tokens();
    let verb = words
        .clone()
        .find(|&i| tokens[i].tag.is_verb() && BLAME_VERBS.contains(&tokens[i].lemma.as_str()))?;
    let mut i = verb + 1;
    while i < words.end && (degree(&tokens[i]) || tokens[i].tag == Tag::RB) {
        i += 1;
    }
    let negated = tokens[words.start..i]
        .iter()
        .any(|t| NEGATORS.contains(&t.lower));
    if negated || conditional(tokens, words.start..verb) {
        return None;
    }
    let blamed = tokens[words.start..verb]
        .iter()
        .any(|t| t.tag.is_noun() && BLAME_NOUNS.contains(&t.lemma.as_str()));
    // The actor may take in the part ("head of Qantas" is Qantas's head).
    let at = blame_place(tokens, i, blamed)?;
    let the = usize::from(tokens.get(at).is_some_and(|t| t.tag == Tag::DT));
    let actor = ctx
        .mentions
        .iter()
        .find(|m| (i..=at + the).contains(&m.start) && m.end > at && m.end <= words.end)?;
    Some((ACCUSE, vec![actor]))
}

/// Where the actor blamed starts, after the verb's adverbs at `i`: right after "with"/"on" when
/// a noun of blame is the subject (`blamed`), after "on the head(s) of", "at the feet of".
fn blame_place(tokens: &[Token], i: usize, blamed: bool) -> Option<usize> {
    let w = |k: usize, any: &[&str]| {
        tokens
            .get(k)
            .is_some_and(|t| any.contains(&t.lower.as_str()))
    };
    let part = |p: &str, nouns: &[&str]| {
        w(i, &[p]) && w(i + 1, &["the"]) && w(i + 2, nouns) && w(i + 3, &["of"])
    };
    if part("on", &["head", "heads", "shoulders"]) || part("at", &["feet", "door", "doorstep"]) {
        return Some(i + 4);
    }
    (blamed && w(i, &["with", "on"])).then_some(i + 1)
}

/// "there are discrepancies in the way ASIC has handled the investigation", "there are
/// questions about how Y ...": a fault (`fault-nouns.txt`) found in how an actor acts is
/// criticism (111) of the actor right after "the way" or "how".
pub(super) fn faulted_conduct<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
) -> Option<(&'static str, Vec<&'c Mention>)> {
    let tokens = ctx.tokens();
    let at = |i: usize, w: &str| i < words.end && tokens[i].lower == w;
    let there = words.clone().find(|&i| {
        tokens[i].tag == Tag::EX && tokens.get(i + 1).is_some_and(|t| t.lemma == "be")
    })?;
    if conditional(tokens, words.start..there) {
        return None;
    }
    let mut i = there + 2;
    while i < words.end && (degree(&tokens[i]) || matches!(tokens[i].tag, Tag::DT | Tag::JJ)) {
        i += 1;
    }
    if i >= words.end || !FAULT_NOUNS.contains(&tokens[i].lemma) {
        return None;
    }
    let p = i + 1;
    if !["in", "with", "about", "over"].iter().any(|w| at(p, w)) {
        return None;
    }
    let actor_at = match () {
        _ if at(p + 1, "the") && at(p + 2, "way") => p + 3,
        _ if at(p + 1, "how") => p + 2,
        _ => return None,
    };
    let actor = ctx.mentions.iter().find(|m| m.start == actor_at)?;
    Some((CRITICIZE, vec![actor]))
}

/// "this is more evidence confirming his responsibility", "proof of Syria's involvement": a
/// noun of evidence (`evidence-nouns.txt`) followed by "of" or a verb of showing, then a
/// possessor's guilty part (`guilt-nouns.txt`) — the speaker's accusation (112) of the possessor
/// (no target where the possessor is a pronoun no actor stands for).
pub(super) fn evidenced_guilt<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
) -> Option<(&'static str, Vec<&'c Mention>)> {
    let tokens = ctx.tokens();
    let evidence = words
        .clone()
        .find(|&i| tokens[i].tag.is_noun() && EVIDENCE_NOUNS.contains(&tokens[i].lemma))?;
    if conditional(tokens, words.start..evidence) {
        return None;
    }
    let link = evidence + 1;
    let linked = tokens.get(link).is_some_and(|t| {
        t.lower == "of" || t.tag.is_verb() && SHOWING_VERBS.contains(&t.lemma.as_str())
    });
    let owner = link + 1;
    if !linked || owner >= words.end {
        return None;
    }
    let possessor = ctx
        .mentions
        .iter()
        .find(|m| m.start == owner && possessive(tokens, m));
    let pronoun = tokens[owner].tag == Tag::PRPS;
    let pos = |m: &Mention| usize::from(tokens.get(m.end).is_some_and(|t| t.tag == Tag::POS));
    let part = possessor.map_or(owner + 1, |m| m.end + pos(m));
    let guilty = tokens
        .get(part)
        .is_some_and(|t| part < words.end && GUILT_NOUNS.contains(&t.lemma));
    (guilty && (possessor.is_some() || pronoun)).then(|| (ACCUSE, possessor.into_iter().collect()))
}

/// Verbs by which evidence shows a guilt ("evidence *confirming* his responsibility").
const SHOWING_VERBS: [&str; 6] = [
    "confirm",
    "prove",
    "show",
    "establish",
    "demonstrate",
    "point",
];

/// The code of the `judged-deeds.txt` entry whose words start at `i`, if one does. Most words
/// open no entry: the entries' distinct first words are tried before the entries themselves.
fn deed_at(tokens: &[Token], i: usize, end: usize) -> Option<&'static str> {
    if !deed_openers().opens(&tokens[i]) {
        return None;
    }
    deeds().iter().find_map(|(code, words)| {
        let n = words.len();
        let matched = i + n <= end
            && words
                .iter()
                .zip(&tokens[i..i + n])
                .all(|(w, t)| deed_word(w, t));
        matched.then_some(*code)
    })
}

/// "spent too much", "has waited far too long", "moved too slowly": a verb (no form of "be" or
/// "have") at `i` followed, past adverbs, by "too" and a word of `excess-degrees.txt` — a deed
/// done to excess or too little, criticism (111) of its doer.
fn excess_at(tokens: &[Token], i: usize, end: usize) -> Option<&'static str> {
    let verb = &tokens[i];
    if !verb.tag.is_verb() || matches!(verb.lemma.as_str(), "be" | "have") {
        return None;
    }
    let mut j = i + 1;
    while j < end && tokens[j].tag == Tag::RB && tokens[j].lower != "too" {
        j += 1;
    }
    let too = j + 1 < end && tokens[j].lower == "too";
    (too && EXCESS_DEGREES.contains(&tokens[j + 1].lower)).then_some(CRITICIZE)
}

/// `judged-deeds.txt` split once into its code and words.
fn deeds() -> &'static [(&'static str, Vec<&'static str>)] {
    static DEEDS: std::sync::OnceLock<Vec<(&'static str, Vec<&'static str>)>> =
        std::sync::OnceLock::new();
    DEEDS.get_or_init(|| {
        (JUDGED_DEEDS.words().iter())
            .filter_map(|entry| {
                let (code, phrase) = entry.split_once(' ')?;
                Some((code, phrase.split(' ').collect()))
            })
            .collect()
    })
}

/// The distinct first words of the `judged-deeds.txt` entries, hashed so that a token is
/// checked in a few look-ups instead of one [`deed_word`] comparison per opener.
struct DeedOpeners {
    /// Openers a token's lemma or lower-case form may equal.
    words: rustc_hash::FxHashSet<&'static str>,
    /// Openers ending in a silent "e", without it: a verb's lemma that lost it ("sabotag").
    without_e: rustc_hash::FxHashSet<&'static str>,
    /// Whether "not" opens an entry (any negator then does).
    not: bool,
    /// Whether "a" or "an" opens an entry (either article then does).
    article: bool,
}

impl DeedOpeners {
    /// Whether `deed_word(w, t)` holds for some opener `w`.
    fn opens(&self, t: &Token) -> bool {
        if self.not && NEGATORS.contains(&t.lower)
            || self.article && matches!(t.lower.as_str(), "a" | "an")
        {
            return true;
        }
        self.words.contains(t.lemma.as_str())
            || self.words.contains(t.lower.as_str())
            || t.tag.is_verb() && self.without_e.contains(t.lemma.as_str())
    }
}

fn deed_openers() -> &'static DeedOpeners {
    static OPENERS: std::sync::OnceLock<DeedOpeners> = std::sync::OnceLock::new();
    OPENERS.get_or_init(|| {
        let firsts = || {
            deeds()
                .iter()
                .filter_map(|(_, words)| words.first().copied())
        };
        let special = |w: &str| matches!(w, "not" | "a" | "an");
        let words: rustc_hash::FxHashSet<&'static str> = firsts().filter(|w| !special(w)).collect();
        let without_e = words.iter().filter_map(|w| w.strip_suffix('e')).collect();
        let not = firsts().any(|w| w == "not");
        let article = firsts().any(|w| matches!(w, "a" | "an"));
        DeedOpeners {
            words,
            without_e,
            not,
            article,
        }
    })
}

/// Whether the token `t` stands for the entry word `w`.
fn deed_word(w: &str, t: &Token) -> bool {
    match w {
        "not" => NEGATORS.contains(&t.lower),
        "a" | "an" => matches!(t.lower.as_str(), "a" | "an"),
        _ => lemma_is(t, w) || t.lower == w,
    }
}

/// Whether the token's lemma is `w`, also where a verb the lexicon does not know lost its
/// silent "e" ("abused" → "abus", "sabotaged" → "sabotag").
fn lemma_is(t: &Token, w: &str) -> bool {
    t.lemma == w || t.tag.is_verb() && w.strip_suffix('e') == Some(t.lemma.as_str())
}

/// A word of the verb group before a deed: an auxiliary ("has", "did", "is", "n't") or an
/// attempt ("is trying to undermine").
fn auxiliary(t: &Token) -> bool {
    matches!(t.tag, Tag::MD | Tag::RB | Tag::TO)
        || matches!(t.lemma.as_str(), "have" | "be" | "do" | "try" | "seek") && t.tag.is_verb()
}

/// "it is wrong *to* ...", "too early *to* say": the predicate judges a clause, not an actor.
fn extraposed(tokens: &[Token], after: usize) -> bool {
    tokens
        .get(after)
        .is_some_and(|t| t.tag == Tag::TO || t.lower == "that")
}

/// A quotation mark token.
fn is_quote_mark(text: &str) -> bool {
    matches!(text, "\"" | "'" | "\u{201c}" | "\u{201d}" | "``" | "''")
}

/// An adverb, or "more"/"most"/"less" before a predicate ("are more to blame").
pub(super) fn degree(t: &Token) -> bool {
    t.tag == Tag::RB
        || matches!(
            t.lower.as_str(),
            "more" | "most" | "less" | "largely" | "partly"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_deed_is_a_judging_code_and_words() {
        for entry in JUDGED_DEEDS.words() {
            let (code, phrase) = entry.split_once(' ').expect("a code and words");
            assert!(matches!(code, CRITICIZE | ACCUSE | PRAISE), "{entry}: code");
            assert!(!phrase.trim().is_empty(), "{entry}: no words");
        }
    }

    #[test]
    fn adverbs_judge_by_the_word_they_are_made_from() {
        // (adverb, code)
        let cases = [
            ("recklessly", Some(CRITICIZE)),
            ("irresponsibly", Some(CRITICIZE)),
            ("selfishly", Some(CRITICIZE)),
            ("constructively", Some(PRAISE)),
            ("quickly", None),
            ("only", None),
        ];
        for (adverb, code) in cases {
            assert_eq!(judging_adverb(adverb), code, "{adverb}");
        }
    }

    #[test]
    fn judging_words_are_either_disapproving_or_approving() {
        // (word, code)
        let cases = [
            ("unjustified", Some(CRITICIZE)),
            ("greedy", Some(CRITICIZE)),
            ("courageous", Some(PRAISE)),
            ("terrible", None),
            ("weak", None),
        ];
        for (w, code) in cases {
            assert_eq!(judging_word(w), code, "{w}");
        }
        for w in APPROVAL_PREDICATES.words() {
            assert!(!DISAPPROVAL_PREDICATES.contains(w), "{w} in both lists");
        }
    }
}
