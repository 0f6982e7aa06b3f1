//! Who acts in an agentless passive. Forces put in a posture act themselves: "Twenty coastguard
//! vessels were mobilised" is the coastguard's own 15x (`posture-subject`). The authority behind
//! an agentless passive of an arrest or a legal act: "he was arrested",
//! "Reid is charged with intimidation". CAMEO coders take the source to be the police (`COP`,
//! `police-passive-verbs.txt`) or the judiciary (`JUD`, `judicial-passive-verbs.txt`) of the
//! country where it happened — a country named after a locative preposition in its clause ("was
//! arrested in India": `INDCOP`, `authority-place-prepositions.txt`), or a place there whose
//! country the gazetteer knows ("detained in Mumbai", set when places are resolved:
//! [`set_place_country`]) — else the country the story is about, the document's context country;
//! a crime against a country is its own to pursue ("charged with waging war against India",
//! `authority-wronged-prepositions.txt`); without one the act is not coded, nor is a participle without a form of "be" before it, nor the holding of the context
//! country's own forces (held by another state, mostly). The implied actor points at the
//! verb (there are no words naming it). A charge laid by one with no authority to lay it ("Amnesty
//! charged the army with executing prisoners", a party's or a foreign government's charge against
//! an armed force) is an accusation (112), not legal action: [`unauthorised_charges`].

use super::decision::Rule;
use super::grammar::{
    WordList, AUTHORITY_PLACE_PREPOSITIONS, AUTHORITY_WRONGED_PREPOSITIONS, FLOATING_QUANTIFIERS,
    JUDICIAL_PASSIVE_VERBS, POLICE_PASSIVE_VERBS,
};
use super::mentions::{CountryFrom, Mention, MentionKind};
use super::patterns::VerbMatch;
use super::sentence::SentenceContext;
use crate::model::Event;
use crate::resolve::PlaceMatch;
use crate::text::{Tag, Token};

/// "Troops were deployed", "police were put on alert": the subject of an agentless passive
/// force posture (15x) is the source when it is a force (an agent of `POSTURE_AGENTS`).
pub(super) fn posture_subject<'m>(
    ctx: &'m SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
) -> Option<&'m Mention> {
    if m.pattern.noun || !m.pattern.code.starts_with("15") {
        return None;
    }
    let clause = &ctx.sentence.clauses[clause_idx].tokens;
    ctx.mentions
        .iter()
        .find(|x| x.start >= clause.start && x.end <= m.head && x.preposition.is_none())
        .filter(|x| {
            x.code
                .get(3..6)
                .is_some_and(|a| POSTURE_AGENTS.contains(&a))
        })
}

/// The start of an implied authority's entry.
const IMPLIED_ENTRY: &str = "grammar/";

/// Convictions and sentences: whatever the verb ("were given jail terms", "was found guilty"),
/// their agentless passive is a court's.
const COURT_CODE: &str = "116";

/// The agents that are forces a posture is taken with.
const POSTURE_AGENTS: [&str; 2] = ["MIL", "COP"];

/// The implied source of passive match `m` that found no `by` agent, if its verb is a police
/// or judicial act (17x, 11x) and the document has a context country.
pub(super) fn implied_authority(ctx: &SentenceContext<'_>, m: &VerbMatch<'_>) -> Option<Mention> {
    let code = m.pattern.code.as_str();
    if m.pattern.noun || !(code.starts_with("17") || code.starts_with("11")) {
        return None;
    }
    if !after_be(ctx.tokens(), m.head) {
        return None;
    }
    let lemma = ctx.tokens()[m.head].lemma.as_str();
    let (agent, list) = if POLICE_PASSIVE_VERBS.contains(lemma) {
        ("COP", "police-passive-verbs.txt")
    } else if JUDICIAL_PASSIVE_VERBS.contains(lemma) || code.starts_with(COURT_CODE) {
        ("JUD", "judicial-passive-verbs.txt")
    } else {
        return None;
    };
    let (country, from) = match locative_country(ctx, m.head) {
        Some(c) => (c, CountryFrom::Place),
        None => ctx
            .context_country
            .as_ref()
            .map(|(c, f)| (c.as_str(), *f))?,
    };
    if own_forces_held(ctx, m.head, country) {
        return None;
    }
    Some(Mention {
        start: m.head,
        end: m.head + 1,
        code: format!("{country}{agent}").into(),
        entry: format!("{IMPLIED_ENTRY}{list}").into(),
        person: false,
        kind: MentionKind::RoleNoun,
        preposition: None,
        antecedent: Some(country.into()),
        agent: None,
        country_from: Some(from),
    })
}

/// A participle right after a form of "be" (adverbs between): "was arrested", "is being
/// charged". A reduced relative ("forces charged into the town") is too often an active verb.
pub(super) fn after_be(tokens: &[Token], head: usize) -> bool {
    let mut j = head;
    while j > 0
        && (tokens[j - 1].tag == Tag::RB || FLOATING_QUANTIFIERS.contains(&tokens[j - 1].lower))
    {
        j -= 1;
    }
    tokens[head].tag == Tag::VBN
        && j > 0
        && crate::text::tag::auxiliary_of(&tokens[j - 1].lower) == Some("be")
}

/// "Fifteen British sailors have been detained": a country's own forces held without an agent
/// are mostly held by another state — no implied authority of their country.
fn own_forces_held(ctx: &SentenceContext<'_>, head: usize, country: &str) -> bool {
    let clause = &ctx.sentence.clauses[ctx.sentence.clause_of(head)].tokens;
    ctx.mentions.iter().any(|x| {
        x.start >= clause.start
            && x.end <= head
            && x.code.get(..3) == Some(country)
            && x.code.get(3..6) == Some("MIL")
    })
}

