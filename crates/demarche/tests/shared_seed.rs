//! Scores the coder on the reference article in `../shared/seed` with `../shared/eval/score.py`.
//! Skipped, with a notice, when `../shared` or `python3` is absent.

use demarche::sink::{EventSink, JsonlSink};
use demarche::{Coder, Document};
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("seed/six-party-talks-2006.txt").is_file().then_some(p)
}

#[test]
fn seed_article_scores_above_thresholds() {
    let Some(shared) = shared() else {
        println!("NOTICE: ../shared not found; skipping the seed score test");
        return;
    };
    let article = shared.join("seed/six-party-talks-2006.txt");
    let text = std::fs::read(&article).expect("seed article");
    let doc = Document::new("six-party-talks-2006", demarche::ingest::parse_date("2006-11-30"), text);
    let dir = tempfile_dir();
    let events_path = dir.join("seed-events.jsonl");
    let mut out = Vec::new();
    let mut sink = JsonlSink::new(&mut out);
    for e in Coder::bundled().code(&doc).events {
        sink.write_event(&e).expect("write");
    }
    sink.finish().expect("flush");
    drop(sink);
    std::fs::write(&events_path, out).expect("write events");
    let run = std::process::Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(&article)
        .arg(shared.join("seed/gold.tsv"))
        .arg(&events_path)
        .args(["--min-recall", "0.50", "--min-precision", "0.60"])
        .output();
    let Ok(run) = run else {
        println!("NOTICE: python3 not available; skipping the seed score test");
        return;
    };
    let report = String::from_utf8_lossy(&run.stdout);
    println!("{report}");
    assert!(run.status.success(), "seed score below thresholds:\n{report}");
}

fn tempfile_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("demarche-seed-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}
