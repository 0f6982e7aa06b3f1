//! JSON Lines input: one object per line with id, date and text fields; other fields are kept
//! as metadata. Malformed lines are rejected with their line number.

use super::{document_or_rejection, parse_date, IngestConfig, Record, Rejection};
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
        let value: serde_json::Value = match serde_json::from_slice(&self.buf) {
            Ok(v) => v,
            Err(e) => return self.reject(format!("malformed JSON: {e}")),
        };
        let serde_json::Value::Object(mut obj) = value else {
            return self.reject("expected a JSON object".into());
        };
        let text = match obj.remove(&self.config.text_field) {
            Some(serde_json::Value::String(s)) => s,
            Some(_) => {
                return self.reject(format!(
                    "field '{}' is not a string",
                    self.config.text_field
                ))
            }
            None => return self.reject(format!("missing text field '{}'", self.config.text_field)),
        };
        let id = match obj.remove(&self.config.id_field) {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}:{}", self.name, self.line),
        };
        let date = match obj.remove(&self.config.date_field) {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => match parse_date(&s) {
                Some(d) => Some(d),
                None => {
                    return self.reject(format!(
                        "unreadable date '{s}' in field '{}'",
                        self.config.date_field
                    ))
                }
            },
            _ => self.config.default_date,
        };
        let mut doc = Document::new(id, date, text.into_bytes());
        doc.metadata = obj.into_iter().collect();
        document_or_rejection(doc, &format!("{}:{}", self.name, self.line))
    }
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
