//! Micro-benchmarks (criterion): sentence splitting, actor matching, verb matching,
//! whole-sentence coding, and a naive baseline — one regex per actor phrase — to show what the
//! compiled Aho–Corasick matcher buys.
//!
//! Run with `cargo bench -p demarche --bench coding`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use demarche::bench_support::{actor_phrases, CompiledPhrases, Prepared};
use demarche::text::{split_sentences, tokenize};
use demarche::{Coder, Dictionaries, Document};
use std::hint::black_box;

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
    SENTENCES
        .iter()
        .cycle()
        .take(n)
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn benches(c: &mut Criterion) {
    let dict = Dictionaries::bundled();
    let coder = Coder::bundled();
    let n = SENTENCES.len() as u64;

    let text = corpus(1000);
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Elements(1000));
    g.bench_function("sentence split, 1000 sentences", |b| {
        b.iter(|| {
            let t = tokenize(&text);
            black_box(split_sentences(&text, &t))
        })
    });
    g.finish();

    let prepared = Prepared::new(&dict, &corpus(SENTENCES.len()));
    let mut g = c.benchmark_group("match");
    g.throughput(Throughput::Elements(n));
    g.bench_function("actors and agents (one automaton)", |b| {
        b.iter(|| black_box(prepared.match_actors_and_agents(&dict)))
    });
    g.bench_function("verb heads (index lookup)", |b| {
        b.iter(|| black_box(prepared.verb_heads(&dict)))
    });
    g.finish();

    let mut g = c.benchmark_group("code");
    g.throughput(Throughput::Elements(n));
    let doc = Document::new("bench", None, corpus(SENTENCES.len()));
    g.bench_function("whole sentences (analyse + code + places)", |b| {
        b.iter(|| black_box(coder.code(&doc)))
    });
    g.finish();

    // Naive baseline against the compiled matcher, on the same phrases.
    let phrases = actor_phrases(&dict);
    let plain = corpus(SENTENCES.len());
    let mut g = c.benchmark_group("baseline");
    g.throughput(Throughput::Elements(n));
    g.sample_size(10);
    for size in [500usize, 2000] {
        let regexes: Vec<regex::Regex> = phrases
            .iter()
            .take(size)
            .filter_map(|p| regex::Regex::new(&format!(r"(?i)\b{}\b", regex::escape(p))).ok())
            .collect();
        g.bench_with_input(
            BenchmarkId::new("naive: one regex per phrase", size),
            &regexes,
            |b, rs| {
                b.iter(|| {
                    rs.iter()
                        .map(|r| r.find_iter(&plain).count())
                        .sum::<usize>()
                })
            },
        );
        let compiled = CompiledPhrases::new(&dict, &phrases[..size]);
        g.bench_with_input(
            BenchmarkId::new("compiled: one automaton", size),
            &compiled,
            |b, set| b.iter(|| set.count_in(&prepared)),
        );
    }
    g.finish();
}

criterion_group!(coding, benches);
criterion_main!(coding);
