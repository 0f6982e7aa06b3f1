//! What was said, not only that it was said (CAMEO 1.1b3): once a sentence's matches are coded,
//! a governing word's generic event gives way to its complement's ("urged Iran to hold talks" is
//! 026, not also 020); a plain statement (010) whose reported speech or quotation holds a coded event
//! gives way to it; a speaker's report that another actor used force is also the speaker's
//! accusation (112) of that actor; a plain statement with nothing coded in it is coded as what it
//! says when that is a demand or a judgement ([`super::content`]); and plain statements with no target are dropped unless the coder
//! keeps them ([`super::CoderBuilder::untargeted_statements`]).

use super::complement::governor_gives_way;
use super::decision::Rule;
use super::grammar::{COMMENT_CODES, WHOLE_CODE_PREFIXES};
use super::sentence::SentenceContext;
use crate::model::Event;
use crate::text::{ClauseKind, Sentence, Tag};

/// An event with the clause, head token and token range of its pattern.
pub(super) struct HeadedEvent {
    pub(super) event: Event,
    pub(super) clause: usize,
    pub(super) head: usize,
    pub(super) pattern: std::ops::Range<usize>,
}

/// The plain statement code.
pub(super) const PLAIN_STATEMENT: &str = "010";

/// The accusation code.
const ACCUSE: &str = "112";

/// The rule of an act by an attacker the text does not name (`code/attackers.rs`).
const UNKNOWN_ATTACKER: &str = "unknown-attacker";

/// Applies the conventions to a sentence's events; `superseded` are the heads of governing
/// words whose complement was coded.
pub(super) fn settle(
    ctx: &SentenceContext<'_>,
    mut events: Vec<HeadedEvent>,
    superseded: &[usize],
) -> Vec<HeadedEvent> {
    events.retain(|e| {
        let code = &e.event.cameo;
        !(superseded.contains(&e.head) && governor_gives_way(ctx.tokens(), e.head, code))
    });
    events.retain(|e| !super::content::predicative_blame(ctx.tokens(), e));
    for e in events.iter_mut() {
        let appeal = Rule::Governed(super::complement::Stance::Appeal);
        // "called Y's campaign an attempt to topple Z" is an accusation, not an appeal.
        if e.event.cameo == super::events::NAMED_DESIGN
            && super::judgement::named_attempt(ctx.tokens(), e.head)
        {
            e.event.rules.retain(|r| r != appeal.as_str());
            e.event.rules.push(Rule::Accusation.into());
        }
        if let Some(code) = super::content::reread(ctx, e) {
            super::emit::recode(ctx, &mut e.event, code, Rule::RereadSpeech);
        }
        if let Some(m) = super::content::appraised(ctx, e) {
            e.event.target = Some(super::emit::actor(ctx, m));
            e.event.rules.push(Rule::AppraisedPossessor.into());
        } else if let Some(m) = super::content::blamed_in_saying(ctx, e) {
            e.event.target = Some(super::emit::actor(ctx, m));
            e.event.rules.push(Rule::ReportedJudgement.into());
        }
    }
    let mut accusations = Vec::new();
    let mut replaced: Vec<usize> = superseded.to_vec();
    let coded: Vec<usize> = events.iter().flat_map(|e| e.pattern.clone()).collect();
    for s in events.iter().filter(|e| is_statement(&e.event)) {
        let reported = events
            .iter()
            .filter(|r| !is_statement(&r.event) && reports(ctx, s, r));
        for r in reported {
            let accused = claims(ctx, s, r).then(|| accusation(ctx, s, r)).flatten();
            // A supposed act replaces the statement only by the accusation it makes.
            if accused.is_some() || !supposed(&r.event) {
                replaced.push(s.head);
            }
            accusations.extend(accused);
        }
    }
    let restated: Vec<HeadedEvent> = events
        .iter()
        .filter(|s| is_statement(&s.event))
        .flat_map(|s| {
            let inside = replaced.contains(&s.head).then_some(coded.as_slice());
            super::content::restate(ctx, s, inside)
        })
        .collect();
    replaced.extend(restated.iter().map(|r| r.head));
    let keep = |e: &HeadedEvent| {
        let replaced_statement = is_statement(&e.event) && replaced.contains(&e.head);
        let untargeted = e.event.target.is_none() && COMMENT_CODES.contains(&e.event.cameo);
        let dropped_untargeted = untargeted && !ctx.coder.untargeted_statements;
        !replaced_statement && !dropped_untargeted
    };
    let mut out: Vec<HeadedEvent> = events
        .into_iter()
        .filter(|e| keep(e) && !supposed(&e.event))
        .collect();
    out.extend(accusations);
    out.extend(restated);
    out
}

/// Whether the event is an act only supposed, alleged or expected: kept for its accusation only.
fn supposed(e: &Event) -> bool {
    e.rules.iter().any(|r| r == Rule::Supposed.as_str())
}

/// A plain statement (010, "make statement, not specified below"): denials, comments and
/// other 01x codes say something of their own and stay.
fn is_statement(e: &Event) -> bool {
    e.cameo == PLAIN_STATEMENT
}

