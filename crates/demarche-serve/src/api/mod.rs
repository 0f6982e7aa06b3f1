//! The JSON API: one module per endpoint, all reading through the shared [`Ctx`].

pub(crate) mod event;
pub(crate) mod events;
pub(crate) mod facets;
pub(crate) mod map;
pub(crate) mod network;
pub(crate) mod timeline;

use crate::store::Store;
use std::sync::Arc;

/// What every handler shares: the store.
#[derive(Clone, Debug)]
pub(crate) struct Ctx {
    /// The read-only connection pool.
    pub(crate) store: Arc<Store>,
}
