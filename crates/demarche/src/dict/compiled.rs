//! Compiled dictionaries ([`Dictionaries`]): the actor, agent and verb dictionaries, one phrase
//! trie over all their phrases, the CAMEO table and the tagger's lexicon, compiled from
//! [`DictionarySources`]; and their snapshot, the compiled form as bytes (postcard), which
//! `build.rs` writes for the bundled dictionaries so that start-up parses and compiles nothing.
//! This file is also compiled into `build.rs`.

use super::actors::{ActorDictionary, AgentDictionary};
use super::cameo::CameoTable;
use super::parse::{self, Diagnostic};
use super::phrase::{EncodedSentence, PhraseMatch, PhraseSet};
use super::sources::DictionarySources;
use super::verbs::VerbDictionary;
use crate::text::vocabulary::Vocabulary;
use crate::text::Lexicon;
use serde::{Deserialize, Serialize};

/// Compiled dictionaries, ready for coding. Cheap to share between threads.
///
/// ```
/// use demarche::{Dictionaries, DictionarySources};
///
/// let mut sources = DictionarySources::default();
/// sources.actors.push(("actors.txt".into(), "ARN : Arnor\nGON : Gondor\n".into()));
/// sources.verbs.push(("verbs.txt".into(), "not a pattern line\n".into()));
/// let dict = Dictionaries::compile(sources);
/// assert_eq!(dict.counts().actor_phrases, 2);
/// // A line that cannot be used is reported with its file and line; loading goes on.
/// assert_eq!(dict.diagnostics[0].file, "verbs.txt");
/// assert_eq!(dict.diagnostics[0].line, 1);
/// ```
#[derive(Clone, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Dictionaries {
    /// Actor phrases.
    pub(crate) actors: ActorDictionary,
    /// Agent role nouns.
    pub(crate) agents: AgentDictionary,
    /// Verb patterns.
    pub(crate) verbs: VerbDictionary,
    /// Discard phrases.
    pub(crate) discards: Vec<String>,
    /// One trie for actor, agent and discard phrases, in that id order.
    phrases: PhraseSet,
    /// CAMEO code table.
    pub(crate) cameo: CameoTable,
    /// The tagger's lexicon, extended with the verb heads.
    pub(crate) lexicon: Lexicon,
    /// Lines that could not be used.
    pub diagnostics: Vec<Diagnostic>,
    /// These are [`Dictionaries::bundled`]: what `build.rs` built the coder's other bundled
    /// tables from (`code::bundled_names`).
    #[serde(skip)]
    bundled: bool,
}

impl Dictionaries {
    /// Compiles sources.
    pub fn compile(sources: DictionarySources) -> Dictionaries {
        let mut diagnostics = Vec::new();
        let actors = ActorDictionary::from_files(&sources.actors, &mut diagnostics);
        let agents = AgentDictionary::from_files(&sources.agents, &mut diagnostics);
        let mut words = Vocabulary::default();
        let verbs = VerbDictionary::from_files(&sources.verbs, &mut diagnostics, &mut words);
        let discards = discard_phrases(&sources.discards);
        let all: Vec<&str> = actors
            .phrases()
            .iter()
            .map(String::as_str)
            .chain(agents.phrases())
            .chain(discards.iter().map(String::as_str))
            .collect();
        let phrases = PhraseSet::new(&all, &mut words);
        let cameo = sources
            .cameo
            .as_ref()
            .map(|(n, t)| CameoTable::from_tsv(n, t, &mut diagnostics))
            .unwrap_or_default();
        check_codes(&verbs, &cameo, &mut diagnostics);
        words.shrink_to_fit();
        let lexicon = Lexicon::new(verbs.verb_head_lemmas()).with_words(words);
        Dictionaries {
            actors,
            agents,
            verbs,
            discards,
            phrases,
            cameo,
            lexicon,
            diagnostics,
            bundled: false,
        }
    }

