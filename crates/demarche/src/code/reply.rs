//! Replies: an act that names no target and answers an earlier act done *to* its source takes
//! the actor of that act as target — a denial answers the accusation ("India accused Pakistan
//! of the attack, but Pakistan denied it" → `PAK → IND 016`), return fire the attack ("gunmen
//! fired on the soldiers. The soldiers returned fire" → the gunmen), a refusal the proposal.
//!
//! Which codes answer which is data: `dictionaries/grammar/reply-codes.txt`; a line ending in
//! `*` also answers such acts of another side that named no target ("the gunmen opened fire.
//! The soldiers returned fire"). The answered act must be in the same sentence or one of the two
//! before it, and the latest one wins. Joined sources of one act ("Hezbollah and Hamas fired
//! rockets") are no replies to each other.

use super::decision::Rule;
use super::grammar::REPLY_CODES;
use crate::model::{Actor, Event};
use std::sync::LazyLock;

/// How many sentences back an answered act may stand.
const WINDOW: usize = 2;

/// An act, remembered for the replies of later sentences.
#[derive(Debug)]
struct Act {
    sentence: usize,
    code: crate::model::SharedStr,
    source: Actor,
    target: Option<String>,
}

/// What an answered act must be: one of these code prefixes, and aimed at the reply's source
/// (or, with `untargeted`, aimed at no one).
struct Answered {
    prefixes: Vec<&'static str>,
    untargeted: bool,
}

/// The document's recent acts.
#[derive(Debug, Default)]
pub(crate) struct Acts {
    acts: Vec<Act>,
    /// The latest act of force (18x–20x) with a source, by sentence, with no window: what "the
    /// strikes" of a later agentless passive point back at (`attack-reference`).
    last_force: Option<(usize, Actor)>,
}

impl Acts {
    /// Remembers the events of a sentence that have a source.
    /// An act of an unknown attacker (`unknown-attacker`: "wounded in an ambush") is no one's to
    /// answer, appraise or point back at.
    pub(crate) fn remember(&mut self, events: &[Event]) {
        let known = |e: &&Event| !e.rules.iter().any(|r| r == UNKNOWN_ATTACKER);
        let force = events
            .iter()
            .rev()
            .filter(known)
            .find(|e| is_force(&e.cameo));
        if let Some((e, s)) = force.and_then(|e| Some((e, e.source.as_ref()?))) {
            self.last_force = Some((e.sentence, s.clone()));
        }
        let answered = events.iter().filter(known);
        for e in answered.filter(|e| may_be_answered(&e.cameo)) {
            if let Some(s) = &e.source {
                self.acts.push(Act {
                    sentence: e.sentence,
                    code: e.cameo.clone(),
                    source: s.clone(),
                    target: e.target.as_ref().map(|t| t.code.clone()),
                });
            }
        }
        if let Some(last) = events.last() {
            let oldest = last.sentence.saturating_sub(WINDOW);
            self.acts.retain(|a| a.sentence >= oldest);
        }
    }

    /// Gives each targetless reply among `events` (one sentence's, in order) the source of the
    /// act it answers, returning a note for each one it set.
    pub(crate) fn answer(&self, events: &mut [&mut Event]) -> Vec<String> {
        let mut notes = Vec::new();
        for k in 0..events.len() {
            let (before, rest) = events.split_at_mut(k);
            let e = &mut *rest[0];
            if e.target.is_some() {
                continue;
            }
            let Some(source) = e.source.as_ref().map(|s| s.code.clone()) else {
                continue;
            };
            let Some(answered) = answered_codes(&e.cameo) else {
                continue;
            };
            // "Hezbollah and Hamas fired rockets": joined sources of one act do not answer
            // each other.
            let span = e.evidence.span;
            let other_acts = before.iter().rev().filter(|x| x.evidence.span != span);
            let earlier = other_acts.filter_map(|x| act_of(x)).chain(
                self.acts
                    .iter()
                    .rev()
                    .filter(|a| a.sentence + WINDOW >= e.sentence)
                    .map(|a| (a.code.as_str(), &a.source, a.target.as_deref())),
            );
            let found = earlier.into_iter().find(|(code, s, t)| {
                answered.prefixes.iter().any(|p| code.starts_with(p))
                    && t.map_or(answered.untargeted, |t| same_side(t, &source))
                    && !same_side(&s.code, &source)
            });
            if let Some((code, s, _)) = found {
                notes.push(format!(
                    "'{}' answers the {code} of '{}': target {}",
                    e.cameo, s.text, s.code
                ));
                // No words of this sentence name the answered actor: like an implied authority,
                // the target's text and span are the verb's, so spans stay in the sentence.
                let (text, span) = (e.evidence.text.clone(), e.evidence.span);
                let via = format!("reply ({code}: {})", s.text);
                e.target = Some(Actor::new(&s.code, text, span, &s.entry).with_via(via));
                e.rules.push(Rule::Reply.into());
            }
        }
        notes
    }
}

/// The rule of an act whose source is the unknown attacker.
const UNKNOWN_ATTACKER: &str = "unknown-attacker";

/// Whether `code` is an act of force (18x–20x).
pub(crate) fn is_force(code: &str) -> bool {
    ["18", "19", "20"].iter().any(|p| code.starts_with(p))
}

impl Acts {
    /// The source of the latest act of force of the sentences before `sentence`, if it stands
    /// at most `window` sentences back.
    pub(crate) fn last_force(&self, sentence: usize, window: usize) -> Option<&Actor> {
        self.last_force
            .as_ref()
            .filter(|(at, _)| *at < sentence && at + window >= sentence)
            .map(|(_, s)| s)
    }

