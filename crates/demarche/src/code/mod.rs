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
//! * [`authority`]: the police or judiciary behind an agentless passive ("he was arrested");
//! * [`home_target`]: a targetless protest or act of repression targets the source's country;
//! * [`place_target`]: the place's country as target of visits and acts of force;
//! * [`reply`]: a targetless denial, refusal or return of fire targets the actor it answers;
//! * [`reciprocal`]: mutual acts of joined actors ("A and B signed"), coded both ways;
//! * [`modality`]: hypothetical, conditional and intended acts, and the future;
//! * [`complement`]: CAMEO's codes for intended, threatened, appealed-for and demanded acts;
//! * [`speech`]: what reported speech says — its events replace the bare statement, reports of
//!   another's violence the speaker claims are accusations, untargeted statements are optional;
//! * [`content`]: what a statement with no coded act inside says — an obligation laid on
//!   another actor (100), a judgement of it (111, 112) — and speech patterns read by what
//!   follows them ("warned that" a state of affairs: 012);
//! * [`judgement`]: the judgements reported words make of an actor or its act — criticism
//!   (111), accusation (112), praise (051) — and deeds that judge their doer;
//! * [`speaker`]: pronouns inside reported speech that stand for the speaker;
//! * [`visits`]: visits are political acts — a civilian's or a company's trip is none;
//! * [`event_date`] and [`emit`]: the event's date and the `Event` record itself;
//! * [`actor_forms`] and [`names`]: actors named without their full dictionary name (surnames,
//!   city + agent, standalone role nouns with the context country) and country names
//!   inside other names, from indexes built once per coder;
//! * [`acronyms`] and [`member_bodies`]: acronyms defined after a body's name, union acronyms,
//!   and bodies "of" a trade's members ("the Council of Churches");
//! * [`memory`]: what is remembered across a document's sentences;
//! * [`label`]: the labels of mentions (codes, entries, remembered texts) as cheap types;
//! * [`decision`]: the decisions as types (rules, source/target rules, CAMEO codes);
//! * [`adjuncts`]: place and time adjuncts a pattern steps over before its preposition;
//! * [`grammar`]: the word lists those decisions depend on (`dictionaries/grammar/`).
//!
//! Event locations are chosen by [`crate::resolve::locate`].

mod acronyms;
mod actor_forms;
mod adjuncts;
mod appraisal;
mod attackers;
mod authority;
mod background;
mod bundled_names;
mod collapse;
mod complement;
mod content;
mod dateline;
mod decision;
mod described;
mod emit;
mod event_date;
mod events;
pub mod explain;
mod grammar;
mod hardware;
mod home_country;
mod home_target;
mod inquiry;
mod judgement;
mod label;
mod light_verb;
mod member_bodies;
mod memory;
pub mod mentions;
mod method;
mod modality;
mod name_tokens;
mod names;
mod organisations;
pub mod patterns;
mod phone;
mod phrases;
mod place_target;
mod protest;
mod protest_site;
mod purpose;
mod quote_runs;
pub mod quotes;
mod reciprocal;
mod reply;
mod report_authors;
mod role_links;
mod role_places;
mod salience;
mod scoped;
mod sentence;
mod source;
mod speaker;
mod speech;
mod surname_places;
mod target;
mod topic;
mod unknown_bodies;
mod unknown_persons;
mod victims;
mod visits;

/// The tokens of `text` analyzed with the bundled dictionaries' lexicon (unit tests of code/).
#[cfg(test)]
fn bundled_tokens(text: &str) -> Vec<crate::text::Token> {
    let lexicon = &crate::dict::Dictionaries::bundled().lexicon;
    crate::text::test_support::analyzed_tokens(text, lexicon)
}

pub use explain::{Explanation, SentenceExplanation};

use crate::dict::{Dictionaries, EncodedSentence};
use crate::error::{Error, Result};
use crate::model::{Document, Event};
use crate::resolve::PlaceResolver;
use crate::text::{analyze, Analysis};
use memory::DocumentState;
use names::NameIndex;
use phrases::SentencePhrases;
use std::sync::Arc;

/// Whether statements without a target are events by default (see
/// [`CoderBuilder::untargeted_statements`]).
const UNTARGETED_STATEMENTS_DEFAULT: bool = false;

/// Builds a [`Coder`].
#[derive(Clone, Debug)]
pub struct CoderBuilder {
    dictionaries: Option<Arc<Dictionaries>>,
    keep_hypothetical: bool,
    untargeted_statements: bool,
    places: bool,
    document_places: bool,
    home_country: Option<String>,
}

