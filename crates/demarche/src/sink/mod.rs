//! Sinks: where events go. Each output format implements [`EventSink`]; the coder pushes events
//! to it in document order.
//!
//! A document is written either whole ([`EventSink::write_document`]) or streamed
//! ([`EventSink::begin_document`], [`EventSink::write_events`] any number of times,
//! [`EventSink::end_document`]) — the pipeline streams documents too large to hold their events
//! in memory. The input record's metadata travels with the document: a `meta` object on each
//! JSONL event and on a jsonl-docs record, `meta_<name>` columns in CSV (see `docs/output.md`).

use crate::error::{Error, Result};
use crate::model::Event;
use std::collections::BTreeMap;
use std::io::Write;

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
    /// Number of sentences.
    pub sentences: usize,
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
    /// The input record's metadata.
    pub metadata: &'a Metadata,
}

/// The end of a streamed document.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct DocumentEnd<'a> {
    /// Number of sentences.
    pub sentences: usize,
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
            metadata: doc.metadata,
        })?;
        self.write_events(doc.events)?;
        self.end_document(&DocumentEnd {
            sentences: doc.sentences,
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
}

impl std::str::FromStr for OutputFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<OutputFormat> {
        match s {
            "jsonl" | "json" => Ok(OutputFormat::Jsonl),
            "csv" => Ok(OutputFormat::Csv),
            "jsonl-docs" => Ok(OutputFormat::JsonlDocs),
            _ => Err(Error::Config(format!(
                "unknown output format '{s}' (jsonl, csv, jsonl-docs)"
            ))),
        }
    }
}

/// Creates the sink for `format` writing to `out`.
pub fn sink_for<'w>(format: OutputFormat, out: Box<dyn Write + 'w>) -> Box<dyn EventSink + 'w> {
    match format {
        OutputFormat::Jsonl => Box::new(JsonlSink::new(out)),
        OutputFormat::Csv => Box::new(CsvSink::new(out)),
        OutputFormat::JsonlDocs => Box::new(JsonlDocsSink::new(out)),
    }
}

/// `,"meta":{...}` for a non-empty metadata map (spliced before an object's closing brace).
fn meta_suffix(metadata: &Metadata) -> Result<Option<Vec<u8>>> {
    if metadata.is_empty() {
        return Ok(None);
    }
    let mut out = b",\"meta\":".to_vec();
    serde_json::to_writer(&mut out, metadata).map_err(|e| Error::Output(e.into()))?;
    out.push(b'}');
    Ok(Some(out))
}

fn json_error(e: serde_json::Error) -> Error {
    Error::Output(e.into())
}

/// JSON Lines with one object per document: `{date, doc, events, meta, places, sentences}`
/// (keys sorted; `meta` only when the record has metadata). A streamed document is written as
/// it comes, so one line never needs all its events in memory.
pub struct JsonlDocsSink<W: Write> {
    out: W,
    events_in_document: Option<usize>,
    pending_meta: Option<Vec<u8>>,
}

impl<W: Write> JsonlDocsSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        JsonlDocsSink {
            out,
            events_in_document: None,
            pending_meta: None,
        }
    }

    fn write_json(&mut self, value: &impl serde::Serialize) -> Result<()> {
        serde_json::to_writer(&mut self.out, value).map_err(json_error)
    }

    fn write_raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(Error::Output)
    }
}

impl<W: Write> EventSink for JsonlDocsSink<W> {
    fn write_event(&mut self, event: &Event) -> Result<()> {
        if self.events_in_document.is_some() {
            return self.write_events(std::slice::from_ref(event));
        }
        self.write_document(&DocumentOutput {
            id: &event.doc,
            date: None,
            sentences: 0,
            events: std::slice::from_ref(event),
            places: &[],
            metadata: &Metadata::new(),
        })
    }
    fn begin_document(&mut self, doc: &DocumentStart<'_>) -> Result<()> {
        self.write_raw(b"{\"date\":")?;
        self.write_json(&doc.date.map(|d| d.format("%Y-%m-%d").to_string()))?;
        self.write_raw(b",\"doc\":")?;
        self.write_json(&doc.id)?;
        self.write_raw(b",\"events\":[")?;
        // `meta` sorts between `events` and `places`: kept until the events are written.
        self.events_in_document = Some(0);
        self.pending_meta = meta_suffix(doc.metadata)?;
        Ok(())
    }
    fn write_events(&mut self, events: &[Event]) -> Result<()> {
        for e in events {
            let n = self.events_in_document.get_or_insert(0);
            let first = *n == 0;
            *n += 1;
            if !first {
                self.write_raw(b",")?;
            }
            let value = serde_json::to_value(e).map_err(json_error)?;
            self.write_json(&value)?;
        }
        Ok(())
    }
    fn end_document(&mut self, end: &DocumentEnd<'_>) -> Result<()> {
        self.write_raw(b"]")?;
        if let Some(meta) = self.pending_meta.take() {
            self.write_raw(&meta[..meta.len() - 1])?;
        }
        self.write_raw(b",\"places\":")?;
        let places = serde_json::to_value(end.places).map_err(json_error)?;
        self.write_json(&places)?;
        self.write_raw(b",\"sentences\":")?;
        self.write_json(&end.sentences)?;
        self.events_in_document = None;
        self.write_raw(b"}\n")
    }
    fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(Error::Output)
    }
}

