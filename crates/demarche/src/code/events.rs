//! From a pattern match to events: whether the match is coded at all (hypothetical acts,
//! nominal events that are another event's object), who the participants are, and the rules
//! that shaped the events.

use super::complement::{self, Frame, Governed, Stance};
use super::decision::{CameoCode, Rule, SourceRule, TargetRule};
use super::emit::EventFrame;
use super::event_date::event_date;
use super::explain::Trace;
use super::grammar::{
    CONTINUATION_VERBS, EXPLOSION_PATTERNS, WORK_STOPPAGE_AGENTS, WORK_STOPPAGE_VERBS,
};
use super::mentions::{CountryFrom, Mention, MentionKind};
use super::modality::{future_modal, hypothetical, inside_unrealized_infinitive};
use super::patterns::VerbMatch;
use super::sentence::{PriorMatches, SentenceContext};
use super::{attackers, authority, grammar, hardware, protest_site, source, target, victims};
use crate::dict::{PatternWord, VerbPattern};
use crate::model::Event;
use crate::text::{Tag, Token};

/// Who an event's participants are and how they were found.
struct Participants<'m> {
    sources: Vec<&'m Mention>,
    source_rule: Option<SourceRule>,
    /// `None` stands for "no target".
    targets: Vec<Option<&'m Mention>>,
    target_rule: Option<TargetRule>,
}

/// The events of one pattern match, and the governing word whose generic event they replace.
#[derive(Debug, Default)]
pub(super) struct Coded {
    /// The events (none when the match is not coded).
    pub(super) events: Vec<Event>,
    /// The head of the governing word ("urged", "said") when the events are its complement's.
    pub(super) supersedes: Option<usize>,
}

