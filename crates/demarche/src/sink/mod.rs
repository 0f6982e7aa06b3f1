//! Sinks: where events go. Each output format implements [`EventSink`]; the coder pushes events
//! to it in document order.

use crate::error::{Error, Result};
use crate::model::Event;
use std::io::Write;

/// One coded document as handed to a sink.
#[derive(Clone, Copy, Debug)]
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
}

/// A destination for events.
pub trait EventSink {
    /// Writes one event.
    fn write_event(&mut self, event: &Event) -> Result<()>;
    /// Writes a whole document; the default writes its events one by one.
    fn write_document(&mut self, doc: &DocumentOutput<'_>) -> Result<()> {
        doc.events.iter().try_for_each(|e| self.write_event(e))
    }
    /// Flushes buffered output.
    fn finish(&mut self) -> Result<()>;
}

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
        OutputFormat::Jsonl => Box::new(JsonlSink { out }),
        OutputFormat::Csv => Box::new(CsvSink {
            out: csv::Writer::from_writer(out),
            header_written: false,
        }),
        OutputFormat::JsonlDocs => Box::new(JsonlDocsSink { out }),
    }
}

/// JSON Lines with one object per document: `{doc, date, sentences, events, places}`.
pub struct JsonlDocsSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlDocsSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        JsonlDocsSink { out }
    }
}

impl<W: Write> EventSink for JsonlDocsSink<W> {
    fn write_event(&mut self, event: &Event) -> Result<()> {
        let events = std::slice::from_ref(event);
        self.write_document(&DocumentOutput {
            id: &event.doc,
            date: None,
            sentences: 0,
            events,
            places: &[],
        })
    }
    fn write_document(&mut self, doc: &DocumentOutput<'_>) -> Result<()> {
        let value = serde_json::json!({
            "doc": doc.id,
            "date": doc.date.map(|d| d.format("%Y-%m-%d").to_string()),
            "sentences": doc.sentences,
            "events": doc.events,
            "places": doc.places,
        });
        serde_json::to_writer(&mut self.out, &value).map_err(|e| Error::Output(e.into()))?;
        self.out.write_all(b"\n").map_err(Error::Output)
    }
    fn finish(&mut self) -> Result<()> {
        self.out.flush().map_err(Error::Output)
    }
}

/// JSON Lines output.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write> EventSink for JsonlSink<W> {
    fn write_event(&mut self, event: &Event) -> Result<()> {
        serde_json::to_writer(&mut self.out, event).map_err(|e| Error::Output(e.into()))?;
        self.out.write_all(b"\n").map_err(Error::Output)
    }
    fn finish(&mut self) -> Result<()> {
        self.out.flush().map_err(Error::Output)
    }
}

/// CSV output, one row per event, actor objects flattened.
pub struct CsvSink<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
}

impl<W: Write> CsvSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        CsvSink {
            out: csv::Writer::from_writer(out),
            header_written: false,
        }
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
        if !self.header_written {
            self.out.write_record(CSV_COLUMNS).map_err(csv_error)?;
            self.header_written = true;
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
            e.evidence.text.clone(),
            e.evidence.span.start.to_string(),
            e.evidence.span.end.to_string(),
            e.evidence.entry.clone(),
            e.rules.join(";"),
        ];
        self.out.write_record(&row).map_err(csv_error)
    }
    fn finish(&mut self) -> Result<()> {
        self.out.flush().map_err(Error::Output)
    }
}
