//! End-to-end tests of the `demarche` binary: inputs, outputs, bad input, exit codes.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn demarche(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    if let Some(input) = stdin {
        let written = child.stdin.take().expect("stdin").write_all(input);
        // A child that exits before reading its input (a usage error) closes the pipe.
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("binary finishes")
}

fn events(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

const STORY: &str =
    "US envoy Christopher Hill held talks with North Korean officials in Beijing on Tuesday.";

#[test]
fn stdin_text_with_date() {
    let out = demarche(
        &["code", "-", "--date", "2006-11-30"],
        Some(STORY.as_bytes()),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ev = events(&out);
    assert!(!ev.is_empty());
    assert_eq!(ev[0]["doc"], "stdin");
    assert_eq!(ev[0]["doc_date"], "2006-11-30");
    assert_eq!(ev[0]["source"]["code"], "USAGOV");
    let span = &ev[0]["sentence_span"];
    assert_eq!(span[0], 0);
    assert_eq!(span[1].as_u64(), Some(STORY.len() as u64));
}

#[test]
fn jsonl_batch_with_corrupt_lines_reports_exactly_those() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("batch.jsonl");
    let mut f = std::fs::File::create(&path).expect("create");
    let mut corrupt = Vec::new();
    for i in 1..=10_000 {
        if i % 100 == 0 {
            corrupt.push(i);
            writeln!(f, "{{\"id\": \"d{i}\", \"text\": \"broken").expect("write");
        } else {
            writeln!(f, "{}", serde_json::json!({"id": format!("d{i}"), "date": "2006-11-30", "text": STORY, "source": "wire"})).expect("write");
        }
    }
    drop(f);
    let out = demarche(&["code", path.to_str().expect("utf8 path")], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rejected: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("demarche: rejected"))
        .collect();
    assert_eq!(rejected.len(), 100);
    for (line, n) in rejected.iter().zip(&corrupt) {
        assert!(line.contains(&format!("batch.jsonl:{n}:")), "{line}");
    }
    assert!(
        stderr.contains("10000 document(s) read, 9900 coded, 100 rejected"),
        "{stderr}"
    );
    let ev = events(&out);
    let docs: std::collections::HashSet<_> = ev
        .iter()
        .map(|e| e["doc"].as_str().expect("doc").to_string())
        .collect();
    assert_eq!(docs.len(), 9900);
}

#[test]
fn csv_in_csv_out_with_custom_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("news.csv");
    std::fs::write(
        &path,
        format!("story_id,published,body\na1,2006-11-30,\"{STORY}\"\na2,not-a-date,\"{STORY}\"\n"),
    )
    .expect("write");
    let out = demarche(
        &[
            "code",
            path.to_str().expect("path"),
            "--format",
            "csv",
            "--id-field",
            "story_id",
            "--date-field",
            "published",
            "--text-field",
            "body",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut lines = stdout.lines();
    assert!(lines
        .next()
        .expect("header")
        .starts_with("doc,sentence,sentence_start"));
    assert!(lines.next().expect("row").starts_with("a1,0,0,"));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("news.csv:3: unreadable date in field 'published': 'not-a-date' is not a date"));
}

#[test]
fn directory_input_is_recursive_and_ids_are_file_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("a.txt"), STORY).expect("write");
    std::fs::write(dir.path().join("sub/b.txt"), STORY).expect("write");
    std::fs::write(dir.path().join("skip.md"), STORY).expect("write");
    std::fs::write(dir.path().join("empty.txt"), "  \n").expect("write");
    let out = demarche(&["code", dir.path().to_str().expect("path")], None);
    assert_eq!(out.status.code(), Some(1), "the empty document is rejected");
    let docs: std::collections::BTreeSet<String> = events(&out)
        .iter()
        .map(|e| e["doc"].as_str().expect("doc").to_string())
        .collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["a.txt", "sub/b.txt"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty document"));
}

#[test]
fn invalid_utf8_is_repaired_and_spans_index_original_bytes() {
    let mut raw = b"\xff\xfe ".to_vec();
    raw.extend_from_slice("\u{201C}Fine,\u{201D} he said. ".as_bytes());
    let start = raw.len();
    raw.extend_from_slice(STORY.as_bytes());
    let out = demarche(&["code", "-"], Some(&raw));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid UTF-8"));
    let ev = events(&out);
    let e = ev
        .iter()
        .find(|e| e["source"]["code"] == "USAGOV")
        .expect("event");
    let span = &e["source"]["span"];
    let (a, b) = (
        span[0].as_u64().expect("start") as usize,
        span[1].as_u64().expect("end") as usize,
    );
    assert!(a >= start);
    assert_eq!(
        &raw[a..b],
        b"US envoy Christopher Hill"
            .as_slice()
            .get(..b - a)
            .expect("prefix")
    );
    assert!(e["date"].is_null(), "no date given: events carry null");
}

