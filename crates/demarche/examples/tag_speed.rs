//! Times the part-of-speech tagger alone on real text and prints tokens per second.
//!
//! usage: tag_speed FILE [PASSES]
//!
//! The lexicon is the coder's (the bundled verb dictionary's verbs included). FILE is JSON Lines with a `text` field (`target/bench/dense-5000.jsonl`) or plain text, one
//! document a line (`~/.cache/demarche-bench/lee_background.cor`). The documents are
//! normalized, tokenized and split once; then every pass resets the tokens to their untagged
//! state (untimed) and tags each sentence with `tag_sentence` (timed). Prints the best pass and
//! the median, and a checksum of the tags so that two builds can be compared.
//!
//! cargo run --release -p demarche --example tag_speed -- target/bench/dense-5000.jsonl 9

use demarche::tagger_support::{coder_lexicon, tag_sentence, tag_text, Lexicon, Tag, Token};
use std::time::{Duration, Instant};

fn documents(path: &str) -> std::io::Result<Vec<String>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| match serde_json::from_str::<serde_json::Value>(l) {
            Ok(v) => v["text"].as_str().unwrap_or_default().to_string(),
            Err(_) => l.to_string(),
        })
        .collect())
}

/// Every sentence's tokens as the tagger first sees them (tags unset).
fn untagged(docs: &[String], lexicon: &Lexicon) -> Vec<Vec<Token>> {
    let mut out = Vec::new();
    for doc in docs {
        for mut sentence in tag_text(doc.as_bytes(), lexicon).sentences {
            for t in &mut sentence {
                t.tag = Tag::NN;
                t.lemma = t.lower.clone();
            }
            out.push(sentence);
        }
    }
    out
}

fn checksum(sentences: &[Vec<Token>]) -> u64 {
    sentences
        .iter()
        .flatten()
        .fold(0xcbf2_9ce4_8422_2325, |h, t| {
            (h ^ t.tag as u64).wrapping_mul(0x0100_0000_01b3)
        })
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: tag_speed FILE [PASSES]");
        std::process::exit(2);
    };
    let passes: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5).max(1);
    let lexicon = coder_lexicon();
    let template = untagged(&documents(path)?, &lexicon);
    let tokens: usize = template.iter().map(Vec::len).sum();
    let mut work = template.clone();
    let mut times: Vec<Duration> = Vec::with_capacity(passes);
    for _ in 0..passes {
        work.clone_from(&template);
        let start = Instant::now();
        for s in work.iter_mut() {
            tag_sentence(&lexicon, std::hint::black_box(s));
        }
        times.push(start.elapsed());
    }
    times.sort();
    let rate = |d: Duration| tokens as f64 / d.as_secs_f64();
    println!(
        "{path}: {} sentences, {tokens} tokens; best {:.0} tokens/s, median {:.0} tokens/s ({passes} passes); tags checksum {:016x}",
        template.len(),
        rate(times[0]),
        rate(times[passes / 2]),
        checksum(&work)
    );
    Ok(())
}
