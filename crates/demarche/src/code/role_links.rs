//! Roles a document gives to persons no dictionary knows, by the construction that names them:
//! a body's possessive before a name ("Westpac's David Lording", "the union's Geoff Derrick":
//! the body's code), a title set off before a name ("The Immigration Minister, Philip Ruddock,
//! said": the title's code), an election or appointment ("Sir Allan Kemakeza ... was elected
//! Prime Minister": the office's code) and a body's member title next to a name ("Qantas chief
//! executive Geoff Dixon", "Qantas's chief executive, Geoff Dixon,", "Geoff Dixon, the chief
//! executive of Qantas,", "Garth Tolley, a Qantas spokesman,": the body's code). The name is
//! learned for the rest of the document, so "Mr Lording" and "Sir Allan" code as that actor
//! later (docs/coding.md, "Roles linked to a name").

use super::grammar::{HONORIFICS, ORGANISATION_PREPOSITIONS, RELATION_NOUNS, ROLE_LINK_VERBS};
use super::mentions::{is_collective_agent, name_run, DocumentMemory, Mention, MentionKind};
use crate::text::{Tag, Token};

/// Most words of a linked name ("Mary Jane van Dyke").
const MAX_NAME: usize = 4;

/// Most words of a member title between a body and a name ("Qantas *chief executive* X").
const MAX_TITLE: usize = 3;

/// Links the sentence's unknown names to the roles its constructions give them: possessive
/// bodies and set-off titles grow to cover the name (which becomes a person's mention), and
/// every linked name is learned.
pub(super) fn link_roles(tokens: &[Token], mentions: &mut [Mention], memory: &mut DocumentMemory) {
    let elected = elected_name(tokens, mentions);
    for k in 0..mentions.len() {
        if let Some((start, end)) = possessive_name(tokens, mentions, k)
            .or_else(|| set_off_name(tokens, mentions, k))
            .or_else(|| body_title_name(tokens, mentions, k))
        {
            let m = &mut mentions[k];
            memory.learn(&tokens[start..end], &m.code, &m.entry);
            m.end = end;
            m.person = true;
        } else if let Some((start, comma, end)) = name_then_member(tokens, mentions, k)
            .filter(|&(start, ..)| elected.is_none_or(|(s, ..)| s != start))
        {
            let m = &mut mentions[k];
            memory.learn(&tokens[start..comma], &m.code, &m.entry);
            (m.start, m.end) = (start, m.end.max(end));
            m.preposition = None;
            m.person = true;
        } else if let Some(start) = name_of_body(tokens, mentions, k) {
            let m = &mut mentions[k];
            let end = name_run(tokens, start);
            memory.learn(&tokens[start..end], &m.code, &m.entry);
            m.start = start;
            m.preposition = None;
            m.person = true;
        }
    }
    // An election's office overrides the apposition's ("Sir Allan Kemakeza, the leader of the
    // party, was elected Prime Minister").
    if let Some((start, end, k)) = elected {
        let (code, entry) = (mentions[k].code.clone(), mentions[k].entry.clone());
        memory.learn(&tokens[start..end], &code, &entry);
    }
}

/// "Westpac's David Lording says", "the CFMEU's (CFMEU) John Sutton": a body (no person, any
/// code) with a possessive, an optional parenthesised acronym, then a name that stands as a
/// subject or apposition. Returns the name's tokens.
fn possessive_name(tokens: &[Token], mentions: &[Mention], k: usize) -> Option<(usize, usize)> {
    let m = &mentions[k];
    if m.person || tokens.get(m.end)?.tag != Tag::POS {
        return None;
    }
    let start = skip_parenthesis(tokens, m.end + 1);
    let end = linked_name(tokens, mentions, start)?;
    Some((start, end))
}

/// "Doug Cameron from the Australian Manufacturing Workers Union says", "Ahmed Yusuf of Hamas
/// said": an unknown name, "of"/"from" (and "the"), then a body (an actor with an agent, no
/// person) that closes with a comma or a verb. Returns where the name starts.
fn name_of_body(tokens: &[Token], mentions: &[Mention], k: usize) -> Option<usize> {
    let m = &mentions[k];
    if m.person || m.code.len() <= 3 || m.start < 3 {
        return None;
    }
    let mut of = m.start - 1;
    if tokens[of].lower == "the" {
        of -= 1;
    }
    if !matches!(tokens[of].lower.as_str(), "of" | "from") {
        return None;
    }
    let start = (of.saturating_sub(MAX_NAME)..of).find(|&i| name_run(tokens, i) == of)?;
    let opens = start == 0 || matches!(tokens[start - 1].text.as_str(), "," | "\"" | "\u{201c}");
    let closes = linked_name_end_ok(tokens, m.end);
    (opens && closes && of - start >= 2 && !covered(mentions, start, of)).then_some(start)
}