#[test]
fn very_long_line_and_odd_input_do_not_panic() {
    let mut text = String::new();
    for _ in 0..20_000 {
        text.push_str("Russia and China ");
    }
    text.push_str("met. ((( \"\"\" ... -- ;;; 's n't U.S. .");
    let out = demarche(&["code", "-"], Some(text.as_bytes()));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Many verbs and actors in one line without a sentence boundary: sentences are capped, so
    // this stays linear and codes events all along the line.
    let runaway = "Russia met China and Iran said Japan attacked Korea ".repeat(6000);
    let out = demarche(&["code", "-"], Some(runaway.as_bytes()));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(events(&out).len() > 1000);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(demarche(&["code"], None).status.code(), Some(2));
    assert_eq!(
        demarche(&["code", "-", "--date", "yesterday"], Some(b"x"))
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        demarche(&["code", "-", "--format", "xml"], Some(b"x"))
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn explain_shows_tokens_entries_and_decisions() {
    let out = demarche(
        &[
            "explain",
            "Hill held several meetings with Kim Kye-gwan in Beijing.",
            "--date",
            "2006-11-30",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("tokens:") && s.contains("held/VBD(hold)"), "{s}");
    assert!(s.contains("clause"), "{s}");
    assert!(s.contains("decision"), "{s}");
    assert!(s.contains("actors/persons.txt:"), "{s}");
}

#[test]
fn broken_pipe_is_quiet_success() {
    let big: String = std::iter::repeat_n(format!("{STORY}\n\n"), 5000).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, big).expect("write");
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(["code", path.to_str().expect("path")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("finish");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("error"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn seed_like_first_line_is_harmless() {
    let out = demarche(
        &["code", "-", "--date", "2006-11-30"],
        Some(format!(",\n{STORY}").as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(events(&out).iter().all(|e| e["sentence"] == 1));
    let _ = Path::new(".");
}

#[test]
fn code_accepts_tabari_dictionaries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).expect("write");
        p.to_string_lossy().into_owned()
    };
    let actors = write("t.actors", "ARNOR [ARN]\nGONDOR [GON]\n");
    let agents = write("t.agents", "GOVERNMENT_ [~GOV]\n");
    let verbs = write("t.verbs", "ACCUSE [112]\nMEET [040]\n- * WITH [040]\n");
    let out = demarche(
        &[
            "code", "-", "--dict", &actors, "--dict", &agents, "--dict", &verbs,
        ],
        Some(b"The Arnor government accused Gondor. Arnor met Gondor."),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ev = events(&out);
    let triples: Vec<(String, String, String)> = ev
        .iter()
        .map(|e| {
            (
                e["source"]["code"].as_str().unwrap_or("").into(),
                e["target"]["code"].as_str().unwrap_or("").into(),
                e["cameo"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert!(
        triples.contains(&("ARNGOV".into(), "GON".into(), "112".into())),
        "{triples:?}"
    );
    assert!(
        triples.contains(&("ARN".into(), "GON".into(), "040".into())),
        "{triples:?}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("converted 3 TABARI/PETRARCH file(s)"));
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn doc_ids(out: &Output) -> Vec<String> {
    let mut ids: Vec<String> = events(out)
        .iter()
        .map(|e| e["doc"].as_str().expect("doc").to_string())
        .collect();
    ids.dedup();
    ids
}

#[test]
fn missing_path_next_to_a_good_file_is_one_rejection_with_the_reason_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, STORY).expect("write");
    let out = demarche(
        &["code", "/no/such/file.txt", good.to_str().expect("path")],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc_ids(&out), ["good.txt"]);
    let err = stderr(&out);
    assert!(
        err.contains("rejected /no/such/file.txt: cannot open:"),
        "{err}"
    );
    assert_eq!(err.matches("(os error 2)").count(), 1, "{err}");
}

#[test]
fn short_and_timestamp_dates_are_accepted_and_bad_ones_rejected_per_record() {
    let out = demarche(
        &["code", "-", "--date", "2024-5-15"],
        Some(STORY.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(events(&out)[0]["doc_date"], "2024-05-15");
    let out = demarche(&["code", "-", "--date", "2024-5"], Some(STORY.as_bytes()));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("'2024-5' is not a date"),
        "{}",
        stderr(&out)
    );
    let dates = [
        "2024-5-15",
        "20240515",
        "2024-05-15T10:00:00Z",
        "2024-5",
        "15/05/2024",
    ];
    let lines: String = dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("d{i}"), "date": d, "text": STORY})
            )
        })
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dates.jsonl");
    std::fs::write(&path, lines).expect("write");
    let out = demarche(&["code", path.to_str().expect("path")], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc_ids(&out), ["d0", "d1", "d2"]);
    assert!(events(&out).iter().all(|e| e["doc_date"] == "2024-05-15"));
    let err = stderr(&out);
    assert!(
        err.contains("dates.jsonl:4: unreadable date in field 'date': '2024-5' is not a date"),
        "{err}"
    );
    assert!(err.contains("dates.jsonl:5: unreadable date"), "{err}");
}

#[test]
fn jsonl_bom_invalid_utf8_wrong_types_and_metadata() {
    let mut raw = b"\xEF\xBB\xBF".to_vec();
    raw.extend_from_slice(b"{\"id\": \"bad-bytes\", \"text\": \"\xff\xfe ");
    let start = 3 + b"{\"id\": \"bad-bytes\", \"text\": \"".len();
    raw.extend_from_slice(STORY.as_bytes());
    raw.extend_from_slice(b"\", \"source\": \"wire\", \"n\": 3}\n");
    for line in [
        r#"{"id": 42, "text": "Russia condemned Ukraine."}"#,
        r#"{"id": null, "text": "Russia condemned Ukraine."}"#,
        r#"{"id": ["x"], "text": "Russia condemned Ukraine."}"#,
        r#"{"id": {"a": 1}, "text": "Russia condemned Ukraine."}"#,
        r#"{"id": "num-date", "date": 20240515, "text": "Russia condemned Ukraine."}"#,
    ] {
        raw.extend_from_slice(line.as_bytes());
        raw.push(b'\n');
    }
    let out = demarche(&["code", "-", "--input-format", "jsonl"], Some(&raw));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc_ids(&out), ["bad-bytes", "42"]);
    let err = stderr(&out);
    for (line, found) in [(3, "null"), (4, "an array"), (5, "an object")] {
        assert!(
            err.contains(&format!("stdin:{line}: wrong type: field 'id' is {found}")),
            "{err}"
        );
    }
    assert!(
        err.contains("stdin:6: wrong type: field 'date' is a number"),
        "{err}"
    );
    let ev = events(&out);
    let e = ev
        .iter()
        .find(|e| e["source"]["code"] == "USAGOV")
        .expect("event");
    assert_eq!(e["meta"], serde_json::json!({"n": 3, "source": "wire"}));
    // Spans index the text field's original bytes: two invalid bytes, a space, the story.
    let text = &raw[start..];
    let (a, b) = (
        e["source"]["span"][0].as_u64().expect("a") as usize,
        e["source"]["span"][1].as_u64().expect("b") as usize,
    );
    assert_eq!(&text[a..b], b"US envoy Christopher Hill");
    assert!(ev
        .iter()
        .filter(|e| e["doc"] == "42")
        .all(|e| e.get("meta").is_none()));
    let csv = demarche(
        &["code", "-", "--input-format", "jsonl", "--format", "csv"],
        Some(&raw),
    );
    let csv = String::from_utf8_lossy(&csv.stdout).into_owned();
    let header = csv.lines().next().expect("header");
    assert!(header.ends_with(",rules,meta_n,meta_source"), "{header}");
    assert!(
        csv.lines().nth(1).expect("row").ends_with(",3,wire"),
        "{csv}"
    );
    let docs = demarche(
        &[
            "code",
            "-",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl-docs",
        ],
        Some(&raw),
    );
    let first = events(&docs).remove(0);
    assert_eq!(first["meta"]["source"], "wire");
}

#[test]
fn csv_unterminated_quote_is_reported_by_line_and_the_next_rows_are_coded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("news.csv");
    let rows = format!("id,text\na1,\"{STORY}\"\na2,\"{STORY}\na3,\"{STORY}\"\na4,{STORY}\n");
    std::fs::write(&path, rows).expect("write");
    let out = demarche(&["code", path.to_str().expect("path")], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc_ids(&out), ["a1", "a3", "a4"]);
    assert!(
        stderr(&out).contains("news.csv:3: unterminated quote"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_and_each_file_coded_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("sub/a.txt"), STORY).expect("write");
    std::os::unix::fs::symlink("..", dir.path().join("sub/loop")).expect("symlink");
    let out = demarche(&["code", dir.path().to_str().expect("path")], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(doc_ids(&out), ["sub/a.txt"]);
    let err = stderr(&out);
    assert!(err.contains("sub/loop: symlink loop"), "{err}");
}

/// A corpus of `n` JSONL documents, some with no events.
fn corpus(dir: &Path, n: usize) -> std::path::PathBuf {
    let path = dir.join("corpus.jsonl");
    let texts = [
        STORY,
        "Nothing happened here at all.",
        "Russia condemned Ukraine. China met Japan.",
    ];
    let lines: String = (0..n)
        .map(|i| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("d{i}"), "text": texts[i % 3]})
            )
        })
        .collect();
    std::fs::write(&path, lines).expect("write corpus");
    path
}

/// Runs `demarche code` on 9,000 documents uninterrupted (`reference_args`), then runs `args`
/// again and again, each run sent SIGTERM or SIGKILL at a random moment inside the time the
/// uninterrupted run took, until one finishes; `reset` starts over when a run finished before
/// its signal. Returns the number of runs cut short (at least one), the last one finished.
fn kill_until_done(reference_args: &[&str], args: &[&str], reset: impl Fn()) -> usize {
    let started = std::time::Instant::now();
    let out = demarche(reference_args, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Kill somewhere inside the time an uninterrupted run takes on this
    // machine, so a fast machine is interrupted as surely as a slow one.
    let window_ms = (started.elapsed().as_millis() as u64 * 3 / 4).max(4);
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.subsec_nanos() as u64)
        | 1;
    let mut kills = 0;
    for round in 0..40 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(1 + seed % window_ms));
        let term = round % 2 == 0;
        if term {
            let _ = Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .status();
        } else {
            let _ = child.kill();
        }
        let out = child.wait_with_output().expect("wait");
        match out.status.code() {
            Some(0) if kills > 0 => break,
            // Finished before the signal: start over until a run is really cut short.
            Some(0) => reset(),
            Some(143) => {
                kills += 1;
                assert!(
                    stderr(&out).contains("interrupted by SIGTERM"),
                    "{}",
                    stderr(&out)
                );
            }
            None => kills += 1,
            other => panic!("exit {other:?}: {}", stderr(&out)),
        }
    }
    let out = demarche(args, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(kills > 0, "the run was never interrupted");
    kills
}

#[test]
fn a_killed_batch_resumes_with_nothing_lost_and_nothing_doubled() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 9000);
    let input = input.to_str().expect("path");
    let reference = dir.path().join("reference.jsonl");
    let reference_args = [
        "code",
        input,
        "-j",
        "2",
        "-o",
        reference.to_str().expect("path"),
    ];
    let output = dir.path().join("out.jsonl");
    let progress = dir.path().join("out.jsonl.done");
    let args = [
        "code",
        input,
        "-j",
        "2",
        "--resume",
        "-o",
        output.to_str().expect("path"),
    ];
    let kills = kill_until_done(&reference_args, &args, || {
        let _ = std::fs::remove_file(&output);
        let _ = std::fs::remove_file(&progress);
    });
    let expected = std::fs::read(&reference).expect("reference");
    let resumed = std::fs::read(&output).expect("output");
    assert!(
        resumed == expected,
        "resumed output differs from an uninterrupted run after {kills} kills"
    );
}

