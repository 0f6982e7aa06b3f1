//! What the coder remembers across the sentences of one document: learned names and salient
//! actors (for [`super::mentions`]), the places seen so far (for event locations) and the recent
//! acts with a target (for [`super::reply`]).

use super::emit::DocLabels;
use super::mentions::DocumentMemory;
use super::reply::Acts;
use crate::resolve::locate::DocumentPlaces;

/// The per-document memory, threaded through the sentences in order.
#[derive(Debug, Default)]
pub(super) struct DocumentState {
    /// Names, the last person and the last collective actor.
    pub(super) actors: DocumentMemory,
    /// The dateline, the distinct places, and the place resolver's memory.
    pub(super) places: DocumentPlaces,
    /// The acts of the last sentences that had a target.
    pub(super) acts: Acts,
    /// The document's id and date as its events carry them.
    pub(super) labels: DocLabels,
}
