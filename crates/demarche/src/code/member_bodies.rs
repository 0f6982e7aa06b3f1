//! Bodies of members named by "of" (docs/coding.md, "Bodies of members"; cases in
//! `tests/cases/actors16.tsv`): a body's class noun of `member-body-nouns.txt` ("council",
//! "association", "federation"), then "of" and the members ("the Council of Churches", "the
//! Kenya Association of Journalists", "the National Federation of Farmers"), is a body of that
//! trade: the members' agent (`trade-body-agents.txt`: `REL`, `MED`, `AGR`, ...) takes the place
//! of the class noun's own (`GOV`, `NGO`), as "the Tanzania Farmers Association" is `TZAAGR`.

use super::actor_forms::AgentMatch;
use super::grammar::{MEMBER_BODY_NOUNS, TRADE_BODY_AGENTS};
use super::label;
use super::mentions::{Mention, MentionKind};
use crate::text::Token;

/// Most capitalised modifiers between "of" and the members ("of Catholic Bishops").
const MAX_MODIFIERS: usize = 2;

/// Gives each body mention followed by "of" and a trade's members the members' agent; the
/// mention grows over them, and mentions inside the grown span are dropped.
pub(super) fn member_body_mentions(
    tokens: &[Token],
    agents: &[AgentMatch<'_>],
    used: &mut [bool],
    mentions: &mut Vec<Mention>,
) {
    let mut grown = Vec::new();
    for m in mentions.iter_mut() {
        let body = matches!(m.kind, MentionKind::Dictionary | MentionKind::RoleNoun)
            && m.code.len() == 6
            && MEMBER_BODY_NOUNS.contains(&tokens[m.end - 1].lower)
            && tokens[m.end - 1].text.starts_with(char::is_uppercase)
            && tokens.get(m.end).is_some_and(|t| t.lower == "of");
        let Some(k) = body
            .then(|| members_after(tokens, agents, m.end + 1))
            .flatten()
        else {
            continue;
        };
        let (am, agent) = &agents[k];
        used[k] = true;
        m.code = label::code_with(&m.code[..3], &agent.code);
        m.entry = label::entry_with(&m.entry, &agent.entry);
        m.end = am.end;
        grown.push((m.start, m.end));
    }
    mentions.retain(|o| {
        !grown
            .iter()
            .any(|&(s, e)| o.start >= s && o.end <= e && (o.start, o.end) != (s, e))
    });
}

/// The trade agent that the members after "of" at `i` are: up to [`MAX_MODIFIERS`]
/// capitalised words, then an agent of `trade-body-agents.txt` in the plural, capitalised.
fn members_after(tokens: &[Token], agents: &[AgentMatch<'_>], i: usize) -> Option<usize> {
    let skip = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.text.starts_with(char::is_uppercase))
    };
    (0..=MAX_MODIFIERS)
        .take_while(|&d| d == 0 || skip(i + d - 1))
        .find_map(|d| {
            agents.iter().position(|(am, a)| {
                am.start == i + d
                    && TRADE_BODY_AGENTS.contains(&a.code)
                    && tokens[am.end - 1].lower.ends_with('s')
                    && tokens[am.start].text.starts_with(char::is_uppercase)
            })
        })
}
