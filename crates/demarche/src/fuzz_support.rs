//! The checks behind the fuzz targets (`fuzz/` in the repository) and the regression tests that
//! replay their minimized crashes (`tests/fuzz-regressions/`), kept here so both check exactly
//! the same things. Each `fuzz_*` function takes arbitrary bytes and panics when the library
//! panics or breaks a documented promise. Not part of the stable API.

use crate::code::{CodedDocument, Coder};
use crate::dict::{
    ActorDictionary, AgentDictionary, CameoTable, Diagnostic, PhraseSet, VerbDictionary,
};
use crate::ingest::{read_records, IngestConfig, InputFormat, Record};
use crate::model::{Document, Span};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The coder with the bundled dictionaries, built once per process.
pub fn shared_coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(Coder::bundled)
}

/// Codes `data` as one document with the shared coder and checks every span.
pub fn fuzz_code(data: &[u8]) {
    let doc = Document::new("fuzz", None, data.to_vec());
    let coded = shared_coder().code(&doc);
    if let Err(problem) = check_spans(data, &coded) {
        panic!("{problem}");
    }
}

/// Splits `data` at NUL bytes into an actors, an agents, a verbs file and a CAMEO table, parses
/// each, compiles the actor and agent phrases into the phrase matcher, and checks that every
/// diagnostic names its file and a line that exists there.
pub fn fuzz_dictionaries(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let mut file = |name: &str| vec![(name.to_string(), parts.next().unwrap_or("").to_string())];
    let (actor_files, agent_files) = (file("actors/fuzz.txt"), file("agents.txt"));
    let (verb_files, cameo_files) = (file("verbs.txt"), file("cameo.tsv"));
    let mut diagnostics = Vec::new();
    let actors = ActorDictionary::from_files(&actor_files, &mut diagnostics);
    let agents = AgentDictionary::from_files(&agent_files, &mut diagnostics);
    let mut words = crate::text::vocabulary::Vocabulary::default();
    let _ = VerbDictionary::from_files(&verb_files, &mut diagnostics, &mut words);
    let (cameo_name, cameo_text) = &cameo_files[0];
    let _ = CameoTable::from_tsv(cameo_name, cameo_text, &mut diagnostics);
    let phrases: Vec<&str> = actors
        .phrases()
        .iter()
        .map(String::as_str)
        .chain(agents.phrases())
        .collect();
    let _ = PhraseSet::new(
        &phrases,
        &mut crate::text::vocabulary::Vocabulary::default(),
    );
    let files = [actor_files, agent_files, verb_files, cameo_files].concat();
    for d in &diagnostics {
        if let Err(problem) = check_diagnostic(d, &files) {
            panic!("{problem}: {d}");
        }
    }
}

/// A diagnostic names one of the files read and a 1-based line that exists in it.
pub fn check_diagnostic(d: &Diagnostic, files: &[(String, String)]) -> Result<(), String> {
    let Some((_, text)) = files.iter().find(|(name, _)| *name == d.file) else {
        return Err(format!("unknown file '{}'", d.file));
    };
    let lines = text.lines().count().max(1);
    if d.line == 0 || d.line as usize > lines {
        return Err(format!("line {} outside 1..={lines}", d.line));
    }
    Ok(())
}

/// Reads `data` as a JSON Lines input and checks the records.
pub fn fuzz_jsonl(data: &[u8]) {
    fuzz_ingest(data, InputFormat::Jsonl);
}

/// Reads `data` as a CSV input (header row first) and checks the records.
pub fn fuzz_csv(data: &[u8]) {
    fuzz_ingest(data, InputFormat::Csv);
}

fn fuzz_ingest(data: &[u8], format: InputFormat) {
    let config = IngestConfig::builder()
        .build()
        .expect("the default configuration is valid");
    let records = read_records(std::io::Cursor::new(data.to_vec()), "fuzz", format, &config);
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    for (n, record) in records.enumerate() {
        if let Err(problem) = check_record(&record, lines) {
            panic!("record {n}: {problem}: {record:?}");
        }
        assert!(n < lines, "more records ({}) than lines ({lines})", n + 1);
    }
}

