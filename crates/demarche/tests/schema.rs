//! The JSON Schema in `docs/event.schema.json` accepts what the coder writes and rejects
//! malformed events.

use demarche::sink::{EventSink, JsonlSink};
use demarche::{Coder, Document};

fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/event.schema.json");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema file"))
            .expect("schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("event.schema.json", value)
        .expect("resource");
    let idx = compiler
        .compile("event.schema.json", &mut schemas)
        .expect("schema compiles");
    (schemas, idx)
}

fn coded_events() -> Vec<serde_json::Value> {
    let text = "US Assistant Secretary of State Christopher Hill held talks with North Korean envoy Kim Kye-gwan in Beijing. \
                He said the North Koreans walked out of the talks. Sanctions were imposed on North Korea by the United States.";
    let doc = Document::new(
        "schema-doc",
        demarche::ingest::parse_date("2006-11-30"),
        text,
    );
    let mut out = Vec::new();
    let mut sink = JsonlSink::new(&mut out);
    for e in Coder::bundled().code(&doc).events {
        sink.write_event(&e).expect("write");
    }
    sink.finish().expect("flush");
    drop(sink);
    String::from_utf8(out)
        .expect("utf8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

#[test]
fn coder_output_validates() {
    let (schemas, idx) = schema();
    let events = coded_events();
    assert!(events.len() >= 3, "expected events, got {}", events.len());
    for e in &events {
        if let Err(err) = schemas.validate(e, idx) {
            panic!("event does not validate: {err}\n{e}");
        }
    }
}

#[test]
fn schema_rejects_malformed_events() {
    let (schemas, idx) = schema();
    let mut e = coded_events().remove(0);
    e["cameo"] = serde_json::json!("not-a-code");
    assert!(schemas.validate(&e, idx).is_err());
    let mut e = coded_events().remove(0);
    e.as_object_mut().expect("object").remove("sentence_span");
    assert!(schemas.validate(&e, idx).is_err());
}
