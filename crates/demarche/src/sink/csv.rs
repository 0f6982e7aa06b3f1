//! The CSV sink: one row per event, actors flattened, metadata as `meta_<name>` columns.

use super::{DocumentStart, EventSink, Metadata};
use crate::error::{Error, Result};
use crate::model::Event;
use std::io::Write;

/// CSV output, one row per event, actor objects flattened, then one `meta_<name>` column per
/// metadata field of the first document that has an event (later documents fill the same
/// columns; fields it did not have are not written).
pub struct CsvSink<W: Write> {
    out: csv::Writer<W>,
    meta_columns: Option<Vec<String>>,
    meta: Metadata,
}

impl<W: Write> CsvSink<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        CsvSink {
            out: csv::Writer::from_writer(out),
            meta_columns: None,
            meta: Metadata::new(),
        }
    }

    fn write_header(&mut self) -> Result<()> {
        let names: Vec<String> = self.meta.keys().cloned().collect();
        let header = CSV_COLUMNS
            .iter()
            .map(|c| c.to_string())
            .chain(names.iter().map(|n| format!("meta_{n}")));
        self.out.write_record(header).map_err(csv_error)?;
        self.meta_columns = Some(names);
        Ok(())
    }

    fn meta_cells(&self) -> Vec<String> {
        let columns = self.meta_columns.as_deref().unwrap_or_default();
        columns
            .iter()
            .map(|c| match self.meta.get(c) {
                None | Some(serde_json::Value::Null) => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
            })
            .collect()
    }
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "doc",
    "sentence",
    "sentence_start",
    "sentence_end",
    "date",
    "date_precision",
    "doc_date",
    "source_code",
    "source_text",
    "source_start",
    "source_end",
    "source_entry",
    "target_code",
    "target_text",
    "target_start",
    "target_end",
    "target_entry",
    "cameo",
    "event_name",
    "goldstein",
    "quad_class",
    "plover",
    "plover_mode",
    "plover_context",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "evidence_entry",
    "rules",
];

fn csv_error(e: csv::Error) -> Error {
    Error::Output(std::io::Error::other(e))
}

impl<W: Write> EventSink for CsvSink<W> {
    fn write_event(&mut self, e: &Event) -> Result<()> {
        if self.meta_columns.is_none() {
            self.write_header()?;
        }
        let actor = |a: &Option<crate::model::Actor>| -> [String; 5] {
            match a {
                Some(a) => [
                    a.code.clone(),
                    a.text.clone(),
                    a.span.start.to_string(),
                    a.span.end.to_string(),
                    a.entry.to_string(),
                ],
                None => Default::default(),
            }
        };
        let [sc, st, ss, se, sn] = actor(&e.source);
        let [tc, tt, ts, te, tn] = actor(&e.target);
        let precision = e
            .date_precision
            .map(|p| format!("{p:?}").to_lowercase())
            .unwrap_or_default();
        let row = [
            e.doc.to_string(),
            e.sentence.to_string(),
            e.sentence_span.start.to_string(),
            e.sentence_span.end.to_string(),
            e.date.as_deref().unwrap_or_default().to_string(),
            precision,
            e.doc_date.as_deref().unwrap_or_default().to_string(),
            sc,
            st,
            ss,
            se,
            sn,
            tc,
            tt,
            ts,
            te,
            tn,
            e.cameo.to_string(),
            e.event_name.to_string(),
            e.goldstein.map(|g| g.to_string()).unwrap_or_default(),
            e.quad_class.to_string(),
            e.plover.as_deref().unwrap_or_default().to_string(),
            e.plover_mode.as_deref().unwrap_or_default().to_string(),
            e.plover_context.as_deref().unwrap_or_default().to_string(),
            e.evidence.text.clone(),
            e.evidence.span.start.to_string(),
            e.evidence.span.end.to_string(),
            e.evidence.entry.to_string(),
            e.rules.join(";"),
        ];
        let meta = self.meta_cells();
        self.out
            .write_record(row.iter().chain(&meta))
            .map_err(csv_error)
    }
    fn begin_document(&mut self, doc: &DocumentStart<'_>) -> Result<()> {
        self.meta.clone_from(doc.metadata);
        Ok(())
    }
    fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(Error::Output)
    }
}
