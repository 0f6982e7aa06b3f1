//! Acronyms of bodies (docs/coding.md, "Acronyms"; cases in `tests/cases/actors.tsv`):
//! an acronym defined in parentheses after a body's name becomes the body's alias for the rest
//! of the document — the name a dictionary phrase ("the Afghan National Army (ANA)"), a named
//! role noun ("The Transport Workers Union (TWU)") or a role noun whose name runs on through
//! "of" ("The Department of Foreign Affairs and Trade (DFAT)"); and an undefined acronym ending
//! in "U" ("the AMWU") in a story that has named a labour actor is a union (`LAB`) of the
//! country convention's country.

use super::actor_forms::TitledContext;
use super::mentions::{DocumentMemory, Mention, MentionKind};
use crate::text::Token;

/// The entry recorded for an undefined union acronym (`explain`, the event's `entry`).
const UNION_ENTRY: &str = "union-acronym";

/// Most words between a role noun and the parenthesised acronym of its name ("of Foreign
/// Affairs and Trade").
const MAX_NAME_TAIL: usize = 8;

/// Small words that a body's name runs on through.
const JOINERS: [&str; 4] = ["of", "for", "and", "the"];

fn capitalized(t: &Token) -> bool {
    t.text.starts_with(char::is_uppercase)
}

/// Two to six capital letters ("FSA", "DFAT").
fn is_acronym(t: &Token) -> bool {
    (2..=6).contains(&t.text.len()) && t.text.chars().all(|c| c.is_ascii_uppercase())
}

/// "the Afghan National Army (ANA)": an acronym in parentheses right after a mention that
/// covers the whole name, or after a role noun whose capitalised name runs on ("Department of
/// Foreign Affairs and Trade"), becomes an alias for the rest of the document; `kind`: the
/// mentions to look at (dictionary phrases are found before role nouns).
pub(super) fn learn_acronyms(
    tokens: &[Token],
    mentions: &[Mention],
    kind: MentionKind,
    memory: &mut DocumentMemory,
) {
    for m in mentions.iter().filter(|m| m.kind == kind) {
        let open = match m.kind {
            MentionKind::Dictionary => Some(m.end),
            MentionKind::RoleNoun => named_role_end(tokens, m),
            _ => None,
        };
        let Some(open) = open else { continue };
        let (Some(o), Some(word), Some(close)) =
            (tokens.get(open), tokens.get(open + 1), tokens.get(open + 2))
        else {
            continue;
        };
        let whole = !name_continues_before(tokens, mentions, m.start);
        if o.text == "(" && close.text == ")" && is_acronym(word) && whole {
            memory.learn_alias(word, &m.code, &m.entry, m.person);
        }
    }
}

/// Where the name of a capitalised role noun ends: right after it, or after the capitalised
/// words and joiners that continue it ("of Foreign Affairs and Trade"), ending in a capital.
fn named_role_end(tokens: &[Token], m: &Mention) -> Option<usize> {
    if !tokens[m.start..m.end].iter().all(capitalized) {
        return None;
    }
    let mut end = m.end;
    for (k, t) in tokens.iter().enumerate().skip(m.end).take(MAX_NAME_TAIL) {
        if capitalized(t) {
            end = k + 1;
        } else if !JOINERS.contains(&t.lower.as_str()) {
            break;
        }
    }
    Some(end)
}

/// A capitalized name goes on before `start`, possibly across "of", "for", "and", "the"
/// ("Democratic Front for Sudan") — unless the capitalised word ends another actor's mention
/// ("Bill Shorten of the Australian Workers Union").
pub(super) fn name_continues_before(tokens: &[Token], mentions: &[Mention], start: usize) -> bool {
    let mut k = start;
    while k > 0 && JOINERS.contains(&tokens[k - 1].lower.as_str()) {
        k -= 1;
    }
    let other_actor = mentions.iter().any(|o| o.end == k && o.start < k);
    k > 0 && k < start && capitalized(&tokens[k - 1]) && !other_actor
        || k == start && k > 0 && super::actor_forms::is_name_token(&tokens[k - 1])
}

/// "the AWU and AMWU are still talking": in a story that has named a labour actor (`labour`),
/// an acronym of three to six capitals ending in "U" that no dictionary or earlier definition
/// knows is a union, `LAB` of the country convention's country; one in parentheses right after
/// a name is that name's definition, no actor of its own.
pub(super) fn union_acronym_mentions(
    tokens: &[Token],
    cx: &TitledContext<'_>,
    labour: bool,
    mentions: &mut Vec<Mention>,
) {
    let labour = labour || mentions.iter().any(|m| m.code.ends_with("LAB"));
    if !labour {
        return;
    }
    for (i, t) in tokens.iter().enumerate() {
        // "(AWU)" after a name defines the name's acronym: no actor of its own.
        let defined =
            i > 0 && tokens[i - 1].text == "(" && tokens.get(i + 1).is_some_and(|t| t.text == ")");
        let union = t.text.len() >= 3 && is_acronym(t) && t.text.ends_with('U') && !defined;
        let taken = mentions.iter().any(|m| m.start <= i && i < m.end)
            || cx.places.iter().any(|p| p.start <= i && i < p.end);
        if union && !taken {
            mentions.push(cx.role_mention(i, i + 1, "LAB", UNION_ENTRY));
        }
    }
}
