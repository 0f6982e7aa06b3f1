//! Whole-token phrase matching with a trie over lower-case tokens.
//!
//! A sentence's tokens are read in place: each token carries the id of its lower-case form in
//! the dictionaries' vocabulary (`text::vocabulary`), which the trie's edges are keyed on.
//! Phrases are tokenized the way sentences are and stored in a trie whose edges are
//! those word ids, so a match is always token-aligned, and the trie is cheap to build at start-up (a
//! byte-level Aho–Corasick automaton over the same phrases cost three times as much to build).
//! Phrases written entirely in capitals ("US", "UN") match case-sensitively, all others
//! case-insensitively. Matching returns every token-aligned occurrence, ordered by end, then by
//! start, then by phrase id; callers pick leftmost-longest non-overlapping matches with
//! [`leftmost_longest`].

use crate::text::token::tokenize;
use crate::text::vocabulary::Vocabulary;
use crate::text::Token;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

const SEP: char = '\u{1f}';

/// A sentence for phrase matching, read in place: the trie follows each token's word id, and a case-sensitive phrase is checked against the words as written, joined by
/// separators only when such a phrase ends at a node. (Encoding the whole sentence twice up
/// front cost ≈ 4 k instructions a sentence, for the few case-sensitive hits that read it.)
#[derive(Clone, Copy, Debug)]
pub struct EncodedSentence<'t> {
    tokens: &'t [Token],
}

impl<'t> EncodedSentence<'t> {
    /// The tokens of one sentence, for matching.
    pub fn new(tokens: &'t [Token]) -> EncodedSentence<'t> {
        EncodedSentence { tokens }
    }

    /// Writes tokens `start..end` as written into `out`: each opened by a separator, and one
    /// separator after the last (the encoding of [`encode_cased`]).
    fn cased_into(&self, start: usize, end: usize, out: &mut String) {
        out.clear();
        for t in &self.tokens[start..end] {
            out.push(SEP);
            out.push_str(&t.text);
        }
        out.push(SEP);
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

/// A compiled set of phrases: a trie over the lower-cased tokens; phrases written in capitals
/// are verified against the sentence as written.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PhraseSet {
    trie: TokenTrie,
    /// Per stored phrase: the phrase id and, for case-sensitive phrases, the cased encoding.
    patterns: Vec<(usize, Option<String>)>,
}

/// The trie: node 0 is the root; an edge is a (node, word id) pair, the word ids being the
/// dictionaries' [`Vocabulary`]'s. The root's edges are also a table by word id, since most
/// tokens start no phrase: one array read tells.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct TokenTrie {
    #[serde(serialize_with = "super::sorted::map")]
    edges: FxHashMap<(u32, u32), u32>,
    /// The root's edges by word id (0: none); words added after the trie was built have none.
    roots: Vec<u32>,
    nodes: u32,
    /// The stored phrases (indices into `PhraseSet::patterns`) that end at a node, in order.
    #[serde(serialize_with = "super::sorted::map")]
    ends: FxHashMap<u32, Vec<u32>>,
}

impl TokenTrie {
    fn insert(&mut self, tokens: &[Cow<str>], pattern: u32, words: &mut Vocabulary) {
        let mut node = 0;
        for t in tokens {
            let token = words.add(t);
            let fresh = self.nodes + 1;
            node = *self.edges.entry((node, token)).or_insert(fresh);
            self.nodes = self.nodes.max(node);
        }
        self.ends.entry(node).or_default().push(pattern);
    }

    /// Fills [`TokenTrie::roots`] once every phrase is in.
    fn index_roots(&mut self, words: &Vocabulary) {
        self.roots = vec![0; words.len()];
        for (&(from, word), &to) in &self.edges {
            if from == 0 {
                self.roots[word as usize] = to;
            }
        }
    }

    /// The node reached from `node` by word `word`.
    fn next(&self, node: u32, word: u32) -> Option<u32> {
        if node == 0 {
            return self.roots.get(word as usize).copied().filter(|&n| n != 0);
        }
        self.edges.get(&(node, word)).copied()
    }