/// JSON Lines output: one event per line, with the document's `meta` when it has metadata.
pub struct JsonlSink<W: Write> {
    out: W,
    meta: Option<Vec<u8>>,
    line: Vec<u8>,
}

impl<W: Write> JsonlSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        JsonlSink {
            out,
            meta: None,
            line: Vec::new(),
        }
    }
}

impl<W: Write> EventSink for JsonlSink<W> {
    fn write_event(&mut self, event: &Event) -> Result<()> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, event).map_err(json_error)?;
        if let Some(meta) = &self.meta {
            self.line.pop();
            self.line.extend_from_slice(meta);
        }
        self.line.push(b'\n');
        self.out.write_all(&self.line).map_err(Error::Output)
    }
    fn begin_document(&mut self, doc: &DocumentStart<'_>) -> Result<()> {
        self.meta = meta_suffix(doc.metadata)?;
        Ok(())
    }
    fn end_document(&mut self, _end: &DocumentEnd<'_>) -> Result<()> {
        self.meta = None;
        Ok(())
    }
    fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(Error::Output)
    }
}

/// CSV output, one row per event, actor objects flattened, then one `meta_<name>` column per
/// metadata field of the first document that has an event (later documents fill the same
/// columns; fields it did not have are not written).
pub struct CsvSink<W: Write> {
    out: csv::Writer<W>,
    meta_columns: Option<Vec<String>>,
    meta: Metadata,
}

impl<W: Write> CsvSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        CsvSink {
            out: csv::Writer::from_writer(out),
            meta_columns: None,
            meta: Metadata::new(),
        }
    }

    fn write_header(&mut self) -> Result<()> {
        let names: Vec<String> = self.meta.keys().cloned().collect();
        let header = CSV_COLUMNS
            .iter()
            .map(|c| c.to_string())
            .chain(names.iter().map(|n| format!("meta_{n}")));
        self.out.write_record(header).map_err(csv_error)?;
        self.meta_columns = Some(names);
        Ok(())
    }

    fn meta_cells(&self) -> Vec<String> {
        let columns = self.meta_columns.as_deref().unwrap_or_default();
        columns
            .iter()
            .map(|c| match self.meta.get(c) {
                None | Some(serde_json::Value::Null) => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
            })
            .collect()
    }
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "doc",
    "sentence",
    "sentence_start",
    "sentence_end",
    "date",
    "date_precision",
    "doc_date",
    "source_code",
    "source_text",
    "source_start",
    "source_end",
    "source_entry",
    "target_code",
    "target_text",
    "target_start",
    "target_end",
    "target_entry",
    "cameo",
    "event_name",
    "goldstein",
    "quad_class",
    "plover",
    "plover_mode",
    "plover_context",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "evidence_entry",
    "rules",
];

fn csv_error(e: csv::Error) -> Error {
    Error::Output(std::io::Error::other(e))
}

impl<W: Write> EventSink for CsvSink<W> {
    fn write_event(&mut self, e: &Event) -> Result<()> {
        if self.meta_columns.is_none() {
            self.write_header()?;
        }
        let actor = |a: &Option<crate::model::Actor>| -> [String; 5] {
            match a {
                Some(a) => [
                    a.code.clone(),
                    a.text.clone(),
                    a.span.start.to_string(),
                    a.span.end.to_string(),
                    a.entry.clone(),
                ],
                None => Default::default(),
            }
        };
        let [sc, st, ss, se, sn] = actor(&e.source);
        let [tc, tt, ts, te, tn] = actor(&e.target);
        let precision = e
            .date_precision
            .map(|p| format!("{p:?}").to_lowercase())
            .unwrap_or_default();
        let row = [
            e.doc.clone(),
            e.sentence.to_string(),
            e.sentence_span.start.to_string(),
            e.sentence_span.end.to_string(),
            e.date.clone().unwrap_or_default(),
            precision,
            e.doc_date.clone().unwrap_or_default(),
            sc,
            st,
            ss,
            se,
            sn,
            tc,
            tt,
            ts,
            te,
            tn,
            e.cameo.clone(),
            e.event_name.clone(),
            e.goldstein.map(|g| g.to_string()).unwrap_or_default(),
            e.quad_class.to_string(),
            e.plover.clone().unwrap_or_default(),
            e.plover_mode.clone().unwrap_or_default(),
            e.plover_context.clone().unwrap_or_default(),
            e.evidence.text.clone(),
            e.evidence.span.start.to_string(),
            e.evidence.span.end.to_string(),
            e.evidence.entry.clone(),
            e.rules.join(";"),
        ];
        let meta = self.meta_cells();
        self.out
            .write_record(row.iter().chain(&meta))
            .map_err(csv_error)
    }
    fn begin_document(&mut self, doc: &DocumentStart<'_>) -> Result<()> {
        self.meta.clone_from(doc.metadata);
        Ok(())
    }
    fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(Error::Output)
    }
}
