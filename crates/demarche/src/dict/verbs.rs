//! Verb patterns: a head (verb or noun) with the words that must follow, compiled into a map
//! from head lemma to patterns, longest first; word classes (`@ease`) expanded first
//! (`classes`).

use super::classes::Classes;
use super::parse::{parse_file, Diagnostic};
use crate::model::EntryRef;
use crate::text::vocabulary::{Vocabulary, UNKNOWN};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One element of a pattern after its head.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PatternWord {
    /// A word that must match the token's lower-case or base form.
    Word(FixedWord),
    /// Zero to [`MAX_GAP`] tokens.
    Gap,
}

/// A fixed word of a pattern, with its id in the dictionaries' vocabulary (the ids tokens
/// carry, [`crate::text::Token::ids`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedWord {
    /// The word (lower case).
    pub text: String,
    /// Its vocabulary id.
    pub id: u32,
}

impl FixedWord {
    /// The word.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for FixedWord {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// The most tokens a `*` may skip.
pub const MAX_GAP: usize = 4;

/// One verb pattern.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VerbPattern {
    /// CAMEO event code.
    pub code: String,
    /// Head lemma.
    pub head: String,
    /// The head's id in the dictionaries' vocabulary.
    pub head_id: u32,
    /// Words after the head.
    pub rest: Vec<PatternWord>,
    /// Applies only to a negated verb phrase; the negation belongs to the pattern.
    pub negated: bool,
    /// The head is a noun.
    pub noun: bool,
    /// Where it was defined.
    pub entry: EntryRef,
    /// The pattern as written.
    pub text: crate::model::SharedStr,
}

impl VerbPattern {
    /// How specific the pattern is: the number of fixed words.
    pub fn specificity(&self) -> usize {
        1 + usize::from(self.negated)
            + self
                .rest
                .iter()
                .filter(|w| matches!(w, PatternWord::Word(_)))
                .count()
    }
}

/// One head's patterns (verb or noun) by the vocabulary id of their last fixed word after the
/// head, as ranks in candidate order ([`VerbDictionary::order`]), each group sorted.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct HeadIndex {
    /// The distinct last words, by vocabulary id.
    words: Vec<u32>,
    /// The groups one after another: first the patterns with no fixed word after the head,
    /// then those of each of `words`.
    ranks: Vec<u32>,
    /// Where each group ends in `ranks`: the bare patterns' first, then each word's.
    ends: Vec<u32>,
    /// The place of each of `words` in it.
    #[serde(serialize_with = "super::sorted::map")]
    slots: HashMap<u32, u32>,
}

/// A [`HeadIndex`] being built: its groups apart.
#[derive(Default)]
struct HeadBuilder {
    bare: Vec<u32>,
    words: Vec<u32>,
    groups: Vec<Vec<u32>>,
    slots: HashMap<u32, u32>,
}

/// The most groups of a head [`VerbDictionary::candidates`] merges in place; more (rare) are
/// gathered and sorted.
const MERGED: usize = 8;

/// Compiled verb patterns.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct VerbDictionary {
    patterns: Vec<VerbPattern>,
    #[serde(serialize_with = "super::sorted::map")]
    verb_heads: HashMap<String, Vec<usize>>,
    #[serde(serialize_with = "super::sorted::map")]
    noun_heads: HashMap<String, Vec<usize>>,
    /// Per head id (verb and noun separately): its patterns by their last fixed word.
    #[serde(serialize_with = "super::sorted::map")]
    verb_index: HashMap<u32, HeadIndex>,
    #[serde(serialize_with = "super::sorted::map")]
    noun_index: HashMap<u32, HeadIndex>,
    /// The patterns in candidate order (most specific first, then dictionary order): the
    /// pattern of each rank ([`HeadIndex`] holds ranks).
    order: Vec<u32>,
}

