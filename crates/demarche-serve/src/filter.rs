//! The event filters shared by every list and aggregate endpoint (date range, actor, country,
//! CAMEO root/code, PLOVER type, quad class, full-text search, cluster, document), validated
//! from a [`Query`] and turned into a SQL `WHERE` clause with bound parameters only.

use crate::error::ApiError;
use crate::query::Query;
use rusqlite::types::Value;

/// The parameter names [`Filter::from_query`] reads.
pub(crate) const FILTER_KEYS: &[&str] = &[
    "from", "to", "actor", "source", "target", "country", "root", "code", "plover", "quad", "q",
    "cluster", "doc",
];

/// The validated filters of one request; each `None`/empty field matches every event.
#[derive(Debug, Default)]
pub(crate) struct Filter {
    from: Option<String>,
    to: Option<String>,
    actor: Option<String>,
    source: Option<String>,
    target: Option<String>,
    country: Option<String>,
    root: Vec<String>,
    code: Option<String>,
    plover: Vec<String>,
    quad: Vec<String>,
    q: Option<String>,
    cluster: Option<i64>,
    doc: Option<String>,
}

/// A `WHERE` clause over `events e` and the values bound to its `?` placeholders, in order.
#[derive(Debug, Default)]
pub(crate) struct Where {
    /// `WHERE ...`, or empty when nothing is filtered.
    pub(crate) sql: String,
    /// The bound values.
    pub(crate) params: Vec<Value>,
}

impl Filter {
    /// Parses a query string that may hold the filter parameters and the endpoint's `extra`
    /// ones (any other key is a 400); returns the query and its checked filter.
    pub(crate) fn parse_with(
        raw: Option<&str>,
        extra: &[&str],
    ) -> Result<(Query, Filter), ApiError> {
        let keys: Vec<&str> = FILTER_KEYS.iter().chain(extra).copied().collect();
        let query = Query::parse(raw, &keys)?;
        let filter = Filter::from_query(&query)?;
        Ok((query, filter))
    }

    /// Reads and checks the filter parameters.
    pub(crate) fn from_query(query: &Query) -> Result<Filter, ApiError> {
        let filter = Filter {
            from: query.word("from", false, is_date, "a date YYYY-MM-DD")?,
            to: query.word("to", false, is_date, "a date YYYY-MM-DD")?,
            actor: query.word("actor", true, is_actor_code, "a CAMEO actor code (prefix)")?,
            source: query.word("source", true, is_actor_code, "a CAMEO actor code (prefix)")?,
            target: query.word("target", true, is_actor_code, "a CAMEO actor code (prefix)")?,
            country: query.word("country", true, is_country, "a three-letter country code")?,
            root: query.list("root", is_root, "a CAMEO root 01..20")?,
            code: query.word("code", false, is_cameo, "a CAMEO code (2 to 4 digits)")?,
            plover: query.list("plover", is_plover, "a PLOVER event type")?,
            quad: query.list("quad", is_quad, "a quad class 1..4")?,
            q: query.get("q").map(str::to_string),
            cluster: query
                .get("cluster")
                .map(|_| query.int("cluster", 0, i64::MAX, 0))
                .transpose()?,
            doc: query.get("doc").map(str::to_string),
        };
        if let (Some(from), Some(to)) = (&filter.from, &filter.to) {
            if from > to {
                return Err(ApiError::BadRequest(format!(
                    "from ({from}) is after to ({to})"
                )));
            }
        }
        Ok(filter)
    }

    /// Whether a full-text query is part of the filter (its syntax errors are the client's).
    pub(crate) fn has_fts(&self) -> bool {
        self.q.is_some()
    }

