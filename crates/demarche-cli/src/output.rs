//! Where `demarche code` writes: the output format from `--format`/`--db`/`-o`, the stream
//! writer (stdout, a file, a `--resume` file), the SQLite store (`--db`) and the Parquet file.
//! Each file format is present only when the binary was built with its cargo feature.

use crate::resume;
use anyhow::{bail, Context, Result};
use demarche::ingest::Record;
use demarche::sink::{self, EventSink, OutputFormat};
use std::io::Write;
use std::path::Path;

#[cfg(feature = "sqlite")]
pub use demarche::sink::sqlite::Store;

/// Stands in for the store in a build without the `sqlite` feature (it cannot be made).
#[cfg(not(feature = "sqlite"))]
pub enum Store {}

/// The output options of `demarche code`.
pub struct OutputArgs<'a> {
    pub format: Option<&'a str>,
    pub output: Option<&'a Path>,
    pub db: Option<&'a Path>,
    pub resume: bool,
    pub replace: bool,
}

impl OutputArgs<'_> {
    /// The format, checked against the other options.
    pub fn format(&self) -> Result<OutputFormat> {
        let format: OutputFormat = match (self.format, self.db) {
            (None, Some(_)) => OutputFormat::Sqlite,
            (f, _) => f.unwrap_or("jsonl").parse()?,
        };
        match format {
            OutputFormat::Sqlite if self.db.is_some() && self.output.is_some() => {
                bail!("--db FILE is the output: drop -o")
            }
            OutputFormat::Sqlite if self.store_path().is_none() => {
                bail!("--format sqlite needs the database file: --db FILE")
            }
            OutputFormat::Parquet if self.output.is_none() => {
                bail!("--format parquet writes a file: give it with -o FILE.parquet")
            }
            OutputFormat::Csv | OutputFormat::Parquet | OutputFormat::Sqlite if self.resume => {
                bail!("--resume needs --format jsonl or jsonl-docs (a --db store always resumes)")
            }
            f if self.db.is_some() && f != OutputFormat::Sqlite => {
                bail!("--db writes the SQLite store: drop --format or use --format sqlite")
            }
            f if self.replace && f != OutputFormat::Sqlite => {
                bail!("--replace is for the SQLite store (--db FILE)")
            }
            f => Ok(f),
        }
    }

    fn store_path(&self) -> Option<&Path> {
        self.db.or(self.output)
    }

    /// Opens the store when the format is SQLite.
    pub fn store(&self, format: OutputFormat) -> Result<Option<Store>> {
        match (format, self.store_path()) {
            (OutputFormat::Sqlite, Some(path)) => open_store(path).map(Some),
            _ => Ok(None),
        }
    }

    /// The sink, and the progress file of a `--resume` stream.
    pub fn sink<'s>(
        &self,
        format: OutputFormat,
        store: Option<&'s Store>,
    ) -> Result<(Box<dyn EventSink + 's>, Option<resume::Resumable>)> {
        if let Some(store) = store {
            return Ok((store_sink(store), None));
        }
        match (format, self.output) {
            (OutputFormat::Parquet, Some(path)) => Ok((parquet_sink(path)?, None)),
            _ => {
                let (writer, resumable) = self.stream()?;
                Ok((sink::sink_for(format, writer)?, resumable))
            }
        }
    }

    /// The output writer: stdout, a new file, or (with `--resume`) a file continued.
    fn stream(&self) -> Result<(Box<dyn Write>, Option<resume::Resumable>)> {
        Ok(match (self.output, self.resume) {
            (Some(p), true) => {
                let (r, file) = resume::Resumable::open(p)?;
                (Box::new(std::io::BufWriter::new(file)), Some(r))
            }
            (Some(p), false) => {
                let file = std::fs::File::create(p)
                    .with_context(|| format!("creating {}", p.display()))?;
                (Box::new(std::io::BufWriter::new(file)), None)
            }
            (None, _) => (
                Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
                None,
            ),
        })
    }
}

/// What the store says about one input record.
pub enum Admitted {
    /// Code it (a document, or a rejection to report).
    Pass(Record),
    /// Already stored with the same content: skipped.
    Stored,
}

#[cfg(feature = "sqlite")]
fn open_store(path: &Path) -> Result<Store> {
    Ok(Store::create_or_open(path)?)
}

#[cfg(not(feature = "sqlite"))]
fn open_store(_path: &Path) -> Result<Store> {
    bail!("this demarche was built without the SQLite store (cargo feature `sqlite`)")
}

#[cfg(feature = "sqlite")]
fn store_sink(store: &Store) -> Box<dyn EventSink + '_> {
    Box::new(demarche::sink::sqlite::SqliteSink::new(store))
}

#[cfg(not(feature = "sqlite"))]
fn store_sink(store: &Store) -> Box<dyn EventSink + '_> {
    match *store {}
}

/// Passes `record` through the store's admission (see `Store::admit`).
#[cfg(feature = "sqlite")]
pub fn admit(store: &Store, record: Record, replace: bool) -> Admitted {
    use demarche::sink::sqlite::Admission;
    match record {
        Record::Document(d) => match store.admit(d, replace) {
            Admission::Code(d) => Admitted::Pass(Record::Document(d)),
            Admission::Stored => Admitted::Stored,
            Admission::Reject(r) => Admitted::Pass(Record::Rejected(r)),
        },
        other => Admitted::Pass(other),
    }
}

#[cfg(not(feature = "sqlite"))]
pub fn admit(store: &Store, _record: Record, _replace: bool) -> Admitted {
    match *store {}
}

#[cfg(feature = "parquet")]
fn parquet_sink(path: &Path) -> Result<Box<dyn EventSink>> {
    let sink = demarche::sink::parquet::ParquetSink::create(path)
        .with_context(|| format!("creating {}", path.display()))?;
    Ok(Box::new(sink))
}

#[cfg(not(feature = "parquet"))]
fn parquet_sink(_path: &Path) -> Result<Box<dyn EventSink>> {
    bail!("this demarche was built without Parquet output (cargo feature `parquet`)")
}
