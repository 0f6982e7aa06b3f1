//! The `Coder` class: a compiled coder (dictionaries and gazetteer, built once) with `code`,
//! `code_many`, `explain` and the column stream the Arrow output is built on.

use crate::errors::{bad_dictionary_lines, library_error};
use crate::stream::EventStream;
use crate::values::to_python;
use crate::worker::{parse_lines, Output};
use demarche::sink::{EventSink, JsonlSink};
use demarche::{CoderBuilder, Dictionaries, Document};
use pyo3::exceptions::{PyFileNotFoundError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::path::PathBuf;
use std::sync::Arc;

/// The id of a document coded by `code` without a `doc_id`.
const DEFAULT_DOC_ID: &str = "doc";

/// A demarche event coder.
///
/// `dictionaries`: a directory laid out like demarche's `dictionaries/` (`actors/*.txt`,
/// `agents.txt`, `verbs.txt`, `discards.txt`, `cameo.tsv`); `None` uses the bundled ones.
/// `places`: resolve event locations with the bundled gazetteer. `keep_hypothetical`: also code
/// acts under "must/should/could/might/may" and in "if" clauses. `country`: the home country
/// (CAMEO/ISO3 code such as `"AUS"`) of actors named without one in documents that name none.
#[pyclass(name = "Coder", module = "demarche._demarche", subclass, frozen)]
pub struct PyCoder {
    coder: demarche::Coder,
    dictionaries: Option<PathBuf>,
    places: bool,
    keep_hypothetical: bool,
}

fn load_dictionaries(dir: &std::path::Path) -> PyResult<Dictionaries> {
    if !dir.is_dir() {
        return Err(PyFileNotFoundError::new_err(format!(
            "dictionary directory {} does not exist",
            dir.display()
        )));
    }
    let dict = Dictionaries::from_dir(dir).map_err(library_error)?;
    if !dict.diagnostics.is_empty() {
        return Err(bad_dictionary_lines(&dict.diagnostics));
    }
    Ok(dict)
}

fn threads_arg(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        None => Ok(0),
        Some(0) => Err(PyValueError::new_err(
            "threads must be at least 1 (or None: one per core)",
        )),
        Some(n) => Ok(n),
    }
}

#[pymethods]
impl PyCoder {
    #[new]
    #[pyo3(signature = (dictionaries=None, places=true, keep_hypothetical=false, country=None))]
    fn new(
        py: Python<'_>,
        dictionaries: Option<PathBuf>,
        places: bool,
        keep_hypothetical: bool,
        country: Option<String>,
    ) -> PyResult<Self> {
        let coder = py.detach(|| -> PyResult<demarche::Coder> {
            let mut builder = CoderBuilder::new()
                .places(places)
                .keep_hypothetical(keep_hypothetical)
                .home_country(country.as_deref())
                .document_places(false);
            if let Some(dir) = &dictionaries {
                builder = builder.dictionaries(Arc::new(load_dictionaries(dir)?));
            }
            builder.build().map_err(library_error)
        })?;
        Ok(PyCoder {
            coder,
            dictionaries,
            places,
            keep_hypothetical,
        })
    }

    /// Codes one text; returns its events as dicts with the fields of the CLI's JSON Lines.
    #[pyo3(signature = (text, date=None, doc_id=None))]
    fn code<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
        doc_id: Option<String>,
    ) -> PyResult<Bound<'py, PyList>> {
        let doc = Document::new(
            doc_id.unwrap_or_else(|| DEFAULT_DOC_ID.into()),
            crate::records::date(date)?,
            crate::records::text_bytes(text)?,
        );
        let events = py
            .detach(|| {
                let coded = self.coder.code(&doc);
                let mut jsonl = Vec::new();
                JsonlSink::new(&mut jsonl).write_events(&coded.events)?;
                parse_lines(&jsonl)
            })
            .map_err(library_error)?;
        let list = PyList::empty(py);
        for e in &events {
            list.append(to_python(py, e)?)?;
        }
        Ok(list)
    }

    /// Codes an iterable of records (dicts with `text` and optional `id`, `date` and other
    /// fields kept as `meta`; or plain strings) in parallel; yields event dicts in input order.
    #[pyo3(signature = (records, threads=None))]
    fn code_many(
        &self,
        records: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<EventStream> {
        EventStream::new(
            self.coder.clone(),
            records,
            threads_arg(threads)?,
            Output::Events,
        )
    }

    /// Like `code_many`, but yields one dict of column lists per chunk (see `COLUMNS`).
    #[pyo3(signature = (records, threads=None))]
    fn code_columns(
        &self,
        records: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<EventStream> {
        EventStream::new(
            self.coder.clone(),
            records,
            threads_arg(threads)?,
            Output::Columns,
        )
    }

    /// How a sentence (or text) is analysed and why each event was or was not produced.
    #[pyo3(signature = (sentence, date=None))]
    fn explain<'py>(
        &self,
        py: Python<'py>,
        sentence: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let doc = Document::new(
            "explain",
            crate::records::date(date)?,
            crate::records::text_bytes(sentence)?,
        );
        let exp = py.detach(|| self.coder.explain(&doc));
        // The fields are read here, where the type is inferred: its path differs between
        // library versions (`demarche::code::Explanation`, `demarche::Explanation`).
        let sentences = PyList::empty(py);
        for s in &exp.sentences {
            let d = PyDict::new(py);
            d.set_item("index", s.index)?;
            d.set_item("text", &s.text)?;
            for (key, lines) in [
                ("tokens", &s.tokens),
                ("phrases", &s.phrases),
                ("clauses", &s.clauses),
                ("actors", &s.actors),
                ("places", &s.places),
                ("decisions", &s.decisions),
            ] {
                d.set_item(key, lines)?;
            }
            d.set_item("events", events_list(py, &s.events)?)?;
            sentences.append(d)?;
        }
        let out = PyDict::new(py);
        out.set_item("sentences", sentences)?;
        out.set_item("warnings", &exp.warnings)?;
        out.set_item("report", exp.to_string())?;
        Ok(out)
    }

    /// The dictionary directory given, or `None` for the bundled dictionaries.
    #[getter]
    fn dictionaries(&self) -> Option<String> {
        self.dictionaries.as_ref().map(|d| d.display().to_string())
    }

    /// Whether event locations are resolved.
    #[getter]
    fn places(&self) -> bool {
        self.places
    }

    /// Whether hypothetical acts are coded.
    #[getter]
    fn keep_hypothetical(&self) -> bool {
        self.keep_hypothetical
    }

    fn __repr__(&self) -> String {
        let dict = self
            .dictionaries
            .as_ref()
            .map_or("None".into(), |d| format!("{:?}", d.display().to_string()));
        let py_bool = |b: bool| if b { "True" } else { "False" };
        format!(
            "Coder(dictionaries={dict}, places={}, keep_hypothetical={})",
            py_bool(self.places),
            py_bool(self.keep_hypothetical)
        )
    }
}

/// Events as dicts, through the library's JSON serialization (the CLI's fields).
fn events_list<'py>(py: Python<'py>, events: &[demarche::Event]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for e in events {
        let json = serde_json::to_vec(e).map_err(|e| PyValueError::new_err(e.to_string()))?;
        for value in parse_lines(&json).map_err(library_error)? {
            list.append(to_python(py, &value)?)?;
        }
    }
    Ok(list)
}
