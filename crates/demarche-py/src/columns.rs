//! Events as flat columns, one list per field, for Arrow tables and Spark: the JSON Lines
//! fields with nested objects flattened (`source.code` → `source_code`, a span → `_start` and
//! `_end`), plus the record's metadata as a JSON string in `meta`. The table of columns is
//! data ([`COLUMNS`]); the Python package builds its Arrow schema from [`column_specs`].

use demarche::model::{Actor, DatePrecision, Location};
use demarche::Event;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// One coded event and the metadata of its document (JSON), as the columns see it.
pub struct EventRow {
    /// The event.
    pub event: Event,
    /// The document's metadata as a JSON object, when it has any.
    pub meta: Option<std::sync::Arc<str>>,
}

/// A column's value type.
#[derive(Clone, Copy)]
enum Kind {
    Str,
    Int,
    Float,
    StrList,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Str => "string",
            Kind::Int => "int64",
            Kind::Float => "float64",
            Kind::StrList => "list<string>",
        }
    }
}

/// One cell.
enum Cell<'a> {
    Str(Option<&'a str>),
    Int(Option<i64>),
    Float(Option<f64>),
    StrList(&'a [demarche::model::SharedStr]),
}

type Extract = for<'a> fn(&'a EventRow) -> Cell<'a>;

fn str_of<'a, T>(v: Option<&'a T>, f: impl Fn(&'a T) -> &'a str) -> Cell<'a> {
    Cell::Str(v.map(f))
}

fn int(n: usize) -> Cell<'static> {
    Cell::Int(i64::try_from(n).ok())
}

fn source(r: &EventRow) -> Option<&Actor> {
    r.event.source.as_ref()
}

fn target(r: &EventRow) -> Option<&Actor> {
    r.event.target.as_ref()
}

fn location(r: &EventRow) -> Option<&Location> {
    r.event.location.as_ref()
}

fn precision_name(p: DatePrecision) -> &'static str {
    // A lookup, not a `match`: the enum may grow (it is `non_exhaustive` in newer versions).
    [
        (DatePrecision::Day, "day"),
        (DatePrecision::Month, "month"),
        (DatePrecision::Year, "year"),
    ]
    .into_iter()
    .find(|(q, _)| *q == p)
    .map_or("unknown", |(_, name)| name)
}

/// The Goldstein score as the CLI writes it: the shortest decimal of the `f32`, as a float64.
fn goldstein(g: Option<f32>) -> Cell<'static> {
    Cell::Float(g.and_then(|g| g.to_string().parse::<f64>().ok()))
}

