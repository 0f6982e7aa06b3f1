//! Actor and agent dictionaries: phrases that name actors (`USA`, `IGOUNO`, persons) and role
//! nouns that name agents (`GOV`, `MIL`), compiled into phrase matchers.

use super::parse::{parse_file, DateRange, Diagnostic};
use super::phrase::PhraseMatch;
use crate::model::{Date, EntryRef};
use crate::text::inflect::noun_plurals;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One actor dictionary entry (one phrase of one line).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorEntry {
    /// CAMEO actor code.
    pub code: String,
    /// A place name standing for the actor (capital, seat of power).
    pub place: bool,
    /// A person's name.
    pub person: bool,
    /// The name is also a given name ("Chad", "Jordan"): next to an unknown capitalized name it
    /// is part of a person's name, not the actor.
    pub given_name: bool,
    /// The phrase is a short or shared form ("Labor", "Democrats", "the Tories"): it codes
    /// only written capitalized, and only where its country is in scope (the document's
    /// context country, a country of the sentence, or an earlier full name with its code).
    pub context: bool,
    /// When the entry applies.
    pub dates: DateRange,
    /// Where it was defined.
    pub entry: EntryRef,
    /// The phrase as written.
    pub phrase: String,
}

/// One agent dictionary entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgentEntry {
    /// CAMEO agent code (`GOV`).
    pub code: String,
    /// The role noun names an actor on its own, without a country ("insurgents", "police").
    pub standalone: bool,
    /// Where it was defined.
    pub entry: EntryRef,
    /// The phrase as written (or generated plural).
    pub phrase: String,
}