    /// Marks these as the bundled dictionaries (`dict::bundled`).
    pub(crate) fn mark_bundled(&mut self) {
        self.bundled = true;
    }

    /// True for [`Dictionaries::bundled`], false for compiled ones.
    pub(crate) fn is_bundled(&self) -> bool {
        self.bundled
    }

    /// The compiled dictionaries as bytes, for [`Dictionaries::from_snapshot`] (`build.rs`
    /// writes the bundled snapshot with it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn to_snapshot(&self) -> Result<Vec<u8>, postcard::Error> {
        postcard::to_allocvec(self)
    }

    /// Dictionaries from the bytes [`Dictionaries::to_snapshot`] wrote: nothing is parsed or
    /// compiled again. Bytes that are cut or not a snapshot of these types are an error.
    pub(crate) fn from_snapshot(bytes: &[u8]) -> Result<Dictionaries, postcard::Error> {
        postcard::from_bytes(bytes)
    }

    /// How many entries each dictionary holds (what `demarche dict check` reports).
    pub fn counts(&self) -> DictionaryCounts {
        DictionaryCounts {
            actor_phrases: self.actors.len(),
            agent_phrases: self.agents.len(),
            verb_patterns: self.verbs.patterns().len(),
            discard_phrases: self.discards.len(),
            cameo_codes: self.cameo.len(),
        }
    }

    /// All actor, agent and discard phrase occurrences in a sentence, in one pass.
    pub(crate) fn match_phrases(&self, sentence: &EncodedSentence) -> SentenceMatches {
        let (a, g) = (self.actors.phrases().len(), self.agents.len());
        let mut out = SentenceMatches::default();
        let mut all = self.phrases.find_all(sentence);
        for &m in all.iter().filter(|m| m.phrase >= a) {
            if m.phrase < a + g {
                let phrase = m.phrase - a;
                out.agents.push(PhraseMatch { phrase, ..m });
            } else {
                let phrase = m.phrase - (a + g);
                out.discards.push(PhraseMatch { phrase, ..m });
            }
        }
        // The actors' matches keep the vector `find_all` filled (most matches are actors').
        all.retain(|m| m.phrase < a);
        out.actors = all;
        out
    }
}

/// The phrases of discard files: `|`-separated, `#` comments.
fn discard_phrases(files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .flat_map(|(_, text)| text.lines())
        .map(parse::strip_comment)
        .flat_map(|l| l.split('|'))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// Reports each verb-dictionary line whose event code the CAMEO table lacks (once a line).
fn check_codes(verbs: &VerbDictionary, cameo: &CameoTable, diagnostics: &mut Vec<Diagnostic>) {
    if cameo.is_empty() {
        return;
    }
    let mut reported = std::collections::HashSet::new();
    for p in verbs.patterns() {
        if !cameo.contains(&p.code) && reported.insert((p.entry.file.clone(), p.entry.line)) {
            diagnostics.push(Diagnostic {
                file: p.entry.file.to_string(),
                line: p.entry.line,
                message: format!(
                    "event code {} is not in the CAMEO table (its events get no name or scores)",
                    p.code
                ),
            });
        }
    }
}

/// How many entries each compiled dictionary holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DictionaryCounts {
    /// Actor phrases.
    pub actor_phrases: usize,
    /// Agent phrases, plurals included.
    pub agent_phrases: usize,
    /// Verb patterns.
    pub verb_patterns: usize,
    /// Discard phrases.
    pub discard_phrases: usize,
    /// CAMEO codes in the table.
    pub cameo_codes: usize,
}

/// Phrase occurrences in one sentence, by dictionary (phrase ids are per dictionary).
#[derive(Clone, Debug, Default)]
pub(crate) struct SentenceMatches {
    /// Actor phrase occurrences (all, overlapping).
    pub actors: Vec<PhraseMatch>,
    /// Agent phrase occurrences.
    pub agents: Vec<PhraseMatch>,
    /// Discard phrase occurrences.
    pub discards: Vec<PhraseMatch>,
}
