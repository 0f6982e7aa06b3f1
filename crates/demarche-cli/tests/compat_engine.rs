//! `demarche code --engine tabari|petrarch` on the TABARI and PETRARCH validation suites: each
//! record becomes a JSONL document, coded through the CLI (the normal pipeline and sinks), and
//! its events are compared with the record's expectations. The CLI must agree with the suites at
//! least as well as `demarche validate` does.
//!
//! Consecutive records of one story (`FRWD-001-002`, `FRWD-001-003`) form one document, with a
//! blank line between records, so TABARI's forwarding works across them as it does in a story;
//! each event is credited to the record its sentence lies in.
//!
//! Records that change options (`{ OPTION: ... }`, PETRARCH `<Config>`) start a new run with
//! every option so far given as `--engine-option`. A record passes when its events equal the
//! expected ones as a multiset; `{###}`, `{+++}` and error records expect no events. PETRARCH
//! records with a malformed parse tree are left out of both counts: they test PETRARCH's
//! parse-tree input, which `demarche code` does not take.
//!
//! The suites are licensed and live in `<repo>/../shared`; without it the tests print
//! `SKIPPED: ../shared absent` and pass, except under `CI=true`, where they fail.

use demarche_compat::engine::CompatEvent;
use demarche_compat::validate::{Record, Suite};
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("validation").is_dir() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "{} is absent, and CI must have it",
        p.display()
    );
    eprintln!("SKIPPED: ../shared absent ({})", p.display());
    None
}

/// Consecutive records coded under the same options.
struct Segment<'a> {
    options: Vec<String>,
    records: Vec<&'a Record>,
}

fn segments(records: &[Record]) -> Vec<Segment<'_>> {
    let mut out: Vec<Segment> = Vec::new();
    let mut options: Vec<String> = Vec::new();
    for r in records.iter().filter(|r| r.standard) {
        if out.is_empty() || !r.options.is_empty() {
            options.extend(r.options.iter().cloned());
            out.push(Segment {
                options: options.clone(),
                records: Vec::new(),
            });
        }
        if let Some(s) = out.last_mut() {
            s.records.push(r);
        }
    }
    out
}

/// The story a record belongs to, as `validate` groups them for forwarding.
fn story(id: &str) -> &str {
    match id.rsplit_once('-') {
        Some((head, _)) if id.matches('-').count() >= 2 => head,
        _ => id,
    }
}

/// One JSONL document per story; returns the text and, per document, the byte offset where
/// each of its records starts (with the record's index in the segment).
fn jsonl(records: &[&Record]) -> (String, Vec<Vec<(usize, usize)>>) {
    let mut out = String::new();
    let mut starts: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut i = 0;
    while i < records.len() {
        let key = story(&records[i].id);
        let mut text = String::new();
        let mut doc_starts = Vec::new();
        while i < records.len() && story(&records[i].id) == key {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            doc_starts.push((text.len(), i));
            text.push_str(&records[i].text);
            i += 1;
        }
        let first = records[doc_starts[0].1];
        let mut doc = serde_json::json!({ "id": starts.len().to_string(), "text": text });
        if let Some(d) = first.date {
            doc["date"] = d.format("%Y-%m-%d").to_string().into();
        }
        out.push_str(&doc.to_string());
        out.push('\n');
        starts.push(doc_starts);
    }
    (out, starts)
}

/// Codes a segment through the CLI; returns the events of each record of the segment.
fn code(engine: &str, dict: &[PathBuf], seg: &Segment, dir: &Path) -> Vec<Vec<CompatEvent>> {
    let input = dir.join("records.jsonl");
    let (text, starts) = jsonl(&seg.records);
    std::fs::write(&input, text).expect("write records");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_demarche"));
    cmd.args(["code", "--quiet", "--engine", engine]);
    for d in dict {
        cmd.arg("--dict").arg(d);
    }
    for o in &seg.options {
        cmd.arg("--engine-option").arg(o);
    }
    let out = cmd.arg(&input).output().expect("run demarche");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut by_record = vec![Vec::new(); seg.records.len()];
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let e: serde_json::Value = serde_json::from_str(line).expect("a JSON event");
        let doc: usize = e["doc"].as_str().and_then(|d| d.parse().ok()).expect("doc");
        let at = e["sentence_span"][0].as_u64().expect("span") as usize;
        let record = starts[doc]
            .iter()
            .rev()
            .find(|(start, _)| *start <= at)
            .map(|(_, r)| *r)
            .expect("record");
        by_record[record].push(compat_event(&e));
    }
    by_record
}

fn compat_event(e: &serde_json::Value) -> CompatEvent {
    let actor = |side: &str| e[side]["code"].as_str().unwrap_or("---").to_string();
    CompatEvent {
        source: actor("source"),
        target: actor("target"),
        code: e["cameo"].as_str().unwrap_or_default().to_string(),
    }
}

fn passes(r: &Record, produced: &[CompatEvent]) -> bool {
    if r.expected.error || r.expected.discard || r.expected.complex {
        return produced.is_empty()
            || (r.expected.complex && same_events(&r.expected.events, produced));
    }
    same_events(&r.expected.events, produced)
}

fn same_events(a: &[CompatEvent], b: &[CompatEvent]) -> bool {
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort();
    b.sort();
    a == b
}

/// Runs the suite through `validate` and through the CLI; returns (validate, CLI) passes.
fn compare(suite_path: &Path, engine: &str, dict: &[PathBuf]) -> (usize, usize, usize) {
    let mut suite = Suite::load(suite_path).expect("load suite");
    suite.records.retain(|r| !r.bad_parse);
    let records = suite.records.clone();
    let (_, summary) = suite.run();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cli = 0;
    for seg in segments(&records) {
        let produced = code(engine, dict, &seg, dir.path());
        for (r, produced) in seg.records.iter().zip(&produced) {
            let pass = passes(r, produced);
            if !pass {
                eprintln!("{engine} FAIL {}: {produced:?}", r.id);
            }
            cli += usize::from(pass);
        }
    }
    (summary.standard_passed, cli, summary.standard)
}

fn check(name: &str, (validate, cli, total): (usize, usize, usize)) {
    eprintln!("{name}: validate {validate}/{total}, demarche code --engine {cli}/{total}");
    assert!(
        cli >= validate,
        "{name}: --engine agrees on {cli} records, validate on {validate}"
    );
}

#[test]
fn tabari_suite_through_code_engine_tabari() {
    let Some(s) = shared() else { return };
    let dir = s.join("validation/tabari");
    let project = dir.join("Validate.project");
    let counts = compare(&project, "tabari", std::slice::from_ref(&project));
    check("TABARI", counts);
}

#[test]
fn petrarch_suite_through_code_engine_petrarch() {
    let Some(s) = shared() else { return };
    let dir = s.join("validation/petrarch");
    let dict: Vec<PathBuf> = [
        "PETR.Validate.verbs.txt",
        "PETR.Validate.actors.txt",
        "PETR.Validate.agents.txt",
        "PETR.Validate.discards.txt",
        "PETR_config.ini",
    ]
    .iter()
    .map(|f| dir.join(f))
    .collect();
    let counts = compare(&dir.join("PETR.UnitTest.records.xml"), "petrarch", &dict);
    check("PETRARCH", counts);
}
