//! JSON Lines input: one object per line with id, date and text fields; other fields are kept
//! as metadata. Malformed lines are rejected with their line number. Each line is parsed in one
//! pass by [`jsonl_record`] (no intermediate `Value` object).
//!
//! A UTF-8 byte order mark before the first record is skipped; invalid UTF-8 in the text field is
//! kept as raw bytes (see [`raw_bytes`]) so the coder repairs it like a text file. The id must be
//! a string or a number (a number is used as written, `42`); the date a string (or null: no
//! date); any other type is a per-record error.

use super::jsonl_record::{self, FieldNames, FieldValue, Fields, Parsed};
use super::{document_or_rejection, raw_bytes, try_parse_date, IngestConfig, Record, Rejection};
use crate::model::Document;
use std::io::BufRead;

pub(super) struct JsonlRecords {
    reader: Box<dyn BufRead>,
    name: String,
    line: usize,
    config: IngestConfig,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlRecords {
    pub(super) fn new(reader: Box<dyn BufRead>, name: &str, config: IngestConfig) -> JsonlRecords {
        JsonlRecords {
            reader,
            name: name.to_string(),
            line: 0,
            config,
            buf: Vec::new(),
            done: false,
        }
    }

    fn reject(&self, reason: String) -> Record {
        Record::Rejected(Rejection {
            location: format!("{}:{}", self.name, self.line),
            reason,
        })
    }

    fn parse(&self) -> Record {
        let line = match self.line {
            1 => self.buf.strip_prefix(UTF8_BOM).unwrap_or(&self.buf),
            _ => &self.buf[..],
        };
        let names = FieldNames {
            id: &self.config.id_field,
            date: &self.config.date_field,
            text: &self.config.text_field,
        };
        // Holds the line with its invalid bytes escaped, which the parsed fields borrow from.
        let escaped;
        let (parsed, has_markers) = match std::str::from_utf8(line) {
            Ok(s) => (jsonl_record::parse(s, names), false),
            Err(_) => {
                escaped = raw_bytes::escape_invalid(line);
                (
                    jsonl_record::parse(&escaped.text, names),
                    escaped.has_markers,
                )
            }
        };
        let fields = match parsed {
            Ok(Parsed::Object(fields)) => fields,
            Ok(Parsed::NotObject) => return self.reject("expected a JSON object".into()),
            Err(e) => return self.reject(format!("malformed JSON: {e}")),
        };
        match self.document(fields, has_markers) {
            Ok(doc) => document_or_rejection(doc, || self.location()),
            Err(reason) => self.reject(reason),
        }
    }

    fn location(&self) -> String {
        format!("{}:{}", self.name, self.line)
    }

    /// The document in a parsed record; `has_markers`: strings may carry raw-byte markers.
    fn document(&self, fields: Fields<'_>, has_markers: bool) -> Result<Document, String> {
        use serde_json::Value;
        let c = &self.config;
        let text = match fields.text {
            Some(FieldValue::Str(s)) if has_markers => raw_bytes::restore_bytes(s.into_owned()),
            Some(FieldValue::Str(s)) => s.into_owned().into_bytes(),
            Some(FieldValue::Other(v)) => return Err(wrong_type(&c.text_field, &v, "a string")),
            None => return Err(format!("missing text field '{}'", c.text_field)),
        };
        let id = match fields.id {
            None => self.location(),
            Some(FieldValue::Str(s)) if s.trim().is_empty() => self.location(),
            Some(FieldValue::Str(s)) => raw_bytes::restore_lossy(s.into_owned()),
            Some(FieldValue::Other(Value::Number(n))) => n.to_string(),
            Some(FieldValue::Other(v)) => {
                return Err(wrong_type(&c.id_field, &v, "a string or a number"))
            }
        };
        let date = match fields.date {
            None | Some(FieldValue::Other(Value::Null)) => c.default_date,
            Some(FieldValue::Str(s)) if s.trim().is_empty() => c.default_date,
            Some(FieldValue::Str(s)) => try_parse_date(&s)
                .map(Some)
                .map_err(|e| format!("unreadable date in field '{}': {e}", c.date_field))?,
            Some(FieldValue::Other(v)) => return Err(wrong_type(&c.date_field, &v, "a string")),
        };
        let mut doc = Document::new(id, date, text);
        doc.metadata = fields
            .metadata
            .into_iter()
            .map(|(k, v)| (k, raw_bytes::restore_value(v)))
            .collect();
        Ok(doc)
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fn wrong_type(field: &str, value: &serde_json::Value, expected: &str) -> String {
    let found = match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    };
    format!("wrong type: field '{field}' is {found}, expected {expected}")
}

impl Iterator for JsonlRecords {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.parse());
                }
                Err(e) => {
                    self.done = true;
                    return Some(self.reject(format!("read error: {e}")));
                }
            }
        }
        None
    }
}
