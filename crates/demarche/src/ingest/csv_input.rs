//! CSV input with a header row: configurable id, date and text columns; other columns are kept
//! as metadata. Malformed rows and quoting errors are rejected with their line number (see
//! [`csv_split`](super::csv_split)); the rows after them are still read.

use super::csv_split::{Raw, Splitter, MAX_RECORD_BYTES};
use super::{document_or_rejection, try_parse_date, IngestConfig, Record, Rejection};
use crate::model::Document;
use std::io::BufRead;

pub(super) struct CsvRecords {
    rows: Splitter,
    name: String,
    config: IngestConfig,
    columns: Option<Columns>,
    done: bool,
}

/// The header and where the configured fields are in it.
struct Columns {
    headers: Vec<String>,
    text: usize,
    id: Option<usize>,
    date: Option<usize>,
}

impl CsvRecords {
    pub(super) fn new(reader: Box<dyn BufRead>, name: &str, config: IngestConfig) -> CsvRecords {
        CsvRecords {
            rows: Splitter::new(reader, MAX_RECORD_BYTES),
            name: name.to_string(),
            config,
            columns: None,
            done: false,
        }
    }

    fn reject(&self, line: usize, reason: String) -> Record {
        Record::Rejected(Rejection {
            location: format!("{}:{line}", self.name),
            reason,
        })
    }

    /// Reads the header; an unusable one ends the file with one rejection.
    fn read_header(&mut self) -> Option<Record> {
        let (line, bytes) = loop {
            match self.rows.next_raw()? {
                Raw::Record { bytes, .. } if is_blank(&bytes) => continue,
                Raw::Record { line, bytes } => break (line, bytes),
                other => return Some(self.raw_failure(other)),
            }
        };
        let headers: Vec<String> = match parse_row(&bytes) {
            Ok(r) => r
                .iter()
                .map(|f| String::from_utf8_lossy(f).trim().to_string())
                .collect(),
            Err(e) => return Some(self.reject(line, format!("unreadable header: {e}"))),
        };
        let find = |name: &str| headers.iter().position(|h| h == name);
        let Some(text) = find(&self.config.text_field) else {
            let reason = format!("no '{}' column in the header", self.config.text_field);
            return Some(self.reject(line, reason));
        };
        let (id, date) = (find(&self.config.id_field), find(&self.config.date_field));
        self.columns = Some(Columns {
            headers,
            text,
            id,
            date,
        });
        None
    }

    fn raw_failure(&mut self, raw: Raw) -> Record {
        match raw {
            Raw::Error { line, reason } => self.reject(line, reason),
            Raw::ReadError { line, error } => {
                self.done = true;
                self.reject(line, format!("read error: {error}"))
            }
            Raw::Record { line, .. } => self.reject(line, "unexpected record".into()),
        }
    }

    fn document(
        &self,
        columns: &Columns,
        line: usize,
        row: &csv::ByteRecord,
    ) -> Result<Document, String> {
        let location = format!("{}:{line}", self.name);
        let Some(text) = row.get(columns.text) else {
            return Err(format!("row has no '{}' field", self.config.text_field));
        };
        let field = |c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .map(|f| String::from_utf8_lossy(f).trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let id = field(columns.id).unwrap_or(location);
        let date = match field(columns.date) {
            Some(s) => Some(try_parse_date(&s).map_err(|e| {
                format!("unreadable date in field '{}': {e}", self.config.date_field)
            })?),
            None => self.config.default_date,
        };
        let mut doc = Document::new(id, date, text.to_vec());
        for (i, (k, v)) in columns.headers.iter().zip(row.iter()).enumerate() {
            if i != columns.text && Some(i) != columns.id && Some(i) != columns.date {
                let value = String::from_utf8_lossy(v).into_owned();
                doc.metadata
                    .insert(k.clone(), serde_json::Value::String(value));
            }
        }
        Ok(doc)
    }
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| matches!(b, b'\r' | b'\n'))
}

fn parse_row(bytes: &[u8]) -> Result<csv::ByteRecord, csv::Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    reader.read_byte_record(&mut record)?;
    Ok(record)
}

impl Iterator for CsvRecords {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        if self.columns.is_none() {
            if let Some(failure) = self.read_header() {
                self.done = true;
                return Some(failure);
            }
            if self.columns.is_none() {
                self.done = true;
                return None;
            }
        }
        loop {
            let (line, bytes) = match self.rows.next_raw() {
                None => {
                    self.done = true;
                    return None;
                }
                Some(Raw::Record { line, bytes }) => (line, bytes),
                Some(other) => return Some(self.raw_failure(other)),
            };
            let row = match parse_row(&bytes) {
                Ok(r) => r,
                Err(e) => return Some(self.reject(line, format!("malformed CSV: {e}"))),
            };
            if row.iter().all(|f| f.is_empty()) {
                continue;
            }
            let columns = self.columns.as_ref()?;
            return Some(match self.document(columns, line, &row) {
                Ok(doc) => document_or_rejection(doc, &format!("{}:{line}", self.name)),
                Err(reason) => self.reject(line, reason),
            });
        }
    }
}
