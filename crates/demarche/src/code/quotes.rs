//! Quotation attribution: a quotation is given to the speaker of the speech verb next to it
//! ("“...,” he added." / "Hill said: “...”"); first-person pronouns inside it become the speaker,
//! and the statement event of that speech verb keeps the quote.

use super::grammar::FIRST_PERSON_PRONOUNS;
use super::mentions::{Mention, MentionKind};
use crate::text::chunk::is_speech_verb;
use crate::text::{Clause, ClauseKind, Sentence, Tag};
use std::ops::Range;

/// A quotation and who said it.
#[derive(Clone, Debug)]
pub struct Attribution {
    /// Tokens inside the quotation marks.
    pub quote: std::ops::Range<usize>,
    /// The speech verb token.
    pub verb: usize,
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
        let inner = clause.tokens.start + 1
            ..clause
                .tokens
                .end
                .saturating_sub(1)
                .max(clause.tokens.start + 1);
        if inner.start >= inner.end || inner.end > tokens.len() {
            continue;
        }
        // After the quote: `", he added` / `", Hill said` / `", said Hill`.
        let after = sentence.clauses.get(k + 1).map(|c| c.tokens.clone());
        let before = k.checked_sub(1).map(|p| sentence.clauses[p].tokens.clone());
        let found = after
            .and_then(|r| speech_near(tokens, mentions, r.start..(r.start + 5).min(r.end)))
            .or_else(|| {
                before.and_then(|r| {
                    speech_near(
                        tokens,
                        mentions,
                        r.end.saturating_sub(6).max(r.start)..r.end,
                    )
                })
            });
        if let Some((verb, speaker)) = found {
            out.push(Attribution {
                quote: inner,
                verb,
                speaker,
            });
        }
    }
    out
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
    tokens: &[crate::text::Token],
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

/// Mentions for first-person pronouns inside attributed quotations.
pub fn first_person_mentions(sentence: &Sentence, attributions: &[Attribution]) -> Vec<Mention> {
    let tokens = &sentence.tokens;
    let mut out = Vec::new();
    for a in attributions {
        for i in a.quote.clone() {
            let t = &tokens[i];
            if matches!(t.tag, Tag::PRP | Tag::PRPS) && FIRST_PERSON_PRONOUNS.contains(&t.lower) {
                out.push(Mention {
                    start: i,
                    end: i + 1,
                    code: a.speaker.code.clone(),
                    entry: a.speaker.entry.clone(),
                    person: a.speaker.person,
                    kind: MentionKind::Coreference,
                    preposition: None,
                    antecedent: Some(a.speaker.antecedent.clone().unwrap_or_else(|| {
                        tokens[a.speaker.start..a.speaker.end]
                            .iter()
                            .map(|t| t.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                            .into()
                    })),
                    agent: None,
                    country_from: None,
                });
            }
        }
    }
    out
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
