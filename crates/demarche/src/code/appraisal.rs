//! Appraised acts: an appraisal or response whose object names an earlier act by its noun —
//! "France welcomed the announcement", "the unions rejected the offer", "criticised the
//! decision" — is aimed at that act's source: the latest act of the same sentence or the two
//! before it with a code the noun can name (`dictionaries/grammar/appraised-nouns.txt`), done
//! by another side. Objects that name no act ("welcomed the visitors"), acts of its own side
//! and nouns with an owner or a following "of"/"by" phrase ("the decision of the court" has
//! its own words for the target) get nothing.

use super::grammar::{APPRAISAL_CODES, APPRAISED_NOUNS};
use super::reply::Acts;
use crate::model::{Actor, Event};
use crate::text::{Tag, Token};

/// Determiners before an appraised noun that point back at an act ("the", "this", "that").
const POINTING: &[&str] = &["the", "this", "that", "these", "those"];

/// Gives each targetless appraisal among `events` (one sentence's, each with the token after
/// its pattern's first word) the source of the act its object noun names, returning a note for each one it
/// set.
pub(super) fn aim(
    acts: &Acts,
    tokens: &[Token],
    events: &mut [(usize, &mut Event)],
) -> Vec<String> {
    let mut notes = Vec::new();
    for k in 0..events.len() {
        let (before, rest) = events.split_at_mut(k);
        let (end, e) = &mut rest[0];
        let e = &mut **e;
        let appraisal = APPRAISAL_CODES
            .words()
            .iter()
            .any(|p| e.cameo.starts_with(p));
        if e.target.is_some() || !appraisal {
            continue;
        }
        let Some(source) = e.source.as_ref().map(|s| s.code.clone()) else {
            continue;
        };
        let Some(prefixes) = named_act(tokens, *end) else {
            continue;
        };
        // Events of the same verb (a compound source's) are the appraisal itself.
        let here = (before.iter().rev())
            .filter(|(at, _)| at != end)
            .filter_map(|(_, x)| Some((x.cameo.as_str(), x.source.as_ref()?)));
        let found = here.chain(acts.recent(e.sentence)).find(|(code, s)| {
            prefixes.iter().any(|p| code.starts_with(p))
                && !super::reply::same_side(&s.code, &source)
        });
        if let Some((code, s)) = found {
            notes.push(format!(
                "'{}' appraises the {code} of '{}': target {}",
                e.cameo, s.text, s.code
            ));
            let (text, span) = (e.evidence.text.clone(), e.evidence.span);
            let via = format!("appraised ({code}: {})", s.text);
            let target = Actor::new(&s.code, text, span, &s.entry).with_via(via);
            e.target = Some(target);
            e.rules.push(super::decision::Rule::Appraised.into());
        }
    }
    notes
}

/// The code prefixes of the act named by the object at token `j` (right after the
/// appraisal's verb, or after its "to"): a pointing determiner, at most one modifier, then a noun of
/// `appraised-nouns.txt` (singular or plural) not followed by "of", "by" or another noun.
fn named_act(tokens: &[Token], mut j: usize) -> Option<Vec<&'static str>> {
    if matches!(tokens.get(j), Some(t) if t.lower == "to") {
        j += 1; // "responded to the move"
    }
    if !POINTING.contains(&tokens.get(j)?.lower.as_str()) {
        return None;
    }
    j += 1;
    let modifier = |t: &Token| matches!(t.tag, Tag::JJ | Tag::VBN) || t.tag == Tag::NN;
    let noun_at = |k: usize| tokens.get(k).and_then(|t| prefixes_of(&t.lower));
    let (k, prefixes) = match noun_at(j) {
        Some(p) => (j, p),
        None if tokens.get(j).is_some_and(modifier) => (j + 1, noun_at(j + 1)?),
        None => return None,
    };
    let after = tokens.get(k + 1);
    let owned = after.is_some_and(|t| matches!(t.lower.as_str(), "of" | "by") || t.tag.is_noun());
    (!owned).then_some(prefixes)
}

/// The code prefixes `appraised-nouns.txt` gives `noun` or its singular.
fn prefixes_of(noun: &str) -> Option<Vec<&'static str>> {
    let singular = noun.strip_suffix('s').unwrap_or(noun);
    APPRAISED_NOUNS.words().iter().find_map(|line| {
        let mut fields = line.split_whitespace();
        let word = fields.next()?;
        (word == noun || word == singular).then(|| fields.collect())
    })
}
