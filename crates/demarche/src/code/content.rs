//! What a statement says when no coded act inside it says it already (CAMEO codes the content of
//! a statement, not that it was said): an obligation the speaker lays on another actor ("X says Y
//! has to act", "it is time for Y to exert control", "Y must do more") is X's demand (100) on Y; a
//! judgement of another actor ("Y's action is unjustified", "Y is to blame", "Y was behind the
//! attack", "declared Y irrelevant"; read by [`super::judgement`]) is X's criticism (111),
//! accusation (112) or praise (051) of Y; a disavowal ("had nothing to do with", "has no
//! connection with", "was not behind") is X's denial (016). An appraisal with no target is aimed
//! at the possessor of what it appraises. Two speech patterns are read by what follows them:
//! "warned that" a state of affairs is a pessimistic comment (012), not a threat, unless a future
//! act may be announced; "insists (that) Y is ..." is a claim (010), not a demand, unless what is
//! insisted on is demanded.

use super::complement::{clause_governor, trailing_speech};
use super::decision::Rule;
use super::grammar::{
    COMPOUND_JOINERS, DEMAND_MODALS, DISAVOWED_PARTS, FUTURE_MODALS, HYPOTHETICAL_MODALS,
    IMPORTANCE_ADJECTIVES, OBLIGATION_VERBS,
};
use super::judgement::{
    evidenced_guilt, faulted_conduct, judged, judged_conduct, judged_deed, judged_object,
    placed_blame,
};
use super::mentions::Mention;
use super::sentence::SentenceContext;
use super::speech::HeadedEvent;
use crate::text::{ClauseKind, Sentence, Tag, Token};
use std::ops::Range;

/// The generic demand code.
const DEMAND: &str = "100";
/// Make pessimistic comment.
const PESSIMISM: &str = "012";
/// Make statement.
const STATEMENT: &str = "010";
/// Deny responsibility.
const DENY: &str = "016";

/// "has to act", "needs to do more", "it is time for Y to act": the word that lays an obligation
/// on the bare verb at `head`, as "must" does — the act is demanded, not done.
pub(super) fn obligation(tokens: &[Token], head: usize, clause_start: usize) -> Option<usize> {
    if tokens[head].tag != Tag::VB {
        return None;
    }
    let to = head
        .checked_sub(1)
        .filter(|&k| k > clause_start && tokens[k].tag == Tag::TO)?;
    let w = &tokens[to - 1];
    if w.tag.is_verb() && OBLIGATION_VERBS.contains(&w.lemma) {
        return Some(to - 1);
    }
    time_for(tokens, clause_start, to)
}

/// "it is time *for Mr Arafat* to", "it is vital *for Israel* to": the index of "time" (or the
/// adjective) before the "for" phrase ending at `to`.
fn time_for(tokens: &[Token], clause_start: usize, to: usize) -> Option<usize> {
    let mut j = to;
    while j > clause_start
        && (tokens[j - 1].tag.is_noun()
            || tokens[j - 1].tag.is_prenominal()
            || tokens[j - 1].tag == Tag::PRP)
    {
        j -= 1;
    }
    let obliging = |t: &Token| t.lower == "time" || importance(t);
    (j < to && j >= clause_start + 2 && tokens[j - 1].lower == "for" && obliging(&tokens[j - 2]))
        .then_some(j - 2)
}

/// "important", "vital": an adjective of importance.
fn importance(t: &Token) -> bool {
    t.tag == Tag::JJ && IMPORTANCE_ADJECTIVES.contains(&t.lower)
}

/// "it is vital", "it's important": an importance adjective at `adj` after "it" + "be".
pub(super) fn extraposed_importance(tokens: &[Token], adj: usize) -> bool {
    adj >= 2
        && importance(&tokens[adj])
        && (crate::text::tag::auxiliary_of(&tokens[adj - 1].lower) == Some("be")
            || tokens[adj - 1].lower == "'s")
        && tokens[adj - 2].lower == "it"
}

