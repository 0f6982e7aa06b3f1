//! What the coder remembers across the sentences of one document: learned names and salient
//! actors (for [`super::mentions`]), the places seen so far (for event locations) and the recent
//! acts with a target (for [`super::reply`]).

use super::emit::DocLabels;
use super::mentions::DocumentMemory;
use super::quote_runs::QuoteRuns;
use super::reply::Acts;
use crate::resolve::locate::DocumentPlaces;
use crate::resolve::Location;
use std::cell::Cell;

thread_local! {
    /// The actor memory of this thread's last document, emptied: the next document's, so that
    /// its vectors are not allocated and freed again for every document. (Boxed: handing it
    /// over moves a pointer, not the whole memory.)
    static SPARE_ACTORS: Cell<Option<Box<DocumentMemory>>> = const { Cell::new(None) };
}

/// The per-document memory, threaded through the sentences in order.
#[derive(Debug, Default)]
pub(super) struct DocumentState {
    /// Names, the last person and the last collective actor.
    pub(super) actors: Box<DocumentMemory>,
    /// The dateline, the distinct places, and the place resolver's memory.
    pub(super) places: DocumentPlaces,
    /// The acts of the last sentences that had a target.
    pub(super) acts: Acts,
    /// The document's id and date as its events carry them.
    pub(super) labels: DocLabels,
    /// Where each sentence stands in the document's quotations, and the last speaker quoted.
    pub(super) quotes: QuoteRuns,
}

impl DocumentState {
    /// The state at the start of a document with labels `labels` (the actor memory's buffers
    /// those of the thread's last document).
    pub(super) fn new(labels: DocLabels) -> DocumentState {
        DocumentState {
            actors: SPARE_ACTORS.take().unwrap_or_default(),
            labels,
            ..DocumentState::default()
        }
    }

    /// Ends the document: its distinct places; the actor memory is emptied and kept for the
    /// thread's next document.
    pub(super) fn finish(self) -> Vec<Location> {
        let DocumentState {
            mut actors, places, ..
        } = self;
        actors.clear();
        SPARE_ACTORS.set(Some(actors));
        places.into_all()
    }
}
