//! `GET /api/events/{id}`: one event with its sentence, document, actor spans and entries,
//! evidence, rules, location, and its cluster with the cluster's other reports.

use crate::api::events::{SUMMARY_COLUMNS, SUMMARY_JOINS};
use crate::api::Ctx;
use crate::error::ApiError;
use crate::rows;
use crate::store::sql_error;
use axum::extract::{Path, State};
use axum::Json;
use rusqlite::Connection;
use serde_json::{json, Map, Value};

/// The most other reports of a cluster listed with an event.
const CLUSTER_EVENTS: i64 = 200;

const EVENT_SQL: &str = "SELECT e.id, e.ordinal, e.date, e.date_precision, e.day, e.cameo, \
    e.root, e.event_name, e.goldstein, e.quad_class, e.plover, e.plover_mode, e.plover_context, \
    e.source_code, e.target_code, e.evidence_text, e.evidence_start, e.evidence_end, \
    e.evidence_entry, e.evidence_pattern, e.quote_text, e.quote_start, e.quote_end, e.rules, \
    e.record, e.cluster_id, e.place_id, e.document_id, e.sentence_id FROM events e WHERE e.id = ?1";

const DOCUMENT_SQL: &str = "SELECT doc_id, date, outlet, metadata FROM documents WHERE id = ?1";

const SENTENCE_SQL: &str = "SELECT idx, start, end, text FROM sentences WHERE id = ?1";

const ACTORS_SQL: &str = "SELECT role, code, country, agent, text, start, end, entry, via \
    FROM actors WHERE event_id = ?1 ORDER BY role DESC";

const PLACE_SQL: &str = "SELECT name, country, admin1, lat, lon, feature_type, precision, \
    geonameid, start, end FROM places WHERE id = ?1";

const CLUSTER_SQL: &str = "SELECT id, canonical_event_id, cameo, root, source_code, target_code, \
    first_date, last_date, mentions, documents, outlets FROM clusters WHERE id = ?1";

/// The handler.
pub(crate) async fn show(
    State(ctx): State<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::BadRequest(format!("event id {id:?} is not an integer")))?;
    ctx.store
        .run(move |conn| {
            let event = load(conn, id).map_err(|e| sql_error(e, false))?;
            event
                .map(Json)
                .ok_or_else(|| ApiError::NotFound(format!("no event {id}")))
        })
        .await
}

fn load(conn: &Connection, id: i64) -> rusqlite::Result<Option<Value>> {
    let Some(mut e) = rows::first(conn, EVENT_SQL, [id])? else {
        return Ok(None);
    };
    rows::parse_json_field(&mut e, "rules");
    rows::parse_json_field(&mut e, "record");
    let document = rows::first(conn, DOCUMENT_SQL, [as_i64(&e["document_id"])])?.map(|mut d| {
        rows::parse_json_field(&mut d, "metadata");
        d
    });
    e.insert(
        "document".into(),
        document.map_or(Value::Null, Value::Object),
    );
    let sentence = rows::first(conn, SENTENCE_SQL, [as_i64(&e["sentence_id"])])?;
    e.insert(
        "sentence".into(),
        sentence.map_or(Value::Null, Value::Object),
    );
    e.insert(
        "actors".into(),
        Value::Array(rows::objects(conn, ACTORS_SQL, [id])?),
    );
    let place = match e["place_id"].as_i64() {
        Some(pid) => rows::first(conn, PLACE_SQL, [pid])?.map(Value::Object),
        None => None,
    };
    e.insert("location".into(), place.unwrap_or(Value::Null));
    let cluster = cluster(conn, &e, id)?;
    e.insert("cluster".into(), cluster);
    Ok(Some(Value::Object(e)))
}

fn as_i64(v: &Value) -> i64 {
    v.as_i64().unwrap_or(-1)
}

/// The event's cluster and its other events, or `null`.
fn cluster(conn: &Connection, e: &Map<String, Value>, id: i64) -> rusqlite::Result<Value> {
    let Some(cid) = e["cluster_id"].as_i64() else {
        return Ok(Value::Null);
    };
    let Some(mut c) = rows::first(conn, CLUSTER_SQL, [cid])? else {
        return Ok(Value::Null);
    };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM events e {SUMMARY_JOINS} \
         WHERE e.cluster_id = ?1 AND e.id <> ?2 ORDER BY e.day, e.id LIMIT ?3"
    );
    let others = rows::objects(conn, &sql, rusqlite::params![cid, id, CLUSTER_EVENTS])?;
    c.insert("other_events".into(), json!(others));
    Ok(Value::Object(c))
}
