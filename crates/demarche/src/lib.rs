//! demarche: a political event coder.
//!
//! News text goes in; events come out — who did what to whom, when — with CAMEO codes, PLOVER
//! types, Goldstein scores and quad classes, and for every field the byte span of the text it came
//! from and the dictionary entry that fired.
//!
//! The pipeline runs one way: [`ingest`] reads documents, [`text`] analyses them, [`dict`] holds
//! the compiled dictionaries, [`code`] turns sentences into events, [`sink`] writes them.
#![deny(missing_docs)]

pub mod code;
pub mod dates;
pub mod dict;

pub mod error;
#[doc(hidden)]
pub mod fuzz_support;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod resolve;
pub mod sink;
pub mod text;

pub use code::{Coder, CoderBuilder};
pub use dict::Dictionaries;
pub use error::{Error, Result};
pub use model::{Actor, Document, Event, Evidence, Span};
pub use pipeline::DocumentCoder;
