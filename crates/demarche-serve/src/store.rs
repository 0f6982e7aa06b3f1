//! The read-only event store: a small pool of SQLite connections opened with
//! `SQLITE_OPEN_READ_ONLY` and `query_only`, the schema-version check, and [`Store::run`], which
//! runs one request's queries on a blocking thread under the per-query time limit.

use crate::error::{ApiError, Error};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// The `meta.schema_version` this crate reads (docs/store-schema.sql).
pub const SCHEMA_VERSION: &str = "1";

/// SQLite virtual-machine steps between two looks at the clock.
const PROGRESS_STEPS: i32 = 1_000;

/// A pool of read-only connections to one event store.
pub struct Store {
    conns: Mutex<Vec<Connection>>,
    permits: Semaphore,
    query_time: Duration,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("connections", &self.permits.available_permits())
            .field("query_time", &self.query_time)
            .finish()
    }
}

impl Store {
    /// Opens `pool` read-only connections to `path` and checks the schema version.
    pub fn open(path: &Path, pool: usize, query_time: Duration) -> Result<Store, Error> {
        let conns = (0..pool.max(1))
            .map(|_| open_connection(path))
            .collect::<Result<Vec<_>, _>>()?;
        check_schema(&conns[0], path)?;
        Ok(Store {
            permits: Semaphore::new(conns.len()),
            conns: Mutex::new(conns),
            query_time,
        })
    }

    /// Runs `work` on a pooled connection on a blocking thread; every statement it runs is
    /// interrupted once the per-query time limit has passed (answered as [`ApiError::Timeout`]).
    pub(crate) async fn run<T, F>(self: &Arc<Self>, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ApiError::Database("connection pool closed".into()))?;
        let store = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let lease = Lease::take(&store)?;
            let limit = store.query_time;
            let deadline = Instant::now() + limit;
            lease
                .conn()
                .progress_handler(PROGRESS_STEPS, Some(move || Instant::now() > deadline));
            work(lease.conn()).map_err(|e| e.timed_out(limit))
        })
        .await
        .map_err(|e| ApiError::Database(format!("query task failed: {e}")))?
    }
}

/// A connection taken from the pool, put back when dropped (also on unwinding).
struct Lease<'a> {
    store: &'a Store,
    conn: Option<Connection>,
}

impl<'a> Lease<'a> {
    fn take(store: &'a Store) -> Result<Self, ApiError> {
        let conn = store
            .conns
            .lock()
            .map_err(|_| ApiError::Database("connection pool poisoned".into()))?
            .pop()
            .ok_or_else(|| ApiError::Database("no free connection".into()))?;
        Ok(Lease {
            store,
            conn: Some(conn),
        })
    }

    fn conn(&self) -> &Connection {
        self.conn
            .as_ref()
            .expect("a lease holds its connection until dropped")
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let (Some(conn), Ok(mut pool)) = (self.conn.take(), self.store.conns.lock()) {
            pool.push(conn);
        }
    }
}

fn open_connection(path: &Path) -> Result<Connection, Error> {
    let open_err = |source| Error::Open {
        path: path.to_path_buf(),
        source,
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
    conn.pragma_update(None, "query_only", true)
        .map_err(open_err)?;
    Ok(conn)
}

fn check_schema(conn: &Connection, path: &Path) -> Result<(), Error> {
    let found: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| Error::NotAStore {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
    if found.trim() != SCHEMA_VERSION {
        return Err(Error::SchemaVersion {
            path: path.to_path_buf(),
            found,
            expected: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Classifies a SQLite error of a request: an interrupt is a time-out, a bad full-text query
/// (only when the request had one) is the client's fault, the rest is the store's.
pub(crate) fn sql_error(err: rusqlite::Error, has_fts: bool) -> ApiError {
    match &err {
        rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::OperationInterrupted => {
            ApiError::Timeout(0)
        }
        rusqlite::Error::SqliteFailure(e, msg) if has_fts && e.code == ErrorCode::Unknown => {
            let detail = msg.clone().unwrap_or_else(|| err.to_string());
            ApiError::BadRequest(format!("bad full-text query (q): {detail}"))
        }
        _ => ApiError::Database(err.to_string()),
    }
}

impl ApiError {
    /// Fills in the time limit of a [`ApiError::Timeout`] raised inside a query.
    fn timed_out(self, limit: Duration) -> ApiError {
        match self {
            ApiError::Timeout(_) => ApiError::Timeout(limit.as_millis() as u64),
            other => other,
        }
    }
}
