//! The coder's whole output, byte for byte, on a fixed committed input: `examples/*.txt`, every
//! row of `tests/cases/*.tsv` and every sentence of `tests/places/places.tsv`, each coded as one
//! document and written as JSON Lines documents (events and places, `--format jsonl-docs`).
//!
//! The expected output is `tests/golden/output.jsonl`. An optimization must leave it unchanged.
//! A deliberate coding change regenerates it with `scripts/update_golden.sh` (which runs this
//! test with `DEMARCHE_UPDATE_GOLDEN=1`) and names the change in CHANGELOG.md.

use demarche::ingest::{parse_date, Record};
use demarche::pipeline::{self, PipelineConfig};
use demarche::sink::JsonlDocsSink;
use demarche::{CoderBuilder, Document};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files of `dir` with extension `ext`, sorted by name.
fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = repo().join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    out
}

fn name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The data lines of a TSV file (no blank or `#` lines) with their 1-based line numbers.
fn rows(path: &Path) -> Vec<(usize, Vec<String>)> {
    read(path)
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| (n + 1, l.split('\t').map(str::to_string).collect()))
        .collect()
}

/// The input documents, in a fixed order.
fn documents() -> Vec<Document> {
    let mut docs = Vec::new();
    for path in files("examples", "txt") {
        docs.push(Document::new(
            format!("examples/{}", name(&path)),
            parse_date("2024-05-15"),
            read(&path),
        ));
    }
    for path in files("tests/cases", "tsv") {
        for (n, cols) in rows(&path).into_iter().filter(|(_, c)| c[0] != "name") {
            let date = cols.get(1).and_then(|d| parse_date(d));
            let text = cols.get(2).cloned().unwrap_or_default();
            docs.push(Document::new(format!("{}:{n}", name(&path)), date, text));
        }
    }
    let places = repo().join("tests/places/places.tsv");
    for (n, cols) in rows(&places) {
        docs.push(Document::new(
            format!("places.tsv:{n}"),
            parse_date("2024-05-15"),
            cols[0].clone(),
        ));
    }
    docs
}

fn coded() -> String {
    let coder = CoderBuilder::new()
        .document_places(true)
        .build()
        .expect("bundled coder");
    let records = documents().into_iter().map(Record::Document);
    let mut out = Vec::new();
    let mut sink = JsonlDocsSink::new(&mut out);
    let config = PipelineConfig::default().threads(1);
    pipeline::run(records, &coder, &mut sink, &config, |_| {}).expect("pipeline run");
    drop(sink);
    String::from_utf8(out).expect("JSON output is UTF-8")
}

#[test]
fn output_is_byte_identical_to_the_golden_file() {
    let golden = repo().join("tests/golden/output.jsonl");
    let got = coded();
    if std::env::var_os("DEMARCHE_UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &got).expect("write the golden file");
        return;
    }
    let want = read(&golden);
    assert!(got.lines().count() > 500, "too few documents coded");
    for (k, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(
            g,
            w,
            "tests/golden/output.jsonl line {}: output changed (a deliberate coding change \
             regenerates the file with scripts/update_golden.sh and says so in CHANGELOG.md)",
            k + 1
        );
    }
    assert_eq!(
        got.lines().count(),
        want.lines().count(),
        "number of documents"
    );
    assert_eq!(got, want, "output differs (line ends or trailing bytes)");
}