/// Whether event `r` lies in the reported speech or quotation of the statement `s`.
pub(super) fn reports(ctx: &SentenceContext<'_>, s: &HeadedEvent, r: &HeadedEvent) -> bool {
    let quoted = ctx
        .attributions
        .iter()
        .any(|a| a.verb == Some(s.head) && a.quote.contains(&r.head));
    let trailing = super::complement::trailing_speech(ctx.sentence)
        .is_some_and(|(k, verb)| verb == s.head && r.clause < k);
    quoted
        || trailing
        || reported_under(ctx.sentence, r.clause, s.head)
        || said_without_that(ctx.sentence, s, r)
}

/// "said on Wednesday Havana would ease restrictions", "told the United Nations on Monday it
/// would accept": a verb after a statement's verb in its own clause is what was said, reported
/// without "that" (an adverbial between them keeps the clause from being split off).
fn said_without_that(sentence: &Sentence, s: &HeadedEvent, r: &HeadedEvent) -> bool {
    let verb = |k: usize| sentence.tokens.get(k).is_some_and(|t| t.tag.is_verb());
    r.clause == s.clause && r.head > s.head && verb(s.head) && verb(r.head)
}

/// Whether event `r` is what the speaker of `s` claims, so that reporting force accuses its doer:
/// the speaker's reported clause or quotation ("Syria said Turkish troops shelled its villages"),
/// not a news report's closing attribution ("Israeli commandos killed him, Palestinian officials
/// said": the sourcing of the story) nor a relative clause describing someone in what was said
/// ("says police interviewed the family of a man who has been fighting with the Taliban").
fn claims(ctx: &SentenceContext<'_>, s: &HeadedEvent, r: &HeadedEvent) -> bool {
    let quoted = ctx
        .attributions
        .iter()
        .any(|a| a.verb == Some(s.head) && a.quote.contains(&r.head));
    let after_quote = super::complement::trailing_speech(ctx.sentence)
        .is_some_and(|(k, verb)| verb == s.head && r.clause < k && closes_quote(ctx.sentence, k));
    (quoted || after_quote || reported_under(ctx.sentence, r.clause, s.head))
        && !described(ctx.sentence, r.clause)
}

/// Whether clause `k` opens right after a closing quotation mark: `"...," the office said`.
fn closes_quote(sentence: &Sentence, k: usize) -> bool {
    let start = sentence.clauses[k].tokens.start;
    let mut j = start;
    while j > 0 && sentence.tokens[j - 1].text == "," {
        j -= 1;
    }
    j > 0
        && matches!(
            sentence.tokens[j - 1].text.as_str(),
            "\"" | "\u{201d}" | "''"
        )
}

/// Whether clause `k` lies in a relative clause below its reported clause or quotation.
fn described(sentence: &Sentence, mut k: usize) -> bool {
    loop {
        let c = &sentence.clauses[k];
        match c.kind {
            ClauseKind::Relative => return true,
            ClauseKind::Reported | ClauseKind::Quotation => return false,
            _ => {}
        }
        match c.parent {
            Some(p) if p != k => k = p,
            _ => return false,
        }
    }
}

/// Whether clause `k` is (inside) a reported clause governed by the speech verb at `verb`.
fn reported_under(sentence: &Sentence, mut k: usize, verb: usize) -> bool {
    let tokens = &sentence.tokens;
    loop {
        let c = &sentence.clauses[k];
        if matches!(c.kind, ClauseKind::Reported | ClauseKind::Quotation) {
            let governor = (0..c.tokens.start)
                .rev()
                .find(|&i| tokens[i].tag != Tag::RB && tokens[i].lower != "that");
            if governor == Some(verb) {
                return true;
            }
        }
        match c.parent {
            Some(p) if p != k => k = p,
            _ => return false,
        }
    }
}

/// "Syria said Turkish troops shelled its villages": the speaker accuses the actor it reports
/// using force (material conflict), when that actor is another country or body.
fn accusation(ctx: &SentenceContext<'_>, s: &HeadedEvent, r: &HeadedEvent) -> Option<HeadedEvent> {
    let speaker = s.event.source.as_ref()?;
    let accused = r.event.source.as_ref()?;
    // "police said a bomb went off": an attacker the text does not name is no one accused.
    if r.event.rules.iter().any(|x| x == UNKNOWN_ATTACKER) {
        return None;
    }
    let violent = ctx.coder.dict.cameo.get(&r.event.cameo).quad_class == 4;
    // "said it fears Syria will attack": a feared act accuses no one yet.
    let start = ctx.sentence.clauses[r.clause].tokens.start;
    let feared = supposed(&r.event) && super::modality::future_modal(ctx.tokens(), r.head, start);
    // "said three soldiers were shot dead": an attacker the text does not name is no one accused.
    let unknown = r.event.rules.iter().any(|x| x == "unknown-attacker");
    if !violent || feared || unknown || root(&speaker.code) == root(&accused.code) {
        return None;
    }
    let mut event = s.event.clone();
    event.target = Some(accused.clone());
    event.quote = None;
    super::emit::recode(ctx, &mut event, ACCUSE, Rule::Accusation);
    Some(HeadedEvent {
        event,
        clause: s.clause,
        head: s.head,
        pattern: s.pattern.clone(),
    })
}

/// Who an actor code stands for: its country (first three letters), or the whole code of an
/// international or non-governmental body.
fn root(code: &str) -> &str {
    if WHOLE_CODE_PREFIXES
        .words()
        .iter()
        .any(|p| code.starts_with(p))
    {
        code
    } else {
        code.get(..3).unwrap_or(code)
    }
}
