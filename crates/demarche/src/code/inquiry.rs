//! Investigations said to be under way: "Mr Williams says *investigations are continuing*",
//! "police say an inquiry is under way". An investigation (09x) stated as a noun with no actor
//! of its own, heading the subject of a clause reported by a speech verb, is the speaker's own
//! investigation, as CAMEO coders code it: the body that reports it under way conducts it. The
//! `verbs.txt` noun lines name the state ("investigation * under way", "inquiry * continue");
//! without a speaker ("An investigation into the crash is under way") nothing is coded.

use super::mentions::Mention;
use super::source::{self, Sources};
use crate::text::{ClauseKind, Sentence};

/// The speaker who reports the investigation at `head` under way, when it heads the subject
/// of a reported clause.
pub(super) fn reporting_speaker<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    code: &str,
    head: usize,
    clause_idx: usize,
) -> Option<Sources<'m>> {
    let clause = &sentence.clauses[clause_idx];
    if !code.starts_with("09") || clause.kind != ClauseKind::Reported {
        return None;
    }
    let tokens = &sentence.tokens;
    // The noun opens the clause's subject: only determiners and modifiers before it.
    let opens = tokens[clause.tokens.start..head]
        .iter()
        .all(|t| t.tag.is_prenominal() || t.tag.is_noun() || t.lower == "that");
    let parent = clause.parent?;
    let speech = (sentence.clauses[parent].tokens.start..clause.tokens.start)
        .rev()
        .find(|&k| crate::text::chunk::is_speech_verb(&tokens[k].lemma))?;
    let (speakers, _) = source::subject_of(sentence, mentions, parent, speech);
    (opens && !speakers.is_empty())
        .then_some((speakers, Some(super::decision::SourceRule::Speaker)))
}
