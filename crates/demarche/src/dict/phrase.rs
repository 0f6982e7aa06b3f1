//! Whole-token phrase matching with one Aho–Corasick automaton per case mode.
//!
//! A sentence is encoded once as its tokens joined by a separator byte (lower-cased, and as
//! written); every phrase is encoded the same way, so a byte match is always a token-aligned
//! match. Phrases written entirely in capitals ("US", "UN") match case-sensitively, all others
//! case-insensitively. Matching returns every token-aligned occurrence; callers pick
//! leftmost-longest non-overlapping matches with [`leftmost_longest`].

use crate::text::token::tokenize;
use crate::text::Token;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

const SEP: char = '\u{1f}';

/// A sentence encoded for phrase matching.
#[derive(Clone, Debug, Default)]
pub struct EncodedSentence {
    lower: String,
    cased: String,
    /// Byte offset of the separator that opens token `i` (same in both encodings); one extra
    /// entry for the final separator.
    lower_starts: Vec<usize>,
    cased_starts: Vec<usize>,
}

impl EncodedSentence {
    /// Encodes the tokens of one sentence.
    pub fn new(tokens: &[Token]) -> EncodedSentence {
        let mut e = EncodedSentence::default();
        for t in tokens {
            e.lower_starts.push(e.lower.len());
            e.lower.push(SEP);
            e.lower.push_str(&t.lower);
            e.cased_starts.push(e.cased.len());
            e.cased.push(SEP);
            e.cased.push_str(&t.text);
        }
        e.lower_starts.push(e.lower.len());
        e.lower.push(SEP);
        e.cased_starts.push(e.cased.len());
        e.cased.push(SEP);
        e
    }
}

/// A match of phrase `phrase` over tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index of the phrase in the set.
    pub phrase: usize,
}

/// A compiled set of phrases: one automaton over the lower-cased sentence; phrases written in
/// capitals are verified against the sentence as written.
#[derive(Clone, Debug, Default)]
pub struct PhraseSet {
    automaton: Option<AhoCorasick>,
    /// Per automaton pattern: the phrase id and, for case-sensitive phrases, the cased encoding.
    patterns: Vec<(usize, Option<String>)>,
}

/// Encodes a phrase the way sentences are encoded; `None` when it has no tokens.
fn encode_phrase(phrase: &str, lower: bool) -> Option<String> {
    let tokens = tokenize(phrase);
    if tokens.is_empty() {
        return None;
    }
    let mut out = String::new();
    for t in &tokens {
        out.push(SEP);
        let w = &phrase[t.start..t.end];
        if lower {
            out.push_str(&w.to_lowercase());
        } else {
            out.push_str(w);
        }
    }
    out.push(SEP);
    Some(out)
}

/// True when a phrase must match case-sensitively: it has letters and all are capitals.
pub fn is_case_sensitive(phrase: &str) -> bool {
    phrase.chars().any(char::is_alphabetic) && !phrase.chars().any(char::is_lowercase)
}

impl PhraseSet {
    /// Compiles `phrases` (index = phrase id).
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> PhraseSet {
        let mut encoded = Vec::with_capacity(phrases.len());
        let mut set = PhraseSet::default();
        for (id, p) in phrases.iter().enumerate() {
            let p = p.as_ref();
            let Some(lower) = encode_phrase(p, true) else {
                continue;
            };
            let cased = if is_case_sensitive(p) {
                encode_phrase(p, false)
            } else {
                None
            };
            encoded.push(lower);
            set.patterns.push((id, cased));
        }
        set.automaton = build(&encoded);
        set
    }

    /// Every token-aligned occurrence of every phrase in the sentence.
    pub fn find_all(&self, s: &EncodedSentence) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let Some(ac) = &self.automaton else {
            return out;
        };
        for m in ac.find_overlapping_iter(&s.lower) {
            let (Ok(start), Ok(end)) = (
                s.lower_starts.binary_search(&m.start()),
                s.lower_starts.binary_search(&(m.end() - 1)),
            ) else {
                continue;
            };
            let (id, cased) = &self.patterns[m.pattern().as_usize()];
            if let Some(cased) = cased {
                let (a, b) = (s.cased_starts[start], s.cased_starts[end] + 1);
                if s.cased.get(a..b) != Some(cased.as_str()) {
                    continue;
                }
            }
            out.push(PhraseMatch {
                start,
                end,
                phrase: *id,
            });
        }
        out
    }
}

fn build(patterns: &[String]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()
}

/// Picks non-overlapping matches, leftmost first and longest among those starting together.
pub fn leftmost_longest(mut matches: Vec<PhraseMatch>) -> Vec<PhraseMatch> {
    matches.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.phrase.cmp(&b.phrase))
    });
    let mut out: Vec<PhraseMatch> = Vec::new();
    let mut covered = 0;
    for m in matches {
        if m.start >= covered {
            covered = m.end;
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, Lexicon};

    fn matches(phrases: &[&str], text: &str) -> Vec<(String, usize)> {
        let a = analyze(text.as_bytes(), &Lexicon::new([]));
        let tokens = &a.sentences[0].tokens;
        let set = PhraseSet::new(phrases);
        leftmost_longest(set.find_all(&EncodedSentence::new(tokens)))
            .into_iter()
            .map(|m| {
                (
                    tokens[m.start..m.end]
                        .iter()
                        .map(|t| t.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    m.phrase,
                )
            })
            .collect()
    }

    #[test]
    fn longest_whole_token_matches() {
        assert_eq!(
            matches(
                &["Korea", "North Korea", "South Korea", "US"],
                "The US and North Korea met us in Koreatown."
            ),
            [("US".to_string(), 3), ("North Korea".to_string(), 1)]
        );
    }

    #[test]
    fn case_insensitive_and_punctuated() {
        assert_eq!(
            matches(&["u.s.", "united states"], "the U.S. and the UNITED STATES"),
            [("U.S.".to_string(), 0), ("UNITED STATES".to_string(), 1)]
        );
    }
}