/// What a store holds, in a form to compare: every document (id, hash, sentences) and every
/// event's record, in input order.
#[cfg(feature = "sqlite")]
fn store_content(path: &Path) -> (Vec<(String, String, i64)>, Vec<String>) {
    let db = rusqlite::Connection::open(path).expect("open store");
    let mut docs = db
        .prepare(
            "SELECT doc_id, content_hash, (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) \
             FROM documents d ORDER BY d.id",
        )
        .expect("query");
    let docs = docs
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rows")
        .collect::<Result<Vec<_>, _>>()
        .expect("documents");
    let mut events = db
        .prepare("SELECT e.record FROM events e JOIN documents d ON d.id = e.document_id ORDER BY d.id, e.ordinal")
        .expect("query");
    let events = events
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<Vec<_>, _>>()
        .expect("events");
    (docs, events)
}

#[test]
#[cfg(feature = "sqlite")]
fn a_killed_store_batch_resumes_with_nothing_lost_and_nothing_doubled() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = corpus(dir.path(), 9000);
    let input = input.to_str().expect("path");
    let reference = dir.path().join("reference.sqlite");
    let reference_args = [
        "code",
        input,
        "-j",
        "2",
        "--db",
        reference.to_str().expect("path"),
    ];
    let db = dir.path().join("out.sqlite");
    let args = ["code", input, "-j", "2", "--db", db.to_str().expect("path")];
    let kills = kill_until_done(&reference_args, &args, || {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    });
    let (docs, events) = store_content(&db);
    let (expected_docs, expected_events) = store_content(&reference);
    assert_eq!(docs.len(), 9000);
    assert!(
        docs == expected_docs,
        "documents differ after {kills} kills"
    );
    assert_eq!(events.len(), expected_events.len(), "after {kills} kills");
    assert!(
        events == expected_events,
        "events differ after {kills} kills"
    );
    let jsonl: Vec<String> = demarche(&["code", input, "-j", "2"], None)
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect();
    assert!(
        events == jsonl,
        "the stored records are not the JSONL lines"
    );
}

