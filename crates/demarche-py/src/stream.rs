//! The streaming runner behind `code_many` and the Arrow output.
//!
//! Records are read from the Python iterator in chunks (at most [`CHUNK_DOCUMENTS`] documents
//! or [`CHUNK_BYTES`] of text), and each chunk is coded by `demarche::pipeline::run` on a
//! thread of its own, without the GIL. While one chunk is coded, the stream reads the next one
//! and hands out the events of the one before, so Python work overlaps with coding and memory
//! holds at most three chunks. A record that cannot be read raises its exception at its place
//! in the stream (after the events of the records before it); a document whose coding fails
//! inside the library is skipped with a `RuntimeWarning`, as the CLI rejects it and goes on.

use crate::columns::{to_columns, EventRow};
use crate::errors::library_error;
use crate::values::to_python;
use demarche::ingest::Record;
use demarche::pipeline::{self, Outcome, PipelineConfig};
use demarche::sink::{DocumentEnd, DocumentStart, EventSink, JsonlSink};
use demarche::{Coder, Document, Event};
use pyo3::exceptions::{PyRuntimeError, PyRuntimeWarning};
use pyo3::prelude::*;
use pyo3::types::PyIterator;
use std::collections::VecDeque;
use std::sync::Arc;
use std::thread::JoinHandle;

/// Most documents read and coded together.
pub const CHUNK_DOCUMENTS: usize = 1024;
/// Most text bytes read and coded together (a larger document forms its own chunk).
pub const CHUNK_BYTES: usize = 16 << 20;

/// What the stream yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// One dict per event, with the fields of the CLI's JSON Lines.
    Events,
    /// One dict of column lists per chunk (see `columns`).
    Columns,
}

/// The coded events of one chunk.
#[derive(Default)]
struct Chunk {
    events: Vec<serde_json::Value>,
    rows: Vec<EventRow>,
    rejected: Vec<String>,
}

type Coding = JoinHandle<demarche::Result<Chunk>>;

/// An iterator over the events of an iterable of records; see `Coder.code_many`.
#[pyclass(module = "demarche._demarche")]
pub struct EventStream {
    coder: Coder,
    threads: usize,
    output: Output,
    records: Option<Py<PyIterator>>,
    position: usize,
    started: bool,
    in_flight: Option<Coding>,
    ready: VecDeque<serde_json::Value>,
    error: Option<PyErr>,
}

impl EventStream {
    /// A stream over `records`, coded with `threads` threads (0: one per core).
    pub fn new(
        coder: Coder,
        records: &Bound<'_, PyAny>,
        threads: usize,
        output: Output,
    ) -> PyResult<EventStream> {
        Ok(EventStream {
            coder,
            threads,
            output,
            records: Some(records.try_iter()?.unbind()),
            position: 0,
            started: false,
            in_flight: None,
            ready: VecDeque::new(),
            error: None,
        })
    }

    /// The next chunk's documents; an error ends the input and is kept for later.
    fn read_chunk(&mut self, py: Python<'_>) -> Vec<Document> {
        let mut docs = Vec::new();
        let mut bytes = 0;
        while docs.len() < CHUNK_DOCUMENTS && bytes < CHUNK_BYTES {
            let Some(iter) = &self.records else { break };
            let next = iter.bind(py).clone().next();
            let read = next.map(|r| {
                self.position += 1;
                r.and_then(|r| crate::records::document(&r, self.position))
            });
            match read {
                None => self.records = None,
                Some(Ok(doc)) => {
                    bytes += doc.text.len();
                    docs.push(doc);
                }
                Some(Err(e)) => {
                    self.error = Some(e);
                    self.records = None;
                }
            }
        }
        docs
    }

    fn spawn(&mut self, docs: Vec<Document>) {
        if docs.is_empty() {
            return;
        }
        let (coder, threads, output) = (self.coder.clone(), self.threads, self.output);
        self.in_flight = Some(std::thread::spawn(move || {
            code_chunk(&coder, docs, threads, output)
        }));
    }

