//! One event as deduplication sees it: its document and outlet, actors, code, date, evidence.

use crate::model::Event;
use std::collections::BTreeMap;

/// The metadata fields that name a document's outlet, in order of preference.
pub const OUTLET_FIELDS: &[&str] = &["source", "outlet", "publisher", "media", "domain"];

/// The outlet a record's metadata names: the first non-empty string of [`OUTLET_FIELDS`].
///
/// ```
/// use demarche::dedup::outlet;
/// use serde_json::json;
///
/// let meta = [("publisher".to_string(), json!("Daily Wire")), ("media".into(), json!("x"))];
/// assert_eq!(outlet(&meta.into_iter().collect()), Some("Daily Wire"));
/// ```
pub fn outlet(metadata: &BTreeMap<String, serde_json::Value>) -> Option<&str> {
    OUTLET_FIELDS.iter().find_map(|field| {
        metadata
            .get(*field)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
    })
}

/// One event to deduplicate (a *report* of a real-world event).
#[derive(Clone, Debug, PartialEq, Default)]
#[non_exhaustive]
pub struct Report {
    /// The document id.
    pub doc: String,
    /// The document's outlet, when its metadata names one.
    pub outlet: Option<String>,
    /// Source actor code (`USAGOV`), `None` when the event has none.
    pub source: Option<String>,
    /// Target actor code, `None` when the event has none.
    pub target: Option<String>,
    /// CAMEO event code.
    pub cameo: String,
    /// The event date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
    /// The document date (`YYYY-MM-DD`), used when `date` is missing.
    pub doc_date: Option<String>,
    /// The words that triggered the event.
    pub evidence_text: String,
    /// The dictionary pattern that matched.
    pub evidence_pattern: String,
}

impl Report {
    /// A report of an event with code `cameo` in document `doc`; set the other fields.
    pub fn new(doc: impl Into<String>, cameo: impl Into<String>) -> Report {
        Report {
            doc: doc.into(),
            cameo: cameo.into(),
            ..Report::default()
        }
    }

    /// The report of a coded event from a document published by `outlet`.
    pub fn from_event(event: &Event, outlet: Option<&str>) -> Report {
        Report {
            doc: event.doc.to_string(),
            outlet: outlet.map(str::to_string),
            source: event.source.as_ref().map(|a| a.code.clone()),
            target: event.target.as_ref().map(|a| a.code.clone()),
            cameo: event.cameo.to_string(),
            date: event.date.as_deref().map(str::to_string),
            doc_date: event.doc_date.as_deref().map(str::to_string),
            evidence_text: event.evidence.text.clone(),
            evidence_pattern: event.evidence.pattern.to_string(),
        }
    }

    /// The date clustering uses: the event date, else the document date.
    pub(crate) fn effective_date(&self) -> Option<&str> {
        self.date.as_deref().or(self.doc_date.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Metadata fields and the outlet they name.
    type Case<'a> = (&'a [(&'a str, serde_json::Value)], Option<&'a str>);

    #[test]
    fn outlet_is_the_first_named_field() {
        let cases: &[Case<'_>] = &[
            (
                &[("domain", json!("a.example")), ("source", json!("AP"))],
                Some("AP"),
            ),
            (
                &[("source", json!("  ")), ("outlet", json!("BBC"))],
                Some("BBC"),
            ),
            (
                &[("source", json!(3)), ("media", json!("TV5"))],
                Some("TV5"),
            ),
            (&[("author", json!("Kim"))], None),
            (&[], None),
        ];
        for (fields, want) in cases {
            let meta = fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect();
            assert_eq!(outlet(&meta), *want, "{fields:?}");
        }
    }
}
