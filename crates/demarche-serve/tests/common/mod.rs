//! The test fixture: an event store built the way the SQLite sink builds one — the DDL of
//! `docs/store-schema.sql`, then the events `demarche` codes from the seed article, the example
//! story and a short non-ASCII story, with each document's date and outlet, and clusters made by
//! grouping events with the same source, target and CAMEO root across documents.

#![allow(dead_code)]

use rusqlite::{params, Connection};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const SCHEMA: &str = include_str!("../../../../docs/store-schema.sql");

/// A story with non-ASCII text before and inside its spans.
pub const NON_ASCII: &str = "Séoul, 12 octobre — « Déjà vu », said the mayor. \
    North Korea’s Kim Jong-Il condemned Japan in Pyongyang on Tuesday. \
    Japan’s Prime Minister Shinzo Abe criticized North Korea in Tōkyō on Wednesday.";

/// (doc id, date, outlet, text) of the fixture's documents.
pub fn documents() -> Vec<(String, &'static str, &'static str, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |p: &str| std::fs::read_to_string(root.join(p)).expect("fixture text");
    // The seed article lives in `<repo>/../shared`; without it the example story stands in.
    let seed = std::fs::read_to_string(root.join("../shared/seed/six-party-talks-2006.txt"))
        .unwrap_or_else(|_| {
            eprintln!("NOTE: ../shared/seed absent; the fixture uses examples/ only");
            read("examples/example-story.txt")
        });
    vec![
        ("seed-2006".into(), "2006-10-09", "Seed Wire", seed.clone()),
        (
            "seed-2006-reprint".into(),
            "2006-10-17",
            "Other Daily",
            seed,
        ),
        (
            "example".into(),
            "2006-11-30",
            "Example Post",
            read("examples/example-story.txt"),
        ),
        (
            "non-ascii".into(),
            "2006-10-12",
            "Le Monde Test",
            NON_ASCII.into(),
        ),
    ]
}

/// Builds the store at `dir/events.sqlite` and returns its path.
pub fn build(dir: &Path) -> PathBuf {
    let path = dir.join("events.sqlite");
    let mut conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA).unwrap();
    conn.execute_batch(
        "INSERT INTO meta VALUES ('schema_version', '1'), ('demarche_version', '0.1.0'), \
         ('created', '2026-12-01T00:00:00Z');",
    )
    .unwrap();
    let coder = demarche::Coder::bundled();
    let tx = conn.transaction().unwrap();
    for (id, date, outlet, text) in documents() {
        let doc = demarche::Document::new(
            id.as_str(),
            demarche::ingest::parse_date(date),
            text.as_bytes(),
        );
        let events: Vec<Value> = coder
            .code(&doc)
            .events
            .iter()
            .map(|e| serde_json::to_value(e).unwrap())
            .collect();
        insert_document(&tx, &id, date, outlet, &text, &events);
    }
    cluster(&tx);
    tx.commit().unwrap();
    path
}

fn insert_document(
    conn: &Connection,
    id: &str,
    date: &str,
    outlet: &str,
    text: &str,
    events: &[Value],
) {
    conn.execute(
        "INSERT INTO documents (doc_id, date, outlet, metadata, text, content_hash, coded_at) \
         VALUES (?1, ?2, ?3, '{}', ?4, 'hash', '2026-12-01T00:00:00Z')",
        params![id, date, outlet, text],
    )
    .unwrap();
    let doc = conn.last_insert_rowid();
    let mut sentences: HashMap<u64, i64> = HashMap::new();
    for (ordinal, e) in events.iter().enumerate() {
        let idx = e["sentence"].as_u64().unwrap();
        let sid = *sentences
            .entry(idx)
            .or_insert_with(|| insert_sentence(conn, doc, text, e));
        insert_event(conn, doc, sid, ordinal, e);
    }
}

fn insert_sentence(conn: &Connection, doc: i64, text: &str, e: &Value) -> i64 {
    let (start, end) = span(&e["sentence_span"]);
    conn.execute(
        "INSERT INTO sentences (document_id, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            doc,
            e["sentence"].as_i64(),
            start,
            end,
            &text[start as usize..end as usize]
        ],
    )
    .unwrap();
    conn.last_insert_rowid()
}

