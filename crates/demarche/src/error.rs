//! Typed errors of the library.
//!
//! Each message is complete on its own (it includes the operating-system reason), so the
//! underlying `io::Error` is not also exposed as `source()`: a caller printing the whole chain
//! (`{:#}` with anyhow) sees the reason once, not twice.

use std::path::PathBuf;

/// Errors from loading configuration, dictionaries or input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {error}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error (part of the message, not a `source()`).
        error: std::io::Error,
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
    Output(std::io::Error),
    /// The event store could not be opened, read or written.
    #[error("event store {path}: {message}")]
    Store {
        /// The database file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The event store was written with another schema version.
    #[error("event store {path} has schema version {found}; this demarche reads and writes version {expected} only")]
    SchemaVersion {
        /// The database file.
        path: PathBuf,
        /// The version the file records.
        found: String,
        /// The version this build uses.
        expected: u32,
    },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            error: source,
        }
    }
}

/// A `Result` with this crate's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_reason_is_printed_once_in_the_error_chain() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        let reason = missing.to_string();
        for e in [
            Error::io("/no/such", missing),
            Error::Output(std::io::Error::other(reason.clone())),
        ] {
            let mut chain = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                chain.push_str(&format!(": {s}"));
                source = s.source();
            }
            assert_eq!(chain.matches(&reason).count(), 1, "{chain}");
        }
    }
}
