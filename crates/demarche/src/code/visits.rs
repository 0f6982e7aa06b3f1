//! Visits are political acts: CAMEO's 042 (make a visit) and 043 (host a visit) are made by
//! governments, parties, militaries and organisations, so a private actor's trip ("he travelled
//! to Pakistan in 1999", "tourists travel to Queensland") is no event.

use super::grammar::{PRIVATE_TRAVEL_AGENTS, VISIT_CODES};
use super::speech::HeadedEvent;
use crate::model::Event;

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
