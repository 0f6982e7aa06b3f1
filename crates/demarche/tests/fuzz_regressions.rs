//! Replays the fuzz targets' inputs through the same checks as the fuzzers
//! (`demarche::fuzz_support`): every minimized crash in `tests/fuzz-regressions/<target>/` and
//! every seed in `fuzz/corpus/<target>/`. See `docs/fuzzing.md`.

use demarche::fuzz_support::{fuzz_code, fuzz_csv, fuzz_dictionaries, fuzz_jsonl};
use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    demarche::fuzz_support::replay(&root, target, check);
}

#[test]
fn code_spans_stay_inside_the_text() {
    replay("code", fuzz_code);
}

#[test]
fn dictionary_parser() {
    replay("dictionaries", fuzz_dictionaries);
}

#[test]
fn jsonl_ingest() {
    replay("jsonl", fuzz_jsonl);
}

#[test]
fn csv_ingest() {
    replay("csv", fuzz_csv);
}
