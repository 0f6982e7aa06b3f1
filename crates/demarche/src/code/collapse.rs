//! One event per act, as a reader counts acts in a sentence. When two of a sentence's events are
//! the same act — the same source and target and the same CAMEO root, or the same PLOVER type
//! on overlapping patterns — only the more specific is emitted: a governing word and its
//! complement ("rejected demands that he resign": 124 and 1231) or two rules on one predicate
//! ("intensifying its bombing of": 195 and 183) give one event. What an appraisal is about
//! ("condemned the attack") and what a protest demands are no events of their own, nor is the
//! end an act is said to bring ("signed a treaty, ending three decades of war"), nor the
//! punishment a sentence names ("sentenced them to jail terms"), nor a country's passive act
//! done by its weapon ("killed by an Israeli air strike": the strike's act alone).

use super::decision::Rule;
use super::speech::HeadedEvent;
use crate::model::Event;
use crate::text::{Tag, Token};

/// Drops each event that repeats the act of a more specific one kept (see the module doc); the
/// kept event takes the place of the first of its group, so the order stays.
pub(super) fn one_per_act(events: &mut Vec<HeadedEvent>) {
    let mut k = 0;
    while k < events.len() {
        let twin = (0..k).find(|&j| same_act(&events[j], &events[k]));
        match twin {
            Some(j) => {
                let dropped = events.remove(k);
                if more_specific(&dropped.event, &events[j].event) {
                    events[j] = dropped;
                }
            }
            None => k += 1,
        }
    }
}