/// An act governed by an intention, appeal, demand or threat, with the code it takes.
type GovernedCode = (Governed, &'static str);

/// The accusation a conflictual act named as another's design is coded with
/// ([`super::judgement::named_attempt`]).
pub(super) const NAMED_DESIGN: &str = "112";

/// The events of one pattern match in clause `clause_idx` (none when it is not coded).
pub(super) fn events_for(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    prior: &PriorMatches,
    trace: &mut Trace,
) -> Coded {
    let p = m.pattern;
    let head_text = &ctx.tokens()[m.head].text;
    let governed = governed_code(ctx, m, clause_idx);
    // A governed act is coded through its governor: whether it is realized is not asked.
    let unrealized = match (m.refused, governed) {
        (_, Some(_)) => None,
        (true, None) => {
            Some("the verb phrase is negated and the codebook has no refusal of it".into())
        }
        (false, None) => unrealized(ctx, m, clause_idx),
    };
    if let Some(reason) = unrealized {
        trace.note(|| {
            format!(
                "pattern '{}' ({}) at '{}' not coded: {reason}",
                p.text, p.code, head_text
            )
        });
        return Coded::default();
    }
    if let Some((g, code)) = governed {
        trace.note(|| {
            format!(
                "pattern '{}' ({}) at '{}' is {:?} ({}): coded as {code}",
                p.text,
                p.code,
                head_text,
                g.stance,
                g.governor
                    .map_or("future modal", |k| ctx.tokens()[k].text.as_str())
            )
        });
    }
    let events = realized_events(ctx, m, clause_idx, prior, governed, trace);
    let supersedes = governed
        .and_then(|(g, _)| g.governor)
        .filter(|_| !events.is_empty());
    Coded { events, supersedes }
}

/// The intention, appeal, demand or threat governing the act, when the codebook has a code
/// for it (and hypothetical acts are not simply kept).
fn governed_code(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
) -> Option<GovernedCode> {
    if ctx.coder.keep_hypothetical {
        return None;
    }
    let g = if m.refused {
        complement::refusal(ctx.sentence, clause_idx, m.head)?
    } else if m.pattern.noun {
        complement::governed_noun(ctx.sentence, clause_idx, m.head)?
    } else {
        complement::governed(ctx.sentence, clause_idx, m.head)?
    };
    if announced_protest(ctx, m, clause_idx, g, &m.pattern.code) {
        return None;
    }
    let code = match complement::governed_code(&m.pattern.code, g.stance) {
        Some(code) => code,
        None => complement::family_default(g.stance).filter(|_| asks_another(ctx, m, g))?,
    };
    // "called Y's campaign an attempt to topple Z": a conflictual design named, not appealed for.
    let conflictual = ctx.coder.dict.cameo.get(&m.pattern.code).quad_class >= 3;
    let named = g.stance == Stance::Appeal
        && conflictual
        && super::judgement::named_attempt(ctx.tokens(), m.head);
    Some((g, if named { NAMED_DESIGN } else { code }))
}

/// "Dock workers will hold a picket outside the office", "nurses will strike on Monday": a
/// protest (14x) under a plain "will" or "shall" — no governing word — is coded as the protest,
/// as CAMEO coders code announced protests; "would", and intent or threat governors ("threatened
/// to strike", "plan to march"), keep the intent column (133).
fn announced_protest(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    g: Governed,
    code: &str,
) -> bool {
    let own_future = g.governor.is_none() && g.stance == Stance::Intent && g.frame == Frame::Own;
    let tokens = ctx.tokens();
    let start = ctx.sentence.clauses[clause_idx].tokens.start;
    own_future
        && code.starts_with("14")
        && !m.pattern.noun
        && (start..m.head)
            .rev()
            .take_while(|&k| {
                tokens[k].tag == Tag::MD || tokens[k].tag == Tag::RB || tokens[k].tag.is_verb()
            })
            .any(|k| {
                tokens[k].tag == Tag::MD && ANNOUNCING_MODALS.contains(&tokens[k].lower.as_str())
            })
}

/// The future modals that announce an act rather than suppose it.
const ANNOUNCING_MODALS: [&str; 3] = ["will", "'ll", "shall"];

/// Whether a demand or appeal is made of an actor named apart from the act's own subject: the
/// addressee ("challenged *Arafat* to arrest") or the subject of a reported clause ("said
/// *Arafat* must arrest"). "ordered his forces to blast" names none: the order is the act. An
/// event noun ("demanded that Washington speed up *training*") or a participle ("troops
/// *fighting* Islamic State") is no act asked of a subject.
fn asks_another(ctx: &SentenceContext<'_>, m: &VerbMatch<'_>, g: Governed) -> bool {
    let t = &ctx.tokens()[m.head];
    if m.pattern.noun || !(t.tag == Tag::VB || t.tag.is_finite_verb()) {
        return false;
    }
    match (g.frame, g.governor) {
        (Frame::Speaker(_), Some(_)) => true,
        (Frame::Addressee, Some(governor)) => ctx
            .mentions
            .iter()
            .any(|x| x.start > governor && x.end <= m.head && addressed(ctx.tokens(), x)),
        _ => false,
    }
}

/// The events of a match that is coded: its participants, then one event per pair.
fn realized_events(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    prior: &PriorMatches,
    governed: Option<GovernedCode>,
    trace: &mut Trace,
) -> Vec<Event> {
    let p = m.pattern;
    let head_text = &ctx.tokens()[m.head].text;
    let passive = !p.noun
        && source::is_passive(ctx, m.head, clause_idx)
        && !source::misread_past_tense(ctx, m, clause_idx);
    let (sources, source_rule) = source::sources_of(ctx, m, clause_idx, passive);
    let why = match governed {
        // "called for the withdrawal", "rejected joint patrols": a word or gap of the
        // governor's own pattern, coded there.
        Some(_) if p.noun && prior.covers(m.head) => {
            Some("it is a word of the pattern that governs it")
        }
        Some(_) => None,
        None => not_its_own_event(ctx, m, clause_idx, prior, source_rule),
    };
    if let Some(why) = why {
        trace.note(|| {
            format!(
                "nominal pattern '{}' ({}) at '{}' not coded: {why}",
                p.text, p.code, head_text
            )
        });
        return Vec::new();
    }
    let agentless = passive && sources.is_empty();
    let posture = agentless
        .then(|| authority::posture_subject(ctx, m, clause_idx))
        .flatten();
    let implied = (agentless && posture.is_none())
        .then(|| authority::implied_authority(ctx, m))
        .flatten();
    let attacker = (agentless && posture.is_none() && implied.is_none())
        .then(|| attackers::implied_attacker(ctx, m, clause_idx))
        .flatten();
    let (sources, source_rule) = match (posture, &implied, &attacker) {
        (Some(x), _, _) => (vec![x], Some(SourceRule::PostureSubject)),
        (None, Some(a), _) => (vec![a], Some(SourceRule::ImpliedAuthority)),
        (None, None, Some((a, true))) => (vec![a], Some(SourceRule::AttackReference)),
        (None, None, Some((a, false))) => (vec![a], Some(SourceRule::UnknownAttacker)),
        (None, None, None) => (sources, source_rule),
    };
    let force = hardware::armed_force(ctx, m, clause_idx, passive, &sources);
    let (sources, source_rule) = match &force {
        Some((f, rule)) => (vec![f], Some(*rule)),
        None => (sources, source_rule),
    };
    if EXPLOSION_PATTERNS.contains(p.text.as_str())
        && !force
            .as_ref()
            .is_some_and(|(f, _)| hardware::is_explosive_attacker(f))
    {
        trace.note(|| {
            format!(
                "pattern '{}' ({}) at '{}' not coded: its subject is no explosive device",
                p.text, p.code, head_text
            )
        });
        return Vec::new();
    }
    if sources.is_empty() {
        trace.note(|| {
            format!(
                "pattern '{}' ({}) at '{}' matched, but no source actor was found",
                p.text, p.code, head_text
            )
        });
        return Vec::new();
    }
    let mut who = participants(ctx, m, clause_idx, passive, sources, source_rule);
    if let Some((g, _)) = governed {
        reframe(ctx, m, clause_idx, g, &mut who);
    }
    let code = governed.map_or(m.pattern.code.as_str(), |(_, c)| c);
    if who.targets.is_empty() && CameoCode::new(code).is_threat() {
        let mut t = target::condition_subject(ctx, clause_idx).unwrap_or_default();
        t.retain(|t| t.is_some_and(|t| !who.sources.iter().any(|s| s.code == t.code)));
        if !t.is_empty() {
            who.targets = t;
            who.target_rule = Some(TargetRule::Condition);
        }
    }
    if who.targets.is_empty() && protest_site::is_protest(code) {
        let clause = ctx.sentence.clauses[clause_idx].tokens.clone();
        if let Some(t) = protest_site::site_target(ctx.tokens(), &ctx.mentions, m.head, clause) {
            if !who.sources.iter().any(|s| s.code == t.code) {
                who.targets = vec![Some(t)];
                who.target_rule = Some(TargetRule::ProtestSite);
            }
        }
    }
    if who.targets.is_empty() && CameoCode::new(code).is_force() {
        if let Some((t, rule)) = victims::victims(ctx, m.head, clause_idx) {
            who.targets = t;
            who.target_rule = Some(rule);
        }
    }
    let events = make_events(ctx, m, clause_idx, passive, &who, governed);
    trace.note(|| coded_decision(p, head_text, events.len(), &who));
    events
}

/// Why the act has not happened (a modal, a condition, a demand), unless hypothetical acts are
/// kept.
fn unrealized(ctx: &SentenceContext<'_>, m: &VerbMatch<'_>, clause_idx: usize) -> Option<String> {
    if ctx.coder.keep_hypothetical || m.pattern.noun {
        return None;
    }
    let reason = hypothetical(ctx.sentence, clause_idx, m.head)
        .or_else(|| super::purpose::dispatched_purpose(ctx.tokens(), m.head))?;
    // "tried to blow himself up at a bus station, injuring several people": the harm done says
    // the act of force was done.
    let harmed = super::reply::is_force(&m.pattern.code)
        && victims::victims(ctx, m.head, clause_idx)
            .is_some_and(|(_, rule)| rule == TargetRule::ParticipleVictims);
    (!harmed).then_some(reason)
}

/// Whether the act at `head` is only supposed, alleged or expected ("is believed to have").
fn supposed(ctx: &SentenceContext<'_>, clause_idx: usize, head: usize) -> bool {
    let clause = &ctx.sentence.clauses[clause_idx];
    super::modality::supposed_act(ctx.tokens(), clause, head).is_some()
}

/// Why a nominal pattern is not an event of its own: what the pattern before it stops, or
/// (without a possessor) the object of the event before it, part of an uncoded infinitive, or a noun
/// with no actor (a light verb's subject is one: "launched an attack on").
fn not_its_own_event(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    prior: &PriorMatches,
    source_rule: Option<SourceRule>,
) -> Option<&'static str> {
    let p = m.pattern;
    if p.noun && prior.yielded.contains(&m.head) {
        // What a coded act stops, asks for, promises or threatens is no act of its own, even
        // with a possessor: "agreed to halt *its attacks*" is no attack, "pledged $35 million in
        // *aid*" no aid given.
        return Some("it is what the pattern before it stops, asks for, promises or threatens");
    }
    if p.noun && continued_by_pronoun(ctx.tokens(), m.head) {
        return Some(
            "a continued act with a pronoun possessor ('resumed its attacks') is under way",
        );
    }
    if !p.noun
        || matches!(
            source_rule,
            Some(
                SourceRule::Possessor
                    | SourceRule::Announcer
                    | SourceRule::MutualPartners
                    | SourceRule::Speaker
            )
        )
    {
        return None;
    }
    if object_of_previous(ctx, m, prior) {
        return Some("it is the object of the event before it");
    }
    if inside_unrealized_infinitive(ctx.sentence, clause_idx, m.head) {
        return Some("it belongs to an infinitive that is not coded");
    }
    // "launched an attack on": the light verb's subject is the noun's actor.
    let light = source_rule == Some(SourceRule::LightVerb);
    if !light && !ends_with(p, &grammar::NOMINAL_PARTNER_PREPOSITIONS) {
        return Some("the noun has no actor of its own");
    }
    None
}

