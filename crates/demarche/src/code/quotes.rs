//! Quotation attribution: a quotation is given to the speaker of the speech verb next to it
//! ("“...,” he added." / "Hill said: “...”"); first-person pronouns inside it become the speaker,
//! and the statement event of that speech verb keeps the quote.

use super::grammar::FIRST_PERSON_PRONOUNS;
use super::label::Shared;
use super::mentions::{Mention, MentionKind};
use crate::text::chunk::is_speech_verb;
use crate::text::{Clause, ClauseKind, Sentence, Tag, Token};
use std::ops::Range;

/// A quotation and who said it.
#[derive(Clone, Debug)]
pub struct Attribution {
    /// Tokens inside the quotation marks.
    pub quote: std::ops::Range<usize>,
    /// The speech verb token; none for a quotation whose speaker another sentence names.
    pub verb: Option<usize>,
    /// The speaker.
    pub speaker: Mention,
}

/// Finds the speaker of each quotation in the sentence.
pub fn attribute(sentence: &Sentence, mentions: &[Mention]) -> Vec<Attribution> {
    let tokens = &sentence.tokens;
    let mut out = Vec::new();
    for (k, clause) in sentence.clauses.iter().enumerate() {
        if clause.kind != ClauseKind::Quotation {
            continue;
        }
        let extent = quotation_extent(sentence, k);
        let inner = quoted_words(tokens, extent.start + 1..extent.end);
        if inner.is_empty() {
            continue;
        }
        if let Some((verb, speaker)) = speaker_of(sentence, mentions, k, extent.end) {
            out.push(Attribution {
                quote: inner,
                verb: Some(verb),
                speaker,
            });
        }
    }
    out
}

/// The speech verb and speaker of quotation clause `k`, whose extent ends at `end`: at the start
/// of the first clause after the quotation and the clauses under it (`", he added`, `", said
/// Hill`, and `"We condemn the attack," the minister said`, where the closing mark is a clause of
/// the quotation's), else at the end of the clause before it (`Hill said: "`).
fn speaker_of(
    sentence: &Sentence,
    mentions: &[Mention],
    k: usize,
    end: usize,
) -> Option<(usize, Mention)> {
    let tokens = &sentence.tokens;
    let clauses = &sentence.clauses;
    let after = clauses[k + 1..]
        .iter()
        .find(|c| c.tokens.start >= end)
        .map(|c| c.tokens.clone());
    let before = k.checked_sub(1).map(|p| clauses[p].tokens.clone());
    after
        .and_then(|r| speech_near(tokens, mentions, r.start..(r.start + 5).min(r.end)))
        .or_else(|| {
            before.and_then(|r| {
                speech_near(
                    tokens,
                    mentions,
                    r.end.saturating_sub(6).max(r.start)..r.end,
                )
            })
        })
}

/// The speaker of a quotation opened in an earlier sentence that closes at token `close` of
/// this one, named right after the mark (`... our staff," Mr Lording said.`), with the words it
/// quotes in this sentence.
pub fn closing_attribution(
    sentence: &Sentence,
    mentions: &[Mention],
    close: usize,
) -> Option<Attribution> {
    let tokens = &sentence.tokens;
    let window = close + 1..(close + 6).min(tokens.len());
    let (verb, speaker) = speech_near(tokens, mentions, window)?;
    let quote = quoted_words(tokens, 0..close);
    (!quote.is_empty()).then_some(Attribution {
        quote,
        verb: Some(verb),
        speaker,
    })
}

/// The quoted words of `range`: without the closing marks and commas that end it.
pub(super) fn quoted_words(tokens: &[Token], range: Range<usize>) -> Range<usize> {
    let mut words = range.start..range.end.min(tokens.len());
    while words.end > words.start && matches!(tokens[words.end - 1].text.as_str(), "\"" | ",") {
        words.end -= 1;
    }
    words
}

/// The tokens of quotation clause `k` with the clauses under it: `“Those who see this tape will realise that Osama is guilty,” he said` is
/// one quotation up to its closing mark, though its relative and reported clauses are clauses of
/// their own.
pub(super) fn quotation_extent(sentence: &Sentence, k: usize) -> Range<usize> {
    let clauses = &sentence.clauses;
    let mut extent = clauses[k].tokens.clone();
    let mut next = k + 1;
    while next < clauses.len() && is_under(clauses, next, k) {
        extent.end = extent.end.max(clauses[next].tokens.end);
        next += 1;
    }
    extent
}

