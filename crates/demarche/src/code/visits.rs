//! Visits are political acts: CAMEO's 042 (make a visit) and 043 (host a visit) are made by
//! governments, parties, militaries and organisations, so a private actor's trip ("he travelled
//! to Pakistan in 1999", "tourists travel to Queensland") is no event; and armed forces that
//! arrive somewhere are deployed there (154), they do not visit, and forces that march are on
//! the move, they do not demonstrate (141).

use super::decision::Rule;
use super::grammar::{DEPLOYED_FORCE_NOUNS, PRIVATE_TRAVEL_AGENTS, VISIT_CODES};
use super::sentence::SentenceContext;
use super::speech::HeadedEvent;
use crate::model::Event;

/// CAMEO's "mobilize or increase armed forces": the code of forces' arrival.
const DEPLOYMENT_CODE: &str = "154";

/// Drops the visits (`visit-codes.txt`) whose source is a private actor
/// (`private-travel-agents.txt`: civilians, companies).
pub(super) fn drop_private(events: &mut Vec<HeadedEvent>) {
    events.retain(|e| !private_visit(&e.event));
}

/// Whether `e` is a visit by a private actor.
fn private_visit(e: &Event) -> bool {
    let agent = e
        .source
        .as_ref()
        .and_then(|s| s.code.get(3..6))
        .unwrap_or("");
    VISIT_CODES.contains(&e.cameo) && PRIVATE_TRAVEL_AGENTS.contains(agent)
}

/// The verb-pattern head of marching (`march @march-to` in verbs.txt, 141).
const MARCH_HEAD: &str = "march ";

/// Drops the marches (141 by a `march …` pattern) whose source mention ends in a noun of armed
/// forces (`deployed-force-nouns.txt`): "soldiers marched through the desert" is a troop movement,
/// not a demonstration; "soldiers staged a protest" stays one.
pub(super) fn drop_armed_marches(events: &mut Vec<HeadedEvent>) {
    events
        .retain(|e| !(e.event.evidence.pattern.starts_with(MARCH_HEAD) && forces_arrive(&e.event)));
}

/// Recodes as deployments (154) the visits whose source mention ends in a noun of armed forces
/// (`deployed-force-nouns.txt`): "more Australian SAS troops have arrived in Afghanistan".
pub(super) fn recode_deployments(ctx: &SentenceContext<'_>, events: &mut [HeadedEvent]) {
    for e in events.iter_mut() {
        if VISIT_CODES.contains(&e.event.cameo) && forces_arrive(&e.event) {
            super::emit::recode(ctx, &mut e.event, DEPLOYMENT_CODE, Rule::ForceDeployment);
        }
    }
}

/// Whether `e`'s source is named by a noun of armed forces ("troops", "reinforcements").
fn forces_arrive(e: &Event) -> bool {
    e.source
        .as_ref()
        .and_then(|s| s.text.rsplit(' ').next())
        .is_some_and(|last| DEPLOYED_FORCE_NOUNS.contains(&last.to_ascii_lowercase()))
}