/// An event noun whose noun phrase opens with a possessive pronoun, as the object of a verb of
/// continuation ("intensified its bombing of", "resume their attacks", "continue his mission
/// to"): the act is one under way, not a new one, and the pronoun's antecedent is a guess.
fn continued_by_pronoun(tokens: &[Token], head: usize) -> bool {
    let mut k = head;
    while k > 0 && (tokens[k - 1].tag.is_prenominal() || tokens[k - 1].tag.is_noun()) {
        k -= 1;
        if tokens[k].tag == Tag::PRPS {
            return tokens[..k]
                .iter()
                .rev()
                .find(|t| !matches!(t.tag, Tag::RB | Tag::RP))
                .is_some_and(|t| t.tag.is_verb() && CONTINUATION_VERBS.contains(&t.lemma));
        }
    }
    false
}

/// The noun phrase right after an earlier pattern, or inside its gap, is its object
/// ("condemned the coup in Niger", "offer of aid").
fn object_of_previous(ctx: &SentenceContext<'_>, m: &VerbMatch<'_>, prior: &PriorMatches) -> bool {
    let tokens = ctx.tokens();
    let inside_gap =
        prior.gaps.iter().any(|g| g.contains(&m.head)) || prior.fixed.contains(&m.head);
    let mut np_start = m.head;
    while np_start > 0
        && (tokens[np_start - 1].tag.is_prenominal()
            || matches!(tokens[np_start - 1].tag, Tag::NN | Tag::NNS | Tag::RB))
    {
        np_start -= 1;
    }
    let previous_end = prior.last_end;
    inside_gap
        || previous_end == Some(m.head) && prior.last_ends_with_of
        || previous_end.is_some_and(|e| e == np_start && e < m.head)
}