#[test]
fn resume_needs_a_progress_file_for_an_existing_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = dir.path().join("out.jsonl");
    std::fs::write(&output, "{}\n").expect("write");
    let out = demarche(
        &[
            "code",
            "-",
            "--resume",
            "-o",
            output.to_str().expect("path"),
        ],
        Some(STORY.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot resume"), "{}", stderr(&out));
}

#[test]
fn untargeted_statements_are_written_only_on_request() {
    let text = b"Japanese officials said on Tuesday that the talks went well.";
    let codes = |args: &[&str]| -> Vec<String> {
        let out = demarche(args, Some(text));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        events(&out)
            .iter()
            .map(|e| e["cameo"].to_string())
            .collect()
    };
    assert_eq!(codes(&["code", "-", "-q"]), Vec::<String>::new());
    let kept = codes(&["code", "-", "-q", "--untargeted-statements"]);
    assert_eq!(kept, vec!["\"010\"".to_string()]);
}

#[test]
fn home_country_comes_from_the_record_then_the_run() {
    // A document that names no country: "the Government" takes the record's `country`, else
    // the run's --country, else `---`; a field that is no country code is ignored with a warning.
    let text = "The Government has criticised the Opposition.";
    let cases = [
        (None, None, "---GOV", None),
        (None, Some("AUS"), "AUSGOV", Some("home-country (AUS)")),
        (
            Some("nzl"),
            Some("AUS"),
            "NZLGOV",
            Some("home-country (NZL)"),
        ),
        (
            Some("Narnia"),
            Some("AUS"),
            "AUSGOV",
            Some("home-country (AUS)"),
        ),
        (Some("Narnia"), None, "---GOV", None),
    ];
    for (field, flag, want, via) in cases {
        let mut record = serde_json::json!({"id": "d", "text": text});
        if let Some(f) = field {
            record["country"] = f.into();
        }
        let mut args = vec!["code", "-", "--input-format", "jsonl"];
        args.extend(flag.iter().flat_map(|c| ["--country", *c]));
        let out = demarche(&args, Some(record.to_string().as_bytes()));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{field:?} {flag:?}: {}",
            stderr(&out)
        );
        let ev = events(&out);
        assert_eq!(ev.len(), 1, "{field:?} {flag:?}");
        assert_eq!(ev[0]["source"]["code"], want, "{field:?} {flag:?}");
        assert_eq!(ev[0]["source"]["via"].as_str(), via, "{field:?} {flag:?}");
        let warned = stderr(&out).contains("field 'country' is not a known country code");
        assert_eq!(warned, field == Some("Narnia"), "{field:?} {flag:?}");
    }
}

