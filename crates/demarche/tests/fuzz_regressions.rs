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

/// Every word-prefix of every sentence of the codebook and wire test sets, coded as its own
/// document: cut-off text (snippets, headlines, a clause left without its verb) must code
/// without a panic and with spans inside the text, like the fuzzers' inputs.
#[test]
fn every_prefix_of_the_test_sentences_codes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/codebook");
    let mut failed = Vec::new();
    for file in ["codebook.tsv", "wire-tune.tsv"] {
        let table = std::fs::read_to_string(root.join(file)).expect("readable test set");
        let sentences = table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(2));
        for sentence in sentences {
            let words: Vec<&str> = sentence.split(' ').collect();
            for k in 1..words.len() {
                let prefix = words[..k].join(" ");
                if std::panic::catch_unwind(|| fuzz_code(prefix.as_bytes())).is_err() {
                    failed.push(prefix);
                }
            }
        }
    }
    assert!(failed.is_empty(), "prefixes that fail: {failed:#?}");
}