/// Compiled actor phrases.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ActorDictionary {
    entries: Vec<ActorEntry>,
    /// For each distinct phrase, the entries that share it.
    by_phrase: Vec<Vec<usize>>,
    /// The distinct phrases as first written, index = phrase id.
    keys: Vec<String>,
    /// For each date-bounded entry, the entry used for documents dated outside its range (see
    /// [`outside_entry`]); `None` for open entries, which apply on every date.
    outside: Vec<Option<ActorEntry>>,
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
            for line in parse_file(
                name,
                text,
                &["place", "person", "given-name", "context"],
                diagnostics,
            ) {
                for p in &line.phrases {
                    entries.push(ActorEntry {
                        code: line.code.to_string(),
                        place: line.flags.contains(&"place"),
                        person: line.flags.contains(&"person"),
                        given_name: line.flags.contains(&"given-name"),
                        context: line.flags.contains(&"context"),
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
        let roots: std::collections::HashSet<&str> = entries
            .iter()
            .filter(|e| !e.person && e.code.len() == 3)
            .map(|e| e.code.as_str())
            .collect();
        let outside = entries
            .iter()
            .map(|e| (!e.dates.is_unbounded()).then(|| outside_entry(e, &roots)))
            .collect();
        ActorDictionary {
            entries,
            by_phrase,
            keys,
            outside,
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
        matches: &[PhraseMatch],
        date: Option<Date>,
    ) -> Vec<(PhraseMatch, &ActorEntry)> {
        self.resolve_in(matches, date, |_, _| true)
    }

    /// Like [`Self::resolve`], but a `context` entry is used only where `in_scope(match,
    /// entry)` accepts it; entries without `context` always apply.
    pub fn resolve_in(
        &self,
        matches: &[PhraseMatch],
        date: Option<Date>,
        in_scope: impl Fn(&PhraseMatch, &ActorEntry) -> bool,
    ) -> Vec<(PhraseMatch, &ActorEntry)> {
        let scope = |m: &PhraseMatch, e: &ActorEntry| !e.context || in_scope(m, e);
        let valid: Vec<PhraseMatch> = (matches.iter().copied())
            .filter(|m| self.pick(m, date, &scope).is_some())
            .collect();
        super::phrase::leftmost_longest(valid)
            .into_iter()
            .filter_map(|m| self.pick(&m, date, &scope).map(|e| (m, e)))
            .collect()
    }

    /// The entries of the phrase of `m`.
    pub fn entries_of(&self, m: &PhraseMatch) -> impl Iterator<Item = &ActorEntry> {
        let ids = self.by_phrase.get(m.phrase).map_or(&[][..], Vec::as_slice);
        ids.iter().map(|&i| &self.entries[i])
    }

    /// Whether any entry of the phrase of `m` is a `context` entry.
    pub fn is_scoped(&self, m: &PhraseMatch) -> bool {
        self.by_phrase
            .get(m.phrase)
            .is_some_and(|ids| ids.iter().any(|&i| self.entries[i].context))
    }

    /// The entry for a phrase on `date`: a date-bounded entry that fits wins over an open one,
    /// and of two that fit the one that began last (a role taken up in the month the previous
    /// one ended). When no entry fits, a date never makes the name unknown: the entry nearest
    /// in time is used in its outside-dates form (see [`outside_entry`]).
    fn pick(
        &self,
        m: &PhraseMatch,
        date: Option<Date>,
        scope: &impl Fn(&PhraseMatch, &ActorEntry) -> bool,
    ) -> Option<&ActorEntry> {
        let all = self.by_phrase.get(m.phrase)?;
        let ids = || all.iter().filter(|&&i| scope(m, &self.entries[i]));
        let fitting = || {
            ids()
                .map(|&i| &self.entries[i])
                .filter(|e| e.dates.contains(date))
        };
        let dated = fitting()
            .filter(|e| !e.dates.is_unbounded() && date.is_some())
            .reduce(|a, b| if b.dates.from > a.dates.from { b } else { a });
        dated.or_else(|| fitting().next()).or_else(|| {
            let d = date?;
            let nearest = ids().min_by_key(|&&i| days_outside(&self.entries[i].dates, d))?;
            // An open entry always fits, so the nearest one is date-bounded.
            self.outside[*nearest].as_ref()
        })
    }
}

/// How many days `d` lies outside `range` (0 inside).
fn days_outside(range: &DateRange, d: Date) -> i64 {
    let before = range.from.map_or(0, |f| (f - d).num_days().max(0));
    let after = range.to.map_or(0, |t| (d - t).num_days().max(0));
    before + after
}

/// The form of a dated entry used outside its dates: a person keeps their country as an elite
/// (`USAGOV` → `USAELI`: a former or future office holder); a person whose role has no country
/// root (`IGOUNO`), and any name of a country or organisation (a former name such as "European
/// Community"), keeps its code.
fn outside_entry(e: &ActorEntry, roots: &std::collections::HashSet<&str>) -> ActorEntry {
    let root = e.code.get(..3).unwrap_or("");
    let code = if e.person && roots.contains(root) {
        format!("{root}ELI")
    } else {
        e.code.clone()
    };
    ActorEntry {
        code,
        dates: DateRange::default(),
        ..e.clone()
    }
}

/// Compiled agent phrases.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AgentDictionary {
    entries: Vec<AgentEntry>,
}

/// A phrase that opens with a one-word standalone role noun of its own code names an actor on
/// its own too, as that noun does: "rebel group", "militant leader", "opposition lawmaker",
/// "police chief", "union official" like "rebel", "militant", "opposition", "police", "union".
fn inherit_standalone(entries: &mut [AgentEntry]) {
    let heads: std::collections::HashSet<(String, String)> = entries
        .iter()
        .filter(|e| e.standalone && !e.phrase.contains(' '))
        .map(|e| (e.code.clone(), e.phrase.to_lowercase()))
        .collect();
    for e in entries.iter_mut().filter(|e| !e.standalone) {
        if let Some((first, _)) = e.phrase.split_once(' ') {
            e.standalone = heads.contains(&(e.code.clone(), first.to_lowercase()));
        }
    }
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
            for line in parse_file(name, text, &["standalone"], diagnostics) {
                let standalone = line.flags.contains(&"standalone");
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
                                standalone,
                                entry: entry.clone(),
                                phrase,
                            });
                        }
                    }
                }
            }
        }
        inherit_standalone(&mut entries);
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