    /// The (code, source) of the acts remembered for sentence `sentence`, latest first: those
    /// of the sentences of the window before it.
    pub(crate) fn recent(&self, sentence: usize) -> impl Iterator<Item = (&str, &Actor)> {
        self.acts
            .iter()
            .rev()
            .filter(move |a| a.sentence + WINDOW >= sentence && a.sentence < sentence)
            .map(|a| (a.code.as_str(), &a.source))
    }
}

/// The (code, source, target code) of an event that has a source.
fn act_of<'e>(e: &'e &mut Event) -> Option<(&'e str, &'e Actor, Option<&'e str>)> {
    let s = e.source.as_ref()?;
    Some((
        e.cameo.as_str(),
        s,
        e.target.as_ref().map(|t| t.code.as_str()),
    ))
}

/// Whether some reply answers acts with code `code` (only those are remembered).
fn may_be_answered(code: &str) -> bool {
    static ANSWERED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let answered = REPLY_CODES
            .words()
            .iter()
            .map(|line| line.split_whitespace().skip(1));
        answered.flatten().filter(|f| *f != "*").collect()
    });
    ANSWERED.iter().any(|p| code.starts_with(p))
}

/// The acts an event with code `code` answers (`None`: it is no reply).
fn answered_codes(code: &str) -> Option<Answered> {
    REPLY_CODES.words().iter().find_map(|line| {
        let mut fields = line.split_whitespace();
        let prefix = fields.next()?;
        if !code.starts_with(prefix) {
            return None;
        }
        let rest: Vec<&'static str> = fields.collect();
        let untargeted = rest.last() == Some(&"*");
        let prefixes = rest.into_iter().filter(|f| *f != "*").collect();
        Some(Answered {
            prefixes,
            untargeted,
        })
    })
}

/// Whether two actor codes are the same side: the same country (first three letters), or the
/// same code where the country is unknown (`---`) or a group (`IGO`, `NGO`, `IMG`, `MNC`).
pub(super) fn same_side(a: &str, b: &str) -> bool {
    let country = |c: &str| c.get(..3).unwrap_or(c).to_string();
    let (ca, cb) = (country(a), country(b));
    let grouped = |c: &str| matches!(c, "---" | "IGO" | "NGO" | "IMG" | "MNC");
    if grouped(&ca) || grouped(&cb) {
        return a == b;
    }
    ca == cb
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Span};

    /// `earlier acts ; reply ; target it gets`: an act is `SENTENCE:SOURCE>TARGET:CODE`
    /// (`-` for no target), the reply `SENTENCE:SOURCE:CODE`, the target `-` for none.
    const CASES: &[&str] = &[
        "0:IND>PAK:112 ; 0:PAK:016 ; IND",
        "0:IND>PAKSPY:112 ; 1:PAKGOV:016 ; IND",
        "0:PSEUAF>ISRMIL:190 ; 1:ISRMIL:190 ; PSEUAF",
        "0:PSEUAF>-:190 ; 2:ISRMIL:190 ; PSEUAF",
        "0:PAKGOV>INDGOV:036 ; 2:IND:125 ; PAKGOV",
        "0:PAK>IND:036 0:IND>PAK:112 ; 1:PAK:016 ; IND",
        // too far back, not aimed at the source, not an answered code, the same side
        "0:IND>PAK:112 ; 3:PAK:016 ; -",
        "0:IND>CHN:112 ; 0:PAK:016 ; -",
        "0:IND>PAK:042 ; 0:PAK:016 ; -",
        "0:ISRMIL>ISR:190 ; 0:ISR:190 ; -",
        "0:---REB>---CVL:190 ; 0:---MIL:190 ; -",
        // a statement answers nothing; only force answers acts that named no target
        "0:IND>PAK:112 ; 0:PAK:010 ; -",
        "0:IND>-:112 ; 0:PAK:016 ; -",
    ];

    /// Each test event its own act: a span of its own.
    static NEXT_SPAN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

    fn event(sentence: &str, source: &str, target: &str, code: &str) -> Event {
        let k = NEXT_SPAN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let span = Span::new(k, k + 1);
        let evidence = Evidence::new("x", span, "test", "x");
        let mut e = Event::new("doc", sentence.parse().unwrap(), span, code, evidence);
        e.source = Some(Actor::new(source, source, span, "test"));
        e.target = (target != "-").then(|| Actor::new(target, target, span, "test"));
        e
    }

    fn act(text: &str) -> Event {
        let (sentence, rest) = text.split_once(':').unwrap();
        let (actors, code) = rest.rsplit_once(':').unwrap();
        let (source, target) = actors.split_once('>').unwrap_or((actors, "-"));
        event(sentence, source, target, code)
    }

    #[test]
    fn replies_take_the_actor_of_the_act_they_answer() {
        for case in CASES {
            let [earlier, reply, want] = [0, 1, 2].map(|k| case.split(" ; ").nth(k).unwrap());
            let reply = act(reply);
            let (mut acts, mut same) = (Acts::default(), Vec::new());
            for e in earlier.split_whitespace().map(act) {
                if e.sentence == reply.sentence {
                    same.push(e);
                } else {
                    acts.remember(std::slice::from_ref(&e));
                }
            }
            same.push(reply);
            acts.answer(&mut same.iter_mut().collect::<Vec<_>>());
            let got = same.last().and_then(|e| e.target.as_ref());
            assert_eq!(got.map_or("-", |t| t.code.as_str()), want, "{case}");
        }
    }

    #[test]
    fn joined_sources_of_one_act_answer_each_other_not() {
        let mut both = [act("0:LBNREB:194"), act("0:PSEREB:194")];
        let evidence = both[0].evidence.clone();
        both[1].evidence = evidence;
        Acts::default().answer(&mut both.iter_mut().collect::<Vec<_>>());
        assert!(both.iter().all(|e| e.target.is_none()));
    }
}
