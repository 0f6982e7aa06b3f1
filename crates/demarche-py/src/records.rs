//! Python inputs to documents: a text (`str` or `bytes`), a date (`str`, `datetime.date` or
//! `None`), and records for `code_many` — a dict with `text`, optional `id` and `date`, other
//! keys kept as metadata (as in JSON Lines input), or a bare `str`.

use demarche::ingest::try_parse_date;
use demarche::model::Date;
use demarche::Document;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyString};

/// The record fields that are not metadata.
const TEXT: &str = "text";
const ID: &str = "id";
const DATE: &str = "date";

/// A text as bytes (spans index into its UTF-8 encoding).
pub fn text_bytes(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(PyTypeError::new_err(format!(
        "text must be str or bytes, not {}",
        type_name(obj)
    )))
}

/// A document date: `None`, `""`, NaN and pandas' `NaT` mean none; a string is parsed like a
/// record date (`YYYY-MM-DD`, `YYYYMMDD`, RFC 3339); a `datetime.date`/`datetime` (or
/// anything with integer `year`, `month`, `day`) gives its calendar date.
pub fn date(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        if s.trim().is_empty() {
            return Ok(None);
        }
        return try_parse_date(&s)
            .map(Some)
            .map_err(|e| PyValueError::new_err(e.to_string()));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        if f.value().is_nan() {
            return Ok(None);
        }
    }
    if obj.hasattr("year")? && obj.hasattr("month")? && obj.hasattr("day")? {
        let part = |name: &str| obj.getattr(name).and_then(|v| v.extract::<i64>());
        return match (part("year"), part("month"), part("day")) {
            (Ok(y), Ok(m), Ok(d)) => calendar_date(y, m, d).map(Some),
            _ => Ok(None), // NaT: its parts are NaN
        };
    }
    Err(PyTypeError::new_err(format!(
        "date must be a str, a datetime.date or None, not {}",
        type_name(obj)
    )))
}

fn calendar_date(y: i64, m: i64, d: i64) -> PyResult<Date> {
    let parts = (i32::try_from(y), u32::try_from(m), u32::try_from(d));
    if let (Ok(y), Ok(m), Ok(d)) = parts {
        if let Some(date) = Date::from_ymd_opt(y, m, d) {
            return Ok(date);
        }
    }
    Err(PyValueError::new_err(format!("{y}-{m}-{d} is not a date")))
}

/// The document for the record at 1-based `position` of a `code_many` input.
pub fn document(record: &Bound<'_, PyAny>, position: usize) -> PyResult<Document> {
    if let Ok(d) = record.cast::<PyDict>() {
        return from_dict(d, position).map_err(|e| in_record(record.py(), e, position));
    }
    if record.is_instance_of::<PyString>() || record.is_instance_of::<PyBytes>() {
        return Ok(Document::new(
            position.to_string(),
            None,
            text_bytes(record)?,
        ));
    }
    Err(PyTypeError::new_err(format!(
        "record {position}: expected a dict with a 'text' key or a str, not {}",
        type_name(record)
    )))
}

fn from_dict(record: &Bound<'_, PyDict>, position: usize) -> PyResult<Document> {
    let text = match record.get_item(TEXT)? {
        Some(t) => text_bytes(&t)?,
        None => {
            return Err(PyValueError::new_err(format!(
                "missing text field '{TEXT}'"
            )))
        }
    };
    let id = match record.get_item(ID)? {
        None => position.to_string(),
        Some(v) if v.is_none() => position.to_string(),
        Some(v) if v.is_instance_of::<PyString>() => v.extract::<String>()?,
        Some(v) if v.is_instance_of::<pyo3::types::PyInt>() => v.str()?.to_cow()?.into_owned(),
        Some(v) => {
            return Err(PyTypeError::new_err(format!(
                "field '{ID}' is {}, expected a str or an int",
                type_name(&v)
            )))
        }
    };
    let date = date(record.get_item(DATE)?.as_ref())?;
    let mut doc = Document::new(id, date, text);
    for (k, v) in record.iter() {
        let key = k.str()?.to_cow()?.into_owned();
        if ![TEXT, ID, DATE].contains(&key.as_str()) {
            doc.metadata.insert(key, crate::values::from_python(&v)?);
        }
    }
    Ok(doc)
}

/// The same exception, its message prefixed with the record's position.
fn in_record(py: Python<'_>, e: PyErr, position: usize) -> PyErr {
    let message = format!("record {position}: {}", e.value(py));
    if e.is_instance_of::<PyTypeError>(py) {
        PyTypeError::new_err(message)
    } else {
        PyValueError::new_err(message)
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}