#[test]
fn home_country_beats_the_places_for_offices() {
    // An Australian story about Afghanistan: the record's or the run's country wins over the
    // places' for an office named alone; without either the places' country stays.
    let text =
        "Fighting continued in Kabul and Kandahar. The Government has criticised the Taliban.";
    let cases = [
        (None, None, "AFGGOV"),
        (Some("AUS"), None, "AUSGOV"),
        (None, Some("AUS"), "AUSGOV"),
        (Some("NZL"), Some("AUS"), "NZLGOV"),
    ];
    for (field, flag, want) in cases {
        let mut record = serde_json::json!({"id": "d", "text": text, "date": "2002-01-02"});
        if let Some(f) = field {
            record["country"] = f.into();
        }
        let mut args = vec!["code", "-", "--input-format", "jsonl"];
        args.extend(flag.iter().flat_map(|c| ["--country", *c]));
        let out = demarche(&args, Some(record.to_string().as_bytes()));
        let ev = events(&out);
        assert_eq!(ev.len(), 1, "{field:?} {flag:?}: {}", stderr(&out));
        assert_eq!(ev[0]["source"]["code"], want, "{field:?} {flag:?}");
    }
}

#[test]
fn unknown_home_country_is_a_usage_error() {
    let out = demarche(
        &["code", "-", "--country", "XYZ"],
        Some(b"The Government spoke."),
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("home country 'XYZ'"),
        "{}",
        stderr(&out)
    );
}
