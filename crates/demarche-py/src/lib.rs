//! `demarche._demarche`: the Python extension module over the `demarche` library.
//!
//! It holds the parts that need Rust: the `coder::PyCoder` class (building a coder, coding
//! one text, explaining a sentence) and the streaming runner behind `code_many` and the Arrow
//! output (`stream::EventStream`). The pure-Python package `demarche` (in `python/`) wraps
//! it with pandas, pyarrow and Spark helpers. Errors become Python exceptions carrying the
//! library's messages (`errors`).

mod coder;
mod columns;
mod errors;
mod records;
mod stream;
mod values;
mod worker;

use pyo3::prelude::*;

/// The extension module.
#[pymodule]
fn _demarche(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<coder::PyCoder>()?;
    m.add_class::<stream::EventStream>()?;
    m.add("DictionaryError", py.get_type::<errors::DictionaryError>())?;
    m.add("COLUMNS", columns::column_specs())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
