//! The batch pipeline: a stream of records coded in parallel, written in input order, with
//! bounded memory.
//!
//! Records are taken from the input in chunks (bounded by document count and bytes) and each
//! chunk is coded on a rayon thread pool. With more than one worker the stages overlap: while
//! chunk N+1 is coded, the caller's thread writes chunk N's events to the sink (in input order,
//! flushing after each chunk) and reads chunk N+2, so at most three chunks are in hand; with
//! one worker the stages take turns and one core is busy at a time. Memory therefore depends
//! on the chunk size, not on the input size. A document larger than the segment cap is coded
//! alone, in segments (see `segment.rs`), its events streamed to the sink segment by segment.
//!
//! A document whose coding panics becomes a rejected record. A stop flag (set by a signal
//! handler) ends the run after the documents in hand: nothing half-written, the sink flushed.

mod segment;

use crate::code::{CodedDocument, Coder};
use crate::error::{Error, Result};
use crate::ingest::{Record, Rejection};
use crate::model::Document;
use crate::sink::{DocumentEnd, DocumentOutput, DocumentStart, EventSink};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Codes one document; the pipeline isolates each call (a panic rejects only that document).
pub trait DocumentCoder: Sync {
    /// Codes `doc`.
    fn code_document(&self, doc: &Document) -> CodedDocument;
}

impl DocumentCoder for Coder {
    fn code_document(&self, doc: &Document) -> CodedDocument {
        self.code(doc)
    }
}

impl<F: Fn(&Document) -> CodedDocument + Sync> DocumentCoder for F {
    fn code_document(&self, doc: &Document) -> CodedDocument {
        self(doc)
    }
}

/// Pipeline settings.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct PipelineConfig {
    threads: usize,
    chunk_documents: usize,
    chunk_bytes: usize,
    segment_bytes: usize,
    stop: Option<Arc<AtomicBool>>,
}

/// Default most bytes coded as one piece: larger documents are coded in segments.
pub const DEFAULT_SEGMENT_BYTES: usize = 1 << 20;

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig {
            threads: 0,
            chunk_documents: 1024,
            chunk_bytes: 8 << 20,
            segment_bytes: DEFAULT_SEGMENT_BYTES,
            stop: None,
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

    /// Most bytes coded as one piece (at least 1); a longer document is coded in segments.
    pub fn segment_bytes(mut self, n: usize) -> Self {
        self.segment_bytes = n.max(1);
        self
    }

    /// Stops the run once `flag` is set: documents already being coded are finished and
    /// written, the others are left unread.
    pub fn stop_when(mut self, flag: Arc<AtomicBool>) -> Self {
        self.stop = Some(flag);
        self
    }

    fn stopped(&self) -> bool {
        self.stop.as_ref().is_some_and(|f| f.load(Ordering::SeqCst))
    }
}

/// What happened to one input record, reported to the caller's observer in input order.
#[derive(Debug)]
#[non_exhaustive]
pub enum Outcome<'a> {
    /// A document was coded.
    Coded {
        /// Its id.
        id: &'a str,
        /// Its text size in bytes.
        bytes: usize,
        /// The coding result (events already written to the sink; for a document coded in
        /// segments, the events are not kept here).
        result: &'a CodedDocument,
    },
    /// A record was rejected (by ingest, or because coding it failed).
    Rejected(&'a Rejection),
    /// The output of these documents (all coded since the last `Flushed`) was flushed.
    Flushed {
        /// Their ids, in input order.
        ids: &'a [String],
    },
}

/// Counts for a whole run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
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
    /// The run was stopped before the end of the input.
    pub interrupted: bool,
    /// The id of the last document coded.
    pub last_id: Option<String>,
}

