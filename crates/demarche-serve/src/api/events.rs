//! `GET /api/events`: the filtered, sorted, paged event list, with the total count.

use crate::api::Ctx;
use crate::error::ApiError;
use crate::filter::Filter;
use crate::query::Query;
use crate::rows;
use crate::store::sql_error;
use axum::extract::{RawQuery, State};
use axum::Json;
use rusqlite::params_from_iter;
use serde_json::{json, Value};

/// The most events one page holds.
pub(crate) const MAX_LIMIT: i64 = 1000;
/// The page size when `limit` is absent.
const DEFAULT_LIMIT: i64 = 100;
/// The largest `offset` accepted.
const MAX_OFFSET: i64 = 10_000_000;

/// `sort` values and their `ORDER BY` clauses (fixed SQL: user input never reaches it).
const SORTS: &[(&str, &str)] = &[
    ("date", "e.day IS NULL, e.day, e.id"),
    ("-date", "e.day IS NULL, e.day DESC, e.id DESC"),
    ("goldstein", "e.goldstein IS NULL, e.goldstein, e.id"),
    ("-goldstein", "e.goldstein IS NULL, e.goldstein DESC, e.id"),
    ("id", "e.id"),
];

/// The columns of one event in a list (also used for a cluster's other reports).
pub(crate) const SUMMARY_COLUMNS: &str = "e.id, d.doc_id, d.outlet, e.date, e.day, e.cameo, \
    e.root, e.event_name, e.goldstein, e.quad_class, e.plover, e.source_code, \
    src.text AS source_text, e.target_code, tgt.text AS target_text, e.evidence_text, \
    p.name AS place, p.country AS place_country, e.cluster_id";

/// The joins [`SUMMARY_COLUMNS`] needs.
pub(crate) const SUMMARY_JOINS: &str = "JOIN documents d ON d.id = e.document_id \
    LEFT JOIN actors src ON src.event_id = e.id AND src.role = 'source' \
    LEFT JOIN actors tgt ON tgt.event_id = e.id AND tgt.role = 'target' \
    LEFT JOIN places p ON p.id = e.place_id";

/// A validated page request.
struct Page {
    offset: i64,
    limit: i64,
    order: &'static str,
}

fn page(query: &Query) -> Result<Page, ApiError> {
    let names: Vec<&str> = SORTS.iter().map(|(name, _)| *name).collect();
    let sort = query.choice("sort", &names)?;
    let order = SORTS
        .iter()
        .find(|(name, _)| *name == sort)
        .map_or(SORTS[0].1, |(_, o)| *o);
    Ok(Page {
        offset: query.int("offset", 0, MAX_OFFSET, 0)?,
        limit: query.int("limit", 1, MAX_LIMIT, DEFAULT_LIMIT)?,
        order,
    })
}

/// The handler.
pub(crate) async fn list(
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let (query, filter) = Filter::parse_with(raw.as_deref(), &["offset", "limit", "sort"])?;
    let page = page(&query)?;
    ctx.store
        .run(move |conn| {
            let fts = filter.has_fts();
            let w = filter.to_where(&[]);
            let count_sql = format!("SELECT count(*) FROM events e {}", w.sql);
            let total: i64 = conn
                .query_row(&count_sql, params_from_iter(&w.params), |r| r.get(0))
                .map_err(|e| sql_error(e, fts))?;
            let n = w.params.len();
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS} FROM events e {SUMMARY_JOINS} {} ORDER BY {} LIMIT ?{} OFFSET ?{}",
                w.sql, page.order, n + 1, n + 2
            );
            let mut params = w.params;
            params.extend([page.limit.into(), page.offset.into()]);
            let events = rows::objects(conn, &sql, params_from_iter(&params)).map_err(|e| sql_error(e, fts))?;
            Ok(Json(json!({ "total": total, "offset": page.offset, "limit": page.limit, "events": events })))
        })
        .await
}
