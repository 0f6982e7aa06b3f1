//! Which `context` dictionary entries apply in a sentence: short or shared forms of a name
//! ("Labor", "Democrats", "the Tories") code only written capitalized and where their country
//! is in scope — the document's context country, the country of another actor of the
//! sentence, or an earlier mention of the same code ("the Australian Labor Party ... Labor");
//! failing those, the country the document named most often among the phrase's countries.

use super::mentions::DocumentMemory;
use super::names::NameIndex;
use super::phrases::ResolvedActor;
use crate::dict::{ActorEntry, Dictionaries, PhraseMatch};
use crate::model::Date;
use crate::text::Token;

/// Words a capitalized name may hold in lower case ("Party of the Regions").
const NAME_FUNCTION_WORDS: &[&str] = &["of", "the", "and", "for", "de", "du", "la"];

/// The sentence's actor matches with their entries, `context` entries kept only in scope;
/// `plain` is their resolution with no `context` entry in scope.
pub(super) fn sentence_actors<'d>(
    dict: &'d Dictionaries,
    names: &NameIndex,
    tokens: &[Token],
    (matches, plain): (Vec<PhraseMatch>, Vec<ResolvedActor<'d>>),
    date: Option<Date>,
    memory: &DocumentMemory,
) -> Vec<ResolvedActor<'d>> {
    // With no `context` entry among the matches, every resolution is the plain one.
    if !matches.iter().any(|m| dict.actors.is_scoped(m)) {
        return plain;
    }
    let sentence: Vec<&str> = plain
        .iter()
        .filter_map(|(_, e)| e.code.get(..3))
        .filter(|r| names.is_root(r))
        .collect();
    let context = memory.context_country();
    let strict = |e: &ActorEntry| {
        let root = e.code.get(..3).unwrap_or("");
        context == Some(root) || sentence.contains(&root) || memory.has_seen(&e.code)
    };
    dict.actors.resolve_in(&matches, date, |m, e| {
        let words: Vec<&str> = tokens[m.start..m.end]
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        written_as_name(&words) && chosen(dict, m, &strict, memory).is_some_and(|c| c == e)
    })
}

/// The `context` entry a phrase stands for: one in strict scope (`strict`), else the one whose
/// country the document named most often, if it named any.
fn chosen<'d>(
    dict: &'d Dictionaries,
    m: &PhraseMatch,
    strict: &impl Fn(&ActorEntry) -> bool,
    memory: &DocumentMemory,
) -> Option<&'d ActorEntry> {
    let scoped = || dict.actors.entries_of(m).filter(|e| e.context);
    scoped().find(|e| strict(e)).or_else(|| {
        scoped()
            .map(|e| (memory.country_mentions(e.code.get(..3).unwrap_or("")), e))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, _)| *n)
            .map(|(_, e)| e)
    })
}

/// Every word of the phrase is capitalized (or a function word inside a name).
fn written_as_name(words: &[&str]) -> bool {
    words
        .first()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words
            .iter()
            .all(|w| !w.starts_with(char::is_lowercase) || NAME_FUNCTION_WORDS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_capitalized() {
        let cases = [
            ("Labor", true),
            ("labor", false),
            ("Greens", true),
            ("Party of the Regions", true),
            ("the Greens", false),
        ];
        for (text, want) in cases {
            let words: Vec<&str> = text.split(' ').collect();
            assert_eq!(written_as_name(&words), want, "{text}");
        }
    }
}
