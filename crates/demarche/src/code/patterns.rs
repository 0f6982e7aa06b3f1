//! Verb-pattern matching inside a clause: heads, following words, gaps, particles and negation.

use super::grammar::{
    ADJUNCT_SKIPPING_PREPOSITIONS, FUTURE_MODALS, NEGATIVE_DETERMINERS, NEGATORS,
    PATTERN_STOP_PUNCTUATION,
};
use crate::dict::verbs::FixedWord;
use crate::dict::verbs::{WordSet, MAX_GAP};
use crate::dict::{Dictionaries, PatternWord, VerbPattern};
use crate::text::vocabulary::UNKNOWN;
use crate::text::{Tag, Token};
use std::ops::Range;

/// A sentence's tokens with what pattern matching reads of them, computed once per sentence.
///
/// A pattern word is looked for in the window after its head (the rest of a clause) by
/// comparing its vocabulary id with the ids of each token's forms there (lower case, lemma,
/// singular: [`crate::text::Token::ids`]), after a 1,024-bit filter of the sentence's ids has
/// said it may be there at all (a sentence sets a few dozen bits: most absent words stop
/// there): for windows this short, cheaper than indexing the ids of the sentence by hash.
pub struct Words<'a> {
    /// The tokens.
    pub tokens: &'a [Token],
    /// `units[k]` is the end of the skippable unit starting at token `k`: an actor mention
    /// counts as one token for `*` gaps.
    pub units: &'a [usize],
    /// The bits ([`filter_bit`]) of every known word id of the sentence.
    filter: [u64; FILTER_WORDS],
    /// The sentence's time expressions, read for its place and time adjuncts
    /// ([`super::adjuncts`]); `None` where adjuncts are not stepped over.
    times: Option<&'a [crate::dates::TimeExpression]>,
}

/// The 64-bit words of [`Words::filter`]: 1,024 bits.
const FILTER_WORDS: usize = 16;

/// The bit of a word id in [`Words::filter`]: (word, mask).
fn filter_bit(id: u32) -> (usize, u64) {
    let bit = id.wrapping_mul(0x9E37_79B9) >> 22;
    ((bit >> 6) as usize, 1 << (bit & 63))
}

impl<'a> Words<'a> {
    /// The words of `tokens`, with skippable units `units`.
    pub fn new(tokens: &'a [Token], units: &'a [usize]) -> Words<'a> {
        let mut filter = [0u64; FILTER_WORDS];
        for t in tokens {
            for id in [t.ids.lower, t.ids.lemma, t.ids.singular] {
                if id != UNKNOWN {
                    let (word, mask) = filter_bit(id);
                    filter[word] |= mask;
                }
            }
        }
        Words {
            tokens,
            units,
            filter,
            times: None,
        }
    }

    /// These words, with the sentence's time expressions `times`: a pattern's preposition may
    /// follow the place and time adjuncts ([`super::adjuncts::adjunct_end`]) they give.
    pub(super) fn with_adjuncts(mut self, times: &'a [crate::dates::TimeExpression]) -> Words<'a> {
        self.times = Some(times);
        self
    }

    /// The end of the adjunct starting at token `k`, if one does (worked out only when a
    /// pattern asks: most sentences never need it).
    fn adjunct_end(&self, k: usize) -> Option<usize> {
        super::adjuncts::adjunct_end(self.tokens, self.times?, k)
    }

    /// Token `k` opens a time phrase ("on Sunday"), so it is no pattern preposition.
    fn opens_time_phrase(&self, k: usize) -> bool {
        self.tokens[k].tag == Tag::IN
            && self.times.is_some_and(|times| {
                super::adjuncts::time_phrase_end(self.tokens, times, k).is_some()
            })
    }

    /// Token `k` is written `w`: as it is, as its lemma or as its singular.
    fn matches(&self, w: &FixedWord, k: usize) -> bool {
        self.tokens[k].ids.has(w.id)
    }

    /// Some token of `range` is the word of id `id` (see [`Words::matches`]).
    fn occurs_in(&self, id: u32, range: Range<usize>) -> bool {
        let (word, mask) = filter_bit(id);
        if id == UNKNOWN || self.filter[word] & mask == 0 {
            return false;
        }
        let end = range.end.min(self.tokens.len());
        let start = range.start.min(end);
        self.tokens[start..end].iter().any(|t| t.ids.has(id))
    }
}

