//! Sinks: where events go. Each output format implements [`EventSink`]; the coder pushes events
//! to it in document order.
//!
//! A document is written either whole ([`EventSink::write_document`]) or streamed
//! ([`EventSink::begin_document`], [`EventSink::write_events`] any number of times,
//! [`EventSink::end_document`]) — the pipeline streams documents too large to hold their events
//! in memory. The input record's metadata travels with the document: a `meta` object on each
//! JSONL event and on a jsonl-docs record, `meta_<name>` columns in CSV (see `docs/output.md`).
//!
//! The stream formats (JSON Lines, CSV) live in `jsonl.rs` (its JSON writer in `json.rs`) and
//! `csv.rs`; the file formats in
//! [`sqlite`] (the event store, feature `sqlite`) and `parquet` (feature `parquet`).

use crate::error::{Error, Result};
use crate::model::{Event, Span};
use std::collections::BTreeMap;
use std::io::Write;

mod csv;
mod json;
mod jsonl;
#[cfg(feature = "parquet")]
pub mod parquet;
#[cfg(feature = "sqlite")]
pub mod sqlite;

pub use self::csv::{CsvSink, CSV_COLUMNS};
pub use jsonl::{JsonlDocsSink, JsonlSink};

/// Extra fields of an input record (JSONL fields, CSV columns) other than id, date and text.
pub type Metadata = BTreeMap<String, serde_json::Value>;

/// One coded document as handed to a sink.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct DocumentOutput<'a> {
    /// Document id.
    pub id: &'a str,
    /// Document date, `YYYY-MM-DD`.
    pub date: Option<crate::model::Date>,
    /// The document's original bytes.
    pub text: &'a [u8],
    /// Number of sentences.
    pub sentences: usize,
    /// Each sentence's byte range (empty when the engine does not report them).
    pub sentence_spans: &'a [Span],
    /// Its events, in text order.
    pub events: &'a [Event],
    /// The places it names.
    pub places: &'a [crate::resolve::Location],
    /// The input record's metadata.
    pub metadata: &'a Metadata,
}

/// The start of a streamed document.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct DocumentStart<'a> {
    /// Document id.
    pub id: &'a str,
    /// Document date.
    pub date: Option<crate::model::Date>,
    /// The document's original bytes.
    pub text: &'a [u8],
    /// The input record's metadata.
    pub metadata: &'a Metadata,
}

/// The end of a streamed document.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct DocumentEnd<'a> {
    /// Number of sentences.
    pub sentences: usize,
    /// Each sentence's byte range (empty when the engine does not report them).
    pub sentence_spans: &'a [Span],
    /// The places it names.
    pub places: &'a [crate::resolve::Location],
}

/// A destination for events.
pub trait EventSink {
    /// Writes one event (of the current document, if one was begun).
    fn write_event(&mut self, event: &Event) -> Result<()>;
    /// Starts a streamed document; the default does nothing.
    fn begin_document(&mut self, _doc: &DocumentStart<'_>) -> Result<()> {
        Ok(())
    }
    /// Writes some events of the current document; the default writes them one by one.
    fn write_events(&mut self, events: &[Event]) -> Result<()> {
        events.iter().try_for_each(|e| self.write_event(e))
    }
    /// Ends a streamed document; the default does nothing.
    fn end_document(&mut self, _end: &DocumentEnd<'_>) -> Result<()> {
        Ok(())
    }
    /// Writes a whole document: begin, its events, end.
    fn write_document(&mut self, doc: &DocumentOutput<'_>) -> Result<()> {
        self.begin_document(&DocumentStart {
            id: doc.id,
            date: doc.date,
            text: doc.text,
            metadata: doc.metadata,
        })?;
        self.write_events(doc.events)?;
        self.end_document(&DocumentEnd {
            sentences: doc.sentences,
            sentence_spans: doc.sentence_spans,
            places: doc.places,
        })
    }
    /// Pushes buffered output to the underlying writer (whole records only).
    fn flush(&mut self) -> Result<()>;
    /// Flushes at the end of the run.
    fn finish(&mut self) -> Result<()> {
        self.flush()
    }
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OutputFormat {
    /// One JSON object per event per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// One JSON object per document: its events and the places it names.
    JsonlDocs,
    /// The SQLite event store (a file: see [`sqlite::Store`]).
    Sqlite,
    /// Apache Parquet, one row per event (a file: see `parquet::ParquetSink`).
    Parquet,
}

impl OutputFormat {
    /// Whether the format is written to a file it manages itself (not to a byte stream).
    pub fn is_file(self) -> bool {
        matches!(self, OutputFormat::Sqlite | OutputFormat::Parquet)
    }
}

impl std::str::FromStr for OutputFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<OutputFormat> {
        match s {
            "jsonl" | "json" => Ok(OutputFormat::Jsonl),
            "csv" => Ok(OutputFormat::Csv),
            "jsonl-docs" => Ok(OutputFormat::JsonlDocs),
            "sqlite" => Ok(OutputFormat::Sqlite),
            "parquet" => Ok(OutputFormat::Parquet),
            _ => Err(Error::Config(format!(
                "unknown output format '{s}' (jsonl, csv, jsonl-docs, sqlite, parquet)"
            ))),
        }
    }
}

/// Creates the sink for a stream `format` writing to `out`; a file format is an error (its
/// sink is made from a path).
pub fn sink_for<'w>(
    format: OutputFormat,
    out: Box<dyn Write + 'w>,
) -> Result<Box<dyn EventSink + 'w>> {
    match format {
        OutputFormat::Jsonl => Ok(Box::new(JsonlSink::new(out))),
        OutputFormat::Csv => Ok(Box::new(CsvSink::new(out))),
        OutputFormat::JsonlDocs => Ok(Box::new(JsonlDocsSink::new(out))),
        OutputFormat::Sqlite | OutputFormat::Parquet => Err(Error::Config(format!(
            "the {format:?} format writes a file, not a stream"
        ))),
    }
}
