//! `GET /api/network`: who acted on whom — edges source → target weighted by event count, with
//! the mean Goldstein score and the share of conflict (quad class 3–4); nodes are actor codes
//! (or their countries with `by=country`).

use crate::api::events::MAX_LIMIT;
use crate::api::Ctx;
use crate::error::ApiError;
use crate::filter::Filter;
use crate::rows;
use crate::store::sql_error;
use axum::extract::{RawQuery, State};
use axum::Json;
use rusqlite::params_from_iter;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The handler.
pub(crate) async fn network(
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let (query, filter) = Filter::parse_with(raw.as_deref(), &["by", "limit"])?;
    let node = match query.choice("by", &["actor", "country"])? {
        "country" => ("substr(e.source_code, 1, 3)", "substr(e.target_code, 1, 3)"),
        _ => ("e.source_code", "e.target_code"),
    };
    let limit = query.int("limit", 1, MAX_LIMIT, 100)?;
    ctx.store
        .run(move |conn| {
            let w = filter.to_where(&["e.source_code IS NOT NULL", "e.target_code IS NOT NULL"]);
            let sql = format!(
                "SELECT {} AS source, {} AS target, count(*) AS count, \
                 round(avg(e.goldstein), 2) AS goldstein, \
                 round(avg(e.quad_class >= 3), 3) AS conflict_share \
                 FROM events e {} GROUP BY 1, 2 ORDER BY count DESC, 1, 2 LIMIT {limit}",
                node.0, node.1, w.sql
            );
            let edges = rows::objects(conn, &sql, params_from_iter(&w.params))
                .map_err(|e| sql_error(e, filter.has_fts()))?;
            Ok(Json(json!({ "nodes": nodes(&edges), "edges": edges })))
        })
        .await
}

/// One node per actor on an edge, with its events as source and as target.
fn nodes(edges: &[Value]) -> Vec<Value> {
    let mut counts: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for edge in edges {
        let n = edge["count"].as_i64().unwrap_or(0);
        if let Some(s) = edge["source"].as_str() {
            counts.entry(s).or_default().0 += n;
        }
        if let Some(t) = edge["target"].as_str() {
            counts.entry(t).or_default().1 += n;
        }
    }
    counts
        .into_iter()
        .map(|(id, (out, inn))| json!({ "id": id, "events": out + inn, "as_source": out, "as_target": inn }))
        .collect()
}