/// Whether the pattern's last word is in `list` ("talks with").
fn ends_with(p: &VerbPattern, list: &grammar::WordList) -> bool {
    matches!(p.rest.last(), Some(PatternWord::Word(w)) if list.contains(w.as_str()))
}

/// The targets for the sources found, without the sources themselves.
fn participants<'m>(
    ctx: &'m SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    passive: bool,
    sources: Vec<&'m Mention>,
    source_rule: Option<SourceRule>,
) -> Participants<'m> {
    let (mut targets, target_rule) =
        if m.pattern.noun && !ends_with(m.pattern, &grammar::NOMINAL_TARGET_SLOTS) {
            // "North Korea's nuclear test": a nominal act without a target slot has no target.
            (Vec::new(), None)
        } else {
            target::targets_of(ctx, m, clause_idx, passive, &sources)
        };
    let tokens = ctx.tokens();
    targets.retain(|t| {
        t.is_none_or(|t| {
            // "raised its military alert": the source's own forces are not a target.
            let own = t.kind == MentionKind::Coreference && tokens[t.start].tag == Tag::PRPS;
            // "arrested in India": the country that gives the implied police is not the target.
            let place = |s: &Mention| {
                matches!(
                    s.country_from,
                    Some(CountryFrom::Place | CountryFrom::RolePlace)
                ) && s.code.get(..3) == Some(&t.code)
            };
            !sources.iter().any(|s| {
                s.code == t.code
                    || s.start == t.start
                    || own && t.code.get(..3) == s.code.get(..3)
                    || place(s)
            })
        })
    });
    Participants {
        sources,
        source_rule,
        targets,
        target_rule,
    }
}

