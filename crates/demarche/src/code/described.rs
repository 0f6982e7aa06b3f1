//! A person introduced by a description, then named: "An Iraqi doctor, being held at Villawood,
//! claims ... . Dr Aamer Sultan had been awarded ..." — news describes a person no dictionary
//! knows in its lead and names them in the next sentence. When a sentence's subject is one
//! person described by an indefinite noun phrase with an actor ("an Iraqi doctor" `IRQHLH`,
//! "a Sydney man" `AUSCVL`) and the next sentence opens with a name nobody knows as its subject,
//! the name is that person: it takes the description's code and is learned for the rest of the
//! document ("Dr Sultan says ...").

use super::grammar::{HONORIFICS, STATE_SIDE_AGENTS};
use super::label::{self, Code, Shared};
use super::mentions::{name_run, DocumentMemory, Mention, MentionKind};
use crate::text::{Tag, Token};

/// Most words of the name ("Mary Jane van Dyke").
const MAX_NAME: usize = 4;

/// A described person: the description's code and entry, and the sentence it was the subject
/// of.
#[derive(Clone, Debug)]
pub(super) struct Described {
    code: Code,
    entry: Shared,
    sentence: usize,
}

/// Remembers the sentence's subject `subject` (its first actor before any verb) when it is one
/// person described by an indefinite noun phrase: "a"/"an" before it, a lower-case singular
/// noun as its head, a code with an agent, found in the dictionaries or as a role noun (not a
/// name learned earlier or a pronoun).
pub(super) fn remember_description(
    tokens: &[Token],
    subject: Option<&Mention>,
    sentence: usize,
) -> Option<Described> {
    let described = |m: &&Mention| {
        matches!(m.kind, MentionKind::Dictionary | MentionKind::RoleNoun) && m.code.len() > 3
    };
    let m = subject.filter(described)?;
    let indefinite = (m.start > 0 && matches!(tokens[m.start - 1].lower.as_str(), "a" | "an"))
        || matches!(tokens[m.start].lower.as_str(), "a" | "an");
    let head = &tokens[m.end - 1];
    let one = head.tag == Tag::NN && !head.text.starts_with(char::is_uppercase);
    (indefinite && one).then(|| Described {
        code: m.code.clone(),
        entry: m.entry.clone(),
        sentence,
    })
}

/// A dictionary actor describing one private individual by nationality: "a"/"an", then a
/// country with an agent outside the state's side (`state-side-agents.txt`) on a lower-case
/// singular noun ("an Iraqi doctor" `IRQHLH`, "a Saudi-born militant" `SAUREB`; not "Iraqi
/// doctors", "six Swiss tour company staff", "an Iraqi official", "the Iraqi army"). Its
/// country is the person's, not the story's: it counts toward the document's context country
/// only when nothing else gives one.
pub(super) fn is_described_individual(tokens: &[Token], m: &Mention) -> bool {
    let Some(head) = m.end.checked_sub(1).and_then(|i| tokens.get(i)) else {
        return false;
    };
    // The tests of the mention itself first, the word look-ups only when they pass.
    let article = |t: &Token| matches!(t.lower.as_str(), "a" | "an");
    let indefinite =
        || article(&tokens[m.start]) || m.start.checked_sub(1).is_some_and(|i| article(&tokens[i]));
    let private = || {
        m.code
            .get(3..6)
            .is_some_and(|a| !STATE_SIDE_AGENTS.contains(a))
    };
    m.kind == MentionKind::Dictionary
        && m.end > m.start + 1
        && head.tag == Tag::NN
        && !head.text.starts_with(char::is_uppercase)
        && indefinite()
        && private()
}

/// Names the person described in the previous sentence: a name nobody knows opening this
/// sentence as its subject (an honorific and one or more capitalised words, or two to
/// [`MAX_NAME`] of them, then a verb or a comma) becomes a mention with the description's code,
/// learned for the rest of the document.
pub(super) fn name_described(
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    memory: &mut DocumentMemory,
    sentence: usize,
) {
    let Some(d) = memory
        .described
        .take()
        .filter(|d| d.sentence + 1 == sentence)
    else {
        return;
    };
    let Some(end) = opening_name(tokens, mentions) else {
        return;
    };
    memory.learn(&tokens[..end], &d.code, &d.entry);
    let name = label::words(tokens[..end].iter().map(|t| t.text.as_str()));
    mentions.push(Mention {
        start: 0,
        end,
        code: d.code,
        entry: d.entry,
        person: true,
        kind: MentionKind::LearnedName,
        preposition: None,
        antecedent: Some(name),
        agent: None,
        country_from: None,
    });
    mentions.sort_by_key(|m| m.start);
}

/// The end of the unknown name opening the sentence as its subject, if there is one.
fn opening_name(tokens: &[Token], mentions: &[Mention]) -> Option<usize> {
    let honorific = usize::from(
        tokens
            .first()
            .is_some_and(|t| HONORIFICS.contains(&t.lower)),
    );
    let end = name_run(tokens, honorific);
    let words = end - honorific;
    let sized = (2 - honorific..=MAX_NAME).contains(&words);
    let free = !mentions.iter().any(|m| m.start < end);
    let next = tokens[end..]
        .iter()
        .find(|t| !matches!(t.tag, Tag::MD | Tag::RB));
    let subject = next.is_some_and(|t| t.tag.is_verb() || t.text == ",");
    (sized && free && subject).then_some(end)
}