/// Runs `check` on every input of fuzz target `target` under the repository root `root`: the
/// minimized crashes in `tests/fuzz-regressions/<target>/` and the seeds in
/// `fuzz/corpus/<target>/`. Panics naming each input whose check panicked, or when there is none.
pub fn replay(root: &Path, target: &str, check: fn(&[u8])) {
    let mut files: Vec<PathBuf> = ["tests/fuzz-regressions", "fuzz/corpus"]
        .iter()
        .filter_map(|dir| std::fs::read_dir(root.join(dir).join(target)).ok())
        .flatten()
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs for fuzz target {target}");
    let failed: Vec<String> = files
        .iter()
        .filter(|path| {
            let data = std::fs::read(path).expect("readable input");
            std::panic::catch_unwind(|| check(&data)).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(failed.is_empty(), "{target}: failing inputs {failed:#?}");
}

/// What every record promises: a document has an id and some non-blank text; a rejection names
/// the input and a line that exists, and says why.
pub fn check_record(record: &Record, lines: usize) -> Result<(), String> {
    match record {
        Record::Document(doc) if doc.id.is_empty() => Err("document without an id".into()),
        Record::Document(doc) if doc.text.iter().all(u8::is_ascii_whitespace) => {
            Err("document with blank text".into())
        }
        Record::Document(_) => Ok(()),
        Record::Rejected(r) if r.reason.is_empty() => Err("rejection without a reason".into()),
        Record::Rejected(r) => match r.location.strip_prefix("fuzz:").map(str::parse::<usize>) {
            Some(Ok(line)) if (1..=lines).contains(&line) => Ok(()),
            _ => Err(format!(
                "rejection location '{}' is not fuzz:LINE",
                r.location
            )),
        },
    }
}

/// What `docs/output.md` promises about spans: each is a byte range `[start, end)` of the
/// original text, so `text[start..end]` is always valid — inside the bytes, `start <= end`, and
/// both ends on character boundaries (for invalid UTF-8: boundaries of its lossy decoding, where
/// each maximal invalid sequence is one character). Every event's sentence index is below the
/// document's sentence count.
pub fn check_spans(text: &[u8], coded: &CodedDocument) -> Result<(), String> {
    let boundaries = char_boundaries(text);
    let check = |what: &str, span: Span| -> Result<(), String> {
        if span.start > span.end || span.end > text.len() {
            return Err(format!("{what} span {span:?} is outside 0..{}", text.len()));
        }
        for end in [span.start, span.end] {
            if boundaries.binary_search(&end).is_err() {
                return Err(format!(
                    "{what} span {span:?}: {end} is not a char boundary"
                ));
            }
        }
        Ok(())
    };
    for (i, e) in coded.events.iter().enumerate() {
        let what = |field: &str| format!("event {i} {field}");
        if e.sentence >= coded.sentences {
            return Err(format!(
                "event {i}: sentence {} of {}",
                e.sentence, coded.sentences
            ));
        }
        check(&what("sentence_span"), e.sentence_span)?;
        check(&what("evidence"), e.evidence.span)?;
        for (field, actor) in [("source", &e.source), ("target", &e.target)] {
            if let Some(a) = actor {
                check(&what(field), a.span)?;
            }
        }
        if let Some(q) = &e.quote {
            check(&what("quote"), q.span)?;
        }
        if let Some(l) = &e.location {
            check(&what("location"), l.span)?;
        }
    }
    for (i, place) in coded.places.iter().enumerate() {
        check(&format!("place {i}"), place.span)?;
    }
    Ok(())
}

/// The byte offsets where a character of the lossily decoded text starts, plus the end.
fn char_boundaries(text: &[u8]) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    for chunk in text.utf8_chunks() {
        let valid = chunk.valid();
        out.extend(valid.char_indices().map(|(i, _)| at + i));
        at += valid.len();
        if !chunk.invalid().is_empty() {
            out.push(at);
            at += chunk.invalid().len();
        }
    }
    out.push(at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_of_mixed_text() {
        let cases: &[(&[u8], &[usize])] = &[
            (b"", &[0]),
            (b"ab", &[0, 1, 2]),
            ("é!".as_bytes(), &[0, 2, 3]),
            (b"a\xFFb", &[0, 1, 2, 3]),
            (b"a\xE2\x80b", &[0, 1, 3, 4]),
        ];
        for (text, expected) in cases {
            assert_eq!(char_boundaries(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn a_span_inside_a_character_is_reported() {
        let event: crate::model::Event = serde_json::from_value(serde_json::json!({
            "doc": "d", "sentence": 0, "sentence_span": [0, 1], "date": null,
            "date_precision": null, "doc_date": null, "source": null, "target": null,
            "cameo": "010", "event_name": "", "goldstein": null, "quad_class": 1,
            "plover": null, "plover_mode": null, "location": null,
            "evidence": {"text": "é", "span": [0, 1], "entry": "", "pattern": ""}
        }))
        .unwrap();
        let coded = CodedDocument {
            events: vec![event],
            sentences: 1,
            ..CodedDocument::default()
        };
        let problem = check_spans("é".as_bytes(), &coded).unwrap_err();
        assert!(problem.contains("not a char boundary"), "{problem}");
        assert!(check_spans("ab".as_bytes(), &coded).is_ok());
    }
}
