//! Library errors as Python exceptions, with the library's own messages.
//!
//! A dictionary that cannot be used (an unreadable file, or lines that do not parse) is a
//! `demarche.DictionaryError` whose message lists every problem as `file:line: message` and
//! whose `diagnostics` attribute holds them as `(file, line, message)` tuples; a missing path
//! is a `FileNotFoundError`, other I/O failures an `OSError`, bad settings a `ValueError`.

use demarche::dict::Diagnostic;
use pyo3::exceptions::{PyException, PyFileNotFoundError, PyOSError, PyValueError};
use pyo3::prelude::*;

pyo3::create_exception!(
    demarche,
    DictionaryError,
    PyException,
    "A dictionary could not be used: its message lists each problem as `file:line: message`; \
     `diagnostics` holds them as `(file, line, message)` tuples."
);

/// The Python exception for a library error.
pub fn library_error(e: demarche::Error) -> PyErr {
    let message = e.to_string();
    match e {
        demarche::Error::Io { error, .. } if error.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(message)
        }
        demarche::Error::Io { .. } | demarche::Error::Output(_) => PyOSError::new_err(message),
        demarche::Error::Dictionary { file, .. } => {
            dictionary_error(message, &[(file, 0, String::new())])
        }
        _ => PyValueError::new_err(message),
    }
}

/// A `DictionaryError` listing the lines of a dictionary that could not be used.
pub fn bad_dictionary_lines(diagnostics: &[Diagnostic]) -> PyErr {
    let lines: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
    let message = format!(
        "{} dictionary problem(s):\n{}",
        diagnostics.len(),
        lines.join("\n")
    );
    let tuples: Vec<(String, u32, String)> = diagnostics
        .iter()
        .map(|d| (d.file.clone(), d.line, d.message.clone()))
        .collect();
    dictionary_error(message, &tuples)
}

fn dictionary_error(message: String, diagnostics: &[(String, u32, String)]) -> PyErr {
    let err = DictionaryError::new_err(message);
    Python::attach(|py| {
        let _ = err.value(py).setattr("diagnostics", diagnostics.to_vec());
    });
    err
}