    fn shrink_to_fit(&mut self) {
        self.edges.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// The lower-case tokens of a phrase, tokenized the way sentences are; `None` when it has none.
fn phrase_tokens(phrase: &str) -> Option<Vec<Cow<'_, str>>> {
    let tokens = tokenize(phrase);
    if tokens.is_empty() {
        return None;
    }
    Some(
        tokens
            .iter()
            .map(|t| lower_case(&phrase[t.start..t.end]))
            .collect(),
    )
}

/// `s` in lower case, borrowed when it already is (the common case for dictionary phrases).
fn lower_case(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Encodes a phrase as written, the way sentences are encoded.
fn encode_cased(phrase: &str) -> String {
    let mut out = String::new();
    for t in &tokenize(phrase) {
        out.push(SEP);
        out.push_str(&phrase[t.start..t.end]);
    }
    out.push(SEP);
    out
}

/// Whether the sentence's words `written` (cased encoding) match a case-sensitive phrase's
/// `cased` encoding: exactly, or — for a single acronym of four or more capitals — in title
/// case, as British and Australian papers write them ("Opec", "Unita", "Farc" for OPEC,
/// UNITA, FARC). Shorter acronyms ("US", "IRA") and lower-case forms never match.
fn cased_matches(written: &str, cased: &str) -> bool {
    if written == cased {
        return true;
    }
    let word = cased.trim_matches(SEP);
    let single =
        !word.contains(SEP) && word.len() >= 4 && word.bytes().all(|b| b.is_ascii_uppercase());
    let mut chars = written.trim_matches(SEP).chars();
    single
        && written.len() == cased.len()
        && chars.next() == word.chars().next()
        && chars.eq(word[1..].chars().map(|c| c.to_ascii_lowercase()))
}

/// True when a phrase must match case-sensitively: it has letters and all are capitals.
pub fn is_case_sensitive(phrase: &str) -> bool {
    phrase.chars().any(char::is_alphabetic) && !phrase.chars().any(char::is_lowercase)
}

impl PhraseSet {
    /// Compiles `phrases` (index = phrase id), their words added to `words`: sentences are
    /// matched by the ids of that vocabulary their tokens carry (the tokens of text analysed
    /// with a lexicon holding it, [`crate::text::Lexicon::with_words`]).
    pub fn new<S: AsRef<str>>(phrases: &[S], words: &mut Vocabulary) -> PhraseSet {
        let mut set = PhraseSet::default();
        for (id, p) in phrases.iter().enumerate() {
            let p = p.as_ref();
            let Some(tokens) = phrase_tokens(p) else {
                continue;
            };
            let cased = is_case_sensitive(p).then(|| encode_cased(p));
            set.trie.insert(&tokens, set.patterns.len() as u32, words);
            set.patterns.push((id, cased));
        }
        set.trie.index_roots(words);
        set.trie.shrink_to_fit();
        set.patterns.shrink_to_fit();
        set
    }

    /// Every token-aligned occurrence of every phrase in the sentence, by end, then start
    /// (longest first), then phrase id.
    pub fn find_all(&self, s: &EncodedSentence) -> Vec<PhraseMatch> {
        // Room for the few matches of a usual sentence, so that it grows the vector seldom.
        let mut out = Vec::with_capacity(FEW_MATCHES);
        let trie = &self.trie;
        if trie.nodes == 0 {
            return out;
        }
        let mut written = String::new();
        for start in 0..s.tokens.len() {
            let mut node = 0;
            for (end, token) in (start + 1..).zip(&s.tokens[start..]) {
                let Some(next) = trie.next(node, token.ids.lower) else {
                    break;
                };
                node = next;
                for &p in trie.ends.get(&node).into_iter().flatten() {
                    let (id, cased) = &self.patterns[p as usize];
                    if let Some(cased) = cased {
                        s.cased_into(start, end, &mut written);
                        if !cased_matches(&written, cased) {
                            continue;
                        }
                    }
                    out.push(PhraseMatch {
                        start,
                        end,
                        phrase: *id,
                    });
                }
            }
        }
        // Stable: phrases ending at the same node keep their id order.
        out.sort_by_key(|m| (m.end, m.start));
        out
    }
}

/// The matches [`PhraseSet::find_all`] makes room for at first.
const FEW_MATCHES: usize = 8;

/// Picks non-overlapping matches, leftmost first and longest among those starting together.
pub fn leftmost_longest(mut matches: Vec<PhraseMatch>) -> Vec<PhraseMatch> {
    matches.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.phrase.cmp(&b.phrase))
    });
    // In place: the kept matches are those `matches` already holds, in the same order.
    let mut covered = 0;
    matches.retain(|m| {
        let keep = m.start >= covered;
        if keep {
            covered = m.end;
        }
        keep
    });
    matches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, Lexicon};

    /// `phrases` compiled, with the lexicon whose tokens carry the ids of their words.
    fn compiled(phrases: &[&str]) -> (PhraseSet, Lexicon) {
        let mut words = Vocabulary::default();
        let set = PhraseSet::new(phrases, &mut words);
        (set, Lexicon::new([]).with_words(words))
    }

    fn matches(phrases: &[&str], text: &str) -> Vec<(String, usize)> {
        let (set, lexicon) = compiled(phrases);
        let a = analyze(text.as_bytes(), &lexicon);
        let tokens = &a.sentences[0].tokens;
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

    /// The byte-level Aho–Corasick matcher this trie replaced, as the reference: every phrase
    /// joined by separators, all overlapping matches, kept when token-aligned.
    fn reference_matches(phrases: &[&str], s: &EncodedSentence) -> Vec<PhraseMatch> {
        let encoded: Vec<(usize, String)> = phrases
            .iter()
            .enumerate()
            .filter_map(|(id, p)| {
                Some((
                    id,
                    format!("{SEP}{}{SEP}", phrase_tokens(p)?.join(&SEP.to_string())),
                ))
            })
            .collect();
        // The sentence joined as the matcher once encoded it: lower-case tokens, each opened
        // by a separator, with the separators' offsets.
        let (mut lower, mut lower_starts) = (String::new(), Vec::new());
        for t in s.tokens {
            lower_starts.push(lower.len());
            lower.push(SEP);
            lower.push_str(&t.lower);
        }
        lower_starts.push(lower.len());
        lower.push(SEP);
        let ac = aho_corasick::AhoCorasick::new(encoded.iter().map(|(_, e)| e)).unwrap();
        let mut out = Vec::new();
        let mut written = String::new();
        for m in ac.find_overlapping_iter(&lower) {
            let (Ok(start), Ok(end)) = (
                lower_starts.binary_search(&m.start()),
                lower_starts.binary_search(&(m.end() - 1)),
            ) else {
                continue;
            };
            let id = encoded[m.pattern().as_usize()].0;
            if is_case_sensitive(phrases[id]) {
                s.cased_into(start, end, &mut written);
                if !cased_matches(&written, &encode_cased(phrases[id])) {
                    continue;
                }
            }
            out.push(PhraseMatch {
                start,
                end,
                phrase: id,
            });
        }
        out
    }

    #[test]
    fn matches_what_byte_level_aho_corasick_matched() {
        let phrases = [
            "Korea",
            "North Korea",
            "korea",
            "North",
            "US",
            "u.s.",
            "the US",
            "Koreatown",
            "North Korea's",
            "Korea",
            "US",
            "in",
            "in Koreatown",
            "us",
        ];
        let (set, lexicon) = compiled(&phrases);
        for text in [
            "The US and North Korea met us in Koreatown.",
            "North Korea's envoy and the US, the us, THE US: North North Korea korea.",
            "",
            "Nothing here.",
        ] {
            let a = analyze(text.as_bytes(), &lexicon);
            for sentence in &a.sentences {
                let encoded = EncodedSentence::new(&sentence.tokens);
                assert_eq!(
                    set.find_all(&encoded),
                    reference_matches(&phrases, &encoded),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn bundled_phrases_match_what_byte_level_aho_corasick_matched() {
        let d = crate::dict::Dictionaries::bundled();
        let phrases: Vec<&str> = d
            .actors
            .phrases()
            .iter()
            .map(String::as_str)
            .chain(d.agents.phrases())
            .chain(d.discards.iter().map(String::as_str))
            .collect();
        let (set, lexicon) = compiled(&phrases);
        // Every 7th phrase, in upper and lower case, run together into one text.
        let sample: Vec<String> = phrases
            .iter()
            .step_by(7)
            .flat_map(|p| [p.to_string(), p.to_uppercase(), p.to_lowercase()])
            .collect();
        let text = sample.join(" and ");
        let a = analyze(text.as_bytes(), &lexicon);
        let mut total = 0;
        for sentence in &a.sentences {
            let encoded = EncodedSentence::new(&sentence.tokens);
            let found = set.find_all(&encoded);
            total += found.len();
            assert_eq!(found, reference_matches(&phrases, &encoded));
        }
        assert!(total > phrases.len() / 7, "{total}");
    }

    #[test]
    fn case_insensitive_and_punctuated() {
        assert_eq!(
            matches(&["u.s.", "united states"], "the U.S. and the UNITED STATES"),
            [("U.S.".to_string(), 0), ("UNITED STATES".to_string(), 1)]
        );
    }
}
