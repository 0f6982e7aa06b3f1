//! demarche-serve: a local web app and JSON API over a demarche SQLite event store (the database
//! `demarche code --db` writes; schema in `docs/store-schema.sql`).
//!
//! The store is opened read-only (`SQLITE_OPEN_READ_ONLY` and `query_only`) and its
//! `meta.schema_version` must be 1. Every request is bounded: URI and body size, a time limit per
//! query, at most 1,000 rows per page, and a limit on concurrent requests. Malformed parameters
//! get a 4xx answer `{"error": "..."}`. The front end (event table, timeline, actor network, map,
//! event page) is embedded in the binary and loads nothing from elsewhere.
//!
//! ```no_run
//! use demarche_serve::ServerBuilder;
//!
//! let server = ServerBuilder::new().port(8080).build("events.sqlite".as_ref())?;
//! server.run(|addr| println!("http://{addr}/"))?;
//! # Ok::<(), demarche_serve::Error>(())
//! ```
//!
//! The endpoints are documented in `docs/serve.md`.

#![deny(missing_docs)]

mod api;
mod app;
mod assets;
mod error;
mod filter;
mod query;
mod rows;
mod server;
mod store;

pub use error::{ApiError, Error};
pub use server::{Server, ServerBuilder};
pub use store::SCHEMA_VERSION;