/// "it's important *John Howard* delivers", "it is vital that *Israel* withdraw": the actors an
/// extraposed importance predicate in the words lays an obligation on — the subject of the
/// clause right after it, when a verb follows that subject.
fn important_that<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
) -> Option<Vec<&'c Mention>> {
    let tokens = ctx.tokens();
    let adj = words
        .clone()
        .skip(2)
        .find(|&i| extraposed_importance(tokens, i))?;
    let mut at = adj + 1;
    if tokens.get(at).is_some_and(|t| t.lower == "that") {
        at += 1;
    }
    let subject = ctx
        .mentions
        .iter()
        .find(|m| m.start == at && m.end < words.end)?;
    let acts = tokens[subject.end].tag.is_verb() || tokens[subject.end].tag == Tag::MD;
    acts.then(|| vec![subject])
}

/// The words the speech verb at `verb` reports: its attributed quotation, its reported clause
/// (with the clauses inside it), or the words a trailing attribution (", officials said") follows.
pub(super) fn reported_words(ctx: &SentenceContext<'_>, verb: usize) -> Option<Range<usize>> {
    if let Some(a) = ctx.attributions.iter().find(|a| a.verb == Some(verb)) {
        return Some(a.quote.clone());
    }
    let sentence = ctx.sentence;
    let tokens = &sentence.tokens;
    // "says while it is a positive sign, Y has to act": an adverbial clause right after the verb
    // holds what is said.
    let governed = sentence.clauses.iter().position(|c| {
        matches!(
            c.kind,
            ClauseKind::Reported | ClauseKind::Quotation | ClauseKind::Subordinate
        ) && c.tokens.start > verb
            && clause_governor(tokens, c.tokens.start) == Some(verb)
    });
    if let Some(k) = governed {
        return Some(sentence.clauses[k].tokens.start..subtree_end(sentence, k));
    }
    if let Some((k, _)) = trailing_speech(sentence).filter(|&(_, v)| v == verb) {
        return Some(0..sentence.clauses[k].tokens.start);
    }
    unsplit_report(sentence, verb)
}

/// "told CNN television that ...", "assured Japan that ...": the reported clause after a speech
/// verb's object, with the clauses inside it — what a plain statement to an addressee says.
fn addressed_words(ctx: &SentenceContext<'_>, verb: usize) -> Option<Range<usize>> {
    let sentence = ctx.sentence;
    let k = sentence.clauses.iter().position(|c| {
        c.kind == ClauseKind::Reported
            && c.tokens.start > verb
            && clause_governor(&sentence.tokens, c.tokens.start)
                .is_some_and(|g| addressed(&sentence.tokens, verb, g))
    })?;
    Some(sentence.clauses[k].tokens.start..subtree_end(sentence, k))
}

/// Whether the tokens from right after the speech verb at `verb` to `g` (the governor of the
/// clause after them) are its object, a noun phrase.
fn addressed(tokens: &[Token], verb: usize, g: usize) -> bool {
    let object = |t: &Token| t.tag.is_noun() || t.tag.is_prenominal() || t.tag == Tag::PRP;
    g > verb
        && g <= verb + 4
        && crate::text::chunk::is_speech_verb(&tokens[verb].lemma)
        && tokens[verb + 1..=g].iter().all(object)
}

/// "said the investigation by Iran was too narrow" left in one clause: the words after a speech
/// verb up to its clause's end, when a finite verb follows there.
fn unsplit_report(sentence: &Sentence, verb: usize) -> Option<Range<usize>> {
    let tokens = &sentence.tokens;
    if !crate::text::chunk::is_speech_verb(&tokens[verb].lemma) {
        return None;
    }
    let end = sentence.clauses[sentence.clause_of(verb)].tokens.end;
    (verb + 2..end)
        .any(|i| tokens[i].tag.is_finite_verb())
        .then_some(verb + 1..end)
}

