//! The SQLite event store: the schema of `docs/store-schema.sql` (embedded, so code and
//! document cannot drift), opening with the version check, and the incremental writer.
//!
//! [`Store::create_or_open`] makes a new store or opens one this version wrote (WAL journal,
//! foreign keys on); [`Store::open_read_only`] and [`check_schema`] are for readers. Before a
//! document is coded, [`Store::admit`] says whether it is new, already stored (same id and
//! content hash: skipped), changed (rejected unless replacing) or a repeat of the input;
//! [`SqliteSink`] then writes what was coded, one transaction per pipeline chunk, so a run
//! killed at any point leaves the store as of its last finished chunk.
//!
//! ```
//! use demarche::sink::sqlite::{Admission, SqliteSink, Store};
//! use demarche::{pipeline, Coder, Document};
//!
//! let dir = std::env::temp_dir().join(format!("demarche-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let path = dir.join("events.sqlite");
//! let _ = std::fs::remove_file(&path);
//! let store = Store::create_or_open(&path)?;
//! let doc = Document::new("a", None, "North Korea condemned Japan.");
//! let Admission::Code(doc) = store.admit(doc, false) else { panic!("a new document") };
//! let records = vec![demarche::ingest::Record::Document(doc)];
//! let mut sink = SqliteSink::new(&store);
//! let config = pipeline::PipelineConfig::default().threads(1);
//! pipeline::run(records.into_iter(), &Coder::bundled(), &mut sink, &config, |_| {})?;
//! drop(sink);
//! let cameo: String =
//!     store.connection().query_row("SELECT cameo FROM events", [], |r| r.get(0)).map_err(|e| e.to_string())?;
//! assert_eq!(cameo, "111");
//! let again = Document::new("a", None, "North Korea condemned Japan.");
//! assert!(matches!(store.admit(again, false), Admission::Stored));
//! # drop(store); std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod admit;
mod write;

pub use admit::{content_hash, Admission};
pub use write::SqliteSink;

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The normative DDL of the store (`docs/store-schema.sql`).
pub const SCHEMA: &str = include_str!("../../../../../docs/store-schema.sql");

/// The schema version this build reads and writes (`meta.schema_version`).
pub const SCHEMA_VERSION: u32 = 1;

/// An open event store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Documents admitted but not yet written: id → (content hash, replaces a stored one).
    pending: RefCell<HashMap<String, (String, bool)>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the store at `path` for writing, creating it (and its schema) when the file does
    /// not exist or is an empty database. A file that is not a demarche store, or a store of
    /// another schema version, is an error.
    pub fn create_or_open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let conn = Connection::open(path).map_err(|e| store_error(path, e))?;
        let store = Store::new(conn, path);
        store.configure()?;
        if store.is_empty()? {
            store.create()?;
        }
        check_schema(&store.conn, path)?;
        Ok(store)
    }

    /// Opens an existing store read-only (for `dedup`-style readers and `serve`), checking its
    /// schema version.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| store_error(path, e))?;
        check_schema(&conn, path)?;
        Ok(Store::new(conn, path))
    }

    fn new(conn: Connection, path: &Path) -> Store {
        Store {
            conn,
            path: path.to_path_buf(),
            pending: RefCell::default(),
        }
    }

    /// The SQLite connection, for queries.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// WAL journal (readers never block the writer; a kill loses only the open transaction),
    /// foreign keys enforced, and a wait instead of an error while another process writes.
    fn configure(&self) -> Result<()> {
        let conn = &self.conn;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .and_then(|()| conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())))
            .and_then(|()| conn.pragma_update(None, "synchronous", "NORMAL"))
            .and_then(|()| conn.pragma_update(None, "foreign_keys", true))
            .map_err(|e| self.error(e))
    }

    fn is_empty(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| self.error(e))?;
        Ok(n == 0)
    }

    /// Creates the schema and the `meta` rows in one transaction.
    fn create(&self) -> Result<()> {
        let created = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let meta = [
            ("schema_version", SCHEMA_VERSION.to_string()),
            ("demarche_version", env!("CARGO_PKG_VERSION").to_string()),
            ("created", created),
        ];
        let run = || -> rusqlite::Result<()> {
            let tx = self.conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA)?;
            for (key, value) in &meta {
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                    (key, value),
                )?;
            }
            tx.commit()
        };
        run().map_err(|e| self.error(e))
    }

    pub(crate) fn error(&self, e: rusqlite::Error) -> Error {
        store_error(&self.path, e)
    }
}

/// Checks that `conn` is a demarche store of [`SCHEMA_VERSION`]; `path` names it in errors.
/// Works on a read-only connection.
pub fn check_schema(conn: &Connection, path: &Path) -> Result<()> {
    let not_a_store = |why: &str| Error::Store {
        path: path.to_path_buf(),
        message: format!("not a demarche event store ({why})"),
    };
    let has_meta: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| store_error(path, e))?;
    if has_meta == 0 {
        return Err(not_a_store("it has no meta table"));
    }
    let version: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(store_error(path, e)),
        })?;
    match version {
        None => Err(not_a_store("its meta table has no schema_version")),
        Some(v) if v == SCHEMA_VERSION.to_string() => Ok(()),
        Some(found) => Err(Error::SchemaVersion {
            path: path.to_path_buf(),
            found,
            expected: SCHEMA_VERSION,
        }),
    }
}

/// A SQLite error as a store error; "file is not a database" says so plainly.
fn store_error(path: &Path, e: rusqlite::Error) -> Error {
    let message = match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            "not a demarche event store (not an SQLite database)".to_string()
        }
        _ => e.to_string(),
    };
    Error::Store {
        path: path.to_path_buf(),
        message,
    }
}