/// Codes every record and writes the events to `sink` in input order.
///
/// `observe` sees each record's [`Outcome`] in input order (warnings, rejections, flushes).
///
/// ```
/// use demarche::ingest::{Record, Rejection};
/// use demarche::pipeline::{self, PipelineConfig};
/// use demarche::sink::JsonlSink;
/// use demarche::{Coder, Document};
///
/// let records = vec![
///     Record::Document(Document::new("a", None, "North Korea condemned Japan.")),
///     Record::Document(Document::new("b", None, "Nothing happened.")),
/// ];
/// let coder = Coder::bundled();
/// let mut out = Vec::new();
/// let mut sink = JsonlSink::new(&mut out);
/// let config = PipelineConfig::default().threads(2);
/// let stats = pipeline::run(records.into_iter(), &coder, &mut sink, &config, |_| {})?;
/// drop(sink);
/// assert_eq!((stats.read, stats.coded, stats.events), (2, 2, 1));
/// let line: serde_json::Value = serde_json::from_slice(&out)?;
/// assert_eq!((line["doc"].as_str(), line["cameo"].as_str()), (Some("a"), Some("111")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    let mut runner = Runner {
        coder,
        sink,
        config,
        pool: &pool,
        stats: RunStats::default(),
        flushed: Vec::new(),
    };
    let mut records = records.peekable();
    std::thread::scope(|scope| runner.drive(&mut records, scope, &mut observe))?;
    runner.sink.finish()?;
    Ok(runner.stats)
}

/// A chunk of records with the result of coding each; `None` where the run stopped first.
type CodedChunk = (Vec<Record>, Vec<Coded>);

/// A chunk to code: on its own thread while the caller's thread writes the chunk before and
/// reads the next one (more than one worker), or when it is finished (one worker, so that
/// `-j 1` uses one core at a time and holds one coded chunk).
enum Coding<'scope> {
    Running(std::thread::ScopedJoinHandle<'scope, CodedChunk>),
    Deferred(Box<dyn FnOnce() -> CodedChunk + 'scope>),
}

impl Coding<'_> {
    fn finish(self) -> Result<CodedChunk> {
        match self {
            Coding::Deferred(code) => Ok(code()),
            Coding::Running(handle) => handle
                .join()
                .map_err(|_| Error::Config("a coding thread failed".into())),
        }
    }
}

/// The next records to code together, or none once the run is stopped.
fn next_chunk(
    records: &mut std::iter::Peekable<impl Iterator<Item = Record>>,
    config: &PipelineConfig,
    stats: &mut RunStats,
) -> Vec<Record> {
    if config.stopped() {
        stats.interrupted |= records.peek().is_some();
        return Vec::new();
    }
    take_chunk(records, config)
}

/// The next records to code together; a document over the segment cap comes alone.
fn take_chunk(
    records: &mut std::iter::Peekable<impl Iterator<Item = Record>>,
    config: &PipelineConfig,
) -> Vec<Record> {
    let is_large =
        |r: &Record| matches!(r, Record::Document(d) if d.text.len() > config.segment_bytes);
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while chunk.len() < config.chunk_documents && bytes < config.chunk_bytes {
        match records.peek() {
            None => break,
            Some(r) if is_large(r) && !chunk.is_empty() => break,
            Some(_) => {}
        }
        let Some(r) = records.next() else { break };
        let large = is_large(&r);
        if let Record::Document(d) = &r {
            bytes += d.text.len();
        }
        chunk.push(r);
        if large {
            break;
        }
    }
    chunk
}

struct Runner<'a, 's> {
    coder: &'a dyn DocumentCoder,
    sink: &'s mut dyn EventSink,
    config: &'a PipelineConfig,
    pool: &'a rayon::ThreadPool,
    stats: RunStats,
    flushed: Vec<String>,
}

/// A document's coding result; `None` when the run stopped before it was started.
type Coded = Option<std::result::Result<CodedDocument, String>>;

