//! Coding: from analysed sentences to events.
//!
//! For each sentence the coder finds actor mentions ([`mentions`]) and verb-pattern matches
//! ([`patterns`]), then for each match picks the source (the clause's subject, inherited from the
//! governing clause when the clause has none, or the `by` agent of a passive) and the target (the
//! first actor after the verb in the clause, or the subject of its complement clause), and emits
//! one event per source–target pair. [`Coder::explain`] records every decision.
//!
//! The work of one sentence is split by decision:
//!
//! * [`sentence`]: the per-sentence context (analysis, mentions, quotations, times) and the walk
//!   over the sentence's pattern matches;
//! * [`events`]: whether a match becomes events, and the rules that shaped them;
//! * [`source`] and [`target`]: who did it and to whom, by clause structure;
//! * [`modality`]: hypothetical, conditional and intended acts, and the future;
//! * [`speaker`]: pronouns inside reported speech that stand for the speaker;
//! * [`event_date`] and [`emit`]: the event's date and the `Event` record itself;
//! * [`memory`]: what is remembered across a document's sentences;
//! * [`decision`]: the decisions as types (rules, source/target rules, CAMEO codes);
//! * [`grammar`]: the word lists those decisions depend on (`dictionaries/grammar/`).
//!
//! Event locations are chosen by [`crate::resolve::locate`].

mod decision;
mod emit;
mod event_date;
mod events;
pub mod explain;
mod grammar;
mod memory;
pub mod mentions;
mod modality;
pub mod patterns;
pub mod quotes;
mod sentence;
mod source;
mod speaker;
mod target;

pub use explain::{Explanation, SentenceExplanation};

use crate::dict::Dictionaries;
use crate::error::Result;
use crate::model::{Document, Event};
use crate::resolve::PlaceResolver;
use crate::text::{analyze, Analysis};
use memory::DocumentState;
use std::sync::Arc;

/// Builds a [`Coder`].
#[derive(Clone, Debug)]
pub struct CoderBuilder {
    dictionaries: Option<Arc<Dictionaries>>,
    keep_hypothetical: bool,
    places: bool,
    document_places: bool,
}

impl Default for CoderBuilder {
    fn default() -> Self {
        CoderBuilder {
            dictionaries: None,
            keep_hypothetical: false,
            places: true,
            document_places: true,
        }
    }
}

impl CoderBuilder {
    /// A builder with the bundled dictionaries.
    pub fn new() -> CoderBuilder {
        CoderBuilder::default()
    }

    /// Uses these dictionaries instead of the bundled ones.
    pub fn dictionaries(mut self, d: Arc<Dictionaries>) -> CoderBuilder {
        self.dictionaries = Some(d);
        self
    }

    /// Also code verbs under "must", "should", "could", "might", "may" and in "if" clauses
    /// (off by default: those events have not happened).
    pub fn keep_hypothetical(mut self, yes: bool) -> CoderBuilder {
        self.keep_hypothetical = yes;
        self
    }

    /// Resolve event locations with the bundled gazetteer (default: on).
    pub fn places(mut self, yes: bool) -> CoderBuilder {
        self.places = yes;
        self
    }

    /// Resolve the places of every sentence for [`CodedDocument::places`] (default: on). When
    /// off, only sentences with events (and the first, for the dateline) are resolved, which is
    /// faster when only events are written.
    pub fn document_places(mut self, yes: bool) -> CoderBuilder {
        self.document_places = yes;
        self
    }

    /// Builds the coder. The bundled gazetteer is loaded when the first place is looked up.
    pub fn build(self) -> Result<Coder> {
        let dict = self
            .dictionaries
            .unwrap_or_else(|| Arc::new(Dictionaries::bundled()));
        let places = self.places.then(|| Arc::new(PlaceResolver::bundled()));
        Ok(Coder {
            dict,
            keep_hypothetical: self.keep_hypothetical,
            places,
            document_places: self.document_places,
        })
    }
}

/// The event coder. Cheap to clone; safe to share between threads.
#[derive(Clone, Debug)]
pub struct Coder {
    dict: Arc<Dictionaries>,
    keep_hypothetical: bool,
    places: Option<Arc<PlaceResolver>>,
    document_places: bool,
}

/// The events of one document, plus warnings about its text.
#[derive(Clone, Debug, Default)]
pub struct CodedDocument {
    /// Events in text order.
    pub events: Vec<Event>,
    /// Number of sentences.
    pub sentences: usize,
    /// Warnings (invalid UTF-8 repaired, ...).
    pub warnings: Vec<String>,
    /// The distinct places the document names as places (not as actors), in order.
    pub places: Vec<crate::resolve::Location>,
}

impl Coder {
    /// A coder with the bundled dictionaries.
    pub fn bundled() -> Coder {
        CoderBuilder::new().build().unwrap_or_else(|_| Coder {
            dict: Arc::new(Dictionaries::bundled()),
            keep_hypothetical: false,
            places: None,
            document_places: false,
        })
    }

    /// The dictionaries in use.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dict
    }

    /// Codes one document.
    pub fn code(&self, doc: &Document) -> CodedDocument {
        self.run(doc, None)
    }

    /// Codes one document and records why each event was or was not produced.
    pub fn explain(&self, doc: &Document) -> Explanation {
        let mut exp = Explanation::default();
        let coded = self.run(doc, Some(&mut exp));
        exp.warnings = coded.warnings;
        exp
    }

    fn run(&self, doc: &Document, mut trace: Option<&mut Explanation>) -> CodedDocument {
        let analysis = analyze(&doc.text, &self.dict.lexicon);
        let mut out = CodedDocument {
            sentences: analysis.sentences.len(),
            warnings: utf8_warnings(&analysis),
            ..CodedDocument::default()
        };
        let mut memory = DocumentState::default();
        for sentence in &analysis.sentences {
            let mut explained = trace
                .as_ref()
                .map(|_| SentenceExplanation::new(&analysis, sentence));
            let events =
                self.code_sentence(doc, &analysis, sentence, &mut memory, explained.as_mut());
            if let (Some(t), Some(mut s)) = (trace.as_deref_mut(), explained) {
                s.events = events.clone();
                t.sentences.push(s);
            }
            out.events.extend(events);
        }
        out.places = memory.places.into_all();
        out
    }
}

/// The warning for a document whose bytes were not valid UTF-8.
fn utf8_warnings(analysis: &Analysis) -> Vec<String> {
    if analysis.normalized.had_invalid_utf8() {
        vec!["invalid UTF-8 replaced with U+FFFD; spans still index the original bytes".into()]
    } else {
        Vec::new()
    }
}
