//! The crate's errors: [`Error`] for opening a store and serving, [`ApiError`] for one request
//! (turned into a `{"error": "..."}` JSON response with a 4xx or 5xx status).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::path::PathBuf;

/// Why a store could not be opened or the server could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database file could not be opened read-only.
    #[error("cannot open {path} read-only")]
    Open {
        /// The database path.
        path: PathBuf,
        /// SQLite's reason.
        source: rusqlite::Error,
    },
    /// The file is not a demarche event store (no `meta` table or no `schema_version` row).
    #[error("{path} is not a demarche event store (no meta.schema_version): {reason}")]
    NotAStore {
        /// The database path.
        path: PathBuf,
        /// What was missing.
        reason: String,
    },
    /// The store was written with another schema version.
    #[error(
        "{path} has event-store schema version {found}; this demarche reads version {expected}"
    )]
    SchemaVersion {
        /// The database path.
        path: PathBuf,
        /// The version in `meta`.
        found: String,
        /// The version this crate reads.
        expected: &'static str,
    },
    /// A configuration value is out of range.
    #[error("invalid server setting: {0}")]
    Config(String),
    /// Binding the address or serving failed.
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// The error of one API request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// A query parameter or path segment is malformed (400).
    #[error("{0}")]
    BadRequest(String),
    /// No such event or route (404).
    #[error("{0}")]
    NotFound(String),
    /// The query ran past the per-query time limit (503).
    #[error("query took longer than {0} ms; narrow the filters")]
    Timeout(u64),
    /// The store failed (500).
    #[error("database error: {0}")]
    Database(String),
}

impl ApiError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Database(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(self.status(), &self.to_string())
    }
}

/// A `{"error": message}` response with `status`.
pub(crate) fn error_response(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(serde_json::json!({ "error": message }))).into_response()
}