impl Default for CoderBuilder {
    fn default() -> Self {
        CoderBuilder {
            dictionaries: None,
            keep_hypothetical: false,
            untargeted_statements: UNTARGETED_STATEMENTS_DEFAULT,
            places: true,
            document_places: true,
            home_country: None,
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

    /// Also emit statements (01x) that have no target and report nothing codable ("Japanese
    /// officials said on Tuesday"). CAMEO events are interactions between two actors; see
    /// docs/coding.md for the default and why.
    pub fn untargeted_statements(mut self, yes: bool) -> CoderBuilder {
        self.untargeted_statements = yes;
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

    /// The home country of the whole run (a CAMEO country code such as `AUS`): the country of
    /// actors written without one ("the Government", "police") in documents that name no
    /// country at all, unless a record's own `country` field gives another. Checked by
    /// [`CoderBuilder::build`]. See docs/coding.md, "the country convention".
    pub fn home_country(mut self, code: Option<&str>) -> CoderBuilder {
        self.home_country = code.map(str::to_string);
        self
    }

    /// Builds the coder. The bundled gazetteer is loaded when the first place is looked up.
    pub fn build(self) -> Result<Coder> {
        let dict = self
            .dictionaries
            .unwrap_or_else(|| Arc::new(Dictionaries::bundled()));
        let gazetteer = self.places.then(crate::resolve::Gazetteer::bundled);
        let places = gazetteer.clone().map(|g| Arc::new(PlaceResolver::new(g)));
        let names = Arc::new(bundled_names::name_index(&dict, gazetteer));
        let home_country = match &self.home_country {
            None => None,
            Some(code) => Some(home_country::known_country(&names, code).ok_or_else(|| {
                Error::Config(format!(
                    "home country '{code}' is not a country code of the dictionaries (ISO3 like AUS)"
                ))
            })?),
        };
        Ok(Coder {
            dict,
            names,
            keep_hypothetical: self.keep_hypothetical,
            untargeted_statements: self.untargeted_statements,
            places,
            document_places: self.document_places,
            home_country,
        })
    }
}

/// The event coder. Cheap to clone; safe to share between threads.
#[derive(Clone, Debug)]
pub struct Coder {
    dict: Arc<Dictionaries>,
    /// Surnames, cities and regions, indexed once.
    names: Arc<NameIndex>,
    keep_hypothetical: bool,
    untargeted_statements: bool,
    places: Option<Arc<PlaceResolver>>,
    document_places: bool,
    /// The run's home country, for documents that name none.
    home_country: Option<String>,
}

/// The events of one document, plus warnings about its text.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct CodedDocument {
    /// Events in text order.
    pub events: Vec<Event>,
    /// Number of sentences.
    pub sentences: usize,
    /// Each sentence's byte range in the original text, in order (empty when the engine does
    /// not report them; then only the sentences of events are known, from the events).
    pub sentence_spans: Vec<crate::model::Span>,
    /// Warnings (invalid UTF-8 repaired, ...).
    pub warnings: Vec<String>,
    /// The distinct places the document names as places (not as actors), in order.
    pub places: Vec<crate::resolve::Location>,
}

impl Coder {
    /// A coder with the bundled dictionaries and gazetteer.
    ///
    /// # Panics
    ///
    /// Only if the data compiled into the binary is broken (a build defect the test suite
    /// rules out); it never drops places silently. Use [`CoderBuilder::build`] for a `Result`.
    pub fn bundled() -> Coder {
        CoderBuilder::new()
            .build()
            .expect("the bundled dictionaries and gazetteer are valid (checked by the tests)")
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
            sentence_spans: analysis
                .sentences
                .iter()
                .map(|s| analysis.original_span(s.start, s.end))
                .collect(),
            warnings: utf8_warnings(&analysis),
            ..CodedDocument::default()
        };
        let mut memory = DocumentState::new(emit::DocLabels::of(doc));
        let matches: Vec<SentencePhrases> = (analysis.sentences.iter())
            .map(|s| {
                let raw = self.dict.match_phrases(&EncodedSentence::new(&s.tokens));
                SentencePhrases::new(&self.dict, (raw, &s.tokens), doc.date)
            })
            .collect();
        let fallbacks = self.fallbacks(doc, &analysis, &matches, &mut out.warnings);
        memory.actors.set_fallbacks(fallbacks);
        memory.quotes = quote_runs::QuoteRuns::new(&analysis);
        for (sentence, matches) in analysis.sentences.iter().zip(matches) {
            let mut explained = trace
                .as_ref()
                .map(|_| SentenceExplanation::new(&analysis, sentence));
            let events = self.code_sentence(
                doc,
                (&analysis, sentence, matches),
                &mut memory,
                explained.as_mut(),
            );
            if let (Some(t), Some(mut s)) = (trace.as_deref_mut(), explained) {
                s.events = events.clone();
                t.sentences.push(s);
            }
            if out.events.is_empty() {
                // The first sentence with events: its vector becomes the document's.
                out.events = events;
            } else {
                out.events.extend(events);
            }
        }
        out.places = memory.finish();
        out
    }

    /// The document's home country (the record's `country` field, else the run's, else its
    /// domestic evidence) and its dominant country, warning about a field that names no
    /// country.
    fn fallbacks(
        &self,
        doc: &Document,
        analysis: &Analysis,
        matches: &[SentencePhrases],
        warnings: &mut Vec<String>,
    ) -> home_country::Fallbacks {
        let sentences = &analysis.sentences;
        let document = home_country::dominant(&self.names, matches);
        let (record, warning) = home_country::record_country(doc, &self.names);
        warnings.extend(warning);
        let domestic = (record.is_none() && self.home_country.is_none())
            .then(|| home_country::domestic(&self.dict, &self.names, sentences, matches, doc.date))
            .flatten();
        home_country::Fallbacks {
            record,
            domestic,
            document,
            run: self.home_country.clone(),
        }
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
