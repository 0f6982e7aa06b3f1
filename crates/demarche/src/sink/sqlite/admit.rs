//! Admission of input documents into a store: new, already stored (skipped), changed
//! (rejected, or replaced on request), or a repeat of an earlier record of the same input.

use super::Store;
use crate::ingest::Rejection;
use crate::model::{Date, Document};
use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

/// What to do with one input document.
#[derive(Debug)]
pub enum Admission {
    /// Code it (it is new, or it replaces a stored document whose content changed).
    Code(Document),
    /// Skip it: the store already has this id with the same content hash.
    Stored,
    /// Reject it: the id is stored (or came earlier in this input) with other content.
    Reject(Rejection),
}

/// The content hash the store keeps: hex SHA-256 of the date (`YYYY-MM-DD`, or nothing), a 0
/// byte and the text bytes.
pub fn content_hash(date: Option<Date>, text: &[u8]) -> String {
    let mut hasher = Sha256::new();
    if let Some(d) = date {
        hasher.update(d.format("%Y-%m-%d").to_string().as_bytes());
    }
    hasher.update([0]);
    hasher.update(text);
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// Decides what to do with `doc` before it is coded. With `replace`, a stored document
    /// whose content changed is recoded (its old rows are deleted when the new ones are
    /// written, in the same transaction); without it, that is a rejection naming `--replace`.
    pub fn admit(&self, doc: Document, replace: bool) -> Admission {
        let hash = content_hash(doc.date, &doc.text);
        if let Some((pending, _)) = self.pending.borrow().get(&doc.id) {
            return if *pending == hash {
                Admission::Stored
            } else {
                reject(
                    &doc,
                    "the input has this id twice with different content; the first is kept",
                )
            };
        }
        match self.stored_hash(&doc.id) {
            Err(e) => reject(&doc, &format!("store lookup failed: {e}")),
            Ok(Some(stored)) if stored == hash => Admission::Stored,
            Ok(Some(_)) if !replace => reject(
                &doc,
                "stored with different content (date or text changed); use --replace to recode it",
            ),
            Ok(stored) => {
                let entry = (hash, stored.is_some());
                self.pending.borrow_mut().insert(doc.id.clone(), entry);
                Admission::Code(doc)
            }
        }
    }

    /// The content hash stored for document `id`, if it is stored.
    pub fn stored_hash(&self, id: &str) -> crate::error::Result<Option<String>> {
        self.conn
            .prepare_cached("SELECT content_hash FROM documents WHERE doc_id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(|e| self.error(e))
    }

    /// Takes the admission of `id`: its hash and whether it replaces a stored document.
    pub(super) fn take_pending(&self, id: &str) -> Option<(String, bool)> {
        self.pending.borrow_mut().remove(id)
    }
}

fn reject(doc: &Document, reason: &str) -> Admission {
    Admission::Reject(Rejection {
        location: doc.id.clone(),
        reason: reason.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_date_and_text() {
        let day = crate::ingest::parse_date("2020-01-02");
        let hashes = [
            content_hash(None, b"a"),
            content_hash(day, b"a"),
            content_hash(None, b"b"),
            content_hash(None, b""),
        ];
        for (i, h) in hashes.iter().enumerate() {
            assert_eq!(h.len(), 64);
            assert!(hashes[i + 1..].iter().all(|other| other != h), "{i}");
        }
        // sha256 of a single 0 byte: no date, empty text.
        assert!(hashes[3].starts_with("6e340b9cffb37a98"), "{}", hashes[3]);
    }
}
