//! An event's date: the temporal expression nearest its verb, in its clause or the clauses it
//! hangs from, resolved against the document date.

use super::sentence::SentenceContext;
use crate::model::{DatePrecision, SharedStr};
use crate::text::ClauseKind;

/// A resolved event date.
#[derive(Clone, Debug)]
pub(super) struct EventDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub(super) date: SharedStr,
    /// How precise it is.
    pub(super) precision: DatePrecision,
    /// The first token of the temporal expression used, if one was.
    pub(super) from_text: Option<usize>,
}

/// The event's date: the temporal expression nearest the verb in its clause, else in the clauses
/// it hangs from (not across a relative clause boundary), else the document date. `None` when
/// the document has no date.
pub(super) fn event_date(
    ctx: &SentenceContext<'_>,
    head: usize,
    clause_idx: usize,
) -> Option<EventDate> {
    let doc_date = ctx.doc.date?;
    let mut c = Some(clause_idx);
    while let Some(ci) = c {
        let clause = &ctx.sentence.clauses[ci];
        let nearest = ctx
            .times
            .iter()
            .filter(|t| clause.tokens.contains(&t.start))
            .min_by_key(|t| {
                if t.start > head {
                    t.start - head
                } else {
                    head - t.end + 1
                }
            });
        if let Some(t) = nearest {
            if let Some((date, precision)) = crate::dates::resolve(t.value, doc_date) {
                let from_text = Some(t.start);
                return Some(EventDate {
                    date: date.into(),
                    precision,
                    from_text,
                });
            }
        }
        if clause.kind == ClauseKind::Relative {
            break;
        }
        c = clause.parent;
    }
    Some(EventDate {
        date: ctx.labels.date.clone().unwrap_or_default(),
        precision: DatePrecision::Day,
        from_text: None,
    })
}
