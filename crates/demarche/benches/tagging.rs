//! Tagging throughput (criterion): the averaged perceptron that ships against the former
//! rule tagger, on the tokens of the example story (tokenization and sentence splitting are
//! done once, outside the timed loop). Reports tokens per second on one core.
//!
//! Run with `cargo bench -p demarche --bench tagging`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use demarche::tagger_support::{tag_sentence, tag_sentence_by_rules};
use demarche::tagger_support::{tag_text, Lexicon, Token};
use std::hint::black_box;

/// A tagger: tags a sentence's tokens in place.
type Tagger = fn(&Lexicon, &mut [Token]);

const STORY: &str = include_str!("../../../examples/example-story.txt");

fn sentences(lexicon: &Lexicon) -> Vec<Vec<Token>> {
    let text = STORY.repeat(20);
    tag_text(text.as_bytes(), lexicon).sentences
}

fn bench_tagging(c: &mut Criterion) {
    let lexicon = Lexicon::new([]);
    let sentences = sentences(&lexicon);
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("tagging");
    group.throughput(Throughput::Elements(tokens as u64));
    let taggers: [(&str, Tagger); 2] = [
        ("perceptron", tag_sentence),
        ("former_rules", tag_sentence_by_rules),
    ];
    for (name, tagger) in taggers {
        let mut work = sentences.clone();
        group.bench_function(name, |b| {
            b.iter(|| {
                for s in work.iter_mut() {
                    tagger(&lexicon, black_box(s));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_tagging);
criterion_main!(benches);
