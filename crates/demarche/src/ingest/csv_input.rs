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
    parser: RowParser,
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
            parser: RowParser::new(),
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
        let headers: Vec<String> = self
            .parser
            .parse(&bytes)
            .iter()
            .map(|f| String::from_utf8_lossy(f).trim().to_string())
            .collect();
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

/// Splits one row into its fields with a CSV state machine built once per input (building one per
/// row cost more than parsing it). A row held in memory cannot fail to parse: quoting problems
/// are found by the [`Splitter`] before.
struct RowParser {
    reader: csv_core::Reader,
    output: Vec<u8>,
    ends: Vec<usize>,
}

impl RowParser {
    fn new() -> RowParser {
        RowParser {
            reader: csv_core::Reader::new(),
            output: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// The first record in `bytes` (an empty one for empty input).
    fn parse(&mut self, bytes: &[u8]) -> csv::ByteRecord {
        self.reader.reset();
        // A record's fields never take more bytes than its text, nor outnumber its bytes + 1.
        self.output.resize(bytes.len() + 1, 0);
        self.ends.resize(bytes.len() + 2, 0);
        let (mut read, mut written, mut fields) = (0, 0, 0);
        loop {
            let (result, n_in, n_out, n_ends) = self.reader.read_record(
                &bytes[read..],
                &mut self.output[written..],
                &mut self.ends[fields..],
            );
            (read, written, fields) = (read + n_in, written + n_out, fields + n_ends);
            match result {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => self.output.resize(2 * written + 1, 0),
                csv_core::ReadRecordResult::OutputEndsFull => self.ends.resize(2 * fields + 1, 0),
                csv_core::ReadRecordResult::Record | csv_core::ReadRecordResult::End => break,
            }
        }
        let mut record = csv::ByteRecord::with_capacity(written, fields);
        let mut start = 0;
        for &end in &self.ends[..fields] {
            record.push_field(&self.output[start..end]);
            start = end;
        }
        record
    }
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
            let row = self.parser.parse(&bytes);
            if row.iter().all(|f| f.is_empty()) {
                continue;
            }
            let columns = self.columns.as_ref()?;
            return Some(match self.document(columns, line, &row) {
                Ok(doc) => document_or_rejection(doc, || format!("{}:{line}", self.name)),
                Err(reason) => self.reject(line, reason),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RowParser;

    /// What the `csv` crate's own reader gives for the first record of `bytes`.
    fn csv_reader_fields(bytes: &[u8]) -> Vec<Vec<u8>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut record = csv::ByteRecord::new();
        reader.read_byte_record(&mut record).expect("in memory");
        record.iter().map(<[u8]>::to_vec).collect()
    }

    #[test]
    fn rows_split_as_the_csv_crate_splits_them() {
        let rows: &[&[u8]] = &[
            b"",
            b"\n",
            b"a",
            b"a,b,c\n",
            b"a,b,c\r\n",
            b",,\n",
            b"\"x, y\",z\n",
            b"\"she said \"\"no\"\"\",2\n",
            b"\"line one\nline two\",3\n",
            b"\"unterminated, field\n",
            b"caf\xc3\xa9,\xff\xfe,end",
            b"a\"b,c\n",
        ];
        let mut parser = RowParser::new();
        for row in rows {
            let ours: Vec<Vec<u8>> = parser.parse(row).iter().map(<[u8]>::to_vec).collect();
            assert_eq!(
                ours,
                csv_reader_fields(row),
                "row {:?}",
                String::from_utf8_lossy(row)
            );
        }
    }
}
