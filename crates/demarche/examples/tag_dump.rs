//! Dumps demarche's tokens and tags as JSON Lines, for building and scoring tagger data.
//!
//! Reads JSON Lines `{"id": ..., "text": ...}` on standard input and writes one line per
//! document: `{"id", "text" (normalized), "sentences": [[[start, end, tag, shape], ...], ...]}`, with
//! byte offsets into the normalized text. Used by `scripts/train_tagger.py`.
//!
//! usage: cargo run --release -p demarche --example tag_dump < docs.jsonl > tokens.jsonl

use demarche::tagger_support::{tag_text, Lexicon};
use std::io::{BufRead, Write};

fn main() -> std::io::Result<()> {
    let lexicon = Lexicon::new([]);
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let doc: serde_json::Value = serde_json::from_str(&line?)?;
        let text = doc["text"].as_str().unwrap_or_default();
        let tagged = tag_text(text.as_bytes(), &lexicon);
        let sentences: Vec<Vec<(usize, usize, &str, String)>> = tagged
            .sentences
            .iter()
            .map(|s| {
                s.iter()
                    .map(|t| (t.start, t.end, t.tag.name(), format!("{:?}", t.shape)))
                    .collect()
            })
            .collect();
        let record = serde_json::json!({
            "id": doc["id"],
            "text": tagged.text,
            "sentences": sentences,
        });
        writeln!(out, "{record}")?;
    }
    Ok(())
}
