//! Typed errors of the compatibility layer (bad lines inside a dictionary are not errors: they
//! are [`Diagnostic`](crate::Diagnostic)s and loading goes on).

use std::path::PathBuf;

/// Errors from loading TABARI/PETRARCH dictionaries, projects and validation suites.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file whose name and text say neither which dialect nor which kind of dictionary it is.
    #[error("dictionary {file}: cannot tell what kind of dictionary this is")]
    UnknownKind {
        /// The file name.
        file: String,
    },
    /// An engine option command that cannot be applied.
    #[error("option '{command}': {message}")]
    Option {
        /// The command as given.
        command: String,
        /// What is wrong.
        message: String,
    },
    /// A validation suite or project that cannot be used (no text file, no project).
    #[error("suite: {0}")]
    Suite(String),
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// A `Result` with this crate's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
