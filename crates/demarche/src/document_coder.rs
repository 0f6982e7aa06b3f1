//! The one seam between the batch pipeline and a coding engine: [`DocumentCoder`] turns a
//! [`Document`] into a [`CodedDocument`]. demarche's own [`Coder`] implements it; other engines
//! (the TABARI/PETRARCH engine of `demarche-compat`) implement it in their own crates and run
//! through the same [`pipeline::run`](crate::pipeline::run).

use crate::code::{CodedDocument, Coder};
use crate::model::Document;

/// Something that turns a document into events. Implementations are shared by the pipeline's
/// worker threads, so they must be `Sync`.
pub trait DocumentCoder: Sync {
    /// Codes one document.
    fn code_document(&self, doc: &Document) -> CodedDocument;
}

impl DocumentCoder for Coder {
    fn code_document(&self, doc: &Document) -> CodedDocument {
        self.code(doc)
    }
}
