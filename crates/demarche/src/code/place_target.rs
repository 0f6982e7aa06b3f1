//! Place-country targets: an event aimed at a territory with no target actor named takes the
//! country of its place as target — a visit or aid its destination ("arrived in Seoul" → KOR,
//! "sent aid to Mogadishu" → SOM), an act of force the place it struck ("bombed a market in
//! Baghdad" → IRQ).
//!
//! Which codes do so, and where their place stands, is data:
//! `dictionaries/grammar/place-target-codes.txt`; the place itself is found by
//! [`crate::resolve::locate::target_place`].

use super::grammar::PLACE_TARGET_CODES;
use crate::model::{Actor, Event};
use crate::resolve::locate::PlaceRole;
use crate::resolve::PlaceMatch;
use crate::text::Analysis;

/// Where the place of an event with code `code` must stand to be its target, if the code takes
/// a place target at all.
pub(super) fn place_role(code: &str) -> Option<PlaceRole> {
    PLACE_TARGET_CODES.words().iter().find_map(|line| {
        let mut fields = line.split_whitespace();
        let prefix = fields.next()?;
        let role = match fields.next()? {
            "destination" => PlaceRole::Destination,
            "at" => PlaceRole::At,
            _ => return None,
        };
        code.starts_with(prefix).then_some(role)
    })
}

/// Makes place `m`'s country the target of `event`, unless that is the source's own code;
/// returns whether it did.
pub(super) fn set_place_target(analysis: &Analysis, event: &mut Event, m: &PlaceMatch) -> bool {
    let own = event
        .source
        .as_ref()
        .is_some_and(|s| s.code == m.cameo_country.as_str());
    if own || m.cameo_country.is_empty() {
        return false;
    }
    let entry = m
        .geonameid
        .map_or_else(|| "gazetteer".to_string(), |id| format!("gazetteer:{id}"));
    event.target = Some(Actor {
        code: m.cameo_country.to_string(),
        text: m.text.to_string(),
        span: analysis.original_span(m.byte_start, m.byte_end),
        entry: entry.into(),
        via: Some(format!("place-country ({})", m.name)),
    });
    event.rules.push(super::decision::Rule::PlaceTarget.into());
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_take_the_role_of_their_family() {
        assert_eq!(place_role("042"), Some(PlaceRole::Destination));
        assert_eq!(place_role("0713"), Some(PlaceRole::Destination));
        assert_eq!(place_role("1831"), Some(PlaceRole::At));
        assert_eq!(place_role("190"), Some(PlaceRole::At));
        assert_eq!(place_role("173"), None);
        assert_eq!(place_role("043"), None);
        assert_eq!(place_role("010"), None);
    }
}
