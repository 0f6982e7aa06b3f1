//! The JSON Lines sinks: one event per line ([`JsonlSink`]) or one document per line
//! ([`JsonlDocsSink`]); the line of an event is also what the SQLite store keeps as its `record`.
//! Events and places are written by the hand-written writer of `json.rs` (the bytes
//! `serde_json` would write); metadata and the document's fields go through `serde_json`.

use super::json::{Json, KeyOrder};
use super::{DocumentEnd, DocumentOutput, DocumentStart, EventSink, Metadata};
use crate::error::{Error, Result};
use crate::model::Event;
use std::io::Write;

/// `,"meta":{...}` for a non-empty metadata map (spliced before an object's closing brace).
pub(crate) fn meta_suffix(metadata: &Metadata) -> Result<Option<Vec<u8>>> {
    if metadata.is_empty() {
        return Ok(None);
    }
    let mut out = b",\"meta\":".to_vec();
    serde_json::to_writer(&mut out, metadata).map_err(|e| Error::Output(e.into()))?;
    out.push(b'}');
    Ok(Some(out))
}

pub(crate) fn json_error(e: serde_json::Error) -> Error {
    Error::Output(e.into())
}

/// Appends the JSONL line of `event` (without the newline) to `line`; `meta` is the
/// document's [`meta_suffix`].
pub(crate) fn event_line(event: &Event, meta: Option<&[u8]>, line: &mut Vec<u8>) -> Result<()> {
    Json::new(line, KeyOrder::Declared).event(event);
    if let Some(meta) = meta {
        line.pop();
        line.extend_from_slice(meta);
    }
    Ok(())
}

/// JSON Lines with one object per document: `{date, doc, events, meta, places, sentences}`
/// (keys sorted; `meta` only when the record has metadata). A streamed document is written as
/// it comes, so one line never needs all its events in memory.
pub struct JsonlDocsSink<W: Write> {
    out: W,
    events_in_document: Option<usize>,
    pending_meta: Option<Vec<u8>>,
    /// Reused for each event's or place list's bytes.
    buf: Vec<u8>,
}

impl<W: Write> JsonlDocsSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        JsonlDocsSink {
            out,
            events_in_document: None,
            pending_meta: None,
            buf: Vec::new(),
        }
    }

    fn write_json(&mut self, value: &impl serde::Serialize) -> Result<()> {
        serde_json::to_writer(&mut self.out, value).map_err(json_error)
    }

    fn write_raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(Error::Output)
    }

    /// Writes what `write` puts into the reused buffer (keys sorted).
    fn write_sorted(&mut self, write: impl FnOnce(&mut Json<'_>)) -> Result<()> {
        self.buf.clear();
        write(&mut Json::new(&mut self.buf, KeyOrder::Sorted));
        self.out.write_all(&self.buf).map_err(Error::Output)
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
            text: &[],
            sentences: 0,
            sentence_spans: &[],
            events: std::slice::from_ref(event),
            places: &[],
            metadata: &Metadata::new(),
        })
    }
    fn begin_document(&mut self, doc: &DocumentStart<'_>) -> Result<()> {
        self.write_raw(b"{\"date\":")?;
        self.write_json(&doc.date.map(crate::dates::iso_date))?;
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
            self.write_sorted(|j| j.event(e))?;
        }
        Ok(())
    }
    fn end_document(&mut self, end: &DocumentEnd<'_>) -> Result<()> {
        self.write_raw(b"]")?;
        if let Some(meta) = self.pending_meta.take() {
            self.write_raw(&meta[..meta.len() - 1])?;
        }
        self.write_raw(b",\"places\":")?;
        self.write_sorted(|j| j.places(end.places))?;
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
        event_line(event, self.meta.as_deref(), &mut self.line)?;
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
