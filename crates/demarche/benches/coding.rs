//! Micro-benchmarks: sentence splitting, actor matching, verb matching, whole-sentence coding,
//! and a naive baseline (one regex per actor phrase) to show what the compiled matcher buys.
//!
//! Run with `cargo bench -p demarche --bench coding`. Each benchmark reports the median of
//! several timed rounds (no statistics crate, to keep the dependency tree small).

use demarche::dict::{EncodedSentence, PhraseSet};
use demarche::text::{analyze, token};
use demarche::{Coder, Dictionaries, Document};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SENTENCES: &[&str] = &[
    "The United States has insisted North Korea must give up its nuclear weapons during two days of intensive talks in Beijing.",
    "US envoy Christopher Hill held several meetings with North Korean officials and China's chief negotiator.",
    "Russia and China called for restraint, while the International Atomic Energy Agency said its inspectors had been denied access.",
    "The European Union imposed new sanctions on Iranian officials on Tuesday, and Germany expelled two Iranian diplomats.",
    "Israeli troops clashed with Palestinian protesters in the West Bank, killing two, officials said.",
    "The president of Brazil met his Argentine counterpart in Buenos Aires to discuss trade.",
    "Rebels attacked a police station in northern Mali overnight, the army said in a statement.",
    "Turkey's foreign minister accused Greece of violating its airspace and warned of consequences.",
];

fn corpus(n: usize) -> String {
    SENTENCES.iter().cycle().take(n).copied().collect::<Vec<_>>().join(" ")
}

/// Runs `f` for `rounds` rounds of `iters` iterations and returns the median time per iteration.
fn bench(name: &str, units: f64, unit: &str, rounds: usize, iters: usize, mut f: impl FnMut()) {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iters {
                f();
            }
            start.elapsed() / iters as u32
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    println!("{name:<40} {:>12.1} µs/iter {:>14.0} {unit}/s", median.as_secs_f64() * 1e6, units / median.as_secs_f64());
}

fn main() {
    let dict = Dictionaries::bundled();
    let coder = Coder::bundled();
    let text = corpus(1000);
    let sentences = SENTENCES.len() as f64;

    bench("sentence split (1000 sentences)", 1000.0, "sentences", 7, 5, || {
        let t = token::tokenize(&text);
        black_box(demarche::text::sentence::split(&text, &t));
    });
    let analysed = analyze(corpus(SENTENCES.len()).as_bytes(), &dict.lexicon);
    let encoded: Vec<EncodedSentence> = analysed.sentences.iter().map(|s| EncodedSentence::new(&s.tokens)).collect();
    bench("actor matching (compiled, per sentence set)", sentences, "sentences", 9, 200, || {
        for e in &encoded {
            let m = dict.match_phrases(e);
            black_box(dict.actors.resolve(m.actors, None));
            black_box(dict.agents.resolve(m.agents));
        }
    });
    bench("verb matching (head index)", sentences, "sentences", 9, 200, || {
        for s in &analysed.sentences {
            for t in &s.tokens {
                black_box(dict.verbs.verb_patterns(&t.lemma).count());
            }
        }
    });
    bench("whole-sentence coding (analyse + code)", sentences, "sentences", 9, 50, || {
        black_box(coder.code(&Document::new("b", None, corpus(SENTENCES.len()))));
    });

    // Naive baseline: one case-insensitive word-bounded regex per actor phrase.
    let phrases: Vec<String> = dict.actors.entries().iter().map(|e| e.phrase.clone()).collect();
    let regexes: Vec<regex::Regex> = phrases
        .iter()
        .take(2000)
        .filter_map(|p| regex::Regex::new(&format!(r"(?i)\b{}\b", regex::escape(p))).ok())
        .collect();
    let plain = corpus(SENTENCES.len());
    bench(&format!("naive: {} regexes, one per phrase", regexes.len()), sentences, "sentences", 5, 5, || {
        for r in &regexes {
            black_box(r.find_iter(&plain).count());
        }
    });
    let compiled = PhraseSet::new(&phrases[..regexes.len()]);
    bench(&format!("compiled: same {} phrases", regexes.len()), sentences, "sentences", 9, 200, || {
        for e in &encoded {
            black_box(compiled.find_all(e));
        }
    });
}
