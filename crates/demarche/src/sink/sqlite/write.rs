//! [`SqliteSink`]: writes coded documents into a [`Store`], one transaction per flush (the
//! pipeline flushes after each chunk), every event with its exact JSONL line as `record`.

use super::Store;
use crate::error::{Error, Result};
use crate::model::{Actor, Event, Location, Span};
use crate::sink::jsonl::{event_line, meta_suffix};
use crate::sink::{DocumentEnd, DocumentStart, EventSink, Metadata};
use rusqlite::{params, OptionalExtension};
use std::collections::HashMap;

/// Metadata fields that name the outlet, in order of preference.
const OUTLET_FIELDS: &[&str] = &["source", "outlet", "publisher", "media", "domain"];

/// Writes documents, sentences, events, actors and places into a store.
pub struct SqliteSink<'s> {
    store: &'s Store,
    in_transaction: bool,
    doc: Option<OpenDocument>,
    skipped: usize,
    line: Vec<u8>,
}

/// The document being written.
struct OpenDocument {
    /// Its `documents.id`; `None` when it is skipped (already stored, not admitted).
    row: Option<i64>,
    text: Vec<u8>,
    meta: Option<Vec<u8>>,
    ordinal: i64,
    sentences: HashMap<usize, i64>,
    places: HashMap<(String, String, usize, usize), i64>,
}

impl<'s> SqliteSink<'s> {
    /// Writes into `store`.
    pub fn new(store: &'s Store) -> Self {
        SqliteSink {
            store,
            in_transaction: false,
            doc: None,
            skipped: 0,
            line: Vec::new(),
        }
    }

    /// Documents not written because the store had them and they were not admitted for
    /// replacement (see [`Store::admit`], which normally filters them out before coding).
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    fn exec(&self, sql: &str, values: impl rusqlite::Params) -> Result<usize> {
        self.store
            .conn
            .prepare_cached(sql)
            .and_then(|mut s| s.execute(values))
            .map_err(|e| self.store.error(e))
    }

    fn begin(&mut self) -> Result<()> {
        if !self.in_transaction {
            self.exec("BEGIN IMMEDIATE", [])?;
            self.in_transaction = true;
        }
        Ok(())
    }

    fn open_document(&mut self) -> Result<&mut OpenDocument> {
        self.doc.as_mut().ok_or_else(|| {
            Error::Config("an event was written to the store outside a document".into())
        })
    }

