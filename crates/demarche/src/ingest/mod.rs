//! Ingest: files, directories, JSON Lines, CSV and standard input become [`Document`]s.
//!
//! Reading is streaming: records are produced one at a time, so memory does not grow with the
//! input. A record that cannot be used becomes a [`Rejection`] naming the file, line and reason,
//! and reading goes on with the next record.

mod csv_input;
mod csv_split;
mod date;
mod jsonl;
mod jsonl_record;
mod raw_bytes;
mod walk;

pub use date::{parse_date, try_parse_date, DateError};

use crate::error::{Error, Result};
use crate::model::{Date, Document};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The format of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
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
#[non_exhaustive]
pub struct IngestConfig {
    format: InputFormat,
    id_field: String,
    text_field: String,
    date_field: String,
    default_date: Option<Date>,
}

/// Builds an [`IngestConfig`].
#[derive(Clone, Debug)]
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
pub enum Record {
    /// A document to code.
    Document(Document),
    /// A record that could not be used.
    Rejected(Rejection),
}

/// Reads all the given inputs (`-` is standard input) as one stream of records.
///
/// Inputs are opened lazily, one after another. An input that cannot be opened (a missing
/// path, a permission error) and a directory entry that cannot be read (an unreadable
/// subdirectory, a symbolic-link loop) each become one [`Record::Rejected`]; the rest is read.
///
/// ```
/// use demarche::ingest::{self, IngestConfig, InputFormat, Record};
///
/// let path = std::env::temp_dir().join(format!("demarche-doc-{}.jsonl", std::process::id()));
/// let lines = concat!(
///     r#"{"id": "a1", "date": "2006-11-30", "text": "Seoul agreed.", "outlet": "AP"}"#, "\n",
///     r#"{"id": "a2", "text": 7}"#, "\n",
/// );
/// std::fs::write(&path, lines)?;
/// let config = IngestConfig::builder().format(InputFormat::Jsonl).build()?;
/// let records: Vec<Record> = ingest::read_inputs(&[path.clone()], &config)?.collect();
/// std::fs::remove_file(&path)?;
/// let Record::Document(doc) = &records[0] else { panic!("{:?}", records[0]) };
/// assert_eq!((doc.id.as_str(), doc.text.as_slice()), ("a1", &b"Seoul agreed."[..]));
/// assert_eq!(doc.date, ingest::parse_date("2006-11-30"));
/// assert_eq!(doc.metadata["outlet"], "AP");
/// // A record without a usable text is rejected with its file and line.
/// let Record::Rejected(r) = &records[1] else { panic!("{:?}", records[1]) };
/// assert!(r.location.ends_with(":2"), "{r}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_inputs(
    inputs: &[PathBuf],
    config: &IngestConfig,
) -> Result<Box<dyn Iterator<Item = Record>>> {
    let inputs = inputs.to_vec();
    let config = config.clone();
    Ok(Box::new(
        inputs
            .into_iter()
            .flat_map(move |input| open_input(&input, &config)),
    ))
}

/// Reads records from any reader as [`read_inputs`] reads one file of the given format
/// ([`InputFormat::Auto`] means text): `name` stands for the input in rejection locations
/// (`name:line`) and is the id of a text document.
pub fn read_records(
    reader: impl Read + 'static,
    name: &str,
    format: InputFormat,
    config: &IngestConfig,
) -> Box<dyn Iterator<Item = Record>> {
    let reader: Box<dyn BufRead> = Box::new(BufReader::new(reader));
    stream(reader, name, name, format.or_text(), config)
}

fn open_input(input: &Path, config: &IngestConfig) -> Box<dyn Iterator<Item = Record>> {
    if input.as_os_str() == "-" {
        let reader: Box<dyn BufRead> = Box::new(BufReader::new(std::io::stdin()));
        let format = config.format.or_text();
        return stream(reader, "stdin", "stdin", format, config);
    }
    if input.is_dir() {
        return walk::text_files(input, config.clone());
    }
    let name = input.display().to_string();
    let file = match std::fs::File::open(input) {
        Ok(f) => f,
        Err(e) => return Box::new(std::iter::once(cannot_open(name, &e))),
    };
    let id = input
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let format = match config.format {
        InputFormat::Auto => InputFormat::from_extension(input),
        f => f,
    };
    stream(Box::new(BufReader::new(file)), &name, &id, format, config)
}

fn cannot_open(location: String, e: &std::io::Error) -> Record {
    Record::Rejected(Rejection {
        location,
        reason: format!("cannot open: {e}"),
    })
}

impl InputFormat {
    /// Auto means text (for stdin and files inside a directory).
    fn or_text(self) -> InputFormat {
        match self {
            InputFormat::Auto => InputFormat::Text,
            f => f,
        }
    }

    fn from_extension(path: &Path) -> InputFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("jsonl" | "ndjson") => InputFormat::Jsonl,
            Some("csv") => InputFormat::Csv,
            _ => InputFormat::Text,
        }
    }
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
    document_or_rejection(Document::new(id, config.default_date, bytes), || {
        name.to_string()
    })
}

/// Rejects documents with no text; `location` names the record, made only for a rejection
/// (most records are kept, and formatting a location for each cost about as much as reading it).
pub(crate) fn document_or_rejection(doc: Document, location: impl FnOnce() -> String) -> Record {
    if doc.text.iter().all(u8::is_ascii_whitespace) {
        return Record::Rejected(Rejection {
            location: location(),
            reason: "empty document".into(),
        });
    }
    Record::Document(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names() {
        assert_eq!("jsonl".parse::<InputFormat>().unwrap(), InputFormat::Jsonl);
        assert!("xml".parse::<InputFormat>().is_err());
    }
}
