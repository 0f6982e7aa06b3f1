//! Turning SQLite rows into JSON: a column's value as a JSON value, a row as an object keyed by
//! the names of its `SELECT` columns, and a whole statement as a list of such objects.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Params, Row};
use serde_json::{Map, Value};

/// Column `idx` of `row` as JSON (BLOBs as lossy UTF-8 text; JSON text columns stay text).
pub(crate) fn value(row: &Row<'_>, idx: usize) -> rusqlite::Result<Value> {
    Ok(match row.get_ref(idx)? {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::from(n),
        ValueRef::Real(x) => serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) | ValueRef::Blob(t) => {
            Value::String(String::from_utf8_lossy(t).into_owned())
        }
    })
}

/// `row` as an object: the statement's column names are the keys.
pub(crate) fn object(row: &Row<'_>) -> rusqlite::Result<Map<String, Value>> {
    let stmt = row.as_ref();
    let mut map = Map::new();
    for idx in 0..stmt.column_count() {
        map.insert(stmt.column_name(idx)?.to_string(), value(row, idx)?);
    }
    Ok(map)
}

/// Every row of `sql` as an object.
pub(crate) fn objects<P: Params>(
    conn: &Connection,
    sql: &str,
    params: P,
) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, |row| object(row).map(Value::Object))?;
    rows.collect()
}

/// The first row of `sql` as an object, `None` when there is none.
pub(crate) fn first<P: Params>(
    conn: &Connection,
    sql: &str,
    params: P,
) -> rusqlite::Result<Option<Map<String, Value>>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    rows.next()?.map(object).transpose()
}

/// Replaces the JSON text in `map[key]` by the JSON it holds (left as text when it is not JSON).
pub(crate) fn parse_json_field(map: &mut Map<String, Value>, key: &str) {
    if let Some(Value::String(text)) = map.get(key) {
        if let Ok(parsed) = serde_json::from_str::<Value>(text) {
            map.insert(key.to_string(), parsed);
        }
    }
}
