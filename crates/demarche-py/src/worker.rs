//! The coding thread of a stream: one `demarche::pipeline::run` for the whole stream, fed
//! documents through a channel, its output sent back one batch per pipeline chunk.
//!
//! One run means one rayon pool for the stream's life: threads (and their allocator arenas)
//! are not created per chunk, so memory stays flat over any length of input. The pipeline
//! flushes its sink after each chunk it codes; the sink then sends the chunk's events (parsed
//! from the library's own JSON Lines, or as rows for columns), with the number of documents
//! done and the reasons of any rejected.

use crate::columns::EventRow;
use demarche::ingest::Record;
use demarche::pipeline::{self, Outcome, PipelineConfig};
use demarche::sink::{DocumentEnd, DocumentStart, EventSink, JsonlSink};
use demarche::{Coder, Document, Event};
use std::cell::RefCell;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// What a stream yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// One dict per event, with the fields of the CLI's JSON Lines.
    Events,
    /// One dict of column lists per chunk (see `columns`).
    Columns,
}

/// The output of one pipeline chunk.
#[derive(Default)]
pub struct Batch {
    /// Events as JSON values (`Output::Events`).
    pub events: Vec<serde_json::Value>,
    /// Events as rows (`Output::Columns`).
    pub rows: Vec<EventRow>,
    /// Documents finished (coded or rejected) in this batch.
    pub done: usize,
    /// `location: reason` of each document rejected.
    pub rejected: Vec<String>,
}

/// A running coding thread.
pub struct Worker {
    documents: Option<Sender<Vec<Document>>>,
    /// In a mutex only so that the stream (a Python object) is `Sync`.
    batches: Mutex<Receiver<Batch>>,
    thread: Option<JoinHandle<demarche::Result<()>>>,
}

impl Worker {
    /// Starts a thread coding with `threads` threads (0: one per core).
    pub fn start(coder: Coder, threads: usize, output: Output) -> Worker {
        let (documents, incoming) = channel::<Vec<Document>>();
        let (outgoing, batches) = channel();
        let thread = std::thread::spawn(move || {
            let records = incoming.into_iter().flatten().map(Record::Document);
            run(&coder, records, threads, output, outgoing)
        });
        Worker {
            documents: Some(documents),
            batches: Mutex::new(batches),
            thread: Some(thread),
        }
    }

    /// Hands documents to the thread.
    pub fn send(&self, docs: Vec<Document>) {
        if let Some(tx) = &self.documents {
            // A send fails only when the thread has ended; `next` then reports why.
            let _ = tx.send(docs);
        }
    }

    /// Tells the thread there are no more documents.
    pub fn close(&mut self) {
        self.documents = None;
    }

    /// The next batch (blocking), or `None` once the thread has ended (with its error).
    pub fn next(&mut self) -> Option<demarche::Result<Batch>> {
        let batches = self.batches.get_mut().unwrap_or_else(|e| e.into_inner());
        if let Ok(batch) = batches.recv() {
            return Some(Ok(batch));
        }
        let result = self.thread.take()?.join();
        match result {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(Err(e)),
            Err(_) => Some(Err(demarche::Error::Config(
                "the coding thread panicked".into(),
            ))),
        }
    }
}

fn run(
    coder: &Coder,
    records: impl Iterator<Item = Record>,
    threads: usize,
    output: Output,
    batches: Sender<Batch>,
) -> demarche::Result<()> {
    let pending = RefCell::new(Batch::default());
    let jsonl = RefCell::new(Vec::new());
    let inner: Box<dyn EventSink + '_> = match output {
        Output::Events => Box::new(JsonlSink::new(SharedBuffer(&jsonl))),
        Output::Columns => Box::new(RowSink {
            pending: &pending,
            meta: None,
        }),
    };
    let mut sink = BatchSink {
        inner,
        jsonl: &jsonl,
        pending: &pending,
        batches,
    };
    let config = PipelineConfig::default().threads(threads);
    pipeline::run(records, coder, &mut sink, &config, |o| match o {
        Outcome::Coded { .. } => pending.borrow_mut().done += 1,
        Outcome::Rejected(r) => {
            let mut p = pending.borrow_mut();
            p.done += 1;
            p.rejected.push(r.to_string());
        }
        _ => {}
    })?;
    Ok(())
}

/// Writes into a shared buffer (the JSON Lines of the current chunk).
struct SharedBuffer<'a>(&'a RefCell<Vec<u8>>);

impl std::io::Write for SharedBuffer<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The pipeline's sink: forwards to the output's sink and, at each flush (the end of a
/// pipeline chunk), sends the chunk's batch.
struct BatchSink<'a> {
    inner: Box<dyn EventSink + 'a>,
    jsonl: &'a RefCell<Vec<u8>>,
    pending: &'a RefCell<Batch>,
    batches: Sender<Batch>,
}

impl EventSink for BatchSink<'_> {
    fn write_event(&mut self, event: &Event) -> demarche::Result<()> {
        self.inner.write_event(event)
    }
    fn begin_document(&mut self, doc: &DocumentStart<'_>) -> demarche::Result<()> {
        self.inner.begin_document(doc)
    }
    fn end_document(&mut self, end: &DocumentEnd<'_>) -> demarche::Result<()> {
        self.inner.end_document(end)
    }
    fn flush(&mut self) -> demarche::Result<()> {
        self.inner.flush()?;
        let jsonl = std::mem::take(&mut *self.jsonl.borrow_mut());
        let mut batch = std::mem::take(&mut *self.pending.borrow_mut());
        batch.events = parse_lines(&jsonl)?;
        if batch.done > 0 || !batch.events.is_empty() || !batch.rows.is_empty() {
            self.batches
                .send(batch)
                .map_err(|_| demarche::Error::Output(std::io::Error::other("stream dropped")))?;
        }
        Ok(())
    }
}

/// The events of JSON Lines written by the library's `JsonlSink` (the CLI's bytes).
pub fn parse_lines(jsonl: &[u8]) -> demarche::Result<Vec<serde_json::Value>> {
    jsonl
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).map_err(|e| demarche::Error::Output(e.into())))
        .collect()
}

/// Collects events as rows, with their document's metadata.
struct RowSink<'a> {
    pending: &'a RefCell<Batch>,
    meta: Option<Arc<str>>,
}

impl EventSink for RowSink<'_> {
    fn write_event(&mut self, event: &Event) -> demarche::Result<()> {
        self.pending.borrow_mut().rows.push(EventRow {
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
