//! `GET /api/facets`: what the filter drop-downs offer — the date range, CAMEO roots, PLOVER
//! types, quad classes, countries and actor codes present in the store, with counts.

use crate::api::Ctx;
use crate::error::ApiError;
use crate::query::Query;
use crate::rows;
use crate::store::sql_error;
use axum::extract::{RawQuery, State};
use axum::Json;
use rusqlite::Connection;
use serde_json::{json, Value};

/// The most countries and actor codes listed.
const TOP: i64 = 500;

/// The CAMEO root categories (CAMEO manual 1.1b3).
const ROOTS: &[(&str, &str)] = &[
    ("01", "Make public statement"),
    ("02", "Appeal"),
    ("03", "Express intent to cooperate"),
    ("04", "Consult"),
    ("05", "Engage in diplomatic cooperation"),
    ("06", "Engage in material cooperation"),
    ("07", "Provide aid"),
    ("08", "Yield"),
    ("09", "Investigate"),
    ("10", "Demand"),
    ("11", "Disapprove"),
    ("12", "Reject"),
    ("13", "Threaten"),
    ("14", "Protest"),
    ("15", "Exhibit force posture"),
    ("16", "Reduce relations"),
    ("17", "Coerce"),
    ("18", "Assault"),
    ("19", "Fight"),
    ("20", "Use unconventional mass violence"),
];

/// The quad classes.
const QUADS: &[(i64, &str)] = &[
    (1, "Verbal cooperation"),
    (2, "Material cooperation"),
    (3, "Verbal conflict"),
    (4, "Material conflict"),
];

/// The handler.
pub(crate) async fn facets(
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    Query::parse(raw.as_deref(), &[])?;
    ctx.store
        .run(|conn| load(conn).map(Json).map_err(|e| sql_error(e, false)))
        .await
}

fn load(conn: &Connection) -> rusqlite::Result<Value> {
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    let range = rows::first(
        conn,
        "SELECT min(day) AS first, max(day) AS last FROM events",
        [],
    )?;
    let root_counts = counts(
        conn,
        "SELECT root AS key, count(*) AS count FROM events GROUP BY root",
    )?;
    let quad_counts = counts(
        conn,
        "SELECT CAST(quad_class AS TEXT) AS key, count(*) AS count FROM events GROUP BY quad_class",
    )?;
    let roots: Vec<Value> = ROOTS.iter().map(|(code, name)| json!({ "code": code, "name": name, "count": lookup(&root_counts, code) })).collect();
    let quads: Vec<Value> = QUADS.iter().map(|(q, name)| json!({ "code": q, "name": name, "count": lookup(&quad_counts, &q.to_string()) })).collect();
    Ok(json!({
        "events": count("SELECT count(*) FROM events")?,
        "documents": count("SELECT count(*) FROM documents")?,
        "clusters": count("SELECT count(*) FROM clusters")?,
        "dates": range,
        "roots": roots,
        "quads": quads,
        "plover": rows::objects(conn, "SELECT plover AS code, count(*) AS count FROM events WHERE plover IS NOT NULL GROUP BY plover ORDER BY count DESC, plover", [])?,
        "countries": rows::objects(conn, "SELECT country AS code, count(DISTINCT event_id) AS count FROM actors GROUP BY country ORDER BY count DESC, country LIMIT ?1", [TOP])?,
        "actors": rows::objects(conn, "SELECT code, count(*) AS count FROM actors GROUP BY code ORDER BY count DESC, code LIMIT ?1", [TOP])?,
    }))
}

fn counts(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

fn lookup(counts: &[(String, i64)], key: &str) -> i64 {
    counts.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
}
