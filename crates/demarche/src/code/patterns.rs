//! Verb-pattern matching inside a clause: heads, following words, gaps, particles and negation.

use super::grammar::{NEGATIVE_DETERMINERS, NEGATORS, PATTERN_STOP_PUNCTUATION};
use crate::dict::{verbs::MAX_GAP, Dictionaries, PatternWord, VerbPattern};
use crate::text::{Tag, Token};
use std::borrow::Cow;
use std::ops::Range;

/// A sentence's tokens with what pattern matching reads of them, computed once per sentence.
pub struct Words<'a> {
    /// The tokens.
    pub tokens: &'a [Token],
    /// `units[k]` is the end of the skippable unit starting at token `k`: an actor mention
    /// counts as one token for `*` gaps.
    pub units: &'a [usize],
    /// The singular of each token's lower-case form (`noun_singular`).
    singular: Vec<Cow<'a, str>>,
}

impl<'a> Words<'a> {
    /// The words of `tokens`, with skippable units `units`.
    pub fn new(tokens: &'a [Token], units: &'a [usize]) -> Words<'a> {
        let singular = tokens
            .iter()
            .map(|t| crate::text::inflect::noun_singular(&t.lower))
            .collect();
        Words {
            tokens,
            units,
            singular,
        }
    }

    /// Token `k` is written `w`: as it is, as its lemma or as its singular.
    fn matches(&self, w: &str, k: usize) -> bool {
        let t = &self.tokens[k];
        t.lower == w || t.lemma == w || self.singular[k] == w
    }
}

/// A pattern that matched at a head token.
#[derive(Clone, Debug)]
pub struct VerbMatch<'d> {
    /// The pattern.
    pub pattern: &'d VerbPattern,
    /// The head token.
    pub head: usize,
    /// Tokens covered by the pattern (head to last fixed word).
    pub tokens: Range<usize>,
    /// Tokens skipped by `*` gaps.
    pub gaps: Vec<Range<usize>>,
}

/// Why a candidate head produced no match (for explanations).
#[derive(Clone, Debug)]
pub struct NearMiss {
    /// The head token.
    pub head: usize,
    /// What happened.
    pub reason: String,
}

/// True when the verb group before `head` holds a negation ("would not", "did n't", "never").
pub fn verb_group_negated(tokens: &[Token], head: usize, clause_start: usize) -> bool {
    let mut j = head;
    while j > clause_start {
        let t = &tokens[j - 1];
        if NEGATORS.contains(&t.lower) {
            return true;
        }
        if t.lower == "yet" || t.lower == "still" {
            j -= 1;
            continue;
        }
        if t.tag == Tag::RB
            || t.tag == Tag::MD
            || t.tag.is_verb() && crate::text::tag::auxiliary_of(&t.lower).is_some()
            || t.tag == Tag::TO
        {
            j -= 1;
            continue;
        }
        break;
    }
    // "Neither China nor Russia supported ...".
    tokens[clause_start..head]
        .iter()
        .any(|t| t.lower == "neither" || t.lower == "nor")
}

/// True when the object right after the verb is negated ("offered no proposals").
fn object_negated(tokens: &[Token], after: usize) -> bool {
    tokens[after.min(tokens.len())..]
        .iter()
        .take(4)
        .take_while(|t| !t.tag.is_verb() && t.text != ",")
        .any(|t| NEGATIVE_DETERMINERS.contains(&t.lower))
}

