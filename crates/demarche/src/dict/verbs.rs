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

/// Compiled verb patterns.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct VerbDictionary {
    patterns: Vec<VerbPattern>,
    #[serde(serialize_with = "super::sorted::map")]
    verb_heads: HashMap<String, Vec<usize>>,
    #[serde(serialize_with = "super::sorted::map")]
    noun_heads: HashMap<String, Vec<usize>>,
    /// Per head id (verb and noun separately): patterns by the vocabulary id of their last
    /// fixed word after the head; bare-head patterns under [`UNKNOWN`].
    #[serde(serialize_with = "super::sorted::nested_map")]
    verb_by_word: HashMap<u32, HashMap<u32, Vec<usize>>>,
    #[serde(serialize_with = "super::sorted::nested_map")]
    noun_by_word: HashMap<u32, HashMap<u32, Vec<usize>>>,
    /// [`VerbPattern::specificity`] of each pattern, the order of candidates.
    specificity: Vec<u16>,
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
        for (i, p) in self.patterns.iter().enumerate() {
            let (heads, by_word) = if p.noun {
                (&mut self.noun_heads, &mut self.noun_by_word)
            } else {
                (&mut self.verb_heads, &mut self.verb_by_word)
            };
            entry_for(heads, &p.head).push(i);
            // Keyed by the last fixed word: it is the most selective ("urge * to *withdraw*").
            let last = p.rest.iter().rev().find_map(|w| match w {
                PatternWord::Word(w) => Some(w.id),
                PatternWord::Gap => None,
            });
            let by_last = by_word.entry(p.head_id).or_default();
            by_last.entry(last.unwrap_or(UNKNOWN)).or_default().push(i);
        }
        self.specificity = self
            .patterns
            .iter()
            .map(|p| u16::try_from(p.specificity()).unwrap_or(u16::MAX))
            .collect();
        let specificity = &self.specificity;
        for list in self
            .verb_heads
            .values_mut()
            .chain(self.noun_heads.values_mut())
        {
            list.sort_by_key(|&i| std::cmp::Reverse(specificity[i]));
        }
        for list in self
            .verb_by_word
            .values_mut()
            .chain(self.noun_by_word.values_mut())
            .flat_map(|by_word| by_word.values_mut())
        {
            list.sort_by_key(|&i| (std::cmp::Reverse(specificity[i]), i));
        }
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
        let by_word = if noun {
            &self.noun_by_word
        } else {
            &self.verb_by_word
        };
        let Some(index) = by_word.get(&head).filter(|_| head != UNKNOWN) else {
            return;
        };
        // Each pattern is in one list (its last word's); each list is sorted already. Most
        // heads have one list that can match: no allocation then.
        let mut first: Option<&'s [usize]> = None;
        let mut more: Vec<&'s [usize]> = Vec::new();
        let mut add = |list: &'s Vec<usize>| {
            let same = |l: &&[usize]| std::ptr::eq(l.as_ptr(), list.as_ptr());
            if first.as_ref().is_some_and(same) || more.iter().any(same) {
                return;
            }
            match first {
                None => first = Some(list),
                Some(_) => more.push(list),
            }
        };
        index.get(&UNKNOWN).map(&mut add);
        // Probe the smaller side: the head's last words against the set, or the set's words
        // against the index.
        if index.len() <= present.len_hint() {
            index
                .iter()
                .filter(|(&w, _)| w != UNKNOWN && present.contains(w))
                .for_each(|(_, list)| add(list));
        } else {
            present.for_each(&mut |w| {
                index.get(&w).filter(|_| w != UNKNOWN).map(&mut add);
            });
        }
        let Some(first) = first else {
            return;
        };
        if more.is_empty() {
            out.extend(first.iter().map(|&i| &self.patterns[i]));
            return;
        }
        more.push(first);
        let mut ids = more.concat();
        ids.sort_unstable_by_key(|&i| self.order_key(i));
        out.extend(ids.into_iter().map(|i| &self.patterns[i]));
    }

    /// The order of candidates: most specific first, then in dictionary order.
    fn order_key(&self, i: usize) -> (std::cmp::Reverse<u16>, usize) {
        (std::cmp::Reverse(self.specificity[i]), i)
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
