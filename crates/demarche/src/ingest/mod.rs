//! Ingest: files, directories, JSON Lines, CSV and standard input become [`Document`]s.
//!
//! Reading is streaming: records are produced one at a time, so memory does not grow with the
//! input. A record that cannot be used becomes a [`Rejection`] naming the file, line and reason,
//! and reading goes on with the next record.

mod csv_input;
mod jsonl;

use crate::error::{Error, Result};
use crate::model::{Date, Document};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The format of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// Decide from the file extension (`.jsonl`/`.ndjson`, `.csv`, else text); stdin is text.
    Auto,
    /// The whole file is one document.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

impl std::str::FromStr for InputFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<InputFormat> {
        Ok(match s {
            "auto" => InputFormat::Auto,
            "text" | "txt" => InputFormat::Text,
            "jsonl" | "ndjson" | "json" => InputFormat::Jsonl,
            "csv" => InputFormat::Csv,
            _ => {
                return Err(Error::Config(format!(
                    "unknown input format '{s}' (auto, text, jsonl, csv)"
                )))
            }
        })
    }
}

/// How to read records.
#[derive(Clone, Debug)]
pub struct IngestConfig {
    format: InputFormat,
    id_field: String,
    text_field: String,
    date_field: String,
    default_date: Option<Date>,
}

/// Builds an [`IngestConfig`].
#[derive(Clone, Debug)]
pub struct IngestConfigBuilder {
    config: IngestConfig,
}

impl Default for IngestConfigBuilder {
    fn default() -> Self {
        IngestConfigBuilder {
            config: IngestConfig {
                format: InputFormat::Auto,
                id_field: "id".into(),
                text_field: "text".into(),
                date_field: "date".into(),
                default_date: None,
            },
        }
    }
}

impl IngestConfigBuilder {
    /// Input format (default: auto).
    pub fn format(mut self, f: InputFormat) -> Self {
        self.config.format = f;
        self
    }
    /// Field or column holding the document id (default `id`).
    pub fn id_field(mut self, f: impl Into<String>) -> Self {
        self.config.id_field = f.into();
        self
    }
    /// Field or column holding the text (default `text`).
    pub fn text_field(mut self, f: impl Into<String>) -> Self {
        self.config.text_field = f.into();
        self
    }
    /// Field or column holding the date (default `date`).
    pub fn date_field(mut self, f: impl Into<String>) -> Self {
        self.config.date_field = f.into();
        self
    }
    /// Date for documents whose record has none.
    pub fn default_date(mut self, d: Option<Date>) -> Self {
        self.config.default_date = d;
        self
    }
    /// Checks and builds the configuration.
    pub fn build(self) -> Result<IngestConfig> {
        for (name, v) in [
            ("id", &self.config.id_field),
            ("text", &self.config.text_field),
            ("date", &self.config.date_field),
        ] {
            if v.trim().is_empty() {
                return Err(Error::Config(format!("the {name} field name is empty")));
            }
        }
        Ok(self.config)
    }
}

impl IngestConfig {
    /// A builder with defaults.
    pub fn builder() -> IngestConfigBuilder {
        IngestConfigBuilder::default()
    }
}

/// A record that could not be used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// Where: `file:line` or a document id.
    pub location: String,
    /// Why.
    pub reason: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.reason)
    }
}

/// One item read from the input.
#[derive(Clone, Debug)]
pub enum Record {
    /// A document to code.
    Document(Document),
    /// A record that could not be used.
    Rejected(Rejection),
}

/// Parses a record date: `YYYY-MM-DD`, `YYYYMMDD`, `YYYY/MM/DD`, or an RFC 3339 timestamp.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(head, fmt) {
            if s.len() == 10 || s[10..].starts_with(['T', ' ', 't']) {
                return Some(d);
            }
        }
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return chrono::NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    None
}