impl VerbDictionary {
    /// Reads verb files; bad lines are reported. The patterns' fixed words are added to
    /// `words`.
    pub fn from_files(
        files: &[(String, String)],
        diagnostics: &mut Vec<Diagnostic>,
        words: &mut Vocabulary,
    ) -> VerbDictionary {
        let mut dict = VerbDictionary::default();
        for (name, text) in files {
            let file: Arc<str> = name.as_str().into();
            let (classes, text) = Classes::extract(name, text, diagnostics);
            for line in parse_file(name, &text, &["noun"], diagnostics) {
                if !line.code.bytes().all(|b| b.is_ascii_digit())
                    || !(2..=4).contains(&line.code.len())
                {
                    diagnostics.push(Diagnostic {
                        file: name.clone(),
                        line: line.number,
                        message: format!("bad CAMEO event code '{}'", line.code),
                    });
                    continue;
                }
                let expanded = line.phrases.iter().flat_map(|p| {
                    classes.expand(p).unwrap_or_else(|message| {
                        diagnostics.push(Diagnostic::new(name.as_str(), line.number, message));
                        Vec::new()
                    })
                });
                for p in expanded.collect::<Vec<_>>() {
                    match parse_pattern(&p, words) {
                        Ok((negated, head, rest)) => dict.patterns.push(VerbPattern {
                            code: line.code.to_string(),
                            head_id: words.add(&head),
                            head,
                            rest,
                            negated,
                            noun: line.flags.contains(&"noun"),
                            entry: EntryRef {
                                file: file.clone(),
                                line: line.number,
                            },
                            text: p.into(),
                        }),
                        Err(message) => diagnostics.push(Diagnostic {
                            file: name.clone(),
                            line: line.number,
                            message,
                        }),
                    }
                }
            }
        }
        dict.index();
        dict
    }

    fn index(&mut self) {
        let specificity: Vec<u16> = (self.patterns.iter())
            .map(|p| u16::try_from(p.specificity()).unwrap_or(u16::MAX))
            .collect();
        let mut order: Vec<u32> = (0..self.patterns.len() as u32).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(specificity[i as usize]), i));
        let (mut verbs, mut nouns) = (HashMap::default(), HashMap::default());
        for (rank, &i) in order.iter().enumerate() {
            let p = &self.patterns[i as usize];
            let (heads, index) = if p.noun {
                (&mut self.noun_heads, &mut nouns)
            } else {
                (&mut self.verb_heads, &mut verbs)
            };
            entry_for(heads, &p.head).push(i as usize);
            // Keyed by the last fixed word: it is the most selective ("urge * to *withdraw*").
            let last = p.rest.iter().rev().find_map(|w| match w {
                PatternWord::Word(w) => Some(w.id),
                PatternWord::Gap => None,
            });
            let head: &mut HeadBuilder = index.entry(p.head_id).or_default();
            head.add(last, rank as u32);
        }
        let finish = |index: HashMap<u32, HeadBuilder>| {
            (index.into_iter())
                .map(|(head, b)| (head, b.finish()))
                .collect()
        };
        self.verb_index = finish(verbs);
        self.noun_index = finish(nouns);
        self.order = order;
    }

    /// All patterns.
    pub fn patterns(&self) -> &[VerbPattern] {
        &self.patterns
    }

    /// The patterns headed by the word of id `head` (verb or noun patterns) that can match
    /// given the words present after the head, most specific first (ties in dictionary order),
    /// appended to `out` (a buffer the caller reuses). Patterns whose last fixed word is not
    /// among `present` are not returned.
    pub fn candidates<'s>(
        &'s self,
        head: u32,
        noun: bool,
        present: &impl WordSet,
        out: &mut Vec<&'s VerbPattern>,
    ) {
        let index = if noun {
            &self.noun_index
        } else {
            &self.verb_index
        };
        let Some(index) = index.get(&head).filter(|_| head != UNKNOWN) else {
            return;
        };
        let mut groups = Groups::default();
        groups.add(index.bare());
        // Probe the smaller side: the head's last words against the set, or the set's words
        // against the index.
        if index.words.len() < present.len_hint() {
            for (k, &w) in index.words.iter().enumerate() {
                if present.contains(w) {
                    groups.add(index.group(k));
                }
            }
        } else {
            present.for_each(&mut |w| {
                if let Some(&g) = index.slots.get(&w) {
                    groups.add(index.group(g as usize));
                }
            });
        }
        groups.merge_into(&self.order, &self.patterns, out);
    }

    /// True when `lemma` heads a verb (or, with `noun`, a noun) pattern.
    #[inline]
    pub fn has_head(&self, lemma: &str, noun: bool) -> bool {
        if noun {
            self.noun_heads.contains_key(lemma)
        } else {
            self.verb_heads.contains_key(lemma)
        }
    }

    /// The heads of verb patterns (for the tagger's lexicon).
    pub fn verb_head_lemmas(&self) -> impl Iterator<Item = &str> {
        self.verb_heads.keys().map(String::as_str)
    }
}

impl HeadIndex {
    /// The patterns with no fixed word after the head.
    fn bare(&self) -> &[u32] {
        &self.ranks[..self.ends[0] as usize]
    }

    /// The patterns of the `k`th of `words`.
    fn group(&self, k: usize) -> &[u32] {
        &self.ranks[self.ends[k] as usize..self.ends[k + 1] as usize]
    }
}

