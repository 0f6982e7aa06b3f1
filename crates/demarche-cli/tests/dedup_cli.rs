//! `demarche dedup` over a JSONL events file and over a SQLite event store.

use std::path::Path;
use std::process::{Command, Output};

fn demarche(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .output()
        .expect("run demarche")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const DOCS: &str = r#"{"id":"a","date":"2024-03-05","text":"Russia expelled two American diplomats on Monday.","source":"Wire"}
{"id":"b","date":"2024-03-05","text":"Two U.S. diplomats were expelled by Russia, officials said.","outlet":"Post"}
{"id":"c","date":"2024-03-05","text":"Japan pledged emergency aid to the Philippines.","publisher":"Wire"}
{"id":"d","date":"2024-03-09","text":"Russia expelled two more American diplomats.","domain":"post.example"}
"#;

/// Codes DOCS into `dir/events.jsonl`.
fn coded_events(dir: &Path) -> std::path::PathBuf {
    let docs = dir.join("docs.jsonl");
    std::fs::write(&docs, DOCS).unwrap();
    let events = dir.join("events.jsonl");
    let out = demarche(&[
        "code",
        "-q",
        docs.to_str().unwrap(),
        "-o",
        events.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    events
}

fn lines(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `(doc, cameo, cluster id, canonical, mentions, documents, outlets)` of each 16x event.
fn clusters(events: &[serde_json::Value]) -> Vec<(String, u64, bool, u64, u64, u64)> {
    events
        .iter()
        .filter(|e| e["cameo"].as_str().unwrap().starts_with("16"))
        .map(|e| {
            let c = &e["cluster"];
            (
                e["doc"].as_str().unwrap().to_string(),
                c["id"].as_u64().unwrap(),
                c["canonical"].as_bool().unwrap(),
                c["mentions"].as_u64().unwrap(),
                c["documents"].as_u64().unwrap(),
                c["outlets"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn jsonl_gets_cluster_fields_in_order_and_a_rerun_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let events = coded_events(dir.path());
    let out_path = dir.path().join("clustered.jsonl");
    let out = demarche(&[
        "dedup",
        events.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let input = lines(&events);
    let output = lines(&out_path);
    assert_eq!(input.len(), output.len());
    for (a, b) in input.iter().zip(&output) {
        let mut b = b.clone();
        b.as_object_mut().unwrap().remove("cluster");
        assert_eq!(*a, b, "every other field is kept");
    }
    let got = clusters(&output);
    let id = got[0].1;
    assert_eq!(got[0], ("a".into(), id, true, 2, 2, 2), "{got:?}");
    assert_eq!(got[1], ("b".into(), id, false, 2, 2, 2), "{got:?}");
    assert!(
        got[2].0 == "d" && got[2].1 != id && got[2].2,
        "four days later: {got:?}"
    );
    let again = dir.path().join("again.jsonl");
    let out = demarche(&[
        "dedup",
        out_path.to_str().unwrap(),
        "-o",
        again.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&out_path).unwrap()
    );
}

#[test]
fn bad_lines_are_kept_and_reported_and_bad_usage_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let events = coded_events(dir.path());
    let mut text = std::fs::read_to_string(&events).unwrap();
    let bad_line = format!(":{}: not an event record", text.lines().count() + 1);
    text.push_str("not json\n{\"doc\":\"x\"}\n");
    std::fs::write(&events, &text).unwrap();
    let out = demarche(&["dedup", events.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let written: Vec<&str> = stdout.lines().collect();
    assert_eq!(written.len(), text.lines().count(), "no line lost");
    assert_eq!(written[written.len() - 2], "not json");
    assert!(stderr(&out).contains(&bad_line), "{}", stderr(&out));
    let docs = dir.path().join("docs-out.jsonl");
    std::fs::write(&docs, "{\"doc\":\"a\",\"events\":[],\"sentences\":1}\n").unwrap();
    for (args, want) in [
        (vec!["dedup", docs.to_str().unwrap()], "jsonl-docs"),
        (vec!["dedup", "-"], "not stdin"),
        (vec!["dedup", "/no/such/file.jsonl"], "/no/such/file.jsonl"),
        (
            vec!["dedup", events.to_str().unwrap(), "--level", "leaf"],
            "leaf",
        ),
        (
            vec!["dedup", events.to_str().unwrap(), "--min-similarity", "2"],
            "between 0 and 1",
        ),
        (
            vec![
                "dedup",
                events.to_str().unwrap(),
                "-o",
                events.to_str().unwrap(),
            ],
            "is the input",
        ),
    ] {
        let out = demarche(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(want), "{args:?}: {}", stderr(&out));
    }
}

const SCHEMA: &str = include_str!("../../../docs/store-schema.sql");

/// A store with the contract's schema and the events of DOCS, as the SQLite sink would write.
fn store(dir: &Path, version: &str) -> std::path::PathBuf {
    let path = dir.join("events.sqlite");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA).unwrap();
    conn.execute("INSERT INTO meta VALUES ('schema_version', ?1)", [version])
        .unwrap();
    let events = lines(&coded_events(dir));
    for (n, doc) in DOCS.lines().enumerate() {
        let doc: serde_json::Value = serde_json::from_str(doc).unwrap();
        let outlet = ["source", "outlet", "publisher", "media", "domain"]
            .iter()
            .find_map(|k| doc[*k].as_str());
        conn.execute(
            "INSERT INTO documents (id, doc_id, date, outlet, text, content_hash, coded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'x', 'now')",
            rusqlite::params![
                n as i64 + 1,
                doc["id"].as_str(),
                doc["date"].as_str(),
                outlet,
                doc["text"].as_str()
            ],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO sentences (id, document_id, idx, start, end, text) VALUES (?1, ?1, 0, 0, 1, 's')",
            [n as i64 + 1],
        )
        .unwrap();
    }
    for (n, e) in events.iter().enumerate() {
        let doc = DOCS
            .lines()
            .position(|l| l.contains(&format!("\"id\":{}", e["doc"])))
            .unwrap() as i64
            + 1;
        conn.execute(
            "INSERT INTO events (document_id, sentence_id, ordinal, date, cameo, root, event_name,
                                 quad_class, source_code, target_code, evidence_text, evidence_start,
                                 evidence_end, evidence_entry, evidence_pattern, record)
             VALUES (?1, ?1, ?2, ?3, ?4, substr(?4, 1, 2), '', 1, ?5, ?6, ?7, 0, 1, '', ?8, '{}')",
            rusqlite::params![
                doc,
                n as i64,
                e["date"].as_str(),
                e["cameo"].as_str(),
                e["source"]["code"].as_str(),
                e["target"]["code"].as_str(),
                e["evidence"]["text"].as_str(),
                e["evidence"]["pattern"].as_str()
            ],
        )
        .unwrap();
    }
    path
}

/// `(event id, cluster id)` and each cluster's `(id, canonical, mentions, documents, outlets)`.
type StoreClusters = (Vec<(i64, Option<i64>)>, Vec<(i64, i64, i64, i64, i64)>);

fn read_store(path: &Path) -> StoreClusters {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut s = conn
        .prepare("SELECT id, cluster_id FROM events ORDER BY id")
        .unwrap();
    let events = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut s = conn
        .prepare(
            "SELECT id, canonical_event_id, mentions, documents, outlets FROM clusters ORDER BY id",
        )
        .unwrap();
    let clusters = s
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (events, clusters)
}

#[test]
fn store_clusters_are_filled_in_place_and_recomputed_identically() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path(), "1");
    let out = demarche(&["dedup", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("cluster(s)"), "{}", stderr(&out));
    let (events, clusters) = read_store(&db);
    assert!(events.iter().all(|(_, c)| c.is_some()), "{events:?}");
    let merged: Vec<_> = clusters.iter().filter(|c| c.2 > 1).collect();
    assert_eq!(merged.len(), 1, "{clusters:?}");
    assert_eq!((merged[0].2, merged[0].3, merged[0].4), (2, 2, 2));
    let canonical = merged[0].1;
    assert_eq!(
        events.iter().find(|e| e.0 == canonical).unwrap().1,
        Some(merged[0].0)
    );
    let out = demarche(&["dedup", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        read_store(&db),
        (events, clusters),
        "a rerun gives the same clusters"
    );
}

#[test]
fn store_of_another_schema_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path(), "7");
    let out = demarche(&["dedup", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("schema version 7"),
        "{}",
        stderr(&out)
    );
    assert!(read_store(&db).1.is_empty());
    let out = demarche(&["dedup", db.to_str().unwrap(), "-o", "x.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("in place"), "{}", stderr(&out));
}

#[test]
fn code_into_a_store_clusters_at_the_end_unless_told_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs.jsonl");
    std::fs::write(&docs, DOCS).unwrap();
    let count = |db: &Path, sql: &str| -> i64 {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    };
    let plain = dir.path().join("plain.sqlite");
    let out = demarche(&[
        "code",
        docs.to_str().unwrap(),
        "--db",
        plain.to_str().unwrap(),
        "--no-dedup",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&plain, "SELECT count(*) FROM clusters"), 0);
    let db = dir.path().join("events.sqlite");
    let out = demarche(&["code", docs.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("dedup:"), "{}", stderr(&out));
    assert_eq!(
        count(&db, "SELECT count(*) FROM events WHERE cluster_id IS NULL"),
        0
    );
    assert_eq!(count(&db, "SELECT max(mentions) FROM clusters"), 2);
    assert_eq!(
        count(&db, "SELECT outlets FROM clusters WHERE mentions = 2"),
        2
    );
    // `dedup` over the store written without clusters gives the same clusters.
    let out = demarche(&["dedup", plain.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let q = "SELECT group_concat(mentions || ':' || documents || ':' || outlets, ' ') FROM (SELECT * FROM clusters ORDER BY id)";
    let conn = |p: &Path| rusqlite::Connection::open(p).unwrap();
    let summary = |p: &Path| -> String { conn(p).query_row(q, [], |r| r.get(0)).unwrap() };
    assert_eq!(summary(&plain), summary(&db));
}