/// Appeals and demands go from the one who asks to the one asked: "urged *Iran* to", "said
/// *Iran* must".
fn reframe<'m>(
    ctx: &'m SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    g: Governed,
    who: &mut Participants<'m>,
) {
    let (sentence, mentions) = (ctx.sentence, &ctx.mentions[..]);
    let Some(governor) = g.governor else {
        return;
    };
    match g.frame {
        Frame::Own => {}
        Frame::Requester(request) => {
            if let Some(owner) = target::request_owner(ctx.tokens(), mentions, request) {
                let joined = source::conjoined(ctx.tokens(), source::group(mentions, owner));
                who.targets = joined.into_iter().map(Some).collect();
                who.target_rule = None;
            }
        }
        Frame::Addressee => {
            let addressee = mentions
                .iter()
                .find(|x| x.start > governor && x.end <= m.head && addressed(ctx.tokens(), x));
            // The one who asks stands before the governor: "We want *Iran* to free" with an
            // unresolved "we" has no asker, not Iran.
            who.sources.retain(|s| s.start < governor);
            who.targets = addressee
                .map(|a| source::conjoined(ctx.tokens(), source::group(mentions, a)))
                .unwrap_or_default()
                .into_iter()
                .map(Some)
                .collect();
            who.target_rule = None;
        }
        Frame::Speaker(speaker_clause) => {
            let (speakers, _) = source::subject_of(sentence, mentions, speaker_clause, governor);
            if speakers.is_empty() {
                // "Arafat must arrest them," the general said: a demand by no known speaker is
                // no act of the one it is laid on.
                if g.stance == Stance::Demand {
                    who.sources.clear();
                }
                return;
            }
            let (asked, _) = source::subject_of(sentence, mentions, clause_idx, m.head);
            who.targets = asked.into_iter().map(Some).collect();
            who.target_rule = Some(TargetRule::ComplementSubject);
            who.sources = speakers;
            who.source_rule = Some(SourceRule::Subject);
        }
    }
}

/// One event per source × target, sharing code, date, quotation and rules.
fn make_events(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    passive: bool,
    who: &Participants<'_>,
    governed: Option<GovernedCode>,
) -> Vec<Event> {
    let mut rules = pattern_rules(m.pattern, passive, who);
    let when = event_date(ctx, m.head, clause_idx);
    // An event noun names an act presupposed, not supposed ("believes it was his contacts with
    // the militias that led to").
    if !ctx.coder.keep_hypothetical && !m.pattern.noun && supposed(ctx, clause_idx, m.head) {
        rules.push(Rule::Supposed);
    }
    let stoppage = work_stoppage(m, who);
    if stoppage {
        rules.push(Rule::WorkStoppage);
    }
    // "Qantas staff will strike": the strike announced, coded as the strike (143).
    let announced_stoppage = stoppage
        && governed
            .is_some_and(|(g, _)| announced_protest(ctx, m, clause_idx, g, WORK_STOPPAGE_CODE));
    let code = match governed {
        Some((g, code)) if !announced_stoppage => {
            rules.push(match g.governor {
                None if g.stance == Stance::Reject => Rule::NegatedIntent,
                None => Rule::FutureIntent,
                Some(_) => Rule::Governed(g.stance),
            });
            // "Qantas staff threatened to strike": the threat of a strike (133), not of force.
            let stoppage_code = stoppage
                .then(|| complement::governed_code(WORK_STOPPAGE_CODE, g.stance))
                .flatten();
            CameoCode::new(stoppage_code.unwrap_or(code))
        }
        Some(_) => CameoCode::new(WORK_STOPPAGE_CODE),
        None if stoppage => CameoCode::new(WORK_STOPPAGE_CODE),
        None => event_code(ctx, m, clause_idx, &mut rules),
    };
    if when.as_ref().is_some_and(|w| w.from_text.is_some()) {
        rules.push(Rule::EventDate);
    }
    let quote = code.is_statement().then(|| ctx.quote_at(m.head)).flatten();
    if quote.is_some() {
        rules.push(Rule::Quotation);
    }
    let frame = EventFrame {
        code,
        rules,
        when,
        quote,
    };
    let no_target = [None];
    let targets = if who.targets.is_empty() {
        &no_target[..]
    } else {
        &who.targets[..]
    };
    // Joined sources of a mutual act ("Qantas management and unions negotiated") are each
    // other's targets (`reciprocal::pair_up`): a common-noun source among them has one.
    let paired = who.sources.len() > 1 && super::reciprocal::is_mutual(ctx.tokens(), m);
    let mut events = Vec::with_capacity(who.sources.len() * targets.len());
    for s in &who.sources {
        for t in targets {
            let target = t.filter(|t| t.code != s.code && t.start != s.start);
            if target.is_none() && !paired && needs_target(ctx, m, s, &frame.code) {
                continue;
            }
            events.push(frame.event(ctx, m, s, target));
        }
    }
    events
}