impl HeadBuilder {
    /// Adds the pattern of rank `rank` (ranks come in increasing order) whose last fixed word
    /// is `last`.
    fn add(&mut self, last: Option<u32>, rank: u32) {
        let Some(w) = last.filter(|&w| w != UNKNOWN) else {
            return self.bare.push(rank);
        };
        let slot = *self.slots.entry(w).or_insert_with(|| {
            self.words.push(w);
            self.groups.push(Vec::new());
            (self.words.len() - 1) as u32
        });
        self.groups[slot as usize].push(rank);
    }

    /// The index, its groups laid end to end.
    fn finish(self) -> HeadIndex {
        let mut ranks = self.bare;
        let mut ends = vec![ranks.len() as u32];
        for group in self.groups {
            ranks.extend(group);
            ends.push(ranks.len() as u32);
        }
        HeadIndex {
            words: self.words,
            ranks,
            ends,
            slots: self.slots,
        }
    }
}

/// The groups of ranks (each sorted) a head's candidates come from, each taken once: up to
/// [`MERGED`] in place, the rest gathered.
#[derive(Default)]
struct Groups<'s> {
    first: [&'s [u32]; MERGED],
    len: usize,
    more: Vec<&'s [u32]>,
}

impl<'s> Groups<'s> {
    fn add(&mut self, group: &'s [u32]) {
        let same = |g: &&[u32]| std::ptr::eq(g.as_ptr(), group.as_ptr());
        if group.is_empty() || self.first[..self.len].iter().any(same) || self.more.iter().any(same)
        {
            return;
        }
        if self.len < MERGED {
            self.first[self.len] = group;
            self.len += 1;
        } else {
            self.more.push(group);
        }
    }

    /// The patterns of every group in rank order, appended to `out`: the sorted groups merged
    /// (most heads have one or two), or all gathered and sorted when there are too many.
    fn merge_into<'p>(
        &mut self,
        order: &[u32],
        patterns: &'p [VerbPattern],
        out: &mut Vec<&'p VerbPattern>,
    ) {
        let pattern = |r: u32| &patterns[order[r as usize] as usize];
        if !self.more.is_empty() {
            let mut ranks: Vec<u32> = self.first[..self.len].concat();
            ranks.extend(self.more.iter().copied().flatten());
            ranks.sort_unstable();
            out.extend(ranks.into_iter().map(pattern));
            return;
        }
        let heads = &mut self.first[..self.len];
        out.reserve(heads.iter().map(|g| g.len()).sum());
        loop {
            let mut best: Option<usize> = None;
            for (k, g) in heads.iter().enumerate() {
                if let Some(&r) = g.first() {
                    if best.is_none_or(|b| r < heads[b][0]) {
                        best = Some(k);
                    }
                }
            }
            let Some(b) = best else {
                return;
            };
            out.push(pattern(heads[b][0]));
            heads[b] = &heads[b][1..];
        }
    }
}

/// The words present after a pattern head, by vocabulary id, as
/// [`VerbDictionary::candidates`] reads them.
pub trait WordSet {
    /// Whether the word of id `word` is present.
    fn contains(&self, word: u32) -> bool;
    /// Calls `f` with the id of each present word the vocabulary has (a word may come more
    /// than once).
    fn for_each(&self, f: &mut dyn FnMut(u32));
    /// About how many words [`WordSet::for_each`] yields.
    fn len_hint(&self) -> usize;
}

/// The value under `key`, inserted (as the default) when missing; the key is copied only then.
fn entry_for<'m, V: Default>(map: &'m mut HashMap<String, V>, key: &str) -> &'m mut V {
    if !map.contains_key(key) {
        map.insert(key.to_string(), V::default());
    }
    map.get_mut(key).expect("inserted above")
}

fn parse_pattern(
    p: &str,
    vocabulary: &mut Vocabulary,
) -> Result<(bool, String, Vec<PatternWord>), String> {
    let mut words = p.split_whitespace().map(str::to_lowercase).peekable();
    let negated = words.peek().is_some_and(|w| w == "not");
    if negated {
        words.next();
    }
    let head = words.next().ok_or_else(|| format!("empty pattern '{p}'"))?;
    if head == "*" {
        return Err(format!("pattern '{p}' starts with a gap"));
    }
    let rest: Vec<PatternWord> = words
        .map(|w| {
            if w == "*" {
                PatternWord::Gap
            } else {
                let id = vocabulary.add(&w);
                PatternWord::Word(FixedWord { text: w, id })
            }
        })
        .collect();
    if matches!(rest.last(), Some(PatternWord::Gap)) {
        return Err(format!("pattern '{p}' ends with a gap"));
    }
    Ok((negated, head, rest))
}