/// Whether what follows `end` (past adverbs and modals) is a verb, a comma or nothing.
fn linked_name_end_ok(tokens: &[Token], end: usize) -> bool {
    tokens[end..]
        .iter()
        .find(|t| !matches!(t.tag, Tag::MD | Tag::RB))
        .is_none_or(|t| t.tag.is_verb() || t.text == ",")
}

/// "The Immigration Minister, Philip Ruddock, has written": a title (an actor with an agent
/// that names one person, not a body) then a comma and a name that closes with a comma or a
/// verb. Returns the name's tokens.
fn set_off_name(tokens: &[Token], mentions: &[Mention], k: usize) -> Option<(usize, usize)> {
    let m = &mentions[k];
    // The comma first: it is the cheapest test and most mentions fail it.
    if tokens.get(m.end)?.text != "," || m.code.len() <= 3 {
        return None;
    }
    // A member's title ends with its member noun ("the chief executive of Qantas"); a title's
    // last word is its head (tokens hold no spaces).
    let title_end = member_noun_at(tokens, m).map_or(m.end, |i| i + 1);
    if !(titled(m) || title_end < m.end) {
        return None;
    }
    let head = tokens[m.start..title_end]
        .last()
        .map_or("", |t| t.text.as_str());
    if is_collective_agent(head) {
        return None;
    }
    let end = linked_name(tokens, mentions, m.end + 1)?;
    Some((m.end + 1, end))
}

/// "Qantas chief executive Geoff Dixon has expressed", "Qantas's chief executive, Geoff Dixon,
/// said": a body (no person, any code), a possessive (optional), a member title of one to
/// [`MAX_TITLE`] words ending in a member noun (`relation-nouns.txt`), a comma (optional), then
/// a name that stands as a subject or apposition. Returns the name's tokens.
fn body_title_name(tokens: &[Token], mentions: &[Mention], k: usize) -> Option<(usize, usize)> {
    let m = &mentions[k];
    if m.person || m.code.len() <= 3 {
        return None;
    }
    let first = m.end + usize::from(tokens.get(m.end)?.tag == Tag::POS);
    (1..=MAX_TITLE).rev().find_map(|n| {
        let title = tokens.get(first..first + n)?;
        let plain = title
            .iter()
            .all(|t| t.text.chars().all(char::is_alphabetic));
        if !plain || !title.last().is_some_and(is_member_noun) {
            return None;
        }
        let start = first + n + usize::from(tokens.get(first + n)?.text == ",");
        let end = linked_name(tokens, mentions, start)?;
        Some((start, end))
    })
}

/// "Geoff Dixon, the chief executive of Qantas, said", "Garth Tolley, a Qantas spokesman,
/// said": a name of two to [`MAX_NAME`] capitalised words (or an honorific and a name) opening
/// the sentence or a quotation, a comma and a determiner (optional), then the body's mention
/// with a member title — grown over it ("the chief executive of Qantas") or after it ("Qantas
/// spokesman") — that closes with a comma or a verb. Returns where the name starts and where
/// the comma after it, and where the title ends.
fn name_then_member(
    tokens: &[Token],
    mentions: &[Mention],
    k: usize,
) -> Option<(usize, usize, usize)> {
    let m = &mentions[k];
    if m.person || m.code.len() <= 3 || m.start < 3 {
        return None;
    }
    let comma = m
        .start
        .checked_sub(1 + usize::from(tokens[m.start - 1].tag == Tag::DT))?;
    if comma == 0 || tokens[comma].text != "," {
        return None;
    }
    let start = (comma.saturating_sub(MAX_NAME)..comma).find(|&i| name_run(tokens, i) == comma)?;
    let honorific = start > 0 && HONORIFICS.contains(&tokens[start - 1].lower);
    let start = start - usize::from(honorific);
    let opens = start == 0 || matches!(tokens[start - 1].text.as_str(), "," | "\"" | "\u{201c}");
    let named = comma - start >= 2;
    let titles = tokens[m.end..]
        .iter()
        .take(MAX_TITLE)
        .take_while(|t| is_member_noun(t))
        .count();
    let end = m.end + titles;
    let member = member_noun_at(tokens, m).is_some() || titles > 0;
    let closes = tokens.get(end).is_some_and(|t| t.text == ",") || linked_name_end_ok(tokens, end);
    let free = !covered(mentions, start, comma);
    (opens && named && member && closes && free).then_some((start, comma, end))
}

/// A member noun of a title ("executive", "spokesman", "secretary"): `relation-nouns.txt`.
fn is_member_noun(t: &Token) -> bool {
    RELATION_NOUNS.contains(&t.lower)
}