/// Whether a source with no target makes no event: a common-noun actor needs a target
/// ([`Mention::needs_target`]) unless it makes a plain statement that judges or makes a demand on
/// another actor, which [`super::speech::settle`] restates with that actor as target, or a
/// criticism whose ", saying ..." names the one criticised ([`super::content::blamed_in_saying`]).
fn needs_target(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    s: &Mention,
    code: &CameoCode,
) -> bool {
    let judged_in_saying = || {
        code.as_str().starts_with("11")
            && super::content::saying_subject(ctx, m.tokens.end, &s.code).is_some()
    };
    s.needs_target(code.as_str())
        && !(code.as_str() == super::speech::PLAIN_STATEMENT
            && super::content::says_of_another(ctx, m.head, s))
        && !judged_in_saying()
}

/// CAMEO's "conduct strike or boycott".
const WORK_STOPPAGE_CODE: &str = "143";

/// "Dock workers struck on Monday", "nurses are striking over pay": a bare work-stoppage verb
/// (`work-stoppage-verbs.txt`) without a target whose sources are all of a sector of
/// `work-stoppage-agents.txt` is a strike, not an act of force.
fn work_stoppage(m: &VerbMatch<'_>, who: &Participants<'_>) -> bool {
    let sector = |s: &&Mention| {
        s.code
            .get(3..)
            .is_some_and(|agent| WORK_STOPPAGE_AGENTS.contains(agent))
    };
    m.pattern.rest.is_empty()
        && !m.pattern.noun
        && WORK_STOPPAGE_VERBS.contains(&m.pattern.head)
        && who.targets.iter().all(Option::is_none)
        && !who.sources.is_empty()
        && who.sources.iter().all(sector)
}

/// The pattern's code; "will meet", "would visit": an announced meeting is an intent to meet;
/// "a suicide bomber killed": a violent act takes the code of its means (1831).
fn event_code(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    rules: &mut Vec<Rule>,
) -> CameoCode {
    let code = CameoCode::new(&m.pattern.code);
    let clause_start = ctx.sentence.clauses[clause_idx].tokens.start;
    if code.is_consult() && !m.pattern.noun && future_modal(ctx.tokens(), m.head, clause_start) {
        rules.push(Rule::FutureIntent);
        return CameoCode::intent_to_meet();
    }
    let scope = means_scope(ctx, clause_idx);
    if code.as_str() == super::speech::PLAIN_STATEMENT
        && super::phone::by_telephone(ctx.tokens(), scope.clone())
    {
        rules.push(Rule::Telephone);
        return CameoCode::new(super::phone::PHONE_CALL);
    }
    match super::method::means_code(ctx.tokens(), scope, m.head, m.tokens.end, code.as_str()) {
        Some(means) => {
            rules.push(Rule::AttackMeans);
            CameoCode::new(means)
        }
        None => code,
    }
}