/// The end of clause `k` and of the clauses right after it that hang from it, or that quote
/// the words it leads to ("said the words amounted to a \"declaration of war\"").
fn subtree_end(sentence: &Sentence, k: usize) -> usize {
    let within = |mut j: usize| loop {
        match sentence.clauses[j].parent {
            Some(p) if p == k => return true,
            Some(p) if p != j => j = p,
            _ => return false,
        }
    };
    let mut end = sentence.clauses[k].tokens.end;
    for j in k + 1..sentence.clauses.len() {
        let c = &sentence.clauses[j];
        let quoted = c.kind == ClauseKind::Quotation && c.tokens.start == end;
        if !within(j) && !quoted {
            break;
        }
        end = end.max(sentence.clauses[j].tokens.end);
    }
    end
}

/// The statement `s` (a plain 010) as what it says: a demand on, a criticism, accusation or
/// praise of other actors (one event per actor), or the speaker's denial; none when it says none
/// of these, or judges only the speaker.
/// When a coded act lies inside the words (`coded` holds the tokens of the sentence's coded
/// patterns), only a judgement, or a deed that is no coded act, is looked for.
pub(super) fn restate(
    ctx: &SentenceContext<'_>,
    s: &HeadedEvent,
    coded: Option<&[usize]>,
) -> Vec<HeadedEvent> {
    let Some(speaker) = s.event.source.as_ref() else {
        return Vec::new();
    };
    let Some((code, targets)) = what_is_said(ctx, s.head, coded) else {
        return Vec::new();
    };
    let own_country = speaker.code.get(..3).unwrap_or("");
    // "Afghanistan must go from an economy of war ...", Mr Karzai said: an obligation on the
    // speaker's own country as a whole is an exhortation, not a demand on another actor.
    let exhorted = |m: &Mention| code == DEMAND && m.code.as_str() == own_country;
    let named = !targets.is_empty();
    let others: Vec<&Mention> = targets
        .into_iter()
        .filter(|m| m.code.as_str() != speaker.code.as_str() && !exhorted(m))
        .collect();
    let targets: Vec<Option<&Mention>> = match code {
        // "Pakistan said it was not behind the attack": a denial is the speaker's own; a
        // defence of another ("said Germany was not to blame") is no denial.
        DENY if !others.is_empty() => return Vec::new(),
        DEMAND if others.is_empty() => return Vec::new(),
        DENY => vec![None],
        // "Qantas said its own decision was wrong": a judgement of the speaker itself is none.
        _ if named && others.is_empty() => return Vec::new(),
        _ if others.is_empty() => vec![None],
        _ => others.into_iter().map(Some).collect(),
    };
    targets
        .into_iter()
        .map(|t| restated(ctx, s, code, t))
        .collect()
}

/// What the words reported by the speech verb at `verb` say, and of whom.
fn what_is_said<'c>(
    ctx: &'c SentenceContext<'_>,
    verb: usize,
    coded: Option<&[usize]>,
) -> Option<(&'static str, Vec<&'c Mention>)> {
    let words = reported_words(ctx, verb).or_else(|| addressed_words(ctx, verb));
    if let Some(coded) = coded {
        // "told CNN that Sharon was trying to torpedo his own crackdown": a deed whose verb
        // group is no coded act is said next to the act coded in its object.
        return words.and_then(|w| judged(ctx, w.clone()).or_else(|| judged_deed(ctx, w, coded)));
    }
    words
        .and_then(|words| {
            demanded(ctx, words.clone())
                .or_else(|| disavowed(ctx, words.clone()))
                .or_else(|| placed_blame(ctx, words.clone()))
                .or_else(|| judged(ctx, words.clone()))
                .or_else(|| judged_deed(ctx, words.clone(), &[]))
                .or_else(|| judged_conduct(ctx, words.clone()))
                .or_else(|| faulted_conduct(ctx, words.clone()))
                .or_else(|| evidenced_guilt(ctx, words))
        })
        .or_else(|| judged_object(ctx, verb))
}