/// The words after a head: the rest of its clause, and the passive subject.
struct After<'w, 'a> {
    words: &'w Words<'a>,
    window: Range<usize>,
    passive_object: Option<usize>,
}

impl WordSet for After<'_, '_> {
    fn contains(&self, id: u32) -> bool {
        self.words.occurs_in(id, self.window.clone())
            || self
                .passive_object
                .is_some_and(|o| self.words.tokens[o].ids.has(id))
    }

    fn for_each(&self, f: &mut dyn FnMut(u32)) {
        for k in self.window.clone().chain(self.passive_object) {
            // Each distinct form once: most tokens are their own lemma and singular.
            let ids = &self.words.tokens[k].ids;
            if ids.lower != UNKNOWN {
                f(ids.lower);
            }
            if ids.lemma != ids.lower && ids.lemma != UNKNOWN {
                f(ids.lemma);
            }
            if ids.singular != ids.lower && ids.singular != ids.lemma && ids.singular != UNKNOWN {
                f(ids.singular);
            }
        }
    }

    fn len_hint(&self) -> usize {
        3 * (self.window.len() + usize::from(self.passive_object.is_some()))
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
    /// The verb group is a negated future modal ("would not withdraw", "won't lift"): a stated
    /// refusal, coded (if at all) through the REJECT column by `code/complement.rs`, never as
    /// the act itself.
    pub refused: bool,
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

/// True when the head is a form of "be" followed, past adverbs, by a negator: the predicate of
/// "were not critical of", "is never supportive of" is denied, like a verb after "did not".
fn copula_negated(tokens: &[Token], head: usize) -> bool {
    tokens[head].lemma == "be"
        && tokens[head + 1..]
            .iter()
            .take_while(|t| t.tag == Tag::RB || NEGATORS.contains(&t.lower))
            .any(|t| NEGATORS.contains(&t.lower))
}

/// True when the verb group before the bare verb `head` is a future modal with a negator:
/// "would not withdraw", "will never negotiate", "won't lift" (not "did not", "may not").
fn negated_future(tokens: &[Token], head: usize, clause_start: usize) -> bool {
    let group = tokens[clause_start..head]
        .iter()
        .rev()
        .take_while(|t| matches!(t.tag, Tag::RB | Tag::MD) || NEGATORS.contains(&t.lower));
    let mut negator = false;
    for t in group {
        if NEGATORS.contains(&t.lower) {
            negator = true;
        } else if t.tag == Tag::MD {
            return negator && FUTURE_MODALS.contains(&t.lower);
        }
    }
    false
}

/// True when the object right after the verb is negated ("offered no proposals").
fn object_negated(tokens: &[Token], after: usize) -> bool {
    tokens[after.min(tokens.len())..]
        .iter()
        .take(4)
        .take_while(|t| !t.tag.is_verb() && t.text != ",")
        .any(|t| NEGATIVE_DETERMINERS.contains(&t.lower))
}

/// Whether token `t` may head a pattern at all: a verb, noun or adjective. Whether one does is
/// the candidates' look-up of its lemma, the only test of it.
pub fn can_head(t: &Token) -> bool {
    t.tag.is_verb() || t.tag.is_noun() || t.tag == Tag::JJ
}

/// Tries every pattern headed by token `i` within `clause`; returns the most specific match.
/// `candidates` is a buffer for the head's candidate patterns, reused from call to call.
///
/// An actor mention counts as one token for `*` gaps ("presented *North Korean envoy Kim
/// Kye-Gwan* with proposals"): see [`Words::units`].
pub fn match_at<'d>(
    dict: &'d Dictionaries,
    words_of: &Words<'_>,
    i: usize,
    clause: Range<usize>,
    candidates: &mut Vec<&'d VerbPattern>,
) -> Result<VerbMatch<'d>, Option<NearMiss>> {
    let tokens = words_of.tokens;
    let t = &tokens[i];
    if !can_head(t) {
        return Err(None);
    }
    let window = i + 1..clause.end.max(i + 1);
    let passive_object = if t.tag.is_verb() {
        passive_subject_head(tokens, i, clause.start)
    } else {
        None
    };
    // A pattern can only match if each of its words occurs after the head in the clause (or
    // as the passive subject).
    let present = After {
        words: words_of,
        window,
        passive_object,
    };
    candidates.clear();
    if t.tag.is_verb() {
        dict.verbs
            .candidates(t.ids.lemma, false, &present, candidates);
    } else {
        dict.verbs
            .candidates(t.ids.lemma, true, &present, candidates);
        // (Ids of known forms are equal only for equal forms; an unknown one heads nothing.)
        if t.ids.lemma != t.ids.lower {
            dict.verbs
                .candidates(t.ids.lower, true, &present, candidates);
        }
    }
    if candidates.is_empty() {
        return Err(None);
    }
    let negated = verb_group_negated(tokens, i, clause.start) || copula_negated(tokens, i);
    let refusal = negated && t.tag == Tag::VB && negated_future(tokens, i, clause.start);
    let mut miss = None;
    let mut best: Option<VerbMatch<'d>> = None;
    for &p in candidates.iter() {
        if best
            .as_ref()
            .is_some_and(|b| b.pattern.specificity() > p.specificity())
        {
            break;
        }
        let words_present = p.rest.iter().all(|w| match w {
            PatternWord::Word(w) => present.contains(w.id),
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
        let refused = !p.negated && refusal && !pending;
        if !p.negated && negated_here && !refused {
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
                refused,
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
    w: &FixedWord,
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
            if from < limit && words.matches(w, from) && !words.opens_time_phrase(from) {
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
                .or_else(|| after_adjunct(words, from, limit, rest))
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
                    || (tokens[at].tag.is_verb() && !prenominal_participle(tokens, at, from))
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

/// "met *in Geneva on Monday* with", "appealed *on Sunday* to": a pattern preposition of
/// `adjunct-skipping-prepositions.txt` found after place and time adjuncts, which become a gap.
fn after_adjunct(
    words: &Words<'_>,
    from: usize,
    limit: usize,
    rest: &[PatternWord],
) -> Option<(usize, Vec<Range<usize>>)> {
    let Some(PatternWord::Word(w)) = rest.first() else {
        return None;
    };
    if !ADJUNCT_SKIPPING_PREPOSITIONS.contains(w.as_str()) {
        return None;
    }
    let mut at = from;
    while let Some(end) = words.adjunct_end(at).filter(|&e| e < limit) {
        at = end;
        // "threatened on Wednesday *to revoke*": an infinitive marker, not the preposition.
        let infinitive = words.tokens.get(at + 1).is_some_and(|t| t.tag == Tag::VB);
        if words.matches(w, at) && !infinitive {
            let (end, mut gaps) = match_rest(words, at + 1, limit, &rest[1..])?;
            gaps.insert(0, from..at);
            return Some((end, gaps));
        }
    }
    None
}

/// A participle used as an adjective inside the gap's noun phrase: right after the gap opens or
/// after a determiner, number or adjective, and before a noun or adjective ("given *suspended*
/// jail sentences", "arrested *wanted* militants"). A gap skips it like any modifier.
fn prenominal_participle(tokens: &[Token], at: usize, gap_start: usize) -> bool {
    let participle = matches!(tokens[at].tag, Tag::VBN | Tag::VBG);
    let before = at == gap_start || tokens[at - 1].tag.is_prenominal();
    let after = tokens
        .get(at + 1)
        .is_some_and(|t| t.tag.is_noun() || matches!(t.tag, Tag::JJ));
    participle && before && after
}