/// The columns, in order.
const COLUMNS: &[(&str, Kind, Extract)] = &[
    ("doc", Kind::Str, |r| Cell::Str(Some(&r.event.doc))),
    ("sentence", Kind::Int, |r| int(r.event.sentence)),
    ("sentence_start", Kind::Int, |r| {
        int(r.event.sentence_span.start)
    }),
    ("sentence_end", Kind::Int, |r| {
        int(r.event.sentence_span.end)
    }),
    ("date", Kind::Str, |r| Cell::Str(r.event.date.as_deref())),
    ("date_precision", Kind::Str, |r| {
        Cell::Str(r.event.date_precision.map(precision_name))
    }),
    ("doc_date", Kind::Str, |r| {
        Cell::Str(r.event.doc_date.as_deref())
    }),
    ("source_code", Kind::Str, |r| str_of(source(r), |a| &a.code)),
    ("source_text", Kind::Str, |r| str_of(source(r), |a| &a.text)),
    ("source_start", Kind::Int, |r| {
        Cell::Int(source(r).map(|a| a.span.start as i64))
    }),
    ("source_end", Kind::Int, |r| {
        Cell::Int(source(r).map(|a| a.span.end as i64))
    }),
    ("source_entry", Kind::Str, |r| {
        str_of(source(r), |a| &a.entry)
    }),
    ("source_via", Kind::Str, |r| {
        Cell::Str(source(r).and_then(|a| a.via.as_deref()))
    }),
    ("target_code", Kind::Str, |r| str_of(target(r), |a| &a.code)),
    ("target_text", Kind::Str, |r| str_of(target(r), |a| &a.text)),
    ("target_start", Kind::Int, |r| {
        Cell::Int(target(r).map(|a| a.span.start as i64))
    }),
    ("target_end", Kind::Int, |r| {
        Cell::Int(target(r).map(|a| a.span.end as i64))
    }),
    ("target_entry", Kind::Str, |r| {
        str_of(target(r), |a| &a.entry)
    }),
    ("target_via", Kind::Str, |r| {
        Cell::Str(target(r).and_then(|a| a.via.as_deref()))
    }),
    ("cameo", Kind::Str, |r| Cell::Str(Some(&r.event.cameo))),
    ("event_name", Kind::Str, |r| {
        Cell::Str(Some(&r.event.event_name))
    }),
    ("goldstein", Kind::Float, |r| goldstein(r.event.goldstein)),
    ("quad_class", Kind::Int, |r| {
        Cell::Int(Some(r.event.quad_class.into()))
    }),
    ("plover", Kind::Str, |r| {
        Cell::Str(r.event.plover.as_deref())
    }),
    ("plover_mode", Kind::Str, |r| {
        Cell::Str(r.event.plover_mode.as_deref())
    }),
    ("plover_context", Kind::Str, |r| {
        Cell::Str(r.event.plover_context.as_deref())
    }),
    ("evidence_text", Kind::Str, |r| {
        Cell::Str(Some(&r.event.evidence.text))
    }),
    ("evidence_start", Kind::Int, |r| {
        int(r.event.evidence.span.start)
    }),
    ("evidence_end", Kind::Int, |r| {
        int(r.event.evidence.span.end)
    }),
    ("evidence_entry", Kind::Str, |r| {
        Cell::Str(Some(&r.event.evidence.entry))
    }),
    ("evidence_pattern", Kind::Str, |r| {
        Cell::Str(Some(&r.event.evidence.pattern))
    }),
    ("rules", Kind::StrList, |r| Cell::StrList(&r.event.rules)),
    ("quote_text", Kind::Str, |r| {
        str_of(r.event.quote.as_ref(), |q| &q.text)
    }),
    ("quote_start", Kind::Int, |r| {
        Cell::Int(r.event.quote.as_ref().map(|q| q.span.start as i64))
    }),
    ("quote_end", Kind::Int, |r| {
        Cell::Int(r.event.quote.as_ref().map(|q| q.span.end as i64))
    }),
    ("location_name", Kind::Str, |r| {
        str_of(location(r), |l| &l.name)
    }),
    ("location_country", Kind::Str, |r| {
        str_of(location(r), |l| &l.country)
    }),
    ("location_admin1", Kind::Str, |r| {
        Cell::Str(location(r).and_then(|l| l.admin1.as_deref()))
    }),
    ("location_lat", Kind::Float, |r| {
        Cell::Float(location(r).and_then(|l| l.lat))
    }),
    ("location_lon", Kind::Float, |r| {
        Cell::Float(location(r).and_then(|l| l.lon))
    }),
    ("location_feature_type", Kind::Str, |r| {
        Cell::Str(location(r).map(|l| l.feature_type.as_str()))
    }),
    ("location_start", Kind::Int, |r| {
        Cell::Int(location(r).map(|l| l.span.start as i64))
    }),
    ("location_end", Kind::Int, |r| {
        Cell::Int(location(r).map(|l| l.span.end as i64))
    }),
    ("location_precision", Kind::Str, |r| {
        Cell::Str(location(r).map(|l| l.precision.as_str()))
    }),
    ("location_geonameid", Kind::Int, |r| {
        Cell::Int(location(r).and_then(|l| l.geonameid).map(i64::from))
    }),
    ("meta", Kind::Str, |r| Cell::Str(r.meta.as_deref())),
];

/// `[(name, type)]` for every column, type one of `string`, `int64`, `float64`,
/// `list<string>`.
pub fn column_specs() -> Vec<(&'static str, &'static str)> {
    COLUMNS.iter().map(|(n, k, _)| (*n, k.name())).collect()
}

/// The rows as a dict of column name → list of values (`None` for a missing value).
pub fn to_columns<'py>(py: Python<'py>, rows: &[EventRow]) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for (name, _, extract) in COLUMNS {
        let list = PyList::empty(py);
        for row in rows {
            list.append(cell_object(py, extract(row))?)?;
        }
        out.set_item(*name, list)?;
    }
    Ok(out)
}

fn cell_object<'py>(py: Python<'py>, cell: Cell<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match cell {
        Cell::Str(s) => s.into_pyobject(py)?.into_any(),
        Cell::Int(i) => i.into_pyobject(py)?.into_any(),
        Cell::Float(f) => f.into_pyobject(py)?.into_any(),
        Cell::StrList(items) => PyList::new(py, items.iter().map(|s| s.as_str()))?.into_any(),
    })
}