/// "Residents say the police did a poor job": whether the words the speech verb at `verb`
/// reports judge or lay a demand on an actor other than the `speaker` — the statement will be
/// restated with that actor as target, so a speaker that needs one (a common noun) may make it.
pub(super) fn says_of_another(ctx: &SentenceContext<'_>, verb: usize, speaker: &Mention) -> bool {
    what_is_said(ctx, verb, None).is_some_and(|(code, targets)| {
        code != DENY && targets.iter().any(|m| m.code != speaker.code)
    })
}

/// The statement `s` recoded as `code`, aimed at `target`.
fn restated(
    ctx: &SentenceContext<'_>,
    s: &HeadedEvent,
    code: &'static str,
    target: Option<&Mention>,
) -> HeadedEvent {
    let rule = match code {
        DEMAND => Rule::ReportedDemand,
        DENY => Rule::ReportedDenial,
        _ => Rule::ReportedJudgement,
    };
    let mut event = s.event.clone();
    event.target = target.map(|t| super::emit::actor(ctx, t));
    super::emit::recode(ctx, &mut event, code, rule);
    HeadedEvent {
        event,
        clause: s.clause,
        head: s.head,
        pattern: s.pattern.clone(),
    }
}

/// "Y has to act", "Y must do more", "it is time for Y to act": an obligation in the words,
/// and the actors it is laid on (the subject of the obliged verb, or the "for" phrase).
fn demanded<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
) -> Option<(&'static str, Vec<&'c Mention>)> {
    let tokens = ctx.tokens();
    for head in words.clone().filter(|&i| tokens[i].tag == Tag::VB) {
        if passive_infinitive(tokens, head) {
            continue;
        }
        let marker = obligation(tokens, head, words.start)
            .or_else(|| demand_modal(tokens, head, words.start));
        let Some(p) = marker else {
            continue;
        };
        let obliged = if tokens[p].lower == "time" || importance(&tokens[p]) {
            ctx.mentions
                .iter()
                .filter(|m| m.start > p && m.end < head)
                .collect()
        } else {
            subjects_before(ctx, words.start, p)
        };
        return Some((DEMAND, obliged));
    }
    important_that(ctx, words).map(|obliged| (DEMAND, obliged))
}

/// "must be punished", "needs to be overhauled": a passive obliged act names no one obliged.
fn passive_infinitive(tokens: &[Token], head: usize) -> bool {
    tokens[head].lemma == "be" && tokens.get(head + 1).is_some_and(|t| t.tag == Tag::VBN)
}

/// "must"/"should" in the verb group before the bare verb `head`.
fn demand_modal(tokens: &[Token], head: usize, start: usize) -> Option<usize> {
    let mut j = head;
    while j > start && tokens[j - 1].tag == Tag::RB {
        j -= 1;
    }
    let k = j.checked_sub(1).filter(|&k| k >= start)?;
    (tokens[k].tag == Tag::MD && DEMAND_MODALS.contains(&tokens[k].lower)).then_some(k)
}

/// The subject right before the verb group at `p` (only adverbs between), with the actors
/// joined to it ("Chairman Arafat and the Palestinian Authority must").
pub(super) fn subjects_before<'c>(
    ctx: &'c SentenceContext<'_>,
    start: usize,
    p: usize,
) -> Vec<&'c Mention> {
    let tokens = ctx.tokens();
    let mut end = p;
    while end > start && tokens[end - 1].tag == Tag::RB {
        end -= 1;
    }
    let mut out = Vec::new();
    while let Some(m) = ctx
        .mentions
        .iter()
        .find(|m| m.end == end && m.start >= start && m.preposition.is_none())
    {
        out.push(m);
        let joined = m.start > start && COMPOUND_JOINERS.contains(&tokens[m.start - 1].lower);
        if !joined {
            break;
        }
        end = m.start - 1;
    }
    out
}

