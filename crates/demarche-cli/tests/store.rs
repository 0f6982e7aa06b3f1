//! The file sinks of `demarche code`: the SQLite event store (`--db`: counts, foreign keys,
//! full-text search, records equal to the JSONL lines, version checks, skip-by-hash,
//! `--replace`) and Parquet (`--format parquet`: read back with the `parquet` crate and, when
//! it is installed, pyarrow), each against the JSONL of the same input.
#![cfg(all(feature = "sqlite", feature = "parquet"))]

use rusqlite::Connection;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn demarche(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Input documents: events with dates, places and quotes, a document without events, metadata
/// naming an outlet, and one whose text is not valid UTF-8.
const CORPUS: &str = concat!(
    r#"{"id": "d1", "date": "2006-11-30", "source": "Reuters", "text": "North Korea condemned Japan on Tuesday. US envoy Christopher Hill held talks with North Korean officials in Beijing."}"#,
    "\n",
    r#"{"id": "d2", "text": "Nothing happened here at all. The weather was mild."}"#,
    "\n",
    r#"{"id": "d3", "date": "2020-03-01", "outlet": "AP", "text": "Russia condemned Ukraine. China met Japan in March."}"#,
    "\n",
);

fn write_corpus(dir: &Path, text: &str) -> String {
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, text).expect("write corpus");
    path.to_str().expect("path").to_string()
}