/// Reads all the given inputs (`-` is standard input) as one stream of records.
pub fn read_inputs(
    inputs: &[PathBuf],
    config: &IngestConfig,
) -> Result<Box<dyn Iterator<Item = Record>>> {
    let mut streams: Vec<Box<dyn Iterator<Item = Record>>> = Vec::new();
    for input in inputs {
        streams.push(open_input(input, config)?);
    }
    Ok(Box::new(streams.into_iter().flatten()))
}

fn open_input(input: &Path, config: &IngestConfig) -> Result<Box<dyn Iterator<Item = Record>>> {
    if input.as_os_str() == "-" {
        let reader: Box<dyn BufRead> = Box::new(BufReader::new(std::io::stdin()));
        let format = if config.format == InputFormat::Auto {
            InputFormat::Text
        } else {
            config.format
        };
        return Ok(stream(reader, "stdin", "stdin", format, config));
    }
    if input.is_dir() {
        let mut files = Vec::new();
        collect_txt(input, &mut files)?;
        files.sort();
        let root = input.to_path_buf();
        let config = config.clone();
        return Ok(Box::new(files.into_iter().flat_map(move |f| {
            let id = f
                .strip_prefix(&root)
                .unwrap_or(&f)
                .to_string_lossy()
                .replace('\\', "/");
            let name = f.display().to_string();
            let fmt = if config.format == InputFormat::Auto {
                InputFormat::Text
            } else {
                config.format
            };
            match std::fs::File::open(&f) {
                Ok(file) => stream(Box::new(BufReader::new(file)), &name, &id, fmt, &config),
                Err(e) => Box::new(std::iter::once(Record::Rejected(Rejection {
                    location: name,
                    reason: format!("cannot open: {e}"),
                }))),
            }
        })));
    }
    let file = std::fs::File::open(input).map_err(|e| Error::io(input, e))?;
    let name = input.display().to_string();
    let id = input
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let format = match config.format {
        InputFormat::Auto => match input
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("jsonl" | "ndjson") => InputFormat::Jsonl,
            Some("csv") => InputFormat::Csv,
            _ => InputFormat::Text,
        },
        f => f,
    };
    Ok(stream(
        Box::new(BufReader::new(file)),
        &name,
        &id,
        format,
        config,
    ))
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            collect_txt(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn stream(
    reader: Box<dyn BufRead>,
    name: &str,
    id: &str,
    format: InputFormat,
    config: &IngestConfig,
) -> Box<dyn Iterator<Item = Record>> {
    match format {
        InputFormat::Jsonl => Box::new(jsonl::JsonlRecords::new(reader, name, config.clone())),
        InputFormat::Csv => Box::new(csv_input::CsvRecords::new(reader, name, config.clone())),
        _ => Box::new(std::iter::once(read_text(reader, name, id, config))),
    }
}

fn read_text(mut reader: Box<dyn BufRead>, name: &str, id: &str, config: &IngestConfig) -> Record {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return Record::Rejected(Rejection {
            location: name.to_string(),
            reason: format!("read error: {e}"),
        });
    }
    document_or_rejection(Document::new(id, config.default_date, bytes), name)
}

/// Rejects documents with no text.
pub(crate) fn document_or_rejection(doc: Document, location: &str) -> Record {
    if doc.text.iter().all(u8::is_ascii_whitespace) {
        return Record::Rejected(Rejection {
            location: location.to_string(),
            reason: "empty document".into(),
        });
    }
    Record::Document(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = chrono::NaiveDate::from_ymd_opt(2006, 11, 30);
        assert_eq!(parse_date("2006-11-30"), d);
        assert_eq!(parse_date("20061130"), d);
        assert_eq!(parse_date("2006/11/30"), d);
        assert_eq!(parse_date("2006-11-30T08:00:00Z"), d);
        assert_eq!(parse_date("30 Nov 2006"), None);
        assert_eq!(parse_date("2006-13-01"), None);
    }

    #[test]
    fn format_names() {
        assert_eq!("jsonl".parse::<InputFormat>().unwrap(), InputFormat::Jsonl);
        assert!("xml".parse::<InputFormat>().is_err());
    }
}
