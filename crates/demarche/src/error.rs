//! Typed errors of the library.

use std::path::PathBuf;

/// Errors from loading configuration, dictionaries or input.
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
    /// A dictionary could not be used at all (individual bad lines are only reported).
    #[error("dictionary {file}: {message}")]
    Dictionary {
        /// The dictionary file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// Configuration is invalid (bad option values).
    #[error("configuration: {0}")]
    Config(String),
    /// Writing output failed.
    #[error("output: {0}")]
    Output(#[source] std::io::Error),
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