/// "it had nothing to do with the bombing", "Kashmiris have no connection with this attack": a
/// disavowal of a part in something (016), with no target.
fn disavowed<'c>(
    ctx: &'c SentenceContext<'_>,
    words: Range<usize>,
) -> Option<(&'static str, Vec<&'c Mention>)> {
    let tokens = ctx.tokens();
    let at = |i: usize, w: &str| i < words.end && tokens[i].lower == w;
    let part = |i: usize| i < words.end && DISAVOWED_PARTS.contains(&tokens[i].lemma);
    words
        .clone()
        .find(|&i| {
            let nothing = || at(i + 1, "nothing") && at(i + 2, "to") && at(i + 3, "do");
            tokens[i].lemma == "have"
                && tokens[i].tag.is_verb()
                && (at(i + 1, "no") && part(i + 2) || nothing())
        })
        .map(|_| (DENY, Vec::new()))
}

/// The speech patterns read by what follows them: "warned that" a state of affairs (no future
/// act announced) is a pessimistic comment (012); "insists that Y is ..." (no demand
/// in it) is a claim (010). Returns the code `e` becomes, if any.
pub(super) fn reread(ctx: &SentenceContext<'_>, e: &HeadedEvent) -> Option<&'static str> {
    let tokens = ctx.tokens();
    let lemma = tokens[e.head].lemma.as_str();
    let rereadable = matches!(
        (lemma, e.event.cameo.as_str()),
        ("warn", "130") | ("insist", "100")
    );
    if !rereadable {
        return None;
    }
    let words = reported_words(ctx, e.head)?;
    match (lemma, e.event.cameo.as_str()) {
        ("warn", "130") if !announced_act(ctx, words.clone()) => Some(PESSIMISM),
        ("insist", "100") if !demanded_words(tokens, words) => Some(STATEMENT),
        _ => None,
    }
}

/// Whether the words may announce a future act: any "will"/"would" ("warned that there would
/// be consequences", "that any attack would be met with force"), or "could"/"may" after an actor
/// or personal pronoun ("warned it could strike"; "the dispute could snowball" announces none).
fn announced_act(ctx: &SentenceContext<'_>, words: Range<usize>) -> bool {
    let tokens = ctx.tokens();
    words.clone().any(|i| {
        let t = &tokens[i];
        let pronoun = i > words.start && tokens[i - 1].tag == Tag::PRP;
        let actor = || {
            ctx.mentions
                .iter()
                .any(|m| m.start >= words.start && m.end <= i && m.preposition.is_none())
        };
        let possible = HYPOTHETICAL_MODALS.contains(&t.lower) && (pronoun || actor());
        t.tag == Tag::MD && (FUTURE_MODALS.contains(&t.lower) || possible)
    })
}

/// Whether the words are demanded rather than claimed: a demand modal, an obligation, or a
/// bare (subjunctive) verb ("insisted that Iran release").
fn demanded_words(tokens: &[Token], words: Range<usize>) -> bool {
    words.clone().any(|i| {
        let t = &tokens[i];
        t.tag == Tag::MD && DEMAND_MODALS.contains(&t.lower)
            || t.tag == Tag::VB && (i == words.start || !auxiliary(&tokens[i - 1]))
            || t.tag == Tag::VB && obligation(tokens, i, words.start).is_some()
    })
}

/// "to", a modal or a form of "do" before a bare verb: it is no subjunctive.
fn auxiliary(t: &Token) -> bool {
    matches!(t.tag, Tag::TO | Tag::MD | Tag::RB) || t.lemma == "do"
}

/// "Y are (more) to blame": the predicate "to blame" read as a verb whose subject blames; the
/// blame is laid on the subject (by the speaker, [`judged`]), so that reading is no event.
pub(super) fn predicative_blame(tokens: &[Token], e: &HeadedEvent) -> bool {
    let h = e.head;
    if tokens[h].lemma != "blame" || h < 2 || tokens[h - 1].tag != Tag::TO {
        return false;
    }
    let mut j = h - 1;
    while j > 0 && super::judgement::degree(&tokens[j - 1]) {
        j -= 1;
    }
    j > 0 && tokens[j - 1].lemma == "be"
}

/// Codes of appraisals (criticism, disapproval, praise, comments, empathy) whose target is the
/// one whose act or thing is appraised.
const APPRAISAL_PREFIXES: [&str; 5] = ["11", "051", "012", "013", "018"];

/// How far after the pattern the appraised noun phrase may start: a preposition and a
/// determiner or modifier ("at *the maintenance workers'* actions").
const NEAR: usize = 3;

/// "expressed disappointment at *the workers'* actions", "welcomed the decision *by Iran*": an
/// appraisal with no target is aimed at the possessor (or `of`/`by` actor) of the noun phrase it
/// is about: the noun phrase right after the pattern (within [`NEAR`] tokens), before any verb.
pub(super) fn appraised<'c>(ctx: &'c SentenceContext<'_>, e: &HeadedEvent) -> Option<&'c Mention> {
    let code = e.event.cameo.as_str();
    if e.event.target.is_some() || !APPRAISAL_PREFIXES.iter().any(|p| code.starts_with(p)) {
        return None;
    }
    let tokens = ctx.tokens();
    let clause_end = ctx.sentence.clauses[e.clause].tokens.end;
    let stop = (e.pattern.end..clause_end)
        .find(|&i| tokens[i].tag.is_verb())
        .unwrap_or(clause_end);
    let source = e.event.source.as_ref()?.code.as_str();
    ctx.mentions
        .iter()
        .filter(|m| (e.pattern.end..=e.pattern.end + NEAR).contains(&m.start))
        .filter(|m| m.end <= stop && m.code.as_str() != source)
        .find(|m| {
            let possessive = tokens[m.start].tag == Tag::PRPS
                || tokens.get(m.end).is_some_and(|t| t.tag == Tag::POS);
            possessive || matches!(m.preposition.as_deref(), Some("of" | "by"))
        })
}

/// "has been critical of the report, saying the department is encouraging firms to export
/// jobs", "condemned the decision, saying Israel had broken its word": a criticism or accusation
/// (11x) with no target, followed by a participle of speech after a comma, is aimed at the
/// subject of what that participle says ([`saying_subject`]).
pub(super) fn blamed_in_saying<'c>(
    ctx: &'c SentenceContext<'_>,
    e: &HeadedEvent,
) -> Option<&'c Mention> {
    if e.event.target.is_some() || !e.event.cameo.starts_with("11") {
        return None;
    }
    saying_subject(ctx, e.pattern.end, &e.event.source.as_ref()?.code)
}

/// The subject of what a participle of speech after a comma (from token `after` on) says: the
/// actor leading its words before their first verb, when it is not the `source`.
pub(super) fn saying_subject<'c>(
    ctx: &'c SentenceContext<'_>,
    after: usize,
    source: &str,
) -> Option<&'c Mention> {
    let tokens = ctx.tokens();
    let saying = (after.max(1)..tokens.len()).find(|&k| {
        tokens[k].tag == Tag::VBG
            && tokens[k - 1].text == ","
            && crate::text::chunk::is_speech_verb(&tokens[k].lemma)
    })?;
    let words = reported_words(ctx, saying)?;
    let verb = words
        .clone()
        .find(|&i| tokens[i].tag.is_verb() || tokens[i].tag == Tag::MD)?;
    subjects_before(ctx, words.start, verb)
        .into_iter()
        .find(|m| m.code.as_str() != source)
}