/// "was arrested in India": the country a mention after `head` in its clause names, governed by
/// a preposition of `authority-place-prepositions.txt`.
fn locative_country<'m>(ctx: &'m SentenceContext<'_>, head: usize) -> Option<&'m str> {
    country_after(ctx, head, &AUTHORITY_PLACE_PREPOSITIONS)
        .or_else(|| country_after(ctx, head, &AUTHORITY_WRONGED_PREPOSITIONS))
}

/// The bare country of the first mention after `head` in its clause governed by a preposition
/// of `list`.
fn country_after<'m>(
    ctx: &'m SentenceContext<'_>,
    head: usize,
    list: &WordList,
) -> Option<&'m str> {
    let clause = &ctx.sentence.clauses[ctx.sentence.clause_of(head)].tokens;
    ctx.mentions
        .iter()
        .filter(|x| x.start > head && x.end <= clause.end)
        .find(|x| x.preposition.as_deref().is_some_and(|p| list.contains(p)))
        .map(|x| x.code.as_str())
        .filter(|c| is_country(c))
}

/// A bare country code ("IND"), not an agent, group or unknown actor.
pub(super) fn is_country(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// "was detained in Mumbai": the place whose country is the implied authority's when no
/// country is named, for an event whose source is the implied authority of the context
/// country; [`PlaceRole::At`](crate::resolve::locate::PlaceRole::At) finds it.
pub(super) fn takes_locative_place(rules: &[crate::model::SharedStr]) -> bool {
    rules.iter().any(|r| r == "implied-authority")
        && !rules.iter().any(|r| r == Rule::AuthorityPlace.as_str())
}

/// Gives `event`'s implied authority the country of place `m`, unless the place has none or is
/// already its country; returns whether it did.
pub(super) fn set_place_country(event: &mut Event, m: &PlaceMatch) -> bool {
    let country = m.cameo_country.as_str();
    let Some(source) = event
        .source
        .as_mut()
        .filter(|s| s.entry.starts_with(IMPLIED_ENTRY))
    else {
        return false;
    };
    if !is_country(country) || source.code.get(..3) == Some(country) {
        return false;
    }
    source.code.replace_range(..3, country);
    source.via = Some(format!("{} ({})", Rule::AuthorityPlace.as_str(), m.name));
    let target_via = event.target.as_ref().and_then(|t| t.via.clone());
    let target_via = target_via.unwrap_or_default();
    for old in ["context-country", "document-country", "home-country"] {
        event
            .rules
            .retain(|r| r != old || target_via.starts_with(old));
    }
    event.rules.push(Rule::AuthorityPlace.into());
    true
}

/// The legal action code a charge is coded with.
const LEGAL_ACTION: &str = "173";

/// The accusation code an unauthorised charge becomes.
const ACCUSE: &str = "112";

/// Agents with the authority to charge: the police and the judiciary (prosecutors, courts).
const CHARGING_AGENTS: [&str; 2] = ["COP", "JUD"];

/// Agents of armed forces, whose charging by a foreign government is an accusation.
const FORCE_AGENTS: [&str; 4] = ["MIL", "REB", "UAF", "INS"];

/// "Amnesty charged the army with executing prisoners", "the opposition charged the minister
/// with lying", "the United States charged Iraqi forces with atrocities": an active charge (173
/// on the verb "charge") whose source has no authority to lay it is the source's accusation
/// (112). The police and judiciary have it; a government has it except over another country's
/// armed forces.
pub(super) fn unauthorised_charges(
    ctx: &SentenceContext<'_>,
    events: &mut [super::speech::HeadedEvent],
) {
    let tokens = ctx.tokens();
    for e in events.iter_mut() {
        let charge = e.event.cameo == LEGAL_ACTION
            && tokens.get(e.head).is_some_and(|t| t.lemma == "charge")
            && !e.event.rules.iter().any(|r| r == Rule::Passive.as_str());
        if charge && !authorised(&e.event) {
            super::emit::recode(ctx, &mut e.event, ACCUSE, Rule::Accusation);
        }
    }
}

/// Whether the source of a charge may lay it on its target (see [`unauthorised_charges`]).
fn authorised(e: &Event) -> bool {
    let Some(source) = e.source.as_ref() else {
        return true;
    };
    let agent = |code: &str| code.get(3..6).unwrap_or("").to_string();
    let source_agent = agent(&source.code);
    if CHARGING_AGENTS.contains(&source_agent.as_str()) {
        return true;
    }
    // A country named alone ("Russia charged ...") speaks as its government.
    if !matches!(source_agent.as_str(), "GOV" | "") {
        return false;
    }
    e.target.as_ref().is_none_or(|t| {
        let foreign = t.code.get(..3) != source.code.get(..3);
        !(foreign && FORCE_AGENTS.contains(&agent(&t.code).as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_country_code_names_a_country() {
        for (code, want) in [
            ("IND", true),
            ("INDCOP", false),
            ("---", false),
            ("IG", false),
            ("ind", false),
        ] {
            assert_eq!(is_country(code), want, "{code}");
        }
    }

    #[test]
    fn only_the_implied_authority_takes_the_place() {
        let rules = |r: &[&str]| {
            r.iter()
                .map(|&r| r.into())
                .collect::<Vec<crate::model::SharedStr>>()
        };
        for (r, want) in [
            (rules(&["passive", "implied-authority"]), true),
            (
                rules(&["passive", "implied-authority", "authority-place"]),
                false,
            ),
            (rules(&["passive"]), false),
        ] {
            assert_eq!(takes_locative_place(&r), want, "{r:?}");
        }
    }
}