fn jsonl_lines(input: &str) -> Vec<String> {
    let out = demarche(&["code", input]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect()
}

fn count(db: &Connection, sql: &str) -> i64 {
    db.query_row(sql, [], |r| r.get(0)).expect(sql)
}

fn strings(db: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = db.prepare(sql).expect(sql);
    let rows = stmt.query_map([], |r| r.get(0)).expect(sql);
    rows.collect::<Result<_, _>>().expect(sql)
}

#[test]
fn the_store_holds_documents_sentences_events_actors_places_and_the_jsonl_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write_corpus(dir.path(), CORPUS);
    let path = dir.path().join("events.sqlite");
    let out = demarche(&["code", &input, "--db", path.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let jsonl = jsonl_lines(&input);
    assert!(jsonl.len() >= 3, "{jsonl:?}");
    let db = Connection::open(&path).expect("open");
    let records = strings(
        &db,
        "SELECT record FROM events ORDER BY document_id, ordinal",
    );
    assert_eq!(records, jsonl);
    let checks: &[(&str, i64)] = &[
        ("SELECT count(*) FROM documents", 3),
        ("SELECT count(*) FROM sentences", 6),
        ("SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.doc_id = 'd2'", 2),
        ("SELECT count(*) FROM events", jsonl.len() as i64),
        ("SELECT count(*) FROM actors WHERE role = 'source'", jsonl.len() as i64),
        ("SELECT count(*) FROM clusters", 0),
        ("SELECT count(*) FROM pragma_foreign_key_check", 0),
        ("SELECT count(*) FROM events WHERE root != substr(cameo, 1, 2)", 0),
        ("SELECT count(*) FROM meta WHERE key = 'schema_version' AND value = '1'", 1),
        ("SELECT count(*) FROM meta WHERE key IN ('demarche_version', 'created')", 2),
        ("SELECT count(*) FROM documents WHERE doc_id = 'd1' AND outlet = 'Reuters' AND date = '2006-11-30'", 1),
        ("SELECT count(*) FROM documents WHERE doc_id = 'd3' AND outlet = 'AP'", 1),
        ("SELECT count(*) FROM documents WHERE doc_id = 'd2' AND outlet IS NULL AND date IS NULL", 1),
        ("SELECT count(*) FROM documents WHERE length(content_hash) = 64", 3),
        ("SELECT count(*) FROM events WHERE cameo = '111' AND source_code = 'PRK' AND target_code = 'JPN' AND day = '2006-11-28'", 1),
        ("SELECT count(*) FROM actors WHERE code = 'PRK' AND country = 'PRK' AND agent IS NULL", 1),
        ("SELECT count(*) FROM events e JOIN places p ON p.id = e.place_id WHERE p.name = 'Beijing'", 1),
        ("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'weather'", 1),
        ("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'condemned'", 2),
    ];
    for (sql, expected) in checks {
        assert_eq!(count(&db, sql), *expected, "{sql}");
    }
    // Every span of an event and its actors points at its text in the stored document.
    let bytes = |start: &str, end: &str| {
        format!("CAST(substr(CAST(d.text AS BLOB), {start} + 1, {end} - {start}) AS TEXT)")
    };
    let spans = format!(
        "SELECT count(*) FROM events e JOIN documents d ON d.id = e.document_id \
         JOIN actors a ON a.event_id = e.id WHERE {} = e.evidence_text AND {} = a.text",
        bytes("e.evidence_start", "e.evidence_end"),
        bytes("a.start", "a.end")
    );
    assert_eq!(
        count(&db, &spans),
        count(&db, "SELECT count(*) FROM actors")
    );
    let text = strings(&db, "SELECT s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid WHERE sentences_fts MATCH 'weather'");
    assert_eq!(text, ["The weather was mild."]);
}

#[test]
fn a_rerun_skips_stored_documents_and_replace_recodes_changed_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write_corpus(dir.path(), CORPUS);
    let path = dir.path().join("events.sqlite");
    let db_arg = path.to_str().expect("path");
    assert_eq!(
        demarche(&["code", &input, "--db", db_arg]).status.code(),
        Some(0)
    );
    let again = demarche(&["code", &input, "--db", db_arg]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("3 skipped, already stored"),
        "{}",
        stderr(&again)
    );
    let events = count(
        &Connection::open(&path).expect("open"),
        "SELECT count(*) FROM events",
    );

    let changed = CORPUS.replace("The weather was mild.", "Iran condemned Israel.");
    let input = write_corpus(dir.path(), &changed);
    let rejected = demarche(&["code", &input, "--db", db_arg]);
    assert_eq!(rejected.status.code(), Some(1), "{}", stderr(&rejected));
    let err = stderr(&rejected);
    assert!(err.contains("d2") && err.contains("--replace"), "{err}");
    assert!(err.contains("2 skipped, already stored"), "{err}");
    let db = Connection::open(&path).expect("open");
    assert_eq!(count(&db, "SELECT count(*) FROM events"), events);

    let replaced = demarche(&["code", &input, "--db", db_arg, "--replace"]);
    assert_eq!(replaced.status.code(), Some(0), "{}", stderr(&replaced));
    let checks: &[(&str, i64)] = &[
        ("SELECT count(*) FROM documents", 3),
        ("SELECT count(*) FROM events", events + 1),
        ("SELECT count(*) FROM events e JOIN documents d ON d.id = e.document_id WHERE d.doc_id = 'd2' AND e.cameo = '111'", 1),
        ("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'weather'", 0),
        ("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'israel'", 1),
        ("SELECT count(*) FROM sentences", 6),
        ("SELECT count(*) FROM pragma_foreign_key_check", 0),
    ];
    for (sql, expected) in checks {
        assert_eq!(count(&db, sql), *expected, "{sql}");
    }
    // The store's records are those of coding the changed input from scratch.
    let records = strings(&db, "SELECT e.record FROM events e JOIN documents d ON d.id = e.document_id ORDER BY d.doc_id, e.ordinal");
    assert_eq!(records, jsonl_lines(&input));
}

#[test]
fn a_store_of_another_version_or_a_file_that_is_no_store_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write_corpus(dir.path(), CORPUS);
    let path = dir.path().join("old.sqlite");
    let db_arg = path.to_str().expect("path");
    assert_eq!(
        demarche(&["code", &input, "--db", db_arg]).status.code(),
        Some(0)
    );
    Connection::open(&path)
        .expect("open")
        .execute(
            "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
            [],
        )
        .expect("update");
    let not_text = dir.path().join("notes.txt");
    std::fs::write(
        &not_text,
        "just some text, long enough to be no database header at all\n".repeat(20),
    )
    .expect("write");
    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .expect("open")
        .execute("CREATE TABLE t (x)", [])
        .expect("create");
    let cases = [
        (
            db_arg,
            "schema version 2; this demarche reads and writes version 1",
        ),
        (
            not_text.to_str().expect("path"),
            "not a demarche event store (not an SQLite database)",
        ),
        (
            other.to_str().expect("path"),
            "not a demarche event store (it has no meta table)",
        ),
    ];
    for (file, message) in cases {
        let out = demarche(&["code", &input, "--db", file]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{file}: {}", stderr(&out));
    }
    let usage: &[&[&str]] = &[
        &["code", &input, "--format", "parquet"],
        &["code", &input, "--format", "sqlite"],
        &["code", &input, "--replace"],
        &["code", &input, "--db", db_arg, "--format", "csv"],
        &[
            "code", &input, "--format", "sqlite", "-o", db_arg, "--resume",
        ],
    ];
    for args in usage {
        let out = demarche(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

fn parquet_file(dir: &Path) -> (String, String, Vec<serde_json::Value>) {
    let input = write_corpus(dir, CORPUS);
    let path = dir.join("events.parquet");
    let path = path.to_str().expect("path").to_string();
    let out = demarche(&["code", &input, "--format", "parquet", "-o", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let events = jsonl_lines(&input)
        .iter()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    (input, path, events)
}

#[test]
fn parquet_reads_back_with_typed_columns_equal_to_the_jsonl() {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float32Type, Int32Type, Int64Type, Int8Type};
    use arrow_array::Array;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let dir = tempfile::tempdir().expect("tempdir");
    let (_, path, events) = parquet_file(dir.path());
    let file = std::fs::File::open(&path).expect("open");
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("a parquet file");
    assert_eq!(
        builder.metadata().num_row_groups(),
        1,
        "one chunk, one row group"
    );
    let schema = builder.schema().clone();
    let types: Vec<(String, String)> = [
        "doc",
        "sentence",
        "sentence_start",
        "date",
        "doc_date",
        "goldstein",
        "quad_class",
        "rules",
        "location_lat",
    ]
    .iter()
    .map(|n| {
        (
            n.to_string(),
            schema.field_with_name(n).expect(n).data_type().to_string(),
        )
    })
    .collect();
    let expected = [
        "Utf8",
        "Int32",
        "Int64",
        "Date32",
        "Date32",
        "Float32",
        "Int8",
        "List(Utf8)",
        "Float64",
    ];
    for ((name, got), want) in types.iter().zip(expected) {
        assert!(got.starts_with(want), "{name}: {got}");
    }
    let batches: Vec<_> = builder
        .build()
        .expect("reader")
        .collect::<Result<_, _>>()
        .expect("batches");
    assert_eq!(batches.len(), 1);
    let batch = &batches[0];
    assert_eq!(batch.num_rows(), events.len());
    let text = |name: &str, i: usize| {
        let c = batch.column_by_name(name).expect(name).as_string::<i32>();
        (!c.is_null(i)).then(|| c.value(i).to_string())
    };
    for (i, e) in events.iter().enumerate() {
        let s = |v: &serde_json::Value| v.as_str().map(str::to_string);
        assert_eq!(text("doc", i), s(&e["doc"]));
        assert_eq!(text("cameo", i), s(&e["cameo"]));
        assert_eq!(text("root", i), s(&e["cameo"]).map(|c| c[..2].to_string()));
        assert_eq!(text("source_code", i), s(&e["source"]["code"]));
        assert_eq!(text("target_text", i), s(&e["target"]["text"]));
        assert_eq!(text("date_text", i), s(&e["date"]));
        assert_eq!(text("location_name", i), s(&e["location"]["name"]));
        assert_eq!(text("meta", i).is_some(), e.get("meta").is_some());
        let int64 = |name: &str| {
            batch
                .column_by_name(name)
                .expect(name)
                .as_primitive::<Int64Type>()
                .value(i)
        };
        assert_eq!(
            int64("evidence_start"),
            e["evidence"]["span"][0].as_i64().expect("span")
        );
        assert_eq!(
            int64("sentence_end"),
            e["sentence_span"][1].as_i64().expect("span")
        );
        let sentence = batch
            .column_by_name("sentence")
            .expect("sentence")
            .as_primitive::<Int32Type>();
        assert_eq!(
            i64::from(sentence.value(i)),
            e["sentence"].as_i64().expect("sentence")
        );
        let quad = batch
            .column_by_name("quad_class")
            .expect("quad")
            .as_primitive::<Int8Type>();
        assert_eq!(
            i64::from(quad.value(i)),
            e["quad_class"].as_i64().expect("quad")
        );
        let goldstein = batch
            .column_by_name("goldstein")
            .expect("g")
            .as_primitive::<Float32Type>();
        assert_eq!(
            Some(f64::from(goldstein.value(i))),
            e["goldstein"].as_f64().map(|g| g as f32 as f64)
        );
        let date = batch
            .column_by_name("date")
            .expect("date")
            .as_primitive::<Date32Type>();
        let day =
            (e["date_precision"] == "day").then(|| chrono_days(e["date"].as_str().expect("date")));
        assert_eq!((!date.is_null(i)).then(|| date.value(i)), day, "{e}");
        let rules = batch
            .column_by_name("rules")
            .expect("rules")
            .as_list::<i32>()
            .value(i);
        let rules: Vec<&str> = rules.as_string::<i32>().iter().flatten().collect();
        let expected: Vec<&str> = e
            .get("rules")
            .and_then(|r| r.as_array())
            .map(|r| r.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(rules, expected);
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn chrono_days(date: &str) -> i32 {
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("a date");
    (day - chrono::NaiveDate::default()).num_days() as i32
}

#[test]
fn pyarrow_reads_the_parquet_file_without_options() {
    let available = Command::new("python3")
        .args(["-c", "import pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        println!("SKIPPED: pyarrow not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, path, events) = parquet_file(dir.path());
    let script = r#"
import sys, pyarrow.parquet as pq
t = pq.read_table(sys.argv[1])
types = {f.name: str(f.type) for f in t.schema}
print(t.num_rows, types["date"], types["sentence_start"], types["rules"], types["goldstein"])
d = t.to_pydict()
print(d["doc"][0], d["cameo"][0], d["source_code"][0], d["date"][0])
"#;
    let out = Command::new("python3")
        .args(["-c", script, &path])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let first = &events[0];
    let expected = format!(
        "{} date32[day] int64 list<item: string> float\n{} {} {} {}\n",
        events.len(),
        first["doc"].as_str().expect("doc"),
        first["cameo"].as_str().expect("cameo"),
        first["source"]["code"].as_str().expect("source"),
        first["date"].as_str().expect("date"),
    );
    assert_eq!(stdout, expected);
}