/// Drops a targetless event whose source already has an event of the same CAMEO root with a
/// target in the sentence, when the targetless code says no
/// more than the targeted one (its root's generic x0, or the targeted code or a code above it):
/// the targeted one is the act, the targetless one the same act told again without its other
/// side ("“We discussed the road map,” he said after a meeting with Bush": the discussion is the
/// meeting, `ISRGOV>USAGOV:04`, not also `ISRGOV>-:04`). Run once the events have all their
/// targets (replies and acts aimed at home included).
pub(super) fn drop_targetless_repeats(events: &mut Vec<Event>) {
    let acts: Vec<(&str, &str)> = (events.iter())
        .filter(|y| y.target.is_some())
        .filter_map(|y| Some((code(y)?, y.cameo.as_str())))
        .collect();
    let repeats = |x: &Event| {
        x.target.is_none()
            && code(x).is_some_and(|source| {
                acts.iter().any(|&(s, c)| {
                    s == source
                        && c.get(..2) == x.cameo.get(..2)
                        && (generic(&x.cameo) || c.starts_with(x.cameo.as_str()))
                })
            })
    };
    let drop: Vec<bool> = events.iter().map(repeats).collect();
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Whether `a` and `b` are one act: the same source and target, and the same root or, for
/// patterns that overlap (one predicate: "intensifying its bombing of"), the same PLOVER type.
fn same_act(a: &HeadedEvent, b: &HeadedEvent) -> bool {
    let (x, y) = (&a.event, &b.event);
    let overlap = a.pattern.start < b.pattern.end && b.pattern.start < a.pattern.end;
    // Two codes of one root as specific as each other ("halt enrichment and free the sailors":
    // 0253, 0256) are two acts; a generic and a specific one ("refused demands that he resign":
    // 124, 1231) are one.
    let same_root = x.cameo.get(..2) == y.cameo.get(..2)
        && (x.cameo.len() != y.cameo.len() || generic(&x.cameo) || generic(&y.cameo));
    let same_type = x.plover.is_some() && x.plover == y.plover;
    code(x).is_some()
        && code(x) == code(y)
        && target(x) == target(y)
        && (same_root || same_type && overlap)
}

/// Drops what an appraisal is about and what a protest demands: an event noun after a verb of
/// support, disapproval, rejection or reduced relations (05x, 11x, 12x, 16x) in its clause
/// ("condemned the attack on the bus", "suspended trade talks"), and a demand (10x) by a
/// protest's source after the protest ("marched through the capital, demanding new elections").
/// `noun(head)` says whether a pattern's head token is a noun.
pub(super) fn drop_objects(events: &mut Vec<HeadedEvent>, noun: impl Fn(usize) -> bool) {
    let drop: Vec<bool> = events
        .iter()
        .map(|e| appraised(events, e, &noun) || protest_demand(events, e))
        .collect();
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Drops the end an act is said to bring: a participle of ending after a comma restates the act
/// before it ("signed a peace treaty, ending three decades of war", "signed a ceasefire,
/// formally ending 27 years of civil war"); with no event before it, the participle's event
/// stays.
pub(super) fn drop_results(events: &mut Vec<HeadedEvent>, tokens: &[Token]) {
    let drop: Vec<bool> = events
        .iter()
        .map(|e| {
            result_comma(tokens, e.head).is_some_and(|comma| {
                (events.iter()).any(|a| a.head < comma && result_comma(tokens, a.head).is_none())
            })
        })
        .collect();
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// The codes of a charge or accusation, whose named deed is no event of its own.
const CHARGE_CODES: [&str; 2] = ["112", "173"];

/// Drops the punishment a sentence names: a verb right after the "to" that ends a conviction
/// or sentence pattern (116, 173) is its object, not an act of its own ("sentenced two
/// journalists to *jail* terms" is the sentence alone, not also an arrest).
///
/// So is the deed a charge or accusation names: a gerund right after a charging pattern (112,
/// 173) that ends in "with" or "of" ("charged the army *with executing* prisoners") is what it
/// charges, not an act of the one who charges.
pub(super) fn drop_punishments(events: &mut Vec<HeadedEvent>, tokens: &[Token]) {
    let last = |s: &HeadedEvent| {
        s.pattern
            .end
            .checked_sub(1)
            .map(|k| tokens[k].lower.as_str())
    };
    let punishment = |s: &HeadedEvent| {
        SENTENCE_CODES.iter().any(|c| s.event.cameo.starts_with(c)) && last(s) == Some("to")
    };
    let charge = |s: &HeadedEvent| {
        CHARGE_CODES.contains(&s.event.cameo.as_str())
            && matches!(last(s), Some("with" | "of"))
            && tokens.get(s.pattern.end).is_some_and(|t| t.tag == Tag::VBG)
    };
    let ends: Vec<usize> = (events.iter())
        .filter(|s| punishment(s) || charge(s))
        .map(|s| s.pattern.end)
        .collect();
    events.retain(|e| !ends.contains(&e.head));
}

/// Drops a passive act of force whose `by` agent is the country of the weapon a nominal event
/// right after it names: "a boy was killed by an Israeli air strike" is one act, the strike's
/// (`ISRMIL`), not also the country's (`ISR`). The noun's event stays, with the passive's
/// target when it has none ("militants were killed by an Israeli air strike").
pub(super) fn drop_weapon_agents(events: &mut Vec<HeadedEvent>) {
    let pairs: Vec<(usize, usize)> = (0..events.len())
        .filter_map(|p| {
            let n = (0..events.len()).find(|&n| weapon_of(&events[p], &events[n]))?;
            Some((p, n))
        })
        .collect();
    for &(p, n) in &pairs {
        if events[n].event.target.is_none() {
            events[n].event.target = events[p].event.target.clone();
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !pairs.iter().any(|&(p, _)| p == k - 1)
    });
}

/// Whether nominal event `n` is the weapon that passive `p` was done by: later in its clause,
/// of the same root of force, with no other target and its source's military as source.
fn weapon_of(p: &HeadedEvent, n: &HeadedEvent) -> bool {
    let has =
        |e: &HeadedEvent, rule: Rule| e.event.rules.iter().any(|r| r.as_ref() == rule.as_str());
    let (Some(country), Some(force)) = (code(&p.event), code(&n.event)) else {
        return false;
    };
    let root = p.event.cameo.get(..2);
    has(p, Rule::Passive)
        && has(n, Rule::NominalEvent)
        && n.clause == p.clause
        && n.head > p.head
        && matches!(root, Some("18" | "19" | "20"))
        && n.event.cameo.get(..2) == root
        && (target(&n.event).is_none() || target(&n.event) == target(&p.event))
        && country.len() == 3
        && force.strip_prefix(country) == Some("MIL")
}

/// Convictions (116) and sentences (173), whose "to" names the punishment.
const SENTENCE_CODES: [&str; 2] = ["116", "173"];

/// The comma before `head` when `head` is a participle of ending right after it, past adverbs
/// (", formally ending").
fn result_comma(tokens: &[Token], head: usize) -> Option<usize> {
    let t = tokens.get(head)?;
    if t.tag != Tag::VBG || !RESULT_VERBS.contains(&t.lemma.as_str()) {
        return None;
    }
    let mut j = head;
    while j > 0 && tokens[j - 1].tag == Tag::RB {
        j -= 1;
    }
    (j > 0 && tokens[j - 1].text == ",").then(|| j - 1)
}

/// Verbs whose participle after an act names the end it brings.
const RESULT_VERBS: [&str; 2] = ["end", "conclude"];

/// Whether `n` is an event noun after an appraising verb's event in its clause.
fn appraised(events: &[HeadedEvent], n: &HeadedEvent, noun: &impl Fn(usize) -> bool) -> bool {
    noun(n.head)
        && events.iter().any(|v| {
            !noun(v.head)
                && v.clause == n.clause
                && v.head < n.head
                && APPRAISING_ROOTS
                    .iter()
                    .any(|r| v.event.cameo.starts_with(r))
        })
}

/// Whether `d` is a demand by the source of a protest before it.
fn protest_demand(events: &[HeadedEvent], d: &HeadedEvent) -> bool {
    d.event.cameo.starts_with("10")
        && events.iter().any(|p| {
            p.event.cameo.starts_with("14") && p.head < d.head && code(&p.event) == code(&d.event)
        })
}

/// Roots whose acts are about something: support (05), disapproval (11), rejection (12),
/// reduced relations (16).
const APPRAISING_ROOTS: [&str; 4] = ["05", "11", "12", "16"];

/// A root's "not specified below" code (x0: "120", "190").
fn generic(code: &str) -> bool {
    code.len() == 3 && code.ends_with('0')
}

/// The code of an event's source.
fn code(e: &Event) -> Option<&str> {
    e.source.as_ref().map(|s| s.code.as_str())
}

/// The code of an event's target.
fn target(e: &Event) -> Option<&str> {
    e.target.as_ref().map(|t| t.code.as_str())
}

/// Whether `a` says more than `b`: a target where `b` has none, else a longer code, else a code
/// below its root's "not specified" x0.
fn more_specific(a: &Event, b: &Event) -> bool {
    let rank = |e: &Event| {
        (
            e.target.is_some(),
            e.cameo.len(),
            !e.cameo.ends_with('0') || e.cameo.len() > 3,
        )
    };
    rank(a) > rank(b)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Actor, Evidence, Span};

    /// An event `source → target` (`-`: none) with code `cameo`, for the coder's unit tests.
    pub(in crate::code) fn event(source: &str, target: &str, cameo: &str) -> Event {
        let span = Span::new(0, 1);
        let evidence = Evidence::new("x", span, "test", "x");
        let mut e = Event::new("doc", 0, span, cameo, evidence);
        e.source = Some(Actor::new(source, source, span, "test"));
        e.target = (target != "-").then(|| Actor::new(target, target, span, "test"));
        e
    }

    fn headed(e: Event) -> HeadedEvent {
        HeadedEvent {
            event: e,
            clause: 0,
            head: 0,
            pattern: 0..1,
        }
    }

    fn codes(events: &[HeadedEvent]) -> Vec<String> {
        let show = |e: &Event| match &e.target {
            Some(t) => format!("{}>{}", e.cameo, t.code),
            None => e.cameo.to_string(),
        };
        events.iter().map(|e| show(&e.event)).collect()
    }

    /// `e` as the event of a pattern headed at `head`, with rule `rule`.
    fn at(mut e: Event, head: usize, rule: Rule) -> HeadedEvent {
        e.rules.push(rule.as_str().into());
        HeadedEvent {
            head,
            pattern: head..head + 1,
            ..headed(e)
        }
    }

    #[test]
    fn a_passive_done_by_a_weapon_is_the_weapon_act() {
        // (passive source, target, noun source, noun target, kept events)
        let cases = [
            ("ISR", "PSECVL", "ISRMIL", "PSECVL", vec!["195>PSECVL"]),
            ("ISR", "PSEREB", "ISRMIL", "-", vec!["195>PSEREB"]),
            // another actor's weapon, or another target: two acts
            ("ISR", "PSECVL", "USAMIL", "-", vec!["195>PSECVL", "195"]),
            (
                "ISR",
                "PSECVL",
                "ISRMIL",
                "LBN",
                vec!["195>PSECVL", "195>LBN"],
            ),
        ];
        for (source, target, force, struck, want) in cases {
            let mut events = vec![
                at(event(source, target, "195"), 2, Rule::Passive),
                at(event(force, struck, "195"), 6, Rule::NominalEvent),
            ];
            drop_weapon_agents(&mut events);
            assert_eq!(
                codes(&events),
                want,
                "{source}>{target} by {force}>{struck}"
            );
        }
    }

    #[test]
    fn repeated_acts_keep_the_most_specific() {
        // (events as source, target, code; what is kept)
        type Case<'a> = (&'a [(&'a str, &'a str, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                &[("EGY", "OPP", "124"), ("EGY", "OPP", "1231")],
                &["1231>OPP"],
            ),
            (
                &[("NGA", "GOV", "1421"), ("NGA", "GOV", "142")],
                &["1421>GOV"],
            ),
            (&[("ISR", "-", "1246"), ("ISR", "-", "120")], &["1246"]),
            (&[("ISR", "-", "120"), ("ISR", "-", "1246")], &["1246"]),
            (
                &[("ISR", "CVL", "193"), ("ISR", "CVL", "190")],
                &["193>CVL"],
            ),
            (
                &[("UN", "IRN", "0253"), ("UN", "IRN", "0256")],
                &["0253>IRN", "0256>IRN"],
            ),
            (
                &[("NOR", "LKA", "131"), ("NOR", "LKA", "138")],
                &["131>LKA", "138>LKA"],
            ),
            // other targets, sources or roots: two acts
            (
                &[("GBR", "-", "1831"), ("GBR", "CVL", "1831")],
                &["1831", "1831>CVL"],
            ),
            (
                &[("FRA", "-", "080"), ("ESP", "-", "0832")],
                &["080", "0832"],
            ),
            (
                &[("USA", "IRQ", "190"), ("USA", "SYR", "190")],
                &["190>IRQ", "190>SYR"],
            ),
            (
                &[("CHN", "CVL", "175"), ("CHN", "CVL", "202")],
                &["175>CVL", "202>CVL"],
            ),
        ];
        for (input, want) in cases {
            let mut events: Vec<HeadedEvent> = input
                .iter()
                .map(|&(s, t, c)| headed(event(s, t, c)))
                .collect();
            one_per_act(&mut events);
            assert_eq!(codes(&events), *want, "{input:?}");
        }
    }

    #[test]
    fn a_targetless_repeat_of_a_targeted_act_is_dropped() {
        // (events as source, target, code; what is kept)
        type Case<'a> = (&'a [(&'a str, &'a str, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (&[("ISR", "-", "190"), ("ISR", "PSE", "194")], &["194>PSE"]),
            (&[("ISR", "PSE", "043"), ("ISR", "-", "043")], &["043>PSE"]),
            (&[("IRN", "-", "13"), ("IRN", "IRQ", "1312")], &["1312>IRQ"]),
            // a more specific code, another source or root: kept
            (
                &[("IRN", "-", "0252"), ("IRN", "IRQ", "023")],
                &["0252", "023>IRQ"],
            ),
            (
                &[("UKR", "-", "016"), ("UKR", "MYS", "010")],
                &["016", "010>MYS"],
            ),
            (
                &[("SYR", "-", "190"), ("ISR", "PSE", "190")],
                &["190", "190>PSE"],
            ),
            (
                &[("ISR", "-", "190"), ("ISR", "PSE", "180")],
                &["190", "180>PSE"],
            ),
        ];
        for (input, want) in cases {
            let mut events: Vec<Event> = input.iter().map(|&(s, t, c)| event(s, t, c)).collect();
            drop_targetless_repeats(&mut events);
            let kept: Vec<HeadedEvent> = events.into_iter().map(headed).collect();
            assert_eq!(codes(&kept), *want, "{input:?}");
        }
    }

    #[test]
    fn one_predicate_gives_one_event_of_its_type() {
        // (second pattern's tokens, what is kept): "intensifying its bombing of" 195 + 183
        for (second, want) in [(2..4, vec!["195>AFG"]), (5..6, vec!["195>AFG", "183>AFG"])] {
            let mut events: Vec<HeadedEvent> = [("195", 0..4), ("183", second)]
                .into_iter()
                .map(|(code, pattern)| {
                    let mut e = event("USA", "AFG", code);
                    e.plover = Some("ASSAULT".into());
                    HeadedEvent {
                        pattern,
                        ..headed(e)
                    }
                })
                .collect();
            one_per_act(&mut events);
            assert_eq!(codes(&events), want);
        }
    }

    #[test]
    fn a_participle_of_ending_restates_the_act_before_it() {
        // (sentence, heads of the events by word, what is kept)
        let cases: [(&str, &[&str], &[&str]); 4] = [
            (
                "Egypt signed a treaty , formally ending years of war .",
                &["signed", "ending"],
                &["signed"],
            ),
            (
                "Israeli troops left Gaza , ending years of occupation .",
                &["ending"],
                &["ending"],
            ),
            (
                "Kenya and Uganda met , concluding two days of talks .",
                &["met", "concluding"],
                &["met"],
            ),
            (
                "Egypt signed a treaty before ending the war .",
                &["signed", "ending"],
                &["signed", "ending"],
            ),
        ];
        for (text, heads, want) in cases {
            let tokens = crate::code::bundled_tokens(text);
            let at = |w: &str| tokens.iter().position(|t| t.text == w).unwrap_or(0);
            let mut events: Vec<HeadedEvent> = (heads.iter())
                .map(|w| HeadedEvent {
                    head: at(w),
                    ..headed(event("EGY", "-", "057"))
                })
                .collect();
            drop_results(&mut events, &tokens);
            let kept: Vec<&str> = events
                .iter()
                .map(|e| tokens[e.head].text.as_str())
                .collect();
            assert_eq!(kept, want, "{text}");
        }
    }

    #[test]
    fn appraised_acts_and_protest_demands_are_no_events() {
        // (verb event code, later event code, nominal, whether the later one stays)
        let cases = [
            ("111", "190", true, false),  // "condemned the attack on the bus"
            ("164", "040", true, false),  // "suspended trade talks"
            ("051", "057", true, false),  // "praised the accord"
            ("111", "190", false, true),  // a verb in the clause is an act of its own
            ("173", "190", true, true),   // an arrest is about no act
            ("141", "100", false, false), // "marched, demanding new elections"
            ("141", "020", false, true),  // an appeal is not a demand
        ];
        for (first, second, noun, stays) in cases {
            let mut later = headed(event("ISR", "-", second));
            later.head = 3;
            let mut events = vec![headed(event("ISR", "PSE", first)), later];
            drop_objects(&mut events, |head| noun && head == 3);
            assert_eq!(events.len() == 2, stays, "{first} then {second}");
        }
    }
}