/// Clause `j` hangs, directly or through others, from clause `k`.
fn is_under(clauses: &[Clause], j: usize, k: usize) -> bool {
    let mut at = clauses[j].parent;
    for _ in 0..clauses.len() {
        match at {
            Some(p) if p == k => return true,
            Some(p) => at = clauses[p].parent,
            None => return false,
        }
    }
    false
}

fn speech_near(
    tokens: &[Token],
    mentions: &[Mention],
    window: std::ops::Range<usize>,
) -> Option<(usize, Mention)> {
    let verb = window
        .clone()
        .find(|&i| tokens[i].tag.is_verb() && is_speech_verb(&tokens[i].lemma))?;
    let speaker = mentions
        .iter()
        .filter(|m| {
            m.preposition.is_none()
                && (m.end <= verb && verb - m.end <= 2 || m.start > verb && m.start - verb <= 2)
        })
        .min_by_key(|m| {
            if m.end <= verb {
                verb - m.end
            } else {
                m.start - verb
            }
        })?;
    Some((verb, speaker.clone()))
}

/// The first-person pronouns ("I", "we", "our") inside attributed quotations, with the
/// attribution each stands in.
pub fn first_persons<'a>(
    sentence: &'a Sentence,
    attributions: &'a [Attribution],
) -> impl Iterator<Item = (usize, &'a Attribution)> + 'a {
    let tokens = &sentence.tokens;
    attributions.iter().flat_map(move |a| {
        a.quote.clone().filter_map(move |i| {
            let t = tokens.get(i)?;
            let first =
                matches!(t.tag, Tag::PRP | Tag::PRPS) && FIRST_PERSON_PRONOUNS.contains(&t.lower);
            first.then_some((i, a))
        })
    })
}

/// Mentions for first-person pronouns inside attributed quotations.
pub fn first_person_mentions(sentence: &Sentence, attributions: &[Attribution]) -> Vec<Mention> {
    first_persons(sentence, attributions)
        .map(|(i, a)| Mention {
            start: i,
            end: i + 1,
            code: a.speaker.code.clone(),
            entry: a.speaker.entry.clone(),
            person: a.speaker.person,
            kind: MentionKind::Coreference,
            preposition: None,
            antecedent: Some(speaker_name(&sentence.tokens, &a.speaker)),
            agent: None,
            country_from: None,
        })
        .collect()
}

/// The words that name speaker `m` (its antecedent's, for a pronoun), `m` being a mention of
/// `tokens`' sentence unless it has an antecedent.
fn speaker_name(tokens: &[Token], m: &Mention) -> Shared {
    m.antecedent.clone().unwrap_or_else(|| {
        (tokens.get(m.start..m.end).unwrap_or_default().iter())
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
            .into()
    })
}

/// Speaker `m` of a quotation in `tokens`' sentence as a later or earlier sentence's quotation
/// carries it: named by its words, as no token of that sentence names it.
pub fn carried(tokens: &[Token], m: &Mention) -> Mention {
    Mention {
        antecedent: Some(speaker_name(tokens, m)),
        ..m.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(clauses: &[(usize, usize, ClauseKind, Option<usize>)]) -> Sentence {
        let clauses = clauses
            .iter()
            .map(|&(start, end, kind, parent)| Clause {
                tokens: start..end,
                kind,
                parent,
            })
            .collect();
        Sentence {
            index: 0,
            start: 0,
            end: 0,
            tokens: Vec::new(),
            clauses,
        }
    }

    #[test]
    fn a_quotation_extends_over_the_clauses_under_it() {
        use ClauseKind::{Coordinate, Main, Quotation, Relative, Reported};
        // `" Those | who see this tape will realise | that Osama is guilty , | " | he said .`
        let s = sentence(&[
            (0, 2, Quotation, None),
            (2, 8, Relative, Some(0)),
            (8, 14, Reported, Some(1)),
            (14, 15, Coordinate, Some(2)),
            (15, 18, Main, None),
        ]);
        for (k, want) in [(0, 0..15), (1, 2..15), (2, 8..15), (4, 15..18)] {
            assert_eq!(quotation_extent(&s, k), want, "clause {k}");
        }
    }
}
