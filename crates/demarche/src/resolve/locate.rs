//! Event locations: which of a sentence's places an event happened at.
//!
//! The coder hands over each sentence's actor spans; [`DocumentPlaces::resolve_sentence`] finds
//! the sentence's places (remembering the dateline and the document's distinct places; a
//! place whose words are another country's organisation or person is none), and
//! [`DocumentPlaces::event_location`] picks an event's place: one in its clause (after "in",
//! "at", ... first), else the sentence's best place, else the dateline.

use super::{Location, PlaceMatch, PlaceMemory, PlaceResolver};
use crate::text::{Analysis, Sentence, Tag, Token};
use std::ops::Range;
use std::sync::LazyLock;

/// One actor the coder found in a sentence: its tokens and code.
#[derive(Clone, Debug)]
pub struct ActorSpan<'a> {
    /// The actor's tokens.
    pub tokens: Range<usize>,
    /// Its actor code (context for disambiguation).
    pub code: &'a str,
}

impl ActorSpan<'_> {
    fn overlaps(&self, m: &PlaceMatch) -> bool {
        self.tokens.start < m.end_token && m.start_token < self.tokens.end
    }
}

/// Prepositions that name where something happened ("in Beijing", "at the border").
static EVENT_PLACE_PREPOSITIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    entries(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../dictionaries/grammar/event-place-prepositions.txt"
    )))
});

/// Prepositions after which a place that is also an actor still counts as a place.
static ACTOR_PLACE_PREPOSITIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    entries(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../dictionaries/grammar/event-place-actor-prepositions.txt"
    )))
});

/// Prepositions that name where a visit went ("to", "in", "for").
static DESTINATION_PREPOSITIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    entries(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../dictionaries/grammar/event-place-destinations.txt"
    )))
});

/// Which place an event's target is, by the kind of event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceRole {
    /// Where a visit went: right after the pattern, or after "to", "in", "for" ("arrived in
    /// Seoul", "travelled on Monday to Beijing").
    Destination,
    /// Where an act of force happened: after "in", "at", "near", ... or right after the
    /// pattern ("bombed Mosul", "attacked a market in Baghdad").
    At,
}

/// The place whose country is the target of an event matched at `pattern` in `clause`: the
/// first place after the pattern, in the clause, that is not an actor or incidental and that
/// stands where `role` wants it.
pub fn target_place<'p>(
    tokens: &[Token],
    found: &'p [PlaceMatch],
    actors: &[ActorSpan<'_>],
    clause: Range<usize>,
    pattern: Range<usize>,
    role: PlaceRole,
) -> Option<&'p PlaceMatch> {
    found.iter().find(|m| {
        if m.start_token < pattern.end || m.end_token > clause.end {
            return false;
        }
        let mut j = m.start_token;
        while j > pattern.end && tokens[j - 1].tag == Tag::DT {
            j -= 1;
        }
        let prep = tokens[j - 1].lower.as_str();
        let placed = match role {
            PlaceRole::Destination => DESTINATION_PREPOSITIONS.contains(&prep),
            PlaceRole::At => EVENT_PLACE_PREPOSITIONS.contains(&prep),
        };
        !m.incidental && !actors.iter().any(|a| a.overlaps(m)) && (j == pattern.end || placed)
    })
}

