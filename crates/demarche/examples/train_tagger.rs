//! Trains the averaged-perceptron tagger (`demarche::text::perceptron`) and writes its weights.
//!
//! usage: train_tagger TRAIN.jsonl OUT.bin [EPOCHS] [MIN_WEIGHT] [DEV.jsonl] [MIN_COUNT] [MIN_SHARE]
//!
//! TRAIN.jsonl holds one sentence a line: `[[word, shape, tag], ...]` with demarche's tokens
//! (shape as `Shape`'s name) and demarche's tag names; `scripts/train_tagger.py data` writes it.
//! Besides the weights, it writes the tag dictionary of the same data (`text::tagdict`: words
//! seen at least MIN_COUNT times, default 20, with one tag at least MIN_SHARE of the time,
//! default 0.995) to `tagdict.tsv` next to OUT.bin. EPOCHS 0 writes only the tag dictionary
//! (and scores the existing OUT.bin with it on DEV.jsonl); `-` keeps an argument's default.

const USAGE: &str =
    "usage: train_tagger TRAIN.jsonl OUT.bin [EPOCHS] [MIN_WEIGHT] [DEV.jsonl] [MIN_COUNT] [MIN_SHARE]";

use demarche::tagger_support::Shape;
use demarche::tagger_support::{tag_by_name, write_model, Example, Model, Trainer};
use demarche::tagger_support::{Lexicon, Tag, TagDict, TagDictBuilder, Token, WordIds};
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
            ids: WordIds::UNKNOWN,
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

/// The tag dictionary of the training data (`text::tagdict`), as its file.
fn tag_dictionary(examples: &[Example], min_count: u32, min_share: f64) -> String {
    let mut builder = TagDictBuilder::default()
        .min_count(min_count)
        .min_share(min_share);
    for ex in examples {
        builder.add_sentence(&ex.tokens, &ex.tags);
    }
    builder.to_tsv()
}

fn train(examples: &[Example], lexicon: &Lexicon, epochs: usize) -> Trainer {
    let tokens: usize = examples.iter().map(|e| e.tags.len()).sum();
    let mut order: Vec<&Example> = examples.iter().collect();
    let mut trainer = Trainer::default();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..epochs {
        let right = trainer.epoch(lexicon, &order);
        eprintln!("epoch {epoch}: {:.4} right", right as f64 / tokens as f64);
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
    }
    trainer
}

fn evaluate(path: &str, weights: &[u8], dict: &TagDict, lexicon: &Lexicon) -> std::io::Result<()> {
    let compiled = Model::compile(weights).expect("just written");
    let model = Model::from_compiled(&compiled).expect("just compiled");
    let dev = read_examples(path)?;
    let (mut right, mut all) = (0, 0);
    for ex in &dev {
        let got = model.tag_all(lexicon, dict, &ex.tokens);
        right += got.iter().zip(&ex.tags).filter(|(a, b)| a == b).count();
        all += ex.tags.len();
    }
    eprintln!("{path}: {:.4} right of {all}", right as f64 / all as f64);
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, train_path, out, ..] = &args[..] else {
        eprintln!("{USAGE}");
        std::process::exit(2);
    };
    let arg = |i: usize| args.get(i).filter(|s| s.as_str() != "-");
    let epochs: usize = arg(3).and_then(|s| s.parse().ok()).unwrap_or(8);
    let min_weight: f32 = arg(4).and_then(|s| s.parse().ok()).unwrap_or(0.0);
    let min_count: u32 = arg(6).and_then(|s| s.parse().ok()).unwrap_or(20);
    let min_share: f64 = arg(7).and_then(|s| s.parse().ok()).unwrap_or(0.995);
    let lexicon = Lexicon::new([]);
    let examples = read_examples(train_path)?;
    let tokens: usize = examples.iter().map(|e| e.tags.len()).sum();
    eprintln!("{} sentences, {tokens} tokens", examples.len());
    let tsv = tag_dictionary(&examples, min_count, min_share);
    let dict_path = std::path::Path::new(out).with_file_name("tagdict.tsv");
    std::fs::write(&dict_path, &tsv)?;
    let dict = TagDict::parse(&tsv).expect("just written");
    eprintln!("{}: {} words", dict_path.display(), dict.len());
    let bytes = if epochs == 0 {
        std::fs::read(out)?
    } else {
        let bytes = write_model(&train(&examples, &lexicon, epochs), min_weight);
        std::fs::write(out, &bytes)?;
        eprintln!("{out}: {} bytes", bytes.len());
        bytes
    };
    match arg(5) {
        Some(dev) => evaluate(dev, &bytes, &dict, &lexicon),
        None => Ok(()),
    }
}