/// Where the means of a violent act may be named: its clause, and for a participial clause
/// the clause it hangs from ("A car bomb tore through the embassy, *killing* dozens").
fn means_scope(ctx: &SentenceContext<'_>, clause_idx: usize) -> std::ops::Range<usize> {
    let clauses = &ctx.sentence.clauses;
    let clause = &clauses[clause_idx];
    let start = match (clause.kind, clause.parent) {
        (crate::text::ClauseKind::Participial, Some(p)) => clauses[p].tokens.start,
        _ => clause.tokens.start,
    };
    start..clause.tokens.end
}

/// The rules from the pattern and its participants, in output order.
fn pattern_rules(p: &VerbPattern, passive: bool, who: &Participants<'_>) -> Vec<Rule> {
    let mut rules = Vec::new();
    let mut add = |yes: bool, rule: Rule| {
        if yes {
            rules.push(rule);
        }
    };
    add(p.noun, Rule::NominalEvent);
    add(p.negated, Rule::NegatedPattern);
    add(passive, Rule::Passive);
    if let Some(s) = who.source_rule.filter(|s| s.is_listed()) {
        rules.push(Rule::Source(s));
    }
    if let Some(t) = who.target_rule {
        rules.push(Rule::Target(t));
    }
    rules.extend(participant_rules(who));
    rules
}

/// Compound participants, resolved pronouns and learned names.
fn participant_rules(who: &Participants<'_>) -> Vec<Rule> {
    // One walk over the participants gathers what each rule asks.
    let (mut coreference, mut learned, mut place_agent) = (false, false, false);
    let mut from = [false; 5];
    let everyone = (who.sources.iter().copied()).chain(who.targets.iter().flatten().copied());
    for x in everyone {
        coreference |= x.kind == MentionKind::Coreference;
        learned |= x.kind == MentionKind::LearnedName;
        if let (MentionKind::RoleNoun, Some(f)) = (x.kind, x.country_from) {
            from[country_from_slot(f)] = true;
        }
        place_agent = place_agent || x.entry.starts_with(super::actor_forms::PLACE_AGENT_PREFIX);
    }
    [
        (who.sources.len() > 1, Rule::CompoundSource),
        (who.targets.len() > 1, Rule::CompoundTarget),
        (coreference, Rule::Coreference),
        (learned, Rule::LearnedName),
        (from[0], Rule::ContextCountry),
        (from[1], Rule::DocumentCountry),
        (from[2], Rule::HomeCountry),
        (from[3], Rule::AuthorityPlace),
        (from[4], Rule::RolePlace),
        (place_agent, Rule::PlaceAgent),
    ]
    .into_iter()
    .filter_map(|(yes, rule)| yes.then_some(rule))
    .collect()
}

/// The slot of [`participant_rules`]' flags for a role noun's country source.
fn country_from_slot(f: CountryFrom) -> usize {
    match f {
        CountryFrom::Context => 0,
        CountryFrom::Document => 1,
        CountryFrom::Home => 2,
        CountryFrom::Place => 3,
        CountryFrom::RolePlace => 4,
    }
}

/// The explanation of a coded match.
fn coded_decision(p: &VerbPattern, head: &str, events: usize, who: &Participants<'_>) -> String {
    let source = who.source_rule.map_or("subject", SourceRule::as_str);
    let target = if who.targets.iter().all(Option::is_none) {
        "no target".to_string()
    } else {
        let by = who.target_rule.map_or("object", TargetRule::as_str);
        format!("target by {by}")
    };
    format!(
        "pattern '{}' ({}) at '{}' → {} event(s): source by {source}, {target}",
        p.text, p.code, head, events
    )
}

/// A mention that can be the one addressed by an appeal: a plain object ("urged Iran to"), the
/// object of "on"/"upon" ("called on Israel to"), or the subject of a "for ... to" infinitive
/// ("called for the union to return", "what we would like is for Iran to free").
fn addressed(tokens: &[Token], m: &super::mentions::Mention) -> bool {
    let infinitive_subject = || tokens.get(m.end).is_some_and(|t| t.tag == Tag::TO);
    m.preposition.as_deref().is_none_or(|p| {
        p.eq_ignore_ascii_case("on")
            || p.eq_ignore_ascii_case("upon")
            || p.eq_ignore_ascii_case("for") && infinitive_subject()
    })
}