fn span(v: &Value) -> (i64, i64) {
    (v[0].as_i64().unwrap(), v[1].as_i64().unwrap())
}

fn insert_place(conn: &Connection, doc: i64, loc: &Value) -> Option<i64> {
    if loc.is_null() {
        return None;
    }
    let (start, end) = span(&loc["span"]);
    conn.execute(
        "INSERT INTO places (document_id, name, country, admin1, lat, lon, feature_type, precision, geonameid, start, end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![doc, s(&loc["name"]), s(&loc["country"]), s(&loc["admin1"]), loc["lat"].as_f64(), loc["lon"].as_f64(),
            s(&loc["feature_type"]), s(&loc["precision"]), loc["geonameid"].as_i64(), start, end],
    )
    .unwrap();
    Some(conn.last_insert_rowid())
}

fn s(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn insert_event(conn: &Connection, doc: i64, sid: i64, ordinal: usize, e: &Value) {
    let place = insert_place(conn, doc, &e["location"]);
    let (es, ee) = span(&e["evidence"]["span"]);
    let cameo = e["cameo"].as_str().unwrap();
    let date = s(&e["date"]);
    let day = date.as_ref().map(|d| match d.len() {
        4 => format!("{d}-01-01"),
        7 => format!("{d}-01"),
        _ => d.clone(),
    });
    conn.execute(
        "INSERT INTO events (document_id, sentence_id, ordinal, date, date_precision, day, cameo, root, \
         event_name, goldstein, quad_class, plover, plover_mode, plover_context, source_code, target_code, \
         evidence_text, evidence_start, evidence_end, evidence_entry, evidence_pattern, place_id, rules, record) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
        params![doc, sid, ordinal as i64, date, s(&e["date_precision"]), day, cameo, &cameo[..2],
            s(&e["event_name"]), e["goldstein"].as_f64(), e["quad_class"].as_i64(), s(&e["plover"]),
            s(&e["plover_mode"]), s(&e["plover_context"]), s(&e["source"]["code"]), s(&e["target"]["code"]),
            s(&e["evidence"]["text"]), es, ee, s(&e["evidence"]["entry"]), s(&e["evidence"]["pattern"]),
            place, e.get("rules").map_or("[]".to_string(), |r| r.to_string()), e.to_string()],
    )
    .unwrap();
    let event = conn.last_insert_rowid();
    for role in ["source", "target"] {
        insert_actor(conn, event, role, &e[role]);
    }
}

fn insert_actor(conn: &Connection, event: i64, role: &str, a: &Value) {
    let Some(code) = a["code"].as_str() else {
        return;
    };
    let (start, end) = span(&a["span"]);
    let country: String = code.chars().take(3).collect();
    let agent = (code.len() > 3).then(|| code[3..].to_string());
    conn.execute(
        "INSERT INTO actors (event_id, role, code, country, agent, text, start, end, entry, via) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            event,
            role,
            code,
            country,
            agent,
            s(&a["text"]),
            start,
            end,
            s(&a["entry"]),
            s(&a["via"])
        ],
    )
    .unwrap();
}

/// Groups events with the same source, target and root into clusters (at least two documents).
fn cluster(conn: &Connection) {
    conn.execute_batch(
        "INSERT INTO clusters (canonical_event_id, cameo, root, source_code, target_code, first_date, last_date, mentions, documents, outlets)
         SELECT min(e.id), min(e.cameo), e.root, e.source_code, e.target_code,
                min(e.day), max(e.day), count(*), count(DISTINCT e.document_id), count(DISTINCT d.outlet)
         FROM events e JOIN documents d ON d.id = e.document_id
         WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL
         GROUP BY e.source_code, e.target_code, e.root HAVING count(DISTINCT e.document_id) > 1;
         UPDATE events SET cluster_id = (SELECT c.id FROM clusters c WHERE c.source_code = events.source_code
             AND c.target_code = events.target_code AND c.root = events.root);
         UPDATE clusters SET cameo = (SELECT cameo FROM events WHERE id = canonical_event_id);",
    )
    .unwrap();
}
