//! `GET /api/map`: events per place (name, country, lat/lon, mean Goldstein) and per country of
//! the place, for the map view.

use crate::api::events::MAX_LIMIT;
use crate::api::Ctx;
use crate::error::ApiError;
use crate::filter::Filter;
use crate::rows;
use crate::store::sql_error;
use axum::extract::{RawQuery, State};
use axum::Json;
use rusqlite::{params_from_iter, Connection};
use serde_json::{json, Value};

/// The handler.
pub(crate) async fn map(
    State(ctx): State<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let (query, filter) = Filter::parse_with(raw.as_deref(), &["limit"])?;
    let limit = query.int("limit", 1, MAX_LIMIT, MAX_LIMIT)?;
    ctx.store
        .run(move |conn| {
            let places = grouped(conn, &filter, "p.name, p.country, p.lat, p.lon", limit)?;
            let countries = grouped(conn, &filter, "p.country", 1000)?;
            let w = filter.to_where(&["e.place_id IS NULL"]);
            let unplaced: i64 = conn
                .query_row(
                    &format!("SELECT count(*) FROM events e {}", w.sql),
                    params_from_iter(&w.params),
                    |r| r.get(0),
                )
                .map_err(|e| sql_error(e, filter.has_fts()))?;
            Ok(Json(
                json!({ "places": places, "countries": countries, "unplaced": unplaced }),
            ))
        })
        .await
}

/// Event counts grouped by `columns` of the event's place, largest first.
fn grouped(
    conn: &Connection,
    filter: &Filter,
    columns: &str,
    limit: i64,
) -> Result<Vec<Value>, ApiError> {
    let w = filter.to_where(&[]);
    let sql = format!(
        "SELECT {columns}, count(*) AS count, round(avg(e.goldstein), 2) AS goldstein \
         FROM events e JOIN places p ON p.id = e.place_id {} \
         GROUP BY {columns} ORDER BY count DESC, {columns} LIMIT {limit}",
        w.sql
    );
    rows::objects(conn, &sql, params_from_iter(&w.params))
        .map_err(|e| sql_error(e, filter.has_fts()))
}
