//! The bundled dictionaries are compiled at build time (`build.rs`) into a snapshot that
//! `Dictionaries::bundled` decodes. Coding with the snapshot must give the same events, byte for
//! byte, as coding with the same dictionaries compiled from their text at run time (the path a
//! user's `--dict` takes), on every document below: the example story, the sentences of the
//! data-driven cases (`tests/cases/*.tsv`) and, when `../shared` is present, the seed article.

use demarche::sink::{EventSink, JsonlSink};
use demarche::{Coder, CoderBuilder, Dictionaries, DictionarySources, Document};
use std::path::Path;
use std::sync::Arc;

/// The documents: (id, date, text).
fn documents() -> Vec<(String, String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut docs = vec![(
        "example-story".to_string(),
        "2024-03-05".to_string(),
        std::fs::read(root.join("examples/example-story.txt")).expect("examples/example-story.txt"),
    )];
    let seed = root.join("../shared/seed/six-party-talks-2006.txt");
    if let Ok(text) = std::fs::read(&seed) {
        docs.push(("seed".to_string(), "2006-11-30".to_string(), text));
    }
    let cases = root.join("tests/cases");
    for entry in std::fs::read_dir(&cases).expect("tests/cases") {
        let path = entry.expect("a case file").path();
        if path.extension().is_some_and(|x| x == "tsv") {
            let text = std::fs::read_to_string(&path).expect("a case file");
            // Case rows are `name, date, text, expected`; `#` lines are comments.
            for (n, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.starts_with('#'))
            {
                let cols: Vec<&str> = line.split('\t').collect();
                if let [_, date, sentence, ..] = cols[..] {
                    let id = format!("{}:{}", path.display(), n + 1);
                    docs.push((id, date.to_string(), sentence.as_bytes().to_vec()));
                }
            }
        }
    }
    docs
}

/// Every event of every document, as JSON Lines.
fn coded(coder: &Coder) -> Vec<u8> {
    let mut out = Vec::new();
    let mut sink = JsonlSink::new(&mut out);
    for (id, date, text) in documents() {
        let doc = Document::new(id, demarche::ingest::parse_date(&date), text);
        for e in coder.code(&doc).events {
            sink.write_event(&e).expect("write");
        }
    }
    sink.finish().expect("flush");
    drop(sink);
    out
}

#[test]
fn the_snapshot_codes_as_the_text_compiled_at_run_time() {
    let from_text = Dictionaries::compile(DictionarySources::bundled());
    let snapshot = Dictionaries::bundled();
    assert_eq!(from_text.counts(), snapshot.counts());
    assert_eq!(from_text.diagnostics, snapshot.diagnostics);
    let compiled = CoderBuilder::new()
        .dictionaries(Arc::new(from_text))
        .build()
        .expect("coder");
    let a = coded(&compiled);
    let b = coded(&Coder::bundled());
    assert!(
        a.len() > 1000,
        "too few events to compare: {} bytes",
        a.len()
    );
    assert!(
        a == b,
        "the snapshot and the compiled text code differently"
    );
}
