//! The batch pipeline: a stream of records coded in parallel, written in input order, with
//! bounded memory.
//!
//! Records are taken from the input in chunks (bounded by document count and bytes), each chunk
//! is coded on a rayon thread pool, and its events are pushed to the sink in input order before
//! the next chunk is read. Memory therefore depends on the chunk size, not on the input size.

use crate::code::CodedDocument;
use crate::document_coder::DocumentCoder;
use crate::error::{Error, Result};
use crate::ingest::{Record, Rejection};
use crate::sink::EventSink;

/// Pipeline settings.
#[derive(Clone, Debug)]
pub struct PipelineConfig {
    threads: usize,
    chunk_documents: usize,
    chunk_bytes: usize,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig {
            threads: 0,
            chunk_documents: 1024,
            chunk_bytes: 16 << 20,
        }
    }
}

impl PipelineConfig {
    /// Worker threads; 0 means one per core.
    pub fn threads(mut self, n: usize) -> Self {
        self.threads = n;
        self
    }

    /// Most documents coded together (at least 1).
    pub fn chunk_documents(mut self, n: usize) -> Self {
        self.chunk_documents = n.max(1);
        self
    }

    /// Most text bytes held in one chunk (a single larger document still forms its own chunk).
    pub fn chunk_bytes(mut self, n: usize) -> Self {
        self.chunk_bytes = n.max(1);
        self
    }
}

/// What happened to one input record, reported to the caller's observer in input order.
#[derive(Debug)]
pub enum Outcome<'a> {
    /// A document was coded.
    Coded {
        /// Its id.
        id: &'a str,
        /// Its text size in bytes.
        bytes: usize,
        /// The coding result (events already written to the sink).
        result: &'a CodedDocument,
    },
    /// A record was rejected.
    Rejected(&'a Rejection),
}

/// Counts for a whole run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Records read (documents and rejections).
    pub read: usize,
    /// Documents coded.
    pub coded: usize,
    /// Records rejected.
    pub rejected: usize,
    /// Events written.
    pub events: usize,
    /// Sentences coded.
    pub sentences: usize,
}

/// Codes every record and writes the events to `sink` in input order.
pub fn run(
    records: impl Iterator<Item = Record>,
    coder: &dyn DocumentCoder,
    sink: &mut dyn EventSink,
    config: &PipelineConfig,
    mut observe: impl FnMut(Outcome<'_>),
) -> Result<RunStats> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .map_err(|e| Error::Config(format!("cannot start worker threads: {e}")))?;
    let mut stats = RunStats::default();
    let mut records = records.peekable();
    let mut chunk: Vec<Record> = Vec::with_capacity(config.chunk_documents);
    while records.peek().is_some() {
        chunk.clear();
        let mut bytes = 0;
        while chunk.len() < config.chunk_documents && bytes < config.chunk_bytes {
            let Some(r) = records.next() else { break };
            if let Record::Document(d) = &r {
                bytes += d.text.len();
            }
            chunk.push(r);
        }
        let results: Vec<Option<CodedDocument>> = pool.install(|| {
            use rayon::prelude::*;
            chunk
                .par_iter()
                .map(|r| match r {
                    Record::Document(d) => Some(code_isolated(coder, d)),
                    Record::Rejected(_) => None,
                })
                .collect()
        });
        for (record, result) in chunk.iter().zip(&results) {
            stats.read += 1;
            match (record, result) {
                (Record::Document(d), Some(coded)) => {
                    sink.write_document(&crate::sink::DocumentOutput {
                        id: &d.id,
                        date: d.date,
                        sentences: coded.sentences,
                        events: &coded.events,
                        places: &coded.places,
                    })?;
                    stats.coded += 1;
                    stats.events += coded.events.len();
                    stats.sentences += coded.sentences;
                    observe(Outcome::Coded {
                        id: &d.id,
                        bytes: d.text.len(),
                        result: coded,
                    });
                }
                (Record::Rejected(r), _) => {
                    stats.rejected += 1;
                    observe(Outcome::Rejected(r));
                }
                (Record::Document(_), None) => {}
            }
        }
    }
    sink.finish()?;
    Ok(stats)
}

/// Codes one document; a panic (a bug) becomes a warning instead of ending the batch.
fn code_isolated(coder: &dyn DocumentCoder, doc: &crate::model::Document) -> CodedDocument {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| coder.code_document(doc)))
        .unwrap_or_else(|_| CodedDocument {
            warnings: vec!["internal error while coding; document skipped".into()],
            ..CodedDocument::default()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Coder;
    use crate::model::{Document, Event};

    struct Collect(Vec<Event>);
    impl EventSink for Collect {
        fn write_event(&mut self, e: &Event) -> Result<()> {
            self.0.push(e.clone());
            Ok(())
        }
        fn finish(&mut self) -> Result<()> {
            Ok(())
        }
    }

    #[test]
    fn output_keeps_input_order_across_chunks_and_threads() {
        let coder = Coder::bundled();
        let records: Vec<Record> = (0..50)
            .map(|i| {
                Record::Document(Document::new(
                    format!("d{i}"),
                    None,
                    "Russia condemned Ukraine. China met Japan.",
                ))
            })
            .chain(std::iter::once(Record::Rejected(Rejection {
                location: "x:1".into(),
                reason: "bad".into(),
            })))
            .collect();
        let mut sink = Collect(Vec::new());
        let mut seen = Vec::new();
        let stats = run(
            records.into_iter(),
            &coder,
            &mut sink,
            &PipelineConfig::default().threads(2).chunk_documents(7),
            |o| {
                if let Outcome::Coded { id, .. } = o {
                    seen.push(id.to_string());
                }
            },
        )
        .expect("run");
        assert_eq!(stats.read, 51);
        assert_eq!(stats.rejected, 1);
        assert_eq!(seen, (0..50).map(|i| format!("d{i}")).collect::<Vec<_>>());
        let docs: Vec<&str> = sink.0.iter().map(|e| e.doc.as_str()).collect();
        let mut sorted = docs.clone();
        sorted.sort_by_key(|d| d[1..].parse::<usize>().unwrap_or(0));
        assert_eq!(docs, sorted);
    }
}
