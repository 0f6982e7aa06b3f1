//! Replies: an act that names no target and answers an earlier act done *to* its source takes
//! the actor of that act as target — a denial answers the accusation ("India accused Pakistan
//! of the attack, but Pakistan denied it" → `PAK → IND 016`), return fire the attack ("gunmen
//! fired on the soldiers. The soldiers returned fire" → the gunmen), a refusal the proposal.
//!
//! Which codes answer which is data: `dictionaries/grammar/reply-codes.txt`. The answered act
//! must be in the same sentence or one of the two before it, and the latest one wins.

use super::decision::Rule;
use super::grammar::REPLY_CODES;
use crate::model::{Actor, Event};

/// How many sentences back an answered act may stand.
const WINDOW: usize = 2;

/// An act with a target, remembered for the replies of later sentences.
#[derive(Debug)]
struct Act {
    sentence: usize,
    code: String,
    source: Actor,
    target: String,
}

/// The document's recent acts with a target.
#[derive(Debug, Default)]
pub(crate) struct Acts {
    acts: Vec<Act>,
}

impl Acts {
    /// Remembers the events of a sentence that have a source and a target.
    pub(crate) fn remember(&mut self, events: &[Event]) {
        for e in events {
            if let (Some(s), Some(t)) = (&e.source, &e.target) {
                self.acts.push(Act {
                    sentence: e.sentence,
                    code: e.cameo.clone(),
                    source: s.clone(),
                    target: t.code.clone(),
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
            let answered = answered_codes(&e.cameo);
            if answered.is_empty() {
                continue;
            }
            let earlier = before.iter().rev().filter_map(|x| act_of(x)).chain(
                self.acts
                    .iter()
                    .rev()
                    .filter(|a| a.sentence + WINDOW >= e.sentence)
                    .map(|a| (a.code.as_str(), &a.source, a.target.as_str())),
            );
            let found = earlier.into_iter().find(|(code, s, t)| {
                answered.iter().any(|p| code.starts_with(p))
                    && same_side(t, &source)
                    && !same_side(&s.code, &source)
            });
            if let Some((code, s, _)) = found {
                notes.push(format!(
                    "'{}' answers the {code} of '{}': target {}",
                    e.cameo, s.text, s.code
                ));
                e.target = Some(s.clone().with_via(format!("reply ({code})")));
                e.rules.push(Rule::Reply.to_string());
            }
        }
        notes
    }
}

/// The (code, source, target code) of an event that has a source and a target.
fn act_of<'e>(e: &'e &mut Event) -> Option<(&'e str, &'e Actor, &'e str)> {
    let (s, t) = (e.source.as_ref()?, e.target.as_ref()?);
    Some((e.cameo.as_str(), s, t.code.as_str()))
}

/// The code prefixes an event with code `code` answers (empty: it is no reply).
fn answered_codes(code: &str) -> Vec<&'static str> {
    REPLY_CODES
        .words()
        .iter()
        .find_map(|line| {
            let mut fields = line.split_whitespace();
            let prefix = fields.next()?;
            code.starts_with(prefix).then(|| fields.collect())
        })
        .unwrap_or_default()
}

/// Whether two actor codes are the same side: the same country (first three letters), or the
/// same code where the country is unknown (`---`) or a group (`IGO`, `NGO`, `IMG`, `MNC`).
fn same_side(a: &str, b: &str) -> bool {
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

    fn actor(code: &str) -> Actor {
        Actor::new(code, code, Span::new(0, 1), "test")
    }

    fn event(sentence: usize, code: &str, source: &str, target: Option<&str>) -> Event {
        let evidence = Evidence::new("x", Span::new(0, 1), "test", "x");
        let mut e = Event::new("doc", sentence, Span::new(0, 1), code, evidence);
        e.source = Some(actor(source));
        e.target = target.map(actor);
        e
    }

    /// (earlier events, the reply, the target it should get)
    const CASES: &[(
        &[(usize, &str, &str, &str)],
        (usize, &str, &str),
        Option<&str>,
    )] = &[
        (&[(0, "112", "IND", "PAK")], (0, "016", "PAK"), Some("IND")),
        (
            &[(0, "112", "IND", "PAKSPY")],
            (1, "016", "PAKGOV"),
            Some("IND"),
        ),
        (
            &[(0, "190", "PSEUAF", "ISRMIL")],
            (1, "190", "ISRMIL"),
            Some("PSEUAF"),
        ),
        (
            &[(0, "036", "PAKGOV", "INDGOV")],
            (2, "125", "IND"),
            Some("PAKGOV"),
        ),
        // too far back, not aimed at the source, not an answered code, the same side
        (&[(0, "112", "IND", "PAK")], (3, "016", "PAK"), None),
        (&[(0, "112", "IND", "CHN")], (0, "016", "PAK"), None),
        (&[(0, "042", "IND", "PAK")], (0, "016", "PAK"), None),
        (&[(0, "190", "ISRMIL", "ISR")], (0, "190", "ISR"), None),
        (
            &[(0, "190", "---REB", "---CVL")],
            (0, "190", "---MIL"),
            None,
        ),
        // a statement answers nothing
        (&[(0, "112", "IND", "PAK")], (0, "010", "PAK"), None),
    ];

    #[test]
    fn replies_take_the_actor_of_the_act_they_answer() {
        for (earlier, (sentence, code, source), want) in CASES {
            let mut acts = Acts::default();
            let mut same = Vec::new();
            for &(s, c, src, tgt) in earlier.iter() {
                let e = event(s, c, src, Some(tgt));
                if s == *sentence {
                    same.push(e);
                } else {
                    acts.remember(std::slice::from_ref(&e));
                }
            }
            same.push(event(*sentence, code, source, None));
            let mut refs: Vec<&mut Event> = same.iter_mut().collect();
            acts.answer(&mut refs);
            let got = same
                .last()
                .and_then(|e| e.target.as_ref())
                .map(|t| t.code.as_str());
            assert_eq!(got, *want, "{earlier:?} then {code} by {source}");
        }
    }
}
