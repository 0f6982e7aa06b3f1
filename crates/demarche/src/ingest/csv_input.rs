//! CSV input with a header row: configurable id, date and text columns; other columns are kept
//! as metadata. Malformed rows are rejected with their line number.

use super::{document_or_rejection, parse_date, IngestConfig, Record, Rejection};
use crate::model::Document;
use std::io::BufRead;

pub(super) struct CsvRecords {
    reader: csv::Reader<Box<dyn BufRead>>,
    name: String,
    config: IngestConfig,
    headers: Option<Vec<String>>,
    header_error: Option<String>,
    done: bool,
}

impl CsvRecords {
    pub(super) fn new(reader: Box<dyn BufRead>, name: &str, config: IngestConfig) -> CsvRecords {
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
        let (headers, header_error) = match reader.byte_headers() {
            Ok(h) => (
                Some(
                    h.iter()
                        .map(|f| String::from_utf8_lossy(f).trim().to_string())
                        .collect(),
                ),
                None,
            ),
            Err(e) => (None, Some(format!("unreadable header: {e}"))),
        };
        CsvRecords {
            reader,
            name: name.to_string(),
            config,
            headers,
            header_error,
            done: false,
        }
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.headers.as_ref()?.iter().position(|h| h == name)
    }
}

impl Iterator for CsvRecords {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        if let Some(e) = self.header_error.take() {
            self.done = true;
            return Some(Record::Rejected(Rejection {
                location: format!("{}:1", self.name),
                reason: e,
            }));
        }
        let Some(text_col) = self.column(&self.config.text_field) else {
            self.done = true;
            return Some(Record::Rejected(Rejection {
                location: format!("{}:1", self.name),
                reason: format!("no '{}' column in the header", self.config.text_field),
            }));
        };
        let mut record = csv::ByteRecord::new();
        loop {
            match self.reader.read_byte_record(&mut record) {
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Ok(true) => {}
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        self.done = true;
                    }
                    return Some(Record::Rejected(Rejection {
                        location: format!("{}:{line}", self.name),
                        reason: format!("malformed CSV: {e}"),
                    }));
                }
            }
            let line = record.position().map_or(0, |p| p.line());
            let location = format!("{}:{line}", self.name);
            if record.iter().all(|f| f.is_empty()) {
                continue;
            }
            let Some(text) = record.get(text_col) else {
                return Some(Record::Rejected(Rejection {
                    location,
                    reason: format!("row has no '{}' field", self.config.text_field),
                }));
            };
            let field = |name: &str| {
                self.column(name)
                    .and_then(|c| record.get(c))
                    .map(|f| String::from_utf8_lossy(f).trim().to_string())
            };
            let id = field(&self.config.id_field)
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| location.clone());
            let date = match field(&self.config.date_field).filter(|s| !s.is_empty()) {
                Some(s) => match parse_date(&s) {
                    Some(d) => Some(d),
                    None => {
                        return Some(Record::Rejected(Rejection {
                            location,
                            reason: format!("unreadable date '{s}'"),
                        }))
                    }
                },
                None => self.config.default_date,
            };
            let mut doc = Document::new(id, date, text.to_vec());
            if let Some(h) = &self.headers {
                for (k, v) in h.iter().zip(record.iter()) {
                    if *k != self.config.text_field
                        && *k != self.config.id_field
                        && *k != self.config.date_field
                    {
                        doc.metadata.insert(
                            k.clone(),
                            serde_json::Value::String(String::from_utf8_lossy(v).into_owned()),
                        );
                    }
                }
            }
            return Some(document_or_rejection(doc, &location));
        }
    }
}
