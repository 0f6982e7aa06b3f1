//! Trains the averaged-perceptron tagger (`demarche::text::perceptron`) and writes its weights.
//!
//! usage: train_tagger TRAIN.jsonl OUT.bin [EPOCHS] [MIN_WEIGHT] [DEV.jsonl]
//!
//! TRAIN.jsonl holds one sentence a line: `[[word, shape, tag], ...]` with demarche's tokens
//! (shape as `Shape`'s name) and demarche's tag names; `scripts/train_tagger.py data` writes it.

use demarche::tagger_support::Shape;
use demarche::tagger_support::{tag_by_name, write_model, Example, Model, Trainer};
use demarche::tagger_support::{Lexicon, Tag, Token};
use std::io::BufRead;

fn shape(name: &str) -> Shape {
    match name {
        "Number" => Shape::Number,
        "Abbreviation" => Shape::Abbreviation,
        "Clitic" => Shape::Clitic,
        "Punct" => Shape::Punct,
        _ => Shape::Word,
    }
}

fn example(line: &str) -> Option<Example> {
    let words: Vec<(String, String, String)> = serde_json::from_str(line).ok()?;
    let mut tokens = Vec::new();
    let mut tags = Vec::new();
    for (text, shape_name, tag) in words {
        tags.push(tag_by_name(&tag)?);
        let lower = text.to_lowercase();
        tokens.push(Token {
            start: 0,
            end: 0,
            text: text.as_str().into(),
            lemma: lower.as_str().into(),
            lower: lower.as_str().into(),
            tag: Tag::NN,
            shape: shape(&shape_name),
        });
    }
    Some(Example { tokens, tags })
}

fn read_examples(path: &str) -> std::io::Result<Vec<Example>> {
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    Ok(file
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| example(&l))
        .collect())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, train, out, ..] = &args[..] else {
        eprintln!("usage: train_tagger TRAIN.jsonl OUT.bin [EPOCHS] [MIN_WEIGHT]");
        std::process::exit(2);
    };
    let epochs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(8);
    let min_weight: f32 = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(0.0);
    let lexicon = Lexicon::new([]);
    let examples = read_examples(train)?;
    let tokens: usize = examples.iter().map(|e| e.tags.len()).sum();
    eprintln!("{} sentences, {tokens} tokens", examples.len());
    let mut order: Vec<&Example> = examples.iter().collect();
    let mut trainer = Trainer::default();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..epochs {
        let right = trainer.epoch(&lexicon, &order);
        eprintln!("epoch {epoch}: {:.4} right", right as f64 / tokens as f64);
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
    }
    let bytes = write_model(&trainer, min_weight);
    std::fs::write(out, &bytes)?;
    eprintln!("{out}: {} bytes", bytes.len());
    if let Some(dev) = args.get(5) {
        let model = Model::from_bytes(&bytes).expect("just written");
        let dev = read_examples(dev)?;
        let (mut right, mut all) = (0, 0);
        for ex in &dev {
            let got = model.tag_all(&lexicon, &ex.tokens);
            right += got.iter().zip(&ex.tags).filter(|(a, b)| a == b).count();
            all += ex.tags.len();
        }
        eprintln!(
            "{dev_path}: {:.4} right of {all}",
            right as f64 / all as f64,
            dev_path = args[5]
        );
    }
    Ok(())
}