    /// The `WHERE` clause; `extra` conditions (fixed SQL, no values) are ANDed in.
    pub(crate) fn to_where(&self, extra: &[&str]) -> Where {
        let mut w = Builder::default();
        w.one("e.day >= ?1", &self.from);
        w.one("e.day <= ?1", &self.to);
        w.prefix(
            "(e.source_code LIKE ?1 OR e.target_code LIKE ?1)",
            &self.actor,
        );
        w.prefix("e.source_code LIKE ?1", &self.source);
        w.prefix("e.target_code LIKE ?1", &self.target);
        w.one(
            "(e.id IN (SELECT event_id FROM actors WHERE country = ?1) \
             OR e.place_id IN (SELECT id FROM places WHERE country = ?1))",
            &self.country,
        );
        w.any("e.root", &self.root);
        w.prefix("e.cameo LIKE ?1", &self.code);
        w.any("e.plover", &self.plover);
        w.any("e.quad_class", &self.quad);
        w.one(
            "e.sentence_id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1)",
            &self.q,
        );
        w.one("e.cluster_id = ?1", &self.cluster);
        w.one(
            "e.document_id IN (SELECT id FROM documents WHERE doc_id = ?1)",
            &self.doc,
        );
        for cond in extra {
            w.conds.push((*cond).to_string());
        }
        w.finish()
    }
}

/// Collects conditions, numbering placeholders so that `?1` in a condition means "its value".
#[derive(Default)]
struct Builder {
    conds: Vec<String>,
    params: Vec<Value>,
}

impl Builder {
    /// Adds `cond`, whose `?1` placeholders all stand for `value`.
    fn push(&mut self, cond: &str, value: Value) {
        self.params.push(value);
        let n = self.params.len();
        self.conds.push(cond.replace("?1", &format!("?{n}")));
    }

    fn one<T: Clone + Into<Value>>(&mut self, cond: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.push(cond, v.clone().into());
        }
    }

    /// `column LIKE 'VALUE%'`; values are checked to hold no `%` or `_`.
    fn prefix(&mut self, cond: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.push(cond, Value::Text(format!("{v}%")));
        }
    }

    fn any(&mut self, column: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        let mut marks = Vec::new();
        for v in values {
            self.params.push(Value::Text(v.clone()));
            marks.push(format!("?{}", self.params.len()));
        }
        self.conds
            .push(format!("CAST({column} AS TEXT) IN ({})", marks.join(", ")));
    }

    fn finish(self) -> Where {
        let sql = if self.conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conds.join(" AND "))
        };
        Where {
            sql,
            params: self.params,
        }
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let (month, day) = (&s[5..7], &s[8..10]);
    ("01"..="12").contains(&month) && ("01"..="31").contains(&day)
}

fn is_actor_code(s: &str) -> bool {
    (1..=32).contains(&s.len())
        && s.bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'-')
}

fn is_country(s: &str) -> bool {
    s.len() == 3 && is_actor_code(s)
}

fn is_root(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|c| c.is_ascii_digit()) && ("01"..="20").contains(&s)
}

fn is_cameo(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit())
}

fn is_plover(s: &str) -> bool {
    (1..=32).contains(&s.len())
        && s.bytes()
            .all(|c| c.is_ascii_uppercase() || c == b'_' || c == b'-')
}

fn is_quad(s: &str) -> bool {
    matches!(s, "1" | "2" | "3" | "4")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_order() {
        let query = Query::parse(
            Some("actor=usa&root=04,05&q=talks&from=2006-10-01"),
            FILTER_KEYS,
        )
        .unwrap();
        let w = Filter::from_query(&query).unwrap().to_where(&[]);
        assert_eq!(
            w.sql,
            "WHERE e.day >= ?1 AND (e.source_code LIKE ?2 OR e.target_code LIKE ?2) AND \
             CAST(e.root AS TEXT) IN (?3, ?4) AND e.sentence_id IN (SELECT rowid FROM \
             sentences_fts WHERE sentences_fts MATCH ?5)"
        );
        assert_eq!(w.params.len(), 5);
        assert_eq!(w.params[1], Value::Text("USA%".into()));
    }

    #[test]
    fn dates_are_checked() {
        for (s, ok) in [
            ("2006-10-09", true),
            ("2006-13-01", false),
            ("2006-1-01", false),
            ("x", false),
            ("2006-10-0٩", false),
        ] {
            assert_eq!(is_date(s), ok, "{s}");
        }
    }
}
