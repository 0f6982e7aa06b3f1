//! Persons no dictionary knows: a name written as a subject ("Mr Hicks approached ...",
//! "Roy Whiting was sentenced ...", later "Whiting was given ...") that pronouns must not jump
//! past. After such a subject "he", "she", "his", "her" stand for that unknown person, whose
//! actor is unknown, so they code as no one rather than as an earlier known person.

use super::grammar::HONORIFICS;
use super::label::Code;
use crate::text::{Tag, Token};

/// The end of an unknown person's name starting at token `i` when it stands as a subject:
/// an honorific and a capitalised name ("Mr Hicks", "Dr Jane Smith"), two or more capitalised
/// names opening the sentence ("Roy Whiting"), or a name already seen as an unknown person
/// (`seen`: lower-case name words) — each not inside an actor mention (`covered`), not after a
/// preposition, and followed by a verb (after adverbs and modals) or by a comma.
pub(super) fn unknown_person_at(
    tokens: &[Token],
    i: usize,
    covered: impl Fn(usize) -> bool,
    seen: &[Code],
) -> Option<usize> {
    let capitalised = tokens[i].text.starts_with(char::is_uppercase);
    if !capitalised
        || covered(i)
        || (i > 0 && matches!(tokens[i - 1].tag, Tag::IN | Tag::TO | Tag::NNP))
    {
        return None;
    }
    let name_start = i + usize::from(HONORIFICS.contains(&tokens[i].lower));
    let run = tokens[name_start..]
        .iter()
        .take_while(|t| is_name(t))
        .count();
    // A name seen before may be tagged otherwise at a sentence's start ("Whiting was ...").
    let run = run.max(usize::from(seen_name(tokens.get(name_start), seen)));
    let end = name_start + run;
    if run == 0 || (name_start..end).any(&covered) {
        return None;
    }
    let titled = name_start > i;
    let opening = (i == 0 || is_opening(&tokens[i - 1])) && run >= 2;
    let known = || (name_start..end).any(|k| seen_name(tokens.get(k), seen));
    (titled || opening || known())
        .then_some(end)
        .filter(|&e| stands_as_subject(tokens, e))
}

/// A capitalised word of an unknown person's name seen earlier in the document.
fn seen_name(t: Option<&Token>, seen: &[Code]) -> bool {
    t.is_some_and(|t| t.text.starts_with(char::is_uppercase) && seen.contains(&t.lower))
}

/// A capitalised proper-noun token ("Whiting"), not an honorific.
fn is_name(t: &Token) -> bool {
    t.tag == Tag::NNP && t.text.starts_with(char::is_uppercase) && !HONORIFICS.contains(&t.lower)
}

/// A token after which a sentence's subject can open: a quote mark or a clause-joining comma.
fn is_opening(t: &Token) -> bool {
    matches!(t.text.as_str(), "\"" | "'" | "``" | "“" | "‘")
}

/// A verb follows at `k` (after adverbs and modals), or a comma opening an apposition.
fn stands_as_subject(tokens: &[Token], k: usize) -> bool {
    tokens[k..]
        .iter()
        .find(|t| !matches!(t.tag, Tag::MD | Tag::RB))
        .is_some_and(|t| t.tag.is_verb() || t.text == ",")
}