    /// The next coded chunk, or `None` at the end of the input.
    fn advance(&mut self, py: Python<'_>) -> PyResult<Option<Chunk>> {
        if !self.started {
            self.started = true;
            let first = self.read_chunk(py);
            self.spawn(first);
        }
        let Some(coding) = self.in_flight.take() else {
            return self.error.take().map_or(Ok(None), Err);
        };
        let next = self.read_chunk(py);
        let done = py.detach(|| coding.join());
        self.spawn(next);
        let chunk = done
            .map_err(|_| PyRuntimeError::new_err("demarche: the coding thread panicked"))?
            .map_err(library_error)?;
        for reason in &chunk.rejected {
            PyErr::warn(
                py,
                &py.get_type::<PyRuntimeWarning>(),
                &std::ffi::CString::new(format!("demarche: rejected {reason}"))?,
                1,
            )?;
        }
        Ok(Some(chunk))
    }
}

#[pymethods]
impl EventStream {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Ok(Some(to_python(py, &event)?.unbind()));
            }
            let Some(chunk) = self.advance(py)? else {
                return Ok(None);
            };
            match self.output {
                Output::Events => self.ready = chunk.events.into(),
                Output::Columns if chunk.rows.is_empty() => {}
                Output::Columns => {
                    return Ok(Some(to_columns(py, &chunk.rows)?.into_any().unbind()))
                }
            }
        }
    }
}

/// Codes one chunk with the library's pipeline.
fn code_chunk(
    coder: &Coder,
    docs: Vec<Document>,
    threads: usize,
    output: Output,
) -> demarche::Result<Chunk> {
    let config = PipelineConfig::default().threads(threads);
    let records = docs.into_iter().map(Record::Document);
    let mut chunk = Chunk::default();
    let mut rejected = Vec::new();
    let observe = |o: Outcome<'_>| {
        if let Outcome::Rejected(r) = o {
            rejected.push(r.to_string());
        }
    };
    match output {
        Output::Events => {
            let mut jsonl = Vec::new();
            pipeline::run(
                records,
                coder,
                &mut JsonlSink::new(&mut jsonl),
                &config,
                observe,
            )?;
            chunk.events = parse_lines(&jsonl)?;
        }
        Output::Columns => {
            let mut sink = RowSink::default();
            pipeline::run(records, coder, &mut sink, &config, observe)?;
            chunk.rows = sink.rows;
        }
    }
    chunk.rejected = rejected;
    Ok(chunk)
}

/// The events of JSON Lines written by the library's `JsonlSink` (the CLI's bytes).
pub fn parse_lines(jsonl: &[u8]) -> demarche::Result<Vec<serde_json::Value>> {
    jsonl
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).map_err(|e| demarche::Error::Output(e.into())))
        .collect()
}

/// Collects events with their document's metadata.
#[derive(Default)]
struct RowSink {
    rows: Vec<EventRow>,
    meta: Option<Arc<str>>,
}

impl EventSink for RowSink {
    fn write_event(&mut self, event: &Event) -> demarche::Result<()> {
        self.rows.push(EventRow {
            event: event.clone(),
            meta: self.meta.clone(),
        });
        Ok(())
    }
    fn begin_document(&mut self, doc: &DocumentStart<'_>) -> demarche::Result<()> {
        self.meta = if doc.metadata.is_empty() {
            None
        } else {
            let json = serde_json::to_string(doc.metadata)
                .map_err(|e| demarche::Error::Output(e.into()))?;
            Some(json.into())
        };
        Ok(())
    }
    fn end_document(&mut self, _end: &DocumentEnd<'_>) -> demarche::Result<()> {
        self.meta = None;
        Ok(())
    }
    fn flush(&mut self) -> demarche::Result<()> {
        Ok(())
    }
}
