//! [`ServerBuilder`] (address, port, pool size, limits) and [`Server`]: the opened store and the
//! router, served on a tokio runtime until Ctrl-C.

use crate::api::Ctx;
use crate::app::{self, Limits};
use crate::error::Error;
use crate::store::Store;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Settings for [`Server`]; checked by [`ServerBuilder::build`].
#[derive(Clone, Debug)]
pub struct ServerBuilder {
    bind: IpAddr,
    port: u16,
    pool: usize,
    query_time: Duration,
    limits: Limits,
}

impl Default for ServerBuilder {
    fn default() -> Self {
        ServerBuilder {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8080,
            pool: 4,
            query_time: Duration::from_secs(5),
            limits: Limits {
                max_uri: 8 * 1024,
                max_body: 16 * 1024,
                max_concurrent: 32,
            },
        }
    }
}

impl ServerBuilder {
    /// The defaults: 127.0.0.1:8080, 4 connections, 5 s per query, 32 requests at once.
    pub fn new() -> Self {
        Self::default()
    }

    /// The address to listen on (default 127.0.0.1).
    pub fn bind(mut self, addr: IpAddr) -> Self {
        self.bind = addr;
        self
    }

    /// The port (default 8080; 0 picks a free one).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Read-only connections kept open (1–64, default 4).
    pub fn pool_size(mut self, n: usize) -> Self {
        self.pool = n;
        self
    }

    /// How long one request's queries may run before they are interrupted (default 5 s).
    pub fn query_time(mut self, limit: Duration) -> Self {
        self.query_time = limit;
        self
    }

    /// Requests handled at once (1–1024, default 32); others wait their turn.
    pub fn max_concurrent(mut self, n: usize) -> Self {
        self.limits.max_concurrent = n;
        self
    }

    /// Checks the settings and opens `db` read-only (checking its schema version).
    pub fn build(self, db: &Path) -> Result<Server, Error> {
        if !(1..=64).contains(&self.pool) {
            return Err(Error::Config(format!(
                "pool size {} is not 1..=64",
                self.pool
            )));
        }
        if !(1..=1024).contains(&self.limits.max_concurrent) {
            return Err(Error::Config(format!(
                "max concurrent {} is not 1..=1024",
                self.limits.max_concurrent
            )));
        }
        if self.query_time.is_zero() {
            return Err(Error::Config("the query time limit is zero".into()));
        }
        let store = Store::open(db, self.pool, self.query_time)?;
        Ok(Server {
            settings: self,
            store: Arc::new(store),
        })
    }
}

/// An opened store, ready to serve.
#[derive(Debug)]
pub struct Server {
    settings: ServerBuilder,
    store: Arc<Store>,
}

impl Server {
    /// The application as a tower service (for tests: `tower::ServiceExt::oneshot`).
    pub fn router(&self) -> axum::Router {
        app::router(
            Ctx {
                store: Arc::clone(&self.store),
            },
            self.settings.limits,
        )
    }

    /// Binds the address, calls `ready` with it, and serves until Ctrl-C (or SIGTERM).
    pub fn run(self, ready: impl FnOnce(SocketAddr)) -> Result<(), Error> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        runtime.block_on(async move {
            let addr = SocketAddr::new(self.settings.bind, self.settings.port);
            let listener = tokio::net::TcpListener::bind(addr).await?;
            ready(listener.local_addr()?);
            axum::serve(listener, self.router())
                .with_graceful_shutdown(shutdown())
                .await?;
            Ok(())
        })
    }
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
