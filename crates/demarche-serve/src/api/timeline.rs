//! `GET /api/timeline`: events per day or week, split by quad class or PLOVER type, with the
//! mean Goldstein score of each bucket.

use crate::api::Ctx;
use crate::error::ApiError;
use crate::filter::Filter;
use crate::store::sql_error;
use axum::extract::{RawQuery, State};
use axum::Json;
use rusqlite::{params_from_iter, Connection};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// The most (bucket, group) rows one timeline may have.
const MAX_ROWS: usize = 20_000;

/// One (bucket, group) count.
struct Cell {
    start: String,
    group: String,
    count: i64,
    goldstein_sum: f64,
    goldstein_n: i64,
}

/// The handler.
pub(crate) async fn timeline(
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let (query, filter) = Filter::parse_with(raw.as_deref(), &["bucket", "by"])?;
    let bucket = query.choice("bucket", &["day", "week"])?;
    let by = query.choice("by", &["quad", "plover"])?;
    ctx.store
        .run(move |conn| {
            let cells = cells(conn, &filter, bucket, by)?;
            if cells.len() > MAX_ROWS {
                return Err(ApiError::BadRequest(format!(
                    "more than {MAX_ROWS} timeline cells; use bucket=week or a narrower from/to"
                )));
            }
            let undated = undated(conn, &filter)?;
            Ok(Json(assemble(bucket, by, &cells, undated)))
        })
        .await
}

fn cells(
    conn: &Connection,
    filter: &Filter,
    bucket: &str,
    by: &str,
) -> Result<Vec<Cell>, ApiError> {
    let start = match bucket {
        "week" => "date(e.day, '-6 days', 'weekday 1')",
        _ => "e.day",
    };
    let group = match by {
        "plover" => "coalesce(e.plover, 'none')",
        _ => "CAST(e.quad_class AS TEXT)",
    };
    let w = filter.to_where(&["e.day IS NOT NULL"]);
    let sql = format!(
        "SELECT {start} AS b, {group} AS g, count(*), coalesce(sum(e.goldstein), 0), \
         count(e.goldstein) FROM events e {} GROUP BY b, g ORDER BY b, g LIMIT {}",
        w.sql,
        MAX_ROWS + 1
    );
    let fts = filter.has_fts();
    let mut stmt = conn.prepare(&sql).map_err(|e| sql_error(e, fts))?;
    let rows = stmt.query_map(params_from_iter(&w.params), |r| {
        Ok(Cell {
            start: r.get(0)?,
            group: r.get(1)?,
            count: r.get(2)?,
            goldstein_sum: r.get(3)?,
            goldstein_n: r.get(4)?,
        })
    });
    rows.and_then(|rows| rows.collect())
        .map_err(|e| sql_error(e, fts))
}

fn undated(conn: &Connection, filter: &Filter) -> Result<i64, ApiError> {
    let w = filter.to_where(&["e.day IS NULL"]);
    let sql = format!("SELECT count(*) FROM events e {}", w.sql);
    conn.query_row(&sql, params_from_iter(&w.params), |r| r.get(0))
        .map_err(|e| sql_error(e, filter.has_fts()))
}

/// Folds the cells (sorted by bucket) into one object per bucket.
fn assemble(bucket: &str, by: &str, cells: &[Cell], undated: i64) -> Value {
    let mut buckets: Vec<Value> = Vec::new();
    let mut groups = BTreeSet::new();
    for run in cells.chunk_by(|a, b| a.start == b.start) {
        let count: i64 = run.iter().map(|c| c.count).sum();
        let n: i64 = run.iter().map(|c| c.goldstein_n).sum();
        let sum: f64 = run.iter().map(|c| c.goldstein_sum).sum();
        let split: Map<String, Value> = run
            .iter()
            .map(|c| (c.group.clone(), json!(c.count)))
            .collect();
        groups.extend(run.iter().map(|c| c.group.clone()));
        let goldstein = if n > 0 {
            json!((sum / n as f64 * 100.0).round() / 100.0)
        } else {
            Value::Null
        };
        buckets.push(json!({ "start": run[0].start, "count": count, "goldstein": goldstein, "groups": split }));
    }
    json!({ "bucket": bucket, "by": by, "groups": groups, "buckets": buckets, "undated": undated })
}
