//! Token accuracy of the shipped part-of-speech tagger on real news with hand-checked tags.
//!
//! The reference (tests/tagging/news_test.tsv: document, byte span, tag) covers ABC news
//! documents 250-257 of `lee_background.cor` in the gensim 4.4.0 wheel: spaCy's tags mapped to
//! demarche's tag set and corrected by hand (tests/tagging/corrections.tsv;
//! scripts/build_tagging_testset.py rebuilds it). The text itself is LGPL and never committed:
//! `scripts/fetch_news.sh` puts it in ~/.cache/demarche-bench. Without it the test prints
//! `SKIPPED: ...` and passes, except under `CI=true`, where it fails.

use demarche::tagger_support::tag_sentence_by_rules;
use demarche::tagger_support::{tag_text, Lexicon, Tag};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// The accuracy the shipped tagger must keep on the test set.
const MIN_ACCURACY: f64 = 0.97;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/tagging")
}

fn news_path() -> PathBuf {
    if let Some(p) = std::env::var_os("DEMARCHE_NEWS") {
        return p.into();
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache")
        });
    cache.join("demarche-bench/lee_background.cor")
}

fn rows(name: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(data_dir().join(name)).expect("tagging data file");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// Reference tags by (document, start, end).
type Reference = BTreeMap<(usize, usize, usize), String>;

fn reference() -> Reference {
    rows("news_test.tsv")
        .into_iter()
        .map(|r| {
            let n = |i: usize| r[i].parse::<usize>().expect("number");
            ((n(0), n(1), n(2)), r[3].clone())
        })
        .collect()
}

/// (document, start, end) -> (perceptron tag, rule tag) for every token of the documents.
fn tagged(docs: &BTreeMap<usize, &str>) -> HashMap<(usize, usize, usize), (Tag, Tag)> {
    let lexicon = Lexicon::new([]);
    let mut out = HashMap::new();
    for (&doc, text) in docs {
        let tagged = tag_text(text.as_bytes(), &lexicon);
        for (tokens, spans) in tagged.sentences.iter().zip(&tagged.original) {
            let mut by_rules = tokens.clone();
            tag_sentence_by_rules(&lexicon, &mut by_rules);
            for ((t, r), span) in tokens.iter().zip(&by_rules).zip(spans) {
                out.insert((doc, span.start, span.end), (t.tag, r.tag));
            }
        }
    }
    out
}

fn accuracy(
    reference: &Reference,
    tags: &HashMap<(usize, usize, usize), (Tag, Tag)>,
    rules: bool,
) -> f64 {
    let right = reference
        .iter()
        .filter(|(k, gold)| {
            tags.get(k)
                .is_some_and(|(p, r)| (if rules { r } else { p }).name() == gold.as_str())
        })
        .count();
    right as f64 / reference.len() as f64
}

fn print_confusions(reference: &Reference, tags: &HashMap<(usize, usize, usize), (Tag, Tag)>) {
    let mut confusions: HashMap<(String, &str), usize> = HashMap::new();
    for (k, gold) in reference {
        let got = tags.get(k).map_or("(no token)", |(p, _)| p.name());
        if got != gold {
            *confusions.entry((gold.clone(), got)).or_default() += 1;
        }
    }
    let mut list: Vec<_> = confusions.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((gold, got), n) in list.iter().take(12) {
        println!("  {n:4}  reference {gold:<5} tagged {got}");
    }
}

#[test]
fn tagger_accuracy_on_news() {
    let Ok(text) = std::fs::read_to_string(news_path()) else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the news text is missing under CI: run scripts/fetch_news.sh first"
        );
        println!(
            "SKIPPED: tagging accuracy: no {} (run scripts/fetch_news.sh)",
            news_path().display()
        );
        return;
    };
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let mut docs = BTreeMap::new();
    for r in rows("documents.tsv") {
        let doc: usize = r[0].parse().expect("document index");
        let line = lines.get(doc).copied().unwrap_or_default();
        assert_eq!(
            sha1_hex(line.as_bytes()),
            r[1],
            "document {doc} is not the text that was tagged"
        );
        docs.insert(doc, line);
    }
    let reference = reference();
    let tags = tagged(&docs);
    let (new, old) = (
        accuracy(&reference, &tags, false),
        accuracy(&reference, &tags, true),
    );
    println!(
        "tagging accuracy on {} news tokens: perceptron {:.4}, former rules {:.4}",
        reference.len(),
        new,
        old
    );
    print_confusions(&reference, &tags);
    assert!(
        new >= MIN_ACCURACY,
        "tagging accuracy {new:.4} < {MIN_ACCURACY}"
    );
}

/// SHA-1 (FIPS 180-4) of `data`, in hex: enough to check the test text, no dependency.
fn sha1_hex(data: &[u8]) -> String {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0xc3d2_e1f0,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend(((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes(block[4 * i..4 * i + 4].try_into().expect("4 bytes"));
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a82_7999),
                1 => (b ^ c ^ d, 0x6ed9_eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            (e, d, c, b, a) = (d, c, b.rotate_left(30), a, t);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

#[test]
fn sha1_matches_known_digests() {
    assert_eq!(sha1_hex(b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
    assert_eq!(sha1_hex(b""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}