    /// The row id of a new document, or `None` when it is stored and not to be replaced.
    fn insert_document(&mut self, doc: &DocumentStart<'_>) -> Result<Option<i64>> {
        let (hash, replace) = match self.store.take_pending(doc.id) {
            Some(admitted) => admitted,
            None => (super::content_hash(doc.date, doc.text), false),
        };
        if replace {
            self.exec("DELETE FROM documents WHERE doc_id = ?1", [doc.id])?;
        } else if self.store.stored_hash(doc.id)?.is_some() {
            self.skipped += 1;
            return Ok(None);
        }
        let text = match std::str::from_utf8(doc.text) {
            Ok(s) => rusqlite::types::Value::Text(s.to_string()),
            Err(_) => rusqlite::types::Value::Blob(doc.text.to_vec()),
        };
        let metadata =
            serde_json::to_string(doc.metadata).map_err(crate::sink::jsonl::json_error)?;
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        self.exec(
            "INSERT INTO documents (doc_id, date, outlet, metadata, text, content_hash, coded_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                doc.id,
                doc.date.map(|d| d.format("%Y-%m-%d").to_string()),
                outlet(doc.metadata),
                metadata,
                text,
                hash,
                now
            ],
        )?;
        Ok(Some(self.store.conn.last_insert_rowid()))
    }

    /// The `sentences.id` of sentence `idx` of the open document, inserting it if new.
    fn sentence_id(&mut self, document: i64, idx: usize, span: Span) -> Result<i64> {
        if let Some(id) = self.open_document()?.sentences.get(&idx) {
            return Ok(*id);
        }
        let text = self
            .open_document()?
            .text
            .get(span.start..span.end)
            .unwrap_or_default();
        let text = String::from_utf8_lossy(text).into_owned();
        self.exec(
            "INSERT INTO sentences (document_id, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (document_id, idx) DO NOTHING",
            params![document, idx as i64, span.start as i64, span.end as i64, text],
        )?;
        let id: i64 = self
            .store
            .conn
            .prepare_cached("SELECT id FROM sentences WHERE document_id = ?1 AND idx = ?2")
            .and_then(|mut s| s.query_row(params![document, idx as i64], |r| r.get(0)))
            .map_err(|e| self.store.error(e))?;
        self.open_document()?.sentences.insert(idx, id);
        Ok(id)
    }

    /// The `places.id` of an event's location, inserting it once per document.
    fn place_id(&mut self, document: i64, l: &Location) -> Result<i64> {
        let key = (l.name.clone(), l.country.clone(), l.span.start, l.span.end);
        if let Some(id) = self.open_document()?.places.get(&key) {
            return Ok(*id);
        }
        self.exec(
            "INSERT INTO places (document_id, name, country, admin1, lat, lon, feature_type, \
             precision, geonameid, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![document, l.name, l.country, l.admin1, l.lat, l.lon, l.feature_type.as_str(),
                l.precision.as_str(), l.geonameid, l.span.start as i64, l.span.end as i64],
        )?;
        let id = self.store.conn.last_insert_rowid();
        self.open_document()?.places.insert(key, id);
        Ok(id)
    }

    fn insert_event(&mut self, document: i64, e: &Event) -> Result<()> {
        let sentence = self.sentence_id(document, e.sentence, e.sentence_span)?;
        let place = match &e.location {
            Some(l) => Some(self.place_id(document, l)?),
            None => None,
        };
        let doc = self.open_document()?;
        let ordinal = doc.ordinal;
        doc.ordinal += 1;
        let meta = doc.meta.clone();
        self.line.clear();
        event_line(e, meta.as_deref(), &mut self.line)?;
        let record = String::from_utf8_lossy(&self.line).into_owned();
        let rules = serde_json::to_string(&e.rules).map_err(crate::sink::jsonl::json_error)?;
        let precision = e.date_precision.map(|p| format!("{p:?}").to_lowercase());
        let quote = e.quote.as_ref();
        self.exec(
            "INSERT INTO events (document_id, sentence_id, ordinal, date, date_precision, day, \
             cameo, root, event_name, goldstein, quad_class, plover, plover_mode, plover_context, \
             source_code, target_code, evidence_text, evidence_start, evidence_end, evidence_entry, \
             evidence_pattern, quote_text, quote_start, quote_end, place_id, rules, record) VALUES \
             (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, \
             ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
            params![document, sentence, ordinal, e.date.as_deref(), precision,
                e.date.as_deref().map(first_day), e.cameo.as_str(), root(&e.cameo),
                e.event_name.as_str(), e.goldstein, e.quad_class, e.plover.as_deref(),
                e.plover_mode.as_deref(), e.plover_context.as_deref(),
                e.source.as_ref().map(|a| &a.code), e.target.as_ref().map(|a| &a.code),
                e.evidence.text, e.evidence.span.start as i64, e.evidence.span.end as i64,
                e.evidence.entry.as_str(), e.evidence.pattern.as_str(),
                quote.map(|q| &q.text), quote.map(|q| q.span.start as i64),
                quote.map(|q| q.span.end as i64), place, rules, record],
        )?;
        let event = self.store.conn.last_insert_rowid();
        for (role, actor) in [("source", &e.source), ("target", &e.target)] {
            if let Some(a) = actor {
                self.insert_actor(event, role, a)?;
            }
        }
        Ok(())
    }

    fn insert_actor(&mut self, event: i64, role: &str, a: &Actor) -> Result<()> {
        let (country, agent) = split_code(&a.code);
        self.exec(
            "INSERT INTO actors (event_id, role, code, country, agent, text, start, end, entry, via) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![event, role, a.code, country, agent, a.text, a.span.start as i64,
                a.span.end as i64, a.entry.as_str(), a.via],
        )?;
        Ok(())
    }
}