/// The entries of a grammar list file (the format of `dictionaries/grammar/`).
fn entries(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The places seen so far in one document.
#[derive(Debug, Default)]
pub struct DocumentPlaces {
    memory: PlaceMemory,
    dateline: Option<Location>,
    all: Vec<Location>,
}

impl DocumentPlaces {
    /// Resolves the places of a sentence, with its actors as context; records the dateline
    /// (a place opening the first sentence) and the document's distinct places. With
    /// `explain` the matches keep their candidates' reasons ([`PlaceMatch::explain`]).
    pub fn resolve_sentence(
        &mut self,
        resolver: &PlaceResolver,
        (analysis, sentence): (&Analysis, &Sentence),
        actors: &[ActorSpan<'_>],
        explain: bool,
    ) -> Vec<PlaceMatch> {
        let context: Vec<&str> = actors.iter().map(|a| a.code).collect();
        let tokens = &sentence.tokens;
        let mut found = resolver.find_places_in(tokens, &context, &mut self.memory, explain);
        found.retain(|m| !names_foreign_actor(m, actors));
        for m in found
            .iter()
            .filter(|m| names_a_place(&sentence.tokens, m, actors))
        {
            let loc = m.location(analysis.original_span(m.byte_start, m.byte_end));
            if sentence.index == 0 && m.start_token == 0 && self.dateline.is_none() {
                self.dateline = Some(loc.clone());
            }
            if !self
                .all
                .iter()
                .any(|l| l.name == loc.name && l.country == loc.country)
            {
                self.all.push(loc);
            }
        }
        found
    }

    /// The location of an event in clause `clause_idx`: a place in its clause (a locative one
    /// first), else the sentence's best place, else the dateline.
    pub fn event_location(
        &self,
        analysis: &Analysis,
        sentence: &Sentence,
        found: &[PlaceMatch],
        actors: &[ActorSpan<'_>],
        clause_idx: usize,
    ) -> Option<Location> {
        let clause = &sentence.clauses[clause_idx].tokens;
        let rank = |m: &PlaceMatch| event_place_rank(&sentence.tokens, m, actors);
        let usable = |m: &&PlaceMatch| rank(m) < UNUSABLE;
        let in_clause = found
            .iter()
            .filter(|m| clause.contains(&m.start_token))
            .filter(usable)
            .min_by_key(|m| rank(m));
        let chosen = in_clause.or_else(|| found.iter().filter(usable).min_by_key(|m| rank(m)));
        match chosen {
            Some(m) => Some(m.location(analysis.original_span(m.byte_start, m.byte_end))),
            None => self.dateline.clone(),
        }
    }

    /// The distinct places the document named as places, in order.
    pub fn into_all(self) -> Vec<Location> {
        self.all
    }
}

/// Whether the words of place `m` are an actor of another country: an organisation, group or
/// person (a code with more than a country: "Hamas", `PSEREB`, is no Hamm in Germany, "leaders
/// from Hamas" are nowhere). A country's own bodies ("Kabul police") and bare country actors
/// ("Georgia") keep their places.
fn names_foreign_actor(m: &PlaceMatch, actors: &[ActorSpan<'_>]) -> bool {
    actors
        .iter()
        .any(|a| a.overlaps(m) && a.code.len() > 3 && !a.code.starts_with(m.cameo_country.as_str()))
}

/// A place the document names as a place: not incidental, and not an actor unless it follows
/// "in"/"at"/"near".
fn names_a_place(tokens: &[Token], m: &PlaceMatch, actors: &[ActorSpan<'_>]) -> bool {
    let is_actor = actors.iter().any(|a| a.overlaps(m));
    let after_in = m.start_token > 0
        && ACTOR_PLACE_PREPOSITIONS.contains(&tokens[m.start_token - 1].lower.as_str());
    !m.incidental && (!is_actor || after_in)
}

/// The rank of places no event can be located at.
const UNUSABLE: u8 = 9;

/// How well a place says where an event happened (lower is better): "in Beijing", "at the
/// border" name where something happened; "from Seoul" names where someone came from; a place
/// that is also an actor counts only after a locative preposition.
fn event_place_rank(tokens: &[Token], m: &PlaceMatch, actors: &[ActorSpan<'_>]) -> u8 {
    let mut j = m.start_token;
    while j > 0 && tokens[j - 1].tag == Tag::DT {
        j -= 1;
    }
    let prep = if j > 0 {
        tokens[j - 1].lower.as_str()
    } else {
        ""
    };
    let is_actor = actors.iter().any(|a| a.overlaps(m));
    match (
        EVENT_PLACE_PREPOSITIONS.contains(&prep),
        m.locative,
        is_actor,
    ) {
        (true, _, _) => 0,
        (false, true, false) => 1,
        (false, false, false) if !m.incidental => 2,
        // "the Beijing talks": a place used as a modifier still says where.
        (false, false, false) => 3,
        _ => UNUSABLE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preposition_lists_are_read() {
        assert!(EVENT_PLACE_PREPOSITIONS.contains(&"throughout"));
        assert!(!EVENT_PLACE_PREPOSITIONS.contains(&"from"));
        assert_eq!(*ACTOR_PLACE_PREPOSITIONS, vec!["in", "at", "near"]);
    }
}
