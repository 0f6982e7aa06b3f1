//! Actor and agent dictionaries: phrases that name actors (`USA`, `IGOUNO`, persons) and role
//! nouns that name agents (`GOV`, `MIL`), compiled into phrase matchers.

use super::parse::{parse_file, DateRange, Diagnostic};
use super::phrase::PhraseMatch;
use crate::model::{Date, EntryRef};
use crate::text::inflect::noun_plurals;
use std::sync::Arc;

/// One actor dictionary entry (one phrase of one line).
#[derive(Clone, Debug, PartialEq)]
pub struct ActorEntry {
    /// CAMEO actor code.
    pub code: String,
    /// A place name standing for the actor (capital, seat of power).
    pub place: bool,
    /// A person's name.
    pub person: bool,
    /// When the entry applies.
    pub dates: DateRange,
    /// Where it was defined.
    pub entry: EntryRef,
    /// The phrase as written.
    pub phrase: String,
}

/// One agent dictionary entry.
#[derive(Clone, Debug, PartialEq)]
pub struct AgentEntry {
    /// CAMEO agent code (`GOV`).
    pub code: String,
    /// Where it was defined.
    pub entry: EntryRef,
    /// The phrase as written (or generated plural).
    pub phrase: String,
}

/// Compiled actor phrases.
#[derive(Clone, Debug, Default)]
pub struct ActorDictionary {
    entries: Vec<ActorEntry>,
    /// For each distinct phrase, the entries that share it.
    by_phrase: Vec<Vec<usize>>,
    /// The distinct phrases as first written, index = phrase id.
    keys: Vec<String>,
}

impl ActorDictionary {
    /// Reads actor files `(name, text)`; bad lines are reported in `diagnostics`.
    pub fn from_files(
        files: &[(String, String)],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> ActorDictionary {
        let mut entries = Vec::new();
        for (name, text) in files {
            let file: Arc<str> = name.as_str().into();
            for line in parse_file(name, text, &["place", "person"], diagnostics) {
                for p in &line.phrases {
                    entries.push(ActorEntry {
                        code: line.code.to_string(),
                        place: line.flags.contains(&"place"),
                        person: line.flags.contains(&"person"),
                        dates: line.dates,
                        entry: EntryRef {
                            file: file.clone(),
                            line: line.number,
                        },
                        phrase: p.to_string(),
                    });
                }
            }
        }
        Self::from_entries(entries)
    }

    /// Compiles entries.
    pub fn from_entries(entries: Vec<ActorEntry>) -> ActorDictionary {
        let mut keys: Vec<String> = Vec::new();
        let mut by_phrase: Vec<Vec<usize>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let key = if super::phrase::is_case_sensitive(&e.phrase) {
                e.phrase.clone()
            } else {
                e.phrase.to_lowercase()
            };
            // The phrase is kept as written: tokenization depends on case ("W." is an initial,
            // "w." is not), matching then lower-cases token by token.
            let slot = *index.entry(key).or_insert_with(|| {
                keys.push(e.phrase.clone());
                by_phrase.push(Vec::new());
                by_phrase.len() - 1
            });
            by_phrase[slot].push(i);
        }
        ActorDictionary {
            entries,
            by_phrase,
            keys,
        }
    }

    /// Number of entries (phrases).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// All entries.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.entries
    }

    /// The distinct phrases, index = phrase id of the matches given to [`Self::resolve`].
    pub fn phrases(&self) -> &[String] {
        &self.keys
    }

    /// Leftmost-longest actor matches valid on `date`, with the entry chosen for each, from all
    /// occurrences of this dictionary's phrases.
    pub fn resolve(
        &self,
        matches: Vec<PhraseMatch>,
        date: Option<Date>,
    ) -> Vec<(PhraseMatch, &ActorEntry)> {
        let valid: Vec<PhraseMatch> = matches
            .into_iter()
            .filter(|m| self.pick(m.phrase, date).is_some())
            .collect();
        super::phrase::leftmost_longest(valid)
            .into_iter()
            .filter_map(|m| self.pick(m.phrase, date).map(|e| (m, e)))
            .collect()
    }

    /// The entry for a phrase on `date`: a date-bounded entry that fits wins over an open one.
    fn pick(&self, phrase: usize, date: Option<Date>) -> Option<&ActorEntry> {
        let candidates = self
            .by_phrase
            .get(phrase)?
            .iter()
            .map(|&i| &self.entries[i]);
        let mut open = None;
        for e in candidates {
            if !e.dates.contains(date) {
                continue;
            }
            if !e.dates.is_unbounded() && date.is_some() {
                return Some(e);
            }
            open.get_or_insert(e);
        }
        open
    }
}

/// Compiled agent phrases.
#[derive(Clone, Debug, Default)]
pub struct AgentDictionary {
    entries: Vec<AgentEntry>,
}

impl AgentDictionary {
    /// Reads agent files; regular plurals of each phrase's last word are generated.
    pub fn from_files(
        files: &[(String, String)],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> AgentDictionary {
        let mut entries = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (name, text) in files {
            let file: Arc<str> = name.as_str().into();
            for line in parse_file(name, text, &[], diagnostics) {
                for p in &line.phrases {
                    let entry = EntryRef {
                        file: file.clone(),
                        line: line.number,
                    };
                    let mut forms = vec![p.to_string()];
                    if !super::phrase::is_case_sensitive(p) {
                        let (stem, last) = p.rsplit_once(' ').map_or(("", *p), |(a, b)| (a, b));
                        for plural in noun_plurals(&last.to_lowercase()) {
                            forms.push(if stem.is_empty() {
                                plural
                            } else {
                                format!("{stem} {plural}")
                            });
                        }
                    }
                    for phrase in forms {
                        if seen.insert(phrase.to_lowercase()) {
                            entries.push(AgentEntry {
                                code: line.code.to_string(),
                                entry: entry.clone(),
                                phrase,
                            });
                        }
                    }
                }
            }
        }
        AgentDictionary { entries }
    }

    /// Number of phrases, generated plurals included.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The phrases, index = phrase id of the matches given to [`Self::resolve`].
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.phrase.as_str())
    }

    /// Leftmost-longest agent matches from all occurrences of this dictionary's phrases.
    pub fn resolve(&self, matches: Vec<PhraseMatch>) -> Vec<(PhraseMatch, &AgentEntry)> {
        super::phrase::leftmost_longest(matches)
            .into_iter()
            .map(|m| (m, &self.entries[m.phrase]))
            .collect()
    }
}