/// Tries every pattern headed by token `i` within `clause`; returns the most specific match.
///
/// An actor mention counts as one token for `*` gaps ("presented *North Korean envoy Kim
/// Kye-Gwan* with proposals"): see [`Words::units`].
///
/// `scratch` is a set reused from head to head (its contents do not matter).
pub fn match_at<'d, 'a>(
    dict: &'d Dictionaries,
    words_of: &'a Words<'a>,
    scratch: &mut rustc_hash::FxHashSet<&'a str>,
    i: usize,
    clause: Range<usize>,
) -> Result<VerbMatch<'d>, Option<NearMiss>> {
    let tokens = words_of.tokens;
    let t = &tokens[i];
    let heads_patterns = if t.tag.is_verb() {
        dict.verbs.has_head(&t.lemma, false)
    } else if t.tag.is_noun() || t.tag == Tag::JJ {
        dict.verbs.has_head(&t.lemma, true) || dict.verbs.has_head(&t.lower, true)
    } else {
        false
    };
    if !heads_patterns {
        return Err(None);
    }
    let window = i + 1..clause.end.max(i + 1);
    let passive_object = if t.tag.is_verb() {
        passive_subject_head(tokens, i, clause.start)
    } else {
        None
    };
    let words = scratch;
    words.clear();
    for k in window.chain(passive_object) {
        words.insert(&tokens[k].lower);
        words.insert(&tokens[k].lemma);
        words.insert(&words_of.singular[k]);
    }
    let candidates: Vec<&VerbPattern> = if t.tag.is_verb() {
        dict.verbs
            .candidates(&t.lemma, false, words.iter().copied())
    } else if t.tag.is_noun() || t.tag == Tag::JJ {
        let mut v = dict.verbs.candidates(&t.lemma, true, words.iter().copied());
        if t.lemma != t.lower {
            v.extend(dict.verbs.candidates(&t.lower, true, words.iter().copied()));
        }
        v
    } else {
        return Err(None);
    };
    if candidates.is_empty() {
        return Err(None);
    }
    // Cheap filter: a pattern can only match if each of its words occurs after the head in the
    // clause (or as the passive subject).
    let present = |w: &str| words.contains(w);
    let negated = verb_group_negated(tokens, i, clause.start);
    let mut miss = None;
    let mut best: Option<VerbMatch<'d>> = None;
    for p in candidates {
        if best
            .as_ref()
            .is_some_and(|b| b.pattern.specificity() > p.specificity())
        {
            break;
        }
        let words_present = p.rest.iter().all(|w| match w {
            PatternWord::Word(w) => {
                present(w) || passive_object.is_some_and(|o| words_of.matches(w, o))
            }
            PatternWord::Gap => true,
        });
        if !words_present {
            continue;
        }
        let found = match_rest(words_of, i + 1, clause.end, &p.rest).or_else(|| {
            // "Sanctions were imposed on Iran": the pattern's object ("impose sanction on")
            // is the passive subject, before the verb.
            let obj = passive_object?;
            let k = p
                .rest
                .iter()
                .position(|w| matches!(w, PatternWord::Word(w) if words_of.matches(w, obj)))?;
            let mut rest = p.rest.clone();
            rest.remove(k);
            if k > 0 && matches!(rest.get(k - 1), Some(PatternWord::Gap)) {
                rest.remove(k - 1);
            }
            match_rest(words_of, i + 1, clause.end, &rest)
        });
        let Some((end, gaps)) = found else {
            continue;
        };
        let noun_negated = p.noun
            && tokens[..i]
                .iter()
                .rev()
                .take_while(|t| matches!(t.tag, Tag::JJ | Tag::NN | Tag::DT))
                .any(|t| t.lower == "no");
        let gap_negated = noun_negated
            || gaps.iter().any(|g| {
                tokens[g.clone()]
                    .iter()
                    .any(|t| NEGATIVE_DETERMINERS.contains(&t.lower))
            });
        let negated_here =
            negated || noun_negated || (!p.noun && (object_negated(tokens, end) || gap_negated));
        // "has not yet signed": pending, not refused — plain negation, not a negated pattern.
        let pending = tokens[clause.start..i].iter().any(|t| t.lower == "yet");
        if p.negated && (!negated || pending) {
            continue;
        }
        if !p.negated && negated_here {
            miss.get_or_insert(NearMiss {
                head: i,
                reason: format!(
                    "pattern '{}' ({}) matched but the verb phrase is negated",
                    p.text, p.code
                ),
            });
            continue;
        }
        // Of equally specific patterns, one that stops at a modifier gives way to one that
        // reaches its noun ("expel * inspector" over "expel * international" in "expelled
        // international nuclear inspectors").
        let reaches_noun =
            |b: &VerbMatch<'_>| end > b.tokens.end && tokens[b.tokens.end - 1].tag.is_prenominal();
        if best.as_ref().is_none_or(reaches_noun) {
            let m = VerbMatch {
                pattern: p,
                head: i,
                tokens: i..end,
                gaps,
            };
            if !tokens[end - 1].tag.is_prenominal() {
                // Nothing of equal specificity can replace it: stop looking.
                return Ok(m);
            }
            best = Some(m);
        }
    }
    if let Some(b) = best {
        return Ok(b);
    }
    Err(miss.or(Some(NearMiss {
        head: i,
        reason: format!(
            "'{}' heads patterns, but none matched the words that follow",
            t.lemma
        ),
    })))
}