impl EventSink for SqliteSink<'_> {
    fn write_event(&mut self, event: &Event) -> Result<()> {
        match self.open_document()?.row {
            Some(document) => self.insert_event(document, event),
            None => Ok(()),
        }
    }

    fn begin_document(&mut self, doc: &DocumentStart<'_>) -> Result<()> {
        self.begin()?;
        let row = self.insert_document(doc)?;
        self.doc = Some(OpenDocument {
            row,
            text: doc.text.to_vec(),
            meta: meta_suffix(doc.metadata)?,
            ordinal: 0,
            sentences: HashMap::new(),
            places: HashMap::new(),
        });
        Ok(())
    }

    /// Stores the sentences that have no event too (for full-text search).
    fn end_document(&mut self, end: &DocumentEnd<'_>) -> Result<()> {
        if let Some(document) = self.open_document()?.row {
            for (idx, span) in end.sentence_spans.iter().enumerate() {
                self.sentence_id(document, idx, *span)?;
            }
        }
        self.doc = None;
        Ok(())
    }

    /// Commits the documents written since the last flush.
    fn flush(&mut self) -> Result<()> {
        if self.in_transaction {
            self.exec("COMMIT", [])?;
            self.in_transaction = false;
        }
        Ok(())
    }

    /// Commits and folds the write-ahead log into the database file.
    fn finish(&mut self) -> Result<()> {
        self.flush()?;
        self.store
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .optional()
            .map(drop)
            .map_err(|e| self.store.error(e))
    }
}

impl Drop for SqliteSink<'_> {
    /// A sink dropped with a transaction open (after an error) rolls it back.
    fn drop(&mut self) {
        if self.in_transaction {
            let _ = self.store.conn.execute_batch("ROLLBACK");
        }
    }
}

/// The outlet named by the first of [`OUTLET_FIELDS`] that is a string.
fn outlet(metadata: &Metadata) -> Option<&str> {
    OUTLET_FIELDS
        .iter()
        .find_map(|f| metadata.get(*f).and_then(|v| v.as_str()))
}

/// The first two digits of a CAMEO code.
fn root(cameo: &str) -> &str {
    cameo.get(..2).unwrap_or(cameo)
}

/// The first day of a date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
fn first_day(date: &str) -> String {
    match date.len() {
        4 => format!("{date}-01-01"),
        7 => format!("{date}-01"),
        _ => date.to_string(),
    }
}

/// An actor code's country (first three letters, or all of a shorter code) and agent (the
/// rest, `None` when empty).
fn split_code(code: &str) -> (&str, Option<&str>) {
    match code.get(..3) {
        Some(country) if code.len() > 3 => (country, code.get(3..)),
        _ => (code, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_parts_days_roots_and_outlets() {
        let cases: &[(&str, (&str, Option<&str>))] = &[
            ("USAGOV", ("USA", Some("GOV"))),
            ("PRK", ("PRK", None)),
            ("IGOUNO", ("IGO", Some("UNO"))),
            ("---GOV", ("---", Some("GOV"))),
            ("X", ("X", None)),
        ];
        for (code, parts) in cases {
            assert_eq!(split_code(code), *parts, "{code}");
        }
        for (date, day) in [
            ("2020", "2020-01-01"),
            ("2020-05", "2020-05-01"),
            ("2020-05-07", "2020-05-07"),
        ] {
            assert_eq!(first_day(date), day);
        }
        assert_eq!((root("0233"), root("1")), ("02", "1"));
        let mut meta = Metadata::new();
        meta.insert("media".into(), "Reuters".into());
        meta.insert("source".into(), 7.into());
        assert_eq!(outlet(&meta), Some("Reuters"));
        assert_eq!(outlet(&Metadata::new()), None);
    }
}
