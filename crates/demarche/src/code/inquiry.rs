//! Investigations said to be under way: "Mr Williams says *investigations are continuing*",
//! "police say an inquiry is under way". An investigation (09x) stated as a noun with no actor
//! of its own, heading the subject of a clause reported by a speech verb, is the speaker's own
//! investigation, as CAMEO coders code it: the body that reports it under way conducts it. The
//! `verbs.txt` noun lines name the state ("investigation * under way", "inquiry * continue");
//! the speaker may also close the sentence ("Investigations are continuing, police said") or
//! report the words without a clause of their own; without a speaker ("An investigation into
//! the crash is under way") nothing is coded.

use super::mentions::Mention;
use super::source::{self, Sources};
use crate::text::{ClauseKind, Sentence, Tag, Token};

/// The speaker who reports the investigation at `head` under way, when it opens the words a
/// speech verb reports: its reported clause ("police say an inquiry is under way"), the words
/// left in its own clause ("police said investigations into the killing are continuing"), or
/// the words a trailing attribution follows ("Investigations are continuing, police said").
pub(super) fn reporting_speaker<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    code: &str,
    head: usize,
    clause_idx: usize,
) -> Option<Sources<'m>> {
    if !code.starts_with("09") {
        return None;
    }
    let (speech, speech_clause, from) = speech_before(sentence, head, clause_idx)?;
    let tokens = &sentence.tokens;
    // The noun opens the reported words' subject: only determiners and modifiers before it.
    let opens = tokens[from..head]
        .iter()
        .all(|t| t.tag.is_prenominal() || t.tag.is_noun() || t.lower == "that");
    if !opens || only_wanted(tokens, head) {
        return None;
    }
    let (speakers, _) = source::subject_of(sentence, mentions, speech_clause, speech);
    (!speakers.is_empty()).then_some((speakers, Some(super::decision::SourceRule::Speaker)))
}

/// Words that make an investigation wanted, not under way ("is needed", "should be held").
const WANTED: [&str; 12] = [
    "needed",
    "required",
    "necessary",
    "warranted",
    "wanted",
    "essential",
    "vital",
    "urgent",
    "should",
    "must",
    "would",
    "could",
];

/// "says an investigation into the crash is needed": the noun's verb group, the first verb or
/// modal after `head` and its complement, makes the investigation wanted, not under way.
fn only_wanted(tokens: &[Token], head: usize) -> bool {
    let Some(v) =
        (head + 1..tokens.len()).find(|&k| tokens[k].tag.is_verb() || tokens[k].tag == Tag::MD)
    else {
        return false;
    };
    tokens[v..(v + 3).min(tokens.len())]
        .iter()
        .any(|t| WANTED.contains(&t.lower.as_str()))
}

/// The speech verb reporting the words of clause `clause_idx` that hold `head`, its clause, and
/// where the words it reports start.
fn speech_before(
    sentence: &Sentence,
    head: usize,
    clause_idx: usize,
) -> Option<(usize, usize, usize)> {
    let clause = &sentence.clauses[clause_idx];
    let tokens = &sentence.tokens;
    let speech = |k: usize| crate::text::chunk::is_speech_verb(&tokens[k].lemma);
    if clause.kind == ClauseKind::Reported {
        let parent = clause.parent?;
        let verb = (sentence.clauses[parent].tokens.start..clause.tokens.start)
            .rev()
            .find(|&k| speech(k))?;
        return Some((verb, parent, clause.tokens.start));
    }
    if let Some((k, verb)) = super::complement::trailing_speech(sentence) {
        if k > clause_idx && clause_idx == 0 {
            return Some((verb, k, clause.tokens.start));
        }
    }
    let verb = (clause.tokens.start..head)
        .rev()
        .find(|&k| tokens[k].tag.is_finite_verb() && speech(k))?;
    Some((verb, clause_idx, verb + 1))
}
