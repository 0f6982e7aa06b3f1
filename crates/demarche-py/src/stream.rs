//! The Python iterator behind `code_many` and the Arrow output.
//!
//! Records are read from the Python iterator in chunks (at most [`CHUNK_DOCUMENTS`] documents
//! or [`CHUNK_BYTES`] of text) and handed to the stream's coding thread ([`crate::worker`]),
//! which codes them without the GIL. The stream keeps up to two chunks ahead of the events it
//! has handed out, so reading records, coding, and converting events to Python objects
//! overlap, and memory holds a few chunks whatever the input's size. A record that cannot be
//! read raises its exception at its place in the stream (after the events of the records
//! before it); a document whose coding fails inside the library is skipped with a
//! `RuntimeWarning`, as the CLI rejects it and goes on.

use crate::columns::to_columns;
use crate::errors::library_error;
use crate::values::to_python;
use crate::worker::{Batch, Output, Worker};
use demarche::{Coder, Document};
use pyo3::exceptions::PyRuntimeWarning;
use pyo3::prelude::*;
use pyo3::types::PyIterator;
use std::collections::VecDeque;

/// Most documents read and handed to the coder at once.
pub const CHUNK_DOCUMENTS: usize = 1024;
/// Most text bytes read and handed to the coder at once (a larger document comes alone).
pub const CHUNK_BYTES: usize = 16 << 20;
/// Chunks handed to the coder and not yet handed out as events.
const CHUNKS_AHEAD: usize = 2;

/// An iterator over the events of an iterable of records; see `Coder.code_many`.
#[pyclass(module = "demarche._demarche")]
pub struct EventStream {
    output: Output,
    records: Option<Py<PyIterator>>,
    position: usize,
    worker: Worker,
    /// Text sizes of the documents handed to the coder and not yet done, in order.
    in_flight: VecDeque<usize>,
    in_flight_bytes: usize,
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
            output,
            records: Some(records.try_iter()?.unbind()),
            position: 0,
            worker: Worker::start(coder, threads, output),
            in_flight: VecDeque::new(),
            in_flight_bytes: 0,
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

    /// Hands the coder chunks until it holds [`CHUNKS_AHEAD`] (enough for the pipeline to
    /// fill its own chunk, so it never waits for documents while the stream waits for it).
    fn feed(&mut self, py: Python<'_>) {
        while self.records.is_some()
            && self.in_flight.len() < CHUNKS_AHEAD * CHUNK_DOCUMENTS
            && self.in_flight_bytes < CHUNKS_AHEAD * CHUNK_BYTES
        {
            let docs = self.read_chunk(py);
            for d in &docs {
                self.in_flight.push_back(d.text.len());
                self.in_flight_bytes += d.text.len();
            }
            self.worker.send(docs);
        }
        if self.records.is_none() {
            self.worker.close();
        }
    }

    /// The next batch of events, or `None` at the end of the input.
    fn advance(&mut self, py: Python<'_>) -> PyResult<Option<Batch>> {
        self.feed(py);
        let Some(next) = py.detach(|| self.worker.next()) else {
            return self.error.take().map_or(Ok(None), Err);
        };
        let batch = next.map_err(library_error)?;
        for size in self.in_flight.drain(..batch.done.min(self.in_flight.len())) {
            self.in_flight_bytes -= size;
        }
        for reason in &batch.rejected {
            let message = std::ffi::CString::new(format!("demarche: rejected {reason}"))?;
            PyErr::warn(py, &py.get_type::<PyRuntimeWarning>(), &message, 1)?;
        }
        Ok(Some(batch))
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
            let Some(batch) = self.advance(py)? else {
                return Ok(None);
            };
            match self.output {
                Output::Events => self.ready = batch.events.into(),
                Output::Columns if batch.rows.is_empty() => {}
                Output::Columns => {
                    return Ok(Some(to_columns(py, &batch.rows)?.into_any().unbind()))
                }
            }
        }
    }
}