impl<'a> Runner<'a, '_> {
    /// Reads, codes and writes every chunk in input order. With more than one worker, chunk
    /// N+1 is coded while chunk N is written and chunk N+2 read, so that reading and writing
    /// do not leave the workers idle.
    fn drive<'scope>(
        &mut self,
        records: &mut std::iter::Peekable<impl Iterator<Item = Record>>,
        scope: &'scope std::thread::Scope<'scope, '_>,
        observe: &mut impl FnMut(Outcome<'_>),
    ) -> Result<()>
    where
        'a: 'scope,
    {
        let mut pending = next_chunk(records, self.config, &mut self.stats);
        let mut ready: Option<CodedChunk> = None;
        loop {
            if let [Record::Document(d)] = pending.as_slice() {
                if d.text.len() > self.config.segment_bytes {
                    if !self.write_ready(ready.take(), observe)? {
                        return Ok(());
                    }
                    self.segmented(d, observe)?;
                    self.flush(observe)?;
                    pending = next_chunk(records, self.config, &mut self.stats);
                    continue;
                }
            }
            let coding =
                (!pending.is_empty()).then(|| self.start(std::mem::take(&mut pending), scope));
            let written = self.write_ready(ready.take(), observe)?;
            if written && coding.is_some() {
                pending = next_chunk(records, self.config, &mut self.stats);
            }
            let next = coding.map(Coding::finish).transpose()?;
            match next {
                Some(coded) if written => ready = Some(coded),
                _ => return Ok(()),
            }
        }
    }

    /// Starts coding `chunk` on a thread of `scope` with more than one worker, else defers it.
    fn start<'scope>(
        &self,
        chunk: Vec<Record>,
        scope: &'scope std::thread::Scope<'scope, '_>,
    ) -> Coding<'scope>
    where
        'a: 'scope,
    {
        let (coder, config, pool) = (self.coder, self.config, self.pool);
        let code = move || {
            let results = code_chunk(coder, config, pool, &chunk);
            (chunk, results)
        };
        if pool.current_num_threads() > 1 {
            Coding::Running(scope.spawn(code))
        } else {
            Coding::Deferred(Box::new(code))
        }
    }

    /// Writes a coded chunk (if any) and flushes; false once the run stopped inside it.
    fn write_ready(
        &mut self,
        ready: Option<CodedChunk>,
        observe: &mut impl FnMut(Outcome<'_>),
    ) -> Result<bool> {
        let Some((chunk, results)) = ready else {
            return Ok(true);
        };
        let complete = self.write_chunk(&chunk, results, observe)?;
        self.flush(observe)?;
        Ok(complete)
    }

    /// Writes a chunk's results in order, up to the first document not started; false if
    /// there was one.
    fn write_chunk(
        &mut self,
        chunk: &[Record],
        results: Vec<Coded>,
        observe: &mut impl FnMut(Outcome<'_>),
    ) -> Result<bool> {
        for (record, result) in chunk.iter().zip(results) {
            let Some(result) = result else {
                self.stats.interrupted = true;
                return Ok(false);
            };
            match (record, result) {
                (Record::Document(d), Ok(coded)) => self.write(d, &coded, observe)?,
                (Record::Document(d), Err(why)) => self.reject(&coding_failed(d, &why), observe),
                (Record::Rejected(r), _) => self.reject(r, observe),
            }
        }
        Ok(true)
    }

    fn write(
        &mut self,
        d: &Document,
        coded: &CodedDocument,
        observe: &mut impl FnMut(Outcome<'_>),
    ) -> Result<()> {
        self.sink.write_document(&DocumentOutput {
            id: &d.id,
            date: d.date,
            text: &d.text,
            sentences: coded.sentences,
            sentence_spans: &coded.sentence_spans,
            events: &coded.events,
            places: &coded.places,
            metadata: &d.metadata,
        })?;
        self.count_coded(d, coded.events.len(), coded.sentences);
        let bytes = d.text.len();
        observe(Outcome::Coded {
            id: &d.id,
            bytes,
            result: coded,
        });
        Ok(())
    }

    fn count_coded(&mut self, d: &Document, events: usize, sentences: usize) {
        self.stats.read += 1;
        self.stats.coded += 1;
        self.stats.events += events;
        self.stats.sentences += sentences;
        self.stats.last_id = Some(d.id.clone());
        self.flushed.push(d.id.clone());
    }

    fn reject(&mut self, r: &Rejection, observe: &mut impl FnMut(Outcome<'_>)) {
        self.stats.read += 1;
        self.stats.rejected += 1;
        observe(Outcome::Rejected(r));
    }

    fn flush(&mut self, observe: &mut impl FnMut(Outcome<'_>)) -> Result<()> {
        self.sink.flush()?;
        if !self.flushed.is_empty() {
            observe(Outcome::Flushed { ids: &self.flushed });
            self.flushed.clear();
        }
        Ok(())
    }

    /// Codes a large document segment by segment (as many at a time as there are threads),
    /// streaming its events to the sink. A failed segment rejects the document; the events of
    /// the segments before it are already written.
    fn segmented(&mut self, d: &Document, observe: &mut impl FnMut(Outcome<'_>)) -> Result<()> {
        self.sink.begin_document(&DocumentStart {
            id: &d.id,
            date: d.date,
            text: &d.text,
            metadata: &d.metadata,
        })?;
        let ranges = segment::segments(&d.text, self.config.segment_bytes);
        let mut total = CodedDocument::default();
        let (mut events, mut failure) = (0, None);
        for batch in ranges.chunks(self.pool.current_num_threads().max(1)) {
            for (range, result) in batch.iter().zip(self.code_segments(d, batch)) {
                let mut coded = match result {
                    Ok(c) => c,
                    Err(why) => {
                        failure = Some(format!("{why} (in bytes {}..{})", range.start, range.end));
                        break;
                    }
                };
                segment::shift(&mut coded, range.start, total.sentences);
                self.sink.write_events(&coded.events)?;
                events += coded.events.len();
                merge_segment(&mut total, coded);
            }
            if failure.is_some() {
                break;
            }
        }
        self.sink.end_document(&DocumentEnd {
            sentences: total.sentences,
            sentence_spans: &total.sentence_spans,
            places: &total.places,
        })?;
        if let Some(why) = failure {
            self.reject(&coding_failed(d, &why), observe);
            return Ok(());
        }
        self.count_coded(d, events, total.sentences);
        let bytes = d.text.len();
        observe(Outcome::Coded {
            id: &d.id,
            bytes,
            result: &total,
        });
        Ok(())
    }

    fn code_segments(
        &self,
        d: &Document,
        batch: &[std::ops::Range<usize>],
    ) -> Vec<std::result::Result<CodedDocument, String>> {
        let coder = self.coder;
        self.pool.install(|| {
            use rayon::prelude::*;
            batch
                .par_iter()
                .map(|r| {
                    let part = Document::new(d.id.clone(), d.date, d.text[r.clone()].to_vec());
                    code_isolated(coder, &part)
                })
                .collect()
        })
    }
}

/// Adds a (shifted) segment's counts, warnings and new places to the document's; its events
/// have already been written and are dropped.
fn merge_segment(total: &mut CodedDocument, segment: CodedDocument) {
    total.sentences += segment.sentences;
    total.sentence_spans.extend(segment.sentence_spans);
    for w in segment.warnings {
        if !total.warnings.contains(&w) {
            total.warnings.push(w);
        }
    }
    for p in segment.places {
        if !total
            .places
            .iter()
            .any(|l| l.name == p.name && l.country == p.country)
        {
            total.places.push(p);
        }
    }
}

/// Codes a chunk's documents in parallel on `pool`, each isolated; a document not started
/// before the run was stopped gives `None`.
fn code_chunk(
    coder: &dyn DocumentCoder,
    config: &PipelineConfig,
    pool: &rayon::ThreadPool,
    chunk: &[Record],
) -> Vec<Coded> {
    pool.install(|| {
        use rayon::prelude::*;
        chunk
            .par_iter()
            .map(|r| match r {
                Record::Document(_) if config.stopped() => None,
                Record::Document(d) => Some(code_isolated(coder, d)),
                Record::Rejected(_) => Some(Ok(CodedDocument::default())),
            })
            .collect()
    })
}

fn coding_failed(d: &Document, why: &str) -> Rejection {
    Rejection {
        location: d.id.clone(),
        reason: format!("coding failed: {why}; document skipped"),
    }
}

/// Codes one document; a panic (a bug) becomes an error message instead of ending the batch.
fn code_isolated(
    coder: &dyn DocumentCoder,
    doc: &Document,
) -> std::result::Result<CodedDocument, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| coder.code_document(doc))).map_err(
        |payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            format!("internal error (panic: {message})")
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Event};

    struct Collect(Vec<Event>);
    impl EventSink for Collect {
        fn write_event(&mut self, e: &Event) -> Result<()> {
            self.0.push(e.clone());
            Ok(())
        }
        fn flush(&mut self) -> Result<()> {
            Ok(())
        }
    }

    fn docs(n: usize, text: &str) -> impl Iterator<Item = Record> + '_ {
        (0..n).map(move |i| Record::Document(Document::new(format!("d{i}"), None, text)))
    }

    fn collect(
        records: impl Iterator<Item = Record>,
        coder: &dyn DocumentCoder,
        config: &PipelineConfig,
    ) -> (RunStats, Vec<Event>, Vec<String>) {
        let mut sink = Collect(Vec::new());
        let mut rejected = Vec::new();
        let stats = run(records, coder, &mut sink, config, |o| {
            if let Outcome::Rejected(r) = o {
                rejected.push(r.to_string());
            }
        })
        .expect("run");
        (stats, sink.0, rejected)
    }

    #[test]
    fn a_panicking_document_is_rejected_with_the_reason_and_the_rest_is_coded() {
        let bundled = Coder::bundled();
        let coder = |d: &Document| {
            if d.id == "d3" {
                panic!("boom in {}", d.id);
            }
            bundled.code(d)
        };
        let config = PipelineConfig::default().threads(2).chunk_documents(4);
        let (stats, events, rejected) =
            collect(docs(8, "Russia condemned Ukraine."), &coder, &config);
        assert_eq!((stats.read, stats.coded, stats.rejected), (8, 7, 1));
        assert_eq!(
            rejected,
            ["d3: coding failed: internal error (panic: boom in d3); document skipped"]
        );
        assert!(events.iter().all(|e| e.doc != "d3"));
        assert_eq!(events.len(), 7);
    }

    const PARAGRAPHS: &str = "Russia condemned Ukraine on Tuesday.\n\n\
        The United States accused Iran of violence. Japan praised China.\n\n\
        Israel attacked Hamas. Egypt said it would mediate between Israel and Hamas.\n\n\
        France and Germany met Britain in Brussels.\n\n";

    #[test]
    fn a_segmented_document_gives_the_same_events_as_one_piece() {
        let coder = Coder::bundled();
        let text = PARAGRAPHS.repeat(3);
        let date = chrono::NaiveDate::from_ymd_opt(2006, 11, 30);
        let record = || std::iter::once(Record::Document(Document::new("big", date, text.clone())));
        let (_, whole, _) = collect(record(), &coder, &PipelineConfig::default());
        assert!(whole.len() >= 12, "{}", whole.len());
        for (cap, threads) in [(120, 1), (200, 2), (333, 3)] {
            let config = PipelineConfig::default()
                .segment_bytes(cap)
                .threads(threads);
            let (stats, parts, _) = collect(record(), &coder, &config);
            assert_eq!(parts, whole, "segment cap {cap}");
            assert_eq!(stats.coded, 1);
        }
    }

    #[test]
    fn a_multi_megabyte_document_is_coded_in_segments_with_spans_into_the_whole() {
        let coder = Coder::bundled();
        let repeats = (3 << 20) / PARAGRAPHS.len();
        let text = PARAGRAPHS.repeat(repeats);
        let one = collect(docs(1, PARAGRAPHS), &coder, &PipelineConfig::default())
            .1
            .len();
        let record = std::iter::once(Record::Document(Document::new("big", None, text.clone())));
        let (stats, events, _) = collect(record, &coder, &PipelineConfig::default().threads(2));
        assert_eq!(events.len(), one * repeats);
        assert!(events
            .windows(2)
            .all(|w| w[0].sentence_span.start <= w[1].sentence_span.start));
        for e in &events {
            let actor = e.source.as_ref().expect("source");
            assert_eq!(
                text.as_bytes()[actor.span.start..actor.span.end],
                *actor.text.as_bytes()
            );
        }
        assert_eq!(stats.sentences, events.last().map_or(0, |e| e.sentence) + 1);
    }

    #[test]
    fn a_stop_finishes_the_documents_in_hand_and_writes_no_more() {
        let bundled = Coder::bundled();
        let stop = Arc::new(AtomicBool::new(false));
        let coder = |d: &Document| {
            if d.id == "d5" {
                stop.store(true, Ordering::SeqCst);
            }
            bundled.code(d)
        };
        let config = PipelineConfig::default()
            .threads(1)
            .chunk_documents(4)
            .stop_when(stop.clone());
        let (stats, events, _) = collect(docs(20, "Russia condemned Ukraine."), &coder, &config);
        assert!(stats.interrupted);
        assert_eq!(stats.coded, 6, "d0..d5: d5 was in hand");
        assert_eq!(stats.last_id.as_deref(), Some("d5"));
        assert_eq!(events.len(), 6);
    }

    #[test]
    fn with_two_workers_a_stop_writes_a_prefix_of_the_input() {
        let bundled = Coder::bundled();
        let stop = Arc::new(AtomicBool::new(false));
        let coder = |d: &Document| {
            if d.id == "d9" {
                stop.store(true, Ordering::SeqCst);
            }
            bundled.code(d)
        };
        let config = PipelineConfig::default()
            .threads(2)
            .chunk_documents(4)
            .stop_when(stop.clone());
        let (stats, events, _) = collect(docs(40, "Russia condemned Ukraine."), &coder, &config);
        assert!(stats.interrupted);
        assert!((10..40).contains(&stats.coded), "{}", stats.coded);
        let ids: Vec<String> = events.iter().map(|e| e.doc.to_string()).collect();
        let prefix: Vec<String> = (0..stats.coded).map(|i| format!("d{i}")).collect();
        assert_eq!(ids, prefix);
    }

    #[test]
    fn a_large_document_between_chunks_keeps_input_order() {
        let coder = Coder::bundled();
        let small = |i: usize| {
            Record::Document(Document::new(
                format!("d{i}"),
                None,
                "Russia condemned Ukraine.",
            ))
        };
        let big = Record::Document(Document::new("d5", None, PARAGRAPHS.repeat(2)));
        let records: Vec<Record> = (0..5)
            .map(small)
            .chain([big])
            .chain((6..12).map(small))
            .collect();
        for threads in [1, 2] {
            let config = PipelineConfig::default()
                .threads(threads)
                .chunk_documents(3)
                .segment_bytes(150);
            let (stats, events, _) = collect(records.clone().into_iter(), &coder, &config);
            assert_eq!(stats.coded, 12);
            let mut docs: Vec<&str> = events.iter().map(|e| e.doc.as_str()).collect();
            docs.dedup();
            let expected: Vec<String> = (0..12).map(|i| format!("d{i}")).collect();
            assert_eq!(docs, expected, "{threads} threads");
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
