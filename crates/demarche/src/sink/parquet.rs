//! The Parquet sink: one row per event in typed, flat columns ([`schema`]), one row group per
//! pipeline chunk (each flush), Snappy-compressed; readable by pyarrow, pandas and DuckDB
//! without options.
//!
//! Dates are `date32` (`date` only when the event date is a day; `date_text` and
//! `date_precision` always say what the text gave), spans are pairs of `int64` columns
//! (`*_start`, `*_end`), actors and the location are flattened (`source_code`, `target_text`,
//! `location_lat`, ...), `rules` is a list of strings and `meta` the record's metadata as JSON.

use crate::error::{Error, Result};
use crate::model::Event;
use crate::sink::{DocumentEnd, DocumentStart, EventSink};
use arrow_array::builder::{
    ArrayBuilder, Date32Builder, Float32Builder, Float64Builder, Int32Builder, Int64Builder,
    Int8Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::io::Write;
use std::sync::Arc;

/// One event and its document's metadata, as the column functions see it.
struct Row<'a> {
    event: &'a Event,
    meta: Option<&'a str>,
}

/// How a column is typed and computed from a [`Row`].
#[derive(Clone, Copy)]
enum Column {
    /// `utf8`.
    Text(for<'a> fn(&'a Row<'a>) -> Option<&'a str>),
    /// `int8`.
    Int8(fn(&Row<'_>) -> Option<i8>),
    /// `int32`.
    Int32(fn(&Row<'_>) -> Option<i32>),
    /// `int64` (byte offsets).
    Int64(fn(&Row<'_>) -> Option<i64>),
    /// `float32`.
    Float32(fn(&Row<'_>) -> Option<f32>),
    /// `float64`.
    Float64(fn(&Row<'_>) -> Option<f64>),
    /// `date32` from a `YYYY-MM-DD` string (anything else is null).
    Date(for<'a> fn(&'a Row<'a>) -> Option<&'a str>),
    /// `list<utf8>`.
    List(for<'a> fn(&'a Row<'a>) -> &'a [crate::model::SharedStr]),
}

fn offset(n: usize) -> Option<i64> {
    i64::try_from(n).ok()
}

macro_rules! actor_columns {
    ($role:ident, $code:literal, $text:literal, $start:literal, $end:literal, $entry:literal, $via:literal) => {
        [
            (
                $code,
                Column::Text(|r| r.event.$role.as_ref().map(|a| a.code.as_str())),
            ),
            (
                $text,
                Column::Text(|r| r.event.$role.as_ref().map(|a| a.text.as_str())),
            ),
            (
                $start,
                Column::Int64(|r| r.event.$role.as_ref().and_then(|a| offset(a.span.start))),
            ),
            (
                $end,
                Column::Int64(|r| r.event.$role.as_ref().and_then(|a| offset(a.span.end))),
            ),
            (
                $entry,
                Column::Text(|r| r.event.$role.as_ref().map(|a| a.entry.as_str())),
            ),
            (
                $via,
                Column::Text(|r| r.event.$role.as_ref().and_then(|a| a.via.as_deref())),
            ),
        ]
    };
}

const SOURCE: [(&str, Column); 6] = actor_columns!(
    source,
    "source_code",
    "source_text",
    "source_start",
    "source_end",
    "source_entry",
    "source_via"
);
const TARGET: [(&str, Column); 6] = actor_columns!(
    target,
    "target_code",
    "target_text",
    "target_start",
    "target_end",
    "target_entry",
    "target_via"
);

const HEAD: &[(&str, Column)] = &[
    ("doc", Column::Text(|r| Some(r.event.doc.as_str()))),
    (
        "sentence",
        Column::Int32(|r| i32::try_from(r.event.sentence).ok()),
    ),
    (
        "sentence_start",
        Column::Int64(|r| offset(r.event.sentence_span.start)),
    ),
    (
        "sentence_end",
        Column::Int64(|r| offset(r.event.sentence_span.end)),
    ),
    ("date", Column::Date(|r| r.event.date.as_deref())),
    ("date_text", Column::Text(|r| r.event.date.as_deref())),
    (
        "date_precision",
        Column::Text(|r| r.event.date_precision.map(precision)),
    ),
    ("doc_date", Column::Date(|r| r.event.doc_date.as_deref())),
    ("cameo", Column::Text(|r| Some(r.event.cameo.as_str()))),
    (
        "root",
        Column::Text(|r| r.event.cameo.get(..2).or(Some(r.event.cameo.as_str()))),
    ),
    (
        "event_name",
        Column::Text(|r| Some(r.event.event_name.as_str())),
    ),
    ("goldstein", Column::Float32(|r| r.event.goldstein)),
    (
        "quad_class",
        Column::Int8(|r| i8::try_from(r.event.quad_class).ok()),
    ),
    ("plover", Column::Text(|r| r.event.plover.as_deref())),
    (
        "plover_mode",
        Column::Text(|r| r.event.plover_mode.as_deref()),
    ),
    (
        "plover_context",
        Column::Text(|r| r.event.plover_context.as_deref()),
    ),
];

const TAIL: &[(&str, Column)] = &[
    (
        "evidence_text",
        Column::Text(|r| Some(r.event.evidence.text.as_str())),
    ),
    (
        "evidence_start",
        Column::Int64(|r| offset(r.event.evidence.span.start)),
    ),
    (
        "evidence_end",
        Column::Int64(|r| offset(r.event.evidence.span.end)),
    ),
    (
        "evidence_entry",
        Column::Text(|r| Some(r.event.evidence.entry.as_str())),
    ),
    (
        "evidence_pattern",
        Column::Text(|r| Some(r.event.evidence.pattern.as_str())),
    ),
    (
        "quote_text",
        Column::Text(|r| r.event.quote.as_ref().map(|q| q.text.as_str())),
    ),
    (
        "quote_start",
        Column::Int64(|r| r.event.quote.as_ref().and_then(|q| offset(q.span.start))),
    ),
    (
        "quote_end",
        Column::Int64(|r| r.event.quote.as_ref().and_then(|q| offset(q.span.end))),
    ),
    (
        "location_name",
        Column::Text(|r| r.event.location.as_ref().map(|l| l.name.as_str())),
    ),
    (
        "location_country",
        Column::Text(|r| r.event.location.as_ref().map(|l| l.country.as_str())),
    ),
    (
        "location_admin1",
        Column::Text(|r| r.event.location.as_ref().and_then(|l| l.admin1.as_deref())),
    ),
    (
        "location_lat",
        Column::Float64(|r| r.event.location.as_ref().and_then(|l| l.lat)),
    ),
    (
        "location_lon",
        Column::Float64(|r| r.event.location.as_ref().and_then(|l| l.lon)),
    ),
    (
        "location_start",
        Column::Int64(|r| r.event.location.as_ref().and_then(|l| offset(l.span.start))),
    ),
    (
        "location_end",
        Column::Int64(|r| r.event.location.as_ref().and_then(|l| offset(l.span.end))),
    ),
    ("rules", Column::List(|r| &r.event.rules)),
    ("meta", Column::Text(|r| r.meta)),
];

/// Every column, in file order: name and type.
fn columns() -> Vec<(&'static str, Column)> {
    let mut all = HEAD.to_vec();
    all.extend(SOURCE);
    all.extend(TARGET);
    all.extend_from_slice(TAIL);
    all
}

fn precision(p: crate::model::DatePrecision) -> &'static str {
    match p {
        crate::model::DatePrecision::Day => "day",
        crate::model::DatePrecision::Month => "month",
        _ => "year",
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date; `None` for anything else.
fn days(date: &str) -> Option<i32> {
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((day - epoch).num_days()).ok()
}

impl Column {
    fn data_type(&self) -> DataType {
        match self {
            Column::Text(_) => DataType::Utf8,
            Column::Int8(_) => DataType::Int8,
            Column::Int32(_) => DataType::Int32,
            Column::Int64(_) => DataType::Int64,
            Column::Float32(_) => DataType::Float32,
            Column::Float64(_) => DataType::Float64,
            Column::Date(_) => DataType::Date32,
            Column::List(_) => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        }
    }

    fn builder(&self) -> Box<dyn ArrayBuilder> {
        match self {
            Column::Text(_) => Box::new(StringBuilder::new()),
            Column::Int8(_) => Box::new(Int8Builder::new()),
            Column::Int32(_) => Box::new(Int32Builder::new()),
            Column::Int64(_) => Box::new(Int64Builder::new()),
            Column::Float32(_) => Box::new(Float32Builder::new()),
            Column::Float64(_) => Box::new(Float64Builder::new()),
            Column::Date(_) => Box::new(Date32Builder::new()),
            Column::List(_) => Box::new(ListBuilder::new(StringBuilder::new())),
        }
    }

    /// Appends this column's value of `row` to `b` (made by [`Column::builder`]).
    fn append(&self, b: &mut dyn ArrayBuilder, row: &Row<'_>) {
        let any = b.as_any_mut();
        match self {
            Column::Text(f) => any
                .downcast_mut::<StringBuilder>()
                .map(|b| b.append_option(f(row))),
            Column::Int8(f) => any
                .downcast_mut::<Int8Builder>()
                .map(|b| b.append_option(f(row))),
            Column::Int32(f) => any
                .downcast_mut::<Int32Builder>()
                .map(|b| b.append_option(f(row))),
            Column::Int64(f) => any
                .downcast_mut::<Int64Builder>()
                .map(|b| b.append_option(f(row))),
            Column::Float32(f) => any
                .downcast_mut::<Float32Builder>()
                .map(|b| b.append_option(f(row))),
            Column::Float64(f) => any
                .downcast_mut::<Float64Builder>()
                .map(|b| b.append_option(f(row))),
            Column::Date(f) => any
                .downcast_mut::<Date32Builder>()
                .map(|b| b.append_option(f(row).and_then(days))),
            Column::List(f) => any.downcast_mut::<ListBuilder<StringBuilder>>().map(|b| {
                b.append_value(f(row).iter().map(Some));
            }),
        };
    }
}

/// The Arrow schema of the file: every column in order (see `docs/output.md`, "Parquet").
pub fn schema() -> SchemaRef {
    let fields: Vec<Field> = columns()
        .iter()
        .map(|(name, c)| Field::new(*name, c.data_type(), true))
        .collect();
    Arc::new(Schema::new(fields))
}

/// Writes events as Parquet to `W`.
pub struct ParquetSink<W: Write + Send> {
    writer: Option<ArrowWriter<W>>,
    columns: Vec<(&'static str, Column)>,
    builders: Vec<Box<dyn ArrayBuilder>>,
    rows: usize,
    meta: Option<String>,
}

fn parquet_error(e: impl std::fmt::Display) -> Error {
    Error::Output(std::io::Error::other(format!("parquet: {e}")))
}

impl ParquetSink<std::fs::File> {
    /// Creates (or truncates) the file at `path`.
    pub fn create(path: impl AsRef<std::path::Path>) -> Result<Self> {
        let path = path.as_ref();
        let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
        ParquetSink::new(file)
    }
}

impl<W: Write + Send> ParquetSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Result<Self> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let writer = ArrowWriter::try_new(out, schema(), Some(props)).map_err(parquet_error)?;
        let columns = columns();
        let builders = columns.iter().map(|(_, c)| c.builder()).collect();
        Ok(ParquetSink {
            writer: Some(writer),
            columns,
            builders,
            rows: 0,
            meta: None,
        })
    }

    fn writer(&mut self) -> Result<&mut ArrowWriter<W>> {
        self.writer
            .as_mut()
            .ok_or_else(|| parquet_error("the file is already finished"))
    }
}

impl<W: Write + Send> EventSink for ParquetSink<W> {
    fn write_event(&mut self, event: &Event) -> Result<()> {
        let row = Row {
            event,
            meta: self.meta.as_deref(),
        };
        for ((_, column), builder) in self.columns.iter().zip(&mut self.builders) {
            column.append(builder.as_mut(), &row);
        }
        self.rows += 1;
        Ok(())
    }

    fn begin_document(&mut self, doc: &DocumentStart<'_>) -> Result<()> {
        self.meta = match doc.metadata.is_empty() {
            true => None,
            false => Some(serde_json::to_string(doc.metadata).map_err(parquet_error)?),
        };
        Ok(())
    }

    fn end_document(&mut self, _end: &DocumentEnd<'_>) -> Result<()> {
        self.meta = None;
        Ok(())
    }

    /// Writes the events buffered since the last flush as one row group.
    fn flush(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(|b| b.finish()).collect();
        let batch = RecordBatch::try_new(schema(), arrays).map_err(parquet_error)?;
        self.rows = 0;
        let writer = self.writer()?;
        writer.write(&batch).map_err(parquet_error)?;
        writer.flush().map_err(parquet_error)
    }

    /// Writes the last row group and the file footer.
    fn finish(&mut self) -> Result<()> {
        self.flush()?;
        match self.writer.take() {
            Some(w) => w.close().map(drop).map_err(parquet_error),
            None => Ok(()),
        }
    }
}