/// For a passive participle, the head noun of its subject ("*sanctions* were imposed",
/// "*sanctions* imposed on it"): the noun right before the "be" auxiliary or the participle.
pub fn passive_subject_head(tokens: &[Token], head: usize, clause_start: usize) -> Option<usize> {
    if !matches!(tokens[head].tag, Tag::VBN | Tag::VBD) {
        return None;
    }
    let mut j = head;
    while j > clause_start && matches!(tokens[j - 1].tag, Tag::RB) {
        j -= 1;
    }
    while j > clause_start && crate::text::tag::auxiliary_of(&tokens[j - 1].lower).is_some() {
        j -= 1;
    }
    while j > clause_start && matches!(tokens[j - 1].tag, Tag::RB | Tag::MD) {
        j -= 1;
    }
    (j > clause_start && matches!(tokens[j - 1].tag, Tag::NN | Tag::NNS)).then_some(j - 1)
}

/// Matches `rest` from token `from`; returns the end of the match and the gap ranges.
/// After a preposition of the pattern, up to two modifiers may precede its noun: "accuse * of
/// smuggling" matches "accused Cambodia of drug smuggling", "lift * ban on * gathering" "on
/// public gatherings". The modifiers are a gap (their words stay available to other patterns).
fn modified_noun(
    words: &Words<'_>,
    from: usize,
    limit: usize,
    w: &str,
    more: &[PatternWord],
) -> Option<(usize, Vec<Range<usize>>)> {
    let tokens = words.tokens;
    let after_preposition = from > 0 && tokens[from - 1].tag == Tag::IN;
    if !after_preposition {
        return None;
    }
    let modifier = |t: &Token| matches!(t.tag, Tag::DT | Tag::JJ | Tag::NN | Tag::CD | Tag::PRPS);
    let mut at = from;
    while at < limit && at < from + 2 && modifier(&tokens[at]) {
        at += 1;
        let noun = at < limit && matches!(tokens[at].tag, Tag::NN | Tag::NNS);
        if noun && words.matches(w, at) {
            let (end, mut gaps) = match_rest(words, at + 1, limit, more)?;
            gaps.insert(0, from..at);
            return Some((end, gaps));
        }
    }
    None
}

fn match_rest(
    words: &Words<'_>,
    from: usize,
    limit: usize,
    rest: &[PatternWord],
) -> Option<(usize, Vec<Range<usize>>)> {
    let (tokens, units) = (words.tokens, words.units);
    let Some((first, more)) = rest.split_first() else {
        return Some((from, Vec::new()));
    };
    match first {
        PatternWord::Word(w) => {
            if from < limit && words.matches(w, from) {
                return match_rest(words, from + 1, limit, more);
            }
            // Adverbs may sit between a verb and its particle ("back quickly down" is rare, but
            // "walked out" / "walked angrily out" both occur).
            if from < limit
                && tokens[from].tag == Tag::RB
                && from + 1 < limit
                && words.matches(w, from + 1)
            {
                return match_rest(words, from + 2, limit, more);
            }
            modified_noun(words, from, limit, w, more)
        }
        PatternWord::Gap => {
            // Up to MAX_GAP units: an actor mention counts as one unit, but the pattern may
            // resume inside it ("recalled *their* ambassadors").
            let mut at = from;
            let mut skipped_units = 0;
            let mut unit_end = from;
            loop {
                if at > limit {
                    break;
                }
                if let Some((end, mut gaps)) = match_rest(words, at, limit, more) {
                    if at > from {
                        gaps.insert(0, from..at);
                    }
                    return Some((end, gaps));
                }
                // A gap skips modifiers and actors, never another verb or punctuation that ends
                // the phrase.
                if at >= limit
                    || PATTERN_STOP_PUNCTUATION.contains(&tokens[at].text)
                    || tokens[at].tag.is_verb()
                    || tokens[at].tag == Tag::MD
                {
                    break;
                }
                if at >= unit_end {
                    skipped_units += 1;
                    unit_end = units.get(at).copied().unwrap_or(at + 1).max(at + 1);
                    if skipped_units > MAX_GAP {
                        break;
                    }
                }
                at += 1;
            }
            None
        }
    }
}
