//! Bodies no dictionary knows, named by the person who speaks for them: a capitalised name with
//! a possessive before a person's name ("Westpac's David Lording says", "Acme's chief economist
//! Jane Roe said") is an organisation, and news names its unlisted organisations this way
//! mostly when they are companies. CAMEO codes an unknown company as business (`BUS`) of the
//! document's country, so the name becomes a `BUS` mention of the country convention's country
//! (context, else dominant or home, else `---`); `role_links` then gives the person its code
//! (docs/coding.md, "Roles linked to a name").

use super::actor_forms::TitledContext;
use super::grammar::{HONORIFICS, RELATION_NOUNS};
use super::mentions::{name_run, Mention};
use super::names::NameIndex;
use crate::text::{Tag, Token};

/// The entry recorded for such a mention (`explain`, the event's `entry`).
const ENTRY: &str = "unknown-body";

/// Most words of the body's name ("Adventure World Tours").
const MAX_BODY: usize = 3;

/// Most words of a person's name after the possessive ("Mary Jane van Dyke").
const MAX_NAME: usize = 4;

/// Most words of a member title between the possessive and the name ("chief executive").
const MAX_TITLE: usize = 3;

/// Adds a `BUS` mention for each unknown body whose possessive introduces a person's name.
pub(super) fn possessive_body_mentions(
    tokens: &[Token],
    names: &NameIndex,
    cx: &TitledContext<'_>,
    mentions: &mut Vec<Mention>,
) {
    for pos in (1..tokens.len()).filter(|&i| tokens[i].tag == Tag::POS) {
        // The person's name after the possessive first: it is the rarest part, and the body's
        // test looks up places.
        if !person_after(tokens, pos + 1) {
            continue;
        }
        let Some(start) = body_before(tokens, names, pos) else {
            continue;
        };
        let taken = |s: usize, e: usize| s < pos && e > start;
        let free = !mentions.iter().any(|m| taken(m.start, m.end))
            && !cx.places.iter().any(|p| taken(p.start, p.end));
        if !free {
            continue;
        }
        mentions.push(cx.role_mention(start, pos, "BUS", ENTRY));
    }
}

/// Where the body's name before the possessive at `pos` starts: one to [`MAX_BODY`]
/// capitalised words, opening the sentence or after a determiner or punctuation, that are no
/// honorific, no acronym (an acronym may be any body: "ASIC", "the CFMEU") and no known place.
fn body_before(tokens: &[Token], names: &NameIndex, pos: usize) -> Option<usize> {
    let start = (pos.saturating_sub(MAX_BODY)..pos).find(|&i| name_run(tokens, i) == pos)?;
    let opens = start == 0
        || tokens[start - 1].tag == Tag::DT
        || !tokens[start - 1].text.starts_with(char::is_alphanumeric);
    let words = &tokens[start..pos];
    let acronym = words
        .iter()
        .any(|t| t.text.len() > 1 && t.text.chars().all(|c| c.is_ascii_uppercase() || c == '.'));
    let honorific = || words.iter().any(|t| HONORIFICS.contains(&t.lower));
    let place = || {
        let lower: Vec<&str> = words.iter().map(|t| t.lower.as_str()).collect();
        names.is_known_place(&lower)
    };
    (opens && !acronym && !honorific() && !place()).then_some(start)
}

/// Whether a person's name stands at `i`: a member title of up to [`MAX_TITLE`] lower-case
/// words ending in a member noun (`relation-nouns.txt`) and a comma (both optional), then two
/// to [`MAX_NAME`] capitalised words followed by a verb (past adverbs and modals) or a comma.
fn person_after(tokens: &[Token], i: usize) -> bool {
    let title = (1..=MAX_TITLE)
        .rev()
        .find(|&n| {
            tokens.get(i..i + n).is_some_and(|words| {
                words.iter().all(|t| t.text.chars().all(char::is_lowercase))
                    && words
                        .last()
                        .is_some_and(|t| RELATION_NOUNS.contains(&t.lower))
            })
        })
        .unwrap_or(0);
    let i = i + title;
    let i = i + usize::from(title > 0 && tokens.get(i).is_some_and(|t| t.text == ","));
    if tokens.get(i).is_none_or(|t| HONORIFICS.contains(&t.lower)) {
        return false;
    }
    let end = name_run(tokens, i);
    if !(2..=MAX_NAME).contains(&(end - i)) {
        return false;
    }
    tokens[end..]
        .iter()
        .find(|t| !matches!(t.tag, Tag::MD | Tag::RB))
        .is_none_or(|t| t.tag.is_verb() || t.text == ",")
}

/// "the union's Geoff Derrick says", "the company's chief executive, Jane Roe, said": a
/// possessive at `k` before a person's name ([`person_after`]) — the noun before it is the
/// body the person speaks for, not a modifier.
pub(super) fn owns_person(tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| t.tag == Tag::POS) && person_after(tokens, k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::bundled_tokens;

    #[test]
    fn a_person_follows_with_or_without_a_title() {
        let tokens = bundled_tokens("Westpac's chief economist Bill Evans says rates will rise");
        assert!(person_after(&tokens, 2));
        let tokens = bundled_tokens("Westpac's Bill Evans says rates will rise");
        assert!(person_after(&tokens, 2));
        let tokens = bundled_tokens("Westpac's Boeing jets were late");
        assert!(!person_after(&tokens, 2));
    }
}