/// Where the member noun is when the mention names a member of a body: a member noun before
/// "of/for/at" and the body ("the chief *executive* of Qantas", "a *spokesman* for the union").
fn member_noun_at(tokens: &[Token], m: &Mention) -> Option<usize> {
    (m.start..m.end.saturating_sub(1)).find(|&i| {
        is_member_noun(&tokens[i]) && ORGANISATION_PREPOSITIONS.contains(&tokens[i + 1].lower)
    })
}

/// "Sir Allan Kemakeza, the leader of the party, was elected Prime Minister", "Ms Smith became
/// foreign minister": the name opening the sentence, a form of "be" (or none) and an election
/// verb (`role-link-verbs.txt`), "as" and "the" optional, then a title. Returns the name's
/// tokens and the title's mention.
fn elected_name(tokens: &[Token], mentions: &[Mention]) -> Option<(usize, usize, usize)> {
    let start = tokens
        .iter()
        .take_while(|t| HONORIFICS.contains(&t.lower))
        .count();
    let end = name_run(tokens, start);
    if end == start || end - start > MAX_NAME || covered(mentions, start, end) {
        return None;
    }
    let k = (0..mentions.len()).find(|&k| office_after_verb(tokens, mentions, k, end))?;
    Some((start, end, k))
}

/// Whether mention `k` is an office (an actor with an agent, not a known person) after an
/// election verb that follows the subject ending at `end`: "be" forms and adverbs between
/// them, or an apposition closed by a comma ("Sir Allan Kemakeza, the party's leader, was
/// elected").
fn office_after_verb(tokens: &[Token], mentions: &[Mention], k: usize, end: usize) -> bool {
    let m = &mentions[k];
    let known_person = m.person && m.kind == MentionKind::Dictionary && !titled(m);
    if m.start <= end || m.code.len() <= 3 || known_person {
        return false;
    }
    // Back over capitalised words of the title outside the mention ("Prime" of "Prime
    // Minister" when only "Minister" is a learned name), then "as", "the", "in".
    let mut v = m.start;
    while v > end + 1 && tokens[v - 1].tag == Tag::NNP {
        v -= 1;
    }
    while v > end + 1 && matches!(tokens[v - 1].lower.as_str(), "as" | "the" | "a" | "in") {
        v -= 1;
    }
    if v <= end || !ROLE_LINK_VERBS.contains(&tokens[v - 1].lower) {
        return false;
    }
    let before = &tokens[end..v - 1];
    let after_comma = before
        .iter()
        .rposition(|t| t.text == ",")
        .map_or(0, |c| c + 1);
    let linking = before[after_comma..]
        .iter()
        .all(|t| t.tag == Tag::RB || crate::text::tag::auxiliary_of(&t.lower).is_some());
    let apposition = after_comma == 0 || before.first().is_some_and(|t| t.text == ",");
    linking && apposition
}

/// A name of 2 to [`MAX_NAME`] capitalised words at `i`, in no mention, followed by a comma,
/// a verb (after adverbs and modals) or the end of the sentence: its end.
fn linked_name(tokens: &[Token], mentions: &[Mention], i: usize) -> Option<usize> {
    if tokens.get(i).is_none_or(|t| HONORIFICS.contains(&t.lower)) {
        return None;
    }
    let end = name_run(tokens, i);
    if end < i + 2 || end - i > MAX_NAME || covered(mentions, i, end) {
        return None;
    }
    let next = tokens[end..]
        .iter()
        .find(|t| !matches!(t.tag, Tag::MD | Tag::RB));
    next.is_none_or(|t| t.tag.is_verb() || t.text == ",")
        .then_some(end)
}

/// Past a parenthesised acronym of up to three tokens at `i` ("(CFMEU)").
fn skip_parenthesis(tokens: &[Token], i: usize) -> usize {
    if tokens.get(i).is_some_and(|t| t.text == "(") {
        if let Some(close) = tokens[i..].iter().take(5).position(|t| t.text == ")") {
            return i + close + 1;
        }
    }
    i
}

/// Whether the mention's code comes with an agent noun ("Australian Agriculture Minister",
/// "Immigration Minister"), not from a person's own entry ("Tony Blair").
fn titled(m: &Mention) -> bool {
    m.entry.split('+').any(|e| e.starts_with("agents.txt"))
}

/// Whether a mention covers a token of `start..end`.
fn covered(mentions: &[Mention], start: usize, end: usize) -> bool {
    mentions.iter().any(|m| m.start < end && m.end > start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::bundled_tokens;

    #[test]
    fn skips_a_parenthesised_acronym_only() {
        let tokens = bundled_tokens("the union's (CFMEU) John Sutton said");
        let at = |w: &str| tokens.iter().position(|t| t.text == w).unwrap();
        assert_eq!(skip_parenthesis(&tokens, at("(")), at("John"));
        assert_eq!(skip_parenthesis(&tokens, at("John")), at("John"));
    }
}
