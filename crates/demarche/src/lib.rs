//! demarche: a political event coder.
//!
//! News text goes in; events come out — who did what to whom, when — with CAMEO codes, PLOVER
//! types, Goldstein scores and quad classes, and for every field the byte span of the text it came
//! from and the dictionary entry that fired.
//!
//! # Coding a text
//!
//! [`Coder::bundled`] codes with the dictionaries and gazetteer that ship with demarche:
//!
//! ```
//! use demarche::{Coder, Document};
//!
//! let coder = Coder::bundled();
//! let date = demarche::ingest::parse_date("2006-11-30");
//! let doc = Document::new("d1", date, "North Korea condemned Japan on Tuesday.");
//! let coded = coder.code(&doc);
//! let event = &coded.events[0];
//! assert_eq!(event.source.as_ref().map(|a| a.code.as_str()), Some("PRK"));
//! assert_eq!(event.target.as_ref().map(|a| a.code.as_str()), Some("JPN"));
//! assert_eq!(event.cameo, "111"); // criticize or denounce
//! assert_eq!(event.date.as_deref(), Some("2006-11-28")); // the Tuesday before the document date
//! // Every span indexes the original bytes.
//! let span = event.evidence.span;
//! assert_eq!(&doc.text[span.start..span.end], b"condemned");
//! ```
//!
//! [`CoderBuilder`] sets the options and the dictionaries ([`Dictionaries`], compiled from
//! [`DictionarySources`]); [`Coder::explain`] records why each event was or was not produced:
//!
//! ```
//! use demarche::{CoderBuilder, Dictionaries, DictionarySources, Document};
//! use std::sync::Arc;
//!
//! let mut sources = DictionarySources::bundled();
//! sources.actors.push(("actors/fiction.txt".into(), "ARN : Arnor\n".into()));
//! let coder = CoderBuilder::new()
//!     .dictionaries(Arc::new(Dictionaries::compile(sources)))
//!     .places(false)
//!     .build()?;
//! let doc = Document::new("d1", None, "Arnor might attack Iran. Arnor condemned Iran.");
//! let coded = coder.code(&doc);
//! // The hypothetical attack is not coded; the condemnation is.
//! let events: Vec<(&str, &str)> = coded
//!     .events
//!     .iter()
//!     .map(|e| (e.source.as_ref().map_or("-", |a| a.code.as_str()), e.cameo.as_str()))
//!     .collect();
//! assert_eq!(events, [("ARN", "111")]);
//! assert!(coded.events[0].location.is_none()); // places are off
//! let why = coder.explain(&doc).to_string();
//! assert!(why.contains("might"), "{why}");
//! # Ok::<(), demarche::Error>(())
//! ```
//!
//! # Modules
//!
//! The pipeline runs one way: [`ingest`] reads documents, [`text`] splits them into tokens and
//! sentences, [`dict`] holds the compiled dictionaries, the coder (re-exported here) turns
//! sentences into events, [`sink`] writes them and [`pipeline`] runs it all in parallel over a
//! stream of records; [`dedup`] groups the events of many documents that report one real-world
//! event into clusters. [`model`] holds the data that flows; [`error`] the typed errors.
#![deny(missing_docs)]

mod code;
mod dates;
pub mod dict;
mod resolve;

pub mod error;
#[doc(hidden)]
pub mod fuzz_support;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod sink;
pub mod text;

#[doc(hidden)]
pub mod bench_support;
#[doc(hidden)]
pub mod tagger_support;

pub use code::{CodedDocument, Coder, CoderBuilder, Explanation, SentenceExplanation};
pub use dict::{Diagnostic, Dictionaries, DictionarySources};
pub use error::{Error, Result};
pub use model::{
    Actor, Date, DatePrecision, Document, Event, Evidence, FeatureType, Location, Precision, Quote,
    Span,
};
pub use pipeline::DocumentCoder;
pub use resolve::dedup;

/// Parses the bundled gazetteer now, so that a [`Coder`] built later does not wait for it.
///
/// Building a coder with places loads the gazetteer anyway; a front end calls this on a spare
/// thread to overlap that work with its own start-up (dictionaries, input).
pub fn preload_gazetteer() {
    let _ = resolve::Gazetteer::bundled();
}

/// The coder and the dictionaries are shared between threads by [`pipeline::run`].
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Coder>();
    shared::<CoderBuilder>();
    shared::<Dictionaries>();
    shared::<CodedDocument>();
    shared::<Event>();
};
